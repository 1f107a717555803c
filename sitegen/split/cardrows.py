"""The rows that head a listing's cards, kept at the end of the card above.

A press centre or a tag page heads each card with a row of its kind and date ("NEWS RELEASE ·
17 March 2026 · Radio", "PICTURE PUBLICITY · 13 March 2026"). The tagger reads such a row as
the first line of most cards, but over a card it leaves out (a gallery with no text) the row
sticks to the end of the card above. A row of the form that heads at least `HEADS` items of the
segment, printed as the last line of another, heads what is under it: the item right under it,
or, when that is no item, nothing (the row goes with the card to the debris). Owns
`give_back(found, blocks, roles, left)`. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item
from sitegen.split.dates import date_of
from sitegen.split.roles import Role
from sitegen.split.text import Block, Debris

HEADS = 2  # the row's form heads this many items of the segment
ROW_MAX = 100  # a card's row is no longer
_PARTS = re.compile(r"\s+[·|•]\s+")
WHY = "a row heading the card under it, kept at the end of the item above"


def row_form(text: str) -> tuple[str, str] | None:
    """The form of a card's row, from its first two parts, one of them a date ("NEWS RELEASE · 17
    March 2026 · Radio" → ("caps", "date"), "13 OCT 2026 | Gin" → ("date", "words")); None for
    any other line."""
    parts = _PARTS.split(text.strip(), 2)
    if len(text) > ROW_MAX or len(parts) < 2:
        return None
    kinds = tuple("date" if date_of(p) else "caps" if p.isupper() else "words" for p in parts[:2])
    return kinds if kinds.count("date") == 1 else None


def give_back(found: Sequence[Item], blocks: Sequence[Block], roles: Sequence[Role], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with a card's row at the end of one moved to the item right under it (or, with
    no item there, to `left`)."""
    heads = Counter(row_form(blocks[it.start].text) for it in found)
    heads.pop(None, None)
    if not heads or max(heads.values()) < HEADS:
        return list(found), left
    out = list(found)
    for n, item in enumerate(out):
        last = item.end - 1
        if last == item.start or roles[last] is not Role.DATELINE or heads[row_form(blocks[last].text)] < HEADS:
            continue
        out[n] = replace(item, end=last)
        below = out[n + 1] if n + 1 < len(out) else None
        if below is not None and below.start == item.end:
            out[n + 1] = replace(below, start=last)
        else:
            left = [*left, Debris(blocks[last].line, blocks[last].text, WHY)]
    return out, left
