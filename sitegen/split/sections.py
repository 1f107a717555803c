"""Sections of one article that the line tagger cut apart, joined again: judged on whole items.

Owns `join(found, blocks, shapes, roles, left)`: the items the boundary decision found in a
segment, with an item that is only the next section of the article above it joined to that
article. The tagger reads a few lines either side of a headline-shaped line; a subheading of a
long article (a question of an explainer, "25/03 Minutes of the previous meeting", "4. Best
sustainable: …", "Pros: …") can look to it like the headline of a new item. Seen whole, the
item under such a line has no head of its own — no by-line, no date — while the article above
has one and has not ended (no licence, credit or signature last), and its heading is printed
the way a subheading inside the article above already is (the same numbering, label or
question form), or the article above has subheadings (or is long: its first subheading; or has
two paragraphs with nothing between them and the heading, no tags or share row that close it) and
the two share their vocabulary (TextTiling's evidence, `cohesion`), or a little less of it and
the names of three people or places, or it closes with a note on the writer the article's by-line
names ("Brenda Haslam was an examiner …" under "By Brenda Haslam"). An item that is only an
article's head (headline, by-line, date: no text) is joined by the item under it that starts
with a caption or text and no headline: the article's text, which a share row or an image
between them made the tagger start apart. An item that opens in lower case, going on a sentence
the article above broke off (a PDF's page foot between, a licence line printed there too), is that
article's. A section closed by a note on the writer the article's by-line names joins it with the
section between them. Such an item is joined to the one above, lines
between included (an "Advertisement" line the tagger left outside), and flagged for review.
An item under a plain-text mail's heading ("** Road closure") is never joined: such a heading
opens an item or the mail's own part, never a section.
`join_steps` joins a how-to's numbered steps ("Step 1: …", "Step 2: …", three or more in a row,
each starting an item) into one item with its introduction. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.answers import answerers
from sitegen.split.boundary import Item
from sitegen.split.clean import ADVERT_LABEL
from sitegen.split.cohesion import content_words, similarity
from sitegen.split.dates import DAY_NAMES, dated
from sitegen.split.meta import bio_names
from sitegen.split.roles import LineShape, Role, byline_names, date_line, person
from sitegen.split.text import TWO_SENTENCES, Block, Debris, caps_label, heading_level, mail_heading, stops_mid_sentence

HEAD = 4  # an item's head (title, standfirst, by-line, date) is within its first lines
BETWEEN = 3  # at most this many lines left outside between two sections of one article
HEAD_GAP = 6  # and between an article's head and its text (its date, share buttons, a picture's credit, a label)
REACH = 60  # lines of the article above read for its subheadings and words (keeps the pass linear)
LONG = 5  # lines of running text above that make an article long: its next heading may be its first subheading
GLUED_SUBHEADINGS = 2  # an article with this many subheadings printed right over their paragraphs takes the next so printed
OPENING = 2  # lines of running text above, with nothing between, that may open an article before its first subheading
SHARED = 0.2  # the cosine of two sections' content words: the same story (a listing's items on one topic share less)
NAMED = 0.15  # … or this much, when the two also name the same people and places, three or more
NAMES = 3
OPENING_WORDS = 6  # a line going on a broken sentence has this many words at least (when it is no running text itself)
PARAGRAPH = 40  # characters of a numbered paragraph at least (a numbered heading is shorter)
_HEAD_ROLES = (Role.BYLINE, Role.DATELINE)
_ROW = re.compile(r"\s[|·•]\s")  # between the parts of a by-line's row: "NAME · Classroom teacher · date"
_ENDS = (Role.LICENCE, Role.CREDIT, Role.BYLINE)  # an article's end matter: what follows is another item
_NUMBERED = re.compile(r"^\s*(?:(\d{1,3})[.):]|(\d{1,3})/(\d{1,3})\b|(?:step|part|day|stage|round|chapter|question|q)\s*(\d{1,3})\b)", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(?:\d{1,3}[.):]|[ivx]{1,4}\.)\s+", re.IGNORECASE)
_LISTED = re.compile(r"^\s*(?:[•●▪◦‣·∙■□►▸]|[*+-](?=\s))?\s*(?:\[\d{1,4}\](?=\w))?")  # a contents line's bullet and link number: "* [17]"
_PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.)\s+\S")  # a numbered paragraph: "[5] At about 8.30 am …"
_LABEL = re.compile(r"^([A-Z][\w'’()/&-]*)(?: [\w'’()/&-]+){0,2}:\s+\S")  # "Pros: …", "Best overall: …", "Price: €3.50"
_COLUMNS = re.compile(r"\S {3,}\S.* {3,}\S")  # three columns or more, set apart by wide gaps
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?: [A-Z][a-z]+)*")  # a name inside a sentence: "… in the North End"
FIGURED_MAX = 80  # a heading printed with figures ("NAME (CB) – 7/10") is no longer
LABEL_MAX = 40  # a section's label in capitals, and the date under it, are no longer
WRITER_NOTE = 8  # a note on an article's writer is among the last lines of its last section
END_MATTER = 3  # lines of an article's end matter cut from it at most (a bio, "Prices correct at time of going to press")
FIELD_MAX = 60  # a line of figures under a heading ("£14.99 Waitrose, 14%") is no longer
FIELD_LETTERS = 0.6  # and less than this share of its characters are letters
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)*")  # a run of words, names with hyphens and initials included
_MARKS = frozenset("()[]/|:–—-+%★")
_BRACKETED = re.compile(r"\([^()]*\)")
_HEAD_WORDS = re.compile(r"^(?:by|posted|published|updated|written by|words by)\b", re.IGNORECASE)


def template(text: str) -> str | None:
    """How a subheading is printed, when it says: numbered ("1.", "25/03", "Step 2"), under a label
    ("Pros:", "Best overall:"), or a question."""
    m = _NUMBERED.match(text)
    if m:
        if m.group(2):
            return f"n/{m.group(2)}"  # "25/03": the year or volume stays, the number goes on
        return "n." if m.group(1) else "n-" + text.strip().split()[0].lower().rstrip("0123456789")
    m = _LABEL.match(text)
    if m:
        return "label " + m.group(1).lower()  # "Pros: …" under "Pros: …", "Best budget: …" under "Best overall: …"
    if text.rstrip().endswith("?") and len(text) <= 150:
        return "?"
    return _figured(text)


def _figured(text: str) -> str | None:
    """The form of a short heading with figures and marks in it, its words, numbers and brackets left
    out: a player's rating "NAME (CB) – 7/10" prints as "w – d/d", as every player's does."""
    if len(text) > FIGURED_MAX or not _DIGIT.search(text):
        return None
    form = _shape_of(text.strip())
    if sum(c in _MARKS for c in form) < 2:
        return None
    form = " ".join(_BRACKETED.sub(" ", form).split())  # the position in brackets may be left out ("Coach NAME – 7/10")
    return f"form {form}" if "d" in form and any(c in _MARKS for c in form) else None


def _shape_of(text: str) -> str:
    """A line with each run of words as "w" and each number as "d": "£14.99 Waitrose, 14%" is "£d w, d%"."""
    return _DIGITS.sub("d", _WORDS.sub("w", text))


def _field_form(blocks: Sequence[Block], shapes: Sequence[LineShape], k: int) -> str | None:
    """The form of the short line of figures under heading `k`, its words and numbers left out: a
    wine pick's "£14.99 Waitrose, 14%" under its name prints as "£d w, d%", as every pick's does
    (a product's price, a match's score, a rating). None when `k` is no heading over such a line."""
    if k + 1 >= len(blocks) or shapes[k].running or shapes[k + 1].running or len(blocks[k + 1].text) > FIELD_MAX:
        return None
    line = blocks[k + 1].text
    if not _DIGIT.search(line) or dated(line) or _HEAD_WORDS.match(line):
        return None
    if sum(map(str.isalpha, line)) >= FIELD_LETTERS * sum(not c.isspace() for c in line):
        return None  # mostly words: a by-line glued to its date ("Segun AlabiNovember 19, 2025"), no line of figures
    form = _shape_of(_BRACKETED.sub("", line))
    form = re.sub(r"\s+(?=[,.;:%)])", "", " ".join(form.split()))
    return form if any(c not in "wd " for c in form) and form.count("d") >= 2 else None


def _labelled_date(blocks: Sequence[Block], k: int) -> bool:
    """Line `k` is a date line right under a short label in capitals: a section's head ("ARIES",
    then "March 21 – April 20")."""
    label, line = blocks[k - 1].text, blocks[k].text
    return len(label) <= LABEL_MAX and label.isupper() and any(c.isalpha() for c in label) and bool(dated(line)) and len(line) <= LABEL_MAX


def _end_matter(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """Item `b` is a few lines opening with a bio ("NAME is the paper's wine correspondent") and no
    running text under it, right under the text of article `a`: `a`'s end matter."""
    return (b.end - b.start <= END_MATTER and roles[b.start] is Role.BYLINE and shapes[a.end - 1].running
            and bool(bio_names(blocks[b.start].text)) and not any(shapes[k].running for k in range(b.start + 1, b.end)))


