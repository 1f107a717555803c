"""Rows: short lines printed alike one after another, the lines of a results box, a table, a card.

A results page, a league's fixtures, a show's class list or a card of fields prints its lines
alike: "Class 1, Three onions: 1st K. Arbuthnot", "Class 2, Heaviest onion: …"; "Dog CC: …",
"Res Dog CC: …"; "The Globe 4–5 Dosthill Cons", "Fazeley Social 6–3 Red Lion". Each such line
is head-shaped (short, capitalised, no stop last), so the tagger, reading a line and its
neighbours, cannot tell the head of the next box from the box's own lines. What tells them apart
is that the rows are printed like the rows next to them and the head is not.

`keys` reads the ways a line can be printed like its neighbour: the label it opens with, its
first word (figures as N), its skeleton (figures and punctuation, the words left out) and its
few small words ("Dosthill Cons v The Anchor": "v").
`marks` gives `row` to each short line that is not running text and shares a key with the
content line above or below it. Pure; decides nothing alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.roles import LineShape

ROW_MAX = 160  # a row is never longer
_LABEL = re.compile(r"^\w[\w &'’()-]{0,30}:\s")
_FIGURES = re.compile(r"\d+")
_SKELETON = re.compile(r"[^\W\d]+|[\s'’&]+")  # letters, spaces, the marks inside names
# the characters of an ASCII line `_SKELETON` takes out: its letters and "_", its white space (as `str.isspace`, which
# `\s` reads, has it), "'" and "&" (each taken out alone or in a run, the line left is the same)
_ASCII_SKELETON = str.maketrans("", "", "".join(c for c in map(chr, range(128)) if _SKELETON.fullmatch(c)))


def keys(text: str) -> tuple[str, ...]:
    """How a row can be printed like its neighbour: "label" when it opens with a label, its first
    word with figures as N, its skeleton of figures and punctuation when it has one, its small
    words after the first when it has one to three."""
    out = ["label"] if _LABEL.match(text) else []
    words = text.split()
    if len(words) >= 2:
        out.append("w:" + _FIGURES.sub("N", words[0].lower()))
    bare = text.translate(_ASCII_SKELETON) if text.isascii() else _SKELETON.sub("", text)
    skeleton = _FIGURES.sub("N", bare)
    if skeleton:
        out.append("s:" + skeleton)
    small = [w for w in words[1:] if w.isalpha() and w.islower()]
    if 0 < len(small) <= 3:
        out.append("l:" + " ".join(small))
    return tuple(out)


def marks(texts: Sequence[str | None], shapes: Sequence[LineShape]) -> list[tuple[str, ...]]:
    """Per line (`None`: a line the segmenter took out), `("row",)` for the rows of the segment."""
    n = len(texts)
    content = [k for k in range(n) if texts[k] is not None]
    found = [frozenset(keys(texts[k] or "")) if shapes[k].chars <= ROW_MAX and not shapes[k].running else frozenset() for k in content]
    out: list[tuple[str, ...]] = [()] * n
    for j, k in enumerate(content):
        if found[j] and (j and found[j] & found[j - 1] or j + 1 < len(content) and found[j] & found[j + 1]):
            out[k] = ("row",)
    return out
