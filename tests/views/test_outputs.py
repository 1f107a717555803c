"""Tests for sitegen.views.outputs: feed, sitemap and robots views, and the search index."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sitegen.markdown import RenderedBody
from sitegen.site import make_site
from sitegen.views import FeedView, RobotsView, SitemapView, search_index_js, search_records, site_outputs, site_pages
from tests.sample_site import XSS, article, build_site, config

BASE = "https://example.org/"


def outputs(cfg=None):
    site = build_site(cfg=cfg)
    return {o.path: o for o in site_outputs(site, site_pages(site))}


def test_a_feed_for_the_site_and_each_tag():
    found = outputs()
    feeds = {path for path, o in found.items() if o.template == "feed.xml"}
    assert feeds == {"feed.xml", "tags/ai/feed.xml", "tags/ai-2/feed.xml", "tags/x/feed.xml", "tags/con-1/feed.xml",
                     "tags/script-alert-1-script/feed.xml", "tags/filler/feed.xml", "tags/south-korea/feed.xml",
                     "tags/x-44da6bbcf2/feed.xml"}


def test_site_feed_without_base_url_links_relative_and_carries_full_content():
    feed = outputs()["feed.xml"].view
    assert isinstance(feed, FeedView)
    assert len(feed.entries) == 4  # feed_size
    assert feed.self_link == "feed.xml" and feed.alternate == "index.html"
    assert feed.id.startswith("tag:") and feed.updated == "2023-05-01T00:00:00Z"
    first = feed.entries[0]
    assert first.link == "articles/hostile.html" and first.title.startswith(XSS)
    assert first.content_html is not None and "mentions" in first.content_html
    assert first.published == first.updated == "2023-05-01T00:00:00Z"


def test_tag_feeds_carry_summaries_and_absolute_links_with_base_url():
    found = outputs(config(base_url=BASE))
    feed = found["tags/ai/feed.xml"].view
    assert feed.self_link == BASE + "tags/ai/feed.xml" and feed.alternate == BASE + "tags/ai/"
    assert feed.id == BASE + "tags/ai/feed.xml"
    assert [e.link for e in feed.entries] == [BASE + "articles/unicode.html", BASE + "articles/korea-chatbot.html",
                                              BASE + "articles/teaser.html"]
    assert all(e.content_html is None for e in feed.entries)
    teaser = feed.entries[-1]
    assert teaser.title.startswith("[Truncated teaser]") and teaser.published is None
    assert teaser.authors == ("Asia Times",)  # Atom needs an author: the publisher stands in
    assert found["feed.xml"].view.entries[0].id == BASE + "articles/hostile.html"


def test_feed_text_loses_characters_xml_cannot_carry():
    site = build_site((article("c", "Bell\x07 title", "Body\x0b text.\n", tags=("t",)),))
    feed = site_outputs(site, site_pages(site))[0].view
    assert feed.entries[0].title == "Bell title"
    assert "\x0b" not in feed.entries[0].content_html and "\x0b" not in feed.entries[0].summary


def test_sitemap_only_with_base_url_and_robots_always():
    plain = outputs()
    assert "sitemap.xml" not in plain
    assert plain["robots.txt"].view == RobotsView(None)
    hosted = outputs(config(base_url=BASE))
    assert hosted["robots.txt"].view == RobotsView(BASE + "sitemap.xml")
    sitemap = hosted["sitemap.xml"].view
    assert isinstance(sitemap, SitemapView)
    locs = [e.loc for e in sitemap.entries]
    assert BASE in locs and BASE + "articles/korea-chatbot.html" in locs
    assert BASE + "page-2.html" in locs
    assert not any(loc.endswith(("404.html", "search/")) for loc in locs)
    assert all(loc.startswith(BASE) for loc in locs)


def test_search_records_are_compact_and_relative_to_the_root():
    records = search_records(build_site())
    assert [r["u"] for r in records][:2] == ["articles/hostile.html", "articles/unicode.html"]
    korea = next(r for r in records if r["u"] == "articles/korea-chatbot.html")
    assert korea["a"] == "Jul Parke" and korea["p"] == "Asia Times" and korea["g"] == "ai south-korea"
    assert korea["x"].startswith("Lee Luda") and len(korea["x"]) <= 161
    teaser = next(r for r in records if r["u"] == "articles/teaser.html")
    assert "a" not in teaser  # empty fields are left out


def test_search_index_js_cannot_break_out_and_parses_back():
    text = search_index_js(build_site())
    assert text.startswith("window.SITEGEN_SEARCH=") and text.endswith(";\n")
    body = text[len("window.SITEGEN_SEARCH="):-2]
    for bad in ("<", ">", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(body) == search_records(build_site())


def synthetic_site(n: int, cfg=None):
    """n articles of a realistic shape, with bodies made directly (fast)."""
    words = ("archive annotation licence publisher article reading chatbot korea climate election "
             "policy market health science culture").split()
    articles, bodies = [], {}
    for i in range(n):
        title = f"{words[i % 15].title()} and {words[(i * 7) % 15]}: a report on things number {i}"
        a = article(f"article-{i:04d}-{words[i % 15]}-{words[(i * 3) % 15]}-report", title,
                    authors=(f"Author {i % 97}",), publisher=f"Publisher {i % 13}",
                    date=dt.date(2000 + i % 24, 1 + i % 12, 1 + i % 28),
                    tags=(words[i % 15], words[(i * 5) % 15], "news"))
        text = " ".join(words[(i + k) % 15] for k in range(900))
        articles.append(a)
        bodies[a.slug] = RenderedBody(html=f"<p>{text}</p>", text=text, word_count=900, summary=text[:300])
    return make_site(articles, bodies, cfg or config())


@pytest.mark.parametrize("n", [1000])
def test_search_index_for_a_thousand_articles_stays_small(n):
    size = len(search_index_js(synthetic_site(n)).encode("utf-8"))
    assert size < 400_000, size


def dated_site():
    """An undated article added last week, a dated one from 2021, one with neither (made in memory)."""
    added = article("added", "Undated, added", added=dt.date(2026, 11, 22), tags=("t",))
    dated = article("dated", "Dated", date=dt.date(2021, 1, 20), added=dt.date(2026, 11, 20), tags=("t",))
    bare = article("bare", "Neither date nor added", tags=("t",))
    return build_site((dated, bare, added), config(base_url=BASE))


def test_feed_entries_carry_the_date_else_the_day_added_and_never_the_epoch():
    site = dated_site()
    found = {o.path: o.view for o in site_outputs(site, site_pages(site))}
    for path in ("feed.xml", "tags/t/feed.xml"):
        feed = found[path]
        by_title = {e.title: e for e in feed.entries}
        assert by_title["Undated, added"].updated == "2026-11-22T00:00:00Z"
        assert by_title["Undated, added"].published is None  # no publication date is invented
        assert by_title["Dated"].updated == by_title["Dated"].published == "2021-01-20T00:00:00Z"
        assert by_title["Neither date nor added"].updated == "2026-11-22T00:00:00Z"  # the site's newest day
        assert feed.updated == "2026-11-22T00:00:00Z"
        assert not any("1970" in e.updated for e in feed.entries)


def test_lists_sort_by_date_else_day_added():
    assert [a.slug for a in dated_site().articles] == ["added", "dated", "bare"]


def test_sitemap_gives_each_page_the_newest_day_it_shows():
    site = dated_site()
    entries = {e.loc: e.lastmod for e in {o.path: o.view for o in site_outputs(site, site_pages(site))}["sitemap.xml"].entries}
    assert entries[BASE + "articles/dated.html"] == "2021-01-20"
    assert entries[BASE + "articles/added.html"] == "2026-11-22"
    assert entries[BASE] == entries[BASE + "tags/t/"] == entries[BASE + "tags/"] == "2026-11-22"
    assert all(lastmod for lastmod in entries.values())
