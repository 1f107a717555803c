"""Who and what: title lines and publisher suffixes, "By NAME" lines, bios, credits.

Owns recognising the metadata lines of one article and taking people's names
out of them. People come only from lines that introduce them as the writers
(a by-line, a bio sentence "NAME is a lecturer…", a "Reporting by" or translator
credit), never
from names quoted in the text. Pure functions on strings. Must not decide
article boundaries.
"""

from __future__ import annotations

import re

from sitegen.split.dates import date_field, date_of, posted_line, relative_date
from sitegen.split.memo import remembered
from sitegen.split.firsts import Folded, initialled
from sitegen.split.text import BULLET, GLUED_KICKER, LEADING_LINK, NUMBERED, TABLE_ROW, caps_headline, ends_sentence, may_hold, word_count

_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+(?:[–—|·]|-{1,2})\s+(?P<publisher>[^–—|·]{2,60})$")
_HANGING = frozenset(
    "a an the of to in on at by for from with and or but nor as that which who whose than his her its their our my your "
    "this these those is are was were be been has have had will would can could may should must not into after before "
    "while when where if so".split()
)
_BUTTONS = re.compile(r"\s(?:\s+|(?<=\t))")  # wide white space or a tab
_CLAUSE_WORDS = frozenset(
    "a an it its you your we our my i he she they them what how why when who where is are was were be can will not "
    "this that do does did has have to".split()
)
_SMALL = {"of", "the", "and", "for", "on", "de", "la", "le", "du", "a", "&", "in", "at", "des", "del", "da", "y"}
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"  # capitals of the Latin alphabets
LOWER = "a-zß-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž"  # and their small letters
INITIALS = rf"[{UPPER}]\.\s?[{UPPER}](?:['’][{UPPER}])?\.(?:\s?[{UPPER}]\.)?"  # a writer signing with initials: "R.K.", "J.K.M.", "M.O'D."
_NAME_WORD = rf"(?:[{UPPER}][\w’'.-]*|[{UPPER}]\.)"
_PARTICLE = r"(?:de|van|von|da|di|du|der|den|del|bin|binti|al|el|le|la|ter|dos|das|ap)"
NAME = rf"{_NAME_WORD}(?:\s(?:{_NAME_WORD}|{_PARTICLE})){{1,4}}"
HONORIFICS = (  # titles before a name: academic, civil, judicial, religious, military and professional
    r"(?i:(?:Associate|Assistant|Assoc|Asst)\.?\s(?:Professor|Prof)|Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rabbi|Cantor|Rev|Revd|Reverend|Fr|Father|Imam|Pastor|Canon|Bishop|Cllr"
    r"|Councillor|Ambassador|Senator|Judge|Coroner|Magistrate|Sheriff|Captain|Capt|Sgt|Sergeant|Inspector|Lt\.?\sCol|Lt|Gen|Maj|Cdr"
    r"|Chief|FF|Firefighter|Very|Rt|Hon|Shri|Smt|Shrimati|Haji|Hajiya|Alhaji|Alhaja|Sheikh|Deacon|Squire"
    r"|Dato['’]?|Datuk|Datin|Tan\sSri|Puan\sSri|Tun|Venerable|Ven|Mwalimu|PCSO|Sister|Uncle|Aunty|Auntie|Chef|Coach"
    r"|Advocate|Mayor|Deputy\sMayor"
    r"|Emeritus|Emerita|Admiral|Vice|Rear|Commodore|Brigadier|Colonel|Lieutenant|General|Major|Marshal"
    r"|Dra|Qari|Maulana|Mufti|Ustadh|Ustaz"
    r"|(?-i:CA|CPA|CMA|CFA|Adv|Engr|Er|Col\.|PC|DC|DS|DI|DCI|DSI|GM|IM|FM|WGM|WIM|IA|FA)"  # "Col." is a colonel, "Col Baxter" a Colin; police and chess ranks
    r"|Guest\s(?:trainer|author|writer|columnist|contributor|blogger|editor|reviewer|expert|chef|curator))"
)
_HONORIFIC = rf"(?:{HONORIFICS}\.?\s(?:\((?i:retd|ret)\.?\)\s)?)*"  # titles dropped from a name, one or more
_NAMES = rf"{NAME}(?:\s*(?:,|,?\s(?:and|&|with))\s*{_HONORIFIC}{NAME})*"  # "A, B and C", "A with B"
_LEADING_HONORIFICS = re.compile(rf"^{_HONORIFIC}")
_NAME_LIST = re.compile(r"\s*(?:,\s*and\b|,|\band\b|&|\bwith\b)\s*")  # "A, B, and C", "A with B"
_LAST_INITIAL = re.compile(r"(?:^|[\s.'’])[A-ZÀ-ÖØ-Þ]\.$")  # "Tomasz K.", "É.M.", "M.O'D."
_BY_LINE = re.compile(
    rf"^(?i:(?:(?:words|written|story|text|fact[- ]?checked|reported|researched|compiled|opinion|analysis|commentary"
    rf"|column|essay|report) )?by|author|words|text):?\s+"
    rf"(?:the\s(?=(?i:very|rt|rev|revd|reverend|hon)\b))?{_HONORIFIC}(?P<names>{_NAMES})"
    rf"\s*(?:(?:in|at|from|for) [A-Z][\w’' ,.-]{{1,60}}|on [\w ,.:]{{4,40}}|with [a-z].*|[|,–—·•-].*|\(.*\))?$"
)
_WORDS_OF = r"(?:words|text|texto|texte|story)"
_MEDIA = r"(?:photos?|pictures|photographs?|photography|images|video|illustrations?|charts?|graphics|maps|data)"
_WORDS_AND = rf"(?:(?:{_WORDS_OF}|interview)\s*(?:,|and|&)\s*{_MEDIA}|{_MEDIA}\s*(?:,|and|&)\s*{_WORDS_OF})"  # "Text and photos"
FOREIGN_LEADS = ("von", "par", "por", "di", "door", "av", "na", "nā", "le", "oleh", "ni")  # "by" in the languages near English, Swahili, Maori, Irish, Malay, Filipino
_LOWER_LEADS = ("le",)  # only in lower case: Irish "le NAME", not French "Le Sanglier Rouge"
_LEAD = initialled(  # what starts a by-line, in English and the languages near it, and a role before the name
    rf"^(?:(?:(?:{_WORDS_AND}|{_WORDS_OF}|written|post(?:ed)?|reported|report|opinion|analysis|column|essay|commentary)\s+)?by\s+"
    rf"|(?:{'|'.join(f'(?-i:{w})' if w in _LOWER_LEADS else w for w in FOREIGN_LEADS)})\s+|(?:[a-z]+ (?:and|&) )?(?:authors?|reporters?|writers?|analysts?|correspondents?|columnists?|reporting|report|{_WORDS_AND}|{_WORDS_OF})\s*:\s*)"
    rf"(?:(?-i:[A-Z][\w'’-]+) (?=(?-i:reporter|correspondent|writer|editor|columnist)\b))?(?:(?-i:[a-z][\w-]*) ){{0,3}}(?=[{UPPER}])",
    re.IGNORECASE,
)  # (a place before the post: "By Riverina reporter NAME")
_AFTER_NAMES = re.compile(  # where a by-line's names end: a separator, or a date, a publisher or a place after them
    r"\s*[|·•–—»(/]|\s+-\s|\s+\d|,?\s+(?i:for|in|at|from|on|published|updated|posted|filed|last)\s"
)
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|&)\s+|,|\s(?:and|und|et|y|e|en|og|och|&|with)\s)\s*")
EVENT_LEADS = r"taught|tutored|led|coached|facilitated|chaired|organi[sz]ed"  # an event's people, no writers: "Taught by NAME"
_NOT_WRITERS = re.compile(  # also "Results supplied by", "Prices provided by": who sent the figures, not a writer
    r"^(?:(?:medically )?reviewed|hosted|presented|produced|edited|narrated|moderated|curated|sponsored"
    rf"|directed|illustrated|photographed|{EVENT_LEADS}"  # (an event's people: "Taught by NAME")
    r"|(?:[a-z]+ )?(?:and [a-z]+ )?(?:supplied|provided))(?: and \w+)? by\b",
    re.IGNORECASE,
)
_CAPS_THEN_MORE = re.compile(rf"^((?:[{UPPER}][{UPPER}’'.-]+\s){{1,3}}[{UPPER}][{UPPER}’'.-]+)\s+(?=[{UPPER}][a-z])")
COUPLED = r"(?:and|&|und|et|y|e|og|en)"  # between two first names: "Anil and Sophie Bhatt", "Jürgen und Petra K."
_COUPLE = re.compile(rf"^(?P<a>[{UPPER}][{LOWER}’'-]+) {COUPLED} (?P<b>[{UPPER}][{LOWER}’'-]+) (?P<last>[{UPPER}][\w’'-]+|[{UPPER}]\.)$")
_NICKNAME = re.compile(r"(?<=\w)\s[“\"][^”\"]{1,30}[”\"]\s(?=[A-Z])")
CALENDAR = frozenset(  # "Dated Friday 8 May", "by Monday": a weekday or a month is no name's last word
    "monday tuesday wednesday thursday friday saturday sunday january february march may july september october november "
    "december today tomorrow yesterday".split()
)
_ONE_NAME = re.compile(rf"^([{UPPER}][a-z’'-]{{2,}})\s*(?:[|·•]|$)")
_PERSON_NAME = re.compile(rf"^{NAME}$")
_INVERTED_NAME = re.compile(r"^[A-Z][A-Z’'-]{2,}, [A-Z][a-z’'-]+(?: [A-Z][\w’'-]*| \([A-Z][\w’'-]*\))*$")
_KNOWN_LETTERS = frozenset(  # letters after a name, as a name in capitals may carry them
    "MRCVS BVSC BVMS BVM&S MBE OBE CBE KBE DBE PHD DPHIL MBA MSC BSC BA MA MD FRCS FRCP MRCP MRCGP FRS KC QC MP MSP MS RGN RN FCA"
    " ACA CENG MICE FRICS MRICS RIBA JP DL FRSA FRHISTS MW".split())
