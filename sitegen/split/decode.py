"""Bytes of a raw dump to text: BOM, line ends, invalid UTF-8 and binary files.

Owns `decode_dump`. Must not interpret the text.
"""

from __future__ import annotations

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
        line = data.count(b"\n", 0, exc.start) + 1
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
