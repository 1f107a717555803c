"""Rendering: the site's views drawn through the theme's Jinja templates into output bytes.

`load_theme(cfg)` finds the templates and static files (`theme.py`);
`render_site(site, theme, previous)` draws every file (`pages.py`). Jinja lives
only in this package. Must not write files.
"""

from sitegen.render.pages import RenderedSite, render_site
from sitegen.render.theme import Theme, load_theme

__all__ = ["RenderedSite", "Theme", "load_theme", "render_site"]
