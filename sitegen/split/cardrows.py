"""The rows of kind and date a listing prints with each card, on the card's side.

A press centre or a tag page prints a row of each card's kind and date ("NEWS RELEASE · 17
March 2026 · Radio", "Policy · 9 October 2025") either over each card's headline or under its
text. The tagger, reading a few lines, cannot tell which: under a headline, the row over the
next headline reads as the end of this card, or the row under this card's text as the head of
the next. Rows under the cards the page tells at its ends (`placement`): a headline and text over
the first row and no headline under the last. Rows over the cards the items tell: a form of row
that opens at least `HEADS` items of the segment. Owns `give_back(found, blocks, roles, left)`:

- rows over the cards: a row of such a form printed as the last line of an item opens what is
  under it — the item right under it, or, when that is no item (a gallery with no text), nothing:
  the row goes to the debris with its card; and an item is cut over each such row inside it over
  a headline, the lines above the row going to the item above (a teaser's by-line row) or, a
  headline with no text, out;
- rows under the cards: an item is cut under each row of the page's form inside it, and a row
  that opens an item goes back to the item right above it (or, with none there, to the debris:
  its card was left out).

Pure; reads no metadata.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item, cut_at
from sitegen.split.dates import date_of
from sitegen.split.roles import Role, row_parts
from sitegen.split.text import Block, Debris

HEADS = 2  # the row's form opens this many items of the segment
ROWS = 3  # a page dating its cards below them prints this many rows of a form
UNDER_SHARE = 0.8  # rows under the cards: this share of them right under text
ROW_MAX = 100  # a card's row is no longer
_TEXT = (Role.BODY, Role.STANDFIRST)
WHY = "a row heading the card under it, kept at the end of the item above"
WHY_BELOW = "a row closing a card left out"
WHY_ABOVE = "the end of a card left out, over the next card's row"
NOTE = "new item cut under a card's row of kind and date; check it is not part of the text above"


def row_form(text: str) -> tuple[str, str] | None:
    """The form of a card's row, from its first two parts, one of them a date ("NEWS RELEASE · 17
    March 2026 · Radio" → ("caps", "date"), "13 OCT 2026 | Gin" → ("date", "words")); None for
    any other line."""
    parts = row_parts(text)
    if len(text) > ROW_MAX or len(parts) < 2:
        return None
    kinds = tuple("date" if date_of(p) else "caps" if p.isupper() else "words" for p in parts[:2])
    return kinds if kinds.count("date") == 1 else None


def placement(rows: Sequence[int], roles: Sequence[Role | None]) -> str | None:
    """Where a page prints its cards' rows (`rows`: the indexes of the rows of one form, in order;
    `roles`: each line's role, None for a line outside the content): "under" the cards, or None
    when its ends do not say so (rows over the cards are read from the items they open: `_over`)."""
    def content(k: int, step: int) -> int | None:
        k += step
        while 0 <= k < len(roles) and roles[k] is None:
            k += step
        return k if 0 <= k < len(roles) else None

    over = under = 0
    before = content(rows[0], -1)
    title = content(before, -1) if before is not None and roles[before] in _TEXT else None
    if title is not None and roles[title] is Role.TITLE and title not in rows and (
            (above := content(title, -1)) is None or above not in rows):
        under += 1  # a headline and its text over the first row, no row over that headline
    elif before is None or roles[before] not in _TEXT:
        over += 1  # the first row over the first headline
    after = content(rows[-1], 1)
    text = content(after, 1) if after is not None else None
    if after is not None and roles[after] is Role.TITLE and text is not None and roles[text] in _TEXT:
        over += 1  # a headline with its text under the last row
    elif after is None or roles[after] is not Role.TITLE:
        under += 1
    if under > over:  # and each row under its card's text, not between its headline and text
        closing = sum(1 for k in rows if (j := content(k, -1)) is not None and roles[j] in _TEXT
                      and ((n := content(k, 1)) is None or roles[n] is not Role.BODY))
        return "under" if closing >= UNDER_SHARE * len(rows) else None  # (no row over running text: "Asked by NAME · date")
    return None


def give_back(found: Sequence[Item], blocks: Sequence[Block], roles: Sequence[Role | None], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with the rows of a listing's cards on their cards' side (`placement`)."""
    forms = [row_form(b.text) for b in blocks]
    counts = Counter(f for f in forms if f is not None)
    if not counts:
        return list(found), left
    form, count = counts.most_common(1)[0]
    rows = [k for k, f in enumerate(forms) if f == form]
    side = placement(rows, roles) if count >= ROWS else None
    if side == "under":
        return _under(found, set(rows), blocks, roles, left)
    return _over(found, forms, blocks, roles, left)


