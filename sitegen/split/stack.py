"""A second reading of a segment's lines against the heads the line tagger is sure of.

The line tagger (`tagger`) reads each line with a few neighbours. A page prints its items' heads
alike: once some heads are sure, a line that looks like them is likely a head too, and the lines
around the sure heads show where an item's edges sit on this page (a kicker or a date above each
head, a by-line under it, a date or a signature after each item's text). `restate` gives each line
of a segment, beside its own shape and the first pass's probabilities for it, how it compares
with the segment's sure heads (first-pass probability of starting an item at least `SURE_HEAD`):

- `sh=N`: how many sure heads the segment has (none, one, two, three or more);
- for a line that could be a head (short, no running text): whether its case pattern, length
  band, lead (a date, a number, a capitalised word, something else), final mark and the kind of
  line under it match most of the other sure heads, some of them or none (`s:case=`, `s:len=`,
  `s:lead=`, `s:fin=`, `s:under=`: 2, 1, 0), and `s:all` when one sure head matches it on all five;
- where it sits relative to the sure heads: `s:at=D|K` for a line D lines above or under the
  nearest sure head (D in -2 … 2, K its kind), and `s:typ=D` when most sure heads have a line of
  that kind there (a kicker over each head: part of the item; a date over one only: the item
  above's end);
- `s:pre`: a line of the kind the sure heads have above them, right above a line that matches
  the sure heads (a head the first pass was unsure of, with its kicker or date);
- `s:beat=`: on a page whose sure heads come at a steady beat (three gaps between them or more,
  two in three the same: a listing's items of a fixed number of lines), whether a line sits within
  an item's usual lines under the sure head above it, where the next head would be, or past it;
- `pb=`, `po=`: the first pass's probabilities of B and O, in bands.

`Stacked` decodes with both passes: the first pass's model, then a second one over these
features (`features`: a line's and its neighbours'; a `tagger.Model` fitted by
`benchmarks/split_tagger.py` on the first pass's scores of page shapes it was fitted without),
whose scores are added to the first's on every line but the sure heads: each starts an item, with
the first pass's probabilities (a line above it the second pass takes into an item does not take the
head in too, nor does a doubt the second pass casts on the line above unsettle the item it opens).
A segment with no sure head is left as the first pass has it: there is nothing to read it against.
One pass over the segment; decides nothing alone. Must not read metadata (that is `assemble`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitegen.split.text import bucket

if TYPE_CHECKING:
    from sitegen.split.tagger import Line, Model, Tagging

SURE_HEAD = 0.8  # a line at least this likely (first pass) to start an item is a sure head
HEAD_BAND = 4  # a head is shorter than 100 characters: at most this length band of `tagger.describe`
STEADY = 3  # a beat is read from this many gaps between sure heads or more, two in three of them the same
BASE = 10  # the line's own shape features kept from the first pass (`tagger.describe`: role … repeats)
_BANDS = (0.05, 0.2, 0.5, 0.8, 0.95)
_PB = tuple(f"pb={b}" for b in range(len(_BANDS) + 1))  # the first pass's probability of B, in bands
_PO = tuple(f"po={b}" for b in range(len(_BANDS) + 1))  # and of O
_SURE_BANDS = {name for b, name in enumerate(_PB) if b and _BANDS[b - 1] >= SURE_HEAD}
_SIGN = 5  # the parts of a head's signature: case, length band, lead, final mark, kind under
_MATCHES = tuple(tuple(f"s:{name}={v}" for v in range(3)) for name in ("case", "len", "lead", "fin", "under"))  # per part: none, some, most
_SURE_COUNTS = tuple(f"sh={v}" for v in range(4))


def kind(own: Sequence[str]) -> str:
    """What a line is, as a head sees the line next to it: a by-line, a date, text or its role."""
    if "by" in own:
        return "by"
    if "date" in own:
        return "date"
    role = own[0][2:]
    return "text" if role in ("body", "standfirst") else role


def _lead(text: str, own: Sequence[str]) -> str:
    if "date" in own:
        return "date"
    first = text.lstrip("“\"‘'«([#")[:1]
    return "num" if first.isdigit() else "cap" if first.isupper() else "low" if first.islower() else "other"


def _signature(text: str, own: Sequence[str], under: str) -> tuple[str, str, str, str, str]:
    """A possible head's shape: its case pattern, length band, lead, final mark and the kind of line under it."""
    case = "upper" if text.isupper() else own[3]
    return case, own[2], _lead(text, own), own[4], under


def _candidate(own: Sequence[str]) -> bool:
    """A line that could be a head: a content line other than body text, under 100 characters (`tagger.describe`'s length bands)."""
    return own[0] not in ("r=debris", "r=body") and int(own[1][4:]) <= HEAD_BAND


