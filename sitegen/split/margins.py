"""Lines at an item's edges that the line tagger put on the wrong side: judged on whole items, after
the cut.

Owns `attach(found, blocks, shapes, roles, left)`: the items of a segment with their edges mended —

- a head left above an item: an item that starts with its by-line or date, or with text and no
  by-line of its own, widened up over the headline left right above it and the by-line, date or
  handle lines under that headline ("Retro handheld gets a price cut" / "By NAME published 5
  hours ago" over the story's first paragraph; a review's title over its reviewer's handle), at
  most `HEAD` lines, none of them running text, none inside another item. A section label or a
  line of the page between the two keeps them apart (a kicker is the page's, not the item's);
- a date line left under an item: a short line dated ("3 March 2027", "2026.12.02 | 142 comments",
  "Updated 07:42, Thursday 3 December") right under the item's text, outside every item, no
  farther from it than from the line below and not one of a list of dates, when the item has no
  date at its head and none is left above the segment's first item (a
  teaser dated under its text, as listings print them; a page that dates its items above their
  headlines has the date in each head or over the first) — taken in;
- a signature cut from its item: a by-line the tagger made the start of the next item ("Reviewed by
  NAME, head of chemistry, …" over the next review's headline, or alone) given back to the item right
  above it, when that one has no by-line of its own;
- a signature left under its item: a dash before a first name or initials ("— R.K.") right under
  the item's text, outside every item, with the next item or no more text under it — taken in;
- a head cut from its story: an item that is only a headline (and its standfirst) right above an
  item that starts with its by-line or date is that item's head — the two are one item;
- end matter left under an item: the lines under its text, outside every item, down to a bio or a
  signature that names a writer of the item's by-line ("Words: NAME" at its head, then "NAME is a
  freelance health writer" a line or two under its last paragraph), and the item's licence line right
  under that — taken in (the same writer named again ties them to the item; none of the site's
  lines or a headline between);
- a licence left under an item that names it ("This post and the worksheet are licensed under CC
  BY-SA 4.0", "This letter may be shared freely"), a few short lines under its text at most (a
  sign-off between) — taken in; a statement about the site's whole content ("Content on this blog
  is licensed …") is the site's and stays out;
- a field left under teasers: a short "Label: value" line right under a teaser's text, outside
  every item, with the next item (or the segment's end) right under it, when the same label stands
  so under another teaser of the page ("Danger at alpine: Considerable (3)", "Salary: …") — taken
  in (a teaser holds its lines down to its "Read more", which the segmenter took out);
- a date row left above teasers: where the page dates its items above their headlines with their
  section (the first item and another, "DECEMBER 16, 2024 | SEASON"), that row right over an item's
  headline, outside every item — taken in (a date alone there is a day's heading over its posts);
- an image's alt text opening an item over its headline ("Image: A row of mailboxes …", a listing's
  thumbnail) — let go;
- a section's label in capitals opening an item over its headline in mixed case ("THE BIG STORY"
  over "Shelf Life is closing. We should have seen it coming.") — let go (a head in capitals over
  a field, a date or a sentence is the item's own: "CHAMDOR INDUSTRIAL: FEEDER TRIPPED");
- a tail of the site's own text kept under an item's text: from the first line that is the
  site's — an "Older entries" link, a comments heading, "Posted in … | Tagged …", a newsletter
  sign-up, a row of policy links, the heading of a list of the site's other pages ("More letters",
  "Previous press releases", "Page 1 of 14"), or a statement about the site or the body behind it,
  running text or not ("… is a registered charity", "This newsletter is produced for members", "Skimmer
  is published quarterly", an acknowledgement of the land's traditional custodians,
  "… is independent and not affiliated with any park") — to the item's end, those lines leave the
  item as site furniture (the item's own © or permission line above them stays).

The tagger reads each line with a few neighbours; seen whole, a headline over a by-line over text
is one item, and a footer under the last story is not part of it. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split import peers
from sitegen.split.boundary import Item
from sitegen.split.dates import dated, time_stamp
from sitegen.split.flags import alt_text
from sitegen.split.postfeet import day_heading
from sitegen.split.releases import about_heading, notes_heading
from sitegen.split.roles import COMMENT_FORM, FIELD, LOCATION, LineShape, Role, bio_names, byline_names, date_line, group_byline, is_label, signature
from sitegen.split.text import Block, Debris, caps_label
from sitegen.split.writers import first_name_signature

HEAD = 4  # the lines of a head left above an item: a headline and up to three lines under it
WRITER_REACH = 4  # a bio or signature naming the item's writer this many lines under its end at most
_META = (Role.BYLINE, Role.DATELINE)
_SCORE = re.compile(r"\b\d{1,3} ?[-–] ?\d{1,3}\b")  # "61 – 88", "3–0"
NAME_WORDS = 6  # a place's or a business's name is at most this many words
DATED_MAX = 80  # a dated line under a teaser or over its text is shorter
FIELD_MAX = 80  # a teaser's field ("Danger at alpine: High (4)") is shorter
TEASER_LINES = 4  # a teaser has at most this many lines before its field
LABELLED_HEAD = 16  # the headline under a section's label in capitals is at most this long
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_EVENT_ROLE = re.compile(  # the label of an event's person: "Speaker:", "Chair:"
    r"^(?:speakers?|chairs?|presenters?|hosts?|facilitators?|lecturers?|panell?ists?|moderators?|convenors?|preachers?)\s*:\s+\S", re.IGNORECASE
)
_ROW_MARK = re.compile(r"\s[|·•]\s")  # between the parts of a row
_POSTED_BY = re.compile(r"^(?:posted|published)\b.{0,40}\bby\s+\S", re.IGNORECASE)  # "Posted on 2 February 2026 by NAME": a post's row
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|[ap]m\b)|\b\d{1,2}:\d{2}\b")  # "4:12 pm", "18:40"
_HANDLE = re.compile(r"^(?:[a-z][\w.]*|\w*[_\d]\w*)$")  # a reviewer's handle: one word, "tiagoandsofia", "Hamburg_Heike"


def _meta(text: str, role: Role) -> bool:
    """A by-line naming people or a date line (a section label given the role of a by-line is neither)."""
    return role in _META and len(text) <= 200 and (date_line(text) or bool(byline_names(text)))


def _dated(text: str, s: LineShape) -> bool:
    """A short line that dates an item (alone or with its time, place or counters), no sentence."""
    return len(text) <= DATED_MAX and not s.running and (date_line(text) or bool(dated(text)))


def _stamp(text: str, s: LineShape) -> bool:
    """A short line that gives a time of day: a feed's "18:02 IST | States", "March 20, 2025, 4:12 pm"."""
    return len(text) <= DATED_MAX and not s.running and (time_stamp(text) or bool(_CLOCK.search(text)) and _dated(text, s))


