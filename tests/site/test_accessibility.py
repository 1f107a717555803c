"""axe-core finds no serious or critical accessibility violation on the built archive.

Each kind of page (home, an article with notes, a tag page, the tags list, an author page,
the annotations page, the search page with results) is opened from disk in Chromium on a
wide screen, in the light and in the dark colour scheme (contrast differs), and checked
with axe-core's default rules; every serious or critical violation is listed with its
rule, help text and the elements it found. The 404 page, whose links are root-relative
because a host serves it at any depth, is checked as a host serves it: from a local HTTP
server answering a missing path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser_support import static_host
from tests.site.pages import css_class, find, html_pages

pytestmark = pytest.mark.browser

FAILING_IMPACTS = ("serious", "critical")
SCHEMES = ("light", "dark")
SEARCH_QUERY = "china"
MISSING_PATH = "no/such/page.html"
AXE_RUN = "async () => await axe.run(document, {resultTypes: ['violations'], preload: false})"


def _first(paths: list[Path], what: str) -> Path:
    if not paths:
        pytest.fail(f"the built archive has no {what}")
    return paths[0]


def _page_of(public: Path, kind: str) -> tuple[Path, str]:
    """The file of a kind of page, and what to add to its URL."""
    if kind == "home":
        return public / "index.html", ""
    if kind == "article with notes":
        notes = [p for p in html_pages(public / "articles") if find(p, f"//mark[{css_class('hl')}]")]
        return _first(notes, "article with a highlight (mark.hl)"), ""
    if kind in ("tag", "author"):
        folder = public / f"{kind}s"
        inner = [p for p in html_pages(folder) if p.parent != folder]
        return _first(inner, f"{kind} page ({kind}s/<{kind}>/…)"), ""
    if kind == "search results":
        search = public / "search" / "index.html"
        if not search.is_file():
            pytest.skip("the site has no search page (search/index.html)")
        return search, f"?q={SEARCH_QUERY}"
    listed = {"tags list": "tags/index.html", "annotations": "annotations/index.html"}
    path = public / listed[kind]
    if not path.is_file():
        pytest.fail(f"the built archive has no {listed[kind]}")
    return path, ""


@pytest.fixture(scope="module")
def host(public):
    """The base URL of public/ served on 127.0.0.1 like a static host, for the duration of the module."""
    with static_host(public) as url:
        yield url


def _violation(v: dict) -> str:
    lines = [f"[{v['impact']}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})"]
    for node in v.get("nodes", [])[:10]:
        lines.append(f"    {json.dumps(node.get('target'))}: {' '.join((node.get('failureSummary') or '').split())}")
        lines.append(f"        {' '.join((node.get('html') or '').split())[:200]}")
    if len(v.get("nodes", [])) > 10:
        lines.append(f"    … and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


def _check(tab, where: str, scheme: str, axe_js: Path) -> None:
    tab.assert_clean()  # the page's own errors, before axe-core runs
    tab.page.add_script_tag(path=str(axe_js))
    results = tab.page.evaluate(AXE_RUN)
    failing = [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]
    assert failing == [], (
        f"{where} in the {scheme} scheme: {len(failing)} serious/critical axe-core "
        f"{results.get('testEngine', {}).get('version', '')} violations:\n" + "\n".join(_violation(v) for v in failing)
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "kind", ["home", "article with notes", "tag", "tags list", "author", "annotations", "search results"]
)
def test_no_serious_accessibility_violation(public, open_tab, axe_js, kind, scheme):
    path, query = _page_of(public, kind)
    tab = open_tab(color_scheme=scheme)
    tab.page.emulate_media(color_scheme=scheme)
    tab.page.goto(path.as_uri() + query)
    if kind == "search results":
        # site.js draws the results: links to articles, which the page has none of before.
        tab.page.locator('main a[href*="articles/"]').first.wait_for(timeout=10_000)
    _check(tab, f"{path.relative_to(public).as_posix()}{query}", scheme, axe_js)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violation_on_the_404_page_as_hosted(host, open_tab, axe_js, scheme):
    tab = open_tab(color_scheme=scheme, allowed=(host,))
    tab.page.emulate_media(color_scheme=scheme)
    response = tab.page.goto(host + MISSING_PATH)
    assert response is not None and response.status == 404
    # Chromium reports the page's own 404 status as a console error: only that one is expected.
    expected = f"console error: Failed to load resource: the server responded with a status of 404 (Not Found) (at {tab.page.url})"
    tab.problems[:] = [p for p in tab.problems if p != expected]
    _check(tab, f"404.html (served for /{MISSING_PATH})", scheme, axe_js)
