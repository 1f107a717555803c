"""The role of each line of a dump, judged from general features any page has.

Owns `Role` (title, standfirst, byline, dateline, body, caption, credit,
licence, furniture, separator), `LineShape` (the features of one line: length,
words, share of stop words, share of capitalised words, final punctuation) and
`classify` (the roles of a run of lines, each judged with its neighbours and
with how often the line recurs in the whole dump). The approach follows
jusText: stop-word density tells running text from boilerplate, and short
lines are judged by their context. The recognisers of `clean`, `meta`,
`licence`, `dates` and `flags` are used as evidence, not as the whole answer.
`Repeats` counts lines in a bounded table, so a 50 MB dump costs 1 MB here.
Pure; must not decide boundaries (that is `boundary`) or change any text.
"""

from __future__ import annotations

import importlib.util
import re
import zlib
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import repeat
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path

from sitegen.split import contents
from sitegen.split.clean import clean_line, follow_name, is_separator, line_debris
from sitegen.split.dates import RELATIVE_WORDS, date_field, date_of, day_line, month_year, posted_line, relative_date, time_stamp
from sitegen.split.flags import is_caption
from sitegen.split.licence import detect_licence
from sitegen.split.masthead import Masthead
from sitegen.split.meta import (
    CALENDAR, NAME, bio_names, couple, is_handle, is_organisation, people, place_name, post_nominals, by_line_names, capitalised, contribution, credit_names, group_byline, inverted_name, is_role,
)
from sitegen.split.meta import FOREIGN_LEADS, GENRES, HONORIFICS, INITIALS, INNER_NAME_WORDS, LOWER, PAPER_ARTICLES, UPPER, is_person_name, is_post, translator_names, unstopped
from sitegen.split.memo import by_line, remembered
from sitegen.split.reading import Reading, read
from sitegen.split.firsts import Folded, initialled
from sitegen.split.text import BULLET, LINK_NUMBER, MARKDOWN_HEADING, MARKDOWN_LINK, NUMBERED, PLAIN_HEADING, RULE, TABLE_ROW, TIMECODE, TWO_SENTENCES, caps_headline, ends_sentence, opening_letter


class Role(Enum):
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    LICENCE = "licence"
    FURNITURE = "furniture"
    SEPARATOR = "separator"


END_MATTER = frozenset({Role.BYLINE, Role.CREDIT, Role.LICENCE})
SHORT = 70  # jusText's "short" paragraph: judged by its neighbours
LONG = 200  # jusText's "long" paragraph: text on its own
TITLE_MAX_WORDS = 22
TITLE_MAX_CHARS = 180
NOTICE_HEAD = 0.6  # how much the head of a notice ("ASHWORTH, Dorothy May") is a headline
HEADLINES_KEPT = 8  # a shortened headline is looked for among this many before it
LIST_RUN = 4  # this many headline-shaped lines in a row are a list
QUESTION_WORDS = 12  # a question this long after running text is a sentence of it
SHAPED = 200  # word statistics are counted on lines up to this long (jusText's "long" paragraph)
REPEAT_SHORT = 120
RUNNING_HEAD = 4  # a headline-shaped line recurring this often is a running head, not a headline
PAGE_EDGES = 2  # a line of one form (its figures aside) heading or ending this many printed pages is their running head
FOLIOS = 3  # and so is one standing this often with a page number set apart from it
ROW_LABEL_WORDS = 5  # a label among a by-line row's parts is no longer
BYLINE_MAX = 200  # a by-line is never longer
COMMAND_WORDS = 6  # a bare call to action ("Place a notice") is at most this long
FIELD_WORDS = 7  # a field with a figure ("Where they'll finish: 2nd") is no longer
POST_MAX = 60  # a writer's post under the by-line ("Chief football writer") is no longer
LICENCE_MAX = 700  # nor is a licence statement or a bio  # only lines up to this long are counted for repetition

