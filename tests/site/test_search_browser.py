"""Full-text search in the built archive, in a real Chromium, from disk (file://) and from an HTTP server.

The words searched are chosen from the article files, not from the index: one that
occurs in a single article only, deep in its body (far past the opening a result
used to show), and one that occurs only in an editor's note. Each must bring up its
article, with the word highlighted in a snippet of the text or of the note, and the
result must lead to the article. No request leaves the site, nothing is logged as
an error.
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitegen.frontmatter import read_article
from sitegen.search import fold, words
from sitegen.search.index import STOPWORDS
from tests.site.committed_archive import REPO

pytestmark = pytest.mark.browser

DEEP = 1500  # characters into the body: far beyond any opening shown in a list


def _articles():
    found = []
    for path in sorted((REPO / "content" / "articles").glob("*.md")):
        article, _ = read_article(path.read_text(encoding="utf-8"), str(path), path.stem)
        if article is not None:
            found.append(article)
    return found


def _notes(article) -> list[str]:
    return [a.note for a in article.annotations if a.note and "flag" not in a.tags]


def _searchable_word(candidates: Counter, everywhere: Counter) -> str | None:
    for word in sorted(candidates):
        if len(word) >= 6 and word not in STOPWORDS and not word.isdigit() and everywhere[word] == candidates[word]:
            return word
    return None


def deep_word():
    """(article, word): a word only in this article's body, first found past DEEP characters."""
    articles = _articles()
    everywhere = Counter(w for a in articles for w in set(words(" ".join(
        (a.title, a.body, *a.authors, a.publisher or "", *a.tags, *_notes(a))))))
    for article in articles:
        opening = set(words(article.body[:DEEP])) | set(words(article.title)) | set(words(" ".join(_notes(article))))
        late = Counter(w for w in set(words(article.body[DEEP:])) if w not in opening)
        word = _searchable_word(Counter({w: 1 for w in late}), everywhere)
        if word:
            return article, word
    pytest.fail(f"no article has a word of its own past character {DEEP} of its body")


def note_word():
    """(article, word): a word found in one editor's note and nowhere else in the archive."""
    articles = _articles()
    in_text = {w for a in articles for w in words(" ".join((a.title, a.body, *a.authors, a.publisher or "", *a.tags)))}
    in_notes = Counter(w for a in articles for n in _notes(a) for w in set(words(n)))
    for article in articles:
        for note in _notes(article):
            for word in words(note):
                if len(word) >= 5 and word not in STOPWORDS and word not in in_text and in_notes[word] == 1:
                    return article, word
    pytest.fail("no editor's note in the archive has a word of its own")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def server(public):
    """A plain static HTTP server over the built site, as a host serves it."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(public)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def _search(tab, home: str, word: str, title: str, snippet_class: str) -> None:
    tab.page.goto(home)
    box = tab.page.get_by_role("searchbox")
    box.click()
    box.fill(word)
    hits = tab.page.locator("#search-results a.hit")
    hits.first.wait_for(state="visible")
    titles = [" ".join(t.split()) for t in tab.page.locator("#search-results .hit-title").all_inner_texts()]
    assert title in titles, f"searching {word!r}: no result is {title!r}; results: {titles}"
    hit = hits.nth(titles.index(title))
    marked = hit.locator(f".{snippet_class} mark").all_inner_texts()
    assert [m for m in marked if fold(m) == word], f"searching {word!r}: not highlighted in .{snippet_class}: {marked}"
    hit.click()
    tab.page.wait_for_load_state()
    assert " ".join(tab.page.locator("h1").first.inner_text().split()) == title
    tab.problems = [p for p in tab.problems if "/favicon.ico" not in p]  # a browser asks any host for one
    tab.assert_clean()


@pytest.mark.parametrize("where", ["file", "http"])
@pytest.mark.parametrize("kind", ["deep in one body", "only in a note"])
def test_a_word_found_nowhere_else_finds_its_article(public, server, open_tab, where, kind):
    article, word = deep_word() if kind == "deep in one body" else note_word()
    home = (public / "index.html").as_uri() if where == "file" else server + "index.html"
    tab = open_tab(allowed=("file://", "data:") if where == "file" else (server, "data:"))
    _search(tab, home, word, article.title, "hit-snippet" if kind == "deep in one body" else "hit-note")


def test_the_index_is_loaded_in_pieces(public, open_tab):
    article, word = deep_word()
    tab = open_tab()
    tab.page.goto((public / "index.html").as_uri())
    tab.page.get_by_role("searchbox").fill(word)
    tab.page.locator("#search-results a.hit").first.wait_for(state="visible")
    loaded = tab.page.evaluate("Array.from(document.scripts, s => s.src).filter(s => s.includes('/search/'))")
    documents = list((public / "search" / "docs").glob("*.js"))
    assert any(s.split("?")[0].endswith("/search/manifest.js") for s in loaded)
    assert 0 < sum("/search/docs/" in s for s in loaded) < len(documents), loaded
    tab.assert_clean()
