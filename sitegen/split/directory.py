"""A directory's cards: each a name over an address row, set apart from the next by a blank line.

A directory or a finder's results print one card a place: its name (a badge such as "★ FEATURED"
may stand over it), an address row under it ("Nantgaredig · 5.1 miles", "Capalaba QLD 4157",
"Quay Lane, Kendal LA9 4PQ"), its facts, a line or two about it, its fields and credit ("Listing by
…", "Last updated: …"), and a row of the page's buttons ("Reviews (41) · Add a review · View on
map"). The tagger, reading a few lines, runs cards together where they look like fields, or cuts
one at its description. Where three cards or more in a segment are so printed, each blank-line
group that opens so is one: `mend(texts, numbers, content, running, tags)` mends the tags (B, I,
O a line): a card with a line of running text starts at its name and ends over its buttons; a
card with none (a status, an address alone) is no item when another card follows it. Pure;
reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from sitegen.split.dates import dated
from sitegen.split.meta import COMPANY_END
from sitegen.split.ranks import RANK
from sitegen.split.roles import LOCATION, row_parts

CARDS = 3  # a segment of this many cards or more is a directory's
NAME_MAX = 70  # a card's name line is no longer
ROW_MAX = 90  # nor its address row
BADGE_MAX = 25  # a badge over the name ("★ FEATURED") is no longer
_REGION_CODE = re.compile(  # an Australian, Canadian or American address's state and code: "QLD 4157", "ON K1A 0B1", "NY 10001"
    r"\b(?:NSW|QLD|VIC|SA|WA|TAS|NT|ACT)\s\d{4}\b|\b(?:AB|BC|MB|NB|NL|NS|ON|PE|QC|SK)\s[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b[A-Z]{2}\s\d{5}\b"
    r"|^[A-Z][\w'’. -]{1,40}, [A-Z][\w'’. -]{1,30}\s[A-Z]{1,2}\d[A-Z\d]?(?:\s*·|$)")  # a British town and its postcode's first half: "Clifton, Bristol BS8"
_ACTION = re.compile(  # a button of the page under a card
    r"^(?:reviews?\s*\(\d+\)|\d+\s+reviews?|no reviews yet|add a review|write a review|view (?:on )?map|map|(?:get )?directions|message (?:this \w+|us)"
    r"|visit (?:the )?website|website|e-?mail|call(?: now)?|phone|share|save|book(?: now| online)?|enquire(?: now)?|contact|more info"
    r"|claim this listing|report (?:this|a problem))$",
    re.IGNORECASE,
)
_LINKS = re.compile(r"^\[[^\]]{1,30}\](?:\s+\[[^\]]{1,30}\])*$")  # "[View profile]  [Request a quote]"
_RATING = re.compile(r"\d(?:\.\d)?\s?★|★\s?\d|^rating:", re.IGNORECASE)  # "4.9 ★ (61)", "Rating: no reviews yet"
_PARTS = re.compile(r"\s+[·|•]\s+")
_STATUS = re.compile(  # a card's status in place of a description: "Sorry, this shop is no longer trading."
    r"\b(?:closed|no longer|not (?:accepting|taking|currently|recruiting)|fully booked|temporarily|permanently|vacancy filled"
    r"|waiting list|full for|moved to)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(  # a card's credit or date line: "Member since 2009", "Profile written by the member. Last updated: …"
    r"^(?:(?:guild |club )?member since \d{4}|last updated\b|(?:profile|description|listing|entry|information) (?:written |added |submitted |provided )?by\b"
    r"|(?:details|information|entry|listing) (?:last )?(?:checked|updated|verified|confirmed)\b)",
    re.IGNORECASE,
)
TEXT_MIN = 40  # a line of a card's description is at least this long
TEXT_WORDS = 7  # and has at least this many words
SENTENCE_WORDS = 4  # or is a sentence of this many ("Baby-friendly setting, cloth nappies welcome.")


class Cards(NamedTuple):
    """A segment's directory cards, as line indices."""

    starts: list[int]  # where the cards with text start (each stands for the place's own page: a fragment)
    names: set[int]  # every card's name line, with text or not


def mend(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], running: Sequence[bool], tags: list[str]) -> Cards:
    """Tag each card of a directory as one item (see the module's doc); the cards found."""
    groups = [card for group in _groups(numbers, content) for card in _cards(texts, group)]
    heads = [_name_at(texts, group) for group in groups]
    if sum(head is not None for head in heads) < CARDS:  # (with no address known: names over rows of facts, each card credited)
        heads = [_name_at(texts, group, facts=True) for group in groups]
        if sum(head is not None and any(_CREDIT.match(texts[j].strip()) for j in group) for head, group in zip(heads, groups)) < CARDS:
            return Cards([], set())
    starts = []
    for n, (group, head) in enumerate(zip(groups, heads)):
        if head is None:
            if starts and n and groups[n - 1][0] + (heads[n - 1] or 0) == starts[-1] and all(tags[j] == "I" for j in group):
                for j in group:
                    tags[j] = "O"  # the page's line under a card with its text ("Not listed? Members can log in …"): none of it
            continue
        card = group[head:]
        while len(card) > 2 and _buttons(texts[card[-1]]):
            card.pop()
        said = [j for j in card[2:] if (running[j] or _texty(texts[j])) and not _credit(texts[j])]
        status = len(said) == 1 and bool(_STATUS.search(texts[said[0]]))
        if not said or status:
            following = groups[n + 1] if n + 1 < len(groups) else []
            if status or not following or heads[n + 1] is not None or not any(running[j] or _texty(texts[j]) for j in following):
                for j in group:
                    tags[j] = "O"  # a status or an address alone: no item, and none of the card above
            continue
        for j in group:
            tags[j] = "O"
        tags[card[0]] = "B"
        for j in card[1:]:
            tags[j] = "I"
        starts.append(card[0])
    return Cards(starts, {group[head] for group, head in zip(groups, heads) if head is not None})


