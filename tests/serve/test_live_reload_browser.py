"""A real editing session: `sitegen serve` in a subprocess, Chromium on an article, edits on disk."""

from __future__ import annotations

import re

import pytest

from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Source
from sitegen.render.theme import packaged_themes
from tests.browser_support import chromium, sitegen_running, sitegen_serve, under_strict_csp

pytestmark = pytest.mark.browser
BODY = "\n\n".join(
    f"Paragraph {n} of the article, with enough words in it to make the page long enough to scroll a little."
    for n in range(60)
) + "\n\nThe minister praised the heartbreaking North Korean circumstance in her speech.\n"


def article(title: str, annotations=()) -> str:
    return dump_article(Article(slug="story", path="", title=title, body=BODY, annotations=annotations,
                                source=(Source("d.txt", (1, 9)),)))


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "story.md").write_text(article("First title"), encoding="utf-8")
    (folder / "other.md").write_text(article("Other"), encoding="utf-8")
    with sitegen_serve(tmp_path) as server:
        yield tmp_path, server


def loaded_at(page) -> int:
    page.wait_for_function("window.__sitegenLoadedAt !== undefined")
    return page.evaluate("window.__sitegenLoadedAt")


def mark_document(page) -> None:
    """Leave a mark in the tab's document: gone after a reload (a new document), kept by a swap."""
    page.evaluate("() => { window.__sameDocument = true; }")


def same_document(page) -> bool:
    return page.evaluate("() => window.__sameDocument === true")


def swapped(page) -> bool:
    return page.evaluate("() => window.__sitegenSwappedAt !== undefined")


def overlay_text(page) -> str:
    return page.wait_for_selector("#sitegen-overlay", timeout=15000).inner_text()


