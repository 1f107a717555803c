"""Under serve, a saved article's own page is drawn at once and the rest follows; whatever the
saves, the output ends up byte for byte that of a clean build."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from pathlib import Path

import pytest

from sitegen import watch
from sitegen.build import Builder
from sitegen.config import Config
from sitegen.console import Console
from sitegen.frontmatter import dump_article
from sitegen.live import LiveSite
from sitegen.model import Annotation, Article, Source
from sitegen.watch import Outcome, Session, watch_session

TAGS = {"a": ("economy", "trade"), "b": ("trade",), "c": ("energy",), "d": ("economy",)}


def text(slug: str, *, title: str | None = None, body: str | None = None, tags: tuple[str, ...] | None = None,
         notes: tuple[Annotation, ...] = (), day: int | None = None) -> str:
    n = "abcdefgh".index(slug)
    return dump_article(Article(
        slug=slug, path="", title=title or f"Story {slug.upper()}",
        body=body or f"The opening paragraph of story {slug}.\n\nA second paragraph about markets.\n",
        authors=("Ana Ito",), publisher="The Ledger", tags=tags if tags is not None else TAGS[slug],
        date=dt.date(2026, 3, day if day is not None else 10 - n), source=(Source("d.txt", (1, 2)),),
        added=dt.date(2026, 3, 20), annotations=notes))


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for slug in TAGS:
        (folder / f"{slug}.md").write_text(text(slug), encoding="utf-8")
    return tmp_path


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(archive: Path, into: Path) -> dict[str, bytes]:
    """The output of a fresh build of a copy of the archive (no cache, no earlier output)."""
    shutil.copytree(archive / "content", into / "content")
    Builder(Config(root=into)).build()
    return files(into / "public")


class Outcomes:
    """A session listener that lets a test wait for the next early page or full build."""

    def __init__(self) -> None:
        self.seen: list[Outcome] = []
        self.cond = threading.Condition()

    def __call__(self, outcome: Outcome) -> None:
        with self.cond:
            self.seen.append(outcome)
            self.cond.notify_all()

    def wait_full(self, after: int, seconds: float = 30) -> list[Outcome]:
        """The outcomes after the first `after`, up to and including the next full build."""
        deadline = time.monotonic() + seconds
        with self.cond:
            while not any(not o.early for o in self.seen[after:]):
                assert self.cond.wait(deadline - time.monotonic()), "the rest was never built"
            return self.seen[after:]


@pytest.fixture
def serving(archive, monkeypatch):
    monkeypatch.setattr(watch, "QUIET", 0.3)
    session = Session(Config(root=archive), Console(quiet=True))
    outcomes = Outcomes()
    session.listeners.append(outcomes)
    watcher = watch_session(session, debounce=0.05, early=True)
    watcher.start()
    session.rebuild()
    yield archive, outcomes
    watcher.stop()


def save(archive: Path, slug: str, content: str, outcomes: Outcomes) -> list[Outcome]:
    """Write an article file as an editor does and wait until the whole site is up to date."""
    count = len(outcomes.seen)
    (archive / "content/articles" / f"{slug}.md").write_text(content, encoding="utf-8")
    return outcomes.wait_full(count)


def test_every_kind_of_save_under_serve_ends_as_a_clean_build(serving, tmp_path):
    archive, outcomes = serving
    body = "A rewritten opening about harvests.\n\nA second paragraph about markets.\n"
    seen = save(archive, "b", text("b", body=body), outcomes)
    assert [o.early for o in seen] == [True, False]  # its own page first, then the rest
    assert seen[0].result.written == ("articles/b.html",)
    assert "articles/b.html" not in seen[1].result.written  # drawn right at once: the tab reloads once
    assert b"rewritten opening" in (archive / "public/articles/b.html").read_bytes()
    # the page as written goes to the open tabs with the event, so they need not ask for it
    assert seen[0].pages == (("articles/b.html", (archive / "public/articles/b.html").read_bytes()),)
    assert seen[1].pages == ()
    note = Annotation(quote="second paragraph", note="Check the *figures*.")
    seen = save(archive, "b", text("b", body=body, notes=(note,)), outcomes)
    assert seen[0].early and "articles/b.html" not in seen[1].result.written
    seen = save(archive, "c", text("c", title="Story C, retitled"), outcomes)
    assert seen[0].early and "articles/c.html" not in seen[1].result.written
    assert "index.html" in seen[1].result.written  # the lists show the new title after the rest
    assert not save(archive, "a", text("a", tags=("economy", "farming")), outcomes)[0].early  # a new tag page
    assert not save(archive, "d", text("d", day=11), outcomes)[0].early  # moves it among the others
    count = len(outcomes.seen)
    (archive / "content/articles/c.md").unlink()
    outcomes.wait_full(count)
    assert not save(archive, "e", text("e", tags=("energy",)), outcomes)[0].early
    assert all(o.ok for o in outcomes.seen)
    assert files(archive / "public") == clean_build(archive, tmp_path / "fresh")


def test_a_broken_save_shows_its_error_and_keeps_the_last_good_page(serving):
    archive, outcomes = serving
    page = archive / "public/articles/a.html"
    good = page.read_bytes()
    seen = save(archive, "a", "---\ntitle: [broken\n---\nbody\n", outcomes)
    assert [o.ok for o in seen] == [False]
    assert str(seen[0].problems[0]).startswith("content/articles/a.md:2: front matter is not valid YAML")
    assert page.read_bytes() == good
    seen = save(archive, "a", text("a", title="Story A, fixed"), outcomes)
    assert all(o.ok for o in seen) and b"Story A, fixed" in page.read_bytes()


def test_a_page_is_drawn_alone_only_from_the_model_of_a_build(archive):
    builder = Builder(Config(root=archive), in_place=True)
    live = LiveSite(builder)
    path = archive / "content/articles/a.md"
    path.write_text(text("a", body="Changed before any build.\n"), encoding="utf-8")
    assert live.redraw({path}) is None
    builder.build()
    path.write_text(text("a", body="Changed after the build.\n"), encoding="utf-8")
    assert live.redraw({path}) == ("articles/a.html",)
    assert live.redraw({path}) == ()  # drawn again: the same bytes, nothing written
    path.write_text(text("a", body="Changed after the build.\n", tags=("trade",)), encoding="utf-8")
    assert live.redraw({path}) is None  # leaves the economy pages: they must be drawn too
    assert live.redraw({archive / "content/articles/new.md"}) is None
    path.write_text(text("a", body="Changed once more.\n"), encoding="utf-8")
    shutil.rmtree(archive / "public")
    assert live.redraw({path}) is None  # the site was deleted: one page alone would be all there is
    assert not (archive / "public").exists()


def test_after_a_restart_that_found_nothing_changed_a_save_is_still_drawn_alone(archive):
    Builder(Config(root=archive), in_place=True).build()
    builder = Builder(Config(root=archive), in_place=True)  # as a new serve process
    assert builder.build().written == () and builder.model is None  # nothing changed: no model made
    builder.warm()
    path = archive / "content/articles/b.md"
    path.write_text(text("b", body="Written after the restart.\n"), encoding="utf-8")
    assert LiveSite(builder).redraw({path}) == ("articles/b.html",)
    assert b"Written after the restart." in (archive / "public/articles/b.html").read_bytes()
    fresh = builder.build()  # the rest: the page drawn alone was the build's own
    assert "articles/b.html" not in fresh.written and "index.html" in fresh.written
