"""Replies under reviews: a business's or a site's response to the item above is no part of it.

A page of reviews prints the reviewed business's answer under a review ("Response from Marta F,
Guest Relations Manager", "Developer Response,", "Employer response" over "HR Business Partner
· 17 Feb 2025"), then the next review. The tagger, reading a few lines either side, takes the
answer into the review above or makes it an item of its own, and the next review's headline,
right under the answer's text, into it. `cut` takes each such answer out of the item it is in:
from its head line over its text to the first head-like line after that text (the next review's
headline), which starts an item again. The answer's lines become debris saying why. Pure;
reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split import peers
from sitegen.split.boundary import Item, cut_at
from sitegen.split.roles import LineShape
from sitegen.split.text import Block, Debris

REPLY_HEAD = 160  # a reply's head line is no longer
_REPLY = re.compile(
    r"^(?:(?:developer|employer|owner|business|seller|host|hotel|venue|practice|manufacturer|brand"
    r"|retailer|landlord|agent|store|shop|provider|installer)(?:['’]s)? (?:response|reply)"
    r"|(?:response|reply) (?:from|by) \S.*)[,:]?$",
    re.IGNORECASE,
)
_ASKED = re.compile(r"^\s*(?:asked by\b|question \d+\b|submitted by\b)", re.IGNORECASE)  # a question over its answer
_WHY = "a reply to the review above (the business's or the site's response)"
_NEXT = "new item after a reply to a review; check it is not part of the reply"


def reply_head(text: str) -> bool:
    """A line that heads a business's reply to a review: "Response from NAME, role …", "Developer
    Response,", "Employer response", "Owner's reply"."""
    text = text.strip()
    return len(text) <= REPLY_HEAD and not text.endswith((".", "!", "?")) and bool(_REPLY.match(text))  # (no sentence)


def cut(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with the replies in them taken out (a reply's lines appended to `left` as debris);
    what follows a reply in its item, from the next head-like line after the reply's text, is an
    item of its own (`boundary.cut_at`, flagged for review)."""
    out: list[Item] = []
    for item in found:
        if any(_ASKED.match(b.text) for b in blocks[item.start : item.end]):
            out.append(item)  # a question's answer ("Asked by: NAME" … "Response from Cllr NAME:") is the item's text
            continue
        spans: dict[int, int] = {}  # each reply's first line → the line after its last
        k = _next_reply(blocks, item.start, item.end)
        while k is not None:
            spans[k] = _reply_end(blocks, shapes, k, item.end)
            k = _next_reply(blocks, spans[k], item.end)
        if not spans:
            out.append(item)
            continue
        bounds = sorted({b for span in spans.items() for b in span} - {item.start, item.end})
        for piece in cut_at(item, bounds, blocks, _NEXT):
            if piece.start in spans:
                left += [Debris(b.line, b.text, _WHY) for b in blocks[piece.start : piece.end]]
            else:
                out.append(piece)
    return out, left


def _next_reply(blocks: Sequence[Block], start: int, end: int) -> int | None:
    return next((k for k in range(start, end) if reply_head(blocks[k].text)), None)


def _reply_end(blocks: Sequence[Block], shapes: Sequence[LineShape], k: int, end: int) -> int:
    """Where the reply headed at `k` ends: at the first head-like line after its text (the next
    review's headline), or at the item's end."""
    text = False
    for j in range(k + 1, end):
        if text and peers.head_like(blocks[j].text, shapes[j]):
            return j
        text = text or shapes[j].running
    return end
