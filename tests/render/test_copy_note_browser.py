""""Copy as note" on a built site, in a real Chromium: the snippet it copies is the entry the build anchors there."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
import yaml

from sitegen.annotate.anchor import AnchorStatus, locate
from sitegen.build import Builder
from sitegen.config import Config
from sitegen.markdown.render import render_body
from sitegen.model import Annotation
from tests.browser_support import axe_problems, chromium, under_strict_csp

pytestmark = pytest.mark.browser

BODY = """## A heading

The *quick* answer came first; see [the source](https://example.org).[^1]

- one item
- two `code` items
  1. nested *deeper*

     with a second paragraph

A line that breaks  
here, and an image ![an alt text that is not read](pic.png) in it.

| a | b |
|---|---|
| cell one | cell two |

```python
print("hi")
```

> A quote block with **bold**.

Then the budget was cut. Later the budget was cut again, and the budget was cut once more.

[^1]: A footnote with text.
"""
HEAD = """---
title: "Rich story"
annotations:
  - quote: "quick answer"
    note: "An existing note."
"""


def write_story(root, extra: str = "") -> None:
    (root / "content/articles").mkdir(parents=True, exist_ok=True)
    (root / "content/articles/story.md").write_text(HEAD + extra + "---\n" + BODY, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    write_story(tmp_path)
    Builder(Config(root=tmp_path)).build()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "public"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser():
    with chromium() as launched:
        yield launched


def select_in_body(page, phrase: str, nth: int) -> None:
    page.evaluate(
        """([phrase, nth]) => {
            const walker = document.createTreeWalker(document.querySelector('article .body'), NodeFilter.SHOW_TEXT);
            let count = 0, node;
            while ((node = walker.nextNode())) {
                for (let at = node.data.indexOf(phrase); at >= 0; at = node.data.indexOf(phrase, at + 1)) {
                    if (count++ !== nth) continue;
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + phrase.length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    return;
                }
            }
            throw new Error('not on the page: ' + phrase);
        }""",
        [phrase, nth],
    )


def copy_snippet(page) -> str:
    page.locator(".copy-note-offer").click()
    page.wait_for_selector(".copy-note:not([hidden])")
    page.wait_for_function("() => document.querySelector('.copy-note-said').textContent.startsWith('Copied')")
    shown = page.locator(".copy-note-snippet").inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    return shown


def test_copy_as_note_gives_the_entry_the_build_anchors_at_the_selection(site, browser):
    root, url = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    errors = under_strict_csp(page)
    page.goto(url + "articles/story.html")

    # the second of three "the budget was cut": the snippet needs context to land there
    select_in_body(page, "the budget was cut", 1)
    snippet = copy_snippet(page)
    entry = yaml.safe_load("annotations:\n" + snippet)["annotations"][0]
    assert entry["quote"] == "the budget was cut" and entry["note"] == ""
    assert entry.get("prefix") or entry.get("suffix")
    text = render_body(BODY).text
    assert "# your note" in snippet
    page.locator(".copy-note-close").click()
    assert page.locator(".copy-note").is_hidden()

    # pasted into the front matter, the build puts the highlight on the passage that was selected
    write_story(root, snippet)
    Builder(Config(root=root)).build()
    page.reload()
    marks = page.locator("mark.hl[data-note='2']")
    assert marks.count() == 1 and marks.inner_text() == "the budget was cut"
    placed = page.evaluate("""() => {
        const mark = document.querySelector("mark.hl[data-note='2']");
        const range = document.createRange();
        range.setStart(mark.parentElement, 0);
        range.setEndBefore(mark);
        return range.toString();
    }""")
    assert placed.endswith("Then the budget was cut. Later ")

    # every repeat of a few phrases: the build anchors each snippet exactly where it was selected
    for phrase in ("the budget was cut", "budget", "was cut", "the budget"):
        starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
        assert len(starts) == 3
        for nth, start in enumerate(starts):
            page.keyboard.press("Escape")  # the last snippet's panel, if open
            select_in_body(page, phrase, nth)
            got = yaml.safe_load("annotations:\n" + copy_snippet(page))["annotations"][0]
            anchor = locate(text, Annotation(got["quote"], prefix=got.get("prefix"), suffix=got.get("suffix")))
            assert (anchor.status, anchor.start) == (AnchorStatus.EXACT, start), (phrase, nth, got)

    # a unique passage needs no context
    select_in_body(page, "cell two", 0)
    assert yaml.safe_load("annotations:\n" + copy_snippet(page))["annotations"][0] == {"quote": "cell two", "note": ""}
    assert errors == []
    context.close()


def test_the_page_text_is_the_text_notes_are_anchored_in(site, browser):
    """Selecting the whole body (headings, lists, tables, code, footnotes, an existing note) quotes the plain text."""
    _, url = site
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.goto(url + "articles/story.html")
    page.evaluate("""() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('article .body'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""")
    entry = yaml.safe_load("annotations:\n" + copy_snippet(page))["annotations"][0]
    assert entry["quote"] == " ".join(render_body(BODY).text.split())
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_from_disk_the_snippet_is_shown_to_copy_by_hand(site, browser, scheme):
    root, _ = site
    page = browser.new_page(color_scheme=scheme)
    page.goto((root / "public/articles/story.html").as_uri())
    select_in_body(page, "An existing note", 0)  # the text of a note is not the article's
    page.wait_for_timeout(400)
    assert page.locator(".copy-note-offer").is_hidden()
    select_in_body(page, "cell one", 0)
    page.locator(".copy-note-offer").wait_for()
    assert axe_problems(page) == []
    page.locator(".copy-note-offer").click()
    page.wait_for_selector(".copy-note:not([hidden])")
    page.wait_for_function("() => document.querySelector('.copy-note-said').textContent !== ''")
    assert page.locator(".copy-note-snippet").inner_text().startswith('  - quote: "cell one"\n')
    assert axe_problems(page) == []
    page.keyboard.press("Escape")
    assert page.locator(".copy-note").is_hidden()
