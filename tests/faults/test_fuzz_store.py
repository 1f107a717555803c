"""Fuzzing the editor-safe store (`sitegen.archive.store`): random sequences of splits and editor work.

Four dumps share some articles. Between splits the editor retitles, tags,
comments, annotates and extends articles, deletes some, and now and then the
index is lost or the disk fails in the middle of a split. After every step:
every article file reads back, every change the editor made is still there,
every article split so far is in exactly one file, and one the editor deleted
stays deleted (until the index that remembers it is removed).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article
from tests.faults.dumps import article_texts, write_dump
from tests.faults.fuzzing import fuzz

POOL = article_texts(12, seed=9)
KEYS = [text.split("\n\n")[1][4:64] for text in POOL]  # words of each article's first paragraph
DUMPS = {"a.txt": [0, 1, 2, 3], "b.txt": [2, 3, 4, 5], "c.txt": [5, 6, 7, 0], "d.txt": [8, 9, 10, 11, 1]}
EDITS = ["title", "tags", "body", "comment", "annotation"]


class EditingAndSplitting(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="store-fuzz-"))
        self.articles = self.root / "content/articles"
        for name, members in DUMPS.items():
            write_dump(self.root / "content/raw" / name, [POOL[i] for i in members])
        self.marks: dict[str, list[str]] = {}  # file name → what the editor wrote into it
        self.deleted: set[int] = set()  # pool articles the editor deleted
        self.forgotten: set[int] = set()  # deleted, then the index lost: back once a dump holding them is split
        self.split_once: set[int] = set()
        self.count = 0

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def files(self) -> list[Path]:
        return sorted(self.articles.glob("*.md")) if self.articles.is_dir() else []

    def which(self, path: Path) -> int:
        text = path.read_text(encoding="utf-8")
        return next(i for i, key in enumerate(KEYS) if key in text)

    @rule(dump=st.sampled_from(sorted(DUMPS)))
    def split(self, dump: str) -> None:
        report = split_files([self.root / "content/raw" / dump], self.articles, root=self.root)
        assert not [p for p in report.problems if p.severity == "error"], report.problems
        self.split_once |= set(DUMPS[dump])
        self.forgotten -= set(DUMPS[dump])

    @rule(dump=st.sampled_from(sorted(DUMPS)), fail_at=st.integers(1, 5))
    def split_on_a_failing_disk(self, dump: str, fail_at: int) -> None:
        real, calls = os.replace, [0]

        def replace(src, dst):  # type: ignore[no-untyped-def]
            calls[0] += 1
            if calls[0] >= fail_at:
                raise OSError(errno.ENOSPC, "No space left on device")
            real(src, dst)

        os.replace = replace
        try:
            split_files([self.root / "content/raw" / dump], self.articles, root=self.root)
        finally:
            os.replace = real
        self.split_once |= {i for i in DUMPS[dump] if any(KEYS[i] in p.read_text(encoding="utf-8") for p in self.files())}

    @precondition(lambda self: self.files())
    @rule(data=st.data(), how=st.sampled_from(EDITS))
    def edit(self, data: st.DataObject, how: str) -> None:
        path = data.draw(st.sampled_from(self.files()))
        text = path.read_text(encoding="utf-8")
        self.count += 1
        mark = f"edit{self.count}"
        if how == "title":
            text = text.replace('title: "', f'title: "{mark} ', 1)
        elif how == "tags":
            text = text.replace("tags: []", "tags: [x]", 1).replace("tags: [", f"tags: [{mark}, ", 1)
        elif how == "comment":
            text = text.replace("\nkind: ", f"  # {mark}\nkind: ", 1)
        elif how == "annotation" and "annotations: []" in text:
            text = text.replace("annotations: []", f'annotations:\n  - quote: "said officials"\n    note: "{mark}"', 1)
        else:
            text += f"\n{mark} was added by the editor.\n"
        path.write_text(text, encoding="utf-8")
        self.marks.setdefault(path.name, []).append(mark)

    def journal_names(self, slug: str) -> bool:
        """Whether the journal of a split that never saved its index (no index then, and none now)
        names this file: the next split then knows it was written and remembers it deleted."""
        try:
            lines = (self.root / "content/.split-journal").read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return False
        records = [json.loads(line) for line in lines if line.strip()]
        return any(r.get("base") is None and r.get("slug") == slug for r in records)

    @precondition(lambda self: self.files())
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        path = data.draw(st.sampled_from(self.files()))
        content = self.root / "content"
        if (content / ".split-index.json").exists() or self.journal_names(path.stem):
            self.deleted.add(self.which(path))
            self.forgotten.discard(self.which(path))
        else:  # no index to remember it in (removed by hand): the next split may bring it back
            self.forgotten.add(self.which(path))
        self.marks.pop(path.name, None)
        path.unlink()

    @rule()
    def lose_the_index(self) -> None:
        index = self.root / "content/.split-index.json"
        if index.exists():  # documented: without the index, a deleted article comes back
            index.unlink()
            self.forgotten |= self.deleted
            self.deleted.clear()

    @invariant()
    def every_file_reads_back_and_keeps_the_editors_work(self) -> None:
        for path in self.files():
            text = path.read_text(encoding="utf-8")
            assert read_article(text, path.name, path.stem)[0] is not None, path.name
            for mark in self.marks.get(path.name, ()):
                assert mark in text, f"{path.name} lost the editor's {mark}"
        assert set(self.marks) <= {p.name for p in self.files()}, "an edited file is gone"
        assert not [p for p in self.articles.glob(".*")] if self.articles.is_dir() else True

    @invariant()
    def every_article_is_in_one_file_and_deleted_ones_stay_deleted(self) -> None:
        holders: dict[int, list[str]] = {}
        for path in self.files():
            holders.setdefault(self.which(path), []).append(path.name)
        for i in self.split_once:
            expected = {0} if i in self.deleted else {0, 1} if i in self.forgotten else {1}
            assert len(holders.get(i, [])) in expected, (i, holders.get(i))


EditingAndSplitting.TestCase.settings = fuzz(10, stateful_step_count=12)
test_random_editing_and_splitting_never_loses_a_change = EditingAndSplitting.TestCase


def test_found_by_fuzzing_an_article_deleted_after_a_split_that_failed_stays_deleted():
    """The disk failed after two new files, so the index was never saved; the editor then deleted
    one of them, and the next split wrote it again."""
    state = EditingAndSplitting()
    try:
        state.split_on_a_failing_disk("a.txt", 3)
        victim = state.files()[0]
        state.deleted.add(state.which(victim))
        victim.unlink()
        state.split("a.txt")
        state.every_article_is_in_one_file_and_deleted_ones_stay_deleted()
        assert not victim.exists()
    finally:
        state.teardown()
