"""Tests for sitegen.annotate.anchor: locating quotes in plain text."""

from __future__ import annotations

import pickle

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.annotate.anchor import (
    Anchor,
    AnchorStatus,
    NormalisedText,
    closest,
    locate,
    locate_all,
    selector_for,
)
from sitegen.model import Annotation

TEXT = (
    "However, these critics ought to pay attention to a heartbreaking North Korean "
    "circumstance.\n\nThe bot spoke. Later the bot spoke again, and the bot   sang."
)


def found(text: str, anchor: Anchor) -> str:
    assert anchor.start is not None and anchor.end is not None
    return text[anchor.start : anchor.end]


def test_unique_quote_is_exact() -> None:
    a = locate(TEXT, Annotation("heartbreaking North Korean"))
    assert a.status is AnchorStatus.EXACT
    assert a.count == 1
    assert found(TEXT, a) == "heartbreaking North Korean"


def test_status_compares_as_string() -> None:
    assert locate(TEXT, Annotation("critics")).status == "exact"


def test_missing_quote() -> None:
    a = locate(TEXT, Annotation("South Korean"))
    assert a == Anchor(AnchorStatus.MISSING, None, None, 0)
    assert not a.found


def test_empty_or_blank_quote_is_missing() -> None:
    assert locate(TEXT, Annotation("")).status is AnchorStatus.MISSING
    assert locate(TEXT, Annotation(" \n\t")).status is AnchorStatus.MISSING


def test_repeated_quote_without_context_is_ambiguous_and_anchored_to_first() -> None:
    a = locate(TEXT, Annotation("the bot"))
    assert a.status is AnchorStatus.AMBIGUOUS
    assert a.count == 2  # "The bot" differs in case
    assert a.start == TEXT.index("the bot")


def test_prefix_picks_the_occurrence() -> None:
    a = locate(TEXT, Annotation("the bot", prefix="again, and "))
    assert a.status is AnchorStatus.EXACT
    assert a.start == TEXT.rindex("the bot")


def test_prefix_whitespace_at_the_junction_does_not_matter() -> None:
    for prefix in ("again, and", "again, and ", "again,\n  and\n"):
        a = locate(TEXT, Annotation("the bot", prefix=prefix))
        assert a.status is AnchorStatus.EXACT, prefix
        assert a.start == TEXT.rindex("the bot")


def test_suffix_picks_the_occurrence() -> None:
    a = locate(TEXT, Annotation("the bot", suffix=" spoke again"))
    assert a.status is AnchorStatus.EXACT
    assert a.start == TEXT.index("the bot spoke again")


def test_prefix_and_suffix_together() -> None:
    text = "x a b a y a b a x"
    a = locate(text, Annotation("a", prefix="b", suffix="x"))
    assert a.status is AnchorStatus.EXACT
    assert a.start == len(text) - 3


def test_best_partial_prefix_wins() -> None:
    text = "one cat. two cat. three cat."
    a = locate(text, Annotation("cat", prefix="xxthree"))  # edited prefix, still closest
    assert a.status is AnchorStatus.EXACT
    assert a.start == text.rindex("cat")


def test_context_matching_equally_well_is_ambiguous() -> None:
    text = "a cat. a cat."
    a = locate(text, Annotation("cat", prefix="a "))
    assert a.status is AnchorStatus.AMBIGUOUS
    assert a.start == 2
    assert a.count == 2


def test_unique_quote_ignores_a_wrong_prefix() -> None:
    a = locate(TEXT, Annotation("critics", prefix="nothing like this"))
    assert a.status is AnchorStatus.EXACT


def test_whitespace_differences_and_original_offsets() -> None:
    # quote has a newline, the text has three spaces: still the same words
    a = locate(TEXT, Annotation("the bot\nsang", prefix="and"))
    assert a.status is AnchorStatus.EXACT
    assert found(TEXT, a) == "the bot   sang"
    # a quote across the blank line between blocks
    b = locate(TEXT, Annotation("circumstance. The bot"))
    assert found(TEXT, b) == "circumstance.\n\nThe bot"


def test_quote_surrounding_whitespace_is_ignored() -> None:
    a = locate(TEXT, Annotation("  pay attention \n"))
    assert found(TEXT, a) == "pay attention"


def test_overlapping_occurrences_are_counted() -> None:
    a = locate("aaaa", Annotation("aa"))
    assert a.count == 3
    assert a.status is AnchorStatus.AMBIGUOUS


def test_non_breaking_space_is_whitespace() -> None:
    text = "a\u00a0heartbreaking\u2003case"
    assert found(text, locate(text, Annotation("a heartbreaking case"))) == text


def test_normalised_text_is_reusable() -> None:
    norm = NormalisedText.of(TEXT)
    assert norm.original == TEXT
    assert "  " not in norm.text and "\n" not in norm.text
    assert locate(norm, Annotation("the bot sang")) == locate(TEXT, Annotation("the bot sang"))


def test_locate_all_keeps_order() -> None:
    anchors = locate_all(TEXT, [Annotation("critics"), Annotation("nope"), Annotation("bot")])
    assert [a.status for a in anchors] == ["exact", "missing", "ambiguous"]


def test_anchor_pickles() -> None:
    a = locate(TEXT, Annotation("critics"))
    assert pickle.loads(pickle.dumps(a)) == a


