"""Short items: whether a few lines with little running text are an item all the same.

Owns `head_of(texts, shapes, roles)`: the judgement on an item that has no running text
(`boundary.has_running_text`: no long line, no sentence of 40 characters among others) —
a teaser under its headline on a listing, tag or related page ("Westfield: Farmers market
returns to Main Street Saturdays", then "The market opens May 8 with 40 vendors."), a
results item (a heading over rows of scores or placings: `results`), a short notice or
event (a heading, its date and venue, a line about it). Such an item is kept when a
headline-shaped line heads it (the labels above it left out) and something of its own
stands under that line: a line of text (several words, a sentence or stop words enough to
be prose) or a row of figures. A headline with nothing under it, or only a date, a by-line
or other headlines (a "Most read" list, a video result), is furniture; so is a head or a
line of the site talking to its readers (sign up, sponsored, ©, an offer) or listing its items ("In this issue: …"), a commenter's
name and date, a menu row (`furniture` owns those recognisers, so the two judgements
agree). Also `pieces`, the short items among lines the tagger put outside every item, and
`template`, the shape of a short item (the items of a listing share it). Pure; reads no
metadata.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split import contents, furniture
from sitegen.split.flags import alt_text
from sitegen.split.roles import LineShape, Role, date_line, furniture_reason, headline_score, meta_row, person
from sitegen.split.text import CLOCK

HEAD_WORDS = 16  # the head of a short item is at most this long
TEXT_WORDS = 4  # a line of text under it has at least this many words
TEXT_STOPS = 0.2  # and this share of stop words, unless it ends a sentence
ROWS = 2  # a results item has at least this many rows of figures
FIELDS = 3  # or this many fields of a card
LABELS = 2  # labels over a short item's head skipped at most
KICKER_WORDS = 4  # a label is at most this long
RUNNING_MAX = 450  # a short item found among lines left outside holds at most this much running text (a teaser's)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")  # a figure: a score, a count, a placing, a time
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s")  # "1. ", a list's numbering: no figure of the row
_ADDRESS = re.compile(r"https?://|\bwww\.")
_FIELD = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+)?: (\S+(?: \S+){0,3})$")  # a label and a short value: "Judge: Mrs Eirlys Watkins"
_CARD_FIELD = re.compile(r"^[A-Z][\w&'’ ]{0,30}: [A-Z0-9]")  # "Res Dog CC: Wyndhurst Black Watch (Miss S Kerr)"
_BRACKETED = re.compile(r"\s*\([^()]*\)$")  # a town or a club after a name
_PLACING = re.compile(r"^=?\d{1,2}(?:st|nd|rd|th)\s+\S")  # "1st Isla Fenwick", "=3rd Tom Price"
_SENTENCES = re.compile(r"\w[.!?] [A-Z]")  # two sentences in a line: no head


def is_head(text: str, s: LineShape) -> bool:
    """A line that can head a short item: headline-shaped (`roles.headline_score`), not two
    sentences, a date or a time, a commenter's name and date, nor the site's own line."""
    if s.words > HEAD_WORDS or _SENTENCES.search(text) or _site(text) or date_line(text) or CLOCK.search(text) or (
        _PLACING.match(text) or _named_field(text)
    ):  # a placing or a field of the item above ("Judge: Mrs Eirlys Watkins") is no head either
        return False  # a date or a time over a line is an event's, or a box's ("MOUNTAIN REPORT · Updated 6:45 AM"): no head
    if furniture.commenter(text):
        return False  # "Nate J. — Dec 1": a comment's head
    return headline_score(text, s) > 0


def _named_field(text: str) -> bool:
    """A label and a person's name: a field of the item above ("Judge: Mrs Eirlys Watkins"), not a
    headline with its kicker ("Division Two: Week 9 results")."""
    field = _FIELD.match(text)
    return bool(field) and person(_BRACKETED.sub("", field.group(1))) is not None  # "Mr Roger Hallam (Knutsford)"


def head_of(texts: Sequence[str], shapes: Sequence[LineShape], roles: Sequence[Role]) -> int | None:
    """Where the short item of these lines (an item without running text) starts — its head,
    below the labels over it ("UPCOMING EVENTS", then "Opening Weekend Party") — or None when
    they are none: a head, and under it a line of text or a row of figures that is not the
    site's, no commenter's head, and fewer of the site's lines than lines of its own."""
    head = 0
    while head + 2 < len(texts) and head < LABELS and is_head(texts[head + 1], shapes[head + 1]) and (
        _label(texts[head], shapes[head], roles[head]) or alt_text(texts[head])
    ):  # (an image's alt text over the headline, a listing's thumbnail, is no more the item's than a label)
        head += 1
    top = head
    if head == 0 and len(texts) > 2 and date_line(texts[0]) and is_head(texts[1], shapes[1]):
        head = 1  # a card's date row over its head ("TUE 11 MAR · SCIENCE"): inside the item
    if len(texts) - head < 2 or not is_head(texts[head], shapes[head]):
        return None
    own = site = 0
    for k in range(head + 1, len(texts)):
        text, s = texts[k], shapes[k]
        if _site(text) or furniture.commenter(text, texts[k + 1] if k + 1 < len(texts) else None):
            site += 1
        elif _text(text, s, roles[k]) or _row(text, s) or _field_row(text, s):
            own += 1
    return top if own > 0 and site < own else None


