"""Annotation highlights and notes woven into a parsed body: the HTML contract.

Owns how an anchored annotation appears in the body HTML. The theme's CSS and
JavaScript style exactly this markup; change it only together with the theme
(and bump `RENDERER_VERSION`). For annotation number N (its 1-based position in
the front matter list):

* every highlighted run of text is a segment
  `<mark class="hl" data-note="N">…</mark>`; the first segment of N in document
  order also has `id="hl-N"`. A quote spanning a link, emphasis, code or a
  block boundary gives several segments, each inside the element it belongs to.
  Overlapping annotations nest consistently: the one starting earlier (then the
  longer one) is outside, and marks are closed and reopened where needed, so the
  HTML is always well nested. A segment may therefore sit inside another
  annotation's segment.
* right after the last segment of N:
  `<sup class="note-ref"><a href="#note-N" id="ref-N" aria-describedby="note-N">N</a></sup>`,
  never inside a mark (an enclosing highlight is closed before it and reopened
  after it), so the text of N's segments is exactly the quoted passage; when
  the highlight ends inside a link, the reference follows the link's `</a>`.
  References of highlights ending at the same place come in number order.
* after the top-level block (paragraph, list, table, blockquote, heading, code
  block, footnote section) holding the end of the highlight:
  `<aside class="note" id="note-N" role="note"><a class="note-num" href="#ref-N">N</a> <div class="note-body">NOTE_HTML</div><ul class="note-tags"><li>TAG</li>…</ul></aside>`
  where NOTE_HTML is the note rendered as safe Markdown; the `<ul>` is left out
  when the annotation has no tags. Several notes after one block come in the
  order their highlights end.
* flags (annotations tagged `flag`): `class="hl hl-flag"` on segments,
  `class="note-ref note-ref-flag"` on the sup, `class="note note-flag"` on the
  aside, and the label is "!N" instead of "N" (in the sup and the note-num).

Highlights inside a code block are rendered into the code block unhighlighted
(no Pygments colours) so the marks can nest correctly.

Must not locate quotes (that is `sitegen.annotate`) nor render notes' Markdown
(the caller passes their HTML in).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from sitegen.markdown.plaintext import CODE_UNIT, Leaf, PlainText

_TEXTUAL = ("text", "code_inline", "softbreak", "hardbreak")


@dataclass(frozen=True, slots=True)
class Placement:
    """An anchored annotation, ready to weave: `text[start:end]` of the body's plain text."""

    number: int
    start: int
    end: int
    flag: bool = False
    note_html: str = ""
    tags: tuple[str, ...] = ()

    @property
    def nesting_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, self.number)


def label(number: int, flag: bool) -> str:
    """The visible label of note `number`: "3", or "!3" for a flag."""
    return f"!{number}" if flag else str(number)


def notes_plugin(md: MarkdownIt) -> None:
    """Register the renderers of the `note_ref` and `note_aside` tokens woven in here."""
    md.add_render_rule("note_ref", _render_note_ref)
    md.add_render_rule("note_aside", _render_note_aside)


def weave(
    md: MarkdownIt, tokens: list[Token], plain: PlainText, placements: Sequence[Placement]
) -> list[Token]:
    """The token stream with highlights, note references and asides for `placements`.

    `tokens` must be the stream `plain` was computed from; inline tokens get new
    children and code blocks a `meta["html"]` in place, and the returned list
    has the asides inserted.
    """
    if not placements:
        return tokens
    ordered = sorted(placements, key=lambda p: p.nesting_key)
    first_seen: set[int] = set()
    for leaf in plain.leaves:
        here = [p for p in ordered if p.start < leaf.end and p.end > leaf.start]
        if here:
            _weave_leaf(md, tokens[leaf.index], leaf, here, first_seen)
    return _insert_asides(tokens, plain.leaves, placements)