def _ended(text: str, role: Role, s: LineShape) -> bool:
    """An article's last line is end matter: a licence, a credit, a by-line or a signature
    ("Sophie Lindgren, Senior Caseworker")."""
    return role in _ENDS or not s.running and s.chars <= 100 and person(text.split(",")[0]) is not None


def _bare(text: str) -> str:
    """A heading as a contents list prints it: without its number, case and spacing ("3. Handling bad rows")."""
    return " ".join(_NUMBER.sub("", _LISTED.sub("", text, 1)).lower().split()) if len(text) <= 150 else ""


def has_head(blocks: Sequence[Block], roles: Sequence[Role], start: int, end: int) -> bool:
    """A by-line or a date among the first lines of an item: a head of its own (a line of two
    sentences is text, whatever role its date earned it: "Training resumes on Wednesday at 7pm. New
    players welcome")."""
    return any(roles[k] in _HEAD_ROLES and not TWO_SENTENCES.search(blocks[k].text) or _dated(blocks[k].text)
               for k in range(start, min(end, start + HEAD)))


def _signed_off(item: Item, shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """A by-line or signature under the item's last running text ("Yours sincerely", NAME, post): the item ended there."""
    last = next((k for k in range(item.end - 1, item.start - 1, -1) if shapes[k].running), item.end)
    return any(roles[k] is Role.BYLINE for k in range(last + 1, item.end))


def _signed(blocks: Sequence[Block], roles: Sequence[Role], item: Item) -> bool:
    """A by-line naming someone among the first lines under the item's heading ("By NAME", "NAME ·
    Classroom teacher · Submitted January 12, 2025")."""
    return any(roles[k] in _HEAD_ROLES and (byline_names(blocks[k].text, after_title=True) or person(_ROW.split(blocks[k].text, 1)[0]))
               for k in range(item.start + 1, min(item.end, item.start + HEAD)))


def _dated(text: str) -> bool:
    return date_line(text) or len(text) <= 120 and bool(dated(text) or _HEAD_WORDS.match(text))


def _subheadings(shapes: Sequence[LineShape], roles: Sequence[Role], start: int, end: int) -> list[int]:
    """The lines inside an item, past its head, that read as subheadings: headlines, not ending as a
    sentence or a list goes on, with running text under them."""
    return [k for k in range(start + 2, end - 1)
            if roles[k] is Role.TITLE and not shapes[k].running and shapes[k].final not in (".", ";", ",") and shapes[k + 1].running]


_QUESTION = re.compile(r"^Q(?:uestion)?\s?[.:]\s")
_ANSWER = re.compile(r"^A(?:nswer)?\s?[.:]\s")


def _next_question(a: Item, b: Item, blocks: Sequence[Block]) -> bool:
    """Item `b` opens with a reader's question ("Q. Our grandson drew on …") and the article `a` above,
    past its head, holds a question so printed and its answer ("A. Your daughter is right …"): an
    advice column's next question; not when `a` names who answered it (an archive of Q&As, each its own)."""
    if not _QUESTION.match(blocks[b.start].text):
        return False
    inside = range(a.start + 1, a.end)
    return any(_QUESTION.match(blocks[k].text) for k in inside) and any(_ANSWER.match(blocks[k].text) for k in inside) and not any(
        answerers(blocks[k].text) for k in inside)  # (a Q&A closed by its "Answered by NAME" is one of its own)


def _glued_like(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], reach: int) -> bool:
    """Item `b` opens with a heading printed over its paragraph as every subheading of the article `a`
    above is (two or more), a question if the article's are: right over it, no blank line between
    ("Four piles, no more" over "Keep, give to family, …"), or a short label set apart by blank lines
    ("Overview", "Launch", "Landing", then "Airspace and hazards"): the article's next section."""
    if b.end - b.start < 2 or not shapes[b.start + 1].running:
        return False
    glued = blocks[b.start + 1].line == blocks[b.start].line + 1
    subheadings = _subheadings(shapes, roles, reach, a.end) if glued else _labels(blocks, shapes, roles, reach, a.end)
    if len(subheadings) < GLUED_SUBHEADINGS or not glued and not _label(blocks, shapes, roles, b.start):
        return False
    asked = [blocks[k].text.rstrip().endswith("?") for k in subheadings]
    if blocks[b.start].text.rstrip().endswith("?") != (2 * sum(asked) > len(asked)):
        return False  # (an interview's questions over their answers, then a heading that asks nothing: another item)
    return all((blocks[k + 1].line == blocks[k].line + 1) == glued for k in subheadings)


