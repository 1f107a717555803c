"""Fuzzing the article file format (`sitegen.frontmatter`).

Whatever text an editor (or a bad merge) leaves in a file, reading it returns an
article or errors that name the file and a line of it — never an exception.
Whatever an article holds, the file written for it reads back as the same
article, and adding a source entry changes nothing else in the file.
"""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher

from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.frontmatter import add_source, dump_article, read_article
from sitegen.model import Annotation, Article, ArticleKind, Licence, LicenceKind, Source
from tests.faults.fuzzing import LINE, NASTY, TEXT, fuzz

KEYS = st.sampled_from(["title", "authors", "byline", "translators", "publisher", "date", "tags", "licence",
                        "kind", "source", "annotations", "quote", "note", "file", "lines", "statement", "x"])
YAML_LINE = st.one_of(
    st.tuples(st.sampled_from(["", "  ", "    ", "- ", "  - "]), KEYS, st.sampled_from([": ", ":", " : "]), TEXT).map("".join),
    TEXT,
)
FILE = st.one_of(
    st.lists(YAML_LINE, max_size=15).map(lambda lines: "---\n" + "\n".join(lines) + "\n---\n"),
    st.lists(YAML_LINE, max_size=15).map("\n".join),
    st.tuples(st.lists(YAML_LINE, max_size=10).map("\n".join), TEXT).map(lambda p: f"---\n{p[0]}\n---\n{p[1]}"),
)


@fuzz(100)
@given(FILE)
@example("---\ntitle: [unclosed\n---\n")
@example("---\ntitle: x\nsource:\n  - file: a\n    lines: [3, 1]\n---\n")
@example("---\n\ufefftitle: x\n---\n")
@example("---\ntitle: \"a\u2028b\"\n---\n")
@example("---\ntitle: x\nannotations: [{quote: [1]}]\n---\n")
@example("---\n&a [*a]\n---\n")
@example("---\n!!python/object:os.system {}\n---\n")
def test_any_text_reads_as_an_article_or_as_errors_naming_a_line(text):
    article, problems = read_article(text, "content/articles/x.md", "x")
    lines = text.count("\n") + 2
    for problem in problems:
        assert problem.file == "content/articles/x.md" and problem.message
        assert problem.line is None or 1 <= problem.line <= lines, problem
    if article is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert article.title and article.title == article.title.strip()


NAME = LINE.map(str.strip).filter(bool)
ARTICLE = st.builds(
    Article,
    slug=st.just("x"),
    path=st.just("content/articles/x.md"),
    title=NAME,
    body=TEXT.map(lambda b: b.replace("\r", "")),
    authors=st.lists(NAME, max_size=3, unique=True).map(tuple),
    byline=st.none() | LINE,
    translators=st.lists(NAME, max_size=2, unique=True).map(tuple),
    publisher=st.none() | LINE,
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    tags=st.lists(NAME, max_size=4, unique=True).map(tuple),
    licence=st.builds(Licence, st.sampled_from(LicenceKind), st.none() | LINE, st.none() | LINE),
    kind=st.sampled_from(ArticleKind),
    source=st.lists(st.builds(Source, NAME, st.tuples(st.integers(1, 99), st.integers(100, 999))), max_size=3).map(tuple),
    annotations=st.lists(
        st.builds(Annotation, quote=NAME, note=LINE, prefix=st.none() | NAME, suffix=st.none() | NAME,
                  tags=st.lists(NAME, max_size=2).map(tuple)),
        max_size=3,
    ).map(tuple),
)


def comparable(article: Article) -> Article:
    from dataclasses import replace

    annotations = tuple(replace(a, line=None) for a in article.annotations)
    body = article.body if article.body.endswith("\n") or not article.body else article.body + "\n"
    return replace(article, annotations=annotations, body=body, body_line=1)


@fuzz(50)
@given(ARTICLE)
@example(Article(slug="x", path="content/articles/x.md", title="a\u0085b", body="---\n"))
@example(Article(slug="x", path="content/articles/x.md", title="#", body="", byline="", publisher="null"))
def test_a_written_article_reads_back_the_same(article):
    text = dump_article(article)
    back, problems = read_article(text, "content/articles/x.md", "x")
    assert back is not None, problems
    assert comparable(back) == comparable(article)


COMMENTED = st.sampled_from(["", "  # my note", "   # kept: yes"])


@fuzz(30)
@given(ARTICLE, st.builds(Source, NAME, st.tuples(st.integers(1, 50), st.integers(50, 99))), COMMENTED, NASTY)
def test_adding_a_source_changes_nothing_else(article, source, comment, extra):
    text = dump_article(article).replace("\ntags: ", f"\n# the editor's own line {extra!r}\ntags: ", 1)
    text = text.replace("\nkind: ", f"{comment}\nkind: ", 1)
    before, _ = read_article(text, "x.md", "x")
    assert before is not None
    after_text = add_source(text, source)
    after, problems = read_article(after_text, "x.md", "x")
    assert after is not None, problems
    assert after.source == (*before.source, source)
    assert comparable(after) == comparable(type(after)(**{**{f: getattr(before, f) for f in before.__slots__}, "source": after.source}))
    # inserted as text: two new lines, every other line byte for byte
    changes = [op for op in SequenceMatcher(None, text.split("\n"), after_text.split("\n"), autojunk=False).get_opcodes()
               if op[0] != "equal"]
    assert [(op[0], op[4] - op[3]) for op in changes] == [("insert", 2)], changes
    assert comment in after_text and f"# the editor's own line {extra!r}" in after_text
