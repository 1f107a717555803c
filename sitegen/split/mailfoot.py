"""A mail's sign-off: the closing words and the signer's name under a newsletter's last section.

A members' mail prints its sections one under another and signs the whole at its foot:

    Ads are free to members. Send them to me by the 15th of the month.

    That's all for January. See you in Preston.

    Best wishes,
    Joanne Platt
    Branch Secretary, APT North West

The tagger ends the last section at the mail's foot, sign-off and all, which then names the
secretary as the section's writer. `cut(found, blocks, left)` ends the last item over the
sign-off — the valediction ("Best wishes,"), the signer's name and the lines under it (a post, an
address), and a closing line right over it ("That's all for January."), or that closing line over
the signers' line alone ("Tom & the Bubbles team") — when the segment holds
sections enough to be a mail's and no other item is so signed (a page of letters, each signed,
keeps its sign-offs; so does a section that greets its readers, "Hello everyone,", a letter). The lines let go become debris saying why. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitegen.split.boundary import Item
from sitegen.split.meta import is_person_name
from sitegen.split.text import Block, Debris, ends_sentence

SECTIONS = 3  # a segment of this many items or more may be a mail's sections
SIGNER_LINES = 3  # the signer's name and at most two lines under it close the item
SIGNERS_MAX = 60  # a signers' line under closing words is no longer ("Tom & the Bubbles team")
_VALEDICTION = re.compile(
    r"^(?:with )?(?:(?:best|kind|warm|warmest|many|all (?:good|best)) (?:wishes|regards|thanks)|regards|all the best"
    r"|yours (?:sincerely|faithfully|truly|ever)|cheers|thanks(?: again| all)?|see you (?:soon|there|then|all))\s*[,!.]?$",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:dear|hello|hi|hey|good (?:morning|afternoon|evening)|greetings)\b.{0,40},$", re.IGNORECASE)  # "Dear Ms Adeyemi,"
_CLOSING = re.compile(r"^that['’]?s (?:all|it|everything) (?:for|from)\b", re.IGNORECASE)  # "That's all for January."
_WHY = "a mail's sign-off under its last section (closing words, the signer's name and post): the whole mail's, signing none"


def cut(found: Sequence[Item], blocks: Sequence[Block], left: list[Debris]) -> tuple[list[Item], list[Debris]]:
    """The items with the last one ended over the mail's sign-off (see the module's doc), and the
    lines left outside with the sign-off's."""
    if len(found) < SECTIONS:
        return list(found), left
    signed = [_sign_off(item, blocks) for item in found]
    at = signed[-1]
    item = found[-1]
    if at is None or any(k is not None for k in signed[:-1]) or any(
            _GREETING.match(b.text.strip()) for b in blocks[item.start : at]):
        return list(found), left
    if at - 1 > item.start and _CLOSING.match(blocks[at - 1].text.strip()):
        at -= 1
    if at - item.start < 2:
        return list(found), left  # (a section that is its sign-off alone is no section)
    last = blocks[at - 1].line
    kept = replace(item, end=at, doubts=tuple(d for d in item.doubts if d[0] <= last))
    return [*found[:-1], kept], left + [Debris(b.line, b.text, _WHY) for b in blocks[at : item.end]]


def _sign_off(item: Item, blocks: Sequence[Block]) -> int | None:
    """Where the item's sign-off starts: a valediction among its last lines, the signer's name right
    under it; or the mail's closing words ("That's all for now. Reply to this email …") over the
    signers' line alone ("Tom & the Bubbles team")."""
    for k in range(max(item.start + 1, item.end - 1 - SIGNER_LINES), item.end - 1):
        text = blocks[k].text.strip()
        if _VALEDICTION.match(text) and is_person_name(blocks[k + 1].text.strip()):
            return k
        if _CLOSING.match(text) and all(len(b.text) <= SIGNERS_MAX and not ends_sentence(b.text) for b in blocks[k + 1 : item.end]):
            return k
    return None
