"""Where items start inside a run of content lines, from the sequence of line roles.

Owns `items(blocks, roles, publishers)`: a segment (the lines between two
separators) cut into items, each with a confidence and, when the evidence is
weak, the reasons an editor should check it. Evidence for a new item before
line i, added up as a score:

- the item before has ended: a licence, a credit, a bio or a signature, then text;
- a headline-shaped line (`roles.headline_score`) after body text, with a by-line
  or a date right after it, after a paragraph that broke off (a teaser), after a
  gap of blank lines or removed furniture, or in a listing (headline-shaped lines
  every few lines all through the segment);
- a title line with a publisher suffix already seen in the dump;
- untitled text after a long paragraph cut off mid-sentence (a teaser).

A headline-shaped line with no such context is a subheading. Scores near the
threshold become doubts (shown as review flags). Pure; must not read metadata
beyond what boundaries need.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitegen.split.meta import bio_names, continues_bio, looks_like_title, split_title
from sitegen.split.roles import END_MATTER, LineShape, Role, byline_names, date_line, heads_an_item, headline_score, shape, signature
from sitegen.split.text import WIRE_DATELINE, Block, may_hold, stops_mid_sentence

CUT = 0.5  # a score at or above this starts a new item
DOUBT = 0.35  # a score at or above this (and below CUT) is worth a look
SURE = 0.7  # a cut scoring below this is worth a look
TEASER_MIN = 150  # a teaser cut off mid-sentence is at least this long
RUNNING_MIN = 40  # a sentence at least this long is running text
RUNNING_LONG = 100  # and so is any line at least this long
CITED_MIN = 20  # a title at least this long quoted in a line under a headline-shaped line makes that line a citation
ITEM_MIN = 100  # an item has at least this many characters ("Comments (14)" and a line under it is not one)
AFTER_END_MIN = 80  # a paragraph at least this long after an item's end matter starts another
LISTING_HEADS = 3  # a listing has at least this many headline-shaped lines
LISTING_LINES = 4.5  # at most this many lines per headline-shaped line in a listing
TEASER_MAX = 320  # the text under a listing's headlines is at most this long (median)
TEASER_LINES = 3  # a teaser has at most this many lines of text under its headline
TEASER_CHARS = 450  # and at most this much text
SIGNED_SCAN = 200  # lines looked back over for the headline between two by-lines (keeps the split linear)
TEASER_ABOVE = 0.3  # evidence from an item above that is only a head and one paragraph
TEASER_HEAD_WORDS = 15  # the headline of a teaser is at most this long
KICKER_WORDS = 3  # a label over a headline ("The Long Read", "Analysis") is at most this long
_OPENING = re.compile(r"^(?P<head>[A-Z][^—–]{1,70}?)\s(?:—|–|--|-)\s\S")  # "Lisbon, 2 May 2025 — Portugal…"
_MONTH_DAY = re.compile(
    r"\b(?:\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2})\b"
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)  # a copyright notice is not running text
_RIGHTS = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)  # nor a line that claims rights
_RIGHTS_WORDS = ("©", "(c)", "copyright", "all rights reserved")  # one is in every match of _RIGHTS
_SENTENCE_END = re.compile(r"[.!…][”\"’')\]]*$")  # a statement (a question alone is a headline: "Why are so many waiting?")
_ENDED = re.compile(r"[.!?…][”\"’')\]]*$")  # a sentence or a question: no paragraph goes on under it
_WRAPPED_MIN = 50  # a line wrapped at a page's width is at least this long
_LINK_NUMBER_END = re.compile(r"\s*\[\d+\]$")  # a text browser's number of a link, its words cut off the line's end
_ADDRESS = re.compile(r"https?://\S+|\bwww\.\S+")  # a web address is no running text ("Printed from https://…")


@dataclass(frozen=True, slots=True)
class PostHead:
    """A forum post's head inside an item: its dump lines (the thread's facts under its title, the
    poster's name, rank and figures, the post's date), the
    poster as the forum names them (the display name, else the handle), the post's date, and the
    thread's title when its line prints more than the title."""

    lines: tuple[int, int]
    poster: str
    date: dt.date | None = None
    title: str | None = None  # the thread's title, when its line prints more ("Author  Topic: … (Read 1,847 times)"); a review's
    review: bool = False  # the head of a user's review (not a forum post's)
    authors: tuple[str, ...] | None = None  # a review's writers as its head names them (none: "Anonymous"; None: it names no one)


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a segment: `blocks[start:end]`, how sure its start is, and what to check."""

    start: int
    end: int
    confidence: float
    doubts: tuple[tuple[int, str], ...] = ()  # (dump line, why) for an editor to check
    teaser: bool = False  # an item of a listing page: a headline and a few lines standing for an article
    card: bool = False  # a directory's card: it stands for the place's own page, whatever its text
    headed: bool = False  # its first line is its headline for certain (a feed entry's title)
    post: PostHead | None = None  # a forum thread's opening post: the head its text is under
    signer: str | None = None  # the whole name a blog's posting line right under the item gives ("Posted by Gareth Lumb at …")


def cut_at(item: Item, starts: Sequence[int], blocks: Sequence[Block], note: str | None = None) -> list[Item]:
    """`item` cut before each of `starts` (indexes into `blocks`, inside it). A doubt stays with
    the piece its line is in, but one on a line cut at (that it may start an item: it does) goes;
    with a `note`, each new piece is flagged with it and is half sure."""
    cuts = {blocks[k].line for k in starts}
    bounds = [item.start, *starts, item.end]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        first, last = blocks[a].line, blocks[b - 1].line
        doubts = tuple(d for d in item.doubts if first <= d[0] <= last and d[0] not in cuts)
        if a != item.start and note is not None:
            out.append(replace(item, start=a, end=b, confidence=0.5, doubts=((first, note), *doubts)))
        else:
            out.append(replace(item, start=a, end=b, doubts=doubts))
    return out


def is_ending(texts: Sequence[str], roles: Sequence[Role], i: int, start: int) -> bool:
    """Line i closes an item: a licence or credit, or a by-line (bio, signature, "written by")
    below body text of the same item and not continued by a paragraph about the same person."""
    role = roles[i]
    if role in (Role.LICENCE, Role.CREDIT):
        return True
    if role is not Role.BYLINE or i == start or roles[i - 1] not in (Role.BODY, Role.STANDFIRST, Role.CAPTION):
        return False  # a by-line under a headline or a date heads its item
    if texts[i] in texts[start]:
        return False  # the item's own title again (a recipe card under a post), not a name
    following = texts[i + 1] if i + 1 < len(texts) else None
    if roles[i - 1] is Role.STANDFIRST and following is not None and roles[i + 1] is Role.DATELINE:
        return False  # title, standfirst, by-line, date: the head of an item
    if heads_an_item(texts[i]) and Role.BODY not in roles[start:i]:
        return False  # "By NAME" under a title and a standfirst
    if bio_names(texts[i]):  # "X is a …" may be a sentence of the text: a bio only last or before end matter
        return following is None or roles[i + 1] in (Role.LICENCE, Role.CREDIT)
    return following is None or not continues_bio(following, texts[i])


def items(
    blocks: Sequence[Block], roles: Sequence[Role], publishers: set[str], shapes: Sequence[LineShape] | None = None
) -> tuple[Item, ...]:
    """The items of one segment, in order; together they hold every block exactly once.
    `publishers` holds the publisher suffixes of titles seen so far in the dump (this adds to it)."""
    n = len(blocks)
    if n == 0:
        return ()
    texts = [b.text for b in blocks]
    shapes = shapes or [shape(t) for t in texts]
    scores = [headline_score(b.text, s) if r is Role.TITLE else 0.0 for b, s, r in zip(blocks, shapes, roles)]
    listing = is_listing(texts, roles, shapes)
    # gaps[i]: 1 when line i follows i-1 directly or with only removed lines between, 2 or more with blank lines
    gaps = [0] + [b.line - a.line - b.removed_before for a, b in zip(blocks, blocks[1:])]
    grouped = sum(1 for g in gaps[1:] if g == 1) >= max(1, (n - 1) // 5) and sum(1 for g in gaps[1:] if g >= 2) >= 2
    out: list[Item] = []
    start, confidence, doubts = 0, 1.0 if roles[0] is Role.TITLE else 0.8, []
    ended = False
    last_text = 0 if roles[0] in (Role.BODY, Role.STANDFIRST) else -1  # the last line of running text so far
    run_from = 0 if roles[0] is Role.TITLE else 1  # the first of the headline-shaped lines in a row up to here
    _note_publisher(blocks[0].text, roles[0], publishers)
    titled = looks_like_title(texts[0], texts[1] if n > 1 else None)
    for i in range(1, n):
        if ended and roles[i] not in END_MATTER:
            following = texts[i + 1] if i + 1 < n else None
            if roles[i] is not Role.CAPTION and not _names_from_above(texts[i], texts[i - 1]) and (
                looks_like_title(texts[i], following) or shapes[i].chars >= AFTER_END_MIN or roles[i] in (Role.BYLINE, Role.DATELINE)
            ):
                out.append(Item(start, i, confidence, tuple(doubts)))  # end matter, then text: a sure cut
                start, confidence, doubts, ended = i, 0.9, [], False
                titled = looks_like_title(texts[i], following)
                _note_publisher(blocks[i].text, roles[i], publishers)
                continue
        if is_ending(texts, roles, i, start):
            sub = _signed_twice(texts, roles, start, i)
            if sub is not None:  # a by-line under the headline and another at the end: two items
                out.append(Item(start, sub, confidence, tuple(doubts)))
                start, confidence = sub, 0.7
                doubts = [(blocks[sub].line, "new item inferred (a by-line under the headline above and another below this one); check it is not a subheading")]
            ended = True
            continue
        score, why = _evidence(blocks, roles, shapes, scores, i, start, listing, publishers)
        if last_text < start and roles[i] is Role.TITLE and score < CUT and (
            roles[i - 1] in (Role.FURNITURE, Role.CAPTION) or roles[i - 1] is Role.TITLE and blocks[i].removed_before
        ):
            score, why = CUT + 0.1, "page labels and no text above it"  # the site's name and menu, then the headline
        if roles[i] is Role.TITLE and roles[i - 1] is Role.TITLE and score < CUT and _heads_text(roles, i, run_from, start):
            score, why = CUT + 0.1, "the last of several headline-shaped lines after text, with text under it"
        if roles[i] in (Role.BODY, Role.STANDFIRST):
            last_text = i
        if roles[i] is not Role.TITLE:
            run_from = i + 1
        if not titled and roles[i] is Role.TITLE and roles[i - 1] is Role.BODY:
            score += 0.35  # untitled text, then a headline: the text was a fragment of something else
            why = ", ".join(filter(None, [why, "text without a headline before it"]))
        if roles[i] is Role.TITLE and roles[0] is Role.TITLE:
            (suffix, case), (first_suffix, first_case) = _style(texts[i], shapes[i]), _style(texts[0], shapes[0])
            score += (0.1 if suffix == first_suffix else -0.3) + (0.0 if case == first_case else -0.1)
        if grouped and roles[i] is Role.TITLE:
            if gaps[i] >= 2 and i + 1 < n and gaps[i + 1] == 1:
                score += 0.45 + (0.3 if roles[i - 1] is Role.TITLE else 0.0)
                why = ", ".join(filter(None, [why, "it starts a block of lines"]))
            elif gaps[i] == 1:
                score -= 0.3
        if roles[i] is Role.TITLE and i + 1 < n and roles[i + 1] in (Role.BODY, Role.STANDFIRST) and _cites(texts[i + 1], texts[start], roles[start]):
            score, why = 0.0, ""  # the text under it quotes the title above: a citation, the end matter of that item
        cut_at = i
        if score < CUT and not titled and _teaser_before(blocks, shapes, roles, i):
            score, why = 0.75, "the text before breaks off mid-sentence (a teaser)"
        cut, sure, doubted, p = score >= CUT, score >= SURE, score >= DOUBT and bool(why), min(1.0, score + 0.2)
        if cut:
            if roles[i] is Role.TITLE and i - 1 > start and roles[i - 1] is Role.DATELINE:
                cut_at = i - 1  # a date above a headline belongs to the item it heads
            out.append(Item(start, cut_at, confidence, tuple(doubts)))
            start, confidence, doubts = cut_at, p, []
            if not sure:
                doubts.append((blocks[cut_at].line, f"new item inferred ({why or 'a headline-shaped line'}); check it is not part of the text above"))
            titled = looks_like_title(texts[cut_at], texts[cut_at + 1] if cut_at + 1 < n else None)
            _note_publisher(blocks[i].text, roles[i], publishers)
        elif doubted:
            doubts.append((blocks[i].line, f"headline-shaped line kept as a subheading ({why or 'a headline-shaped line'}); check it does not start a new item"))
            confidence = min(confidence, 0.7)
    out.append(Item(start, n, confidence, tuple(doubts)))
    out = [part for it in out for part in _peel(it, roles, shapes, blocks)]
    return mark_teasers(out, roles, shapes, listing)


def mark_teasers(out: Sequence[Item], roles: Sequence[Role], shapes: Sequence[LineShape], listing: bool = False) -> tuple[Item, ...]:
    """The items of a segment, those standing for an article (a headline, under its date row if it
    has one, over a few short lines) marked as teasers when the segment is a page of them (a listing, or most of its items), or
    two or more come in a row (a "Related" box)."""
    heads = [it.start + 1 if roles[it.start] is Role.DATELINE and it.end - it.start > 2 else it.start for it in out]  # under its date row
    short = [roles[head] is Role.TITLE and is_teaser(roles, shapes, head, it.end) for it, head in zip(out, heads)]
    if listing or sum(short) >= 3 and sum(short) * 2 > len(out):  # a page of teasers
        return tuple(replace(it, teaser=True) if is_short else it for it, is_short in zip(out, short))
    # two short items or more in a row (a "Related" box): teasers too
    paired = [is_short and (i > 0 and short[i - 1] or i + 1 < len(short) and short[i + 1]) for i, is_short in enumerate(short)]
    return tuple(replace(it, teaser=True) if is_paired else it for it, is_paired in zip(out, paired))


def _peel(item: Item, roles: Sequence[Role], shapes: Sequence[LineShape], blocks: Sequence[Block]) -> list[Item]:
    """The item without the page labels and kickers above its headline ("The Long Read" over a
    longer headline) and the labels below its text (each run an item of its own, which has no
    running text and so becomes debris)."""
    start, end = item.start, item.end
    while start + 1 < end and (
        roles[start] is Role.FURNITURE
        or roles[start] is Role.TITLE and roles[start + 1] is Role.TITLE and shapes[start].words <= KICKER_WORDS < shapes[start + 1].words
    ):
        start += 1
    if start == item.start + 1 and start < end and roles[start] is not Role.TITLE:
        start = item.start  # one short line heading text: its title ("Plain title")
    while end > start + 1 and _trails(roles[end - 1], shapes[end - 1]):
        end -= 1
    if end > start + 2 and end == item.end and _set_apart(roles, shapes, blocks, end - 1):
        end -= 1  # a note or the copyright under the page's menus, after the item's text
        while end > start + 1 and _trails(roles[end - 1], shapes[end - 1]):
            end -= 1
    if start == end:
        return [item]
    parts = [Item(item.start, start, item.confidence)] if start > item.start else []
    parts.append(replace(item, start=start, end=end))
    if end < item.end:
        parts.append(Item(end, item.end, item.confidence))
    return parts


def _signed_twice(texts: Sequence[str], roles: Sequence[Role], start: int, end: int) -> int | None:
    """The headline-shaped line after body text between an item's head by-line and a closing
    by-line at `end`: where a second item starts (each is signed once), or None."""
    if roles[end] is not Role.BYLINE:
        return None
    heads = [t for r, t in zip(roles[start + 1 : start + 4], texts[start + 1 : start + 4]) if r is Role.BYLINE and heads_an_item(t)]
    if not heads:
        return None
    signed = _surnames(byline_names(heads[0], after_title=True) or [])
    closing = _surnames(byline_names(texts[end]) or bio_names(texts[end]) or signature(texts[end]) or [])
    if not signed or not closing or signed & closing:
        return None  # the same person at both ends (a by-line and a bio): one item
    for j in range(end - 1, max(start + 3, end - SIGNED_SCAN), -1):
        if roles[j] is Role.TITLE and roles[j - 1] is Role.BODY:
            return j
    return None


def _surnames(names: Sequence[str]) -> set[str]:
    return {name.split()[-1].casefold() for name in names if name.split()}


def _heads_text(roles: Sequence[Role], i: int, run_from: int, start: int) -> bool:
    """Line i is the last of headline-shaped lines in a row that follow the text of the item
    and have text right under it: "Read also", a link, then the next item's headline."""
    following = roles[i + 1] if i + 1 < len(roles) else None
    return run_from > start and roles[run_from - 1] in (Role.BODY, Role.STANDFIRST) and following in (
        Role.BODY, Role.STANDFIRST, Role.BYLINE, Role.DATELINE
    )


