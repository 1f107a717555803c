"""Whole items that are site furniture: judged on the item, after the boundaries are found.

Owns `judge(found, segment, first)`: the items the boundary decision found in
a segment, less those that are the site's own furniture rather than something an
editor wrote — a masthead with its menu, a newsletter or donation box, an "about
this site" box, a footer of registration numbers and © lines, a comments section,
a list of related headlines. The lines of such an item become debris saying why
(nothing is lost: provenance keeps them); an item that only looks like furniture
keeps its text and gets a review flag instead. The dump's first item loses a menu printed one link a line
over its headline and by-line or date (the site's masthead, which the tagger took in with it).

The evidence is the whole item's, the way jusText judges a block of a page by
its length, its share of stop words and its links: how much of it is running
text (sentences of stop-word-rich prose), how many of its lines are menu-like
(short parts between "|", "·", "»" or wide gaps), the vocabulary of the site
talking to its readers (subscribe, sign up, newsletter, donate, cookies,
privacy, registered charity, ©, comments… in a few languages; a paragraph of text
that uses such words asks nothing), whether it has a
headline, a by-line or a date of its own, whether its lines recur elsewhere in
the dump, and where it stands (the first item of a dump, the last of a
segment). A comment is an item headed by a commenter's name and date with a
line or two under it and no headline. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitegen.split.boundary import Item
from sitegen.split.dates import dated, posted_line
from sitegen.split.directory import opens_card
from sitegen.split.flags import alt_text
from sitegen.split.meta import GENRES, is_handle
from sitegen.split.roles import LineShape, Role, is_organisation
from sitegen.split.firsts import initialled
from sitegen.split.text import BULLET, CLOCK, LEADING_LINK, TWO_SENTENCES, WEB_ADDRESS, Block, Debris, may_hold

_FOOTER = initialled(  # the site's footer: who runs it, its registration, its rights and policies (a few languages)
    r"\b(?:registered (?:charity|in|office|society|company|trade ?marks?)|(?:company|charity|registration|reg\.?) (?:no|number)\b"
    r"|vat (?:no|number|reg)|limited by guarantee|all rights reserved|proudly powered by|(?<![a-z] )powered by"
    r"|website (?:by|design|maintained)|theme:"
    r"|privacy(?: policy)?|terms (?:of|and)|cookies?|accessibility|sitemap|imprint|impressum|datenschutz|mentions légales"
    r"|aviso legal)|©|\bcopyright\b",
    re.IGNORECASE,
)
_PROMO = initialled(  # the site asking its readers for something: sign up, give, join, follow, buy
    r"\b(?:subscri(?:be|ption)|sign ?up|newsletters?|e-?newsletter|mailing list|inbox|unsubscribe|donat(?:e|ion)|gift aid"
    r"|become a (?:member|supporter|patron|subscriber)|join (?:today|now|our|the (?:society|club|association|guild|trust|friends|network)(?![’'\w]))|support (?:us|the blog)|patreon|ko-fi|log ?in"
    r"|sign in|free (?:uk |us )?(?:delivery|shipping)|affiliate|earn (?:a |an )?(?:small )?commission|sponsored (?:by|content|post|links)|sponsor (?:an issue|us)|advertis(?:e|ing)|find out more"
    r"|stay in touch|follow us|abonnieren|s'abonner|abonnez-vous|suscr[ií]bete|iscriviti|nieuwsbrief"
    r"|add your (?:\w+ ){0,2}?(?:to (?:the|our) (?:directory|register|guide|map|list)|(?:to (?:the |our )?\S+ )?(?:for )?free(?: of charge)?)"
    r"|get listed|list your (?:business|club|firm|company))\b",
    re.IGNORECASE,
)
_FOOTER_WORDS = ("reg", "company", "charity", "vat ", "limited by", "all rights", "powered by", "website", "theme:", "privacy",
                 "terms ", "cookie", "accessibility", "sitemap", "imprint", "impressum", "datenschutz", "mentions l", "aviso legal",
                 "copyright", "©")  # one is in every match of `_FOOTER`
_PROMO_WORDS = ("subscri", "sign", "newsletter", "mailing list", "inbox", "donat", "gift aid", "become a ", "join ", "support ",
                "patreon", "ko-fi", "log", "free ", "affiliate", "earn ", "sponsor", "advertis", "find out more", "stay in touch",
                "follow us", "abonn", "s'abonner", "suscr", "iscriviti", "nieuwsbrief", "add your", "get listed", "list your")  # one is in every match of `_PROMO`
_COMMENTS_WORDS = ("comment", "thoughts on", "respons", "repl", "required fields are marked", "will not be published")
_COMMENTS = re.compile(  # the heading of a comments section, and its form
    r"^\d+ (?:comments?|thoughts on|responses?|replies)\b|^(?:recent comments|post a comment|leave a (?:reply|comment)|comments?"
    r"|(?:log|sign) in to (?:comment|reply)|(?:add|write) a comment|be the first to comment|comments are closed)\W*$"
    r"|required fields are marked|will not be published|^reply$",
    re.IGNORECASE,
)
_NAV = initialled(
    r"\b(?:skip to|older (?:posts|entries|articles)|newer (?:posts|entries)|load more|view all|previous (?:day|post|page)"
    r"|next (?:day|post|page)|showing \d+ of)\b|^(?:home|menu|search\.*|latest issue)$",
    re.IGNORECASE,
)
_VIDEO = re.compile(r"^(?:VIDEO|Video|WATCH|Watch)\s*[:|–—]\s*\S")  # a video's title on a listing
_VIDEO_LABEL = re.compile(r"^(?:VIDEO|Video|WATCH|Watch)$")  # the kicker over a video's title
_BRACKETED = re.compile(r"\[([^\[\]]{1,40})\]")  # "[back issues]"
_HOME_ROW = re.compile(r"^Home(?: (?:[A-Z][\w’'-]*|&|and|of|the|us|in|to|for)){5,30}$")  # capitalised words after "Home", no punctuation
_LINK_LINE = re.compile(r"^(?:[A-Z][\w’'-]*|[A-Z][\w’'-]* (?:[A-Za-z][\w’'-]*|&)(?: [A-Za-z][\w’'-]*)?)(?:\.\.\.|…)?$")  # "Shop Coffee"
_PART = re.compile(r"\s(?:[|·•»›/]\s|\s+|(?<=\t))")  # between the links of a menu or a footer's row (or a tab)
_AGO = re.compile(r"\b\d+ (?:min|hour|day|week)s? ago\b", re.IGNORECASE)
_STARTS_DATE = re.compile(
    r"^(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
    r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|published|updated|posted)\b|\d)",
    re.IGNORECASE,
)
_COMMENTER = re.compile(  # "NAME — DATE", "NAME says: DATE", "Post by NAME » DATE", "NAME on DATE at TIME", "NAME  Nov 27"
    r"^(?:post by )?(?P<who>[\w.'’@()-]+(?: [\w.'’@()-]+){0,4}?)"
    r"(?: (?:says|said|replied|wrote)\s*:?| ?(?:—|–|-|·|»|\|| on|\s{2,})|$)\s*(?P<when>.*)$",
    re.IGNORECASE,
)
BUTTON_MAX = 32  # a button's words are never longer
_BUTTON = re.compile(
    r"^(?:find out (?:more|how)|learn more|read more|discover more|more info(?:rmation)?|more details|see details|view details"
    r"|get (?:started|involved|tickets|in touch)|book (?:now|online|tickets|your (?:place|ticket|table|tickets))|buy tickets"
    r"|apply (?:now|online|today)|join (?:now|today|us)|sign up(?: now| today)?|register (?:now|today|here)"
    r"|(?:shop|buy|order|donate|give|adopt|subscribe|enquire|enrol|download|listen|watch) (?:now|today|here|online)"
    r"|donate|adopt|explore|discover)\s*[›»→>.!]*$",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"\w[.!?] [A-Z]")  # two sentences in a line: no headline
_NAME_LINKS = frozenset("in from at of de van von da".split())  # "Claire in Leeds", "Ross from Paisley"
_BY_WORDS = frozenset("by posted written words".split())
_KINDS = GENRES | frozenset("document documents page pages event events article articles story stories file pdf".split())
_SAYS = re.compile(r"^[\w.'’@()-]+(?: [\w.'’@()-]+){0,4} (?:says|said|replied|wrote|writes)\s*:$", re.IGNORECASE)
_NOT_WHEN = re.compile(r"\b(?:by|min read|updated|published)\b", re.IGNORECASE)

_FIELD_MARK = re.compile(r"\d|[£$€¥₹★☆]| · | \| |^[\w ()/&'’.-]{1,30}:\s*\S")  # a figure, a price, a rating, fields, a label
_DIARY_HEAD = re.compile(  # the heading of a diary of dates
    r"\b(?:dates|diary|calendar|events|meetings|what(?:'|’)s on|coming up|upcoming|fixtures|agenda)\b", re.IGNORECASE
)
_BLURB = re.compile(  # a page's own blurb under its heading, opening a sentence: how often it comes, what it holds, who it is for
    r"(?:^|[.!?]\s+)(?:(?:every|each) (?:week|month|day|morning|evening|issue|year|spring|autumn|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|new year)"
    r"|(?:your |our |a |the )?(?:weekly|monthly|fortnightly|daily) (?:round-?up|digest|selection|picks|highlights|news|update)s?"
    r"|check this page|you(?:'|’)re reading|members (?:can|may|receive)|we publish|our (?:reviewers|critics|writers|editors)"
    r"|updates from|latest from the|stories from)\b"
    r"|\b(?:weekly|fortnightly|monthly) (?:column|newsletter|bulletin)\b|\b(?:are|is) published here\b",  # (anywhere)
    re.IGNORECASE,
)
BLURB_LINES = 4  # a page's heading and blurb: at most this many lines
BLURB_TEXT = 400  # and this much running text
LONG_ITEM = 1200  # an item with this much running text is never judged furniture
_HEAD_MARKS = re.compile(r"^[*=#\s]+|[*=#:\s]+$")  # a plain-text heading's marks: "** DATES FOR YOUR DIARY"
SITE_TEXT = 600  # an item mostly of the site's lines has less running text than this
OWN_TEXT = 80  # an item whose lines besides the site's hold less running text than this has no text of its own
COMMENT_HEAD = 90  # a commenter's name and date line is at most this long
COMMENT_TEXT = 400  # a comment alone holds at most this much running text
COMMENTS_TEXT = 900  # and the comments judged together at most this much
POSTED_MAX = 40  # a post's date line under its poster's handle is no longer
VIDEO_TEXT_WORDS = 8  # a line this long under a video's title is text about it: the item is a teaser
MENU_LINKS = 4  # a run of this many link-shaped lines or more is a menu one link a line
DIARY_ROW = 160  # a row of a diary of dates is at most this long
DATED_AT = 24  # and has its date within its first characters ("Sat 29 March   Action day, …")
DIARY_HEAD_WORDS = 5  # a diary's heading is a label of at most this many words ("Dates for your diary")
DIARY_ROWS = 3  # and, under a heading that does not say it is a diary, there are at least this many
PARAGRAPH = 200  # a line with this much running text is a paragraph of text, whatever words it uses
CARD_LINES = 6  # a card of fields has at most this many lines, its name first
FIELD_LINE = 90  # and each field line is no longer
LINK_LIST = 3  # a list of related headlines has at least this many, and no text
MASTHEAD_TEXT = 400  # a dump's first item with a menu row and less running text than this is its masthead
MASTHEAD_LINES = 2  # a dump's first item of this many lines or fewer, over a menu row, is its masthead


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an item shows of itself, for judging whether it is the site's furniture."""

    lines: int  # content lines
    running: int  # characters of running text (lines that are `LineShape.running`)
    own: int  # the same, of lines that are not the site's (footer, call, comments, navigation, menu)
    footer: int  # lines of a footer: registration, rights, policies
    promo: int  # lines asking the reader to sign up, give, join, follow
    comments: int  # headings and forms of a comments section
    nav: int  # navigation: "Older posts", "Skip to content", "Load more"
    menu: int  # rows of four links or more
    links: int  # headline-shaped lines with no text under them (a list of related headlines)
    commenters: tuple[int, ...]  # lines that head a comment (a commenter's name and its date)
    opens: bool  # a comments heading heads it ("3 thoughts on …", "Recent comments")
    under_comments: bool  # all its running text is under a comments heading (links to other pages above it)
    titled: bool  # a headline heads it
    byline: bool  # it has a by-line
    first: bool  # the first item of the dump
    video: bool  # a video's title heads it ("VIDEO: …", "Watch: …", under a "VIDEO" kicker) with no line of text under it
    diary: bool  # a diary of dates: a heading over rows each of which is dated, and no other line
    card: bool  # a card of fields: a name over lines that are each a field (a price, a date, a figure, a label and its value)


