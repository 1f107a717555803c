"""Dates: a line that is nothing but a publication date, as a `datetime.date`.

Owns reading the date lines of scraped pages: "Tue 10 Sep 2024 09.12 BST",
"March 3, 2025", "3 March 2025", "2025-03-03", "Published: 03/03/2025"
(day first), "2025.03.03" and "2025/03/03" (year first, as East Asian sites print it), "Embargoed until 00:01 BST, Wednesday 11 June 2025", with an
optional weekday, time and time zone; and the relative dates of a page
("Published 3 days ago") and the days a listing prints without their year
("4 June", "20.02.26"), which name no date that can be read. A line with
anything else in it is not a date line. Pure functions on strings. Must not
look for dates inside sentences.
"""

from __future__ import annotations

import datetime as dt
import re

from sitegen.split.firsts import initialled
from sitegen.split.memo import remembered
from sitegen.split.text import may_hold

_MONTHS = {
    m: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for m in names
}
DAY_NAMES = frozenset(  # the whole names of the weekdays and the months
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september "
    "october november december".split()
)
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_CLOCK = r"(?:\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?,?\s+)?"  # a time before the date
_LEAD = (
    r"^(?:(?:published|updated|posted|first published|last updated|last modified|date|released|issued|embargoed until"
    r"|embargoed to|under embargo until)(?:\s+on)?\s*:?\s*)?" + _CLOCK + _WEEKDAY
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?|\s*[+-]\d{2}:?\d{2})?)?"
_PATTERNS = [
    re.compile(_LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"\s*$", re.IGNORECASE),
    re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"\s*$", re.IGNORECASE),
    re.compile(  # year first: "2025-03-03" (ISO, with its time), "2025.03.03", "2025/3/3"
        _LEAD + r"(?P<year>\d{4})([-./])(?P<mnum>\d{1,2})\2(?P<day>\d{1,2})\.?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$",
        re.IGNORECASE,
    ),
    re.compile(_LEAD + r"(?P<day>\d{1,2})([./-])(?P<mnum>\d{1,2})\2(?P<year>\d{4})" + _TIME + r"\s*$", re.IGNORECASE),  # "14.03.2025"
]


