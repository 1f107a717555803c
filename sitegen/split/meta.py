"""Who and what: titles and publisher suffixes, "By NAME" lines, bios, translator credits.

Owns recognising the metadata lines of one article and extracting people's
names from them. Pure functions on strings. Must not decide boundaries.
"""

from __future__ import annotations

import re

from sitegen.split.text import ends_sentence, word_count

_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+(?:[–—|]|-{1,2})\s+(?P<publisher>[^–—|]{2,60})$")
_SMALL = {"of", "the", "and", "for", "on", "de", "la", "le", "du", "a", "&", "in", "at"}
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|[A-Z]\.)"
NAME = rf"{_NAME_WORD}(?:\s(?:{_NAME_WORD}|de|van|von|da|di|bin|al|el|le|la|du)){{1,4}}"
_BY_LINE = re.compile(rf"^(?:by|words by|written by)\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*(?:[|,–—-].*)?$", re.IGNORECASE)
_TRANSLATED = re.compile(rf"^(?:translated|translation)(?: from [A-Z]\w+)? by\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\.?$", re.IGNORECASE)
_BIO_NAME = re.compile(rf"(?:^|,\s(?:and\s)?|\sand\s|^At [^,]{{2,80}},\s)(?P<name>{NAME}) (?:is|was|has been|teaches|writes|works|researches|serves)\b")
_BIO_START = re.compile(rf"^(?:At [^,]{{2,80}},\s)?{NAME} (?:is|was|has been|teaches|writes|works|researches|serves)\b")
_NOT_NAMES = set(
    "This The It These That There He She They We Our Its While But And However When If As In On At For Although "
    "Because Since After Before Then Now Yet So Still Even Also Meanwhile Instead Despite Unlike Like Why What How "
    "Who Where Which Today Last Next Every Each Some Many Most Such One Two".split()
)


def split_title(line: str) -> tuple[str, str | None]:
    """(clean title, publisher) from a title line with an optional ' – Publisher' suffix."""
    match = _SUFFIX.match(line.strip())
    if match:
        publisher = match.group("publisher").strip()
        words = publisher.split()
        if (
            1 <= len(words) <= 5
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words)
            and not ends_sentence(publisher.rstrip(")"))
            and words[0][0].isupper()
        ):
            return match.group("title").strip(), publisher
    return line.strip(), None


def looks_like_title(line: str, next_line: str | None) -> bool:
    """A first line that names the article rather than starting its text."""
    if next_line is None or not line or len(line) > 200:
        return False
    if _BY_LINE.match(line) or bio_names(line):
        return False
    _, publisher = split_title(line)
    if publisher:
        return True
    if line.endswith(("?", "”", "\"", "’")):
        return word_count(line) <= 25
    return not ends_sentence(line) and word_count(line) <= 25


def title_from_text(text: str, words: int = 10) -> str:
    """A title made from the opening words of a text that has none."""
    parts = text.split()
    head = " ".join(parts[:words]).rstrip(",;:–—-")
    return head + ("…" if len(parts) > words else "")


def by_line_names(line: str) -> list[str] | None:
    match = _BY_LINE.match(line.strip())
    return _names(match.group("names")) if match else None


def translator_names(line: str) -> list[str] | None:
    match = _TRANSLATED.match(line.strip())
    return _names(match.group("names")) if match else None


def _names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    return [p.strip() for p in parts if p.strip()]


def bio_names(paragraph: str) -> list[str]:
    """People a bio sentence introduces: 'Jul Parke is ...', 'X is ... and Y is ...'."""
    if not _BIO_START.match(paragraph) or len(paragraph) > 700:
        return []
    names = []
    for match in _BIO_NAME.finditer(paragraph):
        name = match.group("name")
        if any(word in _NOT_NAMES for word in name.split()):
            continue
        if name not in names:
            names.append(name)
    return names
