"""learned: the boundary decision fitted on the corpus, its weights file, and how sure a cut is."""

from __future__ import annotations

import json
import math

from sitegen.split import learned
from sitegen.split.boundary import FEATURES, items
from sitegen.split.roles import classify
from sitegen.split.text import Block

LONG = "A paragraph of ordinary news text that goes on for a while and then ends properly, as paragraphs of articles do."
TEXTS = ["Harbour cranes return to the old port", LONG, LONG, "Tram line to reach the airport by 2027", LONG, LONG]
BLOCKS = tuple(Block(2 * i + 1, t) for i, t in enumerate(TEXTS))


def always(p: float) -> learned.Model:
    """A decision that gives every line the probability p of starting an item."""
    return learned.Model(FEATURES, (math.log(p / (1 - p)),) + (0.0,) * (len(FEATURES) - 1))


def split(p: float):
    with learned.using(always(p)):
        return items(BLOCKS, classify(TEXTS), set())


def test_weights_written_are_read_back_the_same(tmp_path):
    model = learned.Model(FEATURES, tuple(round(0.25 * n - 3, 6) for n in range(len(FEATURES))))
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert learned.load(path, FEATURES) == model
    assert set(json.loads(path.read_text(encoding="utf-8"))["features"]) == set(FEATURES)


def test_no_weights_file_means_the_rules_decide(tmp_path):
    assert learned.load(tmp_path / "missing.json", FEATURES) is None
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert learned.load(tmp_path / "broken.json", FEATURES) is None


def test_a_weights_file_is_read_by_feature_name_whatever_its_order(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": {"rule_cut": 2.0, "bias": -1.0}}), encoding="utf-8")
    model = learned.load(path, FEATURES)
    assert model is not None
    assert model.weights[FEATURES.index("bias")] == -1.0 and model.weights[FEATURES.index("rule_cut")] == 2.0
    assert sum(model.weights) == 1.0  # a feature the file does not name weighs nothing


def test_a_sure_cut_has_no_doubt_and_a_near_one_is_flagged_for_review():
    sure = split(0.95)
    assert [(it.start, it.end) for it in sure] == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)]
    assert all(not it.doubts for it in sure)
    near = split(0.55)
    assert len(near) == 6
    assert all(line == BLOCKS[it.start].line and "check" in why for it in near[1:] for line, why in it.doubts)
    assert min(it.confidence for it in near) < 0.6


def test_a_headline_kept_near_the_threshold_is_a_subheading_to_review():
    kept = split(0.45)
    assert [(it.start, it.end) for it in kept] == [(0, 6)]
    assert [line for line, _ in kept[0].doubts] == [BLOCKS[3].line]  # the headline-shaped line, not the paragraphs
    assert kept[0].confidence < 1.0
    assert split(0.05)[0].doubts == ()


def test_using_puts_the_previous_decision_back():
    before = learned.active(FEATURES)
    with learned.using(None):
        assert learned.active(FEATURES) is None
        with learned.using(always(0.9)):
            assert learned.active(FEATURES) is not None
        assert learned.active(FEATURES) is None
    assert learned.active(FEATURES) is before
