"""The built archive in a real Chromium, opened from disk (file://), driven by clicks.

A reader goes home → an article → one of its tags → an author, and home → an article →
its author, each by clicking a link (titles and headings change at every step); searches
from the search box and follows a result (a link with a snippet of the article); and
opens a note: folded under its paragraph on a narrow screen until its reference is
clicked, in the margin beside its highlight's paragraph on a wide one.

The default theme's note contract: highlight <mark class="hl" data-note="N" id="hl-N">,
reference <sup class="note-ref"><a href="#note-N">, note <aside class="note" id="note-N">.
Every page visited has no console error or uncaught exception, and no request leaves
file://. Where to click is chosen from the pages on disk (tests/site/pages.py).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.site.pages import css_class, find, html_pages, local_target, read_page

pytestmark = pytest.mark.browser

NARROW = (390, 844)
WIDE = (1400, 1000)
ARTICLE_LINKS = "//main//a[starts-with(@href, 'articles/')]/@href"
TAG_LINKS = "//main//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]/@href"
AUTHOR_LINKS = "//main//a[contains(@href, 'authors/') and not(contains(@href, 'authors/index.html'))]/@href"


def _target(page: Path, href: str) -> Path:
    target = local_target(page, href)
    assert target is not None and target.path.is_file(), f"{page}: {href!r} is not a page"
    return target.path


def _unique(items):
    return list(dict.fromkeys(items))


def _click(tab, page_path: Path, href: str) -> Path:
    """Click the first link with this exact href in <main>; wait for the page it opens."""
    target = _target(page_path, href)
    tab.page.locator(f'main a[href="{href}"]').first.click()
    tab.page.wait_for_url(target.as_uri())
    return target


def _heading(tab) -> tuple[str, str]:
    return tab.page.title(), " ".join(tab.page.locator("h1").first.inner_text().split())


def _walk(tab, public: Path, steps: list[str]) -> None:
    """Start at home and click `steps` (hrefs, each on the page the previous one opened):
    every page opened has its own title and h1, and the h1 is the one on disk."""
    here = public / "index.html"
    tab.page.goto(here.as_uri())
    seen = [_heading(tab)]
    for href in steps:
        here = _click(tab, here, href)
        title, h1 = _heading(tab)
        assert h1 == read_page(here).h1, f"{here.name}: the browser shows h1 {h1!r}"
        assert all(title != t and h1 != h for t, h in seen), f"{href}: title/h1 did not change: {title!r} / {h1!r}"
        seen.append((title, h1))
    tab.assert_clean()


def _home_articles(public: Path) -> list[str]:
    hrefs = _unique(find(public / "index.html", ARTICLE_LINKS))
    assert hrefs, "the home page links to no article (articles/…)"
    return hrefs


def test_clicking_home_to_an_article_to_one_of_its_tags_to_an_author(public, open_tab):
    home = public / "index.html"
    route = None
    for article in _home_articles(public):
        article_path = _target(home, article)
        for tag in _unique(find(article_path, TAG_LINKS)):
            authors = _unique(find(_target(article_path, tag), AUTHOR_LINKS))
            if authors:
                route = [article, tag, authors[0]]
                break
        if route:
            break
    assert route, (
        "no article linked from the home page has a tag (a[rel=tag] in <main>) whose page "
        "links to an author: tag pages cannot be reached by clicking in this archive"
    )
    _walk(open_tab(), public, route)


def test_clicking_home_to_an_article_to_its_author(public, open_tab):
    home = public / "index.html"
    for article in _home_articles(public):
        authors = _unique(find(_target(home, article), AUTHOR_LINKS))
        if authors:
            _walk(open_tab(), public, [article, authors[0]])
            return
    pytest.fail("no article linked from the home page links to an author")


# ---- search ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.casefold())


def _search_target(public: Path) -> tuple[Path, str]:
    """An article linked from home and a word (6+ letters) found in no other article's title."""
    titles = {p: read_page(p).h1 for p in html_pages(public / "articles")}
    counts = Counter(w for title in titles.values() for w in set(_words(title)))
    for href in _home_articles(public):
        path = _target(public / "index.html", href)
        for word in _words(titles.get(path, "")):
            if len(word) >= 6 and counts[word] == 1:
                return path, word
    pytest.fail("no article on the home page has a title word of 6+ letters of its own to search for")


def _shares_a_run_of_words(snippet: str, text: str, run: int = 5) -> bool:
    words, haystack = _words(snippet), " ".join(_words(text))
    return any(" ".join(words[i:i + run]) in haystack for i in range(len(words) - run + 1))


