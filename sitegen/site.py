"""The site model: what the site contains, in which order, grouped and paginated.

`make_site(articles, bodies, cfg)` is pure. It sorts the archive newest first,
groups it into tags, authors and publishers with safe, unique slugs, and cuts
every list of articles into pages of `cfg.page_size`. Which file each page
becomes and what it shows is decided later (`sitegen.views`, through
`sitegen.urls`). Must not build URLs or views, and must not render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

from sitegen.config import Config
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.policy import Excerpt
from sitegen.slugs import slugify, unique_slug


class ListKind(str, Enum):
    """The kinds of paginated article lists."""

    HOME = "home"
    TAG = "tag"
    AUTHOR = "author"
    PUBLISHER = "publisher"


@dataclass(frozen=True, slots=True)
class Taxon:
    """A tag, an author or a publisher: its name as written, its slug, its articles newest first."""

    name: str
    slug: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of a paginated list of articles: the home page or a taxon's page `number`."""

    kind: ListKind
    taxon: Taxon | None  # None for the home list
    number: int  # 1-based
    total: int  # number of pages of this list (at least 1)
    articles: tuple[Article, ...]  # the articles on this page
    count: int  # the articles on all pages of this list


@dataclass(frozen=True, slots=True)
class Site:
    """The whole site as content: articles, their rendered bodies, taxonomies and list pages."""

    config: Config
    articles: tuple[Article, ...]  # newest first
    bodies: Mapping[str, RenderedBody]  # slug → rendered body
    tags: tuple[Taxon, ...]  # sorted by name
    authors: tuple[Taxon, ...]
    publishers: tuple[Taxon, ...]
    listings: tuple[Listing, ...]  # home pages, then tag, author and publisher pages
    slugs: Mapping[tuple[ListKind, str], str]  # (kind, name) → slug
    positions: Mapping[str, int]  # article slug → index in `articles`
    excerpts: Mapping[str, Excerpt] = field(default_factory=lambda: MappingProxyType({}))  # slug → how an excerpted article is shown (public)

    def slug(self, kind: ListKind, name: str) -> str:
        """The slug of tag, author or publisher `name`."""
        return self.slugs[(kind, name)]

    def body_source(self, slug: str) -> object:
        """What names the body of `slug` among a view's sources: its content key when the bodies
        are read lazily (`bodies.Bodies`, so naming it reads nothing), else the body itself."""
        key = getattr(self.bodies, "key", None)
        return key(slug) if key is not None else self.bodies[slug]

    def summary(self, slug: str) -> str:
        """The body's summary (`RenderedBody.summary`), without reading the body when it is known."""
        find = getattr(self.bodies, "summary", None)
        return find(slug) if find is not None else self.bodies[slug].summary

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The next newer and next older article, in home-page order."""
        index = self.positions[article.slug]
        newer = self.articles[index - 1] if index > 0 else None
        older = self.articles[index + 1] if index + 1 < len(self.articles) else None
        return newer, older


def newest_first(article: Article) -> tuple[bool, int, str, str]:
    """Sort key: newest first by the article's date, else the day it was added (`Article.day`),
    then any with neither; ties by title, then slug."""
    day = article.day or dt.date.min
    return (article.day is None, -day.toordinal(), article.title.casefold(), article.slug)


def group(articles: Sequence[Article], names_of: Callable[[Article], Iterable[str]]) -> tuple[Taxon, ...]:
    """Group `articles` (already in order) by the names `names_of(article)` yields.

    Taxa come sorted by name. Slugs are handed out deterministically: first to
    names that are already their own slug, then in name order — so of "ai" and
    "AI", "ai" keeps `ai` and "AI" gets `ai-2`, on every build.
    """
    members: dict[str, list[Article]] = {}
    for article in articles:
        for name in dict.fromkeys(names_of(article)):  # a name listed twice counts once
            if name.strip():
                members.setdefault(name, []).append(article)
    bases = {name: slugify(name) for name in members}
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for name in sorted(members, key=lambda n: (bases[n] != n, n.casefold(), n)):
        slugs[name] = unique_slug(bases[name], taken)
        taken.add(slugs[name])
    return tuple(Taxon(name, slugs[name], tuple(members[name])) for name in sorted(members, key=_by_name))


def _by_name(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def paginate(articles: tuple[Article, ...], size: int) -> tuple[tuple[Article, ...], ...]:
    """`articles` in pages of `size`; an empty list is one empty page."""
    if not articles:
        return ((),)
    return tuple(articles[i : i + size] for i in range(0, len(articles), size))


def _listings(kind: ListKind, taxon: Taxon | None, articles: tuple[Article, ...], size: int) -> list[Listing]:
    pages = paginate(articles, size)
    return [Listing(kind, taxon, n, len(pages), chunk, len(articles)) for n, chunk in enumerate(pages, 1)]


def make_site(
    articles: Sequence[Article], bodies: Mapping[str, RenderedBody], cfg: Config,
    excerpts: Mapping[str, Excerpt] | None = None,
) -> Site:
    """The site model of `articles` (any order, as `policy.apply_policy` publishes them) with their
    rendered `bodies`; `excerpts` names those published as excerpts."""
    ordered = tuple(sorted(articles, key=newest_first))
    tags = group(ordered, lambda a: a.tags)
    authors = group(ordered, lambda a: a.authors)
    publishers = group(ordered, lambda a: (a.publisher,) if a.publisher else ())
    listings = _listings(ListKind.HOME, None, ordered, cfg.page_size)
    slugs: dict[tuple[ListKind, str], str] = {}
    for kind, taxa in ((ListKind.TAG, tags), (ListKind.AUTHOR, authors), (ListKind.PUBLISHER, publishers)):
        for taxon in taxa:
            slugs[(kind, taxon.name)] = taxon.slug
            listings += _listings(kind, taxon, taxon.articles, cfg.page_size)
    return Site(
        config=cfg,
        articles=ordered,
        bodies=MappingProxyType(dict(bodies)) if isinstance(bodies, dict) else bodies,  # a lazy map stays lazy
        tags=tags,
        authors=authors,
        publishers=publishers,
        listings=tuple(listings),
        slugs=MappingProxyType(slugs),
        positions=MappingProxyType({a.slug: i for i, a in enumerate(ordered)}),
        excerpts=MappingProxyType(dict(excerpts or {})),
    )
