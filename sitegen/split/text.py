"""The small shared vocabulary of the split step: lines as values, and the shapes of a line.

Owns `Block` (a content line of a dump, with its line number), `Debris` (a line
taken out, with the reason), and pure facts about one line: does it end a
sentence, is it a list item or a table row, is it cut off mid-sentence. Must not
decide boundaries, metadata or Markdown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Block:
    """One non-blank line of a dump (a paragraph, heading, list item...), already cleaned."""

    line: int  # 1-based line number in the dump
    text: str
    removed_before: int = field(default=0, compare=False)  # lines taken out just above it (not blank ones)
    linked: bool = field(default=False, compare=False)  # it opened with a text browser's link ("[21]Sorted! A £2,300 …")


@dataclass(frozen=True, slots=True)
class Debris:
    """A line (or the end of one) the split took out of the text, and why."""

    line: int
    text: str
    reason: str


GLUED = "separator glued to the text"  # the reason of a separator cut off the end of a line ("… Read more")
SOFT_BREAK = "\x00"  # last on a line that goes on on the next with nothing between (a mail's soft line break, decoded); a dump holds no NUL


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` may hold one of `words` (lower-case, or of characters with no case) in any
    case: False only for a text without any of them. A costly case-insensitive search every match
    of which holds one of the words can be skipped when it is False. A text with a character that
    such a search reads as an ASCII letter though `str.lower` does not make it one (`_AS_ASCII`:
    "ſ" is an "s" to it) may hold them in that guise, and is searched."""
    if not text.isascii() and not _AS_ASCII.isdisjoint(text):
        return True
    lower = text.lower()
    for word in words:  # a loop: cheaper than a generator on these short lines
        if word in lower:
            return True
    return False


# the characters other than ASCII letters that a case-insensitive pattern matches to one: "İ" and
# "ı" to "i", "ſ" to "s", the Kelvin sign to "k" (a test reads them from `re` over every character)
_AS_ASCII = frozenset("\u0130\u0131\u017f\u212a")


SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]$")
# a word, a stop, the next sentence: text, no field or head. Stricter than the "\w[.!?] [A-Z]" of
# `short` and `furniture`: an initial or a figure before the stop ("By J. Smith", "Ward 4. Turnout") is none
WEB_ADDRESS = re.compile(  # a web address alone on its line, or as a search result shows it: "example.org.uk › news › 2026 › slug"
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?(?: › \S+)*$", re.IGNORECASE)
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)  # a time of day: "8:15 pm", "10am"
RECORD_CODE = re.compile(  # a record's code alone on its line, over its title: "P-201", "CB-2026-019", "LOT 201", "PRN 00412s"
    r"^\s*(?:#|No\.\s?)?[A-Z]{1,6}[-‐ ]?\d{1,5}(?:[-./]\d{1,4})*[a-z]?\s*$", re.IGNORECASE)
RULE = re.compile(r"^\s*(?:[-=_*~#·•━─═—–] ?){3,}\s*$")  # a rule drawn in text: "-----", "* * *", a text browser's "━━━━"
TWO_SENTENCES = re.compile(r"[^\W\d_]{2}[.!?] [A-Z]")
BULLET = re.compile(r"^\s*(?:[•●▪◦‣·∙■□►▸]|[*+-](?=\s))\s*(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,3})([.)])\s+(\S.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=\w)")  # a text browser's number before a link's text: "By [11]Teresita …"
LEADING_LINK = re.compile(r"^\[\d{1,4}\](?=\S)")  # the one a line opens with: "[16]Roading repairs …"
GLUED_KICKER = re.compile(r"^[A-Z]{4,}(?=[A-Z][a-z]{2})")  # a kicker in capitals glued to the headline: "NEWSGlasgow Orchestral …"
MARKDOWN_HEADING = re.compile(r"#{1,6} +(?=\S)")  # a Markdown heading's marks: "## Key events"
PLAIN_HEADING = re.compile(r"(?:\*{2,3}|={2,}|(?:=3D){2,}) +(?=\S)")  # a plain-text mail's heading marks: "** TOP STORY", "== Notices", "=3D=3D Notices" (quoted-printable)
MARKDOWN_LINK = re.compile(r"\[(?P<inner>[^\[\]]+)\]\((?:[^()\s]*)\)")  # "[Title](/url)"


