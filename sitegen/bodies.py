"""Article bodies rendered to HTML: once per content hash, in parallel, cached on disk.

Owns the per-article cache key (body, annotations, renderer version), the
decision to use several processes, and `Bodies`: the slug → RenderedBody map the
later stages read, which holds just-rendered bodies as the bytes the workers sent
and reads the others from the build cache file only when a page asks for them
(an unchanged page that is not drawn again never loads its body). Must not
decide what pages exist.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from sitegen.cache import CacheFile
from sitegen.markdown import RENDERER_VERSION
from sitegen.markdown.render import RenderedBody, render_body
from sitegen.model import Annotation, Article

PARALLEL_FROM = 1500  # from this many bodies to render, new worker interpreters (each takes ~0.5 s to start)
SHARED_FROM = 300  # from this many (and below PARALLEL_FROM), one forked worker renders half of them
CHUNK = 400  # bodies a worker renders and sends back at a time: its reply (~20 KB a body) stays small
_Job = tuple[str, str, tuple[Annotation, ...]]


def body_key(article: Article) -> str:
    """Content hash of everything that decides a body's HTML."""
    h = hashlib.sha256()
    h.update(RENDERER_VERSION.encode())
    h.update(b"\0")
    h.update(article.body.encode("utf-8", "surrogatepass"))
    for ann in article.annotations:
        h.update(b"\0")
        h.update(repr((ann.quote, ann.note, ann.prefix, ann.suffix, ann.tags)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _render_job(job: _Job) -> tuple[str, bytes, str]:
    """(key, the pickled body, its summary): the summary travels apart, for the cards of list pages."""
    key, body, annotations = job
    rendered = render_body(body, annotations)
    return key, pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL), rendered.summary


def _render_chunk(jobs: list[_Job]) -> list[tuple[str, bytes, str]]:
    return [_render_job(job) for job in jobs]


Read = tuple[list[tuple[str, str]], list[tuple[str, bytes, str]], list]  # keys by digest; bodies; `also`'s
Also = Callable[[str, Article, str, RenderedBody], object]  # (digest, article, body key, body) → a value


def render_read(articles: list[tuple[str, Article]], known: set[str],
                wanted: Callable[[Article], bool] = lambda article: True, also: Also | None = None) -> Read:
    """Where article files are read (`archive.load.Alongside`): the body key of each (digest, article),
    and the body of each `wanted` one whose key is not `known`, rendered — so the text is not sent
    to another process to be rendered there — and what `also` makes of each body rendered (the build:
    its search weights). `BodyCache.put_read` takes the result."""
    keys: list[tuple[str, str]] = []
    rendered: list[tuple[str, bytes, str]] = []
    made: list = []
    done: set[str] = set()  # an equal body later in the chunk is not rendered twice
    for digest, article in articles:
        key = body_key(article)
        keys.append((digest, key))
        if key in known or key in done or not wanted(article):
            continue
        done.add(key)
        body = render_body(article.body, article.annotations)
        rendered.append((key, pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL), body.summary))
        if also is not None:
            made.append(also(digest, article, key, body))
    return keys, rendered, made


