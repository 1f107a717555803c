"""An article made of contributors' sections, each headed by its contributor's name.

A books-of-the-year page, a "what we're reading" round-up, a symposium: under one article's head
(headline, by-line or date) each contributor's part opens with their name ("MAREK NOWICKI,
novelist", "Olusegun Adeyemi") and runs on in their text. The tagger reads a name over text as
the signature of the text above (as on a letters page), and so cuts the page at every name. The
page shows which way round its names go: its first name stands right under the article's head,
before any text of its own — a signature never does. `headed_pages` finds such pages; the tagger
keeps each one item from its headline to its last contributor's section.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split.boundary import Item
from sitegen.split.meta import capitalised
from sitegen.split.roles import Role, byline_names, person
from sitegen.split.text import Block, Debris

__all__ = ["headed_pages", "join", "name_head"]

HEAD_LINES = 8  # the article's head (headline to the first name) is no longer
SECTION_LINES = 3  # a contributor's name is this close above their text (a book's line may stand between)
CONTRIBUTORS = 3  # a page of contributors has at least this many
NAME_HEAD_MAX = 90  # a name with its role is no longer


def name_head(text: str) -> bool:
    """A contributor's name heading their part, maybe with their role after a comma: "Olusegun
    Adeyemi", "MAREK NOWICKI, novelist", "ESTHER AND JACOB LEVY-MORGAN, booksellers", "DR RUTH
    ABERNETHY, GP and author of The Waiting Room"."""
    if len(text) > NAME_HEAD_MAX or text.rstrip().endswith((".", "?", "!", ":")):
        return False
    part = text.split(",", 1)[0].strip().strip("*")
    if not part or len(part.split()) > 6:
        return False
    if part.isupper():
        part = capitalised(part).replace(" And ", " and ")
    names = byline_names(f"By {part}")
    return bool(names) and all(person(n) for n in names)


def headed_pages(texts: Sequence[str], running: Sequence[bool], roles: Sequence[Role | None]) -> list[tuple[int, int]]:
    """The pages of contributors' sections: (the headline's index, the last name's index), for a
    headline over its head (a by-line, a date or a standfirst, no running text) whose last line is
    a name, then at least `CONTRIBUTORS` names in all, each over running text and the later ones
    under the text of the section above."""
    out: list[tuple[int, int]] = []
    n = len(texts)
    done = -1  # the last name of the page found last: no page starts inside it
    for k in range(n):
        if k <= done or roles[k] is not Role.TITLE or running[k]:
            continue
        first = None
        for j in range(k + 1, min(n, k + HEAD_LINES)):
            if roles[j] is None:
                continue
            if name_head(texts[j]) and _over_text(running, j):
                first = j  # (the first name stands where the text would start, under the head)
                break
            if running[j] and not (j == k + 1 and roles[j] is Role.STANDFIRST) or roles[j] is Role.TITLE:
                break  # text of its own (but a standfirst right under it), or another headline, before any name
        if first is None or not any(roles[j] in (Role.BYLINE, Role.DATELINE) for j in range(k + 1, first)):
            continue  # (the article's head names its compiler or gives its date)
        heads = [first]
        j = first + 1
        while j < n:
            if roles[j] is None:
                j += 1
                continue
            if _opens_section(texts, running, j) and running[j - 1] and name_head(texts[j]):
                heads.append(j)
            elif not running[j] and roles[j] is Role.TITLE and not _over_text(running, j):
                break  # a headline with no text under it: the page's next part
            j += 1
        if len(heads) >= CONTRIBUTORS and all(_over_text(running, h) for h in heads):
            out.append((k, heads[-1]))
            done = heads[-1]
    return out


def join(found: Sequence[Item], pages: Sequence[tuple[int, int]], blocks: Sequence[Block], left: Sequence[Debris]
         ) -> tuple[list[Item], list[Debris]]:
    """The items with each page of contributors (its headline's and its last name's block indexes)
    one item, from its headline to the end of its last section; the lines between no longer left out."""
    out = list(found)
    taken: set[int] = set()
    for head, last in pages:
        members = [it for it in out if it.end > head and it.start <= last + SECTION_LINES]
        if not members:
            continue
        end = max(it.end for it in members)
        page = Item(head, end, min(it.confidence for it in members), tuple(d for it in members for d in it.doubts))
        taken.update(blocks[k].line for k in range(head, end))
        out = sorted([it for it in out if it not in members] + [page], key=lambda it: it.start)
    return out, [d for d in left if d.line not in taken]


def _over_text(running: Sequence[bool], j: int) -> bool:
    return any(running[i] for i in range(j + 1, min(len(running), j + SECTION_LINES + 1)))


def _opens_section(texts: Sequence[str], running: Sequence[bool], j: int) -> bool:
    return not running[j] and _over_text(running, j)
