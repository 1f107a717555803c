"""Fitting the boundary decision and judging it leave-one-shape-out, on a corpus of two small shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.split_fit import main as fit_main
from benchmarks.split_loso import main as loso_main
from sitegen.split.boundary import FEATURES

LONG = "The old port reopened on Monday after three years of repairs, and the first ships arrived before dawn."
NEWS = f"Harbour cranes return to the old port\n\nBy Maria Costa\n\n{LONG}\n\nTram line to reach the airport by 2027\n\nBy Ian Holt\n\n{LONG}\n"
NEWS_GOLD = (
    "- lines: [1, 5]\n  kind: article\n  title: \"Harbour cranes return to the old port\"\n  authors: [Maria Costa]\n  licence: unknown\n"
    "- lines: [7, 11]\n  kind: article\n  title: \"Tram line to reach the airport by 2027\"\n  authors: [Ian Holt]\n  licence: unknown\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for shape in ("news", "more_news"):
        folder = tmp_path / "corpus" / shape
        folder.mkdir(parents=True)
        (folder / "page.txt").write_text(NEWS, encoding="utf-8")
        (folder / "page.gold.yaml").write_text(NEWS_GOLD, encoding="utf-8")
    return tmp_path / "corpus"


def test_a_fit_names_every_feature_and_is_the_same_every_time(corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "model.json"
    assert fit_main(["--corpus", str(corpus), "--out", str(out)]) == 0
    assert set(json.loads(out.read_text(encoding="utf-8"))["features"]) == set(FEATURES)
    assert fit_main(["--corpus", str(corpus), "--out", str(out), "--check"]) == 0
    out.write_text(out.read_text(encoding="utf-8").replace('"bias": ', '"bias": 1'), encoding="utf-8")
    assert fit_main(["--corpus", str(corpus), "--out", str(out), "--check"]) == 1
    assert "differs from a fresh fit" in capsys.readouterr().out


def test_leave_one_shape_out_reports_each_decision(corpus: Path, capsys):
    assert loso_main(["--corpus", str(corpus), "--shapes"]) == 0
    out = capsys.readouterr().out
    for name in ("rules", "model", "combined", "ceiling"):
        assert out.count(name) >= 1
    assert "more_news" in out and "\nnews " in out


def test_an_unknown_held_out_shape_is_a_usage_error(corpus: Path):
    with pytest.raises(SystemExit) as exit_:
        loso_main(["--corpus", str(corpus), "--held", "nope"])
    assert exit_.value.code == 2
