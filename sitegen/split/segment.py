"""Finding where articles start and end in a dump.

First pass (`iter_segments`, streamed line by line): separators ("Continue
Reading", "You May Also Like" blocks with their links; teasers with their decks
under such a heading stay content, a listing), cookie banners,
newsletter boxes, tables of contents and other web debris become `Debris`;
blank lines go; a line of site furniture (`roles.furniture_reason`: a call to
action, a short line recurring all through the dump; a count of the page's items,
"Showing 1–8 of 214"; an advertiser's line under an "Advertisement" label) goes too; a date line right after a separator glued to the
text ("… Read more", then "3 March 2027") stays with that text, a teaser's date under it; what is left
comes out in segments of content lines (a comments section ends one, and
its lines are debris up to the next headline-shaped line that is no comment's text under its
commenter's name and date, but for a date row right over it that tells no time and is under no
commenter's name: a teaser's "16 comments", then the next teaser's "13 OCT 2026 | Gin"),
which `boundary` cuts into items.
Must not extract metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sitegen.split.clean import (
    ADVERT_LABEL,
    END_MARK,
    COOKIE_BUTTON,
    PROMO_WORDS,
    RELATED_BLOCK,
    TOC_HEADER,
    clean_line,
    cookie_notice,
    glued_separator,
    is_invisible,
    is_promo,
    is_separator,
    link_number,
)
from sitegen.split.dates import date_of
from sitegen.split.masthead import HEAD_LINES
from sitegen.split.meta import UPPER, looks_like_title
from sitegen.split.roles import COMMENT_FORM, COMMENTS, END_SECTION, Repeats, byline_names, date_line, furniture_reason, headline_score, is_label, is_role, name_over_date, shape
from sitegen.split.text import CLOCK, GLUED, TWO_SENTENCES, Block, Debris, ends_sentence, is_list_item

_FIELD = re.compile(r"^[A-Z][\w’'-]*(?: [\w’'-]+){0,2}:\s+\S")  # "Source: Action Santé Mondiale"
_FIGURES = re.compile(r"\d\s?[-–]\s?\d")  # a score or a range: "4-0", "2–1"
_COUNTER = re.compile(r"^showing\s+(?:\d[\d,]*\s*(?:[-–—]|to)\s*)?\d[\d,]*\s+(?:of\s+\d|[a-z])", re.IGNORECASE)
COUNTER_MAX = 120  # "Showing 8 stories tagged housing", "Showing 1–8 of 214 articles · Sort by: date" is shorter
_FACET = re.compile(  # a search page's or a sidebar's facet: "Filter by region", "Sort by: Newest", "News (24)", "March 2025 (4)"
    r"^(?:(?:filter|refine|narrow)(?: (?:results|your search))? by \w+(?: \w+)?:?|(?:sort|sorted|order) by:?(?: [\w-]+){0,3}|[^\W\d_][\w’'&-]*(?: [\w’'&-]+){0,4} \((?!1[89]\d\d\)|20\d\d\))\d[\d,]*\))$",
    re.IGNORECASE,
)
FACET_MAX = 60
_ADVERT = re.compile(  # an advertiser's line: "Padala Express — Send money home in minutes", a phone number
    r"^[A-Z0-9][\w&'’.,/-]*(?: [\w&'’.,/()-]+){0,5} [—–-] \S|\b\d{3}[- ]\d{3}[- ]\d{4}\b"
)
ADVERT_MAX = 140
_END_MARK = re.compile(rf"^(?:{END_MARK})\W*$")  # the mark under a press release's end
RELATED_ITEM_MAX = 150  # lines of a related-links block are shorter
COOKIE_MAX = 400
PROMO_MAX = 100  # the lines of a newsletter box are shorter


def iter_segments(lines: Iterable[str], debris: list[Debris], repeats: Repeats | None = None) -> Iterator[tuple[Block, ...]]:
    """Segments of content lines, each yielded as soon as it is complete (memory bounded by
    the longest segment); debris lines are appended to `debris`. `repeats` (how often each
    line occurs in the dump) lets a line recurring between items count as furniture."""
    current: list[Block] = []
    mode = "text"  # or "cookie", "related", "toc", "promo", "comments"
    held: list[Debris] = []  # lines after a related-links or contents header: debris unless text resumes
    toc_items: set[str] = set()

    removed = 0  # non-blank lines taken out since the last content line
    advert = False  # the line before was an advertisement's label
    glued_end: tuple[Block, ...] | None = None  # a segment ended by a separator glued to its text, held for its date line
    end_mark = False  # a press release's end mark ("###", "-30-") was last: its media contact may follow
    for number, raw in enumerate(lines, start=1):
        text = clean_line(raw)
        if not text:
            if is_invisible(raw):
                debris.append(Debris(number, raw, "blank line of no-break spaces or entity debris"))
            continue
        removed += 1
        if end_mark:
            end_mark = False
            if not END_SECTION.match(text):  # no "Media relations" under the mark: the release ended there
                if current:
                    yield tuple(current)
                current = []
        if glued_end is not None:
            if date_line(text) and not is_separator(text) and not any(date_line(b.text) for b in glued_end[:-1]):
                # "… Read more", then "3 March 2027": the teaser's date (not where the teaser opened on its
                # date row: the page dates its teasers above them, and this date is the next one's)
                yield (*glued_end, Block(number, text, removed - 1))
                glued_end, removed = None, 0
                continue
            yield glued_end
            glued_end = None
        glued = glued_separator(text)
        if glued and not is_separator(text):
            if mode != "text":
                current, held = _leave_mode(mode, current, held, debris, None)
                mode, toc_items = "text", set()
            current.append(Block(number, glued.group(1).rstrip(), removed - 1))
            removed = 0
            debris.append(Debris(number, glued.group(2), GLUED))
            glued_end, current = tuple(current), []
            continue
        if mode == "related":
            comments = COMMENTS.match(text) is not None  # the comments under the related links: no item's head is given back
            if not is_separator(text) and not comments and len(text) < RELATED_ITEM_MAX and not text.endswith((".", "!")):
                held.append(Debris(number, text, "related-links block"))
                continue
            current, held = _leave_mode(mode, current, held, debris, None if is_separator(text) or comments else text)
            mode = "text"
        elif mode == "toc":
            key = _toc_key(text)
            if ADVERT_LABEL.match(text) or advert and len(text) <= ADVERT_MAX and _ADVERT.search(text):
                advert = bool(ADVERT_LABEL.match(text))  # an advertisement between the contents and the first heading
                debris.append(Debris(number, text, "an advertisement under its label" if not advert else "web debris"))
                continue
            if key in toc_items:  # the first heading of the text: the contents list is over
                debris.extend(held)
                held, mode, toc_items = [], "text", set()
            elif len(text) < 100 and not ends_sentence(text) and not is_separator(text) and any(map(str.isalpha, text)):
                held.append(Debris(number, text, "table of contents"))
                toc_items.update((key, _PAGE_NUMBER.sub("", key)))  # (its heading printed without the page number after it)
                continue
            else:  # it was not a table of contents after all: those lines are text
                current, held = _leave_mode(mode, current, held, debris, text)
                mode, toc_items = "text", set()
        elif mode == "cookie":
            if COOKIE_BUTTON.match(text) or (cookie_notice(text) and len(text) < COOKIE_MAX):
                debris.append(Debris(number, text, "cookie banner"))
                continue
            mode = "text"
        elif mode == "comments":
            if not _ends_comments(text) or _under_commenter(debris, number):
                debris.append(Debris(number, text, "comments"))
                continue
            mode = "text"
            row, above = (debris[-1], debris[-2]) if len(debris) >= 2 else (None, None)
            if row and row.line == number - 1 and row.reason == "comments" and not byline_names(above.text, after_title=True) and (
                    len(row.text) <= DATE_ROW and date_line(row.text) and not CLOCK.search(row.text)):
                debris.pop()  # "13 OCT 2026 | Gin" over the next teaser's headline, after a teaser's "16 comments": the teaser's date row
                # (a comment's date is under its commenter's name, or tells its time)
                current.append(Block(row.line, row.text, removed - 2))
                removed = 1
        elif mode == "promo":
            if len(text) < PROMO_MAX and PROMO_WORDS.search(text) and not is_separator(text):
                debris.append(Debris(number, text, "newsletter box"))
                continue
            mode = "text"
        if is_separator(text):
            debris.append(Debris(number, text, "separator"))
            if current and mode == "text" and _END_MARK.match(text):
                end_mark = True  # held: the release's end matter may follow the mark
                continue
            if current:
                yield tuple(current)
            current = []
            if RELATED_BLOCK.match(text):
                mode = "related"
            continue
        if COMMENTS.match(text):
            debris.append(Debris(number, text, "comments"))
            if current:
                yield tuple(current)
            current, mode = [], "comments"
            continue
        if cookie_notice(text) and len(text) < COOKIE_MAX:
            debris.append(Debris(number, text, "cookie banner"))
            mode = "cookie"
            continue
        if is_promo(text):
            debris.append(Debris(number, text, "newsletter box"))
            mode = "promo"
            continue
        if TOC_HEADER.match(text):
            debris.append(Debris(number, text, "table of contents"))
            mode = "toc"
            continue
        reason = "a print page's running head or foot" if repeats and repeats.running_head(text) else None
        reason = reason or furniture_reason(text, repeats.count(text) if repeats else 1)
        if not reason and repeats and number > HEAD_LINES and repeats.masthead.again(text):
            reason = "the site's masthead printed again"  # "Streetlight | Cape Town's street newspaper" between stories
        if not reason and advert and len(text) <= ADVERT_MAX and _ADVERT.search(text):
            reason = "an advertisement under its label"  # "Advertisement", then "MTN — Stay connected wherever the game takes you"
        advert = bool(reason) and bool(ADVERT_LABEL.match(text))
        if not reason and len(text) <= COUNTER_MAX and _COUNTER.match(text):
            reason = "a count of the page's items"
        if not reason and len(text) <= FACET_MAX and _FACET.match(text):
            reason = "a facet of the page: a filter, or a category with its count of items"
        if reason:
            debris.append(Debris(number, text, reason))
            continue
        current.append(Block(number, text, removed - 1, _linked(raw)))
        removed = 0
    if glued_end is not None:
        yield glued_end
    if mode != "text":
        current, held = _leave_mode(mode, current, held, debris, None)
    if current:
        yield tuple(current)


def _linked(raw: str) -> bool:
    """The line opens with a text browser's number before its one link ("   [21]Sorted! A £2,300 kitchen …"), as a
    lynx or w3m listing prints an item's headline (`clean.link_number`)."""
    return link_number(raw.lstrip()) is not None


