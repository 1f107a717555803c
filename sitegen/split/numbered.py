"""An article's numbered or bulleted list: its steps are its text, no items of their own.

A how-to or a workshop's blog post lists what was done under a subheading:

    What we did

    1. Took both soles off with a hot knife and cleaned the welts back to bare leather.
    2. Fed the uppers for three days with a lanolin conditioner.
    3. Re-stitched the welts by hand, with yellow waxed thread.

The tagger, reading a few lines at a time, takes each numbered sentence for the start of an
item (a ranked list's entries open the same way) and cuts the article there. `mend(texts, numbers,
content, tags)` tags such a run inside the article: three lines or more numbered 1, 2, 3 … on
consecutive lines, each a sentence (a ranked list's entries are headlines, with no stop), under
text the tagger put in an item — with the subheading over the run when the tagger left it out.
So too a run of three bulleted sentences or more on consecutive lines ("- Drip it in. An airline
tube …"), the points of an article a tagger reads as briefs. Pure; reads no metadata.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split.ranks import RANK
from sitegen.split.text import BULLET, ends_sentence, mail_heading

STEPS = 3  # a run of at least this many numbered sentences
HEADING_WORDS = 8  # a subheading over the run has at most this many words


def mend(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], tags: list[str]) -> None:
    """Tag each numbered list of an article's inside it (see the module's doc)."""
    for run in _runs(texts, numbers, content):
        above = [k for k in range(run[0] - 1, -1, -1) if content[k]][:2]
        if not above:
            continue
        heading = tags[above[0]] == "O" and len(texts[above[0]].split()) <= HEADING_WORDS and not ends_sentence(texts[above[0]]) and not (
            texts[above[0]].isupper() or mail_heading(texts[above[0]]))  # (not "IN BRIEF" over a page's briefs)
        inside = above[1:] if heading else above[:1]
        if not inside or tags[inside[0]] == "O":
            continue  # (a list under no item's text: a page's own, or a ranked list)
        for k in ([above[0]] if heading else []) + run:
            tags[k] = "I"


def _runs(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool]) -> list[list[int]]:
    """The runs of numbered sentences (1, 2, 3 …, one a line, no blank line between) of `STEPS` or
    more, and the runs of bulleted sentences so printed."""
    return _numbered(texts, numbers, content) + _bulleted(texts, numbers, content)


def _bulleted(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool]) -> list[list[int]]:
    """The runs of `STEPS` or more bulleted sentences, one a line, no blank line between ("- Drip it in. An airline tube …")."""
    out: list[list[int]] = []
    run: list[int] = []
    for k, text in enumerate(texts):
        if content[k] and BULLET.match(text) and ends_sentence(text.rstrip()) and (not run or numbers[k] == numbers[run[-1]] + 1):
            run.append(k)
            continue
        if len(run) >= STEPS:
            out.append(run)
        run = [k] if content[k] and BULLET.match(text) and ends_sentence(text.rstrip()) else []
    return out + [run] if len(run) >= STEPS else out


def _numbered(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool]) -> list[list[int]]:
    out: list[list[int]] = []
    run: list[int] = []
    for k, text in enumerate(texts):
        m = RANK.match(text) if content[k] else None
        follows = m is not None and run and int(m.group(1)) == len(run) + 1 and numbers[k] == numbers[run[-1]] + 1
        if m is not None and ends_sentence(text.rstrip()) and (follows or int(m.group(1)) == 1):
            if not follows:
                if len(run) >= STEPS:
                    out.append(run)
                run = []
            run.append(k)
            continue
        if len(run) >= STEPS:
            out.append(run)
        run = []
    return out + [run] if len(run) >= STEPS else out
