"""Entries of a structured format in a dump (a feed's item, a calendar's event) → articles.

A format that says where each entry starts and ends and which field is its headline, its
writers, its date, its summary, its full text and its rights (`feeds`, `calendar`) is read by
its own reader into `Entry` records, each part on the dump line it starts on. `entry_article`
makes the article of one: its text goes through `assemble` as one item headed by its title (so a
signature, a bio or a licence statement in the text is read as anywhere else), and what the
format states for certain (title, writers, date, full text or summary, rights) overrides what
the text suggests. `Readers` chains the readers between a dump's lines and the text split.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from sitegen.model import ArticleKind, Source
from sitegen.split.assemble import SplitArticle, assemble
from sitegen.split.boundary import Item
from sitegen.split.licence import detect_licence
from sitegen.split.meta import unrated
from sitegen.split.roles import byline_names, person
from sitegen.split.text import Block, Debris

__all__ = ["Entry", "Reader", "entry_article", "held_back", "people", "when"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a structured format: what it says, each part on the dump line it starts on."""

    start: int  # the line it opens on
    end: int  # the line it closes on (or the format's last line, cut short)
    title: Block | None
    creators: tuple[Block, ...]  # each writer's name, on the line of the field naming them
    date: tuple[int, dt.date] | None
    summary: tuple[Block, ...]  # paragraphs of plain text
    content: tuple[Block, ...]  # the full text, when the entry carries it
    rights: tuple[Block, ...]
    lines: tuple[Block, ...] = ()  # every non-blank line of the entry as printed, to account for them
    extents: tuple[tuple[int, int], ...] = ()  # (first line, last line) of each paragraph printed over several
    feed_authors: tuple[str, ...] = ()  # the writer the whole format names, for entries naming none
    markup: str = "an entry's markup: its links, identifiers, categories and settings"  # why its other lines are debris
    teaser: bool = False  # its text stands for the article even when it is full (a calendar's event)
    places: tuple[Block, ...] = ()  # the lines of where it takes place (a fact of its front, not its text)
    head: int | None = None  # the line it starts on when that is above its title (a message's first header field)


class Reader:
    """A reader of one format, between a dump's lines and the text split: iterating it (each
    format's own `__iter__`) gives the dump's lines, a blank one for each it took; the entries it
    has read wait in `take`, the lines of the format outside every entry in `debris`."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self._ready: list[Entry] = []
        self.debris: list[Debris] = []

    def __iter__(self) -> Iterator[str]:
        raise NotImplementedError

    def take(self, before: int | None = None) -> list[Entry]:
        """The entries read so far that start before dump line `before` (all of them without it)."""
        n = len(self._ready) if before is None else sum(1 for e in self._ready if e.start < before)
        out, self._ready = self._ready[:n], self._ready[n:]
        return out


def held_back(into: list[tuple[int, str]] | None, lines: list[tuple[int, str]]) -> Iterator[str]:
    """Lines a reader held back, not its format's after all: the text of the entry open (`into`),
    or, with none open, given on as they are."""
    if into is None:
        yield from (text for _, text in lines)
    else:
        into += lines


def when(value: object) -> dt.date | None:
    """The date of a format's timestamp: a date or datetime, RFC 822 ("Thu, 20 Mar 2025
    05:30:00 +0800", a feed's) or ISO 8601 ("2025-03-20T05:30:00Z", "2025-03-20 12:00:00 +0000")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


_JOINS = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")  # between the names of one writer's field
_APPEARED = re.compile(r"^The post .+ appeared first on .+$")  # WordPress's line under each post of its feed
_SPACE = re.compile(r"\s+")
_REPEATED = "an entry's summary, repeated at the head of its full text"
_TITLE_ONLY = "an entry with a headline and no text: a link to it"


def people(field: str) -> list[str]:
    """The people a writer's field names: a person's name, or several joined ("A and B", "A, B");
    an office, a desk or a site ("Registry", "Pixel Pilgrim Staff", "Courts and Tribunals
    Service") names no one."""
    parts = [p for p in _JOINS.split(field) if p]
    if not parts or not all(person(p) for p in parts):
        return []
    return [name for p in parts for name in (byline_names(f"By {p}") or [p])[:1]]  # honorifics off


