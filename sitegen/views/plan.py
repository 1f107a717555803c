"""The plan of the site: every output file, what it is made from, and how to make its view.

`plan_site(site, digests)` lists every file the templates draw as `Planned(path,
template, sources, make)`. `sources` is a tuple of plain values (digests of
article files, body keys, slugs, counts) naming everything the file's view is
made from, cheap to compute without making the view; the renderer turns it into
the file's key, and a file whose key is the one it was last drawn from is kept
as it is — neither viewed nor drawn. `make()` makes the view when it must be
drawn after all.

The rule that keeps incremental builds byte-identical to clean ones: every value
a view reads must be in its sources. Articles are named by the digest of their
file (which covers every front matter field and the body), bodies by their
content key, taxonomy names by the slugs they got; the configuration, the
templates and sitegen itself are added by the renderer for every file.
Must not make views itself (that is `pages` and `outputs`) or render.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sitegen import urls
from sitegen.model import Article
from sitegen.site import Listing, ListKind, Site
from sitegen.views.memo import ViewMemo
from sitegen.views.webannotations import web_annotations_json
from sitegen.views.outputs import Output, PlannedOutput, RawFiles, RawOutput, output_plan
from sitegen.views.search import search_made, search_outputs
from sitegen.views.pages import Page, PageViews, listing_url


@dataclass(frozen=True, slots=True)
class Planned:
    """One output file: where it goes, its template ("" for none), what it is made from, its maker.
    A `group` makes several files at once (`RawFiles`, `path` being the first of them)."""

    path: str
    template: str
    sources: tuple
    make: Callable[[], Page | Output | RawOutput | RawFiles]
    group: bool = False


def _value_digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class _Sources:
    """Short names for what pages are made from: article digests, body keys, taxonomy slugs."""

    def __init__(self, site: Site, digests: Mapping[str, str] | None) -> None:
        self.site = site
        self.digests = dict(digests or {})
        self.body_key: Callable[[str], str] = getattr(site.bodies, "key", None) or (
            lambda slug: _value_digest(site.bodies[slug]))
        self.known: dict[str, str] = {}

    def article(self, article: Article) -> str:
        found = self.digests.get(article.slug)
        if found is None:  # articles made in memory (tests): name them by their value
            found = self.digests[article.slug] = _value_digest(article)
        return found

    def slugs(self, kind: ListKind, names: Iterable[str | None]) -> tuple[str, ...]:
        slugs = self.site.slugs
        return tuple([slugs[(kind, n)] for n in names if n and n.strip()])

    def shown(self, article: Article) -> str:
        """An article as shown anywhere, in one digest: its file, its body, the slugs its names link to."""
        found = self.known.get(article.slug)
        if found is None:
            found = self.known[article.slug] = _value_digest((
                self.article(article), self.body_key(article.slug), self.slugs(ListKind.AUTHOR, article.authors),
                self.slugs(ListKind.TAG, article.tags), self.slugs(ListKind.PUBLISHER, (article.publisher,)),
            ))
        return found


def plan_site(
    site: Site, digests: Mapping[str, str] | None = None, memo: ViewMemo | None = None,
    assets: Mapping[str, str] | None = None,
) -> list[Planned]:
    """Every templated file of the site and the search index, home pages first. `memo` (started for
    this site) hands out views, cards and search documents of the previous render that are still valid;
    `assets` maps static names to the paths pages link to (the renderer puts them in every key)."""
    collecting = gc.isenabled()
    gc.disable()  # planning makes no cycles: collections while 100,000 files are planned would find nothing
    try:
        return _plan(site, digests, memo, assets)
    finally:
        if collecting:
            gc.enable()


def _plan(site: Site, digests: Mapping[str, str] | None, memo: ViewMemo | None,
          assets: Mapping[str, str] | None) -> list[Planned]:
    views = PageViews(site, memo, assets)
    src = _Sources(site, digests)
    plan: list[Planned] = []
    for listing in site.listings:
        plan.append(_listing(views, src, listing))
    for article in site.articles:
        near = tuple((a.slug, a.title) if a else None for a in site.neighbours(article))
        plan.append(Planned(urls.article(article.slug), "article.html", ("article", src.shown(article), near),
                            lambda article=article: views.article(article)))
    for kind, taxa in ((ListKind.TAG, site.tags), (ListKind.AUTHOR, site.authors),
                       (ListKind.PUBLISHER, site.publishers)):
        sources = ("taxonomy", kind.value, tuple((t.name, t.slug, len(t.articles)) for t in taxa))
        plan.append(Planned(views.taxonomy_path(kind), "taxonomy.html", sources,
                            lambda kind=kind, taxa=taxa: views.taxonomy(kind, taxa)))
    notes = tuple((a.slug, src.article(a), src.body_key(a.slug)) for a in site.articles if a.annotations)
    plan.append(Planned(urls.ANNOTATIONS, "notes.html", ("notes", notes), views.notes))
    if site.config.search:
        plan.append(Planned(urls.SEARCH, "search.html", ("search",), views.search))
    plan.append(Planned(urls.NOT_FOUND, "404.html", ("404",), views.not_found))
    paths = tuple(p.path for p in plan)
    for output in output_plan(site, paths):
        plan.append(Planned(output.path, output.template, _output_sources(src, output), output.make))
    plan.append(Planned(urls.WEB_ANNOTATIONS, "", ("web-annotations", notes),
                        lambda: RawOutput(urls.WEB_ANNOTATIONS, web_annotations_json(site, memo))))
    if site.config.search:  # the manifest and term shards (a group), then each article's search script
        for out in search_outputs(site, memo, lambda a: search_made(src.article(a), src.body_key(a.slug))):
            plan.append(Planned(out.path, "", out.sources, out.make, group=out.group))
    return plan


def _listing(views: PageViews, src: _Sources, listing: Listing) -> Planned:
    taxon = listing.taxon
    slug = taxon.slug if taxon else None
    sources = ("list", listing.kind.value, taxon.name if taxon else None, slug, listing.number, listing.total,
               listing.count, tuple(src.shown(a) for a in listing.articles))
    return Planned(listing_url(listing.kind, slug, listing.number), "list.html", sources,
                   lambda: views.listing(listing))


def _output_sources(src: _Sources, output: PlannedOutput) -> tuple:
    """An output names its articles (`output.articles`) and anything else it shows (`output.sources`)."""
    return (output.template, output.sources, tuple(src.shown(a) for a in output.articles))
