"""Fuzzing the Markdown stage with anchoring (`sitegen.markdown.render_body`).

Any body renders without an exception and with nothing executable in it; any
passage a reader can see can be quoted by a note, which then highlights exactly
that passage and changes nothing else on the page.
"""

from __future__ import annotations

import html
import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from sitegen.markdown import render_body
from sitegen.model import Annotation
from tests.faults.fuzzing import NASTY, fuzz

WORD = st.sampled_from("the port reopened after years of repairs ships arrived before dawn Jane Hill 大安 café".split())
MARKED = st.sampled_from([
    "*em*", "**strong**", "`code`", "[link](https://example.org)", "<b>raw</b>", "<img src=x onerror=alert(1)>",
    "![alt](x.png)", "~~gone~~", "\\*", "&lt;", "[^1]", "<https://example.org>", "javascript:alert(1)",
])
INLINE = st.lists(st.one_of(WORD, WORD, WORD, NASTY, MARKED), min_size=1, max_size=12).map(" ".join)
BLOCK = st.one_of(
    INLINE, INLINE,
    INLINE.map(lambda t: "# " + t), INLINE.map(lambda t: "## " + t), INLINE.map(lambda t: "> " + t),
    st.lists(INLINE, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    st.lists(INLINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))),
    INLINE.map(lambda t: f"```\n{t}\n```"), INLINE.map(lambda t: f"    {t}"),
    st.tuples(INLINE, INLINE).map(lambda c: f"| {c[0]} | b |\n|---|---|\n| {c[1]} | d |"),
    st.just("---"), st.just("<script>alert(1)</script>"), st.just("<div onclick=alert(1)>x</div>"),
)
BODY = st.lists(BLOCK, min_size=1, max_size=8).map("\n\n".join)

TAG = re.compile(r"<([a-zA-Z][\w-]*)([^>]*)>")
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg", "math"}
DANGEROUS_ATTR = re.compile(r"\son\w+\s*=|(href|src)\s*=\s*\"\s*(javascript|vbscript|data):", re.I)


def executable(page: str) -> list[str]:
    """Tags of `page` that could run code (escaped text such as `&lt;script&gt;` is not a tag)."""
    return [f"<{name}{attrs}>" for name, attrs in TAG.findall(page)
            if name.lower() in DANGEROUS_TAGS or DANGEROUS_ATTR.search(attrs)]


@fuzz(100)
@given(BODY)
@example("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
def test_any_body_renders_with_nothing_executable(body):
    rendered = render_body(body)
    assert executable(rendered.html) == [], rendered.html


MARKUP = re.compile(r'<mark[^>]*>|</mark>|<sup class="note-ref[^"]*">.*?</sup>|<aside class="note[^"]*"[^>]*>.*?</aside>\n?', re.S)


def squash(text: str) -> str:
    return "".join(text.split())


@fuzz(80)
@given(BODY, st.data())
@example("Hello *world* and more text.\n\n- item one\n- item two", "world and more text. item")
@example("`code`", "c")  # found by this test: the highlight cuts the code span in two
def test_a_visible_passage_quoted_by_a_note_is_highlighted_and_nothing_else_changes(body, data):
    plain = render_body(body)
    text = plain.text
    assume(text.strip())
    if isinstance(data, str):  # an explicit example gives its quote
        quote = data
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
        quote = text[start:end].strip()
    assume(quote)
    note = Annotation(quote, "A note with <b>tags</b> & *stars*.")
    rendered = render_body(body, (note,))
    assert len(rendered.anchored) == 1 and not rendered.unanchored, "a visible passage could not be anchored"
    assert rendered.text == text  # the note does not change the text
    # nor the page, besides its highlight and note (a highlight cuts a code span in two: `<code>c</code><code>ode</code>`)
    assert MARKUP.sub("", rendered.html).replace("</code><code>", "") == plain.html.replace("</code><code>", "")
    marked = "".join(re.findall(r'<mark[^>]*data-note="1"[^>]*>(.*?)</mark>', rendered.html, re.S))
    shown = html.unescape(re.sub(r"<[^>]+>", "", marked))
    if rendered.anchored[0].status.value == "exact":
        assert squash(shown) == squash(quote), (shown, quote)
    else:
        assert squash(quote) in squash(text)
    assert executable(rendered.html) == []
