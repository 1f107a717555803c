"""The split's boundary decision: a line tagger over the content lines of a segment.

Every content line of a segment gets a tag: `B` (the first line of an item), `I`
(inside one) or `O` (outside every item: furniture, debris). Each line is
described by sparse named features (`describe`, `features`): its role and shape
(`roles`), its headline score, the date, by-line, licence and furniture
recognisers, a heading's marks ("## …", a mail's "** …": `_heading_mark`; an item is
also cut at a mail's heading inside it, which never heads a section), how often it
recurs in the dump, the blank and removed lines around
it, the same of its neighbours (±2), how far it stands from the last and the
next running text, the segment's share of headline-shaped lines, and for a
headline-shaped line the lexical cohesion of the text around it (`cohesion`), a sign-off
that ends an item or a formula that opens one (`signoff`), how many heads of the segment
share a line's shape (`template`), the heads of a page printed as records, each closed by a line
of one form (`records`), and on a segment with no blank lines what stands in for
them (`flat`; its blank-line features read `f`, not 0). The model
is a linear-chain conditional random field: the score of a tag after the
previous one is the sum of the weights of the line's features and of the
previous tag's, normalised over all the tag sequences of the segment;
`Model.decode` finds the likeliest tag sequence (Viterbi: no `I` without a `B`
before it) and the probability of each tag at each line (forward-backward);
`items` turns the tags into items, keeping those with little running text that
`short` judges short items of their own (teasers, results, notices). A
weights file of the older kind, a maximum-entropy Markov model (the same scores
normalised per line: a softmax), decodes too. The weights ship as package data
(`tagger_model.json`: the kind, the prior for cutting, feature → weights of B, I,
O, and under "second" those of a second pass, `stack`, that reads each line again against the
heads the first pass is sure of), fitted on the split corpus by `benchmarks/split_tagger.py --fit`; pure
Python at run time. `items` then hands the items to three passes that read them whole:
`peers.cut` (an item cut where a line inside is printed like its own head: the notices of a page),
`sections.join` (an article cut at a subheading is one again), `margins.attach` (a headline left
above its story taken in, the site's lines under it let go) and `replies.cut` (a business's reply
under a review taken out). With no weights file
the rules of `boundary` decide. `using` swaps the decision (for fitting and for
leave-one-shape-out evaluation). Must not read metadata (that is `assemble`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from sitegen.split import answers, briefs, cardfeet, cardrows, cohesion, contents, contributors, directory, ends, flat, furniture, mailfoot, margins, minutes, numbered, pagebreak, peers, postfeet, ranks, records, releases, replies, rows, sections, short, signoff, stack, template, underlined
from sitegen.split.boundary import NO_RUNNING_TEXT, OUTSIDE, Item, cut_at, has_running_text, mark_teasers
from sitegen.split.clean import READ_MORE
from sitegen.split.licence import detect_licence
from sitegen.split.meta import split_title
from sitegen.split.roles import LineShape, Repeats, Role, byline_names, classify, date_line, furniture_reason, headline_score, shape
from sitegen.split.segment import iter_segments
from sitegen.split.text import RECORD_CODE, RULE, Block, Debris, bucket, heading_level, mail_heading

WEIGHTS = Path(__file__).with_name("tagger_model.json")
TAGS = ("B", "I", "O")
B, I, O = range(3)
# Review flags (`benchmarks/split_review.py`, shapes held out in ten folds): at SURE 0.8 and DOUBT 0.3,
# 26% of the articles are flagged and 65% of the wrong ones; at 0.6 and 0.5, 9% and 27%.
SURE = 0.8  # an item start or end less probable than this is worth a look
DOUBT = 0.3  # and so is a line inside an item at least this likely to start one
START_BIAS = 1.0  # added to the score of B at decoding when the weights file names no prior: a prior for cutting
KEEP_ALONE = 0.15  # a segment with running text tagged all outside is one item when a line is this likely to start one,
# and so are the lines tagged outside before a segment's first item when they hold running text and the first is
_CARRIED = 8  # lines taken out after a segment that the next one is told about
_DIGITS = re.compile(r"\d+")
_FINALS = ".?!:;,)”\"’"
_HEADING = (Role.TITLE, Role.FURNITURE)
_CAPS_WORDS = 8  # a line in capitals this short is a label or a headline
_TEXT = (Role.BODY, Role.STANDFIRST)
_SHAPED = (Role.TITLE, Role.STANDFIRST, Role.FURNITURE)  # lines whose cohesion the tagger is told: short ones, headline-shaped


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a segment with the features of the line itself (its neighbours see these too): a
    content line (`index` into the segment's blocks, its `role`) or a line the segmenter took out
    (`index` -1, no role), which stays out whatever its tag but tells about its neighbours."""

    block: Block
    role: Role | None
    index: int
    own: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """A segment of content lines (`segment.iter_segments`) with their shapes and roles, and the
    lines taken out since the segment before (`Debris`, in line order)."""

    blocks: tuple[Block, ...]
    shapes: tuple[LineShape, ...]
    roles: tuple[Role, ...]
    removed: tuple[Debris, ...] = ()
    read_more: bool = False  # a "Continue reading" link ends it: its last item is a teaser of a text elsewhere


def segments(lines: Iterable[str], debris: list[Debris], repeats: Repeats | None = None) -> Iterator[Segment]:
    """The segments of a dump's lines, as the split reads them (debris lines are appended to `debris`).
    The lines taken out after a segment's last line (the separator that ends it) come with the
    segment after: they tell where it starts."""
    mark = len(debris)
    carried: list[Debris] = []
    for blocks in iter_segments(lines, debris, repeats):
        texts = [b.text for b in blocks]
        shapes = tuple(shape(t) for t in texts)
        roles = classify(texts, [repeats.count(t) for t in texts] if repeats else None, shapes)
        kept = {b.line for b in blocks}
        new = [d for d in debris[mark:] if d.line not in kept and d.text.strip() and not d.reason.startswith("blank")]
        mark = len(debris)
        last = blocks[-1].line if blocks else 0
        removed = tuple(sorted(carried + [d for d in new if d.line < last], key=lambda d: d.line))
        after = [d for d in new if d.line > last]
        carried = after[-_CARRIED:]
        yield Segment(blocks, shapes, roles, removed, bool(after) and READ_MORE.match(after[0].text.strip()) is not None)


def _heading_mark(text: str) -> str | None:
    """The feature of a heading's marks: a Markdown heading's level ("## Key events": mk=2, deeper
    than 3 as 3), or a plain-text mail's heading ("** TOP STORY", "== Notices": mk=mail), which
    heads an item or the page's own part, never a section of an item."""
    level = heading_level(text)
    if level:
        return f"mk={min(level, 3)}"
    return "mk=mail" if mail_heading(text) else None


def _merged(segment: Segment) -> list[tuple[Block, LineShape, Role | None, int, str | None]]:
    """The segment's content lines and the lines taken out, in line order: (line, shape, role, index, why removed)."""
    out: list[tuple[Block, LineShape, Role | None, int, str | None]] = [
        (b, s, r, k, None) for k, (b, s, r) in enumerate(zip(segment.blocks, segment.shapes, segment.roles))
    ]
    if segment.removed:
        text = [(Block(d.line, d.text.strip()), shape(d.text.strip()), None, -1, _DIGITS.sub("N", d.reason)[:30]) for d in segment.removed]
        out = sorted(out + text, key=lambda x: x[0].line)
    return out


