"""Which output files a rebuild touches for which edit (one Builder kept alive, as in watch/serve).

Every test checks two things: `BuildResult.written` names exactly the files whose
bytes changed on disk (nothing rewritten for nothing, nothing changed unreported),
and the set is the right one for the edit.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sitegen.build import Builder, BuildResult
from sitegen.config import load_config
from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Licence, LicenceKind, Source
from sitegen.render.theme import packaged_themes

DUMP = """Fresh story from a new dump – Asia Times

A paragraph long enough to be the start of a real article in a dump that arrives while the editor is working.

This article is republished from The Conversation under a Creative Commons license.
"""
BODY = "A paragraph of text.\n\nAnother one.\n"
LISTS_OF_ONE = {"index.html", "tags/ai/index.html", "authors/jane-hill/index.html", "publishers/asia-times/index.html"}


def write(root: Path, slug: str, title: str, *, tags=("ai",), body=BODY, day=1, annotations=()) -> Path:
    article = Article(
        slug=slug, path="", title=title, body=body, tags=tags, authors=("Jane Hill",), publisher="Asia Times",
        date=dt.date(2025, 1, day), licence=Licence(LicenceKind.CC, "CC statement.", "The Conversation"),
        source=(Source("d.txt", (1, 3)),), annotations=annotations,
    )
    path = root / "content" / "articles" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_article(article), encoding="utf-8")
    return path


def files(root: Path) -> dict[str, bytes]:
    out = root / "public"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def search_of(root: Path, slug: str) -> set[str]:
    """The search index's files an edit of article `slug` changes in this small archive: its own
    document, the one shard (every word of three short articles fits in one) and the manifest."""
    docs = root / "public" / "search" / "docs"
    mine = [p for p in docs.glob("*.js") if f'"u":"articles/{slug}.html"' in p.read_text(encoding="utf-8")]
    assert len(mine) == 1, f"one search document names articles/{slug}.html"
    return {"search/manifest.js", "search/terms/_.js", f"search/docs/{mine[0].name}"}


class Session:
    """A temporary archive of three articles, built once; `rebuild()` reports what changed on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        write(root, "one", "One", day=1)
        write(root, "two", "Two", tags=("ai", "trade"), day=2)
        write(root, "three", "Three", tags=("energy",), day=3)
        self.builder = Builder(load_config(root), in_place=True)
        self.builder.build()

    def rebuild(self, builder: Builder | None = None) -> tuple[BuildResult, set[str]]:
        before = files(self.root)
        result = (builder or self.builder).build()
        after = files(self.root)
        changed = {p for p in after if before.get(p) != after[p]}
        assert set(result.written) == changed, "written must name exactly the files whose bytes changed"
        assert set(result.deleted) == set(before) - set(after)
        return result, changed


@pytest.fixture
def session(tmp_path):
    return Session(tmp_path)


def test_no_change_writes_nothing(session):
    result, _ = session.rebuild()
    assert result.written == () and result.deleted == ()


def test_title_edit_touches_exactly_the_pages_that_show_it(session):
    write(session.root, "three", "Three, retitled", tags=("energy",), day=3)
    _, written = session.rebuild()
    after = files(session.root)
    assert {p for p in written if p.endswith(".html")} == {
        p for p, data in after.items() if p.endswith(".html") and b"Three, retitled" in data
    }
    assert {"articles/three.html", "index.html", "tags/energy/index.html", "authors/jane-hill/index.html",
            "publishers/asia-times/index.html"} <= written
    assert {"feed.xml", "tags/energy/feed.xml"} | search_of(session.root, "three") <= written
    assert "articles/one.html" not in written  # two.html links to its newer neighbour three by title
    assert "tags/trade/index.html" not in written and "tags/ai/index.html" not in written
    assert "tags/ai/feed.xml" not in written and "static/style.css" not in written


def test_body_edit_after_the_summary_touches_its_page_the_full_feed_and_search(session):
    # list cards and tag feeds show the first paragraph (the summary); the site feed carries the whole text
    write(session.root, "one", "One", body="A paragraph of text.\n\nAnother one, now longer and edited.\n")
    _, written = session.rebuild()
    assert written == {"articles/one.html", "feed.xml"} | search_of(session.root, "one")


