"""Ranked teasers: a page's numbered list whose entries are teasers of their own.

Owns `entries(texts, roles)`: a "Most read" page, a chart, a "Top 10" listing numbers its
entries ("1. [18]Teachers to strike on March 27 …", "2. [21]Live: Flash flooding …"), and under
each number's line prints the teaser's text, its by-line and its date. Each entry is an item,
whatever the tagger made of a line that opens with a list's number (an article's numbered steps
look the same). The entries are told from steps by what stands under them: the numbers go on one
by one (1, 2, 3 …), three entries or more, each a short line that reads as a headline with a
few lines under it (two thirds of them at least: a scraper may glue a deck to its headline), and
most entries have a by-line or a date among those lines, or a result card's row, its distance, price
or rating (a step has none). Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.roles import Role, byline_names, date_line, shape
from sitegen.split.text import LEADING_LINK, WEB_ADDRESS

RANK = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")  # "1. ", "10) "
MIN_ENTRIES = 3  # a ranked list has at least this many entries
UNDER_MAX = 8  # lines under an entry's number line at most
HEAD_WORDS = 30  # the entry's headline (with its number) is at most this long
_CARD_ROW = re.compile(
    r"^from\s+[£$€]\s?\d|^\d+(?:\.\d+)?\s*(?:miles?|mi|km)\b|[★⭐]|\breviews?\s*\(\d+\)|^(?:last updated|listing by|listed by)\b",
    re.IGNORECASE,
)
CARD_ROW_MAX = 100  # a card's row is no longer
_SNIPPET_DATE = re.compile(r"^\s*([^—–]{4,40}?)\s+[—–-]\s+\S")  # a search snippet's date before a dash


def _headline(text: str) -> str:
    """The line without its number and a text browser's link number: "1. [18]Teachers …" → "Teachers …"."""
    found = RANK.match(text)
    rest = text[found.end() :] if found else text
    return LEADING_LINK.sub("", rest, count=1)


def _credit(text: str, role: Role | None) -> bool:
    """A teaser's by-line or date line under its headline ("By [19]Harriet Nguyen", "4 hours ago"), not
    text; or a search result's address ("ntc-ctn.gc.ca/eng/archive/2026/2026-41") or its snippet's
    date ("5 Mar 2026 — The Commission determines …")."""
    if role is None:
        return False
    if WEB_ADDRESS.match(text.strip()) or (dated := _SNIPPET_DATE.match(text)) and date_line(dated.group(1)):
        return True
    if len(text) <= CARD_ROW_MAX and _CARD_ROW.search(text.strip()):
        return True  # a result card's row: its distance, price, rating, "Listing by HANDLE", "Last updated: DATE"
    return not shape(text).running and bool(date_line(text) or role is Role.BYLINE and byline_names(text, after_title=True))


def entries(texts: Sequence[str], roles: Sequence[Role | None]) -> list[tuple[int, int]]:
    """The (start, end) ranges of the entries of the ranked teasers among these lines (`roles[k]`
    None for a line taken out, which an entry may hold but never starts or ends on)."""
    ranked = [(k, int(found.group(1))) for k, t in enumerate(texts) if roles[k] is not None and (found := RANK.match(t))]
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for (k, number), following in zip(ranked, [*ranked[1:], None]):
        run.append(k)
        if following is not None and following[1] == number + 1 and 1 <= following[0] - k - 1 <= UNDER_MAX:
            continue
        out += _run_entries(run, texts, roles)
        run = []
    return out


def _run_entries(run: list[int], texts: Sequence[str], roles: Sequence[Role | None]) -> list[tuple[int, int]]:
    """The entries of one run of number lines counting up, or none when it is no list of teasers."""
    if len(run) < MIN_ENTRIES:
        return []
    longest = max(b - a for a, b in zip(run, run[1:]))
    spans = [(a, b) for a, b in zip(run, run[1:])]
    last, end = run[-1], run[-1] + 1
    while end < len(texts) and end - last < longest and not RANK.match(texts[end]) and (
        roles[end] is not Role.FURNITURE or WEB_ADDRESS.match(texts[end].strip()) or _CARD_ROW.search(texts[end].strip())
    ):
        end += 1
    while end > last + 1 and roles[end - 1] is None:
        end -= 1
    spans.append((last, end))
    dated = sum(1 for a, b in spans if any(_credit(texts[j], roles[j]) for j in range(a + 1, b)))
    heads = sum(1 for a, _ in spans if 0 < shape(h := _headline(texts[a])).words <= HEAD_WORDS and not h.rstrip().endswith(":"))
    if heads * 3 < len(spans) * 2 or dated * 2 < len(spans) or any(b - a < 2 for a, b in spans):
        return []
    return spans
