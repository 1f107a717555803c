"""fingerprint: stable sketches; near-duplicates score high, other texts low."""

from __future__ import annotations

import random

from sitegen.split.fingerprint import SAME_ARTICLE, K, similarity, sketch

WORDS = "port ships cranes harbour workers prices traders rates bank council budget schools roads fund".split()


def text(seed: int, n: int = 400) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_sketch_is_stable_and_small():
    assert sketch(text(1)) == sketch(text(1))
    assert len(sketch(text(1))) == K
    assert sketch("") == () and sketch("Only three words") != ()


def test_a_near_duplicate_is_similar():
    base = text(1)
    paragraphs = base.split(" ")
    edited = " ".join(paragraphs[:150] + ["an", "extra", "paragraph", "appears", "here"] + paragraphs[150:])
    assert similarity(sketch(base), sketch(edited)) >= SAME_ARTICLE
    assert similarity(sketch(base), sketch(base.upper().replace(" ", "\n\n"))) == 1.0


def test_other_texts_are_not():
    assert similarity(sketch(text(1)), sketch(text(2))) < 0.1
    assert similarity(sketch(text(1)), ()) == 0.0


def test_markup_does_not_count():
    assert sketch("\\# The *port* [reopened]") == sketch("# The port reopened")
