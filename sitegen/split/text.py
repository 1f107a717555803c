"""Line-level facts about scraped text: entity debris, separators, web debris, sentence ends.

Owns the small vocabulary every other split module shares. Pure functions on
strings. Must not decide article boundaries.
"""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(nbsp|amp|quot|apos|lt|gt|#39|#8217|#8220|#8221)[,;]?", re.IGNORECASE)
_ENTITY_TEXT = {"nbsp": " ", "amp": "&", "quot": '"', "apos": "'", "lt": "<", "gt": ">",
                "#39": "'", "#8217": "’", "#8220": "“", "#8221": "”"}
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}")

SEPARATORS = re.compile(
    r"^(continue reading|read more|read the full (article|story)|keep reading|read next"
    r"|you may also like|you might also like|related( articles| stories| posts| content| reading)?"
    r"|recommended( for you| stories)?|more from [^.]{1,40}|more stories|most read|most popular"
    r"|trending( now)?|also read|see also)[.:…]*$",
    re.IGNORECASE,
)
RELATED_BLOCK = re.compile(
    r"^(you may also like|you might also like|related( articles| stories| posts| content| reading)?"
    r"|recommended( for you| stories)?|more from [^.]{1,40}|more stories|most read|most popular"
    r"|trending( now)?|also read|see also|read next)[.:…]*$",
    re.IGNORECASE,
)
GLUED_CONTINUE = re.compile(r"^(.*?[.!?\"”’)\]])\s*(Continue Reading|Read More)\s*$", re.IGNORECASE)
COOKIE = re.compile(
    r"\b(we use cookies|uses cookies|use of cookies|cookie (policy|settings|preferences|notice|banner)"
    r"|accept (all )?cookies|by continuing to (use|browse)|consent to (the use of )?cookies)\b",
    re.IGNORECASE,
)
COOKIE_BUTTON = re.compile(
    r"^(accept( all)?|reject( all)?|decline|allow( all)?( cookies)?|i agree|agree|ok|okay|got it|close"
    r"|manage (preferences|cookies|settings|options)|cookie settings|customi[sz]e|more options|learn more)[.!]?$",
    re.IGNORECASE,
)
WEB_DEBRIS = re.compile(
    r"^(table of contents|contents|advertisement|advertising|sponsored( content)?|share( this)?( article| story| post)?"
    r"|share on (facebook|twitter|x|linkedin|whatsapp|email)|print( this)?( article)?|email|tweet|facebook|linkedin"
    r"|whatsapp|copy link|link copied|subscribe( now)?|sign up|log ?in|skip to (main )?content|back to top"
    r"|scroll to top|listen to (this )?article|\d+ min(ute)?s? read|comments?|leave a comment|loading\.*"
    r"|image|video|photo)[.:!]?$",
    re.IGNORECASE,
)
FOLLOW = re.compile(
    r"^[Ff]ollow ((?:[A-Z][\w.’'-]+ ?){1,4}) on (?i:x|twitter|facebook|instagram|linkedin|bluesky|threads|mastodon)\b.*$",
)
SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]»]$")
BULLET = re.compile(r"^\s*(?:[•●▪◦‣·]|[*+-](?=\s))\s*(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def repair_entities(line: str) -> str:
    """Undo HTML entity debris ("&nbsp," → space, "&amp," → "&"), and fold the doubled spaces it leaves."""
    if "&" not in line:
        return line
    fixed = _ENTITY.sub(lambda m: _ENTITY_TEXT[m.group(1).lower()], line)
    if fixed != line:
        fixed = _SPACES.sub(" ", fixed)
    return fixed


def clean_line(line: str) -> str:
    """A raw line with entity debris repaired and outer white space (incl. no-break spaces) removed."""
    return repair_entities(line).strip(" \t\u00a0\u200b\ufeff")


def is_separator(line: str) -> bool:
    return bool(SEPARATORS.match(line))


def ends_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.rstrip()))


def word_count(line: str) -> int:
    return len(line.split())
