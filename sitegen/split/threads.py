"""A forum thread: its title and opening post are one article, its replies none.

Owns `read(blocks, removed, going)` and `whole(found, thread, blocks, left)`. A thread saved from a forum prints
its title, a row of the thread's facts, then each post under a head of its own: the poster's
handle or name, perhaps their display name, rank and member figures, and the post's date, often
with its number:

    Clubroot on a new plot — lime it, or give up on brassicas?
    Thread starter Beansprout_Bev · Start date 4 Mar 2026 · Tags clubroot brassicas
    Beansprout_Bev
    Bev Marchetti
    Sprouting member · Joined Feb 2025 · Messages 212
    4 Mar 2026  #1
    Hi all. Took on a half plot …
    👍 Like   Reply   Quote   Report

(phpBB prints the head on one line, "#1  Post by Martin Hale » Tue Mar 04, 2025 7:41 pm", perhaps
under the poster's profile and the post's subject; vBulletin and others print the date over the
poster's name, "Posted: Wed 11 Mar 2026 19:22", "03-14-2026, 09:12 AM"; a Q&A site prints "asked 3
days ago in TOPIC by NAME (210 points)" under the question's title; Reddit prints "Posted by
u/NAME 3 days ago" over the title, and each comment under "handle · 2 days ago".) The tagger,
reading a few lines either side, sees each reply as text of its own under a name, and the site's
lines above the title as the head of the first post. `read` finds the posts by their heads, and
a thread's opening post by what stands above its head: a headline with only the thread's facts
between (a reply's head has the post above it, its foot row of buttons, a "Re: …" line or a
reply's number). `whole` makes each opening post one item, from its title to its last line (a
signature included, its foot row of buttons and reactions not), and takes the replies out as
debris (so is the list of similar threads after the last post); the items the tagger found
outside the threads stay. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitegen.split.boundary import NO_RUNNING_TEXT, OUTSIDE, Item, PostHead, has_running_text
from sitegen.split.dates import date_of, day_line, month_year, relative_date
from sitegen.split.directory import opens_card
from sitegen.split.meta import NAME, is_handle, looks_like_title
from sitegen.split.roles import LOCATION, labels_row
from sitegen.split.text import CLOCK, TWO_SENTENCES, Block, Debris

HEAD_LINES = 9  # a post's head: the poster's name at most this many lines over the post's date (MyBB's name, status, rank, five figures, number)
POSTER_MAX = 40  # a poster's name or handle is no longer
PROFILE_MAX = 100  # nor a line of the poster's profile (rank, member figures, display name)
PROFILE_WORDS = 4  # which has no more words than this unless it holds figures or is a row of them
DATE_MAX = 60  # nor the post's date line
TITLE_REACH = 8  # a thread's title is at most this many lines over its opening post's head
TITLE_WORDS = 3  # and has this many words at least
NAV_REACH = 24  # or this many, when the lines between have fewer words (a pager's "1", "2", "Next", "Go to page")
TITLE_MAX = 200  # and this many characters at most
SURE = 0.8  # how sure an opening post's item is that no item the tagger found starts on its title (its head is evidence enough)
TITLE_SENTENCE_WORDS = 20  # a title of two sentences has at most this many words ("… breaks the tenancy. Who's right?")

_MARKS = re.compile(r"[\u200e\u200f«»]")  # direction marks and guillemets round an SMF post's date
_NUMBER = re.compile(r"(?:^|\s)(?:(?:reply|post)\s*#(\d{1,5})\s*on:|#(\d{1,5})$)", re.IGNORECASE)  # "Reply #1 on:", "… #2"
_POSTED_BY = re.compile(r"^(?:r/[\w-]+\s*[•·]\s*)?posted by u/(?P<who>[\w-]{2,40})\s*[•·]?\s*(?P<when>.+)$", re.IGNORECASE)
_ASKED = re.compile(  # a Q&A site's head: "asked 2 days ago in Scripting (Lua) by NAME (340 points)", "answered 1 day ago by NAME"
    r"^(?P<verb>asked|answered|commented)\s+(?P<when>.+?)\s+(?:in\s.+?\s)?by\s+(?P<who>[^()]{2,40}?)(?:\s*\([\d.,]+k?\s+points?\))?$",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"^(?:u/)?(?P<who>[\w-]{3,30})(?: OP)?\s*[•·]\s*(?P<when>[^•·]{3,40})$")  # "pedal_pete · 3 days ago"
_OWN_NUMBER = re.compile(r"^#(\d{1,5})$")  # a post's number alone on its line
_ON = re.compile(r"^on:\s*", re.IGNORECASE)  # SMF's opening post: "« on: 10 February 2025, 22:41 »"
_ONE_LINE = re.compile(r"^(?:#(?P<number>\d{1,5})\s+)?(?:(?:unread )?post(?:ed)? ?)?by (?P<who>[^»]{2,40}?) » (?P<when>.+)$", re.IGNORECASE)  # phpBB's head
_NAMED_ROW = re.compile(r"^(?P<who>[^\s()][^()]{1,38}?\s+\(@?[\w.-]{3,30}\))\s{2,}(?P<when>\S.{2,58})$")  # "Dhruv Raman (dhruv_r)   Nov 2026"
_ONE_LINE_HEADS = (_ONE_LINE, _ASKED, _POSTED_BY, _COMMENT, _NAMED_ROW)  # a post's head on one line, naming the poster and the date
_RE = re.compile(r"^(?:post subject:\s*)?(?:re|aw|sv|antw)\s*:\s*\S", re.IGNORECASE)  # a reply's own title: "Re: Rear mech skipping …"
_STATS = re.compile(  # what only a forum prints under a poster's name: the member's figures and rank
    r"\b(?:joined|(?:posts|messages|reactions|reaction score|reputation|points)\s*:?\s*\d|\d[\d,.]*k?\s+(?:posts|messages)\b"
    r"|member since|registered:|level \d+|contributor)",
    re.IGNORECASE,
)
_MEMBER = re.compile(  # a member's own figures, labelled: "Rank: Newcomer · Posts: 7 · Joined Jan 2026" (not a thread's "12 posts")
    r"\b(?:joined|member since|registered:|(?:posts|messages|reputation|rank|location)\s*:\s*\S)", re.IGNORECASE)
_PERSON = re.compile(rf"^(?:{NAME}|[A-Z][\w’'-]+ [A-Z]\.|[A-Z][a-z]+(?:[A-Z][a-z]*)+)$")  # "Rosie P.", "TernMatt"
_THREAD_COUNTS = re.compile(r"^(?=.{0,80}$).*\b\d[\d,]*\s+repl(?:y|ies)\b.*\b\d[\d,]*\s+views?\b", re.IGNORECASE)  # "12 Reactions   9 Replies   204 views"
_WITH_HANDLE = re.compile(r"\s+\(@?[\w.-]{3,30}\)$")
_COLUMNS = re.compile(r"\s{3,}")  # between a row's columns
_ONE_WORD = re.compile(r"^[A-Z][\w.-]{2,29}$")  # a poster known by one word: "Spudwrangler"
_PROFILE_LABELS = (r"(?:messages|posts|threads|reaction score|reactions|points|reputation|location|trophies|likes received"
                   r"|solutions|joined|join date|member since|registered|age|gender|from)")
_LABEL = re.compile(rf"^{_PROFILE_LABELS}\s*:?$", re.IGNORECASE)  # a profile's label alone on its line, its value under it ("Location" / "Norfolk")
_LABELLED = re.compile(rf"^{_PROFILE_LABELS}\s*:?\s+\S", re.IGNORECASE)  # and with its value: "Location Pembrokeshire", "Messages 1,872"
_NO_POSTER = re.compile(rf"^(?:online|offline|away|online now|offline now)$|{_LABEL.pattern}", re.IGNORECASE)  # (and whether they are on the site now)
_RANK = re.compile(  # a poster's rank under the name, no display name: "Full Member", "Route Setter", "Regular"
    r"\b(?:member|members|contributor|moderator|mod|regular|newbie|admin|administrator|staff|user|poster|veteran|guru|expert"
    r"|legend|level|rank|setter|lurker|novice|enthusiast|supporter|champion|team)\b",
    re.IGNORECASE,
)
_MEMBER_RANK = re.compile(  # the ranks only a forum gives its members (not a newsroom's "Staff", "Contributor")
    r"^(?:\W*\w+\s)?(?:members?|moderator|mod|newbie|admin|administrator|lurker|novice|veteran|guru|legend|poster|level \d+)$",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|posted by|words by)\s", re.IGNORECASE)
_SECTION = re.compile(  # the labels a thread prints between posts, no poster's names
    r"^(?:\d+\s+)?(?:replies|reply|accepted solutions?|solution|answers?|advertisement|sponsored|posts?|comments?)$",
    re.IGNORECASE,
)
_FOOT_WORDS = frozenset(
    "like likes liked reply replies quote quotes report share top logged kudos bookmark permalink edit flag"
    " multi-quote multiquote replyquote with follow reactions reaction helpful upvote upvotes downvote solution"
    " ✔ back to post view in original profile send private message pm email www user's".split()
)
_TAGS = re.compile(r"^[a-z0-9][\w.+#-]*(?:\s{2,}[a-z0-9][\w.+#-]*)+$")
_ATTACHMENTS = re.compile(r"^attachments?\s*:?$", re.IGNORECASE)
_ATTACHED_FILE = re.compile(  # one file or more of a post's list of attachments, a line each or wrapped together
    r"^(?:\S{1,80}\.(?:jpe?g|png|gif|webp|heic|pdf|docx?|xlsx?|zip|mp4|mov)\b(?:\s*\([\d.,]+\s*[kmg]i?b\))?"
    r"(?:\s*(?:viewed|downloaded)\s+[\d,]+\s+times?)?\s*)+$",
    re.IGNORECASE,
)
ATTACHED_ROWS = 10  # the files and the poster's name and first figures under it
_EDITED = re.compile(r"^last edited\b", re.IGNORECASE)  # "Last edited: 12 Jan 2026", "Last edited by NAME"
_SIGNATURE_RULE = re.compile(r"^(?:_{3,}|-{2,})\s*$")  # the rule over a poster's signature
_FOOT_LABEL = re.compile(r"^reactions?\s*:|^attachments?\s*(?::|$)|^solved!? go to solution\.?$", re.IGNORECASE)  # "Reactions: 👍 3"
_WORD = re.compile(r"[^\W\d_]+")  # a word of letters
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|✔")
_OTHER_THREADS = r"similar (?:threads|topics)|suggested topics|related (?:topics|threads)"  # the label over a list of them
_FOOT = "the foot of a forum thread's page: its reply box, its lists of other threads, its notices"
_THREAD_END = re.compile(  # what a thread's page prints after its last post
    rf"^(?:you must log in or register to reply|{_OTHER_THREADS}|related content"
    r"|post reply$|display posts from previous|return to\b|related questions|unanswered questions|your answer$"
    r"|please log in or register to (?:answer|add)|\d+ answers?\s+\d+ views?$)",
    re.IGNORECASE,
)
_META = re.compile(  # the thread's facts between its title and the first post's head
    r"^(?:thread starter|started by|start date|thread rating|tags?:|labels?:|topic options|options|solved!? go to solution|pages?:"
    r"|page \d+ of|author\b|« ?prev|go down|go ?to page|subscribe|✔? ?solved\b|view (?:previous|next) topic|post new topic"
    r"|reply to topic|new topic|sort by\b|\d+ members? and \d+ guests?|results \d+ to \d+ of \d+|thread tools|share$|follow$|watch$|unwatch$|followers?\s+\d+$|\d+\s+followers?$)",
    re.IGNORECASE,
)
_STARTER = re.compile(r"^(?:thread starter|started by|topic starter)\s+\S", re.IGNORECASE)  # the thread's facts over its first post
STARTER_REACH = 8  # at most this many lines over the first post's head
_FACTS_ROW = re.compile(r"\s·\s(?:replies:?\s*\d|\d[\d,]*\s+replies\b)", re.IGNORECASE)  # "tumble_girl_aus · Oct 2, 2025 · Replies 22 · …"
_POLL = re.compile(r"^poll\b(?:\s*:.*)?$", re.IGNORECASE)  # the label over a thread's poll: "Poll", "Poll: Which night suits?"
_VOTES = re.compile(r"^(?:total voters|\d[\d,]*\s+votes?\b|\d[\d,]*\s+vote\(s\)|[\d.]+\s*%$|poll closed\b)", re.IGNORECASE)  # its counts
POLL_REACH = 40  # a poll's label is at most this many lines over the opening post's head
_JOINED = re.compile(r"^(?:joined|join date|member since|registered)\b", re.IGNORECASE)
_JOINED_LABEL = re.compile(rf"{_JOINED.pattern}\s*:?$", re.IGNORECASE)  # alone over its date: "Joined" / "Mar 3, 2019"
_COUNTED_ROW = re.compile(  # a thread's row in a list: "Restoring a bench drill   restoration   6 replies", "… · Crushing & screening · 18 replies"
    r"\S(?:\s{2,}|\s*[·•|]\s*)(?:\S.*(?:\s{2,}|\s*[·•|]\s*))?\d[\d,.]*k?\s+(?:replies|reply|posts|views)$", re.IGNORECASE)
_SIMILAR = re.compile(rf"^(?:{_OTHER_THREADS})$", re.IGNORECASE)
_TOPIC = re.compile(r"\b(?:Topic|Thread):\s+\S")  # SMF and vBulletin print the thread's title so over its first post
_READ = re.compile(r"\s*\(Read [\d,.]+ times\)\s*$", re.IGNORECASE)  # and how often it was read after it
_ROW = re.compile(r"[·•]|\S\s{2,}\S.*\S\s{2,}\S")  # a row of facts or buttons: "Post Reply   Search this topic…   12 posts • Page 1 of 2"
_CRUMBS = re.compile(r"\s(?:[›»‹>/]|->|::)\s")  # between the parts of a breadcrumb trail


@dataclass(frozen=True, slots=True)
class Post:
    """One post's head: the row of its first line (the poster's name, or the date over it) and of its
    last (the date's; the same row for phpBB's one-line head), whether it says it is a reply, and
    whether it shows what only a forum prints."""

    head: int
    last: int  # the head's last row (the date's, or the last of the profile under a date that heads the post)
    reply: bool
    forum: bool  # its head has what only a forum prints: the member's figures, the post's number, phpBB's one line
    when: int = -1  # the row of its date, when that is not its last ("Posted: DATE" over the poster's name)
    undated: bool = False  # its head shows no date (the poster's name over the member's figures)
    below: bool = False  # the thread's title stands under the head, not over it (Reddit's "Posted by u/NAME …")


@dataclass(frozen=True, slots=True)
class Thread:
    """A segment's forum threads (or its reviews, `reviews`), in block indexes: each opening post's
    item (its title to its last line), the runs of replies (each [start, end)), and why a reply's
    lines are in no item."""

    openers: tuple[tuple[int, int, PostHead], ...]  # [start, end) and the post's head
    replies: tuple[tuple[int, int], ...]
    why: str = "a reply in a forum thread, or its poster's head and buttons"
    foot: int | None = None  # where the page's foot begins after the last thread ("You must log in or register to reply")


def read(blocks: Sequence[Block], removed: Sequence[Debris], going: bool = False) -> Thread | None:
    """The segment's forum threads, when its lines hold posts under heads, at least one of them an
    opening post under its title, or, `going` on a thread from a segment before, replies (None
    otherwise). The lines the segment took out (`removed`: a "Top" or a "Re: …" that recurs, a
    "Reply" button) are read too: they tell a reply from an opening post."""
    rows = sorted([(b.line, b.text.strip()) for b in blocks] + [(d.line, d.text.strip()) for d in removed])
    texts = [t for _, t in rows]
    posts = _posts(texts)
    if not posts or not (_forum(texts, posts) or going and any(p.forum or is_handle(texts[p.head].lstrip("@")) for p in posts)):
        return None  # (replies on from a thread above still show a forum's head)
    lines = [b.line for b in blocks]

    def at(r: int) -> int:
        """The block at or after a row."""
        return bisect_left(lines, rows[r][0]) if r < len(rows) else len(blocks)

    openers: list[tuple[int, int, PostHead]] = []
    replies: list[tuple[int, int]] = []
    for i, post in enumerate(posts):
        stop = posts[i + 1].head if i + 1 < len(posts) else len(rows)
        if post.below:  # Reddit's "Posted by u/NAME 3 days ago" over the title
            title = post.last + 1 if post.last + 1 < stop and _headline_under(texts[post.last + 1]) else None
            end = at(_post_end(texts, replace(post, last=post.last + 1), stop))
            if title is not None and at(post.head) < end:
                head = replace(_head(texts, post, (rows[post.head][0], rows[title][0])), title=texts[title])
                openers.append((at(post.head), end, head))
                replies.append((end, at(stop) if i + 1 < len(posts) else end))
            continue
        title = None if post.reply else _title(texts, post, posts[i - 1].last + 1 if i else 0)
        if title is not None and i and not any(_THREAD_END.match(t) for t in texts[posts[i - 1].last + 1 : title]):
            title = None  # no thread ends between the post above and this one: the line over it is the post's text
        last = _post_end(texts, post, stop)
        end = at(last)
        region = at(stop) if i + 1 < len(posts) else end  # what stands between two posts is the thread's (a quote, an advert)
        if i + 1 == len(posts) and title is not None and (foot := _foot_under(texts, last)) is not None:
            region = at(foot)  # replies with no head read as a post's ("awlsorts" / "Active member"), down to the thread's foot
        if title is not None and at(title) < end and has_running_text(texts[post.last + 1 : last]):
            head = _head(texts, post, (rows[title][0] + 1, rows[post.last][0]))  # the thread's facts and the post's head
            topic = _TOPIC.search(texts[title])
            if topic:
                head = replace(head, title=_READ.sub("", texts[title][topic.end() - 1 :]).strip())
            openers.append((at(title), end, head))
            replies.append((end, region))
        elif openers or going:
            replies.append((at(post.head), region))
    if openers or going:
        replies += [(at(a), at(b)) for a, b in _similar(texts, posts[-1].last + 1)]
    foot = _foot_under(texts, posts[-1].last + 1) if openers or going else None
    replies = [(a, b) for a, b in replies if a < b]
    return Thread(tuple(openers), tuple(replies), foot=None if foot is None else at(foot)) if openers or replies else None


def _foot_under(texts: Sequence[str], start: int) -> int | None:
    """The row of the thread's foot ("You must log in or register to reply here.") under row `start`, if any."""
    return next((j for j in range(start, len(texts)) if _THREAD_END.match(texts[j])), None)


