"""A page of user reviews: each review with its text one article, its head naming the reviewer.

Owns `read(blocks, removed)`. A review site prints each review under a head of short lines
around its rating: the reviewer's initials (an avatar), name and figures, the rating, the date,
perhaps the review's title; then the text, the review's own lines ("Date of experience: …"), a foot
row ("Helpful (12) · Report", "Useful 4   Share", "♥ 611 likes") and perhaps the business's reply:

    JT
    Jenny T.
    3 reviews · GB
    ★★★★★ Rated 5 out of 5 stars
    2 days ago
    Perfect family day out on the river
    We hired the 8-seater electric boat for the day …
    Date of experience: 17 August 2025
    Useful (4)   Share

(or the title over the reviewer's name and rating, or the stars over the title and "Reviewed by
NAME · Married September 2025"). The tagger, reading a few lines either side, takes the head's
short lines for the end of the review above or an item of their own. `read` finds the reviews by
their ratings: each rating of one score (not a row of them, not the page's average) whose line
has the form most of the page's ratings have; the head is the short lines round it, up to a blank
line, an avatar's initials or the title; the text runs from there to the foot, the business's
reply, a pager or the next review's head. A page is one of user reviews when at least two reviews
have text and most show what only user reviews print: a foot of votes, the reviewer's figures, the
date of the experience. It gives a `threads.Thread`: each review with text an item from its first
head line to its last line of text, carrying its head (`boundary.PostHead`: the lines, the
reviewer, the date, the title, the writers named); the feet, replies and reviews with no text
are debris. Pure; reads no metadata.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitegen.split.boundary import PostHead
from sitegen.split.dates import date_of, dated, month_year, relative_date
from sitegen.split.meta import NAME, by_line_names, couple, is_handle, without_nickname
from sitegen.split.replies import reply_head
from sitegen.split.text import MARKDOWN_HEADING, TWO_SENTENCES, Block, Debris
from sitegen.split.threads import Thread

HEAD_MAX = 100  # a line of a review's head is no longer
ROW_MAX = 160  # nor a row of the reviewer's name and facts ("Kwame Boateng · Classroom teacher · Accra International School, …")
RATING_MAX = 120  # nor a review's rating line
HEAD_UP = 4  # a review's head starts at most this many lines over its rating
HEAD_DOWN = 4  # and ends at most this many lines under it
DATE_WORDS = 6  # a date line of a review's head has no more words ("Watched 08 Mar 2025 (rewatch)")
DATED_WORDS = 12  # nor this many, or it ends a sentence ("Reviewed in the United Kingdom on 3 March 2026")
NAME_MAX = 40  # a reviewer's name is no longer

_STAR = "★☆✩✭⭐●○◐◑"  # stars, and the bubbles some sites rate in ("●●●●◐")
_STAR_RUN = re.compile(rf"[{_STAR}]{{2,5}}(?:\s*½)?|[{_STAR}]\s*½")  # "★★★★☆", "★★½"
_RATED = re.compile(r"\brated\s+\d(?:\.\d)?\s+(?:out\s+)?of\s+(?:5|10)\b|\b\d(?:\.\d)?\s*/\s*(?:5|10)\b|\b\d(?:\.\d)?\s+out of (?:5|10)\b",
                    re.IGNORECASE)  # "Rated 5 out of 5 stars", "Rated 3 of 5", "4/5"
_AGGREGATE = re.compile(  # the page's average, or a row of the ratings' spread: no one review's rating
    r"\b\d[\d,.]*k?\s+(?:reviews|ratings|votes)\b|\(\d[\d,.]*\)|\bbased on\b|\boverall\b|\baverage\b|trust\s?(?:score|rating)|%",
    re.IGNORECASE,
)
_SCORE = re.compile(rf"\d[.,]\d\s*[{_STAR}]|[{_STAR}½]\s*\d[.,]\d")  # a score beside the stars: "★★★☆☆ 3.0", "4.6 ★★★★★"
_BARE_SCORE = re.compile(r"^\d[.,]\d$")  # the page's average alone over its stars: "4.3"
_INITIALS = re.compile(r"^[A-Z]{1,3}$")  # an avatar's initials: "JT"
_PARTS = re.compile(r"\s+[·•|]\s+")  # the parts of a head's row: "Tenant · 3 reviews · Cardiff"
_FACTS = re.compile(  # a reviewer's figures and marks, the review's kind
    r"\b\d[\d,.]*k?\s+(?:reviews?|contributions?|ratings?|photos?|helpful votes?|trips?|posts?|followers?)\b|\bverified\b"
    r"|^[A-Z]{2}$|\blived here\b|\bmember since\b",
    re.IGNORECASE,
)
_REVIEWER = re.compile(r"^(?:reviewed by|review by|written by|posted by|by)\s+(?P<who>.+)$", re.IGNORECASE)
_ANONYMOUS = re.compile(r"^(?:anonymous|anon\.?|a guest|guest|a customer|verified (?:buyer|customer|guest))$", re.IGNORECASE)
_ONE_NAME = re.compile(r"^[A-Z][a-zà-ÿ’'-]{1,19}$")  # "Priyanka", "Beatriz"
_NAME_PLACE = re.compile(r"^(?P<who>[^–—·•|]{2,40}?)\s+[–—]\s+(?P<where>[A-Z][\w .,'’()-]{1,40})$")  # "Helen – United Kingdom"
_TRAVELLERS = frozenset("couple couples friends family families solo business group groups".split())  # "Couples · 12 May 2025"
_INITIALLED = re.compile(r"^[A-Z][\w’'-]+ [A-Z]\.?$|^[A-Z]\.? [A-Z][\w’'-]+$")  # "Sarah T.", "Ken M", "R Patel"
_COUPLE = re.compile(r"^(?P<a>[A-Z][\w’'-]+) (?:&|and) (?P<b>[A-Z][\w’'-]+)$")  # "Ana & Tomasz"
_PERSON = re.compile(rf"^{NAME}$")
_FOOT_WORDS = frozenset(
    "helpful useful report share like likes liked reply replies comment comments flag was this review yes no people person"
    " thank thanks read more show see full translate translation to english original votes vote found did you find funny cool"
    .split()
)
_WORD = re.compile(r"[^\W\d_]+")
_VOTES = re.compile(r"\b(?:helpful|useful|likes?|votes?|found|report)\b|^[♥❤👍]", re.IGNORECASE)
_HEARTS = re.compile(r"^[♥❤👍️\s]")  # "♥ 1,204 likes", "👍 12"
_REPLY = re.compile(r"^(?:reply|response|answer|comment) from\b|^(?:owner|management)['’]?s? (?:response|reply)", re.IGNORECASE)
_PAGER = re.compile(
    r"^(?:showing (?:results )?\d|page \d+ of \d|previous\b.*\bnext\b|« ?(?:previous|prev)\b|load more|see all \d|more reviews"
    r"|\d+\s+\d+\s+\d+.*\bnext\b)",
    re.IGNORECASE,
)
_WHY = "a review's foot, the business's reply to it, or a review with no text"
_NO_TEXT = frozenset(("foot", "reply", "pager", "rating", "ratings"))  # what stands after a review's head when it has no text
_EXPERIENCE = re.compile(r"^date of (?:experience|stay|visit|purchase|service)\b|^(?:trip type|room tip)\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Review:
    """One review, in rows: its first head row, its last, the first row after its text (its text
    is [last + 1, end)), its title's row, its reviewer's names, and whether it shows what only
    user reviews print."""

    top: int
    last: int
    end: int
    title: int | None
    names: tuple[str, ...] | None  # None: the head names no one
    date_row: int | None
    user: bool


def read(blocks: Sequence[Block], removed: Sequence[Debris]) -> Thread | None:
    """The segment's user reviews as a `Thread` (each review with text an opening post, the rest
    replies), or None when its lines are no page of user reviews."""
    rows = sorted([(b.line, b.text.strip()) for b in blocks] + [(d.line, d.text.strip()) for d in removed])
    texts = [t for _, t in rows]
    anchors = _anchors(texts)
    if len(anchors) < 2:
        return None
    gaps = [k > 0 and rows[k][0] - rows[k - 1][0] > 1 for k in range(len(rows))]  # a blank line over the row
    if sum(gaps) * 3 > len(rows) * 2:
        gaps = [False] * len(rows)  # a blank line under every line (Markdown): none tells where a head ends
    labels = _labels(texts, anchors)
    titled = sum(a > 0 and not gaps[a] and _kind(texts[a - 1], labels) == "title" for a in anchors) * 2 > len(anchors)
    reviews = _reviews(texts, gaps, labels, anchors, titled, True)
    if sum(r.title is not None and r.title < a for r, a in zip(reviews, anchors)) * 2 <= len(reviews):
        reviews = _reviews(texts, gaps, labels, anchors, titled, False)  # (a heading over the first review is no title of it)
    tops = [r.top for r in reviews[1:]] + [len(texts)]
    reviews = [_Review(r.top, r.last, min(r.end, top), r.title, r.names, r.date_row, r.user) for r, top in zip(reviews, tops)]
    written = [_written(texts, r, labels) for r in reviews]
    if sum(written) < 2 or sum(r.user for r in reviews) * 2 < len(reviews):
        return None
    lines = [b.line for b in blocks]

    def at(r: int) -> int:
        """The block at or after a row."""
        return bisect_left(lines, rows[r][0]) if r < len(rows) else len(blocks)

    openers = []
    replies = []
    for review, top, has_text in zip(reviews, tops, written):
        if has_text:
            title = _title_text(texts[review.title]) if review.title is not None else None
            date = _date(texts[review.date_row]) if review.date_row is not None else None
            head = PostHead((rows[review.top][0], rows[review.last][0]), review.names[0] if review.names else "", date, title,
                            review=True, authors=review.names)
            openers.append((at(review.top), at(review.end), head))
            after = _after(texts, gaps, review.end, top)
            replies.append((at(review.end), at(after)))
        else:
            replies.append((at(review.top), at(_after(texts, gaps, review.end, top))))
    openers = [(a, b, h) for a, b, h in openers if a < b]
    replies = [(a, b) for a, b in replies if a < b]
    return Thread(tuple(openers), tuple(replies), _WHY) if openers else None


def _written(texts: Sequence[str], review: _Review, labels: set[str]) -> bool:
    """Whether a review has text under its head (not only its ratings, dates and the date of the experience)."""
    return any(_kind(t, labels) in ("text", "title") and not _EXPERIENCE.match(t) for t in texts[review.last + 1 : review.end])


def _anchors(texts: Sequence[str]) -> list[int]:
    """The rows of the reviews' ratings: one score each, no neighbour a rating too (a row of the
    ratings' spread), of the form most of the page's ratings have."""
    rated = [k for k, t in enumerate(texts) if _rating(t)]
    alone = [k for k in rated if k - 1 not in rated and k + 1 not in rated and not (k and _BARE_SCORE.match(texts[k - 1]))]
    forms = Counter(_form(texts[k]) for k in alone)
    if not forms:
        return []
    form = max(forms, key=lambda f: (sum(n for g, n in forms.items() if _fits(g, f)), not (f[0] and f[1])))
    kept = [k for k in alone if _fits(_form(texts[k]), form)]
    return kept if len(kept) >= 2 else []


def _fits(form: tuple[bool, bool, bool, bool], other: tuple[bool, bool, bool, bool]) -> bool:
    """Whether two ratings' lines have one form (stars alone fit stars before a title and after it)."""
    return form[2:] == other[2:] and (form[:2] == other[:2] or form[0] and form[1] or other[0] and other[1])


