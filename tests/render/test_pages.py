"""Tests for sitegen.render.pages: the whole sample site drawn, parsed and checked element by element."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import feedparser
import lxml.etree
import lxml.html
import pytest

from sitegen.render import load_theme, render_site
from sitegen.render.theme import packaged_themes
from sitegen.site import ListKind
from tests.html_query import select
from tests.sample_site import BREAKOUT, XSS, build_site, config, edited, sample_articles

BASE = "https://example.org/archive/"
GOLDEN = Path(__file__).parent / "golden"


def render(cfg=None, articles=None, previous=None):
    cfg = cfg or config()
    return render_site(build_site(articles, cfg), load_theme(cfg), previous)


@pytest.fixture(scope="module")
def site_files():
    return render().files


@pytest.fixture(scope="module")
def hosted_files():
    return render(config(base_url=BASE)).files


@pytest.fixture(scope="module")
def docs(site_files):
    return {path: lxml.html.document_fromstring(data) for path, data in site_files.items() if path.endswith(".html")}


def texts(doc, selector):
    return [" ".join(e.text_content().split()) for e in select(doc, selector)]


def hrefs(doc, selector):
    return [e.get("href") for e in select(doc, selector)]


# -- pages and what they show ----------------------------------------------------------------

def test_every_page_and_file_is_there(site_files):
    assert {"index.html", "page-2.html", "page-3.html", "404.html", "articles/korea-chatbot.html",
            "tags/index.html", "tags/ai/index.html", "tags/ai/feed.xml", "authors/index.html",
            "authors/jul-parke/index.html", "publishers/index.html", "publishers/asia-times/index.html",
            "annotations/index.html", "search/index.html", "feed.xml", "robots.txt", "static/style.css",
            "static/site.js", "static/pygments.css", "search/manifest.js", "search/docs/0.js"} <= set(site_files)
    assert "sitemap.xml" not in site_files


def test_article_page(docs):
    doc = docs["articles/korea-chatbot.html"]
    assert texts(doc, "h1") == ["From chatbot to sexbot: lessons from Korea’s AI hate-speech fiasco"]
    assert [(a.text, a.get("href")) for a in select(doc, ".article-meta .authors a")] == [
        ("Jul Parke", "../authors/jul-parke/index.html")]
    assert hrefs(doc, ".article-meta .publisher a") == ["../publishers/asia-times/index.html"]
    assert select(doc, ".article-meta time")[0].get("datetime") == "2021-01-20"
    assert texts(doc, ".reading-time") == ["1 min read"]
    assert hrefs(doc, ".article-header .tags a") == ["../tags/ai/index.html", "../tags/south-korea/index.html"]
    assert not select(doc, ".fragment-banner")
    assert select(doc, ".body mark.hl#hl-1") and select(doc, ".body aside.note#note-1")
    assert select(doc, ".body mark.hl-flag") and select(doc, ".body aside.note-flag")
    assert texts(doc, ".byline")[0].startswith("At the University of Toronto")
    assert "000_b50cd3c55737d259.txt, lines 1–61" in texts(doc, ".provenance")[0]
    assert hrefs(doc, "nav.article-nav a") == ["unicode.html", "filler-5.html"]


def test_attribution_block(docs):
    doc = docs["articles/korea-chatbot.html"]
    (block,) = select(doc, "section.attribution")
    pairs = dict(zip(texts(block, "dt"), texts(block, "dd")))
    assert pairs["Title"].startswith("From chatbot to sexbot")
    assert pairs["Author"] == "Jul Parke"
    assert pairs["Source"] == "Originally published by The Conversation; read in Asia Times"
    assert pairs["Licence"] == "Creative Commons"
    assert "republished from The Conversation" in pairs["Statement"]
    assert select(block, "a[rel=license]")[0].get("href") == "https://creativecommons.org/licenses/by-nd/4.0/"
    unicode = dict(zip(texts(docs["articles/unicode.html"], ".attribution dt"),
                       texts(docs["articles/unicode.html"], ".attribution dd")))
    assert unicode["Authors"] == "Stéphane Dujarric and Jul Parke" and unicode["Translation"] == "Jane Doe"
    assert unicode["Licence"] == "Republished with permission"


def test_unplaced_notes_are_listed_under_the_article(docs):
    doc = docs["articles/korea-chatbot.html"]
    (section,) = select(doc, "section#unplaced-notes")
    assert texts(section, "h2") == ["Notes that could not be placed"]
    assert texts(section, "li .note-quote") == ["words that are not in the text"]
    assert select(section, "li#note-3")


def test_fragments_are_marked(docs):
    doc = docs["articles/teaser.html"]
    assert texts(doc, ".fragment-banner")[0].startswith("Truncated teaser.")
    cards = select(docs["tags/ai/index.html"], "article.card")
    teaser = [c for c in cards if "A truncated teaser" in c.text_content()][0]
    assert "card-fragment" in teaser.get("class") and texts(teaser, ".badge-fragment") == ["Truncated teaser"]


def test_home_pages_paginate_at_page_size(docs):
    first, second, last = docs["index.html"], docs["page-2.html"], docs["page-3.html"]
    assert len(select(first, "article.card")) == 3 and len(select(last, "article.card")) == 3
    assert hrefs(first, "a[rel=next]") == ["page-2.html"] and not select(first, "a[rel=prev]")
    assert hrefs(second, "a[rel=prev]") == ["index.html"] and hrefs(second, "a[rel=next]") == ["page-3.html"]
    assert hrefs(last, "a[rel=prev]") == ["page-2.html"] and not select(last, "a[rel=next]")
    assert texts(second, ".pagination [aria-current=page]") == ["2"]
    assert texts(first, "h1") == ["Test archive"]
    titles = texts(first, ".card-title") + texts(second, ".card-title") + texts(last, ".card-title")
    assert titles[0].startswith(XSS) and titles[-1] == "A truncated teaser"


def test_card_contents(docs):
    card = [c for c in select(docs["index.html"], "article.card") if "Ünïcödé" in c.text_content()][0]
    assert hrefs(card, ".card-title a") == ["articles/unicode.html"]
    assert hrefs(card, ".card-meta .authors a") == ["authors/stephane-dujarric/index.html",
                                                    "authors/jul-parke/index.html"]
    assert hrefs(card, ".card-meta .publisher a") == ["publishers/le-monde/index.html"]
    assert texts(card, "time") == ["2 February 2022"]
    assert texts(card, ".card-summary")[0].startswith("Première phrase")
    assert texts(card, ".tags a") == ["ai", "日本"]


def test_taxon_pages_and_their_lists(docs):
    tag = docs["tags/ai/index.html"]
    assert texts(tag, ".eyebrow") == ["Tag"] and texts(tag, "h1") == ["ai"]
    assert texts(tag, ".count")[0].startswith("3 articles")
    assert hrefs(tag, "link[type='application/atom+xml']") == ["../../feed.xml", "feed.xml"]
    author = docs["authors/jul-parke/index.html"]
    assert texts(author, "h1") == ["Jul Parke"] and hrefs(author, "a[rel=next]") == ["page-2.html"]
    assert select(docs["authors/jul-parke/page-3.html"], "article.card")
    publisher = docs["publishers/etc-passwd/index.html"]
    assert texts(publisher, "h1") == ["/etc/passwd"]
    tags = dict(zip(texts(docs["tags/index.html"], ".taxonomy a"), texts(docs["tags/index.html"], ".taxonomy .count")))
    assert tags["ai"] == "3 articles" and tags["AI"] == "1 article" and tags[XSS] == "1 article"
    publishers = dict(zip(texts(docs["publishers/index.html"], ".taxonomy a"),
                          texts(docs["publishers/index.html"], ".taxonomy .count")))
    assert publishers == {"/etc/passwd": "1 article", "Asia Times": "7 articles", "Le Monde": "1 article"}
    assert len(select(docs["authors/index.html"], ".taxonomy li")) == 4


def test_annotations_page_groups_by_tag_and_links_to_highlights(docs):
    doc = docs["annotations/index.html"]
    assert texts(doc, "section.note-group h2") == [XSS, "flag", "spin", "untagged"]
    flag_group = select(doc, "section.note-group")[1]
    (item,) = select(flag_group, "li.note-item")
    assert "note-flag" in item.get("class") and texts(item, ".badge-flag") == ["Flag"]
    for link in select(doc, ".note-quote a"):
        page, fragment = link.get("href").split("#")
        target = docs[posixpath.normpath(posixpath.join("annotations", page))]
        assert target.get_element_by_id(fragment) is not None, link.get("href")
    spin = select(doc, "section.note-group")[2]
    assert hrefs(spin, ".note-quote a") == ["../articles/korea-chatbot.html#hl-1"]
    assert select(spin, ".note-body em")[0].text == "South Korean"


# -- every page: structure, safety, links ------------------------------------------------------

def test_every_page_has_the_accessible_frame(docs):
    for path, doc in docs.items():
        assert doc.get("lang") == "en", path
        assert select(doc, "meta[name=viewport]") and select(doc, "meta[name=description]"), path
        assert len(select(doc, "h1")) == 1, path
        assert hrefs(doc, "a.skip-link") == ["#main"] and doc.get_element_by_id("main").tag == "main", path
        assert select(doc, "body > header") and select(doc, "body > footer") and select(doc, "header nav"), path
        assert select(doc, "form[role=search] input#search-box"), path
        assert select(doc, "label[for=search-box]"), path


def test_no_inline_scripts_styles_or_handlers(docs):
    for path, doc in docs.items():
        assert not select(doc, "style"), path
        for script in select(doc, "script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
            if script.get("src"):
                assert script.get("defer") is not None, path
        for element in doc.iter(lxml.etree.Element):
            for name in element.attrib:
                assert name != "style" and not name.lower().startswith("on"), (path, element.tag, name)
            for name in ("href", "src", "action"):
                assert not (element.get(name) or "").strip().lower().startswith("javascript:"), path


def test_the_search_index_is_not_loaded_by_pages(docs, site_files):
    for path, doc in docs.items():
        assert "search/" not in " ".join(s.get("src") or "" for s in select(doc, "script")), path
    assert docs["articles/korea-chatbot.html"].get("data-root") == "../"
    assert docs["tags/ai/page-2.html" if "tags/ai/page-2.html" in docs else "tags/filler/page-2.html"].get(
        "data-root") == "../../"
    assert b'"search/"' in site_files["static/site.js"] and b'"manifest.js"' in site_files["static/site.js"]


def test_without_search_there_is_no_box_page_or_index():
    files = render(config(search=False)).files
    assert not any(p.startswith("search/") for p in files)
    doc = lxml.html.document_fromstring(files["articles/korea-chatbot.html"])
    assert not select(doc, "form[role=search]") and select(doc, "script[src]")  # site.js still folds notes


def resolve(page: str, href: str) -> tuple[str, str]:
    target, _, fragment = href.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target))) if target else page
    return path, unquote(fragment)


def test_every_relative_link_resolves_to_a_file_and_every_fragment_to_an_id(docs, site_files):
    checked = 0
    for path, doc in docs.items():
        if path == "404.html":
            continue
        for element in doc.iter(lxml.etree.Element):
            for attr in ("href", "src", "action"):
                value = element.get(attr)
                if value is None or re.match(r"^[a-z][a-z0-9+.-]*:", value):
                    continue  # absolute: external links in bodies, licence URLs
                assert not value.startswith("/"), (path, value)
                target, fragment = resolve(path, value)
                assert target in site_files, (path, value)
                assert not value.split("#")[0].endswith("/"), (path, value)
                if fragment:
                    assert docs[target].get_element_by_id(fragment, None) is not None, (path, value)
                checked += 1
    assert checked > 500


def test_404_uses_links_that_work_from_any_depth(docs, hosted_files):
    doc = docs["404.html"]
    assert hrefs(doc, "a.site-title") == ["/index.html"]
    assert all(h.startswith(("/", "#")) for h in hrefs(doc, "a"))
    assert select(doc, "link[rel=stylesheet]")[0].get("href") == "/static/style.css"
    assert doc.get("data-root") == "/"
    hosted = lxml.html.document_fromstring(hosted_files["404.html"])
    assert hrefs(hosted, "a.site-title") == [BASE]
    assert not select(hosted, "link[rel=canonical]")


def test_hostile_text_is_escaped_everywhere(site_files, docs, hosted_files):
    for files in (site_files, hosted_files):
        for path, data in files.items():
            text = data.decode("utf-8")
            assert XSS not in text, path
            assert "<script>alert" not in text, path
            if path.endswith(".html"):  # (a feed's type="html" content is escaped HTML: &amp;lt; is right there)
                assert "&amp;lt;" not in text and "&amp;amp;" not in text, path  # nothing escaped twice
    doc = docs["articles/hostile.html"]
    assert texts(doc, "h1") == [" ".join(f"{XSS} & friends {BREAKOUT}".split())]
    assert texts(doc, ".article-meta .authors a") == [XSS, "../../x"]
    assert hrefs(doc, ".article-meta .authors a") == ["../authors/script-alert-1-script/index.html",
                                                      "../authors/x/index.html"]
    assert texts(doc, ".article-meta .publisher a") == ["/etc/passwd"]
    paragraph = select(doc, ".body > p")[0].text_content()
    assert f"mentions1 {XSS} and <b>raw html</b>" in paragraph  # raw HTML in Markdown shows as text
    assert texts(doc, ".body aside.note .note-body") == [f"Note with {XSS} inside."]
    assert doc.find(".//title").text.startswith(XSS)
    notes = docs["annotations/index.html"]
    assert texts(notes, ".note-group h2")[0] == XSS


def test_json_ld_parses_and_describes_the_article(docs, site_files):
    for slug in ("korea-chatbot", "hostile", "unicode", "teaser"):
        (script,) = select(docs[f"articles/{slug}.html"], "script[type='application/ld+json']")
        data = json.loads(script.text)
        assert data["@type"] == "Article" and "license" in data and "author" in data
    raw = site_files["articles/hostile.html"].decode()
    block = raw.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and json.loads(block)["author"][0]["name"] == XSS


def test_search_index_escapes_breakouts(site_files):
    index = {p: data.decode("utf-8") for p, data in site_files.items() if p.startswith("search/") and p.endswith(".js")}
    for path, text in index.items():
        assert "</script" not in text.lower() and "\u2028" not in text and "<" not in text, path
    hostile = next(t for t in index.values() if '"u":"articles/hostile.html"' in t)
    record = json.loads(hostile[hostile.index("{"):-3])
    assert record["t"] == f"{XSS} & friends {BREAKOUT}"


def test_canonical_and_open_graph_only_with_base_url(docs, hosted_files):
    assert not any(select(d, "link[rel=canonical], meta[property^='og:']") for d in docs.values())
    doc = lxml.html.document_fromstring(hosted_files["articles/korea-chatbot.html"])
    assert hrefs(doc, "link[rel=canonical]") == [BASE + "articles/korea-chatbot.html"]
    og = {m.get("property"): m.get("content") for m in select(doc, "meta[property]")}
    assert og["og:type"] == "article" and og["og:url"] == BASE + "articles/korea-chatbot.html"
    assert og["og:site_name"] == "Test archive" and og["og:title"].startswith("From chatbot")
    assert og["og:description"].startswith("Lee Luda") and og["article:published_time"] == "2021-01-20"
    home = lxml.html.document_fromstring(hosted_files["index.html"])
    assert hrefs(home, "link[rel=canonical]") == [BASE]


# -- feeds, sitemap, robots ---------------------------------------------------------------------

def test_feeds_are_valid_atom(site_files, hosted_files):
    for files in (site_files, hosted_files):
        for path in [p for p in files if p.endswith("feed.xml")]:
            feed = feedparser.parse(files[path])
            assert not feed.bozo, (path, feed.get("bozo_exception"))
            assert feed.version == "atom10"
    feed = feedparser.parse(hosted_files["feed.xml"])
    assert feed.feed.title == "Test archive" and feed.feed.id == BASE + "feed.xml"
    assert [link.href for link in feed.feed.links] == [BASE + "feed.xml", BASE]
    assert len(feed.entries) == 4
    first = feed.entries[0]
    assert first.title == f"{XSS} & friends {BREAKOUT}".strip()
    assert first.link == BASE + "articles/hostile.html"
    assert [a.name for a in first.authors] == [XSS, "../../x"]
    assert "mentions" in first.content[0].value
    tag = feedparser.parse(hosted_files["tags/ai/feed.xml"])
    assert [e.link for e in tag.entries][0] == BASE + "articles/unicode.html"
    assert "content" not in tag.entries[0] and tag.entries[0].summary.startswith("Première phrase")


def test_feed_xml_is_well_formed_and_escapes_content(site_files):
    root = lxml.etree.fromstring(site_files["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    content = root.find("a:entry/a:content", ns)
    assert content.get("type") == "html" and "<p>" in content.text
    assert root.find("a:link[@rel='self']", ns).get("href") == "feed.xml"


def test_sitemap_and_robots(site_files, hosted_files):
    assert site_files["robots.txt"] == b"User-agent: *\nAllow: /\n"
    assert hosted_files["robots.txt"].decode().endswith(f"\nSitemap: {BASE}sitemap.xml\n")
    root = lxml.etree.fromstring(hosted_files["sitemap.xml"])
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert BASE in locs and BASE + "articles/korea-chatbot.html" in locs and BASE + "tags/ai/" in locs
    pages = [p for p in hosted_files if p.endswith(".html") and p not in ("404.html", "search/index.html")]
    assert len(locs) == len(pages)


# -- reuse of unchanged pages -------------------------------------------------------------------

def test_nothing_changed_nothing_drawn():
    first = render()
    second = render(previous=first)
    assert second.rendered == 0 and second.reused == len(second.keys) and second.files == first.files


def test_one_changed_article_redraws_only_what_shows_it():
    cfg = config()
    first = render(cfg)
    korea = next(a for a in sample_articles() if a.slug == "korea-chatbot")
    articles = edited(sample_articles(), "korea-chatbot", body=korea.body.replace("Lee Luda", "Lee Luda (이루다)"))
    site = build_site(articles, cfg)
    second = render_site(site, load_theme(cfg), first)
    paths = {"korea-chatbot": "articles/korea-chatbot.html"}
    listing_pages = {
        ("index.html" if l.number == 1 else f"page-{l.number}.html") if l.kind is ListKind.HOME
        else f"{l.kind.value}s/{l.taxon.slug}/" + ("index.html" if l.number == 1 else f"page-{l.number}.html")
        for l in site.listings if any(a.slug == "korea-chatbot" for a in l.articles)
    }
    korea_doc = next(p for p, data in second.files.items()
                     if p.startswith("search/docs/") and b'"u":"articles/korea-chatbot.html"' in data)
    search = {"search/manifest.js", "search/terms/_.js", korea_doc}  # its document, the one shard, the manifest
    expected = {paths["korea-chatbot"], *listing_pages, "feed.xml", "tags/ai/feed.xml",
                "tags/south-korea/feed.xml", *search,
                "annotations/index.html",  # it lists this article's notes, and whether each is placed
                "annotations.jsonld"}  # the edit moves the text positions of the article's notes
    assert second.fresh == expected
    assert second.rendered == len(expected) and second.reused == len(second.keys) - len(expected)
    assert second.files["articles/unicode.html"] is first.files["articles/unicode.html"]


def test_a_template_change_redraws_only_the_pages_using_it(tmp_path):
    cfg = config(tmp_path)
    first = render(cfg)
    source = (packaged_themes() / "default" / "templates" / "taxonomy.html").read_text()
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "taxonomy.html").write_text(source + "<!-- changed -->\n")
    second = render(cfg, previous=first)
    assert second.fresh == {"tags/index.html", "authors/index.html", "publishers/index.html"}
    shutil.copy(packaged_themes() / "default" / "templates" / "macros.html", tmp_path / "templates")
    with (tmp_path / "templates" / "macros.html").open("a") as handle:
        handle.write("{# changed #}\n")
    third = render(cfg, previous=second)
    assert all(p.endswith(".html") for p in third.fresh)
    assert "articles/korea-chatbot.html" in third.fresh and "index.html" in third.fresh
    assert not third.fresh & {"tags/index.html", "annotations/index.html", "404.html", "search/index.html"}


# -- golden pages ------------------------------------------------------------------------------

def normalised(data: bytes) -> str:
    return "\n".join(line.rstrip() for line in data.decode("utf-8").splitlines()) + "\n"


@pytest.mark.parametrize("path", ["articles/korea-chatbot.html", "index.html", "annotations/index.html", "feed.xml"])
def test_golden_pages(path, hosted_files, request):
    golden = GOLDEN / (path.replace("/", "__"))
    actual = normalised(hosted_files[path])
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run pytest --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8"), f"{path} changed: if intended, pytest --update-golden"


def test_drawing_in_several_processes_gives_the_same_files(monkeypatch):
    import sitegen.render.pages as drawing

    cfg = config()
    site, theme = build_site(None, cfg), load_theme(cfg)
    alone = drawing.MemorySink()
    drawing.draw_site(site, theme, alone, workers=1)
    monkeypatch.setattr(drawing, "PARALLEL_FROM", 1)  # even this small site is drawn by worker processes
    together = drawing.MemorySink()
    report = drawing.draw_site(site, theme, together, workers=3)
    assert together.files == alone.files and report.rendered == len(alone.files)


def test_reusing_an_articles_drawn_card_changes_no_byte(monkeypatch):
    import sitegen.render.pages as drawing

    cfg = config()
    site, theme = build_site(None, cfg), load_theme(cfg)
    reused = drawing.MemorySink()
    drawing.draw_site(site, theme, reused, workers=1)
    monkeypatch.setattr(drawing, "CARD", ("macros.html", "no-such-macro"))  # every card drawn where it is shown
    each = drawing.MemorySink()
    drawing.draw_site(site, theme, each, workers=1)
    assert reused.files == each.files
