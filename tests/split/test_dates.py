"""dates: lines that are only a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import dates
from sitegen.split.dates import date_of, dated, day_line, posted_line, relative_date
from tests.split_support import corpus_lines


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Tue 10 Sep 2024 09.12 BST", dt.date(2024, 9, 10)),
        ("March 3, 2025", dt.date(2025, 3, 3)),
        ("3 March 2025", dt.date(2025, 3, 3)),
        ("3rd March, 2025", dt.date(2025, 3, 3)),
        ("Sept. 4, 2023", dt.date(2023, 9, 4)),
        ("Wednesday, February 26, 2025", dt.date(2025, 2, 26)),
        ("2025-03-03", dt.date(2025, 3, 3)),
        ("2025-03-03T10:00:00Z", dt.date(2025, 3, 3)),
        ("Published: 03/03/2025", dt.date(2025, 3, 3)),
        ("Updated: March 3, 2025 at 10:12 am EST", dt.date(2025, 3, 3)),
        ("Embargoed until 00:01 BST, Wednesday 11 June 2025", dt.date(2025, 6, 11)),
        ("10:30 GMT, 3 May 2025", dt.date(2025, 5, 3)),
        ("2026.12.02", dt.date(2026, 12, 2)),
        ("2026/12/02 18:30", dt.date(2026, 12, 2)),
        ("14.03.2025", dt.date(2025, 3, 14)),  # day first, as European pages print it
        ("14-03-2025", dt.date(2025, 3, 14)),
        ("March 02, 2026, 09:14:22 PM", dt.date(2026, 3, 2)),  # a forum's time with its seconds
        ("Sat Mar 14, 2026 10:21:47 am", dt.date(2026, 3, 14)),
        ("03-14-2026, 09:12 AM", dt.date(2026, 3, 14)),  # the month first, when the day cannot be
        ("8/13/2025", dt.date(2025, 8, 13)),
    ],
)
def test_date_lines(line, date):
    assert date_of(line) == date


@pytest.mark.parametrize(
    "line",
    ["31 February 2025", "The council met on 3 March 2025.", "May 2025", "2025", "March 3", "Chapter 3, 2025 edition", ""],
)
def test_not_date_lines(line):
    assert date_of(line) is None


@pytest.mark.parametrize("line", ["Published 3 days ago", "2 hours ago", "Updated yesterday", "an hour ago · 4 min read"])
def test_relative_dates(line):
    assert relative_date(line) and date_of(line) is None


@pytest.mark.parametrize("line", ["3 days ago I went to the market.", "Yesterday the council met.", "Ago"])
def test_not_relative_dates(line):
    assert not relative_date(line)


@pytest.mark.parametrize(
    "line", ["4 June", "June 4", "Tuesday 12 May", "Sat 29 Nov, 5.30pm", "Posted 4 June", "Dec 2, 15:12 UTC", "12/06/25", "20.02.26",
             "Sat 4 – Mon 6 April", "23–25 May", "Fri 14 - Sun 16 August"]  # (an event's days)
)
def test_days_without_their_year(line):
    assert day_line(line) and date_of(line) is None


@pytest.mark.parametrize("line", ["June", "Friday", "Sale 4 June", "4 June was the day we met.", "1.209.26", "3-1-0", "Room 12",
                                  "4 – Sale 6 June", "Won 4-6 June"])
def test_not_days(line):
    assert not day_line(line)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Updated 07:42, Thursday 3 December", "3 December"),
        ("Posted by the editors on 18 January 2027", "18 January 2027"),
        ("Saturday, March 27, 8 a.m.–noon", "March 27"),
        ("Filed 2025-03-03 by the desk", "2025-03-03"),
        ("Cancelled · 12/06/25", "12/06/25"),
    ],
)
def test_dates_inside_lines(line, found):
    assert (m := dated(line)) is not None and m.group() == found


@pytest.mark.parametrize("line", ["Hull 3-1-0 Leeds", "Meet at 10:30", "Mar 10:30", "Chapter 3"])
def test_no_date_inside(line):
    assert dated(line) is None


@pytest.mark.parametrize("line", ["Posted 21 November 2026 by the District Secretary", "Updated 4 June, with the new times",
                                  "Published on 3 May 2026 in News"])
def test_lines_saying_when_a_post_went_up(line):
    assert posted_line(line) and date_of(line) is None


@pytest.mark.parametrize("line", ["Posted in Local history | 3 Comments", "Published by the council today.", "Posted 4 June, 2026."])
def test_not_lines_saying_when_a_post_went_up(line):
    assert not posted_line(line)


DAY_PIECES = st.sampled_from(["4", "12", "June", "jun", "May", "Sept.", " ", "Tuesday ", "Published: ", "10:15am", ", ", "20.02.26",
                              "12/06/25", "3rd", ".", "/", "BST", "at 9:00", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(DAY_PIECES, max_size=7).map("".join))
def test_the_one_pattern_of_days_reads_what_its_three_shapes_read(text):
    assert bool(dates._DAY.match(text)) == any(p.match(text) for p in dates._DAYS)


def test_the_one_pattern_of_days_reads_what_its_three_shapes_read_on_every_corpus_line():
    lines = [line.strip() for line in corpus_lines()]
    assert [line for line in lines if bool(dates._DAY.match(line)) != any(p.match(line) for p in dates._DAYS)] == []


@pytest.mark.parametrize("line", ["18:02 IST | States", "4:12 pm", "10:42 am · Politics", "12.30pm", "23:41",
                                  "by Olivia Tamihana / 42min", "Radio Aotearoa News / 1h", "3h"])  # a feed reader's age of each item
def test_a_time_of_day_alone_or_with_its_zone_and_section_is_a_time_stamp(line):
    assert dates.time_stamp(line)


@pytest.mark.parametrize("line", ["10:30 Registration and coffee", "12.30", "Doors open at 7:30 pm", "3:1", "18:02 IST | States of the union today",
                                  "Top 10", "The A1 and the M4", "Bay 3 / 14 spaces"])
def test_not_time_stamps(line):
    assert not dates.time_stamp(line)


@pytest.mark.parametrize("line", ["Posted 2h ago", "45m ago", "3d ago", "Updated 5 hrs ago"])
def test_relative_dates_written_short(line):
    assert relative_date(line)


def test_a_date_in_brackets_is_read():
    assert dates.date_of("[14.01.2025 08:40]") == dt.date(2025, 1, 14)
    assert dates.date_of("(12 March 2025)") == dt.date(2025, 3, 12)


def test_a_field_whose_value_is_a_date_is_read_as_one():
    assert dates.date_field("Comment submitted date: Wed 26 Feb 2025")
    assert dates.date_field("Received: 3 March 2025")
    assert not dates.date_field("Harvest festival: 14 June 2025")  # a headline: the label says what happens, not what was dated
    assert not dates.date_field("Election 2025: the results ward by ward")


@pytest.mark.parametrize(("line", "expected"), [
    ("Oct 2024", True), ("March 2026", True), (" Sept. 2025 ", True),
    ("October 2024 was wet", False), ("2024", False), ("14 March 2026", False),
])
def test_a_month_and_its_year_alone_as_archives_and_forums_print_a_date(line, expected):
    assert dates.month_year(line) is expected
