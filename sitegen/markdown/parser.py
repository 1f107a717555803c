"""The configured Markdown parsers: built once per process, on first use.

Owns the Markdown dialect of the archive: CommonMark with tables and footnotes,
raw HTML off (shown as text, never passed through), the URL policy of
`links`, heading ids, Pygments code blocks, and the note markup of `marks`.
Notes get the same dialect without footnotes and heading ids, whose ids would
collide with the body's. Must not render anything itself.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from sitegen.markdown.headings import heading_ids_plugin
from sitegen.markdown.highlight import highlight_plugin
from sitegen.markdown.links import safe_links_plugin
from sitegen.markdown.marks import notes_plugin

_OPTIONS = {"html": False, "linkify": False, "typographer": False}


def _base() -> MarkdownIt:
    return MarkdownIt("commonmark", _OPTIONS).enable("table")


@cache
def body_parser() -> MarkdownIt:
    """The parser for article bodies."""
    md = _base().use(footnote_plugin, inline=True)
    return md.use(safe_links_plugin).use(heading_ids_plugin).use(highlight_plugin).use(notes_plugin)


@cache
def note_parser() -> MarkdownIt:
    """The parser for annotation notes (no footnotes, no heading ids)."""
    return _base().use(safe_links_plugin).use(highlight_plugin)