def test_body_edit_of_the_summary_touches_the_lists_showing_it(session):
    write(session.root, "one", "One", body="A first paragraph, edited.\n\nAnother one.\n")
    _, written = session.rebuild()
    assert written == {"articles/one.html", "feed.xml", "tags/ai/feed.xml"} | LISTS_OF_ONE | search_of(session.root, "one")
    assert "tags/trade/index.html" not in written and "articles/two.html" not in written


def test_a_new_annotation_touches_its_page_and_the_notes_lists(session):
    note = Annotation("Another one", "A note on the second paragraph.")
    write(session.root, "one", "One", annotations=(note,))
    _, written = session.rebuild()
    assert "articles/one.html" in written and b"<mark" in files(session.root)["articles/one.html"]
    assert "index.html" in written  # the card shows "1 note"
    assert not any(p.startswith("articles/") and p != "articles/one.html" for p in written)
    assert "tags/trade/index.html" not in written and "tags/energy/index.html" not in written


def test_template_change_rerenders_only_pages_using_it(session):
    theme = session.root / "templates"
    theme.mkdir()
    source = packaged_themes() / "default/templates/article.html"
    text = source.read_text(encoding="utf-8")
    assert "</article>" in text
    (theme / "article.html").write_text(text.replace("</article>", '<p class="edited">edited</p></article>', 1))
    _, written = session.rebuild()
    assert written == {"articles/one.html", "articles/two.html", "articles/three.html"}


def test_a_static_file_change_writes_only_that_file(session):
    static = session.root / "static"
    static.mkdir()
    (static / "style.css").write_text("body { color: red }\n")
    _, written = session.rebuild()
    assert written == {"static/style.css"}


def test_config_change_rebuilds_everything(session):
    (session.root / "sitegen.toml").write_text('title = "New name"\n')
    result, written = session.rebuild(Builder(load_config(session.root), in_place=True))
    html = {path for path in files(session.root) if path.endswith(".html")}
    assert html <= written
    assert all(b"New name" in files(session.root)[path] for path in html)


def test_new_raw_dump_is_split_and_rendered(session):
    raw = session.root / "content" / "raw"
    raw.mkdir()
    (raw / "new.txt").write_text(DUMP, encoding="utf-8")
    result, written = session.rebuild()
    assert (session.root / "content/articles/fresh-story-from-a-new-dump.md").is_file()
    assert "articles/fresh-story-from-a-new-dump.html" in written and "index.html" in written
    assert b"Fresh story from a new dump" in files(session.root)["index.html"]
    again, _ = session.rebuild()
    assert again.written == ()  # the dump is split once


def test_deleted_or_renamed_article_leaves_no_trace(session):
    root = session.root
    (root / "content/articles/two.md").unlink()
    shutil.move(root / "content/articles/three.md", root / "content/articles/third.md")
    result, _ = session.rebuild()
    out = files(root)
    assert {"articles/two.html", "articles/three.html", "tags/trade/index.html", "tags/trade/feed.xml"} <= set(result.deleted)
    assert "articles/third.html" in out and not (root / "public/tags/trade").exists()
    for path, data in out.items():
        assert b"two.html" not in data and b"three.html" not in data, path
        assert b">Two<" not in data, path


def test_incremental_output_equals_a_clean_build(session, tmp_path_factory):
    root = session.root
    write(root, "one", "One, again", tags=("trade",), day=5)
    (root / "content/articles/two.md").unlink()
    write(root, "four", "Four", tags=("new",), day=4)
    session.rebuild()
    clean = tmp_path_factory.mktemp("clean")
    shutil.copytree(root / "content", clean / "content")
    Builder(load_config(clean)).build()
    assert files(root) == files(clean)


# -- caches that outlive the process: each build below is a new Builder (as a new `sitegen build` is),
# which knows only what the build cache file and the manifest of the output folder tell it ----------------

def clean_build(root: Path, tmp_path_factory) -> dict[str, bytes]:
    """The site a first build makes from the same content, settings and theme, with no cache at all."""
    clean = tmp_path_factory.mktemp("clean")
    for name in ("content", "templates", "static"):
        if (root / name).is_dir():
            shutil.copytree(root / name, clean / name)
    if (root / "sitegen.toml").is_file():
        shutil.copy(root / "sitegen.toml", clean / "sitegen.toml")
    Builder(load_config(clean)).build()
    return files(clean)


