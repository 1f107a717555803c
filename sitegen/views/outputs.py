"""Views of the files that are not HTML pages: Atom feeds, sitemap.xml, robots.txt.

`output_plan(site, paths)` lists them as `PlannedOutput`s (what each is made
from, and a maker for its view, so an unchanged feed is never made);
`site_outputs(site, pages)` makes them all. The search index is `views.search`.

Decisions: feed links are absolute when base_url is set, else relative to the
feed (ids are then `tag:` URIs, stable but not resolvable). The site feed
carries each article's full HTML; tag feeds carry summaries only, so an archive
with many tags does not repeat every body in dozens of feeds. sitemap.xml is
written only when base_url is set: the sitemap protocol requires absolute URLs,
and a sitemap of guesses is worse than none; robots.txt then points to it.
Must not render templates or touch files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sitegen import urls
from sitegen.model import Article, ArticleKind
from sitegen.site import Site
from sitegen.slugs import slugify
from sitegen.views.pages import Page, listing_url
from sitegen.views.text import clip, xml_text


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    id: str
    link: str
    published: str | None  # RFC 3339, when the article is dated
    updated: str
    authors: tuple[str, ...]  # never empty (Atom requires an author)
    categories: tuple[str, ...]
    summary: str
    content_html: str | None  # escaped by the template (type="html")


@dataclass(frozen=True, slots=True)
class FeedView:
    title: str
    subtitle: str
    id: str
    updated: str
    author: str  # the site: feed-level author
    self_link: str
    alternate: str
    lang: str
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    loc: str  # absolute URL
    lastmod: str | None  # YYYY-MM-DD: the newest date of what the page shows


@dataclass(frozen=True, slots=True)
class SitemapView:
    entries: tuple[SitemapEntry, ...]


@dataclass(frozen=True, slots=True)
class RobotsView:
    sitemap: str | None  # absolute URL of sitemap.xml


@dataclass(frozen=True, slots=True)
class Output:
    """A non-HTML file drawn by a template."""

    path: str
    template: str
    view: object


@dataclass(frozen=True, slots=True)
class RawOutput:
    """A file written as it is, with no template."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class RawFiles:
    """Files made together and written as they are (the search index): output path → bytes."""

    files: dict[str, bytes]


@dataclass(frozen=True, slots=True)
class PlannedOutput:
    """An output before its view is made: the articles it shows and any other values it is made from."""

    path: str
    template: str
    sources: tuple
    articles: tuple[Article, ...]
    make: Callable[[], Output]


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest_day(articles: Iterable[Article]) -> dt.date | None:
    """The newest `Article.day` (own date, else the day added) of `articles`; None if none has one."""
    return max((a.day for a in articles if a.day), default=None)


def _feed(site: Site, path: str, title: str, alternate: str, articles: Sequence[Article], full: bool,
          undated: dt.date) -> FeedView:
    cfg = site.config
    base = cfg.base_url
    site_slug = slugify(cfg.title)

    def link(target: str) -> str:
        return urls.absolute(target, base) if base else urls.relative(target, path)

    def ident(target: str) -> str:
        return urls.absolute(target, base) if base else f"tag:sitegen.invalid,2025:{site_slug}/{target}"

    shown = articles[: cfg.feed_size]
    entries = []
    for article in shown:
        fallback = (article.publisher,) if article.publisher else (cfg.title,)
        label = "[Truncated teaser] " if article.kind is ArticleKind.FRAGMENT else ""
        entries.append(FeedEntry(
            title=xml_text(label + article.title),
            id=ident(urls.article(article.slug)),
            link=link(urls.article(article.slug)),
            published=_stamp(article.date) if article.date else None,
            updated=_stamp(article.day or undated),
            authors=tuple(xml_text(a) for a in (article.authors or fallback)),
            categories=tuple(xml_text(t) for t in article.tags),
            summary=xml_text(clip(site.summary(article.slug), 400)),  # the body is read only when shown
            content_html=xml_text(site.bodies[article.slug].html) if full else None,
        ))
    updated = max((e.updated for e in entries), default=_stamp(undated))
    return FeedView(
        title=xml_text(title), subtitle=xml_text(cfg.description), id=ident(path), updated=updated,
        author=xml_text(cfg.title), self_link=link(path), alternate=link(alternate), lang=cfg.language,
        entries=tuple(entries),
    )


def _undated(site: Site) -> dt.date:
    # Every article loaded from a file has a day (its date, else when it was added); one made in
    # memory without either takes the newest of the site's, and a site with none the build's day.
    return newest_day(site.articles) or dt.datetime.now(dt.timezone.utc).date()


def _feed_plans(site: Site) -> list[PlannedOutput]:
    """The site's feed and one per tag, newest first, `feed_size` entries each."""
    cfg = site.config
    size = cfg.feed_size
    undated = _undated(site)
    plans = [PlannedOutput(urls.FEED, "feed.xml", ("site", undated), site.articles[:size], lambda: Output(
        urls.FEED, "feed.xml", _feed(site, urls.FEED, cfg.title, urls.home(), site.articles, True, undated)))]
    for tag in site.tags:
        path = urls.tag_feed(tag.slug)

        def make(tag=tag, path=path) -> Output:
            view = _feed(site, path, f"{cfg.title}: {tag.name}", urls.tag(tag.slug), tag.articles, False,
                         undated)
            return Output(path, "feed.xml", view)

        plans.append(PlannedOutput(path, "feed.xml", ("tag", tag.name, tag.slug, undated), tag.articles[:size], make))
    return plans


def site_feeds(site: Site) -> tuple[Output, ...]:
    """The site's feed and one per tag, newest first, `feed_size` entries each."""
    return tuple(plan.make() for plan in _feed_plans(site))


def output_plan(site: Site, page_paths: Sequence[str]) -> list[PlannedOutput]:
    """Feeds, then sitemap.xml (only with base_url) and robots.txt, given the paths of every page."""
    base = site.config.base_url
    plans = _feed_plans(site)
    if base:
        hidden = {urls.NOT_FOUND, urls.SEARCH}
        days = page_days(site)
        newest = newest_day(site.articles)
        entries = tuple(
            SitemapEntry(urls.absolute(p, base), _iso(days.get(p) or newest)) for p in page_paths if p not in hidden
        )
        view = SitemapView(entries)
        plans.append(PlannedOutput(urls.SITEMAP, "sitemap.xml", entries, (),
                                   lambda: Output(urls.SITEMAP, "sitemap.xml", view)))
    sitemap = urls.absolute(urls.SITEMAP, base) if base else None
    robots = Output(urls.ROBOTS, "robots.txt", RobotsView(sitemap))
    plans.append(PlannedOutput(urls.ROBOTS, "robots.txt", (sitemap,), (), lambda: robots))
    return plans


def site_outputs(site: Site, pages: Sequence[Page]) -> tuple[Output, ...]:
    """Feeds, then sitemap.xml (only with base_url) and robots.txt."""
    return tuple(plan.make() for plan in output_plan(site, [p.path for p in pages]))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def page_days(site: Site) -> dict[str, dt.date | None]:
    """Page path → the newest day of what it shows: an article's own day, a list page's newest
    article. Pages not named here (tag indexes, annotations) show the whole site."""
    days: dict[str, dt.date | None] = {urls.article(a.slug): a.day for a in site.articles}
    for listing in site.listings:
        path = listing_url(listing.kind, listing.taxon.slug if listing.taxon else None, listing.number)
        days[path] = newest_day(listing.articles)
    return days
