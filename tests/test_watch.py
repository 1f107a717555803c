"""The watcher rebuilds once per burst of saves, sees editors' rename-saves, ignores scratch files;
the session survives broken saves and starts over when sitegen.toml changes."""

from __future__ import annotations

import datetime as dt

import os
import threading
import time
from pathlib import Path

import pytest

from sitegen.config import Config
from sitegen.console import Console
from sitegen.frontmatter import dump_article
from sitegen.model import Article, Source
from sitegen.watch import Session, Watcher, is_relevant, is_scratch, watch_session
from tests.browser_support import sitegen_running

QUIET = 0.15  # the debounce used here: long enough for a slow CI machine to finish a burst


def article_text(title: str) -> str:
    return dump_article(Article(slug="a", path="", title=title, body="Text of the article.\n",
                                source=(Source("d.txt", (1, 2)),), added=dt.date(2026, 1, 1)))


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(article_text("First"))
    return tmp_path


class Recorder:
    """An `on_change` that remembers each batch."""

    def __init__(self) -> None:
        self.batches: list[set[Path]] = []
        self.event = threading.Event()

    def __call__(self, paths: set[Path]) -> None:
        self.batches.append(paths)
        self.event.set()

    def wait(self, seconds: float = 5.0) -> None:
        assert self.event.wait(seconds), "no rebuild was triggered"
        time.sleep(3 * QUIET)  # let any (wrong) second batch arrive

    @property
    def names(self) -> set[str]:
        return {p.name for batch in self.batches for p in batch}


@pytest.fixture
def watching(archive):
    recorder = Recorder()
    watcher = Watcher(Config(root=archive), recorder, debounce=QUIET)
    watcher.start()
    time.sleep(0.2)
    yield archive, recorder
    watcher.stop()


def test_pokes_closer_than_the_quiet_window_are_one_batch():
    recorder = Recorder()
    watcher = Watcher(Config(root=Path(".")), recorder, debounce=0.3)
    watcher.thread.start()
    try:
        started = time.monotonic()
        for n in range(12):  # 12 events over ~0.55 s: longer than the window, but never quiet for it
            watcher.poke(Path(f"content/articles/{n}.md"))
            time.sleep(0.05)
        recorder.wait()
        assert len(recorder.batches) == 1 and len(recorder.batches[0]) == 12
        assert time.monotonic() - started >= 0.85  # the window is measured from the last event
    finally:
        watcher.stop()


def test_a_burst_of_saves_is_one_rebuild(watching):
    archive, recorder = watching
    target = archive / "content/articles/a.md"
    for n in range(8):
        target.write_text(article_text(f"Title {n}"))
        time.sleep(0.02)
    recorder.wait()
    assert len(recorder.batches) == 1
    assert target in recorder.batches[0]


def test_vim_save_by_backup_and_rename_is_seen(watching):
    archive, recorder = watching
    folder = archive / "content/articles"
    (folder / ".a.md.swp").write_text("vim swap")
    (folder / "4913").write_text("")  # vim checks it may create files in the folder
    (folder / "4913").unlink()
    os.replace(folder / "a.md", folder / "a.md~")  # backupcopy=no: the old file becomes the backup
    (folder / "a.md").write_text(article_text("Saved by vim"))
    (folder / "a.md~").unlink()
    recorder.wait()
    assert len(recorder.batches) == 1
    assert recorder.names == {"a.md"}


def test_jetbrains_safe_write_is_seen(watching):
    archive, recorder = watching
    folder = archive / "content/articles"
    (folder / "a.md___jb_tmp___").write_text(article_text("Saved by an IDE"))
    os.replace(folder / "a.md", folder / "a.md___jb_old___")
    os.replace(folder / "a.md___jb_tmp___", folder / "a.md")
    (folder / "a.md___jb_old___").unlink()
    recorder.wait()
    assert recorder.names == {"a.md"}


def test_a_temporary_file_renamed_over_the_article_is_seen(watching):
    archive, recorder = watching
    folder = archive / "content/articles"
    (folder / "a.md.tmp").write_text(article_text("Atomic save"))
    os.replace(folder / "a.md.tmp", folder / "a.md")
    recorder.wait()
    assert recorder.names == {"a.md"}


def test_a_folder_made_after_the_start_is_watched(watching):
    archive, recorder = watching
    (archive / "templates").mkdir()
    recorder.wait()
    recorder.event.clear()
    (archive / "templates" / "article.html").write_text("{{ page.title }}")
    recorder.wait()
    assert "article.html" in recorder.names


def test_scratch_output_and_unrelated_files_are_ignored(archive):
    cfg = Config(root=archive)
    for relevant in ("content/articles/a.md", "content/raw/dump.txt", "sitegen.toml", "templates/base.html",
                     "static/logo.svg", "themes/default/templates/base.html", "themes/default/static/style.css"):
        assert is_relevant(archive / relevant, cfg), relevant
    for ignored in ("public/index.html", "public/articles/a.html", ".sitegen-cache/bodies/x", "content/articles/.a.md.swp",
                    "content/articles/4913", "content/articles/a.md~", "content/articles/.#a.md",
                    "content/articles/#a.md#", "content/articles/a.md.tmp", "content/articles/a.md___jb_tmp___",
                    "content/articles/a.md___jb_old___", "content/.git/index", "notes.txt", ".git/index",
                    "README.md"):
        assert not is_relevant(archive / ignored, cfg), ignored


