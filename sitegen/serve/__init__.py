"""`sitegen serve`: the watcher plus a development HTTP server with live reload.

Owns binding (loopback by default), the startup and shutdown order, and the
messages for a busy port. The request handling lives in `serve.handler`, the
event stream in `serve.events`. Must not build anything itself.
"""

from __future__ import annotations

import errno
import ipaddress
import threading
import time

from sitegen.config import Config
from sitegen.console import Console
from sitegen.errors import SitegenError
from sitegen.serve.events import Broadcaster
from sitegen.serve.handler import DevServer
from sitegen.watch import Session, Watcher

__all__ = ["run_serve"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(cfg: Config, console: Console, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    session = Session(cfg, console)
    broadcaster = Broadcaster()
    try:
        server = DevServer((host, port), session, broadcaster)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise SitegenError(f"port {port} is in use on {host}; try --port {port + 1}") from None
        raise SitegenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    if not _is_loopback(host):
        console.failure(
            f"warning: serving on {host}, reachable from other machines; the dev server is meant for this machine only"
        )
    session.listeners.append(broadcaster.publish)
    watcher = Watcher(session.cfg, session.rebuild)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        session.rebuild()
        watcher.start()
        thread.start()
        shown = f"[{host}]" if ":" in host else host
        console.line(f"serving {cfg.output_path} at http://{shown}:{server.server_address[1]}/ (Ctrl-C to stop)")
        while thread.is_alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        broadcaster.close()
        if watcher.thread.is_alive():
            watcher.stop()
        if thread.is_alive():
            server.shutdown()
        server.server_close()
    console.line("stopped")
    return 0