def _similar(texts: Sequence[str], start: int) -> list[tuple[int, int]]:
    """The lists of other threads a thread's page prints after its last post (at or after `start`),
    as runs of rows [start, end): their label ("Similar threads"), then each thread's title over the
    row of its facts ("Started by mossbank · 14 Feb 2026 · Replies: 22", "tumble_girl_aus · Oct 2, 2025 ·
    Replies 22 · Tumbling"), or each on one row with
    its counts ("Restoring a bench drill   restoration   6 replies")."""
    runs = []
    for j in range(start, len(texts)):
        if _SIMILAR.match(texts[j]):
            end = j + 1
            while True:
                if end + 1 < len(texts) and (_META.match(texts[end + 1]) or _FACTS_ROW.search(texts[end + 1])) and not (
                        _META.match(texts[end]) or _FACTS_ROW.search(texts[end])):
                    end += 2
                elif end < len(texts) and _COUNTED_ROW.search(texts[end]):
                    end += 1
                else:
                    break
            runs.append((j, end))
    return runs


def _posts(texts: Sequence[str]) -> list[Post]:
    """The posts' heads, in order."""
    out: list[Post] = []
    for k, text in enumerate(texts):
        if len(text) > DATE_MAX + 60 or not any(c.isdigit() for c in text) or k and _JOINED_LABEL.match(texts[k - 1]):
            continue  # (the date the poster joined, under its label, is no post's)
        asked = _ASKED.match(text)
        if asked and _post_date(asked.group("when")) is not None:
            out.append(Post(k, k, asked.group("verb").lower() != "asked", True))
            continue
        named = _NAMED_ROW.match(text)
        if named and _post_date(named.group("when")) is not None:
            out.append(Post(k, k, False, True))  # (Discourse: the name, the handle and the date on one row)
            continue
        posted = _POSTED_BY.match(text) or _COMMENT.match(text)
        if posted and (_post_date(posted.group("when")) is not None if posted.re is _POSTED_BY else (
                (is_handle(posted.group("who")) or _PERSON.match(posted.group("who"))) and (relative_date(posted.group("when")) or CLOCK.search(posted.group("when")) and _post_date(posted.group("when")) is not None))):
            # (a comment: "pedal_pete · 3 days ago", "CrumpetQueen · 14/03/2026 21:08": a post's time of day, which a
            # review's or a record's date has not)
            out.append(Post(k, k, posted.re is _COMMENT and bool(out), True, below=posted.re is _POSTED_BY))  # (the first may open a thread)
            continue
        one = _ONE_LINE.match(text)
        if one and _post_date(one.group("when")) is not None:
            reply = k > 0 and bool(_RE.match(texts[k - 1])) or int(one.group("number") or 1) > 1  # ("#2  Post by …")
            if out and out[-1].undated and _profiled(texts, out[-1].last, k):
                out[-1] = Post(out[-1].head, k, reply, True)  # the poster's profile over the subject and phpBB's line
            else:
                out.append(Post(k, k, reply, True))
            continue
        number = _post_date(text)
        dated = number is not None
        undated = not dated and bool(_MEMBER.search(text)) and _profile(text) and not any(
            _post_date(t) is not None for t in texts[k + 1 : k + 3])
        if undated and _trailing_profile(texts, k):
            continue  # the poster's name and figures under the post's text, over its "Top" (phpBB's prosilver printed as text)
        if undated:
            number = 1  # a head with no date: the poster's name over the member's figures ("Rank: Newcomer · Posts: 7")
        if number is None:
            continue
        above = _OWN_NUMBER.match(texts[k - 1]) if k else None
        if above and dated and number == 1:
            number = int(above.group(1))  # "#2" on its own line over the post's date (vBulletin)
        head = _poster_above(texts, k, out[-1].last if out else -1)
        if head is not None and dated and not any(_STATS.search(t) for t in texts[head:k]) and (
                below := _profile_below(texts, k)) is not None and any(_MEMBER.search(t) for t in texts[k + 1 : below + 1]):
            head = None  # the member's labelled figures under the date ("Posts: 318") and none over it: the date heads the post
        if head is None and dated and out and out[-1].undated and _profiled(texts, out[-1].last, k):
            head = out.pop().head  # the member's figures over the post's date: one head
        if head is None and dated and (last := _profile_below(texts, k)) is not None:  # "Posted: DATE" over the name
            reply = number > 1 or k > 0 and bool(_RE.match(texts[k - 1]))
            out.append(Post(k, last, reply, number != 1 or any(_STATS.search(t) for t in texts[k : last + 1]), k))
            continue
        if head is None:
            continue
        reply = number > 1 or "reply" in text.lower() or any(_RE.match(t) for t in texts[max(0, head - 1) : k])
        forum = number != 1 or any(_STATS.search(t) for t in texts[head : k + 1])
        out.append(Post(head, k, reply, forum, undated=undated))
    return out


