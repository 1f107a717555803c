"""Watching an archive: rebuild after every change, debounced, and keep going after mistakes.

Owns the watchdog observer, the filter for editors' scratch files and our own
output, the debounce (a burst of saves is one rebuild, once the archive has been
quiet for `DEBOUNCE` seconds after the last event, or `MAX_DELAY` seconds after
the first, so an editor that never stops saving still sees its changes) and the `Session` that keeps a
`Builder` warm, reloads `sitegen.toml` when it changes and tells listeners (the
dev server) what each rebuild did. Under serve, a saved article's own page is
drawn first (`Session.save`, through `live`) and the full build runs once the
archive is quiet (`Watcher.on_quiet`). Must not serve anything.
"""

from __future__ import annotations

import errno
import functools
import gc
import os
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from sitegen.build import Builder, BuildResult
from sitegen.config import CONFIG_NAME, Config, load_config
from sitegen.console import Console, plural
from sitegen.errors import Problem, SitegenError
from sitegen.live import LiveSite

DEBOUNCE = 0.06  # seconds of quiet after the last event before rebuilding
SETTLED = 0.002  # the same under serve, when every file changed was closed after writing or renamed into place
MAX_DELAY = 1.0  # seconds after the first event of a burst that never goes quiet: rebuild anyway
QUIET = 1.0  # seconds without a change before the rest of a save drawn early is built
LATEST = 10.0  # seconds after such a save when the rest is built even if saves keep coming
_SCRATCH_SUFFIXES = (
    ".swp", ".swx", ".swo", ".swn", "~", ".tmp", ".part", ".crdownload", ".kate-swp", ".crswap",
    "___jb_tmp___", "___jb_old___", ".bak", ".orig",
)
_SCRATCH_NAMES = {"4913", ".DS_Store", "Thumbs.db"}
_SKIPPED_EVENTS = {"opened", "closed_no_write"}


def watched_folders(cfg: Config) -> tuple[Path, ...]:
    """The folders whose changes matter: content, themes, the site's own templates and static files."""
    return (cfg.content_path, cfg.root / "themes", cfg.site_templates_path, cfg.site_static_path)


def is_scratch(name: str) -> bool:
    """An editor's swap, backup or safe-write file, or one of our own `.tmp` files."""
    return name in _SCRATCH_NAMES or name.endswith(_SCRATCH_SUFFIXES) or name.startswith((".#", "#"))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@functools.lru_cache(maxsize=8)
def _places(cfg: Config) -> tuple[Path, tuple[Path, ...], tuple[Path, ...]]:
    """The config file, the folders never watched (output, cache) and the watched ones, resolved."""
    ignored = (cfg.output_path.resolve(), cfg.cache_path.resolve())
    return (cfg.root / CONFIG_NAME).resolve(), ignored, tuple(f.resolve() for f in watched_folders(cfg))


def is_relevant(path: Path, cfg: Config) -> bool:
    """Does a change at `path` matter to the site? Scratch files, dotfiles and our own output do not."""
    if is_scratch(path.name):
        return False
    try:
        path = Path(os.path.realpath(path.parent)) / path.name
        config, ignored, folders = _places(cfg)
    except (OSError, RuntimeError):
        return False
    if any(_inside(path, folder) for folder in ignored):
        return False
    if path == config:
        return True
    for folder in folders:
        if _inside(path, folder):
            rel = path.relative_to(folder).parts
            return not any(part.startswith(".") for part in rel)
    return False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rebuild did: a result, or the problems (and message) that stopped it."""

    result: BuildResult | None
    problems: tuple[Problem, ...]
    message: str = ""
    early: bool = False  # only the saved articles' own pages, drawn before the rest (`live`)
    pages: tuple[tuple[str, bytes], ...] = ()  # early: those pages' output paths and bytes, for open tabs

    @property
    def ok(self) -> bool:
        return self.result is not None


def command_line_overrides(cfg: Config) -> dict[str, Any]:
    """The settings in `cfg` that differ from sitegen.toml: flags, kept when the file is reloaded."""
    try:
        on_disk = load_config(cfg.root)
    except SitegenError:
        return {"output_dir": cfg.output_dir, "base_url": cfg.base_url, "strict": cfg.strict, "profile": cfg.profile}
    names = [f.name for f in fields(Config) if f.name not in ("root", "warnings")]
    return {name: getattr(cfg, name) for name in names if getattr(cfg, name) != getattr(on_disk, name)}


def _where(exc: Exception) -> str:
    """`ValueError('x') at sitegen/views/pages.py:123`: enough to report a bug, without a traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{exc!r} at {frames[-1].filename}:{frames[-1].lineno}" if frames else repr(exc)


