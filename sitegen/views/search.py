"""The search index of a site: each article as a search document, and the index's files.

`search_outputs(site, memo, made)` lists the files of the full-text index (see
`sitegen.search.index`): one script per article, each named by its number and
what its article is made from (so an unchanged one is kept, not made again), and
the manifest with the term shards, made together. `search_files(site, memo)` is
every file at once, by output path.

The index is updated rather than made again: each article's term weights and the
index itself (postings and shards) are kept in the build cache file (the memo's
`store`) and, for watch/serve, in the memo, so a build that changes one article
weighs that article alone and writes again only the shards of the terms it
gained, lost or reweighed — with the same bytes a clean build writes. Must not
render templates or touch files.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sitegen import urls
from sitegen.cache import CacheFile
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.search import SearchDoc, impacts
from sitegen.search import index as search_index
from sitegen.search.index import IndexState, Weights, doc_script, index_state, state_files
from sitegen.site import Site
from sitegen.views.memo import ViewMemo
from sitegen.views.outputs import RawFiles, RawOutput

FLAG = "flag"  # the tag of the notes the split step leaves for the editor
TABLE = "search"  # rows of the build cache: STATE and its parts, and WEIGHTS + made for each article's weights
STATE = "state"  # the index's documents, and the names of the rows holding its postings and shards
PART = "part:"  # + the state's token and the part's number: some of its terms' postings, or some shards
PART_BYTES = 1 << 20  # encoded postings (or shard files) a part holds: no row, and no pickle of one, holds the whole index
WEIGHTS = "w:"
FLUSH = 512  # weights made are written to the cache file this many at a time


def search_doc(article: Article, body: RenderedBody) -> SearchDoc:
    """The search document of one article (oldest first, so a new article is numbered last)."""
    people = (*article.authors, *((article.publisher,) if article.publisher else ()))
    notes = tuple(a.note for a in article.annotations if a.note and FLAG not in a.tags)
    return SearchDoc(article.slug, _order(article), article.title, urls.article(article.slug), people, article.tags,
                     body.text, notes)


def search_made(digest: str, body_key: str) -> str:
    """What an article's search document is made from, in one digest: the article's file (its digest)
    and its body (its key). Its URL, names and tags are the file's; no other page's value is in it."""
    return hashlib.blake2b(f"{digest}\0{body_key}".encode(), digest_size=16).hexdigest()


def weights_row(made: str, article: Article, body: RenderedBody) -> tuple[str, bytes]:
    """The build cache file's row for the weights of the document `made` (`search_made`), made
    wherever the body is at hand (the workers that render bodies as they read the article files)."""
    return WEIGHTS + made, pickle.dumps(impacts(search_doc(article, body)), pickle.HIGHEST_PROTOCOL)


def keep_weights(store: CacheFile, rows: list[tuple[str, bytes]]) -> None:
    """Rows of `weights_row` into the cache file: the index asks it for them before weighing a document."""
    store.put_many(TABLE, rows)


def _order(article: Article) -> tuple:
    return (article.date.isoformat() if article.date else "",)


@dataclass(frozen=True, slots=True)
class SearchOutput:
    """A file of the index (or, `group`, the manifest and every term shard): its path, what it is
    made from, and its maker."""

    path: str
    sources: tuple
    make: Callable[[], RawOutput | RawFiles]
    group: bool = False


def search_outputs(site: Site, memo: ViewMemo | None = None,
                   made: Callable[[Article], str] | None = None) -> list[SearchOutput]:
    """The index's files: the manifest and shards (one group), then each article's script.
    `made(article)`: a digest of everything its search document is made from (its file, its body);
    without it, one is computed from the article and its body."""
    index = _Index(site, memo, made)
    outputs = [SearchOutput(urls.SEARCH_INDEX, ("search-index", index.made), lambda: RawFiles(index.files()),
                            group=True)]
    for number, (article, stamp) in enumerate(zip(index.numbered, index.made)):
        path = urls.search_file(f"docs/{number}.js")
        outputs.append(SearchOutput(path, ("search-doc", number, stamp), lambda path=path, number=number:
                                    RawOutput(path, index.doc(number).decode("utf-8"))))
    return outputs


def search_files(site: Site, memo: ViewMemo | None = None) -> dict[str, bytes]:
    """Every file of the search index, by output path (under `urls.SEARCH_FOLDER`)."""
    index = _Index(site, memo, None)
    files = index.files()
    for number in range(len(index.numbered)):
        files[urls.search_file(f"docs/{number}.js")] = index.doc(number)
    return files


class _Index:
    """The index of one render: documents numbered oldest first, weights and state from the memo or
    the build cache file, the files made when asked for."""

    def __init__(self, site: Site, memo: ViewMemo | None, made: Callable[[Article], str] | None) -> None:
        self.site = site
        self.memo = memo if memo is not None else ViewMemo()
        self.store: CacheFile | None = self.memo.store
        self.numbered: Sequence[Article] = sorted(site.articles, key=lambda a: (_order(a), a.slug))
        self.made = tuple(made(a) if made else self._made(a) for a in self.numbered)

    def _made(self, article: Article) -> str:
        bodies = self.site.bodies
        key = bodies.key(article.slug) if hasattr(bodies, "key") else bodies[article.slug].text
        return hashlib.blake2b(repr((article, key)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def doc(self, number: int) -> bytes:
        """The script of document `number`."""
        article = self.numbered[number]
        body = self.site.bodies[article.slug]
        return self.memo.get(("search-doc", number), (article, body),
                             lambda: doc_script(number, search_doc(article, body)))

    def files(self) -> dict[str, bytes]:
        """The manifest and the term shards (path → bytes), the state kept for the next build.

        Each document's weights go to the build cache file as they are made, a few hundred at a
        time; only watch/serve (a lasting memo) also keep them all in memory for the next build."""
        lasting = self.memo.lasting
        known = self.memo.previous(("search-weights",))
        known = known if isinstance(known, dict) else {}
        previous = self.memo.previous(("search-state",))
        if not isinstance(previous, IndexState):
            previous = _load_state(self.store)
        # made again: every document's weights are asked for, the cache file is asked which it has at once
        stored = self.store.keys(TABLE) if self.store is not None and previous is None else None
        pending: list[tuple[str, bytes]] = []  # weights made, not yet in the cache file
        used: dict[str, Weights] = {}  # every document's weights, for the next build of watch/serve

        def kept(made: str) -> Weights | None:
            found = used.get(made)
            if found is None:
                found = known.get(made)
            if found is None and (stored is None or WEIGHTS + made in stored):
                found = _load(self.store, WEIGHTS + made, dict)
            return found

        def weights(number: int) -> Weights:
            made = self.made[number]
            found = kept(made)
            if found is None:
                article = self.numbered[number]
                found = impacts(search_doc(article, self.site.bodies[article.slug]))
                if self.store is not None:
                    pending.append((WEIGHTS + made, pickle.dumps(found, pickle.HIGHEST_PROTOCOL)))
                    if len(pending) >= FLUSH:
                        self.store.put_many(TABLE, pending)
                        pending.clear()
            if lasting:  # a build asks once for each document's weights: only the next build needs them
                used[made] = found
            return found

        state = index_state([a.slug for a in self.numbered], self.made, weights, previous=previous,
                            old_weights=kept, shard_bytes=search_index.SHARD_BYTES)
        self._keep(state, previous, pending, used, known)
        return {urls.search_file(name): data for name, data in state_files(state, self.site.config.search_snippet_chars).items()}

    def _keep(self, state: IndexState, previous: IndexState | None, pending: list[tuple[str, bytes]],
              used: dict[str, Weights], known: dict[str, Weights]) -> None:
        """Hand the state and the weights to the next render and to the build cache file, which forgets
        the weights of documents gone (all it does not need when there was no state to start from)."""
        if self.memo.lasting:
            self.memo.keep(("search-state",), state)
            self.memo.keep(("search-weights",), {**{m: known[m] for m in self.made if m in known}, **used})
        if self.store is None:
            return
        self.store.put_many(TABLE, pending)
        pending.clear()
        parts = _save_state(self.store, state)
        if previous is None:
            self.store.keep_only(TABLE, {STATE, *parts, *(WEIGHTS + m for m in state.made)})
        else:
            stale = {k for k in self.store.keys(TABLE) if k.startswith(PART)} - set(parts)  # the previous state's
            self.store.forget(TABLE, [*(WEIGHTS + m for m in set(previous.made) - set(state.made)), *stale])


def _save_state(store: CacheFile, state: IndexState) -> list[str]:
    """Store `state` as a few rows, each pickled alone (so the whole index is never one pickle in memory),
    the parts first and the row naming them last; the names of the parts."""
    token = hashlib.blake2b(repr((state.keys, state.made, len(state.codes))).encode("utf-8", "surrogatepass"),
                            digest_size=8).hexdigest()
    names: list[str] = []
    for kind, items in (("c", state.codes), ("s", state.shards)):
        for number, part in enumerate(_parts(items)):
            name = f"{PART}{token}:{kind}{number}"
            store.put_many(TABLE, [(name, pickle.dumps(part, pickle.HIGHEST_PROTOCOL))])
            names.append(name)
    header = (state.keys, state.made, [n for n in names if n.rsplit(":", 1)[1][0] == "c"],
              [n for n in names if n.rsplit(":", 1)[1][0] == "s"])
    store.put_many(TABLE, [(STATE, pickle.dumps(header, pickle.HIGHEST_PROTOCOL))])
    return names


def _parts(items: dict[str, tuple]) -> Iterator[dict[str, tuple]]:
    """`items` (term → (count, encoding), or shard key → (terms, file)) cut into parts of about
    PART_BYTES of encodings or files: the postings of common words are most of the index."""
    part: dict[str, tuple] = {}
    size = 0
    for key, value in items.items():
        part[key] = value
        size += len(key) + len(value[1])
        if size >= PART_BYTES:
            yield part
            part, size = {}, 0
    if part:
        yield part


def _load_state(store: CacheFile | None) -> IndexState | None:
    """The state `_save_state` stored, or None when a row of it is missing or does not decode."""
    header = _load(store, STATE, tuple)
    if not isinstance(header, tuple) or len(header) != 4:
        return None
    keys, made, code_parts, shard_parts = header
    codes: dict = {}
    shards: dict = {}
    for names, into in ((code_parts, codes), (shard_parts, shards)):
        for name in names:
            part = _load(store, name, dict)
            if part is None:
                return None
            into.update(part)
    return IndexState(keys, made, codes, shards)


def _load(store: CacheFile | None, key: str, kind: type) -> object:
    """A value of the build cache file, or None when it is missing or does not decode as `kind`."""
    data = store.get(TABLE, key) if store is not None else None
    if data is None:
        return None
    try:
        value = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a value that does not decode is a miss
        return None
    return value if isinstance(value, kind) else None
