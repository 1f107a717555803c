"""body: Markdown that renders as the same words."""

from __future__ import annotations

import pytest

from sitegen.markdown import render_body
from sitegen.split.body import display_text, escape_block, is_heading, to_markdown

LONG = "A paragraph of ordinary text that goes on for a while, as the paragraphs of an article do, and then it ends."

TRICKY = [
    "1995. was the last year the index fell",
    "# of trades doubled",
    "## also not a heading",
    "<div class=\"caption\">Shares rose</div>",
    "---",
    "***",
    "___",
    "> not a quote",
    "- not a list when escaped",
    "+ not a list",
    "=====",
    "2) not a list either",
    "*stars* and _underscores_ and `ticks` and [brackets](http://example.com)",
    "[^1]: not a footnote",
    "[label]: http://example.com not a reference",
    "a \\ backslash and a \\* escaped star",
    "&copy; stays as typed, &amp; too",
    "<https://example.com> is not a link",
    "    four spaces",
    "~~~ not a fence",
    "Ends with a hash #",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_itself(text):
    rendered = render_body(escape_block(text) + "\n", ())
    assert rendered.text.strip() == text.strip()
    assert rendered.html.startswith("<p>")


def test_lists_tables_and_headings():
    texts = [
        "  • Samuel Lee steps down.",
        "* John Freeman takes over.",
        LONG,
        "1. First.",
        "2. Second.",
        "| a | b |",
        "| 1 | 2 |",
        "Why it matters",
        LONG,
    ]
    body = to_markdown(texts)
    assert body == (
        "- Samuel Lee steps down.\n- John Freeman takes over.\n\n"
        f"{LONG}\n\n"
        "1. First.\n2. Second.\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
        "## Why it matters\n\n"
        f"{LONG}\n"
    )
    html = render_body(body, ()).html
    assert "<ul>" in html and "<ol>" in html and "<table>" in html and "Why it matters</h2>" in html


def test_numbers_out_of_order_stay_paragraphs():
    body = to_markdown(["1. a", "1. b", "3. c"])
    assert "<ol" not in render_body(body, ()).html
    assert render_body(body, ()).text.split("\n\n") == ["1. a", "1. b", "3. c"]


def test_a_list_keeps_its_delimiter_and_start():
    html = render_body(to_markdown(["3) third", "4) fourth"]), ()).html
    assert '<ol start="3">' in html


def test_flagged_lines_are_never_headings():
    assert to_markdown(["Poor old Iruda", LONG], no_headings=frozenset({0})).startswith("Poor old Iruda\n\n")


@pytest.mark.parametrize(
    ("text", "following", "heading"),
    [
        ("AI morals", LONG, True),
        ("ASSESSING CHINA’S Goes", LONG, True),
        ("AI morals", "Short.", False),
        ("AI morals", None, False),
        ("What are the chances?", LONG, False),
        ("lowercase start", LONG, False),
        ("A very long line that has far too many words to be a subheading of any article", LONG, False),
        ("* a list item", LONG, False),
    ],
)
def test_is_heading(text, following, heading):
    assert is_heading(text, following) is heading


def test_display_text_drops_list_markers():
    assert display_text("  • item") == "item"
    assert display_text("2. item") == "item"
    assert display_text("plain") == "plain"
