"""Calendars saved as they are (iCalendar, RFC 5545: a `.ics` file) in a dump: each event an item.

A calendar's events (`BEGIN:VEVENT` … `END:VEVENT`) say exactly what an item is: `SUMMARY` is its
headline, `DESCRIPTION` its text, `DTSTART` its date, `LOCATION` its place. `CalendarReader`
stands between a dump's lines and the rest of the split, as `feeds.FeedReader` does: it passes
every line on, a blank one in place of each line of a calendar, and keeps each event (and each
journal entry, `VJOURNAL`) as an `entries.Entry`. Folded lines (a line that starts with a space
goes on with the one above) are joined and escapes read (`\\,` `\\n`), each paragraph kept on the
dump line it starts on. An event stands for itself on a listing: a fragment; a journal entry is
an article. Tasks, alarms and time zones are no items; nor is an event with no text. An
organiser is no writer: only a signature in the text names one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitegen.split.entries import Entry, Reader
from sitegen.split.text import Block, Debris

__all__ = ["CalendarReader"]

_CONTENT_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)((?:;[^:]*)?):(.*)$")  # NAME;PARAM=…:value
_ITEMS = {"VEVENT": True, "VJOURNAL": False}  # the components that are items: teaser or not
_SETTINGS = "a calendar's settings outside its events: its name, time zones, tasks and alarms"
_MARKUP = "a calendar event's fields: its identifiers, times, links, categories and organiser"


@dataclass(slots=True)
class _Property:
    name: str
    pieces: list[tuple[int, str]]  # (dump line, text) of the line and each line folded under it


@dataclass(slots=True)
class _Component:
    kind: str
    start: int
    properties: list[_Property] = field(default_factory=list)


class CalendarReader(Reader):
    """A dump's lines with its calendars taken out: iterating gives every line, a blank one in
    place of each line of a calendar; the events are kept (`take`), the rest reported in `debris`."""

    def __iter__(self) -> Iterator[str]:
        stack: list[_Component] = []  # open components, the calendar's first
        shown: list[tuple[int, str]] = []  # the non-blank lines of the event being read
        last: _Property | None = None
        for number, line in enumerate(self._lines, 1):
            if not stack:
                if line.strip().upper() in ("BEGIN:VCALENDAR", "BEGIN:VEVENT"):
                    stack.append(_Component(line.strip()[6:].upper(), number))
                    if stack[0].kind == "VEVENT":  # an event alone, outside any calendar
                        stack.insert(0, _Component("VCALENDAR", number))
                        shown = [(number, line)]
                    else:
                        self.debris.append(Debris(number, line, _SETTINGS))
                    yield ""
                    continue
                yield line
                continue
            found = _CONTENT_LINE.match(line.strip())
            if line.strip() and not found and not (line[0] in " \t" and last is not None):
                self._cut_short(stack, shown)  # a line no calendar has: the calendar was cut short before it
                stack, shown, last = [], [], None
                yield line
                continue
            yield ""
            if not line.strip():
                continue
            if line[0] in " \t" and last is not None:  # folded: goes on with the line above
                last.pieces.append((number, line[1:]))
                self._note(stack, shown, number, line)
                continue
            name, value = (found.group(1).upper(), found.group(3)) if found else ("", line.strip())
            if name == "BEGIN":
                stack.append(_Component(value.strip().upper(), number))
                last = None
            elif name == "END" and len(stack) > 1:
                self._note(stack, shown, number, line)
                done = stack.pop()
                if done.kind in _ITEMS and len(stack) == 1:
                    self._ready.append(_entry(done, number, shown))
                    shown = []
                last = None
                continue
            elif name == "END":  # the calendar's end
                self.debris.append(Debris(number, line, _SETTINGS))
                stack, last = [], None
                continue
            else:
                last = _Property(name, [(number, value)])
                if len(stack) == 2 and stack[-1].kind in _ITEMS:
                    stack[-1].properties.append(last)
            self._note(stack, shown, number, line)
        self._cut_short(stack, shown)

    def _cut_short(self, stack: list[_Component], shown: list[tuple[int, str]]) -> None:
        """The calendar ends before its end: the event it was in ends with it."""
        if len(stack) > 1 and stack[1].kind in _ITEMS:
            self._ready.append(_entry(stack[1], shown[-1][0] if shown else stack[1].start, shown))
        elif shown:
            self.debris += [Debris(n, t, _SETTINGS) for n, t in shown]

    def _note(self, stack: list[_Component], shown: list[tuple[int, str]], number: int, line: str) -> None:
        """A non-blank line is the event's being read (to account for it) or the calendar's."""
        if len(stack) > 1 and stack[1].kind in _ITEMS:
            shown.append((number, line))
        else:
            self.debris.append(Debris(number, line, _SETTINGS))


def _entry(event: _Component, end: int, shown: list[tuple[int, str]]) -> Entry:
    values = {}
    for prop in event.properties:
        values.setdefault(prop.name, prop)
    title = _paragraphs(values["SUMMARY"]) if "SUMMARY" in values else ()
    text = _paragraphs(values["DESCRIPTION"]) if "DESCRIPTION" in values else ()
    place = values.get("LOCATION")
    place_lines = tuple(Block(n, t) for n, t in place.pieces) if place else ()
    starts = values.get("DTSTART")
    date = (starts.pieces[0][0], _date(starts.pieces)) if starts else None
    extents = tuple((b.line, e) for b, e in text if e > b.line)
    paragraphs = tuple(b for b, _ in text)
    return Entry(
        start=event.start, end=end,
        title=Block(title[0][0].line, " ".join(b.text for b, _ in title)) if title else None,
        creators=(), date=date if date and date[1] else None,
        summary=paragraphs if _ITEMS[event.kind] else (), content=() if _ITEMS[event.kind] else paragraphs, rights=(),
        lines=tuple(Block(n, t) for n, t in shown), extents=extents, markup=_MARKUP,
        teaser=_ITEMS[event.kind], places=place_lines,
    )


def _paragraphs(prop: _Property) -> list[tuple[Block, int]]:
    """A property's value unfolded and unescaped, cut at its line breaks: each paragraph on the
    dump line it starts on, with the line it ends on."""
    chars: list[tuple[str, int]] = []
    for number, piece in prop.pieces:
        chars += [(c, number) for c in piece]
    out: list[tuple[Block, int]] = []
    words: list[tuple[str, int]] = []
    i = 0
    while i <= len(chars):
        c = chars[i][0] if i < len(chars) else "\n"
        if c == "\\" and i + 1 < len(chars) and chars[i + 1][0] in "nN,;\\":
            code = chars[i + 1][0]
            if code in "nN":
                c = "\n"
            else:
                words.append((code, chars[i][1]))
                i += 2
                continue
            i += 1
        if c == "\n":
            text = " ".join("".join(w for w, _ in words).split())
            if text:
                first = next(n for w, n in words if w.strip())
                out.append((Block(first, text), words[-1][1]))
            words = []
        else:
            words.append((c, chars[i][1]))
        i += 1
    return out


def _date(pieces: list[tuple[int, str]]) -> dt.date | None:
    """The date of "20250318T103000" or "20250301"."""
    digits = "".join(t for _, t in pieces).strip()[:8]
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
