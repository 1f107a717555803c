"""Round-trip edits of the `annotations:` list in an article file's text.

Owns `append_annotation`, `replace_annotation` and `remove_annotation`: pure
functions from an article file's text (LF line ends, no BOM) to the new text,
in which only the one list entry changed — the editor's comments, key order,
quoting, the other entries and the body stay byte-for-byte. An entry is edited
as text inside a block-style list, in that list's indentation; every result is
re-read with PyYAML and compared with what was intended, and a layout the text
edit cannot handle (a flow-style list, say) falls back to ruamel.yaml's
round-trip writer. Must not touch the file system (see `archive.notes`).
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

from sitegen.frontmatter import _Loader, split_front_matter, yaml_string
from sitegen.model import Annotation

_KEY = "annotations"
_KEY_LINE = re.compile(rf"^{_KEY}[ \t]*:[ \t]*(?P<rest>.*?)[ \t]*$")
_EMPTY_FLOW = re.compile(r"^\[\s*\](?P<comment>\s+#.*)?$")
_DASH = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")


class AnnotationEditError(ValueError):
    """The front matter cannot take this edit (not a mapping, no such entry, not YAML)."""


def entry_data(note: Annotation) -> dict[str, Any]:
    """An annotation as the mapping written into front matter (empty fields left out)."""
    data: dict[str, Any] = {"quote": note.quote}
    if note.prefix:
        data["prefix"] = note.prefix
    if note.suffix:
        data["suffix"] = note.suffix
    data["note"] = note.note
    if note.tags:
        data["tags"] = list(note.tags)
    if note.created:
        data["created"] = note.created
    if note.modified:
        data["modified"] = note.modified
    return data


def entry_lines(note: Annotation, indent: str = "  ") -> list[str]:
    """The block-style list entry for `note`, its dash at `indent`, one string per line."""
    return [
        (f"{indent}- " if i == 0 else f"{indent}  ") + _field(key, value)
        for i, (key, value) in enumerate(entry_data(note).items())
    ]


def _field(key: str, value: str | list[str]) -> str:
    """One `key: value` line (without indentation) of an entry."""
    if isinstance(value, list):
        return f"{key}: [" + ", ".join(yaml_string(v) for v in value) + "]\n"
    return f"{key}: {yaml_string(value)}\n"


def append_annotation(text: str, note: Annotation) -> str:
    """`text` with `note` added at the end of its annotations list."""
    return _edit(text, None, note)


def replace_annotation(text: str, index: int, note: Annotation) -> str:
    """`text` with entry `index` (0-based, front matter order) of its annotations replaced by `note`."""
    return _edit(text, index, note)


def remove_annotation(text: str, index: int) -> str:
    """`text` without entry `index` (0-based) of its annotations list."""
    return _edit(text, index, None)


def _edit(text: str, index: int | None, note: Annotation | None) -> str:
    yaml_text, _, _ = split_front_matter(text)
    start = text.index("\n") + 1
    assert text[start : start + len(yaml_text)] == yaml_text, "expects LF line ends and no BOM"
    try:
        before = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise AnnotationEditError(f"front matter is not valid YAML: {exc}") from exc
    if before is None:
        before = {}
    if not isinstance(before, dict):
        raise AnnotationEditError("front matter is not a mapping of keys")
    entries = before.get(_KEY) or []
    if not isinstance(entries, list):
        raise AnnotationEditError(f"{_KEY}: expected a list")
    if index is not None and not 0 <= index < len(entries):
        raise AnnotationEditError(
            f"no annotation number {index + 1}: the article has {len(entries)}"
        )
    expected_entries = list(entries)
    if index is None:
        assert note is not None
        expected_entries.append(entry_data(note))
    elif note is None:
        del expected_entries[index]
    else:
        expected_entries[index] = entry_data(note)
    expected = dict(before)
    expected[_KEY] = expected_entries

    old_entry = entries[index] if index is not None else None
    new_yaml = _edit_text(yaml_text, index, note, old_entry)
    if new_yaml is None or _load(new_yaml) != expected:
        new_yaml = _edit_ruamel(yaml_text, index, note)
        if _load(new_yaml) != expected:
            raise AnnotationEditError(f"{_KEY}: this layout of the list cannot be edited safely")
    return text[:start] + new_yaml + text[start + len(yaml_text) :]


def _load(yaml_text: str) -> Any:
    try:
        return yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None


def _edit_text(
    yaml_text: str, index: int | None, note: Annotation | None, before_entry: Any = None
) -> str | None:
    """The edit made on the lines of a block-style list; None when the layout is another."""
    lines = yaml_text.splitlines(keepends=True)
    key_at = next((i for i, line in enumerate(lines) if _KEY_LINE.match(line.rstrip("\n"))), None)
    if key_at is None:
        if index is not None or note is None:
            return None
        return "".join(lines) + f"{_KEY}:\n" + "".join(entry_lines(note))
    rest = _KEY_LINE.match(lines[key_at].rstrip("\n")).group("rest")  # type: ignore[union-attr]
    empty = _EMPTY_FLOW.match(rest)
    if empty:
        if index is not None or note is None:
            return None
        head = f"{_KEY}:{empty.group('comment') or ''}\n"
        return "".join(lines[:key_at] + [head] + entry_lines(note) + lines[key_at + 1 :])
    if rest and not rest.startswith("#"):
        return None  # a flow list, an anchor, a scalar: leave it to the round-trip writer
    spans, dash, end = _item_spans(lines, key_at)
    if index is None:
        assert note is not None
        insert_at = spans[-1][1] if spans else key_at + 1
        return "".join(lines[:insert_at] + entry_lines(note, dash) + lines[insert_at:])
    if index >= len(spans):
        return None
    a, b = spans[index]
    if note is None and len(spans) == 1:  # the last entry goes: the list stays, empty
        comment = rest if rest.startswith("#") else ""
        head = f"{_KEY}: []{' ' + comment if comment else ''}\n"
        return "".join(lines[:key_at] + [head] + lines[key_at + 1 : a] + lines[b:])
    if note is not None:
        fields = _field_edit(lines[a:b], dash, before_entry, note)
        if fields is not None:
            return "".join(lines[:a] + fields + lines[b:])
    new = entry_lines(note, dash) if note is not None else []
    return "".join(lines[:a] + new + lines[b:])


def _field_edit(entry: list[str], dash: str, old: Any, note: Annotation) -> list[str] | None:
    """The entry's lines with only the fields that change rewritten (a fixed quote keeps the
    editor's layout of the note and tags); None when the entry is laid out otherwise."""
    if not isinstance(old, dict) or not entry or not entry[0].startswith(f"{dash}- "):
        return None
    column = len(dash) + 2
    key_line = re.compile(rf"^(?:{re.escape(dash)}- |{' ' * column})([A-Za-z_][\w-]*)[ \t]*:")
    starts: list[tuple[str, int]] = []
    for i, line in enumerate(entry):
        match = key_line.match(line)
        if match:
            starts.append((match.group(1), i))
        elif i == 0 or (line.strip() and len(line) - len(line.lstrip(" ")) <= column and not line.lstrip().startswith("#")):
            return None  # a flow mapping, or something at the keys' column that is not a key
    spans = {key: (i, starts[n + 1][1] if n + 1 < len(starts) else len(entry)) for n, (key, i) in enumerate(starts)}
    if len(spans) != len(starts) or set(spans) != set(old):
        return None
    wanted = entry_data(note)
    emitted = {key: " " * column + _field(key, value) for key, value in wanted.items()}
    out = list(entry)
    for key, (i, j) in sorted(spans.items(), key=lambda kv: -kv[1][0]):
        if key not in wanted:
            if i == 0:
                return None
            del out[i:j]
        elif wanted[key] != old[key]:
            text = emitted[key]
            out[i:j] = [f"{dash}- {text.lstrip()}" if i == 0 else text]
    added = [emitted[key] for key in wanted if key not in old]
    return out + added if added else out


