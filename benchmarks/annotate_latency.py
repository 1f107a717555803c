"""Save-to-shown latency of annotating from the page.

`python benchmarks/annotate_latency.py [--sizes 1000 10000] [--notes 7]`

For each size: generate a synthetic archive (benchmarks/corpus.py), start
`sitegen serve` on it, open one article in Debian's Chromium, then repeatedly
select the opening words of a paragraph, press "Annotate", type a note and
press "Save", timing (a) the write: Save to the server's answer (the endpoint
finds the passage in the rendered text, picks prefix/suffix, writes the file
round-trip) and (b) Save to the reloaded page showing the new highlight (adds
the debounce, the rebuild and the live reload). Prints the medians and ranges,
and the median rebuild time the server reported.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from served import ARGS, CHROMIUM, run_sizes, serving  # noqa: E402

SELECT = """n => {
    const paragraph = document.querySelectorAll('article .body > p')[n];
    const text = paragraph.firstChild;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf(' ', 30));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
}"""


def measure(size: int, notes: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = write_corpus(size, root)
        target = folder / f"article-{size // 2:06d}.md"
        writes, shown = [], []
        with serving(root) as output, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{output.url}articles/{target.stem}.html")
            page.wait_for_function("() => window.__sitegenLoadedAt !== undefined")
            paragraphs = page.locator("article .body > p").count()
            for n in range(min(notes, paragraphs)):
                time.sleep(0.5)
                page.evaluate(SELECT, n)
                page.locator(".sitegen-annotate-offer").click()
                page.locator(".sitegen-note-editor textarea").fill(f"Benchmark note {n}.")
                started = time.perf_counter()
                page.locator(".sitegen-note-save").click()
                page.wait_for_function("() => /^Saved/.test(document.querySelector('.sitegen-note-message')"
                                       "?.textContent || '')", timeout=120_000)
                writes.append((time.perf_counter() - started) * 1000)
                page.wait_for_selector(f"mark.hl[data-note='{n + 1}']", timeout=120_000)
                page.wait_for_function("() => window.__sitegenLoadedAt !== undefined")
                shown.append((time.perf_counter() - started) * 1000)
            browser.close()
    rebuilds = output.rebuilds[-len(shown):] or [float("nan")]
    return {"size": size, "write": statistics.median(writes), "write_min": min(writes), "write_max": max(writes),
            "shown": statistics.median(shown), "shown_min": min(shown), "shown_max": max(shown),
            "rebuild": statistics.median(rebuilds)}


def main() -> None:
    run_sizes(__doc__, "notes", "notes added per size (the median is reported)", measure, [
        ("articles", "{size:,}"), ("Save→written median (ms)", "{write:.0f}"), ("     min–max", "{write_min:.0f}–{write_max:.0f}"),
        ("Save→shown median (ms)", "{shown:.0f}"), ("     min–max", "{shown_min:.0f}–{shown_max:.0f}"),
        ("rebuild median (ms)", "{rebuild:.0f}")])


if __name__ == "__main__":
    main()