def evidence(blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role], first: bool) -> Evidence:
    texts = [b.text for b in blocks]
    n = len(texts)
    running = [_running(s) for s in shapes]
    footer = [_footer(t) for t in texts]
    promo = [_promo(t) and r < PARAGRAPH for t, r in zip(texts, running)]  # (a paragraph that mentions a subscription asks nothing)
    comments = [_comments(t) for t in texts]
    nav = [_nav(t) for t in texts]
    menu = [menu_row(t) for t in texts]
    site = [any(x) for x in zip(footer, promo, comments, nav, menu)]
    links = [roles[k] is Role.TITLE and not site[k] and (k + 1 == n or site[k + 1] or roles[k + 1] is Role.TITLE) for k in range(n)]
    commenters = tuple(
        k for k, t in enumerate(texts) if (commenter(t, texts[k + 1] if k + 1 < n else None) or poster(t, texts[k + 1 : k + 3]))
        and (k == 0 or comments[k - 1] or texts[k - 1].endswith(".") or bool(_SENTENCES.search(texts[k - 1])))
        and not (k + 1 < n and roles[k + 1] is Role.TITLE and not shapes[k + 1].sentence)  # a card's date row over its headline
    )
    return Evidence(
        lines=n,
        running=sum(running),
        own=sum(r for r, x in zip(running, site) if not x),
        footer=sum(footer),
        promo=sum(promo),
        comments=sum(comments),
        nav=sum(nav),
        menu=sum(menu) + vertical_menus(texts),
        links=sum(links),
        commenters=commenters,
        opens=comments[0],
        under_comments=any(comments) and not any(running[: comments.index(True)]),
        titled=roles[0] is Role.TITLE and 0 not in commenters and not _SENTENCES.search(texts[0]),
        byline=Role.BYLINE in roles,
        first=first,
        video=any(_VIDEO.match(t) for t in texts[:2]) and (bool(_VIDEO.match(texts[0])) or _VIDEO_LABEL.match(texts[0]) is not None)
        and all(len(t.split()) < VIDEO_TEXT_WORDS or alt_text(t) for t in texts[1:]),
        diary=_diary(texts, roles, running, site),
        card=2 <= n <= CARD_LINES and not any(running) and Role.BYLINE not in roles and all(map(field_line, texts[1:], shapes[1:])),
    )


