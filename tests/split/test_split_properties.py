"""Splitting loses and duplicates no text: every non-blank line of a dump is in exactly one
article (its body or its front matter) or is reported as debris."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import split_text
from sitegen.split.text import clean_line

WORDS = st.sampled_from(
    "the port reopened after years of repairs and ships arrived before dawn while workers said cranes lift "
    "twice weight prices rose sharply as traders bet rates would stay low Jane Hill Asia Times".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=40).map(lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)
CUT = st.lists(WORDS, min_size=60, max_size=90).map(lambda w: " ".join(w).capitalize())
SPECIAL = st.sampled_from([
    "Continue Reading", "You May Also Like", "Table of Contents", "Accept all",
    "We use cookies to improve your experience.", "Share this article", "Advertisement",
    "Jane Hill is a lecturer in marine science at the University of Plymouth.",
    "This article is republished from The Conversation under a Creative Commons license.",
    "This article is republished with kind permission.", "© 2025 Haymarket Media Limited. All rights reserved.",
    "Translated by Lin Lee-kai", "By Maria Costa", "Follow William Pesek on X at @WilliamPesek",
    "* a bullet item", "  • another item", "1. a numbered item", "| a | b |", "Poor old Iruda Image: Scatter Lab",
    "YouTube video", "Readers in a hurry may wish to wait. – Editors", "Harbour cranes return – The Daily Ledger",
    "Why prices rise", "&nbsp,", "1995. was a year", "# not a heading", "\u00a0", "", "",
])
LINE = st.one_of(PARAGRAPH, CUT, SPECIAL, SPECIAL, st.text(max_size=30))
DUMP = st.lists(LINE, min_size=0, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(DUMP)
def test_every_line_is_in_one_article_or_debris(dump):
    result = split_text(dump, "d.txt")
    owners: dict[int, int] = {}
    for index, article in enumerate(result.articles):
        for line in (*article.body_lines, *article.meta_lines):
            assert line not in owners, f"line {line} is in two articles"
            owners[line] = index
        first, last = article.source.lines
        assert all(first <= n <= last for n in (*article.body_lines, *article.meta_lines))
    for debris in result.debris:
        assert debris.line not in owners or debris.reason == "separator glued to the text"
        owners.setdefault(debris.line, -1)
    lines = dump.split("\n")
    for number, raw in enumerate(lines, start=1):
        if clean_line(raw):
            assert number in owners, f"line {number} {raw!r} was lost"


@settings(max_examples=200, deadline=None)
@given(DUMP)
def test_body_lines_keep_their_words(dump):
    result = split_text(dump, "d.txt")
    lines = dump.split("\n")
    for article in result.articles:
        flat = article.body.replace("\\", "")
        for number in article.body_lines:
            marks = "*•·●▪◦‣-+|#>"  # list, table and heading markers are rewritten as Markdown
            words = [w.strip(marks) for w in clean_line(lines[number - 1]).replace("\\", "").split()]
            for word in [w for w in words if w][:5]:
                assert word in flat, f"{word!r} of line {number} missing from the body"
