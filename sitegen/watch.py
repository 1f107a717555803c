"""Watching an archive: rebuild after every change, debounced, and keep going after mistakes.

Owns the watchdog observer, the filter for editors' temporary files, the debounce
(a burst of saves is one rebuild) and the `Session` that rebuilds incrementally
and tells listeners (the dev server) what changed. Must not serve anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from sitegen.build import Builder, BuildResult
from sitegen.config import CONFIG_NAME, Config, load_config
from sitegen.console import Console, plural
from sitegen.errors import Problem, SitegenError

DEBOUNCE = 0.06  # seconds of quiet after the last event before rebuilding
_TEMP_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", ".part", ".crdownload", ".kate-swp")
_TEMP_NAMES = {"4913", ".DS_Store"}


def is_relevant(path: Path, cfg: Config) -> bool:
    """Does a change at `path` matter to the site? Editors' scratch files and our own output do not."""
    name = path.name
    if name in _TEMP_NAMES or name.endswith(_TEMP_SUFFIXES) or name.startswith((".#", "#")):
        return False
    try:
        rel = path.resolve().relative_to(cfg.root.resolve())
    except (ValueError, OSError):
        return False
    parts = rel.parts
    if not parts:
        return False
    if len(parts) == 1:
        return name == CONFIG_NAME
    top = parts[0]
    if top == cfg.content_dir.split("/")[0]:
        return not name.startswith(".") or name == ".gitkeep"
    return top in ("themes", "templates", "static") and not name.startswith(".")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rebuild did: a result, or the problems that stopped it."""

    result: BuildResult | None
    problems: tuple[Problem, ...]
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.result is not None


class Session:
    """One archive being edited: a Builder kept warm, rebuilt on demand, listeners told."""

    def __init__(self, cfg: Config, console: Console) -> None:
        self.cfg = cfg
        self.console = console
        self.builder = Builder(cfg, in_place=True)
        self.lock = threading.Lock()
        self.listeners: list[Callable[[Outcome], None]] = []
        self.last: Outcome | None = None

    def rebuild(self, changed: set[Path] | None = None) -> Outcome:
        with self.lock:
            if changed and any(p.name == CONFIG_NAME and p.parent.resolve() == self.cfg.root.resolve() for p in changed):
                try:
                    fresh = load_config(self.cfg.root)
                except SitegenError as exc:
                    return self._finish(Outcome(None, exc.problems, str(exc)))
                self.cfg = fresh.with_overrides(output_dir=self.cfg.output_dir, base_url=self.cfg.base_url)
                self.builder = Builder(self.cfg, in_place=True)
                self.console.info("sitegen.toml changed: rebuilding everything")
            try:
                result = self.builder.build()
            except SitegenError as exc:
                return self._finish(Outcome(None, exc.problems, str(exc)))
            except Exception as exc:  # noqa: BLE001 - the loop must survive anything a save can cause
                return self._finish(Outcome(None, (), f"unexpected error: {exc!r}"))
            return self._finish(Outcome(result, result.warnings))

    def _finish(self, outcome: Outcome) -> Outcome:
        self.last = outcome
        if outcome.ok:
            result = outcome.result
            assert result is not None
            self.console.problems(outcome.problems)
            self.console.info(
                f"rebuilt in {result.seconds * 1000:.0f} ms: {plural(len(result.written), 'file')} written, "
                f"{len(result.deleted):,} removed"
            )
        else:
            self.console.problems(outcome.problems)
            self.console.failure(outcome.message + " (the last good site is still served)")
        for listener in list(self.listeners):
            listener(outcome)
        return outcome


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        for raw in paths:
            if raw:
                path = Path(raw.decode() if isinstance(raw, bytes) else raw)
                if is_relevant(path, self.watcher.cfg):
                    self.watcher.poke(path)


class Watcher:
    """Calls `on_change(paths)` once the archive has been quiet for `debounce` seconds."""

    def __init__(self, cfg: Config, on_change: Callable[[set[Path]], None], debounce: float = DEBOUNCE) -> None:
        self.cfg = cfg
        self.on_change = on_change
        self.debounce = debounce
        self.pending: set[Path] = set()
        self.last_event = 0.0
        self.cond = threading.Condition()
        self.stopped = False
        self.observer = Observer()
        self.thread = threading.Thread(target=self._run, name="sitegen-debounce", daemon=True)

    def poke(self, path: Path) -> None:
        with self.cond:
            self.pending.add(path)
            self.last_event = time.monotonic()
            self.cond.notify()

    def start(self) -> None:
        self.observer.schedule(_Handler(self), str(self.cfg.root), recursive=False)
        for name in (self.cfg.content_dir, "themes", "templates", "static"):
            folder = self.cfg.root / name
            if folder.is_dir():
                self.observer.schedule(_Handler(self), str(folder), recursive=True)
        self.observer.start()
        self.thread.start()

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.pending and not self.stopped:
                    self.cond.wait()
                if self.stopped:
                    return
                quiet = time.monotonic() - self.last_event
                if quiet < self.debounce:
                    self.cond.wait(self.debounce - quiet)
                    continue
                batch, self.pending = self.pending, set()
            self.on_change(batch)


def run_watch(cfg: Config, console: Console) -> int:
    """`sitegen watch`: build, then rebuild on every change until Ctrl-C."""
    session = Session(cfg, console)
    watcher = Watcher(cfg, session.rebuild)
    try:
        session.rebuild()
        watcher.start()
        console.info(f"watching {cfg.root.resolve()} for changes (Ctrl-C to stop)")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        if watcher.thread.is_alive():
            watcher.stop()
    console.info("stopped")
    return 0
