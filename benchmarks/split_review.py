"""How well the split's review flags point an editor at its mistakes, on shapes it has not seen.

    python benchmarks/split_review.py --folds 10            flags at the shipped thresholds, and a sweep

The split flags an article for review where the tagger is unsure: a start or an end less probable
than `tagger.SURE`, a line inside at least `tagger.DOUBT` likely to start an item (and the other
doubts: a title made up, an item that may be furniture). An editor checks what is flagged; what is
not flagged is trusted. So two figures matter: the share of the **wrong** articles (matched to no
gold item at overlap ≥ 0.8) that carry a flag (caught), and the share of **all** articles that do
(the editor's work).

The shapes are dealt into folds as in `split_tagger.py --folds`; each fold's dumps are split by a
tagger fitted without them, with every start, end and inside line's probability recorded (the
thresholds set so that all are doubts), then each article is flagged again at each pair of
thresholds of the sweep. Needs numpy and scipy (the `train` extra).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.split_score import score  # noqa: E402
from benchmarks.split_score import Item as GoldItem  # noqa: E402
from benchmarks.split_score import blank_lines, predict  # noqa: E402
from benchmarks.split_tagger import CORPUS, corpus, fit, fixture_dumps  # noqa: E402
from sitegen.split import split_text, tagger  # noqa: E402

_P = re.compile(r"\(p=([0-9.]+)\)")


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a held-out split: whether it is wrong, the probabilities behind its doubts."""

    wrong: bool
    start: float  # of its first line starting an item (1.0 with no text above it)
    end: float  # of its last line ending it
    inside: float  # the highest of a line inside starting one
    other: bool  # a doubt that is not the tagger's (no title, maybe furniture, an inferred by-line item)

    def flagged(self, sure: float, doubt: float) -> bool:
        return self.other or self.start < sure or self.end < sure or self.inside >= doubt


@contextmanager
def every_doubt() -> Iterator[None]:
    """Every start, end and inside line a doubt, so each one's probability is in the review."""
    kept = tagger.SURE, tagger.DOUBT
    tagger.SURE, tagger.DOUBT = 2.0, 0.0
    try:
        yield
    finally:
        tagger.SURE, tagger.DOUBT = kept


def records(path: Path, gold: Sequence[GoldItem]) -> list[Record]:
    """The records of the articles of one dump, split by the tagger in use."""
    text = path.read_text(encoding="utf-8")
    with every_doubt():
        articles = split_text(text, path.name).articles
    wrong = {p.lines for p in score(gold, predict(text, path.name), blank=blank_lines(text)).unmatched}
    out = []
    for article in articles:
        start, end, inside, other = 1.0, 1.0, 0.0, False
        for _, why in article.review:
            p = _P.search(why)
            if p is None:
                other = True
            elif why.startswith("new item inferred"):
                start = float(p.group(1))
            elif why.startswith("item end inferred"):
                end = float(p.group(1))
            elif why.startswith("may start a new item"):
                inside = max(inside, float(p.group(1)))
            else:
                other = True
        out.append(Record(article.source.lines in wrong, start, end, inside, other))
    return out


def rates(rows: Sequence[Record], sure: float, doubt: float) -> tuple[float, float]:
    """The share of articles flagged, and of wrong articles flagged."""
    flagged = [r for r in rows if r.flagged(sure, doubt)]
    wrong = [r for r in rows if r.wrong]
    return len(flagged) / max(1, len(rows)), sum(r.flagged(sure, doubt) for r in wrong) / max(1, len(wrong))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="How well review flags catch the split's mistakes on unseen shapes.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--sure", nargs="+", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9])
    parser.add_argument("--doubt", nargs="+", type=float, default=[0.5, 0.4, 0.3, 0.2, 0.1])
    args = parser.parse_args(argv)
    dumps, seeds = corpus(args.corpus)
    pinned = seeds + fixture_dumps()
    shapes = sorted({d.shape for d in dumps})
    rows: list[Record] = []
    for fold in (shapes[i :: args.folds] for i in range(args.folds)):
        model = fit([d for d in dumps if d.shape not in fold] + pinned)
        with tagger.using(model):
            for d in dumps:
                if d.shape in fold:
                    rows += records(d.path, d.gold)
    wrong = sum(r.wrong for r in rows)
    print(f"{len(rows)} articles, {wrong} wrong ({wrong / max(1, len(rows)):.0%}); "
          f"doubts other than the tagger's on {sum(r.other for r in rows)} ({sum(r.other and r.wrong for r in rows)} wrong)")
    flagged, caught = rates(rows, tagger.SURE, tagger.DOUBT)
    print(f"shipped (SURE {tagger.SURE}, DOUBT {tagger.DOUBT}): {flagged:.0%} of articles flagged, {caught:.0%} of wrong ones")
    print("\nflagged / caught   " + "".join(f"DOUBT {d:<8g}" for d in args.doubt))
    for sure in args.sure:
        print(f"SURE {sure:<13g} " + "".join("{:>3.0%} / {:>3.0%}   ".format(*rates(rows, sure, d)) for d in args.doubt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
