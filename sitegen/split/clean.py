"""Cleaning scraped lines: entity debris, invisible white space, and web debris.

Owns `clean_line` (a raw line with HTML-entity debris repaired — "&nbsp," →
space, "&amp," → "&" — and outer white space removed; nothing else of the
line changes) and the recognisers of page furniture that is not anyone's
text: separators between articles ("Continue Reading"), related-links blocks
("You May Also Like"), cookie banners, tables of contents, share buttons,
"Follow NAME on X" lines, "Read more: …" links, newsletter boxes. Must not decide article
boundaries (that is `segment`) or drop anything itself: it only names the reason.
"""

from __future__ import annotations

import html.entities
import re

from sitegen.split.firsts import Folded, initialled
from sitegen.split.memo import remembered
from sitegen.split.text import LINK_NUMBER, MARKDOWN_HEADING, MARKDOWN_LINK, may_hold

# An entity whose ";" became "," (or vanished): "&nbsp," "&amp," "&#8217;" "&rsquo;"
_NBSP = re.compile(r"[ \t\u00a0]*&(?:nbsp|#160|#x0*a0)(?:[;,]|(?![A-Za-z0-9]))[ \t\u00a0]*", re.IGNORECASE)
_ENTITY = re.compile(r"&(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,30})([;,])?")
_BARE_OK = {"amp", "quot", "lt", "gt", "apos"}  # also repaired without ";" or ","
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_EDGE = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$")


def _entity(match: re.Match[str]) -> str:
    name, end = match.group(1), match.group(2)
    if name.startswith("#"):
        if end is None:
            return match.group()
        try:
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else match.group()
        except ValueError:
            return match.group()
    if end is None and name.lower() not in _BARE_OK:
        return match.group()
    char = html.entities.html5.get(name + ";") or html.entities.html5.get(name.lower() + ";")
    return char if char else match.group()


def repair_entities(line: str) -> str:
    """Undo HTML-entity debris. A no-break space entity and the white space touching it become
    one space; "&amp," "&quot;" "&#8217;" become their character. Nothing else changes."""
    if "&" not in line:
        return line
    line = _NBSP.sub(" ", line)
    return _ENTITY.sub(_entity, line) if "&" in line else line


def clean_line(raw: str) -> str:
    """A raw dump line with its entity debris repaired and its outer white space removed
    (including no-break spaces and zero-width characters); "" for a blank line. A line that is
    all one Markdown emphasis or link ("*Tom Ashworth · 25 February 2025*", "**By NAME**",
    "### [Title](/tips/gw28)") loses its marks and the link's address (a heading keeps its "#")."""
    text = repair_entities(raw)
    stripped = text.strip()
    if stripped and (stripped[0] in _INVISIBLE or stripped[-1] in _INVISIBLE):
        stripped = _EDGE.sub("", text)
    if stripped[-1:] in _MARKDOWN_ENDS and stripped[:1] in _MARKDOWN_STARTS:
        stripped = _unmarked(stripped)
    if m := link_number(stripped):
        stripped = stripped[m.end() :]  # "[24]Unplanned unavailability": a text browser's number before the one link of a line
    if "**" in stripped and len(stripped) <= STRONG_MAX:
        stripped = _STRONG.sub(r"\g<inner>", stripped)  # "By **Mikaela Dela Cruz-Santos**": a name in bold
    return stripped


def link_number(text: str) -> re.Match[str] | None:
    """A text browser's number before the one link a line opens with ("[24]Unplanned unavailability"), or None (a
    menu row of links and a contents line "* [15]Introduction" hold several, or none at the start)."""
    found = LINK_NUMBER.match(text) if text[:1] == "[" else None
    return found if found is not None and "[" not in text[found.end() :] else None


_STRONG = re.compile(r"\*\*(?P<inner>[^\s*](?:[^*]*[^\s*])?)\*\*")
STRONG_MAX = 200  # a line this short (a head's, a field's) is read without its bold marks
_MARKDOWN_STARTS = frozenset("*_[#")
_MARKDOWN_ENDS = frozenset("*_)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=[^\s*_])(?P<inner>[^*_]*?[^\s*_])\1")  # "**By NAME**", "*date*", "_text_": the whole line


def _unmarked(line: str) -> str:
    heading = MARKDOWN_HEADING.match(line) if line[0] == "#" else None
    rest = line[heading.end() :] if heading else line
    for pattern in (MARKDOWN_LINK, _EMPHASIS, MARKDOWN_LINK):  # the whole line: "[Title](/url)", "**By NAME**", "*[Title](/url)*"
        whole = pattern.fullmatch(rest)
        if whole:
            rest = whole.group("inner").strip()
    return (heading.group() + rest) if heading else rest


