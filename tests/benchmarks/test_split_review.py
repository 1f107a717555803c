"""Review flags against the split's mistakes: every doubt of the tagger is read back."""

from __future__ import annotations

from pathlib import Path

from benchmarks.split_review import rates, records
from benchmarks.split_score import Item

LISTING = "\n\n".join([
    "Rowing club wins the autumn head race",
    "The senior eight beat twelve crews over four miles, the club's first win in the race since 1998.",
    "New footbridge for the towpath by spring",
    "The council has agreed to replace the footbridge at the lock, closed since the floods of last winter.",
    "Library extends its opening hours",
    "From next month the library will open until eight on weekdays, after a petition signed by 900 readers.",
]) + "\n"


def gold(*spans):
    return [Item(span, "fragment", None, frozenset(), "unknown") for span in spans]


def test_each_article_is_recorded_with_the_probabilities_behind_its_doubts(tmp_path: Path):
    dump = tmp_path / "listing.txt"
    dump.write_text(LISTING, encoding="utf-8")
    rows = records(dump, gold((1, 3), (5, 7), (9, 11)))
    assert [r.wrong for r in rows] == [False, False, False]
    assert not any(r.other for r in rows)  # every doubt is the tagger's, its probability read
    assert all(0.0 <= r.start <= 1.0 and 0.0 <= r.end <= 1.0 for r in rows)
    assert rates(rows, sure=2.0, doubt=0.0) == (1.0, 0.0)  # all flagged; nothing wrong to catch
    assert rates(rows, sure=0.0, doubt=1.01) == (0.0, 0.0)


def test_an_article_matching_no_gold_item_is_wrong(tmp_path: Path):
    dump = tmp_path / "listing.txt"
    dump.write_text(LISTING, encoding="utf-8")
    rows = records(dump, gold((1, 7), (9, 11)))  # the gold has the first two as one item
    assert [r.wrong for r in rows] == [True, True, False]
    assert rates(rows, sure=2.0, doubt=0.0) == (1.0, 1.0)
