"""Messages saved with their headers (a mailbox, a list's digest, an echomail export) → articles.

A message saved as text opens with its header: fields such as `From:`, `To:`, `Date:` and
`Subject:` (FidoNet's `From :` and `Subj :`, a digest's `Message: 3`, an mbox's `From addr
date` line, an echo's `Area:`), folded lines indented under them, rules of `=` around them and
kludge lines (`@MSGID:`) after them. A block of such lines that names a sender and a subject is
a message's header; the message's text runs from it to the next message's header.

`MessageReader` stands between a dump's lines and the text split, as `feeds.FeedReader` does. A
message is read by its fields when its text is a message: it opens as people write to people (a
greeting, a quotation, a sentence). Its headline is its subject (a list's `[tag]` taken off; a
raw e-mail's MIME encoded words decoded), its writer the sender when the sender is a person (a
signature otherwise), its date the `Date:` field; its hard-wrapped paragraphs are joined
(`unwrap`). It ends before what mail programs add after it: a tear line or origin line, a rule
between messages, quoted text after its last line, and the list's footer, which go back to the
text split. A short reply (`Re:`, little text of its own) is a comment on the message, not an
item. A message whose text opens otherwise (a newsletter's masthead, a bulletin's headline) is
passed on unread: its text holds items of its own, which the text split finds; its header is
then only the page's furniture.
Memory is bounded by the longest message (`MESSAGE_MAX` lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header

from sitegen.split.entries import Entry, Reader, held_back, people, when
from sitegen.split.text import Block, Debris, mail_heading, word_count
from sitegen.split.unwrap import Unwrapped

__all__ = ["MessageReader"]

_SENDERS = ("from", "von", "de", "van", "da", "från", "fra")
_SUBJECTS = ("subject", "subj", "betreff", "objet", "asunto", "onderwerp", "oggetto", "assunto", "ämne", "emne")
_FIELDS = (
    *_SENDERS, *_SUBJECTS, "to", "cc", "bcc", "date", "sent", "reply-to", "message-id", "message", "msg", "area",
    "newsgroups", "organization", "organisation", "in-reply-to", "references", "content-type", "mime-version",
    "content-transfer-encoding", "return-path", "attr", "an", "datum", "gesendet", "para", "fecha", "envoyé", "à",
    "aan", "verzonden", "enviado",
)
_ROUTING = (  # what the mail system adds on the way: header fields too, never a sender's or a subject
    "received", "delivered-to", "dkim-signature", "domainkey-signature", "authentication-results", "received-spf",
    "arc-seal", "arc-message-signature", "arc-authentication-results", "precedence", "importance", "user-agent",
    "thread-topic", "thread-index", "feedback-id",
)
_FIELD = re.compile(
    r"^[ \t]{0,3}(" + "|".join(re.escape(f) for f in (*_FIELDS, *_ROUTING)) + r"|x-[\w-]+|list-[\w-]+)[ \t]*:(?:[ \t]+(.*?))?\s*$",
    re.IGNORECASE,
)
_HEADS = frozenset((*_SENDERS, *_SUBJECTS, "to", "cc", "date", "sent", "an", "para", "aan", "à", "datum", "fecha"))
_MBOX = re.compile(r"^From (?:\S+@\S+|-|MAILER-DAEMON)\s.*\d{4}\s*$")  # an mbox's separator line
_RULE = re.compile(r"^\s*(?:[=_~-]\s?){10,}\s*$")
_KLUDGE = re.compile(r"^(?:@[A-Z]+:|\x01|SEEN-BY:|PATH:)")
_FOLDED = re.compile(r"^[ \t]+\S")
_TEAR = re.compile(r"^(?:---(?: .*)?|\s*-{3,} ?(?:next part|original message|forwarded message)\b.*|\s\*\s+Origin:.*|\.\.\. .*|End of .+ Digest.*)$")  # tear, origin and tag lines, a list's part and digest markers
_NOTE = re.compile(r"^\s*\*\s+(?:Crossposted|Originally|Forwarded|Copied)\b", re.IGNORECASE)  # an echo's note on a message
_QUOTED = re.compile(r"^\s*[\w.-]{0,4}>|^\s*\|")  # "> …", " EW> …"
_ATTRIBUTION = re.compile(r"(?:wrote|writes|schrieb|a écrit|escribió)\s*:\s*$", re.IGNORECASE)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|hej|bonjour|hola|ciao|salut|moin|"
    r"servus|morning|evening|all|folks|everyone|team)\b[^.?]{0,40}[,!:.]?$",
    re.IGNORECASE,
)
_BROWSER = re.compile(  # a newsletter's first line: "Trouble reading this email? View it in your browser"
    r"\b(?:this (?:e-?mail|message|newsletter)|in (?:your|a) (?:web )?browser|as a web ?page|view (?:it |this )?online)\b",
    re.IGNORECASE,
)
_FORWARD = re.compile(r"^(?:fwd?|fw|tr|wg|rv|doorst)\s*:", re.IGNORECASE)
_REPLY = re.compile(r"^(?:re|aw|sv|vs|antw|r|rif)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_TAG = re.compile(r"^((?:(?:re|aw|sv|fwd?|tr)\s*:\s*)*)\[[^\]\n]{1,40}\]\s*", re.IGNORECASE)
_ADDRESS = re.compile(r"<[^>]*>|\S+@\S+|\(\s*\d+:\d+/[\d.]+\s*\)|\b\d+:\d+/[\d.]+\b")
_ROUND = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")  # "addr (Name)"
_QUOTES = "\"'“”"
REPLY_WORDS = 40  # a reply with fewer words of its own is a comment
SENTENCE_WORDS = 6  # a message's text may open with a sentence of at least this many words
_TAIL = "a message's tail: what mail programs and lists add after it (tear and origin lines, quoted text, separators, footers)"
_HEADER = "a message's header fields: its addresses, identifiers and routing"
_COMMENT = "a short reply to a message: a comment on it"
_FORWARDING = "a note forwarding a message: the forwarded message follows it"
RUNNING_WORDS = 8  # a line of running text after a message's end has at least this many words
RUNNING_LINES = 2  # and with this many such lines, the text goes on after it: a newsletter's items
SECTIONS = 2  # a message's text with this many headings is a newsletter's, its items under them
HEADING_WORDS = 12  # an underlined heading is no longer
MESSAGE_MAX = 5000  # lines of a message's text at most: what runs on longer is given on unread (memory stays bounded)


@dataclass(slots=True)
class _Message:
    header: list[tuple[int, str]]
    body: list[tuple[int, str]] = field(default_factory=list)


class MessageReader(Reader):
    """A dump's lines with its messages taken out: iterating gives every line, a blank one in
    place of each line of a message read (the lines after its text are given on); the messages
    are kept (`take`), short replies and header lines as debris."""

    def __iter__(self) -> Iterator[str]:
        message: _Message | None = None
        held: list[tuple[int, str]] = []  # lines that may be a header, not yet known to be one
        for number, line in enumerate(self._lines, 1):
            if _opens(line) or held and _goes_on(held, line):
                held.append((number, line))
                continue
            if held:
                if _is_header(held):
                    yield from self._end(message)
                    message = _Message(held)
                else:
                    yield from held_back(message.body if message else None, held)
                held = []
            if message is None:
                yield line
            elif len(message.body) >= MESSAGE_MAX:  # no message is this long: a page's text under a header
                yield from (text for _, text in message.header + message.body)
                yield line
                message = None
            else:
                message.body.append((number, line))
        if held and _is_header(held):
            yield from self._end(message)
            message, held = _Message(held), []
        yield from held_back(message.body if message else None, held)
        yield from self._end(message)

    def _end(self, message: _Message | None) -> Iterator[str]:
        """The message is complete: read, or given on as it is when its text is no message."""
        if message is None:
            return
        lines = message.header + message.body
        own = _own_text(message.body)
        header = message.header + [(n, t) for n, t in own if _NOTE.match(t)]  # "* Crossposted in …" notes too
        own = [(n, t) for n, t in own if not _NOTE.match(t)]
        while own and not own[0][1].strip():
            own.pop(0)
        last = own[-1][0] if own else header[-1][0]
        rest = [(n, t) for n, t in message.body if n > last]
        names = _fields(message.header)
        subject = _subject(names)
        forward = bool(subject and _FORWARD.match(subject[1]))
        personal = bool(_creators(names)) or forward
        goes_on = _goes_on_after(rest)
        if not _reads_as_message(own) or goes_on and not personal or _sectioned(own):
            # a newsletter's introduction over its items, or no message: its text is the split's, its header the page's
            self.debris += [Debris(n, t.strip(), _HEADER) for n, t in message.header if t.strip()]
            yield from ("" for _ in message.header)
            yield from (text for _, text in message.body)
            return
        kept = {n for n, _ in header} | {n for n, _ in own}
        if forward or _short_reply(subject, own):
            why = _FORWARDING if forward else _COMMENT
            self.debris += [Debris(n, t.strip(), why) for n, t in (*header, *own) if t.strip()]
        else:
            self._ready.append(_entry(header, own))
        for number, text in rest:  # what mail programs add after it; text after that is the split's
            if goes_on and text.strip() and (_QUOTED.match(text) or not _is_tail(text)):
                break  # a text it quotes whole (a forwarded newsletter) is read too
            kept.add(number)
            if text.strip():
                self.debris.append(Debris(number, text.strip(), _TAIL))
        for number, text in lines:
            yield "" if number in kept else text


def _opens(line: str) -> bool:
    """`line` may open a message's header: a field, an mbox separator or a rule."""
    return bool(_FIELD.match(line) or _MBOX.match(line) or _RULE.match(line))


