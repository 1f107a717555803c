"""split_text and iter_articles: whole dumps, large ones too."""

from __future__ import annotations

import random
import textwrap
import time
import tracemalloc

from sitegen.split import iter_articles, split_text


def test_dump_without_separators_is_one_article():
    text = "Plain title\n\nFirst paragraph of the only article in this dump, which has no separators.\n\nSecond paragraph, which ends it.\n"
    result = split_text(text, "one.txt")
    assert [a.title for a in result.articles] == ["Plain title"]
    assert result.articles[0].source.lines == (1, 5)


def test_large_dump_splits_every_article():
    article = (
        "Title number {n} – Asia Times\n\n"
        + "A paragraph of ordinary news text that goes on for a while and then ends properly. " * 6
        + "\n\nThis article is republished from The Conversation under a Creative Commons license.\n\nContinue Reading\n\n"
    )
    dump = "".join(article.format(n=n) for n in range(3000))  # about 2 MB
    result = split_text(dump, "big.txt")
    assert len(result.articles) == 3000
    assert result.articles[-1].title == "Title number 2999"


class _Dropped(list):
    """A debris list that keeps nothing, to measure what the split itself holds."""

    def append(self, item) -> None:
        pass

    def extend(self, items) -> None:
        for _ in items:
            pass


def _dump_lines(articles: int):
    paragraph = "A paragraph of ordinary news text that goes on for a while and then ends properly. " * 5
    for n in range(articles):
        yield f"Story number {n} – The Ledger"
        yield ""
        for _ in range(8):
            yield paragraph
            yield ""
        yield "Jane Hill is a reporter at The Ledger."
        yield ""
        yield "Continue Reading"
        yield ""


def test_a_streamed_dump_is_split_in_bounded_memory():
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_articles(_dump_lines(800), "big.txt", _Dropped()))  # about 3 MB of text
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 800
    assert peak < 1_000_000, f"peak {peak:,} bytes: the split holds more than one article at a time"


def test_split_time_grows_linearly():
    def seconds(n: int) -> float:  # CPU time of this process: other load on the machine does not count
        started = time.process_time()
        split_text("\n".join(_dump_lines(n)), "d.txt")
        return time.process_time() - started

    small, large = min(seconds(200) for _ in range(3)), min(seconds(1600) for _ in range(3))
    assert large < small * 8 * 2.5, f"8x the text took {large / small:.1f}x the time"


def _wrapped_dump(lines: int) -> str:
    """One article whose only paragraph is hard-wrapped over `lines` lines."""
    words = "the council said on Tuesday that a new bridge would open in spring after years of delay".split()
    pick = random.Random(lines)  # no two lines alike, as in prose
    text = " ".join(pick.choice(words) for _ in range(lines * 11)) + "."
    return "A Bridge Opens at Last\n\nBy Jane Hill\n\n" + "\n".join(textwrap.wrap(text, 72)) + "\n"


def test_split_time_grows_linearly_with_one_long_wrapped_paragraph():
    def seconds(lines: int) -> float:
        dump = _wrapped_dump(lines)
        started = time.process_time()
        result = split_text(dump, "wrapped.txt")
        assert len(result.articles) == 1
        return time.process_time() - started

    small, large = min(seconds(250) for _ in range(3)), min(seconds(2000) for _ in range(3))
    assert large < small * 8 * 2.5, f"8x the lines took {large / small:.1f}x the time"