_FALLBACK_STOPS = (
    "a an the of to in on at by for from with and or but as that which who whom whose than then his her its their our "
    "my your this these those is are was were be been being has have had will would can could may might should must "
    "not no into over under about after before while when where it he she they we you i him them us me there here "
    "what how why if so also more most some any all one two"
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_ASCII_WORD = re.compile(r"[A-Za-z][\w'-]*", re.ASCII)  # the same words of an ASCII line, found faster
_LIST_STARTS = frozenset("•●▪◦‣·∙■□►▸*+-|[(")  # what a list item or a table row begins with, if not a digit
_REFERENCE = initialled(r"https?://|\bwww\.|\bdoi:?\s*10\.\d", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an the of to in on at by for from with and or but as vs via de la le del van von".split())
_CALL_TO_ACTION = initialled(
    r"^(?:share|subscribe|follow|sign up|sign in|log in|join|support|donate|download|click|tap|like us|comment|listen"
    r"|watch|read more|get the|get our|become a|register|buy|shop|save|print|email|send|tell us|contact us|advertise"
    r"|view|skip|search|show|load|place|leave|write to|reuse|forward|manage|unsubscribe|start writing|go to|back to|jump to"
    r"|continue reading|see all|see more|open in)\b",
    re.IGNORECASE,
)
_STARS = "★☆✩✪⭐½"  # a rating printed in stars
_LABELS = ("comment", "watch", "listen")  # a kicker glued to a headline ("Comment: …"), when no more of the line is the site's
_WEB_WORDS = Folded(
    r"\b(?:social media|newsletter|inbox|app|podcast|facebook|twitter|instagram|linkedin|whatsapp|telegram|youtube"
    r"|comments?|subscribers?|subscription|membership|members|donation|cookies?|website|our (?:site|publication|journalism)"
    r"|e-?mail|browser|online|journalism|subscribe)\b",
)
_ADDRESSED = re.compile(  # a note to readers with the site's address: "Send your report to sport@…"
    r"\S@[\w-]+\.\w.*\b(?:you|your|us|please)\b|\b(?:you|your|us|please)\b.*\S@[\w-]+\.\w", re.IGNORECASE
)
_TOLD_BEFORE = re.compile(r"^[^@?!]*?\w+ \w+ \w+[^@?!.]*\.\s+[^@]*@")  # a statement before the address: "Tea provided. Email …": text
_NOT_WRITING = r"(?!(?i:illustrat|photo|picture|image|video|edit|translat|produc|music|sound|design|graphic))"  # a lead of no writer
_POST_IN_BRACKETS = r" \([A-Z][^()]{2,40}\)"  # "NAME (Senior Research Officer)"
_ROLE_BY = re.compile(  # "Fact-checked by NAME", "Report by club secretary NAME", "Reviewed by: NAME, deputy editor"
    rf"^{_NOT_WRITING}"
    rf"[A-Z][\w-]*(?: [a-z][\w-]*){{0,2}} by:? (?:[a-z][\w-]* ){{0,3}}(?:(?:Dr|Prof|Professor|(?:Associate|Assistant|Assoc\.?|Asst\.?) Prof(?:essor|\.)?)\.? )?"
    rf"(?P<names>{NAME}(?:{_POST_IN_BRACKETS})?(?: (?:and|&) {NAME})?)(?:{_POST_IN_BRACKETS})?(?:, [^,]{{2,60}}(?:, (?![^,]* by )[^,.]{{2,60}}){{0,2}})?\.?$"  # a post, a school, a town
)
_POST_BY = re.compile(  # "Answered by Master Gardener volunteer NAME · June 16, 2025": a post in capitals before the name
    rf"^{_NOT_WRITING}[A-Z][\w-]*(?: [a-z][\w-]*){{0,2}} by:? (?P<names>[A-Z][\w-]*(?: [\w-]+){{0,3}} {NAME}(?: (?:and|&) {NAME})?)"
    rf"(?: from [a-z][^·|•–—]{{2,60}}|\s+[·|•–—]\s+[^·|•–—]{{2,40}})?$"
)
_OTHER_SCRIPT_LABEL = re.compile(r"^(?:(?![A-Za-z\u00C0-\u024F])[^\W\d_])+[:：]?\s+(?=[A-Z])")  # a word in a script other than Latin
_PERSON = re.compile(rf"^(?:(?i:dr|prof|mr|mrs|ms)\.?\s)?{NAME}$")
_PERSON_START = re.compile(rf"(?:(?i:dr|prof|mr|mrs|ms)\.?\s)?{NAME}")  # how a line that begins with a `_PERSON` begins
_PIPE_BYLINE = re.compile(r"^(?P<name>[^|·•–—]{3,60}?)\s*(?:[|·•]|\s[–—]\s)\s*(?P<rest>[^|·•–—]{2,80})$")
_DATE_START = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Updated|Published|Posted|\d)")
_HONORIFIC = re.compile(rf"^(?:(?:{HONORIFICS}|\((?i:retd|ret)\.?\))\.?\s+)+(?=\S+\s)")  # "Lt Gen (Retd) Sir ", "Coroner "
_COUPLE = re.compile(r"^[–—-]?\s*(?P<first>[A-Z][a-z’'-]+) (?:and|&) (?P<second>[A-Z][a-z’'-]+) (?P<last>[A-Z][\w’'-]+),\s*[A-Z][\w .’'-]{1,50}\.?$")
_SIGNATURE = re.compile(  # "Jane Hill, Leeds", "— Jane Hill", "Jane Hill, editor", "— Jane Hill, for The Ledger"
    rf"^(?:--|[–—-])?\s*(?P<name>(?:(?i:dr|prof|mr|mrs|ms|rev)\.?\s)?{NAME})"
    rf"(?:,\s*(?P<place>(?:(?:for )?[A-Z][\w .’'-]{{1,50}}|\d[\w-]* [A-Z][\w .’'-]{{1,50}}|[a-z][a-z ]{{2,30}})(?:, [A-Z][\w .’'-]{{1,30}})?))?\.?$"
)
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the digits of an ASCII line
_LIFE_YEARS = re.compile(r",?\s+\(?(?:1[89]|20)\d\d\s*[–-]\s*(?:1[89]|20)\d\d\)?$")  # ", 1948–2026", " (1934-2026)"
_VALEDICTION = re.compile(
    r"^(?:yours(?: (?:sincerely|faithfully|truly|ever))?|(?:with )?(?:best|kind|warm)(?: wishes| regards)?|regards|sincerely|thanks|cheers),\s+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"\s+@\w+(?:@[\w-]+(?:\.[\w-]+)+)?$")  # "Jane Hill @janehill", a Mastodon handle "@plsen@histodon.example"
_WITH_TEAM = re.compile(  # ", with the forecasting team" after a signature: no one named
    r",?\s+(?:with|and|for) (?:the|our|all the|all at|everyone at) (?:[\w’'-]+ ){0,3}(?:team|staff|crew|colleagues|volunteers)$", re.IGNORECASE
)
DATED_TAIL = 30  # a date after a signature is no longer
_POST_IN_LOWER_CASE = re.compile(  # a post in brackets after a name, in lower case (`_POST_IN_BRACKETS` in capitals)
    r"\s*\((?:acting |interim |deputy |assistant |hon\.? |honorary )?(?:secretary|clerk|chair(?:man|person|woman)?|treasurer|minute[- ]?taker)\)$",
    re.IGNORECASE,
)
_AGE = re.compile(r"\s*\((?:aged?|year|yr)\s*\d{1,2}\)", re.IGNORECASE)  # "(age 10)", "(aged 7)", "(Year 6)"
_REMARK = re.compile(r"\s*\([^()]{1,20}\)")
_IN_PLACE = re.compile(r"\s(?:at|in) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}(?=\s(?:and|&)\s|,\s)")
_AT_PLACE = re.compile(r"\s(?:at|in) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}$")
_WRITTEN_BY = re.compile(
    rf"^(?:this (?:article|story|piece|post|essay|column) (?:was|is) )?(?:written|authored|contributed|reported) by\s+"
    rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)",
    re.IGNORECASE,
)
_POSTED_BY = re.compile(
    rf"^(?:posted|published|words|story|filed|interview|interviewed|photographs and text|photographs and words|text and photographs"
    rf"|words and pictures)(?: on [^|]{{4,40}}?)? by\s+(?P<names>{NAME}(?:\s(?:and|&)\s{NAME})?)\b",
    re.IGNORECASE,
)
COMMENT_FORM = re.compile(r"^(?:post a comment|leave a (?:reply|comment)|(?:add|write) a comment)\W*$", re.IGNORECASE)  # a comments form
END_SECTION = re.compile(  # the headings of an item's end matter: they stay with the item
    r"^(?:about (?:the authors?|us|this (?:article|story|series)|[A-Z][\w.&’' –-]{1,60})|media (?:contacts?|enquiries|inquiries|relations)"
    r"|(?:press|investor|investor and media) contacts?|notes? to editors?|for (?:more|further) information|forward-looking statements"
    r"|contacts?|source [A-Z][\w.,&’' -]{1,60}|disclosures?|disclaimers?|(?:important|regulatory) (?:disclosures?|information|notice)"
    r"|analyst certifications?|(?:declarations? of |conflicts? of |competing )interests?|acknowledge?ments)\W*$",
    re.IGNORECASE,
)
_END_MARK = re.compile(r"^(?:#{3}|-?ends-?|- ?30 ?-)$", re.IGNORECASE)  # the end of a press release
COMMENTS = re.compile(  # the start of a comments section
    r"^(?:\d+ (?:comments?|responses?|replies)|comments? \(\d+\)|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|show comments|view comments|add a comment|reasons for signing)\W*$|^.{2,40} says:$"
    r"|^(?:\d+ (?:comments?|responses?|replies)|comments? \(\d+\))\s*[·|•]\s*(?:sort(?:ed)? by|order by)\b.{0,30}$",  # "3 comments · Sort by: Newest"
    re.IGNORECASE,
)
_PAGE_FURNITURE = re.compile(  # the common labels of blog and news pages around an item's text
    r"^(?:[^›>\n]{1,40} [›>] ){0,3}(?:[^\W\d_]+ ?/ ?)?(?:tags?|tagged|topics?|categories|category|filed under|posted in|share this( article| story| post)?|share"
    r"|related|keywords|browse(?: by \w+)?|archives?(?: by \w+)?|category archives|tag archives"
    r"|étiquettes?|catégories?|schlagw(?:ort|örter)|kategorien?|etiquetas?|categorías?|categorie)\s*:.{0,200}$"
    # also under a label in another language ("Rhannu / Share: …", "Étiquette : …") and after the page's crumbs ("News › Tag: …")
    r"|^(?:this (?:story|post|article|page|review) (?:has been|was) )?(?:read|viewed|seen) [\d,]+ times$"  # a post's counter
    r"|^(?:read|viewed|seen|liked) by [\d,]+ (?:people|readers|members|users)\b.{0,80}$"  # "Read by 214 people   This story has been shared …"
    r"|^(?:\d+ comments?|\d+ citations?(?: \(\w+\))?|comments? \(\d+\)|no comments|leave a (?:reply|comment)|reply|load more( stories| articles)?"
    r"|more (?:reviews|stories|articles|news|from \w+( \w+)?)|recent posts|archives|categories|previous( post| article)?"
    r"|next( post| article)?|newer posts|older posts|post comment|join the (?:discussion|conversation)"
    r"|what are your thoughts|what do you think|have your say)\W*$"
    r"|^(?:was|is) this (?:article |page |answer |story |post |information )?(?:helpful|useful)\b.{0,40}$"
    r"|^you(?: are|'re|’re)? receiv(?:ing|ed) this (?:e-?mail|newsletter|message)\b"
    r"|^(?:you have|you've got) (?:\d+|one|two|three|no) (?:more )?free (?:articles?|stories|reads?)\b.{0,60}$"  # a paywall's counter
    r"|^this is your (?:last|final) free (?:article|story)\b.{0,60}$"
    r"|^posted in [^.!?:|]{1,80} \| [^.!?|]{1,40}$"  # a blog's entry footer: "Posted in Schools | Leave a comment"
    r"|^[^.!?]{2,80}(?: [·|•–—-] |\s{3,})(?:page|p\.) ?\d{1,4}$"  # a print page's running head: "SIVUMUT NEWS · March 14, 2025 · Page 4"
    r"|^(?:page|p\.) ?\d{1,4}(?: [·|•–—-] |\s{3,})[^.!?]{2,80}$"
    r"|^.{2,40} says:$|^for immediate release$|^page \d+ of \d+$|^(?:previous|next) page(?: \| (?:previous|next) page)?$|^text size\b.{0,20}$",
    re.IGNORECASE,
)
_AFFILIATED = re.compile(  # "NAME, Senior Lecturer in X, University of Y" (and a second one)
    rf"^(?P<first>{NAME}), [A-Z][^;]{{2,100}}?(?:,? and (?P<second>{NAME}), [A-Z][^;]{{2,100}})?$"
)
_JOB = Folded(r"\b(?:writer|editor|correspondent|reporter|columnist|contributor|staff|desk|critic|producer)\b")
_META_SEP = re.compile(r"\s+[|·•]\s+")
_SEPARATOR_MARK = re.compile(r"[|·•–—]")  # in every line `_BYLINE_SEP` or `_PIPE_BYLINE` can part
_BYLINE_SEP = re.compile(r"\s(?:\s*[|·•]\s+|[–—]\s)")  # a by-line's parts, also between dashes: "Jane Hill — 3 March 2026 — 4 min read"
_COUNT = re.compile(r"^\d[\d,.]*\s*(?:min(?:ute)?s?(?: read)?|words|comments?|responses?|replies|shares|views|likes|pages|photos|slides|downloads|citations?)$", re.IGNORECASE)
_ASKED_TAGS = re.compile(r"^[A-Z][\w'’ ]{2,40}\? [a-z][\w'’-]*(?: [\w'’-]+){0,2}(?:, [\w'’-]+(?: [\w'’-]+){0,2})*$")  # the first tag in lower case
_VOLUME = re.compile(r"\bvol(?:ume)?\.? ?\d+", re.IGNORECASE)  # where a paper was published: "Vol. 24"…
_CITED = re.compile(r"\b(?:no\. ?\d+|issue \d+|pp?\. ?\d+[-–]\d+|\d+ pages|\d{2}\.\d{4})", re.IGNORECASE)  # …"No. 4", "p. 3120-3134", "04.2025"
_CRUMBS = re.compile(r"\s[>›‹»]\s.*\s[>›‹»]\s")  # two steps of a breadcrumb trail: "Home > News > Local"
FIELD = re.compile(r"^[A-Z][\w’'-]*(?: [\w’'-]+){0,3}:\s+\S")  # a label and its value: "Turnout: 38.3%"
_FILE_LINK = re.compile(r"\((?:pdf|docx?|xlsx?|csv|odt|ods|pptx?|zip|epub)\b[^)]{0,20}?\d+(?:[.,]\d+)?\s*[kmg]i?b\)", re.IGNORECASE)
_REPLY = re.compile(r"^(?:re|aw|sv|fwd?)\s?:\s", re.IGNORECASE)  # a reply's subject: "Re: First 200km audax"
_AND = re.compile(r"\s(?:and|&)\s")
_LISTED_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")  # "A, B and C"
_PAIRED_NAMES = re.compile(r"\s*(?:\band\b|&)\s*")  # "A and B"
_RATED = re.compile(r"^(?:[★☆⭐]+\s*\d(?:\.\d)?|\d(?:\.\d)?\s*[★☆⭐])")  # a rating first: "★ 4.9 (318)", "4.7★"
_MENU_SEP = re.compile(r"\s(?:[|·•/›»>]\s|\s{2,})")
_PARTS = re.compile(r"\s(?:[|·•]\s|\s+)")  # " | " or wider white space: every alternative begins with one
_OFFER = re.compile(r"\b\d{1,2}% off\b.{0,60}\bcode\b|\b(?:use|with) (?:the )?(?:code|coupon) [A-Z0-9]{3,}\b")  # an advertiser's offer
_LABELLED = re.compile(r"^[A-Z][\w’'-]*(?: [\w’'-]+){0,2}:\s*")  # "Placed on: ", "Closing date: "
_SPEAKER = re.compile(r"^(?P<who>[^\W\d][\w.’' -]{0,40}?)\s?:\s+\S")  # "Q: …", "Interviewer: …", "JANE HILL: …"
_ASKING = frozenset("q a question answer interviewer interviewee host guest".split())
_FIRST_NAMES = re.compile(r"^[–—-]?\s*(?P<a>[A-Z][a-z’'-]{2,}), (?P<role>[A-Z][^,.]{2,40}?(?: \([^()]{2,30}\))?)$")
FIRST_PAIR = re.compile(r"^[–—-]?\s*(?P<a>[A-Z][a-z’'-]{2,}) (?:&|and) (?P<b>[A-Z][a-z’'-]{2,})$")  # "Gil & Rosa"
_NAME_WORDS = frozenset(  # stop words that are also parts of names: particles, months that are first names, and the
    # first names and surnames jusText's English list holds (it counts words of Wikipedia: "james", "king")
    "de van von da di le la del june april august james john david george robert william king young".split()
)
_SURNAME_WORDS = frozenset("may long field".split())  # stop words that are surnames after a first name: "Theresa May"
_FIRST_NAME_WORDS = frozenset("miles will may".split())  # stop words that are first names before a surname: "Miles Okafor"
_FIRST_NAME = re.compile(rf"^[{UPPER}][{LOWER}’'-]{{2,15}}$")
_SIGN_OFF = frozenset("thanks cheers love best regards enjoy ends sincerely everyone all team".split())
_NOT_FIRST = frozenset("my our your their his her its dear".split())
_QUOTE_CLOSE = "”\"’'»"
_BROKEN_ENDS = ("…", "...", "[…]", ",", "(", "–", "—", " -", "“", "‘")
_FUNCTION_ENDS = frozenset("a an the of and or but nor that which whose than his her its their our my your these those".split())
_PUNCTUATION = ".,;:!?()[]“”\"‘’'«»—–-…"


@cache
def stop_words(language: str = "English") -> frozenset[str]:
    """The stop words of a language: jusText's lists (lower-cased) when the package is
    installed, else a small built-in English list. Read without importing jusText itself."""
    spec = importlib.util.find_spec("justext")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "stoplists" / f"{language}.txt"
        try:
            return frozenset(w.lower() for w in path.read_text(encoding="utf-8").split())
        except OSError:
            pass
    return frozenset(_FALLBACK_STOPS.split())


@dataclass(frozen=True, slots=True)
class LineShape:
    """The features of one line that do not depend on its neighbours."""

    chars: int
    words: int
    stop_density: float  # share of words that are stop words (jusText: text ≥ 0.30)
    capitalised: float  # share of words (small words aside) that start with a capital
    final: str  # the last character ("" for a letter or digit)
    cut: bool  # the line visibly breaks off (comma, ellipsis, dash, a function word last)
    list_like: bool  # a list item or a table row
    # read from the fields above when the shape is made (the stages ask them of a line again and again)
    sentence: bool = field(init=False, repr=False, compare=False)  # it ends as a sentence does
    running: bool = field(init=False, repr=False, compare=False)  # running text: a sentence of 80 characters or more, any line of 200

    def __post_init__(self) -> None:
        final = self.final
        sentence = bool(final) and (final in ".!?:;" or final in _QUOTE_CLOSE and self.stop_density >= 0.2)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "running", self.chars >= 200 or self.chars >= 80 and sentence)


