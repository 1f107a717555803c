"""`sitegen serve --profile public`: the public build, served with the headers of netlify.toml.

Checked with a real server process and Chromium: the Content-Security-Policy and cache
headers arrive on pages, assets and the 404 page, and no page of the public build breaks
the policy in the browser (Chromium reports every blocked script, style or load).
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitegen.errors import ConfigError
from sitegen.scaffold import NETLIFY
from sitegen.serve.headers import headers_for, load_rules, parse_rules
from tests.browser_support import chromium, sitegen_serve

REPO = Path(__file__).resolve().parents[2]


def archive(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "netlify.toml", root / "netlify.toml")
    return root


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_without_netlify_toml_the_rules_are_those_sitegen_new_writes(tmp_path):
    assert load_rules(tmp_path) == parse_rules(NETLIFY)
    assert "immutable" in headers_for(load_rules(tmp_path), "/assets/site.0123456789.js")["Cache-Control"]


def test_a_broken_netlify_toml_is_one_clear_error(tmp_path):
    (tmp_path / "netlify.toml").write_text('[[headers]]\nfor = "/*"\nvalues = 3\n')
    with pytest.raises(ConfigError) as info:
        load_rules(tmp_path)
    assert "netlify.toml" in str(info.value) and "values" in str(info.value)


def test_the_public_preview_sends_netlify_headers_and_the_dev_server_does_not(tmp_path):
    root = archive(tmp_path)
    with sitegen_serve(root, "--profile", "public") as served:
        status, headers, body = fetch(served.url)
        assert status == 200 and b"livereload.js" in body
        assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
        assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
        assert headers["Referrer-Policy"] and headers["Permissions-Policy"] and headers["X-Content-Type-Options"] == "nosniff"
        css = next((root / "public" / "assets").glob("style.*.css")).name
        status, headers, _ = fetch(served.url + "assets/" + css)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
        status, headers, body = fetch(served.url + "no/such/deep/page.html")
        assert status == 404 and b"Page not found" in body and "Content-Security-Policy" in headers
        # the licence policy holds in the preview: an article of unknown licence is not there
        unknown = "as-the-highest-elected-official-in-the-nations-capital-taipei"
        assert fetch(served.url + f"articles/{unknown}.html")[0] == 404
    with sitegen_serve(root) as served:
        status, headers, _ = fetch(served.url)
        assert "Content-Security-Policy" not in headers and headers["Cache-Control"] == "no-store"
        assert fetch(served.url + f"articles/{unknown}.html")[0] == 200


@pytest.mark.browser
def test_no_page_of_the_public_build_breaks_the_policy_in_chromium(tmp_path):
    root = archive(tmp_path)
    with sitegen_serve(root, "--profile", "public") as served, chromium() as browser:
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and "Failed to load resource" not in m.text
                and problems.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda exc: problems.append(f"{page.url}: {exc}"))
        # every load but the page asked for on purpose, and the icon Chromium asks for itself
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith(("/x.html", "/favicon.ico"))
                and problems.append(f"{r.status} {r.url}"))
        article = sorted((root / "public" / "articles").glob("*.html"))[0].name
        for path in ("", f"articles/{article}", "annotations/", "tags/", "search/?q=trump", "missing/deep/x.html"):
            page.goto(served.url + path)
            page.wait_for_load_state("load")
        # site.js ran under the policy: the search box finds articles
        page.goto(served.url)
        page.fill("#search-box", "Trump")
        page.wait_for_selector("#search-results a", timeout=10_000)
        styled = page.evaluate("getComputedStyle(document.querySelector('.site-header')).display")
        assert styled != "inline", "the fingerprinted stylesheet did not load"
        assert [p for p in problems if "Content Security Policy" in p or "Refused" in p] == []
        assert problems == []
