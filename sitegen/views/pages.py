"""View models: the plain, hashable data each template receives, with every link already relative.

`site_pages(site)` lists every page of the site as `Page(path, template, meta, content)`.
Templates never see `Article` or `Config`; they never join URLs. Must not render.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sitegen import urls
from sitegen.model import Article, ArticleKind, LicenceKind
from sitegen.site import Site, Taxon

LICENCE_LABELS = {
    LicenceKind.CC: "Creative Commons",
    LicenceKind.PERMISSION: "Republished with permission",
    LicenceKind.ALL_RIGHTS_RESERVED: "All rights reserved",
    LicenceKind.UNKNOWN: "Licence unknown",
}


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Meta:
    """What the base layout needs on every page."""

    title: str
    site_title: str
    description: str
    lang: str
    root: str  # relative prefix to the site root: '', '../', '../../'
    home: str
    nav: tuple[Link, ...]
    current: str  # the nav entry this page belongs to
    search: bool
    static: tuple[tuple[str, str], ...]  # (name, href) of stylesheets and scripts
    canonical: str | None = None
    og_type: str = "website"
    site_feed: str = ""
    page_feed: str | None = None
    json_ld: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    href: str
    authors: tuple[str, ...]
    publisher: str | None
    date: str | None
    summary: str
    tags: tuple[Link, ...]
    fragment: bool
    notes: int


@dataclass(frozen=True, slots=True)
class Pagination:
    current: int
    total: int
    prev: str | None
    next: str | None
    pages: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ListView:
    heading: str
    kind: str  # "home", "tag", "author", "publisher"
    count: int
    cards: tuple[Card, ...]
    pagination: Pagination
    feed: str | None = None


@dataclass(frozen=True, slots=True)
class TaxonomyView:
    heading: str
    items: tuple[tuple[Link, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    title: str
    authors: str
    publisher: str | None
    origin: str | None
    statement: str | None
    licence: str
    kind: str


@dataclass(frozen=True, slots=True)
class LostNote:
    number: int
    quote: str
    note_html: str
    is_flag: bool


@dataclass(frozen=True, slots=True)
class ArticleView:
    title: str
    authors: tuple[Link, ...]
    translators: tuple[str, ...]
    byline: str | None
    publisher: Link | None
    date: str | None
    reading_minutes: int
    tags: tuple[Link, ...]
    body_html: str
    fragment: bool
    attribution: Attribution
    lost_notes: tuple[LostNote, ...]
    sources: tuple[str, ...]
    notes: int


@dataclass(frozen=True, slots=True)
class NoteItem:
    article: Link
    quote: str
    note_html: str
    href: str
    is_flag: bool


@dataclass(frozen=True, slots=True)
class NotesView:
    groups: tuple[tuple[str, tuple[NoteItem, ...]], ...]
    count: int


@dataclass(frozen=True, slots=True)
class EmptyView:
    heading: str


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    meta: Meta
    content: object


def _date(article: Article) -> str | None:
    return article.date.isoformat() if article.date else None


def _names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class _Pages:
    """Builds every page's view for one site."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.cfg = site.config

    # -- shared pieces -------------------------------------------------------------
    def meta(self, path: str, title: str, current: str = "", **extra: object) -> Meta:
        cfg = self.cfg
        rel = lambda target: urls.relative(target, path)  # noqa: E731
        nav = (
            Link("Articles", rel(urls.home())),
            Link("Tags", rel(urls.TAGS)),
            Link("Authors", rel(urls.AUTHORS)),
            Link("Publishers", rel(urls.PUBLISHERS)),
            Link("Annotations", rel(urls.ANNOTATIONS)),
        )
        static = tuple((name, rel(urls.static(name))) for name in ("style.css", "pygments.css", "site.js"))
        return Meta(
            title=title,
            site_title=cfg.title,
            description=str(extra.pop("description", cfg.description)),
            lang=cfg.language,
            root=urls.root_of(path),
            home=rel(urls.home()),
            nav=nav,
            current=current,
            search=cfg.search,
            static=static,
            canonical=urls.absolute(path, cfg.base_url) if cfg.base_url else None,
            site_feed=rel(urls.FEED),
            **extra,  # type: ignore[arg-type]
        )

    def card(self, article: Article, path: str) -> Card:
        body = self.site.bodies[article.slug]
        return Card(
            title=article.title,
            href=urls.relative(urls.article(article.slug), path),
            authors=article.authors,
            publisher=article.publisher,
            date=_date(article),
            summary=_clip(body.summary, 280),
            tags=tuple(Link(t, urls.relative(urls.tag(self.site.tag_slug(t)), path)) for t in article.tags),
            fragment=article.kind is ArticleKind.FRAGMENT,
            notes=len(article.annotations),
        )

    def listing(self, heading: str, kind: str, articles: tuple[Article, ...], page_url, current: str,
                feed: str | None = None, description: str | None = None) -> Iterator[Page]:
        size = self.cfg.page_size
        total = max(1, math.ceil(len(articles) / size))
        for number in range(1, total + 1):
            path = page_url(number)
            rel = lambda target: urls.relative(target, path)  # noqa: E731
            chunk = articles[(number - 1) * size : number * size]
            pagination = Pagination(
                current=number,
                total=total,
                prev=rel(page_url(number - 1)) if number > 1 else None,
                next=rel(page_url(number + 1)) if number < total else None,
                pages=tuple(Link(str(n), rel(page_url(n))) for n in range(1, total + 1)) if total > 1 else (),
            )
            title = heading if number == 1 else f"{heading} (page {number})"
            extra: dict[str, object] = {"page_feed": rel(feed) if feed else None}
            if description:
                extra["description"] = description
            yield Page(
                path,
                "list.html",
                self.meta(path, title, current, **extra),
                ListView(heading, kind, len(articles), tuple(self.card(a, path) for a in chunk), pagination,
                         rel(feed) if feed else None),
            )

    # -- pages ---------------------------------------------------------------------------
    def article(self, article: Article) -> Page:
        site, cfg = self.site, self.cfg
        path = urls.article(article.slug)
        rel = lambda target: urls.relative(target, path)  # noqa: E731
        body = site.bodies[article.slug]
        lic = article.licence
        attribution = Attribution(
            title=article.title,
            authors=_names(article.authors) or "Unknown author",
            publisher=article.publisher,
            origin=lic.origin,
            statement=lic.statement,
            licence=LICENCE_LABELS[lic.kind],
            kind=lic.kind.value,
        )
        lost = tuple(
            LostNote(n.number, n.annotation.quote, n.note_html, n.annotation.is_flag)
            for n in body.unanchored_notes
        )
        view = ArticleView(
            title=article.title,
            authors=tuple(Link(a, rel(urls.author(site.author_slug(a)))) for a in article.authors),
            translators=article.translators,
            byline=article.byline,
            publisher=Link(article.publisher, rel(urls.publisher(site.publisher_slug(article.publisher))))
            if article.publisher else None,
            date=_date(article),
            reading_minutes=max(1, round(body.word_count / cfg.words_per_minute)),
            tags=tuple(Link(t, rel(urls.tag(site.tag_slug(t)))) for t in article.tags),
            body_html=body.html,
            fragment=article.kind is ArticleKind.FRAGMENT,
            attribution=attribution,
            lost_notes=lost,
            sources=tuple(f"{s.file}, lines {s.lines[0]}–{s.lines[1]}" for s in article.source),
            notes=len(article.annotations),
        )
        meta = self.meta(
            path, article.title, "Articles", description=_clip(body.summary, 200) or cfg.description,
            og_type="article", json_ld=self.json_ld(article, path),
        )
        return Page(path, "article.html", meta, view)

    def json_ld(self, article: Article, path: str) -> str:
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "author": [{"@type": "Person", "name": a} for a in article.authors],
            "license": article.licence.statement or LICENCE_LABELS[article.licence.kind],
        }
        if article.publisher:
            data["publisher"] = {"@type": "Organization", "name": article.publisher}
        if article.licence.origin:
            data["sourceOrganization"] = {"@type": "Organization", "name": article.licence.origin}
        if article.date:
            data["datePublished"] = article.date.isoformat()
        if self.cfg.base_url:
            data["url"] = urls.absolute(path, self.cfg.base_url)
        return script_json(data)

    def taxonomy(self, path: str, heading: str, taxa: tuple[Taxon, ...], url_of, current: str) -> Page:
        items = tuple((Link(t.name, urls.relative(url_of(t.slug), path)), len(t.articles)) for t in taxa)
        return Page(path, "taxonomy.html", self.meta(path, heading, current), TaxonomyView(heading, items))

    def notes(self) -> Page:
        path = urls.ANNOTATIONS
        groups: dict[str, list[NoteItem]] = {}
        count = 0
        for article in self.site.articles:
            body = self.site.bodies[article.slug]
            href = urls.article(article.slug)
            placed = {n.number: n for n in body.anchored}
            lost = {n.number: n for n in body.unanchored_notes}
            for number, ann in enumerate(article.annotations, start=1):
                note_html = placed[number].note_html if number in placed else lost[number].note_html if number in lost else ""
                target = f"{href}#hl-{number}" if number in placed else f"{href}#lost-notes"
                item = NoteItem(
                    article=Link(article.title, urls.relative(href, path)),
                    quote=ann.quote, note_html=note_html,
                    href=urls.relative(target, path), is_flag=ann.is_flag,
                )
                count += 1
                for tag in ann.tags or ("untagged",):
                    groups.setdefault(tag, []).append(item)
        ordered = tuple((tag, tuple(items)) for tag, items in sorted(groups.items(), key=lambda kv: (kv[0] == "untagged", kv[0].casefold())))
        return Page(path, "notes.html", self.meta(path, "Annotations", "Annotations"), NotesView(ordered, count))

    def all(self) -> Iterator[Page]:
        site = self.site
        yield from self.listing("All articles", "home", site.articles, urls.home, "Articles", urls.FEED)
        for article in site.articles:
            yield self.article(article)
        for tag in site.tags:
            yield from self.listing(f"Tag: {tag.name}", "tag", tag.articles, lambda n, s=tag.slug: urls.tag(s, n),
                                    "Tags", urls.tag_feed(tag.slug))
        for author in site.authors:
            yield from self.listing(author.name, "author", author.articles,
                                    lambda n, s=author.slug: urls.author(s, n), "Authors")
        for publisher in site.publishers:
            yield from self.listing(publisher.name, "publisher", publisher.articles,
                                    lambda n, s=publisher.slug: urls.publisher(s, n), "Publishers")
        yield self.taxonomy(urls.TAGS, "Tags", site.tags, urls.tag, "Tags")
        yield self.taxonomy(urls.AUTHORS, "Authors", site.authors, urls.author, "Authors")
        yield self.taxonomy(urls.PUBLISHERS, "Publishers", site.publishers, urls.publisher, "Publishers")
        yield self.notes()
        yield Page(urls.SEARCH, "search.html", self.meta(urls.SEARCH, "Search", ""), EmptyView("Search"))
        yield self.not_found()

    def not_found(self) -> Page:
        """404.html is served by a host at the missing URL's own path, so its links cannot be
        relative: they are absolute when base_url is set, else rooted at '/'."""
        path = urls.NOT_FOUND
        meta = self.meta(path, "Page not found", "")
        base = self.cfg.base_url or "/"
        fix = lambda href: base + href.lstrip("./") if not href.startswith("../") else href  # noqa: E731
        meta = Meta(**{**{f: getattr(meta, f) for f in Meta.__dataclass_fields__},
                       "root": base, "home": base + urls.home(),
                       "nav": tuple(Link(link.text, fix(link.href)) for link in meta.nav),
                       "static": tuple((n, fix(h)) for n, h in meta.static), "site_feed": fix(meta.site_feed),
                       "canonical": None})
        return Page(path, "404.html", meta, EmptyView("Page not found"))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def script_json(data: object) -> str:
    """JSON safe to place inside a <script> element: no '</script>', no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def site_pages(site: Site) -> list[Page]:
    return list(_Pages(site).all())


# -- non-HTML outputs -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    id: str
    link: str
    updated: str
    authors: tuple[str, ...]
    summary: str
    content_html: str


@dataclass(frozen=True, slots=True)
class FeedView:
    path: str
    title: str
    id: str
    self_link: str
    alternate: str
    updated: str
    entries: tuple[FeedEntry, ...]


def _feed_updated(articles: Sequence[Article]) -> str:
    dates = [a.date for a in articles if a.date]
    day = max(dates).isoformat() if dates else "1970-01-01"
    return f"{day}T00:00:00Z"


def _feed(site: Site, path: str, title: str, alternate: str, articles: Sequence[Article]) -> FeedView:
    cfg = site.config
    base = cfg.base_url

    def link(target: str) -> str:
        return urls.absolute(target, base) if base else urls.relative(target, path)

    def ident(target: str) -> str:
        return urls.absolute(target, base) if base else f"tag:sitegen,2025:{target}"

    entries = tuple(
        FeedEntry(
            title=a.title,
            id=ident(urls.article(a.slug)),
            link=link(urls.article(a.slug)),
            updated=_feed_updated([a]),
            authors=a.authors or ((a.publisher,) if a.publisher else ("Unknown",)),
            summary=_clip(site.bodies[a.slug].summary, 400),
            content_html=site.bodies[a.slug].html,
        )
        for a in articles[: cfg.feed_size]
    )
    return FeedView(path, title, ident(path), link(path), link(alternate), _feed_updated(articles), entries)


def site_feeds(site: Site) -> list[FeedView]:
    feeds = [_feed(site, urls.FEED, site.config.title, urls.home(), site.articles)]
    for tag in site.tags:
        feeds.append(_feed(site, urls.tag_feed(tag.slug), f"{site.config.title}: {tag.name}", urls.tag(tag.slug), tag.articles))
    return feeds


def search_entries(site: Site) -> list[dict[str, object]]:
    """Compact search records; urls relative to the site root."""
    limit = site.config.search_snippet_chars
    return [
        {
            "t": a.title,
            "u": urls.article(a.slug),
            "a": " · ".join(a.authors),
            "p": a.publisher or "",
            "g": " ".join(a.tags),
            "x": _clip(site.bodies[a.slug].text, limit),
        }
        for a in site.articles
    ]


