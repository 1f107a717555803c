"""Code blocks: fenced and indented code rendered with Pygments CSS classes.

Owns the HTML of code blocks — `<pre class="highlight"><code class="language-X">`
with Pygments `<span class="k">`-style tokens, never inline styles — and the
stylesheet for them (`pygments_css`). The info string only ever chooses a lexer
and, if it is a plain name, a class: it is never copied into the HTML otherwise.
A code block that carries annotation highlights (`token.meta["html"]`, set by
`sitegen.markdown.marks`) is rendered from that, unhighlighted.
Must not know about annotations beyond that hand-over.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, unescapeAll
from markdown_it.token import Token
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

CSS_SELECTOR = ".highlight"
_LANG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+#.-")
_FORMATTER = HtmlFormatter(nowrap=True)


def highlight_plugin(md: MarkdownIt) -> None:
    """Render `fence` and `code_block` tokens with Pygments classes."""
    md.add_render_rule("fence", _render_code)
    md.add_render_rule("code_block", _render_code)


def fence_language(info: str) -> str:
    """The language name of a fence info string, or "" if absent or not a plain name."""
    words = unescapeAll(info).split(maxsplit=1)
    if not words:
        return ""
    lang = words[0]
    return lang if len(lang) <= 40 and _LANG_CHARS.issuperset(lang) else ""


def highlight_code(code: str, lang: str) -> str:
    """`code` as HTML spans with Pygments classes; escaped plain text if `lang` is unknown."""
    lexer = _lexer(lang.lower()) if lang else None
    if lexer is None:
        return escapeHtml(code)
    return pygments_highlight(code, lexer, _FORMATTER)


def pygments_css(style: str = "default", selector: str = CSS_SELECTOR) -> str:
    """The stylesheet for highlighted code in Pygments style `style`, scoped to `selector`.

    A theme ships e.g. `pygments_css("default")` and, inside a dark-mode media
    query or under a `[data-theme=dark]` selector, `pygments_css("monokai", ...)`.
    """
    formatter = HtmlFormatter(style=style)
    lines = formatter.get_background_style_defs(selector)
    lines += formatter.get_token_style_defs(selector)
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=256)
def _lexer(lang: str) -> Lexer | None:
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def _render_code(
    self: Any, tokens: list[Token], idx: int, options: Any, env: Any
) -> str:
    token = tokens[idx]
    lang = fence_language(token.info) if token.type == "fence" else ""
    inner = token.meta.get("html") if token.meta else None
    if inner is None:
        inner = highlight_code(token.content, lang)
    cls = f' class="language-{escapeHtml(lang)}"' if lang else ""
    return f'<pre class="highlight"><code{cls}>{inner}</code></pre>\n'
