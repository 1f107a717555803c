"""Rendering an article body: Markdown plus annotations in, HTML and its by-products out.

Owns `render_body`, the one entry point of the Markdown stage, and its result
`RenderedBody`: the HTML with highlights and notes (see `sitegen.markdown.marks`
for that markup), the plain text, the notes that could and could not be
anchored, headings, links, word count and summary — everything later stages
need, so none of them re-parses HTML. Everything in a result is immutable and
picklable (bodies are rendered in worker processes and cached on disk; bump
`RENDERER_VERSION` when output changes).

Pure: no file access, no knowledge of URLs of the site or of templates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TypeVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitegen.annotate.anchor import AnchorStatus, locate_all
from sitegen.markdown.headings import inline_text
from sitegen.markdown.marks import Placement, weave
from sitegen.markdown.parser import body_parser, note_parser
from sitegen.markdown.plaintext import plain_text
from sitegen.model import Annotation

T = TypeVar("T")


def _pickled_as_calls(cls: type[T]) -> type[T]:
    """Pickle `cls` as a call of its constructor: a page reads its body back from the build cache file,
    and a body then decodes in about half the time the dataclasses' generic __setstate__ takes."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    cls.__reduce__ = lambda self: (cls, tuple([getattr(self, name) for name in names]))  # type: ignore[method-assign, assignment]
    return cls


@_pickled_as_calls
@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1..6
    text: str  # plain text, whitespace collapsed
    id: str  # unique in the body, e.g. "what-happened"


@_pickled_as_calls
@dataclass(frozen=True, slots=True)
class AnchoredNote:
    """An annotation shown in `html`: highlight `id`, note `note-N`, reference `ref-N`."""

    annotation: Annotation
    number: int  # 1-based position in the front matter list
    id: str  # id of its first highlight segment: "hl-N"
    status: AnchorStatus  # EXACT, AMBIGUOUS (anchored to the first candidate) or FUZZY (re-anchored)
    note_html: str
    start: int = 0  # the highlighted passage is text[start:end] of the RenderedBody
    end: int = 0


@_pickled_as_calls
@dataclass(frozen=True, slots=True)
class UnanchoredNote:
    """An annotation whose quote is not in the body: not in `html`, listed by the template."""

    annotation: Annotation
    number: int
    note_html: str


@_pickled_as_calls
@dataclass(frozen=True, slots=True)
class Reanchored:
    """An annotation whose quote is no longer in the text as written, placed at the closest passage."""

    annotation: Annotation
    passage: str  # the text it now marks, whitespace collapsed
    similarity: float  # of the quote and the passage, 0..1


@_pickled_as_calls
@dataclass(frozen=True, slots=True)
class RenderedBody:
    html: str  # the body with highlights, note references and notes
    text: str  # plain text, leaf blocks separated by "\n\n" (see plaintext.py)
    anchored: tuple[AnchoredNote, ...] = ()  # in front matter order
    unanchored: tuple[Annotation, ...] = ()  # quote not found
    unanchored_notes: tuple[UnanchoredNote, ...] = ()  # the same, numbered and rendered
    ambiguous: tuple[Annotation, ...] = ()  # found several times, prefix/suffix did not decide
    reanchored: tuple[Reanchored, ...] = ()  # placed at the closest passage: their quotes need updating
    headings: tuple[Heading, ...] = ()
    links: tuple[str, ...] = ()  # every distinct href in the body and its notes, in order
    images: tuple[str, ...] = ()  # src of every (local) image in the body, in order
    word_count: int = 0
    summary: str = ""  # plain text of the first paragraph, whitespace collapsed


def render_body(body: str, annotations: tuple[Annotation, ...] = ()) -> RenderedBody:
    """Render `body` (Markdown) with `annotations` highlighted and their notes beside them."""
    md = body_parser()
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    plain = plain_text(tokens)
    links, images = _links(tokens)
    headings = _headings(tokens)

    anchored: list[AnchoredNote] = []
    missing: list[UnanchoredNote] = []
    placements: list[Placement] = []
    reanchored: list[Reanchored] = []
    anchors = locate_all(plain.text, annotations) if annotations else ()  # most articles have no notes
    for number, (ann, anchor) in enumerate(zip(annotations, anchors), 1):
        note_html, note_links = _render_fragment(note_parser(), ann.note)
        links.extend(note_links)
        if anchor.start is None or anchor.end is None:
            missing.append(UnanchoredNote(ann, number, note_html))
            continue
        anchored.append(
            AnchoredNote(ann, number, f"hl-{number}", anchor.status, note_html, anchor.start, anchor.end)
        )
        if anchor.status is AnchorStatus.FUZZY:
            passage = " ".join(plain.text[anchor.start : anchor.end].split())
            reanchored.append(Reanchored(ann, passage, anchor.similarity))
        placements.append(
            Placement(number, anchor.start, anchor.end, ann.is_flag, note_html, ann.tags)
        )

    tokens = weave(md, tokens, plain, placements)
    html = md.renderer.render(tokens, md.options, env)
    return RenderedBody(
        html=html,
        text=plain.text,
        anchored=tuple(anchored),
        unanchored=tuple(m.annotation for m in missing),
        unanchored_notes=tuple(missing),
        ambiguous=tuple(a.annotation for a in anchored if a.status is AnchorStatus.AMBIGUOUS),
        reanchored=tuple(reanchored),
        headings=headings,
        links=tuple(dict.fromkeys(links)),
        images=tuple(images),
        word_count=len(plain.text.split()),
        summary=_summary(tokens),
    )


def render_note(markdown: str) -> str:
    """Short Markdown (a note, a statement) as safe HTML: no raw HTML, no footnotes."""
    return _render_fragment(note_parser(), markdown)[0]


def _render_fragment(md: MarkdownIt, markdown: str) -> tuple[str, list[str]]:
    if not markdown.strip():
        return "", []
    env: dict[str, object] = {}
    tokens = md.parse(markdown, env)
    return md.renderer.render(tokens, md.options, env), _links(tokens)[0]


def _links(tokens: list[Token]) -> tuple[list[str], list[str]]:
    links: list[str] = []
    images: list[str] = []
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "link_open":
                links.append(str(child.attrGet("href") or ""))
            elif child.type == "image":
                images.append(str(child.attrGet("src") or ""))
    return links, images


def _headings(tokens: list[Token]) -> tuple[Heading, ...]:
    return tuple(
        Heading(int(tok.tag[1:]), inline_text(tokens[i + 1].children or ()), str(tok.attrGet("id")))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    )


def _summary(tokens: list[Token]) -> str:
    """The first top-level paragraph with text; failing that, the first paragraph anywhere."""
    fallback = ""
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "paragraph_open" and i + 1 < len(tokens):
            text = inline_text(tokens[i + 1].children or ())
            if text and depth == 0:
                return text
            fallback = fallback or text
        depth += tok.nesting
    return fallback
