"""The content model: immutable values describing articles, licences, provenance and annotations.

Every stage passes these around; nothing here reads files, renders or knows about URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from enum import Enum


class LicenceKind(str, Enum):
    CC = "cc"
    PERMISSION = "permission"
    ALL_RIGHTS_RESERVED = "all-rights-reserved"
    UNKNOWN = "unknown"


class ArticleKind(str, Enum):
    ARTICLE = "article"
    FRAGMENT = "fragment"


@dataclass(frozen=True, slots=True)
class Licence:
    kind: LicenceKind = LicenceKind.UNKNOWN
    statement: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where this text was found: a dump and the 1-based inclusive line range in it."""

    file: str
    lines: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A stand-off note anchored by quoting the text it marks (a W3C TextQuoteSelector)."""

    quote: str
    note: str = ""
    prefix: str | None = None
    suffix: str | None = None
    tags: tuple[str, ...] = ()
    line: int | None = None  # line of the entry in the article file, for messages

    @property
    def is_flag(self) -> bool:
        """Flags are notes the split step left for the editor."""
        return "flag" in self.tags


@dataclass(frozen=True, slots=True)
class Article:
    """One article file: front matter and Markdown body."""

    slug: str
    path: str  # as given to the user in messages, e.g. content/articles/x.md
    title: str
    body: str
    body_line: int = 1  # line in the file where the body starts
    authors: tuple[str, ...] = ()
    byline: str | None = None
    translators: tuple[str, ...] = ()
    publisher: str | None = None
    date: Date | None = None
    added: Date | None = None  # when the article entered the archive (the split records it)
    tags: tuple[str, ...] = ()
    licence: Licence = field(default_factory=Licence)
    kind: ArticleKind = ArticleKind.ARTICLE
    source: tuple[Source, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    @property
    def day(self) -> Date | None:
        """The date lists sort by and feeds show: the article's own date, else the day it was added."""
        return self.date or self.added
