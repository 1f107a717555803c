"""Reading a dump file into split articles, and the plan of a split that writes nothing.

Owns `dump_articles` (the streamed read of one dump: a first pass counts its
short lines, so furniture recurring between items is known, then the split runs
line by line — memory stays bounded by the longest article), `split_dump` (the
same, a large dump split in a second process, on another core, while the
caller matches and writes what it has been given; `dump_stream` and `unpack`: the
articles with their problems among them, as one process sends them to another) and `plan_files` (what `sitegen split --dry-run` shows: every article
each dump would give, with its lines, kind, title, authors, confidence and what
to review; many dumps split by workers, `ahead.SplitAhead`). Must not write anything.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from sitegen.archive.load import shown_path
from sitegen.errors import Problem, error
from sitegen.split import SplitArticle, decode_lines, iter_articles
from sitegen.split.roles import Repeats

BACKGROUND_BYTES = 1 << 20  # a dump this large is split in a second process
SENT = 32  # articles sent from that process at a time

T = TypeVar("T")


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


def dump_stream(raw: Path, shown: str) -> Iterator[SplitArticle | Problem]:
    """`dump_articles` with its problems among the articles, where the split met them (what a
    process that splits for another sends it). Raises OSError when the file cannot be read, after
    the problems met before it."""
    problems: list[Problem] = []
    told = 0
    try:
        for article in dump_articles(raw, shown, problems):
            yield from problems[told:]
            told = len(problems)
            yield article
    except OSError:
        yield from problems[told:]
        raise
    yield from problems[told:]


def unpack(stream: Iterable[T | Problem], problems: list[Problem]) -> Iterator[T]:
    """The articles of a stream (`dump_stream`), its problems appended to `problems` as they come."""
    for item in stream:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def may_fork() -> bool:
    """Whether a forked child is safe here: the platform forks and no other thread runs
    (a thread holding a lock at the fork would leave it held in the child forever)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def split_dump(raw: Path, shown: str, problems: list[Problem]) -> Iterator[SplitArticle]:
    """`dump_articles`, the same articles in the same order and problems appended at the same
    points. A dump of BACKGROUND_BYTES or more is split by a forked child process (when this
    process has no other thread), so the split and the caller's work on the articles run on two
    cores; memory stays bounded (the pipe holds a few articles). Raises OSError when the file
    cannot be read."""
    if raw.stat().st_size < BACKGROUND_BYTES or not may_fork():
        yield from dump_articles(raw, shown, problems)
        return
    sys.stdout.flush()  # the child must not write out what this process has buffered
    sys.stderr.flush()
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_split_child, args=(receiver, sender, raw, shown), daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            try:
                kind, payload = receiver.recv()
            except EOFError:
                raise OSError(f"the split of {raw.name} stopped (its process ended, exit code {child.exitcode})") from None
            if kind == "articles":
                yield from unpack(payload, problems)
            elif kind == "done":
                return
            elif kind == "oserror":
                raise OSError(*payload)
            else:
                raise RuntimeError(f"the split of {raw.name} failed:\n{payload}")
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _split_child(receiver: Connection, sender: Connection, raw: Path, shown: str) -> None:
    """The child of `split_dump`: problems and articles, in order, SENT at a time."""
    receiver.close()
    try:
        try:
            batch: list = []
            for item in dump_stream(raw, shown):
                batch.append(item)
                if len(batch) >= SENT and not isinstance(item, Problem):  # (a batch ends on an article)
                    sender.send(("articles", batch))
                    batch = []
            sender.send(("articles", batch))
            sender.send(("done", None))
        except (BrokenPipeError, EOFError):
            pass  # the parent stopped reading (it is gone, or has what it needs)
        except OSError as exc:
            sender.send(("oserror", (exc.errno, exc.strerror) if exc.strerror else (str(exc),)))
        except BaseException:  # noqa: BLE001 - reported by the parent, with this traceback
            import traceback

            sender.send(("failed", traceback.format_exc()))
    except (BrokenPipeError, EOFError):
        pass
    finally:
        sender.close()


def plan_files(raw_paths: list[Path], *, root: Path | None = None) -> tuple[DumpPlan, ...]:
    """The articles every dump would give, without touching the archive."""
    from sitegen.archive.ahead import SplitAhead  # (which splits with this module's functions)

    plans = []
    shown = [shown_path(raw, root) for raw in raw_paths]
    with SplitAhead(list(zip(raw_paths, shown)), _same) as ahead:
        for at, raw in enumerate(raw_paths):
            problems: list[Problem] = []
            try:
                articles = tuple(ahead.articles(at, raw, shown[at], problems))
            except OSError as exc:
                problems.append(error(f"cannot read: {exc.strerror or exc}", shown[at]))
                articles = ()
            problems += [replace(p, file=shown[at]) for a in articles for p in a.problems]
            plans.append(DumpPlan(shown[at], articles, tuple(problems)))
    return tuple(plans)


def _same(article: SplitArticle) -> SplitArticle:
    return article
