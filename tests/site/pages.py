"""Reading a built site from disk for the whole-site tests: its pages, their links and ids.

Parses with lxml only; the browser tests use it to choose where to go before they click,
and test_links uses it to crawl. It never builds the site (conftest.py does) and never
judges it (the tests do).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

# Attributes that make a browser fetch or navigate to a URL, per element.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "form": ("action",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
}
LOADS = frozenset({"src", "srcset", "poster", "data"})  # fetched as the page loads, not followed
# <link rel=…> values a browser fetches as the page loads.
LOADING_RELS = frozenset({"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload", "prefetch"})


@dataclass(frozen=True, slots=True)
class Link:
    """One URL written in a page, as written."""

    page: Path
    line: int
    tag: str
    attribute: str
    url: str
    rel: tuple[str, ...] = ()

    @property
    def is_load(self) -> bool:
        """Fetched with the page (a script, an image, a stylesheet), not a navigation."""
        return self.attribute in LOADS or (self.tag == "link" and not LOADING_RELS.isdisjoint(self.rel))

    def where(self, public: Path) -> str:
        return f"{self.page.relative_to(public)}:{self.line}: <{self.tag} {self.attribute}={self.url!r}>"


@dataclass(frozen=True, slots=True)
class Page:
    path: Path
    title: str
    h1: str
    ids: frozenset[str]
    links: tuple[Link, ...]


def _urls(element, attribute: str) -> list[str]:
    value = (element.get(attribute) or "").strip()
    if not value:
        return []
    if attribute != "srcset":
        return [value]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


@functools.lru_cache(maxsize=None)
def read_page(path: Path) -> Page:
    tree = lxml.html.fromstring(path.read_bytes())
    links = []
    for element in tree.iter(*URL_ATTRIBUTES):
        rel = tuple((element.get("rel") or "").lower().split())
        for attribute in URL_ATTRIBUTES[element.tag]:
            for url in _urls(element, attribute):
                links.append(Link(path, element.sourceline or 0, element.tag, attribute, url, rel))
    h1 = tree.find(".//h1")
    title = tree.find(".//title")
    return Page(
        path=path,
        title=" ".join(title.text_content().split()) if title is not None else "",
        h1=" ".join(h1.text_content().split()) if h1 is not None else "",
        ids=frozenset(e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")),
        links=tuple(links),
    )


def css_class(name: str) -> str:
    """An XPath test for elements carrying the class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def find(path: Path, xpath: str) -> list:
    """Elements (or strings) of a page matching an XPath expression."""
    return lxml.html.fromstring(path.read_bytes()).xpath(xpath)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a relative URL on a page points: a path (not yet checked), its decoded fragment,
    and whether the URL names a folder (ends with a slash)."""

    path: Path
    fragment: str
    names_folder: bool


def local_target(page: Path, url: str) -> Target | None:
    """Where a relative URL on `page` points; None when the URL is not a plain relative one
    (it has a scheme or a host, or is root-relative)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    if not parts.path:
        return Target(page, unquote(parts.fragment), False)
    # Resolve ".." lexically, as a browser resolves a URL.
    joined = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
    names_folder = parts.path.endswith("/") or parts.path in (".", "..") or parts.path.endswith(("/.", "/.."))
    return Target(Path(joined), unquote(parts.fragment), names_folder)


def html_pages(public: Path) -> list[Path]:
    return sorted(p for p in public.rglob("*.html") if p.is_file())
