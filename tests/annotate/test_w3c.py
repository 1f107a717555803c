"""Tests for sitegen.annotate.w3c: notes as W3C Web Annotations, and notes read from other tools' exports."""

from __future__ import annotations

from sitegen.annotate.w3c import CONTEXT, collection, read_notes, web_annotation
from sitegen.model import Annotation

NOTE = Annotation("the bot", "Which *one*?", prefix="Later ", suffix=" spoke", tags=("tone", "flag"),
                  created="2026-12-01T09:00:00Z", modified="2026-12-02T08:30:00Z")


def test_a_note_becomes_an_annotation_with_both_selectors_and_a_body_per_tag() -> None:
    out = web_annotation(NOTE, id="https://x.org/annotations.jsonld#a-1", source="https://x.org/articles/a.html",
                         position=(10, 17), creator={"type": "Organization", "name": "X"})
    assert out["type"] == "Annotation" and out["motivation"] == "commenting"
    assert out["target"] == {
        "type": "SpecificResource",
        "source": "https://x.org/articles/a.html",
        "selector": [
            {"type": "TextQuoteSelector", "exact": "the bot", "prefix": "Later ", "suffix": " spoke"},
            {"type": "TextPositionSelector", "start": 10, "end": 17},
        ],
    }
    assert out["body"] == [
        {"type": "TextualBody", "value": "Which *one*?", "format": "text/markdown", "purpose": "commenting"},
        {"type": "TextualBody", "value": "tone", "purpose": "tagging"},
        {"type": "TextualBody", "value": "flag", "purpose": "tagging"},
    ]
    assert out["created"] == "2026-12-01T09:00:00Z" and out["modified"] == "2026-12-02T08:30:00Z"
    dated = web_annotation(Annotation("q", created="2026-12-02"), id="i", source="s", position=None)
    assert dated["created"] == "2026-12-02T00:00:00Z"  # a date written by hand becomes an xsd:dateTime
    bare = web_annotation(Annotation("q"), id="i", source="s", position=None)
    assert "body" not in bare and bare["motivation"] == "highlighting"
    assert bare["target"]["selector"] == [{"type": "TextQuoteSelector", "exact": "q"}]
    assert "created" not in bare and "creator" not in bare


def test_round_trip_through_every_container_shape() -> None:
    item = web_annotation(NOTE, id="i", source="articles/a.html", position=(3, 10))
    doc = collection("c", "notes", [item])
    assert doc["@context"] == CONTEXT and doc["total"] == 1
    for shape in (doc, doc["first"], item, [item], [doc]):
        notes, problems = read_notes(shape)
        assert problems == []
        (got,) = notes
        assert got.annotation == NOTE
        assert got.sources == ("articles/a.html",) and got.position == 3


def test_hypothesis_rows_are_read() -> None:
    rows = {"total": 2, "rows": [
        {"id": "h1", "uri": "https://x.org/articles/a.html", "text": "A note", "tags": ["x", " "],
         "created": "2025-01-01T10:00:00.123+00:00", "updated": "2025-01-02T10:00:00+00:00",
         "target": [{"source": "https://x.org/articles/a.html", "selector": [
             {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 3},
             {"type": "TextPositionSelector", "start": 5, "end": 12},
             {"type": "TextQuoteSelector", "exact": "the bot", "prefix": "Later ", "suffix": ""}]}]},
        {"id": "h2", "uri": "https://x.org/articles/a.html", "text": "a page note", "tags": [],
         "target": [{"source": "https://x.org/articles/a.html"}]},
    ]}
    notes, problems = read_notes(rows)
    (got,) = notes
    assert got.annotation == Annotation("the bot", "A note", prefix="Later ", tags=("x",),
                                        created="2025-01-01T10:00:00.123+00:00", modified="2025-01-02T10:00:00+00:00")
    assert got.position == 5 and got.where == "row 1 (h1)"
    assert problems == ["row 2 (h2): a page note or reply without quoted text (no TextQuoteSelector), so it cannot be placed"]
    exported = {"export_date": "2025-02-01T00:00:00Z", "export_userid": "acct:reader@hypothes.is",
                "annotations": rows["rows"]}  # the shape of the web app's "Export annotations" file
    again, problems = read_notes(exported)
    assert [n.annotation for n in again] == [got.annotation] and again[0].where == "annotation 1 (h1)"
    assert problems == ["annotation 2 (h2): a page note or reply without quoted text (no TextQuoteSelector), so it cannot be placed"]


def test_what_cannot_be_read_is_reported_with_its_place() -> None:
    page = {"type": "AnnotationPage", "items": [
        {"id": "a", "type": "Annotation", "target": "https://x.org/articles/a.html", "bodyValue": "no quote"},
        {"id": "b", "type": "Note"},
        "https://elsewhere.org/annotation/7",
        {"type": "Annotation", "target": {"source": "articles/a.html", "selector": {
            "type": "FragmentSelector", "value": "p1",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "inside"}}},
         "body": {"type": "TextualBody", "value": "<p>Hello <b>there</b></p>", "format": "text/html"}},
    ], "next": "https://x.org/page-2"}
    notes, problems = read_notes(page)
    assert [n.annotation for n in notes] == [Annotation("inside", "Hello there")]
    assert problems == [
        "item 1 (a): no TextQuoteSelector (the quoted text) in its target, so it cannot be placed",
        "item 2 (b): not an Annotation (type 'Note')",
        "item 3: expected an annotation, got str",
        "the file: the next page is not in the file ('https://x.org/page-2'); export every page",
    ]
    assert read_notes({"type": "AnnotationCollection", "first": "https://x.org/p1"})[1] == [
        "the file: the collection's first page is not in the file ('https://x.org/p1'); export it with its items"
    ]
    assert read_notes(42)[1] == ["the file: expected an annotation, a page or a collection, got int"]