def _ends_comments(text: str) -> bool:
    """A headline-shaped line after a comments section: the next item. A commenter's name, the
    date of a comment or its "Reply · 3 likes" line is not one."""
    return (
        headline_score(text) >= 0.5 and not COMMENT_FORM.match(text) and not furniture_reason(text) and not is_label(text) and not date_line(text) and not _FACET.match(text)
        and not byline_names(_PLACE_AFTER_NAME.sub("", text), after_title=True) and not _dated_after(_COMMENTER, text)
        and not _dated_after(_FULL_NAME, text)
        and not (TWO_SENTENCES.search(text) and text.rstrip(" \"”’'")[-1:] in ".!?")
    )  # (two sentences that end as a comment does, "… changed my life. Thank you!", go on with the comments)


_PLACE_AFTER_NAME = re.compile(r"(?<=\w) \([^()]{1,30}\)(?= )")  # a commenter's place: "Pete (Ely) 8 February 2026 at 09:44"
_COMMENTER = re.compile(rf"^[{UPPER}][\w’'.-]*(?: \([^()]{{1,30}}\))?\s")  # a commenter's first name alone, and place: "Pete (Ely) "


_FULL_NAME = re.compile(  # a commenter's whole name, or the blog's own ("Anne-Marie Ruddock ", "Étienne Roussel ", "Hazel & Hook ")
    rf"^[{UPPER}][\w’'-]+(?: (?:&|and|de|van|von|der|du|da|di|le|la) [{UPPER}][\w’'-]+| [{UPPER}][\w’'-]+){{1,2}}\s"
)


