"""Tests for sitegen.views.outputs: feed, sitemap and robots views."""

from __future__ import annotations

import datetime as dt

from sitegen.views import FeedView, RobotsView, SitemapView, site_outputs, site_pages
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
