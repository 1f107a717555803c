"""Adding notes to the archive from outside the article files: `sitegen annotate` and `sitegen annotations import`.

Owns finding the article a note belongs to (a file, a slug, a page URL, or the
one article whose text holds the quote), placing the quote in the text a reader
sees (`annotate.anchor`: the quote must be found; prefix/suffix are added only
when it is not unique), skipping notes already there, and writing each through
`archive.notes` (round-trip: the rest of the file unchanged). Every note that
cannot be added is reported with the reason, never dropped. Must not print:
callers show the returned reports.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.annotate.anchor import AnchorStatus, NormalisedText, closest, locate, occurrences, selector_for
from sitegen.annotate.w3c import ForeignNote, read_notes
from sitegen.archive.load import article_files, load_archive, shown_path
from sitegen.archive.notes import add_note, file_version
from sitegen.bodies import BodyCache, render_bodies
from sitegen.cache import cache_file
from sitegen.config import Config
from sitegen.errors import ContentError, UsageError, excerpt
from sitegen.frontmatter import read_article
from sitegen.markdown.render import render_body
from sitegen.model import Annotation, Article
from sitegen.slugs import slugify


def now_stamp() -> str:
    """The current time as the notes record it: ISO 8601, UTC, seconds."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Added:
    """What `annotate` did: the note as written (or found already there) in which file."""

    shown: str
    annotation: Annotation
    already_there: bool = False


def _same_note(a: Annotation, b: Annotation) -> bool:
    return (
        " ".join(a.quote.split()) == " ".join(b.quote.split())
        and a.note.strip() == b.note.strip()
        and set(a.tags) == set(b.tags)
    )


def article_file(cfg: Config, ref: str) -> Path:
    """The article file named by `ref`: a path to it, its file name, or its slug."""
    folder = cfg.articles_path
    given = Path(ref)
    for candidate in (given, cfg.root / given, folder / given, folder / f"{ref}.md", folder / f"{slugify(ref)}.md"):
        if candidate.is_file():
            resolved = candidate.resolve()
            if resolved.parent != folder.resolve() or resolved.suffix != ".md":
                raise UsageError(f"{ref}: not an article file of this archive (they are in {shown_path(folder, cfg.root)}/)")
            return resolved
    raise UsageError(f"{ref}: no such article (give its file, file name or slug)")


def _read(path: Path, cfg: Config) -> Article:
    shown = shown_path(path, cfg.root.resolve())
    article, problems = read_article(path.read_text(encoding="utf-8"), shown, slugify(path.stem))
    if article is None:
        raise ContentError(f"{shown}: fix the article file before annotating it", tuple(problems))
    return article


def place(text: str, note: Annotation, *, occurrence: int | None = None, hint: int | None = None) -> Annotation:
    """`note` with the quote, prefix and suffix that pick its passage in `text` (a body's plain text).

    A quote found once needs no context; one found several times is told apart
    by the note's own prefix/suffix, else by `occurrence` (1-based), else by
    `hint` (the passage's old position); the stored selector then gets the
    prefix/suffix that pick it. Raises ContentError when the quote is not in
    the text and UsageError when nothing says which occurrence is meant.
    """
    norm = NormalisedText.of(text)
    found = occurrences(norm, note.quote)
    if not found:
        raise ContentError(_missing(norm, note))
    if occurrence is not None:
        if not 1 <= occurrence <= len(found):
            raise UsageError(f"--occurrence {occurrence}: the quote occurs {len(found)} time(s)")
        start, end = found[occurrence - 1]
    elif len(found) == 1:
        start, end = found[0]
    else:
        anchor = locate(norm, note)
        if anchor.status is AnchorStatus.EXACT and anchor.start is not None and (note.prefix or note.suffix):
            start, end = anchor.start, anchor.end or anchor.start
        elif hint is not None:
            start, end = min(found, key=lambda span: abs(span[0] - hint))
        else:
            listed = "; ".join(
                f"{n}: …{' '.join(text[max(0, s - 30) : e + 30].split())}…" for n, (s, e) in enumerate(found[:5], 1)
            )
            raise UsageError(
                f"the quote occurs {len(found)} times: say which with --occurrence N, or give --prefix/--suffix ({listed})"
            )
    quote, prefix, suffix = selector_for(norm, start, end)
    return replace(note, quote=quote, prefix=prefix, suffix=suffix)


def _missing(text: NormalisedText, note: Annotation) -> str:
    near = closest(text, note)
    hint = f"; closest passage: {excerpt(text.original[near.start : near.end])}" if near is not None else ""
    return f"quote not found in the text as a reader sees it (without Markdown): {excerpt(note.quote)}{hint}"