def is_invisible(raw: str) -> bool:
    """A line that looks blank but is not: only no-break spaces, zero-width characters or
    "&nbsp," debris. It separates paragraphs like a blank line and is reported as debris."""
    return bool(raw.strip(" \t")) and not clean_line(raw)


# --- page furniture -------------------------------------------------------------------------

_RELATED = (
    r"you may also like|you might also like|related( articles?| stories| posts| content| reading| news| links| coverage)?"
    r"|recommended( for you| stories| reading)?|more from [^.]{1,40}|most read|most popular"
    r"|more (stories|news|essays|articles|posts|features|columns|reports|pieces|letters|interviews)( (in|on|about|from|like this) [^.]{1,40})?"
    r"|trending( now| stories)?|also read|see also|read next|popular (now|stories|posts|articles)|latest (news|stories)"
    r"|editor[’']?s picks|top stories|most (viewed|shared|commented)|what to read next|more on this story"
    r"|(from )?around the web|(sponsored|promoted) (stories|content|links)|you might like|in other news|recent (posts|articles|stories)"
    r"|popular posts|archives|more reviews( (in|of|on) [^.]{1,40})?|read more (stories|articles|reviews)"
    r"|also in the [^.]{1,30}|elsewhere (on|in) the [^.]{1,30}|other news|more like this"
)
ADVERT_LABEL = re.compile(r"^(?:advertisement|advertising|advert|ad|sponsored|publicité|anzeige|publicidad)\W*$", re.IGNORECASE)  # over an advertisement
END_MARK = r"# ?# ?#|- ?30 ?-"  # the mark under the end of a press release ("###", "-30-"; "ENDS" has notes after it)
_READ_ON = (  # the link under a teaser, in English and the languages near it: "Lire la suite", "Darllen mwy"
    r"continue reading|read more|read the (full|whole|rest of the) (article|story)|keep reading|read full (article|story)"
    r"|darllen mwy|lire la suite|weiterlesen|mehr lesen|leer más|lees meer|meer lezen|leggi (di più|tutto)|ler mais|läs mer|les mer"
    r"|læs mere|czytaj dalej|léigh (tuilleadh|níos mó|an t-alt)|leugh (tuilleadh|an còrr)"
)
_READ_MORE = rf"({_READ_ON})(\s*/\s*({_READ_ON}))?"  # also two languages' links in one: "Darllen mwy / Read more"
READ_MORE = re.compile(rf"^({_READ_MORE})\W*$", re.IGNORECASE)  # the link under a teaser to the rest of its text
SEPARATOR = initialled(  # tried only on a line that begins with the first letter of one of its phrases
    rf"^({_READ_MORE}"
    rf"|{_RELATED}"
    rf"|{END_MARK})\W*$",
    re.IGNORECASE,
)
RELATED_BLOCK = re.compile(rf"^({_RELATED})\W*$", re.IGNORECASE)
GLUED_SEPARATOR = re.compile(r"^(.*?[.!?\"”’)\]])[ \t]*(Continue Reading|Read More|Keep Reading)[ \t.…»→>]*$", re.IGNORECASE)
RELATED_LINK = initialled(
    r"^(?:read more|related|see also|also read|read next|recommended|read|more on this)\s*[:|»→]\s*\S.{0,200}$",
    re.IGNORECASE,
)
COOKIE = Folded(
    r"\b(we use cookies|uses cookies|use of cookies|cookie (policy|settings|preferences|notice|banner|consent)"
    r"|accept (all )?cookies|by continuing to (use|browse) (this|our) (web)?site|consent to (the use of )?cookies"
    r"|we value your privacy)\b",
    initials=False,
)
COOKIE_BUTTON = re.compile(
    r"^(accept( all| cookies| all cookies)?|reject( all)?|decline|deny|allow( all)?( cookies)?|i agree|agree|ok|okay|got it"
    r"|close|dismiss|manage (preferences|cookies|settings|options)|cookie settings|customi[sz]e|more options"
    r"|learn more|privacy policy|save (preferences|settings)|necessary only|only necessary|essential only)\W*$",
    re.IGNORECASE,
)
TOC_HEADER = re.compile(  # over a list of the page's headings, one a line (kept as text unless a heading of the list follows)
    r"^(table of contents|contents|in this (article|story|issue|edition|newsletter|bulletin)|inside this (issue|edition)|jump to"
    r"|on this page)\W*$",
    re.IGNORECASE,
)
WEB_DEBRIS = initialled(
    r"^(advertisement|advertising|ad|sponsored( content)?|share( this)?( article| story| post| page)?( on)?|share via"
    r"|(share|post) on (facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email)"
    r"|print( this)?( article| page)?|e-?mail|tweet|twitter|x|facebook|instagram|youtube|bluesky|threads|linkedin|whatsapp"
    r"|telegram|reddit|pinterest|messenger|flipboard"
    r"|copy( the)? link|link copied|subscribe( now| today)?|sign up( now| today)?|sign in|log ?in|register"
    r"|save( (this )?(article|story))?|saved|gift( this)? (article|story)|unlock( this)? (article|story)"
    r"|skip to (main )?content|back to top|scroll to top|go to top|listen to (this )?(article|story)"
    r"|\d+ min(ute)?s? read|comments?( \(\d+\))?|leave a comment|show comments|loading|image|video|photo|gallery"
    r"|click here|tap here|download (the )?app|follow us|follow us on \w+"
    r"|[♥❤♡👍👏💬★☆]\ufe0f? ?\d[\d,.]*[km]? ?(likes?|hearts?|claps?|reactions?|upvotes?|votes?|kudos|favou?rites?)?"  # "♥ 1,204 likes"
    r"|\d[\d,.]*[km]? (likes?|hearts?|claps?|reactions?|upvotes?|kudos|favou?rites?)"
    r"|add to (playlist|queue|my list)|listen( now| live)?|play( now| episode| audio)?|listen duration [\d′'″\" ]+"  # an audio player's buttons
    r"|download:?( audio| episode| pdf| file| leaflet| document)?( ogg| mp3| pdf)*( \(\s*(\w+, )?\d+(\.\d+)? ?[kmg]b\s*\))?)\W*$",
    re.IGNORECASE,
)
FOLLOW = re.compile(
    r"^[Ff]ollow (?:him |her |them )?(?:on \w+ )?(?P<name>(?:[A-Z][\w.’'-]+ ?){1,4}?)\s?"
    r"(?:on|at) (?i:x|twitter|facebook|instagram|linkedin|bluesky|threads|mastodon|substack|telegram)\b.{0,80}$"
)
PROMO = re.compile(  # a newsletter or subscription box inside the page
    r"^(sign up (for|to)|subscribe (to|for)|get (our|the) .{0,30}newsletter|newsletter sign-?up|join (our|the) .{0,40}"
    r"(newsletter|mailing list)|enter your e-?mail|free newsletter)\b.{0,80}$",
    re.IGNORECASE,
)
PROMO_WORDS = Folded(
    r"\b(newsletter|inbox|e-?mail|subscribe|subscription|sign up|signing up|privacy policy|unsubscribe|free|daily|weekly"
    r"|every (morning|day|week))\b",
)
READ_ORIGINAL = re.compile(r"^read (the )?original (article|post|content|story|version)\W*$", re.IGNORECASE)


