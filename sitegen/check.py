"""`sitegen check`: validate the archive without writing anything.

Owns the checks a careful editor wants before publishing: front matter,
licences, annotations that cannot be placed exactly (each unanchored, ambiguous
and re-anchored note with its file:line and the best candidate passage), the
flags the split left, by kind, and internal links that lead nowhere. Reuses the
stages' by-products (load problems, RenderedBody) instead of re-parsing. Must
not write files, except `fix_quotes` (`check --fix`), which rewrites the quotes
of re-anchored notes through `archive.notes`.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.annotate.anchor import AnchorStatus, closest, selector_for
from sitegen.archive.load import article_files, load_archive
from sitegen.archive.notes import NoteConflict, file_version, replace_note
from sitegen.bodies import BodyCache, render_bodies
from sitegen.config import Config
from sitegen.errors import ContentError, Problem, error, warning
from sitegen.errors import excerpt as _short
from sitegen.markdown.render import RenderedBody
from sitegen.model import Annotation, Article, LicenceKind
from sitegen.policy import LicenceRow, apply_policy, licence_table


@dataclass(frozen=True, slots=True)
class QuoteFix:
    """A re-anchored note and its quote as the text now reads (prefix/suffix when no longer unique)."""

    file: Path  # the article file
    shown: str  # the file as messages name it
    index: int  # 0-based position in the annotations list
    old: Annotation
    new: Annotation
    version: str | None = None  # the file as the check read it (`check_archive(..., fixing=True)`)


@dataclass(frozen=True, slots=True)
class FlagItem:
    """A flag the split step left: where, of which kind, on which text."""

    kind: str  # its tags other than `flag`, else the first sentence of its note
    shown: str
    line: int | None
    annotation: Annotation


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[Problem, ...]
    summary: tuple[str, ...]
    fixes: tuple[QuoteFix, ...] = ()
    flags: tuple[FlagItem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def licence_problems(article: Article) -> list[Problem]:
    """A licence that cannot be honoured as written."""
    lic = article.licence
    found: list[Problem] = []
    if lic.kind is not LicenceKind.UNKNOWN and not (lic.statement or "").strip():
        found.append(warning(f"licence: kind {lic.kind.value} without the statement that grants it", article.path))
    if lic.kind is LicenceKind.CC and not lic.origin:
        found.append(warning("licence: Creative Commons text needs its origin for attribution", article.path))
    return found


def linked_articles(body: RenderedBody) -> list[tuple[str, str]]:
    """(href, slug) of every relative link in a body to an article (`x.md` or `x.html`)."""
    found = []
    for href in body.links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        name = posixpath.basename(unquote(parts.path))
        stem, dot, ext = name.rpartition(".")
        if dot and ext in ("md", "html"):
            found.append((href, stem))
    return found


def link_problems(article: Article, body: RenderedBody, slugs: set[str]) -> list[Problem]:
    """Relative links in a body that point at an article that does not exist."""
    return [error(f"link to a missing article: {href}", article.path, article.body_line)
            for href, slug in linked_articles(body) if slug not in slugs]


def public_link_problems(articles: tuple[Article, ...], bodies: dict[str, RenderedBody], cfg: Config) -> list[Problem]:
    """Links that the public profile would leave pointing nowhere: to an article it omits."""
    published = {a.slug for a in apply_policy(articles, replace(cfg, profile="public")).articles}
    omitted = {a.slug for a in articles} - published
    return [warning(f"link to an article the public profile leaves out (its licence): {href}", article.path,
                    article.body_line)
            for article in articles if article.slug in published
            for href, slug in linked_articles(bodies[article.slug]) if slug in omitted]


def annotation_problems(article: Article, body: RenderedBody) -> list[Problem]:
    """Every note not placed exactly: unanchored, ambiguous or re-anchored, each with the best candidate."""
    found: list[Problem] = []
    for ann in body.unanchored:
        near = closest(body.text, ann)
        hint = (
            f"closest passage: {_short(body.text[near.start : near.end])} ({near.quote_similarity:.0%} alike)"
            if near is not None
            else "no similar passage"
        )
        found.append(warning(f"annotation quote not found in the text: {_short(ann.quote)}; {hint}", article.path, ann.line))
    for note in body.anchored:
        ann = note.annotation
        if note.status is AnchorStatus.AMBIGUOUS:
            _, prefix, suffix = selector_for(body.text, note.start, note.end)
            context = " and ".join(f"{k}: {v!r}" for k, v in (("prefix", prefix), ("suffix", suffix)) if v)
            found.append(
                warning(
                    f"annotation quote occurs more than once, add a prefix or suffix: {_short(ann.quote)}; "
                    f"anchored to the first occurrence ({context or 'no context'} would pick it)",
                    article.path,
                    ann.line,
                )
            )
        elif note.status is AnchorStatus.FUZZY:
            passage = body.text[note.start : note.end]
            found.append(
                warning(
                    f"annotation re-anchored: quote {_short(ann.quote)} now reads {_short(passage)}; "
                    "`sitegen check --fix` updates the quote",
                    article.path,
                    ann.line,
                )
            )
    return sorted(found, key=lambda p: p.line or 0)


def quote_fixes(article: Article, body: RenderedBody, file: Path, version: str | None = None) -> list[QuoteFix]:
    """The new quote of every re-anchored note: the passage it now marks, with context if needed."""
    fixes = []
    for note in body.anchored:
        if note.status is not AnchorStatus.FUZZY:
            continue
        old = note.annotation
        quote, prefix, suffix = selector_for(body.text, note.start, note.end)
        if prefix is None and suffix is None:
            prefix, suffix = old.prefix, old.suffix
        new = Annotation(quote, old.note, prefix, suffix, old.tags, old.line)
        fixes.append(QuoteFix(file, article.path, note.number - 1, old, new, version))
    return fixes


def flag_kind(ann: Annotation) -> str:
    """What a flag is about: its other tags (e.g. `review`), else its note's first sentence."""
    others = [t for t in ann.tags if t != "flag"]
    if others:
        return ", ".join(others)
    first = re.split(r"\. |\n| \(|, |: ", ann.note.strip())[0].rstrip(".")
    return first[:60] or "flag"


