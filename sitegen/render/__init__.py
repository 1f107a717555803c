"""Rendering: the site's views drawn through the theme's Jinja templates into output bytes.

`load_theme(cfg)` finds the templates and static files (`theme.py`);
`draw_site(site, theme, sink)` draws every file whose key changed into a sink,
`render_site(site, theme, previous)` the same into memory (`pages.py`). Jinja lives
only in this package. Must not write files.
"""

from sitegen.render.pages import DrawReport, MemorySink, Progress, RenderedSite, Sink, draw_site, render_site
from sitegen.render.theme import Theme, load_theme

__all__ = ["DrawReport", "MemorySink", "Progress", "RenderedSite", "Sink", "Theme", "draw_site", "load_theme",
           "render_site"]
