"""Slugs: safe, bounded, readable names for files and URLs made from untrusted text.

A slug is lowercase ASCII letters, digits and single hyphens, never empty, never a
reserved device name, at most `MAX_LEN` characters. Must not touch the file system.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LEN = 80
_RESERVED = {"con", "prn", "aux", "nul", "index", "feed", "page", "static", "search"}
_RESERVED |= {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe", "þ": "th"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = MAX_LEN) -> str:
    """Return a slug for `text`; text with no usable letters gets a short stable hash.

    >>> slugify("From chatbot to sexbot: lessons from Korea’s AI hate-speech fiasco")
    'from-chatbot-to-sexbot-lessons-from-koreas-ai-hate-speech-fiasco'
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLIT))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").replace("'", "")
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_len:
        cut = slug[:max_len]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_len // 2 :] else cut
        slug = slug.strip("-")
    if not slug:
        return "x-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if slug in _RESERVED:
        return slug + "-1"
    return slug


def unique_slug(base: str, taken: set[str] | frozenset[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not yet in `taken`."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
