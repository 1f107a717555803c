"""The plain text of a parsed body — what a reader sees — with a map back to its tokens.

Owns the definition of a body's plain text, used for search, snippets, the
summary and annotation anchoring:

* text and inline code as written; soft and hard line breaks as "\\n";
* the content of code blocks (without their final newline);
* leaf blocks (paragraphs, headings, table cells, code blocks, footnotes) in
  document order, separated by a blank line "\\n\\n";
* not text: image alt text (a local image is not read as words), footnote
  reference numbers, the markup itself.

Every piece of text remembers the token it came from (`Unit`) and every leaf
block the top-level block that holds it (`Leaf.block_end`), so highlights can be
woven back into the tokens. Must not modify tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

BLOCK_SEPARATOR = "\n\n"
CODE_BLOCKS = ("fence", "code_block")
CODE_UNIT = -1  # `Unit.child` of a code block's content


@dataclass(frozen=True, slots=True)
class Unit:
    """`text[start:end]` comes from child `child` of an inline token (or a code block)."""

    child: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Leaf:
    """A block holding text: an inline token (paragraph, heading, cell…) or a code block."""

    index: int  # of the inline/fence/code_block token in the token stream
    block_end: int  # index of the closing token of the top-level block holding it
    start: int
    end: int
    units: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class PlainText:
    text: str
    leaves: tuple[Leaf, ...]


def plain_text(tokens: Sequence[Token]) -> PlainText:
    """Plain text of a block token stream, and where each piece of it came from."""
    chunks: list[str] = []
    leaves: list[Leaf] = []
    pending: list[tuple[int, int, int, tuple[Unit, ...]]] = []
    pos = 0
    depth = 0
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "inline" or kind in CODE_BLOCKS:
            start = pos + (len(BLOCK_SEPARATOR) if chunks else 0)
            if kind == "inline":
                text, units = _inline(tok.children or (), start)
            else:
                text = tok.content.rstrip("\n")
                units = (Unit(CODE_UNIT, start, start + len(text)),)
            if text:
                if chunks:
                    chunks.append(BLOCK_SEPARATOR)
                chunks.append(text)
                pos = start + len(text)
                pending.append((i, start, pos, units))
        depth += tok.nesting
        if depth <= 0 and pending:
            leaves.extend(Leaf(j, i, s, e, u) for j, s, e, u in pending)
            pending = []
    last = len(tokens) - 1
    leaves.extend(Leaf(j, last, s, e, u) for j, s, e, u in pending)
    return PlainText("".join(chunks), tuple(leaves))


def _inline(children: Sequence[Token], start: int) -> tuple[str, tuple[Unit, ...]]:
    parts: list[str] = []
    units: list[Unit] = []
    pos = start
    for j, child in enumerate(children):
        kind = child.type
        if kind == "text" or kind == "code_inline":
            text = child.content
        elif kind == "softbreak" or kind == "hardbreak":
            text = "\n"
        else:
            continue
        if text:
            parts.append(text)
            units.append(Unit(j, pos, pos + len(text)))
            pos += len(text)
    return "".join(parts), tuple(units)
