"""How well `assemble` reads an item's fields on the gold ranges: `python benchmarks/split_fields.py`.

Boundaries aside: every corpus dump and seed dump is cut at its gold ranges, each
range is given its fields by `assemble` as the split gives them (the `ceiling`
row of `split_tagger.py`, the same code), and titles, authors, licence and kind
are compared with the gold. Prints the accuracy of each field overall and per
shape (shares of gold items; an item without running text, which the split
leaves out, counts as wrong); nothing is fitted.

    --misses [FIELD …]   also every wrong field, `file:line  field  gold → got`
    --shape S [S …]      only these shapes ("seeds" for the seed dumps)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.split_score import FIELDS, DumpScore, by_shape, total  # noqa: E402
from benchmarks.split_tagger import CORPUS, Dump, corpus, predicted, ranges_of, scored  # noqa: E402


def field_scores(dumps: Iterable[Dump]) -> list[DumpScore]:
    """Each dump scored with its gold ranges and the fields `assemble` reads from them."""
    return [scored(d, predicted(d, ranges_of(d.lines, d.tags))) for d in dumps]


def _shown(value: object) -> str:
    if isinstance(value, frozenset):
        return "[" + ", ".join(sorted(value)) + "]"
    return repr(value)


def misses(scores: Iterable[DumpScore], fields: Iterable[str] = FIELDS) -> list[str]:
    """`path:line  field  gold → got` for every wrong field of every gold item."""
    out = []
    for s in scores:
        where = f"{s.shape}/{s.name}" if s.shape != "seeds" else f"seeds/{s.name}"
        for pair in s.pairs:
            for field in fields:
                if pair.predicted is None:
                    got = "(no item: no running text)"
                elif pair.right(field):
                    continue
                else:
                    got = _shown(getattr(pair.predicted, field))
                out.append(f"{where}:{pair.gold.lines[0]}  {field:<7}  {_shown(getattr(pair.gold, field))} → {got}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Field accuracy of `assemble` on the gold item ranges.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--shape", nargs="+", metavar="S")
    parser.add_argument("--misses", nargs="*", metavar="FIELD", choices=FIELDS)
    args = parser.parse_args(argv)
    dumps, seeds = corpus(args.corpus)
    every = [*dumps, *seeds]
    if args.shape:
        unknown = set(args.shape) - {d.shape for d in every}
        if unknown:
            parser.error(f"no such shape: {', '.join(sorted(unknown))}")
        every = [d for d in every if d.shape in args.shape]
    scores = field_scores(every)
    print("shape                 items  " + "  ".join(f"{f:>7}" for f in FIELDS))
    rows = {**by_shape(scores), "overall": total(scores)}
    for name, totals in rows.items():
        figures = totals.figures()
        print(f"{name:<20}  {totals.gold:>5}  " + "  ".join(f"{figures[f]:>7.3f}" for f in FIELDS))
    if args.misses is not None:
        print()
        print("\n".join(misses(scores, args.misses or FIELDS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
