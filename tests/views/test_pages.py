"""Tests for sitegen.views.pages: every page's view, hashable, with links already relative."""

from __future__ import annotations

import dataclasses
import json
import posixpath

import pytest

from sitegen import urls
from sitegen.views import ArticleView, ListView, NotesView, TaxonomyView, site_outputs, site_pages
from tests.sample_site import XSS, build_site, config

BASE = "https://example.org/archive/"


@pytest.fixture(scope="module")
def pages():
    return {p.path: p for p in site_pages(build_site())}


@pytest.fixture(scope="module")
def hosted():
    return {p.path: p for p in site_pages(build_site(cfg=config(base_url=BASE)))}


def hrefs(value, name=""):
    """Every (field name, value) pair of a view whose name says it holds a link."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from hrefs(getattr(value, f.name), f.name)
    elif isinstance(value, tuple):
        for item in value:
            yield from hrefs(item, name)
    elif isinstance(value, str) and name in {"href", "home", "prev", "next", "feed", "site_feed", "page_feed",
                                               "search_page", "stylesheets", "scripts"}:
        yield name, value


def test_every_page_view_is_hashable_and_deterministic(pages):
    again = {p.path: p for p in site_pages(build_site())}
    assert again == pages
    for page in pages.values():
        assert hash(page) == hash(again[page.path])


def test_the_site_has_every_kind_of_page(pages):
    expected = {
        "index.html", "page-2.html", "page-3.html", "articles/korea-chatbot.html", "articles/teaser.html",
        "tags/index.html", "tags/ai/index.html", "tags/ai-2/index.html", "tags/filler/page-2.html",
        "authors/index.html", "authors/jul-parke/page-3.html", "publishers/index.html",
        "publishers/etc-passwd/index.html", "annotations/index.html", "search/index.html", "404.html",
    }
    assert expected <= set(pages)
    assert all(".." not in p.split("/") and not p.startswith("/") for p in pages)


def test_every_link_is_relative_and_names_a_page_or_a_static_file(pages):
    statics = {urls.static(n) for n in ("style.css", "pygments.css", "site.js")}
    statics |= {o.path for o in site_outputs(build_site(), tuple(pages.values()))}
    for path, page in pages.items():
        if path == urls.NOT_FOUND:
            continue
        for name, href in hrefs(page):
            assert not href.startswith(("/", "http:", "https:")), (path, name, href)
            target = href.split("#")[0]
            if not target:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages or resolved in statics, (path, name, href)
            assert not target.endswith("/"), "links always name a file"


def test_search_page_and_box_go_away_when_search_is_off():
    pages = {p.path: p for p in site_pages(build_site(cfg=config(search=False)))}
    assert urls.SEARCH not in pages
    assert all(p.meta.search_page is None for p in pages.values())


def test_article_view(pages):
    page = pages["articles/korea-chatbot.html"]
    view = page.view
    assert isinstance(view, ArticleView) and page.template == "article.html"
    assert [(a.text, a.href) for a in view.authors] == [("Jul Parke", "../authors/jul-parke/index.html")]
    assert (view.publisher.text, view.publisher.href) == ("Asia Times", "../publishers/asia-times/index.html")
    assert [t.href for t in view.tags] == ["../tags/ai/index.html", "../tags/south-korea/index.html"]
    assert view.date == "2021-01-20" and view.date_label == "20 January 2021"
    assert view.reading_time_minutes == 1
    assert 'id="hl-1"' in view.body_html and 'class="note note-flag"' in view.body_html
    assert [(n.number, n.quote) for n in view.unanchored] == [(3, "words that are not in the text")]
    assert view.notes == 4 and not view.is_fragment
    assert view.provenance == ("000_b50cd3c55737d259.txt, lines 1–61", "004_other.txt, lines 10–70")
    assert view.file == "content/articles/korea-chatbot.md"
    assert page.meta.root == "../" and page.meta.og_type == "article"
    assert page.meta.description.startswith("Lee Luda, a chatbot")


def test_attribution_says_what_creative_commons_asks_for(pages):
    attribution = pages["articles/korea-chatbot.html"].view.attribution
    assert attribution.title.startswith("From chatbot to sexbot")
    assert attribution.authors == "Jul Parke"
    assert attribution.origin == "The Conversation" and attribution.publisher == "Asia Times"
    assert attribution.kind == "cc" and attribution.licence == "Creative Commons"
    assert attribution.licence_url == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert "republished from The Conversation" in attribution.statement
    unicode = pages["articles/unicode.html"].view
    assert unicode.attribution.authors == "Stéphane Dujarric and Jul Parke"
    assert unicode.attribution.translators == "Jane Doe" and unicode.translators == ("Jane Doe",)
    assert pages["articles/teaser.html"].view.attribution.authors == "Unknown"


def test_fragments_and_newer_older_links(pages):
    teaser = pages["articles/teaser.html"].view
    assert teaser.is_fragment and teaser.date is None and teaser.older is None
    assert teaser.newer.href == "filler-1.html"
    hostile = pages["articles/hostile.html"].view
    assert hostile.newer is None and hostile.older.href == "unicode.html"


def test_json_ld_describes_the_article_and_cannot_break_out(pages):
    meta = pages["articles/hostile.html"].meta
    assert "<" not in meta.json_ld and "\u2028" not in meta.json_ld
    data = json.loads(meta.json_ld)
    assert data["@type"] == "Article" and data["headline"].startswith(XSS)
    assert data["author"] == [{"@type": "Person", "name": XSS}, {"@type": "Person", "name": "../../x"}]
    assert data["license"] == f"Statement {XSS}"
    korea = json.loads(pages["articles/korea-chatbot.html"].meta.json_ld)
    assert korea["license"] == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert korea["datePublished"] == "2021-01-20"
    assert korea["publisher"] == {"@type": "Organization", "name": "Asia Times"}
    assert korea["sourceOrganization"]["name"] == "The Conversation"
    assert korea["isBasedOn"]["publisher"]["name"] == "The Conversation"
    assert "datePublished" not in json.loads(pages["articles/teaser.html"].meta.json_ld)


def test_canonical_and_open_graph_only_with_base_url(pages, hosted):
    assert all(p.meta.canonical is None for p in pages.values())
    assert hosted["articles/korea-chatbot.html"].meta.canonical == BASE + "articles/korea-chatbot.html"
    assert hosted["tags/ai/index.html"].meta.canonical == BASE + "tags/ai/"
    assert hosted["index.html"].meta.canonical == BASE
    assert json.loads(hosted["articles/korea-chatbot.html"].meta.json_ld)["url"] == BASE + "articles/korea-chatbot.html"


def test_list_pages_paginate_with_prev_next_and_numbers(pages):
    first, second, last = pages["index.html"].view, pages["page-2.html"].view, pages["page-3.html"].view
    assert isinstance(first, ListView) and first.kind == "home"
    assert [c.href for c in first.cards] == ["articles/hostile.html", "articles/unicode.html",
                                             "articles/korea-chatbot.html"]
    assert first.count == 9 and len(first.cards) == 3
    assert (first.pagination.prev, first.pagination.next) == (None, "page-2.html")
    assert (second.pagination.prev, second.pagination.next) == ("index.html", "page-3.html")
    assert last.pagination.next is None
    assert [(p.number, p.href, p.current) for p in second.pagination.pages] == [
        (1, "index.html", False), (2, "page-2.html", True), (3, "page-3.html", False)]
    tag_page = pages["tags/filler/page-2.html"]
    assert tag_page.view.pagination.prev == "index.html" and tag_page.meta.title == "Tag: filler (page 2)"
    assert pages["tags/ai/index.html"].view.pagination.pages == ()


def test_cards_link_authors_publisher_and_tags_and_mark_fragments(pages):
    cards = {c.title: c for c in pages["tags/ai/index.html"].view.cards}
    teaser = cards["A truncated teaser"]
    assert teaser.is_fragment and teaser.href == "../../articles/teaser.html"
    assert teaser.publisher.href == "../../publishers/asia-times/index.html"
    unicode = cards["Ünïcödé — 日本語のテキスト"]
    assert [a.href for a in unicode.authors] == ["../../authors/stephane-dujarric/index.html",
                                                 "../../authors/jul-parke/index.html"]
    assert unicode.date_label == "2 February 2022" and unicode.summary.startswith("Première phrase")


def test_an_articles_card_is_one_value_on_every_tag_author_and_publisher_page(pages):
    """Its links go up to the site root and down (the same from any list page as deep), so it is drawn once."""
    cards = [c for page in pages.values() if isinstance(page.view, ListView) and page.path.count("/") == 2
             for c in page.view.cards if c.title == "A truncated teaser"]
    assert len(cards) == 2 and cards[0] == cards[1]  # its tag's page and its publisher's
    ai = [c for c in pages["tags/ai/index.html"].view.cards if c.title == "A truncated teaser"][0]
    assert "../../tags/ai/index.html" in [t.href for t in ai.tags]  # its own tag, from its own page


def test_tag_pages_have_their_feed(pages):
    page = pages["tags/ai/index.html"]
    assert page.view.feed == "feed.xml" and page.meta.page_feed == "feed.xml"
    assert pages["authors/jul-parke/index.html"].view.feed is None
    assert pages["index.html"].view.feed == "feed.xml"


def test_taxonomy_pages_list_every_name_with_its_count(pages):
    tags = pages["tags/index.html"].view
    assert isinstance(tags, TaxonomyView)
    counts = {i.text: (i.count, i.href) for i in tags.items}
    assert counts["ai"] == (3, "ai/index.html") and counts["AI"] == (1, "ai-2/index.html")
    assert counts["../../x"] == (1, "x/index.html")
    publishers = {i.text: i.count for i in pages["publishers/index.html"].view.items}
    assert publishers == {"/etc/passwd": 1, "Asia Times": 7, "Le Monde": 1}


def test_annotations_page_groups_notes_by_tag_untagged_last(pages):
    view = pages["annotations/index.html"].view
    assert isinstance(view, NotesView)
    assert [g.tag for g in view.groups] == [XSS, "flag", "spin", "untagged"]
    assert view.count == 5 and view.flags == 1
    groups = {g.tag: g for g in view.groups}
    (spin,) = groups["spin"].items
    assert spin.href == "../articles/korea-chatbot.html#hl-1" and spin.placed and not spin.is_flag
    assert spin.article.href == "../articles/korea-chatbot.html"
    assert "<em>South Korean</em>" in spin.note_html
    (flag,) = groups["flag"].items
    assert flag.is_flag and flag.label == "!2"
    unplaced = [i for i in groups["untagged"].items if not i.placed]
    assert [i.href for i in unplaced] == ["../articles/korea-chatbot.html#note-3"]
    ids = [g.id for g in view.groups]
    assert len(set(ids)) == len(ids) and all(i.replace("-", "").isalnum() for i in ids)


def test_404_links_work_from_any_depth(pages, hosted):
    local = pages["404.html"]
    assert local.meta.home == "/index.html" and local.meta.root == "/"
    assert local.meta.stylesheets[0] == "/static/style.css"
    assert all(link.href.startswith("/") for link in local.meta.nav + local.view.links)
    remote = hosted["404.html"]
    assert remote.meta.home == BASE and remote.meta.stylesheets[0] == BASE + "static/style.css"
    assert remote.meta.canonical is None


def test_empty_site_pages():
    from sitegen.site import make_site

    pages = {p.path: p for p in site_pages(make_site((), {}, config()))}
    assert pages["index.html"].view.cards == () and pages["index.html"].view.count == 0
    assert pages["annotations/index.html"].view.groups == ()


def test_pager_shows_a_window_of_pages_not_all_of_them():
    from sitegen.views.pages import page_window

    assert page_window(1, 500) == [1, 2, 3, 500]
    assert page_window(250, 500) == [1, 248, 249, 250, 251, 252, 500]
    assert page_window(2, 3) == [1, 2, 3]


def test_an_undated_article_shows_the_day_it_was_added_where_its_date_would_be():
    import datetime as dt

    from tests.sample_site import article

    undated = article("undated", "Undated", added=dt.date(2026, 11, 22))
    dated = article("dated", "Dated", date=dt.date(2021, 1, 20), added=dt.date(2026, 11, 22))
    found = {p.path: p for p in site_pages(build_site((undated, dated)))}
    card = {c.title: c for c in found["index.html"].view.cards}
    assert (card["Undated"].date, card["Undated"].added, card["Undated"].added_label) == (None, "2026-11-22", "22 November 2026")
    assert (card["Dated"].date, card["Dated"].added) == ("2021-01-20", None)
    assert found["articles/undated.html"].view.added == "2026-11-22"
    assert found["articles/dated.html"].view.added is None
