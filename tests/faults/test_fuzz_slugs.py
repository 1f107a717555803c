"""Fuzzing the slug maker (`sitegen.slugs`): any title gives a safe, bounded, stable file name."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.slugs import MAX_LEN, slugify, unique_slug
from tests.faults.fuzzing import TEXT, fuzz

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED = {"con", "prn", "aux", "nul", "index", "feed", "page", "static", "search"}


@fuzz(300)
@given(st.one_of(TEXT, st.text()))
@example("")
@example("../../etc/passwd")
@example("CON")
@example("-" * 200)
@example("a" * 81)
@example("ß" * 100)
@example("\ud800")
def test_any_text_gives_a_safe_bounded_stable_slug(text):
    slug = slugify(text)
    assert SLUG.match(slug), slug
    assert len(slug) <= MAX_LEN and slug not in RESERVED
    assert slugify(text) == slug  # the same title, the same file
    assert slugify(slug) == slug  # a slug is its own slug: renaming a file after it changes nothing


@fuzz(50)
@given(st.lists(TEXT, max_size=30))
def test_unique_slugs_never_collide(titles):
    taken: set[str] = set()
    for title in titles:
        slug = unique_slug(slugify(title), taken)
        assert slug not in taken and SLUG.match(slug)
        taken.add(slug)
