"""Who wrote an item, from the forms of by-line and signature that `meta` and `roles` leave out.

Owns reading writers out of: a row of the page's facts under a headline ("November 24, 2026 ·
NAME · Valuation days", "Nov 13 · NAME", "DATE @ 9:12 am · Filed by NAME under Idioms",
"Forecaster: NAME · Updated 07:15"); a poster's handle ("Started by kveik_kate in Yeast",
"Originally posted by decoction_dan on X"); a by-line in lower case ("words: jonah pike");
a guest post's writer named in its text ("This is a guest post by NAME"); a signature by a
first name ("— Bill", "Rosa (Staveley)", "Jas, age 13, Harrogate"); a name signing above its
post and institution on the lines below ("Tomáš Horák" / "Ambassador of …"); the writer
a statement names ("This summary was written by NAME for X and is reproduced …").
Pure functions on strings; the evidence is the line's shape, never a site's name. Must not
decide boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.firsts import initialled
from sitegen.split.dates import date_of, day_line, relative_date
from sitegen.split.meta import EVENT_LEADS, FOREIGN_LEADS, INITIALS, LOWER, NAME, UPPER, bare_name, capitalised, is_group, is_handle, is_person_name, is_post, people, post_nominals
from sitegen.split.roles import FIRST_PAIR, byline_names, first_name, person, signature, stop_words

ROW_MAX = 160  # a row of the page's facts is no longer
_ROW_SEP = re.compile(r"\s+[|·•—–]\s+")
_TIME = re.compile(r"\s*@?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)  # "@ 9:12 am", "07:15 GMT"
_UPDATED = re.compile(r"^(?:updated|published|posted|last updated)\b", re.IGNORECASE)
_COUNT = re.compile(r"^\d[\d,.]*k?\s+\w+$|^\w+\s*\(\d+\)$", re.IGNORECASE)  # "32 Comments", "Comments (87)"
_DURATION = re.compile(r"^\d[\d,.]*\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)$", re.IGNORECASE)  # "60 minutes": no count
_LED = re.compile(  # "Filed by NAME under X", "Reviewed by NAME", "Forecaster: NAME", "Summary by NAME"
    rf"^(?:(?:[A-Z][a-z]+ ){{0,2}}by:?|(?:{'|'.join(FOREIGN_LEADS)})|(?:[A-Z][a-z]+ )?(?i:forecaster|writer|reporter|columnist|critic|reviewer|blogger"
    rf"|correspondent|author|words|text|story)s?:)\s+(?P<names>{NAME}(?: (?:and|&) {NAME})?)(?:\s+(?:under|in|on|at|for)\s.*)?$"
)
_NOT_LEADS = re.compile(  # those who did not write the text
    r"^(?:(?:medically|clinically) )?(?:reviewed|edited|photographed|illustrated|produced|presented|hosted|sponsored|supplied"
    rf"|translated|narrated|designed|directed|compiled|{EVENT_LEADS}"
    r"|(?:photo(?:graph)?s?|pictures?|images?|videos?|illustrations?) by)\b",
    re.IGNORECASE,
)
_HANDLE_BY = re.compile(  # a forum's poster: "Started by kveik_kate in Yeast", "Originally posted by decoction_dan on X, DATE"
    r"^(?:(?:originally )?posted|started|submitted|shared|asked)\s+by\s+(?P<handle>[\w.-]{3,30})(?:\s+(?:in|on|at)\s+\S.*)?$",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"^(?=.*[^\W\d_])[\w.-]{3,30}$")
_NOT_HANDLES = frozenset("admin administrator editor editors staff team webmaster moderator moderators guest anonymous".split())
_LOWER_BY = re.compile(r"^(?:by|words:?|text:?|words by|story by)\s+(?P<name>[a-z][a-z’'-]+(?: [a-z][a-z’'-]+){1,2})$")
_GUEST = re.compile(  # "This is a guest post by NAME", "Guest post by Dr NAME", "Our guest writer this week is NAME"
    rf"\b[Gg]uest (?:post|column|blog|piece|essay|writer|author)(?: this (?:week|month))? (?:is (?:by |from )?|by |from )"
    rf"(?:(?!(?:the|a|an|our|their|its) )[a-z]+ ){{0,4}}(?:(?:Dr|Prof|Professor)\.? )?(?P<names>{NAME}(?: (?:and|&) {NAME})?)"
)  # (past the guest's post in lower case: "A guest post from assistant warden volunteer NAME")
_DECK = re.compile(  # "Adviser Callum Reddy writes about …", "Chair Bethan Morgan looks back on …": a teaser's deck naming its writer
    rf"^(?:[{UPPER}]?[{LOWER}]+ ){{0,3}}?(?P<names>{NAME}) (?:(?:writes|reports|explains|recalls|reflects|looks back) (?:about|on|why|how)"
    r"|(?:rounds up|sets out|breaks down|looks back at|sums up) (?:the|what|how|why|a|an|our|his|her|their))\b"
)
_ROUND_UP = re.compile(r"\b(?:rounds up|sums up|looks back at) ")  # a deck's last sentence naming its writer ("NAME rounds up the month.")
_LISTED_BY = re.compile(  # "Listing by wharfe_otter · Last updated: …", "Setlist by bristol_ferrygirl": who wrote a card up
    r"^(?:listing|listed|setlist|entry|profile|route|recipe|spot|walk|description) (?:added |submitted |written )?by (?:owner |member |volunteer )?"
    r"(?P<handle>[\w.@-]+)(?:\s*\((?P<name>[^()]{3,40})\))?(?:\s*(?:[·|•(,]|$))",
    re.IGNORECASE,
)
_NO_LISTER = frozenset(("owner", "owners", "member", "members", "volunteer", "volunteers", "admin", "staff", "us", "you"))
_DASH_NAME = re.compile(  # "— Bill", "— É.M.", "— M.O'D.", "— Kath x" (with a kiss)
    rf"^(?:--|[–—-])\s*(?:(?P<name>[{UPPER}][{LOWER}’'-]{{2,15}})\.?(?:\s+x{{1,3}})?|(?P<initials>{INITIALS}))$"
)
_NAME_REMARK = re.compile(  # "Rosa (Staveley)", "Jas, age 13, Harrogate", "Ellen, Otley"
    rf"^(?:--|[–—-])?\s*(?P<name>[{UPPER}][a-z’'-]{{2,15}})(?:\s\([^()]{{2,30}}\)|(?:,\s(?:(?:aged?\s)?\d{{1,2}}|[{UPPER}][\w’' -]{{1,30}})){{1,2}})\.?$"
)
_WRITTEN = re.compile(
    rf"\b(?:written|compiled|reported|prepared) by (?P<names>{NAME}(?: (?:and|&) {NAME})?)(?=\s(?:for|of|at|and|is|was)\b|[,.;]|$)"
)
_WORDS_BY = re.compile(  # "Words by NAME. Jamie's page …", "Notes by NAME. © NAME 2025.", "… with permission. Words: NAME."
    rf"^(?i:words|text|story|notes) by (?P<names>{NAME}(?: (?:and|&) {NAME})?)\.(?:\s|$)"
    rf"|(?<=[.!?] )(?i:words|text|notes): (?P<after>{NAME}(?: (?:and|&) {NAME})?)\.?$"
)
_BOOK_CREDIT = re.compile(  # "NAME, translated from the Finnish by NAME", "NAME, with illustrations by NAME"
    rf"^(?P<name>{NAME}),? (?:translated|illustrated|with (?:illustrations|photographs|drawings|a foreword)|foreword|introduced)"
    rf"[^,]{{0,40}} by {NAME}$"
)
_ON_BEHALF = re.compile(r"^(?:for and )?on behalf of [A-Z]", re.IGNORECASE)
_WRITES_LINE = re.compile(rf"^(?P<names>{NAME}(?: (?:and|&) {NAME})?) (?:writes|write|remembers|recalls)\s*:?$")  # "NAME writes:"
_POST_LINE = re.compile(r"^[A-Z][\w’'.&/ ,()-]{1,100}$")
_GIVEN_WORDS = frozenset({"will", "may"})  # first names that are also common words: "Will Gedge", "May Chen"
_CREDIT_SEP = re.compile(r"\s+[|·•—–/]\s+|\s{2,}")  # between the credits of a row; also a gap of spaces
_CREDIT = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &]{0,30}?)\s*:\s+(?P<rest>\S.*)$")  # "Words: NAME", "Leader and report: NAME"
_WRITING = initialled(r"\b(?:words|text|report|story|written|writer|author|interview|review)\b", re.IGNORECASE)
_MAIL_FROM = re.compile(r"^From:\s+[\"']?(?P<name>[^\"'<>@]{3,60}?)[\"']?\s*<[^<>@\s]+@[^<>\s]+>$")  # a mail's sender
_CLASS_YEAR = re.compile(r"\s+[’']\d{2}\b")  # an alumnus's year after the name: "Dana Whitcombe '98"
_ALIAS = re.compile(  # a name a group knows someone by, the person's own name in brackets: "Posted on DATE by Akela (NAME)"
    rf"^(?:.{{0,40}}\s)?(?i:by)\s+[{UPPER}][\w’'-]+(?: [{UPPER}][\w’'-]+)?\s+\((?P<name>[^()]{{4,40}})\)$"
)


def _dated(part: str) -> bool:
    """A part of a row that gives a date or a time: "November 24, 2026", "Nov 13", "Updated 07:15 GMT"."""
    bare = _TIME.sub("", part).strip(" ,@")
    if not bare:
        return bool(_TIME.match(part))
    return bool(date_of(bare) or relative_date(part) or day_line(bare) or _UPDATED.match(part) and _TIME.search(part))


def row_names(text: str) -> list[str] | None:
    """The writer named in a row of the page's facts under a headline: the row has a date or a
    time, exactly one part naming people (a name alone, "Filed by NAME under X", "Forecaster:
    NAME"; a first name alone beside a date and a count), and short labels or counts for the rest."""
    if len(text) > ROW_MAX:
        return None
    parts = [p.strip() for p in _ROW_SEP.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    found: list[list[str]] = []
    singles: list[str] = []
    dated = False
    for i, part in enumerate(parts):
        if _dated(part):
            dated = True
            continue
        led = _LED.match(part)
        if led and not _NOT_LEADS.match(part):
            names = people(led.group("names"))
            if not names:
                return None
            found.append(names)
        elif name := row_person(part):
            found.append([name])
        elif posted := post_signature(part):  # "NAME, Lifeboat Press Officer"
            found.append(posted)
        elif first_name(part) and not is_group(part) and not is_post(part):
            singles.append(part)  # a first name, or a label: "Ingrid", "Releases"
        elif _COUNT.match(part) or len(part.split()) <= 4 and not part.endswith((".", "?", "!")):
            continue  # a label or a count: "Valuation days", "32 Comments"
        else:
            return None
    if not dated or len(found) > 1:
        return None
    if found:
        return found[0]
    if len(singles) == 1 and any(_COUNT.match(p) and not _DURATION.match(p) for p in parts):
        return singles  # a word alone is a name only beside a count ("Ingrid · 32 Comments"), not "March 3 · Opinion" nor "Talk · 14:00 · 60 minutes"
    return None


def row_person(part: str) -> str | None:
    """A person's name alone in a part of a row: "Jane Hill", "Naomi Fairbairn ACA" (the letters
    after it dropped), "Will Gedge" (a first name that is also a word, before a surname that is not)."""
    bare = post_nominals(part.strip())
    if (name := person(bare)) and is_person_name(name):
        return name
    ranked = bare_name(bare)  # "Vice Admiral (Retd) S. K. Menon"
    if ranked != bare and (name := person(ranked)) and is_person_name(name):
        return name
    words = bare.split()
    if 2 <= len(words) <= 3 and words[0].lower() in _GIVEN_WORDS and is_person_name(bare):
        return bare if not {w.lower() for w in words[1:]} & stop_words() else None
    return None


def credit_row(text: str) -> list[str] | None:
    """The writers of a row of credits, each "Label: NAME", with counts and places between them:
    "Words: NAME  Photos: NAME", "Leader: NAME · Report: NAME · 14 walkers · 11.5 miles" (the
    writer is who is credited with the words or the report, not the leader or the photographer)."""
    if len(text) > ROW_MAX:
        return None
    parts = [p.strip() for p in _CREDIT_SEP.split(text.strip()) if p.strip()]
    names: list[str] = []
    labelled = False
    for part in parts:
        credit = _CREDIT.match(part)
        if credit:
            labelled = True
            if _WRITING.search(credit.group("label")):
                credited = people(credit.group("rest"))
                if not credited:
                    return None
                names += [n for n in credited if n not in names]
        elif not (_COUNT.match(part) or _dated(part) or len(part.split()) <= 4 and not part.endswith((".", "?", "!"))):
            return None  # a sentence: not a row of credits
    return names if labelled and names and len(parts) >= 2 else None


def mail_sender(text: str) -> list[str] | None:
    """The sender a mail's header names: "From: Alan Pryce <alan.pryce@example.org>"."""
    match = _MAIL_FROM.match(text.strip()) if len(text) <= ROW_MAX else None
    name = person(match.group("name").strip()) if match else None
    return [name] if name and is_person_name(name) else None


def marked_byline(text: str) -> list[str] | None:
    """A by-line whose name carries a mark: an alumnus's year ("By Dana Whitcombe '98"), or a name
    the group uses with the person's own in brackets ("Posted on DATE by Akela (Sarah Okonjo)")."""
    if len(text) > ROW_MAX:
        return None
    alias = _ALIAS.match(text.strip())
    if alias:
        name = person(alias.group("name").strip())
        return [name] if name and is_person_name(name) else None
    if not _CLASS_YEAR.search(text):
        return None
    return byline_names(_CLASS_YEAR.sub("", text.strip()), after_title=True)


def led_names(text: str) -> list[str] | None:
    """The writer of a by-line led by a word, "Filed by NAME", "Reviewed by NAME" (a critic's, at
    the head of a review), "Forecaster: NAME" (not "Medically reviewed by", "Edited by")."""
    text = text.strip()
    if len(text) > ROW_MAX or re.match(r"^(?:medically|clinically)\b", text, re.IGNORECASE):
        return None
    reviewed = re.match(r"^reviewed by:?\s+(?P<rest>.+)$", text, re.IGNORECASE)
    if reviewed:  # "Reviewed by NAME", "Reviewed by Sam", "Reviewed by Joe, aged 7"
        rest = _ROW_SEP.split(reviewed.group("rest").strip())[0].strip()  # "Reviewed by Rory · 25 March 2025"
        names = people(rest, couples=True)  # also "Maeve and Saoirse Hennessy"
        if names:
            return names
        alone = _NAME_REMARK.match(rest) or re.match(rf"^(?P<name>[{UPPER}][{LOWER}’'-]{{2,15}})$", rest)
        return [alone.group("name")] if alone and first_name(alone.group("name")) else None
    led = _LED.match(text)
    return people(led.group("names")) or None if led and not _NOT_LEADS.match(text) else None


def book_credit_names(text: str) -> list[str] | None:
    """The writer of a book's credit line: "NAME, translated from the Finnish by NAME" (not the translator)."""
    match = _BOOK_CREDIT.match(text.strip()) if len(text) <= ROW_MAX else None
    return (people(match.group("name")) or None) if match else None


def head_names(text: str) -> list[str] | None:
    """The writers of a line under a headline in a form `roles.byline_names` does not read."""
    writes = _WRITES_LINE.match(text.strip()) if len(text) <= 80 else None
    if writes:
        return people(writes.group("names")) or None
    return (
        row_names(text) or credit_row(text) or led_names(text) or handle_names(text) or lower_byline(text)
        or book_credit_names(text) or mail_sender(text) or marked_byline(text)
    )


def handle_names(text: str) -> list[str] | None:
    """The poster a forum names by handle: "Started by kveik_kate in Yeast & Fermentation"."""
    match = _HANDLE_BY.match(text.strip()) if len(text) <= ROW_MAX else None
    if not match:
        return None
    handle = match.group("handle").rstrip(".,")
    if handle.lower() in _NOT_HANDLES or not _HANDLE.match(handle) or is_group(handle):
        return None
    return [handle]


def lower_byline(text: str) -> list[str] | None:
    """A by-line written in lower case, as a zine prints it: "by priya lal", "words: jonah pike"."""
    match = _LOWER_BY.match(text.strip()) if len(text) <= 60 else None
    if not match:
        return None
    name = capitalised(match.group("name"))
    return [name] if is_person_name(name) else None


def guest_names(text: str) -> list[str] | None:
    """The writer a guest post's text names: "This is a guest post by NAME, a PhD student …"."""
    head = text[:300]
    match = _GUEST.search(head) if "uest " in head else None  # the letters `_GUEST` begins with, in either case
    if not match:
        return None
    names = match.group("names")
    first, stop, rest = names.partition(". ")
    return people(first if stop and " " in first else names) or None  # "NAME. Fiona is a PhD student"


def deck_writer(text: str) -> list[str] | None:
    """The writer a teaser's deck names, a role before the name passed over: "Adviser Callum Reddy
    writes about a Monday list …", "Tribunal clerk NAME writes about …", "NAME explains why …"."""
    match = _DECK.match(text) if len(text) >= 30 else None
    if not match and len(text) >= 30 and ". " in text:  # (or its last sentence: "… 142 km. Club press officer NAME rounds up the month.")
        match = _DECK.match(last := text[text.rindex(". ") + 2 :])
        match = match if match and _ROUND_UP.search(last) else None  # (not "Fleet manager NAME explains why …": a source quoted)
    if not match:
        return None
    words = match.group("names").split()
    while len(words) > 2 and not first_name(words[0]):
        words.pop(0)  # "Adviser", "Chair": the writer's post
    name = " ".join(words)
    return [name] if is_person_name(name) and first_name(words[0]) else None


def listed_by(text: str, title: str | None = None) -> list[str] | None:
    """The user who wrote a card up, by the handle the site shows: "Listing by wharfe_otter · Last
    updated: 3 March 2025", "Listing by owner kettlewell_keith" (not "Listing by Portishead Pool Trust");
    by the user's name when the site shows it after the handle ("Listing by DaveR_mob (Dave Rutherford)").
    A handle that spells the start of the card's `title` ("boldandbadger" under "Bold & Badger
    Signs") is the business's own account, no writer."""
    match = _LISTED_BY.match(text.strip()) if len(text) <= 120 else None
    handle = match.group("handle") if match else ""
    if not is_handle(handle) or handle.lower() in _NO_LISTER or handle.lower().endswith("_admin") or title and _own_account(handle, title):
        return None  # (a site's or a firm's "_admin" account names no one)
    shown = people(match.group("name")) if match.group("name") else []
    return shown if len(shown) == 1 else [handle]


OWN_ACCOUNT_LETTERS = 6  # a handle that spells the start of a card's name has at least this many letters


def _own_account(handle: str, title: str) -> bool:
    """A handle that spells the start of the card's name, word for word ("ropewalksigns" for
    "Ropewalk Signs", "ousebridge_pianos" for "Ousebridge Piano Services")."""
    letters = "".join(c for c in handle.lower() if c.isalpha())
    spelled = ["".join(c for c in title.lower().replace("&", amp) if c.isalpha()) for amp in ("and", "")]  # "Severn & Vyrnwy …": "severnvyrnwy"
    owner = " ".join(title.split()[:2])  # "Jonty Birkett Walling": a person's name, the owner's own handle ("jonty_birkett")
    if len(title.split()) > 2 and is_person_name(owner) and letters == "".join(c for c in owner.lower() if c.isalpha()):
        return False
    return len(letters) >= OWN_ACCOUNT_LETTERS and any(name.startswith(letters) for name in spelled)


def statement_writers(statement: str) -> list[str]:
    """The writers a provenance statement names: "This summary was written by NAME for X and is reproduced …"."""
    match = _WRITTEN.search(statement) if len(statement) <= 600 else None
    return people(match.group("names")) if match else []


def closing_words_by(text: str) -> list[str] | None:
    """"Words by NAME." opening the item's last line, with a remark after it, or "Words: NAME." ending it
    after a sentence."""
    text = text.strip()
    match = (_WORDS_BY.match(text) or _WORDS_BY.search(text, max(0, len(text) - 80))) if len(text) <= 300 else None
    return (people(match.group("names") or match.group("after")) or None) if match else None


def post_signature(text: str) -> list[str] | None:
    """A name with its post, either way round: "NAME, Senior Caseworker (Level 3)", "Team Leader, NAME",
    "Posted by: Team Leader, NAME", "Mrs NAME, Head of Welsh / Pennaeth"."""
    text = re.sub(r"^(?:posted|written|signed) by:?\s+", "", text.strip(), flags=re.IGNORECASE)
    if len(text) > 120 or text.count(", ") != 1:
        return None
    first, second = text.split(", ")
    if (name := person(first)) and is_post(second) and not is_post(first):
        return [_bare(name)]
    if (name := person(second)) and is_post(first) and not is_post(second):
        return [_bare(name)]
    return None


def group_signature(text: str) -> list[str] | None:
    """A first name signing with the rest of a team: "Jade & the Farm Team"."""
    match = re.match(rf"^(?P<name>[{UPPER}][a-z’'-]{{2,15}}) (?:&|and) the [\w ]{{2,30}}$", text.strip())
    return [match.group("name")] if match and first_name(match.group("name")) else None


def first_name_signature(text: str) -> list[str] | None:
    """A signature of a first name (or two after a dash): "— Bill", "Rosa (Staveley)", "Jas, age 13, Harrogate",
    "Ellen, Otley", "— Gareth & Sioned"."""
    text = text.strip()
    if len(text) > 60:
        return None
    dashed = _DASH_NAME.match(text)
    if dashed and dashed.group("initials"):
        return [dashed.group("initials")]  # initials sign as printed
    pair = FIRST_PAIR.match(text) if text[:1] in "–—-" else None
    if pair and first_name(pair.group("a")) and first_name(pair.group("b")):
        return [pair.group("a"), pair.group("b")]  # "— Gareth & Sioned"
    match = dashed or _NAME_REMARK.match(text)
    return [match.group("name")] if match and first_name(match.group("name")) else None


def signed_with_post(texts: Sequence[str]) -> tuple[int, list[str]] | None:
    """A name signing a text on its own line, with its post, office or institution on the one or
    two lines below ("Tomáš Horák" / "Ambassador of the Republic of Moravia"; "Ashley Brandt" /
    "Broadband Coordinator" / "Harlan County Broadband Office"): (lines it takes from the end, names)."""
    for below in (1, 2):
        if len(texts) < below + 2:
            return None
        name_line = texts[-below - 1].strip()
        posts = [t.strip() for t in texts[-below:]]
        if not all(len(p) <= 100 and (_POST_LINE.match(p) or _ON_BEHALF.match(p)) and not p.endswith(".") or _slashed(p) for p in posts):
            return None
        if not any(is_post(p) or is_group(p) or _slashed(p) or _ON_BEHALF.match(p) for p in posts):
            continue
        names = signature(name_line) or ([n] if (n := person(name_line)) else None)
        if names:
            return below + 1, [_bare(n) for n in names]
    return None


def _slashed(text: str) -> bool:
    """A post given in two languages: "Pennaeth / Headteacher"."""
    return " / " in text and len(text) <= 100 and any(is_post(p) for p in text.split(" / "))


def _bare(name: str) -> str:
    return re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+", "", name)
