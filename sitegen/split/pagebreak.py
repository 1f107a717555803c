"""A sentence broken at a page's foot goes on under it, in the item above.

Text taken out of a PDF prints each page's running foot between two lines of one sentence:

    None of this is new to the old hands, but we have

    Lighter Than Air · No. 87                         page 1 of 4

    a lot of new pilots and crew this year, and farmers

The segmenter takes the foot out; the tagger, reading a few lines, may leave the rest of the
sentence outside every item, or start an item with it. `mend(texts, content, tags)` tags it
inside the item above: a line of text opening in lower case, right under (past lines taken out
and blank lines only, one at least) an item's line of text that breaks off mid-sentence. So too a
paragraph left outside there that opens with a short heading as one inside the item does
("Results, Slaidburn" under "Results, Malham": the same first word, each a line of a few words
that ends no sentence). Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.text import ends_sentence, stops_mid_sentence

_ROW = re.compile(r"\s[·|•]\s")  # between the parts of a row of facts
WORDS = 6  # both lines have at least this many words: text, not a label or a link


def mend(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], tags: list[str]) -> None:
    """Tag each sentence's rest under a page's foot inside the item above it (see the module's doc)."""
    above = None  # the last content line
    start = None  # where the item above starts
    for k, text in enumerate(texts):
        if not content[k]:
            continue
        if above is not None and k > above + 1 and tags[above] != "O" and tags[k] != "I":
            if _goes_on(texts[above], text):
                tags[above + 1 : k + 1] = ["I"] * (k - above)  # (the foot between stays out: it was taken out)
            elif tags[k] == "O" and start is not None and _headed_alike(text, [texts[j] for j in range(start, above) if content[j]]):
                run = _paragraph(k, numbers, content, tags)
                tags[above + 1 : run[-1] + 1] = ["I"] * (run[-1] - above)
        if tags[k] == "B":
            start = k
        above = k


def _goes_on(broken: str, rest: str) -> bool:
    """`rest` opens in lower case, the rest of a sentence `broken` leaves unfinished."""
    opening = rest.lstrip()[:1]
    return (opening.islower() and len(rest.split()) >= WORDS and len(broken.split()) >= WORDS and stops_mid_sentence(broken)
            and not _ROW.search(broken))  # (a row's last part, "· 4 min read", breaks off no sentence)


HEADING_WORDS = 4  # a short heading of at most this many words


def _headed_alike(text: str, item: Sequence[str]) -> bool:
    """A short heading that ends no sentence, with the first word of such a heading inside the item."""
    return _heading(text) and any(line.split()[0] == text.split()[0] and line != text for line in item if _heading(line))


def _heading(text: str) -> bool:
    return 2 <= len(text.split()) <= HEADING_WORDS and not ends_sentence(text) and text[:1].isupper()


def _paragraph(k: int, numbers: Sequence[int], content: Sequence[bool], tags: Sequence[str]) -> list[int]:
    """The lines left outside from `k` down to the next blank line (or line taken out)."""
    run = [k]
    while (run[-1] + 1 < len(numbers) and content[run[-1] + 1] and numbers[run[-1] + 1] == numbers[run[-1]] + 1
           and tags[run[-1] + 1] == "O"):
        run.append(run[-1] + 1)
    return run
