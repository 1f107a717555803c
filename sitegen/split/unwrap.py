"""Hard-wrapped dumps: paragraphs a scraper cut into lines of at most W characters, joined again.

The split reads one paragraph per line. Some scrapers (and text taken out of
PDFs or mail) wrap the text at a width W of 40 to 100 characters, so a
paragraph comes over several lines. `Unwrapped` reads a dump's lines in runs
(a run ends at a blank line once `RUN` lines are read; `RUN_MAX` lines at
most) and decides for each run whether it is wrapped and at what width
(`widths`: one W for the run, or each line's own when the paragraphs were
wrapped at different widths): many of its lines are followed by a line whose
first word would not have fitted on them. In a wrapped run a line is joined
to the one before when that first word would not have fitted
(`len(line) + 1 + len(word) > W`, the rule mail readers use), or when the
line before is nearly W long and the line goes on in lower case, or after a
comma or a word like "the" (paragraphs wrapped a little narrower, or by the
width of the letters) — never across a blank line, never into a line
indented deeper (a paragraph's first line), a list item, a table row, a
mail header's field, a date or by-line, or a headline-shaped line (or a short
line that ends no sentence) after a finished sentence. Joined with a space (or without one after a hyphen
ending a word), the paragraph is one line again. A run that is not wrapped
comes out unchanged, at the cost of one length check per line. A line ending
in `text.SOFT_BREAK` (a mail's soft line break, decoded by `mime`) is joined
to the next whatever the run, with nothing between.

`LineMap` keeps the way back: every line number the split reports on the
joined lines (article ranges, body and front-matter lines, debris, problems,
review flags, a title naming its line) is mapped to the original dump's lines
(`LineMap.article`, `LineMap.debris`). Must not decide roles, boundaries or
metadata.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from sitegen.errors import Problem
from sitegen.model import Source
from sitegen.split.clean import clean_line, line_debris
from sitegen.split.dates import date_of
from sitegen.split.flags import is_caption
from sitegen.split.roles import byline_names, date_line, headline_score
from sitegen.split.firsts import initialled
from sitegen.split.text import GLUED, LEADING_LINK, RULE, SOFT_BREAK, TABLE_ROW, WEB_ADDRESS, WIRE_DATELINE, Debris, ends_sentence, is_list_item, stops_mid_sentence
from sitegen.split.widths import MAX_WIDTH, MIN_WIDTH, NARROWER, fits, hyphenated, ragged_widths, too_long, wrap_width

RUN, RUN_MAX = 2000, 20000  # lines read before deciding (the run ends at the next blank line), and at most
_OWN_LINE = initialled(r"#|>|www\.|https?://|(?:from|to|cc|subject|date|sent|reply-to):\s", re.IGNORECASE)  # also a mail header's field


_REFERENCE = re.compile(r"^\s*(?:\d{1,4}\.\s+)?(?:https?://|www\.)\S+\s*$")  # a text browser's list of links: "  14. https://…"


_HANDLE_ALONE = re.compile(r"^@?(?=[\w.-]*[_\d])[a-z][\w.-]{2,29}$", re.IGNORECASE)  # a word with an underscore or a digit in it


def _joins(previous: str, line: str, width: int, opens: bool) -> bool:
    """`line` goes on the paragraph whose last line is `previous` (both non-blank, as in the
    dump; `opens` when `previous` is the paragraph's first line): its first word would not have
    fitted on `previous` at the width it was wrapped at, or `previous` is nearly that wide and
    `line` goes on in lower case (a paragraph wrapped a little narrower, or by the width of its
    letters, as text taken out of a PDF is) or after a word a sentence cannot end on ("the",
    "of", a comma: ragged wrapping). A line indented deeper than the one before starts a
    paragraph, and so does a line indented less, unless `previous` opened its paragraph with
    the indent (or is a list item whose text goes on under it)."""
    indent, previous_indent = _indent(line), _indent(previous)
    if indent > previous_indent and not (opens and is_list_item(previous.strip())) or indent < previous_indent and not opens:
        return False  # (a list item's text goes on under it, indented past its marker)
    if width < MIN_WIDTH:
        return False  # lines this short (an address, a poem, a mail's header) are not wrapped
    full, previous, line = previous.rstrip(), previous.strip(), line.strip()
    if len(previous) > MAX_WIDTH or previous.isupper() or is_list_item(line) or TABLE_ROW.match(line) or _OWN_LINE.match(line) or _PAGE_MARK.match(line):
        return False  # a heading in capitals, a list item, a table row, a heading in Markdown, a quote, an address, a page number
    if RULE.match(line) or RULE.match(previous):
        return False  # a rule ("-----" as wide as the text, "* * *") ends a paragraph and starts none
    if _PAGE_HEAD.search(line) or _PAGE_HEAD.search(previous):
        return False  # a print page's running head, its number set apart: no paragraph goes on from it or onto it
    if WIRE_DATELINE.match(line):
        return False  # a wire story opens here: "Nagpur, Mar 21 (BNS) Vidarbha will host …" (not its headline's last words)
    if WEB_ADDRESS.match(line):
        return False  # a search result's address under its title: "sunshinecocoa.org.ng › news › 2024 › …"
    if previous.count(" | ") >= 2 or line.count(" | ") >= 2:
        return False  # a row of fields or links ("Feature 1 of 4 | Slug: … | 720 words"): no paragraph's line
    if _HANDLE_ALONE.match(line):
        return False  # a forum poster's handle alone on its line ("pennyfarthing_k"), under the thread's row of facts
    if line[:1].islower():
        if len(full) < width - NARROWER and fits(full, line, width):
            return False
    elif len(full) > width or fits(full, line, width) and not _goes_on(full, width):
        return False
    if line.isupper() and ends_sentence(previous):
        return False  # a label in capitals after a finished sentence ("SPONSORED", "ADVERTISEMENT"), or a heading
    if ends_sentence(previous) and len(line.split()) <= HEADING_WORDS and 2 * len(line) < width and not ends_sentence(line):
        return False  # a short heading after a finished sentence ("Results, Malham"): no paragraph ends so, unfinished
    cleaned = clean_line(line)
    if date_line(cleaned) or byline_names(cleaned, after_title=True) or _by_line(cleaned):  # also "by Dev Kulkarni" under a title,
        return False  # and a forum post's "by HANDLE » DATE"
    if opens and _date_row(previous, line):
        return False  # a date alone on its line ("Sunday March 9 2025", set to the right) or a whole row of it, over the headline
    if opens and line.split(None, 1)[0] in _OPENERS and _headline_shaped(previous):
        return False  # a headline over its text: "The Kowloon Rail Corporation's annual fare adjustment …"
    if opens and LEADING_LINK.match(previous) and previous.count("[") == 1 and _headline_shaped(previous) and not line[:1].islower():
        return False  # a text browser's link over a teaser's text: "[13]Cardiff store site to become homes" (not its wrapped rest)
    return line[:1].islower() or not (ends_sentence(previous) and not ends_sentence(line) and headline_score(cleaned) >= 0.5)


def _date_row(previous: str, line: str) -> bool:
    """`previous` is a date line, whole: a date alone, or a row with it that breaks off on no
    separator ("Report | 31 October 2024 | Rapporteur: NAME"), over a line of several words."""
    if len(previous) > DATE_ALONE or not date_line(clean_line(previous)):
        return False
    return len(previous) <= DATE_ONLY or not previous.endswith(_ROW_ENDS) and line[:1].isupper() and len(line.split()) >= HEAD_WORDS


def _headline_shaped(line: str) -> bool:
    """A line that reads as a whole headline: no sentence ends in it or after it, it breaks off on no
    word a sentence goes on from ("the", "of", a comma) and quotes no one ("…," said)."""
    line = LEADING_LINK.sub("", line.strip(), 1)
    last = line.rsplit(None, 1)[-1]
    if ends_sentence(line) or last.endswith(",") or last.lower() in _UNFINISHED or _SENTENCE_INSIDE.search(line) or _QUOTED.search(line):
        return False
    return headline_score(clean_line(line)) >= 0.5


def _indent(line: str) -> int:
    return len(line.expandtabs()) - len(line.expandtabs().lstrip())


HEADING_WORDS = 4  # a short line after a finished sentence, ending none, of at most this many words is a heading


_UNFINISHED = frozenset("a an the of to in on at by for from with into onto upon about between and or but nor as than that".split())


def _goes_on(line: str, width: int) -> bool:
    """`line` (nearly `width` long) breaks off where no sentence or headline ends: on a comma,
    or on a word like "the", "of", "and" — wrapped, though the next word would have fitted."""
    if len(line) < width - NARROWER or " | " in line:
        return False  # (a row of links is no paragraph)
    return line.endswith(",") or line.rsplit(None, 1)[-1] in _UNFINISHED


@dataclass(frozen=True, slots=True)
class _Joined:
    """A line of the joined text that is not simply the dump line after the one before it: a
    paragraph joined from several lines, or a line moved out of the paragraph it interrupted."""

    line: int  # its number among the joined lines
    originals: tuple[int, ...]  # the original numbers of its lines, in the order of its text
    cuts: tuple[int, ...]  # how many of its words come before each original line after the first
    words: int  # how many words it has
    resume: int  # the original number of the joined line after it, when that one is not a `_Joined`


class LineMap:
    """Line numbers of the joined lines → the original dump's line numbers."""

    def __init__(self) -> None:
        self._joined: list[_Joined] = []
        self._numbers: list[int] = []  # the joined line numbers of `_joined`, for bisection

    @property
    def identity(self) -> bool:
        return not self._joined

    def add(self, line: int, originals: tuple[int, ...], cuts: tuple[int, ...], words: int, resume: int) -> None:
        self._joined.append(_Joined(line, originals, cuts, words, resume))
        self._numbers.append(line)

    def _find(self, line: int) -> tuple[_Joined | None, int]:
        """The joined line `line` if it is one, and `line`'s original (first) line number."""
        k = bisect_right(self._numbers, line) - 1
        if k < 0:
            return None, line
        joined = self._joined[k]
        if joined.line == line:
            return joined, joined.originals[0]
        return None, joined.resume + (line - joined.line - 1)

    def first(self, line: int) -> int:
        """The first original line of joined line `line` (the lowest)."""
        joined, first = self._find(line)
        return min(joined.originals) if joined else first

    def last(self, line: int) -> int:
        joined, first = self._find(line)
        return max(joined.originals) if joined else first

    def lines(self, line: int) -> tuple[int, ...]:
        """The original lines of joined line `line`, in the order of its text."""
        joined, first = self._find(line)
        return joined.originals if joined else (first,)

    def debris(self, found: Iterable[Debris]) -> list[Debris]:
        """`found` (on the joined lines) on the original lines: a glued separator (the end of a
        line) on the last; anything else is the whole joined line taken out, so each of its lines
        is taken out, with its words. Its text may have been cleaned ("guide&nbsp;&raquo;" is
        "guide »") or have lost its glued separator, so the count of words may differ from the
        line's: each line takes its words up to the line's cut, the last line the rest."""
        if self.identity:
            return list(found)
        out = []
        for d in found:
            joined, first = self._find(d.line)
            if joined is None or len(joined.originals) == 1:
                line = joined.originals[0] if joined else first
                out.append(replace(d, line=line) if line != d.line else d)
                continue
            if d.reason == GLUED:
                out.append(replace(d, line=joined.originals[-1]))
                continue
            words = d.text.split()
            bounds = [0, *(min(cut, len(words)) for cut in joined.cuts), len(words)]
            for i, (a, b) in enumerate(zip(bounds, bounds[1:])):
                out.append(Debris(joined.originals[i], " ".join(words[a:b] or words[a - 1 : a]), d.reason))
        return out

    def article(self, article):  # SplitArticle → SplitArticle (typed loosely: `assemble` imports nothing from here)
        """`article` (split from the joined lines) with every line number it carries on the original lines."""
        if self.identity:
            return article
        first, last = article.source.lines
        new_first = min(self.first(n) for n in range(first, last + 1))
        new_last = max(self.last(n) for n in range(first, last + 1))
        title = article.title
        named = f"({article.source.file} line {first})"
        if title.endswith(named):
            title = title[: -len(named)] + f"({article.source.file} line {new_first})"
        return replace(
            article,
            title=title,
            source=Source(article.source.file, (new_first, new_last)),
            body_lines=tuple(n for line in article.body_lines for n in self.lines(line)),
            meta_lines=tuple(n for line in article.meta_lines for n in self.lines(line)),
            debris=tuple(self.debris(article.debris)),
            problems=tuple(self._problem(p, named, title) for p in article.problems),
            review=tuple((self.first(line), why) for line, why in article.review),
        )

    def _problem(self, problem: Problem, named: str, title: str) -> Problem:
        if problem.line is None:
            return problem
        message = problem.message
        if named in message:
            message = message.replace(repr(title[: -len(named)] + named), repr(title))
        return replace(problem, message=message, line=self.first(problem.line))


class Unwrapped:
    """The lines of a dump with hard-wrapped paragraphs joined, and paragraphs a line of the page
    interrupted mended (`_mended`), streamed (memory bounded by a run of `RUN_MAX` lines); `map`
    takes the joined line numbers back to the dump's, and is filled as the lines are read."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self.map = LineMap()

    def __iter__(self) -> Iterator[str]:
        number = 0  # original lines read
        out = 0  # joined lines given
        for run in _runs(self._lines):
            pieces = _mended(run, number + 1)
            if pieces is None:
                widths = _widths(run)
                if widths is None and not any(line.endswith(SOFT_BREAK) for line in run):
                    yield from run
                    number += len(run)
                    out += len(run)
                    continue
                pieces = [(line, (number + 1 + k,)) for k, line in enumerate(run)]
            else:
                widths = _widths([text for text, _ in pieces])
            highest = number  # the highest original line given so far
            for group in _paragraphs(pieces, widths):
                out += 1
                originals = tuple(n for _, lines in group for n in lines)
                if len(originals) > 1:
                    text, cuts = _join([part for text, lines in group for part in getattr(lines, "parts", (text,))])
                else:
                    text, cuts = group[0][0], ()
                highest = max(highest, *originals)
                if len(originals) > 1 or originals[0] != self.map.first(out):
                    self.map.add(out, originals, cuts, len(text.split()), highest + 1)
                yield text.rstrip(SOFT_BREAK)
            number += len(run)


def _runs(lines: Iterable[str]) -> Iterator[list[str]]:
    """The lines in runs of `RUN` lines or more, each ending at a blank line (or after `RUN_MAX`)."""
    run: list[str] = []
    for line in lines:
        run.append(line)
        if len(run) >= RUN and (not line.strip() or len(run) >= RUN_MAX):
            yield run
            run = []
    if run:
        yield run


_Piece = tuple[str, tuple[int, ...]]  # a line's text and the original numbers of its lines


def _widths(lines: list[str]) -> list[int] | None:
    """The width each line was wrapped at: the run's one width W when it has one
    (`wrap_width`), else each line's own (`ragged_widths`); None when the run is not wrapped."""
    lengths = [0 if _REFERENCE.match(line) else len(line.rstrip()) for line in lines]  # a link's address is never wrapped: no evidence
    if too_long([n for n in lengths if n]):
        return None  # the common case: one pass over the lengths
    width = wrap_width(lines, lengths)
    return [width] * len(lines) if width is not None else ragged_widths(lines, lengths)


def _paragraphs(pieces: list[_Piece], widths: list[int] | None) -> Iterator[list[_Piece]]:
    """The pieces of a run, each with the pieces joined to it (none when the run is not wrapped:
    `widths` None, else the width each piece was wrapped at); a line moved out of a paragraph
    (`_mended`) is joined to nothing and comes after the paragraph's line."""
    group: list[_Piece] = []
    moved: list[_Piece] = []
    last = 0  # the index of the last piece in `group`
    for k, piece in enumerate(pieces):
        if isinstance(piece[1], _Moved):
            moved.append(piece)
            continue
        line = piece[0]
        if group and group[-1][0].endswith(SOFT_BREAK) or widths is not None and group and line.strip() and group[-1][0].strip() and _joins(
                group[-1][0], line, widths[last], len(group) == 1):
            group.append(piece)
            last = k
            continue
        if group:
            yield group
        for m in moved:
            yield [m]
        moved = []
        group = [piece]
        last = k
    if group:
        yield group
    for m in moved:
        yield [m]


class _Moved(tuple):
    """The original numbers of a line moved out of the paragraph it interrupted."""

    __slots__ = ()


class _Mended(tuple):
    """The original numbers of a paragraph mended across a line of the page, with the texts of
    those lines (`parts`): a paragraph joined with it is joined from them, so its word counts
    (the cuts that give each original line its words back) count every original line."""

    parts: tuple[str, ...]

    def __new__(cls, numbers: tuple[int, ...], parts: tuple[str, ...]) -> _Mended:
        made = super().__new__(cls, numbers)
        made.parts = parts
        return made


DATE_ALONE = 100  # a date line or row over a headline is no longer
DATE_ONLY = 60  # and a date line alone no longer than this
HEAD_WORDS = 4  # the headline under a longer row has at least this many words
_ROW_ENDS = ("·", "|", ",", "–", "-", "•")
_OPENERS = frozenset(  # words that open a sentence, seldom a headline's wrapped rest
    "The A An This That These Those It Its We I He She They His Her Their Our".split()
)
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"”’']? [\"“‘'A-Z]")  # a sentence ends inside the line and another starts
_QUOTED = re.compile(r"[,.!?][\"”’]")  # the end of a quotation: "…," said
_PAGE_HEAD = re.compile(r"\S {6,}\d{1,4}$|^\d{1,4} {6,}\S")  # a print page's head or foot: "Ghats Herp Notes 31 (Monsoon 2025)      3"
_PAGE_MARK = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)\s*\d{1,4}(?: of \d{1,4})?)$", re.IGNORECASE)
_INTERRUPTION_MAX = 120  # a line of the page inside a paragraph is at most this long
_CONTINUES = re.compile(r"[a-z]")  # the text after the interruption goes on in lower case


