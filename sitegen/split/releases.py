"""A press release's notes to editors: end matter of the release above them, not an item.

Under a release's text (and its end mark, "ENDS", "-ends-", "###") a newsroom prints "Notes to
editors", then numbered notes ("1. Swiftline Cars holds private hire operator licences …"), an
"About X" paragraph and the media contact. The tagger, reading a few lines either side, sees the
heading and each numbered note as the start of an item; seen from the heading, they are the
release's. `mend(texts, running, tags)` mends the tags (B, I, O a line) of a segment's lines:
under a notes heading that follows a line in an item, the notes, "About X" and the contact lines
are in that item. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.text import is_list_item

_NOTES = re.compile(r"^(?:notes? (?:to|for) (?:the )?editors?|editors?['’]?s? notes)\s*:?$", re.IGNORECASE)  # (not a kicker's "Editor's note")
_END_MARK = re.compile(r"^(?:[-–—]*\s*ends?\s*[-–—]*|#{3}|[-–—]\s?30\s?[-–—])$", re.IGNORECASE)  # "ENDS", "-ends-", "###", "— 30 —"
_END_LABEL = re.compile(  # the labels of a release's end matter under its notes
    r"^(?:about\s.{2,80}|(?:media|press) (?:contacts?|enquiries|inquiries|office)|contacts?|for (?:more|further) information\b.*)$",
    re.IGNORECASE,
)
NOTES_LINES = 12  # the notes and end matter run at most this many lines under their heading
_PROVIDED = re.compile(r"^(?:news|content|release) (?:provided|distributed|issued) by\b", re.IGNORECASE)  # a newswire's head
_SOURCE = re.compile(  # a newswire's lines under a release's end mark
    r"^(?:source\s+\S|for (?:more|further) information\b|(?:media|press|public) (?:contacts?|enquiries|inquiries)\b|contacts?\s*:)",
    re.IGNORECASE,
)
_CONTACT_LABEL = re.compile(r"^(?:media|press) (?:contacts?|enquiries|inquiries|relations)\s*:?$", re.IGNORECASE)
CONTACT_ROWS = 4  # a media contact's name, post, phone and e-mail under its label, at most
_SOURCE_MARK = re.compile(r"^SOURCE\s+[A-Z]")  # a newswire's "SOURCE Prairie Taxi Owners Association" (its "-30-" a separator taken out)
HEADLINE_WORDS = 4  # a headline has at least this many words
HEADLINE_MAX_WORDS = 30  # and at most this many
_ROW = re.compile(r"\S\s{3,}\S|\s[|>›»]\s")  # a row of links or a breadcrumb trail
HEAD_REACH = 3  # a newswire's headline (and its second language's) at most this many lines over "News provided by"
START_REACH = 6  # and the start the tagger found at most this many under it (the issuer, the date, the share row)
TAIL_REACH = 10  # a release's end mark at most this many lines under its last line in an item (links, "About X" between)
SOURCE_LINES = 3  # and its source and contact lines under the mark
CONTACT_ROW_MAX = 100  # a row of a media contact is no longer
_ABOUT = re.compile(r"^about\s\S.{1,80}$", re.IGNORECASE)  # "About Eastside Boxing Academy", over the body's paragraph
ABOUT_LINES = 2  # the paragraph under "About X" runs at most this many lines


def mend(texts: Sequence[str], content: Sequence[bool], running: Sequence[bool], tags: list[str]) -> None:
    """Put a release's notes to editors (the heading, its numbered notes and paragraphs, "About X",
    the media contact) in the item of the release above them; on a newswire's page, start the
    release at its headline over "News provided by" and end
    it at the end mark ("-30-") with the source and contact lines under it."""
    _wire_head(texts, content, tags)
    _wire_tail(texts, content, running, tags)
    _notes(texts, content, running, tags)


def about_heading(text: str) -> bool:
    """A release's "About X" heading naming the body that issues it ("About the Whitmoor
    Bellfounding Trust"; not a site's "About us"): what its paragraph says of the body is the release's."""
    text = text.strip()
    return bool(_ABOUT.match(text)) and not text.endswith(".") and text.split()[1].lower() not in {"us", "me"}


def notes_heading(text: str) -> bool:
    """A release's "Notes to editors" heading (its numbered notes and "About X" under it are the release's)."""
    return bool(_NOTES.match(text.strip()))


