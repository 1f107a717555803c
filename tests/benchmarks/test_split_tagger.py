"""The line tagger benchmark: gold tags from gold files, items from tags, a deterministic fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.split_score import total
from benchmarks.split_tagger import fit, load, predicted, ranges_of, scored

DUMP = """Subscribe to our newsletter

Harbour cranes return to the old port
By Maria Costa

The two cranes that stood over the old port until 1994 are back, restored by volunteers over three winters.
The council paid for the paint; the rest was done by hand, one bolt at a time, by people who had worked them.

Share this article

Night trains between Lisbon and Madrid resume in May
The sleeper service, stopped in 2020, will run three nights a week with a new operator from the spring timetable.
Tickets go on sale on Monday, and the first trains are already nearly full, the operator said on Friday.
"""

GOLD = """- lines: [3, 7]
  kind: article
  title: "Harbour cranes return to the old port"
  authors: ["Maria Costa"]
  licence: unknown
- lines: [11, 13]
  kind: article
  title: "Night trains between Lisbon and Madrid resume in May"
  authors: []
  licence: unknown
"""


@pytest.fixture
def dump(tmp_path: Path):
    path, gold = tmp_path / "port.txt", tmp_path / "port.gold.yaml"
    path.write_text(DUMP, encoding="utf-8")
    gold.write_text(GOLD, encoding="utf-8")
    return load(path, gold, "news")


def test_gold_tags_mark_item_starts_insides_and_furniture(dump):
    tags = dict(zip((line.number for line in dump.lines), dump.tags))
    assert tags == {1: "O", 3: "B", 4: "I", 6: "I", 7: "I", 9: "O", 11: "B", 12: "I", 13: "I"}


def test_the_gold_tags_give_back_the_gold_items(dump):
    items = predicted(dump, ranges_of(dump.lines, dump.tags))
    assert [i.lines for i in items] == [(3, 7), (11, 13)]
    figures = total([scored(dump, items)]).figures()
    assert figures["f1"] == figures["title"] == figures["authors"] == 1.0


def test_an_item_without_running_text_is_left_out(dump):
    tags = ["B" if line.number == 9 else "O" for line in dump.lines]  # "Share this article" alone
    assert ranges_of(dump.lines, tags) == []


@pytest.mark.parametrize("history", [False, True])
def test_a_fit_is_deterministic_and_tags_what_it_was_fitted_on(dump, history):
    first, second = fit([dump], False, with_history=history), fit([dump], False, with_history=history)
    assert first.index == second.index and (first.weights == second.weights).all()
    assert first.tag(dump.lines) == list(dump.tags)
