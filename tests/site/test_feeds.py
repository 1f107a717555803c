"""The Atom feeds and the sitemap of the built archive.

Every *.xml feed parses cleanly with feedparser (bozo == 0), is Atom, has a title and
entries with titles and links, and each entry's link leads to an existing page. The
sitemap is only written when base_url is set, so it is checked on a second build with
--base-url: well-formed, in the sitemap namespace, every <loc> under base_url and naming
a page that exists.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import lxml.etree
import pytest

from tests.site.committed_archive import build_archive

SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
BASE_URL = "https://archive.example.org/reading/"  # for the hosted build
READER_BASE = "https://reader.invalid/public/"  # where a reader fetched a build without base_url


def _feeds(public: Path) -> list[Path]:
    return sorted(p for p in public.rglob("*.xml") if p.name != SITEMAP)


def _page_for(public: Path, url: str, base_url: str) -> Path | None:
    """The file of public/ a URL names when public/ is served at `base_url`; a folder URL
    names its index.html. None for a URL elsewhere."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url[len(base_url):]).path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return public / path


def _feed_problems(public: Path, feed: Path, base_url: str = READER_BASE) -> list[str]:
    """What is wrong with a feed read from public/ served at `base_url`."""
    name = feed.relative_to(public).as_posix()
    # A reader knows the feed's own URL and resolves relative links against it.
    parsed = feedparser.parse(feed.read_bytes(), response_headers={
        "content-location": base_url + name, "content-type": "application/atom+xml; charset=utf-8"})
    if parsed.bozo:
        return [f"{name}: not a clean feed: {parsed.get('bozo_exception')!r}"]
    problems = []
    if not parsed.version.startswith("atom"):
        problems.append(f"{name}: not Atom but {parsed.version!r}")
    if not parsed.feed.get("title", "").strip():
        problems.append(f"{name}: the feed has no title")
    if not parsed.entries:
        problems.append(f"{name}: no entries")
    for number, entry in enumerate(parsed.entries, 1):
        title, link = entry.get("title", "").strip(), entry.get("link", "").strip()
        if not title:
            problems.append(f"{name}: entry {number} has no title")
        if not link:
            problems.append(f"{name}: entry {number} ({title!r}) has no link")
            continue
        page = _page_for(public, urljoin(base_url + name, link), base_url)
        if page is None or not page.is_file():
            problems.append(f"{name}: entry {number} ({title!r}) links to {link!r}: no such page")
    return problems


def test_every_feed_is_clean_atom_with_linked_entries(public):
    feeds = _feeds(public)
    assert feeds, "the build wrote no Atom feed (*.xml)"
    problems = [p for feed in feeds for p in _feed_problems(public, feed)]
    assert problems == [], "\n".join(problems)


def test_a_sitemap_when_written_is_well_formed(public):
    sitemap = public / SITEMAP
    if not sitemap.exists():
        return  # only with base_url: see the hosted build below
    lxml.etree.parse(str(sitemap))


@pytest.fixture(scope="module")
def hosted(tmp_path_factory) -> Path:
    """public/ of the archive built with --base-url, as for static hosting."""
    return build_archive(tmp_path_factory.mktemp("hosted"), "--base-url", BASE_URL)


def test_the_hosted_build_writes_a_sitemap_of_existing_pages(hosted):
    sitemap = hosted / SITEMAP
    assert sitemap.is_file(), f"no {SITEMAP} in a build with --base-url"
    root = lxml.etree.parse(str(sitemap)).getroot()
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    locs = [(loc.text or "").strip() for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]
    assert locs, "the sitemap lists no page"
    assert len(locs) == len(root.findall(f"{{{SITEMAP_NS}}}url")), "a <url> without its <loc>"
    wrong = [loc for loc in locs if (page := _page_for(hosted, loc, BASE_URL)) is None or not page.is_file()]
    assert wrong == [], f"sitemap <loc>s that are not pages of {BASE_URL}:\n" + "\n".join(wrong)
    articles = {p.relative_to(hosted).as_posix() for p in (hosted / "articles").glob("*.html")}
    listed = {_page_for(hosted, loc, BASE_URL).relative_to(hosted).as_posix() for loc in locs}
    assert articles <= listed, "articles missing from the sitemap:\n" + "\n".join(sorted(articles - listed))


def test_the_hosted_build_feeds_are_clean_atom_with_linked_entries(hosted):
    problems = [p for feed in _feeds(hosted) for p in _feed_problems(hosted, feed, BASE_URL)]
    assert problems == [], "\n".join(problems)
