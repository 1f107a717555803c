"""Near-duplicate detection: a small, stable sketch of an article's words.

Owns `sketch(text)` (the K smallest CRC-32 hashes of its 5-word shingles: a
bottom-k MinHash, cheap to store and to compare) and `similarity(a, b)` (the
estimated Jaccard similarity of the two shingle sets). Linear in the text;
the same on every run and machine (no salted `hash`). Markdown escapes and
punctuation do not count: only lower-cased words. Must not know about files.
"""

from __future__ import annotations

import re
import struct
import zlib

K = 64
SHINGLE = 5
SAME_ARTICLE = 0.6  # estimated Jaccard similarity above which two texts are one article
SAME_TITLE = 0.3  # enough when the titles are the same too
_WORD = re.compile(r"\w+")
_HEX = re.compile(r"[0-9a-f]*")


def sketch(text: str) -> tuple[int, ...]:
    """The bottom-K shingle hashes of `text`, sorted; () for a text without words."""
    words = _WORD.findall(text.lower())
    if not words:
        return ()
    width = min(SHINGLE, len(words))
    shingles = map(" ".join, zip(*(words[i:] for i in range(width))))  # no Python step per shingle
    return tuple(sorted(set(map(zlib.crc32, map(str.encode, shingles))))[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches (0.0 to 1.0): the share of
    the K smallest values of both sketches together that are in each."""
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    both = first & second
    if not both:
        return 0.0
    union = sorted(first | second)[:K]
    return len(both.intersection(union)) / len(union)


def pack(values: tuple[int, ...]) -> str:
    """A sketch as compact text (8 hex digits a value), for storing many of them."""
    return struct.pack(f">{len(values)}I", *values).hex()


def unpack(text: str) -> tuple[int, ...]:
    """The sketch `pack` wrote; () for text that is not one."""
    text = text[: len(text) - len(text) % 8].lower()
    if not _HEX.fullmatch(text):
        return ()
    return struct.unpack(f">{len(text) // 8}I", bytes.fromhex(text))
