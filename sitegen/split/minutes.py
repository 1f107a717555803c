"""Minutes of meetings: one item a meeting, from its heading to the line of whoever took them.

A page of minutes prints each meeting under a heading that names it ("Committee meeting, Tuesday
4 March 2025", "Minutes of the Annual General Meeting held on …", "BALD HILL QUARRY CCC —
MEETING No. 14"), with who came right under it ("Held at the clubhouse", "Present: …",
"Attendees", "Apologies: …"), then its numbered business, and closes it with the line of the
clerk or secretary who took them ("Minutes taken by NAME, Club Secretary", "Respectfully
submitted," over the name). The tagger, reading a few lines either side, sees a numbered item as
a headline and the heading of the next meeting as a line of the one above; seen whole, the heading
over the attendance opens a meeting and the clerk's line closes it.

`mend(texts, content, tags)` mends the tagger's tags of a segment's lines (`texts`; `content`
false for lines the segmenter took out): a meeting's heading starts an item, the lines of its
meeting are in it, the clerk's line (and the name under "Respectfully submitted,") ends it, and
what follows starts another (the chair's "Approved as a correct record: NAME" under it is outside). Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_MEETING = re.compile(r"\b(?:meeting|minutes|agm)\b", re.IGNORECASE)  # a heading that names a meeting
_ATTENDANCE = re.compile(  # what a meeting's minutes print right under its heading (perhaps under "Held at …")
    r"^(?:present|attendees|attendance|in attendance|members present|those present|apologies(?: for absence)?"
    r"|chair(?:ed by)?\s*:|the meeting (?:was held|opened))\b",
    re.IGNORECASE,
)
_CLERK = re.compile(  # the line of whoever took the minutes
    r"^(?:minutes (?:taken|recorded|prepared|written) by|minute[- ]?taker\s*:|recorded by|respectfully submitted\b)",
    re.IGNORECASE,
)
_APPROVED = re.compile(r"^approved as an? (?:true|correct|accurate) record\b", re.IGNORECASE)
_SUBMITTED = re.compile(r"^respectfully submitted\s*,?\s*$", re.IGNORECASE)  # with the name on the line under it
HEAD_REACH = 3  # the attendance is at most this many lines under the heading (a place and a date between)
HEAD_WORDS = 20  # a meeting's heading has at most this many words
LABEL_WORDS = 6  # a label over it, in capitals, at most this many
CLERK_REACH = 8  # the clerk's line is at most this many lines under the meeting's last line in an item


def _heading(texts: Sequence[str], content: Sequence[bool], k: int) -> bool:
    """A meeting's heading at `k`: a short line naming a meeting, no sentence, with the meeting's
    attendance within `HEAD_REACH` lines under it."""
    if not _named(texts[k]) or not content[k]:
        return False
    for j in [j for j in range(k + 1, len(texts)) if content[j]][:HEAD_REACH]:
        text = texts[j].strip()
        if _ATTENDANCE.match(text):
            return True
        if text.endswith(".") or _named(text):
            return False  # a sentence between (the page's note over the minutes), or the meeting's own heading under it
    return False


def _named(text: str) -> bool:
    """A short line naming a meeting, no sentence, no attendance and no clerk's line."""
    text = text.strip()
    return bool(_MEETING.search(text)) and len(text.split()) <= HEAD_WORDS and not text.endswith(".") and not (
        _ATTENDANCE.match(text) or _CLERK.match(text))


def _approval(text: str) -> bool:
    """The chair's line under a meeting's minutes: "Approved as a correct record: NAME, Chairperson"."""
    return bool(_APPROVED.match(text.strip()))


def _label(text: str) -> bool:
    """A short label in capitals: "MINUTES · AGM 2025"."""
    text = text.strip()
    return text.isupper() and len(text.split()) <= LABEL_WORDS


_BODY = re.compile(  # a body's name in its words: "Wessex Hot Air Balloon Club"
    r"^(?:[A-Z][\w’'&-]*\s+|(?:of|the|and|for|&)\s+){0,8}(?:Club|Society|Association|Committee|Council|Group|Trust|Federation|Guild"
    r"|League|Union|Board|Branch|Company|Limited|Ltd)$"
)


def _over(texts: Sequence[str], content: Sequence[bool], k: int) -> int:
    """The first line of a meeting's heading at `k`: the body's name right over it, in capitals
    ("HOLLOWAY EDGE QUARRY LIAISON COMMITTEE", "SKYLINE PARAGLIDING CLUB — COMMITTEE MEETING") or in
    its words ("Wessex Hot Air Balloon Club"), over "Minutes of the meeting held on …"."""
    above = next((j for j in range(k - 1, -1, -1) if content[j]), None)
    if above is None:
        return k
    text = texts[above].strip()
    plain = len(text.split()) <= HEAD_WORDS and not any(c.isdigit() or c in "·|.:" for c in text)  # (not a label: "MINUTES · AGM 2025")
    return above if plain and (text.isupper() or _BODY.match(text)) else k


def _clerk_end(texts: Sequence[str], content: Sequence[bool], k: int) -> int:
    """The last line of the clerk's lines at `k`: the name under "Respectfully submitted,"."""
    following = [j for j in range(k + 1, len(texts)) if content[j]][:1]
    return following[0] if following and _SUBMITTED.match(texts[k].strip()) else k


def mend(texts: Sequence[str], content: Sequence[bool], tags: list[str]) -> None:
    """Mend the tags (B, I, O a line) of a segment's lines by its meetings' headings and clerks' lines."""
    n = len(texts)
    heads = [_over(texts, content, k) for k in range(n) if _heading(texts, content, k)]
    clerks = [k for k in range(n) if content[k] and _CLERK.match(texts[k].strip())]
    if not heads and not clerks:
        return
    ends: list[int] = []
    for c in clerks:
        last = _clerk_end(texts, content, c)
        above = next((j for j in range(c - 1, max(-1, c - 1 - CLERK_REACH), -1) if content[j] and tags[j] != "O"), None)
        if above is None and not any(h < c for h in heads):
            continue  # no meeting above it
        start = above if above is not None else c
        for j in range(start + 1, last + 1):
            tags[j] = "I"  # the meeting's last lines ("The meeting closed at 8.52pm.") and the clerk's, in its item
        ends.append(last)
        after = next((j for j in range(last + 1, n) if content[j]), None)
        if after is not None and _approval(texts[after]):
            tags[after] = "O"  # the chair's line under the clerk's: the chair who signs them wrote none of it
        elif after is not None and tags[after] == "I":
            tags[after] = "B"  # what follows the clerk's line is no part of the meeting
    for i, h in enumerate(heads):
        tags[h] = "B"
        above = next((j for j in range(h - 1, -1, -1) if content[j]), None)
        if above is not None and tags[above] == "I" and _label(texts[above]):
            tags[above] = "O"  # a label over the heading ("MINUTES · AGM 2025") is the page's, not the item's above
        stop = heads[i + 1] if i + 1 < len(heads) else n
        closed = next((e for e in ends if h < e < stop), None)
        if closed is None and i + 1 == len(heads):
            continue  # the last meeting, not closed: where it ends is the tagger's
        for j in range(h + 1, (closed + 1) if closed is not None else stop):
            tags[j] = "I"  # its numbered business is no item of its own (a line taken out between breaks no item)
