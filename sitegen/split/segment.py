"""Finding where articles start and end in a dump.

First pass (`iter_segments`, streamed line by line): separators ("Continue
Reading", "You May Also Like" blocks with their links), cookie banners,
newsletter boxes, tables of contents and other web debris become `Debris`;
blank lines go; what is left comes out in segments of content lines. Second
pass (`second_pass`, inside one segment): a new article starts after an
article's end matter (bio, licence, credits) when text follows; at a title
line carrying a publisher suffix already seen in the dump, or any
" | Publisher" suffix; and, in untitled text, after a paragraph cut off
mid-sentence (a teaser). A subheading never starts an article. Must not
extract metadata beyond what boundaries need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitegen.split.clean import (
    COOKIE,
    COOKIE_BUTTON,
    GLUED_SEPARATOR,
    PROMO_WORDS,
    RELATED_BLOCK,
    TOC_HEADER,
    clean_line,
    follow_name,
    is_invisible,
    is_promo,
    is_separator,
    line_debris,
)
from sitegen.split.licence import detect_licence
from sitegen.split.meta import (
    bio_names,
    credit_names,
    looks_like_title,
    split_title,
    translator_names,
)
from sitegen.split.text import Block, Debris, ends_sentence, stops_mid_sentence

TEASER_MIN = 150  # a teaser cut off mid-sentence is at least this long
RELATED_ITEM_MAX = 150  # lines of a related-links block are shorter
COOKIE_MAX = 400
PROMO_MAX = 100  # the lines of a newsletter box are shorter


def iter_segments(lines: Iterable[str], debris: list[Debris]) -> Iterator[tuple[Block, ...]]:
    """Segments of content lines, each yielded as soon as it is complete (memory bounded by
    the longest segment); debris lines are appended to `debris`."""
    current: list[Block] = []
    mode = "text"  # or "cookie", "related", "toc", "promo"
    held: list[Debris] = []  # lines after a related-links or contents header: debris unless text resumes
    toc_items: set[str] = set()

    for number, raw in enumerate(lines, start=1):
        text = clean_line(raw)
        if not text:
            if is_invisible(raw):
                debris.append(Debris(number, raw, "blank line of no-break spaces or entity debris"))
            continue
        glued = GLUED_SEPARATOR.match(text)
        if glued and not is_separator(text):
            if mode != "text":
                current, held = _leave_mode(mode, current, held, debris, None)
                mode, toc_items = "text", set()
            current.append(Block(number, glued.group(1).rstrip()))
            debris.append(Debris(number, glued.group(2), "separator glued to the text"))
            yield tuple(current)
            current = []
            continue
        if mode == "related":
            if not is_separator(text) and len(text) < RELATED_ITEM_MAX and not text.endswith((".", "!")):
                held.append(Debris(number, text, "related-links block"))
                continue
            current, held = _leave_mode(mode, current, held, debris, None if is_separator(text) else text)
            mode = "text"
        elif mode == "toc":
            key = _toc_key(text)
            if key in toc_items:  # the first heading of the text: the contents list is over
                debris.extend(held)
                held, mode, toc_items = [], "text", set()
            elif len(text) < 100 and not ends_sentence(text) and not is_separator(text):
                held.append(Debris(number, text, "table of contents"))
                toc_items.add(key)
                continue
            else:  # it was not a table of contents after all: those lines are text
                current, held = _leave_mode(mode, current, held, debris, text)
                mode, toc_items = "text", set()
        elif mode == "cookie":
            if COOKIE_BUTTON.match(text) or (COOKIE.search(text) and len(text) < COOKIE_MAX):
                debris.append(Debris(number, text, "cookie banner"))
                continue
            mode = "text"
        elif mode == "promo":
            if len(text) < PROMO_MAX and PROMO_WORDS.search(text) and not is_separator(text):
                debris.append(Debris(number, text, "newsletter box"))
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
        if COOKIE.search(text) and len(text) < COOKIE_MAX:
            debris.append(Debris(number, text, "cookie banner"))
            mode = "cookie"
            continue
        if is_promo(text):
            debris.append(Debris(number, text, "newsletter box"))
            mode = "promo"
            continue
        if TOC_HEADER.match(text):
            debris.append(Debris(number, text, "table of contents"))
            mode = "toc"
            continue
        reason = line_debris(text)
        if reason:
            debris.append(Debris(number, text, reason))
            continue
        current.append(Block(number, text))
    if mode != "text":
        current, held = _leave_mode(mode, current, held, debris, None)
    if current:
        yield tuple(current)


def _toc_key(text: str) -> str:
    return text.lstrip("-*•·0123456789.) ").strip().casefold()


def _leave_mode(
    mode: str, current: list[Block], held: list[Debris], debris: list[Debris], resumed: str | None
) -> tuple[list[Block], list[Debris]]:
    """Close a related-links block (its lines are debris, but the last one before resumed text
    may be the next article's title) or an unconfirmed table of contents (its lines were text)."""
    if mode == "related" and held and resumed is not None and looks_like_title(held[-1].text, resumed):
        title = held.pop()
        debris.extend(held)
        return [*current, Block(title.line, title.text)], []
    if mode == "toc":
        return [*current, *(Block(d.line, d.text) for d in held)], []
    debris.extend(held)
    return current, []


def is_closing(text: str) -> bool:
    """A line that can only close an article: a licence statement, a translator or wire credit,
    a "Follow NAME on X" line."""
    return bool(translator_names(text) or credit_names(text) or follow_name(text) or detect_licence(text))


def is_end_matter(blocks: tuple[Block, ...], i: int) -> bool:
    """Closing lines, and a bio ("NAME is …") that is last or followed by closing lines."""
    text = blocks[i].text
    if is_closing(text):
        return True
    if not bio_names(text):
        return False
    return i + 1 == len(blocks) or is_closing(blocks[i + 1].text)


def second_pass(segment: tuple[Block, ...], publishers: set[str]) -> Iterator[tuple[Block, ...]]:
    """Split one segment into articles (most segments are exactly one). `publishers` holds the
    publisher suffixes of titles seen so far in the dump; this adds the ones it meets."""
    start = 0
    seen_end = False
    titled = _title_at(segment, 0, publishers)
    for i in range(1, len(segment)):
        if is_end_matter(segment, i):
            seen_end = True
            continue
        text = segment[i].text
        title_here = _title_at(segment, i, set())
        publisher = split_title(text)[1] if title_here else None
        known = publisher is not None and (publisher in publishers or " | " in text) and i - start >= 2
        if (seen_end and (len(text) >= TEASER_MIN or title_here)) or known:
            yield segment[start:i]
            start, seen_end, titled = i, False, _title_at(segment, i, publishers)
            continue
        before = segment[i - 1].text
        if not titled and len(before) >= TEASER_MIN and stops_mid_sentence(before) and not is_end_matter(segment, i - 1):
            yield segment[start:i]
            start, seen_end, titled = i, False, _title_at(segment, i, publishers)
    yield segment[start:]


def _title_at(segment: tuple[Block, ...], i: int, publishers: set[str]) -> bool:
    following = segment[i + 1].text if i + 1 < len(segment) else None
    if not looks_like_title(segment[i].text, following):
        return False
    publisher = split_title(segment[i].text)[1]
    if publisher:
        publishers.add(publisher)
    return True
