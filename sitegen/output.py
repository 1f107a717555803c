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
from collections.abc import Mapping
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


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _is_manifest(value: object) -> bool:
    """{output path: [digest, size, mtime_ns]}, as `_save_manifest` writes it."""
    return isinstance(value, dict) and all(
        isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)
        and all(type(n) is int for n in entry[1:])
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


class OutputWriter:
    """Knows what is in the output folder (via a manifest) and brings it to a new state."""

    def __init__(self, out_dir: Path, cache_dir: Path) -> None:
        self.out_dir = out_dir
        self.cache_dir = cache_dir
        self.manifest_path = cache_dir / MANIFEST
        self.manifest: dict[str, list] | None = None
        self.last: Mapping[str, bytes] = {}  # the files as last written: the same bytes objects

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

    def _entry_if_same(
        self, rel: str, data: bytes, last: Mapping[str, bytes], manifest: Mapping[str, list]
    ) -> list | None:
        """The manifest entry [digest, size, mtime_ns] of out_dir/rel when it already holds exactly
        `data`, else None. Bytes that are the very object written there last time (`last`), in a file
        untouched since (size and mtime as in the manifest), need no hashing at all."""
        try:
            st = os.stat(os.path.join(self.out_dir, rel))
        except OSError:
            return None
        if st.st_size != len(data):
            return None
        entry = manifest.get(rel)
        untouched = entry is not None and entry[1] == st.st_size and entry[2] == st.st_mtime_ns
        if untouched and last.get(rel) is data:
            return entry
        digest = _digest(data)
        if untouched and entry[0] == digest:
            return entry
        try:
            same = _digest((self.out_dir / rel).read_bytes()) == digest
        except OSError:
            return None
        return [digest, st.st_size, st.st_mtime_ns] if same else None

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
        for leftover in parent.glob(f".{self.out_dir.name}.staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)

    # -- writing -------------------------------------------------------------------------
    def write_swap(self, files: Mapping[str, bytes]) -> WriteReport:
        """Write a complete new folder beside the old one, then swap it into place."""
        self.recover()
        parent = self.out_dir.parent
        staging = parent / f".{self.out_dir.name}.staging-{os.getpid()}"
        manifest: dict[str, list] = {}
        written: list[str] = []
        previous = self._load_manifest() if self.out_dir.exists() else {}
        self.last, last = {}, self.last  # forgotten until this write has finished
        try:
            staging.mkdir(parents=True)
            made: set[Path] = {staging}
            for rel, data in files.items():
                target = staging / rel
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                entry = self._entry_if_same(rel, data, last, previous)
                if entry is not None:
                    os.link(self.out_dir / rel, target)  # a hard link keeps size and mtime
                    manifest[rel] = entry
                    continue
                target.write_bytes(data)
                written.append(rel)
                st = target.stat()
                manifest[rel] = [_digest(data), st.st_size, st.st_mtime_ns]
            old_files = set(previous)
            self._swap_in(staging)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            hint = ""
            if exc.errno in (errno.EXDEV, errno.EBUSY, errno.EROFS, errno.EACCES, errno.EPERM):
                hint = " (the new site is built beside the folder and swapped in: the folder and its parent must be writable, and the folder not a mount point)"
            raise OutputError(f"{self.out_dir}: cannot write the site: {exc.strerror or exc}{hint}") from None
        self._save_manifest(manifest)
        self.last = dict(files)
        deleted = tuple(sorted(old_files - set(files)))
        return WriteReport(tuple(written), deleted, len(files) - len(written))

    def _swap_in(self, staging: Path) -> None:
        if not self.out_dir.exists():
            os.rename(staging, self.out_dir)
            return
        if not self.out_dir.is_dir() or self.out_dir.is_symlink():
            raise OutputError(f"{self.out_dir}: exists and is not a folder; remove it or choose another output_dir")
        if _exchange(staging, self.out_dir):
            shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
            return
        old = self.out_dir.parent / f".{self.out_dir.name}.old"
        os.rename(self.out_dir, old)
        os.rename(staging, self.out_dir)
        shutil.rmtree(old, ignore_errors=True)

    def write_in_place(self, files: Mapping[str, bytes]) -> WriteReport:
        """Update only changed files (each atomically) and delete stale ones: for watch mode."""
        self.recover()
        manifest = dict(self._load_manifest()) if self.out_dir.exists() else {}
        written: list[str] = []
        self.last, last = {}, self.last  # forgotten until this write has finished
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for rel, data in files.items():
                entry = self._entry_if_same(rel, data, last, manifest)
                if entry is not None:
                    manifest[rel] = entry
                    continue
                target = self.out_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, data, fsync=False)
                st = target.stat()
                manifest[rel] = [_digest(data), st.st_size, st.st_mtime_ns]
                written.append(rel)
            deleted = sorted(set(manifest) - set(files))
            for rel in deleted:
                manifest.pop(rel, None)
                try:
                    (self.out_dir / rel).unlink()
                except FileNotFoundError:
                    pass
                self._prune_empty((self.out_dir / rel).parent)
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: cannot write the site: {exc.strerror or exc}") from None
        if manifest != self._load_manifest() or not self.manifest_path.exists():
            self._save_manifest(manifest)
        self.last = dict(files)
        return WriteReport(tuple(written), tuple(deleted), len(files) - len(written))

    def _prune_empty(self, folder: Path) -> None:
        while folder != self.out_dir and folder.is_relative_to(self.out_dir):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent
