"""Which output files a rebuild touches for which edit (Builder kept alive, as in watch/serve)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sitegen.build import Builder
from sitegen.config import Config
from sitegen.frontmatter import dump_article
from sitegen.model import Article, Licence, LicenceKind, Source

DUMP = """Fresh story from a new dump – Asia Times

A paragraph long enough to be the start of a real article in a dump that arrives while the editor is working.

This article is republished from The Conversation under a Creative Commons license.
"""


def write(root: Path, slug: str, title: str, *, tags=("ai",), body="A paragraph of text.\n\nAnother one.\n", day=1) -> Path:
    article = Article(
        slug=slug, path="", title=title, body=body, tags=tags, authors=("Jane Hill",), publisher="Asia Times",
        date=dt.date(2025, 1, day), licence=Licence(LicenceKind.CC, "CC statement.", "The Conversation"),
        source=(Source("d.txt", (1, 3)),),
    )
    path = root / "content" / "articles" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_article(article), encoding="utf-8")
    return path


@pytest.fixture
def session(tmp_path):
    write(tmp_path, "one", "One", day=1)
    write(tmp_path, "two", "Two", tags=("ai", "trade"), day=2)
    write(tmp_path, "three", "Three", tags=("energy",), day=3)
    builder = Builder(Config(root=tmp_path), in_place=True)
    builder.build()
    return tmp_path, builder


def files(root: Path) -> dict[str, bytes]:
    out = root / "public"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_no_change_writes_nothing(session):
    root, builder = session
    assert builder.build().written == ()


def test_title_edit_touches_exactly_the_pages_that_show_it(session):
    root, builder = session
    before = files(root)
    write(root, "three", "Three, retitled", tags=("energy",), day=3)
    written = set(builder.build().written)
    after = files(root)
    assert written == {p for p in after if before.get(p) != after[p]}
    assert {p for p in written if p.endswith(".html")} == {
        p for p, data in after.items() if p.endswith(".html") and b"Three, retitled" in data
    }
    assert "articles/three.html" in written and "index.html" in written
    assert "tags/energy/index.html" in written and "authors/jane-hill/index.html" in written
    assert "feed.xml" in written and "static/search-index.js" in written
    assert "articles/one.html" not in written
    assert "tags/trade/index.html" not in written and "tags/ai/index.html" not in written


def test_body_edit_touches_its_page_and_search_index(session):
    root, builder = session
    write(root, "one", "One", body="A paragraph of text.\n\nAnother one, now longer and edited.\n", day=1)
    written = set(builder.build().written)
    assert {"articles/one.html", "static/search-index.js"} <= written
    assert "articles/two.html" not in written and "tags/trade/index.html" not in written


def test_template_change_rerenders_only_pages_using_it(session):
    root, builder = session
    theme = root / "templates"
    theme.mkdir()
    source = next(Path(__file__).resolve().parents[1].joinpath("themes/default/templates").glob("article.html"))
    text = source.read_text(encoding="utf-8")
    assert "</article>" in text
    (theme / "article.html").write_text(text.replace("</article>", "<p class=\"edited\">edited</p></article>", 1))
    written = set(builder.build().written)
    assert {"articles/one.html", "articles/two.html", "articles/three.html"} <= written
    assert "index.html" not in written and "tags/index.html" not in written


def test_config_change_rebuilds_everything(session):
    root, _ = session
    (root / "sitegen.toml").write_text('title = "New name"\n')
    result = Builder(Config(root=root, title="New name"), in_place=True).build()
    assert all(b"New name" in data for path, data in files(root).items() if path.endswith(".html"))
    assert "articles/one.html" in result.written


def test_new_raw_dump_is_split_and_rendered(session):
    root, builder = session
    raw = root / "content" / "raw"
    raw.mkdir()
    (raw / "new.txt").write_text(DUMP, encoding="utf-8")
    result = builder.build()
    assert "articles/fresh-story-from-a-new-dump.html" in result.written
    assert b"Fresh story from a new dump" in files(root)["index.html"]


def test_deleted_or_renamed_article_leaves_no_trace(session):
    root, builder = session
    (root / "content/articles/two.md").unlink()
    shutil.move(root / "content/articles/three.md", root / "content/articles/third.md")
    result = builder.build()
    out = files(root)
    assert "articles/two.html" in result.deleted and "articles/three.html" in result.deleted
    assert "tags/trade/index.html" not in out and "articles/third.html" in out
    for path, data in out.items():
        assert b"two.html" not in data and b"three.html" not in data, path


def test_incremental_output_equals_a_clean_build(session, tmp_path_factory):
    root, builder = session
    write(root, "one", "One, again", tags=("trade",), day=5)
    (root / "content/articles/two.md").unlink()
    write(root, "four", "Four", tags=("new",), day=4)
    builder.build()
    clean = tmp_path_factory.mktemp("clean")
    shutil.copytree(root / "content", clean / "content")
    Builder(Config(root=clean)).build()
    assert files(root) == files(clean)
