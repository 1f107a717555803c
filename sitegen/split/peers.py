"""Items the tagger kept together, cut again where a line inside is printed like the item's own head.

A page of short items under short heads (a newsletter's notes, notices under "SURNAME, Firstname",
reviews under "Name, Place", a list of recipes or posts) often has few heads the tagger is sure of:
it reads a few lines either side of a line, and a head two lines under another, over one
paragraph, looks to it like a subheading. Seen whole, such an item holds, after a line that ends
(a sentence, a signature, the site's line), a line printed just like the line that opens it
(`key`: the same case pattern — in capitals, "SURNAME, Firstname", a name and what or where,
other —, the same opening, a digit, a quote or a word, a "Kicker:" or none, a site's name after it
or none, and the same kind of line under it: prose, a by-line, a date), about as long and sharing
none of its words, while the subheadings of an article are mostly printed unlike its headline (no
by-line or date under them), name what the headline names, or are printed as subheadings are
(numbered, under a label, a question: `sections.template`, never cut here); a line with a by-line
or a date in its first lines is one only when the head is one too.
`cut` cuts an item at each such line (`peer`) when the tagger was sure of the item's head and end
(`SURE_HEAD`), and, whatever it was sure of, at each entry of a list printed one template after
another from its head (`teasers`); it flags each cut for review; `sections.join` still joins a piece that reads as a
section of the article above. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split import furniture
from sitegen.split.boundary import Item, cut_at
from sitegen.split.cohesion import content_words
from sitegen.split.meta import split_title
from sitegen.split.roles import LineShape, Role, byline_names, date_line, person
from sitegen.split.sections import has_head, template
from sitegen.split.text import Block, opening_letter

HEAD_MAX = 120  # a head is never longer
HEAD_WORDS = 16  # nor has more words
PROSE_WORDS = 4  # a line of prose under it has at least this many words
_OPENERS = "“\"‘'«("
_NAMED = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}, \S")  # "Priya Desai, Liberal Democrats", "Boskenna Farm, Lamorna"
_AND = re.compile(r"\s*(?:&|,| and )\s*")
_TEXT = (Role.BODY, Role.STANDFIRST)
_NO_HEAD = (Role.BYLINE, Role.DATELINE, Role.CREDIT, Role.LICENCE, Role.CAPTION)
# held-out shapes in ten folds (`benchmarks/split_tagger.py --folds 10`): F1 0.868 without this pass,
# 0.871 with it (errors 391 → 379: merged items 82 → 70, no other class up); cut under heads the
# tagger is at least 0.5 sure of: 0.868, 0.8: 0.869; pieces whose words are alike (TextTiling's
# cosine from 0.2 to 0.4) kept together: 0.871 as without, so they are not
SURE_HEAD = 0.7  # an item is cut only under a head (and to an end) the tagger is this sure of
_HEAD_LINES = 4  # an article's by-line or date is within this many lines under its headline
_LABELLED_WORDS = 3  # a headline under a label ("Opinion: …") has at least this many words after it; a field has fewer
_TEXT_UNDER = 4  # an article's running text starts within this many lines under its headline
TEMPLATE_LINES = 8  # a list of entries repeats a template of at most this many lines
TEMPLATE_REPEATS = 3  # at least this many times (two heads over a paragraph each are an article's sections as often)
TEMPLATE_TEXT = 300  # and a line of an entry's text under its head is at most this long
PAGE_WORDS = 3  # a word opening or closing this many head-like lines is the page's template
LONGER = 3  # a line printed like the head has at most this many times its words, or a third ("Learning C#" under a
# nine-word headline is a subheading; the folds: 0.871 at 3, at 2.5 and with no bound)


def head_like(text: str, s: LineShape) -> bool:
    """A short line that could open an item: a capital or a digit first, no stop, comma,
    semicolon or colon last, not cut off, not a list item."""
    first = opening_letter(text, _OPENERS)
    return (0 < s.words <= HEAD_WORDS and s.chars <= HEAD_MAX and not s.running and not s.cut and not s.list_like
            and (first.isupper() or first.isdigit()) and s.final not in (".", ",", ";", ":"))


def _case(text: str) -> str:
    """The case pattern of a head: in capitals, "SURNAME, Firstname", a name and a comma, other."""
    if text.isupper():
        return "upper"
    first = text.split(maxsplit=1)[0]
    if len(first) >= 3 and first.endswith(",") and first[:-1].isupper():
        return "surname"
    return "named" if _NAMED.match(text) else "other"


def _names(text: str) -> bool:
    """The line is two people's names or more ("Tomás Ibarra & Naomi Whitfield", "Ann Lee, Raj Patel and Tom Fry")."""
    parts = [p for p in _AND.split(text) if p]
    return len(parts) >= 2 and all(person(p) for p in parts)


