"""Writing the rendered site to the output folder, atomically and only where bytes changed.

Owns the output folder: the build lock, the swap of a fully written staging
folder into place (a failed or killed build leaves the previous site whole),
in-place updates for watch mode, removal of stale files, and the manifest of
what was written. Must not render anything.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sitegen.atomic import write_atomic
from sitegen.errors import OutputError

MANIFEST = "output-manifest.json"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _digest(data: bytes) -> str:
    # SHA-256: where the processor computes it (x86 SHA extensions, ARMv8), half the time BLAKE2 takes
    return hashlib.sha256(data).hexdigest()[:32]


def _is_manifest(value: object) -> bool:
    """{output path: [digest, size, mtime_ns, key]}, as `_save_manifest` writes it."""
    return isinstance(value, dict) and all(
        isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
        and type(entry[1]) is int and type(entry[2]) is int and isinstance(entry[3], str)
        for entry in value.values()
    )


class BuildLock:
    """An exclusive lock so two builds of one archive never write at once."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "build.lock"
        self.handle: int | None = None

    def __enter__(self) -> "BuildLock":
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only or full disk: nothing can be built here
            raise OutputError(f"{self.path}: cannot take the build lock: {exc.strerror or exc}") from None
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.handle)
            self.handle = None
            raise OutputError(
                f"another sitegen build is running on this archive (lock: {self.path}); "
                "wait for it to finish"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    result = func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _intact(entry: list | None, st: os.stat_result | None) -> bool:
    """The file is as the manifest says it was left (size and mtime)."""
    return entry is not None and st is not None and entry[1] == st.st_size and entry[2] == st.st_mtime_ns


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


class _Pass:
    """One write of the site, file by file: a sink for `render.draw_site`.

    A file is kept (never drawn) when the manifest says it was drawn from the same key and it is
    unchanged on disk; a drawn file whose bytes are those already on disk is kept too, so
    `written` names exactly the files whose bytes changed. Entries are
    [digest, size, mtime_ns, key].
    """

    def __init__(self, writer: "OutputWriter", target: Path, old: Mapping[str, list]) -> None:
        self.writer = writer
        self.out = str(writer.out_dir)
        self.target = str(target)
        self.old = old
        self.entries: dict[str, list] = {}
        self.written: list[str] = []
        self.kept: list[str] = []  # unchanged files, still where the live site has them
        self.made: set[str] = set()
        self.recorded: list[tuple[str, list, bool]] = []  # since the last take(), for workers

    def _record(self, rel: str, entry: list, written: bool) -> None:
        self.entries[rel] = entry
        (self.written if written else self.kept).append(rel)
        self.recorded.append((rel, entry, written))

    def keep(self, rel: str, key: str) -> bool:
        entry = self.old.get(rel)
        if entry is None or len(entry) < 4 or entry[3] != key:
            return False
        if not _intact(entry, _stat(os.path.join(self.out, rel))):
            return False
        self._record(rel, entry, False)
        return True

    def keep_group(self, key: str) -> bool:
        members = [(rel, entry) for rel, entry in self.old.items() if len(entry) >= 4 and entry[3] == key]
        if not members or not all(_intact(e, _stat(os.path.join(self.out, rel))) for rel, e in members):
            return False
        for rel, entry in members:
            self._record(rel, entry, False)
        return True

    def count(self) -> int:
        return len(self.entries)

    def put(self, rel: str, key: str, data: bytes) -> bool:
        digest = _digest(data)
        source = os.path.join(self.out, rel)
        entry = self.old.get(rel)
        st = _stat(source)
        same = st is not None and st.st_size == len(data) and (
            entry[0] == digest if _intact(entry, st) else self._same_bytes(source, digest))
        if same:
            assert st is not None
            self._record(rel, [digest, st.st_size, st.st_mtime_ns, key], False)
            return False
        st = self._write(rel, data)
        self._record(rel, [digest, st.st_size, st.st_mtime_ns, key], True)
        return True

    @staticmethod
    def _same_bytes(path: str, digest: str) -> bool:
        try:
            with open(path, "rb") as handle:
                return _digest(handle.read()) == digest
        except OSError:
            return False

    def _folder(self, rel: str) -> str:
        folder = os.path.dirname(os.path.join(self.target, rel))
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        return folder

    def _write(self, rel: str, data: bytes) -> os.stat_result:
        raise NotImplementedError

    def take(self) -> list:
        taken, self.recorded = self.recorded, []
        return taken

    def absorb(self, records: list) -> None:
        for rel, entry, written in records:
            self.entries[rel] = entry
            (self.written if written else self.kept).append(rel)

    @property
    def changed(self) -> bool:
        """Something was written, or a file of the old site is no longer part of it."""
        return bool(self.written) or len(self.entries) != len(self.old) or any(rel not in self.entries for rel in self.old)


class _Staging(_Pass):
    """A complete new site in a staging folder beside the old one: unchanged files become hard links
    to the live site's (made at the end, and only when something changed)."""

    def _write(self, rel: str, data: bytes) -> os.stat_result:
        self._folder(rel)
        fd = os.open(os.path.join(self.target, rel), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _CLOEXEC, 0o666)
        try:  # three system calls and no Python file object: a large site writes tens of thousands
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            return os.fstat(fd)
        finally:
            os.close(fd)

    def link_kept(self) -> None:
        """Hard-link every kept file into the staging folder (a link keeps size and mtime)."""
        for rel in self.kept:
            self._folder(rel)
        pairs = [(os.path.join(self.out, rel), os.path.join(self.target, rel)) for rel in self.kept]
        if len(pairs) < 2000:
            for source, target in pairs:
                os.link(source, target)
            return
        with ThreadPoolExecutor(max_workers=4) as pool:  # os.link lets go of the GIL
            list(pool.map(_link_all, [pairs[i::4] for i in range(4)]))


def _link_all(pairs: list[tuple[str, str]]) -> None:
    for source, target in pairs:
        os.link(source, target)


class _InPlace(_Pass):
    """The live site updated file by file (each atomically): for watch mode."""

    def _write(self, rel: str, data: bytes) -> os.stat_result:
        self._folder(rel)
        path = Path(self.target) / rel
        write_atomic(path, data, fsync=False)
        return path.stat()


def _remove(folder: Path, trash: Path) -> None:
    """Delete the old site's folder. A single-threaded process (a `sitegen build`) renames it aside
    and leaves the deleting to a detached child, so the build is done as soon as the new site is in
    place; `recover` removes what such a child did not finish."""
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        os.rename(folder, trash)
        pid = os.fork()
    except OSError:
        shutil.rmtree(trash if trash.exists() else folder, ignore_errors=True)
        return
    if pid == 0:  # pragma: no cover - the child
        try:
            if os.fork() == 0:  # the grandchild, reaped by init: nobody waits for it
                os.setsid()
                shutil.rmtree(trash, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


class OutputWriter:
    """Knows what is in the output folder (via a manifest) and brings it to a new state.

    `begin()` starts a pass (a sink for `render.draw_site`), `finish()` puts it in place:
    by swapping a staging folder in, or (in place, for watch) by removing stale files.
    """

    def __init__(self, out_dir: Path, cache_dir: Path) -> None:
        self.out_dir = out_dir
        self.cache_dir = cache_dir
        self.manifest_path = cache_dir / MANIFEST
        self.manifest: dict[str, list] | None = None
        self.current: _Pass | None = None

    # -- manifest ---------------------------------------------------------------------
    def _load_manifest(self) -> dict[str, list]:
        if self.manifest is None:
            try:
                found = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                found = None
            self.manifest = found if _is_manifest(found) else {}  # a damaged manifest is a cache miss
        return self.manifest

    def _save_manifest(self, manifest: dict[str, list]) -> None:
        self.manifest = manifest
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self.manifest_path, json.dumps(manifest, separators=(",", ":")), fsync=False)
        except OSError:
            pass

    def intact(self) -> bool:
        """The output folder holds exactly the files of the manifest, each as it was left (size, mtime)."""
        manifest = self._load_manifest()
        if not manifest or not self.out_dir.is_dir():
            return False
        found = 0
        for folder, _, names in os.walk(self.out_dir):
            for name in names:
                path = os.path.join(folder, name)
                entry = manifest.get(os.path.relpath(path, self.out_dir).replace(os.sep, "/"))
                if not _intact(entry, _stat(path)):
                    return False
                found += 1
        return found == len(manifest)

    # -- recovery ----------------------------------------------------------------------
    def recover(self) -> None:
        """Finish or undo what a killed build left next to the output folder."""
        parent = self.out_dir.parent
        old = parent / f".{self.out_dir.name}.old"
        if old.exists():
            if not self.out_dir.exists():
                os.rename(old, self.out_dir)
            else:
                shutil.rmtree(old, ignore_errors=True)
        for pattern in (f".{self.out_dir.name}.staging-*", f".{self.out_dir.name}.trash-*"):
            for leftover in parent.glob(pattern):
                shutil.rmtree(leftover, ignore_errors=True)

    # -- writing -------------------------------------------------------------------------
    def begin(self, *, in_place: bool = False) -> _Pass:
        """Start writing a new state of the site: in a staging folder, or (`in_place`) into the live one."""
        self.recover()
        old = self._load_manifest() if self.out_dir.exists() else {}
        try:
            if in_place:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                self.current = _InPlace(self, self.out_dir, old)
            else:
                staging = self.out_dir.parent / f".{self.out_dir.name}.staging-{os.getpid()}"
                staging.mkdir(parents=True)
                self.current = _Staging(self, staging, old)
        except OSError as exc:
            raise self.failed(exc) from None
        return self.current

    def finish(self) -> WriteReport:
        """Put the pass begun last in place; the manifest then describes the new site."""
        current, self.current = self.current, None
        assert current is not None
        files, old = current.entries, current.old
        deleted = sorted(set(old) - set(files))
        try:
            if isinstance(current, _Staging):
                if current.changed or not self.out_dir.exists():
                    current.link_kept()
                    self._swap_in(Path(current.target))
                else:  # the live site is already exactly the new one
                    shutil.rmtree(current.target, ignore_errors=True)
            else:
                for rel in deleted:
                    try:
                        (self.out_dir / rel).unlink()
                    except FileNotFoundError:
                        pass
                    self._prune_empty((self.out_dir / rel).parent)
        except (OSError, OutputError) as exc:
            self.abandon(current)
            if isinstance(exc, OutputError):
                raise
            raise self.failed(exc) from None
        if files != old or not self.manifest_path.exists():
            self._save_manifest(files)
        return WriteReport(tuple(current.written), tuple(deleted), len(files) - len(current.written))

    def abandon(self, current: _Pass | None = None) -> None:
        """Give up a pass: a staging folder is removed, the live site stays as it was."""
        current = current or self.current
        self.current = None
        if isinstance(current, _Staging):
            shutil.rmtree(current.target, ignore_errors=True)
        elif current is not None:
            self.manifest = None  # files were replaced in place: trust the disk, not the old manifest

    def failed(self, exc: OSError) -> OutputError:
        """The one-line error for a write that failed."""
        hint = ""
        if exc.errno in (errno.EXDEV, errno.EBUSY, errno.EROFS, errno.EACCES, errno.EPERM):
            hint = (" (the new site is built beside the folder and swapped in: the folder and its parent must be"
                    " writable, and the folder not a mount point)")
        return OutputError(f"{self.out_dir}: cannot write the site: {exc.strerror or exc}{hint}")

    def write(self, files: Mapping[str, bytes], *, in_place: bool = False) -> WriteReport:
        """Bring the output folder to exactly `files` (path → bytes)."""
        sink = self.begin(in_place=in_place)
        try:
            for rel, data in files.items():
                sink.put(rel, _digest(data), data)
        except OSError as exc:
            self.abandon(sink)
            raise self.failed(exc) from None
        return self.finish()

    def write_swap(self, files: Mapping[str, bytes]) -> WriteReport:
        """Write a complete new folder beside the old one, then swap it into place."""
        return self.write(files)

    def write_in_place(self, files: Mapping[str, bytes]) -> WriteReport:
        """Update only changed files (each atomically) and delete stale ones: for watch mode."""
        return self.write(files, in_place=True)

    def _swap_in(self, staging: Path) -> None:
        if not self.out_dir.exists():
            os.rename(staging, self.out_dir)
            return
        if not self.out_dir.is_dir() or self.out_dir.is_symlink():
            raise OutputError(f"{self.out_dir}: exists and is not a folder; remove it or choose another output_dir")
        if _exchange(staging, self.out_dir):
            _remove(staging, self.out_dir.parent / f".{self.out_dir.name}.trash-{os.getpid()}")  # the old site
            return
        old = self.out_dir.parent / f".{self.out_dir.name}.old"
        os.rename(self.out_dir, old)
        os.rename(staging, self.out_dir)
        _remove(old, self.out_dir.parent / f".{self.out_dir.name}.trash-{os.getpid()}")

    def _prune_empty(self, folder: Path) -> None:
        while folder != self.out_dir and folder.is_relative_to(self.out_dir):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent
