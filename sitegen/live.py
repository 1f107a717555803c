"""The site kept in the serve process: a saved article's own page drawn at once, the rest later.

`LiveSite.redraw(paths)` takes the article files just saved and, when every one
of them can be drawn from the site model of the last build, re-reads each file,
renders its body, draws its page and writes it into the output folder — in
milliseconds, so the editor's tab shows it at once. The rest of what the save
changes (lists, tag, author and feed pages, the neighbours' links, the search
index) is left to the next full incremental build, which the watcher runs once
the archive has been quiet for a moment; that build finds the page already
written with the bytes it draws, so the tab is not updated twice, and its
output is that of a clean build.

A saved article is drawn here only when its page would be exactly the one the
full build draws: the file was an article of the last build (same name) and
still reads without errors, its tags, authors and publisher are the same names
(their pages and slugs exist as they are), it sorts between the same neighbours,
and the licence policy publishes it whole, as before. Anything else — a new or
deleted file, a renamed tag, a date that moves it, a theme or config change, a
file that does not read — returns None and the caller runs the full build.
Must not decide when to build (that is `watch`) or serve.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from sitegen import urls
from sitegen.archive.load import ARTICLE_SUFFIX, read_file, shown_path
from sitegen.atomic import write_atomic
from sitegen.build import Builder
from sitegen.markdown import RenderedBody, render_body
from sitegen.model import Article
from sitegen.output import BuildLock
from sitegen.errors import OutputError
from sitegen.policy import apply_policy
from sitegen.render.pages import draw, theme_assets
from sitegen.render.theme import Theme
from sitegen.site import Site, newest_first
from sitegen.views import Planned
from sitegen.views.pages import PageViews


class _Bodies(Mapping[str, RenderedBody]):
    """The last build's bodies, with those of the articles saved since drawn anew."""

    def __init__(self, base: Mapping[str, RenderedBody], fresh: dict[str, RenderedBody]) -> None:
        self.base = base
        self.fresh = fresh

    def __getitem__(self, slug: str) -> RenderedBody:
        found = self.fresh.get(slug)
        return found if found is not None else self.base[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base)


def _sorted_around(articles: list[Article], index: int) -> bool:
    """Does the article at `index` still sort after the one before it and before the one after?"""
    key = newest_first(articles[index])
    return (index == 0 or newest_first(articles[index - 1]) < key) and (
        index + 1 == len(articles) or key < newest_first(articles[index + 1]))


class LiveSite:
    """The last build's site model, with the articles saved since then put in place."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.base: object = None  # the builder's model this site was made from
        self.site: Site | None = None
        self.links: tuple[object, dict[str, str]] | None = None  # (theme, static name → output path)

    def _current(self) -> Site | None:
        model = self.builder.model
        if model is None:
            return None
        if model is not self.base:  # a full build since: start again from its site
            self.base, self.site = model, model[0]
        return self.site

    def follow(self) -> None:
        """Take up the builder's model after a full build, so the site it replaces (thousands of
        articles and bodies) is freed now, while the rest of a save is built, not in the next save."""
        self._current()

    def prepare(self) -> None:
        """Load what drawing a page needs (the asset links, the article template compiled) by drawing
        one page and keeping it to itself, so the first save is as quick as the next ones."""
        site = self._current()
        if site is not None and site.articles and self.builder.theme is not None:
            self._draw(site, site.articles[0], self.builder.theme[1])

    def redraw(self, changed: set[Path]) -> tuple[str, ...] | None:
        """Draw and write the pages of the saved article files `changed`; their output paths
        (those whose bytes changed), or None when only the full build can bring the site up to date."""
        pages = self.redraw_pages(changed)
        return None if pages is None else tuple(pages)

    def redraw_pages(self, changed: set[Path]) -> dict[str, bytes] | None:
        """`redraw`, with the bytes of each page written (output path → bytes)."""
        site = self._current()
        cfg = self.builder.cfg
        if site is None or self.builder.theme is None or not changed:
            return None
        folder = cfg.articles_path.resolve()
        shown_folder = shown_path(cfg.articles_path, cfg.root)
        shown_folder = "" if shown_folder == "." else shown_folder.rstrip("/") + "/"
        saved: dict[str, tuple[Article, RenderedBody]] = {}
        for path in changed:
            if path.suffix != ARTICLE_SUFFIX or path.parent.resolve() != folder or not path.is_file():
                return None
            _, article, problems = read_file(path, shown_folder + path.name)
            if article is None or any(p.severity == "error" for p in problems) or (cfg.strict and problems):
                return None
            if not self._in_place(site, article):
                return None
            saved[article.slug] = (article, render_body(article.body, article.annotations))
        if cfg.strict and any(body.unanchored or body.ambiguous or body.reanchored for _, body in saved.values()):
            return None  # a warning stops a --strict build: the full build says which
        articles = list(site.articles)
        for article, _ in saved.values():
            articles[site.positions[article.slug]] = article
        if not all(_sorted_around(articles, site.positions[slug]) for slug in saved):
            return None  # a new date or title moves it among the others: lists and neighbours change
        fresh = dict(getattr(site.bodies, "fresh", {}))
        fresh.update((slug, body) for slug, (_, body) in saved.items())
        base = site.bodies.base if isinstance(site.bodies, _Bodies) else site.bodies
        site = replace(site, articles=tuple(articles), bodies=_Bodies(base, fresh))
        written = self._write(site, [article for article, _ in saved.values()])
        if written is not None:  # the pages on disk now show the saved articles: the next save starts here
            self.site = site
        return written

    def _in_place(self, site: Site, article: Article) -> bool:
        """Is `article` the one of the same file in `site`, on the same taxonomy pages, published whole?"""
        index = site.positions.get(article.slug)
        if index is None:
            return False
        old = site.articles[index]
        if old.path != article.path or (old.tags, old.authors, old.publisher) != (
                article.tags, article.authors, article.publisher):
            return False
        if site.config.public:
            published = apply_policy((article,), site.config)
            if published.articles != (article,) or article.slug in site.excerpts:
                return False  # left out or cut to an excerpt: other pages change with it
        return True

    def _write(self, site: Site, articles: list[Article]) -> dict[str, bytes] | None:
        theme = self.builder.theme[1] if self.builder.theme else None
        if theme is None:
            return None
        out = site.config.output_path
        written: dict[str, bytes] = {}
        try:
            with BuildLock(site.config.cache_path):  # no `sitegen build` writes the folder meanwhile
                if not (out / urls.home()).is_file():
                    return None  # the site is gone from the folder (deleted by hand): all of it is written again
                for article in articles:
                    path, data = self._draw(site, article, theme)
                    target = out / path
                    try:
                        same = target.read_bytes() == data
                    except OSError:
                        return None  # not where the last build left it: the full build finds out why
                    if not same:
                        write_atomic(target, data, fsync=False)
                        written[path] = data
        except OutputError:
            return None  # another build holds the folder: the full build waits for it
        return written

    def _draw(self, site: Site, article: Article, theme: Theme) -> tuple[str, bytes]:
        """The output path and bytes of `article`'s page in `site`."""
        if self.links is None or self.links[0] is not theme:
            assets = theme_assets(theme, site.config.public)
            self.links = (theme, {name: asset.path for name, asset in assets.items()})
        views = PageViews(site, None, self.links[1])
        path = urls.article(article.slug)
        return path, draw(theme, Planned(path, "article.html", (), lambda: views.article(article)))