def _under(text: str, s: LineShape, role: Role) -> str | None:
    """What a head has under it: a by-line, a date, prose; None for anything else."""
    if s.chars <= 200 and byline_names(text):
        return "by"
    if s.chars <= 100 and date_line(text):
        return "date"
    if role in _TEXT and (s.running or s.sentence and s.words >= PROSE_WORDS):
        return "text"
    return None


def key(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], k: int) -> tuple[object, ...] | None:
    """How line k is printed as a head (None when it is no head: too long, ending a sentence, nothing
    of an item's under it)."""
    text, s = blocks[k].text, shapes[k]
    if k + 1 >= len(blocks) or not head_like(text, s) or roles[k] in _NO_HEAD or _under(text, s, roles[k]) is not None:
        return None
    if template(text) is not None or furniture.commenter(text, blocks[k + 1].text):
        return None  # numbered, under a label, a question: printed as a subheading is; a comment's head
    under = _under(blocks[k + 1].text, shapes[k + 1], roles[k + 1])
    if under is None:
        return None
    case = _case(text)
    if case == "other" and _names(text):
        return None  # "Tomás Ibarra & Naomi Whitfield": the authors under a headline
    opening = "d" if text[:1].isdigit() else "q" if text[:1] in _OPENERS else "w"
    return case, opening, ": " in text[:40], split_title(text)[1] is not None, under


def page_words(blocks: Sequence[Block], shapes: Sequence[LineShape]) -> frozenset[str]:
    """The words of the page's own template for heads: a word that opens or closes at least
    `PAGE_WORDS` head-like lines of the segment ("Raharney GAA", "Delvin GAA", "Killucan GAA").
    Two heads that share only such a word do not name one story."""
    counts: dict[str, int] = {}
    for b, s in zip(blocks, shapes):
        if head_like(b.text, s):
            words = content_words(b.text)
            for w in {words[0], words[-1]} if words else ():
                counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, c in counts.items() if c >= PAGE_WORDS)


def peer(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], item: Item, k: int,
         head: tuple[object, ...], ignored: frozenset[str] = frozenset()) -> bool:
    """Line k inside `item` (its head printed as `head`) opens an item of its own: printed as the
    head is and about as long (`LONGER`), sharing none of its words, after a line that ends (a
    sentence, a signature, the site's line: no text that goes on, no list), with the item's text above it."""
    above = k - 1
    if k < item.start + 2 or shapes[above].cut or shapes[above].list_like or roles[above] in _TEXT and not shapes[above].sentence:
        return False  # text above that goes on, a list, an ingredient: no item ends there
    if set(content_words(blocks[k].text)) & set(content_words(blocks[item.start].text)) - ignored:
        return False  # "The best robot vacuum for most people" under "The Best Robot Vacuums": a subheading names its story
    a, b = shapes[item.start].words, shapes[k].words
    if max(a, b) > LONGER * min(a, b) or key(blocks, shapes, roles, k) != head:
        return False
    return has_head(blocks, roles, item.start + 1, k) == has_head(blocks, roles, k + 1, item.end)


def opens_article(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], item: Item, k: int) -> bool:
    """Line k inside `item` heads an article of its own, whatever the tagger was sure of: a head
    (not numbered, nor a question) with a by-line or a date right under it and running
    text under that, after a line that ends, in an item that has its own by-line or date and text
    above it. A subheading has no by-line under it; a related list or a site's box between two
    articles is what the tagger kept them together across."""
    if k < item.start + 2 or k + 2 >= item.end:
        return False
    text, s = blocks[k].text, shapes[k]
    form = template(text)
    if not head_like(text, s) or roles[k] in _NO_HEAD or _under(text, s, roles[k]) is not None or form is not None and (
        not form.startswith("label") or len(text.split(":", 1)[1].split()) < _LABELLED_WORDS
    ):
        return False  # a numbered heading, a question or a field is a subheading's form ("Opinion: …" over a by-line is none)
    under = next((j for j in range(k + 1, min(item.end, k + 1 + _HEAD_LINES))
                  if _under(blocks[j].text, shapes[j], roles[j]) in ("by", "date")), None)
    between = [j for j in range(k + 1, under or k) if roles[j] is not Role.CAPTION]
    if under is None or len(between) > 1 or any(head_like(blocks[j].text, shapes[j]) for j in between):
        return False  # its by-line or date under it, past an image's alt text and a standfirst at most (not a headline)
    above, before = k - 1, blocks[k - 1].text
    if shapes[above].cut or shapes[above].list_like or (
        roles[above] in _TEXT and not shapes[above].sentence and not head_like(before, shapes[above])
    ):
        return False  # text above that goes on (a headline of a list above is none)
    return (any(shapes[j].running for j in range(k + 1, min(item.end, k + 1 + _TEXT_UNDER)))
            and any(shapes[j].running for j in range(item.start, k)) and has_head(blocks, roles, item.start + 1, k))


