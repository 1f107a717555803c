"""The split's line tagger: leave-one-shape-out scores, and the fit that ships.

    python benchmarks/split_tagger.py            each shape split by a tagger fitted without it
    python benchmarks/split_tagger.py --fit      fit on the whole corpus and the seed dumps, write
                                                 sitegen/split/tagger_model.json (refit after adding dumps;
                                                 with `STACKED`, eleven fits of the first)
    python benchmarks/split_tagger.py --check    exit 1 when the shipped weights are not what --fit writes
                                                 (a fit only when what a fit reads changed since the one that
                                                 wrote them: their digest is in split_tagger_inputs.sha256;
                                                 --check --full fits whatever)

The tagger (`sitegen/split/tagger.py`) tags every content line of a segment `B`
(the first line of an item), `I` (inside one) or `O` (outside: furniture,
debris) from sparse features of the line and its neighbours; it is a
linear-chain conditional random field over those features and the tag
transitions (`split_crf.py`: forward-backward gradients, L-BFGS, L2, deterministic;
the maximum-entropy Markov model it replaced is still fitted with `--memm`;
weights rounded to 4 significant digits, as shipped). The gold tags come from
the gold files (lines outside every gold range are `O`); segments and roles are
the split's own (`segment.iter_segments`, `roles.classify`), so the tagger is
fitted on what it sees at run time.

With `STACKED` the weights that ship have a second pass (`sitegen/split/stack.py`): each line read
again against the heads the first pass is sure of, its scores added to the first's. It is fitted
on the first pass's scores of each shape by a first pass fitted without it (shapes dealt in
`STACK_FOLDS` folds: the first pass as it is on a shape it has never seen), the first's scores
fixed (`split_crf.fit`'s offsets).

The leave-one-shape-out figure is the honest estimate of how the split does on a
page shape it has never seen (the corpus figure of `split_quality.py` is
in-sample). Each shape is split by `split_text` with a tagger fitted on all the
other shapes, the seed dumps (`split_seeds/`, gold of `content/raw`) and the
split's test fixtures (`tests/split/fixtures/`, the items the rules find there
as gold: the fixture tests pin them), then scored with `split_score.py`. Rows:

- `rules`: the hand-written rules of `boundary` deciding (no tagger);
- `tagger`: the tagger fitted without the shape;
- `ceiling`: the gold tags (what boundaries alone cannot fix).

    --held S [S …]    one fold instead: fit without these shapes, score only them
    --folds N         the shapes in N folds instead of one each (quicker, a little harder)
    --seed S          with --folds: the shapes shuffled by S before they are dealt (a small change is
                      judged by its mean over several seeds: one deal moves by about ±0.003)
    --memm            the maximum-entropy Markov model instead of the CRF (--compare: both)
    --bias B [B …]    also rows decoded with these priors for cutting
    --cuts P [P …]    also rows decoded by each line's own probabilities, cutting where B is this probable
    --errors          also where each tagger goes wrong (`split_errors.py`)
    --jobs N          N folds at a time
    --new             that fold for the twenty newest shapes
    --shapes          also the per-shape F1
    --flattened W     also fit the first pass on each dump with blank lines, with them taken out, at weight W
                      (ten folds, 952 dumps: 0.5 gave 0.890 against 0.886 with seed 0, 0.889 against 0.891
                      with seed 1, and doubles the fit's time: not used)
    --stack           also rows of both passes (the second fitted on the first pass's scores of the
                      other folds' shapes; --second-bias B [B …]: decoded with these priors for cutting)

Needs numpy and scipy (the `train` extra); the split itself does not.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import split_crf  # noqa: E402
from benchmarks.split_errors import flags_of, print_errors, print_flags  # noqa: E402
from benchmarks.split_score import (  # noqa: E402
    DumpScore, Item, blank_lines, corpus_dumps, gold_path, predict, print_decisions, read_gold, score, score_file, seed_dumps,
)
from sitegen.split import decode_dump, split_text, stack, tagger  # noqa: E402
from sitegen.split.roles import Repeats  # noqa: E402
from sitegen.split.tagger import TAGS, Decide, Line, Model, Tagging, describe, features, with_previous  # noqa: E402
from sitegen.split.unwrap import LineMap, Unwrapped  # noqa: E402

CORPUS = ROOT / "benchmarks" / "split_corpus"
FIXTURES = ROOT / "tests" / "split" / "fixtures"
NEW = ("forum_thread", "job_board", "advice_column", "weather_report", "travel_guide", "university_news",
       "government_notice", "product_roundup", "wiki_page", "council_minutes", "health_news", "changelog_post",
       "earnings_story", "satire_site", "ngo_field_report", "trade_press", "gaming_news", "celebrity_gossip",
       "crypto_blog", "fashion_listicle")
L2 = 1.0
CRF_L2 = 30.0  # ten folds: 0.3 F1 0.687, 3 0.704, 10 0.714, 30 0.703; with the heads-of-items features (429 dumps) 3 gave F1 0.780, 6 0.784;
# fitted without four whole batches of new shapes and scored on them (--held, stacked; 1,512 dumps), which is how a user's
# dumps meet it: batches 67-70 0.514 at 6, 0.531 at 15, 0.510 at 30; batches 63-66 0.539 at 6, 0.558 at 15, 0.571 at 30
# fitted on 3,092 dumps, scored on the 80 of batches 158-161 and the 80 of 162-165 (held out, stacked): 0.743 and 0.784 at 15,
# 0.749 and 0.793 at 30 (titles 0.667 -> 0.675, 0.754 -> 0.760)
CRF_START_BIAS = 1.25  # added to the score of B at decoding (leave-shapes-out in ten folds: 1 gave F1 +0.007, 1.5 titles +0.016)
CRF_CUT: float | None = 0.55  # a line inside an item this likely to start one starts one (None: Viterbi alone); ten folds, 529 dumps: F1 0.795 at 0.45, 0.797 at 0.55, 0.786 at 0.35
PINNED = 30.0  # a line of the seed dumps or the test fixtures counts this many times (their output is pinned by tests)
STACKED = True  # the weights that ship have a second pass (`stack`), fitted on the first pass's scores of shapes held out
STACK_FOLDS = 10  # the second pass is fitted on first-pass probabilities of shapes held out in this many folds
SECOND_BIAS = 1.0  # added to the score of B by the second pass, on top of the first's prior (ten folds, 672 dumps: F1 0.880 at 1;
# fitted on segments with no sure head too, 0.882 at 0.5 and at 1, 0.879 at 1.25, 0.876 at 1.5)
PRUNE = 1e-3  # a feature whose weights are all smaller than this is left out of the file
FLATTENED = 0.0  # each corpus dump with blank lines also fitted on, at this weight, with them taken out (0: not; see --flattened)
BLANK_SHARE = 0.1  # a dump with fewer blank lines than this share of its lines has none to take out


@dataclass(frozen=True, slots=True)
class Dump:
    """A corpus dump: its segments as the tagger sees them, with their gold tags."""

    path: Path
    shape: str
    text: str
    segments: tuple[tuple[Line, ...], ...]
    tags: tuple[tuple[str, ...], ...]  # gold, per segment
    gold: tuple[Item, ...] = ()  # the gold items (none for a test fixture: its gold is the rules' ranges)
    weight: float = 1.0  # how much its lines count in a fit
    variant: bool = False  # a corpus dump with its blank lines taken out: fitted on, never scored


def segments_of(text: str) -> tuple[list[tuple[Line, ...]], LineMap]:
    """The described segments of a dump's text, as `split.iter_articles` describes them (on the
    lines of its hard-wrapped paragraphs joined), and the map back to the dump's line numbers."""
    lines = text.split("\n")
    repeats = Repeats.of_lines(lines)
    joined = Unwrapped(lines)
    return [describe(segment, repeats) for segment in tagger.segments(joined, [], repeats)], joined.map


