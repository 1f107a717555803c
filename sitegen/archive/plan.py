"""Reading a dump file into split articles, and the plan of a split that writes nothing.

Owns `dump_articles` (the streamed read of one dump: a first pass counts its
short lines, so furniture recurring between items is known, then the split runs
line by line — memory stays bounded by the longest article) and `plan_files`
(what `sitegen split --dry-run` shows: every article each dump would give, with
its lines, kind, title, authors, confidence and what to review). Must not write
anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sitegen.archive.load import shown_path
from sitegen.errors import Problem, error
from sitegen.split import SplitArticle, decode_lines, iter_articles
from sitegen.split.roles import Repeats


@dataclass(frozen=True, slots=True)
class DumpPlan:
    """What splitting one dump would give."""

    file: str  # the dump, shown relative to the archive
    articles: tuple[SplitArticle, ...]
    problems: tuple[Problem, ...]


def dump_articles(raw: Path, shown: str, problems: list[Problem]) -> Iterator[SplitArticle]:
    """The articles of dump `raw`, one at a time; decoding problems name `shown`.
    Raises OSError when the file cannot be read."""
    with raw.open("rb") as handle:
        repeats = Repeats.of_lines(handle)  # a first pass on bytes: only short lines are decoded
    with raw.open("rb") as handle:
        yield from iter_articles(decode_lines(handle, shown, problems), raw.name, [], repeats)


def plan_files(raw_paths: list[Path], *, root: Path | None = None) -> tuple[DumpPlan, ...]:
    """The articles every dump would give, without touching the archive."""
    plans = []
    for raw in raw_paths:
        shown = shown_path(raw, root)
        problems: list[Problem] = []
        try:
            articles = tuple(dump_articles(raw, shown, problems))
        except OSError as exc:
            problems.append(error(f"cannot read: {exc.strerror or exc}", shown))
            articles = ()
        problems += [replace(p, file=shown) for a in articles for p in a.problems]
        plans.append(DumpPlan(shown, articles, tuple(problems)))
    return tuple(plans)
