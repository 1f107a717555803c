"""The licence policy: which articles a public build publishes, and how much of each.

`apply_policy(articles, cfg)` is the one place the policy is applied, between the
archive and everything made from it (bodies, the site model, views, feeds, sitemap,
search index, annotation pages and exports), so every output follows it by
construction. With the `local` profile it changes nothing. With `public`, each
article gets the treatment of its licence kind (`[licences]` in sitegen.toml): `full`
keeps it, `omit` drops it, `excerpt` keeps the title, the opening paragraph (cut to
`excerpt_words` words), the attribution, and only the notes whose quote is in that
opening. `licence_table` counts what the policy does, per kind and origin, for
`sitegen check`. Pure: must not read files or render.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from sitegen.config import Config, LicencePolicy, Treatment
from sitegen.model import Article, LicenceKind

_URL = re.compile(r"https?://[^\s\"'<>)\]]+")
_NOT_PARAGRAPH = re.compile(r"^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|```|~~~|\||!\[|<!--|\s{4})")


@dataclass(frozen=True, slots=True)
class Excerpt:
    """An article published as an excerpt: where its full text can be read, when known."""

    original: str | None  # an http(s) URL
    words: int  # words of the full text's opening kept


@dataclass(frozen=True, slots=True)
class Published:
    """What a build publishes: the articles (excerpts already cut) and which of them are excerpts."""

    articles: tuple[Article, ...]
    excerpts: Mapping[str, Excerpt]  # slug → excerpt details
    omitted: int  # articles left out


def treatment(article: Article, policy: LicencePolicy) -> Treatment:
    return policy.treatment(article.licence.kind)


def apply_policy(articles: Sequence[Article], cfg: Config) -> Published:
    """The articles as the build's profile publishes them (all of them, whole, unless `public`)."""
    if not cfg.public:
        return Published(tuple(articles), MappingProxyType({}), 0)
    kept: list[Article] = []
    excerpts: dict[str, Excerpt] = {}
    for article in articles:
        how = treatment(article, cfg.licences)
        if how is Treatment.OMIT:
            continue
        if how is Treatment.EXCERPT:
            article, words = excerpt_of(article, cfg.licences.excerpt_words)
            excerpts[article.slug] = Excerpt(original_url(article, cfg), words)
        kept.append(article)
    return Published(tuple(kept), MappingProxyType(excerpts), len(articles) - len(kept))


def opening_paragraph(body: str) -> str:
    """The first paragraph of a Markdown body that is running text (not a heading, list,
    quote, table, code or image); the first block of any kind when there is none."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", body) if b.strip()]
    for block in blocks:
        if not _NOT_PARAGRAPH.match(block):
            return block
    return blocks[0] if blocks else ""


def cut_words(text: str, limit: int) -> tuple[str, bool]:
    """`text` cut to at most `limit` words (whitespace kept inside), and whether it was cut."""
    words = list(re.finditer(r"\S+", text))
    if len(words) <= limit:
        return text, False
    end = words[limit - 1].end()
    return text[:end].rstrip(",;:–—") + " …", True


def excerpt_of(article: Article, limit: int) -> tuple[Article, int]:
    """The article as an excerpt: its opening paragraph, at most `limit` words, and the notes whose
    quote lies inside it (no other note may quote text the excerpt leaves out); and the words kept."""
    opening, _ = cut_words(opening_paragraph(article.body), limit)
    text = _normal(opening)
    notes = tuple(a for a in article.annotations if _normal(a.quote) and _normal(a.quote) in text)
    words = len(opening.split()) - opening.endswith(" …")
    return replace(article, body=opening + "\n", annotations=notes), words


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def original_url(article: Article, cfg: Config) -> str | None:
    """Where the full text is published, when known: a link in the licence statement that is not
    the licence itself, else the home of the origin as sitegen.toml maps it."""
    for found in _URL.finditer(article.licence.statement or ""):
        url = found.group(0).rstrip(".,;")
        if "creativecommons.org" not in url:
            return url
    known = cfg.origin(article.licence.origin) or cfg.origin(article.publisher)
    return known.home if known else None


@dataclass(frozen=True, slots=True)
class LicenceRow:
    """One line of the licence table: articles of one kind and origin, and what `public` does with them."""

    kind: LicenceKind
    origin: str | None
    articles: int
    treatment: Treatment
    licence: str | None  # the licence sitegen.toml maps this origin to, if any


def licence_table(articles: Iterable[Article], cfg: Config) -> tuple[LicenceRow, ...]:
    """Articles per licence kind and origin (kinds in the SPEC's order, origins by name)."""
    counts = Counter((a.licence.kind, a.licence.origin) for a in articles)
    order = {kind: i for i, kind in enumerate(LicenceKind)}
    rows = []
    for (kind, origin), count in sorted(counts.items(), key=lambda kv: (order[kv[0][0]], (kv[0][1] or "~").casefold())):
        known = cfg.origin(origin)
        rows.append(LicenceRow(kind, origin, count, cfg.licences.treatment(kind), known.licence if known else None))
    return tuple(rows)
