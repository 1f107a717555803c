"""A real editing session: `sitegen serve` in a subprocess, Chromium on an article, edits on disk."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Source
from tests.browser_support import chromium

pytestmark = pytest.mark.browser
BODY = "\n\n".join(
    f"Paragraph {n} of the article, with enough words in it to make the page long enough to scroll a little."
    for n in range(60)
) + "\n\nThe minister praised the heartbreaking North Korean circumstance in her speech.\n"


def article(title: str, annotations=()) -> str:
    return dump_article(Article(slug="story", path="", title=title, body=BODY, annotations=annotations,
                                source=(Source("d.txt", (1, 9)),)))


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "story.md").write_text(article("First title"), encoding="utf-8")
    (folder / "other.md").write_text(article("Other").replace("slug", "slug"), encoding="utf-8")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(tmp_path), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        line = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        url = found.group(0) if found else None
    assert url, "sitegen serve did not start"
    yield tmp_path, url, proc
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


def test_edits_on_disk_show_up_in_the_open_tab(served):
    root, url, proc = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 700})
        page.goto(url + "articles/story.html")
        page.wait_for_function("window.__sitegenLoadedAt !== undefined")
        assert page.locator("h1").inner_text() == "First title"
        page.evaluate("window.scrollTo(0, 1200)")
        page.wait_for_timeout(100)

        path.write_text(article("Second title"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Second title'", timeout=15000)
        page.wait_for_function("window.scrollY > 1000", timeout=5000)  # the scroll position was kept

        note = Annotation("heartbreaking North Korean circumstance", "Spun text: the original reads South Korean.")
        path.write_text(article("Second title", (note,)), encoding="utf-8")
        page.wait_for_selector("mark.hl#hl-1", timeout=15000)
        assert "heartbreaking North Korean circumstance" in page.locator("mark.hl").first.inner_text()

        path.write_text(article("Second title").replace("title:", "title: [broken", 1), encoding="utf-8")
        overlay = page.wait_for_selector("#sitegen-overlay", timeout=15000)
        assert "content/articles/story.md:" in overlay.inner_text()
        page.reload()  # a page loaded while the error stands shows it too
        assert "content/articles/story.md:" in page.wait_for_selector("#sitegen-overlay", timeout=15000).inner_text()

        path.write_text(article("Fixed title"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Fixed title'", timeout=15000)
        assert page.locator("#sitegen-overlay").count() == 0

    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in err and "stopped" in out
    assert "livereload" not in (root / "public/articles/story.html").read_text(encoding="utf-8")