def _date_row(text: str, s: LineShape) -> bool:
    """A teaser's row of its date and its section ("DECEMBER 16, 2024 | SEASON") or its poster ("Posted
    on 2 February 2026 by NAME"), or its time of day, not a day's heading over the posts of that day
    ("Sunday, 22 February 2026")."""
    return _dated(text, s) and bool(_ROW_MARK.search(text) or _POSTED_BY.match(text)) or _stamp(text, s)


def _day_header(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """The item opens with a blog's date header: a bare date ("Tuesday, 10 March 2026"), a blank
    line under it, then the post's headline over running text."""
    k = item.start
    text = blocks[k].text
    if item.end - k <= 2 or not day_heading(text) or _date_row(text, shapes[k]):
        return False  # (a date and nothing else: not "Posted on 9 February 2026 by …", not "Updated: Feb 19, 2025 08:41 IST")
    return _gap(blocks, k + 1) > 1 and roles[k + 1] is Role.TITLE and any(s.running for s in shapes[k + 2 : item.end])


def _named_field(text: str, s: LineShape) -> bool:
    """A field of an event's head naming its person: "Speaker: Dr Farah Aziz (Universiti Sains Tanah Melayu)"."""
    if s.running or len(text) > DATED_MAX or not _EVENT_ROLE.match(text):
        return False
    value = _BRACKETS.sub("", text.split(":", 1)[1]).strip()
    return bool(value) and bool(byline_names(value, after_title=True))


def _opens_dated(text: str, s: LineShape) -> bool:
    """A short line that opens with its date: an event's "Saturday, March 27, 8 a.m.–noon, Courthouse
    square" under its headline (a headline ending on a date, "River clean-up, Saturday 12 December", is none)."""
    found = dated(text) if len(text) <= DATED_MAX and not s.running else None
    return bool(found) and len(text[: found.start()].split()) <= 1


def _score(text: str, s: LineShape) -> bool:
    """A match report's score line under its headline and date: "Durham Palatinates 61 – 88 Hull Harbour Hawks"."""
    return len(text) <= DATED_MAX and not s.running and bool(_SCORE.search(text)) and not dated(text)  # not "11–12 June"


def _located(text: str, s: LineShape) -> bool:
    """A directory card's address row under its name: a distance ("Quay Lane, Kendlesham · 0.4 miles") or
    a postcode ("Church Road, Lower Ashcombe KN5 3DJ") on a short line that is no sentence."""
    return len(text) <= DATED_MAX and not s.running and s.final not in (".", "!", "?") and bool(LOCATION.search(text))


def _name_line(text: str, s: LineShape) -> bool:
    """A short line that may name a place or a business: a few words, no sentence, no field."""
    return (not s.running and 1 <= s.words <= NAME_WORDS and s.final not in (".", ":", ";", ",", "?", "!") and not date_line(text)
            and not FIELD.match(text))


def _headline(role: Role, s: LineShape) -> bool:
    """A line that reads as a headline: given the role, or a line of several words that is no sentence."""
    return role is Role.TITLE or role in (Role.BODY, Role.STANDFIRST) and not s.running and s.words >= 4 and s.final not in (".", ":", ";", ",")


def _head_above(item: Item, floor: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape],
                roles: Sequence[Role]) -> int:
    """Where an item starts with the head left above it (its own start when there is none): the
    nearest headline above over by-line, date and short lines only, when the item starts with its
    by-line or date (or a line that opens with its date, or a match's score), or has none and the
    lines under that headline have one."""
    text, s = blocks[item.start].text, shapes[item.start]
    if _opens_with_date(item, blocks, shapes, roles) and not FIELD.match(blocks[item.start + 1].text):
        return item.start  # a date row over the item's own headline ("Media release · February 9, 2026"): its head is whole
        # (not over a record's field: "Report Received Date: FEB 27, 2025" / "Components: FUEL SYSTEM")
    first = _meta(text, roles[item.start]) or _opens_dated(text, s) or _score(text, s) or _named_field(text, s) or alt_text(text)
    if not first and _located(text, s):  # a directory card's address row: its name is the line right above
        k = item.start - 1
        return k if k >= floor and k in outside and _name_line(blocks[k].text, shapes[k]) else item.start
    if not first and any(_meta(blocks[k].text, roles[k]) for k in range(item.start, min(item.end, item.start + 3))):
        return item.start  # a head of its own: headline, by-line
    k = item.start
    while k - 1 >= floor and k - 1 in outside and item.start - (k - 1) <= HEAD and not shapes[k - 1].running:
        k -= 1
        under = range(k + 1, item.start)
        if not all(_meta(blocks[j].text, roles[j]) or _HANDLE.match(blocks[j].text) or alt_text(blocks[j].text) for j in under):
            return item.start  # a section label, a line of the page: no head of a story
        if _headline(roles[k], shapes[k]) and (first or under) and not group_byline(blocks[k].text) and not alt_text(blocks[k].text) and (
                not COMMENT_FORM.match(blocks[k].text.strip())):
            return k  # (not a desk's credit closing the item above: "Express News Service"; not a thumbnail's alt text; not "Post a Comment")
    return item.start


