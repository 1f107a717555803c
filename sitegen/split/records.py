"""A page printed as records: short items, each closed by a line of the page's own form.

A listing, a log or a noticeboard prints each of its items the same way: a short head, a line
or two of text, and a line of one form that closes the item ("Reviewed 4 Feb 2026 · Puzzles
4/5", "1 Nov 2026", "Posted 3 March"). The tagger reads a few lines either side, and such a head
looks to it like a label or a name ("Saltburn pier", "Asylum 9"); seen across the segment, the
recurring closing line tells where each record ends, so the head-like line under it starts the
next one, whatever its own words earned it.

`form` reads a line's form: the date or by-line it is, with its figures, months and days left
out, or its opening label. `marks` finds the forms that recur at least `RECORDS` times in a
segment, each time within `SPAN` lines of the last, each time after a line that is not head-like
(the record's text) and before a head-like one (the next record's head). It gives the line where
each record starts `rec` and `rec=N` (how many records: 3, 4–5, 6 or more), and the other lines
of the records `rec:in` (the closing lines `rec:end` too), for the tagger (`tagger.describe`), which also cuts an item at a record's
head. A form that sits right under each head instead (an article's date under its headline)
marks nothing here: under a headline and over text, it is what every article has. A dated form
that opens each record instead — after the last record's text, over fields or text, under a
head-like line at most once in `OPENING_HEADS` times (a signature) — marks each of its lines a
record's start ("Comment submitted date: Wed 26 Feb 2025" over "Name: …" and the comment). Pure
functions on strings and shapes; must not read metadata (that is `assemble`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.dates import date_field, dated
from sitegen.split import peers
from sitegen.split.meta import is_role
from sitegen.split.roles import LineShape
from sitegen.split.text import bucket

RECORDS = 3  # a form recurs this often before its lines mark records
SPAN = 15  # and each time within this many content lines of the last
OPENING_HEADS = 4  # a dated line opens records when at most one in this many has a head-like line over it (a date under headlines does not)
FORM_MAX = 140  # a line of a form is never longer
POST_WORDS = 6
NAME_WORDS = 4  # a name over a line taken out has at most this many words
HEADLINE_WORDS = 4  # words of a headline before a date at its end, at least  # a post under a name ("Returning Officer") has at most this many words
_CALENDAR = frozenset(  # words of a date or a time, left out of a form: "Reviewed 4 Feb 2026, 10am" reads "reviewed"
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october "
    "november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "today yesterday am pm gmt utc bst st nd rd th".split()
)
_WORD = re.compile(r"[^\W\d_]+|\d+")
_LABEL = re.compile(r"^([A-Za-z][A-Za-z &'’-]{0,24}):\s")
_DATED = ("date", "dateline")


def form(text: str, s: LineShape, kind: str) -> str | None:
    """The form of a line that can close records (`kind`: "date", "by" or its role, as `tagger`
    names it), or None for running text and long lines: a date with its figures and calendar
    words left out ("Reviewed 4 Feb 2026 · Puzzles 4/5" → "reviewed puzzles", a line with a date in it
    is one too) or, when it opens with a label, the label ("Status: Listed · 15 Dec 2025" →
    "status"), a by-line's first word, a label before a colon."""
    if s.running or s.chars > FORM_MAX or s.words == 0:
        return None
    label = _LABEL.match(text)
    if kind in _DATED or dated(text):
        if label:  # "Status: Under assessment · Updated 2 February 2026": the label is the form, whatever it says
            return "date:" + label.group(1).lower()
        return "date:" + " ".join([w.lower() for w in _WORD.findall(text) if not w.isdigit() and w.lower() not in _CALENDAR][:3])
    if kind == "by":
        return "by:" + text.split(maxsplit=1)[0].lower()
    return "label:" + label.group(1).lower() if label else None


def head_like(text: str, s: LineShape, kind: str) -> bool:
    """A line that can head a record: one that can open an item (`peers.head_like`: short, a
    capital or a digit first, no stop, comma or colon last), not a by-line or a date (a headline
    with a date at its end is one: "End water tanker dependence in Tongaat by June 2025")."""
    return kind != "by" and (kind not in _DATED or _dated_headline(text)) and peers.head_like(text, s)


def _dated_headline(text: str) -> bool:
    found = dated(text)
    return found is not None and len(text[: found.start()].split()) >= HEADLINE_WORDS


def marks(texts: Sequence[str | None], shapes: Sequence[LineShape], kinds: Sequence[str]) -> list[tuple[str, ...]]:
    """Per line (`None`: a line the segmenter took out; `kinds`: what each line is, as `tagger`
    names it), the record features of the segment's lines."""
    n = len(texts)
    content = [k for k in range(n) if texts[k] is not None]
    forms: dict[str, list[int]] = {}  # positions in `content`
    for j, k in enumerate(content):
        f = form(texts[k] or "", shapes[k], kinds[k])
        if f is not None:
            forms.setdefault(f, []).append(j)
    formed = {j for at in forms.values() if len(at) >= 2 for j in at}  # lines of a form that recurs

    def like(j: int) -> bool:
        k = content[j] if 0 <= j < len(content) else -1
        return k >= 0 and head_like(texts[k] or "", shapes[k], kinds[k])

    def signed(j: int) -> bool:  # a name over a post ("Sarah Gillespie" / "Returning Officer") or over a line taken out
        k = content[j] + 1
        if k < n and texts[k] is None:
            return shapes[content[j]].words <= NAME_WORDS  # a headline over a label taken out is no name
        return k < n and shapes[k].words <= POST_WORDS and not shapes[k].sentence and is_role(texts[k] or "")

    heads: dict[int, int] = {}  # position in `content` → how many records
    ends: set[int] = set()  # the closing lines
    spans: list[tuple[int, int]] = []
    for f, at in forms.items():
        if len(at) < RECORDS or any(not 2 <= b - a <= SPAN for a, b in zip(at, at[1:])):
            continue
        closing = [j for j in at[:-1] if f.startswith("date:") or not like(j)]  # a label closing a record is no head itself
        if len(closing) < len(at) - 1 or not all(like(j + 1) and j + 1 not in formed and not signed(j + 1) and not like(j - 1) for j in at[:-1]):
            if f.startswith("date:") and all(date_field(texts[content[j]] or "") and (not like(j + 1) or j + 1 in formed) for j in at) \
                    and not any(j - 1 in formed for j in at[1:]) \
                    and sum(like(j - 1) for j in at[1:]) * OPENING_HEADS <= len(at) - 1:  # (a signature may close a record: "Town Clerk")
                starts = list(at)  # a dated field opening each record, fields or text under it: "Comment submitted date: …"
                # (a bare date, "Mar 2", opens none: it is a forum post's, under its poster's handle)
                for j in starts:
                    heads[j] = max(heads.get(j, 0), len(starts))
                spans.append((starts[0], min(len(content) - 1, at[-1] + at[-1] - at[-2] - 1)))
            continue  # not text, then the form, then a head with its text under it (not a name over its post), each time
        first = at[0] - (at[1] - at[0] - 1)  # the first record as long as the second
        starts = ([first] if like(first) and first not in formed else []) + [j + 1 for j in at[:-1]]
        for j in starts:
            heads[j] = max(heads.get(j, 0), len(starts))
        spans.append((starts[0], at[-1]))
        ends.update(at)
    out: list[tuple[str, ...]] = [()] * n
    for first, last in spans:
        for j in range(first, last + 1):
            out[content[j]] = ("rec", f"rec={bucket(heads[j], (4, 6))}") if j in heads else ("rec:in", "rec:end") if j in ends else ("rec:in",)
    return out
