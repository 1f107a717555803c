"""Contents lines: a line of the page that lists the heads of its items.

A newsletter or a magazine's issue often opens with what it holds: "In this issue: From the chair ·
Heather honey · Swarm collection · Members' corner". Each entry is the head of an item below it, often
a short label ("Seed Swap", "Notices") the tagger would read as a subheading of the item above. Owns
`entries(text)`, the entries of such a line (after "In this issue", "Inside", "Contents", "This week"…,
three or more short entries between separators), and `keys(text)`, what a line is looked up by (the
line, and the part before its first colon or dash: "Plot 14B" names "Plot 14B: A Beginner's First
Year"). `Named` keeps the entries of a dump's contents lines (read in the dump's first pass, with
`roles.Repeats`), bounded; the tagger cuts a segment's items at the lines it names.
Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ENTRIES = 3  # a contents line lists at least this many entries (under a heading of its own, two)
ENTRY_WORDS = 8  # each of at most this many words
LINE_MAX = 300  # a contents line is no longer
HEAD_WORDS = 12  # a line named by the first words of it (an entry "Winter workshop" for "WINTER WORKSHOP NIGHTS") is no longer
KEPT = 2000  # entries kept per dump at most (memory stays bounded whatever the dump)
COLUMN_MAX = 30  # a list one entry a line has at most this many
ENTRY_MAX = 100  # and each entry is no longer
_BETWEEN_ENTRIES = re.compile(r"\s[·|•]\s|;\s")  # what parts the entries of a list on one line (a comma or a slash may be an entry's)
_LIST_MARK = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")  # "1. Community solar scheme …", "• Letters"
_LEADER = re.compile(r"\s*(?:[.·…] ?){3,}\s*\d{1,4}\s*$|\s{3,}\d{1,4}$")  # a print contents' page number: "From the editor's desk ....... 1"
_LEAD_WORDS = (
    r"^\s*(?:also\s+)?(?:in\s+this\s+(?:issue|edition|newsletter|number|bulletin)|inside(?:\s+this\s+(?:issue|edition))?|contents"
    r"|this\s+(?:week|month|issue))"
)
_LEAD = re.compile(_LEAD_WORDS + r"\s*[:—–-]\s*", re.IGNORECASE)
_HEADING = re.compile(_LEAD_WORDS + r"\s*:?\s*$", re.IGNORECASE)  # "IN THIS BULLETIN", the list on the line under it
_LEAD_LETTERS = "aict"  # every `_LEAD_WORDS` match begins, after white space, with one: also, in(side), contents, this
_SEPARATOR = re.compile(r"\s*(?:[·|•;,/]|\s[–—-]\s)\s*")
_HEAD_END = re.compile(r"\s*(?::|\s[–—-]\s)")  # "Plot 14B: A Beginner's First Year", "Seed swap – March"
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _may_lead(text: str) -> bool:
    """Whether `_LEAD` or `_HEADING` may match the line: False only when its first character that
    is not white space is ASCII and none of `_LEAD_LETTERS` in either case (another may be one
    under case folding). Nearly every line is thus not tried."""
    first = text.lstrip()[:1]
    return not first.isascii() or first.lower() in _LEAD_LETTERS


def _heading(text: str) -> bool:
    """The line is a contents list's heading alone ("IN THIS BULLETIN", "Contents:")."""
    return _may_lead(text) and bool(_HEADING.match(text))


def opens(text: str) -> bool:
    """The line opens as a contents line does ("In this issue:", "Contents —", "IN THIS BULLETIN")."""
    return _may_lead(text) and bool(_LEAD.match(text) or _HEADING.match(text))


def entries(text: str) -> list[str] | None:
    """The entries of a contents line, as they are looked up (`keys`), or None when it is no contents line."""
    lead = _LEAD.match(text) if len(text) <= LINE_MAX and _may_lead(text) else None
    if lead is None:
        return None
    found = _parts(text[lead.end() :])
    return found if found and len(found) >= ENTRIES else None


def _parts(text: str) -> list[str] | None:
    """The entries of a list between separators, or None when one is too long for an entry."""
    if len(text) > LINE_MAX:
        return None
    parts = [p for p in map(_norm, _SEPARATOR.split(text)) if p]
    return None if any(len(p.split()) > ENTRY_WORDS for p in parts) else parts


def keys(text: str) -> Iterator[str]:
    """What a line is looked up by among a contents line's entries: the whole line, its head before
    a colon or a dash, and (a short line) its first words, two or more."""
    whole = _norm(text)
    yield whole
    found = _HEAD_END.search(text)
    if found and found.start() > 0:
        yield _norm(text[: found.start()])
    words = whole.split()
    if len(words) <= HEAD_WORDS:
        for k in range(2, len(words)):
            yield " ".join(words[:k])


