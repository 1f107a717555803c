"""text: the shapes of one line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split.text import SENTENCE_END, _AS_ASCII, caps_headline, ends_sentence, is_list_item, may_hold, opening_letter, stops_mid_sentence


@pytest.mark.parametrize("line", ["It ended.", "Did it?", "“Yes,” she said.”", "(see above)", "Wait…", "as follows:"])
def test_ends_sentence(line):
    assert ends_sentence(line)


@pytest.mark.parametrize("line", ["A subheading", "The death of", "in Beijing"])
def test_does_not_end_sentence(line):
    assert not ends_sentence(line)


@pytest.mark.parametrize("line", ["On VOA Tibetan,", "as listeners", "The death of", "to the…", "— then", "the road to"])
def test_stops_mid_sentence(line):
    assert stops_mid_sentence(line)


@pytest.mark.parametrize("line", ["It ended.", "with experience in Hong Kong, New York, and Beijing", "in 2025", ""])
def test_a_missing_full_stop_after_a_name_is_not_a_break(line):
    assert not stops_mid_sentence(line)


@pytest.mark.parametrize("line", ["* item", "  • item", "- item", "1. item", "12) item"])
def test_list_items(line):
    assert is_list_item(line)


@pytest.mark.parametrize("line", ["*stars*", "1995. was a year", "-5% growth", "•"])
def test_not_list_items(line):
    assert not is_list_item(line)


def test_the_characters_a_case_insensitive_search_reads_as_ascii_letters_are_all_known():
    # `may_hold` searches every line with one of them: a lower-cased line without them holds a
    # pattern's ASCII words wherever the pattern matches them
    others = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert {c for c in others if re.match("[a-z]", c, re.IGNORECASE)} == _AS_ASCII
    assert [c for c in others if c not in _AS_ASCII and any(x.isascii() for x in c.lower())] == []  # nor does lower case make one


@pytest.mark.parametrize(("text", "held"), [
    ("Cookie policy", True), ("We value “your privacy”", True), ("Accept COOKIES — tout", True), ("Mentions légales", False),
    ("Uses coo\u212aies", True), ("Nothing here – at all", False),
])
def test_may_hold_reads_lines_of_any_characters(text, held):
    assert may_hold(text, ("cookie", "privacy")) is held


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from('ab .!?…:;"”’\'»)]\n\t\u00a0\r-'), max_size=8))
def test_ends_sentence_reads_the_last_character_as_the_pattern_does(text):
    assert ends_sentence(text) == bool(SENTENCE_END.search(text.rstrip()))


def test_the_first_letter_past_opening_marks_and_french_spacing():
    assert opening_letter("« Le droit de rester » / The right to stay", "«“\"(") == "L"
    assert opening_letter("“Xi’s gamble”", "«“\"(") == "X"
    assert opening_letter("« Older posts", "«“\"(") == " "  # a link's arrow, not a quotation: no letter opens it


def test_a_headline_in_capitals_closed_by_a_stop():
    assert caps_headline("TYPHOID AT BALLARAT EAST.") and caps_headline("THE FEVER SEASON. STATE OF THE HOSPITALS.")
    assert not caps_headline("TYPHOID AT BALLARAT EAST") and not caps_headline("Typhoid at Ballarat East.")
    assert not caps_headline(" ".join(["WORD"] * 14) + ".")