def fresh(root: Path) -> Builder:
    return Builder(load_config(root))


def test_a_new_process_with_nothing_changed_draws_and_writes_nothing(session):
    result, written = session.rebuild(fresh(session.root))
    assert written == set() and result.rendered == 0 and result.reused == result.files


def test_a_new_process_redraws_only_what_an_edit_shows_and_matches_a_clean_build(session, tmp_path_factory):
    write(session.root, "one", "One", body="A first paragraph, edited.\n\nAnother one.\n")
    result, written = session.rebuild(fresh(session.root))
    assert written == {"articles/one.html", "feed.xml", "tags/ai/feed.xml"} | LISTS_OF_ONE | search_of(session.root, "one")
    assert result.rendered < result.files / 2  # the other pages were neither viewed nor drawn
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


def test_a_theme_change_between_processes_matches_a_clean_build(session, tmp_path_factory):
    theme = session.root / "templates"
    theme.mkdir()
    text = (packaged_themes() / "default/templates/article.html").read_text(encoding="utf-8")
    (theme / "article.html").write_text(text.replace("</article>", '<p class="edited">edited</p></article>', 1))
    (session.root / "static").mkdir()
    (session.root / "static/extra.css").write_text("p { margin: 0 }\n")
    _, written = session.rebuild(fresh(session.root))
    assert written == {"articles/one.html", "articles/two.html", "articles/three.html", "static/extra.css"}
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


def test_a_config_change_between_processes_matches_a_clean_build(session, tmp_path_factory):
    (session.root / "sitegen.toml").write_text('title = "New name"\npage_size = 1\n')
    session.rebuild(fresh(session.root))
    assert all(b"New name" in data for path, data in files(session.root).items() if path.endswith(".html"))
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


def poison_cached_bodies(root: Path, stamp: str | None = None) -> None:
    """Replace every cached body in the build cache file by a well-formed one saying POISON."""
    import pickle
    import zlib

    from sitegen.cache import cache_file
    from sitegen.markdown.render import RenderedBody

    store = cache_file(root / ".sitegen-cache")
    poison = pickle.dumps(RenderedBody(html="<p>POISON</p>", text="POISON", summary="POISON"))
    store.put_many("bodies", [(key, poison) for key in store.keys("bodies")])
    if stamp is not None:
        store.db.execute("UPDATE meta SET value = ? WHERE name = 'stamp'", (stamp,))
    assert zlib.crc32(store.get("bodies", next(iter(store.keys("bodies"))))) == zlib.crc32(poison)
    store.close()


def test_the_cache_is_what_a_new_process_uses(session):
    # the proof that the tests around it exercise the cache: what it holds is what gets drawn
    write(session.root, "one", "One", body="Edited so that its page is drawn again.\n")
    Builder(load_config(session.root)).build()
    write(session.root, "one", "One")  # back to the text whose rendering the cache holds
    poison_cached_bodies(session.root)
    fresh(session.root).build()
    assert b"POISON" in files(session.root)["articles/one.html"]


def test_a_cache_written_by_another_version_of_sitegen_is_not_used(session, tmp_path_factory):
    poison_cached_bodies(session.root, stamp="written by another version")
    (session.root / "public").rename(session.root / "old-public")  # every page must be drawn again
    fresh(session.root).build()
    assert not any(b"POISON" in data for data in files(session.root).values())
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped value"])
def test_a_damaged_cache_file_is_discarded_and_rebuilt(session, tmp_path_factory, damage):
    from sitegen.cache import CACHE_FILE, cache_file

    path = session.root / ".sitegen-cache" / CACHE_FILE
    write(session.root, "two", "Two", tags=("ai", "trade"), day=2, body="A body of its own.\n")
    fresh(session.root).build()
    (session.root / "public").rename(session.root / "old-public")  # every page must be drawn again
    if damage == "flipped value":  # a value whose bytes changed under SQLite's feet: its checksum tells
        store = cache_file(session.root / ".sitegen-cache")
        key = next(iter(store.keys("bodies")))
        store.db.execute("UPDATE bodies SET data = ? WHERE key = ?", (b"\x80\x05POISON", key))
        store.close()
    else:
        store = cache_file(session.root / ".sitegen-cache")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3] if damage == "truncated" else b"\x13garbage" * 500)
    result = fresh(session.root).build()
    assert result.files > 0 and files(session.root) == clean_build(session.root, tmp_path_factory)
    shutil.rmtree(session.root / "public")
    fresh(session.root).build()  # what the damaged file lost and the last build did not need is back
    again = cache_file(session.root / ".sitegen-cache")  # rebuilt: whole again, and trusted
    assert len(again.keys("bodies")) == 2 and len(again.keys("articles")) == 3 and not again.discarded
    again.close()


