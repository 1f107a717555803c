"""The response headers of netlify.toml, applied by `sitegen serve --profile public`.

Owns reading the `[[headers]]` rules of the archive's netlify.toml (or, without one,
of the file `sitegen new` writes) and matching them as Netlify does: `*` at the end
of a rule matches the rest of the path, `:name` one path segment, anything else
itself; every matching rule applies. So the preview shows the Content-Security-Policy
and cache headers a deploy will have. Must not serve or build.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import ConfigError, error
from sitegen.scaffold import NETLIFY

NETLIFY_NAME = "netlify.toml"


@dataclass(frozen=True, slots=True)
class HeaderRule:
    pattern: str  # e.g. "/assets/*"
    values: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return rule_matches(self.pattern, path)


def rule_matches(pattern: str, path: str) -> bool:
    """Netlify's path matching: '/' only '/', '/*' everything, '/a/*' all under /a/, '/:x' one segment."""
    rule = [p for p in pattern.split("/") if p]
    parts = [p for p in path.split("?")[0].split("/") if p]
    for index, segment in enumerate(rule):
        if segment == "*":
            return True
        if index >= len(parts):
            return False
        if not (segment.startswith(":") or segment == parts[index]):
            return False
    return len(rule) == len(parts)


def parse_rules(text: str, name: str = NETLIFY_NAME) -> tuple[HeaderRule, ...]:
    """The `[[headers]]` rules of a netlify.toml; ConfigError (file:line) when it is not valid."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = error(f"not valid TOML: {exc}", name)
        raise ConfigError(str(problem), (problem,)) from None
    rules = []
    for entry in data.get("headers", []):
        pattern, values = entry.get("for") if isinstance(entry, dict) else None, entry.get("values", {})
        if not isinstance(pattern, str) or not isinstance(values, dict):
            problem = error("[[headers]]: each rule needs `for` (a path) and `values` (a table)", name)
            raise ConfigError(str(problem), (problem,))
        rules.append(HeaderRule(pattern, tuple((str(k), " ".join(str(v).split())) for k, v in values.items())))
    return tuple(rules)


def load_rules(root: Path) -> tuple[HeaderRule, ...]:
    """The rules of `root/netlify.toml`, or of the one `sitegen new` writes when there is none."""
    path = root / NETLIFY_NAME
    try:
        return parse_rules(path.read_text(encoding="utf-8"), str(path))
    except FileNotFoundError:
        return parse_rules(NETLIFY, NETLIFY_NAME)


def headers_for(rules: tuple[HeaderRule, ...], path: str) -> Mapping[str, str]:
    """Every header the rules give URL path `path` (a later rule's value wins for the same name)."""
    found: dict[str, str] = {}
    for rule in rules:
        if rule.matches(path):
            found.update(rule.values)
    return found
