"""Markdown sources with front matter in a dump (a static site's posts, joined by `cat` or `tail`).

A post's source opens with front matter between `---` lines (YAML) or `+++` lines (TOML) that
names its `title`, and often its `author` / `authors`, `date` and `license`; its Markdown text
follows, to the next post's front matter, a `==> path <==` file header, or the dump's end.
`SourcesReader` stands between a dump's lines and the rest of the split, as `feeds.FeedReader`
does: it passes every line on, a blank one in place of each line of a post, and keeps each post
as an `entries.Entry` (its headline the `title` field, on that field's line). A block between
delimiters is front matter only when it parses as a mapping with a title (PyYAML's C loader, the
standard library's TOML reader); a `---` rule in a text stays text. A post with front matter and
no text (a section's index page) is no item. Template lines in the text (`{{< figure … >}}`,
`{% include … %}`, `<!--more-->`, `{: .class}`) are markup. Memory is bounded by the longest post.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from sitegen.split.entries import Entry, Reader, held_back, people
from sitegen.split.entries import when as when_of
from sitegen.split.text import Block

__all__ = ["SourcesReader"]

_DELIMITERS = ("---", "+++")
_FRONT_MOST = 60  # front matter is no longer: a longer block between rules is text
_HEADER = re.compile(r"^==> .+ <==$")  # `tail -n +1 FILES` between files
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")
_MARKUP = re.compile(r"^\s*(?:\{\{[<%].*[>%]\}\}|\{%.*%\}|<!--.*-->|\{:.*\}|<!--|-->)\s*$")
_RIGHTS_KEYS = ("license", "licence", "copyright", "rights")
_AUTHOR_KEYS = ("author", "authors")
_MARKUP_REASON = "a post's front matter fields and template markup: its layout, tags, shortcodes and comments"

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(slots=True)
class _Post:
    front: list[tuple[int, str]]  # its front matter's lines, delimiters included
    fields: dict[str, object]
    text: list[tuple[int, str]] = field(default_factory=list)


class SourcesReader(Reader):
    """A dump's lines with its posts' sources taken out: iterating gives every line, a blank one
    in place of each line of a post; the posts are kept (`take`)."""

    def __iter__(self) -> Iterator[str]:
        post: _Post | None = None
        held: list[tuple[int, str]] = []  # a block opened by a delimiter, not yet known to be front matter
        for number, line in enumerate(self._lines, 1):
            bare = line.strip()
            if held and bare == held[0][1].strip():  # the block closes
                held.append((number, line))
                fields = _fields(held)
                if fields is not None:  # front matter: a post starts here, the one before ends
                    yield from self._end(post)
                    post = _Post(held, fields)
                else:
                    yield from held_back(post.text if post else None, held)
                held = []
                continue
            if held and (len(held) == 1 and not bare or _HEADER.match(bare) or bare in _DELIMITERS
                         or len(held) > _FRONT_MOST):
                yield from held_back(post.text if post else None, held)  # a rule in a text, not front matter: the line is read afresh
                held = []
            elif held:
                held.append((number, line))
                continue
            if bare in _DELIMITERS:
                held = [(number, line)]
                continue
            if post is not None and _HEADER.match(bare):
                yield from self._end(post)
                post = None
            if post is None:
                yield line
            else:
                post.text.append((number, line))
        if held:
            if post is None:
                yield from (text for _, text in held)
            else:
                post.text += held
        yield from self._end(post)

    def _end(self, post: _Post | None) -> Iterator[str]:
        """The post is complete: kept, and a blank line given for each of its lines."""
        if post is None:
            return
        self._ready.append(_entry(post))
        yield from ("" for _ in range(len(post.front) + len(post.text)))


def _fields(block: list[tuple[int, str]]) -> dict[str, object] | None:
    """The fields of a block between delimiters, when it is front matter with a title."""
    inner = "\n".join(text for _, text in block[1:-1])
    try:
        fields = yaml.load(inner, Loader=_Loader) if block[0][1].strip() == "---" else tomllib.loads(inner)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        return None
    if not isinstance(fields, dict) or not isinstance(fields.get("title"), str) or not fields["title"].strip():
        return None
    return fields


def _entry(post: _Post) -> Entry:
    keyed = {m.group(1).lower(): (n, text) for n, text in post.front[1:-1] if (m := _KEY.match(text))}
    title_line = keyed.get("title", post.front[0])[0]
    creators = []
    for key in _AUTHOR_KEYS:
        value = post.fields.get(key)
        names = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        line = keyed.get(key, post.front[0])[0]
        creators += [Block(line, name) for v in names if isinstance(v, str) for name in people(v.strip())]
    rights = [Block(keyed[k][0], f"Licence: {post.fields[k]}") for k in _RIGHTS_KEYS
              if k in keyed and isinstance(post.fields.get(k), str)]
    when = when_of(post.fields.get("date"))
    text = [Block(n, t.strip()) for n, t in post.text if t.strip() and not _MARKUP.match(t)]
    return Entry(
        start=post.front[0][0], end=(post.text or post.front)[-1][0],
        title=Block(title_line, " ".join(str(post.fields["title"]).split())),
        creators=tuple(creators), date=(keyed["date"][0], when) if when and "date" in keyed else None,
        summary=(), content=tuple(text), rights=tuple(rights),
        lines=tuple(Block(n, t) for n, t in (*post.front, *post.text) if t.strip()),
        markup=_MARKUP_REASON,
    )
