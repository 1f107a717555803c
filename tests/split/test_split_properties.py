"""Splitting loses and duplicates no text.

Every non-blank line of a dump is either reported as debris or is in exactly
one article: in its body, where the rendered Markdown shows the same text
(modulo the documented cleaning — entity repair, list markers → Markdown
lists, white space runs), or in its front matter (title, by-line, bio,
licence statement, translator or wire credit, and a date line as `date:`).
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markdown import render_body
from sitegen.split import split_text
from sitegen.split.body import display_text
from sitegen.split.clean import clean_line
from sitegen.split.dates import date_of
from sitegen.split.meta import split_title
from sitegen.split.text import TABLE_ROW

WORDS = st.sampled_from(
    "the port reopened after years of repairs and ships arrived before dawn while workers said cranes lift "
    "twice weight prices rose sharply as traders bet rates would stay low Jane Hill Asia Times "
    "M&A &amp, &nbsp, *stars* _under_ [sic] <b> 1995. # > + - ` \\ | ’ ” “ 大安 Москва".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=40).map(lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)
CUT = st.lists(WORDS, min_size=40, max_size=90).map(lambda w: " ".join(w).capitalize())
SPECIAL = st.sampled_from([
    "Continue Reading", "You May Also Like", "Table of Contents", "Accept all", "Read More »",
    "We use cookies to improve your experience.", "Share this article", "Advertisement", "Read the original article.",
    "Jane Hill is a lecturer in marine science at the University of Plymouth.",
    "At the University of Toronto, Jul Parke is pursuing a PhD in advertising, systems, and lifestyle.",
    "This article is republished from The Conversation under a Creative Commons license.",
    "This article is republished with kind permission.", "© 2025 Haymarket Media Limited. All rights reserved.",
    "Stephen Bryen is a former official. This post, which previously appeared on his Substack, is republished with authority.",
    "Readers can find more online. This article is republished with permission.",
    "Translated by Lin Lee-kai", "By Maria Costa", "Follow William Pesek on X at @WilliamPesek",
    "Read more: Why the yen keeps falling", "* a bullet item", "  • another item", "1. a numbered item", "2) second",
    "| a | b |", "|---|---|", "Poor old Iruda Image: Scatter Lab", "Three people hold hands on stage.",
    "YouTube video", "]embedded articles]", "Readers in a hurry may wish to wait. – Editors",
    "Harbour cranes return – The Daily Ledger", "Why prices rise", "&nbsp,", "1995. was a year", "# not a heading",
    "---", "* * *", "\u00a0", "The end of the story.Continue Reading", "Tue 10 Sep 2024 09.12 BST", "March 3, 2025",
    "Reporting by Jane Hill; Editing by Tom Baker", "Sign up for our newsletter", "Get the best stories every morning",
    "By Rebecca Ratcliffe in Bangkok", "Most viewed", "", "",
])
PRINTABLE = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), max_size=30)
LINE = st.one_of(PARAGRAPH, CUT, SPECIAL, SPECIAL, PRINTABLE)
DUMP = st.lists(LINE, min_size=0, max_size=40).map("\n".join)
# paragraphs that lose words when cleaned, or end in a glued separator, once cut into several lines
WRAPPABLE_DUMP = st.lists(
    st.one_of(LINE, PARAGRAPH.map(lambda p: p + " Read more"), PARAGRAPH.map(lambda p: p + " guide&nbsp;&raquo;")),
    min_size=0, max_size=40).map("\n".join)


def squash(text: str) -> str:
    return " ".join(text.split())


def owners_of(result) -> dict[int, int]:
    owners: dict[int, int] = {}
    for index, article in enumerate(result.articles):
        lines = set(article.body_lines) | set(article.meta_lines)  # a licence line may also keep text in the body
        for line in lines:
            assert line not in owners, f"line {line} is in two articles"
            owners[line] = index
        first, last = article.source.lines
        assert all(first <= n <= last for n in lines), "a line outside the article's source range"
    return owners


def hard_wrapped(dump: str, width: int) -> str:
    """The dump as a scraper that cuts lines at `width` saves it."""
    return "\n".join(part for line in dump.split("\n") for part in (textwrap.wrap(line, width) or [line]))


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(DUMP)
def test_every_line_is_in_one_article_or_debris(dump):
    assert_every_line_is_owned_once(dump)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(WRAPPABLE_DUMP, st.integers(min_value=50, max_value=90))
def test_every_line_of_a_hard_wrapped_dump_is_in_one_article_or_debris(dump, width):
    assert_every_line_is_owned_once(hard_wrapped(dump, width))


def assert_every_line_is_owned_once(dump: str) -> None:
    result = split_text(dump, "d.txt")
    owners = owners_of(result)
    for debris in result.debris:
        in_article = owners.get(debris.line, -1) >= 0  # (a line may be debris twice: its glued separator, then its rest)
        assert not in_article or debris.reason == "separator glued to the text", debris
        owners.setdefault(debris.line, -1)
    for number, raw in enumerate(dump.split("\n"), start=1):
        if raw.strip():
            assert number in owners, f"line {number} {raw!r} was lost"


@settings(max_examples=200, deadline=None)
@given(DUMP)
def test_body_lines_render_as_the_same_text_and_meta_lines_are_in_the_front_matter(dump):
    result = split_text(dump, "d.txt")
    lines = dump.split("\n")
    glued = {d.line: d.text for d in result.debris if d.reason == "separator glued to the text"}
    for article in result.articles:
        shown = squash(render_body(article.body, ()).text)
        stated = set(article.body_lines) & set(article.meta_lines)  # lines whose licence statement went to the front matter
        for number in article.body_lines:
            if number - 1 in stated and number in stated:
                continue  # read with the line above: one paragraph wrapped over both
            text = clean_line(lines[number - 1])
            if number in glued:
                text = text[: text.rfind(glued[number])].rstrip()
            if number in stated:  # the statement went to the licence, the rest stayed (a wrapped paragraph read whole)
                run = [number]
                while run[-1] + 1 in stated:
                    run.append(run[-1] + 1)
                text = " ".join(clean_line(lines[n - 1]) for n in run)
                assert article.licence.statement and text.endswith(article.licence.statement)
                text = text[: -len(article.licence.statement)].strip()
            if TABLE_ROW.match(text):
                for cell in filter(None, (c.strip() for c in text.strip("|").split("|"))):
                    if set(cell) - set("-: "):
                        assert squash(cell) in shown
                continue
            assert squash(display_text(text)) in shown, f"line {number} {text!r} is not shown as written"
        front = [article.title, article.byline or "", article.licence.statement or "", *article.translators, *article.authors]
        for number in set(article.meta_lines) - set(article.body_lines):
            text = squash(clean_line(lines[number - 1]))
            title = squash(split_title(text)[0])
            if article.date is not None and date_of(text) == article.date:
                continue  # a date line became `date:`
            assert any(
                squash(part) and (squash(part) in text or text in squash(part) or title == squash(part)) for part in front
            ), f"meta line {number} {text!r} is not in the front matter"


@settings(max_examples=100, deadline=None)
@given(DUMP)
def test_splitting_is_deterministic(dump):
    assert split_text(dump, "d.txt") == split_text(dump, "d.txt")
