"""The build cache: one SQLite file under `.sitegen-cache/` that outlives the process.

Owns the file, its stamp and its integrity. The stamp names the program that
wrote it (the version and a digest of sitegen's own source files, so an upgrade
or any change to the code starts from an empty cache); every value is stored
with a checksum. A file SQLite cannot read, a stamp that does not match or a
value whose checksum is wrong is never trusted: the file is discarded and
rebuilt, and the build goes on as if there had been no cache. Values are bytes;
callers decide what they mean. Must not know what is cached.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import sitegen

CACHE_FILE = "build-cache.sqlite"
FORMAT = "1"
TABLES = ("articles", "bodies", "bodykeys", "search", "state")


_INHERITED: list[sqlite3.Connection] = []  # connections a forked worker got from its parent


@lru_cache(maxsize=1)
def program_stamp() -> str:
    """The version of sitegen and Python, and a digest of every source and theme file of the package."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{sitegen.__version__}\0{sys.version}\0".encode())
    package = Path(sitegen.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


class CacheFile:
    """Tables of key → bytes in one SQLite file; a damaged file is dropped, never trusted.

    With `path` None nothing is kept beyond the process (and nothing is read).
    Writes are collected and committed in one transaction by `commit()`.
    """

    def __init__(self, path: Path | None, stamp: str | None = None) -> None:
        self.path = path
        self.stamp = stamp or program_stamp()
        self.db: sqlite3.Connection | None = None
        self.pid = os.getpid()
        self.discarded = False  # the file on disk was damaged or stale and was started afresh
        self.generation = 0  # counts the times it was started afresh while open
        if path is not None:
            self._open()

    # -- opening -------------------------------------------------------------------------------
    def _open(self) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
            found = self.db.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
            if self._truncated():
                self._discard()
            elif found is None or found[0] != self.stamp:
                self.discarded = found is not None
                self._reset()
        except (sqlite3.Error, OSError):
            self._discard()

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = OFF")  # a cache: what a crash damages is found and discarded
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        for table in TABLES:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, crc INTEGER, data BLOB)")
        return db

    def _truncated(self) -> bool:
        """The file is shorter than SQLite's count of its pages says (checked when no log is pending)."""
        assert self.db is not None and self.path is not None
        try:
            if os.path.getsize(f"{self.path}-wal") > 0:
                return False
        except OSError:
            pass
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        size = self.db.execute("PRAGMA page_size").fetchone()[0]
        return os.path.getsize(self.path) < pages * size

    def _reset(self) -> None:
        assert self.db is not None
        self.db.execute("BEGIN")
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (self.stamp,))
        self.db.execute("COMMIT")

    def _discard(self) -> None:
        """Remove a damaged file and start an empty one; with no usable file, keep nothing."""
        self.discarded = True
        self.generation += 1
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None
        assert self.path is not None
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass
        try:
            self.db = self._connect()
            self._reset()
        except (sqlite3.Error, OSError):
            self.db = None

    def _connection(self) -> sqlite3.Connection | None:
        """The connection of this process (a forked worker opens its own)."""
        if self.db is not None and self.pid != os.getpid():
            self.pid = os.getpid()
            _INHERITED.append(self.db)  # never closed here: closing it could disturb the parent's use of it
            try:
                self.db = self._connect()
            except (sqlite3.Error, OSError):
                self.db = None
        return self.db

    # -- reading -------------------------------------------------------------------------------
    def get(self, table: str, key: str) -> bytes | None:
        """The value stored under `key`, or None (also when it fails its checksum)."""
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute(f"SELECT crc, data FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._discard()
            return None
        if row is None:
            return None
        if not _valid(row[0], row[1]):
            self._discard()
            return None
        return row[1]

    def keys(self, table: str) -> set[str]:
        """Every key of `table`."""
        db = self._connection()
        if db is None:
            return set()
        try:
            return {k for (k,) in db.execute(f"SELECT key FROM {table}")}
        except sqlite3.Error:
            self._discard()
            return set()

    def items(self, table: str) -> Iterator[tuple[str, bytes]]:
        """Every (key, value) of `table`; a damaged file yields what was good and is then discarded."""
        db = self._connection()
        if db is None:
            return
        try:  # read a few hundred rows at a time: a table of 100,000 articles is never in memory twice
            cursor = db.execute(f"SELECT key, crc, data FROM {table}")
            while rows := cursor.fetchmany(256):
                for key, crc, data in rows:
                    if not isinstance(key, str) or not _valid(crc, data):
                        self._discard()
                        return
                    yield key, data
        except sqlite3.Error:
            self._discard()

    # -- writing -------------------------------------------------------------------------------
    def put_many(self, table: str, items: Iterable[tuple[str, bytes]]) -> None:
        """Store values (one transaction); a cache that cannot be written only costs time."""
        db = self._connection()
        if db is None:
            return
        rows = [(key, zlib.crc32(data), data) for key, data in items]
        try:
            db.execute("BEGIN")
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error:
            self._discard()  # a file that cannot take a write is not trusted either

    def keep_only(self, table: str, keys: set[str]) -> None:
        """Forget every entry of `table` not in `keys`."""
        if self._connection() is not None:
            self.forget(table, self.keys(table) - keys)

    def forget(self, table: str, keys: Iterable[str]) -> None:
        """Forget the entries `keys` of `table` (one transaction)."""
        db = self._connection()
        stale = [(k,) for k in keys]
        if db is None or not stale:
            return
        try:
            db.execute("BEGIN")
            db.executemany(f"DELETE FROM {table} WHERE key = ?", stale)
            db.execute("COMMIT")
        except sqlite3.Error:
            self._discard()

    def close(self) -> None:
        if self.db is not None and self.pid == os.getpid():
            try:
                self.db.close()
            except sqlite3.Error:
                pass
        self.db = None


def _valid(crc: object, data: object) -> bool:
    return isinstance(data, bytes) and zlib.crc32(data) == crc


def cache_file(cache_dir: Path | None) -> CacheFile:
    """The build cache of an archive whose cache folder is `cache_dir` (None: in memory only)."""
    return CacheFile(cache_dir / CACHE_FILE if cache_dir is not None else None)
