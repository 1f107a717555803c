"""minutes: a page of minutes is one item a meeting, from its heading to the line of whoever took them."""

from __future__ import annotations

from sitegen.split.minutes import mend
from tests.split_support import plan, split_page


def test_each_meeting_runs_from_its_heading_to_its_clerks_line_and_is_named_by_the_clerk():
    result = split_page("minutes_two_meetings.txt")
    assert plan(result) == [
        ((6, 17), "Committee meeting, Monday 3 February 2025", ("Ravi Shah",)),
        ((18, 26), "Committee meeting, Monday 3 March 2025", ("Owen Ellis",)),
    ]  # the numbered business is no item of its own; "(acting secretary)" is the clerk's post
    left = {d.line for d in result.debris}
    assert {4, 5, 27} <= left  # the page's heading and note over the minutes, the download link under them


def test_the_heading_over_the_attendance_starts_a_meeting_and_the_clerk_closes_it():
    texts = ["The minutes of the last meeting were agreed.", "Committee meeting, 4 May", "Present: A, B", "1. Boats",
             "Two boats were sold.", "Minutes taken by Jo Hill", "Next fixtures", "Saturday: away at Wells"]
    tags = ["I", "I", "I", "B", "I", "I", "I", "I"]
    mend(texts, [True] * len(texts), tags)
    assert tags == ["I", "B", "I", "I", "I", "I", "B", "I"]


def test_a_heading_with_a_sentence_between_it_and_the_attendance_is_no_meetings():
    texts = ["Minutes archive", "Minutes are published after each meeting.", "Present: A, B", "Business"]
    tags = ["O", "O", "B", "I"]
    mend(texts, [True] * len(texts), tags)
    assert tags == ["O", "O", "B", "I"]


def test_the_chairs_approval_under_the_clerks_line_is_outside_the_meeting():
    texts = ["Committee meeting, 4 May", "Present: A, B", "Two boats were sold.", "Respectfully submitted,",
             "Jo Hill, Secretary", "Approved as a correct record: Ann Lee, Chair", "Notice of the summer regatta"]
    tags = ["B", "I", "I", "I", "I", "I", "I"]
    mend(texts, [True] * len(texts), tags)
    assert tags == ["B", "I", "I", "I", "I", "O", "I"]


def test_the_bodys_name_over_the_meetings_heading_opens_it_in_capitals_or_in_its_words():
    for body in ("SKYLINE PARAGLIDING CLUB — COMMITTEE MEETING", "Wessex Hot Air Balloon Club"):
        texts = ["Notices", body, "Minutes of the meeting held on Tuesday 10 February 2026", "Present: A, B", "1. Sites", "Minutes taken by Jo Hill"]
        tags = ["O", "O", "B", "I", "B", "I"]
        mend(texts, [True] * len(texts), tags)
        assert tags[1:3] == ["B", "I"], body
    texts = ["Minutes archive", "MINUTES · AGM 2025", "Minutes of the AGM held on 15 November 2025", "Present: A, B", "Minutes taken by Jo Hill"]
    tags = ["O", "O", "B", "I", "I"]
    mend(texts, [True] * len(texts), tags)
    assert tags[1:3] == ["O", "B"]  # a label of the page, no body's name
