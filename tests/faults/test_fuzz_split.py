"""Fuzzing the split step from the bytes of a dump to the article files (`sitegen.archive.store`).

Whatever bytes a scraper left in a dump — invalid UTF-8, NUL, lone CRs, BOMs,
markup, hostile titles — splitting it never raises, gives every message a
file:line in the dump, writes only files that read back as articles, gives each
line of the dump to at most one article (and every line with words in it to
an article or to the debris), and gives the same files every time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article
from sitegen.split import decode_dump, split_text
from tests.faults.dumps import article_texts
from tests.faults.fuzzing import LINE, NASTY, fuzz

STORY = st.integers(0, 40).map(lambda n: article_texts(1, seed=n)[0])
DUMP_LINE = st.one_of(LINE, NASTY, STORY, st.sampled_from(["Continue Reading", "", "", "By Jane Hill", "Advertisement"]))
TEXT_DUMP = st.lists(DUMP_LINE, max_size=30).map("\n".join)
ENCODED = st.tuples(TEXT_DUMP, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]), st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda t: t[0].replace("\n", t[2]).encode(t[1], "replace"))
DUMP_BYTES = st.one_of(ENCODED, ENCODED, st.binary(max_size=300), st.tuples(ENCODED, st.binary(max_size=20)).map(b"".join))


def split_into(folder: Path, data: bytes) -> tuple[list[tuple[str, str, tuple[int, int]]], dict[str, bytes], list]:
    dump = folder / "raw" / "dump.txt"
    dump.parent.mkdir(parents=True)
    dump.write_bytes(data)
    report = split_files([dump], folder / "articles", root=folder)
    files = {p.name: p.read_bytes() for p in sorted((folder / "articles").glob("*.md"))}
    return [(o.action, o.path.name, o.source.lines) for o in report.outcomes], files, list(report.problems)


@fuzz(60)
@given(DUMP_BYTES)
@example(b"\xff\xfe\x00\x00")
@example(b"Title \xe9 \x00 \r\rBody line one.\r\n\r\nContinue Reading\r\n")
@example(b"---")  # found by this test: an article without a title was written, and no build could read it
@example("\ufeffA title – The Ledger\n\n<script>alert(1)</script> is a body line.\n".encode())
def test_any_dump_splits_without_a_crash_into_whole_files_the_same_every_time(data):
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        outcomes, files, problems = split_into(Path(one), data)
        again = split_into(Path(two), data)
    assert (outcomes, files) == again[:2]  # deterministic
    for problem in problems:
        assert problem.file == "raw/dump.txt" and problem.message, problem
    for name, raw in files.items():
        article, found = read_article(raw.decode("utf-8"), name, name[:-3])
        assert article is not None, found
    lines = data.count(b"\n") + data.count(b"\r") + 1
    taken: set[int] = set()
    for action, name, (first, last) in outcomes:
        assert 1 <= first <= last
        if action != "created":  # the same article twice in the dump: kept once
            assert action == "skipped" and name in files
            continue
        span = set(range(first, last + 1))
        assert not span & taken, "a line in two articles"
        taken |= span
    assert len(taken) <= lines


@fuzz(100)
@given(TEXT_DUMP)
@example("A title – The Ledger\n\nThe body.\nContinue Reading\nContinue Reading")
def test_every_line_with_words_is_in_an_article_or_in_the_debris(text):
    decoded, _ = decode_dump(text.encode("utf-8"), "d.txt")
    result = split_text(decoded, "d.txt")
    owned = {line for article in result.articles for line in (*article.body_lines, *article.meta_lines)}
    owned |= {d.line for d in result.debris}
    for number, line in enumerate(decoded.split("\n"), start=1):
        if line.strip():
            assert number in owned, f"line {number} {line!r} was lost"
