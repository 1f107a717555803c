"""The site model: which articles, in which order, under which tags, authors and publishers.

`make_site` is pure: it sorts the archive and groups it into taxonomies with
safe, unique slugs. Must not build URLs or views, and must not render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitegen.config import Config
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.slugs import slugify, unique_slug


@dataclass(frozen=True, slots=True)
class Taxon:
    """A tag, an author or a publisher, and its articles newest first."""

    name: str
    slug: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Site:
    config: Config
    articles: tuple[Article, ...]  # newest first
    bodies: Mapping[str, RenderedBody]
    tags: tuple[Taxon, ...]
    authors: tuple[Taxon, ...]
    publishers: tuple[Taxon, ...]

    def tag_slug(self, name: str) -> str:
        return _lookup(self.tags, name)

    def author_slug(self, name: str) -> str:
        return _lookup(self.authors, name)

    def publisher_slug(self, name: str) -> str:
        return _lookup(self.publishers, name)


def _lookup(taxa: tuple[Taxon, ...], name: str) -> str:
    for taxon in taxa:
        if taxon.name == name:
            return taxon.slug
    raise KeyError(name)


def _newest_first(article: Article) -> tuple:
    day = article.date or dt.date.min
    return (article.date is None, -day.toordinal(), article.title.casefold(), article.slug)


def group(articles: Sequence[Article], names_of) -> tuple[Taxon, ...]:
    """Group articles by the names `names_of(article)` yields; slugs unique in name order."""
    members: dict[str, list[Article]] = {}
    for article in articles:
        for name in names_of(article):
            members.setdefault(name, []).append(article)
    taken: set[str] = set()
    taxa = []
    for name in sorted(members, key=lambda n: (n.casefold(), n)):
        slug = unique_slug(slugify(name), taken)
        taken.add(slug)
        taxa.append(Taxon(name, slug, tuple(members[name])))
    return tuple(taxa)


def _one(value: str | None) -> Iterable[str]:
    return (value,) if value else ()


def make_site(articles: Sequence[Article], bodies: Mapping[str, RenderedBody], cfg: Config) -> Site:
    ordered = tuple(sorted(articles, key=_newest_first))
    return Site(
        config=cfg,
        articles=ordered,
        bodies=bodies,
        tags=group(ordered, lambda a: a.tags),
        authors=group(ordered, lambda a: a.authors),
        publishers=group(ordered, lambda a: _one(a.publisher)),
    )
