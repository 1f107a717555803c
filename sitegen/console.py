"""Terminal output: problems as `file:line: message`, one-line summaries, progress.

Owns every print of the program (through rich when on a terminal, plain text
otherwise). Must not decide exit codes: that is `cli`'s.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console as RichConsole
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from sitegen.errors import Problem


class Console:
    """Where the user reads what happened. `quiet` keeps only warnings and errors."""

    def __init__(self, *, quiet: bool = False) -> None:
        self.quiet = quiet
        self.out = RichConsole(file=sys.stdout, highlight=False, soft_wrap=True)
        self.err = RichConsole(file=sys.stderr, highlight=False, soft_wrap=True)

    def info(self, text: str) -> None:
        if not self.quiet:
            self.out.print(escape(text))

    def line(self, text: str) -> None:
        """A line of the command's own output (always shown)."""
        self.out.print(escape(text))

    def problems(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            style = "red" if problem.severity == "error" else "yellow"
            self.err.print(f"[{style}]{escape(str(problem))}[/{style}]")

    def failure(self, message: str) -> None:
        self.err.print(f"[red]error:[/red] {escape(message)}")

    @contextmanager
    def status(self, text: str) -> Iterator[None]:
        """A spinner while long work runs, only on an interactive terminal."""
        if self.quiet or not self.err.is_terminal:
            yield
            return
        with self.err.status(escape(text)):
            yield


    @contextmanager
    def progress(self, text: str) -> Iterator[Callable[[str, int, int], None]]:
        """A progress bar on an interactive terminal; yields `update(stage, done, total)` (total 0:
        a stage whose length is not known). Elsewhere `update` does nothing."""
        if self.quiet or not self.err.is_terminal:
            yield lambda stage, done, total: None
            return
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns, console=self.err, transient=True) as bar:
            task = bar.add_task(escape(text), total=None)

            def update(stage: str, done: int, total: int) -> None:
                bar.update(task, description=escape(f"{text}: {stage}"), completed=done, total=total or None)

            yield update


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"
