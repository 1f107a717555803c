"""Leave-one-shape-out evaluation of the split's boundary decision: `python benchmarks/split_loso.py`.

For each shape of `benchmarks/split_corpus/`, the boundary model is fitted on the
dumps of all the other shapes (`split_fit.py`), that shape's dumps are split with
it and scored with `split_score.py`; the figures summed over every shape are the
honest estimate of how the split does on a page shape it has never seen. Three
decisions are compared:

- `rules`: the hand-written rules alone (nothing fitted, so this is their plain
  corpus figure; they were written with the whole corpus in view);
- `model`: the logistic model without the rules' own verdict among its evidence;
- `combined`: the model with the rules' score as evidence;
- `ceiling`: the gold itself deciding at every line where the decision is asked:
  what any learned decision could reach, the rest being lost to what it is not
  asked (furniture kept as text, cuts after end matter, segments, debris).

    --shapes          also print the per-shape F1 of each
    --held S [S …]    instead, one fold: fit without these shapes, score only them (new shapes,
                      before anything is fitted on them)
    --corpus DIR      another folder laid out the same way
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.split_fit import CORPUS, FEATURES, fit, gold_decision, rows_of, training, weights_of, without_rules  # noqa: E402
from benchmarks.split_score import corpus_dumps, gold_path, print_decisions, score_file  # noqa: E402
from sitegen.split import learned, tagger  # noqa: E402



def evaluate(corpus: Path, held_out: list[str] | None = None) -> dict[str, list]:
    """Per decision, the scores of every dump, each split by a decision fitted without its shape
    (or, with `held_out`, of those shapes' dumps, split by a decision fitted on the others)."""
    dumps = corpus_dumps(corpus)
    rows = rows_of(training(corpus))  # the seed dumps are always fitted on
    out: dict[str, list] = {"rules": [], "model": [], "combined": [], "ceiling": []}
    folds = [held_out] if held_out else [[shape] for shape in sorted({d.parent.name for d in dumps})]
    for fold in folds:
        keep = np.array([s not in fold for s in rows.shapes])
        held = [d for d in dumps if d.parent.name in fold]
        for name, use in (("rules", None), ("model", without_rules()), ("combined", FEATURES)):
            decide = None if use is None else fit(rows.x[keep], rows.y[keep], use, weights_of(rows)[keep])
            with learned.using(decide):
                out[name] += [score_file(d) for d in held]
        for dump in held:
            with learned.using(gold_decision(dump, gold_path(dump))):
                out["ceiling"].append(score_file(dump))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Leave-one-shape-out scores of the split's boundary decision.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--shapes", action="store_true", help="also the per-shape F1")
    parser.add_argument("--held", nargs="+", metavar="SHAPE", help="fit without these shapes and score only them")
    args = parser.parse_args(argv)
    known = {d.parent.name for d in corpus_dumps(args.corpus)}
    if args.held and not set(args.held) <= known:
        parser.error(f"no such shape: {', '.join(sorted(set(args.held) - known))}")
    with tagger.using(None):  # this decision sits in the rules' path, not the line tagger's
        results = evaluate(args.corpus, args.held)
    print_decisions(results, args.shapes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