def _dated_after(name: re.Pattern[str], text: str) -> bool:
    """A comment's head on one line: a commenter's name (`name`: `_COMMENTER`, a first name and place,
    "Pete (Ely) 8 February 2026 at 09:44"; `_FULL_NAME`, "Anne-Marie Ruddock 7 February 2026 at 19:02"), then the date."""
    m = name.match(text)
    return m is not None and date_of(text[m.end() :]) is not None


_SAID = re.compile(r"^\S.{0,60}\s(?:said|says|wrote)\s*(?:\.\.\.|…|:)$", re.IGNORECASE)  # a blog comment's head


def _under_commenter(debris: list[Debris], number: int) -> bool:
    """Line `number` is right under a comment's head: its date, under the commenter's name
    ("Tomás Ó Riain" or "Greg", "30 April 2025", then "Go raibh maith agat Niamh!": the comment's text),
    or a blog's "NAME said..."."""
    if debris and debris[-1].line == number - 1 and debris[-1].reason == "comments" and (
        _SAID.match(head := debris[-1].text.strip()) or _dated_after(_COMMENTER, head) or _dated_after(_FULL_NAME, head)
    ):
        return True  # under "Gwen Hughes said..." or "Huw (Hay) 15 March 2026 at 08:41": the comment's text, however it reads
    if len(debris) < 2 or debris[-1].line != number - 1 or debris[-1].reason != "comments" or debris[-2].reason != "comments":
        return False
    return name_over_date(debris[-2].text, debris[-1].text)


