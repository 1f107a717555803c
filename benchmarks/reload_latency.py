"""Save-to-reloaded latency of `sitegen serve`: `python benchmarks/reload_latency.py [--sizes 1000 10000] [--edits 7]`.

For each size: generate a synthetic archive, start `sitegen serve` on it, open one
article in Debian's Chromium, then repeatedly rewrite that article's title on disk
and time from the write to the tab's `load` event after the live reload. Prints
the median and range per size, plus the time of the first (cold) build.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(size: int, edits: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = write_corpus(size, root)
        target = folder / f"article-{size // 2:06d}.md"
        original = target.read_text(encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sitegen", "-C", str(root), "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"),
        )
        url = None
        while url is None:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit("sitegen serve stopped")
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            url = found.group(0) if found else None
        cold = time.perf_counter() - started
        latencies = []
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page()
                page.goto(f"{url}articles/{target.stem}.html")
                page.wait_for_function("window.__sitegenLoadedAt !== undefined")
                for n in range(edits):
                    time.sleep(0.5)
                    before = page.evaluate("window.__sitegenLoadedAt")
                    wrote = time.time() * 1000
                    target.write_text(original.replace('title: "', f'title: "Edit {n} ', 1), encoding="utf-8")
                    page.wait_for_function(f"window.__sitegenLoadedAt > {before}", timeout=120_000)
                    latencies.append(page.evaluate("window.__sitegenLoadedAt") - wrote)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    return {"size": size, "cold": cold, "median": statistics.median(latencies), "min": min(latencies), "max": max(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    print(f"{'articles':>9} {'first build (s)':>16} {'save→reloaded median (ms)':>27} {'min–max (ms)':>16}")
    for size in args.sizes:
        r = measure(size, args.edits)
        print(f"{r['size']:>9,} {r['cold']:>16.1f} {r['median']:>27.0f} {r['min']:>7.0f}–{r['max']:<8.0f}")


if __name__ == "__main__":
    main()
