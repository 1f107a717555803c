"""A page saved from a browser's reader view: one article, whatever its subheadings look like.

Owns `head(segment_blocks, roles, removed)` and `whole(found, head, blocks, left)`. A reader view
keeps one article of a page and drops the rest; saved as text it opens with the article's head as
the view prints it — the site's address, the headline, the writers, and the time it takes to read,
alone on a line ("7–9 minutes", Firefox's form):

    cellarboard.co.example
    New on the shelf: spring's launches, from sea-buckthorn gin to a £9
    alcohol-free vermouth
    Nadia Frost
    7–9 minutes

So the segment that opens so is one article from its headline down: a round-up's products, a
column's readers' letters, a case study's sections are its sections, however much each looks like
a headline over text of its own. What the page adds under the article ("You might also like", "More
from …") follows a separator, in a segment of its own, and stays apart. The reading time is
recognised once, near the top of the dump: a listing's teasers each carry their own, and a recipe's
"Cook time" over "25 minutes" has no headline above it. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item
from sitegen.split.roles import Role
from sitegen.split.text import Block, Debris

READING_TIME = re.compile(r"^\d{1,3}(?:\s?[–-]\s?\d{1,3})? minutes?$")  # "7–9 minutes", "1 minute"
TOP = 16  # the reading time is among the dump's first lines
AUTHOR_LINES = 3  # lines between the headline and the reading time at most (writers, a date)
HEADLINE_WORDS = 3  # a headline has this many words at least ("Cook time" is a label)
AGAIN = 3  # lines under the reading time where the headline may be printed again
HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")  # the site's address the view prints over the headline
_SITE_SUFFIX = re.compile(r" [|–—-] [^|–—]{1,40}$")  # the site's name after a page's title: " | The Vantage"
_AUTHOR_ROLES = (Role.BYLINE, Role.DATELINE)


def head(blocks: Sequence[Block], roles: Sequence[Role], removed: Sequence[Debris]) -> int | None:
    """The block of a reader view's headline, when the segment opens with a reader view's head
    (None otherwise)."""
    times = [b.line for b in blocks[: TOP] if b.line <= TOP and READING_TIME.match(b.text.strip())]
    times += [d.line for d in removed if d.line <= TOP and READING_TIME.match(d.text.strip())]
    if len(times) != 1 or any(READING_TIME.match(b.text.strip()) for b in blocks if b.line > times[0]):
        return None
    at = times[0]
    above = [k for k, b in enumerate(blocks) if b.line < at][::-1]  # the head's lines, nearest first
    site = next((n for n, k in enumerate(above) if HOST.match(blocks[k].text.strip())), None)
    if site is not None and site > 0:
        k = above[site - 1]  # the headline, right under the site's address
    else:
        k = _walked_up(blocks, roles, above)
        if k is None:
            return None
    if len(blocks[k].text.split()) < HEADLINE_WORDS or roles[k] is Role.BODY:
        return None
    return _printed_again(blocks, k, at)


def _walked_up(blocks: Sequence[Block], roles: Sequence[Role], above: Sequence[int]) -> int | None:
    """The headline over the reading time when no site's address heads the view: the first line up
    that is no writer, date or wrapped end of a headline."""
    for n, k in enumerate(above[: AUTHOR_LINES + 1]):
        if n < AUTHOR_LINES and (roles[k] in _AUTHOR_ROLES or blocks[k].text[:1].islower()):
            continue
        while k > 0 and blocks[k].text[:1].islower() and blocks[k - 1].line == blocks[k].line - 1:
            k -= 1  # (a headline wrapped over two lines starts on the first)
        return k
    return None


def _printed_again(blocks: Sequence[Block], k: int, at: int) -> int:
    """The headline's block: the page's title as the view heads it, or the article's headline printed
    again a few lines under the reading time ("From the archive: The Monday crowds of Leipzig | The
    Vantage", then "The Monday crowds of Leipzig" over the text), which the article starts on."""
    title = _SITE_SUFFIX.sub("", " ".join(blocks[k].text.split())).casefold()
    under = [j for j in range(k + 1, min(len(blocks), k + 2 + AUTHOR_LINES + AGAIN)) if blocks[j].line > at]
    return next((j for j in under[:AGAIN] if len(blocks[j].text.split()) >= HEADLINE_WORDS
                 and title.endswith(" ".join(blocks[j].text.split()).casefold())), k)

def whole(found: Sequence[Item], start: int, blocks: Sequence[Block], left: Sequence[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items of a reader view's segment, those from its headline (block `start`) down one
    article, flagged for review; the lines between them no longer left outside."""
    under = [it for it in found if it.end > start]
    if not under:
        return list(found), list(left)
    end = max(it.end for it in under)
    kept = [it for it in found if it.end <= start]
    inside = {blocks[k].line for k in range(start, end)}
    doubts = tuple(d for it in under for d in it.doubts if d[0] != blocks[it.start].line or it is under[0])
    joined = len(under) > 1 or under[0].start != start
    if joined:
        doubts += ((blocks[start].line, f"one article from its headline, as a reader view keeps one ({len(under)} items joined); "
                    "check nothing under it is another article"),)
    item = replace(under[0], start=start, end=end, confidence=min(it.confidence for it in under), doubts=doubts)
    return [*kept, item], [d for d in left if d.line not in inside]
