"""When each article file entered the archive, for files that do not say (`added:` missing).

Owns the one lookup: the day of the file's first commit when the archive is in a git
repository (one `git log` for the whole folder, asked only when a file needs it), else
the day of the file's modification time. `archive.store` records the answer in the file
once, so it never has to be asked again. Must not write anything.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60


def first_commits(folder: Path) -> dict[str, dt.date]:
    """File name → day of the commit that added it, for the files under `folder` git knows
    ({} when git or a repository is missing)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "--reverse", "--diff-filter=A", "--relative", "--name-only",
             "--format=%x00%as", "--", "."],
            capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    found: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            try:
                day = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                day = None
        elif line.strip() and day is not None:
            found.setdefault(Path(line.strip()).name, day)  # oldest first: the first add wins
    return found


class EntryDates:
    """The day each file entered the archive, git asked at most once per folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._commits: dict[str, dt.date] | None = None

    def of(self, path: Path) -> dt.date:
        if self._commits is None:
            self._commits = first_commits(self.folder)
        day = self._commits.get(path.name)
        if day is not None:
            return day
        return modified(path)


def modified(path: Path) -> dt.date:
    """The day `path` was last modified (UTC), today when it cannot be read."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).date()
    except OSError:
        return dt.datetime.now(dt.timezone.utc).date()
