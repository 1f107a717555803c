"""JSON documents in a dump (an app's or a site's API response, saved or copied from a console).

A JSON document opens on a line of its own that starts with `{` or `[` (`{"status": …`, a lone
`{`) and runs to the bracket that closes it. `JsonReader` stands between a dump's lines and the rest
of the split, as `feeds.FeedReader` does: it passes every line on, a blank one in place of each line
of a document, and keeps each of the document's entries as an `entries.Entry`. A document that
does not parse (a `[1] Home` link of a text browser, a document cut short) is given back as text.

An entry is an object with a headline (`title`, `headline`, `heading`, `subject`) or, among
objects of one list that have text, an object with text and no headline (a user review; also one
alone in its list when its writer is named). An app's own notice (a "PinnedNotice", a maintenance
banner, by its type) is none. What the
object's keys say is read as a feed's fields are: its writers (`author`, `authors`, `creator`,
`reviewer`, `posted_by`…, a `byline` object: a name, an object with a `display_name` or `name`, a handle when that is
all it gives; an organisation names no one), its date (`published`, `created_at`, `date`…), its
full text (`body`, `content`, `text`, `paragraphs`: a string with its paragraphs between newlines,
or a list of strings; HTML read as a feed's), its summary (`summary`, `excerpt`, `description`…),
its rights (`license`, `rights`, `copyright`, a `republished_note`) and its by-line and signature printed as text
(`byline`, `signoff`…), read with the text like any other by-line. It runs from its headline's
line (an untitled one from its first key's) to its last line of text (its writer's and date's
members after the text are outside); its other keys (ids, counts, links, flags) are markup. An
object with a headline and no text links to an item: no item; when entries stand under it, its
headline is a section's ("Closing soon" over its lots) and the entries are the items. Objects
inside an entry (its comments) are its markup. Memory is bounded by `_MOST_LINES` and `_MOST_CHARS`:
a longer document is read as text.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from json.decoder import scanstring

from sitegen.split.entries import Entry, Reader, people
from sitegen.split.entries import when as when_of
from sitegen.split.feeds import paragraphs
from sitegen.split.meta import is_handle
from sitegen.split.text import Block, Debris

__all__ = ["JsonReader", "Node", "document_entries", "parse"]

_OPENS = re.compile(r"^\s{0,3}(?:\{\s*(?:\"|$)|\[\s*(?:[{\"]|$))")  # a lone `{` or `[`, or one a key, a string or an object follows
_MOST_LINES = 100_000  # a document is no longer: its lines are read as text
_MOST_CHARS = 16_000_000
_DEPTH = 200  # nesting deeper than this is no document of entries
_TITLE_KEYS = ("title", "headline", "heading", "subject")
_CONTENT_KEYS = ("body", "content", "text", "paragraphs", "article", "article_body", "body_text", "message", "html", "post")
_SUMMARY_KEYS = ("subtitle", "subhead", "standfirst", "dek", "lede", "summary", "excerpt", "description", "teaser",
                 "snippet", "abstract", "blurb", "intro", "preview", "seller_note", "note")
_BYLINE_KEYS = ("byline", "by_line", "credit", "credits", "picked_by")  # printed over the text
_SIGNED_KEYS = ("signoff", "sign_off", "signature", "signed")  # printed under it
_AUTHOR_KEYS = ("author", "authors", "creator", "creators", "writer", "writers", "reviewer", "posted_by", "user", "by",
                "contributor", "contributors")
_NAME_KEYS = ("display_name", "displayname", "name", "full_name", "fullname")
_HANDLE_KEYS = ("handle", "username", "user_name", "screen_name", "login")
_DATE_KEYS = ("published", "published_at", "publishedat", "pubdate", "date", "created_at", "createdat", "created",
              "posted_at", "posted", "updated_at", "timestamp")
_TYPE_KEYS = ("__typename", "type", "kind", "card_type")
_PINNED = re.compile(r"pinned|banner|maintenance|system_?notice", re.IGNORECASE)
_RIGHTS_KEYS = ("license", "licence", "rights", "copyright", "republished_note", "reprint_note", "permissions")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_OUTSIDE = "a JSON document's fields outside its entries: the response's settings, cursors and other records"
_MARKUP = "a JSON entry's other fields: its identifiers, links, flags and counts"


@dataclass(slots=True)
class Node:
    """A value of a document, with the dump lines it opens and closes on: an object's members are
    (key, the key's line, value), a list's items values, and a string or another value itself."""

    value: object
    line: int
    end: int = 0
    members: list[tuple[str, int, Node]] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)

    @property
    def is_object(self) -> bool:
        return self.value is dict

    @property
    def is_list(self) -> bool:
        return self.value is list


class _Parser:
    """A JSON parser that keeps each value's line (the standard library's keeps none)."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first = first_line
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        return self.first + bisect.bisect_right(self.starts, offset) - 1

    def document(self) -> Node:
        node, end = self.value(_WS.match(self.text, 0).end(), 0)
        if _WS.match(self.text, end).end() != len(self.text):
            raise ValueError("text after the document")
        return node

    def value(self, i: int, depth: int) -> tuple[Node, int]:
        if depth > _DEPTH:
            raise ValueError("nested too deep")
        c = self.text[i : i + 1]
        if c == "{":
            return self._object(i, depth)
        if c == "[":
            return self._list(i, depth)
        if c == '"':
            text, end = scanstring(self.text, i + 1, False)
            return Node(text, self.line(i), self.line(end - 1)), end
        number = _NUMBER.match(self.text, i)
        if number:
            return Node(json.loads(number.group()), self.line(i), self.line(i)), number.end()
        for word, literal in _LITERALS.items():
            if self.text.startswith(word, i):
                return Node(literal, self.line(i), self.line(i)), i + len(word)
        raise ValueError(f"unexpected {c!r} at {i}")

    def _object(self, i: int, depth: int) -> tuple[Node, int]:
        node = Node(dict, self.line(i))
        return self._members(node, i, "}", lambda j: self._member(node, j, depth))

    def _list(self, i: int, depth: int) -> tuple[Node, int]:
        node = Node(list, self.line(i))
        return self._members(node, i, "]", lambda j: self._item(node, j, depth))

    def _members(self, node: Node, i: int, close: str, read: Callable[[int], int]) -> tuple[Node, int]:
        """The object or list opened at `i`, its members each read by `read` (which says where the
        member ends), to its `close` bracket."""
        i = _WS.match(self.text, i + 1).end()
        if self.text[i : i + 1] == close:
            node.end = self.line(i)
            return node, i + 1
        while True:
            i = _WS.match(self.text, read(i)).end()
            c = self.text[i : i + 1]
            if c == close:
                node.end = self.line(i)
                return node, i + 1
            if c != ",":
                raise ValueError(f"',' or {close!r} expected at {i}")
            i = _WS.match(self.text, i + 1).end()

    def _member(self, node: Node, i: int, depth: int) -> int:
        if self.text[i : i + 1] != '"':
            raise ValueError(f"a key expected at {i}")
        key, after = scanstring(self.text, i + 1, False)
        key_line = self.line(i)
        i = _WS.match(self.text, after).end()
        if self.text[i : i + 1] != ":":
            raise ValueError(f"':' expected at {i}")
        value, end = self.value(_WS.match(self.text, i + 1).end(), depth + 1)
        node.members.append((key, key_line, value))
        return end

    def _item(self, node: Node, i: int, depth: int) -> int:
        value, end = self.value(i, depth + 1)
        node.items.append(value)
        return end