def field_line(text: str, s: LineShape) -> bool:
    """A line that is a field of a card, not a line of text: short, no sentence in it or at its
    end, with a figure, a price, a rating, a label before a colon or fields between separators
    ("Estimate: £20 - £40   No bids", "Girth 5.40 m (2019) · Veteran · Alive", "★★★★ (409)"), or a
    search result's address ("example.org › events › winter-open")."""
    if WEB_ADDRESS.match(text.strip()):
        return True
    return (len(text) <= FIELD_LINE and not s.running and not text.rstrip().endswith((".", "!", "?"))
            and not _SENTENCES.search(text) and bool(_FIELD_MARK.search(text)))


def _diary(texts: Sequence[str], roles: Sequence[Role], running: Sequence[int], site: Sequence[bool]) -> bool:
    """A diary of dates: a heading (no sentence, not itself dated) over rows that are each a dated
    line, one event a row (`_diary_rows`), and after them only the site's lines (a footer): under a
    diary's heading ("Dates for your diary", "UPCOMING MEETINGS", "Calendar") or, under any heading,
    at least `DIARY_ROWS` rows that open with their date. No by-line: an event's teaser (its title,
    a date line and a line about it) has a line that is not dated."""
    end = len(texts)
    while end > 1 and site[end - 1]:
        end -= 1
    if end < 3 or running[0] or site[0] or Role.BYLINE in roles or _diary_rows(texts[:end]) != end:
        return False
    return _diary_heading(texts[0]) or end - 1 >= DIARY_ROWS and all(dated(t).start() == 0 for t in texts[1:end])


