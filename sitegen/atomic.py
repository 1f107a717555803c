"""Atomic file writes: a reader (or a crash) never sees a half-written file.

Owns `write_atomic`: write to a temporary file in the same folder, flush, then
`os.replace`; `AtomicBatch`, the same for many files made durable together
(one wait for the disk instead of one per file); and `leftovers`, the
temporary files a killed writer left behind. Must not decide what to write.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def _temp_prefix(name: str) -> str:
    return f".{name}."


TEMP_SUFFIX = ".tmp"


def leftovers(folder: Path, pattern: str = "*") -> list[Path]:
    """Temporary files `write_atomic` left in `folder` (for targets matching `pattern`) when its process
    was killed between writing and renaming: never a finished file, so safe to delete while no writer runs."""
    try:
        return sorted(folder.glob(f"{_temp_prefix(pattern)}*{TEMP_SUFFIX}"))
    except OSError:
        return []


def write_atomic(path: Path, data: bytes | str | Iterable[str], *, fsync: bool = True) -> None:
    """Replace `path` with `data` (or the text chunks it yields, written as they come) in one
    step; the folder must exist."""
    chunks = [data] if isinstance(data, (bytes, str)) else data
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


SYNC_THREADS = 16


class AtomicBatch:
    """Many atomic writes, made durable together: `add` writes each file's temporary file at once
    (so a full disk shows there), `commit` flushes them all to the disk with concurrent fsyncs (the
    file system joins them into a few journal commits instead of one per file), then renames each
    into place, in order. Killed at any point, it leaves whole files and temporary ones
    (`leftovers`), never a half file. Use as a context manager; leaving it discards what was not
    committed."""

    def __init__(self) -> None:
        self._files: list[tuple[int, str, Path]] = []  # (open descriptor, temporary file, target)
        self._pool: ThreadPoolExecutor | None = None

    def __len__(self) -> int:
        return len(self._files)

    def __enter__(self) -> AtomicBatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()
        if self._pool is not None:
            self._pool.shutdown()

    def add(self, path: Path, data: bytes) -> None:
        """Write `data` to a temporary file beside `path` (the folder must exist); raises OSError."""
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(data)
        except BaseException:
            os.close(fd)
            _unlink(tmp)
            raise
        self._files.append((fd, tmp, path))

    def commit(self, placed: Callable[[int], object] = lambda i: None) -> tuple[int, OSError | None]:
        """Make the files added since the last commit durable, then rename them into place in the
        order they were added, calling `placed(i)` after the i-th. Returns how many were placed and
        the error that stopped the rest (their temporary files are removed), or None."""
        files, self._files = self._files, []
        if not files:
            return 0, None
        if self._pool is None:
            self._pool = ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="fsync")
        try:
            synced = list(self._pool.map(_sync, [fd for fd, _, _ in files]))
        finally:
            for fd, _, _ in files:
                os.close(fd)
        done = 0
        try:
            for (_, tmp, path), error in zip(files, synced):
                if error is not None:
                    return done, error
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    return done, exc
                done += 1
                placed(done - 1)
            return done, None
        finally:
            for _, tmp, _ in files[done:]:
                _unlink(tmp)

    def discard(self) -> None:
        """Remove the temporary files added since the last commit."""
        files, self._files = self._files, []
        for fd, tmp, _ in files:
            os.close(fd)
            _unlink(tmp)


def _sync(fd: int) -> OSError | None:
    try:
        os.fsync(fd)
        return None
    except OSError as exc:
        return exc


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
