"""Which URLs may become links or images, and how external ones are marked.

Owns the URL policy of rendered Markdown: an allow-list of schemes (anything
else — `javascript:`, `vbscript:`, `data:`, `file:` … — stays literal text),
`rel="nofollow noopener noreferrer"` on external links, and the rule that an
image never loads from another host (a remote image becomes a link showing its
alt text). Must not do I/O or decide where links point inside the site.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTERNAL_REL = "nofollow noopener noreferrer"
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+.-")


def url_scheme(url: str) -> str | None:
    """The lower-cased scheme of `url` ("https"), or None for a relative URL."""
    colon = url.find(":")
    if colon <= 0:
        return None
    head = url[:colon].strip().lower()
    if not head or not head[0].isalpha() or not _SCHEME_CHARS.issuperset(head):
        return None  # a ':' after '/', '?', '#' or other path characters: relative
    return head


def is_safe_url(url: str) -> bool:
    """May `url` (already normalised by markdown-it) become an href or src?"""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def is_remote(url: str) -> bool:
    """Does `url` point at another host (`https://…`, `//host/…`)?"""
    scheme = url_scheme(url)
    if scheme is not None:
        return scheme in ("http", "https")
    return url.replace("\\", "/").startswith("//")


def safe_links_plugin(md: MarkdownIt, *, rel: str = EXTERNAL_REL) -> None:
    """Allow-list link schemes, mark external links, turn remote images into links."""
    md.validateLink = is_safe_url  # type: ignore[method-assign]

    def rule(state: StateCore) -> None:
        for token in state.tokens:
            if token.type == "inline" and token.children:
                token.children = _rewrite(token.children, rel)

    md.core.ruler.push("sitegen_links", rule)


def _rewrite(children: Sequence[Token], rel: str) -> list[Token]:
    out: list[Token] = []
    in_link = 0
    for tok in children:
        if tok.type == "link_open":
            in_link += 1
            href = str(tok.attrGet("href") or "")
            if is_remote(href):
                tok.attrSet("rel", rel)
        elif tok.type == "link_close":
            in_link -= 1
        elif tok.type == "image" and is_remote(str(tok.attrGet("src") or "")):
            out.extend(_image_as_link(tok, rel, nested=in_link > 0))
            continue
        out.append(tok)
    return out


def _image_as_link(image: Token, rel: str, *, nested: bool) -> list[Token]:
    """A remote image as `<a href=src rel=…>alt</a>` (just the alt text inside a link)."""
    alt = alt_text(image.children or ()) or "image"
    text = Token("text", "", 0, content=alt)
    if nested:
        return [text]
    link = Token("link_open", "a", 1)
    link.attrSet("href", str(image.attrGet("src")))
    title = image.attrGet("title")
    if title:
        link.attrSet("title", str(title))
    link.attrSet("rel", rel)
    link.attrSet("class", "remote-image")
    return [link, text, Token("link_close", "a", -1)]


def alt_text(children: Sequence[Token]) -> str:
    """The plain text of an image's alt (its inline children)."""
    parts: list[str] = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image" and tok.children:
            parts.append(alt_text(tok.children))
    return "".join(parts)