def _rating(text: str) -> bool:
    """A line with one review's rating: "★★★★☆", "Rated 4 out of 5", "★★★☆☆ 3.0", "Review by NAME ★★★★½"."""
    if len(text) > RATING_MAX or _AGGREGATE.search(text):
        return False
    stars = len(_STAR_RUN.findall(text))
    return stars == 1 or stars == 0 and len(_RATED.findall(text)) == 1


def _form(text: str) -> tuple[bool, bool, bool, bool]:
    """The form of a rating's line: stars first, stars last, a score in figures beside them, "Rated"."""
    run = _STAR_RUN.search(text)
    return (bool(run and run.start() == 0), bool(run and run.end() == len(text)), bool(_SCORE.search(text)),
            bool(_RATED.search(text)))


def _labels(texts: Sequence[str], anchors: Sequence[int]) -> set[str]:
    """The lines that stand twice or more near the ratings: a page's labels ("Pros", "Verified booking"), no reviewer's name."""
    near = {k for a in anchors for k in range(max(0, a - HEAD_UP), min(len(texts), a + HEAD_DOWN + 2))}
    seen = Counter(texts[k] for k in near)
    return {t for t, n in seen.items() if n >= 2}


def _reviews(texts: Sequence[str], gaps: Sequence[bool], labels: set[str], anchors: Sequence[int], titled: bool,
             above: bool) -> list[_Review]:
    """The reviews of the ratings at `anchors`, in order."""
    out: list[_Review] = []
    floor = 0
    for i, a in enumerate(anchors):
        ceiling = anchors[i + 1] if i + 1 < len(anchors) else len(texts)
        out.append(_review(texts, gaps, labels, a, floor, ceiling, titled, above))
        floor = out[-1].last + 1  # (the text above may run to this head: `read` ends it at the head)
    return out


