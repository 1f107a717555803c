"""The build, stage by stage: split new dumps, load, apply the licence policy, render bodies, make the site, render, write.

`Builder.build()` is the whole pipeline in one visible function. A Builder kept
alive (watch/serve) remembers what it did, so the next build reads only changed
files, renders only changed bodies and pages, and writes only changed bytes.
Must not print or watch: callers report the `BuildResult`.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.archive.load import Alongside, Archive, LoadCache, load_archive, read_file
from sitegen.bodies import Bodies, BodyCache, Read, render_bodies, render_read
from sitegen.cache import CacheFile, cache_file, program_stamp
from sitegen.config import Config, Treatment
from sitegen.errors import ContentError, OutputError, Problem, error, warning
from sitegen.errors import excerpt as _short
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.output import BuildLock, OutputWriter
from sitegen.policy import Published, apply_policy, treatment
from sitegen.render import draw_site
from sitegen.render.theme import Theme, load_theme, theme_stamp
from sitegen.site import Site, make_site
from sitegen.views.memo import ViewMemo
from sitegen.views.search import keep_weights, search_made, weights_row

if TYPE_CHECKING:  # the split's modules are imported when there are dumps to split
    from sitegen.archive.store import SplitReport

Progress = Callable[[str, int, int], None]  # (stage, done, total): "drawing", 1200, 13601


@dataclass(frozen=True, slots=True)
class BuildResult:
    articles: int
    files: int
    pages: int
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    rendered: int
    reused: int
    seconds: float
    warnings: tuple[Problem, ...] = ()
    split: SplitReport | None = None
    omitted: int = 0  # articles the licence policy left out (public profile)
    excerpts: int = 0  # articles it published as excerpts


def raw_dumps(cfg: Config) -> list[Path]:
    try:
        return sorted(p for p in cfg.raw_path.iterdir() if p.is_file() and not p.name.startswith("."))
    except FileNotFoundError:
        return []


def _stamps(paths: list[Path]) -> tuple:
    """(name, mtime, size) of each path that exists: equal stamps, unchanged files."""
    found = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        found.append((path.name, st.st_mtime_ns, st.st_size))
    return tuple(found)


def _hidden_files(folder: Path) -> list[Path]:
    """The hidden files of `folder` (the content folder's: the split's index and journal among them)."""
    try:
        return sorted(Path(e.path) for e in os.scandir(folder) if e.name.startswith(".") and e.is_file())
    except OSError:
        return []


def _unaltered_digests(archive: Archive, published: tuple[Article, ...]) -> dict[str, str]:
    """The file digests of the published articles that are the archive's own (an excerpt the licence
    policy cut is another article than its file: later stages name it by its value instead)."""
    own = {a.slug: a for a in archive.articles}
    return {a.slug: archive.digests[a.slug] for a in published if own.get(a.slug) is a}


def annotation_warnings(articles: tuple[Article, ...], bodies: Mapping[str, RenderedBody]) -> list[Problem]:
    """Every annotation whose quote could not be placed, could be placed twice, or was re-anchored."""
    found: list[Problem] = []
    for article in articles:
        if not article.annotations:
            continue  # nothing to place: its body need not be read
        body = bodies[article.slug]
        for ann in body.unanchored:
            found.append(warning(f"annotation quote not found in the text: {_short(ann.quote)}", article.path, ann.line))
        for ann in body.ambiguous:
            found.append(
                warning(
                    f"annotation quote occurs more than once, add a prefix or suffix: {_short(ann.quote)}",
                    article.path,
                    ann.line,
                )
            )
        for moved in body.reanchored:
            found.append(
                warning(
                    f"annotation re-anchored: quote {_short(moved.annotation.quote)} now reads {_short(moved.passage)} "
                    f"({moved.similarity:.0%} alike; `sitegen check --fix` updates the quote)",
                    article.path,
                    moved.annotation.line,
                )
            )
    return found


class _Reread(Mapping[str, Article]):
    """slug → the published article with its Markdown text: read from its file again (it is not kept
    in memory once the bodies are rendered), for the rare body lost from the build cache file meanwhile."""

    def __init__(self, articles: tuple[Article, ...], digests: Mapping[str, str], cfg: Config) -> None:
        self.articles = {a.slug: a for a in articles}
        self.digests = digests
        self.root = cfg.root

    def __getitem__(self, slug: str) -> Article:
        article = self.articles[slug]
        if slug not in self.digests:
            return article  # not its file's article (an excerpt): kept whole
        digest, found, _ = read_file(self.root / article.path, article.path)
        if found is None or digest != self.digests[slug]:
            raise ContentError("an article file changed while the site was being built: build again",
                               (error("changed during the build", article.path),))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def _without_text(published: Published, bodies: Bodies, digests: Mapping[str, str],
                  cfg: Config) -> tuple[Published, Bodies]:
    """The published articles without the Markdown text of those that are their file's (their bodies
    are rendered: ~8 KB an article the model and the drawing workers need not hold), and their bodies."""
    articles = tuple(replace(a, body="") if a.slug in digests else a for a in published.articles)
    return replace(published, articles=articles), Bodies(bodies.keys_of, bodies.cache, _Reread(articles, digests, cfg))


try:  # glibc: give the pages freed by the stages before drawing back to the system
    _malloc_trim: Callable[[int], int] | None = ctypes.CDLL(None).malloc_trim
except (OSError, AttributeError):
    _malloc_trim = None


def _compact() -> None:
    """Before drawing, which forks workers that start as copies of this process: what is alive now
    lives to the end (frozen, so no collection in a worker writes to its pages), and what the
    stages before freed is returned to the system rather than counted once more in each worker."""
    gc.freeze()
    if _malloc_trim is not None:
        _malloc_trim(0)


@contextmanager
def _thawed() -> Iterator[None]:
    """What the build froze (`gc.freeze`) may be collected again once it is over (watch/serve go on)."""
    try:
        yield
    finally:
        gc.unfreeze()


def _output_is_safe(cfg: Config) -> None:
    out = cfg.output_path.resolve()
    root = cfg.root.resolve()
    if out == root or root.is_relative_to(out) or cfg.content_path.resolve().is_relative_to(out):
        raise OutputError(f"output_dir {cfg.output_dir!r} would replace the archive itself; choose a folder like 'public'")


class Builder:
    """Builds one archive; keep it to make later builds incremental.

    What a build learns — front matter, rendered bodies, the key of every output
    file — is kept in memory for the next build of this Builder and in the build
    cache file for the next process, so either rebuilds only what changed.
    """

    def __init__(
        self, cfg: Config, *, in_place: bool = False, split: bool = True, progress: Progress | None = None
    ) -> None:
        self.cfg = cfg
        self.in_place = in_place
        self.split = split
        self.progress = progress
        self.store: CacheFile | None = None
        self.load_cache = LoadCache()
        self.body_cache = BodyCache(remember=in_place)  # a one-off build reads bodies back when needed
        self.writer = OutputWriter(cfg.output_path, cfg.cache_path)
        self.memo = ViewMemo(lasting=in_place)  # views and search documents for the next build (watch/serve)
        self.built = False
        self.theme: tuple[tuple, Theme] | None = None
        self.raw_stamp: str | None = None
        self.model: tuple[Site, dict[str, str]] | None = None  # the last drawn site and its articles' digests

    def build(self) -> BuildResult:
        """Run the pipeline; raise ContentError (with every problem) and leave the output as it was."""
        cfg = self.cfg
        started = time.perf_counter()
        _output_is_safe(cfg)
        with BuildLock(cfg.cache_path), _thawed():
            self._open_cache()
            inputs = self._inputs()
            same = self._unchanged(inputs)
            if same is not None:
                return replace(same, seconds=time.perf_counter() - started)
            generation = self.store.generation if self.store else 0
            self._stage("reading articles")
            report = self._split()
            archive = load_archive(cfg.articles_path, root=cfg.root, cache=self.load_cache,
                                   alongside=self._alongside(), progress=self._reading)
            gc.freeze()  # the archive outlives the build's stages: collections need not walk it again
            found = [*cfg.warnings, *(report.problems if report else ()), *archive.problems]
            problems = list(dict.fromkeys(found))  # split reads the article files too: each problem once
            self._stop_on_errors(problems)
            theme = self._theme()
            published = apply_policy(archive.articles, cfg)
            digests = _unaltered_digests(archive, published.articles)
            omitted = published.omitted
            self._stage("rendering bodies")
            bodies = render_bodies(published.articles, self.body_cache, digests=digests, progress=self._rendering)
            problems += annotation_warnings(published.articles, bodies)
            if cfg.strict and problems:
                raise ContentError("warnings are errors with --strict", tuple(problems))
            count = len(archive.articles)
            del archive  # (what watch/serve reuse, the load cache keeps)
            if not self.in_place:  # a one-off build: nothing reads the Markdown text again, let it go
                if self.store is not None and self.store.generation != generation:
                    self.load_cache.save_all()  # the cache file was started afresh: it has them again
                self.load_cache.entries = {}  # (the cache file has them)
                published, bodies = _without_text(published, bodies, digests, cfg)
            self._stage("planning pages")
            site = make_site(published.articles, bodies, cfg, published.excerpts)
            del bodies, published
            _compact()  # what the stages before left behind is not copied into the drawing workers
            sink = self.writer.begin(in_place=self.in_place and self.built)
            try:
                drawn = draw_site(site, theme, sink, digests=digests, memo=self.memo, progress=self._drawing)
            except OSError as exc:  # writing a drawn file failed (full disk, permissions): the site is as it was
                self.writer.abandon(sink)
                raise self.writer.failed(exc) from None
            except BaseException:
                self.writer.abandon(sink)
                raise
            pages = sum(1 for path in sink.entries if path.endswith(".html"))
            written = self.writer.finish()
            self.built = True
            self.model = (site, digests) if self.in_place else None  # what serve draws a page from until the next build
            if self.store is not None and self.store.generation != generation:
                self.load_cache.save_all()  # the cache file was damaged and started afresh during this build
                self.body_cache.save_all()
        result = BuildResult(
            articles=count,
            files=drawn.files,
            pages=pages,
            written=written.written,
            deleted=written.deleted,
            rendered=drawn.rendered,
            reused=drawn.reused,
            seconds=time.perf_counter() - started,
            warnings=tuple(problems),
            split=report,
            omitted=omitted,
            excerpts=len(site.excerpts),
        )
        self._remember(inputs, result)
        return result

    def warm(self) -> None:
        """Make `model` without drawing or writing anything, when the last build found nothing changed
        and so made none (serve draws a saved article's page from it); nothing when the archive has errors."""
        if self.model is not None:
            return
        with BuildLock(self.cfg.cache_path):
            self._open_cache()
            archive = load_archive(self.cfg.articles_path, root=self.cfg.root, cache=self.load_cache)
            if archive.errors:
                return
            self._theme()
            published = apply_policy(archive.articles, self.cfg)
            digests = _unaltered_digests(archive, published.articles)
            bodies = render_bodies(published.articles, self.body_cache, digests=digests, progress=self._rendering)
            self.model = (make_site(published.articles, bodies, self.cfg, published.excerpts), digests)

    def _alongside(self) -> Alongside:
        """The bodies of the articles read by worker processes are rendered by them as they read them:
        the Markdown text is not sent back and forth, and reading and rendering share the workers."""
        cfg = self.cfg

        def whole(article: Article) -> bool:  # published whole: the body rendered is the file's
            return not cfg.public or treatment(article, cfg.licences) is Treatment.FULL

        def weights(digest: str, article: Article, key: str, body: RenderedBody) -> tuple[str, bytes]:
            return weights_row(search_made(digest, key), article, body)  # the search index's, for its document

        also = weights if cfg.search else None
        return Alongside(self.body_cache.known, lambda read, known: render_read(read, known, whole, also),
                         self._rendered_while_reading)

    def _rendered_while_reading(self, read: Read) -> None:
        self.body_cache.put_read(read)
        if read[2] and self.store is not None:
            keep_weights(self.store, read[2])

    def _inputs(self) -> str:
        """A digest of everything a build reads: sitegen, the settings, the theme's files, the stamps
        (name, mtime, size, inode) of the article files, the dumps and the split's index and journal."""
        cfg = self.cfg
        try:
            entries = sorted((e.name, e.stat()) for e in os.scandir(cfg.articles_path) if not e.name.startswith("."))
        except OSError:
            entries = []
        files = [(name, st.st_mtime_ns, st.st_size, st.st_ino) for name, st in entries]
        parts = (program_stamp(), repr(replace(cfg, warnings=())), theme_stamp(cfg), files,
                 _stamps(raw_dumps(cfg)), _stamps(_hidden_files(cfg.content_path)))
        return hashlib.blake2b(repr(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()

    def _unchanged(self, inputs: str) -> BuildResult | None:
        """The result of the last build when nothing it read changed and its output is untouched."""
        if self.store is None:
            return None
        stored = self.store.get("state", "last-build")
        try:
            last_inputs, result = pickle.loads(stored) if stored else (None, None)
        except Exception:  # noqa: BLE001 - a value that does not decode is a miss
            return None
        if last_inputs != inputs or not isinstance(result, BuildResult) or not self.writer.intact():
            return None
        self.built = True
        return replace(result, written=(), deleted=(), rendered=0, reused=result.files, split=None)

    def _remember(self, inputs: str, result: BuildResult) -> None:
        if self.store is not None:
            self.store.put_many("state", [("last-build", pickle.dumps((inputs, replace(result, split=None))))])

    def _open_cache(self) -> None:
        """The build cache file, opened once per Builder (inside the build lock)."""
        if self.store is None:
            legacy = self.cfg.cache_path / "bodies"  # one pickle per body, from earlier versions
            if legacy.is_dir():
                shutil.rmtree(legacy, ignore_errors=True)
            self.store = cache_file(self.cfg.cache_path)
            self.load_cache.store = self.store
            self.body_cache.store = self.store
            self.memo.store = self.store  # the search index's weights and shards

    def _stage(self, stage: str) -> None:
        if self.progress is not None:
            self.progress(stage, 0, 0)

    def _reading(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress("reading articles", done, total)

    def _rendering(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress("rendering bodies", done, total)

    def _drawing(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress("drawing pages", done, total)

    def _split(self) -> SplitReport | None:
        """Split the raw dumps, unless neither they nor the archive changed since the last split."""
        if not self.split:
            return None
        dumps = raw_dumps(self.cfg)
        if not dumps:
            return None  # nothing to split (the split's index is made when the first dump comes)
        stamp = self._split_stamp(dumps)
        known = self.raw_stamp
        if known is None and self.store is not None:
            stored = self.store.get("state", "split")
            known = stored.decode() if stored else None
        if stamp == known and self.cfg.articles_path.is_dir():
            return None
        from sitegen.archive.store import split_files

        report = split_files(dumps, self.cfg.articles_path, root=self.cfg.root)
        if not any(p.severity == "error" for p in report.problems):
            # what the split itself wrote (articles, its index) is part of the stamp it leaves
            self.raw_stamp = self._split_stamp(dumps)
            if self.store is not None:
                self.store.put_many("state", [("split", self.raw_stamp.encode())])
        return report

    def _split_stamp(self, dumps: list[Path]) -> str:
        """The dumps and the split's index as they are now. (The split reconciles its index with the
        article files whenever it runs; an article added or deleted by hand changes nothing it does.)"""
        from sitegen.archive.store import INDEX_NAME

        return repr((_stamps(dumps), _stamps([self.cfg.content_path / INDEX_NAME])))

    def _theme(self) -> Theme:
        """The theme, loaded again only when one of its files changed."""
        stamp = theme_stamp(self.cfg)
        if self.theme is None or self.theme[0] != stamp:
            self.theme = (stamp, load_theme(self.cfg))
        return self.theme[1]

    def _stop_on_errors(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ContentError(f"{len(errors)} error(s) in the archive; the site was not changed", tuple(problems))
