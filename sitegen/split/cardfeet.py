"""The rows at the foot of an event's card: its price, its places, the body that runs it.

A calendar prints each event as a card: a date row, the event's name, a line or two about it,
then its foot — the price ("£28 · Booking required", "Free entry · donations to …", "Pay by
weight at the PYO hut"), the places left ("3 places left", "SOLD OUT") and a credit ("Organised
by the farm team", "Hosted by …", "Taught by …"), which ends the card. The tagger, reading a few
lines, often leaves the foot out: its rows read like the page's furniture. `mend(texts,
numbers, content, tags)` mends the tags (B, I, O a line) of a segment's lines: the foot's rows
printed right under an item's last line, with no blank line between, are in that item, up to
and with the credit. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_PRICE = re.compile(  # a card's price: "£28 · Booking required", "Free entry", "£18 adults · £8 under-12s"
    r"[£$€¥₹]\s?\d|\b\d+(?:[.,]\d\d)?\s?(?:EUR|GBP|USD|NZD|AUD|CAD)\b|^free\b|\bfree (?:entry|admission|event)\b"
    r"|\bpay what you (?:can|feel|like)\b|\bpay by weight\b|\bdonations?\b",
    re.IGNORECASE,
)
_PLACES = re.compile(  # the places left: "3 places left", "Fully booked", "Booking essential"
    r"^(?:\d+\s+(?:places?|spaces?|tickets?|seats?|spots?)\s+(?:left|remaining|available)|places? (?:left|available)|sold out"
    r"|fully booked|booking (?:required|essential|advised)|join (?:the )?waiting list)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(  # who runs the event: the card's last row
    r"^(?:organi[sz]ed|hosted|led|taught|facilitated|presented|run|delivered|coached|sponsored)\s+by\s+\S", re.IGNORECASE)
ROW_MAX = 90  # a row of a card's foot is no longer
PRICE_AT = 12  # a price row names its price within this many characters of its start ("£28", "Free entry", "Adults £6")
FOOT_ROWS = 3  # a card's foot has at most this many rows


def mend(texts: Sequence[str], numbers: Sequence[int], content: Sequence[bool], tags: list[str]) -> None:
    """Put the rows of an event card's foot (price, places, credit) printed right under an item's
    last line in that item: up to `FOOT_ROWS` of them, the credit the last."""
    lines = [k for k in range(len(texts)) if content[k]]
    for i, k in enumerate(lines):
        if tags[k] == "O" or i + 1 == len(lines) or tags[lines[i + 1]] != "O":
            continue
        foot = []
        for j in lines[i + 1 : i + 1 + FOOT_ROWS]:
            if tags[j] != "O" or numbers[j] != numbers[foot[-1] if foot else k] + 1 or not _foot_row(texts[j].strip()):
                break
            foot.append(j)
            if _CREDIT.match(texts[j].strip()):
                break
        for j in foot:
            tags[j] = "I"


def _foot_row(text: str) -> bool:
    """A row of a card's foot: a price, the places left, a credit; short, no sentence."""
    if len(text) > ROW_MAX or text.endswith("."):
        return False
    price = _PRICE.search(text)
    return bool(_CREDIT.match(text) or _PLACES.match(text) or price and price.start() <= PRICE_AT)  # (not a headline's "… tops $450,000")
