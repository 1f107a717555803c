"""The width a run of a dump's lines is hard-wrapped at, and the rule that tells a wrapped line.

A wrapper (a scraper, a text browser, a mail client) fills each line with words
up to a width W and starts the next line with the word that would not have
fitted: a line is wrapped when the next line's first word would have fitted on
it no longer (`fits`). That rule holds however ragged the lines are (each falls
short of W by less than the next word), so W is estimated from it:
`wrap_width` finds the one W that explains most of a run's lines, and
`line_widths` a width for each line from its neighbours, for runs whose
paragraphs were wrapped at different widths (a digest of mails from different
clients, a newsletter pasted together). Decides nothing about joining: `unwrap`
does that.
"""

from __future__ import annotations

import re

from sitegen.split.text import LEADING_LINK

MIN_WIDTH, MAX_WIDTH = 35, 100  # the widths a wrapped dump is cut at
OVER_SHARE = 0.03  # a wrapped run has at most this share of its lines longer than W (and two more)
MIN_JOINS = 3  # and at least this many lines that would be joined...
JOIN_SHARE = 0.35  # ...at least this share of the lines followed by another (a paragraph's lines)...
NEAR, NEAR_SHARE = 15, 0.6  # (or of those within NEAR characters of W: a page without blank lines, its heads and by-lines between short paragraphs)
LOWER_SHARE = 0.5  # ...and at least this share of those joins mid-sentence (the next line in lower case)
OVER_COST = 4  # choosing W, a line longer than it costs this many joins
NARROWER = 20  # a line this much narrower than W, followed by one in lower case, is still wrapped
HYPHENATED = re.compile(r"[^\W\d_]-$")  # "allot-" at the end of a line: the word goes on (`hyphenated`)
_FIRST_CHUNK = re.compile(r"\S+?-(?=[^\W\d_])|\S+")  # a wrapper may break "self-driving" after its hyphen
_CUT_OFF = ("...", "…")  # a teaser's text cut off by the site


def hyphenated(line: str) -> bool:
    """A line ending with a word and a hyphen ("allot-"): the word goes on. `HYPHENATED` is searched
    only in a line whose end (before a final line break, where "$" also matches) is a hyphen: at
    every position of the others it fails, and most lines are those."""
    return line.endswith(("-", "-\n")) and HYPHENATED.search(line) is not None


def first_word(line: str) -> str:
    found = _FIRST_CHUNK.match(line.lstrip())
    return found.group(0) if found else ""


def fits(line: str, following: str, width: int) -> bool:
    """`following`'s first word would have fitted at the end of `line` (wrapped at `width`)."""
    gap = 0 if hyphenated(line) else 1
    return len(line) + gap + len(first_word(following)) <= width


def opening(following: str) -> str:
    """How a line (stripped) that may go on from the line above opens: "lower" (mid-sentence),
    "figure" (a date's day or year, a list's number: no evidence either way) or "upper"."""
    first = (LEADING_LINK.sub("", following, count=1) if following[:1] == "[" else following)[:1]  # past a link's number: "[18]Dartmouth …"
    return "lower" if first.islower() else "figure" if first.isdigit() else "upper"


def too_long(filled: list[int]) -> bool:
    """Lines of these lengths (the blank ones left out) are too long, or too few, to be
    wrapped: the fast way out, as most dumps have paragraphs longer than any wrap width."""
    return sum(n > MAX_WIDTH for n in filled) > int(OVER_SHARE * len(filled)) + 2 or len(filled) < 2 * MIN_JOINS