def _item_spans(lines: list[str], key_at: int) -> tuple[list[tuple[int, int]], str, int]:
    """Line ranges [a, b) of the list's entries, their dash indentation, and where the list ends.

    An entry runs from its dash to the next entry's dash or the end of the list,
    without the blank lines and comments at or left of the dash that follow it
    (those introduce what comes next, so they stay when an entry is removed).
    """
    end = key_at + 1
    while end < len(lines) and (lines[end][:1] in (" ", "\t", "-", "#", "\n") or not lines[end].strip()):
        end += 1
    starts: list[int] = []
    dash: str | None = None
    for i in range(key_at + 1, end):
        match = _DASH.match(lines[i])
        if match and (dash is None or match.group("indent") == dash):
            dash = match.group("indent")
            starts.append(i)
    dash = "  " if dash is None else dash
    spans = []
    for n, a in enumerate(starts):
        b = starts[n + 1] if n + 1 < len(starts) else end
        while b - 1 > a and _is_gap(lines[b - 1], dash):
            b -= 1
        spans.append((a, b))
    return spans, dash, end


def _is_gap(line: str, dash: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    return stripped.startswith("#") and len(line) - len(line.lstrip(" \t")) <= len(dash)


def _edit_ruamel(yaml_text: str, index: int | None, note: Annotation | None) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 10_000
    rt.indent(mapping=2, sequence=4, offset=2)
    data = rt.load(yaml_text) or CommentedMap()
    entries = data.get(_KEY)
    if not isinstance(entries, list):
        entries = CommentedSeq()
        data[_KEY] = entries
    if note is not None:
        entry = CommentedMap(entry_data(note))
        if "tags" in entry:
            tags = CommentedSeq(entry["tags"])
            tags.fa.set_flow_style()
            entry["tags"] = tags
        if index is None:
            entries.append(entry)
        else:
            entries[index] = entry
    else:
        assert index is not None
        del entries[index]
    buffer = io.StringIO()
    rt.dump(data, buffer)
    return buffer.getvalue()