_LETTERS_AFTER = re.compile(  # "MA", "VetMB", "MRPharmS", "MRCVS"
    r"^(?:(?=\w*[A-Z]\w*[A-Z])(?=\w*[a-z])[A-Z][A-Za-z]{2,8}|[A-Z]{3,6}|MA|BA|MD|RN|MP|QC|KC|DO|MW)$"
)
_PLACE_END = re.compile(  # fells, fens, trails and streets, and a name opened as places are ("Lake Rotoroa", "Upper Teesdale"), not people
    r"\s(?:Pass|Crag|Tarn|Loch|Ghyll|Fen|Trail|Basin|Estuary|Reservoir|Point|Station|Island|Peninsula|Glacier|Road|Street|Avenue|Drive|Crescent|Terrace"
    r"|Boulevard|Rd|Ave)$|^(?:Lake|Loch|Mount|Port|Upper|Lower|Northern|Southern|Eastern|Western|North|South|East|West|Greater)\s"
)
_VENUE = re.compile(r"\b(?:Lecture|Theatre|Theater|Auditorium|Building|Room|Foyer|Campus)\b")  # "Lecture Theatre B", no person
GENRES = frozenset(
    "report reports review reviews preview update updates notes diary results feature interview column letter letters blog "
    "podcast video opinion analysis comment news roundup round-up digest bulletin guide briefing release releases statement "
    "notice information publicity announcement announcements advisory obituary obituaries".split()
)
_NOT_NAME_WORDS = frozenset("the of for on in at with from to a an by".split())
INNER_NAME_WORDS = frozenset(("two",))  # a word no name opens or ends with, inside one: "Shirley Two Crow"
_CREDIT_PART = re.compile(rf"^(?P<what>[A-Za-z][A-Za-z -]{{1,30}}?) by\s+(?P<names>{_NAMES})$")
_CREDIT_SPLIT = re.compile(r"\s*;\s*|,\s*(?=[A-Za-z -]{1,30} by\b)")
_CUT_CREDIT = re.compile(r"\s*[;,]\s*(?:editing|edited|additional reporting|graphics|fact-checking) by\s*$", re.IGNORECASE)
_WRITERS = frozenset({"reporting", "reported", "writing", "written", "reporting and writing", "words"})
_BOOK = re.compile(
    rf"\b(?i:extracted|excerpted|taken|recipes?|an? (?:extract|excerpt)) (?i:from)\s+[^.()]{{2,100}}?\s(?i:by)\s+"
    rf"(?P<names>{_NAMES})"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_CONTRIBUTED = re.compile(
    r"^\(?(?:.{2,120}? contributed(?: reporting)? to this (?:report|story|article)|additional reporting by .{2,120})\.?\)?\.?$",
    re.IGNORECASE,
)
_BY_LINE_WORDS = ("by", "author", "words", "text")  # one begins within `_BY_LINE_REACH` of every _BY_LINE match
_BY_LINE_REACH = len("fact-checked by")  # the longest way _BY_LINE's lead reaches "by"
_CONTRIBUTED_WORDS = ("contributed", "additional reporting by")  # one is in every match of _CONTRIBUTED
_ORGANISATION = Folded(  # a group, not a person: "Editorial Board", "Staff", "Associated Press"
    r"\b(?:board|staff|desk|team|newsroom|editors|editorial|agency|agencies|press|presse|bureau|service|services|wire|wires"
    r"|committee|council|office|department|group|association|society|institute|foundation|news|media|reuters|afp"
    r"|images|photos|pictures|photography|archive|collection|ltd|inc|plc|limited|stories|diaries|updates|safety|newswire"
    r"|data|insights|analytics|success|support|communications|marketing|operations)$",
)
_INSTITUTION = Folded(  # the last word of a named publication or institution: "Creators Syndicate", "Durham University"
    r"\S\s(?:syndicate|magazine|times|herald|journal|gazette|tribune|chronicle|network|radio|television|publishing"
    r"|publications|books|studios?|productions|university|college|school|hospital|trust|charity|action|theatre|theater"
    r"|ministry|government|commission|authority|church|museum|library|company|corporation|club|centre|center|fund"
    r"|alliance|coalition|union|party|securities|holdings|capital|wealth|greens|vidyalaya|academy|gymnasium)$",
    initials=False,
)
_ACRONYM_END = re.compile(r"\S\s[A-Z]{2,4}$")
_MORE_GROUPS = Folded(  # groups, places and events named like people: "Bristol Museums", "Dales Seed Share"
    r"\S\s(?:galler(?:y|ies)|museums|salerooms?|strategy|platform|share|fibre|fiber|market|festival|project|programme"
    r"|program|partnership|initiative|bank|pantry|architects|associates|solicitors|consultants|engineers|builders|ringers|singers"
    r"|players|chronicles|arts|meetings|events|hub|collective|collections|hotel|hotels|inn|taproom|coffee|roasters|brewing"
    r"|bakery|cafe|deli|co|energy|audio|mobile|motors|garage|divers|swimmers|runners|riders|ramblers|rowers|cyclists|anglers"
    r"|harriers|wheelers|quarry|quarries)$",
    initials=False,
)
_NOT_PERSON = re.compile(  # what signs as a person would but is a group, a publication or a place
    r"\S\s(?i:dispatch|courier|express|observer|monitor|echo|telegraph|sentinel|messenger|mercury|argus|watch|insider"
    r"|weekly|daily|secretariat|administration|inquiry|aquarium|distillery|brewery|winery|marts|gymnastics|athletics"
    r"|handball|football|rugby|cricket|hockey|netball|basketball|drama|bowmen|scouts|choir|orchestra"
    r"|admin|administrator|webmaster|room|rink|arena|stadium|velodrome|lido|baths|shop|workshop|craftsman|craftswoman|craftsperson)$"  # its last word: a site's account ("Jewel Mas
    # Admin"), a venue ("Lecture Room", "Harbourside Ice Rink")
    r"|\b(?:Network|Association|Society|Foundation|Trust|Council|Committee|Club|Youth|Aquarium|Embassy|Consulate)\b"  # a word anywhere
    r"|^(?:Castle|Castell|Hotel|Mount|Team) |\sCol$"  # "Castell Brynmor", "Team Walsh" (an office's account); a mountain pass: "Lingmell Col"
    r"|^(?:Class|Year|Grade|Form|Standard|Std)\s(?:[IVXLC]{1,4}|\d{1,2}[A-Z]?)$"  # a pupil's class: "Class X", "Year 9"
    r"|\s(?!(?:KC|QC|MC|GC|DSC)$)[A-Z]{1,3}C$"  # a club's letters ("Wickham Park LTC"), not a barrister's ("NAME KC")
)
_PHOTO_CREDIT = re.compile(
    rf"^(?i:photographs?|photos?|images?|pictures?|photography)(?:\s*:\s*|\s+(?i:by)\s+)(?P<name>{NAME})"
    r"(?:\s*(?:/|\||,|–|—|-|\bfor\b).{0,60})?\.?$"
)
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\. (?=[A-Z])")  # a full stop after a word (not an initial's: "By J. Smith")
_ABBREVIATED = frozenset("capt prof engr supt insp sgt col gen rev cllr lieut brig cmdr maj assoc hon revd".split())  # "Capt. NAME"
_PLACES = re.compile(r" in [A-Z][\w-]+(?: [A-Z][\w-]+)?(?:, [A-Z][\w-]+(?: [A-Z][\w-]+)?)?(?=[;,.]| and |$)")  # "in Cape Canaveral, Florida"
_TRANSLATED = re.compile(
    rf"^(?i:(?:translated|translation)(?: and (?:edited|adapted))?(?: from (?:the )?\w+)?(?: (?:in)?to \w+)?(?: by|:))"
    rf"\s+(?P<names>{_NAMES})\.?$"
)
_BIO_VERB = (  # what follows a name in a bio: "is a …", "is senior lecturer …", "is pursuing …", "teaches …"
    r"(?:(?:is|was|has been) (?:a|an|the|one|currently|now|also|both|former|formerly|senior|junior|associate|assistant"
    r"|adjunct|visiting|emeritus|emerita|chief|deputy|principal|pursuing|completing|studying|doing|working|writing|based"
    r"|professor|lecturer|reader|researcher|fellow|candidate|student|journalist|reporter|correspondent|writer|author"
    r"|editor|columnist|analyst|economist|director|founder|co-founder|chair|head|partner|consultant|advis[eo]r|teacher"
    r"|lawyer|freelance|freelancer|[A-Z][\w.]*|\w+ist)"
    r"|teaches|writes|works|researches|serves|covers|reports|holds|leads|directs|studies|lectures)"
)
# what a bio says after its name, as `_BIO_START` and `_BIO_PLURAL` read it (taking out a lead or a
# handle, as `bio_names` does, makes none of them: what they take out ends before a space)
_BIO_CUE = re.compile(
    r" (?:is |was |has been |are|teaches|writes|works|researches|serves|covers|reports|holds|leads|directs|studies|lectures)"
)
_BIO_NAME = re.compile(
    rf"(?:^|,\s(?:and\s)?|\sand\s|[.!?]\s+|^At [^,]{{2,80}},\s)(?:{_HONORIFIC})(?P<name>{NAME}) {_BIO_VERB}\b"
)
_BIO_START = re.compile(rf"^(?:At [^,]{{2,80}},\s)?{_HONORIFIC}{NAME} {_BIO_VERB}\b")
_WRITES = re.compile(  # a bio with no job in it: "NAME writes about cities", "NAME covers transport for X"
    rf"^{_HONORIFIC}{NAME} (?:writes|has written|covers|reports) (?:about|on|for|from|regularly|widely|mainly|\w+ for)\b"
)
_HANDLE = re.compile(r"\s\(@\w+\)(?= )")
_ABOUT = re.compile(r"^(?i:about the authors?|about the writers?|the authors?)\s*[:.–—-]\s*")
_BIO_PLURAL = re.compile(rf"^{_HONORIFIC}(?P<names>{NAME}(?:,\s{_HONORIFIC}{NAME})*,?\s(?:and|&)\s{_HONORIFIC}{NAME}) are\b")
_ROLE = Folded(
    r"\b(professor|lecturer|reader in|researcher|research|fellow|scholar|scientist|student|candidate|ph\.?d|doctoral"
    r"|postdoctoral|journalist|reporter|correspondent|writer|author|editor|columnist|contributor|freelancer|freelance"
    r"|analyst|economist|historian|director|founder|co-founder|chair|head of|dean|ceo|partner at|consultant|advis[eo]r"
    r"|associate|assistant|secretary|ambassador|official|officer|diplomat|commentator|teacher|instructor|lawyer"
    r"|attorney|physician|engineer|expert|specialist|member of|co-?ordinator|organi[sz]er|manager|university|institute|college"
    r"|school|centre|center|academy|foundation|think tank|department|faculty|laborator|graduate|alumn|host of)",
)
_POST = Folded(  # more jobs and posts, after a name ("NAME, Textile Conservator"); not enough to make a bio
    r"\b(?:conservator|curator|archivist|librarian|clerk|volunteer|neighbou?r|resident|trustee|chairman|chairwoman"
    r"|chairperson|president|councillor|mayor|spokes(?:man|woman|person)|nurse|midwife|pharmacist|chef|coach|captain"
    r"|organi[sz]er|partner|solicitor|barrister|counsel|paralegal|lead|executive|counse(?:l)?l?or|gardener|technician|surgeon"
    r"|ranger|veterinar\w*|vet|master|keeper|warden|planner|designer|developer|communications|affairs|marketing|relations"
    r"|educator|agent|adviser|advisor|extension)s?\b",
)
_MORE_POSTS = re.compile(  # posts that tell a signer's job, not a line's role on the page ("Duty Volcanologist")
    r"\b(?:headteacher|head teacher|caseworker|leader|\w+ologist|principal|vicar|rector|registrar|controller|forecaster"
    r"|therapist|tipster|doctor|scouter|pipe major|drum major|treasurer|bursar)s?\b|^(?:S|E)?VP\b",
    re.IGNORECASE,
)
_RANKED_POST = re.compile(  # a rank or a trade before a job: "Head Distiller", "Sales Negotiator", "Senior Keeper"
    r"^(?:head|chief|senior|junior|lead|deputy|assistant|acting|sales|marketing|managing|executive)\s[a-z]+(?:\s[a-z]+)?$",
    re.IGNORECASE,
)
_NOT_NAMES = set(
    "This The It These That There He She They We Our Its While But And However When If As In On At For Although "
    "Because Since After Before Then Now Yet So Still Even Also Meanwhile Instead Despite Unlike Like Why What How "
    "Who Where Which Today Last Next Every Each Some Many Most Such One Two Three Both All No None A An".split()
)


_HANDLE_WORD = re.compile(r"^@?(?=[\w.-]*[^\W\d_])[\w.-]{3,30}$")  # one word of letters, digits, ".", "-", "_"
_VERSION = re.compile(r"^v?\d")  # "v0.18.4", "2.7.3": a release, no handle


def is_handle(text: str) -> bool:
    """A user's handle as sites print it ("hopsandhops", "Greta_L", "@noorknits", "fellwalker_88"): one
    word in lower case, or with a digit or an underscore; not a capitalised word of the page
    ("Committee") nor a release's version ("v0.18.4")."""
    text = text.strip()
    return bool(_HANDLE_WORD.match(text)) and not _VERSION.match(text) and (
        text.islower() or any(c.isdigit() or c == "_" for c in text))


_STARS = re.compile(r"\s*[★☆✩✭⭐]+(?:\s*½)?\s*$")  # a star rating after a headline: "★★★½"
_LEADING_STARS = re.compile(r"^[★☆✩✭⭐]+(?:\s*½)?\s+(?=\S)")  # or before it: "★★★★★ Rock solid"


_HEADING_MARKS = re.compile(r"^(?:\*{1,3}|#{1,6}|={2,})\s+|\s+(?:\*{1,3}|#{1,6}|={2,})$")
_BOLD = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1$")  # a headline in Markdown's bold: "**Statement regarding our match**"


def unrated(title: str) -> str:
    """A headline without a review's star rating after it or before it ("Yiayia Said No ★★★★", "★★★★★ Rock
    solid"): it rates the show, it is no part of its name ("Five ★ hotels" keeps its star)."""
    rated = _STARS.search(title)
    if rated and rated.start() > 0:
        title = title[: rated.start()]
    return _LEADING_STARS.sub("", title, 1)


def split_title(line: str) -> tuple[str, str | None]:
    """(clean title, publisher) from a title line with an optional ' – Publisher' suffix.

    The suffix must look like a name: one to five capitalised words (small words allowed),
    without final punctuation. In "Title | Section | Site" the site is the publisher and the
    section goes. Runs of white space inside the title become one space, a plain-text heading's
    marks ("** Title", "## Title ##"), a text browser's link number ("[16]Title") and a kicker glued on
    in capitals ("NEWSGlasgow …") go, and a review's star
    rating after the headline ("Yiayia Said No ★★★★") or before it ("★★★★★ Rock solid") goes: it rates
    the show, it is no part of its name.
    """
    text = _clean_title(line)
    parts = text.split(" | ")
    if len(parts) >= 3 and _is_publisher(parts[-1]) and all(len(p.split()) <= 4 for p in parts[1:-1]):
        return parts[0].strip(), parts[-1].strip()
    match = _SUFFIX.match(text)
    if match and _is_publisher(match.group("publisher")):
        return match.group("title").strip(), match.group("publisher").strip()
    return text, None


def _clean_title(line: str) -> str:
    """A title line cleaned, a suffix after a dash or a bar kept (`split_title` parts them)."""
    text = " ".join(line.split())
    if text[:1] in "*#=" or text[-1:] in "*#=":
        text = _HEADING_MARKS.sub("", text) or text  # "** From the coordinator": a plain-text e-mail's heading marks
        text = _BOLD.sub(r"\2", text)
    if text[:1] == "[":
        text = LEADING_LINK.sub("", text, 1) or text  # "[16]Roading repairs …": a text browser's number of the link
    text = unrated(text)
    if text[:4].isupper():
        text = GLUED_KICKER.sub("", text, 1)  # "EXPLAINERWhat is …": the kicker the scraper glued on is no part of it
    if text.endswith(")") and (badge := _BADGE_AFTER.search(text)):
        text = text[: badge.start()]  # "Borrowdale Slate & Stone (SPONSORED)": the listing's badge, no part of the name
    return text


_BADGE_AFTER = re.compile(r"\s+\((?:SPONSORED|Sponsored|FEATURED|Featured|PROMOTED|Promoted|AD|Ad|ADVERTISEMENT|Advertisement)\)$")


def own_suffix(title: str, publisher: str) -> bool:
    """A dash's suffix that belongs to the headline, not a publisher's name: a date or a number
    ("Fishing Report – July 9, 2026", "Call – Round 9"), or the name of an event after its date
    ("Saturday 10 May 2027, 2.30pm — Young Organists' Platform")."""
    return any(c.isdigit() for c in publisher) or bool(date_of(title.split(",")[0]))


def _is_publisher(text: str) -> bool:
    """A name of a publication: capitalised words, not a clause ("What It Means For You", "A Guide")."""
    words = text.split()
    return (
        1 <= len(words) <= 5
        and not any(w.lower() in _CLAUSE_WORDS for w in words)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)
        and not ends_sentence(text.strip().rstrip(")"))
    )


