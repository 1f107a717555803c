"""Article files: YAML front matter + Markdown body, read fast and written safely.

Owns the article file format of the SPEC: `read_article` (PyYAML's C loader,
validation with file:line messages), `dump_article` (a new file, in the SPEC's
key order), and `add_source` (round-trip edit with ruamel.yaml that keeps the
editor's comments, key order and everything else byte-for-byte). This is the only
module that imports a YAML library. Must not touch the file system.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from sitegen.errors import Problem, error, warning
from sitegen.model import (
    Annotation,
    Article,
    ArticleKind,
    Licence,
    LicenceKind,
    Source,
)

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The C safe loader, leaving dates as text so `date:` is validated here, with a line."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

FENCE = "---"
KNOWN_KEYS = (
    "title", "authors", "byline", "translators", "publisher", "date", "added", "tags",
    "licence", "kind", "source", "annotations",
)
_FENCE_LINE = re.compile(r"^---[ \t]*$", re.MULTILINE)


class FrontMatterError(ValueError):
    """Raised by `split_front_matter` when the file has no closed front matter."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line) for an article file's text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not (text.startswith("---\n") or text.rstrip() == "---" or text.startswith("--- \n")):
        raise FrontMatterError("expected front matter starting with '---' on the first line", 1)
    first_end = text.index("\n") + 1 if "\n" in text else len(text)
    closing = _FENCE_LINE.search(text, first_end)
    if closing is None:
        raise FrontMatterError("front matter is not closed: no '---' line after it", 1)
    yaml_text = text[first_end : closing.start()]
    after = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, after) + 1
    return yaml_text, text[after:], body_line


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[^\S\n]*:", re.MULTILINE)  # a top-level key, at a line's start
_NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def _key_lines(yaml_text: str) -> dict[str, int]:
    """Line (in the file: front matter starts at line 2) of each top-level key."""
    lines: dict[str, int] = {}
    number, at = 2, 0
    for match in _KEY_LINE.finditer(yaml_text):
        number += yaml_text.count("\n", at, match.start())
        at = match.start()
        lines.setdefault(match.group(1), number)
    return lines


def _item_lines(yaml_text: str, key: str, first_field: str | None = None) -> list[int]:
    """Lines of the list items under top-level `key` (block style only)."""
    out: list[int] = []
    inside = False
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if line[:1] in _NAME_START:  # a top-level key: `key` opens the list, another one ends it
            match = _KEY_LINE.match(line)
            if match is not None and match.group(1) == key:
                inside = True
            elif inside:
                break
        elif inside:
            item = line.lstrip()
            if item[:1] == "-" and (len(item) == 1 or item[1].isspace()):
                out.append(number)
    return out


