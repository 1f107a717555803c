"""The split, scored against the hand-written corpus, does not fall below the recorded floors.

`benchmarks/split_quality.py` shows the figures per shape; the floors in
`benchmarks/split_quality_floor.json` are the overall figures the split has
reached, so a change that splits the corpus worse fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.split_score import FIGURES, by_shape, corpus_dumps, score_corpus, total

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "split_corpus"
FLOORS = json.loads((ROOT / "benchmarks" / "split_quality_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    return score_corpus(CORPUS)


def test_the_corpus_is_large_and_varied():
    dumps = corpus_dumps(CORPUS)
    assert len(dumps) >= 40
    assert len({d.parent.name for d in dumps}) >= 20


def test_floors_name_every_figure():
    assert set(FLOORS) == set(FIGURES)


@pytest.mark.parametrize("figure", FIGURES)
def test_overall_figure_is_not_below_its_floor(scores, figure):
    reached = total(scores).figures()[figure]
    worst = sorted(by_shape(scores).items(), key=lambda kv: kv[1].figures()[figure])[:3]
    assert reached >= FLOORS[figure], (
        f"split quality {figure} fell to {reached:.3f} (floor {FLOORS[figure]:.3f}); worst shapes: "
        + ", ".join(f"{shape} {t.figures()[figure]:.2f}" for shape, t in worst)
        + " — see python benchmarks/split_quality.py --shape SHAPE, and --dump FILE"
    )
