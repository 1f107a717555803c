"""Anchoring: where in an article's plain text does an annotation's quote sit?

Owns matching a quote (a W3C TextQuoteSelector: `quote`, optional `prefix` and
`suffix`) against the plain text a reader sees — the text produced by
`sitegen.markdown` with its markup removed — and reporting how sure the match is.
Must not know about Markdown, HTML or files: it takes a string and returns offsets.

Matching rules:

* Whitespace is not significant: any run of whitespace in the quote, the
  prefix, the suffix or the text compares equal to one space, and leading and
  trailing whitespace of the quote is ignored. Offsets are mapped back to the
  original text, so `text[anchor.start:anchor.end]` is the passage as written
  (it starts and ends on a non-space character).
* When the quote occurs more than once, `prefix` (text just before the quote)
  and `suffix` (text just after) choose: each occurrence scores the number of
  characters of the prefix that match the text before it (compared from the
  quote outwards) plus those of the suffix that match the text after it; a tie
  is broken by how alike (edit distance) prefix and suffix are to the text
  around each occurrence, so an edit right next to the quote still leaves the
  right one ahead. The single best occurrence is "exact"; a tie for best is
  "ambiguous" and anchors to the first of the tied occurrences.
* No occurrence: re-anchoring (`closest`) looks for the passage most like the
  quote — within half the quote's length in edits, 256 at most
  (`fuzzy.approximate_matches`),
  each candidate scored on the quote's similarity, the prefix's and suffix's
  similarity to the text around it, and nearness to `hint` (the quote's old
  position, when known) — and accepts it as "fuzzy" when it is close enough
  (`close_enough`): a long quote (12 characters or more) at least 85% alike,
  or a quote at least half alike whose prefix/suffix are at least 80% alike.
  Otherwise "missing": the caller lists it, never drops it.

Cost: linear in the text per normalisation (`NormalisedText` can be built once
and reused for every annotation of an article) plus one `str.find` scan per
quote; a quote not found costs one approximate search (linear in the text, see
`fuzzy`). No regular expression runs on the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sitegen.annotate.fuzzy import approximate_matches, context_similarity
from sitegen.model import Annotation

# Whitespace runs that are not already a single plain space: only these need
# rewriting, so normalising typical prose touches a handful of places. Each
# branch starts with a one-character test, and neither can backtrack far.
_UNUSUAL_SPACE = re.compile(r"[^\S ]\s*| \s+")


class AnchorStatus(str, Enum):
    EXACT = "exact"  # one best occurrence
    AMBIGUOUS = "ambiguous"  # several equally good occurrences; anchored to the first
    FUZZY = "fuzzy"  # not in the text as quoted; re-anchored to the closest passage
    MISSING = "missing"  # the quote is not in the text, nor anything close enough


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found: `text[start:end]`, or nowhere (`start is None`).

    `count` is how many times the quote occurs (whitespace-normalised);
    `similarity` how alike the quote and the passage are (1.0 unless FUZZY).
    """

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    count: int = 0
    similarity: float = 1.0

    @property
    def found(self) -> bool:
        return self.start is not None


