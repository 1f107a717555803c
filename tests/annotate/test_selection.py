"""Finding a reader's selection (as the DOM shows it) in the body's plain text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitegen.annotate.anchor import locate, selector_for
from sitegen.annotate.selection import find_selection
from sitegen.markdown.render import render_body
from sitegen.model import Annotation

TEXT = "The budget was cut.\n\nLater: the budget was cut, she said.\n\nThe end was near.\n\nThe end."


def passage(text: str, found: tuple[int, int] | None) -> str | None:
    return None if found is None else text[found[0] : found[1]]


def test_a_unique_quote_is_found_whatever_the_context():
    assert passage(TEXT, find_selection(TEXT, "she said")) == "she said"
    assert passage(TEXT, find_selection(TEXT, "she said", "nonsense", "more nonsense", 3)) == "she said"


def test_whitespace_at_block_boundaries_does_not_matter():
    # a DOM selection across two paragraphs may hold no whitespace between them, or a single newline
    for selected in ("cut.Later", "cut.\nLater", "cut. \n\n  Later"):
        assert passage(TEXT, find_selection(TEXT, selected)) == "cut.\n\nLater"


def test_context_chooses_among_repeats():
    found = find_selection(TEXT, "the budget was cut", before="Later: ", after=", she said")
    assert found == (TEXT.index("the budget was cut"), TEXT.index("the budget was cut") + len("the budget was cut"))
    first = find_selection(TEXT, "budget was cut", before="The ", after=".Later")
    assert first == (4, 18)


def test_position_decides_when_the_context_cannot():
    text = "la la la la"
    assert find_selection(text, "la", position=0) == (0, 2)
    assert find_selection(text, "la", position=4) == (6, 8)  # non-space characters before: "lala"
    assert find_selection(text, "la") == (0, 2)  # no position: the first


def test_text_that_is_not_there():
    assert find_selection(TEXT, "not in the article") is None
    assert find_selection(TEXT, "   ") is None


def test_a_selection_across_markup_gives_the_note_the_build_anchors_there():
    body = "The *quick* answer.\n\nA [quick](https://example.org) answer, and `code` too.\n"
    text = render_body(body).text
    # the DOM text of the second paragraph's selection "quick answer" has the link's text in it
    found = find_selection(text, "quick answer", before="The quick answer.\nA ", after=", and code too.")
    assert found is not None
    quote, prefix, suffix = selector_for(text, *found)
    anchor = locate(text, Annotation(quote, prefix=prefix, suffix=suffix))
    assert (anchor.start, anchor.end) == found and prefix


@given(st.lists(st.sampled_from(["ab", "cd", "ab cd", "\n\n", " ", "x"]), min_size=1, max_size=30), st.data())
def test_the_selected_occurrence_is_found_from_its_surroundings(parts, data):
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not quote.strip():
        return
    position = len("".join(text[:start].split()))
    found = find_selection(text, quote, before=text[:start], after=text[end:], position=position)
    assert found is not None
    assert "".join(text[found[0] : found[1]].split()) == "".join(quote.split())
    # the same non-space characters before it: the very place that was selected
    assert len("".join(text[: found[0]].split())) == len("".join(text[:start].split()))
