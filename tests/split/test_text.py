"""text: the shapes of one line."""

from __future__ import annotations

import pytest

from sitegen.split.text import ends_sentence, is_list_item, stops_mid_sentence


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
