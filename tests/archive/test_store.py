"""split_files never destroys work: idempotent, editor-safe, one file per article."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article
from tests.faults.dumps import article_texts

SEEDS = Path(__file__).resolve().parents[2] / "content" / "raw"
ARTICLE = """{title} – Asia Times

{para}

Chinese companies use AI to monitor the nation’s people and bolster censorship at home, analysts say in a new report.

Peter Bloom is a professor of management at the University of Essex.

This article is republished from The Conversation under a Creative Commons license. Read the original article.
"""
PARA = "We are in the early days of a seismic shift in the global AI industry, as a little-known company released a model."


def write_dump(folder: Path, name: str, *texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\nContinue Reading\n\n".join(texts), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.glob("*.md"))}


def load(path: Path):
    article, problems = read_article(path.read_text(encoding="utf-8"), str(path), path.stem)
    assert article is not None, problems
    return article


@pytest.fixture
def seeds(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    return sorted(raw.glob("*.txt")), tmp_path / "articles"


def test_seed_dumps_give_one_file_per_article_and_deepseek_has_two_sources(seeds):
    raws, articles = seeds
    report = split_files(raws, articles)
    created = [o for o in report.outcomes if o.action == "created"]
    updated = [o for o in report.outcomes if o.action == "updated"]
    assert len(created) == 22 and len(updated) == 1
    deepseek = load(updated[0].path)
    assert [s.file for s in deepseek.source] == ["000_b50cd3c55737d259.txt", "001_a4f98270b13e5fa0.txt"]
    assert len(list(articles.glob("*.md"))) == 22


def test_second_run_changes_no_file(seeds):
    raws, articles = seeds
    split_files(raws, articles)
    before = snapshot(articles)
    report = split_files(raws, articles)
    assert {o.action for o in report.outcomes} == {"skipped"}
    assert snapshot(articles) == before


def test_editor_changes_survive_every_later_split(seeds, tmp_path):
    raws, articles = seeds
    split_files(raws[:1], articles)
    target = articles / "from-chatbot-to-sexbot-lessons-from-koreas-ai-hate-speech-fiasco.md"
    text = target.read_text(encoding="utf-8")
    edited = (
        text.replace('title: "From chatbot', 'title: "Corrected: From chatbot')
        .replace("tags: []", "tags: [ai, south-korea]  # my tags")
        .replace("Many Canadians view", "Many Canadians (edited) view")
        .replace("annotations:\n", "annotations:\n  - quote: \"heartbreaking North Korean circumstance\"\n    note: \"Spun text.\"\n    tags: [spin]\n", 1)
    )
    target.write_text(edited, encoding="utf-8")
    split_files(raws, articles)
    assert target.read_text(encoding="utf-8") == edited
    # the same article in a new dump: it only gains a source entry
    again = write_dump(tmp_path / "more", "003.txt", (SEEDS / "000_b50cd3c55737d259.txt").read_text(encoding="utf-8").split("Continue Reading")[0])
    report = split_files([again], articles)
    assert [o.action for o in report.outcomes] == ["updated"]
    now = target.read_text(encoding="utf-8")
    assert now.replace('  - file: "003.txt"\n    lines: [1, 61]\n', "") == edited
    assert load(target).title.startswith("Corrected:")


def test_near_duplicate_in_another_dump_is_the_same_article(tmp_path):
    first = write_dump(tmp_path / "raw", "a.txt", ARTICLE.format(title="DeepSeek shakes the AI world", para=PARA))
    para = PARA.replace("seismic", "massive") + "\n\nAn extra paragraph appears only in this copy of the text, in the middle."
    second = write_dump(tmp_path / "raw", "b.txt", ARTICLE.format(title="DeepSeek shakes the AI world", para=para))
    report = split_files([first, second], tmp_path / "articles")
    assert [o.action for o in report.outcomes] == ["created", "updated"]
    assert len(list((tmp_path / "articles").glob("*.md"))) == 1


def test_different_articles_with_one_title_get_distinct_files(tmp_path):
    one = ARTICLE.format(title="Markets today", para=PARA)
    two = "Markets today – Asia Times\n\nOil prices fell for a third day as stockpiles grew faster than traders had expected in the United States.\n"
    dump = write_dump(tmp_path / "raw", "a.txt", one, two)
    report = split_files([dump], tmp_path / "articles")
    paths = [o.path.name for o in report.outcomes]
    assert paths == ["markets-today.md", "markets-today-2.md"]


def test_an_article_the_editor_deleted_is_not_brought_back(seeds):
    raws, articles = seeds
    split_files(raws, articles)
    victim = articles / "japan-goes-for-broke-with-trillion-trump-bet.md"
    victim.unlink()
    split_files(raws, articles)
    assert not victim.exists()


def test_bad_dumps_give_messages_not_tracebacks(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "latin1.txt").write_bytes("Caf\xe9 owners protest - The Ledger\n\nThe owners of the caf\xe9 said the new rent was too high for them to stay open.\n".encode("latin-1"))
    report = split_files(sorted(raw.iterdir()), tmp_path / "articles")
    messages = [str(p) for p in report.problems]
    assert any("binary.txt:1: not a text file" in m for m in messages)
    assert any("empty.txt:1: warning: empty dump" in m for m in messages)
    assert any("latin1.txt:1: warning: invalid UTF-8 at byte 3" in m for m in messages)
    assert [o.title for o in report.outcomes] == ["Caf\ufffd owners protest"]


def test_interrupted_write_leaves_no_half_file(tmp_path, monkeypatch):
    dump = write_dump(tmp_path / "raw", "a.txt", ARTICLE.format(title="Atomic", para=PARA))

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    report = split_files([dump], tmp_path / "articles")
    assert any("No space left" in str(p) for p in report.problems)
    assert list((tmp_path / "articles").iterdir()) == []


def test_outcome_lines_read_as_the_cli_prints_them(tmp_path):
    dump = write_dump(tmp_path / "raw", "a.txt", ARTICLE.format(title="Atomic", para=PARA))
    report = split_files([dump], tmp_path / "articles")
    assert str(report.outcomes[0]) == f"created {(tmp_path / 'articles' / 'atomic.md').as_posix()}  (a.txt:1-9)"


def test_the_index_is_rebuilt_when_missing_and_nothing_changes(seeds):
    raws, articles = seeds
    split_files(raws, articles)
    index = articles.parent / ".split-index.json"
    assert index.exists()
    before = snapshot(articles)
    index.unlink()
    report = split_files(raws, articles)
    assert {o.action for o in report.outcomes} == {"skipped"} and len(report.outcomes) == 23
    assert snapshot(articles) == before and index.exists()


def test_an_unreadable_index_is_rebuilt(seeds):
    raws, articles = seeds
    split_files(raws, articles)
    (articles.parent / ".split-index.json").write_text("{not json", encoding="utf-8")
    report = split_files(raws, articles)
    assert {o.action for o in report.outcomes} == {"skipped"} and not report.problems


def test_a_changed_file_is_read_again_not_trusted_from_the_index(seeds):
    raws, articles = seeds
    split_files(raws[:1], articles)
    target = articles / "deepseek-chinas-open-source-ai-caused-a-geopolitical-earthquake.md"
    by_hand = target.read_text(encoding="utf-8").replace(
        "    lines: [571, 786]\n", '    lines: [571, 786]\n  - file: "001_a4f98270b13e5fa0.txt"\n    lines: [243, 458]\n'
    )
    target.write_text(by_hand, encoding="utf-8")  # the editor recorded the second copy by hand
    report = split_files(raws[1:2], articles)
    assert [o.action for o in report.outcomes if o.path == target] == ["skipped"]
    assert target.read_text(encoding="utf-8") == by_hand


def test_an_unchanged_dump_is_not_split_again(seeds, monkeypatch):
    raws, articles = seeds
    first = split_files(raws, articles)
    from sitegen.archive import plan

    def refuse(*args, **kwargs):
        raise AssertionError("split again")

    monkeypatch.setattr(plan, "split_dump", refuse)
    monkeypatch.setattr(plan, "dump_articles", refuse)
    again = split_files(raws, articles)
    assert [(o.path, o.source) for o in again.outcomes] == [(o.path, o.source) for o in first.outcomes]
    assert {o.action for o in again.outcomes} == {"skipped"}


def test_a_dump_that_grew_adds_only_its_new_articles(tmp_path):
    one = ARTICLE.format(title="First story", para=PARA)
    dump = write_dump(tmp_path / "raw", "a.txt", one)
    split_files([dump], tmp_path / "articles")
    before = snapshot(tmp_path / "articles")
    two = "Second story – Asia Times\n\nOil prices fell for a third day as stockpiles grew faster than traders had expected.\n"
    write_dump(tmp_path / "raw", "a.txt", one, two)
    report = split_files([dump], tmp_path / "articles")
    assert [(o.action, o.title) for o in report.outcomes] == [("skipped", "First story"), ("created", "Second story")]
    assert {k: v for k, v in snapshot(tmp_path / "articles").items() if k in before} == before


def test_a_file_the_editor_made_is_never_overwritten(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    mine = articles / "markets-today.md"
    mine.write_text('---\ntitle: "Markets today"\nsource: []\n---\nMy own notes on the markets, nothing to do with oil.\n', encoding="utf-8")
    dump = write_dump(tmp_path / "raw", "a.txt", "Markets today – Asia Times\n\nOil prices fell for a third day as stockpiles grew faster than traders had expected in the United States.\n")
    report = split_files([dump], articles)
    assert [o.path.name for o in report.outcomes] == ["markets-today-2.md"]
    assert mine.read_text(encoding="utf-8").startswith('---\ntitle: "Markets today"\nsource: []')


def test_a_retitled_edited_file_is_still_found_by_its_text(seeds, tmp_path):
    raws, articles = seeds
    split_files(raws[:1], articles)
    target = articles / "when-trump-talks-to-putin-about-ukraine.md"
    text = target.read_text(encoding="utf-8")
    edited = text.replace('title: "When Trump talks to Putin about Ukraine"', 'title: "Trump and Putin: the call"').replace(
        "The date of February 12, 2025", "The date of 12 February 2025"
    )
    target.rename(articles / "trump-and-putin-the-call.md")
    (articles / "trump-and-putin-the-call.md").write_text(edited, encoding="utf-8")
    (articles.parent / ".split-index.json").unlink()  # even with the index gone
    section = (SEEDS / "000_b50cd3c55737d259.txt").read_text(encoding="utf-8").split("Continue Reading")[1]
    report = split_files([write_dump(tmp_path / "more", "004.txt", section.strip("\n"))], articles)
    assert [(o.action, o.path.name) for o in report.outcomes] == [("updated", "trump-and-putin-the-call.md")]
    assert not target.exists()


def test_a_broken_article_file_stops_the_split_with_a_message(seeds):
    raws, articles = seeds
    split_files(raws[:1], articles)
    broken = articles / "japan-goes-for-broke-with-trillion-trump-bet.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    report = split_files(raws, articles)
    assert report.outcomes == ()
    messages = [str(p) for p in report.problems]
    assert any("japan-goes-for-broke" in m and "not valid YAML" in m for m in messages)
    assert any("nothing was split" in m for m in messages)


def test_a_folder_or_missing_dump_is_a_message(tmp_path):
    (tmp_path / "raw").mkdir()
    report = split_files([tmp_path / "raw", tmp_path / "gone.txt"], tmp_path / "articles")
    assert len(report.problems) == 2 and all("cannot read" in str(p) for p in report.problems)


def test_split_warnings_name_the_dump_as_given_and_come_once(seeds):
    raws, articles = seeds
    first = split_files(raws, articles)
    warned = [str(p) for p in first.problems]
    assert len(warned) == 5 and all(w.startswith(raws[2].as_posix() + ":") for w in warned)
    (articles.parent / ".split-index.json").unlink()  # split again from scratch: everything is skipped
    assert split_files(raws, articles).problems == ()


def test_the_index_says_what_files_hold_not_when_they_were_touched(seeds):
    raws, articles = seeds
    split_files(raws, articles)
    index = articles.parent / ".split-index.json"
    before = index.read_bytes()
    for path in [*articles.glob("*.md"), *raws]:
        os.utime(path, ns=(1, 1))  # a fresh clone: every mtime is new
    report = split_files(raws, articles)
    assert {o.action for o in report.outcomes} == {"skipped"}
    assert index.read_bytes() == before


def test_no_article_file_has_a_one_or_two_letter_name(tmp_path):
    text = "AI?\n\n" + PARA + "\n\nAnother paragraph about the model and what it means for the industry and its rivals.\n"
    dump = write_dump(tmp_path / "raw", "short.txt", text)
    report = split_files([dump], tmp_path / "articles")
    (outcome,) = report.outcomes
    assert len(outcome.path.stem) >= 3
    # a two-letter headline is too short to be a title: the file is named after where it came from
    assert outcome.path.stem.endswith("short-txt-line-1")


def test_new_files_record_the_day_they_were_added(seeds):
    raws, articles = seeds
    split_files(raws, articles, today=dt.date(2026, 3, 4))
    assert all(load(p).added == dt.date(2026, 3, 4) for p in articles.glob("*.md"))
    assert all("\nadded: 2026-03-04\n" in p.read_text(encoding="utf-8") for p in articles.glob("*.md"))


def test_a_file_without_added_gets_it_once_and_nothing_else_changes(seeds):
    raws, articles = seeds
    split_files(raws, articles, today=dt.date(2026, 3, 4))
    path = sorted(articles.glob("*.md"))[0]
    editor = path.read_text(encoding="utf-8").replace("added: 2026-03-04\n", "")  # an older file, without it
    editor = editor.replace("tags: []", "tags: [kept]   # the editor's comment")
    path.write_text(editor, encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # 2023-11-14: the file's own time, no git here
    split_files(raws, articles, today=dt.date(2026, 5, 6))
    once = path.read_text(encoding="utf-8")
    assert once.replace("added: 2023-11-14\n", "") == editor  # an insertion, every other byte kept
    assert load(path).added == dt.date(2023, 11, 14)
    before = snapshot(articles)
    split_files(raws, articles, today=dt.date(2026, 7, 8))
    assert snapshot(articles) == before  # recorded once: never changed again


def test_a_dump_split_in_a_second_process_gives_the_same_archive(seeds, tmp_path, monkeypatch):
    raws, articles = seeds
    first = split_files(raws, articles)
    from sitegen.archive import plan

    monkeypatch.setattr(plan, "BACKGROUND_BYTES", 0)  # every dump is large
    other = tmp_path / "other" / "articles"
    second = split_files(raws, other)
    assert [(o.action, o.path.name, o.source) for o in second.outcomes] == [
        (o.action, o.path.name, o.source) for o in first.outcomes
    ]
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert {p.name: p.read_bytes() for p in other.glob("*.md")} == {p.name: p.read_bytes() for p in articles.glob("*.md")}
    assert (other.parent / ".split-index.json").read_bytes() == (articles.parent / ".split-index.json").read_bytes()


def test_a_write_refused_mid_batch_keeps_the_files_before_it_and_the_next_split_writes_the_rest(tmp_path, monkeypatch):
    dump = write_dump(tmp_path / "raw", "a.txt", *article_texts(6))
    real, calls = os.replace, [0]

    def replace(src, dst):
        calls[0] += 1
        if calls[0] == 4:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    report = split_files([dump], tmp_path / "articles")
    monkeypatch.setattr(os, "replace", real)
    assert [o.action for o in report.outcomes] == ["created"] * 3
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == sorted(o.path.name for o in report.outcomes)
    assert ["No space left" in str(p) and "the rest of a.txt was not split" in str(p) for p in report.problems] == [True]
    again = split_files([dump], tmp_path / "articles")
    assert [o.action for o in again.outcomes] == ["skipped"] * 3 + ["created"] * 3
    assert len(list((tmp_path / "articles").glob("*.md"))) == 6


def test_dumps_split_by_workers_give_the_same_archive_and_report(seeds, tmp_path, monkeypatch):
    from sitegen.archive import ahead, plan

    raws, _ = seeds
    raws = raws + raws[:2]  # dumps given twice: the second time they are skipped
    monkeypatch.setattr(ahead, "SHARED_FROM", 0)
    monkeypatch.setattr(ahead, "CHUNK_BYTES", 1)
    monkeypatch.setattr(plan, "may_fork", lambda: True)
    made = {}
    for cores in (1, 2):
        monkeypatch.setattr(ahead, "_cores", lambda: cores)
        articles = tmp_path / f"archive{cores}" / "articles"
        report = split_files(raws, articles, today=dt.date(2026, 1, 2))
        made[cores] = ([(o.action, o.path.name, o.source) for o in report.outcomes], [str(p) for p in report.problems],
                       {p.name: p.read_bytes() for p in articles.glob("*.md")})
    assert made[2] == made[1]
    actions = [action for action, _, _ in made[2][0]]
    assert actions.count("created") == 22 and len(made[2][2]) == 22
    given_twice = sum(source.file in {raws[0].name, raws[1].name} for _, _, source in made[2][0]) // 2
    assert actions[-given_twice:] == ["skipped"] * given_twice
