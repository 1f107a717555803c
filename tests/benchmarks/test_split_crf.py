"""The CRF fit of the line tagger: its gradient, the constraint on I, and what the fit tags."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import split_crf
from tests.benchmarks.test_split_tagger import dump  # noqa: F401 (a fixture)


def test_the_gradient_is_the_slope_of_the_loss(dump):  # noqa: F811
    design = split_crf.Design([dump], pinned=10.0)
    w = np.random.default_rng(0).normal(0.0, 0.3, len(design.index) * 3)
    _, grad = split_crf.loss(w, design, 1.0)
    for i in range(0, len(w), max(1, len(w) // 25)):
        step = np.zeros_like(w)
        step[i] = 1e-5
        slope = (split_crf.loss(w + step, design, 1.0)[0] - split_crf.loss(w - step, design, 1.0)[0]) / 2e-5
        assert grad[i] == pytest.approx(slope, rel=1e-4, abs=1e-6)


def test_the_likelihood_counts_only_sequences_with_no_inside_after_outside(dump):  # noqa: F811
    """At zero weights every allowed sequence is as likely: the loss is the log of how many there are."""
    design = split_crf.Design([dump], pinned=1.0)
    value, _ = split_crf.loss(np.zeros(len(design.index) * 3), design, 0.0)

    def allowed(n):  # sequences of B, I, O with no I first and none after O
        ends = {"B": 1, "I": 0, "O": 1}
        for _ in range(n - 1):
            ends = {"B": sum(ends.values()), "I": ends["B"] + ends["I"], "O": sum(ends.values())}
        return sum(ends.values())

    assert value == pytest.approx(sum(np.log(allowed(len(segment))) for segment in dump.segments))