def parse(text: str, first_line: int = 1) -> Node | None:
    """The document of this text (its first line dump line `first_line`), or None when it is no JSON."""
    try:
        return _Parser(text, first_line).document()
    except (ValueError, IndexError, RecursionError):
        return None


def _closes(text: str, depth: int, quoted: bool) -> tuple[int, bool]:
    """The bracket depth and whether a string is open after this line (the document so far at
    `depth`, in a string when `quoted`)."""
    escaped = False
    for c in text:
        if quoted:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
    return depth, quoted


class JsonReader(Reader):
    """A dump's lines with its JSON documents taken out: iterating gives every line, a blank one in
    place of each line of a document that has entries; the entries are kept (`take`), the document's
    lines outside them reported in `debris`."""

    def __iter__(self) -> Iterator[str]:
        held: list[tuple[int, str]] = []
        depth, quoted, chars = 0, False, 0
        for number, line in enumerate(self._lines, 1):
            if not held:
                if not _OPENS.match(line):
                    yield line
                    continue
                depth, quoted, chars = 0, False, 0
            held.append((number, line))
            chars += len(line) + 1
            depth, quoted = _closes(line, depth, quoted)
            if depth <= 0 and not quoted:
                yield from self._read(held)
                held = []
            elif len(held) >= _MOST_LINES or chars >= _MOST_CHARS:
                yield from (text for _, text in held)  # too long to hold: read as text
                held = []
        yield from self._read(held)

    def _read(self, held: list[tuple[int, str]]) -> Iterator[str]:
        """The document of these lines read (a blank line given for each), or the lines given back."""
        if not held:
            return
        node = parse("\n".join(text for _, text in held), held[0][0])
        found = document_entries(node) if node is not None else []
        if not found:
            yield from (text for _, text in held)
            return
        taken: set[int] = set()
        for entry in found:
            inside = tuple(Block(n, t) for n, t in held if entry.start <= n <= entry.end and t.strip())
            taken.update(b.line for b in inside)
            self._ready.append(replace(entry, lines=inside))
        self.debris += [Debris(n, t, _OUTSIDE) for n, t in held if n not in taken and t.strip()]
        yield from ("" for _ in held)


def document_entries(node: Node) -> list[Entry]:
    """The entries of a document, in document order: its objects with a headline, and the untitled
    objects with text among objects of one list that have text; not looked for inside an entry."""
    out: list[Entry] = []
    _walk(node, out, False)
    return out