def member_row(text: str) -> bool:
    """A row of a poster's own figures, labelled ("Posts: 58", "Joined: Tue Mar 04, 2025 8:12 pm",
    "Location: Setúbal"): `assemble` takes those printed under a post's text off it."""
    return bool(_MEMBER.match(text.strip()))


def attachment_row(text: str) -> bool:
    """A row of a post's list of attachments: its label ("Attachments") or a file under it
    ("hearth_side.jpg (188.02 KiB) Viewed 214 times"): `assemble` takes them off the post's end."""
    text = text.strip()
    return bool(_ATTACHMENTS.match(text) or _ATTACHED_FILE.match(text))


def _trailing_profile(texts: Sequence[str], k: int) -> bool:
    """Whether the member's figures at row `k` stand under a post's text rather than over it: the
    rows of the profile under them run to the post's foot ("Top"), a reply's title or the page's end."""
    j = k + 1
    while j < len(texts) and _profile(texts[j]) and not _foot(texts[j]) and not _RE.match(texts[j]):
        j += 1
    return j == len(texts) or _foot(texts[j]) or bool(_RE.match(texts[j]))


def _profiled(texts: Sequence[str], last: int, k: int) -> bool:
    """Whether only the lines of a poster's profile and the post's subject stand between the last
    row of a head with no date (`last`) and a post's date line at `k`, within `HEAD_LINES`."""
    subject = texts[k - 1]  # (which may be two sentences: "NHS aids or go private? Quotes from £2,800 to £6,400")
    return k - last <= HEAD_LINES and all(map(_profile, texts[last + 1 : k - 1])) and (
        len(subject) <= TITLE_MAX and not subject.endswith(".") or _profile(subject))