def test_an_output_folder_inside_a_watched_one_is_still_ignored(archive):
    cfg = Config(root=archive, output_dir="static/site")
    assert not is_relevant(archive / "static/site/index.html", cfg)
    assert is_relevant(archive / "static/logo.svg", cfg)


@pytest.mark.parametrize("name,scratch", [("a.md", False), ("a.md.swp", True), ("4913", True), (".#a.md", True),
                                          ("a.md~", True), ("a.md.tmp", True), ("dump.txt", False)])
def test_is_scratch(name, scratch):
    assert is_scratch(name) is scratch


def test_a_broken_save_keeps_the_session_alive_and_the_fix_recovers(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    assert session.rebuild().ok
    page = archive / "public/articles/a.html"
    good = page.read_bytes()
    (archive / "content/articles/a.md").write_text("---\ntitle: [broken\n---\nbody\n")
    outcome = session.rebuild({archive / "content/articles/a.md"})
    assert not outcome.ok and str(outcome.problems[0]).startswith("content/articles/a.md:2: front matter is not valid YAML")
    assert page.read_bytes() == good
    (archive / "content/articles/a.md").write_text(article_text("Fixed"))
    assert session.rebuild({archive / "content/articles/a.md"}).ok
    assert b"Fixed" in page.read_bytes()


def test_listeners_hear_every_outcome(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    heard = []
    session.listeners.append(heard.append)
    session.rebuild()
    (archive / "content/articles/a.md").write_text("---\ntitle: [broken\n---\n")
    session.rebuild({archive / "content/articles/a.md"})
    assert [o.ok for o in heard] == [True, False] and session.last is heard[-1]


def test_config_change_starts_a_fresh_builder_with_the_new_settings(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    session.rebuild()
    old = session.builder
    (archive / "sitegen.toml").write_text('title = "Renamed archive"\n')
    outcome = session.rebuild({archive / "sitegen.toml"})
    assert outcome.ok and session.cfg.title == "Renamed archive" and session.builder is not old
    assert b"Renamed archive" in (archive / "public/index.html").read_bytes()
    assert {"index.html", "articles/a.html"} <= set(outcome.result.written)


def test_command_line_flags_survive_a_config_reload(archive):
    (archive / "sitegen.toml").write_text('title = "One"\n')
    session = Session(Config(root=archive, title="One", output_dir="site"), Console(quiet=True))
    (archive / "sitegen.toml").write_text('title = "Two"\noutput_dir = "elsewhere"\n')
    assert session.rebuild({archive / "sitegen.toml"}).ok
    assert (session.cfg.title, session.cfg.output_dir) == ("Two", "site")
    assert (archive / "site/index.html").is_file() and not (archive / "elsewhere").exists()


def test_a_broken_config_is_reported_and_the_old_one_kept(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    session.rebuild()
    (archive / "sitegen.toml").write_text("page_size = 0\n")
    outcome = session.rebuild({archive / "sitegen.toml"})
    assert not outcome.ok and str(outcome.problems[0]).endswith("sitegen.toml:1: page_size: must be at least 1, got 0")
    assert session.cfg.page_size == 20
    again = session.rebuild({archive / "content/articles/a.md"})  # an article saved meanwhile
    assert not again.ok and "page_size" in str(again.problems[0])  # still reported, not built with stale settings
    (archive / "sitegen.toml").write_text("page_size = 5\n")
    assert session.rebuild({archive / "sitegen.toml"}).ok and session.cfg.page_size == 5


def test_watch_session_rebuilds_on_a_save(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    done = threading.Event()
    session.listeners.append(lambda outcome: done.set())
    watcher = watch_session(session, debounce=0.05)
    watcher.start()
    try:
        session.rebuild()
        done.clear()
        (archive / "content/articles/a.md").write_text(article_text("Saved while watching"))
        assert done.wait(10)
        assert b"Saved while watching" in (archive / "public/articles/a.html").read_bytes()
    finally:
        watcher.stop()


def test_sitegen_watch_keeps_going_after_a_mistake_and_stops_on_ctrl_c(archive):
    with sitegen_running(archive, "watch", ready="watching") as watching:
        (archive / "content/articles/a.md").write_text("---\ntitle: [broken\n---\n")
        watching.wait_for(r"content/articles/a\.md:2: front matter is not valid YAML", stream="err")
        (archive / "content/articles/a.md").write_text(article_text("Fixed"))
        watching.wait_for(r"rebuilt in \d+ ms: \d+ files? written")
        code, out, err = watching.stop()
    assert code == 0, err
    assert "Traceback" not in err and out.rstrip().endswith("stopped")
    assert b"Fixed" in (archive / "public/articles/a.html").read_bytes()


def test_ctrl_c_stops_watch_even_when_it_was_started_with_ctrl_c_ignored(archive):
    with sitegen_running(archive, "watch", ready="watching", ctrl_c_ignored=True) as watching:
        code, _, err = watching.stop(timeout=15)
    assert code == 0, err
