"""Many dumps split at once: worker processes split the small ones ahead of the caller.

Owns `SplitAhead`. The caller goes through its dumps in order and, for each it
decides to split, asks `articles(at, …)`: the same articles in the same order,
and the same problems appended at the same points, as `plan.split_dump` gives —
so what the caller writes does not depend on how the work was shared. Each
article comes through the caller's `prepare` (its own per-article work, such as
making the article file's text), which runs in the workers too. Dumps below
`plan.BACKGROUND_BYTES` are sent to a pool of forked workers (one per core) in
chunks of about CHUNK_BYTES, and at most WAITING chunks a worker are split
before the caller asks for them: memory stays bounded however many dumps there
are. A large dump is still streamed (`plan.split_dump`), as is every dump when
forking is unsafe (another thread runs) or there is too little work to share.
Must not write anything.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Generic, TypeVar

from sitegen.archive import plan
from sitegen.errors import Problem
from sitegen.split import SplitArticle

CHUNK_BYTES = 1 << 16  # small dumps go to a worker together, up to about this many bytes
SHARED_FROM = 1 << 17  # less work than this (bytes of small dumps) is not worth starting workers
WAITING = 3  # chunks a worker may have split before the caller asks for them

T = TypeVar("T")
_Stream = list  # a dump's prepared articles and problems, in the order the split met them


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupt() -> None:
    """A worker leaves Ctrl-C to the caller, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _split_chunk(dumps: list[tuple[Path, str]], prepare: Callable[[SplitArticle], T]) -> list[tuple[_Stream, OSError | None]]:
    """In a worker: each dump's stream (`plan.dump_stream`, its articles prepared), and the OSError
    that ended it early (what came before the error is kept, as a streamed split would give it)."""
    done = []
    for raw, shown in dumps:
        stream: _Stream = []
        try:
            for item in plan.dump_stream(raw, shown):
                stream.append(item if isinstance(item, Problem) else prepare(item))
            done.append((stream, None))
        except OSError as exc:
            done.append((stream, exc))
    return done


class SplitAhead(Generic[T]):
    """The dumps `dumps` (raw file, name shown in messages; None for one the caller will not
    split), split ahead of the caller when that pays, each article given as `prepare(article)`.
    Use as a context manager; leaving it stops the workers."""

    def __init__(self, dumps: Sequence[tuple[Path, str] | None], prepare: Callable[[SplitArticle], T],
                 workers: int | None = None) -> None:
        self._dumps = list(dumps)
        self._prepare = prepare
        self._chunks: list[list[int]] = []  # positions in `dumps` of each chunk's dumps
        self._chunk_of: dict[int, int] = {}
        self._futures: dict[int, Future] = {}
        self._sent = 0  # chunks submitted so far
        self._pool: ProcessPoolExecutor | None = None
        self._workers = count = workers if workers is not None else _cores()
        small, size, total = [], 0, 0
        for at, dump in enumerate(self._dumps):
            if dump is None:
                continue
            try:
                length = dump[0].stat().st_size
            except OSError:
                continue  # the caller's own read reports it
            if length >= plan.BACKGROUND_BYTES:
                continue
            small.append(at)
            size += length
            total += length
            if size >= CHUNK_BYTES:
                self._chunks.append(small)
                small, size = [], 0
        if small:
            self._chunks.append(small)
        if count < 2 or len(self._chunks) < 2 or total < SHARED_FROM or not plan.may_fork():
            self._chunks = []
            return
        self._chunk_of = {at: number for number, chunk in enumerate(self._chunks) for at in chunk}
        sys.stdout.flush()  # a worker must not write out what this process has buffered
        sys.stderr.flush()
        self._pool = ProcessPoolExecutor(count, mp_context=get_context("fork"), initializer=_ignore_interrupt)
        self._send()

    def __enter__(self) -> SplitAhead[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (chunks not started are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures.clear()

    def _send(self) -> None:
        while self._sent < len(self._chunks) and len(self._futures) < WAITING * self._workers:
            chunk = self._chunks[self._sent]
            self._futures[self._sent] = self._pool.submit(_split_chunk, [self._dumps[at] for at in chunk], self._prepare)
            self._sent += 1

    def articles(self, at: int, raw: Path, shown: str, problems: list[Problem]) -> Iterator[T]:
        """The articles of dump `raw`, number `at` (dumps are asked for in order), problems appended
        to `problems` where the split met them. Raises OSError when the dump cannot be read."""
        number = self._chunk_of.get(at, -1)
        if self._pool is not None and number >= 0:
            for passed in [n for n in self._futures if n < number]:  # chunks of dumps the caller skipped
                self._futures.pop(passed).cancel()
            self._sent = max(self._sent, number)  # chunks the caller passed over entirely are never split
            self._send()
        future = self._futures.get(number)
        if future is None:
            for article in plan.split_dump(raw, shown, problems):
                yield self._prepare(article)
            return
        chunk = self._chunks[number]
        stream, failure = future.result()[chunk.index(at)]
        if at == chunk[-1]:
            del self._futures[number]
            self._send()
        yield from plan.unpack(stream, problems)
        if failure is not None:
            raise failure