def _post_date(text: str) -> int | None:
    """A post's date line: the post's number ("#2", "Reply #1": 1 for a date with none, 0 for SMF's
    opening "on:"), or None for a line that is no post's date."""
    date, number = _date_and_number(text)
    if len(date) > DATE_MAX or not date or _JOINED.match(date):  # (the member's "Joined: Nov 2023")
        return None
    if date_of(date) or day_line(date) or month_year(date) or relative_date(date):
        return number
    return None


def _date_and_number(text: str) -> tuple[str, int]:
    """A post's date line without its marks and number, and the number (1 when none is printed, 0
    for SMF's opening "on:")."""
    text = _MARKS.sub("", text).strip()
    number = _NUMBER.search(text)
    if number:
        text = (text[: number.start()] + " " + text[number.end() :]).strip()
    opening = bool(_ON.match(text)) and not number
    text = _ON.sub("", text).strip(" ,·|")
    return text, int(number.group(1) or number.group(2)) if number else (0 if opening else 1)


def _head(texts: Sequence[str], post: Post, lines: tuple[int, int]) -> PostHead:
    """An opening post's head: the poster by the display name the head shows, else by the handle."""
    dated = post.when if post.when >= 0 else post.last
    one = next(filter(None, (form.match(texts[dated]) for form in _ONE_LINE_HEADS)), None)
    when = one.group("when") if one else texts[dated]
    date = date_of(_date_and_number(when)[0])
    if one:
        return PostHead(lines, _WITH_HANDLE.sub("", one.group("who").strip()), date)
    names = [_WITH_HANDLE.sub("", _COLUMNS.split(t, maxsplit=1)[0]) for j, t in enumerate(texts[post.head : post.last + 1], post.head)
             if j != dated and _poster(t)]
    shown = next((t for t in names if not is_handle(t.lstrip("@")) and not _RANK.search(t) and " " in t), None)  # (one word: a rank, "Engaged")
    return PostHead(lines, shown or names[0].lstrip("@"), date)