def _interrupts(before: str, line: str, after: str, run: list[str]) -> bool:
    """`line` is a line of the page ("Advertisement", "— 2 —", "Photo: …", a running head that
    recurs in the run) dropped into the middle of a sentence: the text before it breaks off (no
    final punctuation, long enough to be running text) and the text after it goes on in lower case."""
    before, line, after = before.strip(), line.strip(), after.strip()
    if not (before and line and after) or len(line) > _INTERRUPTION_MAX or len(line) < 4 or len(before) < MIN_WIDTH:
        return False
    if not _CONTINUES.match(after) or ends_sentence(before) or before.endswith((":", "-", "–", "—")) or is_list_item(after) or _HANDLE_ALONE.match(after):
        return False  # (a forum poster's handle under the thread's facts and its "Watch" button goes on no sentence)
    if byline_names(clean_line(before), after_title=True):
        return False  # "Interview and photograph: NAME" over a picture's wrapped alt text: a by-line breaks off no sentence
    cleaned = clean_line(line)
    if line_debris(cleaned) or _PAGE_MARK.match(cleaned) or is_caption(cleaned):
        return not (date_line(cleaned) or byline_names(cleaned, after_title=True) or _by_line(after))
    running_head = len(line.split()) >= 2 and sum(map(str.isalpha, line)) >= 0.5 * len(line) and not stops_mid_sentence(line)
    if not running_head or _by_line(after):
        return False
    above = {run[k - 1].strip() for k in range(1, len(run)) if run[k].strip() == line}  # the line over each time it recurs
    return sum(1 for other in run if other.strip() == line) >= 2 and above != {before}  # (the same each time: a statement recurs whole)


