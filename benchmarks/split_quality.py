"""Score the split against the hand-written corpus: `python benchmarks/split_quality.py`.

Runs the project's split (the pure `split_text`, nothing written) on every dump
of `benchmarks/split_corpus/<shape>/<name>.txt`, compares it with the gold file
beside it (`<name>.gold.yaml`) and prints, per shape and overall:

- boundary precision, recall and F1: a predicted article matches a gold item
  when the Jaccard index of their non-blank line sets is ≥ 0.8 (one-to-one);
  precision = matched / predicted, recall = matched / gold;
- exact-title, exact-author-set, licence-kind (and kind) accuracy, over gold
  items: right only when matched and equal, so a missed item counts as wrong;
- the same four among matched items only (columns `m.title` … `m.kind`, JSON
  `title_matched` …): field extraction measured apart from boundaries.

The full definitions are in `split_score.py`. Options:

    --shape SHAPE     only the dumps of one shape
    --dump FILE       one dump, item by item: gold against prediction, and what differs
    --corpus DIR      score another folder laid out the same way
    --json            the figures as JSON (overall, per shape, per dump)
    --markdown        the per-shape table as Markdown (for the README)
    --rules           the hand-written rules of `boundary` deciding boundaries (not the shipped tagger)

The split's boundaries are decided by a line tagger fitted on this very corpus
(`sitegen/split/tagger_model.json`), so these figures are in-sample: they show
what the split gets right on pages like these, not how it does on a page shape
it has never seen. That figure is leave-one-shape-out:
`python benchmarks/split_tagger.py` (and `--new` for the twenty newest shapes
fitted without them).

Exit 0 after a report, 1 when a gold file is broken, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # score this checkout's split, and find the scoring module

from benchmarks.split_score import (  # noqa: E402
    FIGURES, DumpScore, GoldError, Item, Totals, blank_lines, by_shape, corpus_dumps, jaccard, line_set, score_corpus,
    score_file, total, totals_of,
)
from sitegen.split import tagger  # noqa: E402

CORPUS = ROOT / "benchmarks" / "split_corpus"
HEADERS = ("dumps", "gold", "found", "P", "R", "F1", "title", "authors", "licence", "kind",
           "m.title", "m.authors", "m.licence", "m.kind")


def _row(totals: Totals) -> list[str]:
    """A table row; the among-matched figures are a dash when nothing matched (there is nothing to judge)."""
    f = totals.figures()
    cells = [f"{f[name]:.2f}" if totals.matched or not name.endswith("_matched") else "–" for name in FIGURES]
    return [str(totals.dumps), str(totals.gold), str(totals.predicted), *cells]


def text_table(scores: list[DumpScore]) -> str:
    rows = [[shape, *_row(t)] for shape, t in by_shape(scores).items()]
    rows.append(["overall", *_row(total(scores))])
    header = ["shape", *HEADERS]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown_table(scores: list[DumpScore]) -> str:
    header = ["shape", *HEADERS]
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * len(HEADERS)) + "|"]
    for shape, t in by_shape(scores).items():
        out.append("| " + " | ".join([shape, *_row(t)]) + " |")
    out.append("| " + " | ".join(f"**{c}**" for c in ["overall", *_row(total(scores))]) + " |")
    return "\n".join(out)


def as_json(scores: list[DumpScore]) -> str:
    def block(t: Totals) -> dict:
        return {"dumps": t.dumps, "gold": t.gold, "predicted": t.predicted, "matched": t.matched, **t.figures()}

    return json.dumps({
        "overall": block(total(scores)),
        "shapes": {shape: block(t) for shape, t in by_shape(scores).items()},
        "dumps": {f"{s.shape}/{s.name}": block(totals_of(s)) for s in scores},
    }, indent=2, ensure_ascii=False)


def _describe(item: Item) -> str:
    title = repr(item.title) if item.title is not None else "(untitled)"
    authors = ", ".join(sorted(item.authors)) or "-"
    return f"lines {item.lines[0]}-{item.lines[1]}  {item.kind}  {title}  authors: {authors}  licence: {item.licence}"


def _edge(lines: list[str], n: int) -> str:
    text = lines[n - 1].strip() if 0 < n <= len(lines) else ""
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


def _nearest(gold: Item, score: DumpScore, lines: list[str]) -> str:
    blank = blank_lines("\n".join(lines))
    overlaps = [(jaccard(line_set(gold.lines, blank), line_set(p.lines, blank)), p) for p in score.predictions]
    best, item = max(overlaps, key=lambda o: o[0], default=(0.0, None))
    return f"; the nearest, lines {item.lines[0]}-{item.lines[1]}, overlaps {best:.2f}" if item and best else ""


def dump_diff(score: DumpScore, lines: list[str]) -> str:
    """Each gold item with the prediction matched to it and what differs (with the dump's lines where a
    boundary differs); then the predictions matched to nothing."""
    out = [f"{score.shape}/{score.name}"]
    for n, pair in enumerate(score.pairs, 1):
        gold, got = pair.gold, pair.predicted
        out.append(f"\n[{n}] gold   {_describe(gold)}")
        if got is None:
            out.append("    MISSED: no prediction overlaps it by 0.8" + _nearest(gold, score, lines))
            continue
        out.append(f"    found  {_describe(got)}  (overlap {pair.overlap:.2f})")
        wrong = [f for f in ("lines", "title", "authors", "licence", "kind") if getattr(gold, f) != getattr(got, f)]
        out.append("    " + ("differs: " + ", ".join(wrong) if wrong else "ok"))
        for side, g, p in (("starts", gold.lines[0], got.lines[0]), ("ends", gold.lines[1], got.lines[1])):
            if g != p:
                out.append(f"    gold {side} at {g} {_edge(lines, g)}, found at {p} {_edge(lines, p)}")
    if score.unmatched:
        out.append("\npredicted, matching no gold item:")
        out += [f"    {_describe(item)}" for item in score.unmatched]
    f = totals_of(score).figures()
    out.append("\n" + "  ".join(f"{name} {f[name]:.2f}" for name in FIGURES))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score the split against the hand-written split corpus.",
        epilog="These figures are in-sample (the shipped tagger is fitted on this corpus); for generalisation to "
        "unseen page shapes run: python benchmarks/split_tagger.py  (leave-one-shape-out; --new for the newest shapes)",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of <shape>/<name>.txt dumps with gold")
    parser.add_argument("--shape", help="score only this shape")
    parser.add_argument("--dump", type=Path, metavar="FILE", help="show one dump item by item")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the figures as JSON")
    out.add_argument("--markdown", action="store_true", help="print the per-shape table as Markdown")
    parser.add_argument("--rules", action="store_true", help="score the rules alone, without the line tagger")
    args = parser.parse_args(argv)
    with tagger.using(None) if args.rules else nullcontext():
        return _report(parser, args)


def _report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        if args.dump:
            if not args.dump.is_file():
                parser.error(f"{args.dump}: no such dump")
            print(dump_diff(score_file(args.dump), args.dump.read_text(encoding="utf-8").split("\n")))
            return 0
        if not args.corpus.is_dir():
            parser.error(f"{args.corpus}: no such folder")
        if not corpus_dumps(args.corpus, args.shape):
            parser.error(f"{args.corpus}: no dumps" + (f" of shape {args.shape!r}" if args.shape else ""))
        scores = score_corpus(args.corpus, args.shape)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(as_json(scores) if args.json else markdown_table(scores) if args.markdown else text_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
