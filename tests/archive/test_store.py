"""split_files never destroys work: idempotent, editor-safe, one file per article."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article

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
