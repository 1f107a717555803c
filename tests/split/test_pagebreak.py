"""pagebreak: a sentence broken at a page's foot goes on in the item above it."""

from __future__ import annotations

from sitegen.split.pagebreak import mend


def test_the_rest_of_a_sentence_under_a_page_foot_is_the_items_above():
    texts = ["The new landing code, in plain words", "None of this is new to the old hands, but we have",
             "Lighter Than Air · No. 87    page 1 of 4", "a lot of new pilots and crew this year, and farmers talk more than we do."]
    tags = ["B", "I", "O", "O"]
    mend(texts, [1, 2, 4, 6], [True, True, False, True], tags)
    assert tags == ["B", "I", "I", "I"]  # (the foot, taken out, stays out)


def test_a_heading_under_the_foot_printed_as_one_inside_the_item_starts_its_next_part():
    texts = ["Competition round-up", "Results, Malham", "Open: 1st Sam Metcalfe; 2nd Andy Clapham", "Page 2",
             "Results, Slaidburn", "Open: 1st Andy Clapham; 2nd Sam Metcalfe", "ADVERTISEMENT"]
    tags = ["B", "I", "I", "O", "O", "O", "O"]
    mend(texts, [1, 2, 3, 5, 7, 8, 10], [True, True, True, False, True, True, True], tags)
    assert tags == ["B", "I", "I", "I", "I", "I", "O"]  # to the blank line under its paragraph


def test_text_that_ended_or_a_line_in_capitals_or_no_foot_between_is_left_as_found():
    for texts, content in (
        (["Title", "The club will meet again in May.", "Page 2", "and the rest of a sentence from nowhere at all today"], [True] * 2 + [False, True]),
        (["Title", "By Marisol Vega · May 26, 2025 · 4 min read", "SPONSORED", "image: a red convertible on a desert highway"],
         [True] * 2 + [False, True]),  # a by-line row breaks off no sentence
        (["Title", "None of this is new to the old hands, but we have", "a lot of new pilots and crew this year, and farmers"], [True] * 3),
    ):
        tags = ["B", "I"] + ["O"] * (len(texts) - 2)
        before = list(tags)
        mend(texts, list(range(1, len(texts) + 1)), content, tags)
        assert tags == before, texts