@remembered
def shape(text: str) -> LineShape:
    """The features of a line. Word statistics are counted on lines up to `SHAPED` characters;
    a longer line is running text by its length alone (as in jusText), and gets typical values."""
    stripped = text.rstrip()
    last = stripped[-1:] if stripped else ""
    if len(text) <= SHAPED:
        words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
        lowered = text.lower().split()  # as many as `text.split()`: lower case adds or takes no white space
        stops = sum(map(stop_words().__contains__, map(str.strip, lowered, repeat(_PUNCTUATION))))
        stop_density = stops / len(words) if words else 0.0
        content = [w[0] for w in words if w.lower() not in _SMALL_WORDS]  # their first letters
        capitalised = sum(map(str.isupper, content)) / len(content) if content else 0.0
        count = len(lowered)
    else:
        stop_density, capitalised, count = 0.4, 0.1, len(text.split())
    # chars, words, stop_density, capitalised, final, cut, list_like
    final = "" if last.isalnum() or last == "." and caps_headline(stripped) else last
    return LineShape(len(text), count, min(1.0, stop_density), capitalised, final, _broken(stripped), _list_like(text))


def _list_like(text: str) -> bool:
    """A list item or a table row (each of their patterns begins with white space, then a digit or
    one of `_LIST_STARTS`: a line beginning otherwise is not tried)."""
    lead = text.lstrip()[:1]
    return (lead in _LIST_STARTS or lead.isdecimal()) and bool(
        BULLET.match(text) or NUMBERED.match(text) or TABLE_ROW.match(text) or TIMECODE.match(text)
    ) and not RULE.match(text)  # ("* * *" is a rule drawn between items, no list)


def _broken(text: str) -> bool:
    """Text that breaks off: a comma, an ellipsis, an opening bracket or quote or a dash last, or
    a function word ("the", "and"). A lowercase last word alone is not enough: sentence-case
    headlines end with one."""
    if text.endswith(_BROKEN_ENDS):
        return True
    last = text.rsplit(None, 1)[-1:]  # its last word, as `text.split()` would give it
    return bool(last) and last[0] in _FUNCTION_ENDS


def _credited_sentence(text: str) -> bool:
    """A sentence of six words or more with a writer's credit after it, on one line."""
    sentence, _, tail = text.rpartition(". ")
    return len(sentence.split()) >= 6 and bool(credit_names(tail) or byline_names(tail))


@by_line  # `s`, when given, is the shape of `text`
def headline_score(text: str, s: LineShape | None = None) -> float:
    """How much a line, on its own, looks like a headline (0 = not at all, 1 = surely):
    several words, short, no final full stop, starts with a capital, fewer stop words than
    running text, often in title case."""
    s = s or shape(text)
    if s.list_like or s.words < 2 or s.words > TITLE_MAX_WORDS or s.chars > TITLE_MAX_CHARS:
        return 0.0
    if s.words <= 6 and inverted_name(text):
        return NOTICE_HEAD  # "ASHWORTH, Dorothy May": the head of a notice
    first = opening_letter(text, "“\"‘'«(¿¡")
    if not (first.isupper() or first.isdigit()):
        return 0.0
    if s.final and s.final in ".,;" or s.cut and not (s.final and s.final in "?!" + _QUOTE_CLOSE):
        return 0.0
    if s.final and s.final in _QUOTE_CLOSE and text.rstrip(_QUOTE_CLOSE)[-1:] in ".,":
        return 0.0  # a quoted sentence
    if _REFERENCE.search(text) or meta_row(text):
        return 0.0  # a headline carries no web address or DOI (a reference does), nor is it a row of fields or links
    if ". " in text and _credited_sentence(text):
        return 0.0  # "Officers will carry out checks at Broad Oak. Reporting by NAME": a teaser's text with its credit
    score = 0.55
    if s.words == 2:
        score -= 0.25
    if s.final == ":":
        score -= 0.3
    if s.capitalised >= 0.75 and s.words >= 3:
        score += 0.2
    if s.stop_density <= 0.4:
        score += 0.1
    return max(0.0, min(1.0, score))


def _signs(text: str) -> bool:
    """A person's name alone (or after a signature's dash: "— Marcus Feld", "— Gareth"), which recurs in a
    dump as the writer's by-line or signature, not furniture."""
    if text[:1] in "—–-~" and _SIGNED_INITIALS.match(text):
        return True  # "— R.K.": a writer's initials under each of their entries
    signed = text.lstrip("—–-~ ").rstrip(".")
    if text[:1] in "—–-~" and (first_name(signed) or (_SHORT_FIRST.match(signed) and signed.lower() not in _no_first_names() | _NOT_SHORT_FIRSTS)):
        return True  # "— Gareth", "-- Jo": a writer signing each post or each part of a newsletter with a first name
    name = person(text.lstrip("—–-~ ") if text[:1] in "—–-~" else text)
    return bool(name and is_person_name(_no_honorific(name)))