def wrap_width(lines: list[str], lengths: list[int] | None = None) -> int | None:
    """The width W these lines are hard-wrapped at, or None when they are not wrapped: at most
    a few lines longer than W, many of a paragraph's lines (followed by a line) joined to the
    next by the rule, and most of those joins mid-sentence (the next line starts in lower case)."""
    lengths = lengths or [len(line.rstrip()) for line in lines]
    filled = [n for n in lengths if n]
    if too_long(filled):
        return None
    allowed = int(OVER_SHARE * len(filled)) + 2
    # a line of n characters followed by a word of w is joined when n <= W < n + 1 + w
    joined = [0] * (MAX_WIDTH + 2)  # difference arrays over W
    lower = [0] * (MAX_WIDTH + 2)
    figures = [0] * (MAX_WIDTH + 2)
    near = [0] * (MAX_WIDTH + 2)
    paragraph_lines = 0
    for k in range(len(lines) - 1):
        n, following = lengths[k], lines[k + 1].lstrip()
        if n < MIN_WIDTH // 2 or not following or lines[k].rstrip().endswith(_CUT_OFF):
            continue  # (a teaser cut off with "..." ends there: no evidence either way)
        paragraph_lines += 1
        if n <= MAX_WIDTH:
            near[max(n, MIN_WIDTH)] += 1
            near[min(n + NEAR, MAX_WIDTH) + 1] -= 1
        gap = 0 if hyphenated(lines[k].rstrip()) else 1
        low, high = max(n, MIN_WIDTH), min(n + gap + len(first_word(following)) - 1, MAX_WIDTH)
        if low <= high:
            joined[low] += 1
            joined[high + 1] -= 1
            opens = opening(following)
            if opens != "upper":
                counted = lower if opens == "lower" else figures
                counted[low] += 1
                counted[high + 1] -= 1
    longest = sorted(filled, reverse=True)
    floor = longest[allowed] if allowed < len(longest) else 0  # W may leave the `allowed` longest lines over it
    over = sum(MIN_WIDTH < n <= MAX_WIDTH for n in filled)  # lines longer than W (and no longer than any W)
    by_length = [0] * (MAX_WIDTH + 1)
    for n in filled:
        if n <= MAX_WIDTH:
            by_length[n] += 1
    best, score, joins, lowered, figured, near_best = None, 0, 0, 0, 0, 0
    running, running_lower, running_figures, running_near = 0, 0, 0, 0
    for width in range(MIN_WIDTH, MAX_WIDTH + 1):
        running += joined[width]
        running_lower += lower[width]
        running_figures += figures[width]
        running_near += near[width]
        over -= by_length[width]
        if width >= floor and running - OVER_COST * over > score:  # a line over W is a join missed
            best, score, joins, lowered, figured, near_best = width, running - OVER_COST * over, running, running_lower, running_figures, running_near
    if best is None or joins < MIN_JOINS or lowered < LOWER_SHARE * (joins - figured):
        return None
    if joins < JOIN_SHARE * paragraph_lines and joins < NEAR_SHARE * near_best:
        return None
    return best


NEIGHBOURS = 4  # a line's width is read from this many lines either side of it (blank lines left out)
SLACK = 6  # a line longer than the second longest near it by more than this is no line of their paragraph


def line_widths(lengths: list[int]) -> list[int]:
    """For each line (of `lengths` characters, 0 for a blank one), the width its paragraph was
    wrapped at, read from its neighbours: the second longest of the `NEIGHBOURS` non-blank
    lines either side of it and itself (a headline longer than the text under it does not count),
    or its own length when that is longer by `SLACK` at most. A greedy wrapper leaves every
    line of a paragraph short of W by less than a word, so the longest lines near a line show
    its W, however W varies from paragraph to paragraph; a line much longer than its
    neighbours is not one of theirs, and its width is theirs (the line is over it)."""
    filled = [k for k, n in enumerate(lengths) if n]
    capped = [lengths[k] if lengths[k] <= MAX_WIDTH else 0 for k in filled]
    widths = [0] * len(lengths)
    for i, k in enumerate(filled):
        window = sorted(capped[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1], reverse=True)
        second, own = window[1] if len(window) > 1 else window[0], capped[i]
        widths[k] = own if second <= own <= second + SLACK else second
    return widths


def ragged_widths(lines: list[str], lengths: list[int]) -> list[int] | None:
    """Each line's wrap width (`line_widths`) when these lines (of `lengths`, right-stripped)
    are hard-wrapped at widths that vary from paragraph to paragraph, or None when they are
    not: many of a paragraph's lines joined to the next by the rule at their own width, and
    most of those mid-sentence. (`wrap_width` tried first: it has the fast way out.)"""
    widths = line_widths(lengths)
    paragraph_lines = joins = lowered = figured = 0
    for k in range(len(lines) - 1):
        n, following = lengths[k], lines[k + 1].lstrip()
        if n < MIN_WIDTH // 2 or not following or widths[k] < MIN_WIDTH or lines[k].rstrip().endswith(_CUT_OFF):
            continue
        paragraph_lines += 1
        if not fits(lines[k].rstrip(), following, widths[k]):
            joins += 1
            opens = opening(following)
            lowered += opens == "lower"
            figured += opens == "figure"
    if joins < MIN_JOINS or joins < JOIN_SHARE * paragraph_lines or lowered < LOWER_SHARE * (joins - figured):
        return None
    return widths