class Session:
    """One archive being edited: a Builder kept warm, rebuilt on demand, listeners told.

    A change to sitegen.toml reloads it (command-line flags still win) and starts
    over with a fresh Builder, so everything is rebuilt with the new settings.
    """

    def __init__(self, cfg: Config, console: Console) -> None:
        self.cfg = cfg
        self.console = console
        self.overrides = command_line_overrides(cfg)
        self.builder = Builder(cfg, in_place=True)
        self.live = LiveSite(self.builder)
        self.lock = threading.Lock()
        self.listeners: list[Callable[[Outcome], None]] = []
        self.last: Outcome | None = None
        self.config_stale = False
        self.settled = False  # the first good build's objects are frozen (gc.freeze)

    def config_changed(self, changed: set[Path] | None) -> bool:
        config = (self.cfg.root / CONFIG_NAME).resolve()
        return bool(changed) and any(p.resolve() == config for p in changed)

    def rebuild(self, changed: set[Path] | None = None) -> Outcome:
        """Build now (the files in `changed` prompted it); never raises for anything a save can cause."""
        with self.lock:
            if self.config_stale or self.config_changed(changed):
                try:
                    fresh = load_config(self.cfg.root)
                except SitegenError as exc:
                    self.config_stale = True  # every later rebuild tries the file again
                    return self._finish(Outcome(None, exc.problems, str(exc)))
                self.config_stale = False
                self.cfg = fresh.with_overrides(**self.overrides)
                self.builder = Builder(self.cfg, in_place=True)
                self.live = LiveSite(self.builder)
                self.console.info(f"{CONFIG_NAME} changed: rebuilding everything")
            try:
                result = self.builder.build()
                self.live.follow()
                if not self.settled:
                    # the first build's objects (articles, bodies, views) live as long as the session:
                    # freezing them keeps the cyclic collector from walking them after every save
                    gc.collect()
                    gc.freeze()
                    self.settled = True
            except SitegenError as exc:
                return self._finish(Outcome(None, exc.problems, str(exc)))
            except Exception as exc:  # noqa: BLE001 - the loop must survive anything a save can cause
                return self._finish(Outcome(None, (), f"unexpected error (a bug in sitegen): {_where(exc)}"))
            return self._finish(Outcome(result, result.warnings))

    def warm(self) -> None:
        """Have the site model ready for `save` even when the first build found nothing to do."""
        with self.lock:
            if self.last is not None and self.last.ok:
                try:
                    self.builder.warm()
                    self.live.prepare()
                except Exception:  # noqa: BLE001 - then the next save runs the full build, which reports it
                    pass

    def save(self, changed: set[Path]) -> Outcome | None:
        """Draw the pages of the article files saved in `changed` at once, when they need no other page
        redrawn first (`live.LiveSite`); None when the full build must run now. The rest of the site
        is then out of date until `rebuild()`."""
        with self.lock:
            if self.last is None or not self.last.ok or self.config_stale or self.config_changed(changed):
                return None  # the first build, or a failed one: only a full build can tell what is right
            started = time.perf_counter()
            try:
                pages = self.live.redraw_pages(changed)
            except Exception:  # noqa: BLE001 - the full build that follows reports it
                return None
            if pages is None:
                return None
            last = self.last.result
            assert last is not None
            result = BuildResult(last.articles, last.files, last.pages, tuple(pages), (), len(pages), 0,
                                 time.perf_counter() - started)
            return self._finish(Outcome(result, (), early=True, pages=tuple(pages.items())))

    def _finish(self, outcome: Outcome) -> Outcome:
        first = self.last is None
        self.last = outcome
        self.console.problems(outcome.problems)
        if outcome.result is not None:
            result = outcome.result
            if outcome.early:
                self.console.info(f"page redrawn in {result.seconds * 1000:.0f} ms; the rest follows")
            elif first:
                self.console.info(
                    f"built {plural(result.pages, 'page')} from {plural(result.articles, 'article')} "
                    f"in {result.seconds:.2f} s"
                )
            elif result.written or result.deleted:
                self.console.info(
                    f"rebuilt in {result.seconds * 1000:.0f} ms: {plural(len(result.written), 'file')} written, "
                    f"{len(result.deleted):,} removed"
                )
            else:
                self.console.info(f"rebuilt in {result.seconds * 1000:.0f} ms: no page changed")
        else:
            self.console.failure(outcome.message)
        for listener in list(self.listeners):
            listener(outcome)
        return outcome


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _SKIPPED_EVENTS or (event.is_directory and event.event_type == "modified"):
            return  # a folder is "modified" whenever an entry changes: that entry's own event tells us
        # after a close that follows writing, or a rename into place, the file is as the editor left it
        ends = ((event.src_path, event.event_type == "closed"), (getattr(event, "dest_path", ""), True))
        for raw, whole in ends:
            if raw:
                path = Path(os.fsdecode(raw))
                if is_relevant(path, self.watcher.cfg):
                    self.watcher.poke(path, whole=whole)


