"""One reading of a line, shared by its recognisers: the cheap facts their guards ask.

A line is asked about by many recognisers (`roles`, `meta`, `dates`, `licence`, `flags`,
`furniture`, …), and most of them can answer only on a line that holds something: a digit, a
separator mark, a word of their patterns. `read(text)` reads those facts once per line (kept
until `memo.forget`, as the recognisers' answers are), so a recogniser, or a whole group of them,
is skipped on a line without what every one of its matches needs. Each skip is proved where it is
decided, from the patterns it skips. Owns no recogniser; pure.
"""

from __future__ import annotations

import re

from sitegen.split.memo import remembered
from sitegen.split.text import _AS_ASCII

_ASCII_DIGIT = re.compile(r"[0-9]")
SEPARATOR_MARKS = re.compile(r"[|·•–—]")  # what parts the fields of a meta line ("Jane Hill | 3 May 2026"), or a by-line and its date


# the words in lower case a person's name may hold, as the name patterns of `meta` and `roles` read
# one: a particle ("van", "de"), an honorific before it ("dr", "Rev." in any case), "and" between two
# names, and "at" or "in" (and "the") before the place a signature gives ("Callum Reid at Meadow Lane")
NAME_SMALL = frozenset(
    "de van von da di du der den del bin binti al el le la ter dos das ap and at in the dr prof mr mrs ms rev "
    "dr. prof. mr. mrs. ms. rev.".split()
)


class Reading:
    """The facts of one line (`read`):

    - `lower`: the line in lower case (`str.lower`);
    - `digit`: it holds a digit (`str.isdigit`: every character a pattern's `\\d` matches, and more);
    - `marks`: it holds one of the separator marks "|", "·", "•", "–", "—";
    - `folds`: it holds a character a case-insensitive pattern reads as an ASCII letter that lower
      case does not make one ("ſ" is an "s" to it: `text._AS_ASCII`); such a line may hold a
      pattern's word in that guise, and `holds` says it may hold any;
    - `plain`: it holds a word (between white space) that starts with a lower-case letter and is
      none of `NAME_SMALL` in any case: a word no person's name holds ("for", "council")."""

    __slots__ = ("lower", "digit", "marks", "folds", "plain")

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        if text.isascii():
            self.digit = _ASCII_DIGIT.search(text) is not None
            self.folds = False
        else:
            self.digit = any(map(str.isdigit, text))
            self.folds = not _AS_ASCII.isdisjoint(text)
        self.marks = SEPARATOR_MARKS.search(text) is not None
        self.plain = False
        for word in text.split():
            if word[0].islower() and word.lower() not in NAME_SMALL:
                self.plain = True
                break

    def holds(self, words: tuple[str, ...]) -> bool:
        """Whether the line may hold one of `words` (lower-case) in any case: False only for a line
        without any of them, which a case-insensitive search every match of which holds one of them
        need not be tried on (`text.may_hold`, on the line's one lower-cased copy)."""
        if self.folds:
            return True
        lower = self.lower
        for word in words:  # a loop: cheaper than a generator on these short lines
            if word in lower:
                return True
        return False


@remembered
def read(text: str) -> Reading:
    """The reading of a line (kept until `memo.forget`, as the recognisers' answers are)."""
    return Reading(text)
