"""The 404 page as a static host serves it: at the missing address's own depth.

A small host serves the built archive (at its root, or in a sub-folder) and answers a
missing path with the site's 404.html and status 404, as Netlify does. Without base_url
the site must sit at the host's root; with base_url it may sit anywhere. Either way, at
any depth, the page is styled, its script runs, and its links lead into the site.
"""

from __future__ import annotations

import shutil
from contextlib import ExitStack

import pytest

from sitegen.build import Builder
from sitegen.config import Config
from tests.browser_support import static_host
from tests.site.committed_archive import REPO

DEPTHS = ("missing.html", "a/missing.html", "a/b/c/d/missing/")


@pytest.fixture
def hosted(tmp_path):
    """hosted(profile, folder) -> URL of the site's root: the archive built for that address and served."""
    with ExitStack() as stack:

        def serve(profile: str, folder: str) -> str:
            docroot = tmp_path / f"{profile}-{folder or 'root'}"
            docroot.mkdir()
            site = stack.enter_context(static_host(docroot, folder)) + (f"{folder}/" if folder else "")
            archive = tmp_path / f"archive-{profile}-{folder or 'root'}"
            shutil.copytree(REPO / "content", archive / "content")
            base_url = site if folder else None  # a sub-folder needs base_url; the root works without
            Builder(Config(root=archive, profile=profile, base_url=base_url), split=False).build()
            shutil.copytree(archive / "public", docroot / folder if folder else docroot, dirs_exist_ok=True)
            return site

        yield serve


@pytest.mark.browser
@pytest.mark.parametrize("profile", ["local", "public"])
@pytest.mark.parametrize("folder", ["", "archive"], ids=["at the root without base_url", "in a sub-folder with base_url"])
def test_the_404_page_works_at_any_depth(browser, hosted, profile, folder):
    site = hosted(profile, folder)
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and "missing" not in r.url and not r.url.endswith("favicon.ico")
            and failed.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda exc: failed.append(str(exc)))
    try:
        for depth in DEPTHS:
            response = page.goto(site + depth)
            assert response is not None and response.status == 404
            assert page.locator("h1").inner_text() == "Page not found"
            header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).display")
            assert header != "inline", f"{depth}: the stylesheet did not load"
            assert page.evaluate("document.documentElement.classList.contains('js')"), f"{depth}: site.js did not run"
            page.get_by_role("link", name="All articles").click()
            page.wait_for_load_state("load")
            assert page.url in (site, site + "index.html") and page.locator("article.card").count() > 0
        assert failed == []
    finally:
        page.close()
