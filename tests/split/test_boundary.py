"""boundary: where items start inside a segment, from the roles of its lines."""

from __future__ import annotations

from sitegen.split.boundary import items
from sitegen.split.roles import classify
from sitegen.split.text import Block

LONG = "A paragraph of ordinary news text that goes on for a while and then ends properly, as paragraphs of articles do."


def articles(texts: list[str]):
    """Item line numbers of paragraphs written one blank line apart (lines 1, 3, 5…); reported as 1, 2, 3…"""
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    found = items(blocks, classify(texts), set())
    return [[(b.line + 1) // 2 for b in blocks[it.start : it.end]] for it in found]


def test_a_subheading_does_not_start_an_article():
    assert articles(["Title – Asia Times", LONG, "A subheading", LONG, "Another one", LONG]) == [[1, 2, 3, 4, 5, 6]]


def test_text_after_end_matter_is_another_article():
    bio = "Jane Hill is a lecturer in marine science at the University of Plymouth."
    cc = "This article is republished from The Conversation under a Creative Commons license."
    assert articles(["Harbour cranes return", LONG, bio, cc, "Second title of the day", LONG]) == [[1, 2, 3, 4], [5, 6]]
    assert articles(["Harbour cranes return", LONG, bio, cc, LONG + LONG]) == [[1, 2, 3, 4], [5]]


def test_a_title_with_a_known_publisher_starts_an_article():
    assert articles(["One – The Ledger", LONG, LONG, "Two – The Ledger", LONG]) == [[1, 2, 3], [4, 5]]
    assert articles(["One – The Ledger", LONG, "Two – Other Paper", LONG]) == [[1, 2, 3, 4]]
    assert articles(["One – The Ledger", LONG, "Tram line to reach the airport | Other Paper", LONG]) == [[1, 2], [3, 4]]


def test_untitled_teasers_end_where_they_break_off():
    cut = LONG + " " + LONG[:-1] + " and the"
    assert articles([LONG, cut, cut, LONG]) == [[1, 2], [3], [4]]


def test_a_titled_text_does_not_break_at_a_cut_paragraph():
    cut = LONG + " " + LONG[:-1] + " and the"
    assert articles(["The old port reopens", LONG, cut, LONG]) == [[1, 2, 3, 4]]
