"""plan: a dump read into articles, and the plan of a split that writes nothing."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from sitegen.archive import plan
from sitegen.archive.plan import dump_articles, plan_files, split_dump

LISTING = "\n\n".join(
    f"{headline}\n{teaser}"
    for headline, teaser in [
        ("Council votes to keep Elm Street library open on Sundays", "Councillors voted 9-4 on Tuesday night to restore Sunday hours."),
        ("Ferry operator blames engine fault for cancelled crossings", "A replacement part has been flown in from Rotterdam."),
        ("Teachers at three primary schools vote to strike", "Union officials said the ballot showed overwhelming support."),
        ("Hospital car park charges to rise by 50p from April", "The trust said the money would pay for better lighting."),
    ]
) + "\n\nShare our publication on social media\n"


def test_the_plan_lists_every_item_and_writes_nothing(tmp_path: Path):
    dump = tmp_path / "raw" / "listing.txt"
    dump.parent.mkdir()
    dump.write_text(LISTING, encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    (plan,) = plan_files([dump], root=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before
    assert plan.file == "raw/listing.txt"
    assert [a.title for a in plan.articles] == [
        "Council votes to keep Elm Street library open on Sundays",
        "Ferry operator blames engine fault for cancelled crossings",
        "Teachers at three primary schools vote to strike",
        "Hospital car park charges to rise by 50p from April",
    ]
    assert {a.kind.value for a in plan.articles} == {"fragment"}  # teasers of a listing page
    assert all(0.0 < a.confidence <= 1.0 for a in plan.articles)


def test_an_unreadable_dump_is_a_problem_in_the_plan(tmp_path: Path):
    (plan,) = plan_files([tmp_path / "missing.txt"], root=tmp_path)
    assert plan.articles == ()
    assert "cannot read" in plan.problems[0].message


def test_furniture_recurring_in_the_file_is_known_before_the_split(tmp_path: Path):
    dump = tmp_path / "d.txt"
    body = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn."
    dump.write_text("\n\n".join(f"Headline number {n} about the port\n\n{body}\n\nPolitics" for n in range(3)), encoding="utf-8")
    articles = list(dump_articles(dump, "d.txt", []))
    assert all("Politics" not in a.body for a in articles)


def _bad_bytes_dump(path: Path) -> Path:
    """Three articles, invalid UTF-8 in the second and an empty last line: problems between articles."""
    body = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn."
    texts = [f"Harbour story number {n} for the district\n\nBy Jane Hill\n\n{body} Day {n}.\n\n{body}" for n in range(3)]
    path.write_bytes("\n\n".join(texts).encode("utf-8").replace(b"Day 1", b"Day \xff1") + b"\n")
    return path


def _elsewhere(read):
    """`read`, refusing to run in this process."""
    parent = os.getpid()

    def elsewhere(*args):
        assert os.getpid() != parent, "not split in a second process"
        return read(*args)

    return elsewhere


@pytest.fixture
def forking(monkeypatch):
    """Dumps are split by a forked child even here, where the test runner may run threads of its own."""
    monkeypatch.setattr(plan, "may_fork", lambda: True)


def test_no_fork_while_another_thread_runs():
    assert plan.may_fork() == (threading.active_count() == 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not plan.may_fork()
    finally:
        stop.set()
        other.join()


def test_a_large_dump_split_in_a_second_process_gives_the_same_articles_and_problems(tmp_path: Path, monkeypatch, forking):
    dump = _bad_bytes_dump(tmp_path / "d.txt")
    here: list = []
    expected = list(split_dump(dump, "raw/d.txt", here))
    monkeypatch.setattr(plan, "BACKGROUND_BYTES", 0)  # every dump is large
    monkeypatch.setattr(plan, "SENT", 2)
    monkeypatch.setattr(plan, "dump_articles", _elsewhere(plan.dump_articles))
    there: list = []
    assert list(split_dump(dump, "raw/d.txt", there)) == expected
    assert len(expected) == 3
    assert there == here and "raw/d.txt" in str(here[0]) and "invalid UTF-8" in str(here[0])


def test_a_dump_the_second_process_cannot_read_is_an_oserror(tmp_path: Path, monkeypatch, forking):
    def unreadable(*args):
        raise PermissionError(13, "Permission denied")


    monkeypatch.setattr(plan, "BACKGROUND_BYTES", 0)
    monkeypatch.setattr(plan, "dump_articles", _elsewhere(unreadable))
    with pytest.raises(OSError, match="Permission denied"):
        list(split_dump(_bad_bytes_dump(tmp_path / "d.txt"), "d.txt", []))


def test_a_caller_that_stops_early_ends_the_second_process(tmp_path: Path, monkeypatch, forking):
    monkeypatch.setattr(plan, "BACKGROUND_BYTES", 0)
    monkeypatch.setattr(plan, "SENT", 1)
    dump = tmp_path / "d.txt"
    body = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn. " * 12
    # more than a pipe holds: the second process is still sending when the caller stops
    dump.write_text("\n\n".join(f"Harbour story number {n} for the district\n\n{body}\n\n{body}" for n in range(80)))
    articles = split_dump(dump, "d.txt", [])
    next(articles)
    assert multiprocessing.active_children() != []
    articles.close()
    assert multiprocessing.active_children() == []
