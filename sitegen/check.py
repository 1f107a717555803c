"""`sitegen check`: validate the archive without writing anything.

Owns the checks a careful editor wants before publishing: front matter,
licences, annotations that cannot be placed, and internal links that lead
nowhere. Reuses the stages' by-products (load problems, RenderedBody) instead of
re-parsing. Must not write files.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit

from sitegen.archive.load import load_archive
from sitegen.bodies import BodyCache, render_bodies
from sitegen.build import annotation_warnings
from sitegen.config import Config
from sitegen.errors import Problem, error, warning
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article, LicenceKind
from sitegen.policy import LicenceRow, apply_policy, licence_table


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[Problem, ...]
    summary: tuple[str, ...]

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


def check_archive(cfg: Config) -> CheckReport:
    archive = load_archive(cfg.articles_path, root=cfg.root)
    problems: list[Problem] = list(cfg.warnings) + list(archive.problems)
    bodies = render_bodies(archive.articles, BodyCache(cfg.cache_path / "bodies"))
    problems += annotation_warnings(archive.articles, bodies)
    slugs = {a.slug for a in archive.articles}
    for article in archive.articles:
        problems += licence_problems(article)
        problems += link_problems(article, bodies[article.slug], slugs)
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
    return CheckReport(tuple(problems), summary)


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
