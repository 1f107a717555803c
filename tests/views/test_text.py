"""Tests for sitegen.views.text: snippets, names, dates, licence URLs, escaping for <script> and XML."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from sitegen.views.text import clip, date_label, licence_url, names, script_json, xml_text


def test_clip_cuts_at_a_word_and_collapses_whitespace():
    assert clip("  short   text ", 50) == "short text"
    assert clip("one two three four five", 12) == "one two…"
    assert len(clip("x" * 500, 100)) == 101


@given(st.text(), st.integers(min_value=1, max_value=400))
def test_clip_never_exceeds_its_limit_plus_the_ellipsis(text, limit):
    assert len(clip(text, limit)) <= limit + 1


def test_names_read_as_a_sentence():
    assert names(()) == ""
    assert names(("A",)) == "A"
    assert names(("A", "B")) == "A and B"
    assert names(("A", "B", "C")) == "A, B and C"


def test_dates_are_spelled_out_in_english_and_iso_otherwise():
    day = dt.date(2024, 3, 5)
    assert date_label(day, "en") == "5 March 2024"
    assert date_label(day, "en-GB") == "5 March 2024"
    assert date_label(day, "fr") == "2024-03-05"
    assert date_label(None, "en") is None


def test_licence_url_from_a_link_or_a_named_version():
    assert licence_url("See https://creativecommons.org/licenses/by/4.0/.") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence_url("under CC BY-NC-ND 4.0") == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert licence_url("under a Creative Commons license") is None
    assert licence_url(None) is None


def test_script_json_cannot_break_out_of_a_script_element():
    data = {"t": "</script><script>alert(1)</script><!-- ]]> & \u2028\u2029"}
    text = script_json(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == data


@given(st.text())
def test_script_json_round_trips(value):
    text = script_json([value])
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == [value]


def test_xml_text_drops_what_xml_cannot_carry():
    assert xml_text("a\x00b\x0bc\td\ne\ufffe") == "abc\td\ne"