_AFFILIATION_MARK = re.compile(r"(?<=[^\W\d_])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*|[*†‡](?!\*))(?=[\s,;]|$)")  # after a name
_SHORT_FIRST = re.compile(rf"^[{UPPER}][{LOWER}]$")  # a first name of two letters, signed after a dash: "Jo", "Ed"
_NOT_SHORT_FIRSTS = frozenset("oh hi ok ps re fw am pm".split())  # "-- Hi", "— PS": no name
_SIGNED_INITIALS = re.compile(rf"^[—–-]\s?{INITIALS}$")


@remembered
def person(text: str) -> str | None:
    """The text when it is only a person's name ("Jane Hill", "Dr Jane M. Hill", "Diego R.")."""
    text = unstopped(text)
    if not _PERSON.match(text) or len(text.split()) > 4:
        return None
    words = text.split()
    caps = [len(w) > 2 and (w.isupper() or w[:2] == "Mc" and len(w) > 4 and w[2:].isupper()) for w in words if "." not in w]  # initials ("J.R.") are neither; "McFARLANE" is in capitals
    if any(caps) and not all(caps) or any(w.endswith(("’s", "'s", "’S", "'S")) for w in words):
        return None  # "ASSESSING CHINA’S Goes" is a subheading
    if words[0].lower() in _NOT_FIRST:
        return None  # "My Lord Mayor", "Dear Annie": an address, not a name
    if len(words) == 2 and words[0] in PAPER_ARTICLES or words[-1].lower() in GENRES:
        return None  # "Le Trottoir", "Die Zeit": a paper's name; "PRESS RELEASE", "Match Report": a kind of text
    if {w.lower() for w in words} & _not_in_names() and not _stop_words_named(words):
        return None  # a stop word no name holds (asked before the searches below: it costs least)
    if is_role(_no_honorific(text)) or is_organisation(text) or place_name(text):
        return None  # "Fundraising Assistant", "Creators Syndicate"
    return text


def _stop_words_named(words: list[str]) -> bool:
    """Whether every stop word of a name's words is one that names hold in its place: a surname
    after a first name ("Theresa May"), a first name before a surname ("Miles Okafor") or a word
    inside the name ("Shirley Two Crow")."""
    stops = _not_in_names()
    last = len(words) - 1
    return all(
        w.lower() not in stops or (i == last and w.lower() in _SURNAME_WORDS) or (0 < i < last and w.lower() in INNER_NAME_WORDS)
        or (i == 0 < last and w.lower() in _FIRST_NAME_WORDS)
        for i, w in enumerate(words)
    )


@cache
def _not_in_names() -> frozenset[str]:
    """The stop words no name holds (`person`): read once, not at every name asked about."""
    return stop_words() - _NAME_WORDS


def life_dates(text: str) -> bool:
    """A name with the years of a life, as an obituary is headed: "Tommy Heaton, 1948–2026",
    "GEORGE WHARRAM (1934–2026)"."""
    years = _LIFE_YEARS.search(text) if len(text) <= 80 and ("–" in text or "-" in text) else None
    if not years:
        return False
    name = text[: years.start()].strip()
    return person(name) is not None or name.isupper() and person(name.title()) is not None


LOCATION = re.compile(  # how far away a place is ("· 0.4 miles", "1,2 km"), a British postcode ("KN5 3DJ"), or a
    # telephone number after a place ("Witheridge, Mid Devon · 01884 555 310"): an address row
    r"(?:^|[·|•]\s*)(?:\d+(?:[.,]\d)?[½¼¾]?|[½¼¾])\s?(?:mi|miles?|km)\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
    r"|\w\s+[·|•]\s+(?:(?i:tel|phone|mob(?:ile)?)[.:]?\s*)?(?:\+\d{1,3}\s?(?:\(0\)\s?)?\d{2,5}|\(0?\d{2,5}\)|0\d{2,5})(?:[\s-]?\d{2,4}){2,3}(?:\s+[·|•]|$)"
)


@remembered

def byline_names(text: str, after_title: bool = False) -> list[str] | None:
    """The people of a by-line in any of its usual forms: "By NAME", "Written by NAME",
    "This article was written by NAME", "NAME | Publisher" or "NAME · date" (when `after_title`,
    or glued to a date), or None."""
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\g<inner>", text)  # "By [Tobias Lindqvist](/contributors/…)": a Markdown link's text
    if len(text) > BYLINE_MAX:
        return None
    if "(" in text and _AGE.search(text):
        text = _AGE.sub("", text)  # "Reviewed by Rory (age 10)": a young reviewer's age is no part of the name
    if text.endswith(")") and _POST_IN_LOWER_CASE.search(text):
        text = _POST_IN_LOWER_CASE.sub("", text)  # "Minutes taken by NAME (acting secretary)": the writer's post
    if "[" in text:
        text = LINK_NUMBER.sub("", text)  # "By [11]Teresita Villanueva-Ocampo": a text browser's link number
    if text[-1:] in _STARS:
        text = text.rstrip(_STARS + " ")  # "Review by NAME ★★★★½": the reviewer's rating is no part of the name
    if _AFFILIATION_MARK.search(text):
        text = _AFFILIATION_MARK.sub("", text)  # "Marta Kowalska¹, Piotr Nowak²", "NAME*": a paper's marks for affiliations
    if not text[:1].isascii() and (label := _OTHER_SCRIPT_LABEL.match(text)):
        text = text[label.end() :]  # "記者 Reporter: NAME": a label in another script before the by-line
    r = read(text)
    # The branches are tried only where they may answer: `_led_byline` where `_may_lead` says so; the
    # pipe and `_meta_names` on a line with a separator mark (`_SEPARATOR_MARK`, every line they can
    # part); the branches after a title (a name alone, names alone, names and a publisher, a
    # signature, names with their affiliations) where `_may_be_named` says so. A line none may
    # answer is not read further.
    named = after_title and _may_be_named(r, text) and not LOCATION.search(text)  # (not "Fosse Lane, Stoke Wyvern KN5 8RT")
    if not (named or r.marks or _may_lead(r, text)):
        return None
    led = _led_byline(text)
    if led is not None:
        return led
    if named and person(text):  # a name alone under a headline
        return [_no_honorific(text)]
    if named and (alone := _names_alone(text)):  # "A (now) and B (earlier)", "NAME at Meadow Lane"
        return alone
    if named and (pair := couple(text)):
        return pair  # "Gwen and Tomas Pryce": two of one surname under a headline
    names_part, _, publisher = text.rpartition(", ")
    if named and " and " in names_part and _publisher_like(publisher) and (alone := _names_alone(names_part)):
        return alone  # "A and B, The Ledger"
    pipe = _PIPE_BYLINE.match(text) if r.marks else None
    named_pipe = _names_alone(pipe.group("name")) if pipe else None  # "Jane Hill | The Ledger", "A and B · 29 Oct 2026"
    if named_pipe and (after_title and not LOCATION.search(text) or date_line(pipe.group("rest")) or _publisher_like(pipe.group("rest"))):
        return named_pipe
    named_pipe = _names_alone(pipe.group("rest")) if pipe and (date_line(pipe.group("name")) or after_title) else None
    if named_pipe and not person(pipe.group("name")):  # "12 May 2025 – Jane Hill", "Hownam, Roxburghshire | Alasdair Kerr"
        return named_pipe
    if named and signature(text):  # "Dr Jane Hill, Health editor"
        return signature(text)
    affiliated = _AFFILIATED.match(text) if named and len(text) <= 160 else None
    if affiliated:  # "Kofi Mensah, University of Ghana and Aditi Rao, University of Melbourne"
        names = [n for n in affiliated.group("first", "second") if n and person(n)]
        return names if len(names) == sum(1 for n in affiliated.group("first", "second") if n) else None
    return _meta_names(text) if r.marks else None


_LEAD_CUES = ("by", "author", "words", "text", *RELATIVE_WORDS)


def _may_lead(r: Reading, text: str) -> bool:
    """Whether `_led_byline` may find a by-line on the line: False only on a line with no digit, no
    colon and none of `_LEAD_CUES`, not opening with a lead of another language. Proof: it answers
    from `meta.by_line_names` (whose `_BY_LINE` opens with "by", "author", "words" or "text", whose
    date branch needs " by ", and whose `_LEAD` needs "by", a colon or one of `meta.FOREIGN_LEADS`
    first), from `_WRITTEN_BY`, `_POSTED_BY` and `_ROLE_BY` (tried on a line with " by"), or from
    `_glued_names`, which needs a digit or one of `dates.RELATIVE_WORDS` (`_may_be_glued`). (The
    lower-cased line holds a word of any substring's lower-cased copy; `Reading.holds` says yes on a
    line a case-insensitive pattern could read otherwise.)"""
    return r.digit or ":" in text or r.holds(_LEAD_CUES) or r.lower.lstrip().startswith(FOREIGN_LEADS)