def _date_under(item: Item, limit: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape]) -> int:
    """Where an item ends with the date line left right under it (its own end when there is none):
    the line under its last, outside every item and above `limit` (the next item), dated, when no
    line of the item's head is dated (then the date under it would be the next item's)."""
    k = item.end
    if k >= limit or k not in outside or not shapes[k - 1].running or not _dated(blocks[k].text, shapes[k]):
        return item.end
    if any(_dated(blocks[j].text, shapes[j]) for j in range(item.start, min(item.end, item.start + 3))):
        return item.end
    if k + 1 < len(blocks) and (_gap(blocks, k + 1) < _gap(blocks, k) or _dated(blocks[k + 1].text, shapes[k + 1])):
        return item.end  # a day's heading over the items below it, set apart from the text above; a list of dates
    return k + 1


def _writer_below(item: Item, limit: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape],
                  roles: Sequence[Role]) -> int:
    """Where an item ends with its end matter left under it (its own end when there is none): the
    lines under it, outside every item and above `limit` (the next item), down to a bio or a
    signature naming a writer of its by-line ("Words: NAME" at its head, "NAME is a freelance health
    writer" under its text), at most `WRITER_REACH` lines down, none of them the site's or a
    headline — and the item's licence line right under that."""
    head = range(item.start, min(item.end, item.start + HEAD + 1))
    writers = {n.casefold() for k in head if roles[k] is Role.BYLINE for n in byline_names(blocks[k].text, after_title=True) or ()}
    if not writers:
        return item.end
    for k in range(item.end, min(limit, item.end + WRITER_REACH)):
        text, s = blocks[k].text, shapes[k]
        if k not in outside or _site_line(text, s) or roles[k] is Role.TITLE and not s.running:
            break
        named = bio_names(text) or (signature(text) if not s.running else None) or ()
        if writers & {n.casefold() for n in named}:
            end = k + 1
            return end + 1 if end < limit and end in outside and roles[end] is Role.LICENCE else end
    return item.end


