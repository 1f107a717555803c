"""ahead: many dumps split by worker processes give what one process gives, in the same order."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from sitegen.archive import ahead, plan
from sitegen.archive.ahead import SplitAhead
from sitegen.errors import Problem

BODY = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn."


def _dump(folder: Path, n: int, bad: bool = False) -> Path:
    """Two articles; invalid UTF-8 in the second when `bad` (a problem between articles)."""
    texts = [f"Harbour story {n}-{k} for the district of Elm\n\nBy Jane Hill\n\n{BODY} Day {k}.\n\n{BODY}" for k in range(2)]
    data = "\n\n".join(texts).encode("utf-8")
    path = folder / f"dump{n:02}.txt"
    path.write_bytes(data.replace(b"Day 1", b"Day \xff1") if bad else data)
    return path


def _titled(article) -> tuple[int, str]:
    return os.getpid(), article.title


@pytest.fixture
def shared(monkeypatch):
    """Workers start for any amount of work, each dump its own chunk, even under a test runner's threads."""
    monkeypatch.setattr(ahead, "SHARED_FROM", 0)
    monkeypatch.setattr(ahead, "CHUNK_BYTES", 1)
    monkeypatch.setattr(plan, "may_fork", lambda: True)


def _take(dumps: list[Path], wanted: set[int], workers: int) -> tuple[list, list[Problem], set[int]]:
    """What the caller gets for the dumps it asks for; and the processes that split them."""
    got: list = []
    problems: list[Problem] = []
    with SplitAhead([(d, f"raw/{d.name}") if at in wanted else None for at, d in enumerate(dumps)], _titled,
                    workers) as split:
        for at, dump in enumerate(dumps):
            if at not in wanted:
                continue
            try:
                pairs = list(split.articles(at, dump, f"raw/{dump.name}", problems))
            except OSError as exc:
                got.append(f"cannot read {dump.name}: {exc.strerror}")
                continue
            got += [title for _, title in pairs]
            got.append({pid for pid, _ in pairs})
    pids = set().union(*(g for g in got if isinstance(g, set)))
    return [g for g in got if not isinstance(g, set)], problems, pids


def test_workers_give_the_same_articles_and_problems_in_the_same_order(tmp_path: Path, shared):
    dumps = [_dump(tmp_path, n, bad=n % 3 == 1) for n in range(9)]
    alone = _take(dumps, set(range(9)), workers=1)
    shared_out = _take(dumps, set(range(9)), workers=2)
    assert shared_out[:2] == alone[:2]
    assert len(alone[0]) == 18 and alone[0][0] == "Harbour story 0-0 for the district of Elm"
    assert [str(p) for p in alone[1]][0].startswith("raw/dump01.txt") and "invalid UTF-8" in str(alone[1][0])
    assert alone[2] == {os.getpid()}
    assert os.getpid() not in shared_out[2]  # split by the workers, not here


def test_dumps_the_caller_passes_over_are_not_given(tmp_path: Path, shared):
    dumps = [_dump(tmp_path, n) for n in range(8)]
    titles, _, _ = _take(dumps, {1, 2, 6}, workers=2)
    assert titles == [f"Harbour story {n}-{k} for the district of Elm" for n in (1, 2, 6) for k in range(2)]


def test_a_dump_a_worker_cannot_read_is_an_oserror_in_its_place(tmp_path: Path, shared):
    dumps = [_dump(tmp_path, n) for n in range(4)]
    dumps[2].unlink()
    dumps[2].mkdir()  # found, and sent to a worker, which cannot read it
    titles, _, pids = _take(dumps, set(range(4)), workers=2)
    assert titles[4] == "cannot read dump02.txt: Is a directory"
    assert titles[5:] == ["Harbour story 3-0 for the district of Elm", "Harbour story 3-1 for the district of Elm"]
    assert os.getpid() not in pids


def test_a_missing_dump_is_an_oserror_in_its_place(tmp_path: Path, shared):
    dumps = [_dump(tmp_path, n) for n in range(4)]
    dumps[1].unlink()
    titles, _, _ = _take(dumps, set(range(4)), workers=2)
    assert titles[2] == "cannot read dump01.txt: No such file or directory"
    assert len(titles) == 7


def test_no_workers_while_another_thread_runs(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ahead, "SHARED_FROM", 0)
    monkeypatch.setattr(ahead, "CHUNK_BYTES", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        _, _, pids = _take([_dump(tmp_path, n) for n in range(4)], set(range(4)), workers=2)
    finally:
        stop.set()
        other.join()
    assert pids == {os.getpid()}


def _marked(article) -> str:
    """Leaves a mark per article split, in the folder the test names."""
    Path(os.environ["SPLIT_MARKS"], f"{os.getpid()}-{time.monotonic_ns()}").touch()
    return article.title


def test_workers_split_only_a_few_chunks_ahead_of_the_caller(tmp_path: Path, shared, monkeypatch):
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("SPLIT_MARKS", str(marks))
    dumps = [_dump(tmp_path, n) for n in range(40)]
    with SplitAhead([(d, d.name) for d in dumps], _marked, workers=2) as split:
        assert list(split.articles(0, dumps[0], dumps[0].name, [])) != []
        seen, settled = -1, time.monotonic()
        while time.monotonic() - settled < 0.5:  # until the workers have done what they may
            count = len(list(marks.iterdir()))
            if count != seen:
                seen, settled = count, time.monotonic()
            time.sleep(0.05)
    assert 2 * 2 <= seen <= 2 * (ahead.WAITING * 2 + 1)  # two articles a dump, a dump a chunk