def _poster_above(texts: Sequence[str], k: int, floor: int) -> int | None:
    """The row of the poster's name over a post's date line at `k` (not at or above `floor`): the
    nearest name within `HEAD_LINES`, every line between it and the date a line of the profile, or
    the name right over it (a display name over the handle: "Annika Vogt-Reilly", "@annika_vr")."""
    for j in range(k - 1, max(floor, k - 1 - HEAD_LINES), -1):
        if _poster(texts[j]) and not (j > floor + 1 and _LABEL.match(texts[j - 1])):  # (a label's value: "Location" / "Norfolk")
            above = texts[j - 1] if j - 1 > floor else ""
            one_handle = is_handle(above.lstrip("@")) != is_handle(texts[j].lstrip("@"))  # (a tag over a handle is none)
            ranked = " " not in texts[j] and bool(_WITH_HANDLE.search(above))  # (a rank under "Dario Conti (dconti_tt)": "Rider")
            return j - 1 if _poster(above) and (one_handle or ranked) else j
        if not _profile(texts[j]) and not (j == k - 1 and _subject(texts[j])):
            return None
    return None


def _profile_below(texts: Sequence[str], k: int) -> int | None:
    """The last row of a post's head under its date line at `k`: the poster's name right under it,
    then the lines of the profile (a rank, "Joined: 14 Jun 2023", "Posts: 31"); None when no name
    stands there."""
    if k + 1 >= len(texts) or not _poster(texts[k + 1]):
        return None
    last = k + 1
    for j in range(k + 2, min(len(texts), k + 2 + HEAD_LINES)):
        if not _profile(texts[j]) or texts[j].endswith((",", ":")):
            break  # (a greeting opening the post, "Hi all,", is its text)
        if _STATS.search(texts[j]) or _RANK.search(texts[j]):
            last = j  # the head runs to its last line of rank or figures ("Posts: 31")
    return last