def opens_with_dateline(text: str) -> bool:
    """The paragraph opens with a place and a date, the way an article starts: "LONDON, May 6
    (Reuters) - …", "Lisbon, 2 May 2025 — …", "Nagpur, Mar 21 (BNS) Vidarbha …"."""
    if WIRE_DATELINE.match(text):
        return True
    opening = _OPENING.match(text)
    if not opening:
        return False
    head = opening.group("head")
    return bool(_MONTH_DAY.search(head)) or len(head.split(",")[0]) >= 3 and head.split(",")[0].isupper()


def _set_apart(roles: Sequence[Role], shapes: Sequence[LineShape], blocks: Sequence[Block], i: int) -> bool:
    """Line i, the last of a segment, is the page's rather than the item's: one short paragraph
    under a page label ("More news", then "Did you like this article? Subscribe…"), or a
    copyright notice under a label or after lines the split took out."""
    if roles[i - 1] is Role.FURNITURE and roles[i] in (Role.BODY, Role.STANDFIRST) and shapes[i].chars < RUNNING_LONG:
        return True
    return (roles[i - 1] is Role.FURNITURE or blocks[i].removed_before > 0) and bool(_COPYRIGHT.match(blocks[i].text))


def _trails(role: Role, s: LineShape) -> bool:
    """A line that may follow an item's text without belonging to it: a label, a headline with
    no text under it, a short line that is not a sentence ("Tributes (48)", "Like Loading...")."""
    if role in (Role.FURNITURE, Role.TITLE):
        return True
    return role in (Role.BODY, Role.STANDFIRST) and s.chars < RUNNING_LONG and (s.cut or not s.sentence or s.final == ":")


