"""annotations.jsonld: every note as a W3C Web Annotation, valid against the Working Group's JSON schemas.

The schemas are vendored in `w3c-web-annotation/` (see its README and LICENSE).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from sitegen.views.webannotations import web_annotations_json
from tests.sample_site import XSS, build_site, config, sample_articles

SCHEMAS = Path(__file__).parent / "w3c-web-annotation"
BASE_URI = "https://schemas.invalid/"
BASE = "https://example.org/archive/"


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*/*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE_URI + path.name, Resource(schema, specification=DRAFT4)))  # its file name, as the
        # test harness loads it (one assertion's own "id" differs from its file name in case)
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:  # an absolute URI, as RFC 3986 defines "URI"
    return not isinstance(value, str) or bool(urlsplit(value).scheme) and " " not in value


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:  # RFC 3339: a full date, a time and an offset
    if not isinstance(value, str):
        return True
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value and stamp.tzinfo is not None


def problems(instance: object, schema_uri: str, *, formats: bool = True) -> list[str]:
    validator = jsonschema.Draft4Validator(
        {"$ref": BASE_URI + schema_uri}, registry=REGISTRY, format_checker=FORMATS if formats else None
    )
    return [f"{schema_uri}: {e.message}" for e in validator.iter_errors(instance)]


ANNOTATION_MUSTS = sorted(p.name for p in (SCHEMAS / "annotations").glob("*.json"))
COLLECTION_MUSTS = [  # collectionMusts.test, in the terms of collections.json
    "collections.json#/definitions/annotationCollectionTypeValueFound",
    "id.json#/definitions/idValueFound",
    "collections.json#/definitions/labelDefinition",
    "collections.json#/definitions/totalDefinition",
    "collections.json#/definitions/firstValidIfPresent",
    "collections.json#/definitions/firstRequiredIfTotalMoreThanZero",
    "collections.json#/definitions/lastValidIfPresent",
    "otherProperties.json#/definitions/createdValidIfPresent",
    "otherProperties.json#/definitions/modifiedValidIfPresent",
]
PAGE_MUSTS = [  # pageMusts.test, in the terms of collections.json
    "collections.json#/definitions/annotationPageTypeValueFound",
    "id.json#/definitions/idValueFound",
    "collections.json#/definitions/itemsFound",
    "collections.json#/definitions/startIndexDefinition",
    "collections.json#/definitions/partOfValidIfPresent",
    "collections.json#/definitions/nextValidIfPresent",
    "collections.json#/definitions/prevValidIfPresent",
]


def validate(document: dict, *, formats: bool = True) -> list[str]:
    found = [p for uri in COLLECTION_MUSTS for p in problems(document, uri, formats=formats)]
    context = document.get("@context")
    if context != "http://www.w3.org/ns/anno.jsonld":
        found.append(f"@context: {context!r}")
    page = document["first"]
    found += [p for uri in PAGE_MUSTS for p in problems(page, uri, formats=formats)]
    for item in page["items"]:
        annotation = {"@context": context, **item}  # the collection's context applies to its items
        found += [f"{item['id']}: {p}" for name in ANNOTATION_MUSTS for p in problems(annotation, name, formats=formats)]
        for selector in item.get("target", {}).get("selector", []):
            for uri in ("specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent",
                        "specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent"):
                found += [f"{item['id']}: {p}" for p in problems(selector, uri)]
    return found


@pytest.fixture(scope="module")
def site():
    return build_site(cfg=config(base_url=BASE))


@pytest.fixture(scope="module")
def export(site):
    return json.loads(web_annotations_json(site))


def test_the_export_validates_against_the_w3c_schemas(export):
    assert len(ANNOTATION_MUSTS) == 14
    assert validate(export) == []
    assert export["type"] == "AnnotationCollection" and export["total"] == len(export["first"]["items"]) == 5


def test_the_schemas_do_reject_what_the_model_forbids(export):
    item = export["first"]["items"][0]
    broken = {**export, "first": {**export["first"], "items": [
        {k: v for k, v in item.items() if k != "target"},
        {**item, "id": "not a uri", "created": "yesterday"},
        {**item, "bodyValue": "both", "target": {**item["target"], "selector": [{"type": "TextPositionSelector", "start": -1, "end": 2}]}},
    ]}}
    found = validate(broken)
    assert any("3.1-targetKeyFound.json" in p for p in found)
    assert any("3.1-annotationIdValidated.json" in p for p in found)
    assert any("3.3.1-annotationCreatedValidated.json" in p for p in found)
    assert any("3.2.5-notBodyBodyValue.json" in p for p in found)
    assert any("textPositionSelectorTypeValidIfPresent" in p for p in found)


def test_each_note_targets_its_article_and_says_where_its_quote_is(site, export):
    items = {i["id"]: i for i in export["first"]["items"]}
    spun = items[BASE + "annotations.jsonld#korea-chatbot-1"]
    assert spun["target"]["source"] == BASE + "articles/korea-chatbot.html"
    quote, position = spun["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": "a heartbreaking North Korean circumstance", "prefix": "attention to "}
    text = site.bodies["korea-chatbot"].text
    assert " ".join(text[position["start"] : position["end"]].split()) == quote["exact"]
    assert spun["body"] == [
        {"type": "TextualBody", "value": "Spun text: the original reads *South Korean*.", "format": "text/markdown",
         "purpose": "commenting"},
        {"type": "TextualBody", "value": "spin", "purpose": "tagging"},
    ]
    assert spun["creator"] == {"type": "Organization", "name": "Test archive"}
    flag = items[BASE + "annotations.jsonld#korea-chatbot-2"]
    assert flag["creator"] == {"type": "Software", "name": "sitegen"}
    assert "created" not in spun  # the sample articles record neither the note's time nor the day they were added
    unplaced = items[BASE + "annotations.jsonld#korea-chatbot-3"]
    assert [s["type"] for s in unplaced["target"]["selector"]] == ["TextQuoteSelector"]  # listed, never dropped


def test_without_base_url_sources_are_relative_to_the_site_root():
    document = json.loads(web_annotations_json(build_site()))
    assert document["id"].startswith("tag:sitegen.invalid,")
    sources = {i["target"]["source"] for i in document["first"]["items"]}
    assert sources == {"articles/korea-chatbot.html", "articles/hostile.html"}
    assert validate(document, formats=False) == []


def test_only_the_articles_the_site_shows_have_their_notes_exported():
    shown = tuple(a for a in sample_articles() if a.slug != "korea-chatbot")
    document = json.loads(web_annotations_json(build_site(shown, config(base_url=BASE))))
    assert {i["target"]["source"] for i in document["first"]["items"]} == {BASE + "articles/hostile.html"}
    assert document["total"] == 1


def test_scraped_text_never_reads_as_markup(site):
    raw = web_annotations_json(site)
    assert XSS not in raw and "<" not in raw
    assert any(XSS in b["value"] for i in json.loads(raw)["first"]["items"] for b in i.get("body", []))


def test_a_rebuild_with_the_memo_gives_what_a_fresh_build_gives():
    from dataclasses import replace

    from sitegen.model import Annotation
    from sitegen.views.memo import ViewMemo

    cfg = config(base_url=BASE)
    articles = sample_articles()
    memo = ViewMemo()
    first = build_site(articles, cfg)
    memo.start(cfg, first.slugs)
    assert web_annotations_json(first, memo) == web_annotations_json(first)
    edited = tuple(
        replace(a, annotations=a.annotations + (Annotation("Some words", "added later"),)) if a.slug == "filler-1" else a
        for a in articles
    )
    second = build_site(edited, cfg)
    memo.start(cfg, second.slugs)
    again = web_annotations_json(second, memo)
    assert again == web_annotations_json(second)
    assert json.loads(again)["total"] == 6


def test_notes_are_dated_by_their_own_time_else_the_day_their_article_was_added():
    from dataclasses import replace

    from sitegen.model import Annotation

    articles = tuple(
        replace(a, added=dt.date(2026, 11, 22), annotations=(
            Annotation("Filler body", "dated", created="2026-12-01T09:30:00Z", modified="2026-12-02T10:00:00Z"),
            Annotation("about nothing", "undated"),
        )) if a.slug == "filler-1" else a
        for a in sample_articles()
    )
    document = json.loads(web_annotations_json(build_site(articles, config(base_url=BASE))))
    dated, undated = (i for i in document["first"]["items"] if "filler-1" in i["id"])
    assert (dated["created"], dated["modified"]) == ("2026-12-01T09:30:00Z", "2026-12-02T10:00:00Z")
    assert undated["created"] == "2026-11-22T00:00:00Z" and "modified" not in undated
    assert validate(document) == []