def _credit(text: str) -> bool:
    """A card's credit or date line ("Details last checked by the guild, October 2025"): no description."""
    text = text.strip()
    return len(text) <= ROW_MAX and _CREDIT.match(text) is not None


def _texty(text: str) -> bool:
    """A line of a card's description, wrapped or whole: many words, no row of facts."""
    text = text.strip()
    if _PARTS.search(text) or ": " in text[:30]:
        return False
    words = len(text.split())
    return len(text) >= TEXT_MIN and words >= TEXT_WORDS or words >= SENTENCE_WORDS and text.endswith((".", "!"))


def opens_card(texts: Sequence[str], facts: bool = False) -> bool:
    """Whether an item's first lines open a directory's card: its name (under a badge) over its
    address row (or, with `facts`, over any row of facts)."""
    return _name_at(texts, list(range(len(texts))), facts) is not None


def _groups(numbers: Sequence[int], content: Sequence[bool]) -> list[list[int]]:
    """The segment's content lines in runs with no blank line between (lines taken out end a run too)."""
    groups: list[list[int]] = []
    last = None
    for k, number in enumerate(numbers):
        if not content[k]:
            last = None
            continue
        if last is None or number != last + 1:
            groups.append([])
        groups[-1].append(k)
        last = number
    return groups


def _cards(texts: Sequence[str], group: list[int]) -> list[list[int]]:
    """A blank-line group cut at each card's name inside it (a name over an address row: cards
    printed with no blank line between them)."""
    cuts = [at for at in range(1, len(group) - 1) if _name(texts[group[at]].strip()) and _address(texts[group[at + 1]].strip())
            and not _badge(texts[group[at - 1]].strip())]
    if _name_at(texts, group) is not None:
        cuts = [at for at in cuts if at >= 2]  # (a card under its name and address: the next name is another's)
    else:
        cuts = [at for at in cuts if not dated(texts[group[at - 1]])]  # (an event's date row over its name and venue: one card)
    bounds = [0, *cuts, len(group)]
    return [group[a:b] for a, b in zip(bounds, bounds[1:])]


def _address(row: str) -> bool:
    """A card's address row: a distance, a postcode, a state's code or a telephone number after a
    place, on a short line that is no sentence."""
    return len(row) <= ROW_MAX and not row.endswith(".") and bool(LOCATION.search(row) or _REGION_CODE.search(row))


def _name_at(texts: Sequence[str], group: Sequence[int], facts: bool = False) -> int | None:
    """Where a card's name stands in a blank-line group (0, or 1 under a badge), when an address
    row is right under it (or, with `facts`, any row of facts); None for a group that opens no card."""
    for at in (0, 1):
        if at + 1 >= len(group):
            return None
        if at == 1 and not _badge(texts[group[0]].strip()):
            return None
        name, row = texts[group[at]].strip(), texts[group[at + 1]].strip()
        below = texts[group[at + 2]].strip() if at + 2 < len(group) else ""
        if _name(name) and (_address(row) or _facts(row) and (facts or _address(below))):
            return at  # (its services between: "Puppy classes · 1:1 training" over "Bristol BS3 · 1.4 miles")
    return None


def _facts(text: str) -> bool:
    """A short row of a card's facts, no sentence: "Puppy classes · 1:1 training · Reactive dog walks"."""
    return len(text) <= ROW_MAX and not text.endswith(".") and bool(_PARTS.search(text))


def _name(text: str) -> bool:
    """A line that may name a place: short, a capital first, no sentence, no field, no address, no row of facts."""
    if COMPANY_END.search(text):
        text = text[:-1]  # "Prudhoe Pedal Co.", "Hexham Joinery Ltd."
    text = RANK.sub("", text)  # a result's number before the name: "1. Avonside Clearance & Reuse"
    return (0 < len(text) <= NAME_MAX and text[:1].isupper() and not text.endswith((".", ":", ",", ";", "?", "!"))
            and not LOCATION.search(text) and ": " not in text and not _PARTS.search(text))


def _badge(text: str) -> bool:
    """A badge over a card's name: "★ FEATURED", "SPONSORED", "New"."""
    return len(text) <= BADGE_MAX and (text[:1] in "★☆✓✔" or text.isupper())


def _buttons(text: str) -> bool:
    """A row of the page's buttons or its rating under a card: "Reviews (41) · Add a review · View on
    map", "[View profile]  [Request a quote]", "Accredited · 4.9 ★ (61)"."""
    text = text.strip()
    if _LINKS.match(text) or _RATING.search(text) and len(text) <= BADGE_MAX:
        return True
    parts = row_parts(text)
    return bool(parts) and all(_ACTION.match(p) or _RATING.search(p) and len(p) <= BADGE_MAX for p in parts)