def is_teaser(roles: Sequence[Role], shapes: Sequence[LineShape], start: int, end: int) -> bool:
    """A headline over a few short lines of text (a teaser), not over an article's paragraphs."""
    lines, chars = _text_of(roles, shapes, start, end)
    return lines <= TEASER_LINES and chars <= TEASER_CHARS


NO_RUNNING_TEXT = "no running text: page or section headings, navigation"  # why the lines of an item without text are debris
OUTSIDE = "outside every item"  # why the lines the tagger put in no item are debris (then what they read as, and how sure)


def has_running_text(texts: Sequence[str]) -> bool:
    """The lines hold enough text for an item, and some line is running text: a long line, or a
    statement with other lines (a short sentence alone is a notice of the page, a question alone
    a headline); a copyright notice or a web address is not (a page's footer alone is debris)."""
    if sum(map(len, texts)) < ITEM_MIN:
        return False
    lines = _paragraphs([_ADDRESS.sub("", t).strip() if "://" in t or "www." in t else t for t in texts])
    return any(
        (len(t) >= RUNNING_MIN and _SENTENCE_END.search(t) and len(texts) > 1 or len(t) >= RUNNING_LONG) and not (
            may_hold(t, _RIGHTS_WORDS) and _RIGHTS.search(t)
        )
        for t in lines
    )