def _weave_leaf(
    md: MarkdownIt, token: Token, leaf: Leaf, here: list[Placement], first_seen: set[int]
) -> None:
    cuts = sorted({b for p in here for b in (p.start, p.end)})
    if token.type == "inline":
        units = {u.child: u for u in leaf.units}
        out: list[Token] = []
        stack: list[Placement] = []
        deferred: list[Token] = []  # references ending inside a link wait for its end
        in_link = 0
        for j, child in enumerate(token.children or ()):
            unit = units.get(j)
            if unit is None:
                if child.type in _TEXTUAL:  # an empty text token: nothing to show
                    continue
                _close_all(stack, out)
                out.append(child)
                if child.type == "link_open":
                    in_link += 1
                elif child.type == "link_close":
                    in_link -= 1
                    if not in_link:
                        out.extend(deferred)
                        deferred.clear()
            else:
                refs = deferred if in_link else out
                _weave_unit(child, unit.start, unit.end, cuts, here, stack, out, refs, first_seen)
        _close_all(stack, out)
        out.extend(deferred)
        token.children = out
    else:  # a code block: weave its content as text, render that inside <pre><code>
        unit = leaf.units[0]
        assert unit.child == CODE_UNIT
        text = token.content[: unit.end - unit.start]
        out = []
        stack = []
        content = Token("text", "", 0, content=text)
        _weave_unit(content, unit.start, unit.end, cuts, here, stack, out, out, first_seen)
        _close_all(stack, out)
        rest = escapeHtml(token.content[len(text) :])
        token.meta = {**token.meta, "html": md.renderer.renderInline(out, md.options, {}) + rest}


def _weave_unit(
    token: Token,
    start: int,
    end: int,
    cuts: list[int],
    here: list[Placement],
    stack: list[Placement],
    out: list[Token],
    refs: list[Token],
    first_seen: set[int],
) -> None:
    """Emit `token` (text at `start:end`) cut at annotation boundaries, each piece marked.

    Note references go to `refs`: `out`, or a holding list while inside a link
    (a link inside a link is not HTML).
    """
    lo = bisect_right(cuts, start)
    points = [start, *cuts[lo : bisect_right(cuts, end - 1)], end]
    for a, b in zip(points, points[1:]):
        if (a, b) == (start, end):
            piece = token
        else:
            piece = token.copy(content=token.content[a - start : b - start])
        want = [p for p in here if p.start < b and p.end > a]  # already in nesting order
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        _close_to(stack, keep, out)
        for p in want[keep:]:
            out.append(_mark_open(p, p.number not in first_seen))
            first_seen.add(p.number)
            stack.append(p)
        out.append(piece)
        ending = sorted(p.number for p in stack if p.end == b)
        if ending:  # references go outside every mark; open ones reopen at the next piece
            flags = {p.number: p.flag for p in stack}
            _close_all(stack, out)
            for n in ending:
                refs.append(Token("note_ref", "", 0, meta={"number": n, "flag": flags[n]}))


def _close_to(stack: list[Placement], keep: int, out: list[Token]) -> None:
    while len(stack) > keep:
        stack.pop()
        out.append(Token("mark_close", "mark", -1))


def _close_all(stack: list[Placement], out: list[Token]) -> None:
    _close_to(stack, 0, out)


def _mark_open(p: Placement, first: bool) -> Token:
    token = Token("mark_open", "mark", 1)
    token.attrSet("class", "hl hl-flag" if p.flag else "hl")
    token.attrSet("data-note", str(p.number))
    if first:
        token.attrSet("id", f"hl-{p.number}")
    return token


def _insert_asides(
    tokens: list[Token], leaves: Sequence[Leaf], placements: Sequence[Placement]
) -> list[Token]:
    starts = [leaf.start for leaf in leaves]
    after: dict[int, list[Placement]] = {}
    for p in placements:
        leaf = leaves[bisect_right(starts, p.end - 1) - 1]
        after.setdefault(leaf.block_end, []).append(p)
    out: list[Token] = []
    for i, token in enumerate(tokens):
        out.append(token)
        for p in sorted(after.get(i, ()), key=lambda p: (p.end, p.number)):
            out.append(Token("note_aside", "aside", 0, block=True, meta={"placement": p}))
    return out


def _render_note_ref(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    n, flag = meta["number"], meta["flag"]
    cls = "note-ref note-ref-flag" if flag else "note-ref"
    return (
        f'<sup class="{cls}"><a href="#note-{n}" id="ref-{n}" aria-describedby="note-{n}">'
        f"{label(n, flag)}</a></sup>"
    )


def _render_note_aside(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    p: Placement = tokens[idx].meta["placement"]
    n = p.number
    cls = "note note-flag" if p.flag else "note"
    tags = ""
    if p.tags:
        items = "".join(f"<li>{escapeHtml(tag)}</li>" for tag in p.tags)
        tags = f'<ul class="note-tags">{items}</ul>'
    return (
        f'<aside class="{cls}" id="note-{n}" role="note">'
        f'<a class="note-num" href="#ref-{n}">{label(n, p.flag)}</a> '
        f'<div class="note-body">{p.note_html}</div>{tags}</aside>\n'
    )
