"""`sitegen split` killed (SIGKILL) at any point of a large dump loses nothing.

After the kill every article file on disk is whole (the very bytes an
uninterrupted split writes), and running the split again finishes the work:
the same files and the same index as a split that was never interrupted, no
article twice, no leftover temporary file, and the editor's change made in
between kept. The kill points are hit exactly through `faulty_sitegen.py`
(SIGKILL at the N-th atomic rename), and once by a plain timer on the real
command.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article
from tests.faults.dumps import article_texts, make_archive, write_dump

FAULTY = Path(__file__).with_name("faulty_sitegen.py")
COUNT = 150  # articles in the big dump; one atomic write each, then one for the index
EDIT = "\nA paragraph the editor added after the crash.\n"


def sitegen(root: Path, *args: str, fault: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [sys.executable, str(FAULTY)] if fault else [sys.executable, "-m", "sitegen"]
    return subprocess.run(
        [*command, "-C", str(root), *args], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(fault or {})},
    )


def articles(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "content/articles").glob("*.md"))}


def hidden(root: Path) -> list[str]:
    """Anything in the content folders that is neither an article, a dump nor the index."""
    content = root / "content"
    found = [p.name for p in (content / "articles").iterdir() if not p.name.endswith(".md") or p.name.startswith(".")]
    found += [p.name for p in content.iterdir() if p.name not in ("articles", "raw", ".split-index.json")]
    return found


def index(root: Path) -> bytes:
    return (root / "content/.split-index.json").read_bytes()


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """An uninterrupted split of the big dump, then the editor's edit and a second split."""
    root = make_archive(tmp_path_factory.mktemp("reference"))
    dump = write_dump(root / "content/raw/big.txt", COUNT)
    split_files([dump], root / "content/articles", root=root)
    clean = articles(root)
    first = sorted(clean)[0]
    edit(root / "content/articles" / first)
    split_files([dump], root / "content/articles", root=root)
    return clean, articles(root), index(root), first


