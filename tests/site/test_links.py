"""Every link of the built archive works from disk (file://), as SPEC.md promises.

Crawls from public/index.html through every relative href/src/action on every page it
reaches, and asserts:
  - each target is an existing file inside public/ (a link to a folder fails: opened from
    disk, a folder does not show its index.html), and never a root-relative or other
    non-relative URL (external http(s)/mailto links are allowed, external loads are not);
  - each #fragment, on the same page or another, names an id that exists there;
  - every HTML page in public/ except 404.html is reachable from the home page.
404.html is served by hosts at any depth, so its links are root-relative: they are checked
against public/ as the host's root.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site.pages import Link, html_pages, local_target, read_page

FOLLOWED_SCHEMES = ("http", "https", "mailto")  # links out that a reader may follow
NOT_FOUND = "404.html"


def _problem(public: Path, link: Link, message: str) -> str:
    return f"{link.where(public)}: {message}"


def _check(public: Path, link: Link, host_root: Path | None = None) -> tuple[str | None, Path | None]:
    """(a problem or None, the HTML page the link leads to or None). Root-relative URLs
    are refused unless `host_root` says what "/" is."""
    parts = urlsplit(link.url)
    if parts.scheme or parts.netloc:
        if link.is_load:
            return _problem(public, link, "loads something from outside the site"), None
        if parts.scheme in FOLLOWED_SCHEMES and (parts.netloc or parts.scheme == "mailto"):
            return None, None
        return _problem(public, link, f"a {parts.scheme or 'protocol-relative'} URL"), None
    url, page = link.url, link.page
    if parts.path.startswith("/"):
        if host_root is None:
            return _problem(public, link, "root-relative: breaks when opened from disk"), None
        url, page = url.lstrip("/"), host_root / "index.html"
    target = local_target(page, url)
    assert target is not None
    if target.names_folder:
        return _problem(public, link, "links to a folder: from disk a folder does not open its index.html"), None
    try:
        target.path.relative_to(public)
    except ValueError:
        return _problem(public, link, f"points outside public/ ({target.path})"), None
    if not target.path.is_file():
        kind = "a folder" if target.path.is_dir() else "nothing"
        return _problem(public, link, f"{target.path.relative_to(public)} is {kind}, not a file"), None
    if target.fragment and target.fragment.lower() != "top" and target.path.suffix == ".html":
        if target.fragment not in read_page(target.path).ids:
            return _problem(
                public, link, f"no id={target.fragment!r} in {target.path.relative_to(public)}"
            ), None
    return None, target.path if target.path.suffix == ".html" else None


def _crawl(public: Path) -> tuple[set[Path], list[str], int]:
    """(pages reached from index.html, problems, links checked)."""
    start = public / "index.html"
    reached, queue, problems, checked = {start}, deque([start]), [], 0
    while queue:
        page = queue.popleft()
        for link in read_page(page).links:
            checked += 1
            problem, leads_to = _check(public, link)
            if problem:
                problems.append(problem)
            elif leads_to is not None and leads_to not in reached:
                reached.add(leads_to)
                queue.append(leads_to)
    return reached, problems, checked


@pytest.fixture(scope="module")
def crawl(public):
    return _crawl(public)


def test_every_link_from_the_home_page_leads_to_a_file_and_its_fragment(public, crawl):
    reached, problems, checked = crawl
    assert checked > 0, "the home page has no links"
    assert problems == [], f"{len(problems)} broken links (of {checked}):\n" + "\n".join(sorted(set(problems)))


def test_every_page_is_reachable_from_the_home_page(public, crawl):
    reached, _, _ = crawl
    orphans = [p.relative_to(public).as_posix() for p in html_pages(public) if p not in reached]
    orphans = [p for p in orphans if p != NOT_FOUND]
    assert orphans == [], "pages no link leads to from index.html:\n" + "\n".join(orphans)


def test_no_page_loads_anything_from_outside_the_site(public):
    outside = [
        link.where(public)
        for page in html_pages(public)
        for link in read_page(page).links
        if link.is_load and (urlsplit(link.url).scheme not in ("", "data") or urlsplit(link.url).netloc)
    ]
    assert outside == [], "external loads (the site must work offline):\n" + "\n".join(outside)


def test_the_404_page_links_work_from_the_host_root(public):
    page = public / NOT_FOUND
    assert page.is_file(), "no 404.html"
    problems = [p for link in read_page(page).links if (p := _check(public, link, host_root=public)[0])]
    assert problems == [], "broken links on 404.html:\n" + "\n".join(problems)
