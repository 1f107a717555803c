"""A plain-text mail's underlined headings: each starts an item or the mail's own part.

A newsletter sent as plain text marks its sections with a heading underlined by a row of dashes
or equals signs of the heading's length ("Pasty of the month" over "------------------"). Such a
heading is no subheading: it starts an item, or heads the mail's own lines (its contents, its
sign-off), which the tagger leaves out. The tagger, reading a few lines, sometimes starts the
item at the text under the heading, or runs the section on from the one above. `mend(texts,
numbers, content, tags)` mends the tags (B, I, O a line) of a segment with two such headings or
more: a heading inside an item starts one; a heading left out over text that starts one starts
it instead. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_RULE = re.compile(r"^[-=~]{3,}$")  # the heading's underline
HEADINGS = 2  # a segment of this many underlined headings or more is a mail of sections
HEAD_WORDS = 3  # a heading left out that heads an item has at least this many words
SLACK = 2  # an underline is the heading's length, give or take this many characters


def mend(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], tags: list[str]) -> None:
    """Start an item at each underlined heading (see the module's doc)."""
    lines = [k for k in range(len(texts)) if content[k]]
    heads = [(lines[i], lines[i + 1]) for i in range(len(lines) - 1) if _underlined(texts, numbers, lines[i], lines[i + 1])]
    if len(heads) < HEADINGS:
        return
    for k, rule in heads:
        after = next((j for j in lines if j > rule), None)
        head = texts[k].strip()
        if head.isupper():
            continue  # a label over the mail's part ("IN BRIEF / EN BREF"): the tagger's to read
        if tags[k] == "I":
            tags[k], tags[rule] = "B", "I"  # (a section run on from the one above)
        elif tags[k] == "O" and after is not None and tags[after] == "B" and len(head.split()) >= HEAD_WORDS:
            tags[k], tags[rule], tags[after] = "B", "I", "I"  # (the item started under its heading; not a section's
            # name over its teasers, "National" over "--------")


def _underlined(texts: Sequence[str], numbers: Sequence[int], k: int, j: int) -> bool:
    """Whether line `k` is a heading underlined by line `j` right under it."""
    head, rule = texts[k].strip(), texts[j].strip()
    return (numbers[j] == numbers[k] + 1 and bool(_RULE.match(rule)) and not _RULE.match(head) and bool(head)
            and abs(len(rule) - len(head)) <= SLACK)
