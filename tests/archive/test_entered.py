"""When a file entered the archive: its first commit in git, else its modification day."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from sitegen.archive.entered import EntryDates, first_commits, modified


def git(folder, *args, date="2024-02-03T10:00:00+00:00"):
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="E", GIT_AUTHOR_EMAIL="e@x",
               GIT_COMMITTER_NAME="E", GIT_COMMITTER_EMAIL="e@x")
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_first_commit_of_each_file_counts_not_later_edits(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    git(tmp_path, "init", "-q")
    (articles / "a.md").write_text("one")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "a")
    (articles / "a.md").write_text("two")
    (articles / "b.md").write_text("new")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "b", date="2025-06-07T10:00:00+00:00")
    assert first_commits(articles) == {"a.md": dt.date(2024, 2, 3), "b.md": dt.date(2025, 6, 7)}
    (articles / "c.md").write_text("not committed")
    os.utime(articles / "c.md", (1_600_000_000, 1_600_000_000))
    dates = EntryDates(articles)
    assert (dates.of(articles / "a.md"), dates.of(articles / "c.md")) == (dt.date(2024, 2, 3), dt.date(2020, 9, 13))


def test_outside_a_repository_the_file_time_counts(tmp_path):
    (tmp_path / "a.md").write_text("x")
    os.utime(tmp_path / "a.md", (1_600_000_000, 1_600_000_000))
    assert first_commits(tmp_path) == {}
    assert EntryDates(tmp_path).of(tmp_path / "a.md") == modified(tmp_path / "a.md") == dt.date(2020, 9, 13)