def _poster(text: str) -> bool:
    """A poster's handle or name alone on its line: "Beansprout_Bev", "Rosie P.", "Dr. K. Lindqvist"."""
    columns = _COLUMNS.split(text, maxsplit=1)
    if len(columns) == 2 and _WITH_HANDLE.search(columns[0]) and _profile(columns[1]):
        text = columns[0]  # the name and handle, then the poster's profile: "Marguerite Okonkwo (mokonkwo)   Eclipse chaser · 6 totalities"
    if len(text) > POSTER_MAX or _SECTION.match(text) or _BY.match(text) or _META.match(text) or _foot(text) or _NO_POSTER.match(text) or _LABELLED.match(text) or (
            text.isupper() and not any(c.isdigit() for c in text)):
        return False  # (a by-line's "By NAME", a thread's "Author  Message" bar, a post's "Logged", "Offline", "Messages", "Location Norfolk", a label in capitals)
    text = _WITH_HANDLE.sub("", text)  # "Niamh Costello (ncostello_se15)": the name, its handle after it
    if is_handle(text.lstrip("@")):
        return True
    return (bool(_PERSON.match(text)) or bool(_ONE_WORD.match(text))) and not _RANK.search(text)  # (a rank: "Full Member")


def _profile(text: str) -> bool:
    """A line of a poster's profile: a rank, the member's figures, a display name, stars ("Full
    Member", "***", "Club member · Joined May 2019 · Messages 318", "@annika_vr")."""
    if len(text) <= POSTER_MAX and (_RANK.search(text) or _STATS.search(text)):
        return True  # a rank, whatever its stops: "Sr. Member"; the member's figures: "212 posts"
    if len(text) <= PROFILE_MAX and _STATS.search(text) and _ROW.search(text):
        return True  # a row of them, whatever its stops: "Well-known member · Joined Sep 2019 · Location Co. Durham"
    return _subject(text) and (len(_WORD.findall(text)) <= PROFILE_WORDS or any(c.isdigit() for c in text) or bool(_ROW.search(text)))