_DAYS = [  # a day without its year, or with two digits of it: no date can be read from these, but they date an item
    re.compile(_LEAD + r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[–-]\s*" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?)?\s+" + _MONTH + _TIME + r"\s*$",
               re.IGNORECASE),  # (or days: "Sat 4 – Mon 6 April")
    re.compile(_LEAD + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?" + _TIME + r"\s*$", re.IGNORECASE),
    re.compile(_LEAD + r"\d{1,2}([./])\d{1,2}\1\d{2}" + _TIME + r"\s*$", re.IGNORECASE),
]
_ANY_MONTH = _MONTH.replace("(?P<month>", "(?:")  # without its group's name: it stands twice in `_DAY`
_DAY = re.compile(  # `_DAYS` in one pattern (one match tried, not three; the one group is the third's)
    # (a day, or days: "Sat 4 – Mon 6 April")
    _LEAD + r"(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*[–-]\s*" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?)?\s+" + _ANY_MONTH
    + r"|" + _ANY_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?"
    + r"|\d{1,2}([./])\d{1,2}\1\d{2})" + _TIME + r"\s*$",
    re.IGNORECASE,
)
IN_LINE = (  # a date inside a line: "Posted by the editors on 18 January 2027", "Saturday, March 27, 8 a.m.–noon"
    r"\b\d{1,2}(?:st|nd|rd|th)?\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?(?: \d{4}\b)?"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b(?!:)(?:,? \d{4}\b)?"
    r"|\b(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\b|\b\d{1,2}([./-])\d{1,2}\1(?:19|20)?\d{2}\b"
)
_IN_LINE = initialled(IN_LINE, re.IGNORECASE)  # searched only where a digit or a month's first letter stands
_POSTED = re.compile(r"^(?:posted|published|updated|first published|last updated|filed|added)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")  # every date of `_PATTERNS` has its year in four digits
_RELATIVE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?(?:(?:an?|one|\d{1,3})\s+(?:sec|second|min|minute"
    r"|hr|hour|day|week|month|year)s?\s+ago|\d{1,3}\s?(?:s|m|h|d|w|mo|y|hrs?|mins?)\s+ago|yesterday|today|just now)(?:\s*[·|,]\s*\d+\s*min(?:ute)?s?\s+read)?\.?$",
    re.IGNORECASE,
)
RELATIVE_WORDS = ("ago", "yesterday", "today", "just now")  # one is in every match of `_RELATIVE`
_STAMP = re.compile(  # a time of day, its zone, the section after it: "18:02 IST | States", "4.12pm", "10:42 am · Politics"
    r"^(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?m\.?)\s*(?:\(?[A-Z]{2,5}\)?)?\s*(?:[|·•]\s*[^\W\d][\w&-]*(?: [\w&-]+){0,2})?$"
)


_AGE = re.compile(r"(?:^|\s[/|·•]\s)\d{1,3}\s?(?:min|mins|m|h|hr|hrs|d|w)$")  # "… / 42min", "3h"


@remembered
def day_line(line: str) -> bool:
    """A line that is a day without its year ("4 June", "Tuesday 12 May", "June 4, 10:15am") or
    with two digits of it ("12/06/25", "20.02.26"), as listings print the dates of their items."""
    text = line.strip()
    return len(text) <= 60 and bool(_DIGIT.search(text)) and bool(_DAY.match(text))


def time_stamp(line: str) -> bool:
    """A line that is a time of day, alone or with its zone and section, as a feed prints over each
    item: "18:02 IST | States", "4:12 pm" (not a programme's "10:30 Registration and coffee"); or an
    item's age as a feed reader prints it under each, after its source or writer: "by NAME / 42min",
    "Radio Aotearoa News / 1h"."""
    text = line.strip()
    if len(text) > 60:
        return False
    if text[-1:] in "hdwmn" and _AGE.search(text):
        return True
    return bool(_STAMP.match(text)) and not (text.endswith(".") and not text.endswith(("a.m.", "p.m.")))


def dated(line: str) -> re.Match[str] | None:
    """Where a date stands inside a line, with or without its year ("Updated 07:42, Thursday 3
    December", "Posted by the editors on 18 January 2027", "2025-03-03", "12/06/25"), or None."""
    return _IN_LINE.search(line) if _DIGIT.search(line) else None


def posted_line(line: str) -> bool:
    """A line that says when (and by whom) a post went up, with more than its date: "Posted 21
    November 2026 by the District Secretary", "Updated 4 June, with the new times"."""
    text = line.strip()
    return len(text) <= 100 and bool(_POSTED.match(text)) and not text.endswith(".") and dated(text) is not None


@remembered
def relative_date(line: str) -> bool:
    """A line that dates the page relative to when it was seen: "Published 3 days ago", "2 hours
    ago", "Updated yesterday" (no date can be read from it)."""
    return len(line) <= 60 and may_hold(line, RELATIVE_WORDS) and bool(_RELATIVE.match(line.strip()))


def month_year(line: str) -> bool:
    """A line that is a month and its year, as archives and forums print a date ("Oct 2024", "March 2026")."""
    return bool(_MONTH_YEAR.match(line.strip()))


_MONTH_YEAR = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}$", re.IGNORECASE)


def date_field(line: str) -> bool:
    """A record's field whose value is a date, under a label that says what was dated ("Comment
    submitted date: Wed 26 Feb 2025", "Received: 3 March 2025"): a field, no headline and no call
    to action."""
    label, colon, value = line.partition(": ")
    if not colon or len(label.split()) > _FIELD_LABEL_WORDS or date_of(value) is None:
        return False
    last = label.split()[-1].lower() if label.split() else ""
    return last in _DATED_LABELS or last.endswith("ed")


_FIELD_LABEL_WORDS = 4
_DATED_LABELS = frozenset("date time on at deadline closes opens".split())


@remembered
def date_of(line: str) -> dt.date | None:
    """The date a line consists of, or None (also for an impossible date such as 31 February)."""
    text = line.strip()
    if len(text) > 60 or not _YEAR.search(text):
        return None
    if text[:1] in "[(" and text[-1:] in "])":
        text = text[1:-1].strip()  # "[14.01.2025 08:40]": a chat's date in brackets
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
        day = int(parts["day"])
        if parts.get("mnum") and month > 12 >= day:
            month, day = day, month  # "03-14-2026": the month first, as American forums print it
        try:
            return dt.date(int(parts["year"]), month, day)
        except ValueError:
            return None
    return None


BRACKETED = r"\[(?P<d1>\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),? (?P<t1>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)\]"
BRACKETED_STAMP = re.compile(BRACKETED)  # a chat or channel export's "[14.01.2025 13:30]", anywhere in a line


def stamp_date(text: str) -> dt.date | None:
    """The day of the first bracketed export stamp in `text` ("[14.01.2025 13:30] NW Media"), or None."""
    match = BRACKETED_STAMP.search(text)
    return stamp_day(match.group("d1")) if match else None


def stamp_day(value: str) -> dt.date | None:
    """A stamp's numeric date: day first ("03/03/2025"), or month first when the day cannot be first."""
    parts = [int(p) for p in re.split(r"[/.]", value)]
    year = parts[2] + 2000 if parts[2] < 100 else parts[2]
    for day, month in ((parts[0], parts[1]), (parts[1], parts[0])):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None
