"""Items that go on past their end matter: cut where text starts again under it.

A column's end matter — the writer's bio ("Chen Mei-ling is a writer based in Chiayi."), a
translator's credit ("Translated by Eddy Lin"), a licence or republication statement — closes it;
running text right under that, in the same item, is the next item's (columns printed one after
another with no headline, no blank line between), and so is a headline over text. Owns
`cut(found, blocks, shapes, roles)`: each item cut at the first line of running text (or the
headline) under such end matter, when text of its own stands
above the end matter (a bio at the top of an item is its standfirst). Each cut is flagged for
review. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.boundary import Item, cut_at
from sitegen.split.flags import is_caption
from sitegen.split.meta import bio_names, translator_names
from sitegen.split.dates import dated
from sitegen.split.roles import LineShape, Role, byline_names
from sitegen.split.text import Block, caps_label

END_MAX = 300  # a line of end matter is no longer
TEXT_ABOVE = 2  # lines of text above end matter that closes an item (a standfirst and a credit are an item's head)
_NAME_GOES_ON = re.compile(r" [A-Z]")
NAMES_MAX = 60  # a notice's head of names is no longer
NOTICE_HEAD = 5  # its text starts within this many lines (the post, the company, the date between)
OPENING = 120  # and names them in its first characters
AFTER = 2  # text starts again under it: this many lines of running text (one is a disclaimer: "The views expressed are …")


def end_matter(text: str, s: LineShape, role: Role) -> bool:
    """A line that closes an item: a bio, a translator's credit, a licence statement (not an
    image's credit: "Photograph: … Reproduced with permission.")."""
    if s.chars > END_MAX or is_caption(text):
        return False
    return role is Role.LICENCE or bool(translator_names(text)) or bool(bio_names(text))


def _headed(k: int, end: int, shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """Line `k` heads an item of its own: a headline over its by-line or date line, with running text under them."""
    return (k + 2 < end and roles[k + 1] in (Role.BYLINE, Role.DATELINE) and not shapes[k + 1].running
            and roles[k + 2] in (Role.BODY, Role.STANDFIRST) and shapes[k + 2].running)


def _labelled_head(k: int, end: int, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """Line `k` is a label in capitals over a headline in mixed case over running text: a section of
    the page opening with its first item (an article's subheading stands over its text alone)."""
    return (k + 2 < end and caps_label(blocks[k].text) and roles[k + 1] is Role.TITLE and not shapes[k + 1].running
            and not blocks[k + 1].text.isupper() and not dated(blocks[k + 1].text) and shapes[k + 2].running
            and roles[k + 2] in (Role.BODY, Role.STANDFIRST))  # (a sign of the zodiac over its dates is a section: "ARIES", "March 21 – April 20")


def _named_head(k: int, end: int, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> bool:
    """Line `k` is a name alone (or two, or a name over the person's post) heading a notice about
    them: the first running line under it, within a few lines, opens with the first of them and names
    every one ("Priya Raman and Daniel Okafor were married …"; a letter's signature is followed by the
    next letter's text, or an imprint "on behalf of NAME", which do not)."""
    line = blocks[k].text
    if shapes[k].running or len(line) > NAMES_MAX or not line[:1].isupper() or line.lower().startswith("by "):
        return False  # (a signature "— NAME" or a by-line heads no notice)
    names = byline_names(line, after_title=True) or []
    text = next((j for j in range(k + 1, min(end, k + NOTICE_HEAD)) if shapes[j].running), None)
    if not names or text is None:
        return False
    opening = blocks[text].text[:OPENING]
    if opening.startswith(names[0]) and _NAME_GOES_ON.match(opening, len(names[0])):
        return False  # "Adamawa Flour Mills Plc has named …": a company's name, not a person's
    return opening.startswith(names[0].split()[0]) and all(name.split()[-1] in opening for name in names)


def cut(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[Item]:
    """The items, each cut at running text that starts again under its end matter."""
    out: list[Item] = []
    for item in found:
        starts = []
        text_above = 0  # lines of the item's own text since it (or the last piece) began
        closed = signed = False
        for k in range(item.start, item.end):
            s, role = shapes[k], roles[k]
            if closed and role is Role.TITLE and k + 1 < item.end and roles[k + 1] in (Role.BODY, Role.STANDFIRST):
                starts.append(k)  # a headline over text: the next item's head
                text_above, closed, signed = 0, False, False
            elif (closed or signed) and role is Role.TITLE and _headed(k, item.end, shapes, roles):
                starts.append(k)  # a headline over its own by-line or date and text: the next item's head
                text_above, closed, signed = 0, False, False
            elif closed and s.running and role in (Role.BODY, Role.STANDFIRST) and not end_matter(blocks[k].text, s, role):
                if sum(1 for j in range(k, min(item.end, k + AFTER)) if shapes[j].running and not end_matter(blocks[j].text, shapes[j], roles[j])) >= AFTER:
                    starts.append(k)  # a column's text, not a disclaimer's line under the bio
                text_above, closed = 1, False
            elif text_above >= TEXT_ABOVE and _labelled_head(k, item.end, blocks, shapes, roles):
                starts.append(k)  # "YOUR MEMORIES" over "The usherette who let us in for nothing" over text: a section of the page
                text_above, closed, signed = 0, False, False
            elif text_above >= 1 and role is Role.BYLINE and _named_head(k, item.end, blocks, shapes):
                starts.append(k)  # a notice headed by the people it is about: "Priya Raman, Daniel Okafor", then "Priya Raman and …"
                text_above, closed, signed = 0, False, False
            elif text_above >= TEXT_ABOVE and end_matter(blocks[k].text, s, role):
                closed = True
            elif text_above >= TEXT_ABOVE and role in (Role.BYLINE, Role.CREDIT) and not s.running:
                signed = True  # a signature under the text ("PressWorks staff"): only a whole head under it starts an item
            elif s.running and role is Role.BODY:
                text_above += 1
        if not starts:
            out.append(item)
            continue
        out += cut_at(item, starts, blocks, "new item cut where text starts again under the end matter above; check it is not the same article")
    return out
