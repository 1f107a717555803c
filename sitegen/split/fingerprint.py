"""Near-duplicate detection: a small, stable sketch of an article's words.

Owns `sketch(text)` (the K smallest CRC-32 hashes of its 5-word shingles: a
bottom-k MinHash, cheap to store and to compare) and `similarity(a, b)` (the
estimated Jaccard similarity of the two shingle sets). Linear in the text;
the same on every run and machine (no salted `hash`). Markdown escapes and
punctuation do not count: only lower-cased words. Must not know about files.
"""

from __future__ import annotations

import heapq
import re
import zlib

K = 64
SHINGLE = 5
SAME_ARTICLE = 0.6  # estimated Jaccard similarity above which two texts are one article
SAME_TITLE = 0.3  # enough when the titles are the same too
_WORD = re.compile(r"\w+")


def sketch(text: str) -> tuple[int, ...]:
    """The bottom-K shingle hashes of `text`, sorted; () for a text without words."""
    words = _WORD.findall(text.lower())
    if not words:
        return ()
    width = min(SHINGLE, len(words))
    hashes = {zlib.crc32(" ".join(words[i : i + width]).encode()) for i in range(len(words) - width + 1)}
    return tuple(sorted(heapq.nsmallest(K, hashes)))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches (0.0 to 1.0)."""
    if not a or not b:
        return 0.0
    both = set(a) & set(b)
    if not both:
        return 0.0
    union = heapq.nsmallest(min(K, len(set(a) | set(b))), set(a) | set(b))
    return sum(1 for h in union if h in both) / len(union)


def pack(values: tuple[int, ...]) -> str:
    """A sketch as compact text (8 hex digits a value), for storing many of them."""
    return "".join(f"{v:08x}" for v in values)


def unpack(text: str) -> tuple[int, ...]:
    """The sketch `pack` wrote; () for text that is not one."""
    try:
        return tuple(int(text[i : i + 8], 16) for i in range(0, len(text) - len(text) % 8, 8))
    except ValueError:
        return ()
