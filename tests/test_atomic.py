"""atomic: whole files or none, one file at a time or many made durable together."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sitegen.atomic import AtomicBatch, leftovers, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_nothing_else(tmp_path: Path):
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and sorted(tmp_path.iterdir()) == [target]


def test_a_batch_puts_nothing_in_place_before_its_commit_then_every_file_in_order(tmp_path: Path):
    placed = []
    with AtomicBatch() as batch:
        for n in range(5):
            batch.add(tmp_path / f"{n}.md", f"article {n}".encode())
        assert sorted(p.name for p in tmp_path.glob("*.md")) == [] and len(leftovers(tmp_path, "*.md")) == 5
        assert batch.commit(lambda i: placed.append((i, sorted(p.name for p in tmp_path.glob("*.md"))))) == (5, None)
    assert placed[1] == (1, ["0.md", "1.md"])  # told as each file is in place
    assert [(tmp_path / f"{n}.md").read_text(encoding="utf-8") for n in range(5)] == [f"article {n}" for n in range(5)]
    assert leftovers(tmp_path, "*.md") == []


def test_a_refused_rename_keeps_the_files_before_it_and_removes_the_rest(tmp_path: Path, monkeypatch):
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with AtomicBatch() as batch:
        for n in range(5):
            batch.add(tmp_path / f"{n}.md", b"text")
        done, failed = batch.commit()
    assert done == 2 and failed is not None and failed.errno == errno.ENOSPC
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.md", "1.md"]


def test_a_batch_left_without_commit_leaves_no_file(tmp_path: Path):
    with AtomicBatch() as batch:
        batch.add(tmp_path / "a.md", b"text")
    assert list(tmp_path.iterdir()) == []
