"""Save-to-reloaded latency of `sitegen serve`: `python benchmarks/reload_latency.py [--sizes 1000 10000] [--edits 7]`.

For each size: generate a synthetic archive (benchmarks/corpus.py), start
`sitegen serve` on it, open one article in Debian's Chromium, then repeatedly
rewrite that article's title on disk and time from the write to the tab's
`load` event after the live reload (`window.__sitegenLoadedAt`, set by the
reload script). Each save is made with the server idle (the rest of the previous
save built). Prints, per size, the first (cold) build, the median and range of
save-to-reloaded, the part of it the tab spent reloading (navigation start to
`load`), and the medians the server reported for drawing the saved article's page
and for building the rest after it (the full incremental build).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class ServerOutput:
    """Reads `sitegen serve`'s stdout in the background: its URL, then each `rebuilt in N ms`."""

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


def measure_reload(root: Path, edits: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Serve the archive at `root`, open its middle article in Chromium and time `edits` saves of it
    until the tab has reloaded; the article file is put back as it was afterwards."""
    from playwright.sync_api import sync_playwright

    folder = root / "content" / "articles"
    names = sorted(p.name for p in folder.glob("*.md"))
    target = folder / names[len(names) // 2]
    original = target.read_text(encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(root), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env=dict(env if env is not None else os.environ, PYTHONUNBUFFERED="1"),
    )
    output = ServerOutput(proc)
    output.ready.wait()
    if output.url is None:
        raise SystemExit("sitegen serve stopped before serving")
    cold = time.perf_counter() - started
    latencies, reloads = [], []  # save → loaded; of which the tab's own reload (navigation start → load)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(f"{output.url}articles/{target.stem}.html")
            page.wait_for_function("window.__sitegenLoadedAt !== undefined")
            for n in range(edits):
                idle(output)
                before = page.evaluate("window.__sitegenLoadedAt")
                wrote = time.time() * 1000
                target.write_text(original.replace('title: "', f'title: "Edit {n} ', 1), encoding="utf-8")
                page.wait_for_function(f"window.__sitegenLoadedAt > {before}", timeout=120_000)
                latencies.append(page.evaluate("window.__sitegenLoadedAt") - wrote)
                reloads.append(page.evaluate("window.__sitegenLoadedAt - performance.timeOrigin"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        target.write_text(original, encoding="utf-8")
    rebuilds = output.rebuilds[-edits:] or [float("nan")]
    return {"cold": cold, "median": statistics.median(latencies), "min": min(latencies),
            "max": max(latencies), "rebuild": statistics.median(rebuilds),
            "early": statistics.median(output.early) if output.early else float("nan"),
            "reload": statistics.median(reloads)}


def idle(output: ServerOutput, timeout: float = 300) -> None:
    """Wait until the server has built the rest of every save it drew early, then half a second more:
    each save is timed from an idle server."""
    deadline = time.monotonic() + timeout
    while output.rests < len(output.early) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)


def measure(size: int, edits: int) -> dict[str, float]:
    """`measure_reload` on a new synthetic archive of `size` articles."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(size, Path(tmp))
        return {"size": size, **measure_reload(Path(tmp), edits)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="archive sizes (articles)")
    parser.add_argument("--edits", type=int, default=7, help="edits per size (the median is reported)")
    args = parser.parse_args()
    print(f"{'articles':>9} {'first build (s)':>16} {'save→reloaded median (ms)':>26} {'min–max (ms)':>13} "
          f"{'of which tab reload (ms)':>25} {'page drawn (ms)':>16} {'rest built (ms)':>16}")
    for size in args.sizes:
        r = measure(size, args.edits)
        print(f"{r['size']:>9,} {r['cold']:>16.1f} {r['median']:>26.0f} {r['min']:>6.0f}–{r['max']:<6.0f} "
              f"{r['reload']:>25.0f} {r['early']:>16.0f} {r['rebuild']:>16.0f}", flush=True)


if __name__ == "__main__":
    main()
