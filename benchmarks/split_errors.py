"""Where a split's boundaries go wrong: each gold item it missed and each item it made that
matches no gold item, put in one class (`classify`), counted per class with the shapes
that have most of them (`print_errors`).

Classes, for a gold item with no match (line sets as `split_score` counts them):

- `left out`: no predicted item touches it (its lines became debris);
- `merged`: one predicted item holds most of it and of another gold item (a missed cut);
- `cut inside`: no predicted item holds most of it (an extra cut, or several);
- `starts early` / `starts late`: one item holds most of it and no other gold item, but begins
  before it (a kicker, a by-line or furniture above the headline kept) or after it;
- `ends early` / `ends late`: the same, but the end is off (end matter cut off, furniture kept);

and for a predicted item matched to no gold item and touching none: `furniture kept`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from benchmarks.split_score import DumpScore, blank_lines, line_set

MOST = 0.8  # "holds most of it": this share of the gold item's lines


def classify(score: DumpScore, blank: frozenset[int]) -> list[tuple[str, int]]:
    """The error classes of one dump's split, each with the line where it shows."""
    gold_sets = [line_set(p.gold.lines, blank) for p in score.pairs]
    predicted = [(p, line_set(p.lines, blank)) for p in score.predictions]
    out = []
    for pair, g in zip(score.pairs, gold_sets):
        if pair.predicted is not None:
            continue
        touching = [(p, s) for p, s in predicted if s & g]
        holding = [(p, s) for p, s in touching if len(s & g) >= MOST * len(g)]
        first, last = pair.gold.lines
        if not touching:
            out.append(("left out", first))
        elif not holding:
            out.append(("cut inside", first))
        else:
            p, s = holding[0]
            others = [o for o in gold_sets if o is not g and len(o & s) >= 0.5 * len(o)]
            if others:
                out.append(("merged", first))
            elif p.lines[0] != first:
                out.append(("starts early" if p.lines[0] < first else "starts late", first))
            else:
                out.append(("ends early" if p.lines[1] < last else "ends late", last))
    every_gold = frozenset().union(*gold_sets) if gold_sets else frozenset()
    for p in score.unmatched:
        if not line_set(p.lines, blank) & every_gold:
            out.append(("furniture kept", p.lines[0]))
    return out


def print_errors(results: dict[str, list[DumpScore]], paths: dict[str, Path], names: Sequence[str], examples: int = 4) -> None:
    """Per decision in `names`: the count of each error class, the shapes with most of it, and a
    few `dump:line` examples. `paths`: dump name → its file (for its blank lines)."""
    for name in names:
        counts: Counter[str] = Counter()
        shapes: dict[str, Counter[str]] = defaultdict(Counter)
        where: dict[str, list[str]] = defaultdict(list)
        for score in results[name]:
            for cls, line in classify(score, blank_lines(paths[score.name].read_text(encoding="utf-8"))):
                counts[cls] += 1
                shapes[cls][score.shape] += 1
                where[cls].append(f"{score.shape}/{score.name}:{line}")
        print(f"\nerrors of {name}: {sum(counts.values())}")
        for cls, n in counts.most_common():
            top = ", ".join(f"{s} {k}" for s, k in shapes[cls].most_common(5))
            print(f"  {cls:<15} {n:>4}   {top}")
            print(f"  {'':<15}        e.g. {' '.join(where[cls][:examples])}")


def paths_of(dumps: Iterable[Path]) -> dict[str, Path]:
    return {p.name: p for p in dumps}