def _subject(text: str) -> bool:
    """A short line that is no sentence: a profile's line, or the post's subject over its date (SMF's
    "Re: Uneven tension on a rigid heddle")."""
    return len(text) <= PROFILE_MAX and not TWO_SENTENCES.search(text) and not text.endswith(".") and not _SECTION.match(text)


def _forum(texts: Sequence[str], posts: Sequence[Post]) -> bool:
    """Posts a forum prints, not a listing's teasers under their writers' names nor a page's
    comments: two posts or more, one with a head only a forum prints, or two under users' handles or
    members' ranks with a post's buttons or reactions on the page; not a directory's cards, a place's
    name over its address row ("Llandeilo · 14.2 miles") and its figures ("Guild member since 2008")."""
    if any(LOCATION.search(t) and not _MEMBER.match(t) for p in posts for t in texts[p.head : p.last + 1]):
        return False  # (a forum's "Location: Kendal" is the member's)
    if all(p.undated for p in posts) and sum(opens_card(texts[p.head : p.last + 1], facts=True) for p in posts) >= 2:
        return False  # no post dated, names over rows of facts ("Galway City · Sign painting, gold leaf"): a directory's
    if len(posts) == 1:  # an opening post alone, its replies under a label in the next segment: the thread's counts show it
        handled = (_WITH_HANDLE.search(t) for t in texts[posts[0].head : posts[0].last + 1])  # "Gwen Pritchard (gwenp_leeds)"
        return any(h and is_handle(h.group(0).strip(" ()@")) for h in handled) and any(
            _THREAD_COUNTS.match(t) for t in texts[posts[0].last + 1 :]) or any(
            _STARTER.match(t) for t in texts[max(0, posts[0].head - STARTER_REACH) : posts[0].head])  # "Thread starter NAME · Start date …"
    if len(posts) < 2:
        return False
    handles = sum(any(is_handle(t.lstrip("@")) for t in texts[p.head : p.last + 1]) for p in posts)
    ranked = sum(any(_MEMBER_RANK.search(t) for t in texts[p.head : p.last + 1]) for p in posts)  # "Members", "Newbie"
    return any(p.forum for p in posts) or (handles >= 2 or ranked >= 2) and any(map(_foot, texts))


def _title(texts: Sequence[str], post: Post, floor: int) -> int | None:
    """The block of the title over an opening post's head, or None when the post is a reply: the
    first line up that reads as a headline, with only the thread's facts, tags and page numbers
    between (and a poll: the title is over it); the post above, its foot row, a label of replies or a
    "Re: …" line make it a reply."""
    top = _poll_above(texts, post.head, floor)
    reach = TITLE_REACH  # lines of a few words over the head (a pager's "1", "2", "Next", "Go to page") take none of it
    for j in range(top - 1, max(floor - 1, top - 1 - NAV_REACH), -1):
        text = texts[j]
        if len(_WORD.findall(text)) >= TITLE_WORDS:
            reach -= 1
        if reach < 0:
            return None
        if _TOPIC.search(text):
            return j  # SMF's "Author  Topic: … (Read 1,847 times)"
        if _META.match(text) or _BY.match(text):
            continue  # (and the thread's by-line: "By SparkyMcGee, March 3, 2026 in Soft fruit")
        if _foot(text) or _RE.match(text) or _SECTION.match(text) or _THREAD_END.match(text):
            return None
        if len(_CRUMBS.findall(text)) >= 2 or len(_WORD.findall(text)) < TITLE_WORDS or _ROW.search(text):
            continue
        if len(text) > TITLE_MAX or text.endswith(".") and not text.endswith("...") or text[:1] in "—–" or (
                TWO_SENTENCES.search(text) and len(text.split()) > TITLE_SENTENCE_WORDS):
            return None  # running text: the post above, or the page's notice
        if j > 0 and _SECTION.match(texts[j - 1]):
            return None  # an advertisement's line under its label
        return _first_copy(texts, j, floor)
    return None


def _poll_above(texts: Sequence[str], head: int, floor: int) -> int:
    """The row of a poll's label over an opening post's head (its question, options and counts
    between: "Poll", "Yes, from April", "14 vote(s)", "Total voters 24"), else the head's own row:
    the thread's title is over the poll."""
    counted = False
    for j in range(head - 1, max(floor - 1, head - 1 - POLL_REACH), -1):
        if _POLL.match(texts[j]) and counted:
            return j
        counted = counted or bool(_VOTES.match(texts[j]))
        if _foot(texts[j]) or _THREAD_END.match(texts[j]) or len(texts[j]) > TITLE_MAX:
            break  # (a post or the page's text, not a poll's short rows)
    return head


def _first_copy(texts: Sequence[str], j: int, floor: int) -> int:
    """The thread's title at row `j`, or the same title printed over it first (phpBB prints it over
    the toolbar, then over the first post), only the thread's facts and rows between."""
    for i in range(j - 1, max(floor - 1, j - 1 - TITLE_REACH), -1):
        if texts[i] == texts[j]:
            return i
        if not (_META.match(texts[i]) or _ROW.search(texts[i]) or len(_CRUMBS.findall(texts[i])) >= 2):
            return j
    return j


def _headline_under(text: str) -> bool:
    """A thread's title under its opening post's head: a line of a few words that is no sentence of text."""
    return TITLE_WORDS <= len(_WORD.findall(text)) and len(text) <= TITLE_MAX and not (
        text.endswith(".") and not text.endswith("...")) and not _foot(text)