def _diary_heading(text: str) -> bool:
    """A diary's heading: a label of a few words that says it lists dates ("** DATES FOR YOUR
    DIARY", "UPCOMING MEETINGS", "BikeSafe dates for 2025")."""
    label = _HEAD_MARKS.sub("", text)
    return len(label.split()) <= DIARY_HEAD_WORDS and _DIARY_HEAD.search(label) is not None


def _diary_rows(texts: Sequence[str], opening: bool = False) -> int:
    """Where the dated rows under the heading `texts[0]` end (the index of the first line that is
    no row), or 0 when the heading is dated or a sentence: each row one event, dated, not a post's
    date line ("Sun 16 March – Children's meeting", "Apr 2 | Young Cooperators breakfast | Viroqua
    office"; not "Posted by the Office · 6 January 2026"); `opening`: each dated within its first
    `DATED_AT` characters and no two sentences (a diary heading a longer item: "Sat 29 March
    Action day, …", not an entry of a diary of paragraphs, which is an article's)."""
    if dated(texts[0]) or texts[0].endswith("."):
        return 0
    k = 1
    while k < len(texts) and len(t := texts[k]) <= DIARY_ROW and (d := dated(t)) is not None and not posted_line(t) \
            and (not opening or d.start() < DATED_AT and not TWO_SENTENCES.search(t)):
        k += 1
    return k