def _form(text: str, s: LineShape, role: Role) -> tuple[object, ...]:
    """How a line of a listing's template is printed: its role (text, standfirst or body, as one),
    what it opens with (a capital, a small letter, a digit, a dash, a quote, other) and whether it
    ends a sentence or a field."""
    first = text[:1]
    opening = ("u" if first.isupper() else "l" if first.islower() else "d" if first.isdigit() else "-" if first in "—–-"
               else "q" if first in _OPENERS else "o")
    return "text" if role in _TEXT else role, opening, "." if s.final in (".", "?", "!") else s.final == ":"


def _sectioned(text: str) -> bool:
    """A head printed as an article's sections are: numbered ("2.", "Step 3") or a question."""
    form = template(text)
    return form is not None and (form == "?" or form.startswith("n"))


def teasers(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], item: Item) -> list[int]:
    """Where an item that is a list of entries printed one template after another is cut: from its
    head, `TEMPLATE_REPEATS` times or more the same lines (`TEMPLATE_LINES` or fewer, each printed
    alike: `_form`), a headline first (not numbered, nor a question), no line of text under it a
    paragraph, no two heads sharing more than a word ("Polypill strategy lowers events" over "—
    Pooled data from three trials show …", three times). An article's headline is printed unlike
    its subheadings, whose sections start inside the item, not at its head. Gives the starts of the
    entries after the first, and of what follows the last when the template stops before the end."""
    start = item.start
    if roles[start] is not Role.TITLE or not head_like(blocks[start].text, shapes[start]) or _sectioned(blocks[start].text):
        return []
    forms = [_form(blocks[k].text, shapes[k], roles[k]) for k in range(start, item.end)]
    for period in range(2, TEMPLATE_LINES + 1):
        if TEMPLATE_REPEATS * period > len(forms):
            break
        if roles[start + period - 1] is Role.TITLE or len(blocks[start + period - 1].text) > TEMPLATE_TEXT:
            break  # (a longer template would hold this line too)
        heads = [start]
        while (k := heads[-1] + period) + period <= item.end and forms[k - start : k - start + period] == forms[:period] and not (
            _sectioned(blocks[k].text) or any(len(blocks[k + j].text) > TEMPLATE_TEXT for j in range(1, period))
        ):
            heads.append(k)
        if len(heads) < TEMPLATE_REPEATS:
            continue
        words = [set(content_words(blocks[k].text)) for k in heads]
        if any(len(words[i] & words[j]) > 1 for i in range(len(heads)) for j in range(i)):
            return []  # heads that name one story: the sections of an article (siblings may share a word)
        after = heads[-1] + period
        return heads[1:] + ([after] if after < item.end else [])
    return []


def cut(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> list[Item]:
    """The items of a segment, each cut where a line inside it is printed like its head (`peer`)
    or heads an article of its own (`opens_article`)."""
    out: list[Item] = []
    ignored = page_words(blocks, shapes)
    for item in found:
        head = key(blocks, shapes, roles, item.start) if item.confidence >= SURE_HEAD else None
        starts = sorted(set(teasers(blocks, shapes, roles, item)) | {
            k for k in range(item.start + 2, item.end - 1)
            if head is not None and peer(blocks, shapes, roles, item, k, head, ignored) or opens_article(blocks, shapes, roles, item, k)})
        if not starts:
            out.append(item)
            continue
        out += cut_at(item, starts, blocks, "new item cut where a line is printed like the head of an item (the item above, or a headline "
                      "over its own by-line or date); check it is not a subheading")
    return out
