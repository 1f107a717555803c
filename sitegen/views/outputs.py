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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sitegen import urls
from sitegen.model import Article, ArticleKind
from sitegen.site import Site
from sitegen.slugs import slugify
from sitegen.views.pages import Page
from sitegen.views.text import clip, xml_text

NO_DATE = "1970-01-01T00:00:00Z"


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
class SitemapView:
    locs: tuple[str, ...]  # absolute URLs


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


def _stamp(article: Article) -> str | None:
    return f"{article.date.isoformat()}T00:00:00Z" if article.date else None


def _feed(site: Site, path: str, title: str, alternate: str, articles: Sequence[Article], full: bool) -> FeedView:
    cfg = site.config
    base = cfg.base_url
    site_slug = slugify(cfg.title)

    def link(target: str) -> str:
        return urls.absolute(target, base) if base else urls.relative(target, path)

    def ident(target: str) -> str:
        return urls.absolute(target, base) if base else f"tag:sitegen.invalid,2025:{site_slug}/{target}"

    entries = []
    for article in articles[: cfg.feed_size]:
        body = site.bodies[article.slug]
        fallback = (article.publisher,) if article.publisher else (cfg.title,)
        label = "[Truncated teaser] " if article.kind is ArticleKind.FRAGMENT else ""
        entries.append(FeedEntry(
            title=xml_text(label + article.title),
            id=ident(urls.article(article.slug)),
            link=link(urls.article(article.slug)),
            published=_stamp(article),
            updated=_stamp(article) or NO_DATE,
            authors=tuple(xml_text(a) for a in (article.authors or fallback)),
            categories=tuple(xml_text(t) for t in article.tags),
            summary=xml_text(clip(body.summary, 400)),
            content_html=xml_text(body.html) if full else None,
        ))
    updated = max((e.updated for e in entries), default=NO_DATE)
    return FeedView(
        title=xml_text(title), subtitle=xml_text(cfg.description), id=ident(path), updated=updated,
        author=xml_text(cfg.title), self_link=link(path), alternate=link(alternate), lang=cfg.language,
        entries=tuple(entries),
    )


def _feed_plans(site: Site) -> list[PlannedOutput]:
    """The site's feed and one per tag, newest first, `feed_size` entries each."""
    cfg = site.config
    size = cfg.feed_size
    plans = [PlannedOutput(urls.FEED, "feed.xml", ("site",), site.articles[:size], lambda: Output(
        urls.FEED, "feed.xml", _feed(site, urls.FEED, cfg.title, urls.home(), site.articles, True)))]
    for tag in site.tags:
        path = urls.tag_feed(tag.slug)

        def make(tag=tag, path=path) -> Output:
            view = _feed(site, path, f"{cfg.title}: {tag.name}", urls.tag(tag.slug), tag.articles, False)
            return Output(path, "feed.xml", view)

        plans.append(PlannedOutput(path, "feed.xml", ("tag", tag.name, tag.slug), tag.articles[:size], make))
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
        locs = tuple(urls.absolute(p, base) for p in page_paths if p not in hidden)
        view = SitemapView(locs)
        plans.append(PlannedOutput(urls.SITEMAP, "sitemap.xml", locs, (),
                                   lambda: Output(urls.SITEMAP, "sitemap.xml", view)))
    sitemap = urls.absolute(urls.SITEMAP, base) if base else None
    robots = Output(urls.ROBOTS, "robots.txt", RobotsView(sitemap))
    plans.append(PlannedOutput(urls.ROBOTS, "robots.txt", (sitemap,), (), lambda: robots))
    return plans


def site_outputs(site: Site, pages: Sequence[Page]) -> tuple[Output, ...]:
    """Feeds, then sitemap.xml (only with base_url) and robots.txt."""
    return tuple(plan.make() for plan in output_plan(site, [p.path for p in pages]))
