"""Dumps into the archive: new articles become files, known ones only gain a source entry.

Owns `split_files`, the I/O edge of the split step: read and decode each dump
(streamed), split it, and merge the articles into `content/articles/` without
ever overwriting an editor's work. An article already in the archive is found
by what it is, not by its file name: by a source entry naming this dump and
lines, or by a near-duplicate sketch of its text (so a retitled or lightly
edited file still matches). It is then skipped, or gains a `source` entry
(`frontmatter.add_source`: the rest of the file stays byte-for-byte) when seen
in another dump. A new article gets `<slug>.md`, a distinct slug when the name
is taken. Every write is atomic; new files are made durable BATCH at a time
(`atomic.AtomicBatch`: one wait for the disk instead of one per file), and the
dumps are split in other processes while this one writes: small ones by a
worker a core, ahead of it (`ahead.SplitAhead`), a large one streamed from a
second process (`plan.split_dump`).

`content/.split-index.json` caches each file's sketch and sources, stamped with
the file's size and checksum: the article files stay the truth, and an entry is
re-read from its file when the stamp differs (the whole index is rebuilt when
missing or unreadable). Stamps say what a file holds, not when it was touched,
so the committed index is the same in every clone. The index also remembers articles the editor deleted,
so a later split does not bring them back, and dumps already split, so an
unchanged dump is not split again by every build.

A split killed at any point (SIGKILL, power cut) loses nothing and leaves no
half-written article: each file and the index are written to a temporary file
and renamed, the next split (holding an exclusive lock on the content folder,
so two splits never interleave) deletes the temporary files a killed one left,
and the index is reconciled with the files before use, so the articles already
written are found by their `source` entries instead of being written twice.
Each new file is also noted at once in `content/.split-journal` (one line
appended; folded into the index and removed when the index is saved), so a
file the editor deletes after a killed split stays deleted.
Must not render or print.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sitegen.archive.entered import EntryDates
from sitegen.archive.load import shown_path
from sitegen.archive.ahead import SplitAhead
from sitegen.atomic import AtomicBatch, leftovers, write_atomic
from sitegen.errors import Problem, error
from sitegen.frontmatter import add_added, add_source, dump_article, read_article
from sitegen.model import Source
from sitegen.slugs import slugify, unique_slug
from sitegen.split import SplitArticle
from sitegen.split.fingerprint import SAME_ARTICLE, SAME_TITLE, pack, similarity, sketch, unpack

INDEX_NAME = ".split-index.json"
JOURNAL_NAME = ".split-journal"  # articles created since the index was last saved
INDEX_VERSION = 5  # 5: every file read once more, so each gets its `added:` date
SPLIT_VERSION = 3  # bump when the split rules change: dumps are then split again
BATCH = 64  # new article files made durable together
COMMON = 32  # a sketch value held by more articles than this is boilerplate
POSTED = 16  # the smallest values of each sketch are enough to find candidates (and keep the index small)
CANDIDATES = 8  # most-voted candidates compared in full


@dataclass(frozen=True, slots=True)
class Outcome:
    action: str  # "created" | "updated" | "skipped"
    path: Path
    title: str
    source: Source
    review: tuple[tuple[int, str], ...] = ()  # (dump line, what to check) for a new article the split was unsure of
    confidence: float = 1.0  # the split's confidence in that new article (0 to 1)

    def __str__(self) -> str:
        return self.describe(None)

    def describe(self, root: Path | None) -> str:
        """`created content/articles/x.md  (dump.txt:1-61)`, the file shown relative to `root`."""
        first, last = self.source.lines
        return f"{self.action} {shown_path(self.path, root)}  ({self.source.file}:{first}-{last})"


@dataclass(frozen=True, slots=True)
class SplitReport:
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]


@dataclass(slots=True)
class _Entry:
    title: str
    sketch: str  # packed sketch of the body as the file has it now
    sources: list[tuple[str, int, int]]
    born: str = ""  # packed sketch of the body as first split, when the editor has changed it since
    stamp: tuple[int, int] = (0, 0)  # (size, CRC-32) of the file the entry was read from
    deleted: bool = False


@dataclass(slots=True)
class _Index:
    entries: dict[str, _Entry] = field(default_factory=dict)
    dumps: dict[str, dict] = field(default_factory=dict)  # name → {"stamp": [...], "articles": [[slug, title, a, b]]}
    postings: dict[int, str | tuple[str, ...]] = field(default_factory=dict)  # sketch value → the slug(s) holding it
    provenance: dict[tuple[str, int, int], str] = field(default_factory=dict)
    changed: bool = False
    base: list[int] | None = None  # stamp of the index file as read: the journal extends that index only

    def add(self, slug: str, entry: _Entry) -> None:
        self.entries[slug] = entry
        for value in {*unpack(entry.sketch[: 8 * POSTED]), *unpack(entry.born[: 8 * POSTED])}:
            holders = self.postings.get(value)
            if holders is None:
                self.postings[value] = slug  # most values have one holder: no tuple for them
            elif isinstance(holders, str):
                if holders != slug:
                    self.postings[value] = (holders, slug)
            elif len(holders) <= COMMON and slug not in holders:  # past COMMON a value is ignored anyway
                self.postings[value] = (*holders, slug)
        for source in entry.sources:
            self.provenance[source] = slug

    def remove(self, slug: str) -> None:
        """Forget an article added in this run whose file could not be written (its postings stay:
        `find` passes over slugs it no longer knows)."""
        entry = self.entries.pop(slug)
        for source in entry.sources:
            if self.provenance.get(source) == slug:
                del self.provenance[source]

    def add_source(self, slug: str, source: tuple[str, int, int]) -> None:
        self.entries[slug].sources.append(source)
        self.provenance[source] = slug
        self.changed = True

    def find(self, probe: tuple[int, ...], title: str, source: tuple[str, int, int]) -> str | None:
        """The article with this provenance, or (nearly) this text: similar enough, or as
        similar as a lightly edited copy and under the same title."""
        if source in self.provenance:
            return self.provenance[source]
        votes: dict[str, int] = {}
        for value in probe:
            holders = self.postings.get(value, ())
            if isinstance(holders, str):
                holders = (holders,)
            elif len(holders) > COMMON:  # boilerplate shared by many articles says nothing
                continue
            for slug in holders:
                votes[slug] = votes.get(slug, 0) + 1
        votes = {slug: n for slug, n in votes.items() if slug in self.entries}
        best, best_score = None, 0.0
        for slug, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            entry = self.entries[slug]
            score = max(similarity(probe, unpack(entry.sketch)), similarity(probe, unpack(entry.born)))
            needed = SAME_TITLE if _norm(entry.title) == _norm(title) else SAME_ARTICLE
            if score >= needed and score > best_score:
                best, best_score = slug, score
        return best


def _norm(title: str) -> str:
    return " ".join(title.casefold().split())


def _stamp(path: Path) -> tuple[int, int]:
    """(size, CRC-32) of a file: what it holds, not when it was touched, so the index stays the
    same in every clone of the archive (a checkout changes every mtime)."""
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return (path.stat().st_size, crc)


def _stamp_of(data: bytes) -> tuple[int, int]:
    return (len(data), zlib.crc32(data))


def _read_index(path: Path) -> tuple[dict[str, _Entry], dict[str, dict]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != INDEX_VERSION:
            return {}, {}
        entries = {slug: _entry_from(raw) for slug, raw in data["articles"].items()}
        return entries, dict(data.get("dumps", {}))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}


def _entry_from(raw: dict) -> _Entry:
    return _Entry(
        str(raw["title"]), str(raw["sketch"]), [(str(f), int(a), int(b)) for f, a, b in raw["sources"]],
        str(raw.get("born", "")), (int(raw["stamp"][0]), int(raw["stamp"][1])), bool(raw.get("deleted", False)),
    )


def _entry_json(entry: _Entry) -> dict:
    return {"title": entry.title, "sketch": entry.sketch, "born": entry.born, "sources": [list(s) for s in entry.sources],
            "stamp": list(entry.stamp), "deleted": entry.deleted}


def _read_journal(path: Path, entries: dict[str, _Entry], base: list[int] | None) -> bool:
    """Add the articles a split created after the index was last saved (it was killed, or its disk
    failed): a file of theirs missing now was deleted by the editor, not never written. Only lines
    that extend the index as it is (`base`): an index removed by hand brings deleted articles back."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    for line in lines:
        try:
            record = json.loads(line)
            if record.get("base") == base:
                entries.setdefault(str(record["slug"]), _entry_from(record["entry"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # the line a killed split was writing
    return True


def _load_index(articles_dir: Path, problems: list[Problem], root: Path | None) -> _Index:
    """The index, with every entry checked against its file (re-read when the file changed)."""
    try:
        base: list[int] | None = list(_stamp(articles_dir.parent / INDEX_NAME))
    except OSError:
        base = None
    cached, dumps = _read_index(articles_dir.parent / INDEX_NAME)
    index = _Index(dumps=dumps if cached else {}, base=base)
    index.changed = _read_journal(articles_dir.parent / JOURNAL_NAME, cached, base)  # then saved, journal gone
    entered = EntryDates(articles_dir)
    files = {p.stem: p for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else {}
    for slug, entry in cached.items():
        if slug not in files:
            if not entry.deleted:  # the editor deleted the file: remember, so it is not split again
                entry.deleted = True
                index.changed = True
            index.add(slug, entry)
    for slug, file in sorted(files.items()):
        old = cached.get(slug)
        try:
            stamp = _stamp(file)
            if old is not None and not old.deleted and old.stamp == stamp:
                index.add(slug, old)
                continue
            article, found = read_article(file.read_text(encoding="utf-8"), shown_path(file, root), slug)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(f"cannot read the article file: {exc}", shown_path(file, root)))
            continue
        if article is None:
            problems.extend(p for p in found if p.severity == "error")
            continue
        if article.added is None:
            stamp = _record_added(file, entered.of(file), stamp)
        current = pack(sketch(article.body))
        born = (old.born or old.sketch) if old is not None else ""  # what the split first wrote
        index.add(slug, _Entry(
            article.title, current, [(s.file, *s.lines) for s in article.source], born if born != current else "", stamp,
        ))
        index.changed = True
    return index


def _record_added(file: Path, day: dt.date, stamp: tuple[int, int]) -> tuple[int, int]:
    """Write `added: day` into an article file that lacks it (an insertion: the rest of the file
    stays byte-for-byte); the file's new stamp. A file that cannot take it safely is left alone."""
    try:
        text = file.read_bytes().decode("utf-8")
        new = add_added(text, day)
        if new is None:
            return stamp
        data = new.encode("utf-8")
        write_atomic(file, data)
        return _stamp_of(data)
    except (OSError, UnicodeDecodeError, ValueError):
        return stamp


def _save_index(articles_dir: Path, index: _Index) -> None:
    """Write the index, one article (and one dump) a line, so a committed index diffs well."""

    def line(key: str, value: object) -> str:
        return f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}"

    def text() -> Iterator[str]:  # written as it is made: a large index is never in memory twice
        yield f'{{"version": {INDEX_VERSION},\n"articles": {{\n'
        for n, slug in enumerate(sorted(index.entries)):
            yield (",\n" if n else "") + line(slug, _entry_json(index.entries[slug]))
        yield '\n},\n"dumps": {\n'
        for n, name in enumerate(sorted(index.dumps)):
            yield (",\n" if n else "") + line(name, index.dumps[name])
        yield "\n}}\n"

    write_atomic(articles_dir.parent / INDEX_NAME, text(), fsync=False)
    (articles_dir.parent / JOURNAL_NAME).unlink(missing_ok=True)  # all it held is in the index now


def _journal_line(index: _Index, slug: str, entry: _Entry) -> str:
    """The journal's note of a new article file: a split killed before saving the index still
    tells the next one that this file was written."""
    record = {"base": index.base, "slug": slug, "entry": _entry_json(entry)}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


@contextmanager
def _exclusive(articles_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of the articles folder and the index (waiting for
    another split to finish), then clear the temporary files a killed split left in both."""
    folder = articles_dir.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # nothing can be written there either: the writes report it
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        for leftover in [*leftovers(folder, INDEX_NAME), *leftovers(articles_dir, "*.md")]:
            try:
                leftover.unlink()
            except OSError:
                pass
        yield
    finally:
        os.close(handle)  # releases the lock


def split_files(
    raw_paths: list[Path], articles_dir: Path, *, root: Path | None = None, today: dt.date | None = None
) -> SplitReport:
    """Split each dump into the archive; report one outcome per article found, and problems
    (their files shown relative to `root`, the archive's folder, as every other message).
    New files record `today` (default: the current UTC day) as the day they were `added`;
    existing files without `added` get the day they entered the archive, once."""
    with _exclusive(articles_dir):
        return _split_locked(raw_paths, articles_dir, root, today or dt.datetime.now(dt.timezone.utc).date())


def _split_locked(raw_paths: list[Path], articles_dir: Path, root: Path | None, today: dt.date) -> SplitReport:
    problems: list[Problem] = []
    outcomes: list[Outcome] = []
    index = _load_index(articles_dir, problems, root)
    if any(p.severity == "error" for p in problems):
        problems.append(error("nothing was split: fix the article files above first", shown_path(articles_dir, root)))
        return SplitReport((), tuple(problems))
    taken = set(index.entries)
    stamps: list[list[int] | None] = []
    for raw in raw_paths:
        try:
            stamps.append([*_stamp(raw), SPLIT_VERSION])
        except OSError:
            stamps.append(None)  # reported below, when the dump is read
    wanted = [None if _unchanged(raw.name, stamp, index) else (raw, shown_path(raw, root))
              for raw, stamp in zip(raw_paths, stamps)]
    with SplitAhead(wanted, partial(_ready, today)) as ahead:
        for at, raw in enumerate(raw_paths):
            name = raw.name
            try:
                stamp = stamps[at] or [*_stamp(raw), SPLIT_VERSION]
                if _unchanged(name, stamp, index):  # (an earlier dump of the same name may have changed that)
                    outcomes += [
                        Outcome("skipped", articles_dir / f"{slug}.md", title, Source(name, (a, b)))
                        for slug, title, a, b in index.dumps[name]["articles"]
                    ]
                    continue
                found: list[Problem] = []
                shown = shown_path(raw, root)
                merged = _merge(ahead.articles(at, raw, shown, found), name, articles_dir, index, taken, outcomes, found,
                                shown, root, today)
            except OSError as exc:
                problems.append(error(f"cannot read: {exc.strerror or exc}", shown_path(raw, root)))
                continue
            problems += found
            if not any(p.severity == "error" for p in found) and index.dumps.get(name) != {"stamp": stamp, "articles": merged}:
                index.dumps[name] = {"stamp": stamp, "articles": merged}
                index.changed = True
    if index.changed or not (articles_dir.parent / INDEX_NAME).exists():
        try:
            _save_index(articles_dir, index)
        except OSError:
            pass  # the index is a cache: the next run rebuilds it from the files
    return SplitReport(tuple(outcomes), tuple(problems))


def _unchanged(name: str, stamp: list[int] | None, index: _Index) -> bool:
    """Dump `name`, whose content is `stamp`, was split before into articles all still known."""
    known = index.dumps.get(name)
    return stamp is not None and known is not None and known.get("stamp") == stamp and _still_there(known, index)


def _still_there(known: dict, index: _Index) -> bool:
    """Every article a dump gave last time is still known (as a file, or as deleted)."""
    try:
        return all(slug in index.entries for slug, *_ in known["articles"])
    except (TypeError, ValueError):
        return False


def _stopped(what: str, exc: OSError, dump: str, shown: str) -> Problem:
    """A write refused (a full or read-only disk): the rest of the dump would fail alike, so it stops."""
    return error(f"{what}: {exc.strerror or exc}; the rest of {dump} was not split", shown)


def _slug_of(item: SplitArticle) -> str:
    """The title's slug; one of three characters or more (a title such as "AI" adds where it was found)."""
    slug = slugify(item.title)
    if len(slug) < 3:
        slug = slugify(f"{item.title} {Path(item.source.file).stem} line {item.source.lines[0]}")
    return slug


@dataclass(slots=True)
class _NewFile:
    slug: str
    entry: _Entry
    problems: list[Problem]  # the split's warnings about it, reported once its file is in place
    at: int  # where in the dump's problems they go


class _NewFiles:
    """New article files of one dump waiting in an `AtomicBatch`: their outcomes, rows and index
    entries are already recorded (so later articles find them), and are taken back if their files
    cannot be put in place. Each file placed is noted in the journal at once. Leaving the `with`
    block puts the waiting files in place, however the dump ended."""

    def __init__(self, articles_dir: Path, index: _Index, taken: set[str], outcomes: list[Outcome],
                 merged: list[list], problems: list[Problem], name: str, root: Path | None) -> None:
        self.batch = AtomicBatch()
        self.waiting: list[_NewFile] = []
        self.articles_dir, self.index, self.taken, self.root, self.name = articles_dir, index, taken, root, name
        self.outcomes, self.merged, self.problems = outcomes, merged, problems

    def __enter__(self) -> _NewFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        """Put the waiting files in place however the dump ended (they are whole articles)."""
        try:
            self.commit()
        finally:
            self.batch.__exit__()

    def add(self, path: Path, data: bytes, new: _NewFile, outcome: Outcome, row: list) -> None:
        """Write the file's temporary file and record the article; raises OSError (nothing recorded)."""
        self.batch.add(path, data)
        self.waiting.append(new)
        self.taken.add(new.slug)
        self.index.add(new.slug, new.entry)
        self.index.changed = True
        self.outcomes.append(outcome)
        self.merged.append(row)

    def commit(self) -> bool:
        """Put the waiting files in place; False when the disk refused one (it and the ones after
        it are taken back, with one problem saying so)."""
        waiting, self.waiting = self.waiting, []
        if not waiting:
            return True
        journal = None
        try:
            journal = open(self.articles_dir.parent / JOURNAL_NAME, "a", encoding="utf-8")
        except OSError:
            pass  # a full disk: the split reports the writes that failed

        def placed(i: int) -> None:
            if journal is not None:
                try:
                    journal.write(_journal_line(self.index, waiting[i].slug, waiting[i].entry))
                    journal.flush()
                except OSError:
                    pass

        try:
            done, failed = self.batch.commit(placed)
        finally:
            if journal is not None:
                try:
                    journal.close()
                except OSError:
                    pass
        for new in reversed(waiting[:done]):
            self.problems[new.at : new.at] = new.problems
        if failed is None:
            return True
        for new in waiting[done:]:
            self.index.remove(new.slug)
            self.taken.discard(new.slug)
        del self.outcomes[len(self.outcomes) - (len(waiting) - done) :]
        del self.merged[len(self.merged) - (len(waiting) - done) :]
        path = self.articles_dir / f"{waiting[done].slug}.md"
        self.problems.append(_stopped("cannot write", failed, self.name, shown_path(path, self.root)))
        return False


@dataclass(frozen=True, slots=True)
class _Ready:
    """A split article with what merging it needs, made ahead (by a worker, when there are workers)."""

    item: SplitArticle  # titled "Untitled (dump, line N)" when the split found no title
    found_as: str  # the title the split found, which finds a copy in the archive
    probe: tuple[int, ...]  # sketch of its text
    text: str | None  # its article file; None when it would not read back (the next build would refuse it)


def _ready(today: dt.date, item: SplitArticle) -> _Ready:
    found_as = item.title
    if not item.title.strip():  # a file without a title would not read back: name it after where it was
        item = replace(item, title=f"Untitled ({item.source.file}, line {item.source.lines[0]})")
    text = dump_article(replace(item.to_article("", ""), added=today))
    return _Ready(item, found_as, sketch(item.body), text if read_article(text, "", "")[0] is not None else None)


def _merge(
    articles: Iterable[_Ready], name: str, articles_dir: Path, index: _Index, taken: set[str],
    outcomes: list[Outcome], problems: list[Problem], shown: str, root: Path | None, today: dt.date,
) -> list[list]:
    """Bring one dump's articles into the archive; returns [slug, title, first, last] for each.
    New files are made durable BATCH at a time; anything else waits until they are in place."""
    merged: list[list] = []
    with _NewFiles(articles_dir, index, taken, outcomes, merged, problems, name, root) as new_files:
        for ready in articles:
            item, probe = ready.item, ready.probe
            key = (name, *item.source.lines)
            slug = index.find(probe, ready.found_as, key)  # type: ignore[arg-type]
            if slug is not None:
                if not new_files.commit():  # the file found may be one of them; outcomes stay in dump order
                    return merged
                entry = index.entries[slug]
                path = articles_dir / f"{slug}.md"
                if entry.deleted or any(s[0] == name for s in entry.sources):
                    if key in index.provenance and not entry.deleted and not entry.born and pack(probe) != entry.sketch:
                        # written from these very lines, then edited before the index was saved (a killed
                        # split): remember the text as first split, so later copies of it still find the file
                        entry.born = pack(probe)
                        index.add(slug, entry)
                        index.changed = True
                    outcomes.append(Outcome("skipped", path, ready.found_as, item.source))
                    merged.append([slug, ready.found_as, *item.source.lines])
                    continue
                try:
                    data = add_source(path.read_text(encoding="utf-8"), item.source).encode("utf-8")
                    write_atomic(path, data)
                    entry.stamp = _stamp_of(data)
                except OSError as exc:
                    problems.append(_stopped("cannot add a source entry", exc, name, shown_path(path, root)))
                    return merged
                except Exception as exc:  # noqa: BLE001 - an editor's broken file must give a message, not a traceback
                    problems.append(error(f"cannot add a source entry: {exc}", shown_path(path, root)))
                    continue
                index.add_source(slug, key)  # type: ignore[arg-type]
                outcomes.append(Outcome("updated", path, ready.found_as, item.source))
                merged.append([slug, ready.found_as, *item.source.lines])
                continue
            slug = unique_slug(_slug_of(item), taken)
            path = articles_dir / f"{slug}.md"
            try:
                articles_dir.mkdir(parents=True, exist_ok=True)
                text = ready.text
                if text is None:  # never write a file the next build refuses
                    problems.append(error(f"cannot make an article file of this text (title {item.title!r})",
                                          shown, item.source.lines[0]))
                    continue
                data = text.encode("utf-8")
                entry = _Entry(item.title, pack(probe), [key], "", _stamp_of(data))  # type: ignore[list-item]
                new = _NewFile(slug, entry, [replace(p, file=shown) for p in item.problems], len(problems))
                new_files.add(path, data, new, Outcome("created", path, item.title, item.source, item.review, item.confidence),
                              [slug, item.title, *item.source.lines])
            except OSError as exc:
                if new_files.commit():  # the files before this one are whole: put them in place
                    problems.append(_stopped("cannot write", exc, name, shown_path(path, root)))
                return merged
            if len(new_files.waiting) >= BATCH and not new_files.commit():
                return merged
    return merged
