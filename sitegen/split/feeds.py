"""Web feeds saved as they are (RSS, Atom, RDF) in a dump: each entry is an item, read from its elements.

A feed's XML says exactly where each entry starts and ends, what its headline is, who wrote it
(`dc:creator`, `<author><name>`), when, whether it carries the whole text (`content:encoded`,
Atom `<content>`) or only a summary (`<description>`, `<summary>`), and what rights it states.
`FeedReader` stands between a dump's lines and the rest of the split: it passes every line on,
a blank one in place of each line of a feed, and keeps the feed's entries (`Entry`) for
`feed_article` to make articles of. The entries' HTML (escaped, in CDATA, or as XHTML) is read
into paragraphs of plain text, each on the dump line it starts on; no markup reaches an article.
The reader is tolerant: the standard library's HTML parser reads a feed cut short, with entities
an XML parser refuses, and reports each element's line. Memory is bounded by the longest entry.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from sitegen.split.entries import Entry, Reader, people
from sitegen.split.entries import when as when_of
from sitegen.split.text import Block, Debris

__all__ = ["FeedReader", "paragraphs"]

# a feed starts at its root element, the XML declaration before it on its line or the line above
# A feed's prolog: the XML declaration and any processing instructions or comments before the root
# (Blogger prints `<?xml-stylesheet …?>` between the declaration and `<feed>`, on the same line or the next).
_PROLOG = r"(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*)"
_ROOT = re.compile(rf"^\s*{_PROLOG}*<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_DECLARATION = re.compile(rf"^\s*{_PROLOG}+$", re.IGNORECASE)
_CLOSE = re.compile(r"</(?:rss|feed|rdf:RDF)>\s*$", re.IGNORECASE)

_ENTRY = frozenset({"item", "entry"})
_TITLE = frozenset({"title"})
_CREATOR = frozenset({"dc:creator", "author", "dc:contributor"})
_DATE = frozenset({"pubdate", "published", "dc:date", "updated", "a10:updated"})
_SUMMARY = frozenset({"description", "summary"})
_CONTENT = frozenset({"content:encoded", "content"})
_RIGHTS = frozenset({"rights", "dc:rights", "copyright", "creativecommons:license", "cc:license", "media:license"})
_READ = _TITLE | _CREATOR | _DATE | _SUMMARY | _CONTENT | _RIGHTS  # the elements an entry's article is made of
_FEED_AUTHOR = frozenset({"author", "managingeditor", "dc:creator"})  # the feed's own writer, for entries naming none
_NESTING = frozenset({"source"})  # an entry's part with a title and an author of its own (Atom's, for a copied entry)

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "blockquote", "tr", "td", "th", "figcaption", "pre", "ul", "ol", "table", "section",
    "article", "hr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "figure",
})
_UNREAD = frozenset({"script", "style", "template"})  # their text is no text of the page
_SPACE = re.compile(r"\s+")
_EMAIL_NAME = re.compile(r"\(([^()]+)\)\s*$")  # RSS's "<author>jane@example.org (Jane Doe)</author>"
_ATOM_NAME = re.compile(r"<name>(.*?)</name>", re.DOTALL)
_CDATA = re.compile(r"^\s*<!\[CDATA\[(.*?)(?:\]\]>)?\s*$", re.DOTALL)


@dataclass(slots=True)
class _Field:
    """An element of an entry being read: its name, where it opened, and what it holds so far."""

    name: str
    line: int
    attrs: dict[str, str]
    parts: list[tuple[int, str]] = field(default_factory=list)  # (dump line, raw text or markup)


class _Parser(HTMLParser):
    """Reads a feed's elements as they come; a finished entry is appended to `entries`,
    every line outside the entries to `outside`."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.shift = first_line - 1  # the parser counts from 1 at the feed's first line
        self.entries: list[Entry] = []
        self.in_entry = False
        self.nested = 0  # elements open inside the entry whose own title or author is not the entry's (`<source>`)
        self.entry_start = 0
        self.fields: list[_Field] = []
        self.open: _Field | None = None
        self.feed_authors: list[str] = []
        self.feed_field: _Field | None = None

    def line(self) -> int:
        return self.getpos()[0] + self.shift

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ENTRY and self.open is None:
            if self.in_entry:  # the entry before was never closed: it ends where this one starts
                self.finish(self.line() - 1)
            self.in_entry, self.entry_start, self.fields, self.nested = True, self.line(), [], 0
        elif not self.in_entry:
            if tag in _FEED_AUTHOR and self.feed_field is None:
                self.feed_field = _Field(tag, self.line(), {})
            elif self.feed_field is not None:
                self.feed_field.parts.append((self.line(), f"<{tag}>"))
        elif self.open is not None:
            self.open.parts.append((self.line(), f"<{tag}>"))
        elif tag in _NESTING:
            self.nested += 1
        elif tag in _READ and not self.nested:
            self.open = _Field(tag, self.line(), {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag in _ENTRY and self.in_entry:
            self.finish(self.line())  # (whatever was left open inside it: tags a feed leaves unclosed)
        elif not self.in_entry:
            if self.feed_field is not None and tag == self.feed_field.name:
                self.feed_authors += people(_creator_text(self.feed_field))
                self.feed_field = None
            elif self.feed_field is not None:
                self.feed_field.parts.append((self.line(), f"</{tag}>"))
        elif self.open is not None and tag == self.open.name:
            self.fields.append(self.open)
            self.open = None
        elif self.open is not None:
            self.open.parts.append((self.line(), f"</{tag}>"))
        elif tag in _NESTING:
            self.nested = max(self.nested - 1, 0)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.in_entry and self.open is None and not self.nested and tag in _RIGHTS:
            licence = dict(attrs).get("rdf:resource") or dict(attrs).get("href") or ""  # <cc:license rdf:resource="…"/>
            self.fields.append(_Field(tag, self.line(), {}, [(self.line(), licence)]))
        elif self.open is not None and tag in _BLOCK_TAGS:
            self.open.parts.append((self.line(), f"<{tag}>"))

    def handle_data(self, data: str) -> None:
        target = self.open if self.in_entry else self.feed_field
        if target is not None:
            target.parts.append((self.line(), data))

    def unknown_decl(self, data: str) -> None:
        target = self.open if self.in_entry else self.feed_field
        if target is not None and data.startswith("CDATA["):
            target.parts.append((self.line(), data[len("CDATA[") :]))

    def finish(self, end: int) -> None:
        """The entry read so far is done (its closing tag, or the end of a feed cut short)."""
        if self.open is not None:
            self.fields.append(self.open)
            self.open = None
        self.entries.append(_entry(self.entry_start, end, self.fields, tuple(self.feed_authors)))
        self.in_entry, self.fields = False, []


def _entry(start: int, end: int, fields: list[_Field], feed_authors: tuple[str, ...]) -> Entry:
    title: Block | None = None
    date: tuple[int, dt.date] | None = None
    summary: tuple[Block, ...] = ()
    content: tuple[Block, ...] = ()
    rights: list[Block] = []
    creators: list[Block] = []
    extents: list[tuple[int, int]] = []
    for f in fields:
        if f.name in _TITLE and title is None:
            text = _plain(f)
            title = Block(f.line, text) if text else None
        elif f.name in _CREATOR:
            creators += [Block(f.line, name) for name in people(_creator_text(f))]
        elif f.name in _DATE and date is None:
            when = when_of(_plain(f))
            date = (f.line, when) if when else None
        elif f.name in _SUMMARY and not summary:
            summary, spans = paragraphs(f.parts)
            extents += spans
        elif f.name in _CONTENT and not content:
            content, spans = paragraphs(f.parts)
            extents += spans
        elif f.name in _RIGHTS and (text := _plain(f)):
            rights.append(Block(f.line, text if not text.startswith("http") else f"Licence: {text}"))
    return Entry(start, end, title, tuple(creators), date, summary, content, tuple(rights),
                 extents=tuple(extents), feed_authors=feed_authors, markup=_MARKUP)


def _creator_text(f: _Field) -> str:
    """A creator element's name: Atom's `<name>`, RSS's "address (Name)", or its text."""
    raw = "".join(text for _, text in f.parts)
    if atom := _ATOM_NAME.search(raw):
        raw = atom.group(1)
    raw = _SPACE.sub(" ", _CDATA.sub(r"\1", raw)).strip()
    if named := _EMAIL_NAME.search(raw):
        return named.group(1).strip()
    return "" if "@" in raw and " " not in raw else raw


def _plain(f: _Field) -> str:
    return " ".join(b.text for b in paragraphs(f.parts)[0])


class _Text(HTMLParser):
    """The paragraphs of an element's HTML: block elements end one; list items are marked "- "."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[tuple[int, int, str]] = []  # (offsets of its first word and of its end in the text read, text)
        self.words: list[str] = []
        self.first: int | None = None
        self.mark = ""
        self.skip = 0
        self.starts: list[int] = [0]  # the offset each line of the text read starts at

    def position(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col if line <= len(self.starts) else self.starts[-1]

    def flush(self, end: int | None = None) -> None:
        text = _SPACE.sub(" ", "".join(self.words)).strip()
        if text and self.first is not None:
            self.done.append((self.first, self.position() if end is None else end, self.mark + text))
        self.words, self.first, self.mark = [], None, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNREAD:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.mark = "- " if tag == "li" else ""  # (a heading is a line of its own: the body makes it one when it reads as one)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNREAD:
            self.skip = max(self.skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.first is None and data.strip():
            self.first = self.position() + len(data) - len(data.lstrip())
        self.words.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):
            self.handle_data(data[len("CDATA[") :])


def paragraphs(parts: Iterable[tuple[int, str]]) -> tuple[tuple[Block, ...], tuple[tuple[int, int], ...]]:
    """The paragraphs of an element's parts (each a dump line and the text read there, entities
    already read once), each on the dump line its first word is on; and the (first, last) dump
    lines of those printed over several lines."""
    text, anchors, lines = "", [], []
    for line, part in parts:
        anchors.append(len(text))
        lines.append(line)
        text += part
    reader = _Text()
    reader.starts = [0, *(m.end() for m in re.finditer("\n", text))]
    reader.feed(text)
    reader.close()
    reader.flush(len(text))

    def line_at(offset: int) -> int:
        k = max(bisect.bisect_right(anchors, offset) - 1, 0)
        return lines[k] + text.count("\n", anchors[k], offset)

    blocks, extents = [], []
    for first, last, para in reader.done:
        blocks.append(Block(line_at(first), para))
        end = line_at(max(min(last, len(text.rstrip())) - 1, first))
        if end > blocks[-1].line:
            extents.append((blocks[-1].line, end))
    return tuple(blocks), tuple(extents)


def _cut_short(parser: _Parser, line: str) -> bool:
    """A line of plain text between a feed's entries, with nothing of its markup open: the feed was
    cut short before it (a saved feed ends with its closing tag)."""
    return bool(line.strip()) and not parser.in_entry and parser.feed_field is None and "<" not in line \
        and ">" not in line and not parser.rawdata.strip()


_HEAD = "a feed's markup outside its entries: the channel's title, links and settings"
_MARKUP = "a feed entry's markup: its links, identifiers, categories and counters"


class FeedReader(Reader):
    """A dump's lines with its feeds taken out: iterating gives every line, a blank one in place
    of each line of a feed; the feeds' entries are kept (`take`) and the lines outside them
    reported in `debris`."""

    def __iter__(self) -> Iterator[str]:
        parser: _Parser | None = None
        held: list[tuple[int, str]] = []  # the prolog's lines alone so far: a feed may follow
        shown: list[tuple[int, str]] = []  # the feed's non-blank lines not yet given to an entry
        for number, line in enumerate(self._lines, 1):
            if parser is None:
                if _ROOT.match(line):
                    parser = _Parser(held[0][0] if held else number)
                    for kept in held:
                        parser.feed(kept[1] + "\n")
                        shown.append(kept)
                        yield ""
                    held = []
                elif _DECLARATION.match(line) and (held or line.lstrip().lower().startswith("<?xml")):
                    held.append((number, line))
                    continue
                else:
                    for kept in held:
                        yield kept[1]
                    held = []
                    yield line
                    continue
            if _cut_short(parser, line):  # plain text where the feed's markup should go on: it ended before
                self._close(parser, shown, number - 1)
                parser, shown = None, []
                yield line
                continue
            parser.feed(line + "\n")
            if line.strip():
                shown.append((number, line))
            if parser.entries:
                shown = self._give(parser, shown)
            yield ""
            if _CLOSE.search(line):
                self._close(parser, shown, number)
                parser, shown = None, []
        for kept in held:
            yield kept[1]
        if parser is not None:
            self._close(parser, shown, number)

    def _give(self, parser: _Parser, shown: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Keeps the entries just finished, with their lines (the lines before them are outside every
        entry); gives back the lines after them."""
        for entry in parser.entries:
            inside = [Block(n, t) for n, t in shown if entry.start <= n <= entry.end]
            self.debris += [Debris(n, t, _HEAD) for n, t in shown if n < entry.start]
            self._ready.append(replace(entry, lines=tuple(inside)))
            shown = [(n, t) for n, t in shown if n > entry.end]
        del parser.entries[:]
        return shown

    def _close(self, parser: _Parser, shown: list[tuple[int, str]], last: int) -> None:
        """The feed ends at line `last` (its closing tag, or the dump's end when it is cut short)."""
        parser.close()
        if parser.in_entry:  # cut short inside an entry: the entry ends with it
            parser.finish(last)
        self.debris += [Debris(n, t, _HEAD) for n, t in self._give(parser, shown)]