def test_typing_in_the_search_box_shows_linked_results_with_snippets(public, open_tab):
    article, word = _search_target(public)
    title = read_page(article).h1
    article_text = find(article, "string(//main)")
    tab = open_tab(*NARROW)
    tab.page.goto((public / "index.html").as_uri())
    box = tab.page.get_by_role("searchbox")
    box.click()
    box.press_sequentially(word, delay=15)
    results_id = box.get_attribute("aria-controls") or "search-results"
    hits = tab.page.locator(f"#{results_id} a[href]")
    hits.first.wait_for(state="visible")
    texts = [" ".join(t.split()) for t in hits.all_inner_texts()]
    ours = [i for i, text in enumerate(texts) if title in text]
    assert ours, f"searching {word!r}: no result shows {title!r}; results: {texts}"
    hit = texts[ours[0]]
    assert _shares_a_run_of_words(hit.replace(title, " "), article_text), (
        f"searching {word!r}: the result for {title!r} has no snippet of the article: {hit!r}"
    )
    hits.nth(ours[0]).click()
    tab.page.wait_for_url(article.as_uri())
    assert _heading(tab)[1] == title
    tab.assert_clean()


# ---- notes ----------------------------------------------------------------------------


def _annotated_article(public: Path) -> tuple[Path, str]:
    """An article and the number of its first note with the whole contract on disk."""
    for path in html_pages(public / "articles"):
        for number in find(path, f"//mark[{css_class('hl')}]/@data-note"):
            if (
                find(path, f"//mark[{css_class('hl')} and @id='hl-{number}']")
                and find(path, f"//sup[{css_class('note-ref')}]/a[@href='#note-{number}']")
                and find(path, f"//aside[{css_class('note')} and @id='note-{number}']")
            ):
                return path, number
    pytest.fail(
        'no article has a note with the contract <mark class="hl" data-note="N" id="hl-N">, '
        '<sup class="note-ref"><a href="#note-N">, <aside class="note" id="note-N">'
    )


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered"
    return box


def test_a_note_unfolds_under_its_paragraph_on_a_narrow_screen(public, open_tab):
    article, n = _annotated_article(public)
    tab = open_tab(*NARROW)
    page = tab.page
    page.goto(article.as_uri())
    note, ref, mark = page.locator(f"aside.note#note-{n}"), page.locator(f'sup.note-ref a[href="#note-{n}"]'), page.locator(f"mark.hl#hl-{n}")
    assert note.is_hidden(), f"{article.name}: note {n} is shown before its reference is clicked on a {NARROW[0]}px screen"
    ref.click()
    note.wait_for(state="visible")
    note_box, mark_box = _box(note), _box(mark)
    assert note_box["y"] >= mark_box["y"], f"note {n} opens above its highlight: {note_box} vs {mark_box}"
    assert 0 <= note_box["x"] and note_box["x"] + note_box["width"] <= NARROW[0] + 0.5, (
        f"note {n} sticks out of the {NARROW[0]}px screen: {note_box}"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{article.name} scrolls sideways by {overflow}px on a {NARROW[0]}px screen"
    tab.assert_clean()


def test_a_note_sits_in_the_margin_beside_its_highlight_on_a_wide_screen(public, open_tab):
    article, n = _annotated_article(public)
    tab = open_tab(*WIDE)
    page = tab.page
    page.goto(article.as_uri())
    note, mark = page.locator(f"aside.note#note-{n}"), page.locator(f"mark.hl#hl-{n}")
    assert note.is_visible(), f"{article.name}: note {n} is not shown on a {WIDE[0]}px screen"
    page.locator(f'sup.note-ref a[href="#note-{n}"]').click()
    assert note.is_visible(), f"{article.name}: clicking its reference hid note {n} on a wide screen"
    paragraph = mark.locator("xpath=ancestor::*[self::p or self::li or self::blockquote or self::td or self::dd][1]")
    note_box, mark_box, para_box = _box(note), _box(mark), _box(paragraph)
    assert note_box["x"] >= para_box["x"] + para_box["width"] - 0.5, (
        f"note {n} is not in the margin: it starts at x={note_box['x']}, its paragraph ends at "
        f"x={para_box['x'] + para_box['width']}"
    )
    assert note_box["x"] + note_box["width"] <= WIDE[0] + 0.5, f"note {n} runs off the {WIDE[0]}px screen: {note_box}"
    top, bottom = para_box["y"], para_box["y"] + para_box["height"]
    assert top - mark_box["height"] <= note_box["y"] <= bottom + mark_box["height"], (
        f"note {n} (y={note_box['y']}) is not beside its highlight's paragraph (y={top}..{bottom})"
    )
    tab.assert_clean()