def _blurb(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> bool:
    """A page's heading and its blurb over the page's items: a headline over a line or two that say
    how often the page comes, what it holds or who it is for ("Each week the winterers … write",
    "Every month we put readers' questions to researchers", "Members can read the full issue"), no
    by-line or date, little running text."""
    head = roles[item.start : item.end]
    if item.end - item.start > BLURB_LINES or head[0] is not Role.TITLE or Role.BYLINE in head or Role.DATELINE in head:
        return False  # (a teaser dated or signed is an item)
    if sum(_running(s) for s in shapes[item.start : item.end]) > BLURB_TEXT:
        return False
    return any(_BLURB.search(blocks[k].text) for k in range(item.start + 1, item.end))


def _head_under_menu(item: Item, blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role]) -> int:
    """Where the dump's first item starts when its first lines are the site's menu, one link a line
    ("Instruments", "Repairs & Restoration", "Bench Notes", "Contact"), over an article's head: at
    that headline, the last one over a by-line or date above the item's first running text (its
    own start when there is no menu or no such head)."""
    text = next((k for k in range(item.start, item.end) if shapes[k].running), item.end)
    heads = [k for k in range(item.start + MENU_LINKS, text - 1)
             if roles[k] is Role.TITLE and roles[k + 1] in (Role.BYLINE, Role.DATELINE)]
    if heads and vertical_menus([b.text for b in blocks[item.start : heads[-1]]]):
        return heads[-1]
    return item.start


