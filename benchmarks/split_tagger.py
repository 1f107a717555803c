"""A line tagger for the split, judged leave-one-shape-out: `python benchmarks/split_tagger.py`.

Every non-blank line of a dump gets a tag: `B` (the first line of an item), `I`
(inside one) or `O` (outside: furniture, debris). The gold tags come from the
gold files (lines outside every gold range are `O`). Each line is described by
sparse binary features: what the rules know of it (its role, shape, headline
score, the date, by-line, licence and furniture recognisers, how often it
recurs, the segment's debris verdict), the blank lines around it, the same of
its neighbours (±2) and its position (lines since the last long paragraph).
The model is a maximum-entropy Markov model: a multinomial logistic regression
per line over those features and the previous tag (L-BFGS, L2, deterministic),
decoded with Viterbi (no `I` after `O`); an item needs running text (≥ 100
characters, a paragraph among them), else it is left out (its lines `O`).

Items are made from the tags and given their fields by `assemble`, as the split
does, then scored with `split_score.py`. Each shape is split by a tagger fitted
on all the other shapes and the seed dumps (`split_seeds/`, gold of
`content/raw`). Rows:

- `rules`: the split as it is;
- `tagger`: the tagger without the rules' verdict among its features;
- `combined`: the tagger with the rules' verdict (item starts, kept lines) as features;
- `ceiling`: the gold ranges with their fields from `assemble` (what boundaries
  alone cannot fix).

    --held S [S …]    one fold instead: fit without these shapes, score only them
    --new             that fold for the twenty newest shapes
    --history         also features of the item so far (its text, its end matter, whether the
                      line has the style of its first line), decoded by beam search
    --shapes          also the per-shape F1
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.split_score import (  # noqa: E402
    Item, blank_lines, corpus_dumps, gold_path, print_decisions, read_gold, score, score_file, seed_dumps, _norm,
)
from sitegen.split import split_text  # noqa: E402
from sitegen.split.assemble import assemble  # noqa: E402
from sitegen.split.boundary import Item as RuleItem, _is_teaser, has_running_text, is_listing, items as rule_items  # noqa: E402
from sitegen.split.clean import clean_line  # noqa: E402
from sitegen.split.licence import detect_licence  # noqa: E402
from sitegen.split.roles import Repeats, Role, byline_names, classify, date_line, furniture_reason, headline_score, shape  # noqa: E402
from sitegen.split.segment import iter_segments  # noqa: E402
from sitegen.split.text import Block, Debris  # noqa: E402

CORPUS = ROOT / "benchmarks" / "split_corpus"
NEW = ("forum_thread", "job_board", "advice_column", "weather_report", "travel_guide", "university_news",
       "government_notice", "product_roundup", "wiki_page", "council_minutes", "health_news", "changelog_post",
       "earnings_story", "satire_site", "ngo_field_report", "trade_press", "gaming_news", "celebrity_gossip",
       "crypto_blog", "fashion_listicle")
TAGS = ("B", "I", "O")
L2 = 1.0


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank dump line (cleaned) with its features."""

    number: int
    text: str
    own: tuple[str, ...]  # features of the line itself (its neighbours see these too)
    rules: tuple[str, ...]  # the rules' verdict on it


@dataclass(frozen=True, slots=True)
class Dump:
    """A corpus dump with its described lines and their gold tags."""

    path: Path
    shape: str
    text: str
    lines: tuple[Line, ...]
    tags: tuple[str, ...]  # gold
    gold: tuple[Item, ...]


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


_DIGITS = re.compile(r"\d+")
_FINALS = ".?!:;,)”\"’"