COMPANY_END = re.compile(r"\s(?:Co|Ltd|Inc|Bros|Corp|Assn)\.$")  # a name's abbreviation, no sentence's stop: "Southern Cross Cheer Co."


def looks_like_title(line: str, next_line: str | None) -> bool:
    """A first line that names the article rather than starting its text: short, and
    without a final full stop (a question or a quotation may end a title)."""
    if next_line is None or not line or len(line) > 200:
        return False
    if BULLET.match(line) or NUMBERED.match(line) or TABLE_ROW.match(line):
        return False
    if by_line_names(line) or bio_names(line) or translator_names(line) or date_of(line) or relative_date(line) or posted_line(line) \
            or date_field(line):  # "Comment submitted date: Wed 26 Feb 2025": a record's field
        return False
    if sum(map(str.isalpha, line)) < 0.5 * len(line) or "@" in line or "://" in line:
        return False  # a rating, a number, an e-mail address or a link is not a title
    if sum(map(str.isalpha, line)) < 3 or line.endswith((",", ";")):
        return False  # a slug of a letter or two, or a line that goes on ("Dear Editor,")
    if line[-1:] == "-" and line[-2:-1].islower() and next_line[:1].islower():
        return False  # a word broken at the line's end, its rest under it: "… introduce our an-" over "nual review …"
    if len(_BUTTONS.split(line.strip())) >= 3:
        return False  # a row of buttons or links glued by the scraper: "Was this useful?  Yes  No"
    if split_title(line)[1]:
        return True
    if line.endswith(("?", "!", "”", '"', "’", "'", "»")) or line.endswith(")") and not line.rstrip(")").endswith("."):
        return word_count(line) <= 25
    return (not ends_sentence(line) or caps_headline(line) or bool(COMPANY_END.search(line))) and word_count(line) <= 25


