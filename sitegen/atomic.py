"""Atomic file writes: a reader (or a crash) never sees a half-written file.

Owns `write_atomic`: write to a temporary file in the same folder, flush, then
`os.replace`; and `leftovers`, the temporary files a killed writer left behind.
Must not decide what to write.
"""

from __future__ import annotations

import os
import tempfile
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


def write_atomic(path: Path, data: bytes | str, *, fsync: bool = True) -> None:
    """Replace `path` with `data` in one step; the folder must exist."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
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