def _foot(text: str) -> bool:
    """A post's foot: its buttons and reactions ("👍 Like   Reply   Quote   Report", "👍 7 Likes",
    "Top", "Logged"), its labels, "Solved! Go to solution", the thread's counts under the opening post."""
    if labels_row(text) or _FOOT_LABEL.match(text) or _TAGS.match(text) or _THREAD_COUNTS.match(text):
        return True  # (a row of the post's tags: "lua   crops   seasons")
    words = _TOKEN.findall(text.lower())
    if not words:
        return bool(text) and not any(c.isalpha() for c in text) and any(not c.isascii() for c in text)  # "👍 31"
    return all(w in _FOOT_WORDS for w in words)


def _post_end(texts: Sequence[str], post: Post, stop: int) -> int:
    """The block after a post's last line: before its foot, or before the next post's head (`stop`),
    whichever comes first, the labels and "Re: …" line of the next post's head left out. A row of
    buttons over the post's text ("Quote") is the head's, not its foot."""
    text = False  # a row of buttons before the post's first line of text is its head's ("Quote" under SMF's date)
    for j in range(post.last + 1, stop):
        if _THREAD_END.match(texts[j]) or _foot(texts[j]) and text and not _attached(texts, j, stop):
            return j
        text = text or not _foot(texts[j])
    end = stop
    while end > post.last + 1 and (_SECTION.match(texts[end - 1]) or _RE.match(texts[end - 1])):
        end -= 1
    return end


def _attached(texts: Sequence[str], j: int, stop: int) -> bool:
    """The post's "Attachments" label at row `j`, its files under it, then the poster's name and
    figures (phpBB's prosilver printed as text), or its "Last edited:" line and the poster's
    signature under its rule (XenForo's): they end the post, not the label."""
    if not _ATTACHMENTS.match(texts[j]):
        return False
    for k in range(j + 1, min(stop, j + 1 + ATTACHED_ROWS)):
        if _MEMBER.search(texts[k]) or _EDITED.match(texts[k]) or _SIGNATURE_RULE.match(texts[k]):
            return True
        if _foot(texts[k]) or _THREAD_END.match(texts[k]):
            return False
    return False


def whole(found: Sequence[Item], thread: Thread, blocks: Sequence[Block],
          left: Sequence[Debris]) -> tuple[list[Item], list[Item], list[Debris]]:
    """The items of a segment with a forum thread: the threads' opening posts (one item each, from
    the title to the post's last line), the items found outside the threads (cut where a thread
    starts), and the lines left out (the replies among them)."""
    texts = [b.text for b in blocks]
    openers = []
    for start, end, head in thread.openers:
        first, last = blocks[start].line, blocks[end - 1].line
        doubts = tuple(d for it in found for d in it.doubts if first < d[0] <= last)
        confidence = max([SURE, *(it.confidence for it in found if it.start <= start < it.end)])
        openers.append(Item(start, end, confidence, doubts, headed=True, post=head))
    taken = {j for a, b, *_ in (*thread.openers, *thread.replies) for j in range(a, b)}
    inside = {j for a, b, _ in thread.openers for j in range(a, b)}
    lines = {blocks[j].line for j in inside}
    replied = {blocks[j].line for j in taken if j not in inside}
    kept: list[Item] = []
    out = [replace(d, reason=thread.why) if d.line in replied and d.reason.startswith(OUTSIDE) else d
           for d in left if d.line not in lines]  # a reply the tagger put in no item is left out as a reply
    for item in found:
        pieces = _outside(item, taken)
        cut = pieces != [(item.start, item.end)]
        for a, b in pieces:
            if thread.foot is not None and a >= thread.foot and not _teaser(texts[a:b]):
                out += [Debris(blocks[j].line, blocks[j].text, _FOOT) for j in range(a, b)]
            elif has_running_text(texts[a:b]) and not (cut and b - a == 1):  # (a lone line a thread cut off: the page's notice)
                kept.append(replace(item, start=a, end=b, doubts=tuple(d for d in item.doubts if blocks[a].line <= d[0] <= blocks[b - 1].line)))
            else:
                out += [Debris(blocks[j].line, blocks[j].text, NO_RUNNING_TEXT) for j in range(a, b)]
        out += [Debris(blocks[j].line, blocks[j].text, thread.why)
                for j in range(item.start, item.end) if j in taken and j not in inside]
    return openers, kept, sorted(out, key=lambda d: d.line)


def _teaser(texts: Sequence[str]) -> bool:
    """Lines of a thread page's foot that make an item of their own: another thread's title over the
    opening of its post ("ONT LOS light flashing red after storm", "Light went red on Sunday night
    and …"), not the forum's disclaimer, its reply box or a list of titles alone."""
    return len(texts) >= 2 and looks_like_title(texts[0], texts[1]) and has_running_text(texts[1:])


def _outside(item: Item, taken: set[int]) -> list[tuple[int, int]]:
    """The runs of an item's blocks outside every thread."""
    runs: list[tuple[int, int]] = []
    for j in range(item.start, item.end):
        if j in taken:
            continue
        if runs and runs[-1][1] == j:
            runs[-1] = (runs[-1][0], j + 1)
        else:
            runs.append((j, j + 1))
    return runs
