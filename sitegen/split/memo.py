"""The line recognisers' answers, kept while one segment is split.

A line of a dump is read by several stages (`segment`, `roles`, `tagger`, `furniture`,
`assemble`), each asking the same recognisers about it (is it a date, a by-line, a licence,
furniture?). `remembered` keeps a recogniser's answers by its arguments, and `forget` drops them
all: the split calls it after each segment, so what is kept stays bounded by one segment's lines
(and by `MEMO` answers per recogniser). A recogniser of one line alone, the most asked, keeps its
answers by the line itself (one look-up for a kept answer) and is called with the line alone, and
one whose other arguments only save it work keeps them by the line too (`by_line`). Owns no recogniser itself; pure as the functions it wraps.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

MEMO = 4096  # answers kept per recogniser: when a segment has more distinct lines, they start afresh
_KEPT: list[dict[Any, Any]] = []  # each recogniser's answers, which `forget` drops
_NONE = object()  # no answer kept

Judge = TypeVar("Judge", bound=Callable[..., Any])


class _Listed(tuple):
    """A list answer, kept as a tuple (handed out as a fresh list, so a caller may change it)."""

    __slots__ = ()


def remembered(judge: Judge) -> Judge:
    """`judge`, a pure function of a line (and of other hashable arguments), with its answers kept
    until `forget`; an answer that is a list is kept as a tuple and handed out as a fresh list, so
    a caller may change it."""
    if len(inspect.signature(judge).parameters) == 1:
        return _of_line(judge)
    answers: dict[Any, Any] = {}
    _KEPT.append(answers)

    @wraps(judge)
    def answer(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(kwargs.items())) if kwargs else args
        kept = answers.get(key, _NONE)
        if kept is _NONE:
            if len(answers) >= MEMO:
                answers.clear()
            found = judge(*args, **kwargs)
            kept = answers[key] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def by_line(judge: Judge) -> Judge:
    """`remembered` for a recogniser of a line whose other arguments (if any) only save it work, as
    the shape of that line does: its answers are kept by the line alone."""
    answers: dict[Any, Any] = {}
    _KEPT.append(answers)
    get = answers.get

    @wraps(judge)
    def answer(text: Any, *known: Any) -> Any:
        kept = get(text, _NONE)
        if kept is _NONE:
            if len(answers) >= MEMO:
                answers.clear()
            found = judge(text, *known)
            kept = answers[text] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def _of_line(judge: Judge) -> Judge:
    """`by_line` for a recogniser of a line alone: called with the line only (a call with no
    arguments to pass on is the cheaper one, and most calls are of these)."""
    answers: dict[Any, Any] = {}
    _KEPT.append(answers)
    get = answers.get

    @wraps(judge)
    def answer(text: Any) -> Any:
        kept = get(text, _NONE)
        if kept is _NONE:
            if len(answers) >= MEMO:
                answers.clear()
            found = judge(text)
            kept = answers[text] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def forget() -> None:
    """Drop every kept answer (the split calls it after each segment)."""
    for answers in _KEPT:
        answers.clear()
