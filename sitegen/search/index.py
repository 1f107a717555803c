"""The full-text search index: documents in, small script files out.

`build_index(docs)` reads every word of every document — title, people (authors,
publisher, tags), body and notes — into an inverted index; `index_files(index)`
writes it as scripts a browser can load with `<script>` tags (so search works
from file://, where fetch() is refused):

- `manifest.js` — the number of documents and the list of term shards, each with
  its size and a content hash (appended to its URL, so no stale copy is used);
- `terms/<key>.js` — the postings of every term starting with the shard's key.
  Shards are the leaves of a prefix trie cut so each holds about SHARD_BYTES: a
  word finds its shard as the longest key that starts it, and a prefix (the word
  being typed) the shards under it. One query loads a few shards, never the index;
- `docs/<id>.js` — one document's title, link, people, text and notes, loaded
  for the results shown (ranking needs none of it).

Postings are precomputed BM25 term weights ("impacts", 1–63, from the weighted
term frequency and the document's length against a fixed reference length, so a
document's postings do not depend on the others), stored as delta-coded document
ids in a 64-letter varint alphabet plus one impact letter. Document ids follow
`SearchDoc.order`: with date order, a new article is appended and the other
files keep their bytes. Output is deterministic: the same documents give the same
bytes, and a shard whose terms and postings did not change keeps its bytes.
Must not know about sites, articles or URLs beyond the strings it is given.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from sys import intern
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
SHARD_BYTES = 48_000  # a term shard's target size; a single term's postings may be larger
MAX_TERM = 32  # longer "words" (URLs, hashes) are cut here
K1, B, REFERENCE_LENGTH = 1.2, 0.75, 800  # BM25 parameters; the length documents are measured against
WEIGHTS = {"title": 4, "people": 3, "notes": 2}  # the body counts once
STOPWORDS = frozenset(
    "a an and are as at be but by for from had has have he her his i in is it its of on or our she that the "
    "their them they this to was we were which who will with you".split()
)
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile("[\u0300-\u036f]")


def _varint(value: int) -> str:
    """Five bits per letter, lowest first; the sixth bit says another letter follows."""
    out = []
    while True:
        low, value = value & 31, value >> 5
        out.append(ALPHABET[low | (32 if value else 0)])
        if not value:
            return "".join(out)


_LOW, _MORE = ALPHABET[:32], ALPHABET[32:]  # the low five bits: last letter, or another letter follows
# 0..32767 in one to three letters, in order: the low five bits come first
_VARINT = [*_LOW, *(m + h for h in _LOW[1:] for m in _MORE), *(m + n + h for h in _LOW[1:] for n in _MORE for m in _MORE)]


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable document: its text by field, and what a result shows."""

    key: str  # unique and stable (the article's slug)
    order: tuple  # documents are numbered in this order (oldest first: new ones are appended)
    title: str
    url: str  # relative to the site root
    people: tuple[str, ...]  # authors, then the publisher
    tags: tuple[str, ...]
    text: str  # the body as plain text
    notes: tuple[str, ...]  # the editor's notes


def fold(text: str) -> str:
    """Lower case without accents, as site.js folds a query: "Résumé" → "resume"."""
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return text.lower()


