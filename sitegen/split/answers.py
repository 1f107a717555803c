"""A question's answer is part of it: an item that opens with the answer's by-line joins the question above.

Owns `join(found, blocks, left)` and `answerers(text)`. An advice column or a Q&A archive prints each reader's question,
signed, then the answer under its own by-line, perhaps under a label:

    Why does my new disc brake squeal only in the rain?
    I fitted new resin pads and a new rotor on my gravel bike …
    — Graham, Stroud
    ANSWER
    Answered by Kwame Asante, head mechanic at Gearbox Cycles
    Water plus resin pads plus a rotor that was never properly bedded in …

The tagger, reading a few lines either side, takes the reader's signature for the end of an
item and the capitalised by-line ("ANSWERED BY ELECTRICIAN PRITI SHAH") for the next one's
headline, or the by-line for the question's last line and the answer's text for a new item.
`join` makes an item that opens with an answer's by-line, or follows an item that ends with one,
one with the item right above it, when only answer labels ("ANSWER", "A:") stand between them;
the labels join too.
`questions` starts an item at each reader's question set apart over its asker's line ("Asked by
Leonie, Cheltenham · 2 March 2026"), which the tagger, taking the question for a paragraph, runs
on from the answer above.
`answerers` reads the writers such a by-line names (the answer's writers are the item's, the
reader who asked is none), and the member a council's answer names on a line of its own over it
("Response from the Leader of the Council, Cllr Fiona Ransome:"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item
from sitegen.split.meta import bare_name, capitalised, is_person_name
from sitegen.split.roles import byline_names
from sitegen.split.text import Block, Debris, ends_sentence

_ANSWERED = re.compile(r"^\s*(?:answered by|answer from|answer by)\s+\S", re.IGNORECASE)  # "Answered by NAME, role"
_WITH = re.compile(r",?\s+with\s+(?P<more>[^,]+)")  # "Answered by NAME, with Dr NAME, role"
_TRADE = re.compile(r"^(?:[a-z]+(?:ian|er|ist|or)|vet|chef|nurse|doctor|expert)$")  # "Electrician Priti Shah": the trade before the name
_RESPONSE = re.compile(r"^\s*(?:response|reply|answer) (?:from|by) (?P<who>[^:]{3,100}):\s*$", re.IGNORECASE)  # "Reply by Councillor NAME:"
_ASKER = re.compile(r"^\s*[—–-]\s*\S.{0,60}$")  # the asker's signature under the question: "— Name withheld", "— Jamie, Aviemore"
PARAGRAPH_MIN = 120  # an answer's first paragraph is no shorter
_LABEL = re.compile(r"^\s*(?:answer|our answer|the answer|a)\s*[:.]?\s*$", re.IGNORECASE)  # "ANSWER", "A:"


def join(found: Sequence[Item], blocks: Sequence[Block], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with each answer joined to its question above (the labels and the asker's signature
    between taken out of `left`)."""
    out: list[Item] = []
    for item in found:
        above = out[-1] if out else None
        between = range(above.end, item.start) if above else range(0)
        opened = above and _ANSWERED.match(blocks[item.start].text)
        answered = above and above.end - above.start > 1 and _ANSWERED.match(blocks[above.end - 1].text) and _paragraph(
            blocks[item.start].text)  # the item above ends on the answer's by-line, this opens with text: the answer
        if (opened or answered) and all(
                _LABEL.match(blocks[j].text) or _ASKER.match(blocks[j].text) for j in between):
            out[-1] = replace(above, end=item.end, doubts=above.doubts + item.doubts)
            lines = {blocks[j].line for j in between}
            left = [d for d in left if d.line not in lines]
        else:
            out.append(item)
    return out, left


def _paragraph(text: str) -> bool:
    """A line of running text, no headline: long, a sentence's end (the answer's first paragraph)."""
    return len(text) >= PARAGRAPH_MIN and ends_sentence(text)


_ASKED_BY = re.compile(r"^asked by\s+\S", re.IGNORECASE)  # "Asked by Leonie, Cheltenham · 2 March 2026"
ASKERS = 2  # a page of this many questions so asked or more


def questions(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], tags: list[str]) -> None:
    """Start an item at each question (a line ending "?") right over an "Asked by …" line and set
    apart by a blank line from the text above it, on a page of `ASKERS` such questions or more;
    tags are mended in place (B, I, O a line)."""
    asked = [k for k in range(1, len(texts)) if content[k] and content[k - 1] and _ASKED_BY.match(texts[k].strip())
             and texts[k - 1].rstrip().endswith("?") and numbers[k] == numbers[k - 1] + 1]
    if len(asked) < ASKERS:
        return
    for k in asked:
        above = next((j for j in range(k - 2, -1, -1) if content[j]), None)
        if tags[k - 1] == "I" and above is not None and tags[above] != "O" and numbers[k - 1] - numbers[above] > 1:
            tags[k - 1] = "B"


def answerers(text: str) -> list[str] | None:
    """The writers an answer's by-line names ("Answered by Kwame Asante, with Dr Sunita Rao, battery
    safety engineer", "ANSWERED BY ELECTRICIAN PRITI SHAH", "Response from the Leader of the Council,
    Cllr Fiona Ransome:" on a line of its own over the answer), or None for a line that is none."""
    response = _RESPONSE.match(text)
    if response:  # a council's answer to a question: the part that is a person under a title ("Cllr", "Dr")
        parts = [p.strip() for p in response.group("who").split(",")]
        names = [bare_name(p) for p in parts if bare_name(p) != p and is_person_name(bare_name(p))]
        return names[:1] or None
    answered = _ANSWERED.match(text)
    if not answered:
        return None
    rest = text[answered.end() - 1 :].strip()
    rest = capitalised(rest) if rest.isupper() else rest
    names = []
    for part in (rest, *(m.group("more") for m in _WITH.finditer(rest))):
        for name in byline_names(f"By {part}") or []:
            words = name.split()
            while len(words) >= 3 and _TRADE.match(words[0].lower()):
                words = words[1:]  # "Master Beekeeper Alun Prosser": the trade and its rank
            name = " ".join(words)
            if name not in names:
                names.append(name)
    return names or None