def _may_be_named(r: Reading, text: str) -> bool:
    """Whether the line may be what `byline_names` finds after a title besides a by-line's lead: a
    name alone (`person`), names alone (`_names_alone`), names and a publisher, a signature
    (`signature`), names with their affiliations (`_AFFILIATED`). False only on a line with a word no
    name holds (`Reading.plain`) and no comma, bracket or " and ". Proof: the publisher's branch and
    `_AFFILIATED` need ", "; `person` reads an honorific, then a name's words (capitalised, or a
    particle); `_names_alone` reads the same of each part, once a remark in brackets, a handle, a
    place after "at" or "in" (the place capitalised) are taken out and the parts cut at "and" and
    "&" (and at commas); a word that stays is in some part; and `signature` is `_may_sign`."""
    return not r.plain or "," in text or "(" in text or " and " in text


@remembered
def _led_byline(text: str) -> list[str] | None:
    """The people of a by-line that says it is one whatever stands above it ("By NAME", "Written by
    NAME", a name glued to its date), or None when the line is not in such a form (its people may
    be [], "by Parish Clerk"). Both readings of `byline_names` start with it."""
    if not _may_lead(read(text), text):
        return None
    if text[:3].lower() == "by " and (glued := _glued_names(text[3:].lstrip())):
        return list(glued)  # "by Desmond BlakeMarch 8, 2025": the name glued to its date after the lead
    names = [n for n in by_line_names(text) or () if not _JOB.search(n)]  # "By NAME, Staff Writer"
    if names:
        return names
    match = (  # " by" is in every line the three patterns match
        _WRITTEN_BY.match(text) or _POSTED_BY.match(text) or _ROLE_BY.match(text) if " by" in text.lower() else None
    )
    if not match and " by" in text and (post := _POST_BY.match(text)) and (named := _names_after_post(post.group("names"))):
        return named
    if match and len(text) < 200:
        names = _LISTED_NAMES.split(re.sub(_POST_IN_BRACKETS, "", match.group("names")))
        return [_no_honorific(n) for n in names if person(n.strip()) and not is_role(n)]  # not "by Parish Clerk"
    glued = _glued_names(text)
    if glued:  # "Ben CarterUpdated 14 April 2025", "MARCUS WEBBMarch 9, 2025", "Mia Tran and Ben CarterMarch 12, 2025"
        return list(glued)
    return None


def _names_after_post(text: str) -> list[str] | None:
    """The people after a post in capitals that stands before them ("Master Gardener volunteer
    Carol Ann Bixby", "Watch Leader Ana Fifita"), or None when the words before the names are no post.
    (`meta._after_post` reads one name after a post in title case only, inside a list of names.)"""
    words = text.split()
    for k in range(1, min(5, len(words) - 1)):
        names = _LISTED_NAMES.split(" ".join(words[k:]))
        if is_post(" ".join(words[:k])) and all(map(person, names)):
            return [_no_honorific(n) for n in names]
    return None


_ET_AL = re.compile(r",?\s+et al\.?$")
_AFFILIATION = re.compile(r"(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*\*?(?=,|\s|$)")  # "Dlamini1", "Kiprono2,3*"


def _degrees(part: str) -> bool:
    """A writer's degrees between the names of a by-line: "MB ChB", "MD", "PhD" (short words, each
    with two capitals or more)."""
    words = part.split()
    return bool(words) and len(words) <= 3 and all(len(w.strip(".")) <= 5 and sum(c.isupper() for c in w) >= 2 for w in words)


def _names_alone(text: str) -> list[str] | None:
    """The names of a line that is only people's names, with short remarks in brackets and the
    place they write from: "Grace Hill (now) and Dan Sutton (earlier)", "Callum Reid at Meadow Lane"."""
    if "et al" in text:
        text = _ET_AL.sub("", text)  # "A, B, C, et al.": the names shown
    if _DIGIT.search(text):
        text = _AFFILIATION.sub("", text)  # "Nomvula Dlamini1, Samuel Kiprono2,3": the authors' affiliations
    if len(text) > 120 or not text[:1].isupper() or _DIGIT.search(text):
        return None
    if "@" in text:
        text = _HANDLE.sub("", text)
    if "(" in text:
        text = _REMARK.sub("", text)
    if "at " in text or "in " in text:  # what `_IN_PLACE` and `_AT_PLACE` take out holds one
        text = _AT_PLACE.sub("", _IN_PLACE.sub("", text))
    text = text.strip()
    listed = _AND.search(text) or text.count(", ") >= 2  # "A, B and C", "A, B, C"; "A, Université de Lyon" is a name and a place
    parts = [p for p in (_LISTED_NAMES if listed else _PAIRED_NAMES).split(text) if p and not _degrees(p)]
    names = [_clean_caps(_no_honorific(p)) for p in parts if person(p)]
    return names if names and len(names) == len(parts) else None


_PAGE_PART = re.compile(r"^pages? [A-Z]?\d{1,3}(?:[-–]\d{1,3})?(?:, [A-Z]?\d{1,3}(?:[-–]\d{1,3})?)*$", re.IGNORECASE)  # "Page A4", "Pages 1, 6-7"


def _counted(part: str) -> bool:
    """A part of a meta row that counts or places the item: "3 min read", "14 Comments", "Page A4"."""
    return bool(_COUNT.match(part) or _PAGE_PART.match(part))


def _meta_names(text: str) -> list[str] | None:
    """The names of a by-line among other parts of a meta line: "Analysis · By Owen Pryce · 9 May 2025",
    or names alone among a date, counts and labels: "March 3, 2025 | Leah Morgan | 14 Comments", "Jane Hill — 3 March 2026",
    "Sector report · 14 March 2025 · NAME, NAME · 18 pages"."""
    if len(text) > 160 or not _SEPARATOR_MARK.search(text):
        return None
    parts = _BYLINE_SEP.split(text)
    if len(parts) >= 2:
        for part in parts:
            names = by_line_names(part) or ((_POSTED_BY.match(part) or _ROLE_BY.match(part)) and byline_names(part))
            if names:
                return names
        if not any(date_line(p) or _counted(p) for p in parts):
            return None  # no part is a date or a count: neither is one of the parts that are not names
        read = [(part, _names_alone(part) or _comma_names(part) or couple(part) or signature(part)) for part in parts]  # "NAME, Research Office", "Jess & Aled W."
        alone = [names for _, names in read if names]
        others = [part for part, names in read if not names]
        dated = any(date_line(p) or _counted(p) for p in others)  # "NAME | The Ledger | 3 min read"
        first = read[0][1] or _names_after_post(parts[0])  # the row led by its writer: "Rabbi NAME · Parashat Ekev · 16 August 2025"
        if first and dated and all(date_line(p) or _counted(p) or _publisher_like(p) or _row_label(p) for p in parts[1:]):
            return first
        if len(alone) == 1 and dated and all(date_line(p) or _counted(p) or _publisher_like(p) or _row_label(p) for p in others):
            return alone[0]
    return None


def _comma_names(text: str) -> list[str] | None:
    """Two names or more set apart by commas, each a person's: "Rohan Deshpande, Ishita Banerjee"
    (not a name and a place, "Jane Hill, Lewes")."""
    parts = [p.strip() for p in text.split(",")] if "," in text else []
    return parts if len(parts) >= 2 and all(person(p) for p in parts) else None


def _row_label(text: str) -> bool:
    """A short label among a row's parts (a section, a series, a reading: "Elul reflection"), no sentence."""
    return len(text.split()) <= ROW_LABEL_WORDS and not text.rstrip().endswith((".", "!", "?", ":")) and not _DIGIT.search(text)


def dated_byline(text: str) -> bool:
    """A by-line glued to its date: "Mia Tran and Lachlan O'RourkeMarch 12, 2025", "Ben CarterUpdated 14 April 2025"."""
    return bool(_glued_names(text))


@remembered
def _glued_names(text: str) -> tuple[str, ...]:
    """The names of a by-line glued to its date, with or without a space or a word between."""
    if len(text) > 100 or not _may_be_glued(read(text)) or not _PERSON_START.match(text.lstrip(" ,|·•–—-").lstrip()):
        return ()  # no name at its start: none before any date of it either
    for match in _DATE_START.finditer(text, 3):
        if text[match.start() - 1] in "-’'":
            continue  # a double-barrelled name goes on: "Adebayo-Marsh · 4 March 2026" (not "Adebayo-" and "Mar…")
        name = text[: match.start()].strip(" ,|·•–—-")
        if not _PERSON.match(_AND.split(name, 1)[-1].strip().rstrip(".")):
            continue  # no name before it (`person` asks this first), as before most digits of a line
        rest = text[match.start() :].strip()
        if not (date_line(rest) or _COUNT.match(rest)) or name.split()[-1].lower() in CALENDAR:
            continue
        names = _AND.split(name) if len(name) <= 80 else [name]  # "Mia Tran and Lachlan O'Rourke"
        if all(person(n) for n in names):
            return tuple(_clean_caps(n.strip()) for n in names)
    return ()


def _may_be_glued(r: Reading) -> bool:
    """Whether a date or a count may close the line (`_glued_names`): False only on a line with no
    digit and none of `dates.RELATIVE_WORDS`. Proof: `_COUNT` opens with a digit, and `date_line` of
    a text without one is `relative_date`, which needs one of those words (a part of the line holds
    no word its lower-cased copy does not)."""
    return r.digit or r.holds(RELATIVE_WORDS)


def _clean_caps(name: str) -> str:
    return capitalised(name) if name.isupper() else name