def entry_article(entry: Entry, name: str) -> tuple[SplitArticle | None, list[Debris]]:
    """The article of an entry, and the lines of the entry that are in no article (its links,
    identifiers, categories); None when the entry has no text (a headline alone links to it)."""
    notes = [b for b in (*entry.summary, *entry.content) if _APPEARED.match(b.text)]  # where it appeared first
    summary = tuple(b for b in entry.summary if b not in notes)
    content = tuple(b for b in entry.content if b not in notes)
    repeated = bool(content and summary) and _repeats(summary, content)
    text = [*(() if repeated else summary), *content]
    if not text:
        return None, [Debris(b.line, b.text, _TITLE_ONLY if entry.title else entry.markup) for b in entry.lines]
    blocks = ([entry.title] if entry.title else []) + text + list(entry.rights)
    teaser = entry.teaser or not content
    item = Item(0, len(blocks), 1.0 if entry.title else 0.8, teaser=teaser, headed=entry.title is not None)
    article = assemble(tuple(blocks), name, None, item)
    authors = [b.text for b in entry.creators] or list(article.authors) or list(entry.feed_authors)
    authors = [_in_full(a, entry.feed_authors) for a in authors]  # "Priya" signing, Priya Raman posting
    meta = {*article.meta_lines, *(b.line for b in (*entry.creators, *notes, *entry.places))}
    meta |= {entry.date[0]} if entry.date else set()
    if entry.title:
        meta.add(entry.title.line)
    licence = article.licence
    for right in entry.rights:
        if found := detect_licence(right.text):
            licence = found[0]
            meta.add(right.line)
    body = set(article.body_lines)
    body |= {n for first, last in entry.extents if first in body for n in range(first + 1, last + 1)} - meta
    used = meta | body
    fields = {b.line for b in entry.creators} | ({entry.date[0]} if entry.date else set())
    text_lines = (used - fields) or used  # (a writer's or a date's member after the text is outside its extent)
    first = entry.title.line if entry.title else min(used)
    if entry.head is not None:
        first = min(first, entry.head)
    article = replace(
        article,
        title=unrated(_SPACE.sub(" ", entry.title.text).strip()) if entry.title else article.title,
        publisher=None if entry.title else article.publisher,  # the format's title is the headline as it stands
        authors=tuple(dict.fromkeys(authors)),
        kind=ArticleKind.FRAGMENT if teaser or repeated and len(content) <= len(summary) else ArticleKind.ARTICLE,
        date=entry.date[1] if entry.date else article.date,
        licence=licence,
        body_lines=tuple(sorted(body)),
        meta_lines=tuple(sorted(meta)),
        source=Source(name, (first, max(text_lines))),
    )
    left = [Debris(b.line, b.text, _REPEATED if repeated and any(s.line == b.line for s in summary) else entry.markup)
            for b in entry.lines if b.line not in used]
    return article, left


def _in_full(name: str, known: tuple[str, ...]) -> str:
    """A writer signing with a first name, named in full when the format names them so."""
    return next((k for k in known if " " not in name and k.split()[0] == name), name)


def _repeats(summary: tuple[Block, ...], content: tuple[Block, ...]) -> bool:
    """The summary is the opening of the full text (as WordPress's excerpt is), word for word."""
    said = " ".join(b.text for b in summary).rstrip(" .…[]")
    return bool(said) and " ".join(b.text for b in content).startswith(said)


def articles(readers: Iterable[Reader], name: str, debris: list[Debris], before: int | None = None
             ) -> Iterator[SplitArticle]:
    """The articles of the entries the readers have read so far that start before dump line
    `before` (all of them without it), in dump order; their lines in no article go to `debris`."""
    taken = sorted((e for r in readers for e in r.take(before)), key=lambda e: e.start)
    for entry in taken:
        article, left = entry_article(entry, name)
        debris.extend(left)
        if article is not None:
            debris.extend(article.debris)
            yield article
    for reader in readers:
        debris.extend(reader.debris)
        reader.debris.clear()
