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