def title_from_text(text: str, words: int = 10) -> str:
    """A title made from the opening words of a text that has none, ending in "…" when cut
    (and then not on a word such as "the" or "and" that leaves the phrase hanging)."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    head = parts[:words]
    while len(head) > 4 and head[-1].lower().strip(",;:–—-") in _HANGING:
        head.pop()
    return " ".join(head).rstrip(",;:–—-") + "…"


@remembered
def without_nickname(text: str) -> str:
    """A name without the nickname in quotes inside it: 'Wayne "Woz" Dorrington' is Wayne Dorrington."""
    return _NICKNAME.sub(" ", text) if "“" in text or '"' in text else text


def by_line_names(line: str) -> list[str] | None:
    """People of a "By NAME", "By NAME and NAME | Reuters", "June 3, 2025 by NAME" line, or None;
    also "By NAME, Publisher", "Words: NAME", "Text and photos: NAME", "Von NAME und NAME",
    "By staff writer NAME", "By NAME published 3 hours ago" (the role, publisher, place or date
    after the names is not a name)."""
    text = line.strip()
    first, *rest = _SENTENCE_END.split(text, 1)
    if rest and any(w[:1].islower() for w in rest[0].split()[:3]) and first.rsplit(None, 1)[-1].lower() not in _ABBREVIATED:
        text = first  # "Written by A and B. Tested by the panel …": the first sentence names them (not "By A. Cambridge: Press")
    if " in " in text:
        text = _PLACES.sub("", text)  # "By A in Leeds and B in Hull"
    text = without_nickname(text)  # 'Ste "The Gaffer" Whitlow'
    match = _BY_LINE.match(text) if may_hold(text[:_BY_LINE_REACH], _BY_LINE_WORDS) else None
    if not match and " by " in text[:40]:
        date, _, rest = text.partition(" by ")
        match = _BY_LINE.match("by " + rest) if date_of(date.strip(" ,|·•–—-")) else None
        alone = _ONE_NAME.match(rest) if not match and date_of(date.strip(" ,|·•–—-")) else None
        if alone and alone.group(1).lower() not in CALENDAR:  # "February 8, 2027 by Leanne | 14 Comments": a one-name author
            return [alone.group(1)]
    if match:
        names = people(match.group("names"))
        led = _led_names(text)  # "By A, Partner, and B, Trainee Solicitor": more names after a post
        more = led and len(led) > len(names) and set(names) <= set(led) and re.search(r"\s(?:and|&)\s", text)
        return led if more else names or None
    return _led_names(text)


def _led_names(text: str) -> list[str] | None:
    """The people after a by-line's lead word ("By", "Words:", "Par", …) when what follows the
    names (a publisher, a role, a date) is not in the `_BY_LINE` form."""
    lead = _LEAD.match(text) if len(text) <= 200 else None
    if not lead:
        return None
    rest = _AFTER_NAMES.split(text[lead.end() :], 1)[0]
    return people(rest, couples=True) or None


def names_no_writer(line: str) -> bool:
    """A by-line of people who did not write the text: "Hosted by", "Presented by", "Reviewed by",
    "Medically reviewed by", "Edited by" (a fact-check's "Fact-checked by" names its writer)."""
    return bool(_NOT_WRITERS.match(line.strip()))


def couple(text: str) -> list[str] | None:
    """Two people of one surname, as a by-line names them: "Anil and Sophie Bhatt", "Jürgen und Petra K."."""
    pair = _COUPLE.match(unstopped(text.strip()))
    if not pair or is_group(f"{pair.group('b')} {pair.group('last')}"):
        return None  # (not a place: "Craig y Fedw Quarry")
    return [f"{pair.group('a')} {pair.group('last')}", f"{pair.group('b')} {pair.group('last')}"]


def people(text: str, couples: bool = False) -> list[str]:
    """The people a list of names starts with: "A, B and C", "A und B", "A, Senior Lecturer, and B,
    Staff Writer" (roles and groups between them are passed over; a publisher or a place after
    them ends the list); [] when it does not start with a person's name."""
    out: list[str] = []
    text = unstopped(text)
    pair = couple(text) if couples else None
    if pair:  # "By Anil and Sophie Bhatt": two people of one surname
        return pair
    parts = _LIST_SPLIT.split(text)
    joins = [","] + _LIST_SPLIT.findall(text)
    after_role = False
    for part, join in zip(parts, joins):
        caps = _CAPS_THEN_MORE.match(part)  # "MARGERY BECK Associated Press": the name in capitals, then the publisher
        name = _clean_name(caps.group(1) if caps and not is_person_name(_clean_name(part)) else part)
        name = name if is_person_name(name) else _after_post(name)  # "Station Manager Dewi Morgan"
        if is_person_name(name) and not _RANKED_POST.match(name) and not (after_role and "," == join.strip()):  # "A, Director, Org Name": no person
            out += [name] if name not in out else []
            after_role = False
        elif is_post(name) or is_group(name):
            after_role = bool(out)  # "Chief Executive, Hugh Bannerman": a post before the name
        else:
            break
    return out


def _after_post(text: str) -> str:
    """The name after a post that stands before it ("Station Manager Dewi Morgan" → "Dewi Morgan"), or the text."""
    words = text.split()
    for k in range(1, min(4, len(words) - 1)):
        rest = " ".join(words[k:])
        post = " ".join(words[:k])
        if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", post) and is_post(post) and is_person_name(rest):
            return rest
    return text


def unstopped(text: str) -> str:
    """A name without the full stop after it, but for a last initial's ("Diego R.", "Liam T.")."""
    text = text.strip()
    return text if _LAST_INITIAL.search(text) else text.rstrip(".")


def bare_name(name: str) -> str:
    """A name as the front matter gives it: no honorific or rank, no letters after it, not in capitals."""
    return _clean_name(name)


PAPER_ARTICLES = frozenset({"Le", "La", "Les", "El", "Los", "Las", "Der", "Die", "Das", "Il", "Lo", "Het"})  # a paper's name opens so


@remembered
def is_person_name(name: str) -> bool:
    """Capitalised words that can be a person's name: two to five, none of them a role ("Senior
    Lecturer"), a group ("Creators Syndicate") or a word a name never has ("The Harbour Times")."""
    if not _PERSON_NAME.match(name) or is_post(name) or is_group(name) or place_name(name):
        return False
    if name.split()[-1].lower() in GENRES:
        return False  # "Match Report", "Book Review": a kind of text, not a surname
    caps = [len(w) > 2 and w.isupper() for w in name.split() if "." not in w]
    if any(caps) and not all(caps):
        return False  # "TRDU Legal": an acronym beside a word is a body's name, as `roles.person` reads it
    if name.count(" ") == 1 and name.split()[0] in PAPER_ARTICLES:
        return False  # "Le Trottoir", "Die Zeit": a paper's name
    words = name.split()
    return not any(
        (w in _NOT_NAMES and not (0 < i < len(words) - 1 and w.lower() in INNER_NAME_WORDS)) or w.lower() in _NOT_NAME_WORDS
        for i, w in enumerate(words)
    )


def place_name(text: str) -> bool:
    """A name of a fell or a pass, as a rescue log or a walk names them ("Scafell Pike", "Hardknott
    Pass"), or of a street, as a letter's writer signs with their address ("Arrowhead Lake Road"), or
    a room an event is held in ("Lecture Theatre B")."""
    return bool(_PLACE_END.search(text.strip()) or _VENUE.search(text))


@remembered
def inverted_name(text: str) -> bool:
    """A name surname first, in capitals, as notices are headed: "ASHWORTH, Dorothy May"."""
    return bool(_INVERTED_NAME.match(text))


@remembered
def is_role(text: str) -> bool:
    """Words naming a job or an affiliation: "Senior Lecturer", "County Clerk", "University of X"."""
    return bool(_ROLE.search(text) or _POST.search(text))


def credit_names(line: str) -> list[str] | None:
    """Writers of a wire-service credit "Reporting by NAME; Writing by NAME; Editing by NAME"
    (its reporters and writers; editors and "additional reporting" are not the writers), or None."""
    text = line.strip()
    if len(text) > 300 or not text.lstrip("(")[:5].lower().startswith(("repor", "writi", "writt", "words")):
        return None
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        text = text.rstrip(".")[1:-1]  # "(Reporting by NAME; Editing by NAME)"
    text = _CUT_CREDIT.sub("", text)  # "…; Editing by" at the end of a wrapped line: its name on the next
    parts = _CREDIT_SPLIT.split(_PLACES.sub("", text).rstrip("."))  # "Reporting by A in London and B in Santiago"
    matches = [_CREDIT_PART.match(part) for part in parts]
    if not matches[0] or matches[0].group("what").lower() not in _WRITERS or not all(matches):
        return None
    names: list[str] = []
    for match in matches:
        if match and match.group("what").lower() in _WRITERS:
            names += [n for n in _names(match.group("names")) if n not in names and not is_post(n) and not is_group(n)]
    return names or None


def book_authors(statement: str) -> list[str]:
    """The authors of the book a text is taken from: "Extracted from BOOK by NAME (Publisher)"."""
    match = _BOOK.search(statement) if len(statement) <= 600 else None
    return _names(match.group("names")) if match else []


def is_organisation(name: str) -> bool:
    """A name that stands for a group rather than a person: "Editorial Board", "Reuters Staff",
    "Creators Syndicate", "Durham University"."""
    name = name.strip(" .")
    return bool(_ORGANISATION.search(name) or _INSTITUTION.search(name))


def is_group(name: str) -> bool:
    """An organisation (`is_organisation`), or a club, venue, project or event named as a person
    would be: "Kingsmead Court RA", "Bristol Museums", "Dales Seed Share", "Fellside Fibre"."""
    name = name.strip(" .")
    acronym = not name.isupper() and post_nominals(name) == name and bool(_ACRONYM_END.search(name))
    return acronym or bool(_MORE_GROUPS.search(name)) or is_organisation(name)


def not_a_writer(name: str) -> bool:
    """A name a by-line or a signature gives that is not a person's: a group (`is_group`), a
    publication ("Arctic Dispatch", "Volcano Watch"), a club, team, venue or office ("Ashcombe
    Bowmen", "Anaphylaxis Network Ireland", "Inquiry Secretariat", "Castell Brynmor"), a fell."""
    return is_group(name) or bool(_NOT_PERSON.search(name.strip(" .")))


def is_post(text: str) -> bool:
    """A job or an affiliation (`is_role`), or a post that signs a text: "Duty Volcanologist", "Team Leader"."""
    return is_role(text) or bool(_MORE_POSTS.search(text) or _RANKED_POST.match(text.strip()))


def photographer(line: str) -> str | None:
    """The person a photo credit names ("Photograph: NAME", "Images: NAME / Agency"), or None."""
    match = _PHOTO_CREDIT.match(line.strip()) if len(line) <= 120 else None
    name = _clean_name(match.group("name")) if match else None
    return name if name and not is_organisation(name) else None


def translator_names(line: str) -> list[str] | None:
    """People of a "Translated by NAME" credit, or None."""
    match = _TRANSLATED.match(line.strip())
    return _names(match.group("names")) if match else None


@remembered
def bio_names(paragraph: str) -> list[str]:
    """People a bio introduces: "Jul Parke is …", "At X, NAME is …", "X is … and Y is …",
    "X and Y are …". A bio names a role or an institution; [] when the paragraph is not one."""
    if len(paragraph) > 700 or not _BIO_CUE.search(paragraph):
        return []  # `_BIO_START` reads a verb after a space ("NAME is a …", "NAME teaches …"), `_BIO_PLURAL` " are"
    paragraph = _ABOUT.sub("", paragraph)  # "About the author: NAME (@handle) is …"
    if "(@" in paragraph:
        paragraph = _HANDLE.sub("", paragraph)
    plural = _BIO_PLURAL.match(paragraph) if " are" in paragraph else None
    if plural and _ROLE.search(paragraph):
        return [n for n in _names(plural.group("names")) if _is_name(n)]
    if not _BIO_START.match(paragraph) or not (_ROLE.search(paragraph) or len(paragraph) <= 300 and _WRITES.match(paragraph)):
        return []
    names: list[str] = []
    for match in _BIO_NAME.finditer(paragraph):
        name = _clean_name(match.group("name"))
        if _is_name(name) and name not in names:
            names.append(name)
    groups = [n for n in names if is_group(n)]  # "Valley Food Bank is …; Valley Food is a member of …": the group's short name
    return [n for n in names if not any(g != n and g.startswith(n + " ") for g in groups)]


_PLAIN_BIO = re.compile(  # a writer's bio with no job in it: "NAME runs …", "NAME is a volunteer who …", "NAME has worked in …"
    rf"^{_HONORIFIC}(?P<name>{NAME}) (?:(?:is|was) (?:a|an|the)|has (?:worked|written|lived|taught|spent|been)|lives|runs|leads|teaches"
    rf"|grew up|volunteers|farms|sailed|travell?ed|visited|tested|reviewed|manages|coordinates|convenes|chairs|owns)\b"
)


def plain_bio_names(paragraph: str) -> list[str]:
    """The person a short closing paragraph is about when it reads as a writer's bio with no job
    in it ("Anita Sharma is a volunteer who has sampled the lake since 2016", "NAME runs Saltbush
    Ridge Olives"): one name of two words or more, in a paragraph of at most three sentences; [] otherwise.
    Only an item that names no writer elsewhere takes it (an article may end on its subject)."""
    if len(paragraph) > 400 or not ends_sentence(paragraph):
        return []
    match = _PLAIN_BIO.match(paragraph)
    name = _clean_name(match.group("name")) if match else ""
    return [name] if _is_name(name) and is_person_name(name) else []


def _is_name(name: str) -> bool:
    return len(name.split()) >= 2 and not any(word in _NOT_NAMES for word in name.split())


def _names(text: str) -> list[str]:
    parts = _NAME_LIST.split(text)
    out: list[str] = []
    for part in parts:
        name = _clean_name(part)
        if name and name not in out:
            out.append(name)
    return out


def _clean_name(name: str) -> str:
    """A name without an honorific or the letters after it ("MRCVS"), and in title case when it was
    written in capitals."""
    name = _LEADING_HONORIFICS.sub("", " ".join(name.split())).strip(" ,")
    name = post_nominals(name)
    name = name if _LAST_INITIAL.search(name) else name.strip(" .")  # "Tomasz K." keeps its initial's full stop
    if name.isupper() and len(name) > 3:
        name = capitalised(name)
    return name


def post_nominals(name: str) -> str:
    """A name without the letters of degrees and memberships after it: "Harriet Gale MA VetMB MRCVS"
    → "Harriet Gale" (a word of capitals for at least half its letters; "McDonald" is a name)."""
    words = name.split()
    while not name.isupper() and len(words) > 2 and _LETTERS_AFTER.match(words[-1]) and sum(c.isupper() for c in words[-1]) * 2 >= len(words[-1]):
        words.pop()
    while name.isupper() and len(words) > 2 and words[-1].strip(",.") in _KNOWN_LETTERS:
        words.pop()  # "GRACE OYELARAN MRCVS": in capitals, only the letters known to follow names tell
    return " ".join(words)


_MC = re.compile(r"\bMc([a-z])")  # a Scots or Irish surname's second capital: "McCreadie"


def capitalised(name: str) -> str:
    """A name written in capitals, as it is written otherwise: "JOHN O'SULLIVAN" → "John O'Sullivan",
    "NAIR-SHAH" → "Nair-Shah", "IAN MCCREADIE" → "Ian McCreadie" (initials stay: "J.R.")."""
    return _MC.sub(lambda m: "Mc" + m.group(1).upper(), _LETTERS.sub(lambda m: m.group().capitalize(), name))


def group_byline(text: str) -> bool:
    """A by-line that names a group, not people: "Staff and agencies", "The Editorial Board", "Reuters"."""
    words = text.split()
    return (
        1 <= len(words) <= 5 and not text.endswith((".", "?", "!")) and bool(_ORGANISATION.search(text))
        and all(w[:1].isupper() or w.lower() in {"and", "&", "of", "the"} or _ORGANISATION.pattern.fullmatch(w) for w in words)
    )


def contribution(text: str) -> bool:
    """A credit to people who helped but did not write: "X contributed to this report", "Additional reporting by X"."""
    return len(text) <= 200 and may_hold(text, _CONTRIBUTED_WORDS) and bool(_CONTRIBUTED.match(text.strip()))


def continues_bio(text: str, bio: str) -> bool:
    """A short paragraph about the person a bio just introduced ("Wolff’s regular show …")."""
    surnames = {name.split()[-1] for name in bio_names(bio)}
    return len(text) < 700 and any(text.startswith((s, f"{s}’s", f"{s}'s")) or f" {s} " in text[:80] for s in surnames) or (
        len(text) < 300 and text.startswith(("He ", "She ", "They ", "His ", "Her ", "Their "))
    )