def heading_level(text: str) -> int:
    """The level of a Markdown heading ("## Key events": 2), 0 for a line that is none."""
    marks = MARKDOWN_HEADING.match(text) if text[:1] == "#" else None
    return marks.group().count("#") if marks else 0


def mail_heading(text: str) -> bool:
    """A plain-text mail's heading ("** Road closure", "== Notices"): it heads an item or the
    mail's own part, never a section of an item."""
    return text[:1] in "*=" and PLAIN_HEADING.match(text) is not None


WIRE_DATELINE = re.compile(  # a wire story's first words: "Nagpur, Mar 21 (BNS) Vidarbha will host …"
    r"^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3},\s(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})\s\([A-Z][\w&. -]{1,24}\)\s+\S"
)
TIMECODE = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+[^\W\d]")  # "03:12 Why…": a chapter list
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor as that which who whom whose than then "
    "his her its their our my your this these those is are was were be been has have had will would "
    "can could may might should must not into onto over under about after before while when where".split()
)


_SENTENCE_ENDS = frozenset(".!?…:;\"”’'»)]")  # the class of `SENTENCE_END`


def ends_sentence(line: str) -> bool:
    """The line ends with sentence punctuation (or a closing quote or bracket): `SENTENCE_END`
    found, read from the last character (a search tries the pattern at every one)."""
    text = line.rstrip()
    return bool(text) and text[-1] in _SENTENCE_ENDS


CAPS_HEAD_MAX = 100  # a headline in capitals closed by a full stop is no longer
CAPS_HEAD_WORDS = 12  # nor has more words


def caps_headline(text: str) -> bool:
    """A headline in capitals closed by a full stop, as old newspapers print them ("TYPHOID AT
    BALLARAT EAST.", "THE FEVER SEASON. STATE OF THE HOSPITALS."): its stop ends no sentence."""
    text = text.strip()
    return len(text) <= CAPS_HEAD_MAX and text.endswith(".") and text.isupper() and text.count(" ") < CAPS_HEAD_WORDS


LABEL_WORDS = 5  # a section's label in capitals is at most this long


def caps_label(text: str) -> bool:
    """A section's label in capitals ("THE BIG STORY", "YOUR MEMORIES"): a few words, no figure, no
    mark at its end (a date row, a headline in capitals closed by a stop, are none)."""
    text = text.strip()
    return (sum(c.isalpha() for c in text) >= 3 and text.isupper() and text[-1].isalpha() and len(text.split()) <= LABEL_WORDS
            and not any(c.isdigit() for c in text))


def opening_letter(text: str, openers: str) -> str:
    """The line's first character past its opening marks (a quotation mark, a bracket), and past
    the space French puts inside guillemets when the line closes them ("« Le droit de rester »")."""
    rest = text.lstrip(openers)
    if rest[:1] == " " and "»" in rest:
        rest = rest.lstrip()
    return rest[:1]


def word_count(line: str) -> int:
    return len(line.split())


def is_list_item(line: str) -> bool:
    bullet = BULLET.match(line)
    return bool(bullet and bullet.group(1).strip()) or bool(NUMBERED.match(line))


def stops_mid_sentence(line: str) -> bool:
    """Text that visibly breaks off: it ends with a comma, dash or opening bracket, with an
    ellipsis, or with a lowercase word (a proper noun or a number may end a line that merely
    lacks its full stop)."""
    text = line.rstrip()
    if not text:
        return False
    if text.endswith(("…", "...", "[…]", ",", "(", "–", "—", " -", "“", "‘")):
        return True
    if ends_sentence(text):
        return False
    last = text.split()[-1]
    return last[:1].islower() or last.lower() in _FUNCTION_WORDS


def bucket(value: float, edges: Sequence[float]) -> int:
    """How many of the ascending `edges` the value reaches: a number as a feature's bin."""
    return bisect_right(edges, value)