def _paragraphs(texts: Sequence[str]) -> list[str]:
    """Lines wrapped at a width joined into their paragraphs (a long line that ends no sentence and
    asks nothing, over one that goes on in lower case), each without a text browser's link number at its end ("… element. [11]")."""
    out: list[str] = []
    for t in texts:
        t = _LINK_NUMBER_END.sub("", t)
        if out and t[:1].islower() and len(out[-1]) >= _WRAPPED_MIN and not _ENDED.search(out[-1]):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


def is_listing(texts: Sequence[str], roles: Sequence[Role], shapes: Sequence[LineShape]) -> bool:
    """A listing page: headline-shaped lines (questions aside: an interview has those) every
    line or two all through, between short paragraphs (teasers, not an article's text)."""
    heads = [i for i, (t, r) in enumerate(zip(texts, roles)) if r is Role.TITLE and not t.endswith("?")]
    if len(heads) < LISTING_HEADS or len(texts) / len(heads) > LISTING_LINES:
        return False
    text = [_text_of(roles, shapes, a + 1, b) for a, b in zip(heads, heads[1:])]
    lines, chars = sorted(n for n, _ in text), sorted(c for _, c in text)
    return lines[len(lines) // 2] <= 2 and lines[-1] <= 4 and chars[len(chars) // 2] <= TEASER_MAX


def _text_of(roles: Sequence[Role], shapes: Sequence[LineShape], start: int, end: int) -> tuple[int, int]:
    """(lines, characters) of running text between two lines."""
    body = [s.chars for s, r in zip(shapes[start:end], roles[start:end]) if r in (Role.BODY, Role.STANDFIRST)]
    return len(body), sum(body)


def _style(text: str, s: LineShape) -> tuple[bool, bool]:
    """How a site writes its headlines: with a publisher suffix or not, in title case or not."""
    return split_title(text)[1] is not None, s.capitalised >= 0.75


def _note_publisher(text: str, role: Role, publishers: set[str]) -> None:
    if role is Role.TITLE:
        publisher = split_title(text)[1]
        if publisher:
            publishers.add(publisher)


def _head(roles: Sequence[Role]) -> list[Role]:
    """The roles of the lines that may stand between a headline and its text."""
    out = []
    for role in roles:
        if role not in (Role.BYLINE, Role.DATELINE, Role.FURNITURE, Role.STANDFIRST):
            break
        out.append(role)
    return out


def _teaser_before(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], i: int) -> bool:
    before = shapes[i - 1]
    if roles[i - 1] is not Role.BODY:
        return False
    return before.chars >= TEASER_MIN and stops_mid_sentence(blocks[i - 1].text) or before.chars >= AFTER_END_MIN and before.cut