def _review(texts: Sequence[str], gaps: Sequence[bool], labels: set[str], a: int, floor: int, ceiling: int,
            titled: bool, above: bool) -> _Review:
    """The review whose rating is at row `a`, its head not over `floor`, its text not past `ceiling`
    (`titled`: most of the page's reviews have their title right over their rating; `above`: a
    title over the rating is the review's)."""
    above = above and not _rating_title(texts[a], labels)  # (a title beside the stars is the one)
    kinds: dict[int, str] = {a: "rating"}
    top = a
    for j in range(a - 1, max(floor - 1, a - 1 - HEAD_UP), -1):
        if gaps[j + 1]:
            break
        kind = _kind(texts[j], labels)
        if kind == "name" and titled and j == a - 1 and _ONE_NAME.match(texts[j]):
            kind = "title"  # "Fine" over the rating where the page's other reviews have their titles
        named = "name" in kinds.values()
        if kind in ("name", "named", "facts", "date") and not named:  # (over the name alone, only its title or its avatar)
            kinds[j], top = kind, j
        elif kind == "title" and above:
            kinds[j], top = kind, j
            break
        else:
            break
    last = a
    for j in range(a + 1, min(ceiling, a + 1 + HEAD_DOWN)):
        if gaps[j]:
            break
        kind = _kind(texts[j], labels)
        if kind in ("name", "named", "facts", "date"):
            kinds[j], last = kind, j
        elif kind == "title" and "title" not in kinds.values() and not _rating_title(texts[a], labels) and j + 1 < ceiling and _kind(texts[j + 1], labels) not in _NO_TEXT:
            kinds[j], last = kind, j
        else:
            break
    end = last + 1
    while end < ceiling and _kind(texts[end], labels) not in ("foot", "reply", "pager"):
        end += 1
    title = next((j for j, k in kinds.items() if k == "title"), None)
    if title is None and _rating_title(texts[a], labels):
        title = a  # "Perfect for a tiny wedding ★★★★★": the title with its stars
    names = _names(texts, kinds)
    if names is None and end - 1 > last and _kind(texts[end - 1], labels) == "named":
        kinds[end - 1] = "named"  # the reviewer's row under the text: "Aisha Bello · Advanced · Reviewed 14 Oct 2026"
        names = _names(texts, {end - 1: "named"})
    dates = [j for j in sorted(kinds) if _date(texts[j]) is not None]
    after = [texts[j] for j in range(last + 1, min(end + 1, len(texts)))]
    user = any(_FACTS.search(texts[j]) for j in kinds) or any(_voted(t) or _EXPERIENCE.match(t) for t in after)
    return _Review(top, last, end, title, names, dates[0] if dates else None, user)