def _by_line(text: str) -> bool:
    """A by-line in lower case ("by NAME | DATE | 3 comments", a forum post's "by HANDLE » DATE"):
    the line above it is a headline ("Chart of the week: …", which reads as a caption; a thread's
    title printed over each post), not a line of the page breaking a sentence."""
    if not text.startswith("by "):
        return False
    who, mark, when = text.partition(" » ")
    return bool(byline_names(clean_line(text))) or bool(mark and len(who) <= 43 and date_of(when) is not None)


def _mended(run: list[str], first: int) -> list[_Piece] | None:
    """The lines of a run (the first numbered `first`) as pieces, with each paragraph a line of
    the page interrupts (`_interrupts`, blank lines around it allowed) mended: the text before
    and after it one line, and the line itself (with the blank lines around it) moved after the
    paragraph's line, where it is taken out as any other line of the page. None when there is
    nothing to mend (the common case, one check per line)."""
    candidates = [k for k in range(2, len(run)) if run[k][:1].islower() and len(run[k]) > 1]
    hits: dict[int, tuple[int, int]] = {}  # the line before → (the interruption, the line after)
    for k in candidates:
        j = k - 1
        while j > 0 and not run[j].strip():
            j -= 1
        i = j - 1
        while i >= 0 and not run[i].strip():
            i -= 1
        if i >= 0 and j > i and k - i <= 5 and i not in hits and _interrupts(run[i], run[j], run[k], run):
            hits[i] = (j, k)
    if not hits:
        return None
    pieces: list[_Piece] = []
    k = 0
    while k < len(run):
        if k not in hits:
            pieces.append((run[k], (first + k,)))
            k += 1
            continue
        j, after = hits[k]
        text, _ = _join([run[k], run[after]])
        pieces.append((text, _Mended((first + k, first + after), (run[k], run[after]))))
        pieces += [(run[m], _Moved((first + m,))) for m in range(k + 1, after)]
        k = after + 1
    return pieces


