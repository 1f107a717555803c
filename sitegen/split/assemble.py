"""One article's lines → a `SplitArticle`: metadata out of the text, flags on it, Markdown body.

Owns reading an article's own lines: the title line (and its publisher
suffix) or a title made from the opening words; a "By NAME" line and a date
line (past labels, page fields and a forum's tags; a forum poster's handle);
the end matter read backwards — translator and wire credits ("Reporting by
NAME"), lines of credits, "Follow NAME on X" lines, the licence statement, the
bio (which may share the statement's paragraph or run over two paragraphs),
signatures (on one line or two, several under one valediction); whether the
text is a fragment (a teaser, a listing's card, text that breaks off);
flag annotations; the body. Title, by-line, bio, licence and credit lines leave the body for the
front matter. Must not look at other articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sitegen.annotate.anchor import AnchorStatus, locate
from sitegen.errors import Problem, warning
from sitegen.model import Annotation, Article, ArticleKind, Licence, LicenceKind, Source
from sitegen.split.body import display_text, to_markdown
from sitegen.split.clean import follow_name
from sitegen.split.dates import BRACKETED_STAMP, date_of, dated, day_line, month_year, relative_date, stamp_date, time_stamp
from sitegen.split.flags import flag_blocks, is_caption
from sitegen.split.licence import detect_licence
from sitegen.split.masthead import Masthead
from sitegen.split.answers import answerers
from sitegen.split.postfeet import poster
from sitegen.split.meta import (
    is_handle,
    bare_name,
    is_person_name,
    bio_names,
    plain_bio_names,
    book_authors,
    continues_bio,
    contribution,
    credit_names,
    group_byline,
    inverted_name,
    is_post,
    looks_like_title,
    names_no_writer,
    not_a_writer,
    own_suffix,
    photographer,
    split_title,
    title_from_text,
    translator_names,
    UPPER,
)
from sitegen.split.boundary import Item, PostHead
from sitegen.split.briefs import lead_in
from sitegen.split.writers import (
    deck_writer,
    listed_by,
    closing_words_by,
    first_name_signature,
    group_signature,
    post_signature,
    guest_names,
    handle_names,
    head_names,
    led_names,
    signed_with_post,
    statement_writers,
)
from sitegen.split.readerview import READING_TIME
from sitegen.split.roles import (
    FIRST_PAIR, Role, byline_names, date_line, dated_byline, fact_row, first_name, heads_an_item, is_label, person, shape,
    signature,
)
from sitegen.split.firsts import initialled
from sitegen.split.threads import attachment_row, member_row
from sitegen.split.text import (
    BULLET,
    NUMBERED,
    TABLE_ROW,
    Block,
    Debris,
    ends_sentence,
    is_list_item,
    stops_mid_sentence,
)

PREFIX_CHARS = 40
BRIEF_LINES = 4  # one bullet's brief: its line and the lines it wraps onto
HEAD_LINES = 4  # a by-line or date is looked for among this many lines under the title
HEAD_FACT_MAX = 80  # a line of facts under a headline is no longer
STANDFIRST_MAX = 320  # a standfirst above the by-line is no longer
VALEDICTION_MAX = 40  # "See you next week," above a signature is no longer
TRAILING = 2  # lines after the end matter that are none of it, left in the text
RUNNING_MIN = 40  # a line at least this long is running text, not a label or a credit
TEASER_SHORT = 300  # a teaser's lines of text together are no longer than this (three short lines)
TEASER_PARAGRAPHS = 3  # a teaser has fewer paragraphs of running text than this, or fewer than one less longer than TEASER_SHORT
WHOLE_NAME_LINES = 6  # a first name's whole name is looked for in this many lines at each end of the item
CONTACT_LINES = 6  # a media contact's heading, name, post, body, phone and e-mail
_CONTACT = re.compile(  # the heading of a press release's media contact, alone on its line
    r"^(?:(?:media|press|investor|investor and media) (?:contacts?|enquiries|inquiries|relations|office)|contacts?)\W*$", re.IGNORECASE
)
HEADLINE_SENTENCES_MAX = 120  # a headline written as sentences is no longer
CAPTION_PARAGRAPHS = 2  # a picture's caption has no more paragraphs of running text (its credit counted)
CARD_TEXT = 200  # a card's paragraph is no longer
CARD_LINE = 80  # a line of a card this long is text, whatever its end (shorter, it is text when it ends a sentence)
FRAGMENT_MIN = 100  # a titled text must break off in a paragraph at least this long to be a fragment
_LINK_ROW = re.compile(r"\s[|·•]\s")
_FIELD = re.compile(r"^[A-Z][\w-]*(?: [\w-]+)?:\s+\S")  # "Source: Action Santé", "Posted: 16 Nov 2026"
_IMPRINT = re.compile(  # where the text was printed, or an election imprint: "Promoted by X on behalf of Y"
    r"^(?:(?:printed and )?published (?:in|by) (?:the )?[A-Z]|(?:promoted|printed) by [A-Z].{2,200}$)|^(?:media |press )?contacts?:",
    re.IGNORECASE,
)
_OTHERS = re.compile(r"^(?:and|&|\+)\s+[\d,.]+\s+(?:others|more|other signatories)\.?$", re.IGNORECASE)
_SMALL = frozenset("to of the for and & de du la le von van".split())
POST_SIGNATURE_LINES = 4  # a forum post's signing name stands among its last lines (a forum signature may follow)
_CLOSING_AFTER = re.compile(  # closing words after the post's last sentence: "Photo of the slices attached. Cheers, Sid"
    r"[.!?]\s+(?:thanks|thank you|cheers|regards|best|ta)\b[^,.!?]{0,30},\s*(\S+)$", re.IGNORECASE)
_CLOSING_NAME = re.compile(r"^(?:thanks|thank you|cheers|regards|best|ta)\b[^,]{0,30},\s*(\S+)$", re.IGNORECASE)  # "Thanks, Owen"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CREDITED = re.compile(r"\bby:?\s+[A-Z]")
_DATE_WORDS = frozenset("posted updated published monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_LINK_END = re.compile(r"\s+(?:https?://|www\.)\S+$")
_NUMERIC_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")  # "24.02.2027"
_DATELINE = re.compile(r"^[A-Z][A-Z .’'-]{2,30}(?:, [A-Z][\w .’'-]{1,30})? [—–-] [A-Z]")  # "STOCKHOLM, Sweden — …"
_PICTURES = initialled(r"\b(?:images?|photos?|photographs?|pictures?|videos?|illustrations?)\b", re.IGNORECASE)
_GUEST_TITLE = re.compile(r"^guest (?:post|blog|column)\b", re.IGNORECASE)  # "Guest post: My first week with a trowel"
_WRITING = initialled(r"\b(?:text|article|post|story|piece|report|words)\b", re.IGNORECASE)
_GLUED_DATE = re.compile(
    r"(?<=[a-z])(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December) \d|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
SIGNED_BIO_MAX = 300  # a line about the writer under their signature is no longer
_POSTER = re.compile(r"^posted\b.{0,60}?\bby\s", re.IGNORECASE)  # "Posted on 27 September 2025 by NAME": who posted it
_BY_LEAD = re.compile(r"^(?:(?:words|written|text|story|report(?:ed)?|posted)\s+)?by\s", re.IGNORECASE)  # "By NAME", "Words by NAME"
_ROW_PARTS = re.compile(r"\s+[|·•]\s+")  # the parts of a row: "Tidy Tides | Jade Mwangi", "9 April 2025 · Guest posts"
_OWNER = re.compile(r"^((?:[A-Z][\w.-]+ ){1,3}[A-Z][\w.-]+)[’']s (?:Substack|blog|newsletter|website|Medium)$")


@dataclass(frozen=True, slots=True)
class SplitArticle:
    """An article found in a dump, ready to become an article file (`to_article`)."""

    title: str
    body: str  # Markdown
    authors: tuple[str, ...]
    byline: str | None
    translators: tuple[str, ...]
    publisher: str | None
    licence: Licence
    kind: ArticleKind
    source: Source
    annotations: tuple[Annotation, ...]
    body_lines: tuple[int, ...]  # dump lines whose text is in the body
    meta_lines: tuple[int, ...]  # dump lines taken into the front matter (title, by-line, bio, licence, credits)
    date: dt.date | None = None
    debris: tuple[Debris, ...] = field(default=())  # lines of its range dropped as page furniture
    problems: tuple[Problem, ...] = field(default=())  # what an editor should know about how it was split
    confidence: float = 1.0  # how sure the split is of this article's boundaries and title (0 to 1)
    review: tuple[tuple[int, str], ...] = field(default=())  # (dump line, what to check), also as review flags

    def to_article(self, slug: str, path: str) -> Article:
        return Article(
            slug=slug, path=path, title=self.title, body=self.body, authors=self.authors, byline=self.byline,
            translators=self.translators, publisher=self.publisher, date=self.date, licence=self.licence, kind=self.kind,
            source=(self.source,), annotations=self.annotations,
        )


@dataclass(slots=True)
class _Found:
    """What the end matter and the head tell about the article, filled while reading it."""

    authors: list[str] = field(default_factory=list)
    bylines: dict[int, str] = field(default_factory=dict)  # line → by-line, bio or credit text
    translators: list[str] = field(default_factory=list)
    licence: Licence = field(default_factory=Licence)
    meta_lines: list[int] = field(default_factory=list)
    debris: list[Debris] = field(default_factory=list)
    ended: bool = False  # the text has end matter: it is complete
    group: bool = False  # the by-line found so far names a group ("Research news", "Staff"): people may follow
    dated: bool = False  # the by-line found so far is a name after a date ("October 2026 · Planning Tips"): a "By NAME" may follow
    posted: bool = False  # the by-line found so far names who posted the item ("Posted on DATE by NAME"): its writer's may follow
    date: dt.date | None = None
    day_row: bool = False  # the item opened on a row of its day with no year over its headline ("Sat 4 – Mon 6 April")
    site: Masthead | None = None  # the site's names: a by-line giving one names no writer

    def add_authors(self, names: list[str]) -> None:
        if self.site:
            names = [n for n in names if not self.site.names_the_site(n)]  # "Posted by Port Hills Pest Free"
        names = [bare_name(n) for n in names if not _dated_words(n)]  # "Chief Mike Dwyer": the name without the rank
        self.authors += [n for n in names if n not in self.authors and not not_a_writer(n)]

    @property
    def byline(self) -> str | None:
        """Every by-line, bio and credit, verbatim, in the order of the text."""
        return "\n\n".join(text for _, text in sorted(self.bylines.items())) or None


def assemble(
    blocks: tuple[Block, ...], name: str, roles: tuple[Role, ...] | None = None, item: Item | None = None,
    site: Masthead | None = None,
) -> SplitArticle:
    """The article made of these consecutive content lines of dump `name` (with their roles, the
    boundary's confidence and doubts, and the site's names from the dump's head, when known)."""
    lines = list(blocks)
    first, last = lines[0].line, lines[-1].line
    found = _Found(site=site)
    title, publisher = None, None
    review = list(item.doubts) if item else []
    reviewed = bool(item and item.post and item.post.review)  # a user's review, its head read by `reviews`
    confidence = item.confidence if item else 1.0
    if len(lines) > 2 and _date_over_headline(lines[0].text, lines[1].text, lines[2].text):
        row = lines.pop(0)  # "DECEMBER 16, 2024 | SEASON" over a teaser, "Report | 13 March 2025 | Rapporteur: NAME"
        found.date = date_of(row.text) or _row_date(row.text) or stamp_date(row.text)
        found.day_row = found.date is None and day_line(row.text)
        found.meta_lines.append(row.line)
        if names := byline_names(row.text):
            found.add_authors(names)
            found.bylines[row.line] = row.text
    ranked = NUMBERED.match(lines[0].text)  # "1. [18]Teachers to strike …": a ranked teaser's headline, its rank no part of it
    brief = lead_in(lines[0].text) if item and (item.teaser or _one_brief(lines)) else None
    if brief is not None and brief[1] == "label":
        title = brief[0]  # "* Awards: Entries for the … close on 10 April.": a brief, titled by its lead-in, its line its text
    elif ranked and looks_like_title(ranked.group(3), lines[1].text if len(lines) > 1 else None):
        title, publisher = split_title(ranked.group(3))
        found.meta_lines.append(lines.pop(0).line)
    elif reviewed:
        title = item.post.title  # a review's title stands in its head, if it has one
    elif item and item.headed or looks_like_title(lines[0].text, lines[1].text if len(lines) > 1 else None) or _sentence_headline(lines):
        title, publisher = _take_title(lines, found)
    if item and item.post:
        _read_post_head(lines, found, item.post)
        title = item.post.title or title
    _read_head(lines, found, titled=title is not None, title=title)
    if title is None and not reviewed and first in found.meta_lines and _headline_under_head(lines):
        title, publisher = _take_title(lines, found)  # "Posted on 18 November 2025 by NAME" over the headline
        _read_head(lines, found, titled=True, title=title)  # and a by-line under it ("Words by NAME, …")
    guest = next(filter(None, (guest_names(b.text) for b in lines[:3])), None)
    guest = guest or (deck_writer(lines[0].text) if lines and not reviewed else None)  # "Adviser NAME writes about …" opening it
    card = len(lines) >= 2 and len(lines[-1].text) <= 100 and (date_line(lines[-1].text) or heads_an_item(lines[-1].text))
    card = (card or _card(lines, found)) and not reviewed  # (a review's "Date of experience: …")
    _read_end_matter(lines, found)
    if found.licence.statement is None:
        _read_head_licence(lines, found)
    if guest:  # "This is a guest post by NAME": the guest wrote it, not the one who posted it
        found.authors = []
        found.add_authors(guest)
    elif title and _GUEST_TITLE.match(title) and len(found.authors) > 1:  # "Guest post: …" with the guest's bio
        posters = {poster(b.text) for b in blocks}
        found.authors = [a for a in found.authors if a not in posters] or found.authors
    answered = [n for n in map(bare_name, next(filter(None, (answerers(b.text) for b in blocks[1:])), []))
                if is_person_name(n) and not (site and site.names_the_site(n))]  # (not "Answered by Skerry Knitwear")
    if answered and not {a.split()[-1] for a in found.authors} & {n.split()[-1] for n in answered}:
        found.authors = answered  # "Answered by NAME, role" under a reader's question: the answer's writers, not the one who asked
    if not found.authors:
        found.add_authors(next(filter(None, (listed_by(b.text, title) for b in lines)), None) or _photographer(lines))
    if not found.authors and found.licence.statement:
        found.add_authors(book_authors(found.licence.statement))  # "Extracted from BOOK by NAME (Publisher)"
    owner = _OWNER.match(found.licence.origin or "")
    if not found.authors and owner and found.licence.kind is LicenceKind.PERMISSION:
        found.authors.append(owner.group(1))  # "first published on Andrew Korybko’s Substack"
    if reviewed:
        if item.post.authors is not None and not (found.authors and item.post.authors and all(map(is_handle, item.post.authors))):
            found.authors = list(item.post.authors)  # a review's writers, as its head names them (not a handle over a signed name)
    elif item and item.post and _handle_only(item.post.poster) and not found.authors:
        found.add_authors(_signed_post(lines))  # "Thanks in advance," / "Graham" under a post its head names by a handle
    if item and item.post and not reviewed and (not _handle_only(item.post.poster) or not found.authors):
        found.authors = [item.post.poster]  # the name the forum shows; a handle only when the post is signed with no name
    notice = title is not None and inverted_name(title)
    kind = _kind(
        lines, titled=title is not None, ended=found.ended, teaser=bool(item and item.teaser), notice=notice,
        signed=bool(found.bylines), card=card,
    )
    if reviewed:
        kind = ArticleKind.ARTICLE  # a review is whole, titled or not
    elif item and item.card and not any(first_name_signature(text) for text in found.bylines.values()):
        kind = ArticleKind.FRAGMENT  # a directory's card stands for the place's own page, however much it says (a guide's entry signed "— R.K." is whole)
    problems = []
    if title is None:
        title = opening_title(display_text(lines[0].text) if lines else "")
        what = "a fragment (its text breaks off)" if kind is ArticleKind.FRAGMENT else "an article"
        if title is None:
            title = f"Untitled fragment ({name} line {first})"
            problems.append(warning(f"{what} without a title line, and its opening words make no title: {title!r}", name, first))
            review.append((first, "no title line, and its opening words make no title: give it one"))
            confidence = min(confidence, 0.5)
        else:
            problems.append(warning(f"{what} without a title line: titled from its opening words, {title!r}", name, first))
            confidence = min(confidence, 0.8)
    found.authors = [_handle_alone(a) for a in found.authors]
    if any(" " not in a for a in found.authors):
        found.authors = [_whole_name(a, blocks, item.signer if item else None) for a in found.authors]
    texts = [b.text for b in lines]
    confidence = round(confidence, 2)
    annotations, flagged = _flags(lines, review, confidence)
    return SplitArticle(
        title=title,
        body=to_markdown(texts, no_headings=flagged),
        authors=tuple(found.authors),
        byline=found.byline,
        translators=tuple(found.translators),
        publisher=publisher,
        licence=found.licence,
        kind=kind,
        source=Source(name, (first, last)),
        annotations=annotations,
        body_lines=tuple(b.line for b in lines),
        meta_lines=tuple(sorted(found.meta_lines)),
        date=found.date,
        debris=tuple(found.debris),
        problems=tuple(problems),
        confidence=confidence,
        review=tuple(review),
    )


_HANDLE_FIRST = re.compile(r"^(?P<handle>[a-z0-9][\w.-]*_[\w.-]*|[a-z][a-z0-9.]*\d[\w.-]*)\s+(?P<rest>\S.*)$")  # "saison_sue", "ben84"
_RATING = re.compile(r"^\d(?:\.\d{1,2})?(?:\s*/\s*\d+)?$")  # "4.5", "3.0", "4/5"


def _handle_alone(name: str) -> str:
    """A reviewer's handle without the rating or date read after it: "saison_sue 4.5" →
    "saison_sue", "harbourlights_anne March 2" → "harbourlights_anne"."""
    found = _HANDLE_FIRST.match(name)
    if found is None:
        return name
    rest = found.group("rest")
    return found.group("handle") if _RATING.match(rest) or (when := dated(rest)) is not None and when.start() == 0 else name


def _whole_name(name: str, blocks: Sequence[Block], signer: str | None = None) -> str:
    """A writer signing with a first name ("— Sofie", "Mireille") by the whole name the item's
    head or end gives them ("Sofie Lindqvist · 2 November 2026", "from the kitchen of Mireille
    Fabre", "From: Ruth Kaminski <…>") or the blog's posting line under it gives (`signer`), or
    the first name when none does."""
    if " " in name:
        return name
    if signer and signer.split()[0] == name and person(signer):
        return signer  # "— Gareth" over "Posted by Gareth Lumb at 19:42"
    whole = re.compile(rf"\b{re.escape(name)} [{UPPER}][\w’'-]+(?: [{UPPER}][\w’'-]+)?")
    for block in (*blocks[:WHOLE_NAME_LINES], *blocks[-WHOLE_NAME_LINES:]):
        if "©" in block.text or "opyright" in block.text:
            continue  # "© 2026 Ingrid Solberg": the owner's legal name, not the one the writer signs with
        for found in whole.findall(block.text):
            if person(found):
                return found
    return name


def opening_title(text: str) -> str | None:
    """A title made from the opening words of untitled text, when they read as a phrase: four
    words or more, starting with a capital (not a word cut in two), mostly words; else None."""
    head = title_from_text(text)
    if _BROKEN_END.search(head):
        head = head.rsplit(None, 1)[0] + "…"  # "… introduce our an-": the word broken at the line's end is left out
    words = head.split()
    letters = sum(map(str.isalpha, head))
    first = head.lstrip("“\"‘'«(")[:1]
    if len(words) < 4 or letters < 0.6 * len(head) or not (first.isupper() or first.isdigit()):
        return None
    if shape(text).list_like:
        return None
    return head


_BROKEN_END = re.compile(r"\s\w*[a-z]-$")  # a word broken at a line's end, its rest on the next
HEADLINE_REST = 70  # the rest of a headline wrapped onto the line under it is no longer
_DANGLING = frozenset(  # words no headline ends with: an article, a preposition, a conjunction, a possessive
    "a an the of by at for and or to from with into about between that who whose which its their our my your his her".split()
)
CAPS_WRAPPED = 24  # a headline in capitals at least this long may be wrapped onto a short line in capitals
_LEDE = re.compile(r"^[A-ZÀ-ÖØ-Þ’']{2,}(?: [A-ZÀ-ÖØ-Þ’']{2,})* [a-z]")  # a paper's first words in capitals: "THE cattle mart in …"
HEADLINE_LINES = 3  # a headline wrapped over narrow columns has at most this many lines
CAPITAL_REST = 5  # the rest of a headline opening with a capital has at most this many words
READER_HEAD = 3  # and a reader view's reading time is at most this many lines under it
DATE_OVER_MAX = 60  # a date line over a headline is no longer
DATE_ROW_MAX = 100  # nor a row of its date and other parts ("Report | 13 March 2025 | Rapporteur: NAME")
_NO_HEADLINE_REST = re.compile(r"^\s*by\b|›|://|\w\.[a-z]{2,}\b")  # a by-line, an address


def _read_head(lines: list[Block], found: _Found, *, titled: bool, title: str | None = None) -> None:
    """Take a by-line ("By NAME", "NAME | Publisher" or a name alone under a title, "Posted on
    DATE by NAME") and a date line off the head of `lines`; a rating, a label or a standfirst
    between them stays in the text. A line ending in a colon introduces a speaker ("JANE HILL,
    HOST:"), not a writer."""
    i = 0
    standfirst = False
    while i < min(len(lines) - 1, HEAD_LINES):
        text = lines[i].text
        if _CONTACT.match(text):
            return  # a media contact's heading: the name under it is no writer's
        led = (found.dated or found.posted) and _BY_LEAD.match(text) is not None  # "By NAME" under "October 2026 · Planning Tips"
        led = led and not _POSTER.match(text)  # or under "Posted on DATE by NAME": the writer, not the poster
        open_byline = found.byline is None or found.group and not found.authors or led
        names = handle_names(text) if titled and open_byline else None  # "Originally posted by HANDLE on Site"
        names = names or (byline_names(_unglued(text), after_title=titled) if open_byline and not text.endswith(":") else None)
        if led and names:
            found.authors, found.dated = [], False  # the name after the date was a section's or a place's
        names = names or (_handle(lines, i) if titled and not found.authors else None)
        names = names or (head_names(text) if titled and open_byline else None)
        if names and title and text.strip() == title:
            names = None  # the headline's name again, over a page about that person: no by-line
        site_only = bool(names and found.site and all(map(found.site.names_the_site, names)))
        if site_only:  # "Posted by Port Hills Pest Free": a by-line naming no writer, who may follow
            names = _after_the_site(text, found.site)  # "Tidy Tides | Jade Mwangi": the site, then the writer
            site_only = not names
        dated_head = found.date is None and date_of(text) and i + 1 < len(lines) and _names_under_title(lines[i + 1].text)
        if standfirst and not names and found.byline is None and not dated_head:  # a date under it only over a by-line
            if len(text) <= 60 and is_label(text) or _head_fact(text):
                i += 1  # past labels (a forum's tags) and facts (a match's score) to a by-line
                continue
            return  # only a by-line is looked for under a standfirst
        if standfirst and names and i >= len(lines) - 2 and not heads_an_item(text):
            return  # a signature closing a one-paragraph letter is the end matter's
        if names or site_only or found.byline is None and titled and group_byline(text):  # "Staff and agencies": no person
            found.group = not names
            found.dated = bool(names) and not led and _dated_names(text)
            found.posted = bool(names) and not led and _POSTER.match(text) is not None
            found.add_authors([] if names_no_writer(text) and not led_names(text) else names or [])  # "Hosted by NAME": not the writer
            found.bylines[lines[i].line] = text
            found.date = found.date or next(filter(None, map(date_of, re.split(r"\s+[|·•–—-]\s+|,\s+(?=\D)|\s+on\s+|\s+by\s+", _unglued(text)))), None)
        elif found.date is None and date_of(text):
            found.date = date_of(text)
        elif found.date is None and i == 0 and _POSTER.match(text) and (dated := date_of(text.rsplit(" by ", 1)[0])):
            found.date = dated  # "Posted on 11 March 2026 by Special Collections": the date, posted by a group, no writer
        elif found.date is None and (dated := _labelled_date(text)):  # "9 April 2025 · Guest posts"
            found.date = dated
        elif len(text) <= 60 and (
            is_label(text) or relative_date(text) or sum(map(str.isalpha, text)) < 0.5 * len(text) or _FIELD.match(text)
        ):  # a rating, a label, a field of the page ("Format: News and Press Release"): stays in the text
            i += 1
            continue
        elif titled and not standfirst and found.byline is None and _standfirst(text):
            i += 1  # a standfirst or a subheading between the headline and its by-line stays in the text
            standfirst = True
            continue
        else:
            return
        found.meta_lines.append(lines.pop(i).line)


def _take_title(lines: list[Block], found: _Found) -> tuple[str, str | None]:
    """Take the headline off the head of `lines`, with the rest of it wrapped under it, and return
    it and the publisher named after it ("Title | Publisher")."""
    title, publisher = split_title(lines[0].text)
    if publisher and own_suffix(title, publisher):
        title, publisher = " ".join(lines[0].text.split()), None
    found.meta_lines.append(lines.pop(0).line)
    for _ in range(_headline_rest(lines, title)):  # a headline wrapped over narrow columns
        title = f"{title} {' '.join(lines[0].text.split())}"
        found.meta_lines.append(lines.pop(0).line)
    return title, publisher


def _headline_under_head(lines: list[Block]) -> bool:
    """What is left of an item under the by-line or date row over it opens with its headline: a line
    that reads as a title, no label of a word or two ("NEW"), over text that does not go on from it in lower case."""
    text = lines[0].text if lines else ""
    return (len(lines) > 1 and looks_like_title(text, lines[1].text) and not (len(text.split()) <= 2 and is_label(text))
            and not lines[1].text.lstrip()[:1].islower())


def _one_brief(lines: list[Block]) -> bool:
    """The item is one bullet's brief, its text wrapped onto a line or two ("* Kit order: the winter
    kit order closes on 30 November.")."""
    return len(lines) <= BRIEF_LINES and all(not BULLET.match(b.text) for b in lines[1:])


def _date_over_headline(text: str, under: str, below: str) -> bool:
    """An item opens with its date line over its headline ("DECEMBER 16, 2024 | SEASON", "18:02 IST |
    States", then the headline): a short dated line, no sentence, over a line that reads as a title."""
    if ends_sentence(text) or len(text) > DATE_ROW_MAX or len(text) > DATE_OVER_MAX and not _ROW_PARTS.search(text):
        return False
    return (bool(date_of(text) or _labelled_date(text) or time_stamp(text) or day_line(text) or _ROW_PARTS.search(text) and date_line(text)
                 or BRACKETED_STAMP.search(text)
                 or fact_row(text) and not fact_row(under) and not ends_sentence(under))
            and looks_like_title(under, below))


def _headline_rest(lines: list[Block], headline: str = "") -> int:
    """How many lines under a headline are the rest of it, wrapped (one to `HEADLINE_LINES` - 1): each
    short, opening in lower case or with a bracket ("(Craspedocephalus malabaricus) in Kodagu
    district", "close after 70 years", "as buyers move online"), no sentence, with a by-line, a
    date or a paper's lede ("PUPILS from Scoil Náisiúnta …") under the last; 0 when there is none. A
    headline that cannot end where its line does (on "of", "the", "by": "A History of Election Night,
    by" over "Rhiannon Price"), or one in capitals wrapped onto a short line in capitals ("… OF UPPER
    DALES COMMUNITY" over "TRANSPORT"), goes on under it whatever follows."""
    taken = 0
    while taken < min(HEADLINE_LINES - 1, len(lines)) and (_dangling(headline) or _caps_wrapped(headline, lines[taken:])) \
            and _rest_line(lines[taken].text, headline):
        headline = f"{headline} {lines[taken].text.strip()}"
        taken += 1
    for n in range(taken, min(HEADLINE_LINES - 1, len(lines) - 1)):
        under = lines[n + 1].text
        if not (_goes_on(lines[n].text) or n == 0 and _capital_rest(headline, lines[0].text, lines[1:])):
            return taken
        if date_line(under) or byline_names(under, after_title=True) or _LEDE.match(under) or READING_TIME.match(under.strip()):
            return n + 1
    return taken


def _dangling(headline: str) -> bool:
    """A headline's line that ends on a word no headline ends with: "… the launches of", "… by"."""
    words = headline.split()
    return len(words) >= 3 and words[-1].lower() in _DANGLING and (words[-1].islower() or headline.isupper())  # (not "Grade A")


def _caps_wrapped(headline: str, lines: list[Block]) -> bool:
    """A long headline in capitals over a short line in capitals that is its end, text under that."""
    rest = lines[0].text.strip()
    return (len(headline) >= CAPS_WRAPPED and headline.isupper() and headline[-1:].isalpha() and rest.isupper() and len(rest.split()) <= CAPITAL_REST
            and len(lines) > 1 and not lines[1].text.isupper())


def _rest_line(text: str, headline: str) -> bool:
    """A line that may be the end of a headline wrapped over it: short, no sentence, no date, and no
    by-line of its own (a name after "… by" is the headline's)."""
    text = text.strip()
    if not text or len(text) > HEADLINE_REST or ends_sentence(text) or date_line(text) or READING_TIME.match(text) \
            or sum(map(str.isalpha, text)) < 0.5 * len(text):  # (not a price: "$2.49")
        return False
    return headline.split()[-1].lower() == "by" or not (byline_names(text, after_title=True) or names_no_writer(text))


def _capital_rest(headline: str, rest: str, below: list[Block]) -> bool:
    """A headline's rest that opens with a capital ("What a Danish island's heating co-op can teach" /
    "British community energy"): a few words, no sentence, no by-line or date, a line or two over the
    reading time of a reader view, under a headline line that ends on a word in lower case."""
    last = headline.rstrip().rsplit(None, 1)[-1] if headline.strip() else ""
    if not (last[:1].islower() and last.isalpha() and rest[:1].isupper() and len(rest.split()) <= CAPITAL_REST) or ends_sentence(rest):
        return False
    if date_line(rest) or byline_names(rest, after_title=True) or names_no_writer(rest) or READING_TIME.match(rest.strip()):
        return False  # the by-line or the date itself
    return any(READING_TIME.match(b.text.strip()) for b in below[:READER_HEAD])  # (a reader view's head: no page's place or button)


def _goes_on(text: str) -> bool:
    """A line that may go on a headline: short, opening in lower case or with a bracket, no sentence,
    no by-line or date of its own."""
    first = text.lstrip()[:1]
    if len(text) > HEADLINE_REST or not (first == "(" or first.islower()) or ends_sentence(text):
        return False
    # "by Niall Keogh" is the by-line itself; "sunshinecocoa.org.ng › news" a result's address
    return not (_NO_HEADLINE_REST.search(text) or date_line(text) or byline_names(text, after_title=True) or names_no_writer(text))


def _row_date(text: str) -> dt.date | None:
    """The date among a row's parts ("Roundtable report | 13 March 2025 | Rapporteur: NAME"), or None."""
    return next(filter(None, map(date_of, _ROW_PARTS.split(text.strip()))), None)


def _labelled_date(text: str) -> dt.date | None:
    """The date of a row that gives a date and a label or two of the page ("9 April 2025 · Guest
    posts", "Interviews | 3 May 2026"), or None."""
    parts = _ROW_PARTS.split(text.strip()) if len(text) <= 80 else []
    if not 2 <= len(parts) <= 3:
        return None
    dates = [d for d in map(date_of, parts) if d]
    labels = [p for p in parts if not date_of(p)]
    if len(dates) != 1 or any(len(p.split()) > 4 or ends_sentence(p) for p in labels):
        return None
    return dates[0]


def _unglued(text: str) -> str:
    """A by-line with the space put back that a scrape lost between a name and the date after it:
    "By Lakshmi VenkatramanSunday, 18 May 2025", "by MarciaJanuary 14, 2025", "NAME | Msingi Business Review04 March 2025"."""
    return _GLUED_DATE.sub(" · ", text) if len(text) <= 120 else text


def _dated_names(text: str) -> bool:
    """A by-line that gives a date, then a name with no "by" before it: "October 2026 · Planning Tips"."""
    parts = _ROW_PARTS.split(text.strip(), maxsplit=1)
    return len(parts) == 2 and bool(date_line(parts[0]) or month_year(parts[0])) and _BY_LEAD.match(parts[1]) is None


def _after_the_site(text: str, site: Masthead) -> list[str] | None:
    """The writer a by-line names after the site's name ("Tidy Tides | Jade Mwangi"), or None."""
    parts = _ROW_PARTS.split(text.strip())
    names = byline_names(parts[1], after_title=True) if len(parts) == 2 and site.names_the_site(parts[0]) else None
    return names if names and not any(map(site.names_the_site, names)) else None


def _read_head_licence(lines: list[Block], found: _Found) -> None:
    """A licence stated at the head of the item, when its end matter states none: in its by-line
    ("This article was written by NAME … and is republished here with her kind permission") or a
    line under the headline ("The following appeared in X and is reproduced with permission",
    "arXiv:2603.11342 | License: CC BY 4.0"); the line stays in the text."""
    head = lines[: min(HEAD_LINES, len(lines) - TRAILING)]  # not the end's lines: a notice there is the site's
    for text in [text for _, text in sorted(found.bylines.items())] + [b.text for b in head]:
        licence = detect_licence(text)
        if licence and not _PICTURES.search(licence[0].statement or "") or licence and _WRITING.search(licence[0].statement or ""):
            found.licence = licence[0]  # (a caption's "Images are released under CC BY" is the pictures')
            return


def _read_post_head(lines: list[Block], found: _Found, head: PostHead) -> None:
    """Take a forum post's head (the thread's facts, the poster's names, rank and figures, the post's
    date) off the text, and the poster's name and figures printed under it: the line naming the
    poster is the by-line, the post's date the article's."""
    while len(lines) > 1 and not head.review and (lines[-1].text.strip() == head.poster or member_row(lines[-1].text)):
        found.meta_lines.append(lines.pop().line)  # the poster's name and figures under the post (phpBB's prosilver as text)
    while len(lines) > 1 and not head.review and attachment_row(lines[-1].text):
        found.debris.append(Debris(lines[-1].line, lines[-1].text, "a forum post's list of attachments"))
        lines.pop()  # ("Attachments", "hearth_side.jpg (188.02 KiB) Viewed 214 times"): no text, and no signature
    first, last = head.lines
    taken = [b for b in lines if first <= b.line <= last]
    if not taken:
        return
    named = next((b for b in taken if head.poster in b.text), taken[0])
    found.bylines[named.line] = named.text
    found.meta_lines += [b.line for b in taken]
    found.date = head.date
    lines[:] = [b for b in lines if not first <= b.line <= last]


def _handle_only(poster: str) -> bool:
    """Whether a forum shows a poster by a handle only, no name: "hopsandhops", "Tidewaiter",
    "GwenLlanelli" (one word; a first name signing the post then names its writer)."""
    return is_handle(poster) or " " not in poster.strip()


def _signed_post(lines: list[Block]) -> list[str]:
    """The first name a forum post is signed with, alone on a line among its last ("Graham" under
    "Thanks in advance,", over the forum signature "Spotmatic SP, ES II, too many Takumars"), or
    after its closing words on one ("Thanks, Owen"); none when no line so signs. The post's
    attachments and the poster's block printed under it ("Attachments", "scaff_dean84",
    "Posts: 412") are passed over."""
    text_lines = [b for b in lines if not (attachment_row(b.text) or member_row(b.text) or is_handle(b.text.strip()))]
    tail = text_lines[-POST_SIGNATURE_LINES - 1 :]
    for k in range(len(tail) - 1, 0 if len(tail) > POST_SIGNATURE_LINES else -1, -1):
        text = tail[k].text.strip().rstrip(".!")
        closing = _CLOSING_NAME.match(text) or _CLOSING_AFTER.search(text)
        name = closing.group(1) if closing else text
        under_closing = k > 0 and len(tail[k - 1].text) <= VALEDICTION_MAX and tail[k - 1].text.rstrip().endswith(",")
        if " " not in name and (first_name(name) or under_closing and name.istitle() and name.isalpha()):
            return [name]  # (under "Cheers," a name that is also a post signs: "Dean")
    return []


def _head_fact(text: str) -> bool:
    """A short line of figures between a standfirst and the by-line, not a sentence: a match's score
    ("Sheffield Sabres 84 – 79 Leeds Rhinos"), a kicker, a reading time."""
    return len(text) <= HEAD_FACT_MAX and any(c.isdigit() for c in text) and not ends_sentence(text) and not is_list_item(text)


def _handle(lines: list[Block], i: int) -> list[str] | None:
    """A poster's handle alone above the post's date, as forums show it: "hopsandhops", "Greta_L"
    (one word in lower case, or with a digit or an underscore: not a capitalised section label)."""
    text = lines[i].text
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    if not is_handle(text) or not (date_line(below) or relative_date(below) or month_year(below)):
        return None
    return [text]


def _sentence_headline(lines: list[Block]) -> bool:
    """A headline written as a sentence or two ("The scheme is collapsing. Here's the evidence.",
    "Meet the makers: Cider & Perry Co."): short, over its by-line or date within two lines."""
    text = lines[0].text
    if len(lines) < 3 or len(text) > HEADLINE_SENTENCES_MAX or not text.endswith(".") or len(_SENTENCE_END.split(text)) > 2:
        return False
    if byline_names(text) or date_line(text) or not text[:1].isupper():
        return False
    return any(_names_under_title(b.text) for b in lines[1:3])


def _names_under_title(text: str) -> bool:
    """The line under a first line names its writers: the first line is then a headline, even
    one that reads like a name ("Winter Harbour" over "NAME, translated from the Finnish by NAME")."""
    return len(text) <= 160 and bool(byline_names(text, after_title=True) or head_names(text) or date_line(text))


def _standfirst(text: str) -> bool:
    """A sentence or two that sums the article up, or a second headline, under its headline."""
    return len(text) <= STANDFIRST_MAX and not is_list_item(text)


def _photographer(lines: list[Block]) -> list[str]:
    """The photographer of a photo essay: the one person every photo credit names, credited twice
    or more (one credit only names who took one picture); or of a picture desk's item, a caption
    of a paragraph or two under a dateline with its photo's credit."""
    credited = [photographer(b.text) for b in lines if len(b.text) <= 120]
    names = {n for n in credited if n}
    running = [b.text for b in lines if len(b.text) >= RUNNING_MIN]
    caption = 0 < len(running) <= CAPTION_PARAGRAPHS and bool(_DATELINE.match(running[0]))  # a picture desk's: "OSLO, Norway — …"
    return list(names) if len(names) == 1 and (sum(1 for n in credited if n) >= 2 or caption) else []


def _links(text: str) -> bool:
    """A row of the page's links: "Unsubscribe | Manage preferences | Forward to a friend"."""
    parts = _LINK_ROW.split(text)
    if photographer(text) or is_post(text):
        return False  # "Photo: NAME / Agency" credits a picture; "Managing Partner" is a signer's post
    return is_label(text) or len(parts) >= 3 and all(1 <= len(p.split()) <= 4 for p in parts)


def _closes(text: str) -> bool:
    """End matter that only ever closes an item: a wire credit, a licence, "written by" (a bio is
    too like a sentence of the text about someone to tell on its own)."""
    return bool(
        credit_names(text) or translator_names(text) or detect_licence(text) or byline_names(text) and not signature(text)
    )


def _read_end_matter(lines: list[Block], found: _Found) -> None:
    """Take credits, follow lines, the licence and the bio off the end of `lines`; a line or two
    after them that is none of these (a site's standards line, "Comments are closed") stays in
    the text, after them."""
    _join_wrapped_credit(lines, found)
    after = next((k for k in range(1, TRAILING + 1) if len(lines) > k + 1 and _closes(lines[-k - 1].text)), 0)
    if not after and len(lines) > 2 and _IMPRINT.match(lines[-1].text):
        after = 1  # "Published in the Ledger on 5 March": a note of where the text was printed, after its end matter
    if after and not _closes(lines[-1].text):
        trailing = lines[-after:]
        del lines[-after:]
        _read_tail(lines, found)
        lines += trailing
    else:
        _read_tail(lines, found)


def _join_wrapped_credit(lines: list[Block], found: _Found) -> None:
    """A wire credit wrapped over two lines near the end ("…; Editing by", then "Mark Halvorsen";
    "…; additional reporting by NAME;", then "Editing by NAME") read as one line, in the first
    line's block: both leave the text with it."""
    for k in range(max(1, len(lines) - TRAILING - 2), len(lines) - 1):
        first, second = lines[k], lines[k + 1]
        if first.text.lower().endswith((" by", ";")) and credit_names(f"{first.text} {second.text}"):
            lines[k : k + 2] = [Block(first.line, f"{first.text} {second.text}")]
            return


def _read_tail(lines: list[Block], found: _Found) -> None:
    if any(_CONTACT.match(b.text) for b in lines[-CONTACT_LINES:]):
        return  # a release's media contact ("Media relations", then a name, a body, a phone): end matter naming no writer
    while len(lines) > 1:
        block = lines[-1]
        text = block.text
        translators = translator_names(text)
        credited = credit_names(text)
        follower = follow_name(text)
        licence = detect_licence(text) if found.licence.statement is None else None
        if translators:
            found.translators = translators + [t for t in found.translators if t not in translators]
        elif credited:  # "Reporting by NAME; Editing by NAME"
            found.add_authors(credited)
            found.bylines[block.line] = text
        elif contribution(text):  # "NAME contributed to this report": not a writer
            found.bylines[block.line] = text
        elif follower is not None:
            if len(follower.split()) >= 2:
                found.add_authors([follower])
            found.debris.append(Debris(block.line, text, "social-media follow line (its name is taken as an author)"))
            lines.pop()
            found.ended = True
            continue
        elif licence and licence[0].kind is LicenceKind.ALL_RIGHTS_RESERVED and len(lines) > 2 and _links(lines[-2].text):
            return  # a copyright notice under the page's links ("Unsubscribe | Preferences"): the site's, not the item's
        elif licence:
            found.licence, start = licence
            found.add_authors(statement_writers(found.licence.statement or "") if not found.authors else [])
            bio = text[:start].strip()
            if bio and bio_names(bio):
                found.bylines[block.line] = bio
                found.add_authors(bio_names(bio))
            elif bio and not found.authors and (words := closing_words_by(bio)):  # "Notes by NAME. © NAME 2025."
                found.bylines[block.line] = bio
                found.add_authors(words)
            elif bio:  # text before the statement that is not a bio stays in the body
                lines[-1] = Block(block.line, bio)
                found.meta_lines.append(block.line)
                found.ended = True
                continue
        elif bio_names(text):
            _take_bio(lines, found, [block])
            return
        elif (posted := signed_with_post([b.text for b in lines])) and not found.authors:
            taken, names = posted  # "NAME" over "Ambassador of …": a signature with its post below
            found.add_authors(names)
            found.bylines[lines[-taken].line] = "\n".join(b.text for b in lines[-taken:])
            found.meta_lines += [b.line for b in lines[-taken:]]
            del lines[-taken:]
            found.ended = True
            continue
        elif (words := closing_words_by(text)) and not found.authors:  # "Words by NAME. Her page is open …"
            found.add_authors(words)
            found.bylines[block.line] = text
        elif (
            (names := byline_names(text) or led_names(text) or _signed(text, lines) or _credits(text))
            and set(names) >= set(found.authors)
        ):
            # "This article was written by NAME", a signed letter; "Reviewed by NAME · date" under a review
            found.add_authors([] if names_no_writer(text) and not led_names(text) else names)
            found.bylines[block.line] = text
            if heads_an_item(text):  # "NAME · date" under a teaser's text: it does not end the article
                found.meta_lines.append(lines.pop().line)
                continue
        elif (
            len(lines) > 2 and _place(text) and not found.authors
            and (names := _signed(f"{lines[-2].text}, {text}", lines[:-1]))  # "Jane Hill" then "Leeds": "Jane Hill, Leeds"
        ):
            found.add_authors(names)  # a letter signed on two lines
            found.bylines[lines[-2].line] = f"{lines[-2].text}\n{text}"
            found.meta_lines.append(lines.pop().line)
            found.meta_lines.append(lines.pop().line)
            found.ended = True
            continue
        elif (
            len(lines) > 2 and not found.authors and _under_signature(text)
            and (names := _signed(lines[-2].text, lines[:-1]))  # "Catriona MacLeod, Liquidator" then "7 March 2025"
        ):
            found.add_authors(names)  # a notice signed, then dated or addressed under the signature
            found.bylines[lines[-2].line] = f"{lines[-2].text}\n{text}"
            found.meta_lines.append(lines.pop().line)
            found.meta_lines.append(lines.pop().line)
            found.ended = True
            continue
        elif signers := _signatories(lines):  # "Yours sincerely," then a signature a line, "and 4,807 others"
            for b in lines[-signers:]:
                found.add_authors(signature(b.text) or [])
                found.bylines[b.line] = b.text
            found.meta_lines += [b.line for b in lines[-signers:]]
            del lines[-signers:]
            found.ended = True
            return
        elif len(lines) > 2 and (names := _signed_over_bio(lines)):  # "— Kenny Baird", then "Kenny has had a season ticket …"
            found.add_authors(names)
            found.bylines[lines[-2].line] = f"{lines[-2].text}\n{text}"
            found.meta_lines.append(lines.pop().line)
            found.meta_lines.append(lines.pop().line)
            found.ended = True
            return
        elif len(lines) > 2 and bio_names(lines[-2].text) and continues_bio(text, lines[-2].text):
            lines.pop()  # a bio in two paragraphs: "X is …" then "X's show …"
            _take_bio(lines, found, [lines[-1], block])
            return
        elif (
            not found.authors and (names := plain_bio_names(text)) and not (found.site and found.site.is_the_masthead(names[0]))
        ):  # "NAME runs Saltbush Ridge Olives …" (not "Visit Ceredigion is the tourism service of …": the site's own line)
            found.add_authors(names)
            found.bylines[block.line] = text
            found.meta_lines.append(lines.pop().line)
            found.ended = True
            return
        else:
            return
        found.meta_lines.append(lines.pop().line)
        found.ended = True


def _signed_over_bio(lines: list[Block]) -> list[str] | None:
    """The writer of a signature over a line about them that opens with their first name ("— Kenny
    Baird", then "Kenny has had a season ticket in the Harbour End since 1987."), or with their whole
    name under a signature of their first name ("— Ciarán", then "Ciarán Ó Floinn trained at …"; the first
    name alone when the line gives no more), or None."""
    text = lines[-1].text
    if len(text) > SIGNED_BIO_MAX or not ends_sentence(text):
        return None
    names = _signed(lines[-2].text, lines[:-1])
    words = text.split()
    if not names or len(names) != 1 or names[0].split()[0] != words[0] or not words[0].isalpha():
        return None
    if len(names[0].split()) >= 2:
        return names
    # "— Ciarán", then "Ciarán Ó Floinn trained at …": the line about the writer gives the whole name
    whole = next((" ".join(words[:k]) for k in (4, 3, 2) if len(words) > k and person(" ".join(words[:k]))), None)
    return [whole] if whole else names  # "Davie", then "Davie sells The Close at …": the first name is all the page gives


def _credits(text: str) -> list[str] | None:
    """The writers of a line of credits, each sentence "… by NAME": "Show notes by NAME. The show
    is produced by X. Music by Y." (those who produced, hosted or scored it are not writers)."""
    sentences = _SENTENCE_END.split(text.strip()) if len(text) <= 300 else []
    if len(sentences) < 2 or not all(_CREDITED.search(s) for s in sentences):
        return None
    names = [n for s in sentences if not names_no_writer(s) for n in byline_names(s.rstrip(".")) or [] if n]
    return names or None


def _signed(text: str, lines: list[Block]) -> list[str] | None:
    """The writer of a signature line under text that ends a sentence or a valediction ("Jane Hill, Leeds")."""
    if len(lines) < 2:
        return None
    before = lines[-2].text
    closing = len(before) <= VALEDICTION_MAX and (before.endswith(",") or date_line(before))  # "Best wishes,", "Dated 8 May 2027"
    names = signature(text) or _first_names(text, signed=closing or ends_sentence(before))
    if first_name_signature(text) and text.lstrip()[:1] in "–—-":
        return first_name_signature(text)  # "— Bill": a dash before a first name signs, whatever the line above
    names = names or (first_name_signature(text) if closing or ends_sentence(before) else None)
    names = names or post_signature(text) or group_signature(text)
    if not names:
        return None
    return names if ends_sentence(before) or closing or names[0] in before else None  # "/s/ NAME" above "NAME, Clerk"


def _first_names(text: str, *, signed: bool) -> list[str] | None:
    """First names alone signing a text under its last sentence or a valediction: "Sam", "Gil & Rosa"."""
    pair = FIRST_PAIR.match(text.strip())
    names = [pair.group("a"), pair.group("b")] if pair else [text.strip(" .")]
    return names if signed and all(first_name(n) for n in names) else None


def _signatories(lines: list[Block]) -> int:
    """How many lines at the end sign the text together, a signature a line under a valediction
    ("Yours sincerely,"), maybe closed by "and 4,807 others"; 0 when they are not that."""
    k = len(lines)
    while k > 1 and (signature(lines[k - 1].text) or _OTHERS.match(lines[k - 1].text)):
        k -= 1
    before = lines[k - 1].text if k < len(lines) else ""
    signed = sum(1 for b in lines[k:] if signature(b.text))
    return len(lines) - k if signed >= 2 and len(before) <= VALEDICTION_MAX and before.endswith(",") else 0


_ADDRESS = re.compile(r"^[^.!?]{10,120}, [^,]*\d[^,]*(?:, [^,]+)*$")  # "Accountant in Bankruptcy, 1 Pennyburn Road, Kilwinning"


def _under_signature(text: str) -> bool:
    """A line that dates or addresses the signature above it: "7 March 2025", "Accountant in
    Bankruptcy, 1 Pennyburn Road, Kilwinning, KA13 6SA" (a date alone, or an address: parts
    between commas, one with a number, no sentence)."""
    if len(text) > 120 or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    return bool(date_line(text)) and len(text.split()) <= 5 or _ADDRESS.match(text) is not None


def _place(text: str) -> bool:
    """A place or a post under a signature: a few capitalised words ("Little Haddon", "Returning
    Officer", "Clerk to Great Alderton Parish Council")."""
    words = text.split()
    return (
        1 <= len(words) <= 7 and words[0][:1].isupper() and all(w[:1].isupper() or w in _SMALL for w in words)
        and not any(c.isdigit() or c in ".!?:" for c in text)
    )


def _take_bio(lines: list[Block], found: _Found, bio: list[Block]) -> None:
    lines.pop()
    found.meta_lines += [b.line for b in bio]
    found.bylines.update((b.line, b.text) for b in bio)
    found.add_authors(bio_names(bio[0].text))
    found.ended = True


def _kind(
    lines: list[Block], *, titled: bool, ended: bool, teaser: bool = False, notice: bool = False, signed: bool = False,
    card: bool = False,
) -> ArticleKind:
    """A fragment stands for an article elsewhere: an item of a page of teasers (`teaser`),
    however long its paragraph, unless it is a `notice` (headed by a name surname first,
    "ASHWORTH, Dorothy May") in one paragraph that ends its sentence: the notice is all there
    is; or unless it is the article itself, short: a teaser stands for it in a paragraph, or
    two short ones, so two paragraphs of running text that end their sentences (longer together
    than three short lines, or under a by-line: `signed`), or a table or list of three rows or
    more, are the article;
    untitled text that stops without
    ending its sentence; titled text whose last paragraph visibly breaks off. Never text with
    end matter."""
    if ended and not (teaser and card) or not lines:  # (a card's "NAME · date" under its text is no end matter)
        return ArticleKind.ARTICLE
    if teaser:
        running = [b.text for b in lines if len(b.text) >= RUNNING_MIN and not is_caption(b.text)]
        complete = notice and len(running) == 1 and ends_sentence(running[0])
        complete_lines = [t for t in running if ends_sentence(t)]
        paragraphs = len(complete_lines) if sum(map(len, complete_lines)) > TEASER_SHORT or signed else 0  # "three short lines"
        rows = sum(1 for b in lines if is_list_item(b.text) or TABLE_ROW.match(b.text) or b.text.count(" | ") >= 2)
        whole = paragraphs >= TEASER_PARAGRAPHS - 1 or rows >= TEASER_PARAGRAPHS
        return ArticleKind.ARTICLE if complete or whole else ArticleKind.FRAGMENT
    last = _LINK_END.sub("", lines[-1].text)  # "Cite this post: … https://…" does not break off
    if is_list_item(last):
        return ArticleKind.ARTICLE
    if titled and card and len(_card_text(lines, [_dated_row(b.text) for b in lines])) == 1:
        return ArticleKind.FRAGMENT  # headline, a paragraph, then its date or "NAME · date": a card of a listing
    if not titled and not ends_sentence(last):
        return ArticleKind.FRAGMENT
    whole = signed and sum(len(b.text) >= RUNNING_MIN for b in lines) >= TEASER_PARAGRAPHS  # a signed article cut short
    if titled and len(last) >= FRAGMENT_MIN and stops_mid_sentence(last) and not whole:
        return ArticleKind.FRAGMENT
    if titled and len(last) >= RUNNING_MIN and last.endswith(("…", "...", "[…]", "[...]")):
        return ArticleKind.FRAGMENT  # cut off with an ellipsis, however short: a teaser
    return ArticleKind.ARTICLE


def _dated_words(name: str) -> bool:
    """Words of a date line read as a name: "Posted Dec.", "Updated Monday" (not "Jul Parke")."""
    return any(w.lower() in _DATE_WORDS or w.endswith(".") and w[:-1].lower() in _MONTHS for w in name.split())


def _card(lines: list[Block], found: _Found) -> bool:
    """A listing's card: one short paragraph under a headline (and an image's alt text or caption), with its date or a row of its facts
    ("Sat 17 October 2026 · Town Hall", "24.02.2027 | Cargo") under the headline or the text."""
    rows = [_dated_row(b.text) or dated_byline(b.text) for b in lines]  # (a by-line glued to its date is one too)
    running = _card_text(lines, rows)
    if len(running) != 1 or len(running[0]) > CARD_TEXT:
        return False
    return found.date is not None or found.day_row or any(rows)


def _card_text(lines: list[Block], rows: list[bool]) -> list[str]:
    """A card's lines of text: neither its `rows` (its date, its by-line and date), nor a caption, nor
    a row of its facts or prices ("Adults £16 · Children £8"), nor a short line that ends no sentence
    ("Organised by the Harbury Locomotive Group")."""
    return [b.text for b, row in zip(lines, rows) if len(b.text) >= RUNNING_MIN and not row and not is_caption(b.text)
            and not fact_row(b.text) and (ends_sentence(b.text) or len(b.text) >= CARD_LINE)]


def _dated_row(text: str) -> bool:
    """A date, or a row of facts that starts with one: "Friday 11 December, 5pm · M Shed, Bristol"."""
    if len(text) > 160:
        return False
    first = re.split(r"\s[|·•–—]\s|,\s", text, maxsplit=1)[0]
    return bool(date_line(text) or date_of(first) or _NUMERIC_DATE.match(first))


def _flags(
    lines: list[Block], review: list[tuple[int, str]] | None = None, confidence: float = 1.0
) -> tuple[tuple[Annotation, ...], frozenset[int]]:
    """Flag annotations for the body lines (review flags for what the split was unsure of, on the
    line concerned or else the first one), and the indexes of the lines flagged for what they are
    (a caption, alt text: never made headings). A line flagged only for review keeps its heading: the
    note's quote anchors on a heading's text as on a paragraph's."""
    shown = [display_text(b.text) for b in lines]
    adjacent = [i > 0 and lines[i].line == lines[i - 1].line + 1 for i in range(len(lines))]
    reasons = flag_blocks(shown, adjacent)
    checks: dict[int, list[str]] = {}
    index_of = {b.line: i for i, b in enumerate(lines)}
    for line, why in review or ():
        target = index_of.get(line, 0)
        if lines and shown[target].strip():
            checks.setdefault(target, []).append(why)
    body_text = "\n\n".join(shown)  # what a reader sees, as `annotate.anchor` compares it
    notes: list[Annotation] = []
    flagged: set[int] = set()
    offset = 0
    for i, (text, reason) in enumerate(zip(shown, reasons)):
        if (reason or i in checks) and text.strip():
            if i in checks:
                why = "; ".join(checks[i])
                note = f"Split review (confidence {confidence:.2f}): {why}." + (f" {reason}" if reason else "")
                ann = Annotation(quote=text, note=note, tags=("flag", "review"))
            else:
                ann = Annotation(quote=text, note=reason or "", tags=("flag",))
            notes.append(_unique(ann, body_text, offset))
            if reason:
                flagged.add(i)
        offset += len(text) + 2
    return tuple(notes), frozenset(flagged)


def _unique(ann: Annotation, body_text: str, offset: int) -> Annotation:
    """`ann`, with the shortest prefix (and, if need be, suffix) that anchors it to the
    occurrence at `offset` and no other."""
    if body_text.count(ann.quote) <= 1:
        return ann
    before, after = body_text[:offset], body_text[offset + len(ann.quote) :]
    candidate = ann
    for width in (PREFIX_CHARS, 2 * PREFIX_CHARS, 4 * PREFIX_CHARS):
        for suffix in (0, PREFIX_CHARS, 2 * PREFIX_CHARS, 4 * PREFIX_CHARS):
            candidate = replace(ann, prefix=before[-width:] or None, suffix=after[:suffix] or None)
            anchor = locate(body_text, candidate)
            if anchor.status is AnchorStatus.EXACT and anchor.start == offset:
                return candidate
    return candidate
