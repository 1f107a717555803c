"""Finding where articles start and end in a dump.

First pass: separators ("Continue Reading", "You May Also Like" blocks), web
debris (cookie banners, share buttons, tables of contents) and blank lines,
giving segments of content lines. Second pass, inside a segment: a new article
starts after an article's end matter (bio, licence, translator credit) when text
follows, and an untitled teaser ends at a paragraph cut off mid-sentence.
Must not extract metadata beyond what boundaries need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sitegen.split.body import Block
from sitegen.split.licence import detect_licence
from sitegen.split.meta import bio_names, looks_like_title, translator_names
from sitegen.split.text import (
    COOKIE,
    COOKIE_BUTTON,
    FOLLOW,
    GLUED_CONTINUE,
    RELATED_BLOCK,
    WEB_DEBRIS,
    clean_line,
    ends_sentence,
    is_separator,
)

TRUNCATED_MIN = 300  # a cut-off teaser paragraph is at least this long


@dataclass(frozen=True, slots=True)
class Debris:
    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Segments:
    segments: tuple[tuple[Block, ...], ...]
    debris: tuple[Debris, ...]


def first_pass(lines: Iterable[str]) -> Segments:
    debris: list[Debris] = []
    segments = tuple(iter_segments(lines, debris))
    return Segments(segments, tuple(sorted(debris, key=lambda d: d.line)))


def iter_segments(lines: Iterable[str], debris: list[Debris]) -> Iterator[tuple[Block, ...]]:
    """Segments of content lines, yielded as soon as each is complete (bounded memory);
    debris lines are appended to `debris`."""
    current: list[Block] = []
    mode = "text"  # or "cookie", "related", "toc"
    held: list[Debris] = []  # short lines after a related/TOC header, maybe debris
    toc_items: list[str] = []

    for number, raw in enumerate(lines, start=1):
        text = clean_line(raw)
        if not text:
            continue
        glued = GLUED_CONTINUE.match(text)
        if glued and not is_separator(text):
            current.append(Block(number, glued.group(1).rstrip()))
            debris.append(Debris(number, glued.group(2), "separator glued to the text"))
            yield tuple(current)
            current, mode = [], "text"
            continue
        if mode == "related":
            if len(text) < 150 and not is_separator(text):
                held.append(Debris(number, text, "related-links block"))
                continue
            # a long line: the text goes on; the last held line may be the next article's title
            if held and not is_separator(text) and looks_like_title(held[-1].text, text):
                title = held.pop()
                debris.extend(held)
                current.append(Block(title.line, title.text))
            else:
                debris.extend(held)
            held = []
            mode = "text"
        elif mode == "toc":
            if text in toc_items:
                debris.extend(held)
                held, toc_items, mode = [], [], "text"
            elif len(text) < 100 and not ends_sentence(text):
                held.append(Debris(number, text, "table of contents"))
                toc_items.append(text.lstrip("-*•0123456789. ").strip())
                toc_items.append(text)
                continue
            else:
                current.extend(Block(d.line, d.text) for d in held)  # it was not a table of contents
                held, toc_items, mode = [], [], "text"
        elif mode == "cookie":
            if COOKIE_BUTTON.match(text) or (COOKIE.search(text) and len(text) < 400):
                debris.append(Debris(number, text, "cookie banner"))
                continue
            mode = "text"
        if is_separator(text):
            debris.append(Debris(number, text, "separator"))
            if current:
                yield tuple(current)
            current = []
            if RELATED_BLOCK.match(text):
                mode = "related"
            continue
        if COOKIE.search(text) and len(text) < 400:
            debris.append(Debris(number, text, "cookie banner"))
            mode = "cookie"
            continue
        if text.lower().rstrip(":") in ("table of contents", "contents", "in this article", "jump to"):
            debris.append(Debris(number, text, "table of contents"))
            mode = "toc"
            continue
        if WEB_DEBRIS.match(text):
            debris.append(Debris(number, text, "web debris"))
            continue
        current.append(Block(number, text))
    if mode == "toc":
        current.extend(Block(d.line, d.text) for d in held)
    elif mode == "related":
        debris.extend(held)
    if current:
        yield tuple(current)


def is_closing(text: str) -> bool:
    """A line that can only close an article: a licence statement, a translator credit, a social handle."""
    return bool(translator_names(text) or FOLLOW.match(text) or detect_licence(text))


def is_end_matter(blocks: tuple[Block, ...], i: int) -> bool:
    """Closing lines, and a bio ('NAME is ...') that is last or followed by closing lines."""
    text = blocks[i].text
    if is_closing(text):
        return True
    if not bio_names(text):
        return False
    return i + 1 == len(blocks) or is_closing(blocks[i + 1].text)


def second_pass(segment: tuple[Block, ...]) -> Iterator[tuple[Block, ...]]:
    """Split one segment into articles (most segments are exactly one)."""
    start = 0
    seen_end_matter = False
    titled = looks_like_title(segment[0].text, segment[1].text if len(segment) > 1 else None)
    for i, block in enumerate(segment):
        if i == start:
            continue
        if is_end_matter(segment, i):
            seen_end_matter = True
            continue
        long_text = len(block.text) >= 150
        follows = segment[i + 1].text if i + 1 < len(segment) else None
        starts_new = seen_end_matter and (long_text or looks_like_title(block.text, follows))
        if starts_new:
            yield segment[start:i]
            start, seen_end_matter = i, False
            titled = looks_like_title(block.text, follows)
            continue
        if not titled and i > start and _cut_off(segment[i - 1].text) and not is_end_matter(segment, i - 1):
            yield segment[start:i]
            start, seen_end_matter = i, False
            titled = looks_like_title(block.text, follows)
    yield segment[start:]


def _cut_off(text: str) -> bool:
    return len(text) >= TRUNCATED_MIN and not ends_sentence(text)
