"""Annotating from the page: `sitegen serve` in a subprocess, Chromium selecting text, notes written to the file."""

from __future__ import annotations

import difflib
import http.client
import json
import re

import pytest

from sitegen.frontmatter import read_article
from tests.browser_support import axe_problems, chromium, sitegen_serve, under_strict_csp

pytestmark = pytest.mark.browser

STORY = """---
title: "Budget story"
authors: [Ana Lima]   # as printed in the dump
tags: [budget]
kind: article
annotations:
  # the editor's own note, kept as written
  - quote: 'Officials disagreed'
    note: "Which officials?"
---
The report says the budget was cut. Officials disagreed.

Later, the minister repeated it: the budget was cut, she said, *twice* in one year.

A [linked source](https://example.org/budget) closes the piece.
"""


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "secret.md").write_text(STORY, encoding="utf-8")  # beside the archive, not in it
    with sitegen_serve(tmp_path) as server:
        yield tmp_path, server


def select(page, phrase: str, nth: int = 0) -> None:
    """Select the `nth` occurrence of `phrase` in the article body with the mouse, as a reader would."""
    box = page.evaluate(
        """([phrase, nth]) => {
            const walker = document.createTreeWalker(document.querySelector('article .body'), NodeFilter.SHOW_TEXT);
            let count = 0, node;
            while ((node = walker.nextNode())) {
                for (let at = node.data.indexOf(phrase); at >= 0; at = node.data.indexOf(phrase, at + 1)) {
                    if (count++ !== nth) continue;
                    node.parentElement.scrollIntoView({block: 'center'});
                    const r = document.createRange();
                    r.setStart(node, at); r.setEnd(node, at + 1);
                    const a = r.getBoundingClientRect();
                    r.setStart(node, at + phrase.length - 1); r.setEnd(node, at + phrase.length);
                    const b = r.getBoundingClientRect();
                    return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
                }
            }
            return null;
        }""",
        [phrase, nth],
    )
    assert box, f"{phrase!r} #{nth} is not on the page"
    page.mouse.move(box[0], box[1])
    page.mouse.down()
    page.mouse.move(box[2], box[3], steps=8)
    page.mouse.up()
    assert page.evaluate("window.getSelection().toString()") == phrase


