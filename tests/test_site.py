"""Tests for sitegen.site: order, taxonomies with safe unique slugs, pagination."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from sitegen.site import ListKind, group, make_site, newest_first, paginate
from sitegen.slugs import MAX_LEN
from tests.sample_site import XSS, article, build_site, config, sample_articles


def slugs(taxa):
    return {t.name: t.slug for t in taxa}


def test_articles_are_newest_first_undated_last_then_by_title():
    items = (
        article("b", "Beta", date=dt.date(2020, 1, 1)),
        article("u2", "zebra"),
        article("a", "Alpha", date=dt.date(2020, 1, 1)),
        article("n", "Newest", date=dt.date(2024, 6, 1)),
        article("u1", "Apple"),
    )
    site = build_site(items)
    assert [a.slug for a in site.articles] == ["n", "a", "b", "u1", "u2"]


def test_the_site_does_not_depend_on_the_order_articles_were_loaded_in():
    items = list(sample_articles())
    first = build_site(tuple(items))
    random.Random(7).shuffle(items)
    second = build_site(tuple(items))
    assert first.articles == second.articles
    assert first.tags == second.tags and first.authors == second.authors
    assert first.listings == second.listings


def test_taxonomies_group_articles_newest_first():
    site = build_site()
    ai = next(t for t in site.tags if t.name == "ai")
    assert [a.slug for a in ai.articles] == ["unicode", "korea-chatbot", "teaser"]
    jul = next(t for t in site.authors if t.name == "Jul Parke")
    assert [a.slug for a in jul.articles][:2] == ["unicode", "korea-chatbot"]
    assert slugs(site.publishers) == {"/etc/passwd": "etc-passwd", "Asia Times": "asia-times", "Le Monde": "le-monde"}


def test_hostile_names_get_safe_slugs():
    site = build_site()
    for taxa in (site.tags, site.authors, site.publishers):
        for taxon in taxa:
            assert taxon.slug and len(taxon.slug) <= MAX_LEN + 4
            assert set(taxon.slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-"), taxon
            assert taxon.slug not in {"con", "index", "static", "feed"}
    assert slugs(site.tags)["../../x"] == "x"
    assert slugs(site.tags)["CON"] == "con-1"
    assert slugs(site.authors)[XSS] == "script-alert-1-script"


def test_names_with_the_same_slug_get_distinct_slugs_and_the_exact_name_keeps_it():
    site = build_site()
    assert slugs(site.tags)["ai"] == "ai"
    assert slugs(site.tags)["AI"] == "ai-2"
    # the same whatever the order of the articles
    reverse = build_site(tuple(reversed(sample_articles())))
    assert slugs(reverse.tags) == slugs(site.tags)


@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=12, unique=True))
def test_any_names_get_unique_slugs(names):
    items = tuple(article(f"a{i}", f"t{i}", tags=(name,)) for i, name in enumerate(names))
    taxa = group(tuple(sorted(items, key=newest_first)), lambda a: a.tags)
    taxon_slugs = [t.slug for t in taxa]
    assert len(set(taxon_slugs)) == len(taxon_slugs)
    assert all("/" not in s and "\\" not in s and not s.startswith(".") for s in taxon_slugs)


def test_a_name_listed_twice_or_blank_counts_once_or_not_at_all():
    site = build_site((article("a", "A", tags=("x", "x", " "), authors=("", "Ann")),))
    assert [(t.name, len(t.articles)) for t in site.tags] == [("x", 1)]
    assert [t.name for t in site.authors] == ["Ann"]


def test_home_and_taxon_lists_are_cut_into_pages():
    site = build_site(cfg=config(page_size=3))
    home = [l for l in site.listings if l.kind is ListKind.HOME]
    assert [len(l.articles) for l in home] == [3, 3, 3]
    assert all(l.total == 3 and l.count == 9 for l in home)
    assert [l.number for l in home] == [1, 2, 3]
    assert [a for l in home for a in l.articles] == list(site.articles)
    jul = [l for l in site.listings if l.kind is ListKind.AUTHOR and l.taxon.name == "Jul Parke"]
    assert [len(l.articles) for l in jul] == [3, 3, 1]


def test_an_empty_archive_still_has_a_home_page():
    site = make_site((), {}, config())
    assert len(site.listings) == 1
    assert site.listings[0].kind is ListKind.HOME and site.listings[0].articles == ()
    assert site.tags == site.authors == site.publishers == ()


def test_paginate():
    items = tuple(sample_articles())
    assert paginate((), 5) == ((),)
    assert paginate(items, 4) == (items[:4], items[4:8], items[8:])
    assert paginate(items, 100) == (items,)


def test_slug_lookup_and_neighbours():
    site = build_site()
    assert site.slug(ListKind.TAG, "south-korea") == "south-korea"
    assert site.slug(ListKind.PUBLISHER, "/etc/passwd") == "etc-passwd"
    first, second = site.articles[0], site.articles[1]
    assert site.neighbours(first) == (None, second)
    assert site.neighbours(second) == (first, site.articles[2])
    assert site.neighbours(site.articles[-1])[1] is None
