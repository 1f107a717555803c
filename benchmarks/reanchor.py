"""How long re-anchoring takes: one note whose quote was edited (or deleted) in articles of growing length.

`python benchmarks/reanchor.py` prints, per article length and quote length, the
seconds `annotate.anchor.locate` needs for a quote with three characters changed
(re-anchored: FUZZY) and for a quote that is gone (MISSING). An exact quote costs
one `str.find`; these are the slow paths, paid once per changed body (bodies are
cached by content hash).
"""

from __future__ import annotations

import random
import time

from sitegen.annotate.anchor import AnchorStatus, locate
from sitegen.model import Annotation

WORDS = (
    "government minister economy market trade tariffs prices inflation bank rates growth election court "
    "policy report officials company shares investors energy oil gas climate the a of and to in on for with"
).split()


def best_of(runs: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = random.Random(7)
    print(f"{'text chars':>10} {'quote chars':>11} {'re-anchored s':>13} {'missing s':>10}")
    for words in (1_000, 10_000, 40_000):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        for length in (30, 300, 3_000):
            at = len(text) // 2
            quote = text[at : at + length]
            edited = quote[: length // 2] + "XYZ" + quote[length // 2 + 3 :]
            moved = Annotation(edited)
            assert locate(text, moved).status is AnchorStatus.FUZZY
            gone = Annotation("zebra quantum " * (length // 14 + 1))
            assert locate(text, gone).status is AnchorStatus.MISSING
            print(f"{len(text):>10,} {length:>11,} {best_of(3, lambda: locate(text, moved)):>13.3f} "
                  f"{best_of(3, lambda: locate(text, gone)):>10.3f}")


if __name__ == "__main__":
    main()