class _Reader:
    """Validates one parsed mapping into an Article, collecting problems."""

    def __init__(self, path: str, yaml_text: str) -> None:
        self.path = path
        self.yaml_text = yaml_text
        self.lines = _key_lines(yaml_text)
        self.problems: list[Problem] = []

    def err(self, key: str, message: str, line: int | None = None) -> None:
        self.problems.append(error(f"{key}: {message}", self.path, line or self.lines.get(key, 1)))

    def text(self, data: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.err(key, "is required" if key not in data else "must not be empty")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.err(key, f"expected text, got {_kind(value)}")
            return None
        if required and not value.strip():
            self.err(key, "must not be empty")
            return None
        return value

    def names(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            self.err(key, "expected a list, got a string (write [" + value + "])")
            return ()
        if not isinstance(value, list):
            self.err(key, f"expected a list, got {_kind(value)}")
            return ()
        out = []
        for item in value:
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.err(key, f"expected a list of names, found {_kind(item)}")
                continue
            out.append(item.strip())
        return tuple(dict.fromkeys(out))

    def date(self, data: Mapping[str, Any], key: str = "date") -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.err(key, f"expected a date as YYYY-MM-DD, got {value!r}")
        return None

    def licence(self, data: Mapping[str, Any]) -> Licence:
        value = data.get("licence")
        if value is None:
            return Licence()
        if not isinstance(value, dict):
            self.err("licence", f"expected a mapping with kind, statement, origin; got {_kind(value)}")
            return Licence()
        kind_text = value.get("kind", "unknown")
        try:
            kind = LicenceKind(kind_text)
        except ValueError:
            allowed = ", ".join(k.value for k in LicenceKind)
            self.err("licence", f"unknown kind {kind_text!r} (one of: {allowed})")
            kind = LicenceKind.UNKNOWN
        statement, origin = value.get("statement"), value.get("origin")
        for name, item in (("statement", statement), ("origin", origin)):
            if item is not None and not isinstance(item, str):
                self.err("licence", f"{name}: expected text, got {_kind(item)}")
        return Licence(
            kind,
            statement if isinstance(statement, str) else None,
            origin if isinstance(origin, str) else None,
        )

    def kind(self, data: Mapping[str, Any]) -> ArticleKind:
        value = data.get("kind", "article")
        try:
            return ArticleKind(value)
        except ValueError:
            self.err("kind", f"expected 'article' or 'fragment', got {value!r}")
            return ArticleKind.ARTICLE

    def sources(self, data: Mapping[str, Any]) -> tuple[Source, ...]:
        value = data.get("source")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.err("source", f"expected a list of {{file, lines}}, got {_kind(value)}")
            return ()
        item_lines = _item_lines(self.yaml_text, "source")
        out = []
        for index, item in enumerate(value):
            line = item_lines[index] if index < len(item_lines) else None
            if not isinstance(item, dict) or not isinstance(item.get("file"), str):
                self.err("source", "each entry needs a file name", line)
                continue
            lines = item.get("lines")
            if (
                not isinstance(lines, list)
                or len(lines) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in lines)
                or lines[0] > lines[1]
            ):
                self.err("source", f"lines: expected two line numbers [first, last], got {lines!r}", line)
                continue
            out.append(Source(item["file"], (lines[0], lines[1])))
        return tuple(out)

    def annotations(self, data: Mapping[str, Any]) -> tuple[Annotation, ...]:
        value = data.get("annotations")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.err("annotations", f"expected a list, got {_kind(value)}")
            return ()
        item_lines = _item_lines(self.yaml_text, "annotations")
        out = []
        for index, item in enumerate(value):
            line = item_lines[index] if index < len(item_lines) else None
            if not isinstance(item, dict):
                self.err("annotations", f"each entry needs a quote and a note, got {_kind(item)}", line)
                continue
            quote = item.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                self.err("annotations", "quote: expected the quoted text", line)
                continue
            note = item.get("note", "")
            if note is None:
                note = ""
            if not isinstance(note, str):
                self.err("annotations", f"note: expected text, got {_kind(note)}", line)
                continue
            fields: dict[str, str | None] = {}
            for key in ("prefix", "suffix"):
                part = item.get(key)
                if part is not None and not isinstance(part, str):
                    self.err("annotations", f"{key}: expected text, got {_kind(part)}", line)
                    part = None
                fields[key] = part or None
            tags = item.get("tags") or []
            if isinstance(tags, str):
                tags = [tags]
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                self.err("annotations", "tags: expected a list of tags", line)
                tags = []
            stamps: dict[str, str | None] = {}
            for key in ("created", "modified"):
                stamp = item.get(key)
                if stamp is not None and not _is_stamp(stamp):
                    self.err("annotations", f"{key}: expected a date and time like 2026-12-02T10:04:12Z, got {stamp!r}", line)
                    stamp = None
                stamps[key] = str(stamp) if stamp is not None else None
            unknown = set(item) - {"quote", "note", "prefix", "suffix", "tags", "created", "modified"}
            if unknown:
                self.problems.append(
                    warning(f"annotations: unknown field(s) {', '.join(sorted(unknown))}", self.path, line)
                )
            out.append(
                Annotation(
                    quote, note, fields["prefix"], fields["suffix"], tuple(tags), line,
                    stamps["created"], stamps["modified"],
                )
            )
        return tuple(out)


def _is_stamp(value: Any) -> bool:
    """A date, or a date and time (ISO 8601, as W3C Web Annotations write them)."""
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _kind(value: Any) -> str:
    return {
        str: "a string", list: "a list", dict: "a mapping", int: "a number",
        float: "a number", bool: "true/false", type(None): "nothing",
    }.get(type(value), type(value).__name__)


def _yaml_problem(exc: yaml.YAMLError, path: str) -> Problem:
    """The YAML error as the editor needs it. PyYAML notices an unclosed bracket or quote only on a
    later line; the line where that construct began is the one to fix, so that is the line named."""
    found = getattr(exc, "problem_mark", None)
    began = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    message = f"front matter is not valid YAML: {problem}"
    if began is not None and found is not None and began.line < found.line:
        context = getattr(exc, "context", None) or "while parsing"
        message += f" ({context} begun on this line; noticed on line {found.line + 2})"
        return error(message, path, began.line + 2)
    return error(message, path, found.line + 2 if found is not None else 1)


def read_article(text: str, path: str, slug: str) -> tuple[Article | None, list[Problem]]:
    """Parse an article file's text. Returns (article or None, problems)."""
    try:
        yaml_text, body, body_line = split_front_matter(text)
    except FrontMatterError as exc:
        return None, [error(str(exc), path, exc.line)]
    try:
        data = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc, path)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [error(f"front matter must be a mapping of keys, got {_kind(data)}", path, 2)]
    reader = _Reader(path, yaml_text)
    for key in data:
        if key not in KNOWN_KEYS:
            reader.problems.append(
                warning(f"unknown front matter key {key!r} (ignored)", path, reader.lines.get(str(key), 1))
            )
    title = reader.text(data, "title", required=True)
    article = Article(
        slug=slug,
        path=path,
        title=(title or "").strip(),
        body=body,
        body_line=body_line,
        authors=reader.names(data, "authors"),
        byline=reader.text(data, "byline"),
        translators=reader.names(data, "translators"),
        publisher=reader.text(data, "publisher"),
        date=reader.date(data),
        added=reader.date(data, "added"),
        tags=reader.names(data, "tags"),
        licence=reader.licence(data),
        kind=reader.kind(data),
        source=reader.sources(data),
        annotations=reader.annotations(data),
    )
    if any(p.severity == "error" for p in reader.problems):
        return None, reader.problems
    return article, reader.problems


