"""Site settings: `sitegen.toml`, typed and validated once at load.

Owns the `Config` value and its defaults. Unknown keys are warnings, wrong types
are errors naming the file and line. Must not read anything but the config file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sitegen.errors import ConfigError, Problem, error, warning

CONFIG_NAME = "sitegen.toml"


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
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    """Problems found while loading the config that did not stop it."""

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


_SETTABLE = {f.name: f for f in fields(Config) if f.name not in ("root", "warnings")}
_TYPES: dict[str, type] = {
    "title": str, "description": str, "base_url": str, "language": str, "theme": str,
    "content_dir": str, "output_dir": str, "page_size": int, "feed_size": int,
    "search": bool, "search_snippet_chars": int, "words_per_minute": int, "strict": bool,
}
_POSITIVE = {"page_size", "feed_size", "search_snippet_chars", "words_per_minute"}
_SAFE_DIR = re.compile(r"^[A-Za-z0-9_.\-][A-Za-z0-9_.\-/]*$")


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


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
        elif key == "base_url" and not re.match(r"^https?://[^\s\"'<>]+$", value):
            problems.append(error(f"base_url: expected an http(s) URL, got {value!r}", name, line))
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