class Named:
    """The entries of a dump's contents lines (at most `KEPT`), fed the dump's lines in order: a
    contents line goes on in the line under it when hard-wrapped ("… · Plot 14B ·", then "Committee
    Vacancy · Dates for Your Diary"), and stands under its heading when the heading has a line of its
    own ("IN THIS BULLETIN", then "Subs due · Winter workshop · Obituary")."""

    def __init__(self) -> None:
        self._entries: set[str] = set()
        self._lists: set[str] = set()  # the lines that list them, when no lead word says so
        self._open = False  # the line before was a contents line or its heading
        self._column: list[str] | None = None  # the entries listed one a line under a heading alone, while read
        self._column_lines: list[str] = []  # those lines as they are looked up (`lists`)

    def add(self, text: str | None) -> None:
        """Read the dump's next line (None: a line too long to list anything)."""
        if text is None:
            self._open, self._column = False, None
            return
        if not text.strip():
            return
        if self._column is not None and self._listed(text):
            return  # an entry of a list one a line under its heading
        may = _may_lead(text)  # neither `entries` nor `_heading` reads a line it says no to
        found = entries(text) if may else None
        heading = found is None and may and _heading(text)
        self._column = [] if heading else None
        self._column_lines = []
        if found is None and self._open and not heading:
            found = _continued(text)
            if found and len(self._lists) < KEPT:
                self._lists.add(_norm(text))
        self._open = heading or found is not None
        if found and len(self._entries) < KEPT:
            self._entries.update(found[: KEPT - len(self._entries)])

    def _listed(self, text: str) -> bool:
        """Read a line under a contents heading alone as the next entry of its list, one a line
        (True), or close the list (False): it is kept when it lists three entries or more, each
        with its number or bullet, or its page number after dot leaders ("In this issue", then "1. The
        50:22 is a kick, not a plan", or "From the editor's desk ...... 1", …; the
        list's lines are then the page's), or two when a heading of the list follows it, as the page's first heading ("In this issue", then "From the President",
        "Ensemble news", then "From the President" over its text), as `segment` keeps it."""
        column = self._column
        assert column is not None
        entry = _LEADER.sub("", text)
        key = _norm(_LIST_MARK.sub("", entry, 1))
        if key and key not in column and len(column) < COLUMN_MAX and _entry(entry):
            column.append(key)
            if _LIST_MARK.match(text) or _LEADER.search(text):  # (a line without its mark is the head it names, further down)
                self._column_lines.append(_as_printed(text))
            self._open = False
            return True
        marked = len(self._column_lines) == len(column) >= ENTRIES  # "1. The 50:22 is a kick, not a plan", …
        if (key in column and len(column) >= 2 or marked) and len(self._entries) < KEPT:
            self._entries.update(column[: KEPT - len(self._entries)])
            self._lists.update(self._column_lines[: KEPT - len(self._lists)])  # "1. Title": the page's line, not the head
        self._column = None
        return False

    def lists(self, text: str) -> bool:
        """Whether the line is one of the dump's contents lines (or its heading)."""
        return bool(_may_lead(text) and (entries(text) or _heading(text))
                    or self._lists and (_norm(text) in self._lists or _as_printed(text) in self._lists))

    def named(self, text: str) -> bool:
        """Whether a contents line of the dump names this line (never a contents line itself)."""
        if not self._entries or len(text) > LINE_MAX or self.lists(text):
            return False
        return any(key in self._entries for key in keys(text) if key)


def _as_printed(text: str) -> str:
    """A list's line as it is looked up among the page's lines: with its bullet or number, which the
    head it names lacks ("• From the chair: why we count" over "From the chair: why we count")."""
    return " ".join(text.casefold().split())


def _entry(text: str) -> bool:
    """A line that can be an entry of a list one a line: a short heading, no sentence, not itself
    a list of entries between separators ("Subs due · Winter workshop · Obituary")."""
    if len(text) > ENTRY_MAX or len(text.split()) > HEAD_WORDS or text.rstrip().endswith((".", ":", ",")):
        return False
    return not _BETWEEN_ENTRIES.search(text)


def _continued(text: str) -> list[str] | None:
    """The entries of a line that goes on with the contents line (or heading) above it: two entries
    or more, or one after a separator."""
    parts = _parts(text)
    if not parts or len(parts) < 2 and not _SEPARATOR.match(text):
        return None
    return parts