# --- writing -----------------------------------------------------------------------------

_NEEDS_ESCAPE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `value`."""
    dumped = json.dumps(value, ensure_ascii=False)
    return _NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _scalar(value: str | None) -> str:
    return "null" if value is None else yaml_string(value)


def _flow_list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


def dump_article(article: Article) -> str:
    """The text of a new article file, keys in the SPEC's order."""
    out = io.StringIO()
    w = out.write
    w("---\n")
    w(f"title: {yaml_string(article.title)}\n")
    w(f"authors: {_flow_list(article.authors)}\n")
    w(f"byline: {_scalar(article.byline)}\n")
    w(f"translators: {_flow_list(article.translators)}\n")
    w(f"publisher: {_scalar(article.publisher)}\n")
    w(f"date: {article.date.isoformat() if article.date else 'null'}\n")
    if article.added:
        w(f"added: {article.added.isoformat()}\n")
    w(f"tags: {_flow_list(article.tags)}\n")
    w("licence:\n")
    w(f"  kind: {article.licence.kind.value}\n")
    w(f"  statement: {_scalar(article.licence.statement)}\n")
    w(f"  origin: {_scalar(article.licence.origin)}\n")
    w(f"kind: {article.kind.value}\n")
    w("source:\n")
    for source in article.source:
        w(f"  - file: {yaml_string(source.file)}\n")
        w(f"    lines: [{source.lines[0]}, {source.lines[1]}]\n")
    if article.annotations:
        w("annotations:\n")
        for ann in article.annotations:
            w(f"  - quote: {yaml_string(ann.quote)}\n")
            if ann.prefix:
                w(f"    prefix: {yaml_string(ann.prefix)}\n")
            if ann.suffix:
                w(f"    suffix: {yaml_string(ann.suffix)}\n")
            w(f"    note: {yaml_string(ann.note)}\n")
            w(f"    tags: {_flow_list(ann.tags)}\n")
    else:
        w("annotations: []\n")
    w("---\n")
    body = article.body
    w(body if body.endswith("\n") or not body else body + "\n")
    return out.getvalue()