def _publisher_like(text: str) -> bool:
    """A short name of a publication or a role: "The Ledger", "Staff Writer", "Reuters"."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) and not text.endswith(".")


def heads_an_item(text: str) -> bool:
    """A by-line of the kind that stands under a headline: "By NAME", "NAME | Publisher",
    "NAME · date" (not a bio or a signature, which close an item)."""
    if by_line_names(text) or _POSTED_BY.match(text):
        return True
    if _meta_names(text):
        return True
    pipe = _PIPE_BYLINE.match(text)
    return bool(pipe and _names_alone(pipe.group("name")))


def first_name(word: str) -> bool:
    """A word that can be a first name signing a text: capitalised, not a stop word, a month, a
    weekday or a post ("Rosa", not "Thanks", "Monday" or "Registrar")."""
    lowered = word.lower()
    return bool(_FIRST_NAME.match(word)) and lowered not in _no_first_names() and not is_post(word)


@cache
def _no_first_names() -> frozenset[str]:
    """The words no first name signing a text is (`first_name`): read once."""
    return stop_words() | CALENDAR | _SIGN_OFF


@remembered
def signature(text: str) -> list[str] | None:
    """The names of a letter's or a column's signature line: "Jane Hill, Leeds", "— Jane Hill",
    "Dr Jane Hill, Leeds", "Deborah and Mark Lund, Totley" (both Lunds)."""
    if not _may_sign(read(text), text):
        return None
    text = _WITH_TEAM.sub("", _VALEDICTION.sub("", text.strip()))  # "Yours sincerely, NAME", "NAME, with the team"
    head, comma, last = text.rpartition(", ")
    if comma and len(last) <= DATED_TAIL and date_of(last):
        text = head  # "— Siobhán Kearney, 14.03.2025": signed and dated
    if len(text) > 120 or text.endswith(":"):  # "MARISA KENT, HOST:" names a speaker
        return None
    if " and " in text and len(listed := people(_BYLINE_SEP.split(text, 1)[0])) >= 2:  # "A, Senior Associate, and B, Partner"
        return listed
    if len(text) > 80:
        return None
    match = _SIGNATURE.match(text.strip())
    if match and person(match.group("name")):
        return [_no_honorific(match.group("name"))]
    couple = _COUPLE.match(text.strip())
    if couple:
        return [f"{couple.group('first')} {couple.group('last')}", f"{couple.group('second')} {couple.group('last')}"]
    first = _FIRST_NAMES.match(text.strip())  # "Becky, Senior Keeper (Small Mammals)"
    if first and first_name(first.group("a")) and (is_role(first.group("role")) or _JOB.search(first.group("role"))):
        return [first.group("a")]
    name, _, role = text.strip().lstrip("–—- ").partition(", ")  # "Marta Kowalczyk, editor"
    if role and (len(role.split()) <= 4 and _JOB.search(role) or _affiliation(role)) and person(_no_honorific(name)):
        return [_no_honorific(name)]  # "Lt Gen (Retd) Sir Andrew Hale, Chairman of Trustees"  # "Jane Hill, Professor of History, University of Leeds"
    if role and text.lstrip()[:1] in "—–" and person(_no_honorific(name)):
        return [_no_honorific(name)]  # "— Marc-André Fortier, her nephew and a member of the Montreal branch": signed under a dash
    return None


def _may_sign(r: Reading, text: str) -> bool:
    """Whether the line may be a signature (`signature`): False only on a line with a word no name
    holds (`Reading.plain`) and no comma or " and ". Proof: `_VALEDICTION`, `_COUPLE`, `_FIRST_NAMES`
    and a name's post need a comma; `people` is asked only with " and "; and `_SIGNATURE` with no
    comma reads a dash, an honorific and a name's words alone (capitalised, or a particle)."""
    return not r.plain or "," in text or " and " in text


def _affiliation(text: str) -> bool:
    """A job title and an institution in capitalised words: "Professor of History, University of Leeds", "County Clerk"."""
    words = text.rstrip(".").replace(",", " ").split()
    return 1 <= len(words) <= 12 and is_role(text) and all(w[:1].isupper() or w.lower() in _SMALL_WORDS | {"&"} for w in words)


def _no_honorific(name: str) -> str:
    name = unstopped(name)
    while (bare := _HONORIFIC.sub("", name, 1).strip()) != name:  # "Lt Gen (Retd) Sir Andrew Hale"
        name = bare
    return post_nominals(name)


_PAGE_CREDIT = re.compile(r"^(.{2,80}?) [·|•–—-] (?:page|p\.) ?\d{1,4}$", re.IGNORECASE)  # "Kamau Njoroge · Page 1"


def _credited_page(text: str) -> bool:
    """A writer's name and the page a story is printed on ("Kamau Njoroge · Page 1", a print
    edition's index): a by-line, not a print page's running head ("SIVUMUT NEWS · Page 4")."""
    found = _PAGE_CREDIT.match(text)
    return found is not None and person(found.group(1)) is not None


@remembered
def labels_row(text: str) -> bool:
    """A row of an item's labels, as blogs, forums and news pages print them under a post or over
    its text: "Labels: cairn, cist, Week 3", "Tags: pumps", "Filed under: Planning", "Posted in: News"."""
    return bool(_LABELS_ROW.match(text.strip()))


_LABELS_ROW = re.compile(r"^(?:labels?|tags?|tagged(?: with| in)?|filed under|topics?|categories|category|posted in)\s*:\s*\S",
                         re.IGNORECASE)


ARROW_LINK_WORDS = 5  # a link's or button's words before its arrow, at most ("Free Estimate →"); no headline ends so


def furniture_reason(text: str, repeats: int = 1) -> str | None:
    """Why a line is page furniture judged by its shape and how often it recurs, or None:
    a call to action about the site ("Share our publication on social media", also cut off; not a
    record's dated field, "Comment submitted date: …", nor a kicker over a wrapped line, "Comment: …
    in"), a line of one or two characters, a short line that recurs three times or more (not a
    date, a by-line or a signature, "— R.K." under each of a writer's entries)."""
    reason = line_debris(text)
    if reason or len(text) > REPEAT_SHORT * 2:
        return reason
    if len(text) <= 240 and (_PAGE_FURNITURE.match(text) and not _credited_page(text) or ("code" in text or "coupon" in text) and _OFFER.search(text)
                             or "? " in text and _ASKED_TAGS.match(text)):  # tags under a question: "What was good? communication, pain relief"
        return "page furniture (tags, sharing, comments, navigation)"
    if len(text) <= 160 and _buttons(text):
        return "a row of counters and buttons"
    if text.endswith("→") and len(text.split()) <= ARROW_LINK_WORDS + 1:
        return "a link or button of the page ('Free Estimate →', 'View project →')"
    if len(text) <= 300 and "@" in text and _ADDRESSED.search(text) and not _TOLD_BEFORE.match(text):
        return "a note to readers with the site's address"
    if len(text) <= 2:  # letters or not
        return "a line of one or two characters"
    s = None
    call = None
    if len(text) <= REPEAT_SHORT:
        asked = text.rsplit("? ", 1)[1] if "? " in text else ""  # "Enjoyed this? Share it"
        call = _CALL_TO_ACTION.match(text) or asked and _CALL_TO_ACTION.match(asked)
    if call:
        s = shape(text)
        last = text.split()[-1]
        broken = len(last) <= 2 and last.islower() and s.words > 1
        command = s.words <= COMMAND_WORDS and not s.final  # "Write to us", "Show newest first"
        labelled = call.string[call.end() : call.end() + 1] == ":" and call.group(0).lower() in _LABELS  # "Comment: Stop calling it …"
        web = _WEB_WORDS.search(call.string[call.end() :] if labelled else text)  # what it asks for is the site's
        field = date_field(text)  # "Comment submitted date: Wed 26 Feb 2025": a record's field
        if s.words <= 14 and (repeats >= 2 or web or broken and not labelled or command) and s.final != "?" and not (
            command and byline_names(text)  # "Show notes by NAME": a credit, not "Show more"
            or field
        ):
            return "call to action of the site"
    if repeats >= 3 and len(text) <= REPEAT_SHORT and not (date_of(text) or byline_names(text) or bio_names(text) or _signs(text)):
        s = s or shape(text)
        if not s.sentence and not s.list_like and (headline_score(text, s) < 0.5 or repeats >= RUNNING_HEAD and not (is_caption(text) or credit_names(text))):
            return f"recurs {repeats} times in the dump"  # also a headline-shaped running head of each page
    return None


@remembered
def name_over_date(name: str, date: str) -> bool:
    """A comment's head on two lines: the commenter's name (a by-line's names, a first name or a
    handle) over the date of the comment ("Tomás Ó Riain" or "Greg", then "30 April 2025")."""
    name = name.strip()
    return date_line(date) and bool(byline_names(name, after_title=True) or first_name(name) or is_handle(name))


