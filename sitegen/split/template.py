"""The page's own template for the start of an item: heads that look alike.

A page of items with no separators (a newsletter's notes, a candidates' page, a club's results,
a digest) prints each item's head the same way: the same case pattern, about the same length,
the same punctuation, a leading number or none, and the same kind of line under it (text, a
by-line, a date). A short line that sits where an item could start — after a line that does not
break off, over running text, a by-line or a date — and has the shape of other such lines of its segment is likely a start too,
whatever role its words alone earned it ("Sports Day" reads as a label, "Priya Desai, Liberal
Democrats" as a signature). Its subheadings vary more, and sit after text that goes on.

`marks` gives each line its features for the tagger (`tagger.describe`): `head` for a line
where an item could start, and `tmpl=N`, how many other such lines of the segment share its
shape (0, 1, 2, 3 or more), `tmpl1` when it has the shape of the segment's first. One pass over
the segment, no second decoding. Pure functions; decides nothing alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split.roles import LineShape
from sitegen.split.text import bucket

HEAD_MAX = 120  # a head is never longer


def key(text: str, s: LineShape, under: str) -> tuple[bool, int, str, bool, str]:
    """The shape of a head: in capitals or not, its length band (up to two words, three to
    eight, more), its final mark, a leading digit, and the kind of line under it."""
    return text.isupper(), bucket(s.words, (3, 9)), s.final if s.final in ".?!:)" else "", text[:1].isdigit(), under


def marks(texts: Sequence[str | None], shapes: Sequence[LineShape], kinds: Sequence[str]) -> list[tuple[str, ...]]:
    """Per line (`None`: a line the segmenter took out; `kinds`: what each line is, as a head sees
    the line under it), the template features of the lines where an item could start."""
    n = len(texts)
    content = [k for k in range(n) if texts[k] is not None]
    heads: dict[int, tuple[bool, int, str, bool, str]] = {}
    for j, k in enumerate(content):
        s = shapes[k]
        if s.chars > HEAD_MAX or s.running or s.list_like or s.words == 0 or j + 1 >= len(content):
            continue
        below = content[j + 1]
        above = shapes[content[j - 1]] if j else None
        ended = above is None or not above.cut
        if ended and (kinds[below] == "text" and shapes[below].running or kinds[below] in ("by", "date")):
            heads[k] = key(texts[k] or "", s, kinds[below])
    counts: dict[tuple[bool, int, str, bool, str], int] = {}
    for h in heads.values():
        counts[h] = counts.get(h, 0) + 1
    first = heads[min(heads)] if heads else None
    out: list[tuple[str, ...]] = [()] * n
    for k, h in heads.items():
        found = ["head", f"tmpl={bucket(counts[h] - 1, (1, 2, 3))}"]
        if h == first and k != min(heads):
            found.append("tmpl1")
        out[k] = tuple(found)
    return out