def add_source(text: str, source: Source) -> str:
    """Return `text` with `source` appended to its `source:` list, all else kept byte-for-byte.

    The entry is inserted as text after the last line of the block-style `source:`
    list, in that list's indentation, and the result is re-read to prove that
    nothing but the new entry changed. A layout this cannot handle (a flow-style
    list, say) falls back to ruamel.yaml's round-trip writer, which keeps the
    editor's comments and key order.
    """
    yaml_text, body, _ = split_front_matter(text)
    before = yaml.load(yaml_text, Loader=_Loader) or {}
    expected = dict(before)
    expected["source"] = list(before.get("source") or []) + [
        {"file": source.file, "lines": [source.lines[0], source.lines[1]]}
    ]
    new_yaml = _insert_source_text(yaml_text, source)
    if new_yaml is None or yaml.load(new_yaml, Loader=_Loader) != expected:
        new_yaml = _insert_source_ruamel(yaml_text, source)
    return f"---\n{new_yaml}---\n{body}"


def add_added(text: str, day: dt.date) -> str | None:
    """`text` with `added: day` in its front matter, all else byte-for-byte; None when it already
    has `added` or the file's layout does not allow a safe insertion (checked by re-reading).

    The line goes after the top-level `date:` line when there is one (the SPEC's key order),
    else just before the closing `---`.
    """
    yaml_text, body, _ = split_front_matter(text)
    before = yaml.load(yaml_text, Loader=_Loader) or {}
    if not isinstance(before, dict) or "added" in before:
        return None
    lines = yaml_text.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if re.match(r"^date\s*:\s*[^\s|>]*\s*(#.*)?$", line)), None)
    if at is None:
        at = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    if "\r" in text or text.startswith("\ufeff"):
        return None  # rare layouts: left to the editor (the loader falls back to the file's time)
    file_lines = text.split("\n")  # front matter line i is file line i + 1 (after the opening fence)
    new_text = "\n".join(file_lines[: at + 1] + [f"added: {day.isoformat()}"] + file_lines[at + 1 :])
    new_yaml, new_body, _ = split_front_matter(new_text)
    if new_body != body or yaml.load(new_yaml, Loader=_Loader) != {**before, "added": day.isoformat()}:
        return None
    return new_text


def _insert_source_text(yaml_text: str, source: Source) -> str | None:
    lines = yaml_text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^source\s*:\s*(#.*)?$", line)), None)
    if start is None:
        return None
    end = start + 1
    dash_indent: str | None = None
    while end < len(lines) and (lines[end].startswith((" ", "-", "#")) or not lines[end].strip()):
        match = re.match(r"^(\s*)- ", lines[end])
        if match and dash_indent is None:
            dash_indent = match.group(1)
        if lines[end].startswith("#") or not lines[end].strip():
            break
        end += 1
    indent = "  " if dash_indent is None else dash_indent
    entry = [
        f"{indent}- file: {yaml_string(source.file)}",
        f"{indent}  lines: [{source.lines[0]}, {source.lines[1]}]",
    ]
    return "\n".join(lines[:end] + entry + lines[end:])


def _insert_source_ruamel(yaml_text: str, source: Source) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 10_000
    rt.indent(mapping=2, sequence=4, offset=2)
    data = rt.load(yaml_text) or CommentedMap()
    entry = CommentedMap()
    entry["file"] = source.file
    lines = CommentedSeq([source.lines[0], source.lines[1]])
    lines.fa.set_flow_style()
    entry["lines"] = lines
    existing = data.get("source")
    if isinstance(existing, list):
        existing.append(entry)
    else:
        data["source"] = CommentedSeq([entry])
    buffer = io.StringIO()
    rt.dump(data, buffer)
    return buffer.getvalue()
