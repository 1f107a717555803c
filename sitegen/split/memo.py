"""The line recognisers' answers, kept while one segment is split.

A line of a dump is read by several stages (`segment`, `roles`, `tagger`, `furniture`,
`assemble`), each asking the same recognisers about it (is it a date, a by-line, a licence,
furniture?). `remembered` keeps a recogniser's answers by its arguments, and `forget` drops them
all: the split calls it after each segment, so what is kept stays bounded by one segment's lines
(and by `MEMO` answers per recogniser). A recogniser whose answer is no list keeps them in
`functools.lru_cache` (its look-ups cost no Python call: most recognisers, most asked); one that
answers with a list keeps it as a tuple and hands out a fresh list, so a caller may change it (a
recogniser of one line alone called with the line only), and one whose other arguments only save
it work keeps its answers by the line (`by_line`). Owns no recogniser itself; pure as the
functions it wraps.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

MEMO = 4096  # answers kept per recogniser: when a segment has more distinct lines, the oldest go (or all, for a list's)
_KEPT: list[Callable[[], None]] = []  # how to drop each recogniser's answers, which `forget` does
_NONE = object()  # no answer kept

Judge = TypeVar("Judge", bound=Callable[..., Any])


class _Listed(tuple):
    """A list answer, kept as a tuple (handed out as a fresh list, so a caller may change it)."""

    __slots__ = ()


def remembered(judge: Judge) -> Judge:
    """`judge`, a pure function of a line (and of other hashable arguments), with its answers kept
    until `forget`; an answer that is a list is kept as a tuple and handed out as a fresh list, so
    a caller may change it (a judge whose return annotation names no list answers with none)."""
    signature = inspect.signature(judge)
    if not _lists(signature):
        kept = lru_cache(maxsize=MEMO)(judge)
        _KEPT.append(kept.cache_clear)
        return kept  # type: ignore[return-value]
    if len(signature.parameters) == 1:
        return _of_line(judge)
    answers: dict[Any, Any] = {}
    _KEPT.append(answers.clear)

    @wraps(judge)
    def answer(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(kwargs.items())) if kwargs else args
        kept = answers.get(key, _NONE)
        if kept is _NONE:  # a new answer, kept as a tuple if a list (the answers start afresh at `MEMO`)
            found = judge(*args, **kwargs)
            if len(answers) >= MEMO:
                answers.clear()
            kept = answers[key] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def by_line(judge: Judge) -> Judge:
    """`remembered` for a recogniser of a line whose other arguments (if any) only save it work, as
    the shape of that line does: its answers are kept by the line alone."""
    answers: dict[Any, Any] = {}
    _KEPT.append(answers.clear)
    get = answers.get

    @wraps(judge)
    def answer(text: Any, *known: Any) -> Any:
        kept = get(text, _NONE)
        if kept is _NONE:  # a new answer, kept as a tuple if a list (the answers start afresh at `MEMO`)
            found = judge(text, *known)
            if len(answers) >= MEMO:
                answers.clear()
            kept = answers[text] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def _lists(signature: inspect.Signature) -> bool:
    """Whether a judge may answer with a list, by its return annotation (a string under postponed
    annotations): when it names a list, or when there is none."""
    answer = signature.return_annotation
    return answer is inspect.Signature.empty or "list" in str(answer)


def _of_line(judge: Judge) -> Judge:
    """`by_line` for a recogniser of a line alone that answers with a list: called with the line
    only (a call with no arguments to pass on is the cheaper one)."""
    answers: dict[Any, Any] = {}
    _KEPT.append(answers.clear)
    get = answers.get

    @wraps(judge)
    def answer(text: Any) -> Any:
        kept = get(text, _NONE)
        if kept is _NONE:  # a new answer, kept as a tuple if a list (the answers start afresh at `MEMO`)
            found = judge(text)
            if len(answers) >= MEMO:
                answers.clear()
            kept = answers[text] = _Listed(found) if isinstance(found, list) else found
        return list(kept) if kept.__class__ is _Listed else kept

    return answer  # type: ignore[return-value]


def forget() -> None:
    """Drop every kept answer (the split calls it after each segment)."""
    for drop in _KEPT:
        drop()
