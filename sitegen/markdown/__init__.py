"""The Markdown stage: article bodies and notes to safe HTML, with annotations woven in.

markdown-it-py and Pygments are used only inside this package. Entry points:
`render_body` (see `render.py`), `render_note`, and `pygments_css` for themes.
"""

from sitegen.markdown.highlight import pygments_css
from sitegen.markdown.render import (
    AnchoredNote,
    Heading,
    Reanchored,
    RenderedBody,
    UnanchoredNote,
    render_body,
    render_note,
)

RENDERER_VERSION = "2"
"""Bump whenever the HTML or any field of `RenderedBody` would change for the same input:
cached renderings keyed by content hash are then discarded."""

__all__ = [
    "RENDERER_VERSION",
    "AnchoredNote",
    "Heading",
    "Reanchored",
    "RenderedBody",
    "UnanchoredNote",
    "pygments_css",
    "render_body",
    "render_note",
]
