"""Where a split's boundaries go wrong: each gold item it missed and each item it made that
matches no gold item, put in one class (`classify`), counted per class with the shapes
that have most of them (`print_errors`).

Classes, for a gold item with no match (line sets as `split_score` counts them):

- `left out`: no predicted item touches it (its lines became debris);
- `merged`: one predicted item holds most of it and of another gold item (a missed cut);
- `cut inside`: several predicted items touch it and none holds most of it (an extra cut);
- `starts early` / `ends late`: one item holds most of it and no other gold item, but begins
  before it (a kicker, a by-line or furniture above the headline kept) or ends after it;
- `starts late` / `ends early`: one item touches it, short of it at the start or the end (the
  headline left out, end matter cut off);

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
        elif not holding and len(touching) > 1:
            out.append(("cut inside", first))
        elif not holding:  # one item, short of it
            p = touching[0][0]
            out.append(("starts late", first) if p.lines[0] > first else ("ends early", last))
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


def flags_of(path: Path, score: DumpScore) -> tuple[int, int, int, int, int]:
    """The review flags of a dump's split (the decision in use): articles, review flags, articles
    with one, wrong articles (matched to no gold item), wrong articles with one."""
    from sitegen.split import split_text  # the split as the score saw it

    text = path.read_text(encoding="utf-8")
    wrong = {p.lines for p in score.unmatched}
    articles = split_text(text, path.name).articles
    flagged = [a for a in articles if a.review]
    return (len(articles), sum(len(a.review) for a in articles), len(flagged),
            sum(a.source.lines in wrong for a in articles), sum(a.source.lines in wrong for a in flagged))


def print_flags(name: str, counts: Iterable[tuple[int, int, int, int, int]]) -> None:
    articles, flags, flagged, wrong, wrong_flagged = (sum(c) for c in zip(*counts))
    print(f"\nreview flags of {name}: {flags / max(1, articles):.2f} per article, {flagged / max(1, articles):.0%} of "
          f"articles flagged; {wrong_flagged} of {wrong} wrong articles flagged ({wrong_flagged / max(1, wrong):.0%})")
