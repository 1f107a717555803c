"""Every URL of the site, built in one place, and relative links between pages.

Paths are output-relative POSIX paths that always name a file (never a bare
directory), so the site navigates when opened from disk. Must not know about
templates or the model beyond slugs.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

HOME = "index.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
FEED = "feed.xml"
TAGS = "tags/index.html"
AUTHORS = "authors/index.html"
PUBLISHERS = "publishers/index.html"
ANNOTATIONS = "annotations/index.html"
SEARCH = "search/index.html"
SEARCH_INDEX = "static/search-index.js"


def _paged(folder: str, page: int) -> str:
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}index.html" if page <= 1 else f"{prefix}page-{page}.html"


def home(page: int = 1) -> str:
    return _paged("", page)


def article(slug: str) -> str:
    return f"articles/{slug}.html"


def tag(slug: str, page: int = 1) -> str:
    return _paged(f"tags/{slug}", page)


def tag_feed(slug: str) -> str:
    return f"tags/{slug}/feed.xml"


def author(slug: str, page: int = 1) -> str:
    return _paged(f"authors/{slug}", page)


def publisher(slug: str, page: int = 1) -> str:
    return _paged(f"publishers/{slug}", page)


def static(name: str) -> str:
    return f"static/{name}"


def asset(name: str) -> str:
    """A fingerprinted file (public profile): its name changes with its content, so hosts cache
    the assets/ folder for ever (netlify.toml)."""
    return f"assets/{name}"


def relative(target: str, from_page: str) -> str:
    """The link to `target` written on page `from_page` (both output-relative paths).

    >>> relative("tags/ai/index.html", "articles/x.html")
    '../tags/ai/index.html'
    """
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + quote(fragment, safe="-_.~")
    if not target:
        return _quoted(from_page.rpartition("/")[2]) + fragment
    return _relative_to_folder(target, from_page.rpartition("/")[0]) + fragment


def _relative_to_folder(target: str, folder: str) -> str:
    """`posixpath.relpath(target, folder)`, quoted, for the clean paths of this module (no `.`,
    `..` or leading `/`), by counting shared folders: a 10,000-article site asks this a million times."""
    if not folder:
        return _quoted(target)
    parts, here = target.split("/"), folder.split("/")
    shared, most = 0, min(len(parts) - 1, len(here))  # the file name itself is never shared
    while shared < most and parts[shared] == here[shared]:
        shared += 1
    return "../" * (len(here) - shared) + _quoted("/".join(parts[shared:]))


@lru_cache(maxsize=1 << 16)
def _quoted(path: str) -> str:
    return quote(path, safe="/-_.~")


def root_of(from_page: str) -> str:
    """The relative prefix from a page to the site root: '' or '../' or '../../'."""
    depth = from_page.count("/")
    return "../" * depth


def from_anywhere(target: str, base_url: str | None) -> str:
    """A link that works whatever URL the page is served at (404.html): absolute with
    `base_url`, else rooted at the host's "/" (then it only works at a host's root)."""
    if base_url:
        return absolute(target, base_url)
    return "/" + quote(target, safe="/-_.~")


def absolute(target: str, base_url: str) -> str:
    """Absolute URL of an output path; `base_url` ends with a slash."""
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    return base_url + quote(target, safe="/-_.~")
