"""Bytes of a raw dump to text: BOM, line ends, invalid UTF-8 and binary files.

Owns `decode_dump`. Must not interpret the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from sitegen.errors import Problem, error, warning

_TEXT_CONTROL = {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_dump(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """Decode a dump; bad bytes become U+FFFD with a warning naming the first byte offset."""
    problems: list[Problem] = []
    if looks_binary(data):
        return "", [error("not a text file (binary content); nothing was split", name, 1)]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        bad = 0
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        problems.append(
            warning(
                f"invalid UTF-8 at byte {exc.start} (and {bad - 1} more) replaced with \ufffd" if bad > 1
                else f"invalid UTF-8 at byte {exc.start} replaced with \ufffd",
                name,
                line,
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(warning("empty dump: no articles in it", name, 1))
    return text, problems


def decode_lines(handle: BinaryIO, name: str, problems: list[Problem]) -> Iterator[str]:
    """The lines of a dump read from an open binary file, decoded one at a time (bounded memory).

    Same rules as `decode_dump`: a binary file yields nothing and an error, a BOM is
    dropped, CR/CRLF line ends are normalised, bad bytes become U+FFFD with one
    warning naming the first bad byte's offset, an empty file gets a warning.
    """
    head = handle.read(8192)
    if looks_binary(head):
        problems.append(error("not a text file (binary content); nothing was split", name, 1))
        return
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    offset, number, bad, seen_text = 0, 0, 0, False
    pending = head
    first_bad: tuple[int, int] | None = None
    while True:
        chunk = handle.read(1 << 20)
        pending += chunk
        parts = pending.split(b"\n")
        pending = parts.pop() if chunk else b""
        for index, whole in enumerate(parts):
            ends_file = not chunk and index == len(parts) - 1
            raw = whole[:-1] if not ends_file and whole.endswith(b"\r") else whole  # CRLF
            at = offset
            for piece in raw.split(b"\r"):
                number += 1
                try:
                    line = piece.decode("utf-8")
                except UnicodeDecodeError as exc:
                    line = piece.decode("utf-8", errors="replace")
                    bad += line.count("\ufffd")
                    if first_bad is None:
                        first_bad = (at + exc.start, number)
                seen_text = seen_text or bool(line.strip())
                yield line
                at += len(piece) + 1
            offset += len(whole) + 1
        if not chunk:
            break
    if first_bad is not None:
        more = f" (and {bad - 1} more)" if bad > 1 else ""
        problems.append(warning(f"invalid UTF-8 at byte {first_bad[0]}{more} replaced with \ufffd", name, first_bad[1]))
    if not seen_text:
        problems.append(warning("empty dump: no articles in it", name, 1))
