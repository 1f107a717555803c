"""Lines at an item's edges that the line tagger put on the wrong side: judged on whole items, after
the cut.

Owns `attach(found, blocks, shapes, roles, left)`: the items of a segment with their edges mended —

- a head left above an item: an item that starts with its by-line or date, or with text and no
  by-line of its own, widened up over the headline left right above it and the by-line, date or
  handle lines under that headline ("Retro handheld gets a price cut" / "By NAME published 5
  hours ago" over the story's first paragraph; a review's title over its reviewer's handle), at
  most `HEAD` lines, none of them running text, none inside another item. A section label or a
  line of the page between the two keeps them apart (a kicker is the page's, not the item's);
- a tail of the site's own text kept under an item's text: from the first line that is the
  site's — an "Older entries" link, a comments heading, "Posted in … | Tagged …", a newsletter
  sign-up, a row of policy links, a registered-charity line — to the item's end, those lines
  leave the item as site furniture.

The tagger reads each line with a few neighbours; seen whole, a headline over a by-line over text
is one item, and a footer under the last story is not part of it. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item
from sitegen.split.roles import LineShape, Role, byline_names, date_line
from sitegen.split.text import Block, Debris

HEAD = 4  # the lines of a head left above an item: a headline and up to three lines under it
_META = (Role.BYLINE, Role.DATELINE)
_HANDLE = re.compile(r"^(?:[a-z][\w.]*|\w*[_\d]\w*)$")  # a reviewer's handle: one word, "tiagoandsofia", "Hamburg_Heike"


def _meta(text: str, role: Role) -> bool:
    """A by-line naming people or a date line (a section label given the role of a by-line is neither)."""
    return role in _META and len(text) <= 200 and (date_line(text) or bool(byline_names(text)))


def _headline(role: Role, s: LineShape) -> bool:
    """A line that reads as a headline: given the role, or a line of several words that is no sentence."""
    return role is Role.TITLE or role in (Role.BODY, Role.STANDFIRST) and not s.running and s.words >= 4 and s.final not in ".:;,"


def _head_above(item: Item, floor: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape],
                roles: Sequence[Role]) -> int:
    """Where an item starts with the head left above it (its own start when there is none): the
    nearest headline above over by-line, date and short lines only, when the item starts with its
    by-line or date, or has none and the lines under that headline have one."""
    first = _meta(blocks[item.start].text, roles[item.start])
    if not first and any(_meta(blocks[k].text, roles[k]) for k in range(item.start, min(item.end, item.start + 3))):
        return item.start  # a head of its own: headline, by-line
    k = item.start
    while k - 1 >= floor and k - 1 in outside and item.start - (k - 1) <= HEAD and not shapes[k - 1].running:
        k -= 1
        under = range(k + 1, item.start)
        if not all(_meta(blocks[j].text, roles[j]) or _HANDLE.match(blocks[j].text) for j in under):
            return item.start  # a section label, a line of the page: no head of a story
        if _headline(roles[k], shapes[k]) and (first or under):
            return k
    return item.start


_TAIL = re.compile(  # the site's own lines under the last item of a page: they start a tail that is not the item's
    r"^(?:« ?)?(?:older|newer) (?:entries|posts|news|articles)\b|^comments are closed\b|^\d+ (?:comments?|thoughts on|responses?|replies)\b"
    r"|^(?:leave a (?:reply|comment)|post a comment|comments?|recent comments)\W*$|^posted in\b.*\btagged\b|^(?:tags|tagged|filed under)\s*:"
    r"|\bregistered (?:charity|company|office|in england)\b|^sign up\b.*\bnewsletter\b|\bnewsletter\b.*\bsign up\b"
    r"|\b(?:privacy|cookies|terms)\b.*[·|].*\b(?:privacy|cookies|terms|accessibility)\b",
    re.IGNORECASE,
)


def _tail(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> int:
    """Where an item ends without the site's own lines at its foot (its own end when there are
    none): the first line, after the item's text has begun, that is the site's — an "Older entries"
    link, a comments heading, "Posted in … | Tagged …", a newsletter sign-up, a footer row — and
    is no running text, with everything under it."""
    text = next((k for k in range(item.start, item.end) if shapes[k].running), item.end)
    for k in range(text + 1, item.end):
        if not shapes[k].running and _TAIL.search(blocks[k].text):
            return k
    return item.end


def attach(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
           left: Sequence[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items of a segment with their edges mended (a head left above taken in, a tail of the
    site's own lines let go), and the lines left outside: less those taken in, with those let go."""
    index = {b.line: k for k, b in enumerate(blocks)}
    outside = {index[d.line] for d in left if d.line in index and d.text == blocks[index[d.line]].text}
    out = list(found)
    cut: list[Debris] = []
    for i, item in enumerate(out):
        floor = out[i - 1].end if i else 0
        start = _head_above(item, floor, outside, blocks, shapes, roles)
        end = _tail(item, blocks, shapes)
        if (start, end) != (item.start, item.end):
            first, last = blocks[start].line, blocks[end - 1].line
            out[i] = replace(item, start=start, end=end, doubts=tuple(d for d in item.doubts if first <= d[0] <= last))
            cut += [Debris(b.line, b.text, "site furniture: the site's own lines under the item's text") for b in blocks[end : item.end]]
    taken = {blocks[k].line for item in out for k in range(item.start, item.end)}
    return out, [d for d in left if d.line not in taken] + cut
