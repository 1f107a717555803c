"""Error classes of a split against its gold."""

from __future__ import annotations

from benchmarks.split_errors import classify
from benchmarks.split_score import Item, score


def item(first, last):
    return Item((first, last), "article", None, frozenset(), "unknown")


GOLD = [item(1, 10), item(11, 20), item(21, 30)]


def classes(predicted):
    return sorted(c for c, _ in classify(score(GOLD, predicted), frozenset()))


def test_a_missed_cut_merges_two_items():
    assert classes([item(1, 20), item(21, 30)]) == ["merged", "merged"]


def test_an_extra_cut_cuts_inside_an_item():
    assert classes([item(1, 10), item(11, 15), item(16, 20), item(21, 30)]) == ["cut inside"]


def test_an_item_that_starts_above_its_headline_starts_early():
    gold = [item(1, 10), item(14, 20), item(21, 30)]  # lines 11-13: a kicker and furniture above the headline
    assert sorted(c for c, _ in classify(score(gold, [item(1, 10), item(11, 20), item(21, 30)]), frozenset())) == ["starts early"]
    assert classes([item(1, 10), item(11, 20), item(24, 30)]) == ["starts late"]


def test_lines_of_no_item_kept_as_one_are_furniture_kept_and_a_lost_item_is_left_out():
    assert classes([item(1, 10), item(11, 20), item(31, 33)]) == ["furniture kept", "left out"]