def _join(group: list[str]) -> tuple[str, tuple[int, ...]]:
    """The lines of one paragraph as one line (a space between them, none after a hyphen ending
    a word, and the hyphen dropped when it only broke the word: `_hyphen_kept`), and how many of
    its words come before each line after the first (a word joined across a hyphen counts with
    the line it starts on)."""
    first = group[0].rstrip()
    parts = [first]
    end = first[-_END:]  # enough of the text's end to read its last word (`_hyphen_kept`)
    words = len(first.split())
    cuts = []
    for line in group[1:]:
        if end.endswith(SOFT_BREAK):  # a mail's soft line break: the text goes on as it is, nothing between
            line = line.rstrip()
            parts[-1] = parts[-1][:-1]
            end = end[:-1]
            glued = bool(end and line) and not end[-1].isspace() and not line[0].isspace()  # a word cut in two
        elif not (glued := hyphenated(end)):
            line = line.strip()
            parts.append(" ")
            end += " "
        elif not _hyphen_kept(end, line := line.strip()):
            parts[-1] = parts[-1][:-1]
            end = end[:-1]
        cuts.append(words)
        if line:
            parts.append(line)
            words += len(line.split()) - (1 if glued else 0)
        end = (end + line)[-_END:]
    return "".join(parts), tuple(cuts)


