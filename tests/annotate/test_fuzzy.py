"""Tests for sitegen.annotate.fuzzy: approximate matching by edit distance."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.annotate.fuzzy import approximate_matches, distance, edit_scores, similarity


def naive_scores(pattern: str, text: str, anchored: bool) -> list[int]:
    """The textbook dynamic programme the bit-parallel version must agree with."""
    prev = list(range(len(pattern) + 1))
    out = []
    for j, ch in enumerate(text):
        cur = [j + 1 if anchored else 0]
        for i in range(1, len(pattern) + 1):
            cur.append(min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (pattern[i - 1] != ch)))
        out.append(cur[-1])
        prev = cur
    return out


@settings(max_examples=400, deadline=None)
@given(st.text("abc ", min_size=1, max_size=70), st.text("abc ", max_size=40), st.booleans())
def test_property_scores_agree_with_the_textbook_table(pattern: str, text: str, anchored: bool) -> None:
    assert edit_scores(pattern, text, anchored=anchored) == naive_scores(pattern, text, anchored)


def test_distance_and_similarity() -> None:
    assert distance("kitten", "sitting") == 3
    assert distance("", "abc") == 3 and distance("abc", "") == 3
    assert similarity("same", "same") == 1.0
    assert similarity("", "") == 1.0
    assert similarity("abcd", "wxyz") == 0.0


def test_finds_a_passage_with_a_changed_word_and_where_it_starts() -> None:
    text = "These critics ought to pay attention to a heartbreaking South Korean circumstance today."
    (match, *_) = approximate_matches("a heartbreaking North Korean circumstance", text, 10)
    assert text[match.start : match.end] == "a heartbreaking South Korean circumstance"
    assert match.errors == 2


def test_best_matches_come_first_and_nothing_beyond_the_limit() -> None:
    text = "the cat sat. the bat sat. the hat"
    matches = approximate_matches("the bat", text, 1)
    assert text[matches[0].start : matches[0].end] == "the bat" and matches[0].errors == 0
    assert sorted(text[m.start : m.end] for m in matches[1:]) == ["the cat", "the hat"]
    assert approximate_matches("zzzzzz", text, 2) == []
    assert approximate_matches("", text, 2) == [] and approximate_matches("a", "", 2) == []
