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
    archive, dump = archive_with_dump(
        tmp_path, "one.txt",
        "A story from elsewhere – The Ledger\n\n"
        "A paragraph long enough to be the body of a small article in a dump that arrives from a scraper.\n\n"
        "This article is republished under a Creative Commons license.\n",
    )
    result = sitegen("-C", str(archive), "split", str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created content/articles/a-story-from-elsewhere.md  (one.txt:1-5)")
    assert str(tmp_path) not in result.stdout + result.stderr


LISTING_DUMP = (
    "Latest news\n\n"
    "Harbour authority approves dredging of the inner channel\n"
    "The port's board voted to deepen the inner channel by two metres, a project it says will let larger ships dock.\n\n"
    "Farmers warn of poor wheat harvest after dry spring\n"
    "Growers in the northern plains say yields could fall by a third after the driest spring in forty years.\n\n"
    "City council delays vote on new bus lanes\n"
    "Councillors pushed the decision to next month after shop owners asked for more time to respond.\n\n"
    "Museum returns bronze statues to their country of origin\n"
    "The six statues were taken in the nineteenth century and had been on display since 1902.\n"
)


def archive_with_dump(tmp_path, name, text):
    """A new archive (made by `sitegen new`) holding one raw dump: (archive, dump)."""
    archive = tmp_path / "archive"
    assert sitegen("new", str(archive)).returncode == 0
    dump = archive / "content/raw" / name
    dump.write_text(text, encoding="utf-8")
    return archive, dump


def test_split_dry_run_prints_the_plan_and_writes_nothing(tmp_path):
    archive, dump = archive_with_dump(tmp_path, "listing.txt", LISTING_DUMP)
    before = sorted(p.relative_to(archive) for p in archive.rglob("*"))
    result = sitegen("-C", str(archive), "split", "--dry-run", str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(archive) for p in archive.rglob("*")) == before
    lines = result.stdout.splitlines()
    assert lines[0] == "content/raw/listing.txt: 4 articles (dry run: nothing written)"
    assert lines[1].startswith("  lines 3-4  fragment  'Harbour authority approves dredging of the inner channel'  by no author")
    assert "confidence" in lines[1]


def test_split_ends_with_what_to_review_naming_dump_lines(tmp_path):
    archive, dump = archive_with_dump(
        tmp_path, "odd.txt",
        "uring the night the river rose above the old wall and flooded the low streets near the harbour.\n\n"
        "By morning the water had reached the doors of the fish market, and traders carried their stock upstairs.\n\n"
        "Harbour cranes return to the old port\n\nBy Maria Costa\n\n"
        "Cranes are back at the old port for the first time in a decade, and dock workers say ships will follow.\n",
    )
    result = sitegen("-C", str(archive), "split", str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    review = result.stdout.split("to review (")[1].splitlines()[1:]
    assert review[0].startswith("  content/raw/odd.txt:1: no title line")
    assert review[0].endswith("→ content/articles/untitled-fragment-odd-txt-line-1.md")
    text = (archive / "content/articles/untitled-fragment-odd-txt-line-1.md").read_text(encoding="utf-8")
    assert "title: \"Untitled fragment (odd.txt line 1)\"" in text or "title: Untitled fragment (odd.txt line 1)" in text
    assert 'tags: ["flag", "review"]' in text
    assert "Harbour cranes return" not in text  # the headline after the fragment starts the next article


def test_the_review_list_shows_the_least_sure_articles_first(capsys):
    from sitegen.cli import REVIEW_SHOWN, _print_review
    from sitegen.console import Console

    sure = [(0.75, "raw/a.txt", line, "item end inferred", None) for line in range(1, REVIEW_SHOWN + 1)]
    unsure = [(0.5, "raw/b.txt", 3, "new item inferred", None), (0.5, "raw/b.txt", 9, "no title line", "content/articles/b.md")]
    _print_review(Console(), sure + unsure)
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == f"to review ({REVIEW_SHOWN + 2}, least sure first):"
    assert shown[1] == "  raw/b.txt:3: new item inferred"  # least sure first, then in the split's order
    assert shown[2] == "  raw/b.txt:9: no title line  → content/articles/b.md"
    assert shown[3] == "  raw/a.txt:1: item end inferred"
    assert shown[-1] == "  … and 2 more: search the articles for review flags"
