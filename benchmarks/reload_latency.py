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

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from served import ARGS, CHROMIUM, ServerOutput, run_sizes, serving  # noqa: E402


def measure_reload(root: Path, edits: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Serve the archive at `root`, open its middle article in Chromium and time `edits` saves of it
    until the tab has reloaded; the article file is put back as it was afterwards."""
    from playwright.sync_api import sync_playwright

    folder = root / "content" / "articles"
    names = sorted(p.name for p in folder.glob("*.md"))
    target = folder / names[len(names) // 2]
    original = target.read_text(encoding="utf-8")
    started = time.perf_counter()
    latencies, reloads = [], []  # save → loaded; of which the tab's own reload (navigation start → load)
    try:
        with serving(root, env) as output:
            cold = time.perf_counter() - started
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
    run_sizes(__doc__, "edits", "edits per size (the median is reported)", measure, [
        ("articles", "{size:,}"), ("first build (s)", "{cold:.1f}"), ("save→reloaded median (ms)", "{median:.0f}"),
        ("  min–max (ms)", "{min:.0f}–{max:.0f}"), ("of which tab reload (ms)", "{reload:.0f}"),
        ("page drawn (ms)", "{early:.0f}"), ("rest built (ms)", "{rebuild:.0f}")])


if __name__ == "__main__":
    main()
