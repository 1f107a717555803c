"""Approximate matching: where does a pattern occur in a text with a few edits, and how alike are two strings?

Owns the edit-distance machinery behind re-anchoring: `edit_scores` is Myers'
bit-parallel algorithm (one pass over the text, the pattern's columns kept as
bits of a Python integer, so any pattern length works), `approximate_matches`
finds every passage within `max_errors` edits (insertions, deletions,
substitutions) of the pattern, and `similarity` is 1 − Levenshtein distance /
length. Must not know about annotations, prefixes or Markdown: `anchor` decides
what a match means.

Cost: O(len(text)) big-integer operations per search (a pattern of m
characters costs about m/64 machine words per operation), plus one short search
per candidate to find where it starts.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_CANDIDATES = 64  # best-scoring end positions examined per search


@dataclass(frozen=True, slots=True)
class Match:
    """`text[start:end]` is within `errors` edits of the pattern."""

    start: int
    end: int
    errors: int


def edit_scores(pattern: str, text: str, *, anchored: bool = False) -> list[int]:
    """For each end `j + 1`, the least number of edits turning `pattern` into a substring of `text` ending there.

    With `anchored`, the substring must start at the beginning of `text`, so the
    last score is the Levenshtein distance between `pattern` and `text`.
    """
    m = len(pattern)
    if m == 0:
        return [j + 1 if anchored else 0 for j in range(len(text))]
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = full, 0, m
    carry_in = 1 if anchored else 0
    scores = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry_in) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        scores.append(score)
    return scores


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if not b:
        return len(a)
    return edit_scores(a, b, anchored=True)[-1]


def similarity(a: str, b: str) -> float:
    """1.0 for equal strings, down to 0.0 for nothing in common."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - distance(a, b) / longest


def approximate_matches(pattern: str, text: str, max_errors: int) -> list[Match]:
    """Passages of `text` within `max_errors` edits of `pattern`, fewest errors first.

    One match per local minimum of the error count (a run of equally good ends
    counts once); at most MAX_CANDIDATES of them.
    """
    if not pattern or not text:
        return []
    scores = edit_scores(pattern, text)
    ends: list[tuple[int, int]] = []
    n = len(scores)
    j = 0
    while j < n:
        s = scores[j]
        if s <= max_errors and (j == 0 or scores[j - 1] > s):
            k = j
            while k + 1 < n and scores[k + 1] == s:
                k += 1
            if k + 1 >= n or scores[k + 1] > s:
                ends.append((s, j))
            j = k + 1
        else:
            j += 1
    ends.sort()
    matches = []
    for errors, j in ends[:MAX_CANDIDATES]:
        end = j + 1
        matches.append(Match(_start_of(pattern, text, end, errors), end, errors))
    return matches


def _start_of(pattern: str, text: str, end: int, errors: int) -> int:
    """Where the best alignment of `pattern` ending at `end` starts: search backwards, anchored at `end`."""
    lo = max(0, end - len(pattern) - errors)
    window = text[lo:end][::-1]
    back = edit_scores(pattern[::-1], window, anchored=True)
    best = min(range(len(back)), key=lambda k: (back[k], abs(k + 1 - len(pattern))))
    return end - (best + 1)


def context_similarity(expected: str, text: str, *, before: bool) -> float:
    """How alike `expected` is to the text right before (`before`) or right after a passage.

    `text` is what precedes the passage (or follows it). The best alignment of
    `expected` that ends where the passage starts (or starts where it ends) is
    used, so words inserted or removed at the junction cost like any other edit.
    """
    if not expected:
        return 1.0
    if not text:
        return 0.0
    reach = len(expected) + len(expected) // 2 + 4
    if before:
        pattern, window = expected[::-1], text[-reach:][::-1]
    else:
        pattern, window = expected, text[:reach]
    best = min(edit_scores(pattern, window, anchored=True))
    best = min(best, len(expected))  # aligning with nothing at all
    return 1.0 - best / len(expected)
