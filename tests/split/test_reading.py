"""reading: the facts of one line, read once and shared by its recognisers' guards."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import memo
from sitegen.split.reading import NAME_SMALL, Reading, read
from sitegen.split.text import may_hold


@pytest.mark.parametrize(("text", "digit", "marks", "plain"), [
    ("Council approves the budget", False, False, True),
    ("Jane Hill | 3 May 2026", True, True, False),
    ("Dr Jane van der Berg", False, False, False),  # an honorific and particles: words a name holds
    ("Rhodri ap Dafydd", False, False, False),  # a Welsh name's "ap" ("son of") too
    ("— Tom Rowe at Meadow Lane", False, True, False),
    ("Callum Reid and the vets", False, False, True),
    ("Price: £٣", True, False, False),  # an Arabic-Indic digit is a digit
    ("Posted ² days ago", True, False, True),  # and so is any character `str.isdigit` reads as one
])
def test_the_facts_of_a_line(text, digit, marks, plain):
    r = Reading(text)
    assert (r.digit, r.marks, r.plain) == (digit, marks, plain)
    assert r.lower == text.lower() and not r.folds


def test_an_honorific_is_a_word_a_name_holds_in_any_case():
    assert not Reading("DR. Jane Hill").plain and not Reading("rev. Jane Hill").plain and Reading("revd Jane Hill").plain
    assert {"dr", "van", "and", "at"} <= NAME_SMALL


def test_a_line_a_case_insensitive_pattern_may_read_otherwise_may_hold_any_word():
    r = Reading("Uses coo\u212aies")  # the Kelvin sign: a "k" to a case-insensitive pattern
    assert r.folds and r.holds(("cookie",)) and r.holds(("anything",))
    assert not Reading("Nothing here – at all").holds(("cookie",))


def test_a_reading_is_kept_until_the_answers_are_forgotten():
    first = read("Jane Hill | 3 May 2026")
    assert read("Jane Hill | 3 May 2026") is first
    memo.forget()
    assert read("Jane Hill | 3 May 2026") is not first


WORDS = ("cookie", "privacy", "by", "ago")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Cookie", "PRIVACY", "by ", "Ago", "ſ", "İ", "ı", "\u212a", "é", "—"]),
                          st.text(max_size=4)), max_size=6).map("".join))
def test_holds_answers_as_may_hold_on_lines_of_any_characters(text):
    assert Reading(text).holds(WORDS) == may_hold(text, WORDS)
