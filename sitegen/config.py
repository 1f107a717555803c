"""Site settings: `sitegen.toml`, typed and validated once at load.

Owns the `Config` value and its defaults. Unknown keys are warnings, wrong types
are errors naming the file and line. Must not read anything but the config file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any

from sitegen.errors import ConfigError, Problem, error, warning
from sitegen.model import LicenceKind

CONFIG_NAME = "sitegen.toml"
PROFILES = ("local", "public")


class Treatment(str, Enum):
    """What a public build does with an article of one licence kind."""

    FULL = "full"  # the whole text
    EXCERPT = "excerpt"  # title, the opening paragraph (at most `excerpt_words`), attribution, link to the original
    OMIT = "omit"  # not published at all


@dataclass(frozen=True, slots=True)
class LicencePolicy:
    """The public profile's treatment per licence kind (`[licences]` in sitegen.toml)."""

    cc: Treatment = Treatment.FULL
    permission: Treatment = Treatment.FULL
    all_rights_reserved: Treatment = Treatment.EXCERPT
    unknown: Treatment = Treatment.OMIT
    excerpt_words: int = 60
    """At most this many words of the opening paragraph in an excerpt."""

    def treatment(self, kind: LicenceKind) -> Treatment:
        return getattr(self, kind.value.replace("-", "_"))