words = st.sampled_from(["the", "bot", "cat", "a", "Iruda", "é", "x"])
spaces = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0"])
texts = st.lists(st.tuples(words, spaces), max_size=30).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_property_any_slice_is_found(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    quote = text[i:j]
    prefix = data.draw(st.one_of(st.none(), st.just(text[max(0, i - 8) : i])))
    a = locate(text, Annotation(quote, prefix=prefix))
    if not quote.split():
        assert a.status is AnchorStatus.MISSING
        return
    assert a.status in (AnchorStatus.EXACT, AnchorStatus.AMBIGUOUS)
    assert a.count >= 1
    hit = found(text, a)
    assert hit.split() == quote.split()
    assert hit == hit.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_property_to_original_maps_every_visible_character(text: str) -> None:
    norm = NormalisedText.of(text)
    for k, ch in enumerate(norm.text):
        if not ch.isspace():
            assert text[norm.to_original(k)] == ch


def test_selector_for_a_unique_passage_is_the_quote_alone() -> None:
    start = TEXT.index("heartbreaking")
    assert selector_for(TEXT, start - 1, start + len("heartbreaking North Korean") + 1) == (
        "heartbreaking North Korean", None, None,
    )


def test_selector_for_a_repeated_passage_adds_a_few_words_of_context() -> None:
    start = TEXT.rindex("the bot")
    quote, prefix, suffix = selector_for(TEXT, start, start + len("the bot"))
    assert (quote, suffix) == ("the bot", None)
    assert prefix is not None and TEXT[:start].endswith(prefix) and len(prefix) < 20
    assert locate(TEXT, Annotation(quote, prefix=prefix)).start == start


def test_selector_for_collapses_whitespace_and_refuses_an_empty_selection() -> None:
    start = TEXT.index("circumstance.")
    assert selector_for(TEXT, start, start + len("circumstance.\n\nThe bot"))[0] == "circumstance. The bot"
    with pytest.raises(ValueError):
        selector_for(TEXT, 0, 0)
    with pytest.raises(ValueError):
        selector_for("a  \n b", 1, 4)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_property_selector_for_finds_the_selected_occurrence(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    if not text[i:j].split():
        return
    start = i + len(text[i:j]) - len(text[i:j].lstrip())
    quote, prefix, suffix = selector_for(text, i, j)
    a = locate(text, Annotation(quote, prefix=prefix, suffix=suffix))
    assert a.status is AnchorStatus.EXACT
    assert a.start == start
    if a.count == 1:
        assert prefix is None and suffix is None


# --- re-anchoring: the quote is no longer in the text as written -------------------------------

ARTICLE = (
    "However, these critics ought to pay attention to a heartbreaking North Korean circumstance.\n\n"
    "The bot spoke. Later the bot spoke again, and the bot sang."
)


def test_after_a_typo_fixed_inside_the_passage_the_note_moves_with_it() -> None:
    edited = ARTICLE.replace("heartbreaking", "heart-breaking")
    a = locate(edited, Annotation("a heartbreaking North Korean circumstance"))
    assert a.status is AnchorStatus.FUZZY
    assert found(edited, a) == "a heart-breaking North Korean circumstance"
    assert 0.95 < a.similarity < 1


def test_after_a_word_changed_inside_the_passage_the_note_moves_with_it() -> None:
    edited = ARTICLE.replace("North Korean", "South Korean")
    a = locate(edited, Annotation("a heartbreaking North Korean circumstance", prefix="attention to "))
    assert a.status is AnchorStatus.FUZZY
    assert found(edited, a) == "a heartbreaking South Korean circumstance"


def test_after_an_edit_near_the_passage_the_exact_quote_still_decides() -> None:
    edited = ARTICLE.replace("Later the bot", "Later on, the bot")
    a = locate(edited, Annotation("the bot", prefix="spoke. Later "))
    assert a.status is AnchorStatus.EXACT
    assert a.start == edited.index("the bot spoke again")


def test_a_repeated_passage_edited_is_re_anchored_by_its_context() -> None:
    edited = ARTICLE.replace("and the bot sang", "and the bots sang")
    a = locate(edited, Annotation("the bot sang", prefix="again, and "))
    assert a.status is AnchorStatus.FUZZY
    assert found(edited, a) == "the bots sang"
    cat = ARTICLE.replace("the bot sang", "the cat sang")
    short = Annotation("bot sang", prefix="again, and the ")
    assert found(cat, locate(cat, short)) == "cat sang"  # a short quote moves only because its context agrees
    assert locate(cat, Annotation("bot sang")).status is AnchorStatus.MISSING


def test_after_the_passage_was_deleted_the_note_is_unanchored_not_moved() -> None:
    edited = ARTICLE.replace(" a heartbreaking North Korean circumstance", " this")
    ann = Annotation("a heartbreaking North Korean circumstance", prefix="attention to ")
    assert locate(edited, ann).status is AnchorStatus.MISSING
    short = Annotation("North Korean")
    assert locate(ARTICLE.replace("North", "South"), short).status is AnchorStatus.MISSING  # a different word


def test_closest_names_the_best_candidate_even_when_it_is_not_close_enough() -> None:
    edited = ARTICLE.replace("North Korean", "South Korean")
    near = closest(edited, Annotation("North Korean"))
    assert near is not None and not near.accepted
    assert edited[near.start : near.end] == "South Korean"
    assert closest(edited, Annotation("nothing of the kind appears")) is None


def test_the_old_position_breaks_a_tie_between_equally_close_passages() -> None:
    text = "one: the red fox ran away. two: the red fox ran away. three: the red fox ran away."
    ann = Annotation("the red fax ran away")
    assert found(text, locate(text, ann)) == "the red fox ran away"
    late = locate(text, ann, hint=text.rindex("the red"))
    assert late.start == text.rindex("the red")
    middle = locate(text, ann, hint=text.index("two") + 6)
    assert middle.start == text.index("the red", text.index("two"))
