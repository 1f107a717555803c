"""From a reader's selection on a page to a passage of the article's plain text.

Owns finding the passage a reader selected in a browser: the page sends the
selected text, a little of the text before and after it and how many
non-space characters come before it, all as the DOM shows them; this module
finds the one place in the body's plain text (see `sitegen.markdown.plaintext`)
that agrees best. Whitespace is ignored altogether when comparing, because the
DOM and the plain text put different whitespace at block boundaries (a DOM
selection across two paragraphs may have none at all). Must not know about
HTTP, HTML or files, nor decide the stored prefix/suffix (that is
`sitegen.annotate.anchor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from os.path import commonprefix

CONTEXT = 200  # characters of context compared on each side


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text without its whitespace, and where each remaining character was."""

    text: str
    at: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Squeezed:
        at = tuple(i for i, ch in enumerate(original) if not ch.isspace())
        return cls("".join(original[i] for i in at), at)


def squeeze(text: str) -> str:
    return "".join(text.split())


def find_selection(
    text: str | Squeezed, quote: str, before: str = "", after: str = "", position: int | None = None
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the selected passage, or None when it is not there.

    Among several occurrences, the one whose surroundings share the longest
    tail of `before` and head of `after` wins; then the one nearest `position`
    (non-space characters before the selection); then the first.
    """
    plain = text if isinstance(text, Squeezed) else Squeezed.of(text)
    needle = squeeze(quote)
    if not needle:
        return None
    pre = squeeze(before)[-CONTEXT:]
    post = squeeze(after)[:CONTEXT]
    best: tuple[int, int, int] | None = None
    best_at = -1
    at = plain.text.find(needle)
    while at != -1:
        end = at + len(needle)
        context = _common_tail(plain.text[max(0, at - len(pre)) : at], pre)
        context += _common_head(plain.text[end : end + len(post)], post)
        distance = abs(at - position) if position is not None else 0
        score = (context, -distance, -at)
        if best is None or score > best:
            best, best_at = score, at
        at = plain.text.find(needle, at + 1)
    if best is None:
        return None
    return plain.at[best_at], plain.at[best_at + len(needle) - 1] + 1


def _common_head(a: str, b: str) -> int:
    return len(commonprefix([a, b]))


def _common_tail(a: str, b: str) -> int:
    return len(commonprefix([a[::-1], b[::-1]]))