@dataclass(frozen=True, slots=True)
class OriginLicence:
    """A publisher known to license its texts one way (`[origins."Name"]` in sitegen.toml): the
    attribution block of its articles then names and links that licence."""

    origin: str  # as the article's `licence.origin` (or `publisher`) names it
    licence: str  # e.g. "CC BY-ND 4.0"
    url: str | None = None  # the licence's deed
    home: str | None = None  # where the originals are published, linked from excerpts


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a build needs to know besides the content."""

    root: Path = Path(".")
    """The archive's root folder (where sitegen.toml lives)."""
    title: str = "Reading archive"
    """Site title, shown in every page header and in feeds."""
    description: str = "An annotated archive of articles worth keeping."
    """One sentence for the home page, feeds and meta tags."""
    base_url: str | None = None
    """Absolute URL where the site is published (https://...); enables canonical links and Open Graph."""
    language: str = "en"
    """Language of the pages (the html lang attribute)."""
    theme: str = "default"
    """Name of the theme in themes/<name>/ (the site's own) or the one shipped with sitegen."""
    content_dir: str = "content"
    """Folder holding raw/ and articles/."""
    output_dir: str = "public"
    """Folder the site is written to."""
    page_size: int = 20
    """Articles per page on index pages."""
    feed_size: int = 20
    """Entries per Atom feed."""
    search: bool = True
    """Build the client-side search index and show the search box."""
    search_snippet_chars: int = 160
    """Length of the text kept per article in the search index, for result snippets."""
    words_per_minute: int = 230
    """Reading speed used for the reading-time estimate."""
    strict: bool = False
    """Treat warnings as errors."""
    profile: str = "local"
    """`local` (everything, for reading offline) or `public` (licence policy, fingerprinted minified assets)."""
    licences: LicencePolicy = LicencePolicy()
    """What the public profile does with each licence kind."""
    origins: tuple[OriginLicence, ...] = ()
    """Licences known per origin (publisher), for attribution."""
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    """Problems found while loading the config that did not stop it."""

    @property
    def public(self) -> bool:
        """The public profile: the licence policy applies, assets are fingerprinted and minified."""
        return self.profile == "public"

    def origin(self, name: str | None) -> OriginLicence | None:
        """The licence known for origin `name` (case and spacing ignored), if any."""
        key = " ".join((name or "").casefold().split())
        return next((o for o in self.origins if " ".join(o.origin.casefold().split()) == key), None) if key else None

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def raw_path(self) -> Path:
        return self.content_path / "raw"

    @property
    def articles_path(self) -> Path:
        return self.content_path / "articles"

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    @property
    def cache_path(self) -> Path:
        return self.root / ".sitegen-cache"

    @property
    def site_templates_path(self) -> Path:
        return self.root / "templates"

    @property
    def site_static_path(self) -> Path:
        return self.root / "static"

    def with_overrides(self, **overrides: Any) -> "Config":
        """Command-line flags win over the file: only non-None values apply."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_TABLES = ("licences", "origins")
_SETTABLE = {f.name: f for f in fields(Config) if f.name not in ("root", "warnings", *_TABLES)}
_TYPES: dict[str, type] = {
    "title": str, "description": str, "base_url": str, "language": str, "theme": str,
    "content_dir": str, "output_dir": str, "page_size": int, "feed_size": int,
    "search": bool, "search_snippet_chars": int, "words_per_minute": int, "strict": bool, "profile": str,
}
_URL = re.compile(r"^https?://[^\s\"'<>]+$")
_POSITIVE = {"page_size", "feed_size", "search_snippet_chars", "words_per_minute"}
_SAFE_DIR = re.compile(r"^[A-Za-z0-9_.\-][A-Za-z0-9_.\-/]*$")


def _key_line(text: str, key: str, start: int = 0) -> int | None:
    match = re.compile(rf"^[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=", re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _table_start(text: str, *names: str) -> tuple[int, int | None]:
    """(offset, line) of the header `[a.b]` (or `[a."b"]`) in the TOML text; (0, None) if not found."""
    parts = r"\s*\.\s*".join(rf"(?:{re.escape(n)}|\"{re.escape(n)}\"|'{re.escape(n)}')" for n in names)
    match = re.search(rf"^[ \t]*\[[ \t]*{parts}[ \t]*\]", text, re.MULTILINE)
    return (match.start(), text.count("\n", 0, match.start()) + 1) if match else (0, None)


def _policy(data: object, text: str, name: str, problems: list[Problem]) -> LicencePolicy:
    """`[licences]`: a treatment per licence kind, and `excerpt_words`."""
    start, table_line = _table_start(text, "licences")
    if not isinstance(data, dict):
        problems.append(error(f"licences: expected a table, got {data!r}", name, _key_line(text, "licences")))
        return LicencePolicy()
    values: dict[str, Any] = {}
    allowed = ", ".join(t.value for t in Treatment)
    for key, value in data.items():
        line = _key_line(text, key, start) or table_line
        if key == "excerpt_words":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(error(f"licences.excerpt_words: expected a whole number of at least 1, got {value!r}",
                                      name, line))
            else:
                values[key] = value
        elif key in {k.value for k in LicenceKind}:
            try:
                values[key.replace("-", "_")] = Treatment(value)
            except (ValueError, TypeError):
                problems.append(error(f"licences.{key}: expected one of {allowed}, got {value!r}", name, line))
        else:
            kinds = ", ".join(k.value for k in LicenceKind)
            problems.append(warning(f"licences: unknown licence kind {key!r} (ignored; kinds: {kinds})", name, line))
    return LicencePolicy(**values)


def _origins(data: object, text: str, name: str, problems: list[Problem]) -> tuple[OriginLicence, ...]:
    """`[origins."Publisher"]` tables: licence (required), url and home (http(s) URLs)."""
    if not isinstance(data, dict):
        problems.append(error(f"origins: expected tables like [origins.\"Name\"], got {data!r}", name,
                              _key_line(text, "origins")))
        return ()
    found = []
    for origin, table in data.items():
        start, line = _table_start(text, "origins", origin)
        where = f"origins.{origin!r}"
        if not isinstance(table, dict):
            problems.append(error(f"{where}: expected a table with licence, url, home", name,
                                  line or _key_line(text, origin)))
            continue
        for key in set(table) - {"licence", "url", "home"}:
            problems.append(warning(f"{where}: unknown key {key!r} (ignored)", name, _key_line(text, key, start) or line))
        licence = table.get("licence")
        if not isinstance(licence, str) or not licence.strip():
            problems.append(error(f"{where}: licence: expected the licence's name, e.g. \"CC BY-ND 4.0\"", name,
                                  _key_line(text, "licence", start) or line))
            continue
        urls: dict[str, str | None] = {}
        for key in ("url", "home"):
            value = table.get(key)
            if value is not None and not (isinstance(value, str) and _URL.match(value)):
                problems.append(error(f"{where}: {key}: expected an http(s) URL, got {value!r}", name,
                                      _key_line(text, key, start) or line))
                value = None
            urls[key] = value
        found.append(OriginLicence(origin, licence.strip(), urls["url"], urls["home"]))
    return tuple(found)


def parse_config(text: str, root: Path, name: str = CONFIG_NAME) -> Config:
    """Parse the text of a sitegen.toml; raise ConfigError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        msg = str(exc).split(" (at line")[0]
        raise ConfigError(f"{name}: {msg}", (error(msg, name, line),)) from None
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = _key_line(text, key)
        if key == "licences":
            values[key] = _policy(value, text, name, problems)
            continue
        if key == "origins":
            values[key] = _origins(value, text, name, problems)
            continue
        if key not in _SETTABLE:
            problems.append(warning(f"unknown setting {key!r} (ignored)", name, line))
            continue
        expected = _TYPES[key]
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            problems.append(error(f"{key}: expected a whole number, got {value!r}", name, line))
        elif expected is not int and not isinstance(value, expected):
            problems.append(error(f"{key}: expected {expected.__name__}, got {value!r}", name, line))
        elif key in _POSITIVE and value < 1:
            problems.append(error(f"{key}: must be at least 1, got {value}", name, line))
        elif key in ("content_dir", "output_dir") and (not _SAFE_DIR.match(value) or ".." in value.split("/")):
            problems.append(error(f"{key}: must be a relative folder name, got {value!r}", name, line))
        elif key == "base_url" and not _URL.match(value):
            problems.append(error(f"base_url: expected an http(s) URL, got {value!r}", name, line))
        elif key == "profile" and value not in PROFILES:
            problems.append(error(f"profile: expected one of {', '.join(PROFILES)}, got {value!r}", name, line))
        else:
            values[key] = value.rstrip("/") + "/" if key == "base_url" else value
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ConfigError(f"{name}: {len(errors)} error(s)", tuple(errors))
    return Config(root=root, warnings=tuple(problems), **values)


def load_config(root: Path) -> Config:
    """Read `root/sitegen.toml` (defaults when there is none)."""
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(root=root)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return parse_config(text, root, str(path))
