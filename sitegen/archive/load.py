"""Loading the archive: every `content/articles/*.md` read into `Article` values.

Owns finding article files, slugs from file names, and a stat cache so an
unchanged file is not read again in a long-running session (watch/serve). A file
without `added:` is taken to have been added on the day it was last modified, until
the split records the day it entered the archive.
Must not split dumps or render anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitegen.archive.entered import modified
from sitegen.errors import Problem, error
from sitegen.frontmatter import read_article
from sitegen.model import Article
from sitegen.slugs import slugify

ARTICLE_SUFFIX = ".md"


@dataclass(frozen=True, slots=True)
class Archive:
    """The articles of the archive, in file-name order, and what was wrong with the rest."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


@dataclass(slots=True)
class LoadCache:
    """Per-file results keyed by (mtime_ns, size, inode); reused while the file is unchanged."""

    entries: dict[str, tuple[tuple[int, int, int], Article | None, tuple[Problem, ...]]] = field(
        default_factory=dict
    )


def shown_path(path: Path, root: Path | None) -> str:
    """`path` as messages show it: relative to the archive's root when inside it."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def article_files(articles_dir: Path) -> list[Path]:
    """The article files, sorted; hidden and temporary files are not articles."""
    try:
        entries = list(os.scandir(articles_dir))
    except FileNotFoundError:
        return []
    chosen = [e for e in entries if e.name.endswith(ARTICLE_SUFFIX) and not e.name.startswith((".", "~")) and e.is_file()]
    chosen.sort(key=lambda e: e.name)  # one folder: sorting names sorts paths
    return [Path(e.path) for e in chosen]


def _read_one(path: Path, shown: str) -> tuple[Article | None, tuple[Problem, ...]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, (error(f"cannot read: {exc.strerror}", shown),)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, (error(f"not valid UTF-8 at byte {exc.start}", shown, line),)
    if not text.strip():
        return None, (error("empty article file", shown, 1),)
    article, problems = read_article(text, shown, slugify(path.stem))
    if article is not None and article.added is None:  # not split yet: the split records the real day
        article = replace(article, added=modified(path))
    return article, tuple(problems)


def load_archive(
    articles_dir: Path, *, root: Path | None = None, cache: LoadCache | None = None
) -> Archive:
    """Read every article file; collect all problems rather than stopping at the first."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    live: set[str] = set()
    folder = shown_path(articles_dir, root)  # every file is in this one folder
    folder = "" if folder == "." else folder.rstrip("/") + "/"
    for path in article_files(articles_dir):
        shown = folder + path.name
        live.add(shown)
        try:
            st = os.stat(path)
        except OSError:
            continue
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        hit = cache.entries.get(shown) if cache is not None else None
        if hit is not None and hit[0] == stamp:
            article, found = hit[1], hit[2]
        else:
            article, found = _read_one(path, shown)
            if cache is not None:
                cache.entries[shown] = (stamp, article, found)
        problems.extend(found)
        if article is None:
            continue
        if article.slug in seen:
            problems.append(
                error(f"same page name {article.slug!r} as {seen[article.slug]}: rename one file", shown, 1)
            )
            continue
        seen[article.slug] = shown
        articles.append(article)
    if cache is not None:
        for stale in set(cache.entries) - live:
            del cache.entries[stale]
    return Archive(tuple(articles), tuple(problems))


def find_errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
