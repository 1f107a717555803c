"""The characters a regular expression's match can begin with, read from the pattern itself.

`initialled` uses them to search a long alternation of words faster: the search tries the pattern
only where one of them stands. Reading them from the pattern (with the parser of the `re` module)
keeps the two from drifting apart when a word is added to a pattern. A digit (`\\d`) is kept as
that class: a date's figures begin its matches as often as a month's name does. Where the pattern
can match the empty string, or begin with any character (`.`, `\\w`, a negated class), there is
nothing to gain, and the pattern is compiled as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]

from sitegen.split.text import _AS_ASCII

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}  # \b, ^, lookarounds: they begin nothing
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_MOST_IN_RANGE = 64  # a wider range of characters ("[a-z]" is 26) is not worth a class of its own
_NARROW = {sre.CATEGORY_DIGIT: r"\d"}  # a category of few characters, kept as its escape in the class


class _Any(Exception):
    """The pattern can begin with (nearly) any character."""


def _sequence(items) -> tuple[set[str], bool]:
    """The first characters of a sequence, and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av)
        found |= first
        if not empty:
            return found, False
    return found, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _class(av), False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is sre.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in av[1]:
            first, may_be_empty = _sequence(branch)
            found |= first
            empty = empty or may_be_empty
        return found, empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags or del_flags:  # "(?i:…)" inside: the class would be read with other flags
            raise _Any
        return _sequence(items)
    if op in _REPEATS:
        least, _most, items = av
        first, empty = _sequence(items)
        return first, empty or least == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av)
    raise _Any  # ".", a negated literal, a back reference, …


def _class(items) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            found.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MOST_IN_RANGE:
            found.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _NARROW:
            found.add(_NARROW[av])
        else:  # a category (\w, \d), a negation, a wide range
            raise _Any
    return found


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` (read with `flags`) begins with, as written in it
    (read with the same flags, "b" also stands for "B" under re.IGNORECASE; `\\d` for a digit);
    None when a match can be empty or begin with nearly anything."""
    try:
        found, empty = _sequence(_parser.parse(pattern, flags))
    except _Any:
        return None
    return None if empty or not found else frozenset(found)


def initialled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled to be searched faster: a search tries it only where one of the
    characters its matches begin with stands (a lookahead with a class of them, read with the
    same flags), so it finds exactly what `pattern` finds. Long alternations of words searched
    case-insensitively are the slow ones, tried word by word at every position; one matched at a
    line's start ("^(?:share|subscribe|…)") is then given up at the line's first character."""
    first = first_characters(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    initials = "".join(c if c in _NARROW.values() else re.escape(c) for c in sorted(first))
    return re.compile(f"(?=[{initials}])(?:{pattern})", flags)


class Folded:
    """A case-insensitive pattern searched on the lower-cased copy of a text, read case-sensitively
    there: the same search (the same match, at the same place) at about half the cost, as a
    case-insensitive search compares every character in both cases. It is the same on a text
    with none of the characters such a search reads as ASCII letters though lower case does not
    make them ones (`text._AS_ASCII`: such a text is searched as it is), because lower case then
    maps each character to one character, of the same class (word, digit, white space), and the
    pattern (`lower_safe`) reads no capital letter and no cased letter but an ASCII one. It pays for
    long alternations of words (a case-insensitive search tries each at every position), not for a
    pattern a search skips ahead to. Its match is on the lower-cased copy: its place, not its words,
    is the text's."""

    __slots__ = ("pattern", "folded")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, *, initials: bool = True) -> None:
        """`initials`: each compiled by `initialled` (a long alternation of words), else as it is (a
        pattern opening with a class of characters, which a search skips ahead to)."""
        if not flags & re.IGNORECASE or not lower_safe(pattern, flags):
            raise ValueError(f"not a pattern a lower-cased text can be searched with: {pattern!r}")
        compiled = initialled if initials else re.compile
        self.pattern = compiled(pattern, flags)
        self.folded = compiled(pattern, flags & ~re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii() or _AS_ASCII.isdisjoint(text):
            return self.folded.search(text.lower())
        return self.pattern.search(text)


def lower_safe(pattern: str, flags: int = re.IGNORECASE) -> bool:
    """Whether `pattern`, read case-insensitively, finds on a text what it finds, read
    case-sensitively, on the text's lower-cased copy (`Folded`): every character it names is an
    ASCII letter in lower case or a character with no case (a digit, a mark, "©"), no group
    changes the flags and none is referred back to."""
    try:
        return _safe(_parser.parse(pattern, flags))
    except _Any:
        return False


def _safe(items) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _uncased_or_lower(chr(av)):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL and not _uncased_or_lower(chr(value)):
                    return False
                if kind is sre.RANGE and not all(_uncased_or_lower(chr(c)) for c in range(value[0], value[1] + 1)):
                    return False
        elif op is sre.BRANCH:
            if not all(_safe(branch) for branch in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _safe(av[3]):  # flags changed inside
                return False
        elif op in _REPEATS:
            if not _safe(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _safe(av[1]):
                return False
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            if not _safe(av):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY, sre.IN):
            raise _Any  # a back reference, a conditional group, …
    return True


def _uncased_or_lower(c: str) -> bool:
    """An ASCII letter in lower case, or a character with no case (lower case leaves it, and makes no other character it)."""
    return "a" <= c <= "z" or c.lower() == c == c.upper() and not c.isalpha() or c.isascii() and not c.isalpha()
