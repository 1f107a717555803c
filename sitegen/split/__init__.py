"""The split step: a raw dump of scraped pages → articles with metadata, provenance and flags.

`split_text(text, name)` is pure: it finds article boundaries (`segment`),
takes the metadata lines out of each article (`meta`, `licence`), flags lines
an editor should see (`flags`), and turns the rest into Markdown that shows the
same words (`body`). Every non-blank line of the dump is accounted for: it is in
exactly one article (body or metadata) or reported as debris. `decode_dump`
turns bytes into text first. Must not touch the file system.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sitegen.errors import Problem
from sitegen.model import Annotation, ArticleKind, Licence, LicenceKind, Source
from sitegen.split.body import Block, display_text, to_markdown
from sitegen.split.decode import decode_dump, decode_lines
from sitegen.split.flags import flag_reason
from sitegen.split.licence import detect_licence
from sitegen.split.meta import (
    bio_names,
    by_line_names,
    looks_like_title,
    split_title,
    title_from_text,
    translator_names,
)
from sitegen.split.segment import Debris, is_closing, iter_segments, second_pass
from sitegen.split.text import FOLLOW, ends_sentence

__all__ = ["SplitArticle", "SplitResult", "decode_dump", "decode_lines", "iter_articles", "split_text"]


@dataclass(frozen=True, slots=True)
class SplitArticle:
    title: str
    body: str
    authors: tuple[str, ...]
    byline: str | None
    translators: tuple[str, ...]
    publisher: str | None
    licence: Licence
    kind: ArticleKind
    source: Source
    annotations: tuple[Annotation, ...]
    body_lines: tuple[int, ...]  # dump lines that are in the body
    meta_lines: tuple[int, ...]  # dump lines taken into front matter (title, byline, licence, credits)


@dataclass(frozen=True, slots=True)
class SplitResult:
    articles: tuple[SplitArticle, ...]
    debris: tuple[Debris, ...]
    problems: tuple[Problem, ...] = ()


def iter_articles(lines: Iterable[str], name: str, debris: list[Debris]) -> Iterator[SplitArticle]:
    """Articles of a dump's lines, one at a time (memory bounded by the longest article)."""
    for segment in iter_segments(lines, debris):
        for blocks in second_pass(segment):
            yield _article(blocks, name)


def split_text(text: str, name: str) -> SplitResult:
    """Split a dump's text (already decoded) into articles."""
    debris: list[Debris] = []
    articles = tuple(iter_articles(text.split("\n"), name, debris))
    return SplitResult(articles, tuple(sorted(debris, key=lambda d: d.line)))


def _unique_quote(quote: str, body_text: str, before: str) -> str | None:
    """A prefix that makes `quote` unique in the body, or None when it already is."""
    if body_text.count(quote) <= 1:
        return None
    return before[-40:] or None


def _article(blocks: tuple[Block, ...], name: str) -> SplitArticle:
    blocks = list(blocks)
    meta_lines: list[int] = []
    first, last = blocks[0].line, blocks[-1].line
    title, publisher = None, None
    if looks_like_title(blocks[0].text, blocks[1].text if len(blocks) > 1 else None):
        title, publisher = split_title(blocks[0].text)
        title = " ".join(title.split())
        meta_lines.append(blocks.pop(0).line)
    authors: list[str] = []
    byline: str | None = None
    translators: list[str] = []
    licence = Licence()
    if blocks and by_line_names(blocks[0].text):
        authors += by_line_names(blocks[0].text) or []
        byline = blocks[0].text
        meta_lines.append(blocks.pop(0).line)
    # end matter, read backwards: credits, handles, licence, bio
    while len(blocks) > 1:
        text = blocks[-1].text
        names = translator_names(text)
        follow = FOLLOW.match(text)
        found = detect_licence(text) if licence.statement is None else None
        if names:
            translators = names + translators
        elif follow:
            authors += [n for n in [follow.group(1).strip()] if n not in authors]
        elif found:
            licence, start = found
            if start > 0:
                bio = text[:start].strip()
                byline = byline or bio
                authors += [n for n in bio_names(bio) if n not in authors]
            elif len(blocks) > 2 and bio_names(blocks[-3].text) and _mentions(blocks[-2].text, bio_names(blocks[-3].text)):
                # a bio in two paragraphs ("X is ...", "X's show ...") before the statement
                meta_lines.append(blocks.pop().line)
                second = blocks.pop()
                bio_block = blocks.pop()
                byline = byline or bio_block.text + "\n\n" + second.text
                authors += [n for n in bio_names(bio_block.text) if n not in authors]
                meta_lines += [second.line, bio_block.line]
                break
        elif bio_names(text):
            byline = text if byline is None else byline
            authors += [n for n in bio_names(text) if n not in authors]
            meta_lines.append(blocks.pop().line)
            break
        else:
            break
        meta_lines.append(blocks.pop().line)
    owner = _OWNER.match(licence.origin or "")
    if not authors and owner and licence.kind is not LicenceKind.CC:
        authors.append(owner.group(1))
    kind = ArticleKind.ARTICLE
    if title is None:
        title = title_from_text(blocks[0].text if blocks else "Untitled")
        if blocks and not ends_sentence(blocks[-1].text) and not is_closing(blocks[-1].text):
            kind = ArticleKind.FRAGMENT
    annotations, flagged = _flags(blocks)
    body = to_markdown(blocks, no_headings=flagged)
    return SplitArticle(
        title=title,
        body=body,
        authors=tuple(authors),
        byline=byline,
        translators=tuple(translators),
        publisher=publisher,
        licence=licence,
        kind=kind,
        source=Source(name, (first, last)),
        annotations=annotations,
        body_lines=tuple(b.line for b in blocks),
        meta_lines=tuple(sorted(meta_lines)),
    )


_OWNER = re.compile(r"^((?:[A-Z][\w.-]+ ){1,3}[A-Z][\w.-]+)[’']s (?:Substack|blog|newsletter|website)$")


def _mentions(text: str, names: list[str]) -> bool:
    return any(name.split()[-1] in text for name in names)


def _flags(blocks: list[Block]) -> tuple[tuple[Annotation, ...], frozenset[int]]:
    """Flag annotations for the blocks, and the lines they flag (never made into headings)."""
    shown = [display_text(b.text) for b in blocks]
    body_text = "\n\n".join(shown)
    notes = []
    lines = set()
    offset = 0
    after_media = False
    for i, (block, text) in enumerate(zip(blocks, shown)):
        reason = flag_reason(text)
        if reason is None and after_media and len(text) < 100 and not text.endswith("."):
            reason = "Probably the headline of embedded or related content, not the author's text."
        after_media = bool(reason) and ("embedded" in reason or "headline" in reason)
        if reason and text.strip():
            prefix = _unique_quote(text, body_text, body_text[:offset])
            notes.append(Annotation(quote=text, note=reason, prefix=prefix, tags=("flag",)))
            lines.add(block.line)
        offset += len(text) + 2
    return tuple(notes), frozenset(lines)


