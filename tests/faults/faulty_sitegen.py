"""`python tests/faults/faulty_sitegen.py ARGS...`: the sitegen command line with one fault injected.

The fault is chosen by environment variables, so a test can hit the same
point every time instead of racing a timer:

- `FAULT_KILL_AT=N` — SIGKILL this process at the N-th `os.replace` (every
  atomic write ends with one), `FAULT_KILL_WHEN=before` (default: the new
  file is fully written but not yet renamed into place) or `after`.
- `FAULT_ENOSPC_AFTER=BYTES` with `FAULT_ENOSPC_UNDER=DIR` — every file
  opened for writing under DIR fails with ENOSPC ("No space left on device")
  once BYTES have been written there in total, as a full disk does (through
  `open` or `os.write`).
- `FAULT_ON_READ=FILE` with `FAULT_ACTION=delete|save|empty` — the first time
  FILE is opened for reading, the editor deletes it, saves a new version
  (`FAULT_TEXT`, written atomically as editors do) or is caught half-way
  through saving it in place (the file is empty), just before it is read.

Nothing else is changed: the real command runs, on the real file system.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import signal
import sys


def _kill_at_replace(at: int, when: str) -> None:
    real = os.replace
    calls = 0

    def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == at and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst, *args, **kwargs)
        if calls == at and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace


class _Full(io.RawIOBase):
    """A file under the 'full' folder: writes succeed until the shared budget is spent."""

    budget = 0

    def __init__(self, raw: io.FileIO) -> None:
        self.raw = raw

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return self.raw.readable()

    def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
        size = len(memoryview(data))
        if size > _Full.budget:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _Full.budget -= size
        return self.raw.write(data)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        return self.raw.readinto(buffer)

    def fileno(self) -> int:
        return self.raw.fileno()

    def close(self) -> None:
        self.raw.close()
        super().close()


def _where(file) -> str:  # type: ignore[no-untyped-def]
    return os.path.realpath(f"/proc/self/fd/{file}" if isinstance(file, int) else os.fspath(file))


def _on_read(target: str, action: str, text: str) -> None:
    real_open = io.open
    target = os.path.realpath(target)
    done = False

    def open_(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal done
        if not done and not any(flag in mode for flag in "wax+") and _where(file) == target:
            done = True
            if action == "delete":
                os.unlink(target)
            elif action == "empty":
                os.truncate(target, 0)
            else:
                with real_open(target + ".saving", "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.rename(target + ".saving", target)
        return real_open(file, mode, *args, **kwargs)

    io.open = open_
    builtins.open = open_


def _enospc(budget: int, under: str) -> None:
    _Full.budget = budget
    real_open = io.open
    root = os.path.realpath(under)

    def open_(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):  # type: ignore[no-untyped-def]
        writing = any(flag in mode for flag in "wax+")
        if writing:
            where = _where(file)
            if where == root or where.startswith(root + os.sep):
                raw = _Full(io.FileIO(file, mode.replace("b", "").replace("t", "") or "w", closefd=closefd))
                wrapped = io.BufferedWriter(raw) if buffering != 0 else raw
                if "b" in mode:
                    return wrapped
                return io.TextIOWrapper(wrapped, encoding=encoding or "utf-8", errors=errors, newline=newline)
        return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)

    real_write = os.write

    def write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        """`os.write` to a file under the folder spends the same budget (the writer may not use `open`)."""
        where = _where(fd)
        if where == root or where.startswith(root + os.sep):
            size = len(memoryview(data))
            if size > _Full.budget:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            _Full.budget -= size
        return real_write(fd, data)

    io.open = open_
    builtins.open = open_
    os.write = write


def main() -> None:
    if os.environ.get("FAULT_KILL_AT"):
        _kill_at_replace(int(os.environ["FAULT_KILL_AT"]), os.environ.get("FAULT_KILL_WHEN", "before"))
    if os.environ.get("FAULT_ENOSPC_AFTER"):
        _enospc(int(os.environ["FAULT_ENOSPC_AFTER"]), os.environ["FAULT_ENOSPC_UNDER"])
    if os.environ.get("FAULT_ON_READ"):
        _on_read(os.environ["FAULT_ON_READ"], os.environ["FAULT_ACTION"], os.environ.get("FAULT_TEXT", ""))
    from sitegen.cli import main as sitegen_main

    sitegen_main(sys.argv[1:])


if __name__ == "__main__":
    main()