def _headline(text: str) -> bool:
    """A line that reads as a headline: a few words, no sentence's stop, no row of links or crumbs."""
    text = text.strip()
    return HEADLINE_WORDS <= len(text.split()) <= HEADLINE_MAX_WORDS and not text.endswith(".") and not _ROW.search(text)


def _wire_head(texts: Sequence[str], content: Sequence[bool], tags: list[str]) -> None:
    """A newswire's release starts at its headline over "News provided by", the issuer, the date
    and the share row, not at the date the tagger read as a start."""
    for k, text in enumerate(texts):
        if not content[k] or not _PROVIDED.match(text.strip()):
            continue
        above = [j for j in range(k - 1, -1, -1) if content[j]][:HEAD_REACH]
        heads = [j for j in above if _headline(texts[j])]
        start = next((j for j in [j for j in range(k + 1, len(texts)) if content[j]][:START_REACH] if tags[j] == "B"), None)
        if not heads or start is None or any(tags[j] != "O" for j in range(heads[-1], k) if content[j]):
            continue
        first = heads[-1]  # (the second language's headline under it is its too)
        for j in range(first, start + 1):
            if content[j]:
                tags[j] = "I"
        tags[first] = "B"


def _wire_tail(texts: Sequence[str], content: Sequence[bool], running: Sequence[bool], tags: list[str]) -> None:
    """A release's links, "About X", end mark ("-30-", "###", "ENDS") and the source and contact
    lines under the mark are the release's, after its last line in an item."""
    opening = [j for j in range(len(texts)) if content[j]][:SOURCE_LINES]
    for j in opening:  # the segment opens under the mark (a separator the segmenter cut at): the lines are no item
        if not _SOURCE.match(texts[j].strip()):
            break
        tags[j] = "O"
    for k, text in enumerate(texts):
        if not (_END_MARK.match(text.strip()) or _SOURCE_MARK.match(text.strip())):
            continue
        last = next((j for j in range(k - 1, max(-1, k - 1 - TAIL_REACH), -1) if content[j] and tags[j] != "O"), None)
        if last is None:
            continue
        end, rows, about, contact = k, 0, 0, False
        for j in range(k + 1, min(len(texts), k + 1 + TAIL_REACH)):
            line = texts[j].strip()
            if not content[j]:
                if rows or about:
                    break  # (a share row the segmenter took out under the contact: the page's lines follow)
                continue
            if _SOURCE.match(line):
                if contact and _SOURCE_MARK.match(line):
                    for i in range(j, min(len(texts), j + TAIL_REACH)):  # "SOURCE X" printed after the media contact and
                        if tags[i] == "B":  # the wire's lines under it are outside (the release ends on its contact)
                            break
                        tags[i] = "O"
                    break
                contact = contact or bool(_CONTACT_LABEL.match(line))
                end, rows, about = j, CONTACT_ROWS if _CONTACT_LABEL.match(line) else 0, 0
            elif about_heading(line):
                end, rows, about = j, 0, ABOUT_LINES  # "About Judo Outaouais–Ottawa Valley" and its paragraph under it
            elif about and running[j]:
                end, about = j, about - 1
            elif rows and len(line) <= CONTACT_ROW_MAX and not line.endswith("."):
                end, rows = j, rows - 1  # the contact's name, post, phone and e-mail under its label
            else:
                break
        if end == k and not any(tags[j] == "O" for j in range(last + 1, k) if content[j]):
            continue  # (nothing left out between: the tagger's own end)
        tags[last + 1 : end + 1] = ["I"] * (end - last)  # (a mark the segmenter took out stays out, in no item's way)


def _notes(texts: Sequence[str], content: Sequence[bool], running: Sequence[bool], tags: list[str]) -> None:
    """A release's notes to editors go with the release above them."""
    for k, text in enumerate(texts):
        if not content[k] or not notes_heading(text):
            continue
        above = next((j for j in range(k - 1, -1, -1) if content[j] and not _END_MARK.match(texts[j].strip())), None)
        if above is None or tags[above] == "O":
            continue
        for j in range(k, min(len(texts), k + 1 + NOTES_LINES)):
            if not content[j]:
                continue
            line = texts[j].strip()
            if j > k and tags[j] == "O" or not (j == k or running[j] or is_list_item(line) or _END_LABEL.match(line)):
                break  # (what is neither a note nor the release's end matter: the page's, or the next item)
            tags[j] = "I"
        tags[above + 1 : k] = ["I"] * (k - above - 1)  # the end mark between