def _goes_on(held: list[tuple[int, str]], line: str) -> bool:
    """`line` goes on the header begun in `held`: a field folded under the last, a rule, or a
    kludge line."""
    if not line.strip():
        return False
    last = held[-1][1]
    return bool(_KLUDGE.match(line) or _FOLDED.match(line) and _FIELD.match(last) and not _RULE.match(last)
                or _FOLDED.match(line) and len(held) > 1 and _FIELD.match(held[-2][1]) and _FOLDED.match(last))


def _fields(header: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """The header's fields by name (lower case; the first of each), each value on the field's
    line, folded lines joined to it."""
    found: dict[str, tuple[int, str]] = {}
    current: str | None = None
    for number, line in header:
        match = _FIELD.match(line)
        if match and not (_FOLDED.match(line) and current and line.strip()[:1].islower()):
            current = match.group(1).lower()
            if current not in found:
                found[current] = (number, (match.group(2) or "").strip())
            else:
                current = None
        elif current and _FOLDED.match(line):
            n, value = found[current]
            found[current] = (n, f"{value} {line.strip()}")
        else:
            current = None
    return {name: (n, _decoded(value)) for name, (n, value) in found.items()}


def _decoded(value: str) -> str:
    """A field's value with its MIME encoded words decoded, as a raw saved e-mail prints a subject
    or a name that is not ASCII: "=?UTF-8?Q?Your_October_update:_price_cap?=" is "Your October
    update: price cap"; a value that does not decode stays as it is."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return value


def _is_header(lines: list[tuple[int, str]]) -> bool:
    names = _fields(lines)
    return any(s in names for s in _SENDERS) and any(s in names for s in _SUBJECTS)


def _own_text(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The message's own text, from its first line to its last (the signature's), without what
    follows it: a tear line, a rule after a blank line, quoted text, the list's footer."""
    cut = len(body)
    for k, (_, line) in enumerate(body):
        if _TEAR.match(line) or _KLUDGE.match(line) or _RULE.match(line) and (k == 0 or not body[k - 1][1].strip()):
            cut = k
            break
    own = body[:cut]
    while own and (not own[-1][1].strip() or _QUOTED.match(own[-1][1]) or _ATTRIBUTION.search(own[-1][1])):
        own.pop()
    while own and not own[0][1].strip():
        own.pop(0)
    return own


def _reads_as_message(own: list[tuple[int, str]]) -> bool:
    """The text opens as a message does: a greeting, a quotation, or a sentence."""
    first = next((line.strip() for _, line in own if line.strip()), "")
    if not first:
        return False
    if _BROWSER.search(first):
        return False
    if _GREETING.match(first) or _QUOTED.match(first) or _ATTRIBUTION.search(first):
        return True
    return word_count(first) >= SENTENCE_WORDS and first[-1:] in ".,;:!?" or _wraps(own)


def _wraps(own: list[tuple[int, str]]) -> bool:
    """The opening paragraph is a sentence hard-wrapped over several lines."""
    lines = []
    for _, line in own:
        if not line.strip():
            break
        lines.append(line.strip())
    return len(lines) >= 2 and word_count(" ".join(lines)) >= 2 * SENTENCE_WORDS and lines[0][:1].isupper() \
        and lines[-1][-1:] in ".!?:"


def _is_tail(line: str) -> bool:
    """A line mail programs add after a message: a tear, origin or kludge line, a rule, quoted
    text and its attribution."""
    return bool(_TEAR.match(line) or _KLUDGE.match(line) or _RULE.match(line) or _QUOTED.match(line)
                or _ATTRIBUTION.search(line))


def _sectioned(own: list[tuple[int, str]]) -> bool:
    """The message's text is a newsletter's: `SECTIONS` headings or more, each underlined ("SAFEGUARDING
    REFRESHER" over "=====") or marked as a plain-text mail's ("** Road closure"); the text split
    finds its items."""
    texts = [t.strip() for _, t in own]
    heads = sum(1 for k, t in enumerate(texts) if t and (mail_heading(t) or k + 1 < len(texts) and _underlines(texts[k + 1], t)))
    return heads >= SECTIONS


def _underlines(rule: str, text: str) -> bool:
    """`rule` underlines `text`, a heading: a run of one mark about as long as it."""
    return len(rule) >= 3 and len(set(rule)) == 1 and rule[0] in "=-~" and abs(len(rule) - len(text)) <= max(3, len(text) // 4) \
        and word_count(text) <= HEADING_WORDS and text[-1:] not in ".,;"


def _goes_on_after(rest: list[tuple[int, str]]) -> bool:
    """Running text follows the message's end: the message's text goes on past a rule (a
    newsletter's introduction over its items), or quotes a whole text (a forwarded newsletter),
    and the text split reads it."""
    running = [line for _, line in rest if word_count(_QUOTED.sub("", line)) >= RUNNING_WORDS
               and not _TEAR.match(line) and not _KLUDGE.match(line) and not _ATTRIBUTION.search(line)]
    return len(running) >= RUNNING_LINES


def _short_reply(subject: tuple[int, str] | None, own: list[tuple[int, str]]) -> bool:
    if subject is None or not _REPLY.match(subject[1]):
        return False
    said = [line for _, line in own if line.strip() and not _QUOTED.match(line) and not _ATTRIBUTION.search(line)]
    return sum(word_count(line) for line in said) < REPLY_WORDS


def _subject(names: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    return next((names[s] for s in _SUBJECTS if s in names), None)


def _creators(names: dict[str, tuple[int, str]]) -> tuple[Block, ...]:
    """The people the sender's field names, each on the field's line."""
    sender = next((names[s] for s in _SENDERS if s in names), None)
    return tuple(Block(sender[0], name) for name in _sender(sender[1])) if sender else ()


def _sender(value: str) -> list[str]:
    """The people a sender's field names: "Name <addr>", "addr (Name)", "Name (2:263/150)",
    FidoNet's "Name    1:2320/105    Sat 01 Mar 25"."""
    if round_ := _ROUND.match(value):
        value = round_.group(1)
    value = re.split(r"\s{2,}|\s@\s", _ADDRESS.sub(" ", value).strip())[0].strip(" " + _QUOTES + ",")
    first = value.split(",", 1)[0].strip()
    return people(value) or (people(first) if " " in first else [])  # "Renata Solis, Executive Director, …"


def _entry(header: list[tuple[int, str]], own: list[tuple[int, str]]) -> Entry:
    names = _fields(header)
    subject = _subject(names)
    title = None
    if subject and (text := _TAG.sub(r"\1", subject[1]).strip()):
        title = Block(subject[0], text)
    creators = _creators(names)
    date = names.get("date") or names.get("sent") or names.get("datum") or names.get("fecha")
    day = when(date[1]) if date else None
    paragraphs, extents = _paragraphs(own)
    heads = [n for n, line in header if (m := _FIELD.match(line)) and m.group(1).lower() in _HEADS]
    return Entry(
        start=min(heads, default=header[0][0]), end=own[-1][0] if own else header[-1][0],
        title=title, creators=creators, date=(date[0], day) if date and day else None,
        summary=(), content=tuple(paragraphs), rights=(),
        lines=tuple(Block(n, t.strip()) for n, t in (*header, *own) if t.strip()),
        extents=tuple(extents), markup=_HEADER, head=min(heads, default=None),
    )


def _paragraphs(own: list[tuple[int, str]]) -> tuple[list[Block], list[tuple[int, int]]]:
    """The message's text with its hard-wrapped paragraphs joined, each on its first line."""
    if not own:
        return [], []
    first = own[0][0]
    texts = [""] * (own[-1][0] - first + 1)
    for n, line in own:
        texts[n - first] = line.rstrip()
    joined = Unwrapped(texts)
    blocks, extents = [], []
    for k, text in enumerate(joined, 1):
        if not text.strip():
            continue
        lines = joined.map.lines(k)
        blocks.append(Block(min(lines) + first - 1, text.strip()))
        if len(lines) > 1:
            extents.append((min(lines) + first - 1, max(lines) + first - 1))
    return blocks, extents