def tagged(path: Path, text: str, spans: Sequence[tuple[int, int]], shape_name: str, gold: tuple[Item, ...] = ()) -> Dump:
    """A dump with its gold tags from the line spans of its items."""
    segments, lines = segments_of(text)
    tags = []
    for segment in segments:
        owners = [next((i for i, (first, last) in enumerate(spans) if first <= lines.first(x.block.line) <= last), None) for x in segment]
        tags.append(tuple("O" if o is None else "I" if k and owners[k - 1] == o else "B" for k, o in enumerate(owners)))
    return Dump(path, shape_name, text, tuple(segments), tuple(tags), gold)


def load(path: Path, gold_file: Path, shape_name: str) -> Dump:
    text = path.read_text(encoding="utf-8")
    gold = read_gold(gold_file, text.count("\n") + 1)
    return tagged(path, text, [g.lines for g in gold], shape_name, gold)


def flattened(dump: Dump, weight: float) -> Dump | None:
    """The dump with its blank lines taken out, as a page copied without them reads (its gold
    ranges on the lines that are left), or None when it has hardly any to take out."""
    lines = dump.text.split("\n")
    kept = [n for n, line in enumerate(lines, start=1) if line.strip()]
    inner = len(dump.text.strip("\n").split("\n"))  # (a last line's end is no blank line)
    if inner - len(kept) < BLANK_SHARE * inner:
        return None
    number = {n: k for k, n in enumerate(kept, start=1)}
    spans = []
    for g in dump.gold:
        inside = [number[n] for n in range(g.lines[0], g.lines[1] + 1) if n in number]
        if inside:
            spans.append((inside[0], inside[-1]))
    text = "\n".join(lines[n - 1] for n in kept) + "\n"
    flat = tagged(dump.path.with_name(dump.path.stem + ".flattened.txt"), text, spans, dump.shape)
    return replace(flat, weight=weight, variant=True)


