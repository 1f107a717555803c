"""Page views: the plain, frozen, hashable data each template receives, every link already made.

`site_pages(site)` lists every HTML page of the site as `Page(path, template,
meta, view)`: `meta` is what the base layout needs, `view` what the page's own
template shows. Hrefs are relative to the page they are on (through
`sitegen.urls`), so templates never join URLs; only 404.html, which a host
serves at any depth, gets links that work from anywhere. Templates never see
`Article` or `Config`. Must not render templates or touch files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from sitegen import urls
from sitegen.model import Annotation, Article, ArticleKind, LicenceKind
from sitegen.site import Listing, ListKind, Site, Taxon
from sitegen.slugs import slugify, unique_slug
from sitegen.views.memo import ViewMemo
from sitegen.views.text import clip, date_label, licence_url, names, script_json

LICENCE_LABELS = {
    LicenceKind.CC: "Creative Commons",
    LicenceKind.PERMISSION: "Republished with permission",
    LicenceKind.ALL_RIGHTS_RESERVED: "All rights reserved",
    LicenceKind.UNKNOWN: "Licence unknown",
}
KIND_LABELS = {ListKind.HOME: "", ListKind.TAG: "Tag", ListKind.AUTHOR: "Author", ListKind.PUBLISHER: "Publisher"}
UNTAGGED = "untagged"


# -- the views ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class NavLink:
    text: str
    href: str
    current: bool  # this page is in this section: aria-current


@dataclass(frozen=True, slots=True)
class Meta:
    """What the base layout needs on every page: head, header, search box, footer."""

    title: str  # this page's title (the <title> adds the site title)
    site_title: str
    description: str
    lang: str
    root: str  # prefix from this page to the site root ('', '../', ...), for site.js
    home: str
    nav: tuple[NavLink, ...]
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]  # loaded with <script src defer>
    search_page: str | None  # the search form's action; None when search is off
    site_feed: str
    page_feed: str | None = None  # a tag's own feed
    canonical: str | None = None  # absolute; only with base_url (so are all og_* below)
    og_type: str = "website"
    published: str | None = None  # article:published_time
    json_ld: str | None = None  # already escaped for a <script> element


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Card:
    """An article in a list (weakly referenced: `render` keeps its drawn markup while the card lives)."""

    title: str
    href: str
    authors: tuple[Link, ...]
    publisher: Link | None
    date: str | None  # ISO, for <time datetime>
    date_label: str | None
    summary: str
    tags: tuple[Link, ...]
    is_fragment: bool
    notes: int
    is_excerpt: bool = False  # the public profile shows only the opening of this text
    added: str | None = None  # ISO: the day it entered the archive, shown when there is no date
    added_label: str | None = None


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    href: str
    current: bool


@dataclass(frozen=True, slots=True)
class Pagination:
    current: int
    total: int
    prev: str | None  # newer articles
    next: str | None  # older articles
    pages: tuple[PageLink, ...]  # empty when there is one page


@dataclass(frozen=True, slots=True)
class ListView:
    kind: str  # "home", "tag", "author", "publisher"
    kind_label: str  # "", "Tag", "Author", "Publisher"
    heading: str
    intro: str | None
    count: int
    cards: tuple[Card, ...]
    pagination: Pagination
    feed: str | None = None


@dataclass(frozen=True, slots=True)
class TaxonItem:
    text: str
    href: str
    count: int


@dataclass(frozen=True, slots=True)
class TaxonomyView:
    heading: str
    noun: str  # "tag", "author", "publisher"
    items: tuple[TaxonItem, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """What Creative Commons asks of a republisher: title, author, source, licence."""

    title: str
    authors: str
    translators: str | None
    publisher: str | None  # where this copy was read
    origin: str | None  # the original publisher named in the statement
    statement: str | None
    licence: str  # label of the kind
    kind: str  # cc | permission | all-rights-reserved | unknown
    licence_url: str | None


@dataclass(frozen=True, slots=True)
class ExcerptView:
    """An article the public profile shows only the opening of (its licence does not allow more)."""

    words: int
    original: str | None  # where the whole text is, when known (absolute URL)


@dataclass(frozen=True, slots=True)
class UnplacedNote:
    number: int
    label: str  # "3", or "!3" for a flag (as in the body)
    quote: str
    note_html: str
    is_flag: bool
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    title: str
    authors: tuple[Link, ...]
    byline: str | None
    translators: tuple[str, ...]
    publisher: Link | None
    date: str | None
    date_label: str | None
    reading_time_minutes: int
    tags: tuple[Link, ...]
    body_html: str
    is_fragment: bool
    notes: int
    unanchored: tuple[UnplacedNote, ...]
    attribution: Attribution
    provenance: tuple[str, ...]  # "dump.txt, lines 1–61"
    file: str  # the article's file, as in messages
    newer: Link | None
    older: Link | None
    excerpt: ExcerptView | None = None
    added: str | None = None  # ISO: the day it entered the archive, shown when there is no date
    added_label: str | None = None


@dataclass(frozen=True, slots=True)
class NoteItem:
    quote: str
    note_html: str
    href: str  # the highlight (#hl-N), or the note in the article's unplaced notes (#note-N)
    placed: bool
    is_flag: bool
    label: str
    article: Link


@dataclass(frozen=True, slots=True)
class NoteGroup:
    tag: str
    id: str  # fragment id on the page
    items: tuple[NoteItem, ...]


@dataclass(frozen=True, slots=True)
class NotesView:
    groups: tuple[NoteGroup, ...]
    count: int  # notes in the archive (a note with several tags is in several groups)
    flags: int


@dataclass(frozen=True, slots=True)
class MessageView:
    """A page that is mostly a message: search, 404."""

    heading: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page: where it goes, which template draws it, and everything it shows."""

    path: str
    template: str
    meta: Meta
    view: object  # one of the *View classes above