def marks(texts: Sequence[str], owns: Sequence[Sequence[str]], b: Sequence[float], kinds: Sequence[str] | None = None) -> list[list[str]]:
    """Per line of a segment (`owns`: the first pass's own features of each line, `b`: its
    probability of starting an item; `kinds`, when already known, their `kind`), the features of
    the line against the sure heads."""
    n = len(owns)
    kinds = kinds or [kind(o) for o in owns]
    sure = [k for k in range(n) if b[k] >= SURE_HEAD and owns[k][0] != "r=debris"]
    sh = _SURE_COUNTS[min(len(sure), 3)]
    out: list[list[str]] = [[sh] for _ in range(n)]
    if not sure:
        return out
    is_sure = set(sure)
    under = [*kinds[1:], "end"]
    signs = {k: _signature(texts[k], owns[k], under[k]) for k in range(n) if k in is_sure or _candidate(owns[k])}
    parts = [dict(Counter(signs[h][i] for h in sure)) for i in range(_SIGN)]  # each part's values among the sure heads
    whole = Counter(signs[h] for h in sure)
    around = {d: Counter(kinds[h + d] for h in sure if 0 <= h + d < n) for d in (-2, -1, 1, 2)}  # the kinds of line around them
    half = len(sure) / 2
    matching: set[int] = set()
    for k, sign in signs.items():
        mine = k in is_sure  # a sure head is compared with the others
        others = len(sure) - mine
        if not others:
            continue
        for i, named in enumerate(_MATCHES):
            a = parts[i].get(sign[i], 0) - mine
            out[k].append(named[2 if a * 2 > others else 1 if a else 0])
        if whole[sign] - mine:
            out[k].append("s:all")
            matching.add(k)
    gaps = sorted(y - x for x, y in zip(sure, sure[1:]))
    beat = gaps[len(gaps) // 2] if len(gaps) >= STEADY else 0  # the usual lines from one sure head to the next
    if beat and sum(1 for g in gaps if g == beat) * 3 < len(gaps) * 2:
        beat = 0  # items of many lengths: no beat
    j = 0  # sure[j - 1] <= k < sure[j]
    for k in range(n):
        if j < len(sure) and sure[j] <= k:
            j += 1
        above, below = (sure[j - 1] if j else -9), (sure[j] if j < len(sure) else n + 9)
        if beat and j and above != k:
            d = k - above
            out[k].append(f"s:beat={'in' if d < beat else 'at' if d == beat else 'past'}")
        d = k - above if 0 < k - above <= 2 else 0  # the nearer sure head within two lines (the one above when both are)
        if 0 < below - k <= 2 and (not d or below - k < d):
            d = k - below
        if d:
            out[k].append(f"s:at={d}|{kinds[k]}")
            if around[d][kinds[k]] > half:
                out[k].append(f"s:typ={d}")
        if k + 1 in matching and k + 1 not in is_sure and around[-1][kinds[k]] > half:
            out[k].append("s:pre")
    return out


def restate(lines: Sequence[Line], probabilities: Sequence[tuple[float, float, float]]) -> tuple[Line, ...]:
    """The lines of a segment as the second pass reads them (`tagger.Line`s): their own shape
    features, the first pass's probabilities in bands and the features against the sure heads."""
    from sitegen.split.tagger import Line  # here: the tagger imports this module

    kinds = [kind(x.own) for x in lines]
    found = marks([x.block.text for x in lines], [x.own for x in lines], [p[0] for p in probabilities], kinds)
    return tuple(
        Line(x.block, x.role, x.index, (*x.own[:BASE], _PB[bucket(p[0], _BANDS)], _PO[bucket(p[2], _BANDS)], f"k={k}", *more))
        for x, p, k, more in zip(lines, probabilities, kinds, found)
    )


def features(lines: Sequence[Line], k: int) -> list[str]:
    """The features of line k of restated lines (`restate`) for the second pass: its own past the
    first pass's, and those of the lines next to it; none for a sure head (it stays as the first
    pass has it) nor in a segment with no sure head (the second pass reads nothing there)."""
    own = lines[k].own
    if _sure(own) or own[BASE + 3] == "sh=0":  # a sure head, or a segment with none: nothing to read against
        return []
    out = list(own[BASE:])
    for d in (-1, 1):
        if 0 <= k + d < len(lines):
            out += [f"{d}:{x}" for x in lines[k + d].own[BASE:]]
    return out


def _sure(own: Sequence[str]) -> bool:
    return own[BASE] in _SURE_BANDS


@dataclass(frozen=True, slots=True)
class Stacked:
    """A decision in two passes: `first` (a `tagger.Model`) reads the lines; `second` reads them again
    with the first's probabilities and the sure heads (`restate`, `features`), and its scores are added
    to the first's on every line but the sure heads, which start items. The tags are decoded as `first`
    decodes them; a segment with no sure head is as `first` has it."""

    first: Model
    second: Model

    def decode(self, lines: Sequence[Line]) -> Tagging:
        if not lines:
            return self.first.decode(lines)
        steps = self.first.steps(lines)
        one = self.first.decode_steps(steps)
        sure = [p[0] >= SURE_HEAD for p in one.probabilities]  # as `_sure` reads the restated lines
        if not any(sure):  # nothing to read the lines against: the first pass decides
            return one
        more = self.second.steps(restate(lines, one.probabilities))
        two = self.first.decode_steps([_starts(s) if head else _times(s, m) for s, m, head in zip(steps, more, sure)])
        return replace(two, probabilities=tuple(p if head else q for p, q, head in zip(one.probabilities, two.probabilities, sure)))


def _starts(rows: tuple[list[float], ...]) -> tuple[list[float], ...]:
    """A line's rows of tag scores (`tagger.Model.steps`: after B, I, O and at the start) for a sure
    head: it starts an item, with the first pass's score for that."""
    (b, _, _), (i, _, _), (o, _, _), (s, _, _) = rows
    return [b, 0.0, 0.0], [i, 0.0, 0.0], [o, 0.0, 0.0], [s, 0.0, 0.0]


def _times(rows: tuple[list[float], ...], more: tuple[list[float], ...]) -> tuple[list[float], ...]:
    """A line's rows of tag scores of the first pass times those of the second (the exponential of the summed scores)."""
    (bb, bi, bo), (ib, ii, io), (ob, oi, oo), (sb, si, so) = rows
    (mbb, mbi, mbo), (mib, mii, mio), (mob, moi, moo), (msb, msi, mso) = more
    return (
        [bb * mbb, bi * mbi, bo * mbo], [ib * mib, ii * mii, io * mio], [ob * mob, oi * moi, oo * moo], [sb * msb, si * msi, so * mso]
    )