def _over(found: Sequence[Item], forms: Sequence[tuple[str, str] | None], blocks: Sequence[Block], roles: Sequence[Role | None],
          left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    heads = Counter(forms[it.start] for it in found)
    heads.pop(None, None)
    heading = {f for f, n in heads.items() if n >= HEADS}  # the forms that open items of the segment
    if not heading:
        return list(found), left
    out = list(found)
    for n, item in enumerate(out):
        last = item.end - 1
        if last == item.start or roles[last] is not Role.DATELINE or forms[last] not in heading:
            continue
        out[n] = replace(item, end=last)
        below = out[n + 1] if n + 1 < len(out) else None
        if below is not None and below.start == item.end:
            out[n + 1] = replace(below, start=last)
        else:
            left = [*left, Debris(blocks[last].line, blocks[last].text, WHY)]
    return _cut_over(out, heading, forms, blocks, roles, left)


def _cut_over(found: Sequence[Item], heading: set[tuple[str, str]], forms: Sequence[tuple[str, str] | None], blocks: Sequence[Block],
              roles: Sequence[Role | None], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items cut over each row of a heading form inside them (over a headline); the lines above
    the first such row, with no headline among them, end the item right above (a teaser's "NAME |
    date | 3 comments" and "Read the story →"), or with no item there are no item's."""
    out: list[Item] = []
    for item in found:
        cuts = [k for k in range(item.start + 1, item.end - 1) if forms[k] in heading and roles[k + 1] is Role.TITLE]
        if not cuts:
            out.append(item)
            continue
        pieces = cut_at(item, cuts, blocks, NOTE)
        head, pieces = pieces[0], pieces[1:]
        tail = head.start  # the lines the card above goes on with: its by-line row, its text
        if out and out[-1].end == head.start:
            while tail < head.end and roles[tail] not in (Role.TITLE, Role.FURNITURE) and forms[tail] not in heading:
                tail += 1
            out[-1] = replace(out[-1], end=tail) if tail > head.start else out[-1]
        if any(roles[k] is Role.TITLE for k in range(tail, head.end)) and any(roles[k] in _TEXT for k in range(tail, head.end)):
            pieces = [replace(head, start=tail), *pieces]  # a card of its own, with its text
        else:  # a button, or a card left out with no text ("EV grant scheme reopens" over "By NAME")
            left = [*left, *(Debris(b.line, b.text, WHY_ABOVE) for b in blocks[tail : head.end])]
        out += pieces
    return out, left


def _under(found: Sequence[Item], rows: set[int], blocks: Sequence[Block], roles: Sequence[Role | None], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    out: list[Item] = []
    for item in found:
        start = item.start
        if start in rows and item.end > start + 1:
            if out and out[-1].end == start:
                out[-1] = replace(out[-1], end=start + 1)  # the row closes the card above
            else:
                left = [*left, Debris(blocks[start].line, blocks[start].text, WHY_BELOW)]
            start += 1
            item = replace(item, start=start)
        cuts = [k + 1 for k in range(item.start, item.end - 1) if k in rows and roles[k + 1] is Role.TITLE]
        out += cut_at(item, cuts, blocks, NOTE) if cuts else [item]
    return out, left