def results(texts: Sequence[str], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """The lines under a head (the first) are a results item's: two rows of figures or more
    ("Hull Vikings 9–3 Leeds Loiners", "Premier: Bull's Head A 20 · Dosthill Cons 18 · …")."""
    rows = sum(1 for k in range(1, len(texts)) if _row(texts[k], shapes[k]))
    fields = sum(1 for k in range(1, len(texts)) if _field_row(texts[k], shapes[k]))
    return rows >= ROWS or fields >= FIELDS


def _label(text: str, s: LineShape, role: Role) -> bool:
    """A label of the page over a headline: a section's name, a kicker ("UPCOMING EVENTS",
    "Around the area", "Fiction")."""
    return s.words <= KICKER_WORDS and not s.final and (role is Role.FURNITURE or text.isupper() or is_head(text, s))


def pieces(texts: Sequence[str], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[tuple[int, int]]:
    """The short items among lines the boundary decision left outside every item, as (start,
    end) ranges: a run cut before each head that follows a line of its own (text or a row), each
    piece kept when it is a short item (`head_of`, from its head) with no more running text than a teaser."""
    starts = [0]
    own = False
    for k in range(1, len(texts)):
        s = shapes[k]
        if own and is_head(texts[k], s) and not _row(texts[k], s):
            starts.append(k)
            own = False
        else:
            own = own or _text(texts[k], s, roles[k]) or _row(texts[k], s)
    out = []
    for start, end in zip(starts, starts[1:] + [len(texts)]):
        running = sum(x.chars for x in shapes[start:end] if x.running)
        head = head_of(texts[start:end], shapes[start:end], roles[start:end]) if running <= RUNNING_MAX else None
        if head is not None:
            out.append((start + head, end))
    return out


def template(texts: Sequence[str], shapes: Sequence[LineShape], roles: Sequence[Role]) -> tuple[str, ...] | None:
    """The shape of a short item, to tell the items of a listing (which share it) from the rest:
    what stands under its head — a date or a row of facts (`d`), text (`t`), rows of figures
    (`r`), anything else (`x`) — each run of the same kind once; None when it holds more running
    text than a teaser."""
    if sum(x.chars for x in shapes if x.running) > RUNNING_MAX:
        return None
    out = ["h"]
    for k in range(1, len(texts)):
        text, s, role = texts[k], shapes[k], roles[k]
        kind = "t" if _text(text, s, role) else "r" if _row(text, s) else "d" if (
            date_line(text) or role in (Role.BYLINE, Role.DATELINE) or meta_row(text)) else "x"
        if kind != out[-1]:
            out.append(kind)
    return tuple(out)


def _text(text: str, s: LineShape, role: Role) -> bool:
    """A line of prose: several words, a sentence or stop words enough; not a date, a by-line or
    another headline ("Most read", then headlines: a list of links)."""
    if s.words < TEXT_WORDS or role in (Role.BYLINE, Role.LICENCE, Role.CREDIT) or date_line(text) or _ADDRESS.search(text):
        return False
    headline = role is Role.TITLE or s.list_like or headline_score(text, s) > 0
    if headline and s.final not in (".", "!") and not _SENTENCES.search(_LIST_NUMBER.sub("", text, 1)):
        return False
    return s.final in (".", "!") or s.stop_density >= TEXT_STOPS


def _row(text: str, s: LineShape) -> bool:
    """A row of figures (a score, a placing, a count) in words mostly, not a date alone, a
    headline or a row of page numbers; or a placing and who won it ("1st Whippet, Ch Gelli Aur
    Swift Current (Mrs M Pugh)")."""
    if s.words >= 2 and _PLACING.match(text):
        return True
    if s.words < 2 or len(_NUMBER.findall(_LIST_NUMBER.sub("", text, 1))) < 2 or date_line(text) or furniture.menu_row(text):
        return False
    words = text.split()
    return sum(1 for w in words if any(c.isalpha() for c in w)) * 2 >= len(words) and not _ADDRESS.search(text)


def _field_row(text: str, s: LineShape) -> bool:
    """A field of a results card: a label and what it went to ("Dog CC & BOB: Ch Bobtail Bay Blue
    Moon (Mr G Pennock)", "Best in Show: Whippet, …"), not running text, a web address or a date
    ("Posted on: November 23, 2026")."""
    return s.words >= 3 and not s.running and bool(_CARD_FIELD.match(text)) and not (_ADDRESS.search(text) or date_line(text))


def _site(text: str) -> bool:
    """A line of the site's own: its footer, a call to sign up or a sponsor, an offer, navigation,
    comments, the page's list of its items ("In this issue: Water troughs · Shed break-ins")."""
    return furniture.site_line(text) or bool(furniture_reason(text)) or contents.entries(text) is not None
