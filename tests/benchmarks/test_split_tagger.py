"""The line tagger benchmark: gold tags from gold files, a deterministic fit, the weights file it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.split_score import total
from benchmarks.split_tagger import ceiling, deal, fit, flattened, load
from sitegen.split import tagger

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


def tags_of(dump):
    return {x.block.line: t for segment, tags in zip(dump.segments, dump.tags) for x, t in zip(segment, tags)}


def test_gold_tags_mark_item_starts_insides_and_furniture(dump):
    # "Subscribe…" and "Share this article", taken out by the segmenter, are tagged too: they tell about their neighbours
    assert tags_of(dump) == {1: "O", 3: "B", 4: "I", 6: "I", 7: "I", 9: "O", 11: "B", 12: "I", 13: "I"}


def test_the_gold_tags_give_back_the_gold_items(dump):
    figures = total([ceiling(dump)]).figures()
    assert figures["f1"] == figures["title"] == figures["authors"] == 1.0


def test_a_dump_with_its_blank_lines_taken_out_keeps_its_items_on_the_lines_left(dump):
    flat = flattened(dump, 0.5)
    assert flat is not None and flat.variant and flat.weight == 0.5 and "\n\n" not in flat.text
    # the same lines, renumbered: "Subscribe…" 1, the first item 2–5, "Share…" 6, the second item 7–9
    assert tags_of(flat) == {1: "O", 2: "B", 3: "I", 4: "I", 5: "I", 6: "O", 7: "B", 8: "I", 9: "I"}
    assert flattened(flat, 0.5) is None  # nothing left to take out


def test_a_fit_is_deterministic_and_tags_what_it_was_fitted_on(dump):
    first, second = fit([dump]), fit([dump])
    assert first.to_json() == second.to_json()
    assert [first.decode(segment).tags for segment in dump.segments] == list(dump.tags)


def test_the_weights_file_reads_back_as_the_fitted_model(dump, tmp_path):
    model = fit([dump])
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert tagger.load(path).weights == model.weights


def test_the_shipped_weights_are_what_a_fit_on_the_corpus_gives():
    """After adding corpus dumps or changing the features: python benchmarks/split_tagger.py --fit."""
    from benchmarks.split_tagger import main

    assert main(["--check"]) == 0


def test_folds_are_dealt_in_name_order_or_shuffled_by_a_seed_each_shape_once():
    shapes = [f"shape_{k:02d}" for k in range(23)]
    plain = deal(list(reversed(shapes)), 5)
    assert plain[0] == ["shape_00", "shape_05", "shape_10", "shape_15", "shape_20"]
    for seed in (1, 2):
        folds = deal(shapes, 5, seed)
        assert sorted(s for fold in folds for s in fold) == shapes  # every shape held out once
        assert [len(f) for f in folds] == [len(f) for f in plain]
        assert folds != plain and folds == deal(shapes, 5, seed)  # another deal, the same each run
    assert deal(shapes, 5, 1) != deal(shapes, 5, 2)


def test_the_record_of_a_fits_inputs_changes_with_any_dump_gold_or_code_it_reads(tmp_path):
    from benchmarks.split_tagger import inputs_digest

    corpus = tmp_path / "corpus"
    (corpus / "shape").mkdir(parents=True)
    dump, gold = corpus / "shape" / "page.txt", corpus / "shape" / "page.gold.yaml"
    dump.write_text("Harbour cranes return\n\nThe cranes came back on Monday.\n", encoding="utf-8")
    gold.write_text('- lines: [1, 3]\n  kind: article\n  title: "Harbour cranes return"\n  authors: []\n  licence: unknown\n',
                    encoding="utf-8")
    before = inputs_digest(corpus)
    assert inputs_digest(corpus) == before  # the same inputs, the same record: no fit needed
    dump.write_text("Harbour cranes return\n\nThe cranes came back on Tuesday.\n", encoding="utf-8")
    assert inputs_digest(corpus) != before
    changed = inputs_digest(corpus)
    gold.write_text(gold.read_text(encoding="utf-8").replace("article", "fragment"), encoding="utf-8")
    assert inputs_digest(corpus) != changed


def test_the_record_names_the_weights_so_weights_changed_by_hand_are_fitted_again(tmp_path, monkeypatch):
    from benchmarks import split_tagger

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    weights = tmp_path / "tagger_model.json"
    weights.write_text('{"kind": "crf"}', encoding="utf-8")
    monkeypatch.setattr(split_tagger.tagger, "WEIGHTS", weights)
    shipped = split_tagger._recorded(corpus)
    weights.write_text('{"kind": "crf", "edited": true}', encoding="utf-8")
    assert split_tagger._recorded(corpus) != shipped
