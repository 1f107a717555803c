"""A chat exported as text (WhatsApp's "Export chat", a group's history) → the notices posted in it.

An exported chat prints each message on a line that opens with its time stamp and sender
("03/03/2025, 08:11 - Priya Raman: …", "[01/03/2025, 09:02:51] Gabriel Oduya (MD): …"), a
message of several lines going on, unstamped, under it; the app's own notices ("Priya Raman
added you", "Messages and calls are end-to-end encrypted") are stamped lines without a sender.
`ChatReader` stands between a dump's lines and the text split, as `feeds.FeedReader` does: a run
of at least `STAMPS` stamped lines is a chat, to the dump's end or to `GAP` blank lines in a row.

Most messages are talk: a one-line question, an answer, a thanks. A message is an item when it
is written to be read as a notice: it goes on over several lines and has a headline in bold
(`*Notice of AGM*`), or says at least `NOTICE_WORDS` words over several lines (a letter to the
group). A message that introduces a text it pastes ("Copying it here for those who can't get
past the paywall:") is the pasted text's, from its headline, when it has one. Its writer is
who signs it or whose by-line it carries, otherwise its sender (a phone number names no one); a
signature with the sender's first name names the sender in full. Every other line of the chat
is debris. Memory is bounded by the longest message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitegen.split.dates import BRACKETED, stamp_day
from sitegen.split.entries import Entry, Reader, people
from sitegen.split.text import Block, Debris, word_count

__all__ = ["ChatReader"]

_STAMP = re.compile(
    rf"^\u200e?(?:{BRACKETED} "
    r"|(?P<d2>\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),? (?P<t2>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?) [-–] )"
    r"(?P<rest>.*)$"
)
_SENDER = re.compile(r"^(?P<sender>[^:]{1,60}?): ?(?P<text>.*)$")
_BOLD = re.compile(r"^\*([^*]{3,200})\*$")  # a headline in bold: "*Notice of AGM*"
_ROLE = re.compile(r"\s*\([^()]*\)\s*$|^~\s*")  # "Gabriel Oduya (MD)", "~ Bea"
_PHONE = re.compile(r"^\+?[\d\s()-]{7,}$")
_INVISIBLE = "\u200e\u200f\u202a\u202c"
STAMPS = 3  # stamped lines at least before lines are read as a chat
GAP = 2  # blank lines in a row end a chat
NOTICE_WORDS = 40  # a message without a headline is an item when it says this much over several lines
HEADLINE_WORDS = 14  # a pasted text's headline is no longer
_TALK = "a chat's messages: talk (one-line questions, answers, thanks) and the app's notices"
_INTRODUCTION = "a chat message's introduction to the text it pastes"


@dataclass(slots=True)
class _Message:
    number: int  # its stamped line
    date: dt.date | None
    sender: str | None  # None: the app's own notice
    text: str
    more: list[tuple[int, str]] = field(default_factory=list)  # its unstamped lines


class ChatReader(Reader):
    """A dump's lines with its chats taken out: iterating gives every line, a blank one in place
    of each line of a chat; the notices posted in it are kept (`take`), the rest as debris."""

    def __iter__(self) -> Iterator[str]:
        chat: list[_Message] = []
        held: list[tuple[int, str]] = []  # lines of a chat not yet known to be one
        blanks = 0
        for number, line in enumerate(self._lines, 1):
            stamped = _stamped(number, line)
            if stamped is not None:
                chat.append(stamped)
                held.append((number, line))
                blanks = 0
                continue
            if chat and (line.strip() or blanks + 1 < GAP):
                blanks = blanks + 1 if not line.strip() else 0
                chat[-1].more.append((number, line))
                held.append((number, line))
                continue
            yield from self._end(chat, held)
            chat, held, blanks = [], [], 0
            yield line
        yield from self._end(chat, held)

    def _end(self, chat: list[_Message], held: list[tuple[int, str]]) -> Iterator[str]:
        """The run of stamped lines is over: a chat read, or lines given on as they are."""
        if sum(1 for m in chat if m.sender) < STAMPS:
            yield from (text for _, text in held)
            return
        for message in chat:
            entry, left = _read(message)
            if entry is not None:
                self._ready.append(entry)
            self.debris += left
        yield from ("" for _ in held)


def _stamped(number: int, line: str) -> _Message | None:
    match = _STAMP.match(line.strip(_INVISIBLE + " "))
    if match is None:
        return None
    day = stamp_day(match.group("d1") or match.group("d2"))
    rest = match.group("rest").strip(_INVISIBLE + " ")
    said = _SENDER.match(rest)
    if said is None:
        return _Message(number, day, None, rest)
    return _Message(number, day, said.group("sender").strip(), said.group("text").strip(_INVISIBLE + " "))


def _read(message: _Message) -> tuple[Entry | None, list[Debris]]:
    """The entry of a message written as a notice, and the lines of the message in none."""
    lines = [(message.number, message.text), *((n, t.strip()) for n, t in message.more)]
    shown = [(n, t) for n, t in lines if t]
    talk = [Debris(n, t, _TALK) for n, t in shown]
    more = [(n, t) for n, t in message.more if t.strip()]
    if message.sender is None or not more:
        return None, talk
    bold = _BOLD.match(message.text)
    left: list[Debris] = []
    if bold:
        title: Block | None = Block(message.number, bold.group(1).strip())
        text = more
    elif message.text.endswith(":") and _headline(more):
        left = [Debris(message.number, message.text, _INTRODUCTION)]  # the pasted text's, from its headline
        title, text = Block(more[0][0], more[0][1].strip()), more[1:]
    else:
        title, text = None, [(message.number, message.text), *more]
        if sum(word_count(t) for _, t in text) < NOTICE_WORDS:
            return None, talk
    sender = _ROLE.sub("", message.sender).strip()
    senders = tuple(people(sender)) if not _PHONE.match(sender) else ()
    first = title.line if title else text[0][0]
    entry = Entry(
        start=first, end=(text or [(first, "")])[-1][0], title=title, creators=(),
        date=(first, message.date) if message.date else None, summary=(),
        content=tuple(Block(n, t.strip()) for n, t in text if t.strip()), rights=(),
        lines=tuple(Block(n, t) for n, t in shown if n >= first and not (n == message.number and left)),
        feed_authors=senders, markup=_TALK,
    )
    return entry, left


def _headline(more: list[tuple[int, str]]) -> bool:
    """The first line of a pasted text is its headline: short, not a sentence, with text under it."""
    first = more[0][1].strip()
    return len(more) > 1 and word_count(first) <= HEADLINE_WORDS and first[:1].isupper() and first[-1:] not in ".,;:!?"