def _walk(node: Node, out: list[Entry], listed: bool) -> None:
    if node.is_object:
        entry = _entry(node, listed)
        if entry is not None and (entry.content or entry.summary):
            out.append(entry)
            return
        before = len(out)
        for _, _, value in node.members:
            _walk(value, out, False)
        if entry is not None and len(out) == before:
            out.append(entry)  # a headline with no text (and no entries under it: a section's "Closing soon" over its lots)
    elif node.is_list:
        texts = sum(1 for item in node.items if item.is_object and _fields(item, _CONTENT_KEYS + _SUMMARY_KEYS))
        for item in node.items:
            _walk(item, out, texts >= 2)


def _keyed(node: Node) -> dict[str, tuple[int, Node]]:
    """An object's members by their key in lower case, "postedBy" and "posted-by" as "posted_by"."""
    out: dict[str, tuple[int, Node]] = {}
    for key, line, value in node.members:
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).lower().replace("-", "_")
        out.setdefault(name, (line, value))
    return out


def _fields(node: Node, keys: tuple[str, ...]) -> list[Block]:
    """The paragraphs of an object's text fields of these keys, in the keys' order: a string's
    paragraphs between newlines (HTML read as a feed's), each string of a list."""
    keyed = _keyed(node)
    out: list[Block] = []
    for key in keys:
        if key in keyed:
            out += _paragraphs(keyed[key][1])
    return out


def _paragraphs(value: Node) -> list[Block]:
    if value.is_list:
        return [b for item in value.items for b in _paragraphs(item)]
    if value.is_object:
        return _fields(value, ("text", "body", "content", "value", "html"))  # {"type": "paragraph", "text": …}
    if not isinstance(value.value, str) or not value.value.strip():
        return []
    if _TAG.search(value.value):
        return list(paragraphs([(value.line, value.value.replace("\n", " "))])[0])
    return [Block(value.line, " ".join(p.split())) for p in re.split(r"\n\s*\n|\n", value.value) if p.strip()]


def _entry(node: Node, listed: bool) -> Entry | None:
    keyed = _keyed(node)
    kind = next((v.value for k in _TYPE_KEYS if k in keyed for _, v in [keyed[k]] if isinstance(v.value, str)), "")
    if _PINNED.search(kind):
        return None  # the app's own notice ("PinnedNotice": scheduled maintenance), no one's article
    title = next((Block(line, " ".join(v.value.split())) for k in _TITLE_KEYS if k in keyed
                  for line, v in [keyed[k]] if isinstance(v.value, str) and v.value.strip()), None)
    content = _fields(node, _CONTENT_KEYS)
    summary = _fields(node, _SUMMARY_KEYS)
    if title is None and not (listed and (content or summary) or content and _creators(keyed)):
        return None  # (untitled: one of a list's objects with text, or text its writer signs)
    bylines, signed = _fields(node, _BYLINE_KEYS), _fields(node, _SIGNED_KEYS)
    if content:
        content = [*bylines, *content, *signed]
    else:
        summary = [*bylines, *summary, *signed] if summary else []
    date = next(((line, d) for k in _DATE_KEYS if k in keyed for line, v in [keyed[k]] if (d := when_of(v.value))), None)
    rights = [Block(line, f"Licence: {v.value}") for k in _RIGHTS_KEYS if k in keyed
              for line, v in [keyed[k]] if isinstance(v.value, str) and v.value.strip()]
    return Entry(
        start=node.line, end=node.end, title=title, creators=tuple(_creators(keyed)), date=date,
        summary=tuple(summary), content=tuple(content), rights=tuple(rights),
        markup=_MARKUP, head=None if title else _first_words(node),
    )


def _first_words(node: Node) -> int:
    """The line an untitled entry starts on: its first member of words ("book": "The Van at the End
    of the Road"), not its type or its identifier ("card_type": "review")."""
    return next((line for _, line, v in node.members if isinstance(v.value, str) and len(v.value.split()) > 1),
                node.members[0][1])


def _creators(keyed: dict[str, tuple[int, Node]]) -> list[Block]:
    out: list[Block] = []
    for key in _AUTHOR_KEYS + _BYLINE_KEYS:
        if key in keyed:
            line, value = keyed[key]
            for one in value.items if value.is_list else [value]:
                if key in _AUTHOR_KEYS or one.is_object:  # (a by-line printed as text is read with the text)
                    out += [Block(line, name) for name in _names(one)]
    return out


def _names(value: Node) -> list[str]:
    """The people a writer's value names: a name, an object's display name or name (its handle when
    it gives no name), a handle alone; an organisation or an office names no one."""
    if value.is_object:
        keyed = _keyed(value)
        for keys in (_NAME_KEYS, _HANDLE_KEYS):
            given = [v.value for k in keys if k in keyed for _, v in [keyed[k]] if isinstance(v.value, str) and v.value.strip()]
            if given:
                return _names(Node(given[0], value.line)) if keys is _NAME_KEYS or is_handle(given[0]) else []
        return []
    if not isinstance(value.value, str):
        return []
    text = value.value.strip()
    return people(text) or ([text.lstrip("@")] if is_handle(text) else [])

