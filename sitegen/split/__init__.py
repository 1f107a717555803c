"""The split step: a raw dump of scraped pages → articles with metadata, provenance and flags.

`split_text(text, name)` is pure: it joins the lines of hard-wrapped
paragraphs (`unwrap`: every line number it reports is the dump's own), removes separators and furniture
(`segment`), gives each line a role (`roles`), tags each line as the start,
inside or outside of an item (`tagger`, the rules of `boundary` when no
weights are installed), takes each article's metadata lines out of its text (`assemble`, with `meta`
and `licence`), flags lines an editor should see (`flags`), and turns the rest
into Markdown that shows the same words (`body`). Every non-blank line of the
dump is accounted for: it is in exactly one article (body or front matter) or
reported as debris. `decode_dump` / `decode_lines` turn bytes into text first;
`iter_articles` is the streaming form used on large files. Must not touch the
file system.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sitegen.errors import Problem
from sitegen.split.assemble import SplitArticle, assemble
from sitegen.split.decode import decode_dump, decode_lines
from sitegen.split import chat, entries, feeds, frontmatter, ical, furniture, jsondoc, memo, messages, mime, readerview, reviews, tagger, threads
from sitegen.split.boundary import NO_RUNNING_TEXT, Item, has_running_text, items
from sitegen.split.roles import Repeats
from sitegen.split.text import Debris
from sitegen.split.unwrap import Unwrapped

__all__ = [
    "Debris", "SplitArticle", "SplitResult", "decode_dump", "decode_lines", "iter_articles", "split_text",
]


@dataclass(frozen=True, slots=True)
class SplitResult:
    """The articles of one dump, the lines removed as debris (in line order), and warnings
    (an article without a title line, say)."""

    articles: tuple[SplitArticle, ...]
    debris: tuple[Debris, ...]
    problems: tuple[Problem, ...] = ()


def iter_articles(
    lines: Iterable[str], name: str, debris: list[Debris], repeats: Repeats | None = None
) -> Iterator[SplitArticle]:
    """The articles of a dump's lines, one at a time (memory bounded by the longest article).
    Debris lines are appended to `debris` as they are found. `repeats` counts the dump's lines
    (`Repeats.of_lines`, a first pass over the same lines), so recurring furniture is known.
    Hard-wrapped paragraphs are split as one line each, reported on the dump's own lines."""
    encoded = mime.MimeReader(lines)  # a raw e-mail's transport encoding undone first
    feed = feeds.FeedReader(encoded)  # saved feeds, calendars, posts' sources, messages and chats are read by their fields; the rest as text
    documents = jsondoc.JsonReader(feed)
    events = ical.CalendarReader(documents)
    posts = frontmatter.SourcesReader(events)
    mail = messages.MessageReader(posts)
    chats = chat.ChatReader(mail)
    readers = (encoded, feed, documents, events, posts, mail, chats)
    joined = Unwrapped(chats)
    found: list[Debris] = []  # on the joined lines (the segmenter reads back what it appended)
    given = 0
    for article in _articles(joined, name, found, repeats):
        debris.extend(joined.map.debris(found[given:]))
        given = len(found)
        article = joined.map.article(article)
        yield from entries.articles(readers, name, debris, article.source.lines[0])
        yield article
    debris.extend(joined.map.debris(found[given:]))
    yield from entries.articles(readers, name, debris)


def _articles(
    lines: Iterable[str], name: str, debris: list[Debris], repeats: Repeats | None = None
) -> Iterator[SplitArticle]:
    publishers: set[str] = set()
    decide = tagger.active()
    first = True  # no item found yet in the dump
    going = False  # a forum thread found in a segment before: the posts of the next are its replies
    held: tuple[tagger.Segment, tuple[tagger.Line, ...], tagger.Tagging, int, int] | None = None
    for segment in tagger.segments(lines, debris, repeats):
        if decide is not None:
            described = tagger.describe(segment, repeats)
            tagging = decide.decode(described)
            found, left = tagger.items(described, segment, tagging)
            thread = threads.read(segment.blocks, segment.removed, going)
            going = going or thread is not None
            thread = thread or reviews.read(segment.blocks, segment.removed)
            openers: list[Item] = []
            if thread is not None:  # a forum thread or a page of reviews: each opening post or review one article
                openers, found, left = threads.whole(found, thread, segment.blocks, left)
            if found:
                found, removed = furniture.judge(found, segment.blocks, segment.shapes, segment.roles, first)
                first = False
                left += removed
                reader = readerview.head(segment.blocks, segment.roles, segment.removed)
                if reader is not None:  # a page saved from a reader view: one article from its headline down
                    found, left = readerview.whole(found, reader, segment.blocks, left)
            if openers:
                found = sorted([*found, *openers], key=lambda it: it.start)
                first = False
            elif first and held is None and has_running_text([b.text for b in segment.blocks]):
                held = (segment, described, tagging, len(debris), len(debris) + len(left))  # the dump's text, should no item be found in it
        else:
            found, left = _rule_items(segment, publishers)
        debris.extend(left)
        yield from _assembled(found, segment, name, repeats, debris)
        memo.forget()  # the recognisers' answers for this segment's lines: the next one reads others
    if held is not None and first:  # no item in the whole dump: its running text is an article to check rather than lost
        segment, described, tagging, start, end = held
        del debris[start:end]  # its lines taken out as outside every item (no article was given out since)
        found, left = tagger.items(described, segment, tagging, keep_alone=0.0)
        found, removed = furniture.judge(found, segment.blocks, segment.shapes, segment.roles, True) if found else (found, [])
        debris.extend(left + removed)
        yield from _assembled(found, segment, name, repeats, debris)
        memo.forget()


def _assembled(found: Sequence[Item], segment: tagger.Segment, name: str, repeats: Repeats | None,
               debris: list[Debris]) -> Iterator[SplitArticle]:
    """The articles of a segment's items, their debris appended to `debris`."""
    for item in found:
        blocks = segment.blocks[item.start : item.end]
        article = assemble(blocks, name, segment.roles[item.start : item.end], item, repeats.masthead if repeats else None)
        debris.extend(article.debris)
        yield article


def _rule_items(segment: tagger.Segment, publishers: set[str]) -> tuple[list[Item], list[Debris]]:
    """The items of a segment by the rules of `boundary` (when no tagger model is in use)."""
    found, left = [], []
    texts = [b.text for b in segment.blocks]
    for item in items(segment.blocks, segment.roles, publishers, segment.shapes):
        if has_running_text(texts[item.start : item.end]):
            found.append(item)
        else:
            left += [Debris(b.line, b.text, NO_RUNNING_TEXT) for b in segment.blocks[item.start : item.end]]
    return found, left


def split_text(text: str, name: str) -> SplitResult:
    """Split a dump's text (already decoded, "\\n" line ends) into articles."""
    debris: list[Debris] = []
    lines = text.split("\n")
    articles = tuple(iter_articles(lines, name, debris, Repeats.of_lines(lines)))
    problems = tuple(p for a in articles for p in a.problems)
    return SplitResult(articles, tuple(sorted(debris, key=lambda d: d.line)), problems)
