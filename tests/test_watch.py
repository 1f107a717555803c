"""The watcher rebuilds once per burst of saves, sees editors' rename-saves, ignores scratch files."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from sitegen.config import Config
from sitegen.console import Console
from sitegen.frontmatter import dump_article
from sitegen.model import Article, Source
from sitegen.watch import Session, Watcher, is_relevant


def article_text(title: str) -> str:
    return dump_article(Article(slug="a", path="", title=title, body="Text of the article.\n", source=(Source("d.txt", (1, 2)),)))


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(article_text("First"))
    return tmp_path


class Recorder:
    def __init__(self) -> None:
        self.batches: list[set[Path]] = []
        self.event = threading.Event()

    def __call__(self, paths: set[Path]) -> None:
        self.batches.append(paths)
        self.event.set()

    def wait(self, seconds: float = 5.0) -> None:
        assert self.event.wait(seconds), "no rebuild was triggered"
        time.sleep(0.3)  # let any (wrong) second batch arrive


@pytest.fixture
def watching(archive):
    recorder = Recorder()
    watcher = Watcher(Config(root=archive), recorder, debounce=0.15)
    watcher.start()
    time.sleep(0.2)
    yield archive, recorder
    watcher.stop()


def test_a_burst_of_saves_is_one_rebuild(watching):
    archive, recorder = watching
    target = archive / "content/articles/a.md"
    for n in range(8):
        target.write_text(article_text(f"Title {n}"))
        time.sleep(0.01)
    recorder.wait()
    assert len(recorder.batches) == 1
    assert target in recorder.batches[0]


def test_save_by_temporary_file_and_rename_is_seen(watching):
    archive, recorder = watching
    folder = archive / "content/articles"
    scratch = folder / ".a.md.swp"
    scratch.write_text("vim swap")
    tmp = folder / "a.md~"
    tmp.write_text(article_text("Renamed in"))
    os.replace(tmp, folder / "a.md")
    recorder.wait()
    assert any(p.name == "a.md" for batch in recorder.batches for p in batch)
    assert not any(p.name in (".a.md.swp", "a.md~") for batch in recorder.batches for p in batch)


def test_output_and_scratch_files_are_ignored(archive):
    cfg = Config(root=archive)
    assert is_relevant(archive / "content/articles/a.md", cfg)
    assert is_relevant(archive / "sitegen.toml", cfg)
    assert is_relevant(archive / "themes/default/templates/base.html", cfg)
    for ignored in ("public/index.html", ".sitegen-cache/x", "content/articles/.a.md.swp", "content/articles/4913",
                    "content/articles/a.md~", "content/articles/.#a.md", "notes.txt", ".git/index"):
        assert not is_relevant(archive / ignored, cfg), ignored


def test_a_broken_save_keeps_the_session_alive_and_the_fix_recovers(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    assert session.rebuild().ok
    page = archive / "public/articles/a.html"
    good = page.read_bytes()
    (archive / "content/articles/a.md").write_text("---\ntitle: [broken\n---\nbody\n")
    outcome = session.rebuild({archive / "content/articles/a.md"})
    assert not outcome.ok and str(outcome.problems[0]).startswith("content/articles/a.md:3: front matter is not valid YAML")
    assert page.read_bytes() == good
    (archive / "content/articles/a.md").write_text(article_text("Fixed"))
    assert session.rebuild({archive / "content/articles/a.md"}).ok
    assert b"Fixed" in page.read_bytes()


def test_config_change_rebuilds_with_the_new_settings(archive):
    session = Session(Config(root=archive), Console(quiet=True))
    session.rebuild()
    (archive / "sitegen.toml").write_text('title = "Renamed archive"\n')
    outcome = session.rebuild({archive / "sitegen.toml"})
    assert outcome.ok and session.cfg.title == "Renamed archive"
    assert b"Renamed archive" in (archive / "public/index.html").read_bytes()
    assert "index.html" in outcome.result.written and "articles/a.html" in outcome.result.written
