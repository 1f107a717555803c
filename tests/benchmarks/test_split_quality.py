"""The split quality report: tables, JSON, one dump item by item, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.split_quality import main

DUMP = (
    "Accept all cookies\n\n"
    "Harbour cranes return to the old port\n\nBy Maria Costa\n\n"
    "The old port reopened on Monday after three years of repairs, and the first ships arrived before dawn.\n\n"
    "The city expects the port to handle a million containers a year by 2030.\n"
)
GOLD = ("- lines: [3, 9]\n  kind: article\n  title: \"Harbour cranes return to the old port\"\n"
        "  authors: [Maria Costa]\n  licence: unknown\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shape = tmp_path / "corpus" / "news"
    shape.mkdir(parents=True)
    (shape / "port.txt").write_text(DUMP, encoding="utf-8")
    (shape / "port.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path / "corpus"


def test_json_has_overall_shape_and_dump_figures(corpus: Path, capsys):
    assert main(["--corpus", str(corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["gold"] == 1
    assert set(data["shapes"]) == {"news"}
    assert set(data["dumps"]) == {"news/port.txt"}
    assert set(data["overall"]) >= {"precision", "recall", "f1", "title", "authors", "licence", "kind",
                                    "title_matched", "authors_matched", "licence_matched", "kind_matched"}


def test_markdown_table_has_a_row_per_shape_and_overall(corpus: Path, capsys):
    assert main(["--corpus", str(corpus), "--markdown"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith("| shape |") and "F1" in rows[0]
    assert rows[2].startswith("| news | 1 | 1 |")
    assert rows[-1].startswith("| **overall** |")
    assert "m.title" in rows[0] and "m.authors" in rows[0]


def test_fields_among_matched_items_are_a_dash_when_nothing_matched(corpus: Path, capsys):
    (corpus / "news" / "port.gold.yaml").write_text(GOLD.replace("[3, 9]", "[1, 1]"), encoding="utf-8")
    assert main(["--corpus", str(corpus), "--markdown"]) == 0
    news = capsys.readouterr().out.strip().splitlines()[2].split(" | ")
    assert news[6:10] == ["0.00"] * 4 and news[-4:] == ["–"] * 3 + ["– |"]


def test_dump_shows_gold_against_prediction(corpus: Path, capsys):
    assert main(["--dump", str(corpus / "news" / "port.txt")]) == 0
    out = capsys.readouterr().out
    assert "[1] gold   lines 3-9  article  'Harbour cranes return to the old port'  authors: Maria Costa" in out
    assert "found" in out or "MISSED" in out


def test_shape_filter_and_unknown_shape(corpus: Path, capsys):
    assert main(["--corpus", str(corpus), "--shape", "news"]) == 0
    assert "news" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["--corpus", str(corpus), "--shape", "sport"])
    assert exit_.value.code == 2


def test_a_broken_gold_file_is_an_error_not_a_traceback(corpus: Path, capsys):
    (corpus / "news" / "port.gold.yaml").write_text("- lines: [3]\n", encoding="utf-8")
    assert main(["--corpus", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "port.gold.yaml: item 1: lines" in err


def test_a_dump_without_gold_is_an_error(corpus: Path, capsys):
    (corpus / "news" / "port.gold.yaml").unlink()
    assert main(["--corpus", str(corpus)]) == 1
    assert "no gold file port.gold.yaml" in capsys.readouterr().err


def test_dump_diff_names_the_lines_where_boundaries_differ():
    from benchmarks.split_quality import dump_diff
    from benchmarks.split_score import Item, score

    lines = ["Menu", "Ferry fares to rise", "Fares rise by a tenth in May.", "Bridge opens", "The bridge opened today."]
    gold = (Item((2, 3), "fragment", "Ferry fares to rise", frozenset(), "unknown"),
            Item((4, 5), "fragment", "Bridge opens", frozenset(), "unknown"))
    found = (Item((1, 3), "fragment", None, frozenset(), "unknown"), Item((4, 5), "article", "Bridge opens", frozenset(), "unknown"))
    out = dump_diff(score(gold, found, shape="listing", name="x.txt"), lines)
    assert "MISSED: no prediction overlaps it by 0.8; the nearest, lines 1-3, overlaps 0.67" in out
    assert "differs: kind" in out
    assert "predicted, matching no gold item:\n    lines 1-3  fragment  (untitled)" in out
    whole, short = (Item((1, n), "article", "Menu", frozenset(), "unknown") for n in (5, 4))
    out = dump_diff(score((whole,), (short,)), lines)
    assert "(overlap 0.80)\n    differs: lines\n    gold ends at 5 'The bridge opened today.', found at 4 'Bridge opens'" in out