def fixture_dumps() -> list[Dump]:
    """The split's test fixtures (`tests/split/fixtures/`), each with the items the rules of
    `boundary` find in it as gold: the fixture tests pin those, so the tagger learns them too."""
    out = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text, _ = decode_dump(path.read_bytes(), path.name)
        with tagger.using(None):
            spans = [a.source.lines for a in split_text(text, path.name).articles]
        out.append(tagged(path, text, spans, "fixtures"))
    return out


INPUTS = ROOT / "benchmarks" / "split_tagger_inputs.sha256"  # what the shipped weights were fitted from, and they


def inputs_digest(corpus_dir: Path) -> str:
    """The digest of everything a fit reads: the corpus's dumps and gold, the seed dumps and theirs,
    the split's test fixtures, and the code (all of sitegen's, and the fit's own)."""
    files = [*sorted(corpus_dir.rglob("*.txt")), *sorted(corpus_dir.rglob("*.gold.yaml")),
             *(f for seed in seed_dumps() for f in seed[:2]), *sorted(FIXTURES.glob("*.txt")),
             *sorted((ROOT / "sitegen").rglob("*.py")),
             *(ROOT / "benchmarks" / f"{name}.py" for name in ("split_tagger", "split_crf", "split_score", "split_errors"))]
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _recorded(corpus_dir: Path) -> str:
    """The line `INPUTS` holds for the weights as shipped, fitted from these inputs."""
    weights = hashlib.sha256(tagger.WEIGHTS.read_bytes()).hexdigest() if tagger.WEIGHTS.exists() else "none"
    return f"{inputs_digest(corpus_dir)} inputs\n{weights} {tagger.WEIGHTS.name}\n"


