"""The default theme in a real Chromium, opened from file://: folding notes and offline search.

Skipped locally when Playwright or Chromium is missing; with CI=true that is a failure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.render import load_theme, render_site
from tests.browser_support import chromium
from tests.sample_site import XSS, article, build_site, config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("public")
    cfg = config(out.parent)
    for path, data in render_site(build_site(cfg=cfg), load_theme(cfg)).files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


def test_notes_fold_on_narrow_screens_and_open_from_their_reference(page, public):
    page.goto((public / "articles/korea-chatbot.html").as_uri())
    assert page.is_hidden("#note-1") and page.get_attribute("#ref-1", "aria-expanded") == "false"
    page.click("#ref-1")
    assert page.is_visible("#note-1") and page.get_attribute("#ref-1", "aria-expanded") == "true"
    page.click("#ref-1")
    assert page.is_hidden("#note-1")
    page.goto((public / "articles/korea-chatbot.html").as_uri() + "#hl-2")
    assert page.is_visible("#note-2")


def test_notes_sit_in_the_margin_on_wide_screens(browser, public):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.goto((public / "articles/korea-chatbot.html").as_uri())
    body, note = tab.locator(".body").bounding_box(), tab.locator("#note-1").bounding_box()
    assert note["x"] >= body["x"] + body["width"]
    ref = tab.locator("#ref-1").bounding_box()
    assert abs(note["y"] - ref["y"]) < 80
    context.close()


SEARCH_SCRIPTS = "Array.from(document.scripts, s => s.src).filter(s => s.includes('/search/'))"


def test_search_loads_its_index_on_first_use_and_finds_from_file_urls(page, public):
    page.goto((public / "tags/ai/index.html").as_uri())
    assert page.evaluate(SEARCH_SCRIPTS) == []
    page.focus("#search-box")
    page.wait_for_function(f"{SEARCH_SCRIPTS}.some(s => s.includes('/search/manifest.js'))")
    page.fill("#search-box", "resume")
    page.wait_for_selector("#search-results .hits")
    assert page.eval_on_selector_all("#search-results mark", "ms => ms.map(m => m.textContent)") == ["résumé"]
    loaded = page.evaluate(SEARCH_SCRIPTS)
    docs = [s for s in loaded if "/search/docs/" in s]
    assert len(docs) == 1 and len(loaded) <= 3, loaded  # the manifest, one shard, the one document shown
    page.click("#search-results a.hit")
    assert page.url.endswith("/articles/unicode.html")


def test_search_results_are_text_never_html(page, public):
    page.goto((public / "index.html").as_uri())
    page.fill("#search-box", "alert")
    page.wait_for_selector("#search-results .hits")
    assert page.inner_text("#search-results .hit-title").startswith(XSS)
    assert page.evaluate("document.querySelectorAll('#search-results script, #search-results b').length") == 0
    page.keyboard.press("Escape")
    assert page.is_hidden("#search-results")


def test_a_hostile_note_found_by_search_is_shown_as_text(page, public):
    page.goto((public / "index.html").as_uri())
    page.fill("#search-box", "inside")
    page.wait_for_selector("#search-results .hit-note")
    assert XSS in page.inner_text("#search-results .hit-note")
    assert page.evaluate("document.querySelectorAll('#search-results script').length") == 0


def test_the_search_page_lists_every_match(page, public):
    page.goto((public / "search/index.html").as_uri() + "?q=filler")
    page.wait_for_selector("#search-page-results .hits")
    assert len(page.query_selector_all("#search-page-results li")) == 5
    assert page.input_value("#search-box") == "filler"


def test_the_search_page_shows_twenty_results_at_a_time(page, tmp_path):
    cfg = config(tmp_path)
    articles = tuple(article(f"report-{n:02d}", f"Weekly report {n}", f"Numbers of week {n}, rising.\n",
                             date=dt.date(2024, 1, 1) + dt.timedelta(days=n)) for n in range(45))
    out = tmp_path / "public"
    for path, data in render_site(build_site(articles, cfg), load_theme(cfg)).files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    page.goto((out / "search/index.html").as_uri() + "?q=weekly+report")
    page.wait_for_selector("#search-page-results .hits")
    assert page.inner_text("#search-page-status").startswith("45 articles")
    assert len(page.query_selector_all("#search-page-results li")) == 20
    page.click("#search-page-results button.search-more")
    page.wait_for_function("document.querySelectorAll('#search-page-results li').length === 40")
    page.click("#search-page-results button.search-more")
    page.wait_for_function("document.querySelectorAll('#search-page-results li').length === 45")
    assert not page.query_selector("#search-page-results button.search-more")
    titles = page.eval_on_selector_all("#search-page-results .hit-title", "ts => ts.map(t => t.textContent)")
    # equal weights: the newer first, the same order on the first page (the best twenty picked) as on the rest (all sorted)
    assert titles == [f"Weekly report {n}" for n in reversed(range(45))]