class BodyCache:
    """key → RenderedBody in memory (decoded on first use), backed by the build cache file.

    With `remember` false (a one-off `sitegen build`), bodies that are in the cache file are not
    also held in memory: each is read when a page asks for it, which keeps the build small.
    """

    def __init__(self, store: CacheFile | None = None, *, remember: bool = True) -> None:
        self.store = store
        self.remember = remember
        self.memory: dict[str, RenderedBody | bytes] = {}
        # key → (block, start, end) of RenderedBody.summary in `blocks`, for cards without reading the body.
        # Many summaries share one string: thousands of small strings, made while the rendered bodies
        # arrive, would pin the memory those bodies leave behind once they are in the cache file.
        self.summaries: dict[str, tuple[int, int, int]] = {}
        self.blocks: list[str] = []
        self.by_digest: dict[str, str] = {}  # digest of an article file → its body key

    def known(self) -> set[str]:
        """The keys held in memory or in the cache file."""
        return set(self.memory) | (self.store.keys("bodies") if self.store is not None else set())

    def get(self, key: str) -> RenderedBody | None:
        hit = self.memory.get(key)
        if hit is None and self.store is not None:
            hit = self.store.get("bodies", key)
        if hit is None or isinstance(hit, RenderedBody):
            return hit
        try:
            body = pickle.loads(hit)
        except Exception:  # noqa: BLE001 - a value that does not decode is a miss
            return None
        if not isinstance(body, RenderedBody):
            return None
        if self.remember or self.store is None or key in self.memory:
            self.memory[key] = body
        return body

    def summary(self, key: str) -> str | None:
        """The summary of body `key` when known without reading the body."""
        found = self.summaries.get(key)
        if found is None:
            return None
        block, start, end = found
        return self.blocks[block][start:end]

    def put_rendered(self, items: list[tuple[str, bytes, str]]) -> None:
        """Bodies just rendered: (key, pickled body, summary)."""
        self._add_summaries([(key, summary) for key, _, summary in items])
        self.put_encoded([(key, data) for key, data, _ in items])

    def _add_summaries(self, pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            return
        if len(self.blocks) >= 32:  # a long watch/serve session: one block again
            pairs = [(key, text) for key in self.summaries if (text := self.summary(key)) is not None] + pairs
            self.summaries, self.blocks = {}, []
        block, start = len(self.blocks), 0
        for key, text in pairs:
            self.summaries[key] = (block, start, start + len(text))
            start += len(text)
        self.blocks.append("".join(text for _, text in pairs))

    def put_read(self, read: Read) -> None:
        """What `render_read` made of some articles: their body keys (by the digest of their file)
        and the bodies it rendered."""
        keys, rendered, _ = read
        self.keys_by_digest()
        self.by_digest.update(keys)
        if self.store is not None:
            self.store.put_many("bodykeys", [(digest, key.encode()) for digest, key in keys])
        self.put_rendered(rendered)

    def keys_by_digest(self) -> dict[str, str]:
        """digest of an article file → its body key, read from the cache file once."""
        if not self.by_digest and self.store is not None:
            self.by_digest = {d: k.decode() for d, k in self.store.items("bodykeys")}
        return self.by_digest

    def put_encoded(self, items: list[tuple[str, bytes]]) -> None:
        if self.store is not None:
            generation = self.store.generation
            self.store.put_many("bodies", items)
            if not self.remember and self.store.generation == generation and self.store.db is not None:
                return  # safely in the file
        self.memory.update(items)

    def save_all(self) -> None:
        """Write every body and key known in memory to the cache file (after it had to be started afresh)."""
        if self.store is None:
            return
        self.store.put_many("bodies", [
            (key, value if isinstance(value, bytes) else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            for key, value in self.memory.items()])
        self.store.put_many("bodykeys", [(digest, key.encode()) for digest, key in self.by_digest.items()])

    def keep_only(self, keys: set[str], known: set[str]) -> None:
        """Forget entries no article uses any more."""
        for stale in set(self.memory) - keys:
            del self.memory[stale]
        for stale in set(self.summaries) - keys:
            del self.summaries[stale]
        if self.store is not None and known - keys:
            self.store.keep_only("bodies", keys)


class Bodies(Mapping[str, RenderedBody]):
    """slug → RenderedBody of every article, each read (or decoded) when first asked for."""

    def __init__(self, keys: Mapping[str, str], cache: BodyCache,
                 articles: Sequence[Article] | Mapping[str, Article]) -> None:
        self.keys_of = dict(keys)
        self.cache = cache
        # where a body lost from the cache file is rendered again from (slug → article)
        self.articles = articles if isinstance(articles, Mapping) else {a.slug: a for a in articles}

    def key(self, slug: str) -> str:
        """The content hash the body of `slug` was rendered from."""
        return self.keys_of[slug]

    def __getitem__(self, slug: str) -> RenderedBody:
        key = self.keys_of[slug]
        body = self.cache.get(key)
        if body is None:  # found damaged in the cache file after all: rendered again
            self.cache.put_rendered([_render_job((key, self.articles[slug].body, self.articles[slug].annotations))])
            body = self.cache.get(key)
            assert body is not None
        return body

    def summary(self, slug: str) -> str:
        """`self[slug].summary`, without reading the body when it was rendered by this process."""
        found = self.cache.summary(self.keys_of[slug])
        return found if found is not None else self[slug].summary

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_of)

    def __len__(self) -> int:
        return len(self.keys_of)


def _keys(articles: Sequence[Article], cache: BodyCache, digests: Mapping[str, str] | None) -> dict[str, str]:
    """slug → body key. With the digests of the article files, a key is hashed once per file version
    (and remembered in the cache file), not on every build."""
    if digests is None:
        return {a.slug: body_key(a) for a in articles}
    cache.keys_by_digest()
    keys, new = {}, []
    for article in articles:
        digest = digests.get(article.slug)
        if digest is None:  # not the article its file holds (an excerpt): hashed as it is
            keys[article.slug] = body_key(article)
            continue
        key = cache.by_digest.get(digest)
        if key is None:
            key = cache.by_digest[digest] = body_key(article)
            new.append((digest, key.encode()))
        keys[article.slug] = key
    if cache.store is not None and (new or len(cache.by_digest) > len(articles)):
        live = {digests[a.slug] for a in articles if a.slug in digests}
        cache.by_digest = {d: k for d, k in cache.by_digest.items() if d in live}
        cache.store.put_many("bodykeys", new)
        cache.store.keep_only("bodykeys", live)
    return keys


def _render_halves(jobs: list[_Job], cache: BodyCache, progress: Callable[[int, int], None] | None) -> None:
    """A few hundred bodies: a forked worker renders the second half while this process renders the
    first. A worker starting as a new interpreter would take about as long as the rendering; the
    forked copy of a small archive is small."""
    half = len(jobs) // 2
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        theirs = pool.submit(_render_chunk, jobs[half:])
        cache.put_rendered(_render_chunk(jobs[:half]))
        if progress is not None:
            progress(half, len(jobs))
        cache.put_rendered(theirs.result())
    if progress is not None:
        progress(len(jobs), len(jobs))


def render_bodies(
    articles: Sequence[Article], cache: BodyCache, *, digests: Mapping[str, str] | None = None,
    workers: int | None = None, progress: Callable[[int, int], None] | None = None,
) -> Bodies:
    """slug → RenderedBody for every article, rendering only what the cache lacks. `digests`
    (slug → digest of the article's file, from `archive.load`) spares hashing unchanged bodies;
    `progress(done, total)` is told how many of the bodies to render are done."""
    keys = _keys(articles, cache, digests)
    todo: dict[str, _Job] = {}
    known = cache.known()
    for article in articles:
        key = keys[article.slug]
        if key not in todo and key not in known:
            todo[key] = (key, article.body, article.annotations)
    if todo:
        jobs = list(todo.values())
        count = workers if workers is not None else (os.cpu_count() or 1)
        if count > 1 and len(jobs) >= PARALLEL_FROM:
            size = max(16, min(CHUNK, len(jobs) // (count * 8)))
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            # Workers start as new interpreters: a forked copy of this process would hold the whole
            # archive again (the process tree's memory counts it once per worker).
            done = 0
            with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn")) as pool:
                for rendered in pool.map(_render_chunk, chunks):  # into the cache file as they come:
                    cache.put_rendered(rendered)  # the rendered site is never in memory at once
                    done += len(rendered)
                    if progress is not None:
                        progress(done, len(jobs))
        elif count > 1 and len(jobs) >= SHARED_FROM:
            _render_halves(jobs, cache, progress)
        else:
            cache.put_rendered([_render_job(job) for job in jobs])
            if progress is not None:
                progress(len(jobs), len(jobs))
    cache.keep_only(set(keys.values()), known)
    return Bodies(keys, cache, articles)
