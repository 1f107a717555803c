"""Each fixture dump fixtures/NAME.txt, split, must give the articles of NAME.expected.yaml.

One fixture per shape of input. The dump goes through `split_files` and the
article files it writes are read back, as an editor would read them; the
expected file lists the articles in order (one entry per distinct file) with
only the keys that matter for that shape:

    title, publisher, authors, byline, translators, date, kind, lines (of the first
    source), sources (["file:first-last", ...]), licence ({kind, statement,
    origin}), body (exact), body_contains, body_excludes, flags (quotes),
    flag_notes (substrings, in order), rendered_text, rendered_contains,
    rendered_excludes

and at the top level (a mapping instead of a list): articles, debris (line
numbers reported as debris), kept (line numbers that must not be debris),
problems (substrings of the messages).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sitegen.archive.store import split_files
from sitegen.frontmatter import read_article
from sitegen.markdown import render_body
from sitegen.split import decode_dump, split_text

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def split_fixture(name: str, tmp_path: Path):
    raw = tmp_path / "raw" / f"{name}.txt"
    raw.parent.mkdir()
    shutil.copy(FIXTURES / f"{name}.txt", raw)
    report = split_files([raw], tmp_path / "articles")
    articles = []
    for path in dict.fromkeys(o.path for o in report.outcomes):
        article, problems = read_article(path.read_text(encoding="utf-8"), str(path), path.stem)
        assert article is not None, problems
        articles.append(article)
    return articles, report.problems


def expected_of(name: str) -> dict:
    data = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    return {"articles": data} if isinstance(data, list) else data


def test_every_fixture_has_its_expectations():
    assert len(CASES) >= 40
    for name in CASES:
        assert (FIXTURES / f"{name}.expected.yaml").exists(), name


@pytest.mark.parametrize("name", CASES)
def test_fixture(name, tmp_path):
    expected = expected_of(name)
    articles, problems = split_fixture(name, tmp_path)
    messages = [str(p) for p in problems]
    for text in expected.get("problems", []):
        assert any(text in m for m in messages), f"{name}: no problem says {text!r}: {messages}"
    if "problems" not in expected:
        assert not messages, messages
    wanted = expected.get("articles") or []
    assert [a.title for a in articles] == [e["title"] for e in wanted]
    for article, want in zip(articles, wanted):
        check_article(name, article, want)
    text, _ = decode_dump((FIXTURES / f"{name}.txt").read_bytes(), name)
    found = {d.line for d in split_text(text, name).debris}
    debris = set(expected.get("debris", []))
    assert debris <= found, f"{name}: lines {sorted(debris - found)} not reported as debris"
    kept = set(expected.get("kept", []))
    assert not kept & found, f"{name}: lines {sorted(kept & found)} wrongly reported as debris"


def check_article(name, article, want):
    where = f"{name}: {article.title}"
    for key in ("publisher", "byline", "body"):
        if key in want:
            assert getattr(article, key) == want[key], f"{where}: {key}"
    for key in ("authors", "translators"):
        if key in want:
            assert list(getattr(article, key)) == want[key], f"{where}: {key}"
    if "kind" in want:
        assert article.kind.value == want["kind"], where
    if "date" in want:
        assert (article.date.isoformat() if article.date else None) == want["date"], where
    if "lines" in want:
        assert list(article.source[0].lines) == want["lines"], where
    if "sources" in want:
        assert [f"{s.file}:{s.lines[0]}-{s.lines[1]}" for s in article.source] == want["sources"], where
    for key, value in (want.get("licence") or {}).items():
        got = getattr(article.licence, key)
        assert (got.value if key == "kind" else got) == value, f"{where}: licence.{key}"
    for text in want.get("body_contains", []):
        assert text in article.body, f"{where}: body lacks {text!r}"
    for text in want.get("body_excludes", []):
        assert text not in article.body, f"{where}: body has {text!r}"
    flags = [a for a in article.annotations if a.is_flag]
    if "flags" in want:
        assert [a.quote for a in flags] == want["flags"], where
    for note, ann in zip(want.get("flag_notes", []), flags):
        assert note in ann.note, f"{where}: flag {ann.quote!r} has note {ann.note!r}"
    rendered = render_body(article.body, article.annotations)
    for text in want.get("rendered_contains", []):
        assert text in rendered.html, f"{where}: html lacks {text!r}"
    for text in want.get("rendered_text", []):
        assert text in rendered.text, f"{where}: rendered text lacks {text!r}"
    for text in want.get("rendered_excludes", []):
        assert text not in rendered.html, f"{where}: html has {text!r}"
    assert not rendered.unanchored, f"{where}: a flag does not anchor: {rendered.unanchored}"
    assert not rendered.ambiguous, f"{where}: a flag anchors twice: {rendered.ambiguous}"