def _running(s: LineShape) -> int:
    """The characters of running text in a line (`LineShape.running`)."""
    return s.chars if s.running else 0


def menu_row(text: str) -> bool:
    """A row of links: four parts or more between separators or wide gaps, or each in brackets,
    each of a few words, hardly any with a number ("Home | News | Sport | About us", "[contents]
    [back issues] [send us stuff] [stockists]"; not "Thu 3 Dec · 8.30pm · £22"), or a row that
    opens with "Home" and goes on in capitalised words with no sentence in them ("Home About the
    Society Lectures & Events Library Membership Contact"), or three short links from "Home"
    ("Home | Prices | Contact")."""
    if len(text) > 300:
        return False
    text = text.strip()
    if WEB_ADDRESS.match(text):
        return False  # a search result's address: "example.org.uk › clubs › facilities › floodlighting"
    parts = [x for x in (_BRACKETED.findall(text) if text.startswith("[") and text.endswith("]") else _PART.split(text)) if x]
    if len(parts) >= 4 and all(len(x.split()) <= 4 for x in parts) and sum(1 for x in parts if any(c.isdigit() for c in x)) <= 1:
        return True
    if len(parts) == 3 and parts[0] == "Home" and ("|" in text or "  " in text) and all(len(x.split()) <= 3 and not any(c.isdigit() for c in x) for x in parts):
        return True  # a short menu from "Home": "Home | Prices | Contact" (not a crumb trail, "Home › Ice › Lessons")
    return bool(_HOME_ROW.match(text))


def vertical_menus(texts: Sequence[str]) -> int:
    """How many menus one link a line the lines hold: runs of `MENU_LINKS` lines or more, each a
    few capitalised words with no sentence, number or colon ("Menu", "Shop Coffee", "Subscriptions",
    "Our Farms", "Journal", "Contact")."""
    found = run = 0
    for text in [*texts, ""]:
        if _LINK_LINE.match(LEADING_LINK.sub("", (m.group(1) if (m := BULLET.match(text)) else text), count=1)):  # also "* [7]Home"
            run += 1
            continue
        found += run >= MENU_LINKS
        run = 0
    return found


def button(text: str) -> bool:
    """A button's words alone on a line, closing a box of the site's own: "Find out more", "Adopt
    now", "Book your place ›", "Learn more"."""
    return len(text) <= BUTTON_MAX and bool(_BUTTON.match(text.strip()))


def site_line(text: str) -> bool:
    """A line of the site's own: its footer (registration, rights, policies), a call to sign up,
    give or follow, a sponsor, a comments heading or form, navigation, a row of links."""
    return _footer(text) or _promo(text) or _comments(text) or _nav(text) or menu_row(text)


def _footer(text: str) -> bool:
    return len(text) <= 400 and (may_hold(text, _FOOTER_WORDS) and bool(_FOOTER.search(text)) or bool(_ABOUT_SITE.match(text)))


_ABOUT_SITE = re.compile(r"^about (?:us|me|this (?:blog|site))\s*[:—–-]\s*\S", re.IGNORECASE)  # a blog's "About us: We're Hugh and Beth …"


def _promo(text: str) -> bool:
    return len(text) <= 300 and may_hold(text, _PROMO_WORDS) and bool(_PROMO.search(text))


def _comments(text: str) -> bool:
    return may_hold(text, _COMMENTS_WORDS) and bool(_COMMENTS.search(text))


def _nav(text: str) -> bool:
    return len(text) <= 120 and bool(_NAV.search(text))


