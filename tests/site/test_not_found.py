"""The 404 page as a static host serves it: at the missing address's own depth.

A small host serves the built archive (at its root, or in a sub-folder) and answers a
missing path with the site's 404.html and status 404, as Netlify does. Without base_url
the site must sit at the host's root; with base_url it may sit anywhere. Either way, at
any depth, the page is styled, its script runs, and its links lead into the site.
"""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitegen.build import Builder
from sitegen.config import Config
from tests.browser_support import chromium
from tests.site.committed_archive import REPO

DEPTHS = ("missing.html", "a/missing.html", "a/b/c/d/missing/")


class _Host(SimpleHTTPRequestHandler):
    """Serves `directory`; a missing path gets `<site>/404.html` (status 404), the site being
    the first folder of the path when `prefix` is set."""

    prefix = ""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / self.prefix / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def hosted(tmp_path):
    """hosted(profile, folder) -> URL of the site's root: the archive built for that address and served."""
    servers = []

    def serve(profile: str, folder: str) -> str:
        docroot = tmp_path / f"{profile}-{folder or 'root'}"
        handler = type("Host", (_Host,), {"prefix": folder})
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(docroot)))
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        site = f"http://127.0.0.1:{server.server_address[1]}/" + (f"{folder}/" if folder else "")
        archive = tmp_path / f"archive-{profile}-{folder or 'root'}"
        shutil.copytree(REPO / "content", archive / "content")
        output = docroot / folder if folder else docroot
        base_url = site if folder else None  # a sub-folder needs base_url; the root works without
        cfg = Config(root=archive, profile=profile, base_url=base_url, output_dir="public")
        Builder(cfg, split=False).build()
        shutil.copytree(archive / "public", output)
        return site

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


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
