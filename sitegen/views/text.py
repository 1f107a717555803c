"""Text for views: shortened, dated, named, and escaped for the places it goes.

Owns how content text is cut to a snippet, how dates and lists of people read,
which licence URL a statement names, and the escaping of JSON for <script>
elements and of text for XML. Must not know about pages or URLs.
"""

from __future__ import annotations

import datetime as dt
import json
import re

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_CC_URL = re.compile(r"https?://creativecommons\.org/(?:licenses|publicdomain)/[a-z0-9./-]*[a-z0-9/]", re.I)
_CC_NAME = re.compile(r"\bCC[ -]?(BY(?:[ -](?:NC|SA|ND))*)[ -]?(\d\.\d)\b", re.I)
# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clip(text: str, limit: int) -> str:
    """`text` with whitespace collapsed, cut at a word to at most `limit` characters plus '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:.–— ") + "…"


def names(people: tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C' ('' for nobody)."""
    if len(people) <= 1:
        return "".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def date_label(day: dt.date | None, lang: str) -> str | None:
    """'5 March 2024' on English pages, ISO 8601 otherwise (no locale-dependent month names)."""
    if day is None:
        return None
    if lang.lower().startswith("en"):
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return day.isoformat()


def licence_url(statement: str | None) -> str | None:
    """The Creative Commons licence a statement links to, or names with a version; else None.

    >>> licence_url("Republished under CC BY-ND 4.0.")
    'https://creativecommons.org/licenses/by-nd/4.0/'
    """
    if not statement:
        return None
    found = _CC_URL.search(statement)
    if found:
        return found.group(0)
    named = _CC_NAME.search(statement)
    if named:
        kind = re.sub(r"[ -]+", "-", named.group(1).lower())
        return f"https://creativecommons.org/licenses/{kind}/{named.group(2)}/"
    return None


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element or a .js file.

    `<`, `>` and `&` become \\u003c, \\u003e, \\u0026 (no `</script>`, `<!--` or
    `]]>` can appear), and U+2028/U+2029 are escaped for old JavaScript parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry at all (escaping is the template's job)."""
    return _NOT_XML.sub("", text)