def _names_from_above(text: str, above: str) -> bool:
    """The paragraph opens with a name the end matter above gives ("Excerpted from … by Mira
    Okonjo", then "Mira Okonjo was born in …"): a note about that person, still the item's."""
    words = text.split()[:2]
    return len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words) and " ".join(words) in above


def _cites(text: str, title: str, role: Role) -> bool:
    """The text quotes the item's title ("Citation: <title> (2026, November 4) retrieved …")."""
    return role is Role.TITLE and len(title) >= CITED_MIN and " ".join(title.split()).casefold() in " ".join(text.split()).casefold()


def _signed_or_dated(blocks: Sequence[Block], roles: Sequence[Role], i: int) -> bool:
    """A by-line or a date among the head lines under the headline-shaped line i (a second
    one skipped); a line of figures ("FTSE 100: 8,412.30") is data of the text, not a date."""
    j = i + 2 if i + 1 < len(roles) and roles[i + 1] is Role.TITLE else i + 1
    for k in range(j, min(len(roles), i + 4)):
        if roles[k] is Role.BYLINE or roles[k] is Role.DATELINE and date_line(blocks[k].text):
            return True
        if roles[k] not in (Role.DATELINE, Role.FURNITURE, Role.STANDFIRST):
            return False
    return False


def _evidence(
    blocks: Sequence[Block], roles: Sequence[Role], shapes: Sequence[LineShape], scores: Sequence[float],
    i: int, start: int, listing: bool, publishers: set[str],
) -> tuple[float, str]:
    """The score for a new item starting at line i, and the main reasons."""
    role = roles[i]
    previous = roles[i - 1]
    following = roles[i + 1] if i + 1 < len(roles) else None
    if role is Role.BYLINE and previous is Role.BODY and heads_an_item(blocks[i].text) and following in (
        Role.BODY, Role.STANDFIRST, Role.DATELINE
    ):
        return 0.55, "a by-line after body text"
    if role is not Role.TITLE:
        return 0.0, ""
    reasons: list[str] = []
    dated = following is Role.DATELINE and date_line(blocks[i + 1].text)
    if " ".join(blocks[i].text.split()) == " ".join(blocks[start].text.split()) and not dated:
        return 0.0, ""  # the item's own title again: the next page of a paginated article (a new date: the next of a series)
    score = 0.1 + (scores[i] - 0.5)
    publisher = split_title(blocks[i].text)[1]
    if publisher and (publisher in publishers or " | " in blocks[i].text) and i - start >= 2:
        score += 0.6
        reasons.append("a title with the publisher suffix")
    if previous in (Role.BYLINE, Role.DATELINE) and i - 1 == start + 1 or previous is Role.TITLE and i - 1 <= start + 1 or previous is Role.CAPTION:
        score -= 0.3  # the head of the item above (this is its standfirst or a subheading), or embedded media
    if _signed_or_dated(blocks, roles, i):
        score += 0.35
        reasons.append("a by-line or date follows")
    elif following is None:
        score -= 0.4
    elif following is Role.TITLE:
        score -= 0.1
    if following in (Role.BODY, Role.STANDFIRST) and opens_with_dateline(blocks[i + 1].text):
        score += 0.35
        reasons.append("the text under it opens with a dateline")
    if shapes[i - 1].cut and previous is Role.BODY:
        score += 0.3
        reasons.append("the text before breaks off")
    if previous is Role.FURNITURE:
        score += 0.35
        reasons.append("a label of the page before it")
    elif blocks[i].line - blocks[i - 1].line >= 3:
        score += 0.15
        reasons.append("blank lines or page furniture before it")
    if listing:
        score += 0.4
        reasons.append("headline-shaped lines every few lines (a listing)")
    if (
        not listing and previous in (Role.BODY, Role.STANDFIRST) and i - start <= 4
        and not any(r in (Role.BODY, Role.STANDFIRST) for r in roles[start : i - 1])
        and not blocks[i].text.endswith("?")  # a question under a short head: an interview's first question
        and shapes[i].words <= TEASER_HEAD_WORDS
    ):
        score += TEASER_ABOVE  # the item above is one short paragraph under its head: a teaser
        reasons.append("the item above is a headline and one paragraph")
    return score, ", ".join(reasons)
