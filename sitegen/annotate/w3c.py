"""The W3C Web Annotation data model: sitegen's notes as JSON-LD values, and notes read back from other tools.

Owns the shape of the exchange format (https://www.w3.org/TR/annotation-model/):

* `web_annotation(...)` — one note as an `Annotation`: a `SpecificResource`
  target on the article's URL with a `TextQuoteSelector` (exact, prefix,
  suffix) and, when the note is placed, a `TextPositionSelector` (start, end in
  the article's plain text); the note as a `TextualBody` (`text/markdown`,
  purpose `commenting`) and one `TextualBody` with purpose `tagging` per tag;
  creator, and created/modified when known.
* `collection(...)` — an `AnnotationCollection` with its one `AnnotationPage` embedded.
* `read_notes(data)` — every note in a parsed JSON document: a single
  annotation, a page, a collection (with embedded pages), a list of any of
  these, or a Hypothesis export (an API search result `{"rows": [...]}`, the
  web app's export file `{"annotations": [...]}`, or a bare list of rows:
  `uri`, `text`, `tags`, `target[].selector[]`). Whatever
  cannot become a note is reported with its place in the file, never skipped
  silently.

Pure: no files, no URLs of the site (callers pass them), no matching to articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from sitegen.model import Annotation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MARKDOWN = "text/markdown"


@dataclass(frozen=True, slots=True)
class ForeignNote:
    """A note read from an exchange file: what it says, which page it was made on, where in the file."""

    annotation: Annotation
    sources: tuple[str, ...]  # the URLs of the page(s) it targets, as written
    position: int | None  # TextPositionSelector start, a hint for placing the quote
    where: str  # e.g. "item 3" or "row 2 (id abc)", for messages


def web_annotation(
    note: Annotation,
    *,
    id: str,
    source: str,
    position: tuple[int, int] | None,
    creator: dict[str, str] | None = None,
    created: str | None = None,
) -> dict[str, Any]:
    """One note as a W3C Web Annotation (without @context: the collection carries it).

    `created` stands in for a note that does not record when it was written."""
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": note.quote}]
    if note.prefix:
        selectors[0]["prefix"] = note.prefix
    if note.suffix:
        selectors[0]["suffix"] = note.suffix
    if position is not None:
        selectors.append({"type": "TextPositionSelector", "start": position[0], "end": position[1]})
    body: list[dict[str, Any]] = []
    if note.note:
        body.append({"type": "TextualBody", "value": note.note, "format": MARKDOWN, "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    out: dict[str, Any] = {
        "id": id,
        "type": "Annotation",
        "motivation": "commenting" if note.note else ("tagging" if note.tags else "highlighting"),
    }
    if body:
        out["body"] = body
    out["target"] = {"type": "SpecificResource", "source": source, "selector": selectors}
    if creator:
        out["creator"] = creator
    if note.created or created:
        out["created"] = _date_time(note.created or created or "")
    if note.modified:
        out["modified"] = _date_time(note.modified)
    return out


def collection(id: str, label: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """An AnnotationCollection holding `items` in one embedded AnnotationPage."""
    return {
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{id}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _date_time(stamp: str) -> str:
    """A recorded date or date-time as an xsd:dateTime in UTC (a bare date is taken as its midnight)."""
    return f"{stamp}T00:00:00Z" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp) else stamp


# --- reading ---------------------------------------------------------------------------------


def read_notes(data: Any) -> tuple[list[ForeignNote], list[str]]:
    """Every note in an exchange document, and one message for each thing that could not be read."""
    notes: list[ForeignNote] = []
    problems: list[str] = []
    for where, item in _items(data, problems):
        if _is_hypothesis_row(item):
            note = _from_hypothesis(item, where)
        else:
            note = _from_w3c(item, where)
        if isinstance(note, str):
            problems.append(note)
        else:
            notes.append(note)
    return notes, problems


def _types(item: Any) -> set[str]:
    kind = item.get("type", item.get("@type")) if isinstance(item, dict) else None
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _items(data: Any, problems: list[str], where: str = "") -> Iterator[tuple[str, Any]]:
    """The annotations (or Hypothesis rows) in `data`, each with its place in the file."""
    if isinstance(data, list):
        for n, item in enumerate(data, 1):
            yield from _items(item, problems, f"{where}item {n}" if not where else f"{where}, item {n}")
        return
    if not isinstance(data, dict):
        problems.append(f"{where or 'the file'}: expected an annotation, a page or a collection, got {type(data).__name__}")
        return
    types = _types(data)
    label = where or "the file"
    if "rows" in data and isinstance(data["rows"], list):  # a Hypothesis search result
        for n, row in enumerate(data["rows"], 1):
            yield f"row {n}", row
    elif "annotations" in data and isinstance(data["annotations"], list) and not types:  # Hypothesis' export file
        for n, row in enumerate(data["annotations"], 1):
            yield f"annotation {n}", row
    elif "AnnotationCollection" in types:
        first = data.get("first")
        if isinstance(first, dict):
            yield from _items(first, problems, where)
        elif first is not None:
            problems.append(f"{label}: the collection's first page is not in the file ({first!r}); export it with its items")
    elif "AnnotationPage" in types:
        items = data.get("items")
        if not isinstance(items, list):
            problems.append(f"{label}: an annotation page without items")
            return
        for n, item in enumerate(items, 1):
            yield (f"{where}, item {n}" if where else f"item {n}"), item
        following = data.get("next")
        if following:
            problems.append(f"{label}: the next page is not in the file ({following!r}); export every page")
    else:
        yield label, data


def _is_hypothesis_row(item: Any) -> bool:
    return isinstance(item, dict) and "uri" in item and "target" in item and "type" not in item


def _name(where: str, item: dict[str, Any]) -> str:
    ident = item.get("id")
    return f"{where} ({ident})" if isinstance(ident, str) and ident else where


def _quote_selector(selectors: Any) -> tuple[dict[str, Any] | None, int | None]:
    quote: dict[str, Any] | None = None
    position: int | None = None
    for selector in _as_list(selectors):
        if not isinstance(selector, dict):
            continue
        kind = _types(selector)
        if "TextQuoteSelector" in kind and isinstance(selector.get("exact"), str) and quote is None:
            quote = selector
        elif "TextPositionSelector" in kind and isinstance(selector.get("start"), int):
            position = selector["start"]
        elif "RangeSelector" in kind and quote is None:  # Hypothesis nests nothing useful here
            continue
        refined = selector.get("refinedBy")
        if refined is not None and quote is None:
            quote, inner = _quote_selector(refined)
            position = position if position is not None else inner
    return quote, position


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _from_quote(
    selector: dict[str, Any], note: str, tags: list[str], created: Any, modified: Any
) -> Annotation:
    return Annotation(
        quote=selector["exact"],
        note=note,
        prefix=_text(selector.get("prefix")) or None,
        suffix=_text(selector.get("suffix")) or None,
        tags=tuple(dict.fromkeys(t.strip() for t in tags if isinstance(t, str) and t.strip())),
        created=_text(created) or None,
        modified=_text(modified) or None,
    )


def _from_w3c(item: Any, where: str) -> ForeignNote | str:
    if not isinstance(item, dict):
        return f"{where}: expected an annotation, got {type(item).__name__}"
    where = _name(where, item)
    if "Annotation" not in _types(item):
        return f"{where}: not an Annotation (type {item.get('type')!r})"
    sources: list[str] = []
    quote: dict[str, Any] | None = None
    position: int | None = None
    for target in _as_list(item.get("target")):
        if isinstance(target, str):
            sources.append(target)
            continue
        if not isinstance(target, dict):
            continue
        source = target.get("source", target.get("id"))
        if isinstance(source, dict):
            source = source.get("id")
        if isinstance(source, str):
            sources.append(source)
        found, at = _quote_selector(target.get("selector"))
        if found is not None and quote is None:
            quote, position = found, at
    if quote is None:
        return f"{where}: no TextQuoteSelector (the quoted text) in its target, so it cannot be placed"
    notes: list[str] = []
    tags: list[str] = []
    body_value = item.get("bodyValue")
    if isinstance(body_value, str):
        notes.append(body_value)
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict):
            continue
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = set(_as_list(body.get("purpose")))
        if "tagging" in purposes:
            tags.append(value)
        else:
            notes.append(_plain(value) if body.get("format") == "text/html" else value)
    return ForeignNote(
        _from_quote(quote, "\n\n".join(n for n in notes if n.strip()), tags, item.get("created"), item.get("modified")),
        tuple(sources),
        position,
        where,
    )


def _from_hypothesis(row: dict[str, Any], where: str) -> ForeignNote | str:
    where = _name(where, row)
    quote: dict[str, Any] | None = None
    position: int | None = None
    sources = [row["uri"]] if isinstance(row.get("uri"), str) else []
    for target in _as_list(row.get("target")):
        if not isinstance(target, dict):
            continue
        if isinstance(target.get("source"), str) and target["source"] not in sources:
            sources.append(target["source"])
        found, at = _quote_selector(target.get("selector"))
        if found is not None and quote is None:
            quote, position = found, at
    if quote is None:
        return f"{where}: a page note or reply without quoted text (no TextQuoteSelector), so it cannot be placed"
    tags = [t for t in _as_list(row.get("tags")) if isinstance(t, str)]
    return ForeignNote(
        _from_quote(quote, _text(row.get("text")), tags, row.get("created"), row.get("updated")),
        tuple(sources),
        position,
        where,
    )


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(html: str) -> str:
    """The text of an HTML note: tags dropped (sitegen renders notes from Markdown, never raw HTML)."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()
