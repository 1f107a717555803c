import datetime as dt

import pytest
from hypothesis import given, strategies as st

from sitegen.frontmatter import add_added, add_source, dump_article, read_article
from sitegen.model import Annotation, Article, ArticleKind, Licence, LicenceKind, Source

GOOD = """---
title: "From chatbot to sexbot"
authors: [Jul Parke]                  # people
byline: "At the University of Toronto, Jul Parke is pursuing a PhD."
translators: []
publisher: Asia Times
date: 2025-02-14
tags: [ai, south-korea]
licence:
  kind: cc
  statement: "This content was republished from The Conversation under a Creative Commons license."
  origin: The Conversation
kind: article
source:
  - file: 000_b50cd3c55737d259.txt
    lines: [1, 61]
annotations:
  - quote: "a heartbreaking North Korean circumstance"
    prefix: "attention to "
    note: "Spun text: the original reads *South Korean*."
    tags: [spin]
---
The techniques of governing businesses.
"""


def read(text, name="a.md"):
    return read_article(text, name, name[:-3])


def test_reads_every_field_of_the_spec_example():
    article, problems = read(GOOD)
    assert problems == []
    assert article.title == "From chatbot to sexbot"
    assert article.authors == ("Jul Parke",)
    assert article.date == dt.date(2025, 2, 14)
    assert article.licence == Licence(LicenceKind.CC, article.licence.statement, "The Conversation")
    assert article.source == (Source("000_b50cd3c55737d259.txt", (1, 61)),)
    assert article.annotations[0].prefix == "attention to "
    assert article.annotations[0].line == 18
    assert article.body == "The techniques of governing businesses.\n"
    assert article.body_line == 23


@pytest.mark.parametrize(
    "change,message",
    [
        (("title: \"From chatbot to sexbot\"", "title: [a, b]"), "a.md:2: title: expected text, got a list"),
        (("tags: [ai, south-korea]", "tags: ai"), "a.md:8: tags: expected a list, got a string (write [ai])"),
        (("lines: [1, 61]", "lines: [61]"), "a.md:15: source: lines: expected two line numbers [first, last], got [61]"),
        (("kind: cc", "kind: free"), "a.md:9: licence: unknown kind 'free' (one of: cc, permission, all-rights-reserved, unknown)"),
        (("date: 2025-02-14", "date: 2025-02-31"), "a.md:7: date: expected a date as YYYY-MM-DD, got '2025-02-31'"),
        (("tags: [ai, south-korea]", "tags: [ai"), "a.md:8: front matter is not valid YAML: did not find expected ',' "
         "or ']' (while parsing a flow sequence begun on this line; noticed on line 9)"),
        (("title: \"From chatbot to sexbot\"", "title: From chatbot: to sexbot"),
         "a.md:2: front matter is not valid YAML: mapping values are not allowed in this context"),
    ],
)
def test_mistakes_name_the_file_and_line(change, message):
    article, problems = read(GOOD.replace(*change))
    assert article is None
    assert message in [str(p) for p in problems]


def test_unclosed_front_matter_is_an_error():
    article, problems = read("---\ntitle: x\nbody without fence\n")
    assert article is None and "not closed" in str(problems[0])


def test_unknown_key_is_only_a_warning():
    article, problems = read(GOOD.replace("kind: article", "kind: article\nmood: happy"))
    assert article is not None
    assert [str(p) for p in problems] == ["a.md:14: warning: unknown front matter key 'mood' (ignored)"]


def test_bom_and_crlf_are_accepted():
    article, problems = read("\ufeff" + GOOD.replace("\n", "\r\n"))
    assert problems == [] and article.title == "From chatbot to sexbot"


def test_add_source_changes_nothing_else():
    new = add_source(GOOD, Source("001_a4f98270b13e5fa0.txt", (243, 458)))
    assert new.replace(
        "    lines: [1, 61]\n  - file: \"001_a4f98270b13e5fa0.txt\"\n    lines: [243, 458]\n", "    lines: [1, 61]\n"
    ) == GOOD
    article, _ = read(new)
    assert article.source[1] == Source("001_a4f98270b13e5fa0.txt", (243, 458))


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(
    title=texts.filter(lambda t: t.strip() == t and t),
    authors=st.lists(texts.filter(lambda t: t.strip() == t and t), max_size=3, unique=True),
    statement=st.none() | texts,
    quote=texts.filter(lambda t: t.strip()),
    note=texts,
    body=texts,
)
def test_dump_then_read_gives_back_the_article(title, authors, statement, quote, note, body):
    article = Article(
        slug="x", path="x.md", title=title, body=body.replace("\r", ""), authors=tuple(authors),
        licence=Licence(LicenceKind.PERMISSION, statement, None), kind=ArticleKind.FRAGMENT,
        source=(Source("d.txt", (1, 2)),), annotations=(Annotation(quote, note, tags=("flag",)),),
    )
    back, problems = read_article(dump_article(article), "x.md", "x")
    assert [p for p in problems if p.severity == "error"] == []
    assert back.title == title and back.authors == tuple(authors)
    assert back.licence == article.licence and back.kind is ArticleKind.FRAGMENT
    assert (back.annotations[0].quote, back.annotations[0].note) == (quote, note)


def test_add_added_inserts_one_line_after_date_and_keeps_every_other_byte():
    text = ('---\ntitle: "T"   # mine\ndate: null\ntags: [a]\n# a comment\nlicence:\n  kind: unknown\n---\n'
            "Body with --- inside\n")
    added = add_added(text, dt.date(2026, 1, 2))
    assert added == text.replace("date: null\n", "date: null\nadded: 2026-01-02\n")
    article, problems = read_article(added, "x.md", "x")
    assert article.added == dt.date(2026, 1, 2) and not problems
    assert add_added(added, dt.date(2027, 1, 1)) is None  # already there: left alone
    without_date = "---\ntitle: T\n---\nBody\n"
    assert add_added(without_date, dt.date(2026, 1, 2)) == "---\ntitle: T\nadded: 2026-01-02\n---\nBody\n"


def test_mistakes_in_list_items_name_the_item_line_in_any_block_layout():
    text = """---
title: T
tags : [a]
source:
  - file: a.txt
    lines: [1, 2]
# a comment between items
  -
    file: b.txt
    lines: [2]
annotations :
  - quote: "x"
  -   quote: 3
---
Body x.
"""
    _, problems = read(text)
    assert [str(p) for p in problems] == [
        "a.md:8: source: lines: expected two line numbers [first, last], got [2]",
        "a.md:13: annotations: quote: expected the quoted text",
    ]
