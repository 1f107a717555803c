"""The field benchmark: the gold ranges given their fields by `assemble`, and the misses listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.split_fields import field_scores, misses
from benchmarks.split_score import total
from benchmarks.split_tagger import load

DUMP = """Harbour cranes return to the old port
By Maria Costa

The two cranes that stood over the old port until 1994 are back, restored by volunteers over three winters.
The council paid for the paint; the rest was done by hand, one bolt at a time, by people who had worked them.
"""

GOLD = """- lines: [1, 5]
  kind: article
  title: "Harbour cranes return to the old port"
  authors: [{author}]
  licence: unknown
"""


def _dump(tmp_path: Path, author: str):
    path, gold = tmp_path / "port.txt", tmp_path / "port.gold.yaml"
    path.write_text(DUMP, encoding="utf-8")
    gold.write_text(GOLD.format(author=author), encoding="utf-8")
    return load(path, gold, "news")


def test_fields_read_right_score_one_and_list_no_miss(tmp_path: Path):
    scores = field_scores([_dump(tmp_path, '"Maria Costa"')])
    assert total(scores).figures()["authors"] == 1.0
    assert misses(scores) == []


@pytest.mark.parametrize("fields", [("authors",), ("authors", "title")])
def test_a_wrong_field_is_listed_with_its_file_line_gold_and_what_was_read(tmp_path: Path, fields):
    scores = field_scores([_dump(tmp_path, '"Maria Coste"')])
    assert total(scores).figures()["authors"] == 0.0
    assert misses(scores, fields) == ["news/port.txt:1  authors  [Maria Coste] → [Maria Costa]"]
