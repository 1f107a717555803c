"""What stands in for blank lines on a page that has none.

A dump with no blank lines (a PDF's text, a mail, a page flattened by its scraper: about one in
six) prints one paragraph per line and no gaps, so the blank-line features of the tagger are all
zero there and an item's edges must be read from the lines alone. Owns the evidence such a page
still has, as features for the tagger (`tagger.describe`), given only to the lines of a segment
that is flat (fewer than one blank line in ten between its lines, `is_flat`; the tagger's own
blank-line features read `f` there, not 0: "no blank line above" is no evidence on such a page
that a line goes with the one before, as it is on a page that has them):

- `fl` on every line (and on its neighbours: `-1:fl`, `1:fl`);
- `fl:brk`: a break where a gap would be, a short line that starts with a capital and ends in
  no stop after a line that ends a sentence (a head after finished text), with what sits under
  it (`fl:brk=text`, `by`, `date`, …); `fl:span=N`, how many lines since the break before, and
  `fl:same` when that is the span before it too (a listing's teasers come at a steady beat, an
  article's subheadings do not); `fl:brk2` for a second such line right under a break (a head under
  its kicker, the next head under an item's date);
- `fl:rel=N`: its length against the longer of its neighbours (a head is short between long
  paragraphs, a paragraph is as long as the text around it);
- `fl:tail=N`: a short line between finished text and a head-shaped line (or the segment's end,
  when lines of its shape sit so elsewhere), and how many other lines of its shape sit so in the
  segment (an item's date, "Posted in …" or signature printed after each item's text: the end of
  the item above, not the start of the next; a kicker in capitals over each head: the page's);
  `fl:tailhead` when lines of that shape also sit under a head (then they open items);
- `fl:pre=N`: how many other short lines of the segment open with the same word and mark
  ("Results: Vegetables", "Results: Flowers"): heads printed to the page's template.

One pass over the segment and a count per shape; decides nothing alone. Pure functions on
strings and shapes. Must not read metadata (that is `assemble`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitegen.split.roles import LineShape
from sitegen.split.text import bucket

FLAT = 0.1  # a segment is flat when fewer than this share of its gaps between lines are blank
HEAD_MAX = 120  # a break, a tail or a templated head is never longer
_FIRST = re.compile(r"^([^\W\d_][\w’'-]{1,20})([:–—-]|\s)")
_DIGITS = re.compile(r"\d+")


def is_flat(gaps: Sequence[int]) -> bool:
    """A segment whose lines (gaps between them: blank lines) show fewer than one blank in ten."""
    inner = gaps[1:-1]
    return len(inner) >= 2 and sum(1 for g in inner if g) < FLAT * len(inner)


def _ends(s: LineShape) -> bool:
    """Finished text: a sentence of four words or more, or running text."""
    return s.running or s.sentence and s.words >= 4


def _short_head(text: str, s: LineShape) -> bool:
    """A short line that could open an item: a capital or a digit first, no stop, comma or colon last, not cut off."""
    first = text.lstrip("“\"‘'«(")[:1]
    return (0 < s.chars <= HEAD_MAX and not s.cut and not s.list_like and (first.isupper() or first.isdigit())
            and s.final not in (".", ",", ";", ":"))


def _tail_key(text: str, s: LineShape, kind: str) -> tuple[str, int, str]:
    """The shape of a line printed after each item's text: its kind, its length band, its first word
    (digits as N; a line in capitals, a section's kicker, as `CAPS`)."""
    word = "CAPS" if text.isupper() else _DIGITS.sub("N", text.split(maxsplit=1)[0].lower()) if text.split() else ""
    return kind, bucket(s.words, (3, 7)), word[:12]


def marks(texts: Sequence[str | None], shapes: Sequence[LineShape], kinds: Sequence[str], heads: Sequence[float],
          gaps: Sequence[int]) -> list[tuple[str, ...]]:
    """Per line (`None`: a line the segmenter took out; `kinds`: what each line is, as a head sees it;
    `heads`: each line's headline score; `gaps`: the blank lines before each line and after the last),
    the features of a flat segment; none when it is not flat."""
    n = len(texts)
    out: list[list[str]] = [[] for _ in range(n)]
    if not is_flat(gaps):
        return [()] * n
    content = [k for k in range(n) if texts[k] is not None]
    breaks: list[int] = []  # positions in `content`
    tails: dict[int, tuple[str, int, str]] = {}
    under_head: set[tuple[str, int, str]] = set()
    prefixes: dict[int, str] = {}
    last = False  # the segment's last line is a tail
    for j, k in enumerate(content):
        text, s = texts[k] or "", shapes[k]
        own = out[k]
        own.append("fl")
        above = shapes[content[j - 1]] if j else None
        below = content[j + 1] if j + 1 < len(content) else None
        widest = max(above.chars if above else 0, shapes[below].chars if below is not None else 0)
        if widest:
            own.append(f"fl:rel={bucket(s.chars / widest, (0.15, 0.3, 0.6, 1.0))}")
        short = _short_head(text, s)
        if short and above is not None and not _ends(above) and breaks and breaks[-1] == j - 1:
            own.append("fl:brk2")  # a second short line after a break: a head under a kicker, a by-line, or the next head after a tail
        if short and above is not None and _ends(above):
            own.append("fl:brk")
            own.append(f"fl:brk={kinds[below] if below is not None else 'end'}")
            breaks.append(j)
            if (below is None or heads[below] >= 0.5) and not s.running:
                tails[k] = _tail_key(text, s, kinds[k])
                last = below is None
        if j and heads[content[j - 1]] >= 0.5 and s.chars <= HEAD_MAX and not s.running:
            under_head.add(_tail_key(text, s, kinds[k]))
        if short and s.words >= 2:
            found = _FIRST.match(text)
            if found and found.group(2) != " ":
                prefixes[k] = found.group(1).lower() + found.group(2)
    for i, j in enumerate(breaks):
        span = j - breaks[i - 1] if i else j
        out[content[j]].append(f"fl:span={bucket(span, (1, 2, 3, 5, 8))}")
        if i >= 2 and span == breaks[i - 1] - breaks[i - 2]:
            out[content[j]].append("fl:same")
    counts = Counter(tails.values())
    for k, key in tails.items():
        if last and k == content[-1] and counts[key] < 2:
            continue  # the segment's last line is a tail only when lines of its shape end other items
        out[k].append(f"fl:tail={bucket(counts[key] - 1, (1, 2, 3))}")
        if key in under_head:
            out[k].append("fl:tailhead")
    seen = Counter(prefixes.values())
    for k, p in prefixes.items():
        out[k].append(f"fl:pre={bucket(seen[p] - 1, (1, 2, 3))}")
    return [tuple(x) for x in out]