def fix_quotes(fixes: tuple[QuoteFix, ...]) -> list[str]:
    """Rewrite each fix's quote in its file, unless the file changed since the check; say what was done."""
    done: list[str] = []
    versions = {fix.file: fix.version for fix in fixes}
    for fix in fixes:
        where = f"{fix.shown}:{fix.old.line}" if fix.old.line else fix.shown
        try:
            version = versions[fix.file] or file_version(fix.file)
            versions[fix.file] = replace_note(fix.file, fix.index, fix.new, version=version, expected=fix.old)
        except (NoteConflict, ContentError) as exc:
            done.append(f"{where}: not fixed: {exc}")
            continue
        done.append(f"{where}: quote rewritten")
    return done


def check_archive(cfg: Config, *, fixing: bool = False) -> CheckReport:
    """Check the archive. With `fixing`, each file's version is taken before it is read, so
    `fix_quotes` refuses to write a file changed since (its fixes were made from the old text)."""
    versions = {f.name: file_version(f) for f in article_files(cfg.articles_path)} if fixing else {}
    archive = load_archive(cfg.articles_path, root=cfg.root)
    problems: list[Problem] = list(cfg.warnings) + list(archive.problems)
    bodies = render_bodies(archive.articles, BodyCache(cfg.cache_path / "bodies"))
    slugs = {a.slug for a in archive.articles}
    fixes: list[QuoteFix] = []
    flags: list[FlagItem] = []
    for article in archive.articles:
        body = bodies[article.slug]
        problems += annotation_problems(article, body)
        name = Path(article.path).name
        fixes += quote_fixes(article, body, cfg.articles_path / name, versions.get(name))
        flags += [FlagItem(flag_kind(a), article.path, a.line, a) for a in article.annotations if a.is_flag]
        problems += licence_problems(article)
        problems += link_problems(article, body, slugs)
    problems += public_link_problems(archive.articles, bodies, cfg)
    kinds = Counter(a.licence.kind.value for a in archive.articles)
    notes = sum(len(a.annotations) for a in archive.articles)
    errors = sum(1 for p in problems if p.severity == "error")
    summary = (
        f"checked {len(archive.articles):,} articles, {notes:,} annotations: "
        f"{errors} error(s), {len(problems) - errors} warning(s)",
        "licences: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"),
        *table_lines(licence_table(archive.articles, cfg)),
    )
    return CheckReport(tuple(problems), summary, tuple(fixes), tuple(sorted(flags, key=lambda f: f.kind)))


def table_lines(rows: tuple[LicenceRow, ...]) -> list[str]:
    """The licence table as aligned text: kind, origin (and the licence sitegen.toml knows for it),
    articles, and what the public profile does with them."""
    if not rows:
        return []
    cells = [("kind", "origin", "articles", "public profile")]
    for row in rows:
        origin = row.origin or "(none)"
        if row.licence:
            origin += f" [{row.licence}]"
        cells.append((row.kind.value, origin, f"{row.articles:,}", row.treatment.value))
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["licence table:"]
    for kind, origin, count, action in cells:
        lines.append(f"  {kind:<{widths[0]}}  {origin:<{widths[1]}}  {count:>{widths[2]}}  {action}".rstrip())
    return lines