_END = 200  # characters: longer than any word `_hyphen_kept` reads


_COMPOUND_FIRST = frozenset(
    "self well non co ex anti pre post semi multi cross half all long short high low one two three four five six seven eight "
    "nine ten twenty thirty forty fifty hundred so much ill full part mid first second third e x t u re up down out off "
    "over under near far old new year day week month single double open close free hand home world city state".split()
)
_WORD_ENDS = (  # the endings a word is broken before ("meet-ing", "Septem-ber", "allot-ments")
    "ing", "ings", "ed", "ment", "ments", "tion", "tions", "sion", "sions", "ber", "bers", "ly", "ity", "ities", "ness",
    "ance", "ence", "er", "ers", "or", "ors", "ous", "ive", "al", "ic", "ics", "ure", "ures", "able", "ible", "ise", "ize",
    "ist", "ists", "ism", "ary", "ory", "ial", "ian", "ent", "ents", "ant", "ants", "age", "ful", "less", "est", "ty",
    "ties", "ry", "ries", "ture", "tures", "ate", "ated", "ation", "ations", "es", "s",
)
_LEADING_LETTERS = re.compile(r"[a-z]+")


def _hyphen_kept(text: str, line: str) -> bool:
    """The hyphen ending `text` belongs to a compound ("clean-" + "up", "self-" + "driving"): kept
    unless the word goes on in lower case with an ending a word is broken before, or after a
    fragment of one or two letters that is no prefix ("ac-" + "counts")."""
    tail = _LEADING_LETTERS.match(line)
    if not tail:
        return True  # "Covid-" + "19", "north-" + "East"
    head = text[:-1].rsplit(None, 1)[-1]
    head = re.split(r"[^\w]|\d|_", head)[-1]
    if "-" in text[:-1].rsplit(None, 1)[-1] or head.lower() in _COMPOUND_FIRST:
        return True  # "state-of-" + "the-art", "long-" + "term"
    rest = tail.group(0)
    return not (len(head) <= 2 or rest in _WORD_ENDS or len(rest) <= 5 and rest.endswith(_WORD_ENDS[:-2]))