def date_line(text: str) -> bool:
    """A date, alone or among short labels: "9 May 2025", "News · 7 May 2025", "Updated 9 April 2025"."""
    if not (_ASCII_DIGIT.search(text) if text.isascii() else any(map(str.isdigit, text))):
        return relative_date(text)  # `day_line` reads a digit, and so does every test after it
    if relative_date(text) or day_line(text) or time_stamp(text):  # "Published 3 days ago", "Updated yesterday", "4 June", "20.02.26", "18:02 IST"
        return True
    if len(text) > 100:
        return False
    if date_of(text) or date_of(_LABELLED.sub("", text, 1)):  # also under a label of the page: "Placed on: 12 May 2025"
        return True
    parts = _META_SEP.split(text)
    if len(parts) >= 2 and len(text) <= 100:
        if not all(len(p.split()) <= 7 for p in parts):
            return False
        return any(date_of(p) or relative_date(p) or day_line(p) or _worded_date(p) for p in parts) or sum(map(month_year, parts)) == 1
        # (a month and its year among labels: "March 2026 | Roses"; months in a row are an archive's menu)
    if posted_line(text):
        return True  # "Posted 21 November 2026 by the District Secretary", "Updated 4 June, with the new times"
    if text[-1:] in "])" and (opened := text.rfind("[" if text[-1] == "]" else "(")) > 0 and len(text[:opened].split()) <= 6:
        return date_of(text[opened:]) is not None  # "Kochi Chronicle, [14.01.2025 08:40]": a channel's post, dated
    return _worded_date(text)


def _worded_date(text: str) -> bool:
    """A word and a date: "Closes 24 April 2026", "Reviewed 3 March 2025"."""
    words = text.split()
    return len(words) <= 6 and len(words) >= 2 and bool(date_of(" ".join(words[1:])))


_BUTTON = re.compile(r"^(?:\w+ )?\d[\d,.]*[km]?$|^(?:reply|share|like|thank|report|quote|save|print|email|permalink)(?: \d+)?$", re.IGNORECASE)


@remembered
def row_parts(text: str) -> tuple[str, ...]:
    """The non-blank parts of a line between " | ", " · ", " • " or wider white space: `_buttons`,
    `meta_row` and a listing's card rows (`cardrows.row_form`) read the same line's parts."""
    return tuple(p.strip() for p in _PARTS.split(text) if p.strip())


def fact_row(text: str) -> bool:
    """A row of short facts over an item's headline, no sentence among them: "Film · Festival 2025",
    "Press release · OptiWire · 19 March 2026", "Notice MSN/2026/025 · Supply disruption · Tier 3".
    Its parts are those between " · " only, not `row_parts`' (a " | " or a wide gap parts a card's row)."""
    parts = text.split(" · ")
    return 2 <= len(parts) <= 5 and all(1 <= len(p.split()) <= 6 and not ends_sentence(p) for p in parts)


def _buttons(text: str) -> bool:
    """A row of a post's counters and buttons, or of calls to action: "Thank 12 | Reply 4 | Share",
    "Posted in Local history | 3 Comments", "Buy this issue £12   Subscribe from £38 a year"."""
    parts = row_parts(text)
    if len(parts) < 2:
        return False
    counted = sum(1 for p in parts if _COUNT.match(p) or _BUTTON.match(p))
    row = counted == len(parts) or counted and len(parts) == 2 and _COUNT.match(parts[-1]) and len(parts[0]) <= 80 or all(
        _CALL_TO_ACTION.match(p) for p in parts
    )
    return bool(row) and not (byline_names(text) or date_line(text))  # "Jane Hill | 3 min read" is a by-line


@remembered
def meta_row(text: str) -> bool:
    """A row of the page's facts or links rather than a headline: fields ("Electorate: 5,902 |
    Turnout: 38.3%"), a breadcrumb trail ("Home > Elections > Results"), three short parts or more
    ("Sat 29 Nov, 5.30pm · Millennium Square · Free"), a link to a file ("… (PDF, 82 KB)"), a
    reply's subject ("Re: …"). A headline with its section and site ("Title | Local | The Ledger") is none."""
    if len(text) > 200:
        return False
    if _CRUMBS.search(text) or _FILE_LINK.search(text) or _REPLY.match(text):
        return True
    if text.count(",") >= 2 and _VOLUME.search(text) and _CITED.search(text):
        return True  # where a paper was published: "Journal of Automated Reasoning, Vol. 69, No. 1, 6, 01.2025"
    parts = row_parts(text)
    if len(parts) >= 2 and sum(1 for p in parts if ":" in p and FIELD.match(p)) >= 2:
        return True
    field = FIELD.match(text) if ":" in text else None  # a colon is in every field
    value = text[field.end() - 1 :] if field else ""
    if field and (";" in value or value[:1].isdigit() and "," in value) and not TWO_SENTENCES.search(value):
        return True  # a list under a label: "Comments: 18 pages, 9 figures", "Subjects: A (x); B (y)"
    if len(parts) < 3 or max(len(p.split()) for p in parts) > 8:
        return False
    headline = len(parts) == 3 and len(parts[0].split()) >= 4 and _publisher_like(parts[-1])  # "Title | Section | Site"
    return bool(_DIGIT.search(parts[0])) or not headline


@by_line  # `s`, when given, is the shape of `text`
def is_label(text: str, s: LineShape | None = None) -> bool:
    """A label of the page rather than text: a word or two without punctuation ("Reviews",
    "Local News") that is not a name, or a menu ("Film | TV | Music")."""
    s = s or shape(text)
    if s.chars > 120:
        return False
    parts = [p.strip() for p in _MENU_SEP.split(text)]  # also a trail "Home › Courts"
    menu = len(parts) >= 2
    if menu and all(1 <= len(p.split()) <= 3 and not p.endswith(".") for p in parts) and not date_line(text) and not _RATED.match(text):
        return True  # (not a card's rating row: "★ 4.9 (318) · Northern Quarter · 0.3 mi")
    return s.words <= 2 and not s.final and not s.list_like and person(text) is None and not date_of(text)


def _spoken(text: str, s: LineShape) -> bool:
    """A turn of an interview or a transcript: a speaker's label, then a question ("Interviewer: How
    can you see it?", "Jane Hill: Why now?"), or any turn after "Q:" or "A:"."""
    match = _SPEAKER.match(text) if s.chars <= 300 else None
    if not match:
        return False
    who = match.group("who").strip()
    if who.lower() in _ASKING:
        return who.lower() in ("q", "a") or s.final == "?"
    return s.final == "?" and (person(who) is not None or who.isupper() and len(who) > 3)


def _figure_field(text: str, s: LineShape) -> bool:
    """A label and a short value with a figure in it: "Where they'll finish: 2nd", "Rating: 7/10"."""
    if s.words > FIELD_WORDS or not FIELD.match(text):
        return False
    value = text.split(":", 1)[1]
    return len(value.split()) <= 2 and _DIGIT.search(value) is not None


def role_of(text: str, s: LineShape, repeats: int = 1, previous: Role | None = None) -> Role:
    """The role of one line from its own evidence (and the role of the line before it)."""
    if s.chars > LICENCE_MAX:  # too long for anything but running text (a bio or a statement is shorter)
        return Role.BODY
    if is_separator(text):
        return Role.SEPARATOR
    if s.chars <= REPEAT_SHORT * 2 and furniture_reason(text, repeats):  # longer: only `line_debris`, done by `segment`
        return Role.FURNITURE
    if detect_licence(text):
        return Role.LICENCE
    if _END_MARK.match(text):
        return Role.CREDIT
    head = previous in (Role.TITLE, Role.DATELINE, Role.FURNITURE)
    if head and (byline_names(text, after_title=True) or group_byline(text)):
        return Role.BYLINE  # "Written by NAME" (or "Staff and agencies") under a headline heads the item
    if previous is Role.BYLINE and s.chars <= POST_MAX and is_role(text):
        return Role.BYLINE  # the writer's post under the by-line: "By NAME", then "Chief football writer"
    if credit_names(text) or translator_names(text) or follow_name(text) or contribution(text):
        return Role.CREDIT
    if byline_names(text) or bio_names(text) or previous in (Role.BODY, Role.STANDFIRST) and signature(text):
        return Role.BYLINE
    if life_dates(text):
        return Role.TITLE  # "Tommy Heaton, 1948–2026": an obituary's head, not a line of figures
    if date_line(text) or s.chars <= 60 and sum(map(str.isalpha, text)) < 0.5 * s.chars and not (s.words > 2 and not s.list_like and is_label(text, s)):
        return Role.DATELINE  # a date, or a short line of figures (a rating, a time, a price) but not a menu of them
    if is_caption(text) and not (previous is Role.FURNITURE and headline_score(text, s) >= 0.5) or len(text) <= 80 and (
        END_SECTION.match(text) or previous is Role.CAPTION and signature(text)
    ):
        return Role.CAPTION  # a caption-like line under a page label is a headline ("Photo of runway is from 2019")
    if inverted_name(text):
        return Role.TITLE  # "ASHWORTH, Dorothy May": the head of a notice
    if is_label(text, s):
        return Role.FURNITURE
    if meta_row(text):
        navigation = _CRUMBS.search(text) or _REPLY.match(text) or _FILE_LINK.search(text) or not _DIGIT.search(text)
        return Role.FURNITURE if navigation else Role.DATELINE
    if s.final == "?" and s.words >= QUESTION_WORDS and (
        previous in (Role.BODY, Role.STANDFIRST) or ". " in text and previous is not Role.TITLE
    ):
        return Role.BODY  # a long question after running text, or after a sentence, is text
    if _spoken(text, s):
        return Role.BODY  # a turn of an interview: "Q: Why study mosquitoes?", "Interviewer: How …?"
    if _figure_field(text, s):
        return Role.BODY  # "Where they'll finish: 2nd", "Prediction: 1st": a field of the text, with its figure, no headline
    if headline_score(text, s) >= 0.5:
        return Role.TITLE
    if previous is Role.TITLE and s.chars < 320 and s.sentence:
        return Role.STANDFIRST
    return Role.BODY


