"""`sitegen annotate` and `sitegen annotations import`, run as a user runs them, on real files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from sitegen.frontmatter import read_article

ARTICLE = """---
title: "The bot"   # as printed
authors: [Jul Parke]
tags: [ai]
annotations: []   # none yet
---
Critics ought to pay attention to a *heartbreaking* North Korean circumstance.

The bot spoke. Later the bot spoke again, and the bot sang.
"""

OTHER = """---
title: Another
---
Nothing about machines here, only a quiet harbour at dawn.
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitegen", "-C", str(root), *args],
                          capture_output=True, text=True, timeout=120)


def archive(root: Path) -> Path:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "bot.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "harbour.md").write_text(OTHER, encoding="utf-8")
    return folder


def notes(path: Path) -> list[tuple]:
    article, problems = read_article(path.read_text(encoding="utf-8"), str(path), path.stem)
    assert article is not None, problems
    return [(a.quote, a.note, a.prefix, a.suffix, a.tags) for a in article.annotations]


# --- sitegen annotate ---------------------------------------------------------------------------


def test_annotate_adds_a_note_across_inline_markup_and_keeps_the_rest_of_the_file(tmp_path):
    folder = archive(tmp_path)
    result = run(tmp_path, "annotate", "bot", "--quote", "a heartbreaking  North Korean", "--note", "Spun: *South*.",
                 "--tag", "spin", "--tag", "geo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/articles/bot.md: note added on 'a heartbreaking North Korean'\n"
    text = (folder / "bot.md").read_text(encoding="utf-8")
    entry = re.search(r'annotations:   # none yet\n(  - quote: "a heartbreaking North Korean"\n    note: "Spun: \*South\*\."\n'
                      r'    tags: \["spin", "geo"\]\n    created: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n)---', text)
    assert entry, text
    assert text.replace(entry.group(1), "").replace("annotations:   # none yet", "annotations: []   # none yet") == ARTICLE
    again = run(tmp_path, "annotate", "content/articles/bot.md", "--quote", "a heartbreaking North Korean",
                "--note", "Spun: *South*.", "--tag", "geo", "--tag", "spin")
    assert again.returncode == 0 and "already there" in again.stdout
    assert (folder / "bot.md").read_text(encoding="utf-8") == text


def test_a_repeated_quote_needs_to_be_told_apart_then_gets_its_context_automatically(tmp_path):
    folder = archive(tmp_path)
    before = (folder / "bot.md").read_bytes()
    ambiguous = run(tmp_path, "annotate", "bot", "--quote", "the bot", "--note", "which?")
    assert ambiguous.returncode == 2
    assert "the quote occurs 2 times: say which with --occurrence N" in ambiguous.stderr
    assert "Traceback" not in ambiguous.stderr and (folder / "bot.md").read_bytes() == before
    first = run(tmp_path, "annotate", "bot", "--quote", "the bot", "--note", "this one", "--occurrence", "1")
    assert first.returncode == 0, first.stderr
    (quote, note, prefix, suffix, _), = notes(folder / "bot.md")
    assert (quote, note, suffix) == ("the bot", "this one", None)
    assert prefix and "The bot spoke. Later the bot".endswith(f"{prefix}the bot")  # picks the first
    by_context = run(tmp_path, "annotate", "bot", "--quote", "the bot", "--note", "last", "--suffix", " sang")
    assert by_context.returncode == 0, by_context.stderr
    prefix = notes(folder / "bot.md")[1][2]  # its own context decided; the stored selector is a prefix
    assert prefix and "Later the bot spoke again, and ".endswith(prefix) and len(prefix) >= 8


def test_annotate_refuses_clearly(tmp_path):
    folder = archive(tmp_path)
    before = (folder / "bot.md").read_bytes()
    missing = run(tmp_path, "annotate", "bot", "--quote", "a heartbroken South Korean", "--note", "x")
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: content/articles/bot.md: quote not found in the text as a reader sees it")
    assert "closest passage: 'a heartbreaking North Korean'" in missing.stderr
    assert run(tmp_path, "annotate", "nothing-here", "--quote", "x").returncode == 2
    (tmp_path / "outside.md").write_text(ARTICLE, encoding="utf-8")
    outside = run(tmp_path, "annotate", str(tmp_path / "outside.md"), "--quote", "the bot")
    assert outside.returncode == 2 and "not an article file of this archive" in outside.stderr
    assert run(tmp_path, "annotate", "bot", "--note", "no quote").returncode == 2
    assert run(tmp_path, "annotate", "bot", "--quote", "the bot", "--occurrence", "9").returncode == 2
    assert (folder / "bot.md").read_bytes() == before


# --- export, then import -------------------------------------------------------------------------


def annotated_archive(root: Path) -> Path:
    folder = archive(root)
    for args in (
        ("--quote", "heartbreaking North Korean", "--note", "Spun text.", "--tag", "spin"),
        ("--quote", "the bot", "--note", "The *second* time.", "--occurrence", "2"),
        ("--quote", "quiet harbour", "--note", "", "--tag", "place"),
    ):
        slug = "harbour" if "quiet harbour" in args else "bot"
        assert run(root, "annotate", slug, *args).returncode == 0
    return folder


def strip_notes(folder: Path) -> None:
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        head, fence, body = text.partition("\n---\n")
        head = re.sub(r"\nannotations:.*", "", head, flags=re.S)
        path.write_text(head + fence + body, encoding="utf-8")


def test_export_then_import_gives_back_the_same_notes(tmp_path):
    folder = annotated_archive(tmp_path)
    wanted = {p.name: notes(p) for p in folder.glob("*.md")}
    assert run(tmp_path, "build", "--base-url", "https://example.org/archive/").returncode == 0
    export = tmp_path / "public" / "annotations.jsonld"
    strip_notes(folder)
    assert all(notes(p) == [] for p in folder.glob("*.md"))
    result = run(tmp_path, "annotations", "import", str(export))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("3 notes in " + str(export) + ": 3 added, 0 already there, 0 not imported\n")
    assert {p.name: notes(p) for p in folder.glob("*.md")} == wanted
    again = run(tmp_path, "annotations", "import", str(export))
    assert "0 added, 3 already there" in again.stdout
    assert {p.name: notes(p) for p in folder.glob("*.md")} == wanted


# --- a Hypothesis-shaped reader of our export ------------------------------------------------------


def page_text(html: bytes) -> str:
    """The article's text as a reader's browser has it: the body, without note numbers and notes."""
    doc = lxml.html.fromstring(html)
    (body,) = doc.find_class("body")
    for junk in body.xpath(".//aside | .//sup[contains(@class, 'note-ref')]"):
        junk.drop_tree()
    return " ".join(body.text_content().split())


def anchor_like_hypothesis(text: str, selector: dict) -> int:
    """Where a TextQuoteSelector lands in the page's text: its exact text, told apart by prefix and suffix."""
    exact = " ".join(selector["exact"].split())
    prefix = " ".join(selector.get("prefix", "").split())
    suffix = " ".join(selector.get("suffix", "").split())
    hits = [m.start() for m in re.finditer(re.escape(exact), text)]
    fitting = [h for h in hits if text[:h].rstrip().endswith(prefix.rstrip()) and text[h + len(exact):].lstrip().startswith(suffix.lstrip())]
    assert len(fitting) == 1, (exact, hits)
    return fitting[0]


def as_hypothesis_rows(export: dict, public: Path, base: str) -> dict:
    """Our export consumed as Hypothesis would: each note anchored in its page, stored as an API row."""
    rows = []
    for n, item in enumerate(export["first"]["items"], 1):
        source = item["target"]["source"]
        assert source.startswith(base)
        html = (public / source[len(base):]).read_bytes()
        quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
        start = anchor_like_hypothesis(page_text(html), quote)
        bodies = item.get("body", [])
        rows.append({
            "id": f"hyp{n}",
            "uri": source,
            "text": "".join(b["value"] for b in bodies if b.get("purpose") == "commenting"),
            "tags": [b["value"] for b in bodies if b.get("purpose") == "tagging"],
            "created": item.get("created"),
            "updated": item.get("modified", item.get("created")),
            "target": [{"source": source, "selector": [
                {"type": "TextPositionSelector", "start": start, "end": start + len(quote["exact"])},
                {"type": "TextQuoteSelector", **{k: v for k, v in quote.items() if k != "type"}},
            ]}],
        })
    rows.append({"id": "reply", "uri": base + "articles/bot.html", "text": "a reply", "tags": [],
                 "target": [{"source": base + "articles/bot.html"}], "references": ["hyp1"]})
    return {"total": len(rows), "rows": rows}


def test_our_export_reads_in_a_hypothesis_shaped_reader_and_its_rows_import_back(tmp_path):
    folder = annotated_archive(tmp_path)
    wanted = {p.name: notes(p) for p in folder.glob("*.md")}
    base = "https://example.org/archive/"
    assert run(tmp_path, "build", "--base-url", base).returncode == 0
    public = tmp_path / "public"
    export = json.loads((public / "annotations.jsonld").read_text(encoding="utf-8"))
    rows = as_hypothesis_rows(export, public, base)
    hyp = tmp_path / "hypothesis.json"
    hyp.write_text(json.dumps(rows), encoding="utf-8")
    strip_notes(folder)
    result = run(tmp_path, "annotations", "import", str(hyp))
    assert result.returncode == 1  # the reply cannot become a note: said so, not dropped
    assert "not imported: " + str(hyp) + ": row 4 (reply): a page note or reply without quoted text" in result.stderr
    assert "3 added, 0 already there, 1 not imported" in result.stdout
    got = {p.name: notes(p) for p in folder.glob("*.md")}
    assert got == wanted


def test_import_matches_by_quote_when_the_url_is_unknown_and_reports_the_rest(tmp_path):
    folder = archive(tmp_path)
    rows = [
        {"uri": "https://news.example/original", "text": "found by its quote", "tags": [],
         "target": [{"source": "https://news.example/original",
                     "selector": [{"type": "TextQuoteSelector", "exact": "quiet harbour"}]}]},
        {"uri": "https://news.example/other", "text": "nowhere", "tags": [],
         "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "a sentence no article has"}]}]},
        {"uri": "articles/bot.html", "text": "edited since", "tags": [],
         "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "a heartbreaking North Korean circumstanse"}]}]},
        {"uri": "articles/bot.html", "text": "which one?", "tags": [],
         "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "the bot"}]}]},
        {"uri": "articles/bot.html", "text": "blank", "tags": [],
         "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "   "}]}]},
    ]
    source = tmp_path / "rows.json"
    source.write_text(json.dumps(rows), encoding="utf-8")
    result = run(tmp_path, "annotations", "import", str(source))
    assert result.returncode == 1
    assert "added: content/articles/harbour.md: 'quiet harbour'" in result.stdout
    assert "re-anchored: the text now reads 'a heartbreaking North Korean circumstance'" in result.stdout
    assert "item 2: no article of this archive at https://news.example/other, and no article holds the quote" in result.stderr
    assert notes(folder / "harbour.md") == [("quiet harbour", "found by its quote", None, None, ())]
    assert "added: content/articles/bot.md: 'the bot' (the quote occurs 2 times: placed at the first)" in result.stdout
    assert "item 5: content/articles/bot.md: quote not found" in result.stderr  # a blank quote: reported, no crash
    (_, _, prefix, _, _) = next(n for n in notes(folder / "bot.md") if n[1] == "which one?")
    assert prefix and "The bot spoke. Later ".endswith(prefix)
    broken = tmp_path / "broken.json"
    broken.write_text('{"rows": [\n  {"uri": }\n]}', encoding="utf-8")
    bad = run(tmp_path, "annotations", "import", str(broken))
    assert bad.returncode == 1 and f"{broken}:2: not valid JSON" in bad.stderr and "Traceback" not in bad.stderr
    assert run(tmp_path, "annotations", "import", str(tmp_path / "none.json")).returncode == 2


def test_an_editor_saving_while_a_note_is_added_wins(tmp_path, monkeypatch):
    import sitegen.annotating as annotating
    from sitegen.archive.notes import NoteConflict
    from sitegen.config import load_config

    folder = archive(tmp_path)
    theirs = ARTICLE.replace("Critics ought", "Some critics ought")
    real = annotating.render_body

    def editor_saves_meanwhile(body, *args):
        (folder / "bot.md").write_text(theirs, encoding="utf-8")
        return real(body, *args)

    monkeypatch.setattr(annotating, "render_body", editor_saves_meanwhile)
    with pytest.raises(NoteConflict, match="changed on disk"):
        annotating.annotate(load_config(tmp_path), "bot", "the bot", "mine", occurrence=1)
    assert (folder / "bot.md").read_text(encoding="utf-8") == theirs