def describe(text: str, name: str) -> tuple[Line, ...]:
    """The non-blank lines of a dump with their features."""
    raw = text.split("\n")
    repeats = Repeats.of_lines(raw)
    debris: list[Debris] = []
    role: dict[int, str] = {}
    seg_start: set[int] = set()
    listing: set[int] = set()
    publishers: set[str] = set()
    for segment in iter_segments(raw, debris, repeats):
        texts = [b.text for b in segment]
        shapes = [shape(t) for t in texts]
        roles = classify(texts, [repeats.count(t) for t in texts], shapes)
        seg_start.add(segment[0].line)
        if is_listing(texts, roles, shapes):
            listing.update(b.line for b in segment)
        for b, r in zip(segment, roles):
            role[b.line] = r.value
        for item in rule_items(segment, roles, publishers, shapes):
            if not has_running_text(texts[item.start : item.end]):
                for b in segment[item.start : item.end]:
                    role[b.line] = "nort:" + role[b.line]
    reasons = {d.line: _DIGITS.sub("N", d.reason)[:30] for d in debris}
    articles = split_text(text, name).articles
    starts = {a.source.lines[0] for a in articles}
    kept = {n for a in articles for n in (*a.body_lines, *a.meta_lines)}
    cleaned = [clean_line(r) for r in raw]
    filled = [i for i, t in enumerate(cleaned) if t]
    out = []
    since_long = 99
    for k, i in enumerate(filled):
        t, number = cleaned[i], i + 1
        s = shape(t)
        before = i - filled[k - 1] - 1 if k else 9
        after = filled[k + 1] - i - 1 if k + 1 < len(filled) else 9
        own = [
            f"r={role.get(number, 'debris')}", f"len={_bucket(s.chars, (10, 20, 40, 70, 100, 150, 200, 400))}",
            f"w={_bucket(s.words, (2, 3, 5, 8, 12, 16, 23, 40))}", f"cap={round(s.capitalised * 4)}",
            f"fin={s.final if s.final in _FINALS else ('' if not s.final else 'x')}",
            f"stop={round(s.stop_density * 5)}", f"hs={round(headline_score(t, s) * 5)}",
            f"bb={min(before, 2)}", f"ba={min(after, 2)}", f"rep={min(repeats.count(t), 4)}",
        ]
        if number in reasons:
            own.append("d=" + reasons[number])
        if s.cut:
            own.append("cut")
        if s.list_like:
            own.append("list")
        if s.chars <= 100 and date_line(t):
            own.append("date")
        if s.chars <= 200 and byline_names(t):
            own.append("by")
        if s.chars <= 700 and detect_licence(t):
            own.append("lic")
        if s.chars <= 240 and furniture_reason(t, repeats.count(t)):
            own.append("furn")
        if number in seg_start:
            own.append("seg")
        own.append(f"since={_bucket(since_long, (1, 2, 3, 5, 8, 15))}")
        since_long = 0 if s.chars >= 200 or s.chars >= 80 and s.sentence else since_long + 1
        if number in listing:
            own.append("lst")
        rules = ("rs" if number in starts else "rn", "rk" if number in kept else "rd")
        out.append((number, t, own, rules, s))
    # looking ahead: lines until the next running text, text until the next headline-shaped line
    until_text, text_ahead = 99, 0
    for number, t, own, rules, s in reversed(out):
        own.append(f"until={_bucket(until_text, (1, 2, 3, 5, 8))}")
        own.append(f"ahead={_bucket(text_ahead, (1, 100, 300, 800, 2000))}")
        heading = own[0] in ("r=title", "r=furniture") or own[0].startswith("r=nort")
        if s.chars >= 200 or s.chars >= 80 and s.sentence:
            until_text = 0
        else:
            until_text += 1
        text_ahead = 0 if heading else text_ahead + (s.chars if own[0] in ("r=body", "r=standfirst") else 0)
    heads = sum(1 for x in out if x[2][0] == "r=title")
    share = f"heads={_bucket(heads / max(1, len(out)), (0.05, 0.1, 0.2, 0.3))}"
    return tuple(Line(number, t, (*own, share), rules) for number, t, own, rules, s in out)


def features(lines: Sequence[Line], k: int, with_rules: bool) -> list[str]:
    """The features of line k (without the previous tag)."""
    own = lines[k]
    f = ["bias", *own.own]
    if with_rules:
        f += own.rules
    for d in (-2, -1, 1, 2):
        j = k + d
        if 0 <= j < len(lines):
            near = lines[j].own if abs(d) == 1 else [x for x in lines[j].own if x.startswith(("r=", "hs=", "len=", "bb=", "d="))]
            f += [f"{d}:{x}" for x in near]
            if with_rules and abs(d) == 1:
                f += [f"{d}:{x}" for x in lines[j].rules]
        else:
            f.append(f"{d}:edge")
    role = own.own[0]
    prev_role = lines[k - 1].own[0] if k else "start"
    next_role = lines[k + 1].own[0] if k + 1 < len(lines) else "end"
    f += [f"rr={prev_role}|{role}", f"rn={role}|{next_role}", f"rb={role}|{own.own[7]}"]
    return f


def with_previous(base: list[str], previous: str) -> list[str]:
    """The features of the previous tag, alone and with the line's role, headline score, blank lines above, length."""
    return [f"p={previous}", *(f"p={previous}|{base[j]}" for j in (1, 2, 7, 8))]


# The state of the item being tagged: (index of its B line or -1, its characters of text so far, its end matter seen)
State = tuple[int, int, bool]
START: State = (-1, 0, False)
_END_ROLES = ("r=byline", "r=credit", "r=licence")