def corpus(corpus_dir: Path, flat_weight: float = FLATTENED) -> tuple[list[Dump], list[Dump]]:
    """The corpus dumps (each followed by its `flattened` variant at `flat_weight`, when it has one
    and the weight is not 0), and the seed dumps (with their gold)."""
    dumps = []
    for d in corpus_dumps(corpus_dir):
        dumps.append(load(d, gold_path(d), d.parent.name))
        flat = flattened(dumps[-1], flat_weight) if flat_weight else None
        if flat is not None:
            dumps.append(flat)
    seeds = [load(*seed) for seed in seed_dumps()]
    return dumps, seeds


def fit(dumps: Sequence[Dump], kind: str = "crf", start_bias: float | None = None) -> Model:
    """The tagger fitted on these dumps (`kind`: "crf", "memm"): weights rounded to 4 significant
    digits, features whose weights are all below `PRUNE` left out (as the weights file holds them)."""
    if kind == "crf":
        weights = split_crf.fit(dumps, _l2[0] if _l2 else CRF_L2, PINNED)
    else:
        weights = fit_memm(dumps, _l2[0] if _l2 else L2)
    bias = (CRF_START_BIAS if kind == "crf" else tagger.START_BIAS) if start_bias is None else start_bias
    return _rounded(weights, kind, bias, CRF_CUT if kind == "crf" else None)


def _rounded(weights: dict[str, tuple[float, float, float]], kind: str, bias: float, cut: float | None) -> Model:
    return Model({
        name: tuple(float(f"{v:.4g}") for v in w)  # type: ignore[misc]
        for name, w in weights.items() if max(abs(v) for v in w) >= PRUNE
    }, kind, bias, cut)


