"""An article's body lines to Markdown that renders as exactly the same words.

Owns the Markdown structure of a body: one paragraph per line; runs of list
items ("* x", "• x", "- x" → "- x"; "1. x" numbered in order → "1. x") as
lists; runs of "| a | b |" rows as a table (a header rule added when missing);
short capitalised lines before long text as "## " subheadings; and escaping,
so that text which Markdown would read as syntax ("1995. ", "# ", "<div>",
"---", "> ", "*stars*", "[x]") shows as the same characters. Must not drop,
reorder or reword anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from sitegen.split.dates import date_of
from sitegen.split.text import BULLET, NUMBERED, TABLE_ROW, ends_sentence, word_count

_INLINE = re.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")
_INLINE_CHARS = frozenset("\\`*_[]<&")  # every match of _INLINE is one of these
_LINE_START = re.compile(
    r"^(?:(?P<hash>#{1,6})(?=\s|$)|(?P<digits>\d{1,9})(?=[.)](?:\s|$))|(?P<mark>[+\-=>]|~~~))"
)
_RULE = re.compile(r"^[\s*•·_-]+$")
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
HEADING_MAX_WORDS = 12
HEADING_MIN_FOLLOWING = 100


def escape_inline(text: str) -> str:
    """Text with every character Markdown could read as inline syntax escaped."""
    if _INLINE_CHARS.isdisjoint(text):
        return text  # nothing to escape (most lines): not scanned
    return _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def escape_block(text: str) -> str:
    """Text escaped so Markdown shows it verbatim as one paragraph (leading white space, which
    HTML would not show anyway, is dropped so it cannot start a code block)."""
    escaped = escape_inline(text.lstrip(" \t"))
    match = _LINE_START.match(escaped)
    if match:
        if match.group("digits"):
            digits = match.group("digits")
            escaped = digits + "\\" + escaped[len(digits) :]
        else:
            escaped = "\\" + escaped
    return escaped


def display_text(line: str) -> str:
    """What a reader sees of a body line once rendered (list markers gone)."""
    bullet = BULLET.match(line)
    if bullet and bullet.group(1).strip():
        return bullet.group(1).strip()
    numbered = NUMBERED.match(line)
    if numbered:
        return numbered.group(3).strip()
    return line


def line_kind(text: str) -> str:
    """'table', 'bullet', 'number' or 'text'."""
    if TABLE_ROW.match(text):
        return "table"
    if _RULE.match(text):  # "* * *": a scene break, shown as written
        return "text"
    bullet = BULLET.match(text)
    if bullet and bullet.group(1).strip():
        return "bullet"
    if NUMBERED.match(text):
        return "number"
    return "text"


def is_heading(text: str, following: str | None) -> bool:
    """A subheading: short, capitalised, no final punctuation, and long text right after it."""
    return (
        following is not None
        and len(text) <= 80
        and word_count(text) <= HEADING_MAX_WORDS
        and not ends_sentence(text)
        and text[:1].isupper()
        and line_kind(text) == "text"
        and len(following) >= HEADING_MIN_FOLLOWING
        and date_of(text) is None
    )


def _table(rows: list[str]) -> str:
    """Rows of "| a | b |" as a Markdown table: cell text escaped, a header rule added if missing."""
    out = [r.strip() if _SEPARATOR_ROW.match(r) else "|".join(escape_inline(c) for c in r.strip().split("|")) for r in rows]
    columns = max(1, rows[0].strip().strip("|").count("|") + 1)
    if len(out) == 1 or not _SEPARATOR_ROW.match(out[1]):
        out.insert(1, "|" + "|".join([" --- "] * columns) + "|")
    return "\n".join(out)


def _numbers_in_order(group: list[str]) -> bool:
    """A list renders its numbers from the first one up, and one delimiter for all items."""
    matches = [NUMBERED.match(t) for t in group]
    numbers = [int(m.group(1)) for m in matches if m]
    delimiters = {m.group(2) for m in matches if m}
    plain = all(m.group(1) == str(int(m.group(1))) for m in matches if m)  # "007." would show as "7."
    return plain and len(delimiters) == 1 and all(b == a + 1 for a, b in pairwise(numbers))


def _numbered(text: str) -> str:
    match = NUMBERED.match(text)
    assert match is not None
    return f"{match.group(1)}{match.group(2)} " + escape_block(match.group(3).strip())


def to_markdown(texts: Sequence[str], no_headings: frozenset[int] = frozenset()) -> str:
    """Join body lines into Markdown: one paragraph per line, lists and tables grouped.
    Lines whose index is in `no_headings` (flagged ones) are never made headings."""
    out: list[str] = []
    i = 0
    while i < len(texts):
        kind = line_kind(texts[i])
        if kind != "text":
            j = i
            while j < len(texts) and line_kind(texts[j]) == kind:
                j += 1
            group = list(texts[i:j])
            if kind == "table":
                out.append(_table(group))
            elif kind == "bullet":
                out.append("\n".join("- " + escape_block(display_text(t)) for t in group))
            elif _numbers_in_order(group):
                out.append("\n".join(_numbered(t) for t in group))
            else:  # "1. a", "1. b": a list would renumber them, so each stays a paragraph as written
                out.extend(escape_block(t.strip()) for t in group)
            i = j
            continue
        following = texts[i + 1] if i + 1 < len(texts) else None
        if i not in no_headings and is_heading(texts[i], following):
            out.append("## " + _escape_heading(texts[i]))
        else:
            out.append(escape_block(texts[i]))
        i += 1
    return "\n\n".join(out) + "\n" if out else ""


def _escape_heading(text: str) -> str:
    escaped = escape_inline(text)
    return escaped[:-1] + "\\#" if escaped.endswith("#") else escaped
