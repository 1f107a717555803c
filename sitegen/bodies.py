"""Article bodies rendered to HTML: once per content hash, in parallel, cached on disk.

Owns the per-article cache key (body, annotations, renderer version) and the
decision to use several processes. A cache file starts with a checksum of its
key and contents: a file truncated, damaged or copied under another key is
discarded and the body rendered again, never trusted. Must not decide what
pages exist.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from sitegen.atomic import write_atomic
from sitegen.markdown import RENDERER_VERSION
from sitegen.markdown.render import RenderedBody, render_body
from sitegen.model import Annotation, Article

PARALLEL_FROM = 200  # below this many bodies to render, one process is faster
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


def _render_job(job: _Job) -> tuple[str, RenderedBody]:
    key, body, annotations = job
    return key, render_body(body, annotations)


def _render_chunk(jobs: list[_Job]) -> list[tuple[str, RenderedBody]]:
    return [_render_job(job) for job in jobs]


_CHECK = 16  # bytes of checksum at the start of a cache file


def _checksum(key: str, payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_CHECK, key=key.encode("ascii")[:64]).digest()


class BodyCache:
    """In-memory map key → RenderedBody, backed by one pickle file per key on disk."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, RenderedBody] = {}

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> RenderedBody | None:
        hit = self.memory.get(key)
        if hit is not None or self.folder is None:
            return hit
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        check, payload = data[:_CHECK], data[_CHECK:]
        if check != _checksum(key, payload):
            return None  # damaged, cut short or another key's file: render again
        try:
            hit = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - written by another version of sitegen: render again
            return None
        if not isinstance(hit, RenderedBody):
            return None
        self.memory[key] = hit
        return hit

    def put(self, key: str, rendered: RenderedBody) -> None:
        self.memory[key] = rendered
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(path, _checksum(key, payload) + payload, fsync=False)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries no article uses any more (memory only; disk is pruned by `prune`)."""
        for stale in set(self.memory) - keys:
            del self.memory[stale]


def render_bodies(
    articles: Sequence[Article], cache: BodyCache, *, workers: int | None = None
) -> dict[str, RenderedBody]:
    """slug → RenderedBody for every article, rendering only what the cache lacks."""
    keys = {a.slug: body_key(a) for a in articles}
    out: dict[str, RenderedBody] = {}
    todo: dict[str, _Job] = {}
    for article in articles:
        key = keys[article.slug]
        hit = cache.get(key)
        if hit is not None:
            out[article.slug] = hit
        elif key not in todo:
            todo[key] = (key, article.body, article.annotations)
    if todo:
        jobs = list(todo.values())
        count = workers if workers is not None else (os.cpu_count() or 1)
        if count > 1 and len(jobs) >= PARALLEL_FROM:
            size = max(16, len(jobs) // (count * 8))
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
                results = [pair for chunk in pool.map(_render_chunk, chunks) for pair in chunk]
        else:
            results = [_render_job(job) for job in jobs]
        for key, rendered in results:
            cache.put(key, rendered)
    for article in articles:
        if article.slug not in out:
            out[article.slug] = cache.memory[keys[article.slug]]
    cache.keep_only(set(keys.values()))
    return out


def bodies_changed(before: Mapping[str, RenderedBody], after: Mapping[str, RenderedBody]) -> set[str]:
    return {slug for slug, body in after.items() if before.get(slug) is not body}
