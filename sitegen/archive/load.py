"""Loading the archive: every `content/articles/*.md` read into `Article` values.

Owns finding article files, slugs from file names, and the front matter cache:
a file whose (mtime, size, inode) is unchanged is not read again, neither in a
long-running session (watch/serve, in memory) nor in a new process (the build
cache file). Many files to read are parsed in several processes, which can do more with each
article while they hold it (`Alongside`: the build renders its body there). Each article
comes with a digest of its file (with its name), which later stages use to tell
an unchanged article without comparing it. A file without `added:` is taken to
have been added on the day it was last modified, until the split records the day
it entered the archive. Must not split dumps or render anything.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
from multiprocessing import get_context
from pathlib import Path

from sitegen.archive.entered import modified
from sitegen.cache import CacheFile
from sitegen.errors import Problem, error
from sitegen.frontmatter import read_article
from sitegen.model import Annotation, Article, Licence, Source
from sitegen.slugs import slugify

ARTICLE_SUFFIX = ".md"


@dataclass(frozen=True, slots=True)
class Archive:
    """The articles of the archive, in file-name order, and what was wrong with the rest."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    digests: Mapping[str, str] = field(default_factory=dict)  # slug → digest of its file and name

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


PARALLEL_FROM = 400  # below this many files to parse, one process is faster
CHUNK = 500  # files parsed, then stored and decoded, at a time
_Stamp = tuple[int, int, int]
_Entry = tuple[_Stamp, str, Article | None, tuple[Problem, ...]]  # stamp, digest, article, problems


@dataclass(frozen=True, slots=True)
class Alongside:
    """More work on the articles freshly read, done where they were read (a worker process, a chunk at
    a time), while the file's text is at hand. `start()` runs in this process before the workers fork;
    `work` gets (digest, article) pairs and what `start` returned, and returns a value `take` receives
    in this process. Used only when the files are read by several processes."""

    start: Callable[[], object]
    work: Callable[[list[tuple[str, Article]], object], object]
    take: Callable[[object], None]
    size: int = 200  # files in a worker's chunk: its reply holds what `work` made of them


@dataclass(slots=True)
class LoadCache:
    """Per-file results keyed by (mtime_ns, size, inode); reused while the file is unchanged.

    `entries` lives as long as the process; `store` (the build cache file) across processes.
    """

    entries: dict[str, _Entry] = field(default_factory=dict)
    store: CacheFile | None = None

    def save_all(self) -> None:
        """Write every entry known in memory to the cache file (after it had to be started afresh)."""
        if self.store is not None:
            self.store.put_many("articles", [(shown, _encode(entry)) for shown, entry in self.entries.items()])