_COOKIE_WORDS = ("cookie", "by continuing to", "we value your privacy")  # one is in every COOKIE match


def cookie_notice(line: str) -> bool:
    """A line of a cookie banner (`COOKIE` found in it). A line without any of its words
    is not searched: most lines, and the search on a long one is not cheap."""
    return may_hold(line, _COOKIE_WORDS) and bool(COOKIE.search(line))


_GLUED_ENDS = ("continue reading", "read more", "keep reading")  # GLUED_SEPARATOR's phrases, lower-cased


def glued_separator(line: str) -> re.Match[str] | None:
    """`GLUED_SEPARATOR` matched on a line ("… said the mayor. Read More"). An ASCII line that does
    not end with one of its phrases (and the characters that may follow one) is not tried: the
    match scans the whole line, and hardly any line ends so."""
    if line.isascii() and not line.rstrip(" \t.>").lower().endswith(_GLUED_ENDS):
        return None
    return GLUED_SEPARATOR.match(line)


@remembered
def is_separator(line: str) -> bool:
    """A line that ends one article: what follows is another (or related links). Kept: the
    segmenter asks it of a line in several of its cases, and `roles` again."""
    return bool(SEPARATOR.match(line))


def is_promo(line: str) -> bool:
    """The first line of a newsletter or subscription box ("Sign up for our newsletter")."""
    return bool(PROMO.match(line)) and (not line.endswith(".") or "newsletter" in line.lower()) and len(line) < 120


def line_debris(line: str) -> str | None:
    """Why a single cleaned line is page furniture, or None. Separators, cookie banners,
    newsletter boxes and tables of contents are handled by `segment`, which needs their context."""
    if WEB_DEBRIS.match(line):
        return "web debris"
    if RELATED_LINK.match(line) and not _is_sentence_after_colon(line):
        return "link to another article"
    if READ_ORIGINAL.match(line):
        return "link to the original"
    return None


def _is_sentence_after_colon(line: str) -> bool:
    """'Read: the rules say…' can be text; a link's headline has no final full stop mid-line."""
    rest = line.partition(":")[2]
    return len(rest.split()) > 30 or rest.count(". ") >= 2


def follow_name(line: str) -> str | None:
    """The person of a "Follow NAME on X at @handle" line."""
    match = FOLLOW.match(line)
    if not match:
        return None
    return match.group("name").strip()