def test_sitegen_build_in_new_processes_matches_a_clean_build(session, tmp_path_factory):
    import subprocess
    import sys

    def build() -> None:
        done = subprocess.run([sys.executable, "-m", "sitegen", "-C", str(session.root), "-q", "build"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr

    build()
    write(session.root, "two", "Two, retitled", tags=("ai", "new"), day=2)
    (session.root / "content/articles/three.md").unlink()
    build()
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


def test_a_new_process_updates_the_search_shards_of_the_words_an_edit_touched(session, tmp_path_factory, monkeypatch):
    monkeypatch.setattr("sitegen.search.index.SHARD_BYTES", 120)  # many shards, even for three short articles
    write(session.root, "two", "Two", tags=("ai", "trade"), day=2, body="Words of its own about harbours.\n")
    session.rebuild(fresh(session.root))
    shards = {p for p in files(session.root) if p.startswith("search/terms/")}
    assert len(shards) > 3
    write(session.root, "one", "One", body="A first paragraph, with zeppelins.\n\nAnother one.\n")
    _, written = session.rebuild(fresh(session.root))
    assert 0 < len(written & shards) < len(shards)
    assert files(session.root) == clean_build(session.root, tmp_path_factory)


def poison_search_state(root: Path, *, stamp: str | None = None, garbage: bool = False) -> None:
    """Replace the file of every term shard in the kept search index by POISON (or the whole state by
    bytes that do not decode)."""
    from dataclasses import replace

    from sitegen.cache import cache_file
    from sitegen.views.search import _load_state, _save_state

    store = cache_file(root / ".sitegen-cache")
    state = _load_state(store)
    assert state is not None
    if garbage:
        store.put_many("search", [("state", b"\x80\x05garbage")])
    else:
        _save_state(store, replace(state, shards={key: (terms, b"POISON") for key, (terms, _) in state.shards.items()}))
    if stamp is not None:
        store.db.execute("UPDATE meta SET value = ? WHERE name = 'stamp'", (stamp,))
    store.close()


@pytest.mark.parametrize("case", ["kept", "another version", "garbage"])
def test_the_search_index_a_new_process_updates_is_the_kept_one_unless_it_is_not_to_be_trusted(
        session, tmp_path_factory, monkeypatch, case):
    monkeypatch.setattr("sitegen.search.index.SHARD_BYTES", 120)
    write(session.root, "two", "Two", tags=("ai", "trade"), day=2, body="Words of its own about harbours.\n")
    session.rebuild(fresh(session.root))
    poison_search_state(session.root, stamp="written by another version" if case == "another version" else None,
                        garbage=case == "garbage")
    write(session.root, "one", "One", body="A first paragraph, with zeppelins.\n\nAnother one.\n")
    fresh(session.root).build()
    poisoned = {path for path, data in files(session.root).items() if data == b"POISON"}
    shards = {path for path in files(session.root) if path.startswith("search/terms/")}
    if case == "kept":  # the proof that the kept index is what a new process updates: the shards an edit
        assert poisoned and poisoned < shards  # did not touch are not made again, the others are
    else:
        assert not poisoned
    if case != "kept":
        assert files(session.root) == clean_build(session.root, tmp_path_factory)


def test_the_kept_search_weights_are_those_of_the_articles_there_are(session):
    from sitegen.cache import cache_file

    for n in range(3):  # each edit makes new weights for "one" and forgets the old ones
        write(session.root, "one", "One", body=f"Edited {n} times.\n")
        fresh(session.root).build()
    (session.root / "content/articles/two.md").unlink()
    fresh(session.root).build()
    store = cache_file(session.root / ".sitegen-cache")
    kept = store.keys("search")
    weights = {k for k in kept if k.startswith("w:")}
    assert len(weights) == 2  # the weights of "one" and "three"
    assert len(kept - weights) == 3  # the index's state: its documents, its postings, its shards
    store.close()