def only_inserted(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`, asserting that nothing of `old` changed or moved."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), (op, a[i1:i2], b[j1:j2])
        if op == "insert":
            added += b[j1:j2]
    return added


def wait_updated(page, before: int) -> None:
    """Until live reload has shown the page again: swapped in place or reloaded."""
    page.wait_for_function(f"() => window.__sitegenLoadedAt !== undefined && window.__sitegenLoadedAt !== {before}",
                           timeout=15000)


def open_story(browser, server):
    """A wide tab on the story, and when it loaded."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server.url + "articles/story.html")
    return page, loaded_at(page)


def loaded_at(page) -> int:
    page.wait_for_function("() => window.__sitegenLoadedAt !== undefined")
    return page.evaluate("window.__sitegenLoadedAt")


def test_annotate_edit_and_delete_from_the_page(served):
    root, server = served
    path = root / "content/articles/story.md"
    original = path.read_bytes()
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        violations = under_strict_csp(page)
        page.goto(server.url + "articles/story.html")
        first = loaded_at(page)
        assert page.evaluate("document.querySelector('meta[http-equiv]')") is None

        # select the second "the budget was cut" (a repeat: the note needs a prefix to land there)
        select(page, "the budget was cut", nth=1)
        page.locator(".sitegen-annotate-offer").click()
        page.locator(".sitegen-note-editor textarea").fill("A *second* telling.")
        page.locator(".sitegen-note-editor input").fill("repeat, check")
        page.locator(".sitegen-note-save").click()
        wait_updated(page, first)
        page.wait_for_selector("mark.hl[data-note='2']")
        second_paragraph = page.locator("article .body > p").nth(1)
        assert second_paragraph.locator("mark.hl[data-note='2']").inner_text() == "the budget was cut"
        assert page.locator("article .body > p").nth(0).locator("mark.hl[data-note='2']").count() == 0
        assert page.locator("#note-2 .note-body em").inner_text() == "second"
        assert page.locator("#note-2 .note-tags li").all_inner_texts() == ["repeat", "check"]

        text = path.read_text(encoding="utf-8")
        added = only_inserted(original.decode(), text)  # comments, quoting, key order, body: untouched
        assert added and all(line.startswith("  ") for line in added)
        article, problems = read_article(text, "story.md", "story")
        assert not problems
        note = article.annotations[1]
        assert (note.quote, note.note, note.tags) == ("the budget was cut", "A *second* telling.", ("repeat", "check"))
        assert note.prefix and "repeated it:".endswith(note.prefix.strip()[-12:])

        # edit it: the editor shows the note's Markdown, saving changes only that entry
        first = loaded_at(page)
        page.locator("#note-2 .sitegen-note-edit").click()
        textarea = page.locator(".sitegen-note-editor textarea")
        page.wait_for_function("() => document.querySelector('.sitegen-note-editor textarea').value !== ''")
        assert textarea.input_value() == "A *second* telling."
        assert page.locator(".sitegen-note-editor input").input_value() == "repeat, check"
        textarea.fill("Edited: **the same** cut.")
        page.locator(".sitegen-note-save").click()
        wait_updated(page, first)
        page.wait_for_function("() => document.querySelector('#note-2 .note-body strong')?.textContent === 'the same'",
                               timeout=15000)
        edited = path.read_text(encoding="utf-8")
        assert read_article(edited, "story.md", "story")[0].annotations[1].note == "Edited: **the same** cut."
        assert only_inserted(original.decode(), edited)  # still only the one entry added to the original

        # delete it: the file is exactly what it was
        first = loaded_at(page)
        page.locator("#note-2 .sitegen-note-delete").click()
        page.locator(".sitegen-note-save").click()
        wait_updated(page, first)
        page.wait_for_selector("#note-1")
        assert page.locator("#note-2").count() == 0
        assert path.read_bytes() == original
        assert violations == []

    code, out, err = server.stop()
    assert code == 0, err
    built = (root / "public/articles/story.html").read_text(encoding="utf-8")
    assert "annotate" not in built and "data-token" not in built  # the built page carries none of it


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(served):
    root, server = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page, first = open_story(browser, server)
        select(page, "closes the piece")
        page.locator(".sitegen-annotate-offer").click()
        page.locator(".sitegen-note-editor textarea").fill("My draft note.")

        # the editor saves the file in another program while the note is being written
        theirs = STORY.replace("closes the piece.", "closes the piece.\n\nA paragraph added in the editor.")
        path.write_text(theirs, encoding="utf-8")
        built = root / "public/articles/story.html"
        for _ in range(150):
            if "A paragraph added in the editor." in built.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(100)
        page.wait_for_timeout(300)
        assert loaded_at(page) == first  # the page waited: the draft is still there
        assert page.locator(".sitegen-note-editor textarea").input_value() == "My draft note."

        page.locator(".sitegen-note-save").click()
        message = page.locator(".sitegen-note-message")
        page.wait_for_function("() => document.querySelector('.sitegen-note-message').textContent"
                               ".startsWith('Not written')")
        assert "changed on disk since this page was loaded" in message.inner_text()
        assert path.read_text(encoding="utf-8") == theirs  # their change kept, nothing of ours written
        assert page.locator(".sitegen-note-editor textarea").input_value() == "My draft note."

        page.locator(".sitegen-note-cancel").click()  # dropping the draft lets the page catch up
        wait_updated(page, first)
        page.wait_for_selector("text=A paragraph added in the editor.")


def post(port: int, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/__sitegen/notes", body=body, headers=headers)
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, data


def test_cross_site_tokenless_and_outside_writes_are_refused(served):
    root, server = served
    path = root / "content/articles/story.md"
    original = path.read_bytes()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    with chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "articles/story.html")
        loaded_at(page)
        script = page.locator("script[data-sitegen-annotate]")
        token, version = script.get_attribute("data-token"), script.get_attribute("data-version")
        assert token and re.fullmatch(r"[0-9a-f]{64}", version)

        # another origin (localhost is not 127.0.0.1 to a browser) tries to write, as a page can
        other = browser.new_page()
        other.goto(f"http://localhost:{port}/articles/story.html")
        loaded_at(other)
        request = {"action": "add", "page": "articles/story.html", "version": version, "quote": "closes the piece",
                   "note": "pwned"}
        other.evaluate(
            """([url, body]) => fetch(url, {method: 'POST', mode: 'no-cors', body: body,
                                           headers: {'Content-Type': 'text/plain'}}).catch(() => null)""",
            [f"http://127.0.0.1:{port}/__sitegen/notes", json.dumps(request)],
        )
        blocked = other.evaluate(
            """([url, body, token]) => fetch(url, {method: 'POST', body: body,
                 headers: {'Content-Type': 'application/json', 'X-Sitegen-Token': token}})
                 .then(r => 'answered ' + r.status, e => 'blocked')""",
            [f"http://127.0.0.1:{port}/__sitegen/notes", json.dumps(request), token],
        )
        assert blocked == "blocked"  # the custom header needs a preflight, which the server never grants
    assert path.read_bytes() == original

    body = json.dumps(request).encode()
    base = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
    same = {**base, "Origin": f"http://127.0.0.1:{port}"}
    assert post(port, body, {**base, "Origin": "http://evil.example", "X-Sitegen-Token": token})[0] == 403
    assert post(port, body, {**base, "Origin": f"http://localhost:{port}", "X-Sitegen-Token": token})[0] == 403
    assert post(port, body, {**same, "Sec-Fetch-Site": "cross-site", "X-Sitegen-Token": token})[0] == 403
    assert post(port, body, same)[0] == 403  # no token
    assert post(port, body, {**same, "X-Sitegen-Token": token + "x"})[0] == 403
    for page_path in ("articles/../../secret.html", "../secret.md", "/etc/passwd", "articles/secret.html",
                      "content/articles/story.md", "articles/%2e%2e/secret.html"):
        outside = json.dumps({**request, "page": page_path}).encode()
        status, answer = post(port, outside, {**same, "X-Sitegen-Token": token})
        assert status == 404 and not answer["ok"], page_path
    assert path.read_bytes() == original
    assert (root / "secret.md").read_text(encoding="utf-8") == STORY
    # the same request from the page itself, with its token, is carried out
    status, answer = post(port, body, {**same, "X-Sitegen-Token": token})
    assert status == 200 and answer["ok"], answer
    assert "pwned" in path.read_text(encoding="utf-8")


def test_a_selection_across_a_note_and_a_paragraph_break_is_quoted_as_the_text_reads(served):
    root, server = served
    path = root / "content/articles/story.md"
    with chromium() as browser:
        page, first = open_story(browser, server)
        select(page, "Which officials")  # the text of a note is not the article's: nothing to offer
        page.wait_for_timeout(400)
        assert page.locator(".sitegen-annotate-offer").is_hidden()
        # from "was cut." over the highlight, its note number "1" and its note, into the next paragraph
        page.evaluate("""() => {
            const paragraphs = document.querySelectorAll('article .body > p');
            const range = document.createRange();
            const start = paragraphs[0].firstChild;
            range.setStart(start, start.data.indexOf('was cut.'));
            range.setEnd(paragraphs[1].firstChild, 'Later, the'.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }""")
        assert "Which officials?" in page.evaluate("getSelection().toString()")  # the DOM's text has the note
        page.locator(".sitegen-annotate-offer").click()
        assert page.locator(".sitegen-note-quote").inner_text().split() == \
            ["was", "cut.", "Officials", "disagreed.", "Later,", "the"]
        page.locator(".sitegen-note-save").click()
        wait_updated(page, first)
        page.wait_for_selector("mark.hl[data-note='2']")
        note = read_article(path.read_text(encoding="utf-8"), "story.md", "story")[0].annotations[1]
        assert (note.quote, note.prefix) == ("was cut. Officials disagreed. Later, the", None)  # unique
        marked = page.eval_on_selector_all("mark.hl[data-note='2']", "ms => ms.map(m => m.textContent)")
        assert marked == ["was cut. Officials disagreed", ".", "Later, the"]  # note 1's highlight nests inside


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_note_editor_has_no_serious_accessibility_problem(served, scheme):
    root, server = served
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
        page.goto(server.url + "articles/story.html")
        loaded_at(page)
        select(page, "closes the piece")
        page.locator(".sitegen-annotate-offer").wait_for()
        assert axe_problems(page) == []  # the offer, the note tools
        page.keyboard.press("Alt+Shift+A")  # the offer's keyboard shortcut
        page.locator(".sitegen-note-editor textarea").fill("A note.")
        page.locator(".sitegen-note-editor input").fill("x" * 61)  # too long a tag: an error message shows
        page.locator(".sitegen-note-save").click()
        page.wait_for_function("() => document.querySelector('.sitegen-note-message.failed')")
        assert axe_problems(page) == []  # the editor, with its error
        assert "tags: at most" in page.locator(".sitegen-note-message").inner_text()
