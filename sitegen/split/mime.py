"""A raw e-mail's MIME encoding undone: its parts' text as the reader of the mail saw it.

An e-mail saved raw (an `.eml` file, a message's source, an mbox) carries its text encoded for
transport: quoted-printable, with "=" ending a line the mail program broke ("… won't change t=" /
"his time") and bytes written as "=C2=A3"; or base64; and often twice, as plain text and as
HTML, in parts between boundary lines ("--=_nm_b1f0c6a2") each headed by its own fields
("Content-Type: text/plain; charset=UTF-8"). Read as text, the split would see broken words,
"=E2=80=99" for every apostrophe, lines of base64 and HTML markup.

`MimeReader` stands first between a dump's lines and the readers of formats (`messages` reads a
message's header fields after it). It keeps a message's own header as it is and undoes what a
part's fields say: quoted-printable text is decoded line by line, a line the mail program broke marked
(`text.SOFT_BREAK` last) for `unwrap` to join to the next with nothing between; base64 text is decoded and given on over the part's lines; an HTML part is
debris when the message has the same text as plain text, and read as text (its tags taken
off) when it has not (text with no tag under a header that calls it HTML is read as it is); an attachment is debris. Boundary lines, part headers and the preamble
are debris too. Memory is bounded by the longest part (`PART_MAX` lines; a longer one is
given on as it is). Every line of the dump comes out once, in order.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from sitegen.split.entries import Reader
from sitegen.split.text import SOFT_BREAK, Debris

__all__ = ["MimeReader"]

PART_MAX = 20000  # lines of one part held at most
_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$")
_FOLDED = re.compile(r"^[ \t]+\S")
_BOUNDARY = re.compile(r"""\bboundary\s*=\s*(?:"([^"]+)"|([^\s;]+))""", re.IGNORECASE)
_CHARSET = re.compile(r"""\bcharset\s*=\s*"?([\w.:-]+)""", re.IGNORECASE)
_PREAMBLE = re.compile(r"^This is a multi-?part message in MIME format\.?\s*$", re.IGNORECASE)
_NEW_MESSAGE = re.compile(r"^(?:From \S+ .*\d{4}\s*$|(?:Return-Path|Received|Delivered-To|X-Original-To):)")
_STRUCTURE = "a message's MIME structure: a part's boundary or its header fields"
_HTML_COPY = "a message's HTML copy of its plain text"
_ATTACHMENT = "an attachment, base64-encoded"
_DECODED_ABOVE = "a part's encoded text: decoded, its text is given on over the part's lines"
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 table ul ol blockquote section article header footer title".split())


@dataclass(slots=True)
class _Part:
    """What a header block says of the text under it."""

    kind: str = "text/plain"
    encoding: str = ""
    charset: str = "utf-8"
    boundary: str | None = None