def describe(segment: Segment, repeats: Repeats | None = None) -> tuple[Line, ...]:
    """The lines of a segment (content lines and the lines taken out around them) and their features."""
    merged = _merged(segment)
    n = len(merged)
    heads = sum(1 for r in segment.roles if r is Role.TITLE)
    share = f"heads={bucket(heads / max(1, n), (0.05, 0.1, 0.2, 0.3))}"
    gaps = [9] + [max(0, b[0].line - a[0].line - 1) for a, b in zip(merged, merged[1:])] + [9]  # blank lines
    usual = sorted(gaps[1:-1])[(n - 1) // 2] if n > 1 else 1  # the segment's usual gap between lines
    flat_page = flat.is_flat(gaps)  # no blank lines: "none above" says nothing here (`flat`: what stands in for them)
    # the site's name after its headlines (" – The Daily Ledger"): when two or more lines carry the
    # same one, a headline-shaped line without it is likelier a subheading
    named = [split_title(m[0].text)[1] if m[2] is Role.TITLE else None for m in merged]
    suffixes = {x for x in named if x and named.count(x) >= 2}
    out: list[list[str]] = []
    scores: list[float] = []
    since_long = 99
    since_at: list[int] = []
    first = True
    for k, (b, s, role, index, why) in enumerate(merged):
        t = b.text
        count = repeats.count(t) if repeats else 1
        scores.append(headline_score(t, s))
        own = [
            _ROLE_NAMES[role], _LEN_NAMES[min(s.chars, _LEN_TOP)], _WORDS_NAMES[min(s.words, _WORDS_TOP)],
            _scaled("cap", s.capitalised, 4), _FINAL_NAMES.get(s.final) or f"fin={s.final if s.final in _FINALS else 'x'}",
            _scaled("stop", s.stop_density, 5), _scaled("hs", scores[-1], 5),
            "bb=f" if flat_page else _ABOVE_NAMES[min(gaps[k], 2)], "ba=f" if flat_page else _BELOW_NAMES[min(gaps[k + 1], 2)],
            _REPEAT_NAMES[min(count, 4)],
        ]
        if gaps[k] > usual and 0 < k:
            own.append("gap+")
        if t[:1] in "#*=" and (mark := _heading_mark(t)):
            own.append(mark)
        if b.linked:
            own.append("lnk")  # a text browser's link opens it: a listing's headline, or a menu's entry
        if suffixes and role is Role.TITLE:
            own.append("sfx" if named[k] in suffixes else "nosfx")
        if why:
            own.append("d=" + why)
        if s.cut:
            own.append("cut")
        if furniture.button(t):
            own.append("btn")  # "Find out more", "Adopt now": the box above it is the site's
        if s.words <= _CAPS_WORDS and t.isupper():
            own.append("caps")  # a label in capitals: a section's name over its items, or a headline
        if s.list_like:
            own.append("list")
        elif RULE.match(t):
            own.append("rule")  # a rule drawn between items (or under a headline), taken out or not ("* * *")
        elif role is None and t.strip() == "--":
            own.append("sig")  # a mail's signature line: its footer (or the sender's name) follows
        if s.chars <= 20 and RECORD_CODE.match(t):
            own.append("code")  # a record's code over its title: the item starts under it
        if s.chars <= 100 and date_line(t):
            own.append("date")
        if s.chars <= 200 and byline_names(t):
            own.append("by")
        if s.chars <= 700 and detect_licence(t):
            own.append("lic")
        if s.chars <= 240 and furniture_reason(t, count):
            own.append("furn")
        if repeats and role is not None and repeats.contents.named(t):
            own.append("listed")  # a contents line of the dump names it: the head of an item
        elif role is not None and (repeats.contents.lists(t) if repeats else contents.entries(t)):
            own.append("contents")  # the page's list of its items: no item's
        if first and role is not None:
            own.append("seg")
            first = False
        own.append(_SINCE_NAMES[min(since_long, _SINCE_TOP)])
        since_at.append(since_long)
        since_long = 0 if s.running else since_long + 1
        out.append(own)
    # looking ahead: lines until the next running text, text until the next headline-shaped line
    until_text, text_ahead = 99, 0
    for k in range(n - 1, -1, -1):
        s, role = merged[k][1], merged[k][2]
        out[k].append(_UNTIL_NAMES[min(until_text, _UNTIL_TOP)])
        if until_text == 0 and role is not None and (role is Role.TITLE or peers.head_like(merged[k][0].text, s)):
            # a headline over text: after how many lines that are not text
            out[k].append(_PROSE_NAMES[min(since_at[k], _PROSE_TOP)])
        out[k].append(_AHEAD_NAMES[min(text_ahead, _AHEAD_TOP)])
        until_text = 0 if s.running else until_text + 1
        text_ahead = 0 if role in _HEADING else text_ahead + (s.chars if role in _TEXT else 0)
    _headings(merged, out)
    texts = [m[0].text if m[2] is not None else None for m in merged]
    shapes = [m[1] for m in merged]
    for k, found in enumerate(signoff.marks(texts, shapes)):
        out[k] += found
        if "signed" in found:  # what opens after a sign-off: text, a headline, end matter
            out[k].append(f"signed={'text' if shapes[k].running else out[k][0][2:]}")
    kinds = [_under(own) for own in out]
    for k, found in enumerate(template.marks(texts, shapes, kinds)):
        out[k] += found
    for k, found in enumerate(records.marks(texts, shapes, kinds)):
        out[k] += found
    for k, found in enumerate(flat.marks(texts, shapes, kinds, scores, gaps)):
        out[k] += found
    for k, found in enumerate(rows.marks(texts, shapes)):
        out[k] += found
    shaped = [k for k, m in enumerate(merged) if m[2] in _SHAPED]
    if shaped:
        found = cohesion.around([m[0].text if m[2] is not None else None for m in merged], shaped)
        for k in shaped:
            out[k] += cohesion.names(found[k])
    return tuple(Line(m[0], m[2], m[3], (*own, share)) for m, own in zip(merged, out))


def _banded(name: str, edges: tuple[int, ...]) -> tuple[tuple[str, ...], int]:
    """The feature `name=band` (`bucket` of a count by `edges`) of every count up to the last edge,
    and that edge: a count past it is in the last band (made once, not at every line)."""
    top = edges[-1]
    return tuple(f"{name}={bucket(v, edges)}" for v in range(top + 1)), top


_ROLE_NAMES = {None: "r=debris", **{role: f"r={role.value}" for role in Role}}
_LEN_NAMES, _LEN_TOP = _banded("len", (10, 20, 40, 70, 100, 150, 200, 400))
_WORDS_NAMES, _WORDS_TOP = _banded("w", (2, 3, 5, 8, 12, 16, 23, 40))
_SINCE_NAMES, _SINCE_TOP = _banded("since", (1, 2, 3, 5, 8, 15))
_UNTIL_NAMES, _UNTIL_TOP = _banded("until", (1, 2, 3, 5, 8))
_PROSE_NAMES, _PROSE_TOP = _banded("prose", (1, 3, 6))
_AHEAD_NAMES, _AHEAD_TOP = _banded("ahead", (1, 100, 300, 800, 2000))
_FINAL_NAMES = {"": "fin=", **{c: f"fin={c}" for c in _FINALS}}  # any other final mark reads "fin=x"
_ABOVE_NAMES = ("bb=0", "bb=1", "bb=2")
_BELOW_NAMES = ("ba=0", "ba=1", "ba=2")
_REPEAT_NAMES = tuple(f"rep={v}" for v in range(5))
_SCALED = {(name, v): f"{name}={v}" for name in ("cap", "stop", "hs") for v in range(6)}


def _scaled(name: str, share: float, scale: int) -> str:
    """The feature `name=round(share * scale)` (a share from 0 to 1: one of few names, made once)."""
    v = round(share * scale)
    return _SCALED.get((name, v)) or f"{name}={v}"


def _kind(own: Sequence[str]) -> str:
    """What a line is, as the head of an item sees the line under or above it."""
    if "by" in own:
        return "by"
    if "date" in own:
        return "date"
    return own[0][2:]


def _under(own: Sequence[str]) -> str:
    """What a line is, as a head of the page's template sees the line under it (`template.marks`)."""
    kind = _kind(own)
    return "text" if kind in ("body", "standfirst") else kind


def _ending(own: Sequence[str]) -> str:
    """How a line of an item's end reads: its role and, for text, whether it ends a sentence."""
    role = own[0][2:]
    if role in ("body", "standfirst"):
        return "text" + own[4][4:]
    return role


def _headings(merged: Sequence[tuple[Block, LineShape, Role | None, int, str | None]], out: list[list[str]]) -> None:
    """Features of the headline-shaped lines as heads of items, from the rest of the segment: how
    the text above them ended (`end=`: a licence, a signature, a sentence or a broken one, furniture,
    the lines skipped being headings and labels), how much text there is since the heading before
    (`behind=`), and how many other headline-shaped lines of the segment share their template
    (`tpl=`: the line under them, a label above or none, a wider gap than usual before; headlines of a listing recur so,
    subheadings of one article less; `like1`: the same as the first), and whether the headline was
    printed before in the segment (`again`: a paginated article repeats it on each page)."""
    n = len(merged)
    templates: list[tuple[str, bool, bool] | None] = [None] * n
    behind = 0
    ended = "start"
    for k in range(n):
        role = merged[k][2]
        if role is Role.TITLE:
            out[k].append(f"end={ended}")
            out[k].append(f"behind={bucket(behind, (1, 100, 300, 800, 2000))}")
            kicker = k > 0 and merged[k - 1][2] in _HEADING  # a label or section line right above
            templates[k] = (_kind(out[k + 1]) if k + 1 < n else "end", kicker, "gap+" in out[k])
        if role in _HEADING:
            behind = 0
        else:
            behind += merged[k][1].chars if role in _TEXT else 0
            ended = _ending(out[k]) if role is not None else "debris"
    counts: dict[tuple[str, bool, bool], int] = {}
    for t in templates:
        if t is not None:
            counts[t] = counts.get(t, 0) + 1
    first = next((t for t in templates if t is not None), None)
    seen: set[str] = set()
    for k, t in enumerate(templates):
        if t is not None:
            out[k].append(f"tpl={bucket(counts[t] - 1, (1, 2, 4))}")
            if first is not None and t[0] == first[0] and t[2] == first[2]:
                out[k].append("like1")
            if merged[k][0].text in seen:
                out[k].append("again")  # a headline printed again (on each page of a paginated article)
            seen.add(merged[k][0].text)


_NEAR = ("r=", "hs=", "len=", "bb=", "d=", "btn")  # what a line two away shows of itself


def features(lines: Sequence[Line], k: int) -> list[str]:
    """The features of line k (without the previous tag)."""
    own = lines[k].own
    f = ["bias", *own]
    for d in (-2, -1, 1, 2):
        j = k + d
        if 0 <= j < len(lines):
            near = lines[j].own if abs(d) == 1 else [x for x in lines[j].own if x.startswith(_NEAR)]
            f += [f"{d}:{x}" for x in near]
        else:
            f.append(f"{d}:edge")
    role = own[0]
    prev_role = lines[k - 1].own[0] if k else "start"
    next_role = lines[k + 1].own[0] if k + 1 < len(lines) else "end"
    f += [f"rr={prev_role}|{role}", f"rn={role}|{next_role}", f"rb={role}|{own[7]}"]
    return f


def with_previous(base: Sequence[str], previous: str) -> list[str]:
    """The features of the previous tag (`S` at a segment's start), alone and with the line's
    role, length, headline score and blank lines above."""
    return [f"p={previous}", *(f"p={previous}|{base[j]}" for j in (1, 2, 7, 8))]


@dataclass(frozen=True, slots=True)
class Tagging:
    """The likeliest tags of a segment's lines and, per line, the probability of B, I and O."""

    tags: tuple[str, ...]
    probabilities: tuple[tuple[float, float, float], ...]


class Decide(Protocol):
    def decode(self, lines: Sequence[Line]) -> Tagging: ...


_CACHED = 4096  # feature sums kept per table: of this many heads of descriptions, rests, … (then the table starts afresh)
_HEAD = 10  # a description's first features (`describe`: role, length, … repeats), whose sums are kept apart


class Model:
    """Weights per feature (of B, I, O), of a CRF (`kind` "crf": a tag sequence's probability is the
    exponential of its summed weights, normalised over the segment's sequences) or of a MEMM ("memm":
    each tag's log-probability given the previous one a softmax of the sums); `start_bias` is added
    to every score of B (a prior for cutting).

    `features` and `with_previous` name every feature (the fit sees those names); decoding adds the
    same weights without building the names: tables per neighbour offset and per previous tag, and
    the sums of a line's own features kept by the first ten of them (most lines share those); the
    rest is added to them line by line (few lines share it), but for a model whose weights read none
    of the first ten (the second pass) its sums are kept by the rest's features it has weights for
    (many lines share those)."""

    def __init__(self, weights: dict[str, tuple[float, float, float]], kind: str = "crf", start_bias: float = START_BIAS,
                 cut: float | None = None) -> None:
        self.weights = weights
        self.kind = kind  # "crf": normalised over a segment's tag sequences; "memm": per line
        self.start_bias = start_bias
        self.cut = cut  # None: the likeliest tag sequence; else also a line inside it this likely to start an item starts one
        self._near: dict[int, dict[str, tuple[float, float, float]]] = {d: {} for d in (-2, -1, 0, 1, 2)}
        self._previous: dict[str, dict[str, tuple[float, float, float]]] = {p: {} for p in ("B", "I", "O", "S")}
        for name, w in weights.items():
            head, colon, rest = name.partition(":")
            if colon and head in ("-2", "-1", "1", "2"):
                self._near[int(head)][rest] = w
            elif name.startswith("p=") and name[2:3] in self._previous:
                self._previous[name[2]]["" if len(name) == 3 else name[4:]] = w
            else:
                self._near[0][name] = w
        # a feature's weights as seen from offsets -2 … 2 side by side (0.0 where an offset has none): one look-up per name
        self._joint: dict[str, tuple[float, ...]] = {}
        for offset, table in self._near.items():
            for name, w in table.items():
                slot = 3 * (offset + 2)
                row = list(self._joint.get(name, _ZEROS))
                row[slot : slot + 3] = w
                self._joint[name] = tuple(row)
        # the rows `_joint_total` adds: a feature no line two away is described by (most) adds to offsets -1 … 1 only, and
        # one no neighbour is described by (about half) to offset 0 only: adding 0.0 to a sum changes it not
        self._rows = {name: row[6:9] if not any(row[:6] + row[9:]) else row if any(row[:3] + row[12:]) else row[3:12]
                      for name, row in self._joint.items()}
        self._heads: dict[tuple[str, ...], tuple[float, ...] | None] = {}  # sums of a description's first `_HEAD` features (None: no weights)
        self._rests: dict[tuple[str, ...], tuple[float, ...]] = {}  # all its sums by the rest it has weights for, when the head has none
        self._after: dict[tuple[str, ...], tuple[tuple[float, float, float], ...]] = {}  # previous-tag rows by the features they read
        self._pairs: dict[tuple[str, str, str, str], tuple[float, float, float]] = {}  # role pair sums by roles and gap

    def _sums(self, own: tuple[str, ...]) -> tuple[tuple[float, ...], tuple[tuple[float, float, float], ...]]:
        """The summed weights of a line's own features as seen from offsets -2 … 2 (B, I, O of
        offset -2, then of -1, …: `_joint`'s slots), and the exponentials of its previous-tag
        features' sums after B, I, O and at the start (unscaled: the rows of a line must keep their ratios)."""
        z = self._own_sums(own)
        keys = (own[0], own[1], own[6], own[7])
        after = self._after.get(keys)
        if after is None:
            if len(self._after) >= _CACHED:
                self._after.clear()
            after = self._after[keys] = tuple(_exp(_total(self._previous[p], ("", *keys)), scaled=False) for p in ("B", "I", "O", "S"))
        return z, after

    def _own_sums(self, own: tuple[str, ...]) -> tuple[float, ...]:
        """`_joint_total` of a line's own features, the first `_HEAD` of them summed first (kept by
        those: role, length, words, capitals, final, stop words, score, blank lines, repeats), then
        the rest added to their sums in order, as over the whole description. When the model has no
        weight for any of the first (the second pass), the sums are those of the rest alone, kept by
        the rest's features it has weights for."""
        head = own[:_HEAD]
        start = self._heads.get(head, _UNSEEN)
        if start is _UNSEEN:
            if len(self._heads) >= _CACHED:
                self._heads.clear()
            weighed = any(map(self._joint.__contains__, head))
            start = self._heads[head] = _joint_total(self._rows, head, _ZEROS) if weighed else None
        if start is not None:
            return _joint_total(self._rows, own[_HEAD:], start)
        read = tuple(filter(self._joint.__contains__, own[_HEAD:]))  # the features it has weights for
        z = self._rests.get(read)
        if z is None:
            if len(self._rests) >= _CACHED:
                self._rests.clear()
            z = self._rests[read] = _joint_total(self._rows, read, _ZEROS)
        return z

    def steps(self, lines: Sequence[Line]) -> list[tuple[list[float], ...]]:
        """For each line and each previous tag B, I, O or the segment's start (`S`), the exponential
        of the score of each tag (scaled per line); for the MEMM normalised per row (P(tag | line,
        previous tag)). After O or at the start no item is open, so I is impossible there."""
        n = len(lines)
        sums = [self._sums(x.own) for x in lines]
        edge = self._joint.get("edge", _ZEROS)  # what a line two or one away sees past the segment's edges
        z = [edge, edge, *(found[0] for found in sums), edge, edge]  # line k's sums at z[k + 2]
        crf = self.kind == "crf"
        own_table = self._near[0]
        pairs = self._pairs
        start_bias = self.start_bias
        exp = math.exp
        roles = [x.own[0] for x in lines]
        out = []
        for k in range(n):
            role = roles[k]
            key = (roles[k - 1] if k else "start", role, roles[k + 1] if k + 1 < n else "end", lines[k].own[7])
            pair = pairs.get(key)
            if pair is None:
                prev_role, _, next_role, gap = key
                pair = _total(own_table, ("bias", f"rr={prev_role}|{role}", f"rn={role}|{next_role}", f"rb={role}|{gap}"))
                pairs[key] = pair
            wa, wb, w0, wc, wd = z[k : k + 5]  # lines k-2 … k+2, each seen from line k
            zb = pair[0] + w0[6] + wa[0] + wb[3] + wc[9] + wd[12] + start_bias  # summed left to right
            zi = pair[1] + w0[7] + wa[1] + wb[4] + wc[10] + wd[13]
            zo = pair[2] + w0[8] + wa[2] + wb[5] + wc[11] + wd[14]
            top = max(zb, zi, zo)  # the exponentials scaled by the largest
            zb, zi, zo = exp(zb - top), exp(zi - top), exp(zo - top)
            after = sums[k][1]
            if not k:
                e = after[3]
                row = [zb * e[0], zi * e[1], zo * e[2]]
                if not crf:
                    t = sum(row)
                    row = [v / t for v in row]
                row[I] = 0.0
                out.append((_NEVER, _NEVER, _NEVER, row))
            elif crf:  # no I after O
                eb, ei, eo = after[0], after[1], after[2]
                out.append(([zb * eb[0], zi * eb[1], zo * eb[2]], [zb * ei[0], zi * ei[1], zo * ei[2]], [zb * eo[0], 0.0, zo * eo[2]], _NEVER))
            else:
                rows = [[zb * e[0], zi * e[1], zo * e[2]] for e in after[:3]]
                rows = [[v / t for v in row] for row, t in zip(rows, (sum(row) for row in rows))]
                rows[2][I] = 0.0  # for the MEMM left unnormalised: a path through O pays for the item it did not continue
                out.append((rows[0], rows[1], rows[2], _NEVER))
        return out

    def decode(self, lines: Sequence[Line]) -> Tagging:
        """The likeliest tags (Viterbi) and each line's tag probabilities: for a CRF the marginals
        (forward-backward), for a MEMM the forward pass (its steps are normalised)."""
        if not lines:
            return Tagging((), ())
        return self.decode_steps(self.steps(lines))

    def decode_steps(self, steps: list[tuple[list[float], ...]]) -> Tagging:
        """`decode` from the exponentials of the tag scores (`steps`)."""
        first = [v / sum(steps[0][3]) for v in steps[0][3]]
        probabilities = [tuple(first)]
        back: list[tuple[int, int, int]] = []
        b0, b1, b2 = first  # the probability of the likeliest tags up to here, ending on each tag (rescaled)
        f0, f1, f2 = first  # and of all of them (the forward pass, normalised)
        for (bb, bi, bo), (ib, ii, io), (ob, oi, oo), _ in steps[1:]:  # each tag's scores after B, I and O
            # the likeliest previous tag of each tag (`_likeliest`, written out: it runs three times a line)
            x, y, w = b0 * bb, b1 * ib, b2 * ob
            p0, s0 = (0, x) if x >= y and x >= w else (1, y) if y >= w else (2, w)
            x, y, w = b0 * bi, b1 * ii, b2 * oi
            p1, s1 = (0, x) if x >= y and x >= w else (1, y) if y >= w else (2, w)
            x, y, w = b0 * bo, b1 * io, b2 * oo
            p2, s2 = (0, x) if x >= y and x >= w else (1, y) if y >= w else (2, w)
            top = s1 if s1 > s0 else s0  # `max(s0, s1, s2) or 1.0`
            if s2 > top:
                top = s2
            if not top:
                top = 1.0
            b0, b1, b2 = s0 / top, s1 / top, s2 / top
            back.append((p0, p1, p2))
            f0, f1, f2 = f0 * bb + f1 * ib + f2 * ob, f0 * bi + f1 * ii + f2 * oi, f0 * bo + f1 * io + f2 * oo
            total = sum((f0, f1, f2))
            f0, f1, f2 = f0 / total, f1 / total, f2 / total
            probabilities.append((f0, f1, f2))
        tag = _likeliest(b0, b1, b2)[0]
        tags = [tag]
        for pointers in reversed(back):
            tag = pointers[tag]
            tags.append(tag)
        tags.reverse()
        if self.kind == "crf":
            probabilities = _marginals(probabilities, steps)
            if self.cut is not None:
                tags = _cut_more(tags, probabilities, self.cut)
        return Tagging(tuple(TAGS[t] for t in tags), tuple(probabilities))  # type: ignore[arg-type]

    def to_json(self, second: Model | None = None) -> str:
        """The weights file: features in sorted order, weights to 4 significant digits; with a
        `second` pass (`stack`), its weights under "second"."""
        head = self._head()
        if second is not None:
            head["second"] = second._head()
        return json.dumps(head, separators=(",", ":"), sort_keys=True).replace('],"', '],\n"') + "\n"

    def _head(self) -> dict[str, object]:
        data = {name: [float(f"{w:.4g}") for w in ws] for name, ws in sorted(self.weights.items())}
        head: dict[str, object] = {"model": self.kind, "start_bias": self.start_bias, "tags": list(TAGS), "weights": data}
        if self.cut is not None:
            head["cut"] = self.cut
        return head


def _likeliest(a: float, b: float, c: float) -> tuple[int, float]:
    """Which of three path scores is the largest (the first of equals) and its score."""
    if a >= b and a >= c:
        return 0, a
    return (1, b) if b >= c else (2, c)


def _marginals(forward: list[tuple[float, float, float]], steps: list[tuple[list[float], ...]]) -> list[tuple[float, float, float]]:
    """Each line's tag probabilities given the whole segment: the (normalised) forward pass
    times the backward pass."""
    out = [forward[-1]]
    append = out.append
    b0 = b1 = b2 = 1.0  # the backward pass, rescaled
    for ((bb, bi, bo), (ib, ii, io), (ob, oi, oo), _), (f0, f1, f2) in zip(reversed(steps[1:]), reversed(forward[:-1])):
        # each tag's scores after B, I and O at line k, the forward pass at line k - 1
        b0, b1, b2 = bb * b0 + bi * b1 + bo * b2, ib * b0 + ii * b1 + io * b2, ob * b0 + oi * b1 + oo * b2
        top = b1 if b1 > b0 else b0  # `max(b0, b1, b2) or 1.0`
        if b2 > top:
            top = b2
        if not top:
            top = 1.0
        b0, b1, b2 = b0 / top, b1 / top, b2 / top
        m = (f0 * b0, f1 * b1, f2 * b2)
        total = sum(m) or 1.0
        append((m[0] / total, m[1] / total, m[2] / total))
    out.reverse()
    return out


def _cut_more(tags: list[int], probabilities: Sequence[tuple[float, float, float]], cut: float) -> list[int]:
    """The likeliest tags, but a line inside an item at least `cut` likely to start one starts one
    (the likeliest sequence keeps a doubtful item whole; the marginals see the doubt)."""
    return [B if t == I and p[B] >= cut else t for t, p in zip(tags, probabilities)]


def _total(table: dict[str, tuple[float, float, float]], names: Sequence[str]) -> tuple[float, float, float]:
    b = i = o = 0.0
    for name in names:
        w = table.get(name)
        if w is not None:
            b, i, o = b + w[0], i + w[1], o + w[2]
    return b, i, o


def _joint_total(rows: dict[str, tuple[float, ...]], names: Sequence[str], start: tuple[float, ...]) -> tuple[float, ...]:
    """`start` plus the weights of `names` at offsets -2 … 2 (`Model._joint`; `Model._rows` leaves out
    the zeros of a feature with no weight at offsets -2 and 2, or at any but 0), added name by name in order: each
    offset's sum is the one `_total` gives over that offset's table (adding 0.0 changes no sum, and
    a sum from 0.0 is never -0.0)."""
    b2, i2, o2, b1, i1, o1, b0, i0, o0, bn, i_n, on, bm, im, om = start
    for w in map(rows.get, names):
        if w is None:
            continue
        size = len(w)
        if size == 3:  # offset 0
            x0, x1, x2 = w
            b0 += x0; i0 += x1; o0 += x2  # noqa: E702
        elif size == 9:  # offsets -1, 0 and 1
            x0, x1, x2, x3, x4, x5, x6, x7, x8 = w
            b1 += x0; i1 += x1; o1 += x2; b0 += x3; i0 += x4; o0 += x5; bn += x6; i_n += x7; on += x8  # noqa: E702
        else:
            y0, y1, y2, x0, x1, x2, x3, x4, x5, x6, x7, x8, y3, y4, y5 = w
            b2 += y0; i2 += y1; o2 += y2; b1 += x0; i1 += x1; o1 += x2; b0 += x3; i0 += x4; o0 += x5  # noqa: E702
            bn += x6; i_n += x7; on += x8; bm += y3; im += y4; om += y5  # noqa: E702
    return b2, i2, o2, b1, i1, o1, b0, i0, o0, bn, i_n, on, bm, im, om


_ZEROS = (0.0,) * 15
_UNSEEN = ()  # a description's head not summed yet
_NEVER = [0.0, 0.0, 0.0]


def _exp(z: tuple[float, float, float], scaled: bool = True) -> tuple[float, float, float]:
    """The exponentials of three scores, scaled by the largest."""
    top = max(z) if scaled else 0.0
    return math.exp(z[0] - top), math.exp(z[1] - top), math.exp(z[2] - top)


def load(path: Path) -> Decide | None:
    """The model of a weights file (with a second pass, `stack.Stacked`); None when there is none
    or it does not read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        first = _model(data)
        if first is None or "second" not in data:
            return first
        second = _model(data["second"])
        return None if second is None else stack.Stacked(first, second)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _model(data: dict) -> Model | None:
    if data["tags"] != list(TAGS):
        return None
    kind = data.get("model", "memm")
    if kind not in ("crf", "memm"):
        return None
    weights = {str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in data["weights"].items()}
    cut = data.get("cut")
    return Model(weights, kind, float(data.get("start_bias", START_BIAS)), None if cut is None else float(cut))


def items(lines: Sequence[Line], segment: Segment, tagging: Tagging, keep_alone: float = KEEP_ALONE) -> tuple[tuple[Item, ...], list[Debris]]:
    """The items of a segment from the tags of its lines (`Item` indexes are into its blocks), with
    their confidence (the probability of their start and of their end) and doubts (a start or an end
    below `SURE`, a line inside at least `DOUBT` likely to start an item), and the content lines left
    out: tagged `O`, or in an item with no running text (`boundary.has_running_text`) that is no
    short item either (`kept_from`). Among the lines tagged `O`, a short item shaped like an item
    next to it is one too, with a doubt (`_listed`: the items of a listing the tagger left out).
    Lines the segmenter took out stay out (they are already debris), whatever their tag."""
    n = len(lines)
    probs = tagging.probabilities
    opened, after = [], 0
    if sum("sign" in x.own for x in lines) >= signoff.LETTERS:
        opened, after = signoff.letters([x.block.text for x in lines], [x.own for x in lines], [x.role.value if x.role else None for x in lines],
                                        [x.role is not None and segment.shapes[x.index].running for x in lines])
    if opened:  # a page of signed letters: each sign-off ends a letter
        tags = list(tagging.tags)
        tags[opened[0] : after] = ["I"] * (after - opened[0])
        for k in opened:
            tags[k] = "B"
        tagging = Tagging(tuple(tags), probs)
    spans: list[tuple[int, int]] = []
    left: list[Debris] = []
    tags = _kept_runs(lines, tagging)
    named = _contents_tags(lines, tags)
    _record_tags(lines, tags)
    texts, line_roles = [x.block.text for x in lines], [x.role for x in lines]
    with_role = [x.role is not None for x in lines]  # (a line the segmenter took out has no role)
    minutes.mend(texts, with_role, tags)  # a meeting from its heading to its clerk's line
    releases.mend(texts, with_role, [segment.shapes[x.index].running for x in lines], tags)  # a release's head on a newswire,
    # its notes to editors, the source lines under its end mark
    numbers = [x.block.line for x in lines]
    running = [x.role is not None and segment.shapes[x.index].running for x in lines]
    cards = directory.mend(texts, numbers, with_role, running, tags)  # a directory's cards: a name over an address row each
    cardfeet.mend(texts, numbers, with_role, tags)  # an event card's price, places and credit
    underlined.mend(texts, numbers, with_role, tags)  # a plain-text mail's underlined headings start its items
    numbered.mend(texts, numbers, with_role, tags)  # an article's numbered list: its text, no items
    pagebreak.mend(texts, numbers, with_role, tags)  # a sentence broken at a page's foot goes on in the item above
    answers.questions(texts, numbers, with_role, tags)  # a reader's question over "Asked by …": an item of its own
    ranked = [(a, b) for a, b in ranks.entries(texts, line_roles) if a not in cards.names]  # (a directory's numbered card is its card)
    briefed = briefs.entries(texts, line_roles)
    for a, b in briefs.points(texts, line_roles):
        above = next((j for j in range(a - 1, -1, -1) if lines[j].role is not None), None)
        if above is not None and tags[above] != "O":
            tags[a:b] = ["I"] * (b - a)  # an article's bulleted points, each read as a brief's start: its text
    listed_entries = ranked + briefed  # a page's ranked teasers, its briefs
    for a, b in listed_entries:
        tags[a : b] = ["B"] + ["I"] * (b - a - 1)
        if b < len(tags) and tags[b] == "I":
            tags[b] = "B"  # what follows the entry is none of it
    starts = {a for a, _ in listed_entries} | set(cards.starts)  # (an entry or a card is an item, however little text it has)
    for k, x in enumerate(lines):  # a mail's heading ("** NICKEL: …") heads the text right under it
        below = next((j for j in range(k + 1, n) if lines[j].role is not None), None)
        if tags[k] == "B" and below is not None and tags[below] == "B" and below not in starts and mail_heading(x.block.text):
            tags[below] = "I"
    for k in sections.live_heads(texts, running, line_roles):  # a live page's head, left outside or alone:
        j = next((j for j in range(k + 1, min(n, k + 4 * sections.LIVE_REACH)) if tags[j] == "B"), None)
        if j is None:
            continue
        tags[k : j] = ["B"] + ["I"] * (j - k - 1)  # its headline starts the page, its by-line and key points are in it,
        if not any(running[k:j]):
            tags[j] = "I"  # and so is its first entry when they have no text of their own (the rest join it in `sections`)
    pages = [(lines[k].index, lines[last].index) for k, last in contributors.headed_pages(texts, running, line_roles)]
    content = [k for k, x in enumerate(lines) if x.role is not None]
    if content and (keep_alone <= 0.0 or all(tags[k] == "O" for k in content)) and has_running_text([lines[k].block.text for k in content]):
        likeliest = max(content, key=lambda k: probs[k][B])
        if probs[likeliest][B] >= keep_alone:  # rather an article to check than running text lost
            tags[content[0] : content[-1] + 1] = ["B"] + ["I"] * (content[-1] - content[0])  # (at 0: the dump's last chance)
    for k, tag in enumerate(tags):
        if tag == "O":
            x = lines[k]
            if x.role is not None:
                left.append(Debris(x.block.line, x.block.text, f"{OUTSIDE}: {x.role.value}, p={probs[k][O]:.2f}"))
        elif tag == "B" or not spans or spans[-1][1] != k:
            spans.append((k, k + 1))
        else:
            spans[-1] = (spans[-1][0], k + 1)
    out = []
    for n_span, (start, end) in enumerate(spans):
        kept = [x for x in lines[start:end] if x.role is not None]
        if not kept:
            continue
        beside = [[x for x in lines[a:b] if x.role is not None] for a, b in spans[max(0, n_span - 1) : n_span + 2] if a != start]
        head = 0 if "listed" in kept[0].own or start in starts else kept_from(kept, segment, lambda: any(_teaser(other, segment) or _alike(kept, other, segment) for other in beside))
        if head is None and "rec" in kept[0].own and not all(records.head_like(x.block.text, segment.shapes[x.index], _under(x.own)) for x in kept):
            head = 0  # records of the page's form, with no running text: a log's entries, a noticeboard's
        if head is None:
            left += [Debris(x.block.line, x.block.text, NO_RUNNING_TEXT) for x in kept]
            continue
        if head:
            left += [Debris(x.block.line, x.block.text, "a label of the page over a short item") for x in kept[:head]]
            kept = kept[head:]
            start = next(k for k in range(start, end) if lines[k] is kept[0])
        p_start = probs[start][B] if any(x.role not in (None, Role.FURNITURE) for x in lines[:start]) else 1.0  # only the page's lines above
        p_end = 1.0 - probs[end][I] if end < n else 1.0
        doubts = []
        if p_start < SURE and any(x.role is not None for x in lines[:start]):  # no text above: nothing to be part of
            doubts.append((kept[0].block.line, f"new item inferred (p={p_start:.2f}); check it is not part of the text above"))
        for k in range(start + 1, end):
            if probs[k][B] >= DOUBT and lines[k].role is not None:
                doubts.append((lines[k].block.line, f"may start a new item (p={probs[k][B]:.2f}); check it is part of the text above"))
        if p_end < SURE:
            doubts.append((kept[-1].block.line, f"item end inferred (p={p_end:.2f}); check the text below is not part of it"))
        out.append(Item(kept[0].index, kept[-1].index + 1, min(p_start, p_end), tuple(doubts)))
    listed = _listed(lines, tags, segment, out)
    if listed:
        inside = {j for it in listed for j in range(it.start, it.end)}
        moved = {segment.blocks[j].line for j in inside}
        left = [d for d in left if d.line not in moved]
        out = sorted(out + [replace(it, confidence=0.5, doubts=((segment.blocks[it.start].line,
                     "short item the tagger put outside, shaped like the items beside it; check it is not site furniture"),))
                     for it in listed], key=lambda it: it.start)
    out = peers.cut(out, segment.blocks, segment.shapes, segment.roles)
    out = ends.cut(out, segment.blocks, segment.shapes, segment.roles)
    out, left = sections.join(out, segment.blocks, segment.shapes, segment.roles, left, segment.removed,
                              frozenset(lines[a].index for a in cards.starts))  # (a directory's card is no section)
    out = _cut_at_heads(out, {lines[k].index for k in named}, segment)  # the heads a contents line names
    out = _cut_at_heads(out, {k for k, b in enumerate(segment.blocks) if mail_heading(b.text)}, segment,
                        "new item cut at a mail's heading ('** …'); check it is not a section of the text above")
    out = _cut_at_heads(out, {lines[a].index for a, _ in listed_entries}, segment)  # (however alike, entries are no sections)
    out = [piece for item in out for piece in cut_at(item, _replies(item, segment), segment.blocks,
                                                    "new item cut at a poster's handle over a reply; check it is not part of the text above")]
    records_at = {x.index for x in lines if "rec" in x.own}
    live = [it for it in out if sections.is_live(segment.blocks[it.start].text)]  # (a live page's entries are its own)
    records_at -= {j for it in live for j in range(it.start, it.end)}
    out = _cut_at_heads(out, records_at, segment,
                        "new item cut where a record of the page's form starts; check it is not part of the text above")
    out, left = _lone_headings(out, segment, {lines[a].index for a, _ in listed_entries}, left)
    out, left = margins.attach(out, segment.blocks, segment.shapes, segment.roles, left)
    out, left = cardrows.give_back(out, segment.blocks, segment.roles, left)  # a card's row at the end of the card above
    out = _cut_at_heads(out, {lines[a].index for a, _ in briefed}, segment)  # (a brief is no margin of the one above)
    out, left = contributors.join(out, pages, segment.blocks, left)  # contributors' sections: one article, whatever cut them
    out, left = sections.join_steps(out, segment.blocks, left)  # a how-to's numbered steps: one article with its introduction
    out, left = replies.cut(out, segment.blocks, segment.shapes, left)  # a business's reply under a review: no part of it
    out, left = postfeet.trim(out, segment.blocks, left)  # a blog post's labels and share rows: no item's edge
    out, left = answers.join(out, segment.blocks, left)  # a question's answer under its by-line: the question's
    out, left = mailfoot.cut(out, segment.blocks, left)  # a mail's sign-off under its last section: the whole mail's
    out = mark_teasers(out, segment.roles, segment.shapes)
    labelled = [(a, b) for a, b in briefed if (lead := briefs.lead_in(texts[a])) and lead[1] == "label"]  # (a dated one is news)
    teasers = {lines[a].index for a, _ in ranked + labelled} | {lines[a].index for a in cards.starts}
    out = tuple(replace(it, teaser=True) if it.start in teasers else it for it in out)  # a ranked entry or a brief stands for its article
    carded = {lines[a].index for a in cards.starts}
    out = tuple(replace(it, card=True) if it.start in carded else it for it in out)
    if segment.read_more and out and segment.roles[out[-1].start] is Role.TITLE:
        out = (*out[:-1], replace(out[-1], teaser=True))  # its text goes on where "Continue reading" leads
    return out, left


def _contents_tags(lines: Sequence[Line], tags: list[str]) -> list[int]:
    """The tags mended by the page's contents line (`contents`): the line itself is outside every
    item (the item it opened starts under it), and a head it names that was tagged outside starts an
    item, with the lines outside under it (or the item that starts right under it: its text). The
    named heads, to cut the items at."""
    n = len(lines)
    for k, x in enumerate(lines):
        if "contents" in x.own and tags[k] != "O":
            if tags[k] == "B" and k + 1 < n and tags[k + 1] == "I":
                tags[k + 1] = "B"
            tags[k] = "O"
    named = [k for k, x in enumerate(lines) if "listed" in x.own]
    for k in named:
        if tags[k] == "O":
            tags[k] = "B"
            for j in range(k + 1, n):
                if "listed" in lines[j].own or tags[j] == "I" or tags[j] == "B" and any(x.role is not None for x in lines[k + 1 : j]):
                    break
                tags[j] = "I"
    return named


def _lone_headings(found: list[Item], segment: Segment, entries: set[int], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items without a mail's heading standing alone ("** NICKEL: …" cut from its text): it heads
    the item right under it, unless that is an entry of a list ("** QUICK HITS" over its briefs),
    and then it is debris."""
    found, out = list(found), []
    for k, item in enumerate(found):
        if not (item.end - item.start == 1 and mail_heading(segment.blocks[item.start].text)):
            out.append(item)
        elif k + 1 < len(found) and found[k + 1].start == item.end and found[k + 1].start not in entries:
            found[k + 1] = replace(found[k + 1], start=item.start)
        else:
            left.append(Debris(segment.blocks[item.start].line, segment.blocks[item.start].text, "a mail's heading over items of their own"))
    return out, left


def _replies(item: Item, segment: Segment) -> list[int]:
    """Where replies start inside an item (block indexes): a poster's handle over the post's date
    (`furniture.poster`) with running text above it in the piece (a thread's opening post) and under it
    (the reply's)."""
    blocks, shapes, out = segment.blocks, segment.shapes, []
    since = item.start
    for j in range(item.start + 1, item.end):
        if any(s.running for s in shapes[since:j]) and any(s.running for s in shapes[j + 1 : item.end]) and furniture.poster(
                blocks[j].text, [b.text for b in blocks[j + 1 : j + 3]]):
            out.append(j)
            since = j
    return out


def _cut_at_heads(found: list[Item], heads: set[int], segment: Segment, note: str | None = None) -> list[Item]:
    """The items, each cut at the heads inside it (block indexes), each new piece flagged with `note`."""
    if not heads:
        return found
    return [piece for item in found for piece in cut_at(item, [j for j in range(item.start + 1, item.end) if j in heads], segment.blocks, note)]


def _record_tags(lines: Sequence[Line], tags: list[str]) -> None:
    """The tags mended by the page's records (`records`): a record's head tagged outside starts an
    item, with the lines of its record under it that are tagged outside too; a record's closing
    line tagged as a start goes with the record above it when that is in an item."""
    n = len(lines)
    for k, x in enumerate(lines):
        if "rec:end" in x.own and tags[k] == "B":
            above = next((j for j in range(k - 1, -1, -1) if lines[j].role is not None), None)
            if above is not None and tags[above] != "O" and "rec:end" not in lines[above].own:
                tags[k] = "I"
    for k, x in enumerate(lines):
        if "rec" not in x.own or tags[k] != "O":
            continue
        end = k + 1
        while end < n and tags[end] == "O" and ("rec:in" in lines[end].own or lines[end].role is None):
            end += 1
        if any(y.role is not None for y in lines[k + 1 : end]):  # a head with its record under it, not a label over an item
            tags[k:end] = ["B"] + ["I"] * (end - k - 1)


def kept_from(kept: Sequence[Line], segment: Segment, beside: Callable[[], bool] = lambda: True) -> int | None:
    """Where the item of these content lines starts (0: its first line), or None when they are
    no item: they hold running text (`boundary.has_running_text`), or they are a short item all
    the same (`short.head_of`: a teaser or a notice under its head, when `beside()` — an item
    next to it is a teaser too —, or a results item, rows of figures under its head; the labels
    above its head are left out)."""
    texts = [x.block.text for x in kept]
    if has_running_text(texts):
        return 0
    shapes, roles = [segment.shapes[x.index] for x in kept], [segment.roles[x.index] for x in kept]
    head = short.head_of(texts, shapes, roles)
    if head is None or not short.results(texts[head:], shapes[head:], roles[head:]) and not beside():
        return None
    return head


def _teaser(kept: Sequence[Line], segment: Segment) -> bool:
    """The content lines of an item are a teaser's: a head with a line of its own under it, and
    no more running text than a teaser."""
    if len(kept) < 2:
        return False
    found = short.template([x.block.text for x in kept], [segment.shapes[x.index] for x in kept], [segment.roles[x.index] for x in kept])
    x = kept[0]
    return found is not None and ("t" in found or "r" in found) and short.is_head(x.block.text, segment.shapes[x.index])


def _alike(kept: Sequence[Line], other: Sequence[Line], segment: Segment) -> bool:
    """Two items' content lines are cards of one listing: each a head with a line of its own under
    it (`short.head_of`), and both opening the same way (the first two kinds of `short.template`)."""
    if len(kept) < 2 or len(other) < 2:
        return False
    theirs = _card(other, segment)
    if short.head_of(*theirs) is None:
        return False
    mine, shape = short.template(*_card(kept, segment)), short.template(*theirs)
    return mine is not None and shape is not None and mine[:2] == shape[:2]


def _card(kept: Sequence[Line], segment: Segment) -> tuple[list[str], list[LineShape], list[Role]]:
    """The texts, shapes and roles of an item's content lines, as `short` reads them."""
    return [x.block.text for x in kept], [segment.shapes[x.index] for x in kept], [segment.roles[x.index] for x in kept]


def _listed(lines: Sequence[Line], tags: Sequence[str], segment: Segment, out: list[Item]) -> list[Item]:
    """The short items (`short.pieces`) among the runs of content lines tagged `O` that share their
    shape (`short.template`) with a short item next to them, found or listed: the items of a
    listing the tagger left out. Lines the segmenter took out stay out."""
    found: list[Item] = []
    run: list[int] = []
    for k in [*range(len(lines)), len(lines)]:
        if k < len(lines) and (lines[k].role is None or tags[k] == "O"):
            if lines[k].role is not None:
                run.append(lines[k].index)
            continue
        if len(run) >= 2:
            texts = [segment.blocks[j].text for j in run]
            pieces = short.pieces(texts, [segment.shapes[j] for j in run], [segment.roles[j] for j in run])
            card = _card_after(out, run, segment)
            if card:  # the run opens with a card printed like the item above it: that card, then the pieces after it
                pieces = [(0, card), *((a, b) for a, b in pieces if a >= card)]
            found += [Item(run[a], run[b - 1] + 1, 0.0) for a, b in pieces]
        run = []
    if not found:
        return []
    shape = {id(it): _template(it, segment) for it in [*out, *found]}
    items = sorted([*out, *found], key=lambda it: it.start)
    listed = {id(it) for it in out}  # the items found, then those left out beside one of the same shape
    for order in (items, items[::-1]):  # down the page, then up: a run of them beside one found
        for before, it in zip(order, order[1:]):
            if id(it) not in listed and id(before) in listed and shape[id(it)] is not None and shape[id(it)] == shape[id(before)]:
                listed.add(id(it))
    return [it for it in found if id(it) in listed]


CARDS_ABOVE = 2  # a card left out is taken when this many cards above it are printed as it is
CARD_LINES = 3  # and it has this many lines at least (a head over a line of text is printed as many things are)


def _card_after(out: Sequence[Item], run: Sequence[int], segment: Segment) -> int:
    """How many of a run of lines left out (block indexes) make a card printed line for line like
    the `CARDS_ABOVE` items found right above them (the same `short.template`, as many lines, at
    least `CARD_LINES`), or 0: the last card of a directory, over the page's foot, that
    `short.pieces` reads otherwise (an address as a head)."""
    before = [it for it in out if it.end <= run[0]][-CARDS_ABOVE:]
    if len(before) < CARDS_ABOVE or any(segment.roles[j] is not None for j in range(before[-1].end, run[0])):
        return 0
    size = before[-1].end - before[-1].start
    if not CARD_LINES <= size <= len(run) or run[size - 1] - run[0] != size - 1 or any(it.end - it.start != size for it in before):
        return 0
    shapes = {_template(it, segment) for it in before}
    if not segment.shapes[run[size - 1]].running:
        return 0  # (a card closes on its line of text; a box of the page's, "Follow us", on none)
    return size if len(shapes) == 1 and None not in shapes and shapes == {_template(Item(run[0], run[size - 1] + 1, 0.0), segment)} else 0


def _template(item: Item, segment: Segment) -> tuple[str, ...] | None:
    span = slice(item.start, item.end)
    return short.template([b.text for b in segment.blocks[span]], segment.shapes[span], segment.roles[span])


def _kept_runs(lines: Sequence[Line], tagging: Tagging) -> list[str]:
    """The tags, but the lines tagged `O` at the segment's start, before its first item, are one
    item when they hold running text and the first is at least `KEEP_ALONE` likely to start one
    (text cut off at the top of a dump: rather an article to check than text lost)."""
    tags = list(tagging.tags)
    k = next((j for j, x in enumerate(lines) if x.role is not None), len(lines))
    end = k
    while end < len(tags) and tags[end] == "O":
        end += 1
    texts = [x.block.text for x in lines[k:end] if x.role is not None]
    if end < len(tags) and texts and tagging.probabilities[k][B] >= KEEP_ALONE and has_running_text(texts):
        tags[k:end] = ["B"] + ["I"] * (end - k - 1)
    return tags


_shipped: list[Decide | None] = []
_override: list[Decide | None] = []


def active() -> Decide | None:
    """The decision in use: what `using` put in place, else the shipped model (read once), else
    None (the rules of `boundary` decide)."""
    if _override:
        return _override[-1]
    if not _shipped:
        _shipped.append(load(WEIGHTS))
    return _shipped[0]


@contextmanager
def using(decide: Decide | None) -> Iterator[None]:
    """Decide with `decide` (None: the rules) inside the block."""
    _override.append(decide)
    try:
        yield
    finally:
        _override.pop()
