"""The split's held-out figures on dumps carrying scrape artefacts, group by group.

    python benchmarks/split_artefacts.py                 ten folds of shapes, two at a time
    python benchmarks/split_artefacts.py --folds 5 --jobs 1
    python benchmarks/split_artefacts.py --list          only which dumps fall in which group

Each group is the corpus dumps showing one artefact, found from the dump's text
alone (so a new dump joins its groups without a label):

- `noblank`: fewer than one blank line in ten (a PDF, a mail, a flattened page);
- `gaps`: three or more places with two blank lines or more in a row;
- `indent`: four or more lines starting with spaces or tabs;
- `hyphen`: two or more lines ending in a word broken at a hyphen;
- `inpara`: an "Advertisement" (or "Sponsored") line of its own;
- `menu`: four or more lines of links flattened with " | " or " · ".

The shapes are dealt into folds (as `split_tagger.py --folds`); each fold's
shapes are split by a tagger fitted without them, and every dump is scored
(`split_score.py`); the table sums the dumps of each group. Needs numpy and
scipy (the `train` extra), as `split_tagger.py` does.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import split_tagger  # noqa: E402
from benchmarks.split_score import DumpScore, corpus_dumps, total  # noqa: E402

_GAPS = re.compile(r"\n[ \t]*\n[ \t]*\n")
_INDENTED = re.compile(r"^[ \t]+\S")
_BROKEN = re.compile(r"[a-z]-$")
_ADVERT = re.compile(r"^\s*(?:advertisement|advert|sponsored|ad)\s*$", re.IGNORECASE)
GROUPS = ("noblank", "gaps", "indent", "hyphen", "inpara", "menu")


def artefacts(text: str) -> set[str]:
    """The artefact groups a dump's text falls in."""
    lines = text.split("\n")
    found = set()
    if sum(1 for line in lines if not line.strip()) < 0.1 * len(lines):
        found.add("noblank")
    if len(_GAPS.findall(text)) > 2:
        found.add("gaps")
    if sum(1 for line in lines if _INDENTED.match(line)) > 3:
        found.add("indent")
    if sum(1 for line in lines if _BROKEN.search(line.rstrip())) > 1:
        found.add("hyphen")
    if any(_ADVERT.match(line) for line in lines):
        found.add("inpara")
    if sum(1 for line in lines if line.count(" | ") >= 2 or line.count(" · ") >= 2) > 3:
        found.add("menu")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Held-out split figures per scrape artefact.")
    parser.add_argument("--corpus", type=Path, default=split_tagger.CORPUS)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="only list the dumps of each group")
    args = parser.parse_args(argv)
    groups: dict[str, list[str]] = {g: [] for g in GROUPS}
    for path in corpus_dumps(args.corpus):
        for g in artefacts(path.read_text(encoding="utf-8")):
            groups[g].append(f"{path.parent.name}/{path.name}")
    if args.list:
        for g, names in groups.items():
            print(f"{g} ({len(names)}): {' '.join(names)}")
        return 0
    dumps, seeds = split_tagger.corpus(args.corpus)
    pinned = seeds + split_tagger.fixture_dumps()
    known = sorted({d.shape for d in dumps})
    folds = [known[i :: args.folds] for i in range(args.folds)]
    scores: list[DumpScore] = split_tagger.evaluate(dumps, pinned, folds, ("crf",), (), args.jobs)["crf"]
    by_name = {f"{s.shape}/{s.name}": s for s in scores}
    print(f"{'group':<8} {'dumps':>5} {'precision':>9} {'recall':>7} {'f1':>6} {'title':>6} {'authors':>7}")
    for g, names in [*groups.items(), ("all", list(by_name))]:
        f = total(by_name[n] for n in names if n in by_name).figures()
        print(f"{g:<8} {len(names):>5} {f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f} {f['title']:>6.3f} {f['authors']:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
