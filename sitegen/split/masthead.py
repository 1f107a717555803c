"""The site a dump was scraped from, as its head names it: the masthead's name and the menu's entries.

Owns `Masthead`: what the first lines of a dump say the site is called ("PORT HILLS PEST
FREE | Ōtautahi Christchurch", "Roll Bounce Roller Rink · Leeds") and what its menu row
lists ("Home | News | Real Weddings | Blog"). A by-line that gives one of these ("Posted by
Port Hills Pest Free", "October 2026 · Real Weddings") names the site or a section of it,
not a writer (`names_the_site`); a line further down that opens with the masthead's name and goes
on after a separator is the masthead printed again (`again`). Built from the first non-blank
lines, so a streamed dump knows it before its first article.
"""

from __future__ import annotations

import re

HEAD_LINES = 4  # the non-blank lines at the top of a dump that hold its masthead and menu
MENU_ENTRIES = 4  # a head line of this many entries or more is a menu row
HANDLE_MIN = 6  # a handle made of the site's name run together is at least this long
GROUP_WORDS = 4  # a masthead's name of this many words is a group's or a place's, not a person's
AGAIN_MAX = 100  # the masthead printed again further down is no longer
NAME_WORDS = 5  # a site's name has at most this many words
_SEPARATOR = re.compile(r"\s+[|·•–—]\s+|\s+-\s+|\s{2,}|\s*\|\s*")
_GROUP_NOUNS = frozenset({  # a word of a site named after a group or a place, not a person (not a trade: "Photography")
    "club", "society", "association", "trust", "network", "council", "committee", "group", "alliance", "foundation",
    "union", "federation", "league", "guild", "collective", "cooperative", "co-op", "school", "church", "centre",
    "center", "rink", "arena", "hub", "farm", "camp", "lodge", "garden", "gardens", "reserve", "park", "village",
    "beach", "harbour", "valley", "island",
})


_SMALL = frozenset("a an and at by for in of on or the to & de du la le des van von".split())  # small words inside a name


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class Masthead:
    """The names a dump's head gives the site: its masthead's name and its menu's entries."""

    __slots__ = ("_lines", "_name", "_menu", "_titled")

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._name = ""  # the masthead's name, folded: the first line's first part
        self._titled = False  # it is written as a name is: every word capitalised, small words aside
        self._menu: set[str] = set()

    @property
    def full(self) -> bool:
        """Whether the head is read: later lines are not looked at."""
        return len(self._lines) >= HEAD_LINES

    def add(self, text: str) -> None:
        """Read one cleaned line of the dump, in order (only the first non-blank ones count)."""
        if not text or len(self._lines) >= HEAD_LINES:
            return
        self._lines.append(text)
        parts = [p for p in _SEPARATOR.split(text) if p.strip()]
        if len(self._lines) == 1 and parts and len(parts[0]) <= 60:
            self._name = _fold(parts[0])
            self._titled = all(w[:1].isupper() or not w[:1].isalpha() or w in _SMALL for w in parts[0].split())
        if len(parts) >= MENU_ENTRIES:
            self._menu.update(_fold(p) for p in parts if len(p) <= 40)

    def again(self, text: str) -> bool:
        """Whether a line further down is the site's masthead printed again: its name first, written as
        a name is, then a part after a separator ("Streetlight | Cape Town's street newspaper" over the
        next story; not "Markets today – Asia Times", a headline first in the dump and again)."""
        if not self._name or len(text) > AGAIN_MAX or not text.casefold().startswith(self._name):
            return False
        if len(self._name.split()) > NAME_WORDS or not self._titled:
            return False  # a first line of many words, or in lower case ("Markets today"), is a headline
        parts = [_fold(p) for p in _SEPARATOR.split(text) if p.strip()]
        return len(parts) >= 2 and parts[0] == self._name

    def is_the_masthead(self, name: str) -> bool:
        """Whether `name` is the masthead's name itself ("Visit Ceredigion" over the page)."""
        return bool(self._name) and _fold(name) == self._name

    def names_the_site(self, name: str) -> bool:
        """Whether a by-line's `name` is the site's or a section's: an entry of its menu ("Real
        Weddings"), its masthead's name when that is no person's ("Port Hills Pest Free": four words
        or more, or a group's word), or the start of it when the rest names a group or a place
        ("Roll Bounce" of "Roll Bounce Roller Rink"), or a handle made of its last words run together
        ("tirtasari" for "Gamelan Tirta Sari", a masthead of three words or more)."""
        folded = _fold(name)
        if not folded:
            return False
        if folded in self._menu:
            return True
        if name.islower() and " " not in name and len(name) >= HANDLE_MIN and len(self._name.split()) >= 3 and (
            self._name.replace(" ", "").endswith(folded)
        ):
            return True  # "tirtasari" posting for "Gamelan Tirta Sari": the site's own account
        if folded == self._name:  # a person's own site ("Freya Lindgren | Jeweller") is hers to sign
            return len(folded.split()) >= GROUP_WORDS or not _GROUP_NOUNS.isdisjoint(folded.split())
        if not self._name.startswith(folded + " "):
            return False
        return not _GROUP_NOUNS.isdisjoint(self._name[len(folded):].split())
