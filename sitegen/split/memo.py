"""The line recognisers' answers, kept while one segment is split.

A line of a dump is read by several stages (`segment`, `roles`, `tagger`, `furniture`,
`assemble`), each asking the same recognisers about it (is it a date, a by-line, a licence,
furniture?). `remembered` keeps a recogniser's answers by its arguments, and `forget` drops them
all: the split calls it after each segment, so what is kept stays bounded by one segment's lines
(and by `MEMO` answers per recogniser). Owns no recogniser itself; pure as the functions it wraps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

MEMO = 4096  # answers kept per recogniser: when a segment has more distinct lines, they start afresh
_KEPT: list[dict[Any, tuple[Any, bool]]] = []  # each recogniser's answers, which `forget` drops

Judge = TypeVar("Judge", bound=Callable[..., Any])


def remembered(judge: Judge) -> Judge:
    """`judge`, a pure function of a line (and of other hashable arguments), with its answers kept
    until `forget`; an answer that is a list is kept as a tuple and handed out as a fresh list, so
    a caller may change it."""
    answers: dict[Any, tuple[Any, bool]] = {}
    _KEPT.append(answers)

    @wraps(judge)
    def answer(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(kwargs.items())) if kwargs else args
        kept = answers.get(key)
        if kept is None:
            if len(answers) >= MEMO:
                answers.clear()
            found = judge(*args, **kwargs)
            kept = answers[key] = (tuple(found), True) if isinstance(found, list) else (found, False)
        found, listed = kept
        return list(found) if listed else found

    return answer  # type: ignore[return-value]


def forget() -> None:
    """Drop every kept answer (the split calls it after each segment)."""
    for answers in _KEPT:
        answers.clear()
