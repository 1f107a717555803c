"""Briefs: a page's bulleted items, each a short item of its own.

Owns `entries(texts, roles)`: a newsletter's "In brief" box, a lab's or a club's news page
print their short items as bullets, each opening with a lead-in — a label and a colon
("* Exit fee: Belarusians leaving by land …"), a date ("* March 2025 — Welcome to Lucía …")
or a label in bold — and a sentence or more after it. Each such bullet is an item (with the lines
its text wraps onto), whatever the tagger made of a list's line; one under a label stands for the
story it sums up and is titled by its lead-in. An article's bulleted points look the same, so the run must not be
introduced by a line that opens a list ("Most people improve with simple treatments:"), and it must
stand apart from running text — under a heading or a label, or at the top of the segment — unless
its lead-ins are dates (a news page's entries follow the post above them). Three bullets or more.
Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.dates import date_of, month_year
from sitegen.split.roles import Role, shape
from sitegen.split.text import BULLET, ends_sentence, heading_level, mail_heading

MIN_ENTRIES = 3  # a run of briefs has at least this many
TEXT_WORDS = 8  # words after a brief's lead-in at least
GAP = 2  # lines (blank or taken out) between two briefs of a run at most
WRAPPED = 3  # a brief's text wraps onto this many lines more at most (its line broke off mid-sentence, the next goes on in lower case)
_LEAD = re.compile(r"^(?:\*\*(?P<bold>[^*]{1,60})\*\*|(?P<label>[A-Z][\w'’ ,&()!-]{1,40}):|(?P<date>[^—–:]{3,25}?)\s+[—–-])\s+(?P<text>\S.*)$")


def lead_in(text: str) -> tuple[str, str] | None:
    """A brief's lead-in and what kind it is ("label" or "date"), or None: "* Exit fee: Belarusians …"
    → ("Exit fee", "label"); "* March 2025 — Welcome …" → ("March 2025", "date")."""
    bullet = BULLET.match(text)
    found = _LEAD.match(bullet.group(1).strip()) if bullet else None
    if found is None or len(found.group("text").split()) < TEXT_WORDS:
        return None
    lead = (found.group("date") or found.group("bold") or found.group("label")).strip()
    if date_of(lead) or month_year(lead):
        return lead, "date"
    return (lead, "label") if found.group("date") is None else None


def entries(texts: Sequence[str], roles: Sequence[Role | None]) -> list[tuple[int, int]]:
    """The (start, end) ranges of the briefs among these lines (`roles[k]` None for a line taken
    out): each its bullet's line and the lines it wraps onto."""
    return [(start, end) for run in _runs(texts, roles) if len(run) >= MIN_ENTRIES and not _points(run, texts, roles)
            for start, end, _ in run]


def points(texts: Sequence[str], roles: Sequence[Role | None]) -> list[tuple[int, int]]:
    """The (start, end) ranges of the runs of bullets with lead-ins that are an article's points
    (introduced by a line that opens a list, under running text or under a subheading in it):
    the tagger, which reads each such bullet as a brief's start, is mended by them."""
    return [(run[0][0], run[-1][1]) for run in _runs(texts, roles) if len(run) >= 2 and _points(run, texts, roles)]


def _runs(texts: Sequence[str], roles: Sequence[Role | None]) -> list[list[tuple[int, int, str]]]:
    """The runs of bullets with lead-ins: each bullet's first line, the line after its last (its text
    wrapped onto the lines under it), its lead-in's kind."""
    out: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for k, text in enumerate(texts):
        found = lead_in(text) if roles[k] is not None and text.lstrip()[:1] in "*•-+·▪●" else None
        if found is not None and (not run or k - run[-1][1] < GAP):
            run.append((k, k + 1, found[1]))
            continue
        if found is None and run and k == run[-1][1] and k - run[-1][0] <= WRAPPED and roles[k] is not None and not (
                BULLET.match(text) or text.rstrip().endswith(":") or ends_sentence(texts[k - 1])) and text.lstrip()[:1].islower():
            run[-1] = (run[-1][0], k + 1, run[-1][2])  # the brief's text wrapped onto the next line
            continue
        if run:
            out.append(run)
        run = [(k, k + 1, found[1])] if found is not None else []
    return out + [run] if run else out


def _points(run: list[tuple[int, int, str]], texts: Sequence[str], roles: Sequence[Role | None]) -> bool:
    """The run is an article's bulleted points, not briefs: a line that opens a list introduces it,
    or running text stands right over it (unless its lead-ins are dates), or a subheading in running text."""
    above = next((k for k in range(run[0][0] - 1, -1, -1) if roles[k] is not None), None)
    if above is None:
        return False
    text = texts[above].rstrip()
    if text.endswith(":") or BULLET.match(text):
        return True  # "Most people improve with simple treatments:": an article's points
    if shape(text).running and not all(kind == "date" for _, _, kind in run):
        return True
    prior = above - 1  # (a rule or a line taken out between: a new section of the page)
    return prior >= 0 and roles[prior] is not None and shape(texts[prior]).running and not text.isupper() and not mail_heading(
        text) and not heading_level(text)  # a subheading in an article's text ("What was lit, blown and covered"), not "IN BRIEF"
