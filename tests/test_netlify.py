"""netlify.toml: the exact build command run as Netlify runs it, and its output checked against its headers.

A copy of the repository (itself an archive: content/ at the top) gets a fresh virtual
environment, the variables Netlify sets, and `bash -c` of the `[build] command`. The
published folder must then hold a site whose every page the Content-Security-Policy allows
as it is (no inline script, event-handler attribute, style attribute or <style> element; no
load from another host), and whose every file gets one Cache-Control: immutable for
fingerprinted assets, revalidated for pages and feeds.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from sitegen.serve.headers import headers_for, parse_rules, rule_matches
from tests.package_support import REPO, copy_project, make_venv, run, venv_env

pytestmark = pytest.mark.slow  # a fresh virtual environment and `pip install .`

NETLIFY = REPO / "netlify.toml"
SITE_URL = "https://reading-archive.netlify.app"
# What Netlify sets for a production build (docs: "Build environment variables"), besides PATH.
NETLIFY_VARS = {
    "NETLIFY": "true", "CONTEXT": "production", "BRANCH": "main", "HEAD": "main", "BUILD_ID": "65f1c0ffee",
    "DEPLOY_ID": "65f1c0ffee", "SITE_NAME": "reading-archive", "SITE_ID": "0b0b0b0b-0000-4000-8000-000000000000",
    "URL": SITE_URL, "DEPLOY_URL": "https://65f1c0ffee--reading-archive.netlify.app",
    "DEPLOY_PRIME_URL": "https://main--reading-archive.netlify.app",
}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}  # data blocks: never executed, CSP allows them


def config() -> dict:
    return tomllib.loads(NETLIFY.read_text(encoding="utf-8"))


def test_new_archives_get_the_same_netlify_toml():
    assert (REPO / "sitegen" / "netlify.toml").read_bytes() == NETLIFY.read_bytes()


def test_the_policy_allows_nothing_inline_and_nothing_from_other_hosts():
    csp = dict(config()["headers"][0]["values"])["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["default-src"] == ["'self'"] and directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"] and directives["object-src"] == ["'none'"]


@pytest.mark.parametrize("pattern,path,expected", [
    ("/*", "/", True), ("/*", "/a/b.html", True), ("/", "/", True), ("/", "/index.html", False),
    ("/:file", "/feed.xml", True), ("/:file", "/tags/ai/index.html", False), ("/:file", "/", False),
    ("/assets/*", "/assets/style.0123456789.css", True), ("/assets/*", "/static/site.js", False),
])
def test_rules_match_paths_as_netlify_does(pattern, path, expected):
    assert rule_matches(pattern, path) is expected


@pytest.fixture(scope="module")
def netlify_build(tmp_path_factory) -> Path:
    """The publish folder after `[build] command` ran in a fresh environment, as on Netlify."""
    build = config()["build"]
    checkout = copy_project(tmp_path_factory.mktemp("checkout"))
    bin_dir = make_venv(tmp_path_factory.mktemp("netlify") / "python")
    env = venv_env(bin_dir, **NETLIFY_VARS, **build.get("environment", {}))
    result = run(build["command"], checkout, env, shell=True)
    assert "public profile:" in result.stdout
    where = run([str(bin_dir / "python"), "-I", "-c", "import sitegen; print(sitegen.__file__)"], checkout, env)
    assert Path(where.stdout.strip()).resolve().is_relative_to(bin_dir.parent.resolve()), "sitegen not installed by pip install ."
    public = checkout / build["publish"]
    assert (public / "index.html").is_file() and (public / "404.html").is_file()
    return public


def html_pages(public: Path) -> list[Path]:
    return sorted(public.rglob("*.html"))


def test_every_page_needs_nothing_the_policy_blocks(netlify_build):
    pages = html_pages(netlify_build)
    assert len(pages) > 20
    found = []
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes())
        where = page.relative_to(netlify_build)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    found.append(f"{where}: <{element.tag} {name}> event handler")
                if name.lower() == "style":
                    found.append(f"{where}: <{element.tag} style> attribute")
                if name.lower() in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                    found.append(f"{where}: javascript: URL")
            if element.tag == "style":
                found.append(f"{where}: <style> element")
            if element.tag == "script" and not element.get("src") and element.get("type") not in DATA_SCRIPT_TYPES:
                found.append(f"{where}: inline <script>")
    assert found == []


def test_no_page_loads_anything_from_another_host(netlify_build):
    found = []
    for page in html_pages(netlify_build):
        tree = lxml.html.fromstring(page.read_bytes())
        loads = [e.get("src") for e in tree.iter("script", "img", "iframe", "source", "audio", "video") if e.get("src")]
        loads += [e.get("href") for e in tree.iter("link") if "stylesheet" in (e.get("rel") or "").split()
                  or "preload" in (e.get("rel") or "").split() or "icon" in (e.get("rel") or "").split()]
        for url in loads:
            parts = urlsplit(url)
            if parts.netloc and f"{parts.scheme}://{parts.netloc}" != SITE_URL:
                found.append(f"{page.relative_to(netlify_build)}: {url}")
    assert found == []


def test_the_public_build_uses_the_site_url_and_fingerprinted_assets(netlify_build):
    home = (netlify_build / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}/">' in home
    assert f"<loc>{SITE_URL}/</loc>" in (netlify_build / "sitemap.xml").read_text(encoding="utf-8")
    not_found = lxml.html.fromstring((netlify_build / "404.html").read_bytes())
    assert all(a.get("href").startswith(SITE_URL + "/") for a in not_found.iter("a") if a.get("href") != "#main")
    assets = sorted(p.name for p in (netlify_build / "assets").iterdir())
    assert {"pygments", "site", "style"} <= {n.split(".")[0] for n in assets}
    assert all(len(n.split(".")) == 3 and n.endswith((".css", ".js")) for n in assets)  # name.hash.ext
    assert not (netlify_build / "static" / "style.css").exists() and not (netlify_build / "static" / "site.js").exists()


def test_every_file_gets_one_cache_policy_and_the_security_headers(netlify_build):
    rules = parse_rules(NETLIFY.read_text(encoding="utf-8"))
    for file in sorted(p for p in netlify_build.rglob("*") if p.is_file()):
        rel = file.relative_to(netlify_build).as_posix()
        url = "/" if rel == "index.html" else "/" + rel
        setting = [r for r in rules if r.matches(url) and any(k == "Cache-Control" for k, _ in r.values)]
        assert len(setting) == 1, f"{url}: Cache-Control set by {[r.pattern for r in setting]}"
        headers = headers_for(rules, url)
        assert "Content-Security-Policy" in headers and headers["X-Content-Type-Options"] == "nosniff"
        assert "Referrer-Policy" in headers and "Permissions-Policy" in headers
        immutable = "immutable" in headers["Cache-Control"]
        assert immutable == rel.startswith("assets/"), f"{url}: {headers['Cache-Control']}"
        if not immutable:
            assert "max-age=0" in headers["Cache-Control"]
