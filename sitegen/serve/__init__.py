"""`sitegen serve`: the watcher plus a development HTTP server with live reload.

Owns binding (loopback by default, a warning otherwise), the startup and
shutdown order, and the one-line message for a busy port. The server answers
before the first build is done: the site left by the last build (if any) is
served at once, and open tabs reload when the first build has swapped the new
one in. The requests live in `serve.handler`, the event stream in `serve.events`,
the note endpoint in `serve.notes`, the browser side in `livereload.js` and
`annotate.js`. Must not build anything itself: the watch `Session` does.
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
from sitegen.serve.handler import DevServer, Starting
from sitegen.serve.headers import headers_for, load_rules

__all__ = ["run_serve", "is_loopback"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int, session: Starting, broadcaster: Broadcaster) -> DevServer:
    """The listening server, or a SitegenError with one clear line (exit 1). While the profile
    is public it sends the headers of the archive's netlify.toml, as the host will."""
    rules = load_rules(session.cfg.root) if session.cfg.public else ()  # a broken file fails only where it is used
    server: DevServer | None = None
    site_headers = lambda path: headers_for(rules, path) if server and server.session.cfg.public else {}  # noqa: E731
    try:
        server = DevServer((host, port), session, broadcaster, loopback=is_loopback(host), site_headers=site_headers)
        return server
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise SitegenError(f"port {port} is in use on {host}; try --port {port + 1}") from None
        if exc.errno == errno.EACCES:
            raise SitegenError(f"not allowed to listen on port {port}; try --port 8000") from None
        raise SitegenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def run_serve(cfg: Config, console: Console, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve the output folder on host:port, rebuild and reload tabs on every change, until Ctrl-C."""
    broadcaster = Broadcaster()
    server = bind(host, port, Starting(cfg), broadcaster)  # before building: a busy port fails at once
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    watcher = None
    try:
        thread.start()  # before anything heavy is imported: the previous site is served at once
        from sitegen.watch import Session, watch_session  # the build, templates, Markdown: a while to load

        session = Session(cfg, console)
        server.session = session
        if not is_loopback(host):
            console.failure(
                f"warning: serving on {host}, reachable from other machines; "
                "the dev server is meant for this machine only (drop --host to serve on 127.0.0.1); "
                "annotating from the page is off"
            )
        session.listeners.append(broadcaster.publish)
        watcher = watch_session(session, early=True)
        watcher.start()  # before the first build, so no save made during it is missed
        shown = f"[{host}]" if ":" in host else host
        if session.cfg.output_path.is_dir():  # (no URL in these lines: the one below says the build is done)
            console.line(f"building; meanwhile the last build is served on {shown}:{server.server_address[1]}")
        else:
            console.line(f"building the site for the first time; meanwhile {shown}:{server.server_address[1]} "
                         "says so and reloads when it is done")
        session.rebuild()
        console.line(f"serving {session.cfg.output_path} at http://{shown}:{server.server_address[1]}/ (Ctrl-C to stop)")
        session.warm()
        while thread.is_alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        broadcaster.close()  # ends every event stream, so no tab holds a thread open
        if watcher is not None:
            watcher.stop()
        if thread.is_alive():
            server.shutdown()
        server.server_close()
    console.line("stopped")
    return 0
