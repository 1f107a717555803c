"""Tests for sitegen.markdown.render: body HTML, plain text, annotations and their by-products."""

from __future__ import annotations

import os
import pickle
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.annotate.anchor import AnchorStatus
from sitegen.markdown import RENDERER_VERSION, RenderedBody, pygments_css, render_body, render_note
from sitegen.model import Annotation

FIXTURES = Path(__file__).parent / "fixtures"
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


# --- helpers ---------------------------------------------------------------------------


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def marks(html: str, n: int) -> list[lxml.html.HtmlElement]:
    return tree(html).xpath(f'//mark[@data-note="{n}"]')


def marked_text(html: str, n: int) -> str:
    return "".join(m.text_content() for m in marks(html, n))


class _Checker(HTMLParser):
    """Strict well-nestedness: every element closed, in order; collects ids and bad things."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src") and value and value.strip().lower().startswith(
                ("javascript:", "vbscript:", "data:", "file:")
            ):
                self.problems.append(f"{name}={value}")
            if name == "id" and value is not None:
                self.ids.append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag == "a" and "a" in self.stack:
            self.problems.append("<a> inside <a>")
        if tag in ("p", "div", "aside", "ul", "table", "section", "pre") and {"p", "a", "mark", "sup"} & set(self.stack):
            self.problems.append(f"<{tag}> inside {self.stack}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check_html(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, checker.problems
    assert not checker.stack, f"unclosed: {checker.stack}"
    assert len(checker.ids) == len(set(checker.ids)), f"duplicate ids: {checker.ids}"
    return checker


def render(body: str, *annotations: Annotation) -> RenderedBody:
    result = render_body(body, annotations)
    check_html(result.html)
    return result


# --- plain Markdown --------------------------------------------------------------------


def test_paragraphs_and_plain_text() -> None:
    r = render("First *para*\nline two.\n\nSecond with `code`.\n\n- one\n- two\n")
    assert r.text == "First para\nline two.\n\nSecond with code.\n\none\n\ntwo"
    assert [p.text_content() for p in tree(r.html).xpath("//p")] == [
        "First para\nline two.",
        "Second with code.",
    ]


def test_empty_body() -> None:
    r = render("")
    assert (r.html, r.text, r.summary, r.word_count) == ("", "", "", 0)


def test_tables() -> None:
    r = render("| a | b |\n|---|---|\n| c | *d* |\n")
    t = tree(r.html)
    assert [c.text_content() for c in t.xpath("//th")] == ["a", "b"]
    assert [c.text_content() for c in t.xpath("//td")] == ["c", "d"]
    assert r.text == "a\n\nb\n\nc\n\nd"


def test_footnotes() -> None:
    r = render("Text with a note.[^1]\n\n[^1]: The *footnote* text.\n")
    t = tree(r.html)
    assert t.xpath('//sup[@class="footnote-ref"]/a/@href') == ["#fn1"]
    assert t.xpath('//section[@class="footnotes"]//li[@id="fn1"]')
    assert r.text == "Text with a note.\n\nThe footnote text."


def test_heading_ids_are_slugs_and_unique() -> None:
    r = render("# Hello *World*\n\n## Hello World\n\n### Note 1\n\ntext\n\n## fn1\n")
    assert [(h.level, h.text, h.id) for h in r.headings] == [
        (1, "Hello World", "hello-world"),
        (2, "Hello World", "hello-world-2"),
        (3, "Note 1", "h-note-1"),  # never the id of an annotation's note
        (2, "fn1", "h-fn1"),  # nor of a footnote
    ]
    assert tree(r.html).xpath("//h2/@id") == ["hello-world-2", "h-fn1"]


def test_word_count_and_summary() -> None:
    r = render("# Title words here\n\n> quoted\n\nThe first   real\nparagraph.\n\nSecond one.\n")
    assert r.summary == "The first real paragraph."
    assert r.word_count == 10  # 3 + 1 + 4 + 2


def test_summary_falls_back_to_a_nested_paragraph() -> None:
    assert render("- only a list\n- of items\n").summary == "only a list"


def test_links_and_images_are_collected() -> None:
    r = render(
        "[a](other.html) [b](https://example.org/x) [a again](other.html) ![pic](img/p.png)",
        Annotation("pic", note="see [c](notes.html)"),
    )
    assert r.links == ("other.html", "https://example.org/x", "notes.html")
    assert r.images == ("img/p.png",)


# --- links and images -----------------------------------------------------------------


def test_external_links_get_rel_internal_do_not() -> None:
    t = tree(render("[x](https://a.org) [y](http://b.org) [z](//c.org) [r](../r.html) [m](mailto:a@b.c)").html)
    rel = {a.text_content(): a.get("rel") for a in t.xpath("//a")}
    assert rel == {
        "x": "nofollow noopener noreferrer",
        "y": "nofollow noopener noreferrer",
        "z": "nofollow noopener noreferrer",
        "r": None,
        "m": None,
    }


@pytest.mark.parametrize(
    "body",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#115;cript:alert(1))",
        "[x]( javascript:alert(1) )",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](data:image/png;base64,iVBORw0KGgo=)",
        "[x](file:///etc/passwd)",
        "![x](javascript:alert(1))",
        "![x](data:image/png;base64,iVBORw0KGgo=)",
    ],
)
def test_unsafe_urls_do_not_become_links_or_images(body: str) -> None:
    t = tree(render(body).html)
    assert not t.xpath("//a") and not t.xpath("//img")


@pytest.mark.parametrize("src", ["https://evil.example/i.png", "http://evil.example/i.png", "//evil.example/i.png"])
def test_remote_images_become_links(src: str) -> None:
    r = render(f'![a *pic*]({src} "T")')
    t = tree(r.html)
    assert not t.xpath("//img")
    (a,) = t.xpath("//a")
    assert (a.get("href"), a.text_content(), a.get("title")) == (src, "a pic", "T")
    assert a.get("rel") == "nofollow noopener noreferrer"
    assert r.text == "a pic"  # the alt text is visible, so it is text
    assert r.images == ()


def test_remote_image_inside_a_link_is_just_its_alt_text() -> None:
    t = tree(render("[![badge](https://ci.example/b.svg)](https://ci.example)").html)
    assert not t.xpath("//img") and not t.xpath("//a//a")
    assert [a.text_content() for a in t.xpath("//a")] == ["badge"]


def test_local_images_render() -> None:
    r = render("![Poor old Iruda](images/iruda.jpg)")
    (img,) = tree(r.html).xpath("//img")
    assert (img.get("src"), img.get("alt")) == ("images/iruda.jpg", "Poor old Iruda")
    assert r.text == ""  # alt text of a shown image is not read as words


# --- hostile input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "text <b onmouseover=alert(1)>bold</b>",
        '[x](https://a.org "\\"><script>alert(1)</script>")',
        '[x](https://a.org "a\' onmouseover=\'alert(1)")',
        "```py\" onmouseover=\"alert(1)\nx\n```",
        '```"><script>alert(1)</script>\nx\n```',
        "<div>\n<script>alert(1)</script>\n</div>",
        "<!-- comment --><style>body{}</style>",
        "[^1]\n\n[^1]: <script>alert(1)</script>",
    ],
)
def test_hostile_input_is_escaped(body: str) -> None:
    r = render(body)  # render() asserts: no script/style, no on*=, no style=, well nested
    assert "<script" not in r.html and "<img src=x" not in r.html


def test_link_title_injection_stays_in_the_title() -> None:
    (a,) = tree(render('[x](https://a.org "\\"><script>alert(1)</script>")').html).xpath("//a")
    assert a.get("title") == '"><script>alert(1)</script>'
    assert set(a.keys()) == {"href", "title", "rel"}


def test_fence_info_string_cannot_add_attributes() -> None:
    r = render('```py" onmouseover="alert(1)\nx = 1\n```')
    (code,) = tree(r.html).xpath("//pre/code")
    assert set(code.keys()) <= {"class"}
    assert code.get("class") is None  # not a plain language name: no class at all


def test_hostile_annotation_notes_and_tags_are_escaped() -> None:
    r = render(
        "Some text here.",
        Annotation("text", note="<script>alert(1)</script> [x](javascript:alert(1))", tags=("<b>t</b>",)),
    )
    (aside,) = tree(r.html).xpath("//aside")
    assert "<script>" in aside.text_content()
    assert not aside.xpath(".//a[@href!='#ref-1']")
    assert aside.xpath('.//ul[@class="note-tags"]/li/text()') == ["<b>t</b>"]


# --- code ------------------------------------------------------------------------------


def test_fenced_code_is_highlighted_with_classes() -> None:
    r = render("```python\ndef f(x):\n    return x  # done\n```\n")
    (code,) = tree(r.html).xpath("//pre[@class='highlight']/code")
    assert code.get("class") == "language-python"
    assert code.xpath(".//span[@class='k']/text()") == ["def", "return"]
    assert not tree(r.html).xpath("//*[@style]")
    assert code.text_content() == "def f(x):\n    return x  # done\n"
    assert r.text == "def f(x):\n    return x  # done"


def test_unknown_language_and_indented_code_are_plain() -> None:
    r = render("```nosuchlang\n<b>x</b>\n```\n\n    indented <i>\n")
    codes = tree(r.html).xpath("//pre/code")
    assert [c.get("class") for c in codes] == ["language-nosuchlang", None]
    assert [c.text_content() for c in codes] == ["<b>x</b>\n", "indented <i>\n"]
    assert not tree(r.html).xpath("//pre//span")


def test_pygments_css_is_scoped_and_styles_differ() -> None:
    light, dark = pygments_css("default"), pygments_css("monokai")
    assert ".highlight .k {" in light and light != dark
    assert all(line.startswith(".highlight") for line in light.splitlines() if line)
    assert pygments_css("monokai", "[data-theme=dark] .highlight").startswith("[data-theme=dark] .highlight")


# --- annotations -----------------------------------------------------------------------


def test_unique_quote_is_highlighted_with_ref_and_note() -> None:
    r = render(
        "Critics ought to pay attention to a heartbreaking North Korean circumstance.\n\nNext.",
        Annotation("a heartbreaking North Korean circumstance", note="Spun: *South Korean*.", tags=("spin",)),
    )
    t = tree(r.html)
    (mark,) = t.xpath('//mark[@data-note="1"]')
    assert (mark.get("class"), mark.get("id"), mark.text_content()) == (
        "hl",
        "hl-1",
        "a heartbreaking North Korean circumstance",
    )
    (ref,) = t.xpath('//sup[@class="note-ref"]/a')
    assert (ref.get("href"), ref.get("id"), ref.get("aria-describedby"), ref.text) == (
        "#note-1",
        "ref-1",
        "note-1",
        "1",
    )
    assert ref.getparent().getprevious() is mark  # right after the last segment
    (aside,) = t.xpath("//aside")
    assert (aside.get("class"), aside.get("id"), aside.get("role")) == ("note", "note-1", "note")
    assert aside.getprevious().tag == "p" and aside.getnext().text_content() == "Next."
    assert aside.xpath('./a[@class="note-num"]/@href') == ["#ref-1"]
    assert aside.xpath('./div[@class="note-body"]/p/em/text()') == ["South Korean"]
    assert aside.xpath('./ul[@class="note-tags"]/li/text()') == ["spin"]
    (note,) = r.anchored
    assert (note.number, note.id, note.status) == (1, "hl-1", AnchorStatus.EXACT)
    assert "<em>South Korean</em>" in note.note_html
    assert r.unanchored == () and r.ambiguous == ()


def test_repeated_quote_with_prefix() -> None:
    r = render("The bot spoke. Then the bot spoke again.", Annotation("bot spoke", prefix="Then the"))
    (m,) = marks(r.html, 1)
    assert m.getparent().text == "The bot spoke. Then the "
    assert r.anchored[0].status is AnchorStatus.EXACT


def test_repeated_quote_with_suffix() -> None:
    r = render("The bot spoke. Then the bot spoke again.", Annotation("bot spoke", suffix="."))
    assert tree(r.html).xpath("//p")[0].text == "The "
    assert r.anchored[0].status is AnchorStatus.EXACT


def test_ambiguous_quote_is_anchored_to_first_and_reported() -> None:
    ann = Annotation("bot", note="which one?")
    r = render("The bot spoke. Then the bot spoke again.", ann)
    assert tree(r.html).xpath("//p")[0].text == "The "
    assert r.ambiguous == (ann,)
    assert r.anchored[0].status is AnchorStatus.AMBIGUOUS


def test_quote_spanning_link_and_emphasis_gives_segments() -> None:
    r = render("Go to a [big *link*](https://x.org) here and stop.", Annotation("a big link here"))
    t = tree(r.html)
    segs = t.xpath('//mark[@data-note="1"]')
    assert [s.text_content() for s in segs] == ["a ", "big ", "link", " here"]
    assert [s.get("id") for s in segs] == ["hl-1", None, None, None]
    assert [s.getparent().tag for s in segs] == ["p", "a", "em", "p"]
    assert t.xpath("//sup/preceding-sibling::*[1]")[0] is segs[-1]


def test_reference_of_a_quote_ending_inside_a_link_follows_the_link() -> None:
    r = render("Read [the full report](https://x.org) today.", Annotation("Read the full"))
    t = tree(r.html)
    (link,) = t.xpath('//a[@href="https://x.org"]')
    assert [m.text_content() for m in marks(r.html, 1)] == ["Read ", "the full"]
    assert link.getnext().tag == "sup" and link.getnext().get("class") == "note-ref"


def test_quote_across_whitespace_differences_and_line_breaks() -> None:
    r = render("One two\nthree   four.", Annotation("two  three\nfour"))
    assert marked_text(r.html, 1) == "two\nthree   four"
    assert len(marks(r.html, 1)) == 1  # a soft break stays inside one segment


def test_quote_across_two_paragraphs() -> None:
    r = render("First ends here.\n\nSecond starts there.", Annotation("here. Second"))
    t = tree(r.html)
    assert [m.text_content() for m in marks(r.html, 1)] == ["here.", "Second"]
    (aside,) = t.xpath("//aside")
    assert aside.getprevious().text_content().startswith("Second")


def test_missing_quote_is_unanchored_not_in_html() -> None:
    gone = Annotation("not in the text", note="lost *note*", line=12)
    r = render("Some text.", Annotation("Some"), gone)
    assert r.unanchored == (gone,)
    (u,) = r.unanchored_notes
    assert (u.annotation, u.number, u.note_html) == (gone, 2, "<p>lost <em>note</em></p>\n")
    assert [a.number for a in r.anchored] == [1]
    assert "note-2" not in r.html and "lost" not in r.html


def test_numbers_are_front_matter_positions() -> None:
    r = render("alpha beta gamma", Annotation("zzz"), Annotation("gamma"), Annotation("alpha"))
    assert [(a.number, a.annotation.quote) for a in r.anchored] == [(2, "gamma"), (3, "alpha")]
    asides = tree(r.html).xpath("//aside/@id")
    assert asides == ["note-3", "note-2"]  # in the order the highlights end


def test_overlapping_annotations_nest_validly() -> None:
    r = render(
        "one two three four five",
        Annotation("two three four", note="A"),
        Annotation("three four five", note="B"),
    )
    assert marked_text(r.html, 1) == "two three four"
    assert marked_text(r.html, 2) == "three four five"
    assert [m.get("id") for m in marks(r.html, 2)] == ["hl-2", None]
    t = tree(r.html)
    assert t.xpath('//mark[@data-note="1"]/mark[@data-note="2"]/text()') == ["three four"]
    assert t.xpath("//a/@id") == ["ref-1", "ref-2"]
    assert t.xpath("//aside/@id") == ["note-1", "note-2"]


def test_nested_annotation_inside_another() -> None:
    r = render("one two three four five", Annotation("three"), Annotation("two three four"))
    assert tree(r.html).xpath('//mark[@data-note="2"]/mark[@data-note="1"]/text()') == ["three"]
    # the inner reference sits outside every mark: the outer highlight reopens after it
    assert [m.text_content() for m in marks(r.html, 2)] == ["two three", " four"]
    assert tree(r.html).xpath("//p/sup/a/@id") == ["ref-1", "ref-2"]


def test_identical_ranges() -> None:
    r = render("one two three", Annotation("two", note="a"), Annotation("two", note="b"))
    assert marked_text(r.html, 1) == "two" and marked_text(r.html, 2) == "two"
    assert tree(r.html).xpath("//p/sup/a/@id") == ["ref-1", "ref-2"]


def test_quote_in_list_item_puts_note_after_the_list() -> None:
    r = render("Intro.\n\n- first item\n- second *item* here\n\nAfter.", Annotation("item here"))
    t = tree(r.html)
    assert [m.getparent().tag for m in marks(r.html, 1)] == ["em", "li"]
    (aside,) = t.xpath("//aside")
    assert aside.getprevious().tag == "ul"


def test_quote_in_table_cell_puts_note_after_the_table() -> None:
    r = render("| a | b |\n|---|---|\n| cell text | d |\n", Annotation("cell text"))
    (m,) = marks(r.html, 1)
    assert m.getparent().tag == "td"
    assert tree(r.html).xpath("//aside")[0].getprevious().tag == "table"


def test_quote_in_blockquote_and_heading() -> None:
    r = render("# A title\n\n> quoted words\n", Annotation("title"), Annotation("quoted"))
    asides = tree(r.html).xpath("//aside")
    assert [a.getprevious().tag for a in asides] == ["h1", "blockquote"]


def test_quote_in_footnote() -> None:
    r = render("Body.[^n]\n\n[^n]: The footnote words.\n", Annotation("footnote words"))
    t = tree(r.html)
    assert marks(r.html, 1)[0].xpath("ancestor::section")
    assert t.xpath("//aside")[0].getprevious().tag == "section"


def test_quote_in_code_block() -> None:
    r = render("```python\nx = compute(1)\n```\n", Annotation("compute(1)"))
    (code,) = tree(r.html).xpath("//pre/code")
    assert code.text_content() == "x = compute(1)1\n"  # the "1" is the note reference
    assert marks(r.html, 1)[0].text_content() == "compute(1)"
    assert tree(r.html).xpath("//aside")[0].getprevious().tag == "pre"


def test_quote_with_inline_code() -> None:
    r = render("Call `f(x)` now.", Annotation("Call f(x)"))
    assert [m.text_content() for m in marks(r.html, 1)] == ["Call f(x)"]
    assert tree(r.html).xpath('//mark[@data-note="1"]/code/text()') == ["f(x)"]


def test_quote_starting_inside_inline_code() -> None:
    r = render("Call `f(x)` now.", Annotation("x) now"))
    assert tree(r.html).xpath("//code/text()") == ["f(", "x)"]
    assert [m.text_content() for m in marks(r.html, 1)] == ["x) now"]


def test_flags_differ_from_notes() -> None:
    r = render(
        "alpha beta",
        Annotation("alpha", note="a note"),
        Annotation("beta", note="check this", tags=("flag",)),
    )
    t = tree(r.html)
    assert [m.get("class") for m in t.xpath("//mark")] == ["hl", "hl hl-flag"]
    assert [s.get("class") for s in t.xpath("//sup")] == ["note-ref", "note-ref note-ref-flag"]
    assert t.xpath("//sup/a/text()") == ["1", "!2"]
    assert [a.get("class") for a in t.xpath("//aside")] == ["note", "note note-flag"]
    assert t.xpath('//aside/a[@class="note-num"]/text()') == ["1", "!2"]


def test_note_without_tags_has_no_tag_list() -> None:
    r = render("alpha", Annotation("alpha", note="n"))
    assert not tree(r.html).xpath("//ul")


def test_render_note() -> None:
    assert render_note("*a* <b>") == "<p><em>a</em> &lt;b&gt;</p>\n"
    assert render_note("") == ""
    assert "id=" not in render_note("# Heading\n\ntext[^1]\n\n[^1]: x")


# --- results ---------------------------------------------------------------------------


def test_rendered_body_pickles() -> None:
    r = render("# T\n\nText [l](https://x.org).", Annotation("Text", tags=("a",)), Annotation("gone"))
    assert pickle.loads(pickle.dumps(r)) == r
    assert isinstance(RENDERER_VERSION, str) and RENDERER_VERSION


def test_rendered_body_is_frozen() -> None:
    r = render("x")
    with pytest.raises(AttributeError):
        r.html = "y"  # type: ignore[misc]


def test_news_article_fixture() -> None:
    body = (FIXTURES / "news_article.md").read_text(encoding="utf-8")
    spin = Annotation(
        "a heartbreaking North Korean circumstance",
        note="Spun text: the original reads *South Korean*.",
        prefix="attention to ",
        tags=("spin",),
    )
    r = render(body, spin, Annotation("Scatter Lab, had already created"), Annotation("Iruda"), Annotation("absent"))
    assert [(a.number, a.status) for a in r.anchored] == [
        (1, AnchorStatus.EXACT),
        (2, AnchorStatus.EXACT),
        (3, AnchorStatus.AMBIGUOUS),
    ]
    assert [m.text_content() for m in marks(r.html, 2)] == ["Scatter Lab", ", had already created"]
    assert r.unanchored == (Annotation("absent"),)
    assert [h.id for h in r.headings][:2] == ["making-a-discriminatory-cruel-bot", "a-design-of-online-harassment"]
    assert r.links == ("https://scatterlab.co.kr/",)
    assert r.images == ("images/iruda.jpg", "images/iruda.jpg")
    assert r.summary.startswith("The techniques of governing")
    assert 900 < r.word_count < 1000


# --- properties ------------------------------------------------------------------------

_PIECES = [
    "word", "more", "Iruda", "é", " ", " ", "  ", "\n", "\n\n", "*", "_", "**", "`", "[", "]", "(", ")",
    "![", "](", "https://x.org", "javascript:", "<", ">", "&", '"', "'", "#", "# ", "> ", "- ", "1. ",
    "|", "\n|---|---|\n", "```", "```py\n", "    ", "[^1]", "\n\n[^1]: ", "^[", "\\", "~", "<script>",
]
bodies = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies, st.data())
def test_property_any_body_any_annotations(body: str, data: st.DataObject) -> None:
    text = render_body(body).text
    quote = st.one_of(
        st.integers(0, len(text)).flatmap(
            lambda i: st.integers(i, len(text)).map(lambda j: text[i:j])
        ),
        st.sampled_from(_PIECES),
    )
    annotation = st.builds(
        Annotation,
        quote=quote,
        note=st.sampled_from(["", "a *note*", "<script>x</script>", "[l](javascript:x)", "- a\n- b"]),
        prefix=st.one_of(st.none(), st.sampled_from(_PIECES)),
        suffix=st.one_of(st.none(), st.sampled_from(_PIECES)),
        tags=st.sampled_from([(), ("flag",), ("spin", "x")]),
    )
    annotations = tuple(data.draw(st.lists(annotation, max_size=5)))

    r = render_body(body, annotations)
    checker = check_html(r.html)
    assert r.text == text
    norm_text = " ".join(r.text.split())
    for note in r.anchored:
        n = note.number
        assert {f"hl-{n}", f"ref-{n}", f"note-{n}"} <= set(checker.ids)
        # the quote as written, or (re-anchored: not in the text as quoted) the closest passage
        passage = note.annotation.quote if note.status is not AnchorStatus.FUZZY else r.text[note.start : note.end]
        assert " ".join(passage.split()) in norm_text
        # segments of several blocks touch without the blank line between them
        assert "".join(marked_text(r.html, n).split()) == "".join(passage.split())
    assert len(r.anchored) + len(r.unanchored) == len(annotations)
    pickle.dumps(r)


# --- golden output ---------------------------------------------------------------------

GOLDEN_ANNOTATIONS = (
    Annotation("North Korean circumstance, which the original report", note="Spun: *South Korean*.", tags=("spin",)),
    Annotation("the bot spoke", note="Which one?", prefix="then"),
    Annotation("bot sang", tags=("flag",), note="check the verb"),
    Annotation("report describes in some", note="overlaps the first"),
    Annotation("Iruda a chatbot", note="across cells"),
    Annotation("with inline code", note="code"),
    Annotation('bot.say("hello")', note="in a code block"),
    Annotation("the original article", note="in a footnote"),
    Annotation("not there at all", note="unanchored"),
)


def test_golden_features(request: pytest.FixtureRequest) -> None:
    """The whole contract on one page; if this changes on purpose, bump RENDERER_VERSION."""
    body = (FIXTURES / "features.md").read_text(encoding="utf-8")
    html = render(body, *GOLDEN_ANNOTATIONS).html
    golden = FIXTURES / "features.html"
    update = request.config.getoption("--update-golden", False) or os.environ.get("SITEGEN_UPDATE_GOLDEN")
    if update or not golden.exists():
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), (
        "rendered HTML changed: review the diff, bump sitegen.markdown.RENDERER_VERSION, "
        "then regenerate with `SITEGEN_UPDATE_GOLDEN=1 pytest tests/markdown` (or --update-golden)"
    )


# --- re-anchoring as the reader sees it -----------------------------------------------------


def test_a_quote_edited_inside_inline_markup_is_re_anchored_and_reported() -> None:
    body = "Critics should pay attention to a *heart-breaking* [North Korean](https://example.org) case.\n"
    ann = Annotation("a heartbreaking North Korean case", "spun", line=9)
    r = render_body(body, (ann,))
    assert marked_text(r.html, 1) == "a heart-breaking North Korean case"
    assert len(marks(r.html, 1)) >= 3  # text, emphasis, link: one segment inside each
    (note,) = r.anchored
    assert note.status is AnchorStatus.FUZZY and r.text[note.start : note.end] == "a heart-breaking North Korean case"
    (moved,) = r.reanchored
    assert moved.annotation == ann and moved.passage == "a heart-breaking North Korean case"
    assert r.unanchored == ()


def test_anchored_notes_carry_their_offsets_in_the_plain_text() -> None:
    r = render_body("One **two** three.\n\nFour five.\n", (Annotation("two three. Four"),))
    (note,) = r.anchored
    assert r.text[note.start : note.end] == "two three.\n\nFour"
    assert r.reanchored == ()


def test_a_deleted_passage_leaves_its_note_unanchored() -> None:
    r = render_body("Nothing of that sort is left here.\n", (Annotation("a heartbreaking North Korean case"),))
    assert r.anchored == () and r.reanchored == ()
    assert [a.quote for a in r.unanchored] == ["a heartbreaking North Korean case"]


def test_review_flags_left_by_the_split_stay_flags() -> None:
    r = render_body("Photo: Reuters\n\nThe text.\n", (Annotation("Photo: Reuters", "Caption?", tags=("flag", "review")),
                                                      Annotation("The text", "mine")))
    t = tree(r.html)
    assert t.xpath('//mark[@data-note="1"]/@class') == ["hl hl-flag"]
    assert t.xpath('//aside[@id="note-1"]/@class') == ["note note-flag"]
    assert t.xpath('//aside[@id="note-1"]//ul[@class="note-tags"]/li/text()') == ["flag", "review"]
    assert t.xpath('//mark[@data-note="2"]/@class') == ["hl"] and t.xpath('//aside[@id="note-2"]/@class') == ["note"]