def classify(
    texts: Sequence[str], repeats: Sequence[int] | None = None, shapes: Sequence[LineShape] | None = None
) -> tuple[Role, ...]:
    """The roles of consecutive content lines (`repeats[i]`: how often line i occurs in the dump;
    `shapes`, when already known, their `shape`)."""
    roles: list[Role] = []
    previous: Role | None = None
    run = 0  # headline-shaped lines in a row so far
    headlines: deque[str] = deque(maxlen=HEADLINES_KEPT)  # the last headline-shaped lines
    for i, text in enumerate(texts):
        s = shapes[i] if shapes else shape(text)
        if text[:1] in "#*=" and (marks := MARKDOWN_HEADING.match(text) or PLAIN_HEADING.match(text)):
            text = text[marks.end() :]  # "# Screen awards live: …", "** TOP STORY": a heading is read as its words
            s = shape(text)
        role = role_of(text, s, repeats[i] if repeats else 1, previous)
        if role is Role.TITLE:
            headlines.append(text)
        elif role is Role.BYLINE and s.words >= 4 and any(text in h for h in headlines):
            role = Role.FURNITURE  # the headline again, shortened (a recipe card's title), not a name
        if (
            previous is Role.CAPTION and (role is Role.BYLINE and heads_an_item(text) or role is Role.DATELINE and date_line(text))
            and headline_score(texts[i - 1]) >= 0.5 and (i < 2 or roles[i - 2] is not Role.TITLE)
        ):
            roles[i - 1] = Role.TITLE  # a caption-like line with a by-line under it: a headline ("Video: inside…")
        run = run + 1 if role is Role.TITLE else 0
        if run >= LIST_RUN:  # headline-shaped lines in a row: a list (ingredients, links, a menu), not headlines
            if run == LIST_RUN:
                roles[i - LIST_RUN + 1 :] = [Role.BODY] * (LIST_RUN - 1)
            role = Role.BODY
        roles.append(role)
        previous = role
    return _capital_headings(texts, roles, shapes)


def capital_heading(text: str, s: LineShape) -> bool:
    """A heading set in capitals ("A MEMORY OF THE 1953 FLOOD", "PLANNING: WHAT NEXT FOR THE SITE?"):
    three words or more (two are as often a label, "FULL STORY", or a name), no comma, not a
    sentence, short enough for a headline. In a dump with no blank lines it is what tells a
    section's start."""
    return (
        3 <= s.words <= TITLE_MAX_WORDS and s.chars <= TITLE_MAX_CHARS and text.isupper() and "," not in text
        and s.final not in (".", ";", ",") and not s.list_like and sum(map(str.isalpha, text)) >= 0.6 * s.chars
    )


def _capital_headings(texts: Sequence[str], roles: list[Role], shapes: Sequence[LineShape] | None) -> tuple[Role, ...]:
    """A heading in capitals between a finished text (or its signature) and running text heads
    that text, whatever its words looked like alone (a name, a label, a speaker's question); under
    a headline it stays what it was (a by-line in capitals)."""
    for i in range(1, len(texts) - 1):
        if roles[i] not in (Role.BYLINE, Role.FURNITURE, Role.BODY) or roles[i + 1] not in (Role.BODY, Role.STANDFIRST, Role.BYLINE):
            continue
        if roles[i - 1] not in (Role.BODY, Role.STANDFIRST, Role.BYLINE, Role.CREDIT, Role.LICENCE):
            continue
        s = shapes[i] if shapes else shape(texts[i])
        after = shapes[i + 1] if shapes else shape(texts[i + 1])
        if capital_heading(texts[i], s) and not by_line_names(texts[i]) and not texts[i + 1].isupper() and (
            after.chars >= SHORT or roles[i + 1] is Role.BYLINE
        ):
            roles[i] = Role.TITLE
    return tuple(roles)


class Repeats:
    """How often each short line occurs in a dump: a fixed table of saturating counters
    indexed by a checksum of the line (bounded memory; a rare collision only over-counts)."""

    BITS = 20

    def __init__(self) -> None:
        self._counts = bytearray(1 << self.BITS)
        self.contents = contents.Named()  # the entries of the dump's contents lines ("In this issue: A · B · C")
        self.masthead = Masthead()  # the site's name and menu, from the dump's first lines

    @staticmethod
    @remembered  # a line is counted by the segmenter, by `classify` and by the tagger
    def _key(text: str) -> int:
        return zlib.crc32(" ".join(text.casefold().split()).encode("utf-8", "surrogatepass")) & ((1 << Repeats.BITS) - 1)

    def add(self, text: str, edge: bool = False) -> None:
        """Count a line of the dump; `edge`: it is a print page's first or last line (next to a form feed)."""
        if text and len(text) <= REPEAT_SHORT:
            self._add(self._key(text))
            form = (edge or _folio(text)) and _page_form(text)
            if form:
                self._add(self._key(form if edge else "\x02" + form))

    def _add(self, key: int) -> None:
        if self._counts[key] < 255:
            self._counts[key] += 1

    def count(self, text: str) -> int:
        """How often `text` occurs in the dump; a print page's running head or foot ("Stock notes · Spring 2025     7",
        "Chronicle 88 · 5" at the top of a page) counts every page's, whatever its page number."""
        if not text or len(text) > REPEAT_SHORT:
            return 1
        form = _page_form(text)
        return max(1, self._counts[self._key(text)], *(self._page_counts(form) if form else ()))

    def _page_counts(self, form: str) -> tuple[int, int]:
        """How often a line of this page form heads or ends a page (next to a form feed), and stands with its page
        number set apart by a wide gap."""
        return self._counts[self._key(form)], self._counts[self._key("\x02" + form)]

    def running_head(self, text: str) -> bool:
        """A print page's running head or foot: a line of a form that heads or ends two pages or more (next to a form
        feed), or that stands three times with its page number set apart ("Stock notes · Spring 2025      7")."""
        form = len(text) <= REPEAT_SHORT and _page_form(text)
        if not form:
            return False
        edges, folios = self._page_counts(form)
        return edges >= PAGE_EDGES or folios >= FOLIOS

    @classmethod
    def of_lines(cls, lines: Iterable[str | bytes]) -> Repeats:
        """The counts of a dump's raw lines, as text or as bytes (short ones are decoded and
        cleaned as the split cleans them; long ones cannot repeat as furniture anyway)."""
        repeats = cls()
        last = ""  # the last line with text, the foot of its page when a form feed follows it
        top = False  # a form feed was read: the next line with text heads a page
        first: str | None = None  # the first line with text, the head of the first page once a form feed is read
        feeds = False
        for raw in lines:
            feed = ("\f" if isinstance(raw, str) else b"\f") in raw
            if feed:
                repeats._add_page_form(last)  # the foot of the page that ends here
                if not feeds and first:
                    repeats._add_page_form(first)
                feeds, last = True, ""
            top = top or feed
            if len(raw) <= REPEAT_SHORT + 40:
                text = clean_line((raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw).rstrip("\r\n"))
                repeats.add(text, edge=top and bool(text))
                repeats.contents.add(text)
                repeats.masthead.add(text)
            else:  # a long line: a contents line only when it opens like one ("In this issue: …")
                text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
                if not repeats.masthead.full:
                    repeats.masthead.add(text.strip())
                repeats.contents.add(clean_line(text.rstrip("\r\n")) if contents.opens(text) else None)
            if text.strip():
                last, top = text, False
                first = text if first is None else first
        if feeds:
            repeats._add_page_form(last)  # the last page's foot
        return repeats

    def _add_page_form(self, text: str) -> None:
        form = len(text) <= REPEAT_SHORT and _page_form(text)
        if form:
            self._add(self._key(form))


_FOLIO = re.compile(r"\s*(?:\d{1,4}\s{3,}\S.*?|\S.*?\s{3,}\d{1,4})\s*")  # "7      Stock notes", "Stock notes      8"
_FIGURES = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}(?:\s*[·|•–—-])?\s+|\s+(?:[·|•–—-]\s*)?\d{1,4}\s*$")  # "7 · ", " · 8", "      8"


def _folio(text: str) -> bool:
    """A print page's running head with its page number set apart by a wide gap, before or after it (as
    `pdftotext -layout` prints it), and two words or more (a table's row, "Teal      12", is none)."""
    return "   " in text and bool(_FOLIO.fullmatch(text)) and _words(text) >= 2


def _words(text: str) -> int:
    """The line's words with a letter in them (not its figures or marks)."""
    return sum(1 for w in text.split() if any(map(str.isalpha, w)))


@remembered
def _page_form(text: str) -> str | None:
    """What a print page's running head or foot keeps from page to page: its words without the page number before or
    after them, each other figure one mark, marked so it never counts as a line of the page. None for a line with no
    figure, and for a heading's one word and number ("Chapter 3", "Week 12"): a running head has two words or two
    figures ("Chronicle 88 · 5")."""
    if not _ASCII_DIGIT.search(text) if text.isascii() else not any(map(str.isdigit, text)):
        return None
    figures = len(_FIGURES.findall(text))
    words = _words(text)
    if words < 1 or words + figures < 3:
        return None
    return "\x01" + _FIGURES.sub("0", _PAGE_NUMBER.sub("", text, 1))
