"""Republication licences: recognise the statement and name its kind and origin.

Owns `detect_licence(paragraph) -> (Licence, statement_start) | None`. Kinds:
Creative Commons → cc; "republished/reproduced with (kind) permission /
authorisation / agreement / authority" → permission; "All rights reserved" →
all-rights-reserved. Must not look beyond the paragraph it is given.
"""

from __future__ import annotations

import re

from sitegen.model import Licence, LicenceKind

_CC = re.compile(r"\bcreative commons\b|\bCC BY(-[A-Z]{2})*\b", re.IGNORECASE)
_PERMISSION = re.compile(
    r"\b(republished|reproduced|reprinted|published|posted|shared|used)\b[^.]{0,80}?\bwith (the )?"
    r"(kind |express |prior |written )?(permission|authori[sz]ation|agreement|authority|consent)\b",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"\ball rights reserved\b", re.IGNORECASE)

_ORIGIN_PATTERNS = [
    re.compile(r"\b(?:republished|reproduced|reprinted|adapted) from ((?:the )?[A-Z][^,.;]{1,60}?)(?= under| with|,|\.|$)"),
    re.compile(r"\bfirst (?:published|appeared) (?:on|in|by|at) ((?:the )?[A-Z][^,.;]{1,60}?)(?= and | is |,|\.|$)"),
    re.compile(r"\bSubstack(?: email| newsletter| blog)? ([A-Z][^,.;]{1,60}?)(?=,|\.| is |$)"),
    re.compile(r"\b(?:previously|originally) (?:appeared|published) (?:on|in) (?:his |her |their )?((?:the )?[A-Z][^,.;]{1,60}?)(?=,|\.| is |$)"),
    re.compile(r"\bproduced by ((?:the )?[A-Z][^,.;]{1,60}?)(?=, a project| and |,|\.|$)"),
    re.compile(r"^(?:The )?([A-Z][\w .&-]{1,60}?)’s [^.]{0,60}\bproduced this\b"),
    re.compile(r"\b(?:courtesy of|by permission of|permission (?:of|from)) ((?:the )?[A-Z][^,.;]{1,60}?)(?=,|\.|$)"),
]
_HOLDER = re.compile(r"^(?:copyright\s*)?(?:©|¬|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(.+?)[.,]?\s*all rights reserved", re.IGNORECASE)


def _origin(statement: str) -> str | None:
    for pattern in _ORIGIN_PATTERNS:
        match = pattern.search(statement)
        if match:
            return match.group(1).strip().rstrip("’'")
    return None


_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+[”\"’']?|$)\s*")
_PROVENANCE = re.compile(
    r"\b(published|republished|reproduced|reprinted|produced|appeared|originally|syndicated|licen[cs]e|"
    r"copyright|permission)\b|^\s*(?:©|¬|\(c\))",
    re.IGNORECASE,
)


def statement_start(paragraph: str, kind_match: re.Match[str]) -> int:
    """Where the licence statement begins: the sentence holding the match, extended back over
    sentences that tell the text's provenance (a bio sentence before them is not part of it)."""
    sentences = [(m.start(), m.group()) for m in _SENTENCE.finditer(paragraph) if m.group().strip()]
    index = 0
    for i, (offset, _) in enumerate(sentences):
        if offset <= kind_match.start():
            index = i
    while index > 0 and _PROVENANCE.search(sentences[index - 1][1]):
        index -= 1
    return sentences[index][0] if sentences else 0


_GRANTS = re.compile(
    r"\b(republish\w*|reproduc\w*|reprint\w*|licen[sc]ed|published|distributed|shared|available|used)\b", re.IGNORECASE
)


def _sentence_at(paragraph: str, offset: int) -> str:
    for m in _SENTENCE.finditer(paragraph):
        if m.start() <= offset < m.end() or m.end() == len(paragraph):
            if m.start() <= offset:
                return m.group()
    return paragraph


def detect_licence(paragraph: str) -> tuple[Licence, int] | None:
    """The licence a paragraph states, and the offset where its statement starts; None if it states none."""
    if len(paragraph) > 600:  # a statement is short; a long paragraph merely mentions a licence
        return None
    for kind, pattern in ((LicenceKind.CC, _CC), (LicenceKind.PERMISSION, _PERMISSION), (LicenceKind.ALL_RIGHTS_RESERVED, _RIGHTS)):
        match = pattern.search(paragraph)
        if not match:
            continue
        sentence = _sentence_at(paragraph, match.start())
        if kind is LicenceKind.CC and not (_GRANTS.search(sentence) or "CC BY" in sentence):
            continue
        start = statement_start(paragraph, match)
        statement = paragraph[start:].strip()
        if kind is LicenceKind.ALL_RIGHTS_RESERVED:
            holder = _HOLDER.search(statement)
            origin = holder.group(1).strip() if holder and holder.group(1).strip() else None
        else:
            origin = _origin(statement)
        return Licence(kind, statement, origin), start
    return None
