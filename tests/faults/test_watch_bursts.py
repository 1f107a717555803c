"""A burst of changes that never goes quiet (a tool saving every 20 ms) still rebuilds as it goes:
the watcher waits for quiet, but never longer than `MAX_DELAY` after the first change."""

from __future__ import annotations

import time

from sitegen.config import Config
from sitegen.watch import DEBOUNCE, MAX_DELAY, Watcher


def test_changes_that_never_stop_are_still_built_every_so_often(tmp_path):
    calls: list[int] = []
    watcher = Watcher(Config(root=tmp_path), lambda paths: calls.append(len(paths)))
    watcher.thread.start()  # the debounce alone: no file system watching needed
    try:
        started = time.monotonic()
        n = 0
        while time.monotonic() - started < 4 * MAX_DELAY:
            watcher.poke(tmp_path / f"content/articles/a{n % 3}.md")
            n += 1
            time.sleep(DEBOUNCE / 3)  # always well inside the quiet window
        during = len(calls)
        time.sleep(DEBOUNCE * 5 + 0.5)
    finally:
        watcher.stop()
    assert during >= 2, f"{during} rebuilds while the changes went on"
    assert len(calls) < n // 2  # still batched: never a rebuild per change
    assert not watcher.pending  # the last changes were built too, once the burst was over
