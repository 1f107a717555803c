"""Heading ids: every heading gets a unique, slugified `id` for linking and a table of contents.

Owns the id of each heading (`<h2 id="what-happened">`). Ids never take the forms
the annotation and footnote markup uses (`hl-N`, `note-N`, `ref-N`, `fnN`,
`fnrefN`). Must not collect or render a table of contents (the caller reads the
tokens).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from sitegen.slugs import slugify, unique_slug

_RESERVED_PREFIXES = ("hl-", "note-", "ref-", "fnref", "fn")


def heading_ids_plugin(md: MarkdownIt) -> None:
    """Set a unique slug `id` on every heading_open token."""

    def rule(state: StateCore) -> None:
        taken: set[str] = set()
        tokens = state.tokens
        for i, token in enumerate(tokens):
            if token.type != "heading_open" or i + 1 >= len(tokens):
                continue
            base = slugify(inline_text(tokens[i + 1].children or ()))
            if _is_reserved(base):
                base = "h-" + base
            slug = unique_slug(base, taken)
            taken.add(slug)
            token.attrSet("id", slug)

    md.core.ruler.push("sitegen_heading_ids", rule)


def _is_reserved(slug: str) -> bool:
    for prefix in _RESERVED_PREFIXES:
        if slug.startswith(prefix) and slug[len(prefix) :].isdigit():
            return True
    return False


def inline_text(children: Sequence[Token]) -> str:
    """What an inline token's children read as: text and code, breaks as spaces."""
    parts: list[str] = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
