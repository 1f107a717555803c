"""Tests for sitegen.views.search: what of an article is searchable, and the index's files under search/."""

from __future__ import annotations

import json

from sitegen.views import search_files
from sitegen.views.memo import ViewMemo
from sitegen.views.search import search_doc
from tests.sample_site import XSS, build_site, edited, sample_articles


def record(files: dict[str, bytes], url: str) -> dict:
    text = next(t.decode("utf-8") for p, t in files.items()
                if p.startswith("search/docs/") and f'"u":"{url}"'.encode() in t)
    return json.loads(text[text.index("{"):-3])


def test_an_article_is_searched_by_title_people_tags_text_and_notes_but_not_flags():
    site = build_site()
    korea = next(a for a in site.articles if a.slug == "korea-chatbot")
    doc = search_doc(korea, site.bodies[korea.slug])
    assert doc.title == korea.title and doc.url == "articles/korea-chatbot.html"
    assert doc.people == ("Jul Parke", "Asia Times") and doc.tags == ("ai", "south-korea")
    assert doc.text == site.bodies[korea.slug].text and "Machines learn what we feed them." in doc.text
    assert "Spun text: the original reads *South Korean*." in doc.notes
    assert not any("line break inside the word" in n for n in doc.notes)  # a flag left by the split step


def test_the_index_files_live_under_search_and_show_hostile_text_as_data():
    files = search_files(build_site())
    assert "search/manifest.js" in files and all(p.startswith("search/") for p in files)
    assert sum(p.startswith("search/docs/") for p in files) == len(sample_articles())
    hostile = record(files, "articles/hostile.html")
    assert hostile["t"].startswith(XSS) and XSS in hostile["p"] and XSS in hostile["g"]
    assert all(b"<" not in data for data in files.values())


def test_a_render_that_reuses_the_previous_one_writes_what_a_fresh_one_writes():
    memo = ViewMemo()
    site = build_site()
    memo.start(site.config, site.slugs)
    first = search_files(site, memo)
    korea = next(a for a in sample_articles() if a.slug == "korea-chatbot")
    changed = build_site(edited(sample_articles(), "korea-chatbot", body=korea.body + "\nA zeppelin appears.\n"),
                         site.config)
    memo.start(changed.config, changed.slugs)
    again = search_files(changed, memo)
    assert again == search_files(changed)
    assert again != first and "zeppelin" in record(again, "articles/korea-chatbot.html")["x"]
    unchanged = [p for p in first if p.startswith("search/docs/") and first[p] == again[p]]
    assert len(unchanged) == len(sample_articles()) - 1
    assert all(again[p] is first[p] for p in unchanged)  # reused, not made again