def _signed_below(item: Item, limit: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape]) -> int:
    """Where an item ends with its writer's signature left right under its text (its own end when
    there is none): a dash before a first name or initials ("— R.K.", "— Bill"), outside every item,
    with the next item, the segment's end or no more text right under it — a guide's entries, a
    column's short notes, each signed at its foot."""
    k = item.end
    if k >= limit or k not in outside or first_name_signature(blocks[k].text) is None:
        return item.end
    if not (shapes[k - 1].running or shapes[k - 1].final in (".", "!", "?")):
        return item.end  # (under a sentence: "Thank you to every single person who bought a raffle ticket." / "— Kath x")
    return k + 1 if k + 1 >= limit or not shapes[k + 1].running else item.end


def _fields_under(out: Sequence[Item], outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape]) -> dict[int, int]:
    """The items (by position) that end with a field of the page's teasers left right under them:
    a short "Label: value" line, no sentence, no image's alt text and none of the site's, under a teaser's running text,
    with the next item or the segment's end right under it, its label standing so under two teasers
    or more. Returns the new end of each."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, item in enumerate(out):
        k = item.end
        limit = out[i + 1].start if i + 1 < len(out) else len(blocks)
        if k + 1 != limit or k not in outside or item.end - item.start > TEASER_LINES or not shapes[k - 1].running:
            continue
        text, s = blocks[k].text, shapes[k]
        field = len(text) <= FIELD_MAX and not s.sentence and FIELD.match(text)  # "Danger at alpine: Considerable (3)"
        if field and not alt_text(text) and not _site_line(text, s) and _gap(blocks, k) <= _gap(blocks, k - 1) + 1:
            found.setdefault(text.split(":", 1)[0].casefold(), []).append((i, k + 1))
    return {i: end for places in found.values() if len(places) >= 2 for i, end in places}


def _alt_over_head(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> bool:
    """The item opens with an image's alt text over its headline (a listing's thumbnail): the
    item starts at the headline."""
    return item.end - item.start >= 3 and alt_text(blocks[item.start].text) and peers.head_like(
        blocks[item.start + 1].text, shapes[item.start + 1])


def _label_over_head(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """The item opens with a section's label in capitals over a headline in mixed case ("THE BIG
    STORY" over "Shelf Life is closing. We should have seen it coming.", "FROM THE ARCHIVE" over
    "When the Vale nearly went to Wembley"), the headline over its by-line, date or text: the item
    starts at the headline. A head in capitals over a field or a sentence is the item's own."""
    if item.end - item.start < 3:
        return False
    if not caps_label(blocks[item.start].text):
        return False
    head, h = blocks[item.start + 1].text.strip(), shapes[item.start + 1]
    return (not head.isupper() and roles[item.start + 1] in (Role.TITLE, Role.STANDFIRST) and 2 <= h.words <= LABELLED_HEAD
            and h.final not in (",", ":", ";") and ":" not in " ".join(head.split()[:3]) and not dated(head) and not is_label(head, h))


