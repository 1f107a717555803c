"""Lexical cohesion around a line of a segment: is the text above it about what the text below is?

TextTiling (Hearst 1997) for the split: a subheading inside a long article has
text about the same things on both sides, a headline between two unrelated
stories does not. For a line of a segment, `around` compares the content words
(lower-cased words of three letters or more, not jusText's stop words) of a
window of text above it — up to `WINDOW` words back, within the segment — with a
window below it, as term-frequency vectors (the cosine of the two), and says how
many of the line's own content words recur above and below (a subheading names
what the article is about; a new headline names what follows). Each line's words
are read once, when a window first reaches it, and only lines within reach of a
line asked about are read (and nothing below a line with almost no text above
it: there is nothing to compare): linear in the segment's size. Pure facts about
words; must not decide boundaries (the tagger weighs them, `tagger.describe`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, filterfalse
from operator import mul

from sitegen.split.memo import remembered
from sitegen.split.roles import stop_words
from sitegen.split.text import bucket

WINDOW = 60  # content words on each side (leave-one-shape-out: see `benchmarks/split_tagger.py`)
REACH = 40  # lines looked through on each side at most (lines with few words: a listing)
_WORD = re.compile(r"[^\W\d_]{3,}")
_ASCII_WORD = re.compile(r"[a-z]{3,}")  # the same words of a lower-case ASCII text, found faster


@dataclass(frozen=True, slots=True)
class Cohesion:
    """The lexical evidence around one line."""

    above: int  # content words in the window above (fewer than WINDOW: the segment starts near)
    below: int  # and in the window below (not read when the window above is thinner than THIN)
    similarity: float  # cosine of the two windows' term frequencies (0: no word shared)
    recur_above: float  # share of the line's own content words found in the window above
    recur_below: float  # and in the window below
    own: int  # the line's own content words


THIN = 10  # a window with fewer content words says nothing
COPY = 0.9  # two windows this alike are the same text twice, not one story going on


def names(c: Cohesion) -> list[str]:
    """The evidence as the tagger's sparse features: the similarity of the two windows in bins
    (`coh=thin` when either is nearly empty; `coh=copy` and nothing else when they are nearly the
    same text: cohesion cannot tell a subheading from an article printed again), the share of the
    line's words found above (`rA=`) and below (`rB=`), in bins."""
    if c.above < THIN or c.below < THIN:
        out = ["coh=thin"]
    elif c.similarity >= COPY:
        return ["coh=copy"]  # the same text again (a template, an article printed twice): no evidence either way
    else:
        out = [f"coh={bucket(c.similarity, (0.05, 0.1, 0.2, 0.3))}"]
    if c.own and c.above >= THIN:
        out.append(f"rA={bucket(c.recur_above, (0.01, 0.34, 0.67))}")
    if c.own and c.below >= THIN:
        out.append(f"rB={bucket(c.recur_below, (0.01, 0.34, 0.67))}")
    return out


@remembered  # read by `around`, and again by `peers` and `sections` for the same lines
def content_words(text: str) -> list[str]:
    """The words of a line that say what it is about, lower-cased, in order."""
    lowered = text.lower()
    return list(filterfalse(stop_words().__contains__, (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)))


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """The cosine of two term-frequency vectors."""
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    # counts are whole numbers: their sums are exact in any order, taken here without a Python loop
    dot = sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return dot / math.sqrt(sum(map(mul, a.values(), a.values())) * sum(map(mul, b.values(), b.values())))


def around(texts: Sequence[str | None], lines: Iterable[int], window: int = WINDOW) -> dict[int, Cohesion]:
    """The cohesion around each of `lines` (indexes into `texts`, the segment's lines in order; None
    for a line that is no text of the segment, such as a line taken out as furniture)."""
    words: dict[int, list[str]] = {}

    def of(j: int) -> list[str]:
        found = words.get(j)
        if found is None:
            text = texts[j]
            found = words[j] = content_words(text) if text else []
        return found

    def gather(k: int, step: int) -> list[str]:
        got: list[list[str]] = []
        count = 0
        j = k + step
        end = max(-1, k - REACH - 1) if step < 0 else min(len(texts), k + REACH + 1)
        while j != end and count < window:
            w = of(j)
            if w:
                got.append(w)
                count += len(w)
            j += step
        if step < 0:
            got.reverse()
            return list(chain.from_iterable(got))[-window:]
        return list(chain.from_iterable(got))[:window]

    out = {}
    for k in lines:
        above = gather(k, -1)
        below = gather(k, 1) if len(above) >= THIN else []  # nothing above: nothing to compare
        own = set(of(k))
        if above and below:
            up, down = Counter(above), Counter(below)
            alike, seen_above, seen_below = similarity(up, down), up.keys(), down.keys()
        else:  # a window is empty: nothing alike, and only the words of the other are asked about
            alike, seen_above, seen_below = 0.0, set(above), set(below)
        out[k] = Cohesion(
            above=len(above), below=len(below), similarity=alike,
            recur_above=len(own & seen_above) / len(own) if own else 0.0,
            recur_below=len(own & seen_below) / len(own) if own else 0.0, own=len(own),
        )
    return out