def shown_path(path: Path, root: Path | None) -> str:
    """`path` as messages show it: relative to the archive's root when inside it."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def article_files(articles_dir: Path) -> list[Path]:
    """The article files, sorted; hidden and temporary files are not articles."""
    return [Path(e.path) for e in _article_entries(articles_dir)]


def _article_entries(articles_dir: Path) -> list[os.DirEntry]:
    try:
        entries = list(os.scandir(articles_dir))
    except FileNotFoundError:
        return []
    chosen = [e for e in entries if e.name.endswith(ARTICLE_SUFFIX) and not e.name.startswith((".", "~")) and e.is_file()]
    chosen.sort(key=lambda e: e.name)  # one folder: sorting names sorts paths
    return chosen


def _read_one(path: Path, shown: str) -> tuple[str, Article | None, tuple[Problem, ...]]:
    """(digest of the file's name and bytes, the article or None, problems)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return "", None, (error(f"cannot read: {exc.strerror}", shown),)
    digest = hashlib.blake2b(raw, digest_size=16, person=b"sitegen-article")
    digest.update(shown.encode("utf-8", "surrogateescape"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return "", None, (error(f"not valid UTF-8 at byte {exc.start}", shown, line),)
    if not text.strip():
        return "", None, (error("empty article file", shown, 1),)
    article, problems = read_article(text, shown, slugify(path.stem))
    if article is not None and article.added is None:  # not split yet: the split records the real day
        article = replace(article, added=modified(path))
        digest.update(f"added {article.added}".encode())  # from the file's mtime: part of what it is
    return digest.hexdigest(), article, tuple(problems)


def read_file(path: Path, shown: str) -> tuple[str, Article | None, tuple[Problem, ...]]:
    """One article file as `load_archive` reads it (`shown`: its name in messages): its digest, the
    article or None, the problems. For serve, which draws a saved article's page before the rest."""
    return _read_one(path, shown)


def _by_constructor(cls: type, make: Callable[..., object] | None = None) -> Callable[[object], tuple]:
    names = [f.name for f in fields(cls)]
    return lambda value: (make or cls, tuple([getattr(value, name) for name in names]))


_SHARED: dict[object, object] = {}  # while an archive is loaded: one copy of each value articles repeat
_REPEATED = [i for i, f in enumerate(fields(Article))
             if f.name in ("authors", "byline", "translators", "publisher", "date", "added", "tags", "licence", "source")]


def _shared(value: object) -> object:
    if type(value) is tuple:
        value = tuple([_SHARED.setdefault(item, item) for item in value])
    return _SHARED.setdefault(value, value)


def _article(*values: object) -> Article:
    """An article as decoded: its names, tags, days, licence and sources are the objects the articles
    decoded before it hold for equal values (a name or tag on thousands of articles is one string, not
    thousands: at 100,000 articles that is tens of MB less in this process and in every drawing worker)."""
    found = list(values)
    for i in _REPEATED:
        found[i] = _shared(found[i])
    return Article(*found)  # type: ignore[arg-type]


# Articles are pickled as calls of their constructors: decoding 10,000 of them is then a third
# faster than through the dataclasses' generic __setstate__.
_DISPATCH = {**copyreg.dispatch_table, **{cls: _by_constructor(cls) for cls in (Annotation, Licence, Source)},
             Article: _by_constructor(Article, _article)}


def _encode(entry: _Entry) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(entry)
    return out.getvalue()


def _read_chunk(jobs: list[tuple[str, str, _Stamp]]) -> list[tuple[str, bytes]]:
    """Worker: read and parse files, returning each entry already encoded for the cache file."""
    return [(shown, _encode((stamp, *_read_one(Path(path), shown)))) for path, shown, stamp in jobs]


_ALONGSIDE: tuple[Alongside, object] | None = None  # what forked readers inherit: the work, what start() gave


def _read_chunk_alongside(jobs: list[tuple[str, str, _Stamp]]) -> tuple[list[tuple[str, bytes]], object]:
    """Worker: `_read_chunk`, and the `Alongside` work on the articles read."""
    assert _ALONGSIDE is not None
    alongside, started = _ALONGSIDE
    encoded, read = [], []
    for path, shown, stamp in jobs:
        digest, article, problems = _read_one(Path(path), shown)
        encoded.append((shown, _encode((stamp, digest, article, problems))))
        if article is not None:
            read.append((digest, article))
    return encoded, alongside.work(read, started)


def _read_all(jobs: list[tuple[str, str, _Stamp]], workers: int | None,
              alongside: Alongside | None = None) -> Iterator[list[tuple[str, bytes]]]:
    """The encoded entries of `jobs`, a chunk at a time (the caller stores and decodes each before the
    next: the whole archive is never held twice, as objects and as bytes)."""
    global _ALONGSIDE
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 2 or len(jobs) < PARALLEL_FROM:
        for i in range(0, len(jobs), CHUNK):
            yield _read_chunk(jobs[i : i + CHUNK])
        return
    if alongside is None:
        size = max(32, min(CHUNK, len(jobs) // (count * 6)))
        chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
            yield from pool.map(_read_chunk, chunks)
        return
    size = max(16, min(alongside.size, len(jobs) // (count * 8)))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    _ALONGSIDE = (alongside, alongside.start())
    try:  # the workers fork now, while this process holds no articles yet
        with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
            for encoded, made in pool.map(_read_chunk_alongside, chunks):
                alongside.take(made)
                yield encoded
    finally:
        _ALONGSIDE = None


def _stored(cache: LoadCache) -> dict[str, _Entry]:
    """The entries of the build cache file (decoded), for files not already known in memory."""
    if cache.store is None or cache.entries:
        return {}
    found: dict[str, _Entry] = {}
    collecting = gc.isenabled()
    gc.disable()  # decoding makes no cycles: collections while 10,000 articles appear would find nothing
    try:
        for shown, data in cache.store.items("articles"):
            try:
                entry = pickle.loads(data)
            except Exception:  # noqa: BLE001 - a value that does not decode is a miss
                continue
            found[shown] = entry
    finally:
        if collecting:
            gc.enable()
    return found


def load_archive(
    articles_dir: Path, *, root: Path | None = None, cache: LoadCache | None = None, workers: int | None = None,
    alongside: Alongside | None = None, progress: Callable[[int, int], None] | None = None,
) -> Archive:
    """Read every article file; collect all problems rather than stopping at the first. `alongside`:
    more work on the articles read, done by the processes that read them (when several do);
    `progress(done, total)` is told how many of the files to read are read."""
    folder = shown_path(articles_dir, root)  # every file is in this one folder
    folder = "" if folder == "." else folder.rstrip("/") + "/"
    cache = cache if cache is not None else LoadCache()
    try:
        return _load(articles_dir, folder, cache, workers, alongside, progress)
    finally:
        _SHARED.clear()  # what the articles share stays shared; values of files gone are not kept


def _load(articles_dir: Path, folder: str, cache: LoadCache, workers: int | None,
          alongside: Alongside | None, progress: Callable[[int, int], None] | None) -> Archive:
    stored = _stored(cache)
    entries: dict[str, _Entry] = {}
    todo: list[tuple[str, str, _Stamp]] = []
    order: list[str] = []
    for entry in _article_entries(articles_dir):
        shown = folder + entry.name
        try:
            st = entry.stat()  # follows a symlink, as reading the file does
        except OSError:
            continue
        order.append(shown)
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        hit = cache.entries.get(shown) or stored.get(shown)
        if hit is not None and hit[0] == stamp:
            entries[shown] = hit
        else:
            todo.append((entry.path, shown, stamp))
    done = 0
    for fresh in _read_all(todo, workers, alongside):
        if cache.store is not None:
            cache.store.put_many("articles", fresh)
        for shown, data in fresh:
            entries[shown] = pickle.loads(data)
        done += len(fresh)
        if progress is not None:
            progress(done, len(todo))
    if cache.store is not None and stored.keys() - entries.keys():
        cache.store.keep_only("articles", set(entries))
    cache.entries = entries

    articles: list[Article] = []
    problems: list[Problem] = []
    digests: dict[str, str] = {}
    seen: dict[str, str] = {}
    for shown in order:
        _, digest, article, found = entries[shown]
        problems.extend(found)
        if article is None:
            continue
        if article.slug in seen:
            problems.append(
                error(f"same page name {article.slug!r} as {seen[article.slug]}: rename one file", shown, 1)
            )
            continue
        seen[article.slug] = shown
        articles.append(article)
        digests[article.slug] = digest
    return Archive(tuple(articles), tuple(problems), digests)


def find_errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
