"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

import subprocess
import sys

import pytest

from sitegen.cli import run


def sitegen(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("command", ["split", "build", "serve", "watch", "check", "new"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        run([command, "--help"])
    assert info.value.code == 0
    assert command in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    assert run(["publish"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and "Traceback" not in err


def test_split_without_files_is_a_usage_error(capsys):
    assert run(["split"]) == 2


def test_split_of_a_missing_file_names_it(tmp_path, capsys):
    assert run(["-C", str(tmp_path), "split", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_bad_port_is_a_usage_error(tmp_path, capsys):
    assert run(["-C", str(tmp_path), "serve", "--port", "70000"]) == 2


def test_missing_root_is_a_usage_error(tmp_path, capsys):
    assert run(["-C", str(tmp_path / "nowhere"), "build"]) == 2


def test_config_error_is_reported_with_its_line(tmp_path, capsys):
    (tmp_path / "sitegen.toml").write_text('title = "x"\npage_size = "ten"\n')
    assert run(["-C", str(tmp_path), "build"]) == 1
    err = capsys.readouterr().err
    assert "sitegen.toml:2: page_size: expected a whole number" in err


def test_new_refuses_a_folder_with_files(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    assert run(["new", str(tmp_path)]) == 2
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_new_archive_builds_cleanly(tmp_path):
    site = tmp_path / "archive"
    assert sitegen("new", str(site)).returncode == 0
    result = sitegen("-C", str(site), "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "public" / "index.html").is_file()
    assert "built" in result.stdout


def test_split_names_files_relative_to_the_archive_wherever_it_runs_from(tmp_path):
    archive = tmp_path / "archive"
    assert sitegen("new", str(archive)).returncode == 0
    dump = archive / "content/raw/one.txt"
    dump.write_text(
        "A story from elsewhere – The Ledger\n\n"
        "A paragraph long enough to be the body of a small article in a dump that arrives from a scraper.\n\n"
        "This article is republished under a Creative Commons license.\n",
        encoding="utf-8",
    )
    result = sitegen("-C", str(archive), "split", str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created content/articles/a-story-from-elsewhere.md  (one.txt:1-5)")
    assert str(tmp_path) not in result.stdout + result.stderr