def advance(state: State, lines: Sequence[Line], k: int, tag: str) -> State:
    b, chars, ended = state
    if tag == "O":
        return START
    if tag == "B":
        b, chars, ended = k, 0, False
    role = lines[k].own[0]
    if role in ("r=body", "r=standfirst"):
        chars += len(lines[k].text)
    return b, chars, ended or (role in _END_ROLES and chars > 0)


def history(state: State, lines: Sequence[Line], k: int, base: list[str]) -> list[str]:
    """Features of the item the line would continue: its text so far, whether its end matter
    was seen, whether the line has the style of the item's first line."""
    b, chars, ended = state
    if b < 0:
        return ["h=out"]
    head = lines[b].own
    same = f"same={head[3] == lines[k].own[3]}{head[0] == lines[k].own[0]}"
    size = f"hc={_bucket(chars, (1, 200, 600, 1500, 4000))}"
    return [size, f"{size}|{base[1]}", f"end={ended}|{base[1]}", f"{same}|{base[7]}", f"{same}|{size}"]


class Model:
    """A fitted MEMM: weights per (feature, tag)."""

    def __init__(self, index: dict[str, int], weights: np.ndarray, with_rules: bool, with_history: bool = False) -> None:
        self.index, self.weights, self.with_rules, self.with_history = index, weights, with_rules, with_history

    def _logits(self, names: list[str]) -> np.ndarray:
        ids = [self.index[n] for n in names if n in self.index]
        return self.weights[ids].sum(axis=0)

    def tag(self, lines: Sequence[Line]) -> list[str]:
        return self.beam(lines) if self.with_history else self.viterbi(lines)

    def beam(self, lines: Sequence[Line], width: int = 8) -> list[str]:
        """Beam search over B/I/O with log P(tag | line, previous tag, the item so far)."""
        beams: list[tuple[float, tuple[str, ...], State]] = [(0.0, (), START)]
        for k in range(len(lines)):
            base = features(lines, k, self.with_rules)
            core = self._logits(base)
            grown = []
            for total, tags, state in beams:
                previous = tags[-1] if tags else "S"
                logits = core + self._logits(with_previous(base, previous) + history(state, lines, k, base))
                logp = logits - np.logaddexp.reduce(logits)
                for t, tag in enumerate(TAGS):
                    if tag == "I" and previous in ("O", "S"):
                        continue
                    grown.append((total + float(logp[t]), tags + (tag,), advance(state, lines, k, tag)))
            grown.sort(key=lambda g: -g[0])
            beams = grown[:width]
        return list(beams[0][1]) if beams else []

    def viterbi(self, lines: Sequence[Line]) -> list[str]:
        """Viterbi over B/I/O with log P(tag | line, previous tag)."""
        n = len(lines)
        if n == 0:
            return []
        best = np.full((n, 3), -math.inf)
        back = np.zeros((n, 3), dtype=int)
        for k in range(n):
            base = features(lines, k, self.with_rules)
            core = self._logits(base)
            for p, previous in enumerate(TAGS if k else ("O",)):
                logits = core + self._logits(with_previous(base, previous if k else "S"))
                logp = logits - np.logaddexp.reduce(logits)
                if previous == "O" or not k:
                    logp[1] = -math.inf  # no I without a B
                total = (best[k - 1, p] if k else 0.0) + logp
                better = total > best[k]
                best[k] = np.where(better, total, best[k])
                back[k] = np.where(better, p, back[k])
        tags = [int(np.argmax(best[-1]))]
        for k in range(n - 1, 0, -1):
            tags.append(int(back[k, tags[-1]]))
        return [TAGS[t] for t in reversed(tags)]


