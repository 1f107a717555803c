"""Rendering: every page's view through its Jinja template, plus feeds, sitemap, search index and static files.

`render_site(site, theme, previous)` returns output path → bytes. A page whose
view and template fingerprint are unchanged since `previous` is not rendered
again. Must not write files.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from sitegen import urls
from sitegen.errors import ContentError, error
from sitegen.markdown import pygments_css
from sitegen.render.theme import Theme, load_theme
from sitegen.site import Site
from sitegen.views import FeedView, Page, script_json, search_entries, site_feeds, site_pages

__all__ = ["RenderedSite", "Theme", "load_theme", "render_site"]


@dataclass(frozen=True, slots=True)
class RenderedSite:
    files: dict[str, bytes]
    keys: dict[str, int]
    rendered: int
    reused: int


def _render(theme: Theme, template: str, **context: object) -> bytes:
    try:
        return theme.template(template).render(**context).encode("utf-8")
    except jinja2.TemplateError as exc:  # runtime errors: undefined names, bad filters
        line = getattr(exc, "lineno", None)
        raise ContentError(
            f"template error in {template}", (error(f"template: {exc}", theme.source_path(template), line),)
        ) from None


def render_site(site: Site, theme: Theme, previous: RenderedSite | None = None) -> RenderedSite:
    files: dict[str, bytes] = {}
    keys: dict[str, int] = {}
    rendered = reused = 0
    old_files = previous.files if previous else {}
    old_keys = previous.keys if previous else {}

    def emit(path: str, template: str, key_data: object, **context: object) -> None:
        nonlocal rendered, reused
        key = hash((template, theme.fingerprint(template), key_data))
        keys[path] = key
        if old_keys.get(path) == key and path in old_files:
            files[path] = old_files[path]
            reused += 1
            return
        files[path] = _render(theme, template, **context)
        rendered += 1

    pages: list[Page] = site_pages(site)
    for page in pages:
        emit(page.path, page.template, page, page=page, meta=page.meta, view=page.content)
    feeds: list[FeedView] = site_feeds(site)
    for feed in feeds:
        emit(feed.path, "feed.xml", feed, feed=feed)
    base = site.config.base_url
    if base:
        locs = tuple(urls.absolute(p.path, base) for p in pages if p.path != urls.NOT_FOUND)
        emit(urls.SITEMAP, "sitemap.xml", locs, locs=locs)
    robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {base}{urls.SITEMAP}\n" if base else "")
    files[urls.ROBOTS] = robots.encode()
    if site.config.search:
        files[urls.SEARCH_INDEX] = ("window.SITEGEN_SEARCH=" + script_json(search_entries(site)) + ";\n").encode()
    static = theme.static_files()
    for name, path in static.items():
        files[urls.static(name)] = path.read_bytes()
    if "pygments.css" not in static:
        css = pygments_css("default") + "\n@media (prefers-color-scheme: dark) {\n" + pygments_css("monokai") + "\n}\n"
        files[urls.static("pygments.css")] = css.encode()
    return RenderedSite(files, keys, rendered, reused)
