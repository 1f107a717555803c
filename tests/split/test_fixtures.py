"""Each fixture dump in fixtures/NAME.txt, split, must give the articles of NAME.expected.yaml.

Checked through the files `split_files` writes, as an editor would read them.
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
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    articles = []
    for outcome in report.outcomes:
        article, problems = read_article(outcome.path.read_text(encoding="utf-8"), str(outcome.path), outcome.path.stem)
        assert article is not None, problems
        articles.append(article)
    return articles


@pytest.mark.parametrize("name", CASES)
def test_fixture(name, tmp_path):
    expected = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    articles = split_fixture(name, tmp_path)
    assert [a.title for a in articles] == [e["title"] for e in expected]
    for article, want in zip(articles, expected):
        where = f"{name}: {article.title}"
        if "publisher" in want:
            assert article.publisher == want["publisher"], where
        if "authors" in want:
            assert list(article.authors) == want["authors"], where
        if "byline" in want:
            assert article.byline == want["byline"], where
        if "translators" in want:
            assert list(article.translators) == want["translators"], where
        if "kind" in want:
            assert article.kind.value == want["kind"], where
        if "lines" in want:
            assert list(article.source[0].lines) == want["lines"], where
        for key, value in (want.get("licence") or {}).items():
            got = getattr(article.licence, key)
            assert (got.value if key == "kind" else got) == value, f"{where}: licence.{key}"
        for text in want.get("body_contains", []):
            assert text in article.body, f"{where}: body lacks {text!r}"
        for text in want.get("body_excludes", []):
            assert text not in article.body, f"{where}: body has {text!r}"
        if "flags" in want:
            assert [a.quote for a in article.annotations if a.is_flag] == want["flags"], where
        rendered = render_body(article.body, article.annotations)
        for text in want.get("rendered_contains", []):
            assert text in rendered.html, f"{where}: html lacks {text!r}"
        for text in want.get("rendered_text", []):
            assert text in rendered.text, f"{where}: rendered text lacks {text!r}"
        for text in want.get("rendered_excludes", []):
            assert text not in rendered.html, f"{where}: html has {text!r}"
        assert not rendered.unanchored, f"{where}: a flag does not anchor: {rendered.unanchored}"
    debris = {line for e in expected for line in e.get("debris", [])}
    if debris:
        text, _ = decode_dump((FIXTURES / f"{name}.txt").read_bytes(), name)
        found = {d.line for d in split_text(text, name).debris}
        assert debris <= found, f"{name}: lines {sorted(debris - found)} not reported as debris"