def fit(dumps: Sequence[Dump], with_rules: bool, l2: float = L2, with_history: bool = False) -> Model:
    rows: list[list[str]] = []
    y: list[int] = []
    for d in dumps:
        state = START
        for k in range(len(d.lines)):
            base = features(d.lines, k, with_rules)
            rows.append(base + with_previous(base, d.tags[k - 1] if k else "S") + (history(state, d.lines, k, base) if with_history else []))
            y.append(TAGS.index(d.tags[k]))
            state = advance(state, d.lines, k, d.tags[k])
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
    xt = x.T.tocsr()

    def loss(w_flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = w_flat.reshape(len(index), 3)
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        logz = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        logp = logits - logz
        value = -(target * logp).sum() + 0.5 * l2 * (w * w).sum()
        grad = xt @ (np.exp(logp) - target) + l2 * w
        return value, grad.ravel()

    result = optimize.minimize(loss, np.zeros(len(index) * 3), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return Model(index, result.x.reshape(len(index), 3), with_rules, with_history)


def ranges_of(lines: Sequence[Line], tags: Sequence[str]) -> list[list[Line]]:
    """Items from a tag sequence; one without running text (`boundary.has_running_text`: at least
    100 characters, a paragraph among them) is left out, as the split leaves it out."""
    out: list[list[Line]] = []
    current: list[Line] | None = None
    for line, tag in zip(lines, tags):
        if tag == "B" or tag == "I" and current is None:
            current = [line]
            out.append(current)
        elif tag == "I":
            current.append(line)
        else:
            current = None
    return [r for r in out if has_running_text([x.text for x in r])]


def predicted(dump: Dump, ranges: Sequence[Sequence[Line]]) -> tuple[Item, ...]:
    """Items from line ranges, their fields read by `assemble` as the split reads them (a page of
    teasers, or two short items in a row, gives fragments, as in `boundary.items`)."""
    raw = dump.text.split("\n")
    repeats = Repeats.of_lines(raw)
    parts = []
    for r in ranges:
        blocks = tuple(Block(x.number, x.text) for x in r)
        texts = [b.text for b in blocks]
        shapes = [shape(t) for t in texts]
        roles = classify(texts, [repeats.count(t) for t in texts], shapes)
        parts.append((blocks, roles, roles[0] is Role.TITLE and _is_teaser(roles, shapes, 0, len(blocks))))
    short = [p[2] for p in parts]
    page = sum(short) >= 3 and sum(short) * 2 > len(short)
    out = []
    for i, (blocks, roles, is_short) in enumerate(parts):
        teaser = is_short and (page or i > 0 and short[i - 1] or i + 1 < len(short) and short[i + 1])
        article = assemble(blocks, dump.path.name, roles, RuleItem(0, len(blocks), 1.0, teaser=teaser))
        first, last = blocks[0].line, blocks[-1].line
        title = _norm(article.title)
        titled = any(_norm(raw[n - 1]).startswith(title) for n in article.meta_lines if first <= n <= last) if title else False
        out.append(Item((first, last), article.kind.value, title if titled else None,
                        frozenset(map(_norm, article.authors)), article.licence.kind.value))
    return tuple(out)


def load(path: Path, gold_file: Path, shape_name: str) -> Dump:
    text = path.read_text(encoding="utf-8")
    gold = read_gold(gold_file, text.count("\n") + 1)
    lines = describe(text, path.name)
    tags = []
    owner_prev = None
    for line in lines:
        owner = next((g for g in gold if g.lines[0] <= line.number <= g.lines[1]), None)
        tags.append("O" if owner is None else ("I" if owner is owner_prev else "B"))
        owner_prev = owner
    return Dump(path, shape_name, text, lines, tuple(tags), gold)


def corpus(corpus_dir: Path) -> tuple[list[Dump], list[Dump]]:
    dumps = [load(d, gold_path(d), d.parent.name) for d in corpus_dumps(corpus_dir)]
    seeds = [load(*seed) for seed in seed_dumps()]
    return dumps, seeds


def scored(dump: Dump, items: tuple[Item, ...]):
    return score(dump.gold, items, blank=blank_lines(dump.text), shape=dump.shape, name=dump.path.name)


def evaluate(dumps: list[Dump], seeds: list[Dump], folds: list[list[str]], with_history: bool = False) -> dict[str, list]:
    out: dict[str, list] = {"rules": [], "tagger": [], "combined": [], "ceiling": []}
    for fold in folds:
        train = [d for d in dumps if d.shape not in fold] + seeds
        held = [d for d in dumps if d.shape in fold]
        out["rules"] += [score_file(d.path) for d in held]
        for name, with_rules in (("tagger", False), ("combined", True)):
            model = fit(train, with_rules, with_history=with_history)
            out[name] += [scored(d, predicted(d, ranges_of(d.lines, model.tag(d.lines)))) for d in held]
        out["ceiling"] += [scored(d, predicted(d, ranges_of(d.lines, d.tags))) for d in held]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Leave-one-shape-out scores of a line tagger for the split.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--held", nargs="+", metavar="SHAPE")
    parser.add_argument("--new", action="store_true", help="fit without the twenty newest shapes, score them")
    parser.add_argument("--shapes", action="store_true")
    parser.add_argument("--history", action="store_true", help="features of the item so far, decoded by beam search")
    args = parser.parse_args(argv)
    dumps, seeds = corpus(args.corpus)
    known = sorted({d.shape for d in dumps})
    held = list(NEW) if args.new else args.held
    if held and not set(held) <= set(known):
        parser.error(f"no such shape: {', '.join(sorted(set(held) - set(known)))}")
    results = evaluate(dumps, seeds, [held] if held else [[s] for s in known], args.history)
    print_decisions(results, args.shapes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