def commenter(text: str, following: str | None = None) -> bool:
    """A line heading a comment: the commenter's name and the date or time of the comment
    ("Jane H. — 3 May 2026 at 8:15 am", "Jane says: May 3, 2026", "Post by Jane » Tue Mar 04",
    "Rachel Adams  Nov 27"), or the name alone over a line of the date and time."""
    if len(text) > COMMENT_HEAD or _STARTS_DATE.match(text) or text.endswith("."):
        return False
    if _SAYS.match(text):
        return True  # "Rare Lung Alliance replied:", "valleymom2 wrote:"
    m = _COMMENTER.match(text)
    if not m or " | " in m.group("when"):
        return False  # not "Mira Solano | 2 December 2026 | News": a by-line's row
    who = m.group("who").split()
    if len(who) > 1 and (len(who) > 4 or any(c.isdigit() for c in m.group("who")) or not all(
        w[0].isupper() or w[0] == "(" or w in _NAME_LINKS for w in who[1:]) or not who[0][0].isupper()):
        return False  # a name (or a single handle), not a headline or a by-line
    if who[0].lower() in _BY_WORDS:
        return False
    if len(who) == 1 and who[0].lower() in _KINDS:
        return False  # "News · 3 March 2026", "Document · 14 January 2026": a search result's kind over its text, no commenter
    if len(who) == 1 and len(who[0]) > 2 and who[0].isupper():
        return False  # "IMPACT · 3 June 2025": a section's label over a teaser, no commenter
    when = m.group("when")
    if not when:  # the name alone: the date and time on the next line
        if following is None or len(following) > 40 or not CLOCK.search(following) or not _STARTS_DATE.match(following) or len(who) > 3:
            return False
        if len(who) > 1 and is_organisation(m.group("who")):
            return False  # "Standish Community Centre" over "Wed 13 Jan 2027 · 14:00–19:30": an event's venue
        when = following
    if " on " in text[: m.start("when") + 1] and not CLOCK.search(when):
        return False  # "Maya on Weekend thread", "Tragically on 29 November"
    if len(who) > 3 and not CLOCK.search(when):
        return False  # "Blackfoot River Fishing Report – July 5, 2026"
    return bool(dated(when) or _AGO.search(when) or CLOCK.search(when)) and len(when) <= 45 and not _NOT_WHEN.search(when)


def poster(text: str, following: Sequence[str]) -> bool:
    """A forum post's head: the poster's handle alone on its line ("fellwalker_88", "pete_in_penrith"),
    the date of the post alone within the two lines under it (its display name, a rank or a role may come first)."""
    return is_handle(text) and any(len(t) <= POSTED_MAX and (_STARTS_DATE.match(t) or dated(t)) for t in following)


def reason(e: Evidence) -> str | None:
    """Why an item with this evidence is the site's furniture, or None."""
    if e.running >= LONG_ITEM:
        return None
    heads = e.commenters
    if heads and (heads[0] == 0 or len(heads) >= 2 or heads[0] == 1 and (e.opens or not e.titled)) and e.running <= (
        COMMENTS_TEXT if len(heads) >= 2 else COMMENT_TEXT
    ):
        return "comments (a commenter's name and date, a line or two under it)"
    if (e.opens or e.under_comments) and e.running <= COMMENTS_TEXT:
        return "comments (under a comments heading)"
    vocabulary = e.footer + e.promo + e.comments + e.nav
    if vocabulary and 2 * (vocabulary + e.menu + e.links) >= e.lines and e.running < SITE_TEXT and not (e.titled and e.byline):
        return "the site's own lines (footer, sign-up, navigation, links to other pages)"  # (a headline over a by-line heads a text)
    if e.first and e.menu and e.running < MASTHEAD_TEXT:
        return "the site's masthead and menu"
    if e.first and e.footer and 0 < e.running < MASTHEAD_TEXT and not e.own and not e.byline:
        return "the site's masthead and its blurb"  # (its only text the site's: "About us: We're …")
    if e.video:
        return "a video listed with no text (its title and date)"
    if e.diary:
        return "a diary of dates (a heading over dated rows, one event a row)"
    if e.links == e.lines >= LINK_LIST and not e.running and not e.byline:
        return "a list of headlines with no text under any (links to other pages)"
    if e.card:
        return "a card of fields only (a name over prices, dates, figures or labelled values; no line of text)"
    return None


