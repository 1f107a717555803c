"""Editing an article file's notes on disk: add, replace, delete — never over someone else's change.

Owns the I/O edge of note editing, shared by `sitegen annotate`, `sitegen
annotations import`, `sitegen check --fix` and the editing endpoint of `serve`:

* `file_version(path)` — what the caller read (sha256 of the file's bytes);
* `add_note`, `replace_note`, `delete_note` — change one entry of the
  `annotations:` list (`index` is 0-based, the position in the front matter
  list, i.e. `article.annotations[index]`; the page shows it as note
  `index + 1`). Given `version`, the write is refused with `NoteConflict` when
  the file changed since that version was read. The rest of the file stays
  byte-for-byte (BOM and CRLF line ends included; see `frontmatter_notes`); the
  result is re-read and validated before it atomically replaces the file. Each
  returns the file's new version.

Must not decide whether a quote is found in the text (that needs the rendered
body: see `sitegen.annotations`), and must not render or print.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sitegen.atomic import write_atomic
from sitegen.errors import ContentError, error
from sitegen.frontmatter import read_article
from sitegen.frontmatter_notes import (
    AnnotationEditError,
    append_annotation,
    remove_annotation,
    replace_annotation,
)
from sitegen.model import Annotation
from sitegen.slugs import slugify

_BOM = "\ufeff"


class NoteConflict(ContentError):
    """The article file changed on disk since the caller read it: nothing was written."""


def file_version(path: Path) -> str:
    """The version of an article file as it is now: the sha256 hex digest of its bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_note(path: Path, note: Annotation, *, version: str | None = None) -> str:
    """Append `note` to the article's annotations; return the file's new version."""
    return _change(path, version, lambda text: append_annotation(text, note), note, None)


def replace_note(
    path: Path, index: int, note: Annotation, *, version: str | None = None, expected: Annotation | None = None
) -> str:
    """Replace annotation `index` (0-based) with `note`; return the file's new version.

    With `expected`, refuse (NoteConflict) unless the entry there still says that."""
    return _change(path, version, lambda text: replace_annotation(text, index, note), note, index, expected)


def delete_note(
    path: Path, index: int, *, version: str | None = None, expected: Annotation | None = None
) -> str:
    """Remove annotation `index` (0-based); return the file's new version (`expected` as for replace)."""
    return _change(path, version, lambda text: remove_annotation(text, index), None, index, expected)


def validate_note(note: Annotation, where: str) -> None:
    """Refuse a note that could not be read back: an empty quote, a blank tag."""
    if not note.quote.strip():
        raise ContentError(f"{where}: a note needs the quoted text it marks")
    if any(not tag.strip() for tag in note.tags):
        raise ContentError(f"{where}: a tag must not be empty")


def _change(
    path: Path,
    version: str | None,
    edit: Callable[[str], str],
    note: Annotation | None,
    index: int | None,
    expected: Annotation | None = None,
) -> str:
    where = str(path)
    if note is not None:
        validate_note(note, where)
    raw = _read(path)
    if version is not None and hashlib.sha256(raw).hexdigest() != version:
        raise NoteConflict(f"{where}: the file changed on disk since it was read; reload it and try again")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(f"{where}:{line}: not valid UTF-8") from exc
    bom = text.startswith(_BOM)
    crlf = "\r\n" in text
    plain = text.removeprefix(_BOM).replace("\r\n", "\n")
    before, problems = read_article(plain, where, slugify(path.stem))
    if before is None:
        raise ContentError(f"{where}: fix the article file before editing its notes", tuple(problems))
    if index is not None and not 0 <= index < len(before.annotations):
        raise ContentError(f"{where}: no annotation number {index + 1}; the article has {len(before.annotations)}")
    if index is not None and expected is not None and _says(before.annotations[index]) != _says(expected):
        raise NoteConflict(f"{where}: annotation number {index + 1} changed on disk; reload it and try again")
    try:
        new = edit(plain)
    except AnnotationEditError as exc:
        raise ContentError(f"{where}: {exc}") from exc
    after, problems = read_article(new, where, slugify(path.stem))
    wanted = list(before.annotations)
    if index is None:
        wanted.append(note)  # type: ignore[arg-type]
    elif note is None:
        del wanted[index]
    else:
        wanted[index] = note
    if after is None or [_bare(a) for a in after.annotations] != [_bare(a) for a in wanted if a is not None]:
        problems = problems or [error("the edited file did not read back as intended", where)]
        raise ContentError(f"{where}: the note could not be written safely; the file was not changed", tuple(problems))
    if crlf:
        new = new.replace("\n", "\r\n")
    data = ((_BOM if bom else "") + new).encode("utf-8")
    if _read(path) != raw:
        raise NoteConflict(f"{where}: the file changed on disk while the note was written; reload it and try again")
    write_atomic(path, data)
    return hashlib.sha256(data).hexdigest()


def _says(note: Annotation) -> tuple:
    """What an annotation says, without where its entry sits in the file or when it was written."""
    return (note.quote, note.note, note.prefix or None, note.suffix or None, tuple(note.tags))


def _bare(note: Annotation) -> tuple:
    """An annotation as written in the file (without its line)."""
    return (*_says(note), note.created, note.modified)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{path}: no such article file") from None
    except OSError as exc:
        raise ContentError(f"{path}: cannot read: {exc.strerror}") from None