def _alt_under(item: Item, limit: int, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> int:
    """Where an item ends without the next item's kicker at its foot: an image's alt text as its
    last line or last but one, then a label of the page ("ESSAY", in the item or left outside) and
    the next item's headline — the picture and label over the next teaser (its own end when there
    are none; an image's line right over the next headline is the item's own picture's caption)."""
    for k in (item.end - 2, item.end - 1):  # the label in the item, or left outside before the next item
        labels = range(k + 1, limit)
        if k > item.start + 1 and labels and len(labels) <= 2 and alt_text(blocks[k].text) and all(
                is_label(blocks[j].text, shapes[j]) for j in labels):
            return k
    return item.end


_THIS_ITEM = re.compile(  # a licence that names the item it is under: "This post and the worksheet are licensed under …"
    r"^(?:this|the above) (?:\w+ )?(?:post|story|article|letter|report|interview|piece|essay|column|review|feature|guide|translation)s?\b",
    re.IGNORECASE,
)


def _licence_below(item: Item, limit: int, outside: set[int], blocks: Sequence[Block], shapes: Sequence[LineShape],
                   roles: Sequence[Role]) -> int:
    """Where an item ends with its own licence statement left under it (its own end when there is
    none): a licence line that names the item ("This post …", "This letter may be shared freely …")
    under its text, at most `WRITER_REACH` lines down, outside every item and above `limit` (the
    next item), with only short lines between (a sign-off, a count of signatories), none the site's.
    A statement about the site's whole content ("Content on this blog is licensed …") is the site's."""
    if not any(shapes[k].running for k in range(item.start, item.end)):
        return item.end
    for k in range(item.end, min(limit, item.end + WRITER_REACH)):
        text, s = blocks[k].text, shapes[k]
        if k not in outside or _site_line(text, s):
            break
        if roles[k] is Role.LICENCE and _THIS_ITEM.match(text):
            return k + 1
        if s.running:
            break
    return item.end


def _signatures_given_back(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[Item]:
    """The items, a by-line the tagger made the start of the next item given back to the item right
    above it when that one has none of its own: a review signed at its foot ("Reviewed by NAME, head
    of chemistry, …") over the next review's headline, or alone under its text."""
    out: list[Item] = []
    for item in found:
        above = out[-1] if out else None
        k = item.start
        if (
            above is not None and above.end == k and roles[k] is Role.BYLINE and not shapes[k].running
            and byline_names(blocks[k].text) and (item.end == k + 1 or roles[k + 1] is Role.TITLE and not shapes[k + 1].running
                                                  and not _dated(blocks[k].text, shapes[k]))  # ("NAME · 8 Mar 2026" heads the teaser under it)
            and not any(roles[j] is Role.BYLINE or byline_names(blocks[j].text, after_title=True) for j in range(above.start, above.end))
        ):
            out[-1] = replace(above, end=k + 1)
            if item.end == k + 1:
                continue
            item = replace(item, start=k + 1, doubts=tuple(d for d in item.doubts if d[0] != blocks[k].line))
        out.append(item)
    return out


def _heads_joined(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[Item]:
    """The items, an item that is only a headline and its standfirst joined to the item right under
    it when that one starts with its by-line or date: the story's head cut from its text."""
    out: list[Item] = []
    for item in found:
        above = out[-1] if out else None
        if (
            above is not None and above.end == item.start and item.start - above.start <= HEAD - 1
            and _headline(roles[above.start], shapes[above.start])
            and all(roles[k] is Role.STANDFIRST for k in range(above.start + 1, above.end))
            and _meta(blocks[item.start].text, roles[item.start])
        ):
            out[-1] = replace(above, end=item.end, confidence=min(above.confidence, item.confidence),
                              doubts=above.doubts + tuple(d for d in item.doubts if d[0] != blocks[item.start].line))
            continue
        out.append(item)
    return out


def _gap(blocks: Sequence[Block], k: int) -> int:
    """How far line k stands from the line before it: 1 right under it, more across blank lines."""
    return blocks[k].line - blocks[k - 1].line - blocks[k].removed_before


_TAIL = re.compile(  # the site's own lines under the last item of a page: they start a tail that is not the item's
    r"^(?:« ?)?(?:older|newer) (?:entries|posts|news|articles)\b|^comments are closed\b|^\d+ (?:comments?|thoughts on|responses?|replies)\b"
    r"|^(?:leave a (?:reply|comment)|post a comment|comments?|recent comments)\W*$|^posted in\b.*\btagged\b|^(?:tags|tagged|filed under)\s*:"
    r"|\bregistered (?:charity|company|office|in england)\b|^sign up\b.*\bnewsletter\b|\bnewsletter\b.*\bsign up\b"
    r"|\b(?:privacy|cookies|terms)\b.*[·|].*\b(?:privacy|cookies|terms|accessibility)\b",
    re.IGNORECASE,
)
_COUNT = (  # "48 views", "♡ 12", "★ 41 interested"
    r"(?:(?:[★☆♡♥❤]\s*)?\d[\d,.]*k?\s+(?:views?|reads?|likes?|comments?|shares?|replies|reactions?|interested|going|attending)"
    r"|[♡♥❤]\s*\d[\d,.]*k?)"
)
_COUNTS_ROW = re.compile(  # a post's or an event's counters under it, no name or date: "48 views · 3 comments   ♡ 12"
    rf"^{_COUNT}(?:\s*[·|•]?\s*{_COUNT})*\s*$", re.IGNORECASE
)
_REGISTERED = re.compile(r"registered (?:charity|company|office|in england)\b|charitable incorporated organisation\b", re.IGNORECASE)
_THIS_SITE = re.compile(  # "This newsletter is produced for members", "The Bulletin is edited by …"
    r"^(?:this|the) (?:site|website|newsletter|bulletin|digest|journal) is (?:run|produced|published|sent|edited|an?)\b", re.IGNORECASE
)
_SITE_IS = re.compile(  # "PlayWire is a service of …", "Coaster Chronicle is independent and not affiliated with any park"
    r" is (?:a service of|a trading name of|independent and not affiliated|an independent (?:newsletter|website|site|publication))\b",
    re.IGNORECASE,
)
_MORE = re.compile(  # the heading of a list of the site's other pages: "More letters", "Previous press releases", "Trending on X"
    r"(?:^|[|·]\s*)(?:more|previous|other|latest|recent) (?:\w+ )?(?:news|stories|letters|articles|posts|press releases|releases"
    r"|updates|reviews|features)\s*$|^(?:also on this day|also from this (?:source|author|organi[sz]ation)|trending(?: now| on\b.*)?|page \d+ of \d+\b.*|related links?\b.*)$",
    re.IGNORECASE,
)
_PUBLISHED_EVERY = re.compile(  # "Skimmer is published quarterly": the newsletter about itself
    r" is published (?:quarterly|monthly|weekly|fortnightly|annually|yearly|twice|three times|four times|bi-?monthly|every)\b",
    re.IGNORECASE,
)
_COUNTRY = re.compile(r"\backnowledges? (?:the )?traditional (?:custodians|owners)\b", re.IGNORECASE)  # an Acknowledgement of Country
TAIL_HEADING_MAX = 60  # such a heading is short


def _site_line(text: str, s: LineShape, *, registered: bool = True) -> bool:
    """A line of the site's own under an item's text: a link or heading of the page ("Older entries",
    "Posted in … | Tagged …", "More letters", "Page 1 of 14"), or a statement about the site or the
    body that runs it ("This newsletter is produced for members", with `registered` "… is a
    registered charity")."""
    if (registered and ("egistered" in text or "haritable" in text) and _REGISTERED.search(text) or _THIS_SITE.match(text) or (
        " is " in text and _SITE_IS.search(text)
    ) or " published " in text and _PUBLISHED_EVERY.search(text) or "raditional" in text and _COUNTRY.search(text)):
        return True  # a statement about the site, running text or not (the cheap tests first: every line of an item is read)
    return not s.running and (bool(_TAIL.search(text) or _COUNTS_ROW.match(text)) or len(text) <= TAIL_HEADING_MAX and bool(_MORE.search(text)))


def _tail(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> int:
    """Where an item ends without the site's own lines at its foot (its own end when there are
    none): the first line, after the item's text has begun, that is the site's — an "Older entries"
    link, a comments heading, "Posted in … | Tagged …", a newsletter sign-up, a footer row, "More
    letters" (`_site_line`) —, with everything under it. Under a release's notes to editors or its "About X", what
    they say of the body that issues it ("1. Eastside is a registered charity …") is the
    release's."""
    text = next((k for k in range(item.start, item.end) if shapes[k].running), item.end)
    notes = False
    for k in range(text + 1, item.end):
        notes = notes or notes_heading(blocks[k].text) or about_heading(blocks[k].text)
        if _site_line(blocks[k].text, shapes[k], registered=not notes):
            return k
    return item.end


def _opens_with_date(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """The item opens with a dated line right over a headline (the tagger's start, on a date row)."""
    k = item.start
    return item.end - k > 2 and _dated(blocks[k].text, shapes[k]) and roles[k + 1] is Role.TITLE


def _dates_below(out: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
                 outside: set[int]) -> bool:
    """The page dates its teasers under their text ("Photo: NAME · 16 May 2025" under each): the last
    item ends on a date row (where the page dates items above their headlines, the last ends on
    text), the first opens with its headline, not a date row, and fewer items have a date row over
    their headline (opening them, or left outside right above) than end dated with no item right under (a listing's
    "Closes 21 March 2025" under the page's last few items is no sign of its dated teasers above)."""
    def ends_dated(it: Item) -> bool:
        return it.end - it.start > 2 and _dated(blocks[it.end - 1].text, shapes[it.end - 1])

    if not out or not ends_dated(out[-1]) or _opens_with_date(out[0], blocks, shapes, roles):
        return False
    starts = {it.start for it in out}
    above = sum(1 for it in out if _opens_with_date(it, blocks, shapes, roles)
                or it.start - 1 in outside and _date_row(blocks[it.start - 1].text, shapes[it.start - 1]))
    return above < sum(1 for it in out if ends_dated(it) and it.end not in starts)  # (a row right over the next headline tells neither)


def _lone_dates(out: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], above: bool) -> list[Item]:
    """The items with an item that is only a dated line ("Returned 26 Feb 2027 · Loans this year: 4")
    joined to the item it dates: the one under it on a page that dates its items above them, else
    the one above it (no text of its own: no item)."""
    items: list[Item] = []
    pending: Item | None = None  # a lone date waiting for the item under it
    for item in out:
        lone = item.end - item.start == 1 and _dated(blocks[item.start].text, shapes[item.start])
        if pending is not None:
            item = replace(item, start=pending.start) if pending.end == item.start else item
            if item.start != pending.start:
                items.append(pending)
            pending = None
        if lone and above:
            pending = item
        elif lone and items and items[-1].end == item.start:
            items[-1] = replace(items[-1], end=item.end)
        else:
            items.append(item)
    if pending is not None:
        items.append(pending)
    return items


def _dates_given_back(out: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[Item]:
    """The items with each date row the tagger put over a headline given back to the item right above,
    whose text it closes (that item ending on text, not on a date of its own)."""
    items = list(out)
    for i in range(1, len(items)):
        item, above = items[i], items[i - 1]
        k = item.start
        if _opens_with_date(item, blocks, shapes, roles) and above.end == k and not _dated(blocks[k - 1].text, shapes[k - 1]):
            items[i - 1] = replace(above, end=k + 1)
            items[i] = replace(item, start=k + 1, doubts=tuple(d for d in item.doubts if d[0] != blocks[k].line))
    return items


def attach(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
           left: Sequence[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items of a segment with their edges mended (a head left above taken in, a tail of the
    site's own lines let go), and the lines left outside: less those taken in, with those let go."""
    index = {b.line: k for k, b in enumerate(blocks)}
    outside = {index[d.line] for d in left if d.line in index and d.text == blocks[index[d.line]].text}
    out = _heads_joined(_signatures_given_back(found, blocks, shapes, roles), blocks, shapes, roles)
    cut: list[Debris] = []
    top = out[0].start - 1 if out else -1
    below = _dates_below(out, blocks, shapes, roles, outside)
    opened = bool(out) and not below and _date_row(blocks[out[0].start].text, shapes[out[0].start]) and (
        out[0].end - out[0].start > 2 and roles[out[0].start + 1] is Role.TITLE  # the first item opens with its date row over its headline
        or out[0].end - out[0].start == 1 and len(out) > 1 and out[1].start == out[0].end and roles[out[1].start] is Role.TITLE
    )  # or the row is an item of its own right over the next one's headline
    dated_above = opened or (  # the page dates its items above them (the first item's date row outside it, or opening it)
        top >= 0 and top in outside and (_dated(blocks[top].text, shapes[top]) or _stamp(blocks[top].text, shapes[top]))
    )
    fields = _fields_under(out, outside, blocks, shapes)
    ends = {it.end - 1 for it in out if it.end - it.start > 2}  # items' last lines (the tagger may end an item on the next one's date row)
    dates_above = dated_above and not below and (opened + sum(  # the page dates each item above its headline: those dates are the items'
        1 for it in out if (it.start - 1 in outside or it.start - 1 in ends) and _date_row(blocks[it.start - 1].text, shapes[it.start - 1])) >= 2
        or len(out) == 1 and top >= 0 and all(alt_text(blocks[j].text) for j in range(top))
        and out[0].end - out[0].start <= TEASER_LINES)  # a teaser alone, its date opening the segment (under its thumbnail's alt text)
    out = _lone_dates(out, blocks, shapes, dates_above)
    if below and not dates_above:
        out = _dates_given_back(out, blocks, shapes, roles)
    for i, item in enumerate(out):
        floor = out[i - 1].end if i else 0
        limit = out[i + 1].start if i + 1 < len(out) else len(blocks)  # the next item
        start = _head_above(item, floor, outside, blocks, shapes, roles)
        k = item.start - 1
        if start == item.start and dates_above and k >= floor and k in outside and _date_row(blocks[k].text, shapes[k]):
            start = k  # "DECEMBER 16, 2024 | SEASON" over the teaser's headline: its date line
        elif start == item.start and dates_above and i and k == out[i - 1].end - 1 and k in ends and _date_row(blocks[k].text, shapes[k]):
            start = k  # "IMPACT · 22 May 2025" ending the teaser above: the next one's date line
            out[i - 1] = replace(out[i - 1], end=k)
        if start == item.start and _alt_over_head(item, blocks, shapes):
            start += 1
            cut.append(Debris(blocks[item.start].line, blocks[item.start].text, "an image's alt text over the item's headline"))
        elif start == item.start and _day_header(item, blocks, shapes, roles):
            start += 1
            cut.append(Debris(blocks[item.start].line, blocks[item.start].text, "a blog's date header set apart over the post's headline"))
        elif start == item.start and _label_over_head(item, blocks, shapes, roles):
            start += 1
            cut.append(Debris(blocks[item.start].line, blocks[item.start].text, "a section's label over the item's headline"))
        end = _tail(item, blocks, shapes)
        if end == item.end:
            end = _writer_below(item, limit, outside, blocks, shapes, roles)
        if end == item.end:
            end = _signed_below(item, limit, outside, blocks, shapes)
        if end == item.end:
            end = _licence_below(item, limit, outside, blocks, shapes, roles)
        if end == item.end and not dated_above:
            end = _date_under(item, limit, outside, blocks, shapes)
        if end == item.end:
            end = fields.get(i, end)
        why = "site furniture: the site's own lines under the item's text"
        if end == item.end and (end := _alt_under(item, limit, blocks, shapes)) != item.end:
            why = "an image's alt text over the next item's headline"
        if (start, end) != (item.start, item.end):
            first, last = blocks[start].line, blocks[end - 1].line
            out[i] = replace(item, start=start, end=end, doubts=tuple(d for d in item.doubts if first <= d[0] <= last))
            cut += [Debris(b.line, b.text, why) for b in blocks[end : item.end]]
    taken = {blocks[k].line for item in out for k in range(item.start, item.end)}
    return out, [d for d in left if d.line not in taken] + cut