def doubt(e: Evidence) -> str | None:
    """Why an item that is kept may be the site's furniture (for a review flag), or None."""
    if e.running < LONG_ITEM and e.footer + e.promo + e.comments + e.nav and e.own < OWN_TEXT and not e.byline:
        return "may be site furniture (no running text besides lines of the site's own); check it is an item"
    return None


def _diary_head(item: Item, blocks: Sequence[Block]) -> int:
    """Where a diary of dates heading `item` ends (`_diary_heading` over at least two `_diary_rows`):
    the index of the line under its last row, or the item's start when it opens with none (a head
    of dates over paragraphs is an article's)."""
    texts = [b.text for b in blocks[item.start : item.end]]
    if not _diary_heading(texts[0]):
        return item.start
    rows = _diary_rows(texts, opening=True)
    return item.start + rows if rows > 2 else item.start


def judge(found: Sequence[Item], blocks: Sequence[Block], shapes: Sequence[LineShape], roles: Sequence[Role],
          first: bool) -> tuple[list[Item], list[Debris]]:
    """The items of a segment that are not the site's furniture, and the lines of those that are
    (as debris saying why). `first`: the segment's first item is the dump's first."""
    kept: list[Item] = []
    left: list[Debris] = []
    for k, item in enumerate(found):
        if first and k == 0 and (head := _head_under_menu(item, blocks, shapes, roles)) != item.start:
            left += [Debris(b.line, b.text, "site furniture: the site's masthead and menu") for b in blocks[item.start : head]]
            item = replace(item, start=head, doubts=tuple(d for d in item.doubts if d[0] >= blocks[head].line))
        listed = _diary_head(item, blocks)
        if listed > item.start:  # a list of dates under its head: the newsletter's calendar, no item (what follows it may be)
            left += [Debris(b.line, b.text, "site furniture: a diary of dates") for b in blocks[item.start : listed]]
            if listed == item.end:
                continue
            item = replace(item, start=listed, doubts=tuple(d for d in item.doubts if d[0] >= blocks[listed].line))
        if first and k == 0 and item.start == 0 and item.end - item.start <= MASTHEAD_LINES and item.end < len(blocks) and (
                menu_row(blocks[item.end].text)):
            left += [Debris(b.line, b.text, "site furniture: the site's masthead over its menu") for b in blocks[item.start : item.end]]
            continue  # the site's name and its strapline over the menu row ("Home | Shop | Workshops")
        if sum(_running(s) for s in shapes[item.start : item.end]) >= LONG_ITEM:
            kept.append(item)  # an article's text (and most items): not read further
            continue
        if k == 0 and len(found) > 2 and _blurb(item, blocks, shapes, roles):
            left += [Debris(b.line, b.text, "site furniture: the page's heading and its blurb") for b in blocks[item.start : item.end]]
            continue
        card = opens_card([b.text for b in blocks[item.start : min(item.end, item.start + 3)]])
        e = evidence(blocks[item.start : item.end], shapes[item.start : item.end], roles[item.start : item.end],
                     first and k == 0 and not card)  # (a directory's first card: its row of facts is no menu)
        why = reason(e)
        if why is None:
            unsure = doubt(e)
            kept.append(replace(item, doubts=(*item.doubts, (blocks[item.start].line, unsure))) if unsure else item)
        else:
            left += [Debris(b.line, b.text, f"site furniture: {why}") for b in blocks[item.start : item.end]]
    return kept, left