@pytest.mark.parametrize(
    "at,when",
    [(1, "before"), (2, "after"), (COUNT // 2, "before"), (COUNT - 1, "after"), (COUNT, "after"), (COUNT + 1, "before")],
    ids=["first-file", "early", "middle", "late", "all-files-no-index", "index-half-written"],
)
def test_a_killed_split_leaves_whole_files_and_the_next_one_finishes_the_work(tmp_path, reference, at, when):
    clean, edited, edited_index, first = reference
    root = make_archive(tmp_path)
    dump = write_dump(root / "content/raw/big.txt", COUNT)
    killed = sitegen(root, "split", str(dump), fault={"FAULT_KILL_AT": str(at), "FAULT_KILL_WHEN": when})
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    on_disk = articles(root)
    done = min(at if when == "after" else at - 1, COUNT)
    assert len(on_disk) == done
    for name, data in on_disk.items():  # whole files only: byte for byte what a finished split writes
        assert data == clean[name], f"{name} is not whole"
        assert read_article(data.decode("utf-8"), name, name[:-3])[0] is not None

    if first in on_disk:
        edit(root / "content/articles" / first)  # the editor goes on working before splitting again
    again = sitegen(root, "split", str(dump))
    assert again.returncode == 0, again.stderr
    actions = [line.split()[0] for line in again.stdout.splitlines() if line.startswith(("created", "updated", "skipped"))]
    assert actions.count("created") == COUNT - done and actions.count("skipped") == done
    if first not in on_disk:
        edit(root / "content/articles" / first)
        assert sitegen(root, "split", str(dump)).returncode == 0
    assert articles(root) == edited  # nothing twice, nothing lost, the edit kept
    assert index(root) == edited_index  # the index agrees with the files, exactly as after a clean run
    assert hidden(root) == []  # no temporary file left behind


def test_a_split_killed_while_adding_sources_to_edited_articles_keeps_every_edit(tmp_path):
    """A second dump holds 40 articles already in the archive (each gains a source entry) and 40 new ones."""
    root = make_archive(tmp_path)
    old = article_texts(40, seed=1)
    first = write_dump(root / "content/raw/a.txt", old)
    assert sitegen(root, "split", str(first)).returncode == 0
    names = sorted(articles(root))
    for name in names[::4]:  # the editor has worked on every fourth article
        path = root / "content/articles" / name
        path.write_text(path.read_text(encoding="utf-8").replace("tags: []", "tags: [kept]  # mine"), encoding="utf-8")
    before = articles(root)
    new = article_texts(40, seed=2, first=1000)
    second = write_dump(root / "content/raw/b.txt", [t for pair in zip(old, new) for t in pair])

    killed = sitegen(root, "split", str(second), fault={"FAULT_KILL_AT": "41"})
    assert killed.returncode == -signal.SIGKILL
    again = sitegen(root, "split", str(second))
    assert again.returncode == 0, again.stderr
    after = articles(root)
    assert len(after) == 80 and not any(name.endswith("-2.md") for name in after)
    for name in names:
        text = after[name].decode("utf-8")
        assert text.count('file: "b.txt"') == 1, f"{name}: the new source entry is missing or doubled"
        assert text.replace(_source_entry(text, "b.txt"), "") == before[name].decode("utf-8")
    assert all("tags: [kept]  # mine" in after[name].decode() for name in names[::4])
    assert hidden(root) == []


def _source_entry(text: str, dump: str) -> str:
    """The two lines `  - file: "DUMP"` / `    lines: [a, b]` as split wrote them."""
    start = text.index(f'  - file: "{dump}"')
    end = text.index("\n", text.index("\n", start) + 1) + 1
    return text[start:end]


def test_an_article_the_editor_deletes_after_a_killed_split_stays_deleted(tmp_path):
    root = make_archive(tmp_path)
    dump = write_dump(root / "content/raw/big.txt", 40)
    killed = sitegen(root, "split", str(dump), fault={"FAULT_KILL_AT": "10", "FAULT_KILL_WHEN": "after"})
    assert killed.returncode == -signal.SIGKILL
    victim = sorted(articles(root))[3]
    (root / "content/articles" / victim).unlink()  # the editor does not want this one
    assert sitegen(root, "split", str(dump)).returncode == 0
    assert victim not in articles(root) and len(articles(root)) == 39
    assert hidden(root) == []


def test_a_split_killed_by_a_timer_mid_dump_is_finished_by_the_next(tmp_path, reference):
    """The real command, no fault hook: killed once a third of the articles are on disk."""
    clean = reference[0]
    root = make_archive(tmp_path)
    dump = write_dump(root / "content/raw/big.txt", COUNT)
    folder = root / "content/articles"
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "-C", str(root), "split", str(dump)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(folder.glob("*.md"))) < COUNT // 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for name, data in articles(root).items():
        assert data == clean[name], f"{name} is not whole"
    assert sitegen(root, "split", str(dump)).returncode == 0
    assert articles(root) == clean and hidden(root) == []


def test_two_splits_at_once_write_each_article_once(tmp_path, reference):
    clean = reference[0]
    root = make_archive(tmp_path)
    dump = write_dump(root / "content/raw/big.txt", COUNT)
    command = [sys.executable, "-m", "sitegen", "-C", str(root), "split", str(dump)]
    procs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert articles(root) == clean


def test_a_missing_or_corrupt_index_after_a_crash_is_rebuilt_from_the_files(tmp_path, reference):
    clean, _, _, _ = reference
    root = make_archive(tmp_path)
    dump = write_dump(root / "content/raw/big.txt", COUNT)
    assert sitegen(root, "split", str(dump)).returncode == 0
    good = index(root)
    for damage in (b"", good[: len(good) // 2], good.replace(b'"stamp"', b'"stump"', 3), b"\x00" * 64):
        (root / "content/.split-index.json").write_bytes(damage)
        again = sitegen(root, "split", str(dump))
        assert again.returncode == 0 and "Traceback" not in again.stderr
        assert articles(root) == clean and index(root) == good
    shutil.rmtree(root / "content/articles")
    (root / "content/articles").mkdir()
    assert sitegen(root, "split", str(dump)).returncode == 0  # articles deleted by the editor stay deleted
    assert articles(root) == {}
