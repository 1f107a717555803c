"""The fit of the split's line tagger as a linear-chain conditional random field.

`sitegen/split/tagger.py` scores a tag `t` at line `k` after the tag `p` as the sum of
the weights of the line's features (`features`) and of the previous-tag features
(`with_previous`) for `t`. The maximum-entropy Markov model normalises that score
per line (a softmax over `t` for each `p`); here it is normalised over whole tag
sequences of a segment, so a line that is unsure of its tag cannot pass the
doubt on to its neighbours unpaid (the label bias of the MEMM). The fit
maximises the log-likelihood of the gold sequences (forward-backward, scaled, segments batched and padded to the longest, L-BFGS, L2) with the same
feature names as the MEMM, so the weights file has the same form and the decoder
the same cost. `I` never follows `O` or a segment's start. Deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
from scipy import optimize, sparse

from sitegen.split.tagger import TAGS, Line, features, with_previous

PREVIOUS = ("B", "I", "O", "S")  # S: the segment's start
_NEVER = -1e30
_MASK = np.zeros((4, 3))
_MASK[2, 1] = _MASK[3, 1] = _NEVER  # no I after O, nor at a segment's start


class Tagged(Protocol):
    shape: str
    segments: tuple[tuple[Line, ...], ...]
    tags: tuple[tuple[str, ...], ...]
    weight: float  # how much its lines count (the seed dumps and the fixtures: `pinned`, whatever it says)


class Design:
    """The features of every line of some dumps as sparse matrices (one for the line, one per
    previous tag), the gold tags, and the segments as padded row indexes (longest first)."""

    def __init__(self, dumps: Sequence[Tagged], pinned: float, offsets: Sequence[Sequence[np.ndarray]] | None = None,
                 names: Callable[[Sequence[Line], int], list[str]] | None = None) -> None:
        base_rows: list[list[str]] = []
        prev_rows: list[list[list[str]]] = [[] for _ in PREVIOUS]
        y: list[int] = []
        prev: list[int] = []
        seg_rows: list[tuple[int, int, float]] = []  # first row, length, weight
        fixed: list[np.ndarray] = []
        for n_dump, d in enumerate(dumps):
            weight = pinned if d.shape in ("seeds", "fixtures") else d.weight
            for n_seg, (segment, tags) in enumerate(zip(d.segments, d.tags)):
                if not segment:
                    continue
                if offsets is not None:
                    fixed.append(offsets[n_dump][n_seg])
                seg_rows.append((len(y), len(segment), weight))
                for k in range(len(segment)):
                    base = (names or features)(segment, k)
                    base_rows.append(base)
                    for p, name in enumerate(PREVIOUS):
                        prev_rows[p].append(with_previous(base, name) if names is None and (name == "S") == (k == 0) else [])
                    y.append(TAGS.index(tags[k]))
                    prev.append(TAGS.index(tags[k - 1]) if k else 3)
        index: dict[str, int] = {}
        for rows in (base_rows, *prev_rows):
            for r in rows:
                for name in r:
                    index.setdefault(name, len(index))
        self.index = index
        n = len(y)
        self.offset = np.vstack([*fixed, np.zeros((1, 4, 3))]) if offsets is not None else None  # (n+1, 4, 3) or None
        self.x = _matrix(base_rows, index)
        self.xp = [_matrix(rows, index) for rows in prev_rows]
        self.xt = self.x.T.tocsr()
        self.xpt = [m.T.tocsr() for m in self.xp]
        self.y = np.array(y)
        self.prev = np.array(prev)
        order = sorted(range(len(seg_rows)), key=lambda s: (-seg_rows[s][1], s))
        seg_rows = [seg_rows[s] for s in order]
        self.lengths = np.array([length for _, length, _ in seg_rows])
        width = int(self.lengths.max())
        self.rows = np.full((len(seg_rows), width), n)  # row n: padding (zeros)
        self.row_weight = np.zeros(n)
        for s, (first, length, weight) in enumerate(seg_rows):
            self.rows[s, :length] = np.arange(first, first + length)
            self.row_weight[first:first + length] = weight
        self.active = [int((self.lengths > k).sum()) for k in range(width)]  # segments still going at line k
        self.at = [self.rows[:a, k] for k, a in enumerate(self.active)]  # their rows at line k
        self.seg_of = np.zeros(n, dtype=int)  # each row's segment (in this order) and line in it
        self.pos_of = np.zeros(n, dtype=int)
        for s, (first, length, _) in enumerate(seg_rows):
            self.seg_of[first:first + length] = s
            self.pos_of[first:first + length] = np.arange(length)
        self.seg_weight = np.array([weight for _, _, weight in seg_rows])
        gold = np.zeros((n, 3))
        gold[np.arange(n), self.y] = 1.0
        gold *= self.row_weight[:, None]
        self.empirical = self.xt @ gold + sum(self.xpt[p] @ (gold * (self.prev == p)[:, None]) for p in range(4))


def _matrix(rows: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    data_rows, cols = [], []
    for i, r in enumerate(rows):
        ids = sorted({index[name] for name in r})
        data_rows += [i] * len(ids)
        cols += ids
    return sparse.csr_matrix((np.ones(len(cols)), (data_rows, cols)), shape=(len(rows), len(index)))


def loss(w_flat: np.ndarray, d: Design, l2: float) -> tuple[float, np.ndarray]:
    """The negative log-likelihood of the gold tag sequences (segments weighted) plus the L2 term, and its gradient."""
    w = w_flat.reshape(-1, 3)
    n = len(d.y)
    unary = np.vstack([d.x @ w, np.zeros((1, 3))])  # (n+1, 3)
    pair = np.stack([np.vstack([m @ w, np.zeros((1, 3))]) for m in d.xp], axis=1)  # (n+1, 4, 3)
    psi = unary[:, None, :] + pair + _MASK  # (n+1, 4, 3): log-potential of (previous, tag) at each row
    if d.offset is not None:  # a second pass: the first pass's log-potentials, fixed, under its own
        psi = psi + d.offset
    shift = psi.max(axis=(1, 2))
    m = np.exp(psi - shift[:, None, None])  # potentials, scaled per row (scaled forward-backward)
    segs, width = d.rows.shape
    alpha = np.zeros((segs, width, 3))
    beta = np.ones((segs, width, 3))
    scale = np.ones((segs, width))
    a0 = m[d.rows[:, 0], 3]
    scale[:, 0] = a0.sum(axis=1)
    alpha[:, 0] = a0 / scale[:, 0, None]
    for k in range(1, width):
        a = d.active[k]
        step = np.matmul(alpha[:a, k - 1, None, :], m[d.at[k], :3])[:, 0]
        scale[:a, k] = step.sum(axis=1)
        alpha[:a, k] = step / scale[:a, k, None]
    for k in range(width - 2, -1, -1):
        a = d.active[k + 1]
        beta[:a, k] = np.matmul(m[d.at[k + 1], :3], beta[:a, k + 1, :, None])[:, :, 0] / scale[:a, k + 1, None]
    logz = np.log(scale).sum(axis=1) + np.bincount(d.seg_of, weights=shift[:n], minlength=segs)
    # pair marginals of the real rows: (n, 4, 3)
    xi = np.zeros((n, 4, 3))
    s_, k_ = d.seg_of, d.pos_of
    first = k_ == 0
    xi[first, 3] = alpha[s_[first], 0] * beta[s_[first], 0]
    rest = ~first
    sr, kr = s_[rest], k_[rest]
    xi[rest, :3] = alpha[sr, kr - 1, :, None] * m[:n][rest, :3] * beta[sr, kr, None, :] / scale[sr, kr, None, None]
    flat = xi * d.row_weight[:, None, None]
    expected = d.xt @ flat.sum(axis=1) + sum(d.xpt[p] @ flat[:, p] for p in range(4))
    gold_score = (unary[np.arange(n), d.y] + pair[np.arange(n), d.prev, d.y]) * d.row_weight
    if d.offset is not None:
        gold_score = gold_score + d.offset[np.arange(n), d.prev, d.y] * d.row_weight
    value = float((logz * d.seg_weight).sum() - gold_score.sum() + 0.5 * l2 * (w * w).sum())
    grad = expected - d.empirical + l2 * w
    return value, grad.ravel()


def fit(dumps: Sequence[Tagged], l2: float, pinned: float, maxiter: int = 1000, offsets: Sequence[Sequence[np.ndarray]] | None = None,
        names: Callable[[Sequence[Line], int], list[str]] | None = None) -> dict[str, tuple[float, float, float]]:
    """The CRF's weights per feature name (unrounded); with `offsets` (per dump, per segment: the
    log-potentials of a first pass, (lines, previous tag B I O S, tag)) the weights of a second pass
    whose scores are added to the first's; `names`: the features of a line other than `features`
    (then no previous-tag features)."""
    d = Design(dumps, pinned, offsets, names)
    result = optimize.minimize(loss, np.zeros(len(d.index) * 3), args=(d, l2), jac=True, method="L-BFGS-B",
                               options={"maxiter": maxiter})
    weights = result.x.reshape(-1, 3)
    return {name: (float(weights[i, 0]), float(weights[i, 1]), float(weights[i, 2])) for name, i in d.index.items()}
