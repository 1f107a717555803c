"""The learned boundary decision: a logistic model over the evidence `boundary` gathers per line.

Owns the weights file the package may ship (`boundary_model.json` beside this
module, written by `benchmarks/split_fit.py --out` from the split corpus), the
probability that a line starts a new item (a dot product and a logistic), and
which decision is active (`using` swaps it, for fitting and for
leave-one-shape-out evaluation). With no weights file, as now, the rules decide
alone: no fit has yet scored better than them on shapes left out of the fit.
Pure Python; must not gather evidence (that is `boundary`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sitegen.split.text import Block

WEIGHTS = Path(__file__).with_name("boundary_model.json")
CUT = 0.5  # a probability at or above this starts a new item
SURE = 0.75  # a cut below this is worth a look (a probability near the threshold is a doubt)
DOUBT = 0.3  # and so is a headline-shaped line kept as a subheading at or above this

Decide = Callable[[Sequence[float], Block, Block], float]


@dataclass(frozen=True, slots=True)
class Model:
    """Weights over named features; the probability of a new item is the logistic of their sum."""

    names: tuple[str, ...]
    weights: tuple[float, ...]

    def __call__(self, values: Sequence[float], block: Block | None = None, previous: Block | None = None) -> float:
        z = sum(w * x for w, x in zip(self.weights, values) if x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def to_json(self) -> str:
        return json.dumps({"features": dict(zip(self.names, (round(w, 6) for w in self.weights)))}, indent=1) + "\n"


def load(path: Path, names: Sequence[str]) -> Model | None:
    """The model of a weights file, in the order of `names` (a feature missing from the file weighs
    nothing); None when there is no file or it does not read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["features"]
        return Model(tuple(names), tuple(float(data.get(name, 0.0)) for name in names))
    except (OSError, ValueError, KeyError, TypeError):
        return None


_shipped: dict[tuple[str, ...], Model | None] = {}
_override: list[Decide | None] = []


def active(names: Sequence[str]) -> Decide | None:
    """The decision in use: what `using` put in place, else the shipped model over the features
    `names` (read once), else None (the rules alone)."""
    if _override:
        return _override[-1]
    key = tuple(names)
    if key not in _shipped:
        _shipped[key] = load(WEIGHTS, key)
    return _shipped[key]


@contextmanager
def using(decide: Decide | None) -> Iterator[None]:
    """Decide with `decide` (None: the rules alone) inside the block."""
    _override.append(decide)
    try:
        yield
    finally:
        _override.pop()
