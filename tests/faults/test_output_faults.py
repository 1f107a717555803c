"""Faults around `sitegen build`: a full disk, a read-only output folder, a damaged cache,
an article deleted or saved while the build reads it.

Each must end in one clear message (exit 1, no traceback) with the previous site
left whole, or in a site equal to a clean build: never in a half-written site,
and never in a page made from a cache file that was damaged. Every test drives
the command line, so it keeps testing whatever caches the build has.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.faults.dumps import write_dump

REPO = Path(__file__).resolve().parents[2]
FAULTY = Path(__file__).with_name("faulty_sitegen.py")
EDITED = "deepseek-chinas-open-source-ai-caused-a-geopolitical-earthquake.md"


def sitegen(root: Path, *args: str, fault: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, str(FAULTY)] if fault else [sys.executable, "-m", "sitegen"]
    return subprocess.run([*command, "-C", str(root), *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, **(fault or {})})


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make(root: Path) -> Path:
    """A copy of the project's own archive (22 articles from 3 dumps)."""
    shutil.copytree(REPO / "content", root / "content")
    (root / "sitegen.toml").write_text('title = "Faults"\n', encoding="utf-8")
    return root


_CLEAN: dict[str, dict[str, bytes]] = {}  # digest of the content → its clean build, so each is built once


