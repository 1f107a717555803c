import os

import pytest

from sitegen.errors import OutputError
from sitegen.output import BuildLock, OutputWriter


def tree(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def writer(tmp_path):
    return OutputWriter(tmp_path / "public", tmp_path / ".cache")


def test_swap_writes_the_whole_site(writer):
    report = writer.write_swap({"index.html": b"home", "a/b.html": b"b"})
    assert tree(writer.out_dir) == {"index.html": b"home", "a/b.html": b"b"}
    assert sorted(report.written) == ["a/b.html", "index.html"]


def test_swap_rewrites_only_changed_files_and_removes_stale_ones(writer):
    writer.write_swap({"index.html": b"home", "a/b.html": b"b", "old.html": b"x"})
    kept = (writer.out_dir / "a/b.html").stat().st_ino
    report = writer.write_swap({"index.html": b"home 2", "a/b.html": b"b"})
    assert report.written == ("index.html",) and report.deleted == ("old.html",)
    assert tree(writer.out_dir) == {"index.html": b"home 2", "a/b.html": b"b"}
    assert (writer.out_dir / "a/b.html").stat().st_ino == kept  # hard-linked, not rewritten


def test_in_place_update_touches_only_changes(writer):
    writer.write_swap({"index.html": b"home", "a/b.html": b"b", "c/d.html": b"d"})
    before = (writer.out_dir / "a/b.html").stat().st_mtime_ns
    report = writer.write_in_place({"index.html": b"new", "a/b.html": b"b"})
    assert report.written == ("index.html",) and report.deleted == ("c/d.html",)
    assert (writer.out_dir / "a/b.html").stat().st_mtime_ns == before
    assert not (writer.out_dir / "c").exists()  # emptied folders go too


def test_a_build_killed_mid_swap_is_recovered(writer, tmp_path):
    writer.write_swap({"index.html": b"v1"})
    # A kill between the two renames of the fallback swap leaves only the old folder.
    os.rename(writer.out_dir, tmp_path / ".public.old")
    (tmp_path / ".public.staging-999").mkdir()
    writer.write_swap({"index.html": b"v2"})
    assert tree(writer.out_dir) == {"index.html": b"v2"}
    assert not (tmp_path / ".public.old").exists() and not list(tmp_path.glob(".public.staging-*"))


def test_unwritable_output_is_a_clear_error(writer, tmp_path):
    if os.geteuid() == 0:
        # root ignores permissions; a file where the folder should be fails the same way
        (tmp_path / "public").write_text("not a folder")
    else:
        tmp_path.chmod(0o500)
    with pytest.raises(OutputError, match="public"):
        writer.write_swap({"index.html": b"x"})


def test_two_builds_at_once_are_refused(tmp_path):
    with BuildLock(tmp_path):
        with pytest.raises(OutputError, match="another sitegen build is running"):
            with BuildLock(tmp_path):
                pass
    with BuildLock(tmp_path):  # released afterwards
        pass


@pytest.mark.parametrize("write", ["write_in_place", "write_swap"])
def test_a_file_changed_or_removed_by_hand_is_put_back_even_when_the_site_is_unchanged(writer, write):
    site = {"index.html": b"home", "a/b.html": b"b", "c.html": b"c"}
    writer.write_swap(site)
    (writer.out_dir / "a/b.html").write_bytes(b"X")  # same size: only its mtime tells
    (writer.out_dir / "c.html").unlink()
    report = getattr(writer, write)(site)  # the very same bytes objects as last time
    assert tree(writer.out_dir) == site
    assert sorted(report.written) == ["a/b.html", "c.html"]