class Watcher:
    """Calls `on_change(paths)` once the archive has been quiet for `debounce` seconds (`settle`
    when every changed file was closed after writing or renamed into place: it is whole already).
    When `on_change` returns True, something is owed: `on_quiet()` is called once nothing has
    changed for `QUIET` seconds (or `LATEST` after the first such change), unless another
    `on_change` returning False settled it first.

    Watches the archive's root (for sitegen.toml and folders appearing) and each
    of `watched_folders` recursively; a folder created, deleted or replaced later
    is picked up before the next `on_change`.
    """

    def __init__(
        self,
        cfg: Config,
        on_change: Callable[[set[Path]], object],
        debounce: float = DEBOUNCE,
        console: Console | None = None,
        settle: float | None = None,
    ) -> None:
        self.cfg = cfg
        self.on_change = on_change
        self.on_quiet: Callable[[], object] = lambda: None
        self.debounce = debounce
        self.settle = debounce if settle is None else min(settle, debounce)
        self.console = console
        self.pending: set[Path] = set()
        self.whole: set[Path] = set()  # pending paths whose last event left them whole
        self.owed_since: float | None = None  # when on_change first left something owed
        self.last_event = 0.0
        self.first_event = 0.0  # of the changes pending now
        self.cond = threading.Condition()
        self.stopped = False
        self.observer = Observer()
        self.handler = _Handler(self)
        self.watches: dict[Path, tuple[ObservedWatch, int]] = {}
        self.thread = threading.Thread(target=self._run, name="sitegen-debounce", daemon=True)

    def poke(self, path: Path, whole: bool = False) -> None:
        with self.cond:
            self.last_event = time.monotonic()
            if not self.pending:
                self.first_event = self.last_event
            self.pending.add(path)
            (self.whole.add if whole else self.whole.discard)(path)
            self.cond.notify()

    def follow(self, cfg: Config) -> None:
        """Watch what a new configuration needs (after sitegen.toml changed)."""
        if cfg != self.cfg:
            self.cfg = cfg
            self._sync_folders()

    def start(self) -> None:
        """Start watching; a SitegenError (one line, exit 1) when the system refuses."""
        try:
            self.observer.schedule(self.handler, str(self.cfg.root), recursive=False)
            self._sync_folders()
            self.observer.start()
        except OSError as exc:
            hint = " (on Linux, raise fs.inotify.max_user_watches)" if exc.errno in (errno.ENOSPC, errno.EMFILE) else ""
            raise SitegenError(f"cannot watch {self.cfg.root}: {exc.strerror or exc}{hint}") from None
        self.thread.start()

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify()
        self.observer.stop()
        if self.observer.is_alive():
            self.observer.join(timeout=5)
        if self.thread.is_alive():
            self.thread.join(timeout=5)

    def _sync_folders(self) -> None:
        wanted: dict[Path, int] = {}
        for folder in watched_folders(self.cfg):
            try:
                info = folder.stat()
            except OSError:
                continue
            if folder.is_dir():
                wanted[folder] = info.st_ino
        for folder, (watch, inode) in list(self.watches.items()):
            if wanted.get(folder) != inode:  # gone, or deleted and made again: the old watch is dead
                self.observer.unschedule(watch)
                del self.watches[folder]
        for folder, inode in wanted.items():
            if folder not in self.watches:
                self.watches[folder] = (self.observer.schedule(self.handler, str(folder), recursive=True), inode)

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.pending and not self.stopped and self.owed_since is None:
                    self.cond.wait()
                if self.stopped:
                    return
                now = time.monotonic()
                if not self.pending:  # only the rest of an early save is owed
                    assert self.owed_since is not None
                    wait = min(QUIET - (now - self.last_event), LATEST - (now - self.owed_since))
                    if wait > 0:
                        self.cond.wait(wait)
                        continue
                    batch = None
                else:
                    debounce = self.settle if self.pending <= self.whole else self.debounce
                    wait = min(debounce - (now - self.last_event), MAX_DELAY - (now - self.first_event))
                    if wait > 0:
                        self.cond.wait(wait)
                        continue
                    batch, self.pending, self.whole = self.pending, set(), set()
            self._call(batch)

    def _call(self, batch: set[Path] | None) -> None:
        """`on_change(batch)`, or `on_quiet()` for None; watching goes on whatever they raise."""
        try:
            self._sync_folders()
            if batch is None:
                self.owed_since = None
                self.on_quiet()
            elif self.on_change(batch) is True:
                self.owed_since = self.owed_since or time.monotonic()
            else:
                self.owed_since = None
        except Exception as exc:  # noqa: BLE001 - watching must go on
            if self.console is not None:
                self.console.failure(f"while rebuilding: {exc!r}")


def watch_session(session: Session, debounce: float = DEBOUNCE, *, early: bool = False) -> Watcher:
    """A Watcher that rebuilds `session` and follows its config when sitegen.toml changes. `early`
    (serve): a file saved whole is acted on at once, and a saved article's own page drawn before
    the rest, which is built once the archive is quiet (each save of a burst redraws its page)."""
    watcher = Watcher(session.cfg, lambda paths: None, debounce, console=session.console,
                      settle=SETTLED if early else None)

    def on_change(paths: set[Path]) -> bool:
        if early and session.save(paths) is not None:
            return True
        session.rebuild(paths)
        watcher.follow(session.cfg)
        return False

    def on_quiet() -> None:
        session.rebuild()

    watcher.on_change = on_change
    watcher.on_quiet = on_quiet
    return watcher


def run_watch(cfg: Config, console: Console) -> int:
    """`sitegen watch`: build, then rebuild on every change until Ctrl-C."""
    session = Session(cfg, console)
    watcher = watch_session(session)
    try:
        watcher.start()  # before the first build, so no save made during it is missed
        session.rebuild()
        console.info(f"watching {cfg.root.resolve()} for changes (Ctrl-C to stop)")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
    console.line("stopped")
    return 0