def _rating_title(text: str, labels: set[str]) -> bool:
    """Whether a rating's line holds the review's title: "Rescued a roll I thought was ruined ★★★★★"."""
    title = _title_text(text)
    return bool(_WORD.search(title)) and not title.endswith(":") and _kind(title, labels) == "title"  # (not "Rating:")


def _kind(text: str, labels: set[str]) -> str:
    """What a line is to a review: "initials", "rating", "foot", "reply", "pager", "name" (the
    reviewer's), "named" (the name, then the reviewer's facts), "facts", "date", "title", "label"
    or "text"."""
    if _INITIALS.match(text):
        return "initials"
    if _foot(text):
        return "foot"
    if _REPLY.match(text) or reply_head(text):
        return "reply"
    if _PAGER.match(text):
        return "pager"
    if _rating(text):
        return "rating"
    if len(_STAR_RUN.findall(text)) > 1:
        return "ratings"  # "Value ★★★★☆  Food ★★★★★  Service ★★★★★"
    parts = _PARTS.split(text)
    if len(text) > (ROW_MAX if len(parts) > 1 and not TWO_SENTENCES.search(text) else HEAD_MAX):
        return "text"
    if text in labels and not _FACTS.search(text):
        return "label"
    if _REVIEWER.match(text):
        return "name"
    if len(parts) > 1 and _name_like(parts[0].split(",")[0]):
        return "named"
    placed = _NAME_PLACE.match(text)
    if placed and _name_like(placed.group("who")):
        return "named"  # the reviewer's name and where they are from
    words = text.split()
    month_end = len(words) <= DATE_WORDS and month_year(" ".join(words[-2:]))  # "wrote a review Feb 2026"
    if relative_date(text) or date_of(text) or month_end or dated(text) is not None and (
            len(words) <= DATE_WORDS or len(words) <= DATED_WORDS and not text.endswith(".")):
        return "date"  # "Watched 08 Mar 2025 (rewatch)", "wrote a review Feb 2026", "Reviewed in the United Kingdom on 3 March 2026"
    if len(parts) > 1:
        return "facts"
    if _FACTS.search(text):
        return "facts"
    if _name_like(text):
        return "name"
    if TWO_SENTENCES.search(text) or text.endswith(".") and not text.endswith("..."):
        return "text"
    return "title"


