"""Tests for sitegen.frontmatter_notes: one entry of the annotations list changed, all else byte-for-byte."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.frontmatter import read_article
from sitegen.frontmatter_notes import (
    AnnotationEditError,
    append_annotation,
    entry_lines,
    remove_annotation,
    replace_annotation,
)
from sitegen.model import Annotation

HEAD = "---\ntitle: T   # kept\ntags: [a, b]\n"
TAIL = "kind: article\n---\nBody text.\n"


def notes(text: str) -> list[Annotation]:
    article, problems = read_article(text, "a.md", "a")
    assert article is not None, problems
    return [Annotation(a.quote, a.note, a.prefix, a.suffix, a.tags) for a in article.annotations]


def test_entry_lines_read_back_exactly() -> None:
    note = Annotation('a "quoted" \\ passage: #1', "line one\nline two", prefix="x ", suffix=" y", tags=("t: 1",))
    text = HEAD + "annotations:\n" + "".join(entry_lines(note)) + TAIL
    assert notes(text) == [note]


def test_a_list_at_column_zero_keeps_its_layout() -> None:
    text = HEAD + "annotations:\n- quote: one\n  note: first\n- quote: two\n  note: second\n" + TAIL
    added = append_annotation(text, Annotation("three", "third"))
    assert added == text.replace(TAIL, '- quote: "three"\n  note: "third"\n' + TAIL)
    assert remove_annotation(text, 0) == HEAD + "annotations:\n- quote: two\n  note: second\n" + TAIL


def test_a_field_edit_keeps_the_other_fields_as_written() -> None:
    text = HEAD + "annotations:\n  - quote: 'old words'   # why\n    note: |\n      Two\n      lines.\n    tags: [x]\n" + TAIL
    changed = replace_annotation(text, 0, Annotation("new words", "Two\nlines.\n", tags=("x",)))
    assert changed == text.replace("  - quote: 'old words'   # why\n", '  - quote: "new words"\n')


def test_what_cannot_be_edited_is_refused() -> None:
    with pytest.raises(AnnotationEditError, match="no annotation number 1"):
        remove_annotation(HEAD + TAIL, 0)
    with pytest.raises(AnnotationEditError, match="expected a list"):
        append_annotation(HEAD + "annotations: nope\n" + TAIL, Annotation("q"))
    with pytest.raises(AnnotationEditError, match="not valid YAML"):
        append_annotation("---\ntitle: [\n---\nbody\n", Annotation("q"))


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85"), max_size=12)
annotations = st.builds(
    Annotation,
    quote=texts.filter(lambda s: s.strip() != ""),
    note=texts,
    prefix=st.one_of(st.none(), texts.filter(bool)),
    suffix=st.one_of(st.none(), texts.filter(bool)),
    tags=st.lists(texts.filter(lambda s: s.strip() == s and s != ""), max_size=2, unique=True).map(tuple),
)
layouts = st.sampled_from(["", "annotations: []\n", "annotations:\n", "annotations: []  # c\n"])


@settings(max_examples=80, deadline=None)
@given(layouts, st.lists(annotations, max_size=4), st.data())
def test_property_every_edit_reads_back_as_intended(layout: str, start: list[Annotation], data: st.DataObject) -> None:
    text = HEAD + layout + TAIL
    for note in start:
        text = append_annotation(text, note)
    assert notes(text) == start
    wanted = list(start)
    action = data.draw(st.sampled_from(["add", "replace", "remove"] if wanted else ["add"]))
    if action == "add":
        note = data.draw(annotations)
        text, wanted = append_annotation(text, note), wanted + [note]
    else:
        index = data.draw(st.integers(0, len(wanted) - 1))
        if action == "replace":
            note = data.draw(annotations)
            text = replace_annotation(text, index, note)
            wanted[index] = note
        else:
            text = remove_annotation(text, index)
            del wanted[index]
    assert notes(text) == wanted
    assert text.startswith(HEAD) and text.endswith("---\nBody text.\n") and "\nkind: article\n" in text