class MimeReader(Reader):
    """A dump's lines with each raw e-mail's transport encoding undone: iterating gives one line
    for each line of the dump (decoded, or blank for a line taken out as debris)."""

    def __iter__(self) -> Iterator[str]:
        boundaries: list[str] = []
        plain_seen: set[str] = set()  # boundaries under which a plain-text part came
        header: list[tuple[int, str]] = []  # a block of header fields being read
        in_part_header = False  # the block follows a boundary line: a part's own fields
        part: _Part | None = None  # the encoding of the text being read, once its header ended
        held: list[tuple[int, str]] = []  # a part's lines, when it is decoded whole
        decoder: codecs.IncrementalDecoder | None = None  # a quoted-printable part's, read line by line
        at_start = True  # the line before was blank (or there was none): a header may open
        for number, line in enumerate(self._lines, 1):
            marker = _boundary_of(line, boundaries)
            if marker is not None or part is not None and _NEW_MESSAGE.match(line):
                if part is not None:
                    yield from self._close(part, held, boundaries, plain_seen)
                part, held, decoder = None, [], None
                if marker is None:  # a new message: its header is its own
                    boundaries.clear()
                    at_start = True
                else:
                    self.debris.append(Debris(number, line.strip(), _STRUCTURE))
                    yield ""
                    if marker.endswith("--"):
                        boundaries[:] = [b for b in boundaries if b != marker[2:-2]]
                        in_part_header = False
                        at_start = False
                    else:
                        in_part_header, header = True, []
                    continue
            if in_part_header:
                if line.strip():
                    header.append((number, line))
                    self.debris.append(Debris(number, line.strip(), _STRUCTURE))
                    yield ""
                    continue
                part = _read_header(header)
                if part.kind == "text/plain" and boundaries:
                    plain_seen.add(boundaries[-1])
                if part.boundary:
                    boundaries.append(part.boundary)
                in_part_header, header = False, []
                yield line
                continue
            if part is not None:
                if part.encoding == "quoted-printable" and part.kind == "text/plain":
                    if decoder is None:
                        decoder = _decoder(part.charset)
                    yield _soft_line(line, decoder)
                    continue
                if part.encoding in ("quoted-printable", "base64") or part.kind == "text/html":
                    held.append((number, line))
                    if len(held) >= PART_MAX:
                        yield from (text for _, text in held)
                        part, held = None, []
                    continue
                yield line
                continue
            # outside any decoded part: a message's own header, its preamble, or plain text
            if (header or at_start) and _FIELD.match(line) or header and _FOLDED.match(line):
                header.append((number, line))
                yield line
                continue
            if header and not line.strip():
                found = _read_header(header)
                header = []
                if found.boundary:
                    boundaries.append(found.boundary)
                elif found.encoding or found.kind != "text/plain":
                    part = found  # a message of one part: its body is encoded
                yield line
                at_start = True
                continue
            header = []
            if boundaries and _PREAMBLE.match(line):
                self.debris.append(Debris(number, line.strip(), _STRUCTURE))
                yield ""
                continue
            at_start = not line.strip()
            yield line
        if held and part is not None:
            yield from self._close(part, held, boundaries, plain_seen)

    def _close(self, part: _Part, held: list[tuple[int, str]], boundaries: list[str], plain_seen: set[str]) -> Iterator[str]:
        """A part's held lines, decoded over their own lines or taken out."""
        if not held:
            return
        under = boundaries[-1] if boundaries else ""
        raw = "\n".join(text for _, text in held)
        if part.encoding == "base64":
            try:
                data = base64.b64decode("".join(raw.split()), validate=False)
            except (binascii.Error, ValueError):
                data = None
            if data is None or not part.kind.startswith("text/"):
                yield from self._taken(held, _ATTACHMENT)
                return
            text = _decoded(data, part.charset)
        elif part.encoding == "quoted-printable":
            text = _decoded(quopri.decodestring(raw.encode("utf-8", "surrogateescape")), part.charset)
        else:
            text = raw
        if part.kind == "text/html" and _TAG.search(text):  # (text under a header that only says it is HTML is read as it is)
            if under in plain_seen:
                yield from self._taken(held, _HTML_COPY)
                return
            text = _html_text(text)
        yield from self._over(text.split("\n"), held)

    def _over(self, lines: list[str], held: list[tuple[int, str]]) -> Iterator[str]:
        """A part's decoded lines given on over its own lines, one each (lines beyond its last
        joined to it); its lines that give on no text are taken out."""
        lines = [line.rstrip("\r") for line in lines]
        slots = len(held)
        if len(lines) > slots:
            lines = [*lines[: slots - 1], " ".join(x.strip() for x in lines[slots - 1 :] if x.strip())]
        for (number, raw), text in zip(held, lines):
            if raw.strip() and not text.strip():
                self.debris.append(Debris(number, raw.strip(), _DECODED_ABOVE))
            yield text
        yield from self._taken(held[len(lines) :], _DECODED_ABOVE)

    def _taken(self, held: list[tuple[int, str]], why: str) -> Iterator[str]:
        for number, text in held:
            if text.strip():
                self.debris.append(Debris(number, text.strip(), why))
            yield ""


def _boundary_of(line: str, boundaries: list[str]) -> str | None:
    """The boundary line `line` is ("--B" or "--B--", of a multipart open), or None."""
    if not boundaries or not line.startswith("--"):
        return None
    stripped = line.rstrip()
    for b in boundaries:
        if stripped == "--" + b or stripped == "--" + b + "--":
            return stripped
    return None


def _read_header(lines: list[tuple[int, str]]) -> _Part:
    """The part a block of header fields describes (folded lines joined)."""
    fields: dict[str, str] = {}
    name = None
    for _, text in lines:
        if _FOLDED.match(text) and name:
            fields[name] += " " + text.strip()
            continue
        m = _FIELD.match(text)
        if m:
            name = m.group(1).lower()
            fields[name] = m.group(2)
    part = _Part()
    kind = fields.get("content-type", "")
    if kind:
        part.kind = kind.split(";", 1)[0].strip().lower()
        if part.kind.startswith("multipart/") and (b := _BOUNDARY.search(kind)):
            part.boundary = b.group(1) or b.group(2)
        if c := _CHARSET.search(kind):
            part.charset = c.group(1)
    part.encoding = fields.get("content-transfer-encoding", "").strip().lower()
    return part


def _decoder(charset: str) -> codecs.IncrementalDecoder:
    """A decoder of the charset a part names, bad bytes replaced (UTF-8's when it is unknown)."""
    try:
        return codecs.getincrementaldecoder(charset)(errors="replace")
    except LookupError:
        return codecs.getincrementaldecoder("utf-8")(errors="replace")


def _soft_line(line: str, decoder: codecs.IncrementalDecoder) -> str:
    """A line of quoted-printable text decoded; one the mail program broke ("=" last, white space
    a mail server added after it aside) ends in `SOFT_BREAK`, for `unwrap` to join it to the next
    with nothing between (a character cut in two by the break comes out on the next line)."""
    text = line.rstrip()
    soft = text.endswith("=")
    data = quopri.decodestring((text[:-1] if soft else text).encode("utf-8", "surrogateescape"))
    decoded = decoder.decode(data)
    return decoded + SOFT_BREAK if soft else decoded


def _decoded(data: bytes, charset: str) -> str:
    """A part's bytes as text in its charset (UTF-8 when the charset is unknown)."""
    return _decoder(charset).decode(data, final=True)


class _Text(HTMLParser):
    """The text of an HTML part: a line for each block, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.lines[-1] += data


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    out: list[str] = []
    for line in parser.lines:
        line = " ".join(line.split())
        if line or out and out[-1]:
            out.append(line)
    return "\n".join(out).strip("\n")
