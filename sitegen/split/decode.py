"""Bytes of a raw dump to lines of text: BOM, line ends, invalid UTF-8, UTF-16 and binary files.

Owns `decode_lines` (streamed from an open file: memory bounded by the longest
line, so a 50 MB dump never sits in memory whole) and `decode_dump` (the same on
bytes in memory). Rules: a UTF-8 BOM is dropped; CRLF and lone CR end lines like
LF; bytes that are not UTF-8 become U+FFFD with a warning naming the line and the
byte offset in the file; a UTF-16 file (with its BOM) is decoded; a binary file
(NUL bytes, control characters, or mostly undecodable bytes) is refused with an
error and yields nothing; a file with no text gets a warning. Must not interpret
the text.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from sitegen.errors import Problem, error, warning

HEAD = 8192
CHUNK = 1 << 20
MAX_WARNED_LINES = 5
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
_EOL = re.compile(rb"\r\n|\r|\n")
_EOL_TEXT = re.compile(r"\r\n|\r|\n")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def sniff(head: bytes) -> tuple[str, str | None]:
    """('utf-8' | 'utf-16-le' | 'utf-16-be' | 'binary', why it is binary), judged from a file's first bytes."""
    for bom, encoding in _UTF16_BOMS.items():
        if head.startswith(bom):
            return encoding, None
    if b"\x00" in head:
        return "binary", "it contains NUL bytes"
    if not head:
        return "utf-8", None
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls / len(head) > 0.05:
        return "binary", "it is full of control characters"
    sample = head[:-4] if len(head) == HEAD else head  # the last character may be cut in two
    decoded = sample.decode("utf-8", errors="replace")
    if decoded and decoded.count("\ufffd") / len(decoded) > 0.3:
        return "binary", "most of its bytes are not UTF-8 text"
    return "utf-8", None


def decode_lines(handle: BinaryIO, name: str, problems: list[Problem]) -> Iterator[str]:
    """The lines of a dump read from an open binary file, one at a time (without line ends).

    A file ending with a line end yields a last empty line, as `text.split("\\n")` would.
    Problems (appended to `problems`) name `name` and a line.
    """
    head = handle.read(HEAD)
    kind, why = sniff(head)
    if kind == "binary":
        problems.append(error(f"not a text file ({why}); nothing was split", name, 1))
        return
    seen_text = False
    if kind == "utf-8":
        lines = _utf8_lines(head, handle, name, problems)
    else:
        lines = _utf16_lines(head, handle, kind)
    for line in lines:
        seen_text = seen_text or bool(line.strip())
        yield line
    if not seen_text:
        problems.append(warning("empty dump: no text, so no articles in it", name, 1))


def decode_dump(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """Decode a whole dump held in memory: (text with "\\n" line ends, problems)."""
    problems: list[Problem] = []
    text = "\n".join(decode_lines(io.BytesIO(data), name, problems))
    return text, problems


def _utf8_lines(head: bytes, handle: BinaryIO, name: str, problems: list[Problem]) -> Iterator[str]:
    base = len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0  # file offset of buf[0]
    buf = bytearray(head[base:])
    number = 0
    bad = [0]  # lines with invalid bytes

    def decoded(raw: bytearray, offset: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad[0] += 1
            if bad[0] <= MAX_WARNED_LINES:
                problems.append(warning(f"invalid UTF-8 at byte {offset + exc.start} replaced with \ufffd", name, number))
            return raw.decode("utf-8", errors="replace")

    while True:
        chunk = handle.read(CHUNK)
        eof = not chunk
        buf += chunk
        end = len(buf) - 1 if not eof and buf.endswith(b"\r") else len(buf)  # "\r" + next "\n" is one end
        pos = 0
        for match in _EOL.finditer(buf, 0, end):
            number += 1
            yield decoded(buf[pos : match.start()], base + pos)
            pos = match.end()
        if eof:
            number += 1
            yield decoded(buf[pos:], base + pos)
            break
        del buf[:pos]
        base += pos
    if bad[0] > MAX_WARNED_LINES:
        problems.append(
            warning(f"invalid UTF-8 on {bad[0]:,} lines in all (the first {MAX_WARNED_LINES} are listed), replaced with \ufffd", name, 1)
        )


def _utf16_lines(head: bytes, handle: BinaryIO, encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = decoder.decode(head[2:])
    while True:
        chunk = handle.read(CHUNK)
        pending += decoder.decode(chunk, final=not chunk)
        end = len(pending) - 1 if chunk and pending.endswith("\r") else len(pending)
        pos = 0
        for match in _EOL_TEXT.finditer(pending, 0, end):
            yield pending[pos : match.start()]
            pos = match.end()
        pending = pending[pos:]
        if not chunk:
            yield pending
            return
