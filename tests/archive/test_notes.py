"""Tests for sitegen.archive.notes: editing an article file's notes on disk, round-trip."""

from __future__ import annotations

import pytest

from sitegen.archive.notes import NoteConflict, add_note, delete_note, file_version, replace_note
from sitegen.errors import ContentError
from sitegen.frontmatter import read_article
from sitegen.model import Annotation

ARTICLE = """---
title: "From chatbot to sexbot"   # the headline as printed
authors: [Jul Parke]
tags: [ai, south-korea]
kind: article
# where it came from
source:
  - file: 000_b50cd3c55737d259.txt
    lines: [1, 61]
annotations:
  - quote: "a heartbreaking North Korean circumstance"
    prefix: "attention to "   # two matches without it
    note: "Spun text: the original reads *South Korean*."
    tags: [spin]
  # the second one is the editor's own
  - quote: 'the bot'
    note: first
licence:   # after the notes, on purpose
  kind: cc
  statement: "Republished under a Creative Commons license."
  origin: The Conversation
---
However, these critics ought to pay attention to a heartbreaking North Korean circumstance.

The bot spoke. Later the bot spoke again.
"""


def notes_of(path):
    article, problems = read_article(path.read_text(encoding="utf-8"), str(path), "a")
    assert article is not None, problems
    return [(a.quote, a.note, a.prefix, a.suffix, a.tags) for a in article.annotations]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(ARTICLE.encode())
    return path


def test_add_appends_one_entry_and_keeps_every_other_byte(article):
    new = Annotation("the bot", "a *note*\nover two lines", prefix="Later ", tags=("tone", "flag"))
    version = add_note(article, new, version=file_version(article))
    text = article.read_text(encoding="utf-8")
    added = (
        '  - quote: "the bot"\n    prefix: "Later "\n    note: "a *note*\\nover two lines"\n'
        '    tags: ["tone", "flag"]\n'
    )
    assert text == ARTICLE.replace("    note: first\n", "    note: first\n" + added)
    assert notes_of(article)[-1] == ("the bot", "a *note*\nover two lines", "Later ", None, ("tone", "flag"))
    assert version == file_version(article)


def test_replace_rewrites_only_the_fields_that_change(article):
    replace_note(article, 1, Annotation("the bot", "second thoughts", suffix=" spoke again"))
    text = article.read_text(encoding="utf-8")
    assert text == ARTICLE.replace(
        "  - quote: 'the bot'\n    note: first\n",
        "  - quote: 'the bot'\n    note: \"second thoughts\"\n    suffix: \" spoke again\"\n",
    )
    fixed = Annotation("a heart-breaking North Korean circumstance", "Spun text: the original reads *South Korean*.",
                       prefix="attention to ", tags=("spin",))
    replace_note(article, 0, fixed)  # a fixed quote: the comment on the prefix line stays
    assert article.read_text(encoding="utf-8") == text.replace(
        '"a heartbreaking North Korean circumstance"', '"a heart-breaking North Korean circumstance"'
    )
    replace_note(article, 0, Annotation("a heart-breaking North Korean circumstance", "shorter"))
    assert notes_of(article)[0] == ("a heart-breaking North Korean circumstance", "shorter", None, None, ())
    assert "# two matches without it" not in article.read_text(encoding="utf-8")  # it went with its prefix


def test_delete_keeps_the_comment_that_introduces_the_next_entry(article):
    delete_note(article, 0)
    text = article.read_text(encoding="utf-8")
    start = ARTICLE.index("  - quote: \"a heartbreaking")
    end = ARTICLE.index("  # the second one")
    assert text == ARTICLE[:start] + ARTICLE[end:]
    assert [n[0] for n in notes_of(article)] == ["the bot"]


def test_deleting_the_last_note_leaves_an_empty_list(article):
    delete_note(article, 1)
    delete_note(article, 0)
    text = article.read_text(encoding="utf-8")
    assert "annotations: []\n  # the second one is the editor's own\nlicence:" in text
    assert notes_of(article) == []
    assert text.replace("annotations: []\n  # the second one is the editor's own\n", "") == (
        ARTICLE[: ARTICLE.index("annotations:")] + ARTICLE[ARTICLE.index("licence:") :]
    )


@pytest.mark.parametrize(
    "layout",
    ["annotations: []\n", "annotations:\n", "annotations: []   # none yet\n", ""],
    ids=["empty-flow", "null", "empty-with-comment", "no-key"],
)
def test_first_note_in_every_empty_layout(tmp_path, layout):
    path = tmp_path / "b.md"
    head = "---\ntitle: T  # kept\n" + layout + "tags: [x]\n---\nThe bot spoke.\n"
    path.write_text(head, encoding="utf-8")
    add_note(path, Annotation("bot", "n"))
    assert notes_of(path) == [("bot", "n", None, None, ())]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: T  # kept\n") and text.endswith("---\nThe bot spoke.\n")
    if "# none yet" in layout:
        assert "annotations:   # none yet\n" in text


def test_flow_style_list_is_edited_by_the_round_trip_writer(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: T  # kept\nannotations: [{quote: a, note: b}]\n---\nbody a\n", encoding="utf-8")
    add_note(path, Annotation("body", "second"))
    assert notes_of(path) == [("a", "b", None, None, ()), ("body", "second", None, None, ())]
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: T  # kept\n")


def test_crlf_and_bom_survive(tmp_path):
    path = tmp_path / "d.md"
    original = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode()
    path.write_bytes(original)
    add_note(path, Annotation("critics", "who?"))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    delete_note(path, 2)
    assert path.read_bytes() == original


def test_a_file_changed_since_it_was_read_is_not_overwritten(article):
    seen = file_version(article)
    article.write_text(ARTICLE.replace("note: first", "note: the editor's change"), encoding="utf-8")
    after_editor = article.read_bytes()
    with pytest.raises(NoteConflict, match="changed on disk"):
        add_note(article, Annotation("bot", "mine"), version=seen)
    with pytest.raises(NoteConflict):
        delete_note(article, 0, version=seen)
    assert article.read_bytes() == after_editor


def test_bad_requests_are_refused_without_writing(article, tmp_path):
    before = article.read_bytes()
    with pytest.raises(ContentError, match="no annotation number 3"):
        delete_note(article, 2)
    with pytest.raises(ContentError, match="no annotation number 0"):
        replace_note(article, -1, Annotation("x", "y"))
    with pytest.raises(ContentError, match="needs the quoted text"):
        add_note(article, Annotation("  ", "y"))
    with pytest.raises(ContentError, match="no such article"):
        add_note(tmp_path / "missing.md", Annotation("x", "y"))
    assert article.read_bytes() == before
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    with pytest.raises(ContentError, match="fix the article file") as caught:
        add_note(broken, Annotation("body", "y"))
    assert any("broken.md:2" in str(p) for p in caught.value.problems)
    assert broken.read_text(encoding="utf-8") == "---\ntitle: [unclosed\n---\nbody\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "broken.md"]  # no temporary files left


def test_awkward_text_reads_back_exactly(article):
    odd = Annotation('say "no": #1 \\ it\u2028now', "- a list?\n\n> quote: yes", prefix="  ", tags=("a: b",))
    add_note(article, odd)
    assert notes_of(article)[-1] == (odd.quote, odd.note, "  ", None, ("a: b",))
