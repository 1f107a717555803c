"""Save-to-shown latency of `sitegen serve`: `python benchmarks/reload_latency.py [--sizes 1000 10000] [--edits 7]`.

For each size: generate a synthetic archive (benchmarks/corpus.py), start
`sitegen serve` on it, open one article in Debian's Chromium, then repeatedly
rewrite that article's title on disk and time from the write to the new title
being in the tab's DOM and painted: a script the benchmark adds to every document
the tab loads (before the page's own) watches the DOM, and once the page's `<h1>`
says the new title it waits for the next frame and stamps the time after it — the
same whether live reload swapped the page in place or reloaded it. Each save is
made with the server idle (the rest of the previous save built). Prints, per size,
the first (cold) build, the median and range of save→shown, how the tab got there
(`swap`, `reload`, or both when the saves differed), the tab's part of it (a swap:
from the event reaching the tab; a reload: from navigation start) and so the
server's part (write → event, the rest), and the medians the server reported for
drawing the saved article's page and for building the rest after it. A second row
per size (path `reload`) times as many saves, taken in turn with the first row's,
with the tab made to reload instead, as it does for a theme script that cannot set
up swapped content.
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

# Added to every document before its own scripts: stamps when each <h1> text was first painted,
# and in which document (a reload makes a new one, a swap keeps it).
SHOWN = """(() => {
  if (sessionStorage.getItem("bench-reload")) {  // no script may say it sets up swapped content: reload
    Object.defineProperty(window, "sitegenSwapReady", {get: () => ({}), set: () => {}});
  }
  const shown = window.__shownAt = {};
  let asked = false;
  function check() {
    asked = false;
    const h1 = document.querySelector("main h1");
    const text = h1 && h1.textContent.trim();
    if (!text || text in shown) return;
    shown[text] = null;
    requestAnimationFrame(() => setTimeout(() => {  // the frame with the text is painted
      shown[text] = {at: Date.now(), origin: performance.timeOrigin};
    }, 0));
  }
  new MutationObserver(() => { if (!asked) { asked = true; requestAnimationFrame(check); } })
    .observe(document, {subtree: true, childList: true, characterData: true});
})();"""


def measure_reload(root: Path, edits: int, env: dict[str, str] | None = None,
                   fallback: bool = False) -> dict[str, object]:
    """Serve the archive at `root`, open its middle article in Chromium and time `edits` saves of it
    until the new title is painted in the tab; the article file is put back as it was afterwards.
    With `fallback`, as many saves again, in turn with those, with the tab made to reload; their
    figures under "fallback"."""
    from playwright.sync_api import sync_playwright

    folder = root / "content" / "articles"
    names = sorted(p.name for p in folder.glob("*.md"))
    target = folder / names[len(names) // 2]
    original = target.read_text(encoding="utf-8")
    started = time.perf_counter()
    runs: list[tuple[list[float], list[float], list[str]]] = []  # save → shown; the tab's part; swap or reload
    try:
        with serving(root, env) as output:
            cold = time.perf_counter() - started
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page()
                page.add_init_script(SHOWN)
                page.goto(f"{output.url}articles/{target.stem}.html")
                page.wait_for_function("window.__sitegenLoadedAt !== undefined")
                runs.append(([], [], []))
                if fallback:
                    runs.append(([], [], []))
                for n in range(len(runs) * edits):
                    mode = n % len(runs)  # the swap and the fallback in turn, so both see the same conditions
                    if fallback:  # the fallback: a tab whose page cannot be swapped
                        page.evaluate(f"sessionStorage.{'setItem' if mode else 'removeItem'}('bench-reload', '1')")
                        page.reload()
                        page.wait_for_function("window.__sitegenLoadedAt !== undefined")
                    latencies, tab, paths = runs[mode]
                    idle(output)
                    origin = page.evaluate("performance.timeOrigin")
                    title = f"Edit {n} "
                    wrote = time.time() * 1000
                    target.write_text(original.replace('title: "', f'title: "{title}', 1), encoding="utf-8")
                    found = f"Object.entries(window.__shownAt || {{}}).find(([t, s]) => t.startsWith({title!r}) && s)"
                    page.wait_for_function(f"!!({found})", timeout=120_000)
                    shown = page.evaluate(f"({found})[1]")
                    latencies.append(shown["at"] - wrote)
                    if shown["origin"] == origin:
                        paths.append("swap")
                        tab.append(shown["at"] - page.evaluate("window.__sitegenEventAt"))
                    else:
                        paths.append("reload")
                        tab.append(shown["at"] - shown["origin"])
                browser.close()
    finally:
        target.write_text(original, encoding="utf-8")
    figures = []
    for index, (latencies, tab, paths) in enumerate(runs):
        rebuilds = output.rebuilds[index::len(runs)] or [float("nan")]
        early = output.early[index::len(runs)] or [float("nan")]
        server = [total - part for total, part in zip(latencies, tab)]
        figures.append({"cold": cold, "median": statistics.median(latencies), "min": min(latencies),
                        "max": max(latencies), "rebuild": statistics.median(rebuilds), "early": statistics.median(early),
                        "reload": statistics.median(tab), "server": statistics.median(server),
                        "path": "+".join(sorted(set(paths)))})
    return {**figures[0], "fallback": figures[1]} if fallback else figures[0]


def idle(output: ServerOutput, timeout: float = 300) -> None:
    """Wait until the server has built the rest of every save it drew early, then half a second more:
    each save is timed from an idle server."""
    deadline = time.monotonic() + timeout
    while output.rests < len(output.early) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)


def measure(size: int, edits: int) -> list[dict[str, object]]:
    """`measure_reload` on a new synthetic archive of `size` articles: a row for the swap, one for the fallback."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(size, Path(tmp))
        figures = measure_reload(Path(tmp), edits, fallback=True)
        fallback = figures.pop("fallback")
        assert isinstance(fallback, dict)
        return [{"size": size, **figures}, {"size": size, **fallback}]


def main() -> None:
    run_sizes(__doc__, "edits", "edits per size (the median is reported)", measure, [
        ("articles", "{size:,}"), ("first build (s)", "{cold:.1f}"), ("save→shown median (ms)", "{median:.0f}"),
        ("  min–max (ms)", "{min:.0f}–{max:.0f}"), ("path", "{path}"), ("server (ms)", "{server:.0f}"),
        ("tab (ms)", "{reload:.0f}"), ("page drawn (ms)", "{early:.0f}"), ("rest built (ms)", "{rebuild:.0f}")])


if __name__ == "__main__":
    main()