MISSING = Anchor(AnchorStatus.MISSING)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A text with whitespace runs collapsed, and the way back to the original offsets.

    `breaks[i]` is an offset in `text` from which on `shifts[i]` must be added
    to get back to an offset in `original`.
    """

    original: str
    text: str
    breaks: tuple[int, ...]
    shifts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> NormalisedText:
        parts: list[str] = []
        breaks: list[int] = []
        shifts: list[int] = []
        last = 0  # end of the previous run in `original`
        norm_len = 0
        for m in _UNUSUAL_SPACE.finditer(original):
            start, end = m.span()
            parts.append(original[last:start])
            parts.append(" ")
            norm_len += start - last + 1
            breaks.append(norm_len)
            shifts.append(end - norm_len)
            last = end
        parts.append(original[last:])
        return cls(original, "".join(parts), tuple(breaks), tuple(shifts))

    def to_original(self, offset: int) -> int:
        """Offset in `original` of the character at `offset` in `text`."""
        i = bisect_right(self.breaks, offset)
        return offset + (self.shifts[i - 1] if i else 0)


@dataclass(frozen=True, slots=True)
class Candidate:
    """The passage most like a quote that is not in the text: `original[start:end]`."""

    start: int
    end: int
    quote_similarity: float
    context_similarity: float | None  # of prefix and suffix together; None without either
    accepted: bool  # close enough to re-anchor the note there


QUOTE_ALONE = 0.85  # a quote this alike is re-anchored on its own (if long enough)…
QUOTE_ALONE_MIN_LENGTH = 12  # …short quotes resemble too many passages
QUOTE_WITH_CONTEXT = 0.5  # a quote this alike is re-anchored when its context agrees:
CONTEXT_AGREES = 0.8
MAX_ERRORS = 256  # edits searched for at most, whatever the quote's length: the search's cost grows with it
_WEIGHTS = {"quote": 50.0, "prefix": 20.0, "suffix": 20.0, "position": 2.0}  # as Hypothesis weighs them


def close_enough(length: int, quote_similarity: float, context_similarity: float | None) -> bool:
    """Whether a candidate passage may carry the note (see the module's matching rules)."""
    if quote_similarity >= QUOTE_ALONE and length >= QUOTE_ALONE_MIN_LENGTH:
        return True
    return (
        context_similarity is not None
        and quote_similarity >= QUOTE_WITH_CONTEXT
        and context_similarity >= CONTEXT_AGREES
    )


def closest(text: str | NormalisedText, ann: Annotation, hint: int | None = None) -> Candidate | None:
    """The passage most like `ann.quote` — the best close enough one if any, else the best of the rest
    (for messages) — or None when nothing is near.

    `hint` is where the quote used to start (an offset in `text`), when known.
    """
    norm = text if isinstance(text, NormalisedText) else NormalisedText.of(text)
    quote = " ".join(ann.quote.split())
    if not quote or not norm.text:
        return None
    pre = " ".join(ann.prefix.split()) if ann.prefix else ""
    suf = " ".join(ann.suffix.split()) if ann.suffix else ""
    best: tuple[bool, float, Candidate] | None = None  # accepted candidates first, then the best scored
    for match in approximate_matches(quote, norm.text, max(1, min(MAX_ERRORS, len(quote) // 2))):
        start, end = match.start, match.end
        while start < end and norm.text[start] == " ":
            start += 1
        while end > start and norm.text[end - 1] == " ":
            end -= 1
        if start >= end:
            continue
        parts = {"quote": 1.0 - match.errors / len(quote)}
        if pre:
            parts["prefix"] = context_similarity(pre, norm.text[:start].rstrip(), before=True)
        if suf:
            parts["suffix"] = context_similarity(suf, norm.text[end:].lstrip(), before=False)
        if hint is not None:
            parts["position"] = 1.0 - min(1.0, abs(norm.to_original(start) - hint) / max(1, len(norm.original)))
        score = sum(_WEIGHTS[k] * v for k, v in parts.items()) / sum(_WEIGHTS[k] for k in parts)
        context = [parts[k] for k in ("prefix", "suffix") if k in parts]
        context_alike = sum(context) / len(context) if context else None
        candidate = Candidate(
            norm.to_original(start),
            norm.to_original(end - 1) + 1,
            parts["quote"],
            context_alike,
            close_enough(len(quote), parts["quote"], context_alike),
        )
        if best is None or (candidate.accepted, score) > best[:2]:
            best = (candidate.accepted, score, candidate)
    return best[2] if best else None


def locate(text: str | NormalisedText, ann: Annotation, hint: int | None = None) -> Anchor:
    """Find `ann.quote` in `text`, using its prefix and suffix to choose among repeats;
    failing that, re-anchor it to the closest passage when that is close enough."""
    norm = text if isinstance(text, NormalisedText) else NormalisedText.of(text)
    quote = " ".join(ann.quote.split())
    if not quote:
        return MISSING
    starts = _occurrences(norm.text, quote)
    if not starts:
        near = closest(norm, ann, hint)
        if near is None or not near.accepted:
            return MISSING
        return Anchor(AnchorStatus.FUZZY, near.start, near.end, 0, near.quote_similarity)
    best = _best(norm.text, starts, len(quote), ann.prefix, ann.suffix)
    status = AnchorStatus.EXACT if len(best) == 1 else AnchorStatus.AMBIGUOUS
    start = best[0]
    end = start + len(quote)
    return Anchor(status, norm.to_original(start), norm.to_original(end - 1) + 1, len(starts))


def occurrences(text: str | NormalisedText, quote: str) -> list[tuple[int, int]]:
    """Every place `quote` occurs (whitespace-insensitive), as (start, end) offsets in the original text."""
    norm = text if isinstance(text, NormalisedText) else NormalisedText.of(text)
    needle = " ".join(quote.split())
    if not needle:
        return []
    return [(norm.to_original(s), norm.to_original(s + len(needle) - 1) + 1) for s in _occurrences(norm.text, needle)]


def locate_all(text: str, annotations: Iterable[Annotation]) -> tuple[Anchor, ...]:
    """`locate` for each annotation, normalising `text` once."""
    norm = NormalisedText.of(text)
    return tuple(locate(norm, ann) for ann in annotations)


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Start of every (possibly overlapping) occurrence of `needle`."""
    found: list[int] = []
    i = haystack.find(needle)
    while i != -1:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _best(
    text: str, starts: list[int], length: int, prefix: str | None, suffix: str | None
) -> list[int]:
    """The occurrences whose surroundings agree best with prefix and suffix."""
    if len(starts) == 1:
        return starts
    pre = " ".join(prefix.split()) if prefix else ""
    suf = " ".join(suffix.split()) if suffix else ""
    if not pre and not suf:
        return starts
    scores = []
    for s in starts:
        common = 0
        alike = 0.0
        if pre:
            before = text[max(0, s - len(pre) - 1) : s].rstrip()
            common += _common_suffix(before, pre)
            alike += context_similarity(pre, text[:s].rstrip(), before=True)
        if suf:
            e = s + length
            after = text[e : e + len(suf) + 1].lstrip()
            common += _common_prefix(after, suf)
            alike += context_similarity(suf, text[e:].lstrip(), before=False)
        scores.append((common, alike))  # context that agrees as written, then as edited
    top = max(scores)
    return [s for s, score in zip(starts, scores) if score == top]


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def selector_for(
    text: str | NormalisedText, start: int, end: int
) -> tuple[str, str | None, str | None]:
    """The selector for the passage `text[start:end]`: (quote, prefix, suffix).

    The quote is the passage with its whitespace collapsed. Prefix and suffix
    are added only when the quote occurs more than once, each as few whole words
    as make `locate` choose this very occurrence (prefix alone first, then
    suffix alone, then both, with growing context). Raises ValueError for a
    selection that holds no text.
    """
    norm = text if isinstance(text, NormalisedText) else NormalisedText.of(text)
    original = norm.original
    start, end = max(0, start), min(len(original), end)
    while start < end and original[start].isspace():
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValueError("the selection holds no text")
    quote = " ".join(original[start:end].split())
    if locate(norm, Annotation(quote)).count <= 1:
        return quote, None, None
    before, after = original[:start], original[end:]
    prefix: str | None = None
    suffix: str | None = None
    size = 16
    while True:
        prefix = _context_before(before, size) or None
        suffix = _context_after(after, size) or None
        for pre, suf in ((prefix, None), (None, suffix), (prefix, suffix)):
            if pre is None and suf is None:
                continue
            found = locate(norm, Annotation(quote, prefix=pre, suffix=suf))
            if found.status is AnchorStatus.EXACT and found.start == start:
                return quote, pre, suf
        if size >= len(before) and size >= len(after):
            return quote, prefix, suffix  # the text repeats itself around both: best effort
        size *= 2


def _context_before(before: str, size: int) -> str:
    """About `size` characters ending where `before` ends, starting at a word: a word cut
    in two is dropped, unless it is the only one, which is then taken whole."""
    start = max(0, len(before) - size)
    if start > 0 and not before[start - 1].isspace():
        space = re.search(r"\s+", before[start:])
        if space and before[start + space.end() :].strip():
            start += space.end()
        else:
            while start > 0 and not before[start - 1].isspace():
                start -= 1
    return re.sub(r"\s+", " ", before[start:]).lstrip()


def _context_after(after: str, size: int) -> str:
    """About `size` characters starting where `after` starts, ending at a word (as `_context_before`)."""
    end = min(len(after), size)
    if end < len(after) and not after[end].isspace():
        spaces = [m.start() for m in re.finditer(r"\s+", after[:end])]
        if spaces and after[: spaces[-1]].strip():
            end = spaces[-1]
        else:
            while end < len(after) and not after[end].isspace():
                end += 1
    return re.sub(r"\s+", " ", after[:end]).rstrip()