def clean_build(root: Path, scratch: Path) -> dict[str, bytes]:
    """The site a fresh build of `root`'s content makes (a copy, no cache)."""
    content = hashlib.sha256()
    for path in sorted((root / "content").rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            content.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    key = content.hexdigest()
    if key not in _CLEAN:
        _CLEAN[key] = _build_apart(root, scratch)
    return _CLEAN[key]


def _build_apart(root: Path, scratch: Path) -> dict[str, bytes]:
    shutil.copytree(root / "content", scratch / "content")
    shutil.copy(root / "sitegen.toml", scratch / "sitegen.toml")
    done = sitegen(scratch, "build")
    assert done.returncode == 0, done.stderr
    return tree(scratch / "public")


def edit(root: Path, words: str = "Edited by hand.") -> None:
    path = root / "content/articles" / EDITED
    path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def assert_failed_cleanly(done: subprocess.CompletedProcess, *needles: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Error(" not in done.stderr, done.stderr
    for needle in needles:
        assert needle in done.stderr, done.stderr


def leftovers(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.startswith(".public")]


@pytest.fixture
def built(tmp_path) -> Path:
    root = make(tmp_path / "archive")
    done = sitegen(root, "build")
    assert done.returncode == 0, done.stderr
    return root


# -- a full disk -------------------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [0, 20_000])
def test_a_full_disk_stops_the_build_with_a_message_and_the_old_site_stays(built, tmp_path, budget):
    before = tree(built / "public")
    edit(built)
    shutil.rmtree(built / ".sitegen-cache")  # everything to render and write again
    full = sitegen(built, "build", fault={"FAULT_ENOSPC_AFTER": str(budget), "FAULT_ENOSPC_UNDER": str(built)})
    assert_failed_cleanly(full, "No space left on device")
    assert tree(built / "public") == before and leftovers(built) == []
    again = sitegen(built, "build")  # space freed: the next build finishes the work
    assert again.returncode == 0, again.stderr
    assert tree(built / "public") == clean_build(built, tmp_path / "clean")


@contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """A real tmpfs of `size` mounted at `where` (root only)."""
    where.mkdir(parents=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of the file system `folder` is on."""
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_really_full_disk_stops_the_build_and_the_old_site_stays(tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:  # room for the edited site once the filler is gone
        root = make(disk / "archive")
        assert sitegen(root, "build").returncode == 0
        before = tree(root / "public")
        edit(root, "Edited by hand " * 40000)  # bigger than what is left, even once the build cache (~1 MB) is given up
        filler = fill(disk)
        full = sitegen(root, "build")
        assert_failed_cleanly(full, "No space left on device")
        assert tree(root / "public") == before and leftovers(root) == []
        filler.unlink()
        again = sitegen(root, "build")
        assert again.returncode == 0, again.stderr
        assert tree(root / "public") == clean_build(root, tmp_path / "clean")


# -- a read-only output folder ------------------------------------------------------------------------


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` made read-only for sitegen: permissions, or (for root, who ignores them) a read-only bind mount."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    for command in (["mount", "--bind", str(folder), str(folder)], ["mount", "-o", "remount,bind,ro", str(folder)]):
        done = subprocess.run(command, capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", str(folder)], check=False, capture_output=True)
            pytest.skip(f"cannot make a read-only mount here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_output_folder_is_a_message_and_the_site_stays(built):
    before = tree(built / "public")
    edit(built)
    with read_only(built / "public"):
        done = sitegen(built, "build")
        assert_failed_cleanly(done, "public")
        assert tree(built / "public") == before
    assert leftovers(built) == []
    assert sitegen(built, "build").returncode == 0


def test_an_archive_on_a_read_only_disk_gives_one_message_per_command(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        root = make(disk / "archive")
        assert sitegen(root, "build").returncode == 0
        before = tree(root / "public")
        edit(root)
        dump = write_dump(tmp_path / "raw/new.txt", 20)
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        build = sitegen(root, "build")
        assert_failed_cleanly(build, "Read-only file system")
        assert len(build.stderr.strip().splitlines()) == 1, build.stderr
        assert tree(root / "public") == before
        split = sitegen(root, "split", str(dump))
        assert split.returncode == 1 and "Traceback" not in split.stderr
        assert "Read-only file system; the rest of new.txt was not split" in split.stderr
        assert len(split.stderr.strip().splitlines()) == 1, split.stderr


def test_an_output_folder_that_vanished_is_made_again(built, tmp_path):
    shutil.rmtree(built / "public")
    edit(built)
    done = sitegen(built, "build")
    assert done.returncode == 0, done.stderr
    assert tree(built / "public") == clean_build(built, tmp_path / "clean")


# -- a damaged cache --------------------------------------------------------------------------------


def cache_files(root: Path) -> list[Path]:
    return [p for p in sorted((root / ".sitegen-cache").rglob("*")) if p.is_file() and p.name != "build.lock"]


def damage(files: list[Path], how: str) -> dict[Path, bytes]:
    """Damage every cache file; returns what each now holds."""
    old = {p: p.read_bytes() for p in files}
    for n, path in enumerate(files):
        data = old[path]
        if how == "truncated":
            data = data[: len(data) // 2]
        elif how == "empty":
            data = b""
        elif how == "garbage":
            data = bytes((b * 7 + 13) % 256 for b in data)
        elif how == "flipped":  # one byte changed in the middle: still a valid file of its kind, often
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :] if data else data
        elif how == "swapped":  # each file holds its neighbour's (valid) contents
            data = old[files[(n + 1) % len(files)]]
        path.write_bytes(data)
    return {p: p.read_bytes() for p in files}


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "flipped", "swapped"])
def test_a_damaged_cache_is_discarded_and_rebuilt_never_trusted(built, tmp_path, how):
    files = cache_files(built)
    assert len(files) >= 2  # the build cache and the output manifest at least
    damaged = damage(files, how)
    shutil.rmtree(built / "public")  # every page made again from what the cache holds
    done = sitegen(built, "build")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert tree(built / "public") == clean_build(built, tmp_path / "clean")
    for path, data in damaged.items():
        assert not path.exists() or path.read_bytes() != data or how == "swapped" and data == b"", path


def test_a_damaged_cache_of_an_unchanged_site_still_gives_the_right_pages(built, tmp_path):
    damage(cache_files(built), "swapped")
    edit(built)
    done = sitegen(built, "build")
    assert done.returncode == 0, done.stderr
    assert tree(built / "public") == clean_build(built, tmp_path / "clean")


# -- an article deleted or saved while the build reads it ---------------------------------------------


def during_read(root: Path, action: str, text: str = "") -> subprocess.CompletedProcess:
    target = root / "content/articles" / EDITED
    return sitegen(root, "build", fault={"FAULT_ON_READ": str(target), "FAULT_ACTION": action, "FAULT_TEXT": text})


def test_an_article_deleted_while_the_build_reads_it(built, tmp_path):
    before = tree(built / "public")
    edit(built)
    done = during_read(built, "delete")
    if done.returncode == 0:  # taken as deleted: the site is the one without it
        assert tree(built / "public") == clean_build(built, tmp_path / "clean")
    else:
        assert_failed_cleanly(done, f"content/articles/{EDITED}")
        assert tree(built / "public") == before
    assert sitegen(built, "build").returncode == 0
    assert tree(built / "public") == clean_build(built, tmp_path / "clean-after")


def test_an_article_saved_while_the_build_reads_it(built, tmp_path):
    edit(built)  # changed since the last build, so the build reads it (an unchanged file comes from the cache)
    text = (built / "content/articles" / EDITED).read_text(encoding="utf-8") + "\nSaved during the build.\n"
    done = during_read(built, "save", text)
    assert done.returncode == 0, done.stderr
    assert tree(built / "public") == clean_build(built, tmp_path / "clean")
    assert b"Saved during the build." in (built / "public/articles" / EDITED.replace(".md", ".html")).read_bytes()


def test_an_article_caught_half_saved_is_a_message_and_the_site_stays(built):
    before = tree(built / "public")
    edit(built)
    done = during_read(built, "empty")
    assert_failed_cleanly(done, f"content/articles/{EDITED}")
    assert tree(built / "public") == before
