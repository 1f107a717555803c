"""Fit a learned boundary decision on the split corpus: `python benchmarks/split_fit.py --out FILE`.

Runs the split on every dump of `benchmarks/split_corpus/` and on the seed dumps
of `content/raw/` (gold in `benchmarks/split_seeds/`, as their test pins them) with
the gold deciding each boundary (so the evidence at every line is what the split
sees when it has decided right so far), records the evidence `boundary.features`
gathers and whether the gold starts a new item there (a decision between two
lines that belong to no item, page furniture, counts for nothing), fits a
logistic regression (an L2 penalty, light on the rules' verdict and heavier on
the rest, so the model moves the rules only where many shapes agree; Newton's
method: deterministic, the same weights on every run) and prints its largest
weights.

    --out FILE        write the weights there; written to sitegen/split/boundary_model.json
                      they ship with the package and decide the split's boundaries
    --check           with --out: write nothing; exit 1 when FILE differs from a fresh fit
    --without-rules   leave the rules' own verdict out of the evidence (to measure what it adds)
    --corpus DIR      fit on another folder laid out the same way

Whether a fit is worth shipping is for `split_loso.py` to say. Needs numpy (the
`train` extra); the split itself does not.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # fit this checkout's split

from benchmarks.split_score import blank_lines, corpus_dumps, gold_path, read_gold, seed_dumps  # noqa: E402
from sitegen.split import learned, split_text, tagger  # noqa: E402
from sitegen.split.boundary import FEATURES, RULE_FEATURES  # noqa: E402
from sitegen.split.text import Block  # noqa: E402

CORPUS = ROOT / "benchmarks" / "split_corpus"
L2 = 10.0  # the penalty on the weights of the general evidence: the rules' verdict is the prior, moved only as far as the data asks
L2_ALONE = 1.0  # on the general evidence when the rules' verdict is left out (`--without-rules`)
L2_RULES = 0.01  # and on the rules' own verdict (the bias has none)
SEED_WEIGHT = 10.0  # a decision on the seed dumps counts this many times (the seed archive must stay exactly as right)
ITERATIONS = 50


@dataclass(frozen=True, slots=True)
class Rows:
    """The evidence at each decided line of some dumps, whether the gold starts an item there, and the shape."""

    x: np.ndarray
    y: np.ndarray
    shapes: tuple[str, ...]
    moot: np.ndarray  # the decision does not matter (both lines are in no gold item: page furniture)


class Recorder:
    """A decision that follows the gold and writes down the evidence it was given."""

    def __init__(self, item_of: dict[int, int]) -> None:
        self.item_of = item_of  # dump line → gold item (lines outside every item: none)
        self.rows: list[tuple[list[float], float, bool]] = []

    def __call__(self, values: Sequence[float], block: Block, previous: Block) -> float:
        here, before = self.item_of.get(block.line, -1), self.item_of.get(previous.line, -1)
        starts = here != before
        self.rows.append((list(values), float(starts), here == before == -1))  # between two lines of no item: either way is right
        return float(starts)


def training(corpus: Path) -> list[tuple[Path, Path, str]]:
    """(dump, gold file, shape) of every dump fitted on: the corpus, and the seed dumps."""
    return [(d, gold_path(d), d.parent.name) for d in corpus_dumps(corpus)] + seed_dumps()


def gold_decision(dump: Path, gold_file: Path) -> Recorder:
    """A decision for one dump that follows its gold (and records the evidence it is given)."""
    text = dump.read_text(encoding="utf-8")
    gold = read_gold(gold_file, text.count("\n") + 1)
    blank = blank_lines(text)
    return Recorder({n: k for k, g in enumerate(gold) for n in range(g.lines[0], g.lines[1] + 1) if n not in blank})


def rows_of(dumps: Iterable[tuple[Path, Path, str]]) -> Rows:
    x: list[list[float]] = []
    y: list[float] = []
    shapes: list[str] = []
    moot: list[bool] = []
    for dump, gold_file, shape in dumps:
        recorder = gold_decision(dump, gold_file)
        with learned.using(recorder), tagger.using(None):  # the rules' path, where this decision sits
            split_text(dump.read_text(encoding="utf-8"), dump.name)
        x += [r[0] for r in recorder.rows]
        y += [r[1] for r in recorder.rows]
        moot += [r[2] for r in recorder.rows]
        shapes += [shape] * len(recorder.rows)
    return Rows(
        np.array(x, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(y, dtype=np.float64), tuple(shapes), np.array(moot, dtype=bool)
    )


def weights_of(rows: Rows) -> np.ndarray:
    """How much each decision counts: a seed's much, a moot one nothing."""
    return np.where(rows.moot, 0.0, np.array([SEED_WEIGHT if shape == "seeds" else 1.0 for shape in rows.shapes]))


def fit(x: np.ndarray, y: np.ndarray, use: Sequence[str] = FEATURES, weight: np.ndarray | None = None) -> learned.Model:
    l2 = L2 if "rule_score" in use else L2_ALONE
    """Logistic regression on the columns `use` (the others weigh nothing), by Newton's method;
    `weight`: how much each row counts (1 each when None)."""
    weight = np.ones(len(y)) if weight is None else weight
    columns = [FEATURES.index(name) for name in use]
    a = x[:, columns]
    w = np.zeros(len(columns))
    penalty = np.array([0.0 if name == "bias" else L2_RULES if name in RULE_FEATURES else l2 for name in use])
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -60, 60)))
        gradient = a.T @ (weight * (p - y)) + penalty * w
        hessian = (a * (weight * p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    weights = dict(zip(use, w.tolist()))
    return learned.Model(FEATURES, tuple(round(weights.get(name, 0.0), 6) for name in FEATURES))


def without_rules() -> tuple[str, ...]:
    return tuple(name for name in FEATURES if name not in RULE_FEATURES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit a boundary decision for the split on the corpus.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, help="write the weights to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 when --out is not what a fit gives")
    parser.add_argument("--without-rules", action="store_true", help="leave the rules' verdict out of the evidence")
    args = parser.parse_args(argv)
    if args.check and not args.out:
        parser.error("--check needs --out")
    rows = rows_of(training(args.corpus))
    model = fit(rows.x, rows.y, without_rules() if args.without_rules else FEATURES, weights_of(rows))
    text = model.to_json()
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: " + ("what a fit gives" if same else "differs from a fresh fit"))
        return 0 if same else 1
    print(f"fitted on {int((weights_of(rows) > 0).sum())} decisions ({int(rows.y.sum())} new items) of {len(set(rows.shapes))} shapes")
    for name, weight in sorted(zip(model.names, model.weights), key=lambda nw: -abs(nw[1]))[:12]:
        print(f"  {name:<20} {weight:+.3f}")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"→ {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