_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def counts(text: str) -> Counter[str]:
    """How often each folded word occurs in `text` (letters, digits and marks; at most MAX_TERM letters).

    ASCII text, the common case, is cut with bytes.translate and split (several times
    faster than a regular expression), decoded once rather than word by word; other text
    with `_WORD` after folding.
    """
    if text.isascii():
        found = Counter(text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
        if not found or max(map(len, found)) <= MAX_TERM:
            return found
        out: Counter[str] = Counter()
        for word, n in found.items():
            out[word[:MAX_TERM]] += n
        return out
    return Counter(w[:MAX_TERM] for w in _WORD.findall(fold(text)))


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (as site.js splits a query)."""
    return [w[:MAX_TERM] for w in _WORD.findall(fold(text))]


def impacts(doc: SearchDoc) -> dict[str, int]:
    """Each indexed term of `doc` with its weight 1–62: BM25's term part tf / (tf + k1·(1 − b + b·len/ref)),
    scaled; tf counts a title word 4 times, a name or tag 3 times, a word of a note twice."""
    total = counts(doc.text)
    length = total.total()
    for field, text in (("title", doc.title), ("people", " ".join((*doc.people, *doc.tags))),
                        ("notes", " ".join(doc.notes))):
        weight = WEIGHTS[field]
        found = counts(text)
        if field == "notes":
            length += found.total()
        for word, n in found.items():
            total[word] += n * weight
    norm = K1 * (1 - B + B * length / REFERENCE_LENGTH)
    # terms interned: the weights of every document (kept by watch/serve) share one copy of each word
    return {intern(t): 1 + int(62 * tf / (tf + norm)) for t, tf in total.items() if t not in STOPWORDS}


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Documents numbered by `order`, and for each term its postings: (id << 6 | impact), ids ascending."""

    docs: tuple[SearchDoc, ...]
    postings: Mapping[str, array]


def build_index(docs: Iterable[SearchDoc], weights: Mapping[str, Mapping[str, int]] | None = None) -> SearchIndex:
    """The inverted index of `docs`. `weights` may hold each document's `impacts` already (by key)."""
    ordered = tuple(sorted(docs, key=lambda d: (d.order, d.key)))
    postings: dict[str, array] = {}
    for number, doc in enumerate(ordered):
        found = weights.get(doc.key) if weights is not None else None
        for term, impact in (found if found is not None else impacts(doc)).items():
            listed = postings.get(term)
            if listed is None:
                listed = postings[term] = array("I")
            listed.append(number << 6 | impact)
    return SearchIndex(ordered, postings)


def encode_postings(listed: array) -> str:
    """Delta-coded ids (varint letters) each followed by its impact letter."""
    out = []
    previous = -1
    for item in listed:
        number = item >> 6
        gap = number - previous
        previous = number
        out.append((_VARINT[gap] if gap < 32768 else _varint(gap)) + ALPHABET[item & 63])
    return "".join(out)


_LETTER = {c: n for n, c in enumerate(ALPHABET)}


def decode_postings(code: str) -> array:
    """The postings `encode_postings` made `code` from: (id << 6 | impact), ids ascending."""
    out = array("I")
    number = -1
    gap = shift = 0
    impact = False  # the next letter is an impact (after the last letter of a gap)
    for letter in map(_LETTER.__getitem__, code):
        if impact:
            out.append(number << 6 | letter)
            impact = False
            continue
        gap |= (letter & 31) << shift
        shift += 5
        if not letter & 32:
            number += gap
            gap = shift = 0
            impact = True
    return out


def shard_keys(sizes: Mapping[str, int], limit: int = SHARD_BYTES) -> dict[str, list[str]]:
    """Cut the terms into shards of about `limit` bytes along a prefix trie: key → its terms.

    A term belongs to the shard with the longest key that starts it. Under a key that is
    too big, the groups of each next letter get a shard of their own (cut again if need
    be), except the smallest, which stay in the key's own shard while it has room.
    """
    shards: dict[str, list[str]] = {}

    def cut(prefix: str, terms: list[str]) -> None:
        total = sum(sizes[t] for t in terms)
        depth = len(prefix)
        if total <= limit or all(len(t) == depth for t in terms):
            shards[prefix] = terms
            return
        own = [t for t in terms if len(t) == depth]
        groups: dict[str, list[str]] = {}
        for t in terms:
            if len(t) > depth:
                groups.setdefault(t[depth], []).append(t)
        room = limit - sum(sizes[t] for t in own)
        for size, letter in sorted((sum(sizes[t] for t in g), c) for c, g in groups.items()):
            if size <= room:
                own += groups[letter]
                room -= size
            else:
                cut(prefix + letter, groups[letter])
        if own:
            shards[prefix] = sorted(own)

    cut("", sorted(sizes))
    return shards


def _script(call: str, *args: object) -> bytes:
    return f"SITEGEN_SEARCH.{call}({','.join(_json(a) for a in args)});\n".encode("utf-8")


def _json(data: object) -> str:
    """JSON safe in a script file (as views.text.script_json)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def shard_name(key: str) -> str:
    """terms/<key>.js: letters and digits as they are, anything else as _hex_ (file names stay ASCII)."""
    safe = "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):x}_" for c in key)
    return f"terms/{safe or '_'}.js"


def doc_record(doc: SearchDoc) -> dict[str, object]:
    """What a result shows: t title, u url, p people, g tags, x text, n notes (empty ones left out)."""
    record = {"t": doc.title, "u": doc.url, "p": list(doc.people), "g": list(doc.tags), "x": doc.text,
              "n": list(doc.notes)}
    return {k: v for k, v in record.items() if v or k in "tu"}


def doc_script(number: int, doc: SearchDoc) -> bytes:
    return _script("doc", number, doc_record(doc))


def _shard_script(key: str, terms: Iterable[str], codes: Mapping[str, tuple[int, str]]) -> bytes:
    return _script("shard", key, {t: [codes[t][0], codes[t][1]] for t in terms})


@dataclass(frozen=True, slots=True)
class IndexFiles:
    """The index as files (path under the index folder → UTF-8 bytes), and what the next run may reuse."""

    files: dict[str, bytes]
    docs: tuple[SearchDoc, ...]
    codes: dict[str, tuple[array, str]]  # term → (its postings, their encoding)


def index_files(index: SearchIndex, *, snippet: int = 160, previous: IndexFiles | None = None,
                shard_bytes: int = SHARD_BYTES) -> IndexFiles:
    """Every file of the index. With `previous` (watch/serve), a term whose postings are equal keeps
    its encoding and a document equal to the one that had its number keeps its script."""
    old_codes = previous.codes if previous is not None else {}
    codes: dict[str, tuple[array, str]] = {}
    for term, listed in index.postings.items():
        old = old_codes.get(term)
        codes[term] = old if old is not None and old[0] == listed else (listed, encode_postings(listed))
    sizes = {t: len(t) + len(c[1]) + 12 for t, c in codes.items()}
    files: dict[str, bytes] = {}
    listing = []
    counted = {t: (len(c[0]), c[1]) for t, c in codes.items()}
    for key, terms in sorted(shard_keys(sizes, shard_bytes).items()):
        data = _shard_script(key, terms, counted)
        name = shard_name(key)
        files[name] = data
        listing.append([key, f"{name}?{hashlib.blake2b(data, digest_size=5).hexdigest()}", len(data)])
    old_docs = previous.docs if previous is not None else ()
    for number, doc in enumerate(index.docs):
        name = f"docs/{number}.js"
        same = previous is not None and number < len(old_docs) and old_docs[number] == doc
        files[name] = previous.files[name] if same else doc_script(number, doc)  # type: ignore[union-attr]
    files["manifest.js"] = _manifest(len(index.docs), snippet, listing)
    return IndexFiles(files, index.docs, codes)


def _manifest(docs: int, snippet: int, listing: list) -> bytes:
    manifest = {"version": 1, "docs": docs, "snippet": snippet, "stopwords": sorted(STOPWORDS), "shards": listing}
    return _script("manifest", manifest)


# -- updating the index in place ------------------------------------------------------------------

Weights = Mapping[str, int]  # a document's `impacts`


@dataclass(frozen=True, slots=True)
class IndexState:
    """The index as a later build can update it rather than make it again: the documents by number
    (their keys, and a digest of what each was made from), each term's postings as their count and
    encoding (`decode_postings` gives them back: the encoding is half the size of the numbers), and each
    shard's terms with its file. Equal to the state of a clean build of the same documents."""

    keys: tuple[str, ...]
    made: tuple[str, ...]
    codes: dict[str, tuple[int, str]]
    shards: dict[str, tuple[tuple[str, ...], bytes]]


UPDATE_SHARE = 8  # more than 1/UPDATE_SHARE of the documents changed: the index is made again


def index_state(keys: Sequence[str], made: Sequence[str], weights: Callable[[int], Weights], *,
                previous: IndexState | None = None, old_weights: Callable[[str], Weights | None] | None = None,
                shard_bytes: int = SHARD_BYTES) -> IndexState:
    """The index of the documents numbered as in `keys` (`made[n]`: what document n is made from;
    `weights(n)`: its `impacts`). With `previous`, a document whose number and `made` are the ones it
    had there is not asked for: only the postings of the terms the others gained, lost or reweighed
    change (`old_weights(made)` gives a changed document's former impacts), and only the shards holding
    them are written again. The result is the same as without `previous`."""
    keys, made = tuple(keys), tuple(made)
    if previous is not None and old_weights is not None:
        updated = _update(previous, keys, made, weights, old_weights)
        if updated is not None:
            codes, touched = updated
            return IndexState(keys, made, codes, _shards(codes, previous, touched, shard_bytes))
    postings: dict[str, array] = {}
    for number in range(len(keys)):
        for term, impact in weights(number).items():
            listed = postings.get(term)
            if listed is None:
                listed = postings[term] = array("I")
            listed.append(number << 6 | impact)
    old_codes = previous.codes if previous is not None else {}
    codes: dict[str, tuple[int, str]] = {}
    touched: set[str] = set()
    for term in list(postings):
        listed = postings.pop(term)  # the numbers go as their encoding comes: never both in full
        code = encode_postings(listed)
        old = old_codes.get(term)
        if old is not None and old[1] == code:
            codes[term] = old
        else:
            codes[term] = (len(listed), code)
            touched.add(term)
    touched.update(old_codes.keys() - codes.keys())
    return IndexState(keys, made, codes, _shards(codes, previous, touched, shard_bytes))


def _update(previous: IndexState, keys: tuple[str, ...], made: tuple[str, ...], weights: Callable[[int], Weights],
            old_weights: Callable[[str], Weights | None]) -> tuple[dict[str, tuple[int, str]], set[str]] | None:
    """The codes of `previous` changed for the documents that differ, and the terms whose postings
    changed; None when documents were removed or renumbered, too many changed, or a former
    document's impacts are unknown."""
    count = len(previous.keys)
    if len(keys) < count or keys[:count] != previous.keys:
        return None
    changed = [n for n in range(count) if made[n] != previous.made[n]]
    changed += range(count, len(keys))
    if len(changed) * UPDATE_SHARE > max(len(keys), 64):
        return None
    working: dict[str, array] = {}
    for number in changed:
        old = old_weights(previous.made[number]) if number < count else {}
        if old is None:
            return None
        new = weights(number)
        for term in old.keys() | new.keys():
            impact = new.get(term)
            if old.get(term) == impact:
                continue
            listed = working.get(term)
            if listed is None:
                found = previous.codes.get(term)
                listed = working[term] = decode_postings(found[1]) if found is not None else array("I")
            at = bisect_left(listed, number << 6)
            present = at < len(listed) and listed[at] >> 6 == number
            if impact is None:
                if present:
                    del listed[at]
            elif present:
                listed[at] = number << 6 | impact
            else:
                listed.insert(at, number << 6 | impact)
    codes = dict(previous.codes)
    for term, listed in working.items():
        if listed:
            codes[term] = (len(listed), encode_postings(listed))
        else:
            codes.pop(term, None)
    return codes, set(working)


def _shards(codes: dict[str, tuple[int, str]], previous: IndexState | None, touched: set[str],
            shard_bytes: int) -> dict[str, tuple[tuple[str, ...], bytes]]:
    """Every shard's terms and file; a shard with the same terms as before, none of them touched,
    keeps the file it had."""
    sizes = {t: len(t) + len(c[1]) + 12 for t, c in codes.items()}
    old = previous.shards if previous is not None else {}
    shards: dict[str, tuple[tuple[str, ...], bytes]] = {}
    for key, terms in sorted(shard_keys(sizes, shard_bytes).items()):
        listed = tuple(terms)
        before = old.get(key)
        if before is not None and before[0] == listed and touched.isdisjoint(listed):
            shards[key] = before
        else:
            shards[key] = (listed, _shard_script(key, listed, codes))
    return shards


def state_files(state: IndexState, snippet: int = 160) -> dict[str, bytes]:
    """The manifest and the term shards of `state` (path under the index folder → bytes);
    the documents' scripts are made one by one (`doc_script`)."""
    files: dict[str, bytes] = {}
    listing = []
    for key, (_, data) in state.shards.items():
        name = shard_name(key)
        files[name] = data
        listing.append([key, f"{name}?{hashlib.blake2b(data, digest_size=5).hexdigest()}", len(data)])
    files["manifest.js"] = _manifest(len(state.keys), snippet, listing)
    return files