def _dated_or_signed(text: str) -> bool:
    return bool(byline_names(text, after_title=True) or date_line(text))


def _post_under_name(name: str, post: str) -> bool:
    """A writer's post under their by-line: "Amira Haddad", then "Researcher, Middle East and North Africa Division"."""
    return len(post) <= 80 and is_role(post) and bool(byline_names(name, after_title=True))


def _under_headline(text: str) -> bool:
    """A short line that stands between a headline and its by-line: a section label ("Expert
    comment"), a field of the page ("Format: News and Press Release"), a line of figures ("Castle
    Vale 4-0 Northbridge Ladies")."""
    return len(text) <= 60 and (is_label(text) or bool(_FIELD.match(text)) or len(_FIGURES.findall(text)) >= 1)


DATE_ROW = 60  # a date row over an item's headline is no longer
TEASER_WORDS = 8  # a teaser's deck under its headline has at least this many words
TEASER_STOPS = 0.25  # and stop words enough to be prose


def _teasers(held: list[Debris]) -> bool:
    """The lines under a related-links heading are teasers, not bare links: two of them or more
    are a teaser's deck ("When a town's houses stand empty ten months of the year, who has done
    wrong, and to whom?"): the lines go back to the boundary decision, which reads a listing."""
    decks = 0
    for d in held:
        if is_list_item(d.text):
            continue  # "2. Why the price of a pint has risen …": a ranked list's link, no deck
        s = shape(d.text)
        if s.words >= TEASER_WORDS and s.stop_density >= TEASER_STOPS:
            decks += 1
            if decks >= 2:
                return True
    return False


_PAGE_NUMBER = re.compile(r"(?:\s*[.…·_]{2,}\s*|\s+(?:p\.|page)?\s*)\d{1,3}$", re.IGNORECASE)  # a contents line's page: "Practice news 4", "News ..... 4"


def _toc_key(text: str) -> str:
    return text.lstrip("-*•·0123456789.) ").strip().casefold()


def _leave_mode(
    mode: str, current: list[Block], held: list[Debris], debris: list[Debris], resumed: str | None
) -> tuple[list[Block], list[Debris]]:
    """Close a related-links block (its lines are debris, but the last one before resumed text
    may be the next article's title) or an unconfirmed table of contents (its lines were text)."""
    if mode == "toc" or mode == "related" and _teasers(held):
        return [*current, *(Block(d.line, d.text) for d in held)], []
    if mode == "related" and held and resumed is not None:
        head = len(held)  # the next item's head: its title, and a by-line or date under it (and a role under that)
        if head >= 2 and _dated_or_signed(held[head - 2].text) and not _dated_or_signed(held[head - 1].text) and not (
                head == 2 and date_line(held[0].text)):  # (a teaser's date row alone over its headline: "10 February 2026")
            head -= 1  # "By Priya Sandhu", then "Local Democracy Reporter"
        while head > 0 and (_dated_or_signed(held[head - 1].text) or head >= 2 and _post_under_name(held[head - 2].text, held[head - 1].text)):
            head -= 1  # past the by-line and date lines, and a writer's post under their name
        above = head - 1  # past the labels, fields and figures between a headline and its by-line
        while above > 0 and _under_headline(held[above].text):
            above -= 1
        if 0 <= above < head - 1 and headline_score(held[above].text) >= 0.5 and not _under_headline(held[above].text) and not date_line(
                held[above].text):  # (a date row over the headline heads nothing)
            head = above + 1  # "Headline", "Expert comment", "Transport", then the date: the headline heads the item
        following = held[head].text if head < len(held) else resumed
        if head > 0 and looks_like_title(held[head - 1].text, following):
            start = head - 1
            if start > 0 and len(held[start - 1].text) <= DATE_ROW and date_line(held[start - 1].text):
                start -= 1  # a feed's date row over the headline ("March 20, 2025, 4:12 pm"): the item's too
            debris.extend(held[:start])
            return [*current, *(Block(d.line, d.text) for d in held[start:])], []
    debris.extend(held)
    return current, []
