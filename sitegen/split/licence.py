"""Republication licences: recognise the statement, and name its kind and origin.

Owns `detect_licence(paragraph) -> (Licence, statement_start) | None`. Kinds:
Creative Commons (or "CC BY…") → cc; "republished / reproduced / reprinted
with (kind) permission / authorisation / agreement / authority / consent", or
"courtesy of" → permission; "All rights reserved", a "© YEAR HOLDER" notice
(also mangled: "¬", "Â©", "(c)"; also after a bio's sentence, or after what it
covers: "Text and photographs © 2025 …") or a permission withheld ("do not
reproduce without written permission", "subject to copyright") → all-rights-reserved. The statement is the
paragraph from the sentence that tells the text's provenance to its end,
verbatim; a bio sentence before it is not part of it. The origin is the
publication the statement names (the original publisher, or the holder of
the rights). Must not look beyond the paragraph it is given.
"""

from __future__ import annotations

import re

from sitegen.model import Licence, LicenceKind
from sitegen.split.firsts import initialled
from sitegen.split.memo import remembered

MAX_STATEMENT = 600  # a longer paragraph merely mentions a licence

_HINTS = (  # a cheap first test: every statement has one of these (lower-cased)
    "creative", "cc by", "cc-by", "cc0", "permission", "authori", "agreement", "consent", "arrangement", "courtesy", "rights reserved",
    "copyright", "©", "¬", "(c)",
)
_HINT = re.compile("|".join(map(re.escape, _HINTS)))  # one search instead of one per hint
_CC = re.compile(r"\bcreative commons\b|\bCC[- ]BY(?:-[A-Z]{2})*\b|\bCC0\b", re.IGNORECASE)
_PERMISSION = initialled(
    r"\b(republished|reproduced|reprinted|published|posted|shared|used|re-?posted|syndicated|reused)\b[^.]{0,80}?"
    r"\b(with|by) (the )?([\w-]+(’s|'s|s’|s') |(his|her|their|its|our|my) )?(kind |express |prior |written |gracious )?"
    r"(permission|authori[sz]ation|agreement|authority|consent|arrangement)\b"
    r"|\b(republished|reproduced|reprinted|published|shared)\b[^.]{0,40}?\bcourtesy of\b",
    re.IGNORECASE,
)
_COPYRIGHT_SIGN = r"(?:©|Â©|¬|\(c\)|\(C\)|&copy;?)"
_TEXT_WORDS = r"(?:text|words|content|recipes?|article|post)"
_COVERED = rf"(?:all\s)?(?:\w+\s(?:and|&)\s{_TEXT_WORDS}|{_TEXT_WORDS}(?:\s(?:and|&)\s\w+)?)"  # "All images and text", "Recipe"
_START = rf"(?:^|(?<=[.!?]\s)|(?<=\s[|·•]\s))\s*(?:{_COVERED}\s+)?"  # not a picture's credit alone
_RIGHTS = re.compile(  # at the start of the paragraph or of a sentence, maybe after what it covers ("Text and photographs ©")
    rf"\ball rights reserved\b|{_START}{_COPYRIGHT_SIGN}\s*(?:copyright\s*)?\d{{4}}\b|{_START}copyright\s*{_COPYRIGHT_SIGN}?\s*\d{{4}}\b"
    rf"|^\s*(?:copyright\s*)?{_COPYRIGHT_SIGN}\s*(?:copyright\s*)?(?-i:[A-Z])[^.]{{0,80}}$"  # "© Jane Hill 2024", "© The Ledger Ltd"
    rf"|(?:^|(?<=\s[|·•]\s))\s*(?:copyright\s*)?{_COPYRIGHT_SIGN}\s*(?-i:[A-Z])[^.|]{{0,60}}?\b(?:19|20)\d\d\b"  # "© Jane Hill 2026. Please ask …"
    rf"|^\s*{_COVERED}\s+{_COPYRIGHT_SIGN}\s*(?-i:[A-Z])[^.]{{0,80}}(?:\.|$)"  # "Text © Town Museum. Please ask …", "Recipe © X."
    rf"|^\s*{_COPYRIGHT_SIGN}\s*(?-i:[A-Z])[^.]{{0,80}}\.\s"  # "© The Patchwork Society. Reproduced from …"
    rf"|^\s*copyright\s+(?-i:[A-Z])[^.]{{0,60}}\b\d{{4}}\.?$"  # "Copyright Jane Hill 2024"
    r"|\b(?:do not|don[’']t|may not|must not|cannot|not be|not to be|no part\b[^.]{0,40}?\bmay be)\s(?:[^.]{0,40}?\s)?"
    r"(?:reproduced|reprinted|republished|copied|used|reproduce|reprint|republish|copy)\b[^.]{0,60}?\bwithout\s"
    r"(?:the |our |prior |express |written |the express |[\w-]+[’']s )*(?:written )?(?:permission|consent)\b"  # withheld: "do not copy without permission"
    r"|\bask (?:\w+ )?before (?:reproducing|republishing|reprinting|copying|reusing|using)\b"
    r"|\bsubject to copyright\b",
    re.IGNORECASE,
)
_HOLDER = re.compile(
    rf"^(?:copyright\s*)?{_COPYRIGHT_SIGN}?\s*(?:copyright\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s*)?"
    r"(?P<holder>.+?)(?:[.,]?\s*all rights reserved\b.*|\.?\s*)$",
    re.IGNORECASE,
)
_COVERS = re.compile(  # what a notice covers, before its sign: "Text and photographs ©", "All images and text ©", "Recipe ©"
    r"^(?:all\s)?(?:\w+\s(?:and|&)\s)?(?:text|words|photos?|photographs|pictures|images|content|recipes?|article|post)"
    r"(?:\s(?:and|&)\s\w+)?\s+(?=©|\(c\)|copyright)",
    re.I,
)
_PART = re.compile(r"\s[|·•]\s")  # between the fields of a line of facts
_CLAUSE = re.compile(r"\b(?:is|are|was|were|may|must|do|does|not)\b")  # a sentence, not a holder's name
_LEAD = r"((?:the )?[A-Z][^,.;:]{1,60}?)"
_STOP = r"(?=[,.;]| is | was | on | under | with | and (?:is|was|has|are|were|it)\b|$)"
_ORIGIN_PATTERNS = [
    re.compile(rf"\b(?:republished|reproduced|reprinted|adapted|syndicated|reposted) (?:here )?from {_LEAD}{_STOP}"),
    re.compile(rf"\bfirst (?:published|appeared|ran) (?:on|in|by|at) {_LEAD}{_STOP}"),
    re.compile(rf"\bSubstack(?: email| newsletter| blog| page)?,? {_LEAD}{_STOP}"),
    re.compile(rf"\b(?:previously|originally) (?:appeared|published|ran|posted) (?:on|in|by|at) (?:his |her |their |the )?{_LEAD}{_STOP}"),
    re.compile(rf"\b(?:produced|published|distributed) by {_LEAD}(?=, a project|, an? ){_STOP}"),
    re.compile(rf"\b(?:produced|published|distributed) by {_LEAD}{_STOP}"),
    re.compile(r"^(?:The )?([A-Z][\w .&’'-]{1,60}?)’s [^.]{0,60}\bproduced this\b"),
    re.compile(rf"\b(?:courtesy of|by permission of|permission (?:of|from)|arrangement with|agreement with) {_LEAD}{_STOP}"),
    re.compile(rf"\b(?:appeared|appears) (?:originally )?(?:on|in) {_LEAD}{_STOP}"),
]
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=\w))*(?:[.!?]+[”\"’')]?|$)\s*")  # "£18.99" does not end a sentence
_PROVENANCE = re.compile(  # a sentence about this text's provenance, before the one that licenses it
    r"\b(this|the) (article|post|piece|story|content|essay|column|commentary|op-ed|report|text|version|interview|letter|work"
    r"|material|document|feature|review|newsletter)\b"
    r"|\bit (was|is|has been) \w+ed\b|\b(originally|first) (published|appeared|ran)\b|^\s*(?:©|¬|\(c\))"
    r"|^\s*(?:extracted|excerpted|adapted|taken|recipes?) from\b",
    re.IGNORECASE,
)
_GRANTS = initialled(
    r"\b(republish\w*|reproduc\w*|reprint\w*|licen[sc]ed|published|distributed|shared|available|used|under"
    r"|publié\w*|publicad\w*|veröffentlicht|lizenz\w*|licencia\w*|sous|bajo|unter)\b|\blicen[sc]e\s*:", re.IGNORECASE
)


@remembered
def detect_licence(paragraph: str) -> tuple[Licence, int] | None:
    """The licence a paragraph states, and the offset where its statement starts; None if it states none."""
    if len(paragraph) > MAX_STATEMENT:
        return None
    lower = paragraph.lower()
    if not _HINT.search(lower):
        return None
    for kind, pattern in (
        (LicenceKind.CC, _CC),
        (LicenceKind.PERMISSION, _PERMISSION),
        (LicenceKind.ALL_RIGHTS_RESERVED, _RIGHTS),
    ):
        match = pattern.search(paragraph)
        if not match:
            continue
        if kind is LicenceKind.CC and not _GRANTS.search(_sentence_at(paragraph, match.start())):
            continue  # "the Creative Commons movement" is not a licence
        start = statement_start(paragraph, match.start())
        start = max([start] + [m.end() for m in _PART.finditer(paragraph, start, match.start() + 1)])  # "ID: 0081 | © NordPress AB"
        statement = paragraph[start:].strip()
        if kind is LicenceKind.ALL_RIGHTS_RESERVED:
            origin = _holder(statement)
        else:
            origin = origin_of(statement)
        return Licence(kind, statement, origin), start
    return None


def origin_of(statement: str) -> str | None:
    """The publication a republication statement names, or None."""
    for pattern in _ORIGIN_PATTERNS:
        match = pattern.search(statement)
        if match:
            return match.group(1).strip().rstrip("’'")
    return None


def _holder(statement: str) -> str | None:
    match = _HOLDER.match(_COVERS.sub("", statement.strip()))  # "Text and photographs © 2025 NAME"
    holder = re.split(r"\.\s|\s[|·•]\s", match.group("holder"), maxsplit=1)[0].strip(" .,") if match else ""
    holder = re.sub(r",?\s*\d{4}(?:\s*[-–]\s*\d{4})?$", "", re.sub(r"^by\s+", "", holder, flags=re.IGNORECASE))  # "© NAME 2024"
    if not holder or len(holder) > 80 or holder.lower().startswith(("all rights", "copyright")) or _CLAUSE.search(holder):
        return None
    if re.search(r"\b(?:Inc|Ltd|Co|Corp|Pte|Pty|Bhd|Plc|S\.A|N\.V)$", holder) and statement.strip().startswith(holder.join(("", ".")), statement.find(holder)):
        holder += "."  # "Nikkei Inc." keeps its full stop
    return holder


def statement_start(paragraph: str, offset: int) -> int:
    """Where the statement begins: the sentence holding `offset`, extended back over
    sentences that also tell the text's provenance (a bio sentence before them is not part of it)."""
    sentences = [m.start() for m in _SENTENCE.finditer(paragraph) if m.group().strip()]
    if not sentences:
        return 0
    index = max((i for i, start in enumerate(sentences) if start <= offset), default=0)
    while index > 0 and _PROVENANCE.search(paragraph[sentences[index - 1] : sentences[index]]):
        index -= 1
    return sentences[index]


def _sentence_at(paragraph: str, offset: int) -> str:
    for match in _SENTENCE.finditer(paragraph):
        if match.start() <= offset < max(match.end(), match.start() + 1):
            return match.group()
    return paragraph