def test_edits_on_disk_show_up_in_the_open_tab(served):
    root, server = served
    url = server.url
    path = root / "content/articles/story.md"
    other_html = root / "public/articles/other.html"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 700})
        page.goto(url + "articles/story.html")
        loaded_at(page)
        assert page.locator("h1").inner_text() == "First title"
        other = browser.new_page()
        other.goto(url + "articles/other.html")
        loaded_at(other)
        mark_document(other)
        other_before = other_html.read_bytes()
        page.evaluate("window.scrollTo(0, 1200)")
        page.wait_for_timeout(100)

        path.write_text(article("Second title"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Second title'", timeout=15000)
        page.wait_for_function("window.scrollY > 1000", timeout=5000)  # the scroll position was kept
        other.wait_for_timeout(500)
        # the other tab updates only if its own page changed (it may list the story's title)
        assert (swapped(other) or not same_document(other)) == (other_html.read_bytes() != other_before)

        note = Annotation("heartbreaking North Korean circumstance", "Spun text: the original reads South Korean.")
        path.write_text(article("Second title", (note,)), encoding="utf-8")
        page.wait_for_selector("mark.hl#hl-1", timeout=15000)
        assert "heartbreaking North Korean circumstance" in page.locator("mark.hl").first.inner_text()

        path.write_text(article("Second title").replace("title:", "title: [broken", 1), encoding="utf-8")
        assert "content/articles/story.md:" in overlay_text(page)
        assert "content/articles/story.md:" in overlay_text(other)  # every open tab shows it
        page.reload()  # a page loaded while the error stands shows it too
        assert "content/articles/story.md:" in overlay_text(page)
        assert page.locator("h1").inner_text() == "Second title"  # the last good page is still served

        path.write_text(article("Fixed title"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Fixed title'", timeout=15000)
        assert page.locator("#sitegen-overlay").count() == 0
        other.wait_for_function("!document.getElementById('sitegen-overlay')", timeout=15000)

        # messages quote the editor's text: shown as text, never run as HTML
        hostile = '<img src=x onerror="window.__pwned=1">'
        path.write_text(article("Fixed title").replace("date: null", f"date: '{hostile}'", 1), encoding="utf-8")
        assert hostile in overlay_text(page)
        assert page.locator("#sitegen-overlay img").count() == 0 and page.evaluate("window.__pwned") is None
        path.write_text(article("Fixed title"), encoding="utf-8")
        page.wait_for_function("!document.getElementById('sitegen-overlay')", timeout=15000)

        # a template error is shown the same way, and removing the broken override clears it
        (root / "templates").mkdir()
        (root / "templates/article.html").write_text("{% block x %}\n{{ oops(\n", encoding="utf-8")
        assert "templates/article.html:" in overlay_text(page)
        (root / "templates/article.html").unlink()
        page.wait_for_function("!document.getElementById('sitegen-overlay')", timeout=15000)
        assert page.locator("h1").inner_text() == "Fixed title"

    code, out, err = server.stop()  # Ctrl-C
    assert code == 0, err
    assert "Traceback" not in err and out.rstrip().endswith("stopped")
    assert "livereload" not in (root / "public/articles/story.html").read_text(encoding="utf-8")


def set_visibility(page, state: str) -> None:
    page.evaluate("""state => {
        Object.defineProperty(document, "visibilityState", {value: state, configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""", state)


def test_a_hidden_tab_lets_go_of_its_stream_and_catches_up_when_shown(served):
    root, server = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "articles/story.html")
        first = loaded_at(page)
        set_visibility(page, "hidden")
        path.write_text(article("Edited while hidden"), encoding="utf-8")
        built = root / "public/articles/story.html"
        page.wait_for_timeout(100)
        for _ in range(100):  # wait for the rebuild on disk
            if "Edited while hidden" in built.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(100)
        page.wait_for_timeout(500)
        assert loaded_at(page) == first  # no stream while hidden: nothing happened
        set_visibility(page, "visible")
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Edited while hidden'",
                               timeout=15000)


def test_a_rebuild_before_the_tab_connects_is_not_missed(served):
    root, server = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page = browser.new_page()
        held = []  # the script's first question to the server, held until the rebuild is in
        page.route("**/__sitegen/status", lambda route: held.append(route))
        page.goto(server.url + "articles/story.html")
        loaded_at(page)
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        path.write_text(article("Edited before connecting"), encoding="utf-8")
        built = root / "public/articles/story.html"
        for _ in range(100):  # wait for the rebuild on disk
            if "Edited before connecting" in built.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(100)
        page.wait_for_timeout(300)
        held[0].continue_()
        page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Edited before connecting'",
                               timeout=15000)


def test_a_tab_opened_before_the_first_build_is_in_reloads_when_it_is(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for n in range(8):
        (folder / f"story-{n}.md").write_text(article(f"Title {n}"), encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    # the first build takes seconds: a loop with work in it (Jinja drops an empty one's cost)
    slow = "{% set ns = namespace(n=0) %}{% for i in range(1500000) %}{% set ns.n = ns.n + i %}{% endfor %}"
    (templates / "article.html").write_text(
        (packaged_themes() / "default" / "templates" / "article.html").read_text(encoding="utf-8") + slow,
        encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        with sitegen_running(tmp_path, "serve", "--port", "0", ready=r"for the first time") as serve:
            port = re.search(r"meanwhile [^\s]+:(\d+) says so", "".join(serve.out)).group(1)
            first = page.goto(f"http://127.0.0.1:{port}/articles/story-0.html")
            assert first.status == 503 and "Building the site" in first.text()
            page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Title 0'", timeout=120_000)


def test_a_saved_edit_is_swapped_into_the_tab_in_place(served):
    root, server = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 700})
        violations = under_strict_csp(page)
        page.goto(server.url + "articles/story.html")
        loaded_at(page)
        mark_document(page)
        page.evaluate("() => window.scrollTo(0, 1200)")
        page.wait_for_timeout(100)

        note = Annotation("heartbreaking North Korean circumstance", "Spun text: the original reads South Korean.")
        path.write_text(article("Second title", (note,)), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.trim() === 'Second title'",
                               timeout=15000)
        page.wait_for_selector("mark.hl#hl-1", timeout=15000)
        assert same_document(page) and swapped(page)  # no navigation
        assert page.evaluate("() => window.scrollY") > 1000  # the scroll position kept
        assert page.title().startswith("Second title")

        # a new tag: the full build draws the page (and the tag's): the tab fetches it and swaps it in too
        path.write_text(article("Second title", (note,)).replace("tags: []", "tags: [fisheries]", 1), encoding="utf-8")
        page.wait_for_selector("main a[href*='fisheries']", timeout=15000)
        assert same_document(page) and page.locator("mark.hl#hl-1").count() == 1

        # the notes UI works on the new content: one set of tools per note, and a write goes through
        # (the page knows the file's version as saved)
        assert page.locator("#note-1 .sitegen-note-tools").count() == 1
        page.locator("#note-1 .sitegen-note-edit").click()
        editor = page.locator(".sitegen-note-editor textarea")
        editor.wait_for(state="visible")
        assert editor.input_value() == note.note
        editor.fill("Edited from the page after a swap.")
        page.locator(".sitegen-note-save").click()
        page.wait_for_function("() => (document.querySelector('#note-1') || {}).textContent"
                               "?.includes('Edited from the page after a swap.')", timeout=15000)
        assert "Edited from the page after a swap." in path.read_text(encoding="utf-8")
        page.wait_for_selector(".sitegen-note-editor", state="hidden", timeout=5000)
        assert same_document(page) and page.locator("#note-1 .sitegen-note-tools").count() == 1

        # the theme's script too: on a narrow screen a note is folded and its reference opens it
        page.set_viewport_size({"width": 700, "height": 700})
        page.wait_for_selector("aside#note-1.collapsed", state="attached", timeout=5000)
        page.locator("sup.note-ref a").first.click()
        page.wait_for_function("() => !document.querySelector('aside#note-1').classList.contains('collapsed')",
                               timeout=5000)
        assert same_document(page)
    assert violations == []


def test_a_change_to_what_the_page_uses_reloads_it_and_another_page_leaves_it(served):
    root, server = served
    with chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "articles/story.html")
        loaded_at(page)
        mark_document(page)

        other = root / "content/articles/other.md"
        other.write_text(article("Other").replace("Paragraph 0 ", "Paragraph zero "), encoding="utf-8")
        built = root / "public/articles/other.html"
        for _ in range(100):  # until the other page is rebuilt on disk
            if "Paragraph zero" in built.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(100)
        server.wait_for(r"rebuilt in")  # and the rest of the site after it
        page.wait_for_timeout(500)
        assert same_document(page) and not swapped(page)  # not reloaded, not even swapped

        static = root / "static"
        static.mkdir()
        css = (packaged_themes() / "default" / "static" / "style.css").read_text(encoding="utf-8")
        (static / "style.css").write_text(css + "\nh1 { letter-spacing: 0.01em; }\n", encoding="utf-8")
        page.wait_for_function("() => window.__sameDocument === undefined && window.__sitegenLoadedAt", timeout=15000)
        assert page.locator("h1").inner_text() == "First title"

        # a theme script that does not say it sets up swapped content: the tab reloads instead
        (static / "site.js").write_text("document.documentElement.classList.add('own-script');\n", encoding="utf-8")
        page.wait_for_function("() => document.documentElement.classList.contains('own-script')", timeout=15000)
        loaded_at(page)
        mark_document(page)
        (root / "content/articles/story.md").write_text(article("Third title"), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.trim() === 'Third title'", timeout=15000)
        assert not same_document(page)