def _name_like(text: str) -> bool:
    """A reviewer's name or handle alone: "Jenny T.", "Martha Kowalczyk", "tiagoandsofia", "Priyanka", "Ana & Tomasz"."""
    text = without_nickname(text.strip())  # ('Wayne "Woz" Dorrington')
    if len(text) > NAME_MAX or text.lower() in _TRAVELLERS:
        return False  # (the kind of trip a review tells: "Couples · 12 May 2025")
    return bool(is_handle(text) or _ANONYMOUS.match(text) or _INITIALLED.match(text) or _COUPLE.match(text) or couple(text)
                or _ONE_NAME.match(text) or _PERSON.match(text))


def _names(texts: Sequence[str], kinds: dict[int, str]) -> tuple[str, ...] | None:
    """The reviewer's names from the head: a line of the name alone first, then "Reviewed by NAME",
    then the name a row of facts starts with; none for "Anonymous", None when the head names no one."""
    order = sorted(kinds, key=lambda j: (0 if kinds[j] == "name" and not _REVIEWER.match(texts[j]) else 1, j))
    for j in order:
        if kinds[j] not in ("name", "named", "rating"):
            continue
        text = _STAR_RUN.sub("", texts[j]).strip()
        by = _REVIEWER.match(text)
        if kinds[j] == "rating" and not by:
            continue
        who = _PARTS.split(by.group("who") if by else text)[0].split(",")[0].strip()  # ("Sarah T., Bristol · Fibre 500")
        placed = _NAME_PLACE.match(who)
        who = placed.group("who").strip() if placed else who  # ("Helen – United Kingdom")
        if _ANONYMOUS.match(who):
            return ()
        two = _COUPLE.match(who)
        if two:
            return two.group("a"), two.group("b")
        pair = couple(who)  # "Pam and Geoff Hurrell", "Jürgen und Petra K.": both of the surname
        if pair:
            return tuple(pair)
        return tuple(by_line_names(f"By {who}") or [who])
    return None


def _title_text(text: str) -> str:
    """A review's title without its stars and heading marks."""
    return MARKDOWN_HEADING.sub("", _STAR_RUN.sub("", text).strip(" ·|-–"), count=1)


def _date(text: str):
    """The date a line of a review's head holds, or None."""
    for part in _PARTS.split(text):
        found = date_of(part)
        if found is None and (inside := dated(part)) is not None:
            found = date_of(inside.group(0))
        if found is not None:
            return found
    return None


def _foot(text: str) -> bool:
    """A review's foot: its votes and buttons ("Helpful (14) · Report", "Useful 4   Share", "♥ 611 likes")."""
    words = _WORD.findall(text.lower())
    if not words:
        return bool(_HEARTS.match(text))
    if text.startswith("("):
        return False  # a note in the text: "(Original)" over the words the reviewer wrote
    return len(text) <= HEAD_MAX and all(w in _FOOT_WORDS for w in words)


def _voted(text: str) -> bool:
    """A foot that counts readers' votes on a review ("Helpful (14) · Report", "♥ 611 likes"), not a
    page's "Share:" or a comment's "Reply"."""
    return _foot(text) and bool(_VOTES.search(text))


def _after(texts: Sequence[str], gaps: Sequence[bool], end: int, top: int) -> int:
    """The row after what follows a review's text and is no one's article: its foot, the business's
    reply (to the next review's head at `top`, or to a blank line after the reply's text)."""
    j = end
    while j < top:
        kind = _kind(texts[j], set())
        if kind == "foot" or kind == "pager" and j == end:
            j += 1
        elif kind == "reply":
            j += 1
            while j < top and not gaps[j] and _kind(texts[j], set()) not in ("foot", "pager"):
                j += 1
        else:
            break
    return j