LABEL_WORDS = 5  # a section's label set apart over its text has at most this many words


def _label(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], k: int) -> bool:
    """A short label over a section's text, set apart from it and from the text above by blank lines
    (no by-line, no date)."""
    s, text = shapes[k], blocks[k].text.strip()
    return (0 < s.words <= LABEL_WORDS and roles[k] not in _HEAD_ROLES and not _dated(text) and not s.running and not s.list_like and s.final not in (".", ";", ",", ":") and text[:1].isupper()
            and k + 1 < len(blocks) and shapes[k + 1].running and blocks[k + 1].line > blocks[k].line + 1
            and k > 0 and blocks[k - 1].line < blocks[k].line - 1)


def _labels(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], start: int, end: int) -> list[int]:
    """The lines inside an item, past its head, that are its sections' labels set apart (`_label`)."""
    return [k for k in range(start + 2, end - 1) if _label(blocks, shapes, roles, k)]


def _words(blocks: Sequence[Block], roles: Sequence[Role], start: int, end: int) -> Counter[str]:
    return Counter(w for k in range(start, end) if roles[k] in (Role.BODY, Role.STANDFIRST) for w in content_words(blocks[k].text))


def continues(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
              adverts: frozenset[int] = frozenset()) -> str | None:
    """Why item `b` is a section of the article `a` above it (None when it is an item of its own)."""
    between = [k for k in range(a.end, b.start) if not _COLUMNS.search(blocks[k].text)]  # a table's rows count as none
    if len(between) > HEAD_GAP or any(shapes[k].running for k in between):
        return None
    if any(mail_heading(blocks[k].text) for k in range(a.end, b.start + 1)):
        return None  # a plain-text mail's heading ("** Road closure") heads an item, never a section of one
    if any(caps_label(blocks[k].text) for k in between) and roles[b.start] is Role.TITLE and not (
        blocks[b.start].text.isupper() or _dated(blocks[b.start].text)
    ):
        return None  # "YOUR MEMORIES" between them, over a headline in mixed case: a section of the page, not of the article
    if _headless_text(a, b, blocks, shapes, roles):
        return "the article's text under its head (headline, by-line, date), cut from it by the page's buttons"
    if len(between) > BETWEEN:
        return None
    if _live_entry(a, b, blocks, shapes):
        return "an entry of the live page above, under its time"
    if _sentence_goes_on(a, b, blocks, shapes, roles):
        return "its first sentence goes on the article's last, broken off at a page's foot"
    if _numbering_goes_on(a, b, blocks, shapes) and not any(roles[k] in _HEAD_ROLES and not shapes[k].running for k in range(b.start + 1, min(b.end, b.start + HEAD))):
        # (a ranked teaser has its by-line or its date under its headline)
        return "its paragraphs go on numbering the article's above"
    if _ended(blocks[a.end - 1].text, roles[a.end - 1], shapes[a.end - 1]):
        return None
    level = heading_level(blocks[b.start].text)
    if 0 < heading_level(blocks[a.start].text) < level and not any(0 < heading_level(blocks[k].text) < level for k in between) and (
        not _signed(blocks, roles, b)
    ):  # (a heading over its own by-line heads an item of its own: a reader's review under the expert's)
        return "a Markdown heading under the article's deeper than its headline (## under #)"
    if _end_matter(a, b, blocks, shapes, roles):
        return "the article's end matter (its writer's note and what follows it), with no text of its own"
    near = max(a.start, b.start - REACH)  # the article's lines read: its last ones
    text = next((k for k in range(a.start, min(a.end, a.start + REACH)) if shapes[k].running), a.end)  # where the article's text begins
    under = _field_form(blocks, shapes, b.start)  # (a line of figures under it is no head of its own, whatever role it earned)
    if under is not None and any(_field_form(blocks, shapes, k) == under for k in range(max(text + 1, near), b.start - 1)):
        return "printed like a subheading of the article above, with the same figures under it"
    if b.start - 1 >= a.start and _labelled_date(blocks, b.start) and any(
        _labelled_date(blocks, k) for k in range(max(text + 2, near), b.start - 1)
    ):
        return "a label in capitals over a date, as the article's sections above are headed ('ARIES', 'March 21 – April 20')"
    if _next_question(a, b, blocks):
        return "the column's next question, printed as its questions above are ('Q. …' over 'A. …')"
    head_end = b.end - 1 if b.end - b.start > 2 else b.end  # a short section's last line is its end matter, no head ("Interview by NAME")
    reach = max(a.start, a.end - REACH)
    if _label(blocks, shapes, roles, b.start) and not has_head(blocks, roles, b.start, b.start + 2) and not _signed_off(a, shapes, roles) and (
        _glued_like(a, b, blocks, shapes, roles, reach)
    ):
        return "labelled as the article's sections above are, each label set apart over its text"  # (its writer's line under its text: end matter)
    if has_head(blocks, roles, b.start, head_end):
        return None
    if _writer_closes(a, b, blocks, roles):
        return "closed by a note on the writer its by-line names"
    heading = _bare(blocks[b.start].text)
    if heading and any(_bare(blocks[k].text) == heading for k in (a.start, *range(near, b.start))):
        return "its heading is printed above, in the article's contents or as its headline again"
    form = template(blocks[b.start].text)
    if form is not None and any(template(blocks[k].text) == form for k in range(max(text + 1, near), b.start)):
        return "printed like a subheading of the article above"
    above = sum(shapes[k].running for k in range(reach, a.end))
    chart = _chart_between(a, b, blocks, shapes)
    if not (has_head(blocks, roles, a.start, a.end) or roles[a.start] is Role.TITLE and above >= OPENING and chart):
        return None
    long = (above >= LONG or above >= OPENING and (_adjoining(a, b, blocks, adverts) or chart)) and sum(
        shapes[k].running for k in range(b.start, min(b.end, b.start + HEAD))) >= 2  # and a section of text under it
    if not (long or _subheadings(shapes, roles, reach, a.end)):
        return None
    if _glued_like(a, b, blocks, shapes, roles, reach):
        return "printed as the article's subheadings above are, each right over its paragraph"
    under = min(b.end, b.start + REACH)
    shared = similarity(_words(blocks, roles, reach, a.end), _words(blocks, roles, b.start, under))
    if shared >= SHARED or shared >= NAMED and len(_names(blocks, reach, a.end) & _names(blocks, b.start, under)) >= NAMES:
        return "about what the article above is about, under a subheading"  # (a long article's first, too)
    return None


