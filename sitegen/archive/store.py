"""Dumps into the archive: new articles become files, known ones only gain a source.

Owns `split_files`, the I/O edge of the split step: read and decode each dump,
split it, and merge the result into `content/articles/` without ever
overwriting an editor's work. An article already in the archive (found by a
near-duplicate sketch of its text, so a retitled or lightly edited file still
matches) is skipped, or gains a `source` entry when seen in another dump. Every
write is atomic. A small index (`content/.split-index.json`) remembers sketches
and sources; the article files stay the truth and the index is rebuilt from them
when it is missing or stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.atomic import write_atomic
from sitegen.errors import Problem, error
from sitegen.frontmatter import add_source, dump_article, read_article
from sitegen.model import Article, Source
from sitegen.slugs import slugify, unique_slug
from sitegen.split import SplitArticle, decode_lines, iter_articles
from sitegen.split.fingerprint import SAME_ARTICLE, SAME_TITLE, similarity, sketch

INDEX_NAME = ".split-index.json"
INDEX_VERSION = 1
COMMON = 32  # a sketch value held by more articles than this is boilerplate


@dataclass(frozen=True, slots=True)
class Outcome:
    action: str  # "created" | "updated" | "skipped"
    path: Path
    title: str
    source: Source

    def __str__(self) -> str:
        a, b = self.source.lines
        return f"{self.action:<8} {self.path.as_posix()}  ({self.source.file}:{a}-{b})"


@dataclass(frozen=True, slots=True)
class SplitReport:
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]


@dataclass(slots=True)
class _Entry:
    sketch: tuple[int, ...]
    sources: list[tuple[str, int, int]]
    title: str = ""
    deleted: bool = False


@dataclass(slots=True)
class _Index:
    """slug → sketch and sources, with an inverted map from sketch values to slugs."""

    entries: dict[str, _Entry] = field(default_factory=dict)
    postings: dict[int, set[str]] = field(default_factory=dict)

    def add(self, slug: str, entry: _Entry) -> None:
        self.entries[slug] = entry
        for value in entry.sketch:
            self.postings.setdefault(value, set()).add(slug)

    def find(self, probe: tuple[int, ...], title: str) -> str | None:
        """The article with (nearly) this text: similar enough, or as similar as a
        lightly edited copy and under the same title."""
        votes: dict[str, int] = {}
        for value in probe:
            holders = self.postings.get(value, ())
            if len(holders) > COMMON:  # boilerplate shared by many articles says nothing
                continue
            for slug in holders:
                votes[slug] = votes.get(slug, 0) + 1
        best, best_score = None, 0.0
        for slug, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
            entry = self.entries[slug]
            score = similarity(probe, entry.sketch)
            needed = SAME_TITLE if _norm(entry.title) == _norm(title) else SAME_ARTICLE
            if score >= needed and score > best_score:
                best, best_score = slug, score
        return best


def _norm(title: str) -> str:
    return " ".join(title.casefold().split())


def _load_index(articles_dir: Path, problems: list[Problem]) -> _Index:
    index = _Index()
    path = articles_dir.parent / INDEX_NAME
    files = {p.stem: p for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != INDEX_VERSION:
            raise ValueError("old index")
        for slug, raw in data["articles"].items():
            entry = _Entry(tuple(raw["sketch"]), [tuple(s) for s in raw["sources"]], raw.get("title", ""), slug not in files)
            index.add(slug, entry)
    except (OSError, ValueError, KeyError, TypeError):
        index = _Index()
    for slug, file in files.items():  # files the index does not know (new, or index lost)
        if slug in index.entries and not index.entries[slug].deleted:
            continue
        try:
            article, found = read_article(file.read_text(encoding="utf-8"), file.as_posix(), slug)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(f"cannot read: {exc}", file.as_posix()))
            continue
        if article is None:
            problems.extend(p for p in found if p.severity == "error")
            continue
        index.add(slug, _Entry(sketch(article.body), [(s.file, *s.lines) for s in article.source], article.title))
    return index


def _save_index(articles_dir: Path, index: _Index) -> None:
    data = {
        "version": INDEX_VERSION,
        "articles": {
            slug: {"title": e.title, "sketch": list(e.sketch), "sources": [list(s) for s in e.sources]}
            for slug, e in sorted(index.entries.items())
        },
    }
    write_atomic(articles_dir.parent / INDEX_NAME, json.dumps(data, separators=(",", ":")) + "\n", fsync=False)


def _as_article(found: SplitArticle, slug: str, path: Path) -> Article:
    return Article(
        slug=slug, path=path.as_posix(), title=found.title, body=found.body, authors=found.authors,
        byline=found.byline, translators=found.translators, publisher=found.publisher,
        licence=found.licence, kind=found.kind, source=(found.source,), annotations=found.annotations,
    )


def split_files(raw_paths: list[Path], articles_dir: Path) -> SplitReport:
    """Split each dump into the archive; report one outcome per article found."""
    problems: list[Problem] = []
    outcomes: list[Outcome] = []
    index = _load_index(articles_dir, problems)
    if any(p.severity == "error" for p in problems):
        return SplitReport((), tuple(problems))
    changed = False
    taken = set(index.entries) | ({p.stem for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else set())
    for raw in raw_paths:
        name = raw.name
        try:
            handle = raw.open("rb")
        except OSError as exc:
            problems.append(error(f"cannot read: {exc.strerror}", raw.as_posix()))
            continue
        with handle:
            changed = _merge(iter_articles(decode_lines(handle, raw.as_posix(), problems), name, []),
                             name, articles_dir, index, taken, outcomes, problems) or changed
    if changed or not (articles_dir.parent / INDEX_NAME).exists():
        try:
            _save_index(articles_dir, index)
        except OSError:
            pass
    return SplitReport(tuple(outcomes), tuple(problems))


def _merge(
    articles: Iterable[SplitArticle], name: str, articles_dir: Path, index: _Index, taken: set[str],
    outcomes: list[Outcome], problems: list[Problem],
) -> bool:
    """Bring one dump's articles into the archive; True when a file was written."""
    changed = False
    for item in articles:
        probe = sketch(item.body)
        slug = index.find(probe, item.title)
        key = (name, *item.source.lines)
        if slug is not None:
            entry = index.entries[slug]
            path = articles_dir / f"{slug}.md"
            if entry.deleted or any(s[0] == name for s in entry.sources):
                outcomes.append(Outcome("skipped", path, item.title, item.source))
                continue
            try:
                write_atomic(path, add_source(path.read_text(encoding="utf-8"), item.source))
            except (OSError, ValueError) as exc:
                problems.append(error(f"cannot add a source: {exc}", path.as_posix()))
                continue
            entry.sources.append(key)
            changed = True
            outcomes.append(Outcome("updated", path, item.title, item.source))
            continue
        slug = unique_slug(slugify(item.title), taken)
        taken.add(slug)
        path = articles_dir / f"{slug}.md"
        try:
            articles_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(path, dump_article(_as_article(item, slug, path)))
        except OSError as exc:
            problems.append(error(f"cannot write: {exc.strerror}", path.as_posix()))
            continue
        index.add(slug, _Entry(probe, [key], item.title))
        changed = True
        outcomes.append(Outcome("created", path, item.title, item.source))
    return changed
