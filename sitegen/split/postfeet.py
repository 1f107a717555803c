"""A blog post's foot: its labels and share buttons end no item and start none.

Owns `trim(found, blocks, left)` and `poster(text)`. A blog's home page prints each post's foot
under its text, then the next post under the day's heading:

    — Gareth
    Posted by Gareth Lumb at 19:42 · 4 comments
    Labels: cairn, cist, Week 3
    Share to X · Share to Facebook · Email this
    Thursday, 17 July 2025
    Guest post: My first week with a trowel

The tagger, reading a few lines either side, takes "Labels: cairn, cist, Week 3" for the next
post's headline (a short line of capitalised words after a line that does not run on) and starts
an item there. `trim` takes such rows off an item's edges: at its start, the labels and share
rows, the posting line above them and the day's heading under them (a blog's day heading over a
post is the page's, not the post's); at its end, the labels and share rows. On a blog's page (two
posting lines or more, "Posted by NAME at 19:42") it also cuts an item under a posting line inside
it, takes a day's heading off any item's start, and makes the running text over a posting line
outside every item a post of its own ("Rained off. …" / "— Gareth"), named by that line; an item
over a posting line carries its name (the whole name of a first-name signature). The rows
taken off become debris saying why. A labels row inside an item (a post's source front matter)
stays. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item, PostHead, has_running_text
from sitegen.split.dates import date_of
from sitegen.split.meta import is_person_name
from sitegen.split.roles import labels_row
from sitegen.split.text import Block, Debris

BLOG_FEET = 2  # a page with this many posts' posting lines in a segment is a blog's
DAY_WORDS = 6  # a day's heading over a post has no more words ("Wednesday, 16 July 2025")
LEFT_OUT = 0.6  # how sure a post the tagger left out is an item (its posting line is evidence enough to show it)

_POSTED_AT = re.compile(r"^posted by (?P<who>.{2,60}?) at \d{1,2}[:.]\d{2}", re.IGNORECASE)  # "Posted by NAME at 19:42 · 4 comments"
_SHARE_WORDS = frozenset(
    "share to on via this email e mail x twitter facebook pinterest whatsapp linkedin blogthis print reddit tweet copy link"
    " threads bluesky".split()
)
_CHECK = "a post found over its posting line, outside every item the tagger found; check where it starts"
_WORD = re.compile(r"[^\W\d_]+")
_WHY = "a blog post's foot (its labels, share buttons or posting line) or the day's heading over the next post"


def trim(found: Sequence[Item], blocks: Sequence[Block], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with the posts' feet taken off their edges (the rows appended to `left`); an item
    that was nothing but a foot is gone. On a blog's page (`BLOG_FEET` posting lines or more), an
    item is also cut under a posting line inside it (two posts the tagger ran together), and a
    day's heading at an item's start is taken off."""
    blog = sum(poster(b.text) is not None for b in blocks) >= BLOG_FEET
    out: list[Item] = []
    for whole in found:
        cuts = [k + 1 for k in range(whole.start, whole.end - 1) if blog and poster(blocks[k].text) is not None]
        for start, end in zip([whole.start, *cuts], [*cuts, whole.end]):
            item = whole if (start, end) == (whole.start, whole.end) else replace(whole, start=start, end=end)
            while start < end and (_foot(blocks[start].text) or poster(blocks[start].text) is not None):
                start += 1
            if (start > item.start or blog) and start + 1 < end and day_heading(blocks[start].text):
                start += 1  # the day's heading under the foot, over the next post's headline
            while end > start and _foot(blocks[end - 1].text):
                end -= 1
            left += [Debris(b.line, b.text, _WHY) for b in (*blocks[item.start : start], *blocks[end : item.end])]
            if start < end:
                out.append(item if (start, end) == (item.start, item.end) else replace(item, start=start, end=end))
    if blog:
        out += _left_out(out, blocks)
        out.sort(key=lambda it: it.start)
        taken = {blocks[j].line for it in out for j in range(it.start, it.end)}
        left = [d for d in left if d.line not in taken]
    return [_signed(item, blocks) for item in out], left  # (a post alone in its segment is signed by its posting line too)


def _left_out(found: Sequence[Item], blocks: Sequence[Block]) -> list[Item]:
    """The posts the tagger left out of every item on a blog's page: the running text over a posting
    line outside every item, up to the foot or the day's heading above it (an untitled notice:
    "Rained off. …" / "— Gareth" / "Posted by …"), named by the person its posting line names (the
    line itself, the post's foot, outside it)."""
    taken = {j for it in found for j in range(it.start, it.end)}
    out = []
    for k, block in enumerate(blocks):
        who = poster(block.text)
        if k in taken or who is None:
            continue
        start = k
        while start > 0 and start - 1 not in taken and not (_foot(blocks[start - 1].text) or day_heading(blocks[start - 1].text)
                                                           or poster(blocks[start - 1].text) is not None):
            start -= 1
        if start < k and has_running_text([b.text for b in blocks[start:k]]):
            head = PostHead((0, -1), who) if is_person_name(who) else None  # ("— Gareth" over "Posted by Gareth Lumb at …")
            out.append(Item(start, k, LEFT_OUT, ((blocks[start].line, _CHECK),), post=head))
    return out


def _signed(item: Item, blocks: Sequence[Block]) -> Item:
    """The item with the name of the posting line right under it, if one stands there (its foot:
    a signature "— Gareth" in the item is Gareth Lumb)."""
    who = poster(blocks[item.end].text) if item.end < len(blocks) else None
    return replace(item, signer=who) if who else item


def poster(text: str) -> str | None:
    """The name on a blog post's posting line ("Posted by Bryn Hughes at 18:20 · 3 comments"), or None."""
    posted = _POSTED_AT.match(text.strip())
    return posted.group("who").strip() if posted else None


def _foot(text: str) -> bool:
    """A labels row or a row of share buttons ("Share to X · Share to Facebook · Email this")."""
    text = text.strip()
    if labels_row(text):
        return True
    words = _WORD.findall(text.lower())
    return bool(words) and "share" in words and all(w in _SHARE_WORDS for w in words)


def day_heading(text: str) -> bool:
    """A day's heading: a date alone ("Thursday, 17 July 2025", "SUNDAY, 16 MARCH 2025")."""
    text = text.strip()
    return len(text.split()) <= DAY_WORDS and date_of(text) is not None