def _sentence_goes_on(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """Item `b` opens in lower case, the rest of a sentence the last running text of the article
    `a` above breaks off ("… to recover notes that had", a page's foot and licence line, then "been
    scraped away or washed out."): a page break of a PDF cut one text in two (a licence line printed at
    the page's foot, end matter as it may look, no end of it)."""
    opening = blocks[b.start].text.lstrip()
    if not opening[:1].islower() or not shapes[b.start].running and len(opening.split()) < OPENING_WORDS:
        return False
    last = next((k for k in range(a.end - 1, max(a.start, a.end - END_MATTER) - 1, -1) if roles[k] not in _ENDS), None)
    if last is None or len(blocks[last].text.split()) < OPENING_WORDS or not stops_mid_sentence(blocks[last].text):
        return False
    return all(not shapes[k].running or k > last for k in range(last + 1, b.start)) and b.start - last - 1 <= HEAD_GAP


def _writer_closes(a: Item, b: Item, blocks: Sequence[Block], roles: Sequence[Role]) -> bool:
    """Item `b` closes with a note on the writer of the article above: a paragraph among its last lines opening with
    the full name a by-line of that article gives ("By Brenda Haslam", then "Brenda Haslam was an examiner for 23
    years …"), whatever its words: `b` is the article's last section."""
    names = {name for k in range(a.start, min(a.end, a.start + REACH)) if roles[k] is Role.BYLINE
             for name in byline_names(blocks[k].text, after_title=True) or () if " " in name}
    return bool(names) and any(
        blocks[k].text.startswith(name + " ") and blocks[k].text[len(name) + 1 : len(name) + 2].islower()
        for k in range(max(b.start + 1, b.end - WRITER_NOTE), b.end) for name in names
    )


def _siblings(article: Item, a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> str | None:
    """Why items `a` and `b` are two sections of `article` above them that the tagger cut apart, the
    first of them not joined (no subheading of the article above is printed like it), or None: neither
    has a head, each is headed the same way (two readers' questions, two numbered steps, two picks over
    the same line of figures) or `b` closes with a note on the writer the article's by-line names, and
    the article above has a head and has not ended, with only a few lines not text between them all."""
    def close(upper: Item, lower: Item) -> bool:
        between = range(upper.end, lower.start)
        return len(between) <= BETWEEN and not any(shapes[k].running for k in between)

    if not (close(article, a) and close(a, b)) or not has_head(blocks, roles, article.start, article.end):
        return None
    field = _field_form(blocks, shapes, b.start)
    head, end = 0, b.end
    if _writer_closes(article, b, blocks, roles):
        why = "closed, a section further on, by a note on the writer the article's by-line names"
        end = b.end - 1  # (the note itself is no head)
    elif field is not None and _field_form(blocks, shapes, a.start) == field:  # two picks over the same line of figures
        why, head = "printed as the section under it is", 2  # (the figures under each heading are no head of its own)
    else:
        form = template(blocks[b.start].text)
        if form is None or form.startswith("label") or template(blocks[a.start].text) != form:
            return None  # (two briefs under one label, "IN BRIEF: …", are items of their own)
        why = "printed as the section under it is"
    if has_head(blocks, roles, a.start + head, a.end) or has_head(blocks, roles, b.start + head, end):
        return None
    return None if any(_ended(blocks[x.end - 1].text, roles[x.end - 1], shapes[x.end - 1]) for x in (article, a)) else why


def _paragraph_number(block: Block, shape: LineShape) -> int | None:
    match = _PARAGRAPH_NUMBER.match(block.text) if shape.chars >= PARAGRAPH else None
    return int(match.group(1) or match.group(2)) if match else None


_LIVE = re.compile(r"\blive(?: updates| blog|blog)?\b(?!\s+(?:music|shows?|venues?|events?|streams?|bands?)\b)|\bas it happened\b|\ben direct\b|\ben vivo\b|\bao vivo\b",
                   re.IGNORECASE)  # a live page's headline: "… launch live: every announcement …"
_ENTRY_TIME = re.compile(r"(?:^|[\s·|,(])\d{1,2}[:.]\d{2}\b")  # an entry's time: "Callum Reid · 14:11", "11:52 a.m. PT"
ENTRY_ROWS = 2  # an entry's time row is among the last lines of the item above or the first of the next


def is_live(headline: str) -> bool:
    """A live page's headline: it says so, in mixed case ("… keynote live: …", "as it happened")."""
    return _LIVE.search(headline) is not None and not headline.isupper()


def _live_entry(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> bool:
    """Item `a` is a live page (its headline says so) and a time row stands where the two meet: `b`
    is one of its entries (a live page is one article, however many entries it holds)."""
    if not is_live(blocks[a.start].text):
        return False
    rows = [*range(max(a.start + 1, a.end - ENTRY_ROWS), a.end), *range(b.start, min(b.end, b.start + ENTRY_ROWS))]
    return any(not shapes[k].running and _ENTRY_TIME.search(blocks[k].text) for k in rows)


LIVE_REACH = 12  # the first entry's time row of a live page is this many lines under its headline at most


def live_heads(texts: Sequence[str], running: Sequence[bool], roles: Sequence[Role | None]) -> list[int]:
    """The lines that head a live page: a headline in mixed case that says so ("… strike live: …",
    "as it happened"), with entries under their times below it (a time row within `LIVE_REACH`
    lines, and another after it). Its standfirst, by-line and key points between are the page's head."""
    out = []
    for k, text in enumerate(texts):
        if roles[k] is not Role.TITLE or running[k] or not is_live(text):
            continue  # (a banner in capitals, "COUNCIL ELECTIONS 2027 — LIVE RESULTS", heads no live page: a label)
        rows = [j for j in range(k + 1, min(len(texts), k + 4 * LIVE_REACH))
                if roles[j] is not None and not running[j] and len(texts[j]) <= 60 and _ENTRY_TIME.search(texts[j])]
        if len(rows) >= 2 and rows[0] - k <= LIVE_REACH:
            out.append(k)
    return out


def _numbering_goes_on(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> bool:
    """The article above numbers its paragraphs (as findings, judgments and reports do: "[4] Ms
    Paraone closed her evidence …") and the first numbered paragraph under the heading takes the next
    number: one document, under a subheading."""
    last = next((n for k in range(a.end - 1, max(a.start, a.end - REACH) - 1, -1) if (n := _paragraph_number(blocks[k], shapes[k]))), None)
    first = next((n for k in range(b.start, min(b.end, b.start + REACH)) if (n := _paragraph_number(blocks[k], shapes[k]))), None)
    return last is not None and first == last + 1


def _names(blocks: Sequence[Block], start: int, end: int) -> set[str]:
    """The names in the sentences of some lines (people, places, bodies: capitalised inside a
    sentence), less days and months and words the lines also write in lower case ("Year 6", "year")."""
    found = {name for k in range(start, end) for name in _NAME.findall(blocks[k].text)}
    lower = {w for k in range(start, end) for w in content_words(blocks[k].text) if w in blocks[k].text}
    return {name for name in found if name.lower() not in DAY_NAMES and name.lower() not in lower}


def _chart_between(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape]) -> bool:
    """Only the rows of a chart or a table stand between the two items ("    E        C#m       A"):
    lines printed in columns, with no sentence in them, which the tagger left outside."""
    between = range(a.end, b.start)
    return len(between) > 0 and all(_COLUMNS.search(blocks[k].text) and not shapes[k].running for k in between)


def _adjoining(a: Item, b: Item, blocks: Sequence[Block], adverts: frozenset[int]) -> bool:
    """Nothing stands between the two items on the page but a blank line, or an advertisement's
    label (with blank lines around it) that the segmenter took out: no tags, share row or other
    line, which close an article."""
    first, last = blocks[a.end - 1].line, blocks[b.start].line
    labels = sum(1 for line in adverts if first < line < last)
    return b.start == a.end and last - first <= 2 + 2 * labels


def _headless_text(a: Item, b: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """Item `a` is only an article's head — a headline, perhaps a standfirst, and its by-line or
    date last, with no text of its own — and `b` starts with no headline but a caption or running
    text, and holds running text: `b` is the article's text (a share row or an image between them
    made the tagger start an item)."""
    if b.end - b.start < 2 or a.end - a.start > HEAD or roles[a.end - 1] not in _HEAD_ROLES or roles[a.start] is not Role.TITLE:
        return False
    if any(shapes[k].running and roles[k] is not Role.STANDFIRST for k in range(a.start, a.end)):
        return False
    first = roles[b.start]
    return first in (Role.CAPTION, Role.BODY) and not has_head(blocks, roles, b.start, b.end) and any(
        shapes[k].running for k in range(b.start, min(b.end, b.start + HEAD)))


def join(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
         left: Sequence[Debris], removed: Sequence[Debris] = (), alone: frozenset[int] = frozenset()) -> tuple[list[Item], list[Debris]]:
    """The items of a segment with each section of an article joined to it, and the lines left
    outside less those now inside an item (`removed`: the lines the segmenter took out; `alone`:
    the starts of items that are no section, a directory's cards)."""
    out: list[Item] = []
    taken: set[int] = set()  # dump lines now inside an item
    adverts = frozenset(d.line for d in removed if ADVERT_LABEL.match(d.text.strip()))
    for item in found:
        if item.start in alone:
            out.append(item)
            continue
        why = continues(out[-1], item, blocks, shapes, roles, adverts) if out else None
        sibling = _siblings(out[-2], out[-1], item, blocks, shapes, roles) if why is None and len(out) >= 2 else None
        if sibling is not None:
            above = out.pop()  # the section above and this one: the article's, both
            taken.update(blocks[k].line for k in range(out[-1].end, above.start))
            out[-1] = replace(out[-1], end=above.end, confidence=min(out[-1].confidence, above.confidence),
                              doubts=(*out[-1].doubts, (blocks[above.start].line, f"joined to the item above as a section ({sibling}); "
                                      "check it does not start a new item")))
            why = "printed as the section above it is" if sibling.startswith("printed") else sibling
        if why is None:
            out.append(item)
            continue
        above = out[-1]
        taken.update(blocks[k].line for k in range(above.end, item.start))
        doubts = tuple(d for d in item.doubts if d[0] != blocks[item.start].line)  # its start is no start now
        note = (blocks[item.start].line, f"joined to the item above as a section ({why}); check it does not start a new item")
        out[-1] = replace(above, end=item.end, confidence=min(above.confidence, item.confidence), doubts=(*above.doubts, note, *doubts))
    return out, [d for d in left if d.line not in taken]


_STEP = re.compile(r"^\s*(step|look|tip|stage|method)\s*#?\s*0*(\d{1,3})\b(?![.,]\d)", re.IGNORECASE)  # "Step 1: Cut the board", "Look 01"
STEPS = 3  # numbered parts of one work in a run, at least


def join_steps(found: Sequence[Item], blocks: Sequence[Block], left: Sequence[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with each run of numbered parts of one work ("Step 1: …", "Step 2: …" of a
    how-to, "Look 01", "Look 02" of a lookbook; `STEPS` or more, numbered one after another, each
    starting an item) one item, joined to the item right above when the run starts at 1 (its
    introduction), and the lines between no longer left outside. A page's items are not numbered
    so; a diary's "Day 3" and a series' "Part 2" may be items of their own and are not read here."""
    out: list[Item] = []
    taken: set[int] = set()
    k = 0
    while k < len(found):
        first = _STEP.match(blocks[found[k].start].text)
        if first is None:
            out.append(found[k])
            k += 1
            continue
        label, number = first.group(1).lower(), int(first.group(2))
        j = k + 1
        while j < len(found) and (m := _STEP.match(blocks[found[j].start].text)) and m.group(1).lower() == label \
                and int(m.group(2)) == number + j - k:
            j += 1
        if j - k < STEPS:
            out += found[k:j]
            k = j
            continue
        run = list(found[k:j])
        if number <= 1 and out and found[k].start - out[-1].end <= BETWEEN:
            run.insert(0, out.pop())  # the work's introduction, right above its first part
        taken.update(blocks[i].line for a, b in zip(run, run[1:]) for i in range(a.end, b.start))
        note = (blocks[found[k].start].line, f"numbered parts of one work joined ({j - k}); check they are not items of their own")
        out.append(replace(run[0], end=run[-1].end, confidence=min(it.confidence for it in run),
                           doubts=(*(d for it in run for d in it.doubts), note)))
        k = j
    return out, [d for d in left if d.line not in taken]
