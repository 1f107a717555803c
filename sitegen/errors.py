"""Errors and diagnostics: what went wrong, where (file:line), and with which exit code.

Owns the exception classes and the `Problem` record collected by every stage.
Must not print or exit: reporting belongs to `cli`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about the input, located as precisely as we know."""

    message: str
    file: str | None = None
    line: int | None = None
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        where = self.location()
        label = "" if self.severity is Severity.ERROR else "warning: "
        return f"{where}: {label}{self.message}" if where else f"{label}{self.message}"


def error(message: str, file: str | None = None, line: int | None = None) -> Problem:
    return Problem(message, file, line, Severity.ERROR)


def warning(message: str, file: str | None = None, line: int | None = None) -> Problem:
    return Problem(message, file, line, Severity.WARNING)


def excerpt(text: str, limit: int = 60) -> str:
    """`text` for a one-line message: whitespace collapsed, cut at `limit` characters, quoted."""
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class SitegenError(Exception):
    """Base class: a failure the user can act on. Never shown with a traceback."""

    exit_code = 1

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class ContentError(SitegenError):
    """The archive, a dump, a template or the config is wrong: exit 1."""

    exit_code = 1


class UsageError(SitegenError):
    """The command line is wrong: exit 2."""

    exit_code = 2


class ConfigError(ContentError):
    """sitegen.toml is wrong."""


class OutputError(SitegenError):
    """The output directory cannot be written (read-only, full, locked)."""

    exit_code = 1