def fit_memm(dumps: Sequence[Dump], l2: float = L2) -> dict[str, tuple[float, float, float]]:
    """The maximum-entropy Markov model's weights (unrounded): a multinomial logistic regression per line."""
    rows: list[list[str]] = []
    y: list[int] = []
    weight: list[float] = []
    for d in dumps:
        for segment, tags in zip(d.segments, d.tags):
            for k in range(len(segment)):
                base = features(segment, k)
                rows.append(base + with_previous(base, tags[k - 1] if k else "S"))
                y.append(TAGS.index(tags[k]))
                weight.append(PINNED if d.shape in ("seeds", "fixtures") else 1.0)
    index: dict[str, int] = {}
    for r in rows:
        for name in r:
            index.setdefault(name, len(index))
    data_rows, cols = [], []
    for i, r in enumerate(rows):
        ids = sorted({index[n] for n in r})
        data_rows += [i] * len(ids)
        cols += ids
    x = sparse.csr_matrix((np.ones(len(cols)), (data_rows, cols)), shape=(len(rows), len(index)))
    target = np.zeros((len(rows), 3))
    target[np.arange(len(rows)), y] = 1.0
    row_weight = np.array(weight)[:, None]  # a pinned line counts PINNED times
    target *= row_weight
    xt = x.T.tocsr()

    def loss(w_flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = w_flat.reshape(len(index), 3)
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        logz = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        logp = logits - logz
        value = -(target * logp).sum() + 0.5 * l2 * (w * w).sum()
        grad = xt @ (np.exp(logp) * row_weight - target) + l2 * w
        return value, grad.ravel()

    result = optimize.minimize(loss, np.zeros(len(index) * 3), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    weights = result.x.reshape(len(index), 3)
    return {name: (float(weights[i, 0]), float(weights[i, 1]), float(weights[i, 2])) for name, i in index.items()}


def first_pass(model: Model, dump: Dump) -> list[tuple[tuple[tuple[float, float, float], ...], np.ndarray]]:
    """Per segment of a dump, the tag probabilities of its lines as `model` decodes them, and its
    log-potentials (lines, previous tag B I O S, tag)."""
    out = []
    for segment in dump.segments:
        if not segment:
            out.append(((), np.zeros((0, 4, 3))))
            continue
        steps = model.steps(segment)
        with np.errstate(divide="ignore"):
            logs = np.maximum(np.log(np.array(steps)), -1e30)
        out.append((model.decode_steps(steps).probabilities, logs))
    return out


def restated(dump: Dump, found: Sequence[tuple]) -> Dump:
    """The dump's segments as the second pass reads them (`stack.restate`), from first-pass probabilities."""
    return replace(dump, segments=tuple(stack.restate(seg, p) for seg, (p, _) in zip(dump.segments, found)))


def fit_second(dumps: Sequence[Dump], found: Sequence[Sequence[tuple]]) -> Model:
    """The second pass fitted on these dumps under their first pass (`found`: `first_pass` of each,
    its scores fixed under the second's), rounded and pruned as `fit`."""
    weights = split_crf.fit([restated(d, f) for d, f in zip(dumps, found)], _l2[0] if _l2 else CRF_L2, PINNED,
                            offsets=[[logs for _, logs in f] for f in found], names=stack.features)
    return _rounded(weights, "crf", SECOND_BIAS, None)


def fit_stacked(dumps: Sequence[Dump], pinned: Sequence[Dump], first: Model | None = None,
                held: dict[Path, Sequence] | None = None) -> stack.Stacked:
    """Both passes on these dumps: the first fitted on them all (or `first`), the second on the
    first pass of each dump by a first pass fitted without its shape (shapes dealt in `STACK_FOLDS`
    folds; `held`: those already found, by dump) and of the pinned dumps by the first pass itself
    (at run time it has seen them)."""
    first = first or fit([*dumps, *pinned])
    found = dict(held or {})
    shapes = sorted({d.shape for d in dumps})
    originals = [d for d in dumps if not d.variant]  # the second pass is fitted on the corpus as it is
    for fold in [shapes[i::STACK_FOLDS] for i in range(STACK_FOLDS)]:
        rest = [d for d in originals if d.shape in fold and d.path not in found]
        if rest:
            model = fit([d for d in dumps if d.shape not in fold] + list(pinned))
            found.update((d.path, first_pass(model, d)) for d in rest)
    every = [*originals, *pinned]
    return stack.Stacked(first, fit_second(every, [found[d.path] for d in originals] + [first_pass(first, d) for d in pinned]))


class Gold:
    """The gold tags of some dumps as a decision (the ceiling row)."""

    def __init__(self, dumps: Sequence[Dump]) -> None:
        self.tags = {(d.path.name, x.block.line, x.block.text): t for d in dumps for seg, tags in zip(d.segments, d.tags) for x, t in zip(seg, tags)}
        self.name = ""

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags = tuple(self.tags.get((self.name, x.block.line, x.block.text), "O") for x in lines)
        return Tagging(tags, tuple(tuple(float(t == tag) for t in TAGS) for tag in tags))  # type: ignore[misc]


def ceiling(dump: Dump) -> DumpScore:
    """The dump split at its gold ranges (the gold tags deciding), the fields read as the split reads
    them, scored against its gold: what boundaries alone cannot fix."""
    gold = Gold([dump])
    gold.name = dump.path.name
    with tagger.using(gold):
        items = predict(dump.text, dump.path.name)
    return score(dump.gold, items, blank=blank_lines(dump.text), shape=dump.shape, name=dump.path.name)


def evaluate(dumps: list[Dump], pinned: list[Dump], folds: list[list[str]], kinds: Sequence[str] = ("crf",),
             biases: Sequence[float] = (), jobs: int = 1) -> dict[str, list]:
    """Per decision, the scores of the held-out shapes' dumps; the tagger of each fold is fitted on
    the other shapes and `pinned` (the seed dumps and the test fixtures), as each of `kinds`, and
    decoded with its own prior for cutting or with each of `biases`. `jobs` folds at a time
    (worker processes forked with the dumps loaded). Also, as "flags KIND", the review flags of
    each kind's split of each dump (`split_errors.flags_of`)."""
    _context[:] = [(dumps, pinned, kinds, biases)]
    parts = _map(_fold, folds, jobs)
    out: dict[str, list] = {}
    if _stacked:  # the second pass of each fold, fitted on the first-pass probabilities of the other folds
        held = {name: found for part in parts for name, found in part.pop("held").items()}
        firsts = {tuple(fold): part.pop("first") for fold, part in zip(folds, parts)}
        _context.append((held, firsts))  # type: ignore[arg-type]
        parts += _map(_second, folds, jobs)
    for part in parts:
        for name, scores in part.items():
            out.setdefault(name, []).extend(scores)
    return out


def _map(work, folds: list[list[str]], jobs: int) -> list[dict[str, list]]:
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(work, folds, chunksize=1)
    return [work(fold) for fold in folds]


def _second(fold: list[str]) -> dict[str, list]:
    dumps, pinned, _, _ = _context[0]
    held, firsts = _context[1]  # type: ignore[misc]
    first = firsts[tuple(fold)]
    second = fit_stacked([d for d in dumps if d.shape not in fold], pinned, first, held).second
    out: dict[str, list] = {}
    for b in _second_biases or [second.start_bias]:
        with tagger.using(stack.Stacked(first, Model(second.weights, "crf", b, second.cut))):
            out[f"stack {b:g}"] = [score_file(d.path) for d in dumps if d.shape in fold and not d.variant]
    return out


_stacked: list[bool] = []  # also the rows of both passes (--stack)
_second_biases: list[float] = []  # the second pass decoded with these priors for cutting (--second-bias)
_cuts: list[float] = []  # also rows decoded by each line's probabilities, cutting at these (--cuts)
_l2: list[float] = []  # the L2 weight when not the kind's own (--l2)
_context: list[tuple[list[Dump], list[Dump], Sequence[str], Sequence[float]]] = []


def _fold(fold: list[str]) -> dict[str, list]:
    dumps, pinned, kinds, biases = _context[0]
    held = [d for d in dumps if d.shape in fold and not d.variant]
    decisions: list[tuple[str, Decide | None]] = [("rules", None)]
    for kind in kinds:
        model = fit([d for d in dumps if d.shape not in fold] + pinned, kind)
        decisions.append((kind, model))
        decisions += [(f"{kind} {b:g}", Model(model.weights, kind, b, model.cut)) for b in biases]
        decisions += [(f"{kind} p{c:g}", Model(model.weights, kind, model.start_bias, c)) for c in _cuts]
    out: dict[str, list] = {}
    for name, decide in decisions:
        with tagger.using(decide):
            out[name] = [score_file(d.path) for d in held]
            if name in kinds:
                out["flags " + name] = [flags_of(d.path, s) for d, s in zip(held, out[name])]
    out["ceiling"] = [ceiling(d) for d in held]
    if _stacked:
        out["held"] = {d.path: first_pass(decisions[1][1], d) for d in held}  # type: ignore[dict-item, arg-type]
        out["first"] = decisions[1][1]  # type: ignore[assignment]
    return out


def deal(shapes: Sequence[str], folds: int, seed: int = 0) -> list[list[str]]:
    """The shapes dealt into `folds` folds in turn: in name order (`seed` 0), or shuffled by `seed`
    first. A change too small to judge on one deal (the second pass's figure moves by about ±0.003
    with any change of features) is judged by its mean over several seeds."""
    order = sorted(shapes)
    if seed:
        random.Random(seed).shuffle(order)
    return [order[i::folds] for i in range(folds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Leave-one-shape-out scores of the split's line tagger; its fit.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--held", nargs="+", metavar="SHAPE")
    parser.add_argument("--new", action="store_true", help="fit without the twenty newest shapes, score them")
    parser.add_argument("--shapes", action="store_true")
    parser.add_argument("--folds", type=int, help="shapes in this many folds (dealt in turn) instead of one fold each: quicker, a little harder")
    parser.add_argument("--memm", action="store_true", help="the maximum-entropy Markov model instead of the CRF")
    parser.add_argument("--compare", action="store_true", help="leave-one-shape-out rows of both the CRF and the MEMM")
    parser.add_argument("--l2", type=float, help=f"the L2 weight (default: CRF {CRF_L2}, MEMM {L2})")
    parser.add_argument("--seed", type=int, default=0, help="with --folds: shapes shuffled by this seed before they are dealt (0: in name order)")
    parser.add_argument("--jobs", type=int, default=1, help="folds fitted at a time")
    parser.add_argument("--errors", action="store_true", help="also the error classes of each tagger (split_errors.py)")
    parser.add_argument("--bias", nargs="+", type=float, default=[], help="also these priors for cutting")
    parser.add_argument("--fit", action="store_true", help=f"fit on everything, write {tagger.WEIGHTS.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped weights differ from a fresh fit")
    parser.add_argument("--full", action="store_true", help="with --check: fit even when the inputs are those of the shipped fit")
    parser.add_argument("--stack", action="store_true", help="also the rows of both passes (the second fitted on first-pass probabilities of the other folds)")
    parser.add_argument("--second-bias", nargs="+", type=float, default=[], help="the second pass decoded with these priors for cutting")
    parser.add_argument("--cuts", nargs="+", type=float, default=[], help="also rows decoded by each line's own probabilities, cutting where B is this probable")
    parser.add_argument("--flattened", type=float, default=FLATTENED, metavar="W",
                        help="also fit on each dump with its blank lines taken out, at this weight (first pass; never scored)")
    args = parser.parse_args(argv)
    _cuts[:] = args.cuts
    _stacked[:] = [True] if args.stack else []
    _second_biases[:] = args.second_bias
    if args.l2 is not None:
        _l2[:] = [args.l2]
    if args.check and not args.full and INPUTS.exists() and INPUTS.read_text(encoding="utf-8") == _recorded(args.corpus):
        print(f"{tagger.WEIGHTS}: up to date (fitted from these very inputs: {INPUTS.name})")
        return 0
    dumps, seeds = corpus(args.corpus, args.flattened)
    pinned = seeds + fixture_dumps()
    if args.fit or args.check:
        if STACKED and not args.memm:
            both = fit_stacked(dumps, pinned)
            written = both.first.to_json(both.second)
        else:
            written = fit(dumps + pinned, "memm" if args.memm else "crf").to_json()
        shipped = tagger.WEIGHTS.read_text(encoding="utf-8") if tagger.WEIGHTS.exists() else None
        if args.check:
            if written != shipped:
                print(f"{tagger.WEIGHTS}: not what a fit on the corpus gives; run {Path(__file__).name} --fit", file=sys.stderr)
                return 1
            print(f"{tagger.WEIGHTS}: up to date (a fit gives them; --fit records its inputs, so the next check need not fit)")
            return 0
        tagger.WEIGHTS.write_text(written, encoding="utf-8")
        INPUTS.write_text(_recorded(args.corpus), encoding="utf-8")
        print(f"wrote {tagger.WEIGHTS} ({len(written.encode()):,} bytes, {written.count(chr(10)):,} features) and {INPUTS.name}")
        return 0
    known = sorted({d.shape for d in dumps})
    held = list(NEW) if args.new else args.held
    if held and not set(held) <= set(known):
        parser.error(f"no such shape: {', '.join(sorted(set(held) - set(known)))}")
    kinds = ("crf", "memm") if args.compare else ("memm",) if args.memm else ("crf",)
    folds = [held] if held else deal(known, args.folds, args.seed) if args.folds else [[s] for s in known]
    results = evaluate(dumps, pinned, folds, kinds, args.bias, args.jobs)
    flags = {name: results.pop("flags " + name) for name in kinds}
    print_decisions(results, args.shapes)
    for name, counts in flags.items():
        print_flags(name, counts)
    if args.errors:
        print_errors(results, {d.path.name: d.path for d in dumps if not d.variant}, [n for n in results if n not in ("rules", "ceiling")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
