"""What the latency benchmarks share: `sitegen serve` run on an archive, Debian's Chromium, the table.

`serving(root)` starts `sitegen serve --port 0` on an archive and yields its
`ServerOutput` (the URL it serves, each `rebuilt in N ms` it prints) once it
serves; the server is stopped afterwards. `CHROMIUM` and `ARGS` launch Debian's
Chromium headless, never a downloaded browser. `run_sizes` is the command line
of a benchmark measured per archive size: `--sizes`, one count option, a table
with a row per size.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class ServerOutput:
    """Reads `sitegen serve`'s stdout in the background: its URL, then each `rebuilt in N ms` (a full
    build) and `page redrawn in N ms` (a saved article's page drawn before the rest)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.url: str | None = None
        self.rebuilds: list[float] = []  # full builds after the first (ms)
        self.early: list[float] = []  # a saved article's page drawn before the rest (ms)
        self.rests = 0  # full builds seen
        self.ready = threading.Event()
        threading.Thread(target=self._read, args=(proc,), daemon=True).start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found and self.url is None:
                self.url = found.group(0)
                self.ready.set()
            rebuilt = re.search(r"(rebuilt|page redrawn) in (\d+) ms", line)
            if rebuilt and rebuilt.group(1) == "rebuilt":
                self.rebuilds.append(float(rebuilt.group(2)))
                self.rests += 1
            elif rebuilt:
                self.early.append(float(rebuilt.group(2)))
        self.ready.set()


@contextmanager
def serving(root: Path, env: dict[str, str] | None = None) -> Iterator[ServerOutput]:
    """`sitegen -C root serve --port 0`, once it serves; terminated afterwards."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(root), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env=dict(env if env is not None else os.environ, PYTHONUNBUFFERED="1"),
    )
    try:
        output = ServerOutput(proc)
        output.ready.wait()
        if output.url is None:
            raise SystemExit("sitegen serve stopped before serving")
        yield output
    finally:
        proc.terminate()
        proc.wait(timeout=60)


Figures = dict[str, Any]


def run_sizes(doc: str, count: str, count_help: str, measure: Callable[[int, int], Figures | list[Figures]],
              columns: list[tuple[str, str]]) -> None:
    """Parse `--sizes` and `--<count>`, then print a table: a row per size (or per figures `measure`
    returns for it) as it is measured.

    `columns` are (heading, format of the row): the format takes `measure(size, count)`'s
    figures by name, e.g. `("median (ms)", "{median:.0f}")`; each cell is as wide as its heading.
    """
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="archive sizes (articles)")
    parser.add_argument(f"--{count}", type=int, default=7, help=count_help)
    args = parser.parse_args()
    print(" ".join(heading for heading, _ in columns))
    for size in args.sizes:
        measured = measure(size, getattr(args, count))
        for figures in measured if isinstance(measured, list) else [measured]:
            print(" ".join(cell.format(**figures).rjust(len(heading)) for heading, cell in columns), flush=True)
