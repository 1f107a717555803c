"""Calendars saved as they are (iCalendar) are split by their events: one item per event."""

from __future__ import annotations

import datetime as dt

from sitegen.model import ArticleKind
from sitegen.split import split_text
from tests.split_support import PLAIN_ARTICLE, assert_accounted_once, titles_after_cut

ICS = """\
BEGIN:VCALENDAR
VERSION:2.0
X-WR-CALNAME:Harrowgate Libraries
BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZNAME:BST
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20250318T103000
UID:10004871@libraries.example
SUMMARY:Rhyme Time for babies\\, toddlers and grown-ups
DESCRIPTION:Songs\\, rhymes and a story for under-fives and their grown-ups
 . Free\\, no need to book – just turn up.\\n\\nBring a blanket if you like
 .\\n\\n— Marta Kowalczyk
URL:https://libraries.example/event/rhyme-time/
LOCATION:Central Library\\, Victoria Avenue\\, Harrowgate
ORGANIZER;CN="Anna Weller":MAILTO:events@libraries.example
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Reminder
END:VALARM
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20250421
SUMMARY:All libraries closed for the bank holiday
LOCATION:All branches
END:VEVENT
BEGIN:VTODO
SUMMARY:Order new beanbags for the children's corner
DESCRIPTION:Ask facilities for a quote before the end of the month.
END:VTODO
BEGIN:VJOURNAL
DTSTART:20250310
SUMMARY:Notes from the Friends of the Library meeting
DESCRIPTION:Twelve members came. We agreed to fund a second weekly rhyme ti
 me session from May and to ask the council about Sunday opening.
END:VJOURNAL
END:VCALENDAR
"""


def test_each_event_is_a_fragment_titled_by_its_summary_with_its_folded_text_read():
    result = split_text(ICS, "events.ics.txt")
    event, journal = result.articles
    assert event.title == "Rhyme Time for babies, toddlers and grown-ups"
    assert "under-fives and their grown-ups. Free, no need to book" in event.body  # folds joined, escapes read
    assert "Bring a blanket if you like." in event.body and "Reminder" not in event.body  # the alarm is no text
    assert event.kind is ArticleKind.FRAGMENT  # an event stands for itself on a listing
    assert event.date == dt.date(2025, 3, 18)
    assert event.authors == ("Marta Kowalczyk",)  # the signature names the writer; the organiser is no writer
    assert event.source.lines == (13, 18)  # from its headline to its place
    assert journal.title == "Notes from the Friends of the Library meeting"
    assert journal.kind is ArticleKind.ARTICLE
    assert "Order new beanbags" not in {a.title for a in result.articles}  # a task is no item
    titles = {a.title for a in result.articles}
    assert "All libraries closed for the bank holiday" not in titles  # an event with no text: furniture


def test_every_line_of_a_calendar_among_text_is_accounted_for_once():
    text = ("Longer opening hours at every library from Monday\n\nBy Tom Baker\n\n" + (
        "The new opening hours start on Monday, with late nights on Thursdays and Sunday afternoons in the town.\n\n" * 2)
        + ICS + "\nFooter links")
    result = assert_accounted_once(text, "mixed.txt")
    assert [a.title for a in result.articles][1:] == [
        "Rhyme Time for babies, toddlers and grown-ups", "Notes from the Friends of the Library meeting"]


def test_an_event_cut_short_keeps_its_text_and_a_lone_event_is_read_too():
    cut = ICS[: ICS.index("URL:https")]
    assert [a.title for a in split_text(cut, "cut.txt").articles] == ["Rhyme Time for babies, toddlers and grown-ups"]
    lone = "BEGIN:VEVENT\nSUMMARY:Repair Café\nDESCRIPTION:Bring your broken toaster and we will look at it together.\nEND:VEVENT\n"
    (article,) = split_text(lone, "lone.txt").articles
    assert article.title == "Repair Café" and article.kind is ArticleKind.FRAGMENT


def test_a_calendar_cut_short_gives_back_the_text_after_it():
    cut = ICS[: ICS.index("URL:https")]
    assert titles_after_cut(cut) == ["Rhyme Time for babies, toddlers and grown-ups", PLAIN_ARTICLE[0]]
