"""Blocks of scraped text to Markdown that renders as exactly the same words.

Owns lists ("* x", "• x", "1. x"), Markdown-style tables, subheadings, and
escaping text that Markdown would otherwise read as syntax. Must not drop or
reword anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitegen.split.text import BULLET, NUMBERED, TABLE_ROW, ends_sentence, word_count

_INLINE = re.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}(?=[.)](?:\s|$))|~~~|\|)")
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the dump that belongs to an article's body."""

    line: int
    text: str


def escape_inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def escape_block(text: str) -> str:
    """Text escaped so Markdown shows it verbatim as one paragraph."""
    escaped = escape_inline(text)
    match = _LINE_START.match(escaped)
    if match:
        head = match.group(1)
        if head[0].isdigit():
            escaped = head + "\\" + escaped[len(head):]
        else:
            escaped = "\\" + escaped
    return escaped


def display_text(block_text: str) -> str:
    """What a reader sees of a block once rendered (bullet markers removed)."""
    bullet = BULLET.match(block_text)
    if bullet:
        return bullet.group(1).strip()
    numbered = NUMBERED.match(block_text)
    if numbered:
        return numbered.group(2).strip()
    return block_text


def _kind(text: str) -> str:
    if TABLE_ROW.match(text):
        return "table"
    if BULLET.match(text) and BULLET.match(text).group(1).strip():
        return "bullet"
    if NUMBERED.match(text):
        return "number"
    return "text"


def is_heading(text: str, following: str | None) -> bool:
    return (
        following is not None
        and len(text) <= 80
        and word_count(text) <= 12
        and not ends_sentence(text)
        and text[:1].isupper()
        and _kind(text) == "text"
        and len(following) >= 100
    )


def _table(rows: list[str]) -> str:
    cells = [r.strip() for r in rows]
    if len(cells) >= 2 and not _SEPARATOR_ROW.match(cells[1]):
        columns = max(1, cells[0].strip("|").count("|") + 1)
        cells.insert(1, "|" + "|".join([" --- "] * columns) + "|")
    elif len(cells) == 1:
        columns = max(1, cells[0].strip("|").count("|") + 1)
        cells.append("|" + "|".join([" --- "] * columns) + "|")
    return "\n".join(cells)


def to_markdown(blocks: Sequence[Block], no_headings: frozenset[int] = frozenset()) -> str:
    """Join blocks into a Markdown body: one paragraph per block, lists and tables grouped."""
    out: list[str] = []
    i = 0
    texts = [b.text for b in blocks]
    while i < len(blocks):
        kind = _kind(texts[i])
        if kind in ("bullet", "number", "table"):
            j = i
            while j < len(blocks) and _kind(texts[j]) == kind:
                j += 1
            group = texts[i:j]
            if kind == "table":
                out.append(_table(group))
            elif kind == "bullet":
                out.append("\n".join("- " + escape_block(display_text(t)) for t in group))
            else:
                out.append("\n".join(f"{NUMBERED.match(t).group(1)}. " + escape_block(display_text(t)) for t in group))
            i = j
            continue
        following = texts[i + 1] if i + 1 < len(texts) else None
        if blocks[i].line not in no_headings and is_heading(texts[i], following):
            out.append("## " + escape_inline(texts[i]))
        else:
            out.append(escape_block(texts[i]))
        i += 1
    return "\n\n".join(out) + "\n" if out else ""
