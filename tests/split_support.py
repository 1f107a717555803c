"""Boundary decisions for tests of the passes that read the split's items whole, and the corpus's lines."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from benchmarks.split_score import corpus_dumps

from sitegen.split import SplitResult, split_text, tagger
from sitegen.split.roles import LineShape, Repeats, Role, classify, shape
from sitegen.split.text import Block
from sitegen.split.tagger import Line, Tagging


class FirstOnly:
    """A boundary decision sure that only the first line of a segment starts an item."""

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags = tuple("B" if k == 0 else "I" for k in range(len(lines)))
        return Tagging(tags, tuple((1.0, 0.0, 0.0) if t == "B" else (0.0, 1.0, 0.0) for t in tags))


class StartsAt:
    """A boundary decision that starts an item at the first line and at each line of `starts` (every
    other line inside one)."""

    def __init__(self, *starts: str) -> None:
        self.starts = set(starts)

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags = tuple("B" if x.block.text in self.starts or not k else "I" for k, x in enumerate(lines))
        return Tagging(tags, tuple((1.0, 0.0, 0.0) if t == "B" else (0.0, 1.0, 0.0) for t in tags))


def read_lines(texts: Sequence[str]) -> tuple[list[Block], list[LineShape], tuple[Role, ...]]:
    """A segment's content lines as the split's stages take them: blocks (numbered from 1), shapes, roles."""
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    shapes = [shape(t) for t in texts]
    return blocks, shapes, classify(list(texts), None, shapes)


def split_first_only(text: str, name: str = "dump.txt") -> SplitResult:
    """The split of a dump's text when the decision keeps each segment one item."""
    with tagger.using(FirstOnly()):
        return split_text(text, name)


ROOT = Path(__file__).resolve().parents[1]


@cache
def corpus_lines() -> frozenset[str]:
    """Every non-blank line of the split corpus, the content seeds and the split's fixtures: where a
    recogniser's cheap first test that missed a line it should have let through would show."""
    dumps = [*corpus_dumps(ROOT / "benchmarks" / "split_corpus"), *ROOT.glob("content/raw/*.txt"), *ROOT.glob("tests/split/fixtures/*.txt")]
    return frozenset(line for dump in dumps for line in dump.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip())


def assert_accounted_once(text: str, name: str = "dump.txt") -> SplitResult:
    """Every non-blank line of the dump is in exactly one article or reported once as debris, and
    the streaming split gives the same articles; the split is returned."""
    from sitegen.split import iter_articles

    result = split_text(text, name)
    owned = {n for a in result.articles for n in (*a.body_lines, *a.meta_lines)}
    debris = [d.line for d in result.debris]
    assert len(debris) == len(set(debris)), "a line reported twice as debris"
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            assert (number in owned) != (number in debris), (number, line)
    lines = text.split("\n")  # (as `sitegen split` streams a dump: its lines counted in a first pass)
    assert [a.title for a in iter_articles(lines, name, [], Repeats.of_lines(lines))] == [a.title for a in result.articles]
    return result


PLAIN_ARTICLE = (  # a scraped article's lines, to follow a format saved as it is (a feed or a calendar cut short, a message, a chat)
    "Harbour cranes return to the old port", "By Maria Costa",
    "The cranes came back on Monday after four years of repairs and the first ships docked at dawn.",
    "Dock workers say the port will need another hundred hands by the summer if the new routes open.",
)


def titles_after_cut(cut: str) -> list[str]:
    """The titles of a dump that is `cut` (a format cut short, or one that ends) followed by
    `PLAIN_ARTICLE`, every line accounted for once."""
    return [a.title for a in assert_accounted_once(cut + "\n".join(PLAIN_ARTICLE) + "\n", "cut.txt").articles]


PAGES = Path(__file__).resolve().parent / "split" / "pages"  # small pages written for the readers' tests


def split_page(name: str) -> SplitResult:
    """The split of one of the test pages."""
    return split_text((PAGES / name).read_text(encoding="utf-8"), name)


def plan(result: SplitResult) -> list[tuple[tuple[int, int], str, tuple[str, ...]]]:
    """A split's articles as their lines, titles and authors."""
    return [(a.source.lines, a.title, a.authors) for a in result.articles]