def annotate(
    cfg: Config,
    ref: str,
    quote: str,
    note: str,
    tags: tuple[str, ...] = (),
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    occurrence: int | None = None,
) -> Added:
    """`sitegen annotate`: add one note to one article, its quote placed in the text."""
    if not quote.strip():
        raise UsageError("--quote: give the text the note marks")
    if any(not t.strip() for t in tags):
        raise UsageError("--tag: a tag must not be empty")
    path = article_file(cfg, ref)
    version = file_version(path)  # read first: a change made while we work is refused, not overwritten
    article = _read(path, cfg)
    text = render_body(article.body).text
    try:
        wanted = place(text, Annotation(quote, note, prefix, suffix, tuple(dict.fromkeys(tags))), occurrence=occurrence)
    except ContentError as exc:
        raise ContentError(f"{article.path}: {exc}") from None
    for existing in article.annotations:
        if _same_note(existing, wanted):
            return Added(article.path, existing, already_there=True)
    add_note(path, replace(wanted, created=now_stamp()), version=version)
    return Added(article.path, wanted)


# --- import ----------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportReport:
    """What `sitegen annotations import` did with each note of the file."""

    added: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    not_imported: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.added) + len(self.already_there) + len(self.not_imported)


def read_exchange_file(path: Path) -> tuple[list[ForeignNote], list[str]]:
    """The notes of a JSON-LD or Hypothesis export file, and what in it could not be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise ContentError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ContentError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    return read_notes(data)


def _slug_of_url(url: str) -> str | None:
    """The article slug a page URL names (`…/articles/SLUG.html`, on any host, or relative)."""
    parts = urlsplit(url.strip())
    folder, name = posixpath.split(unquote(parts.path))
    if posixpath.basename(folder) != "articles" or not name.endswith(".html"):
        return None
    return name[: -len(".html")]


def import_notes(cfg: Config, path: Path) -> ImportReport:
    """Add every note of an exchange file to the article it belongs to."""
    notes, problems = read_exchange_file(path)
    report = ImportReport(not_imported=[f"{path}: {p}" for p in problems])
    # Versions taken before reading: a file an editor changes meanwhile is refused, never overwritten.
    versions = {file.name: file_version(file) for file in article_files(cfg.articles_path)}
    archive = load_archive(cfg.articles_path, root=cfg.root)
    if archive.errors:
        raise ContentError("fix the archive before importing notes into it", archive.problems)
    bodies = render_bodies(archive.articles, BodyCache(cache_file(cfg.cache_path)))
    by_slug = {a.slug: a for a in archive.articles}
    texts = {slug: NormalisedText.of(bodies[slug].text) for slug in by_slug}
    written: dict[str, list[Annotation]] = {slug: list(a.annotations) for slug, a in by_slug.items()}
    for foreign in notes:
        where = f"{path}: {foreign.where}"
        article = _article_for(foreign, by_slug, texts)
        if isinstance(article, str):
            report.not_imported.append(f"{where}: {article}")
            continue
        text = texts[article.slug]
        anchor = locate(text, foreign.annotation, foreign.position)
        moved = ""
        if anchor.status is AnchorStatus.AMBIGUOUS:  # its context does not decide: add some that does
            try:
                placed = place(text.original, foreign.annotation, hint=foreign.position)
            except UsageError:  # nothing tells the occurrences apart: the first, as the page would show it
                placed = place(text.original, foreign.annotation, occurrence=1)
                moved = f" (the quote occurs {anchor.count} times: placed at the first)"
        elif anchor.status is AnchorStatus.MISSING:
            report.not_imported.append(f"{where}: {article.path}: {_missing(text, foreign.annotation)}")
            continue
        else:
            placed = foreign.annotation  # its own selector picks the passage: keep it as it was
            if anchor.status is AnchorStatus.FUZZY and anchor.start is not None and anchor.end is not None:
                moved = f" (re-anchored: the text now reads {excerpt(text.original[anchor.start : anchor.end])})"
        line = f"{article.path}: {excerpt(placed.quote)}{moved}"
        if any(_same_note(existing, placed) for existing in written[article.slug]):
            report.already_there.append(line)
            continue
        name = Path(article.path).name
        try:
            versions[name] = add_note(cfg.articles_path / name, placed, version=versions.get(name))
        except ContentError as exc:
            report.not_imported.append(f"{where}: {exc}")
            continue
        written[article.slug].append(placed)
        report.added.append(line)
    return report


def _article_for(
    foreign: ForeignNote, by_slug: dict[str, Article], texts: dict[str, NormalisedText]
) -> Article | str:
    """The article a note was made on: by its page URL, else the one article whose text holds the quote."""
    for source in foreign.sources:
        slug = _slug_of_url(source)
        if slug is not None and slug in by_slug:
            return by_slug[slug]
    holders = [slug for slug, text in texts.items() if occurrences(text, foreign.annotation.quote)]
    if len(holders) == 1:
        return by_slug[holders[0]]
    named = ", ".join(foreign.sources) or "no page"
    if not holders:
        return f"no article of this archive at {named}, and no article holds the quote {excerpt(foreign.annotation.quote)}"
    listed = ", ".join(by_slug[s].path for s in holders[:5])
    return f"no article at {named}, and the quote {excerpt(foreign.annotation.quote)} is in several: {listed}"
