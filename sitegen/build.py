"""The build, stage by stage: split new dumps, load, apply the licence policy, render bodies, make the site, render, write.

`Builder.build()` is the whole pipeline in one visible function. A Builder kept
alive (watch/serve) remembers what it did, so the next build reads only changed
files, renders only changed bodies and pages, and writes only changed bytes.
Must not print or watch: callers report the `BuildResult`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sitegen.archive.load import LoadCache, load_archive
from sitegen.archive.store import SplitReport, split_files
from sitegen.bodies import BodyCache, render_bodies
from sitegen.config import Config
from sitegen.errors import ContentError, OutputError, Problem, warning
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.output import BuildLock, OutputWriter, WriteReport
from sitegen.policy import apply_policy
from sitegen.render import render_site
from sitegen.render.theme import Theme, load_theme, theme_stamp
from sitegen.site import make_site


@dataclass(frozen=True, slots=True)
class BuildResult:
    articles: int
    files: int
    pages: int
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    rendered: int
    reused: int
    seconds: float
    warnings: tuple[Problem, ...] = ()
    split: SplitReport | None = None
    omitted: int = 0  # articles the licence policy left out (public profile)
    excerpts: int = 0  # articles it published as excerpts


def raw_dumps(cfg: Config) -> list[Path]:
    try:
        return sorted(p for p in cfg.raw_path.iterdir() if p.is_file() and not p.name.startswith("."))
    except FileNotFoundError:
        return []


def annotation_warnings(articles: tuple[Article, ...], bodies: dict[str, RenderedBody]) -> list[Problem]:
    """Every annotation whose quote could not be placed, or could be placed twice."""
    found: list[Problem] = []
    for article in articles:
        body = bodies[article.slug]
        for ann in body.unanchored:
            found.append(warning(f"annotation quote not found in the text: {_short(ann.quote)}", article.path, ann.line))
        for ann in body.ambiguous:
            found.append(
                warning(
                    f"annotation quote occurs more than once, add a prefix or suffix: {_short(ann.quote)}",
                    article.path,
                    ann.line,
                )
            )
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _output_is_safe(cfg: Config) -> None:
    out = cfg.output_path.resolve()
    root = cfg.root.resolve()
    if out == root or root.is_relative_to(out) or cfg.content_path.resolve().is_relative_to(out):
        raise OutputError(f"output_dir {cfg.output_dir!r} would replace the archive itself; choose a folder like 'public'")


class Builder:
    """Builds one archive; keep it to make later builds incremental."""

    def __init__(self, cfg: Config, *, in_place: bool = False, split: bool = True) -> None:
        self.cfg = cfg
        self.in_place = in_place
        self.split = split
        self.load_cache = LoadCache()
        self.body_cache = BodyCache(cfg.cache_path / "bodies")
        self.writer = OutputWriter(cfg.output_path, cfg.cache_path)
        self.previous = None
        self.theme: tuple[tuple, Theme] | None = None
        self.raw_stamp: tuple | None = None

    def build(self) -> BuildResult:
        """Run the pipeline; raise ContentError (with every problem) and leave the output as it was."""
        cfg = self.cfg
        started = time.perf_counter()
        _output_is_safe(cfg)
        with BuildLock(cfg.cache_path):
            report = self._split()
            archive = load_archive(cfg.articles_path, root=cfg.root, cache=self.load_cache)
            found = [*cfg.warnings, *(report.problems if report else ()), *archive.problems]
            problems = list(dict.fromkeys(found))  # split reads the article files too: each problem once
            self._stop_on_errors(problems)
            theme = self._theme()
            published = apply_policy(archive.articles, cfg)
            bodies = render_bodies(published.articles, self.body_cache)
            problems += annotation_warnings(published.articles, bodies)
            if cfg.strict and problems:
                raise ContentError("warnings are errors with --strict", tuple(problems))
            site = make_site(published.articles, bodies, cfg, published.excerpts)
            rendered = render_site(site, theme, self.previous)
            written = self._write(rendered.files)
            self.previous = rendered
        pages = sum(1 for path in rendered.files if path.endswith(".html"))
        return BuildResult(
            articles=len(archive.articles),
            files=len(rendered.files),
            pages=pages,
            written=written.written,
            deleted=written.deleted,
            rendered=rendered.rendered,
            reused=rendered.reused,
            seconds=time.perf_counter() - started,
            warnings=tuple(problems),
            split=report,
            omitted=published.omitted,
            excerpts=len(published.excerpts),
        )

    def _split(self) -> SplitReport | None:
        """Split the raw dumps, unless none changed since this Builder last split them."""
        if not self.split:
            return None
        dumps = raw_dumps(self.cfg)
        stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in dumps)
        if stamp == self.raw_stamp and self.cfg.articles_path.is_dir():
            return None
        report = split_files(dumps, self.cfg.articles_path, root=self.cfg.root)
        if not any(p.severity == "error" for p in report.problems):
            self.raw_stamp = stamp
        return report

    def _theme(self) -> Theme:
        """The theme, loaded again only when one of its files changed."""
        stamp = theme_stamp(self.cfg)
        if self.theme is None or self.theme[0] != stamp:
            self.theme = (stamp, load_theme(self.cfg))
        return self.theme[1]

    def _stop_on_errors(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ContentError(f"{len(errors)} error(s) in the archive; the site was not changed", tuple(problems))

    def _write(self, files: dict[str, bytes]) -> WriteReport:
        if self.in_place and self.previous is not None:
            return self.writer.write_in_place(files)
        return self.writer.write_swap(files)
