"""Tests for sitegen.search.index: words, weights, postings, shards and the files a browser loads.

The files are read back here the way site.js reads them (a small decoder of the
postings alphabet), so what is asserted is what a search in the browser can find.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from sitegen.search import SearchDoc, build_index, fold, impacts, index_files, words
from sitegen.search.index import (ALPHABET, SHARD_BYTES, STOPWORDS, IndexState, counts, encode_postings, index_state,
                                  shard_keys, state_files)

CODE = {c: n for n, c in enumerate(ALPHABET)}


def doc(key: str, text: str = "", *, title: str = "A title", order: str = "2024-01-01", notes: tuple[str, ...] = (),
        people: tuple[str, ...] = (), tags: tuple[str, ...] = ()) -> SearchDoc:
    return SearchDoc(key, (order,), title, f"articles/{key}.html", people, tags, text, notes)


def decode(encoded: str) -> list[tuple[int, int]]:
    """(document number, weight) pairs, as site.js decodes them."""
    out, previous, i = [], -1, 0
    while i < len(encoded):
        value = shift = 0
        while True:
            letter = CODE[encoded[i]]
            i += 1
            value |= (letter & 31) << shift
            shift += 5
            if not letter & 32:
                break
        previous += value
        out.append((previous, CODE[encoded[i]]))
        i += 1
    return out


def loaded(files: dict[str, bytes]) -> tuple[dict, dict[str, dict], dict[int, dict]]:
    """The manifest, the shards by key and the documents by number, parsed from the scripts."""
    sizes = {name: len(data) for name, data in files.items()}
    files = {name: data.decode("utf-8") for name, data in files.items()}
    def call(text: str, name: str) -> list:
        assert text.startswith(f"SITEGEN_SEARCH.{name}(") and text.endswith(");\n"), text[:80]
        return json.loads("[" + text[len(f"SITEGEN_SEARCH.{name}("):-3] + "]")

    manifest = call(files["manifest.js"], "manifest")[0]
    shards = {}
    for key, file, size in manifest["shards"]:
        text = files[file.split("?")[0]]
        assert sizes[file.split("?")[0]] == size
        found_key, terms = call(text, "shard")
        shards[found_key] = terms
        assert found_key == key
    docs = {}
    for number in range(manifest["docs"]):
        found_number, record = call(files[f"docs/{number}.js"], "doc")
        docs[found_number] = record
    return manifest, shards, docs


def lookup(shards: dict[str, dict], term: str) -> list[tuple[int, int]]:
    """The postings of `term`, looked up as site.js does: the longest shard key that starts it."""
    key = max((k for k in shards if term.startswith(k)), key=len)
    entry = shards[key].get(term)
    return decode(entry[1]) if entry else []


def search(files: dict[str, bytes], query: str) -> list[str]:
    """Titles of the documents holding every word of `query`, by the summed weights."""
    manifest, shards, docs = loaded(files)
    lists = [dict(lookup(shards, w)) for w in words(query) if w not in STOPWORDS]
    found = set.intersection(*(set(p) for p in lists)) if lists else set()
    ranked = sorted(found, key=lambda n: (-sum(p[n] for p in lists), -n))
    return [docs[n]["t"] for n in ranked]


# ---- words -------------------------------------------------------------------------------


def test_words_are_folded_like_the_browser_folds_a_query():
    assert fold("Résumé NAÏVE Ångström") == "resume naive angstrom"
    assert words("Résumé: the naïve café—2024, snake_case and 東京!") == [
        "resume", "the", "naive", "cafe", "2024", "snake", "case", "and", "東京"]
    assert words("x" * 50) == ["x" * 32]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_the_fast_ascii_count_agrees_with_the_general_one(text):
    assert counts(text) == Counter(words(text))


def test_a_word_in_the_title_weighs_more_than_in_the_body_and_a_long_text_dilutes_it():
    in_title = impacts(doc("a", "filler " * 100, title="Harvest report"))
    in_body = impacts(doc("b", "filler " * 99 + "harvest", title="Report"))
    assert in_title["harvest"] > in_body["harvest"]
    short = impacts(doc("c", "harvest " + "filler " * 50))
    long = impacts(doc("d", "harvest " + "filler " * 5000))
    assert short["harvest"] > long["harvest"]
    assert all(1 <= w <= 62 for w in long.values())


def test_stopwords_are_not_indexed_but_notes_people_and_tags_are():
    found = impacts(doc("a", "The cat and the hat.", notes=("Spun text",), people=("Jul Parke",), tags=("south-korea",)))
    assert not STOPWORDS & found.keys()
    assert {"cat", "hat", "spun", "text", "jul", "parke", "south", "korea"} <= found.keys()


# ---- postings and shards -----------------------------------------------------------------


def test_documents_are_numbered_oldest_first_and_postings_read_back():
    index = build_index([doc("new", "apple pie", order="2024-05-01"), doc("old", "apple tart", order="2020-01-01")])
    assert [d.key for d in index.docs] == ["old", "new"]
    assert [n for n, _ in decode(encode_postings(index.postings["apple"]))] == [0, 1]
    assert [n for n, _ in decode(encode_postings(index.postings["tart"]))] == [0]


def test_large_gaps_between_documents_read_back():
    from array import array

    listed = array("I", [n << 6 | (n % 62 + 1) for n in (0, 31, 32, 1023, 1024, 40_000, 1_500_000)])
    assert decode(encode_postings(listed)) == [(item >> 6, item & 63) for item in listed]


def test_every_term_is_in_the_one_shard_its_longest_key_prefix_names():
    sizes = {f"{a}{b}{c}": 900 for a in "abc" for b in "xyz" for c in "0123456789"} | {"a": 50, "ax": 20, "b": 5}
    shards = shard_keys(sizes, limit=4000)
    placed = [t for terms in shards.values() for t in terms]
    assert sorted(placed) == sorted(sizes)
    for key, terms in shards.items():
        assert sum(sizes[t] for t in terms) <= 4000
        for term in terms:
            assert max((k for k in shards if term.startswith(k)), key=len) == key


def test_a_term_bigger_than_a_shard_gets_its_own():
    shards = shard_keys({"government": 10 * SHARD_BYTES, "governor": 10, "gravel": 10})
    assert shards["government"] == ["government"]


# ---- the files ---------------------------------------------------------------------------


def corpus() -> list[SearchDoc]:
    filler = "The council met on Tuesday to discuss the budget for schools and roads. "
    return [
        doc("harvest", "The weather was mild and the fields were green. " * 40 + "A late frost ruined the apricot "
            "harvest, and the budget.", title="Farm report", order="2021-03-01"),
        doc("courts", filler * 3, title="Court rules on budget", order="2022-01-01",
            notes=("Compare the zeitgeist of earlier rulings.",)),
        doc("budget", filler * 3 + "Budget budget budget.", title="Budget passes", order="2023-01-01"),
        doc("hostile", "Text with </script><script>alert(1)</script> and \u2028 inside.",
            title="<img src=x onerror=alert(2)>", order="2020-01-01"),
    ]


def test_a_word_deep_in_one_body_and_one_only_in_a_note_are_found():
    files = index_files(build_index(corpus())).files
    assert search(files, "apricot") == ["Farm report"]
    assert search(files, "zeitgeist") == ["Court rules on budget"]
    assert search(files, "budget") == ["Budget passes", "Court rules on budget", "Farm report"]
    assert search(files, "apricot budget") == ["Farm report"]
    assert search(files, "budget nowhere") == []


def test_files_cannot_break_out_of_a_script_and_parse_back():
    files = index_files(build_index(corpus())).files
    for name, data in files.items():
        assert not re.search(r"[<>\u2028\u2029]", data.decode("utf-8")), name
    _, _, docs = loaded(files)
    hostile = next(d for d in docs.values() if d["u"] == "articles/hostile.html")
    assert hostile["t"] == "<img src=x onerror=alert(2)>" and "</script>" in hostile["x"]


def test_the_same_documents_give_the_same_bytes_and_an_edit_changes_only_its_files():
    docs = corpus()
    first = index_files(build_index(docs)).files
    again = index_files(build_index(list(reversed(docs)))).files
    assert first == again
    edited = [d if d.key != "courts" else doc("courts", d.text + " Zebra crossings.", title=d.title, order="2022-01-01",
                                               notes=d.notes) for d in docs]
    second = index_files(build_index(edited)).files
    changed = {name for name in first if first[name] != second.get(name)}
    courts = next(n for n, d in enumerate(build_index(edited).docs) if d.key == "courts")
    assert f"docs/{courts}.js" in changed and "manifest.js" in changed
    assert not {name for name in changed if name.startswith("docs/")} - {f"docs/{courts}.js"}
    newer = index_files(build_index([*docs, doc("latest", "Fresh news.", order="2025-01-01")])).files
    assert all(newer[f"docs/{n}.js"] == first[f"docs/{n}.js"] for n in range(len(docs)))


def test_reusing_the_previous_run_gives_the_same_files_as_a_fresh_one():
    docs = corpus()
    previous = index_files(build_index(docs))
    edited = [*docs[:2], doc("budget", "Entirely new words here.", title="Budget fails", order="2023-01-01"), docs[3]]
    assert index_files(build_index(edited), previous=previous).files == index_files(build_index(edited)).files


def test_a_query_loads_a_small_part_of_a_large_index():
    vocabulary = [f"{a}{b}{c}word" for a in "abcdefghij" for b in "klmnopqrst" for c in "uvwxyz"]
    docs = [doc(f"d{n}", " ".join(vocabulary[(n * 7 + k * 13) % len(vocabulary)] for k in range(60)),
                order=f"{n:05d}") for n in range(400)]
    files = index_files(build_index(docs), shard_bytes=6000).files
    manifest, shards, _ = loaded(files)
    sizes = {key: size for key, _, size in manifest["shards"]}
    assert len(sizes) > 10 and max(sizes.values()) <= 6000 + 200  # a shard's script adds a little to its terms
    term = vocabulary[77]
    key = max((k for k in shards if term.startswith(k)), key=len)
    assert lookup(shards, term) and sizes[key] < sum(sizes.values()) / 10


# -- updating the index: the state a later build starts from ---------------------------------------------

VOCABULARY = [f"{a}{b}word" for a in "abcdefgh" for b in "klmnopqr"]


def vocab_doc(n: int, words: list[int], *, key: str | None = None) -> SearchDoc:
    return doc(key or f"d{n:03d}", " ".join(VOCABULARY[w % len(VOCABULARY)] for w in words), order=f"{n:05d}")


def state_of(docs: list[SearchDoc], previous: IndexState | None = None, *, asked: list[int] | None = None,
             shard_bytes: int = 1500) -> IndexState:
    """The state of `docs` (numbered in their order), from `previous` when given, noting which were weighed."""
    by_made = {repr(d): impacts(d) for d in docs}
    if previous is not None:
        by_made.update(FORMER)

    def weights(n: int) -> dict[str, int]:
        if asked is not None:
            asked.append(n)
        return impacts(docs[n])

    state = index_state([d.key for d in docs], [repr(d) for d in docs], weights, previous=previous,
                        old_weights=by_made.get, shard_bytes=shard_bytes)
    FORMER.update(by_made)
    return state


FORMER: dict[str, dict[str, int]] = {}  # what earlier documents weighed, as the build cache keeps it


@given(st.lists(st.lists(st.integers(0, 63), max_size=30), min_size=1, max_size=30),
       st.lists(st.tuples(st.integers(0, 29), st.lists(st.integers(0, 63), max_size=30)), max_size=3),
       st.lists(st.lists(st.integers(0, 63), max_size=30), max_size=2))
def test_an_updated_index_has_the_bytes_of_a_clean_one(texts, edits, added):
    docs = [vocab_doc(n, words) for n, words in enumerate(texts)]
    previous = state_of(docs)
    for at, words in edits:
        if at < len(docs):
            docs[at] = vocab_doc(at, words, key=docs[at].key)
    docs += [vocab_doc(len(docs) + k, words) for k, words in enumerate(added)]
    updated, clean = state_of(docs, previous), state_of(docs)
    assert state_files(updated) == state_files(clean)
    assert updated.codes.keys() == clean.codes.keys()
    assert all(updated.codes[t][1] == clean.codes[t][1] for t in clean.codes)


def test_an_edit_weighs_its_document_alone_and_keeps_the_shards_of_words_it_did_not_touch():
    docs = [vocab_doc(n, [(n * 7 + k * 13) % 64 for k in range(40)]) for n in range(120)]
    previous = state_of(docs)
    assert len(previous.shards) > 5
    docs[60] = vocab_doc(60, [0, 1, 2, 3, 3, 3], key=docs[60].key)  # a short text: it loses most of its words
    asked: list[int] = []
    updated = state_of(docs, previous, asked=asked)
    assert asked == [60]
    kept = [key for key, shard in updated.shards.items() if shard is previous.shards.get(key)]
    assert kept and len(kept) < len(updated.shards)  # reused, not made again; the others did change
    touched = {t for t in updated.codes.keys() | previous.codes.keys() if updated.codes.get(t) != previous.codes.get(t)}
    for key in set(updated.shards) - set(kept):  # made again: its terms changed, or the postings of one of them
        terms = updated.shards[key][0]
        assert previous.shards.get(key, ((),))[0] != terms or touched.intersection(terms)
    assert state_files(updated) == state_files(state_of(docs))


def test_a_removed_or_renumbered_document_makes_the_index_again_with_the_same_bytes():
    docs = [vocab_doc(n, [n, n + 1, n + 5]) for n in range(20)]
    previous = state_of(docs)
    fewer = docs[:5] + docs[6:]
    assert state_files(state_of(fewer, previous)) == state_files(state_of(fewer))
    earlier = [doc("first", "abword", order="00000"), *docs]
    assert state_files(state_of(earlier, previous)) == state_files(state_of(earlier))


def test_the_state_files_are_those_of_the_index_files():
    docs = corpus()
    numbered = build_index(docs).docs
    state = index_state([d.key for d in numbered], [d.key for d in numbered], lambda n: impacts(numbered[n]))
    files = index_files(build_index(docs)).files
    assert state_files(state) == {name: data for name, data in files.items() if not name.startswith("docs/")}


@given(st.lists(st.tuples(st.integers(1, 40_000), st.integers(1, 63)), max_size=60))
def test_the_kept_encoding_of_postings_gives_back_the_postings(gaps):
    from array import array

    from sitegen.search.index import decode_postings

    numbers, number = [], -1
    for gap, impact in gaps:
        number += gap
        numbers.append(number << 6 | impact)
    listed = array("I", numbers)
    assert decode_postings(encode_postings(listed)) == listed