def note_label(number: int, ann: Annotation) -> str:
    """The label of note `number` as the body shows it: "3", or "!3" for a flag."""
    return f"!{number}" if ann.is_flag else str(number)


# -- pages ----------------------------------------------------------------------------------

_NAV = (("Articles", "articles", urls.home()), ("Tags", "tags", urls.TAGS), ("Authors", "authors", urls.AUTHORS),
        ("Publishers", "publishers", urls.PUBLISHERS), ("Annotations", "annotations", urls.ANNOTATIONS))
SECTIONS = {ListKind.HOME: "articles", ListKind.TAG: "tags", ListKind.AUTHOR: "authors",
            ListKind.PUBLISHER: "publishers"}
_INDEX_OF = {ListKind.TAG: urls.TAGS, ListKind.AUTHOR: urls.AUTHORS, ListKind.PUBLISHER: urls.PUBLISHERS}
_LIST_URL: dict[ListKind, Callable[..., str]] = {ListKind.TAG: urls.tag, ListKind.AUTHOR: urls.author,
                                                 ListKind.PUBLISHER: urls.publisher}


def listing_url(kind: ListKind, slug: str | None, number: int = 1) -> str:
    return urls.home(number) if kind is ListKind.HOME else _LIST_URL[kind](slug, number)


HOME_PAGE = urls.home()


def from_root(path: str) -> Callable[[str], str]:
    """Links from page `path` that go up to the site root and down to their target
    (`../../tags/ai/index.html` from `tags/ml/index.html`): the same on every page as deep."""
    up = urls.root_of(path)
    return lambda target: up + urls.relative(target, HOME_PAGE)  # the target quoted, as from the root


def page_window(current: int, total: int, around: int = 2) -> list[int]:
    """The page numbers a pager shows: the first, the last, and a few around the current one
    (listing every page would make each of N pages hold N links)."""
    return sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})


class PageViews:
    """Builds every page's view for one site. `href(target)` is always relative to `path`."""

    def __init__(self, site: Site, memo: ViewMemo | None = None, assets: Mapping[str, str] | None = None) -> None:
        self.site = site
        self.cfg = site.config
        self.memo = memo if memo is not None else ViewMemo()
        self.assets = assets or {}

    def asset(self, name: str) -> str:
        """The output path of static file `name` (fingerprinted in the public profile)."""
        return self.assets.get(name) or urls.static(name)

    def meta(self, path: str, title: str, section: str | None = None, *,
             link: Callable[[str], str] | None = None, description: str = "", **extra: object) -> Meta:
        """The layout's data for page `path`; `link(target)` makes its hrefs (default: relative)."""
        cfg = self.cfg
        href = link or (lambda target: urls.relative(target, path))
        return Meta(
            title=title,
            site_title=cfg.title,
            description=description or cfg.description,
            lang=cfg.language,
            root=href("") if link else urls.root_of(path),
            home=href(urls.home()),
            nav=tuple(NavLink(text, href(target), key == section) for text, key, target in _NAV),
            stylesheets=(href(self.asset("style.css")), href(self.asset("pygments.css"))),
            scripts=(href(self.asset("site.js")),),
            search_page=href(urls.SEARCH) if cfg.search else None,
            site_feed=href(urls.FEED),
            canonical=urls.absolute(path, cfg.base_url) if cfg.base_url and not link else None,
            **extra,  # type: ignore[arg-type]
        )

    def taxon_links(self, kind: ListKind, names: Iterable[str | None], link: Callable[[str], str]) -> tuple[Link, ...]:
        """Links to the pages of these tags, authors or publishers, each made by `link(target)`."""
        return tuple(Link(n, link(listing_url(kind, self.site.slug(kind, n))))
                     for n in dict.fromkeys(names) if n and n.strip())

    def publisher_link(self, article: Article, link: Callable[[str], str]) -> Link | None:
        links = self.taxon_links(ListKind.PUBLISHER, (article.publisher,), link)
        return links[0] if links else None

    def card(self, article: Article, path: str) -> Card:
        """The article's card on list page `path`. Its links go by the site root (`from_root`), so an
        article's card is one value on every list page as deep (each tag, author and publisher page that
        lists it): made once, and drawn once (`render` reuses what a theme's card macro drew for it)."""
        depth = path.count("/")
        sources = (article, self.site.body_source(article.slug))
        return self.memo.get(("card", article.slug, depth), sources, lambda: self._card(article, from_root(path)),
                             again=depth > 0)  # the home pages list an article once

    def _card(self, article: Article, link: Callable[[str], str]) -> Card:
        """The card with its hrefs made by `link(target)`."""
        return Card(
            title=article.title,
            href=link(urls.article(article.slug)),
            authors=self.taxon_links(ListKind.AUTHOR, article.authors, link),
            publisher=self.publisher_link(article, link),
            date=article.date.isoformat() if article.date else None,
            date_label=date_label(article.date, self.cfg.language),
            summary=clip(self.site.summary(article.slug), 280),
            tags=self.taxon_links(ListKind.TAG, article.tags, link),
            is_fragment=article.kind is ArticleKind.FRAGMENT,
            notes=len(article.annotations),
            is_excerpt=article.slug in self.site.excerpts,
            **self.added(article),
        )

    def listing(self, listing: Listing) -> Page:
        taxon, body = listing.taxon, self.site.body_source
        sources = (taxon.name if taxon else None, listing.total, listing.count, listing.articles,
                   tuple(body(a.slug) for a in listing.articles))
        key = ("list", listing.kind, taxon.slug if taxon else None, listing.number)
        return self.memo.get(key, sources, lambda: self._listing(listing))

    def added(self, article: Article) -> dict[str, str | None]:
        """The day an undated article entered the archive (what lists sort it by), for its card and page."""
        shown = article.added if article.date is None else None
        return {"added": shown.isoformat() if shown else None, "added_label": date_label(shown, self.cfg.language)}

    def licence(self, article: Article) -> tuple[str, str | None]:
        """The licence's label and URL for attribution: as the statement names it, else as
        sitegen.toml maps the article's origin (for Creative Commons texts)."""
        lic = article.licence
        known = self.cfg.origin(lic.origin or article.publisher) if lic.kind is LicenceKind.CC else None
        label = known.licence if known else LICENCE_LABELS[lic.kind]
        return label, licence_url(lic.statement) or (known.url if known else None)

    def _listing(self, listing: Listing) -> Page:
        kind, taxon, number = listing.kind, listing.taxon, listing.number
        slug = taxon.slug if taxon else None
        path = listing_url(kind, slug, number)
        rel = lambda target: urls.relative(target, path)  # noqa: E731
        pagination = Pagination(
            current=number,
            total=listing.total,
            prev=rel(listing_url(kind, slug, number - 1)) if number > 1 else None,
            next=rel(listing_url(kind, slug, number + 1)) if number < listing.total else None,
            pages=tuple(PageLink(n, rel(listing_url(kind, slug, n)), n == number)
                        for n in page_window(number, listing.total)) if listing.total > 1 else (),
        )
        feed = urls.FEED if kind is ListKind.HOME else urls.tag_feed(slug) if kind is ListKind.TAG else None
        heading = taxon.name if taxon else self.cfg.title
        title = heading if number == 1 else f"{heading} (page {number})"
        if kind is not ListKind.HOME:
            title = f"{KIND_LABELS[kind]}: {title}"
        view = ListView(
            kind=kind.value,
            kind_label=KIND_LABELS[kind],
            heading=heading,
            intro=self.cfg.description if kind is ListKind.HOME else None,
            count=listing.count,
            cards=tuple(self.card(a, path) for a in listing.articles),
            pagination=pagination,
            feed=rel(feed) if feed else None,
        )
        page_feed = rel(feed) if kind is ListKind.TAG and feed else None
        return Page(path, "list.html", self.meta(path, title, SECTIONS[kind], page_feed=page_feed), view)

    def article(self, article: Article) -> Page:
        near = tuple((a.slug, a.title) if a else None for a in self.site.neighbours(article))
        sources = (article, self.site.body_source(article.slug), near, self.site.excerpts.get(article.slug))
        return self.memo.get(("article", article.slug), sources, lambda: self._article(article))

    def _article(self, article: Article) -> Page:
        site, cfg = self.site, self.cfg
        path = urls.article(article.slug)
        rel = lambda target: urls.relative(target, path)  # noqa: E731
        body = site.bodies[article.slug]
        newer, older = site.neighbours(article)
        lic = article.licence
        licence_label, licence_link = self.licence(article)
        excerpt = site.excerpts.get(article.slug)
        view = ArticleView(
            title=article.title,
            authors=self.taxon_links(ListKind.AUTHOR, article.authors, rel),
            byline=article.byline,
            translators=article.translators,
            publisher=self.publisher_link(article, rel),
            date=article.date.isoformat() if article.date else None,
            date_label=date_label(article.date, cfg.language),
            reading_time_minutes=max(1, round(body.word_count / cfg.words_per_minute)),
            tags=self.taxon_links(ListKind.TAG, article.tags, rel),
            body_html=body.html,
            is_fragment=article.kind is ArticleKind.FRAGMENT,
            notes=len(article.annotations),
            unanchored=tuple(
                UnplacedNote(n.number, note_label(n.number, n.annotation), n.annotation.quote, n.note_html,
                             n.annotation.is_flag, n.annotation.tags)
                for n in body.unanchored_notes
            ),
            attribution=Attribution(
                title=article.title,
                authors=names(article.authors) or "Unknown",
                translators=names(article.translators) or None,
                publisher=article.publisher,
                origin=lic.origin,
                statement=lic.statement,
                licence=licence_label,
                kind=lic.kind.value,
                licence_url=licence_link,
            ),
            provenance=tuple(f"{s.file}, lines {s.lines[0]}–{s.lines[1]}" for s in article.source),
            file=article.path,
            newer=Link(newer.title, rel(urls.article(newer.slug))) if newer else None,
            older=Link(older.title, rel(urls.article(older.slug))) if older else None,
            excerpt=ExcerptView(excerpt.words, excerpt.original) if excerpt else None,
            **self.added(article),
        )
        meta = self.meta(
            path, article.title, "articles", description=clip(body.summary, 200),
            og_type="article", published=view.date if cfg.base_url else None,
            json_ld=script_json(self.json_ld(article, path)),
        )
        return Page(path, "article.html", meta, view)

    def json_ld(self, article: Article, path: str) -> dict[str, object]:
        """schema.org Article data for search engines and citation tools."""
        lic = article.licence
        label, link = self.licence(article)
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "author": [{"@type": "Person", "name": a} for a in article.authors],
            "license": link or lic.statement or label,
            "inLanguage": self.cfg.language,
        }
        if article.translators:
            data["translator"] = [{"@type": "Person", "name": t} for t in article.translators]
        if article.publisher:
            data["publisher"] = {"@type": "Organization", "name": article.publisher}
        if article.date:
            data["datePublished"] = article.date.isoformat()
        if lic.origin:
            origin = {"@type": "Organization", "name": lic.origin}
            data["sourceOrganization"] = origin
            data["isBasedOn"] = {"@type": "CreativeWork", "name": article.title, "publisher": origin}
        if self.cfg.base_url:
            data["url"] = data["mainEntityOfPage"] = urls.absolute(path, self.cfg.base_url)
        return data

    @staticmethod
    def taxonomy_path(kind: ListKind) -> str:
        return _INDEX_OF[kind]

    def taxonomy(self, kind: ListKind, taxa: tuple[Taxon, ...]) -> Page:
        path = _INDEX_OF[kind]
        heading = KIND_LABELS[kind] + "s"
        items = tuple(TaxonItem(t.name, urls.relative(listing_url(kind, t.slug), path), len(t.articles))
                      for t in taxa)
        view = TaxonomyView(heading, KIND_LABELS[kind].lower(), items)
        return Page(path, "taxonomy.html", self.meta(path, heading, SECTIONS[kind]), view)

    def notes(self) -> Page:
        """Every note of the archive grouped by tag (untagged last), newest article first."""
        path = urls.ANNOTATIONS
        groups: dict[str, list[NoteItem]] = {}
        count = flags = 0
        for article in self.site.articles:
            if not article.annotations:
                continue  # nothing to list: its body need not be read
            body = self.site.bodies[article.slug]
            page = urls.article(article.slug)
            link = Link(article.title, urls.relative(page, path))
            rendered = {n.number: (n.note_html, True) for n in body.anchored}
            rendered.update({n.number: (n.note_html, False) for n in body.unanchored_notes})
            for number, ann in enumerate(article.annotations, start=1):
                note_html, placed = rendered.get(number, ("", False))
                target = f"{page}#hl-{number}" if placed else f"{page}#note-{number}"
                item = NoteItem(ann.quote, note_html, urls.relative(target, path), placed, ann.is_flag,
                                note_label(number, ann), link)
                count += 1
                flags += ann.is_flag
                for tag in dict.fromkeys(t for t in ann.tags if t.strip()) or (UNTAGGED,):
                    groups.setdefault(tag, []).append(item)
        taken: set[str] = set()
        ordered = []
        for tag in sorted(groups, key=lambda t: (t == UNTAGGED, t.casefold(), t)):
            anchor = unique_slug("notes-" + slugify(tag), taken)
            taken.add(anchor)
            ordered.append(NoteGroup(tag, anchor, tuple(groups[tag])))
        view = NotesView(tuple(ordered), count, flags)
        return Page(path, "notes.html", self.meta(path, "Annotations", "annotations"), view)

    def search(self) -> Page:
        path = urls.SEARCH
        links = tuple(Link(text, urls.relative(target, path)) for text, target in
                      (("Tags", urls.TAGS), ("Authors", urls.AUTHORS), ("Publishers", urls.PUBLISHERS)))
        return Page(path, "search.html", self.meta(path, "Search"), MessageView("Search", links))

    def not_found(self) -> Page:
        """404.html: a host serves it at the missing URL's own path, at any depth, so relative
        links would break. Its links are absolute when base_url is set, else rooted at '/'."""
        path = urls.NOT_FOUND
        href = lambda target: urls.from_anywhere(target, self.cfg.base_url)  # noqa: E731
        meta = self.meta(path, "Page not found", link=href)
        links = (Link("All articles", href(urls.home())), Link("Tags", href(urls.TAGS)))
        return Page(path, "404.html", meta, MessageView("Page not found", links))

    def all(self) -> Iterator[Page]:
        site = self.site
        for listing in site.listings:
            yield self.listing(listing)
        for article in site.articles:
            yield self.article(article)
        yield self.taxonomy(ListKind.TAG, site.tags)
        yield self.taxonomy(ListKind.AUTHOR, site.authors)
        yield self.taxonomy(ListKind.PUBLISHER, site.publishers)
        yield self.notes()
        if self.cfg.search:
            yield self.search()
        yield self.not_found()


def site_pages(site: Site, memo: ViewMemo | None = None, assets: Mapping[str, str] | None = None) -> tuple[Page, ...]:
    """Every HTML page of the site, home pages first. Pass the `memo` of the previous call
    (watch/serve), started for this site, and the views of unchanged articles and lists are
    not made again. `assets` maps static names (`style.css`) to the paths pages link to."""
    return tuple(PageViews(site, memo, assets).all())

