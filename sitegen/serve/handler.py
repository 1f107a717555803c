"""The dev server's requests: files from the output folder, safely, with live reload injected.

Owns path resolution (nothing outside the output folder: no `..`, encoded or
not, no backslashes, NUL or absolute paths, no symlinks out), content types, the
site's 404 page, no directory listings, the Host check against DNS rebinding
while bound to loopback, the reload script tag injected into HTML responses
(never into files on disk), and the `/__sitegen/` endpoints: the script, the
status of the last build, the event stream, and (on loopback) the note
endpoint of `serve.notes` with its script. Also what a busy or careless
client may do: one thread per connection, an idle or stalled connection
closed after `IDLE_SECONDS` (so slow clients hold nothing for long), an event
stream ended within `POLL_SECONDS` of its tab going away, and a client that
hangs up mid-response ending quietly. Must not build.
"""

from __future__ import annotations

import json
import mimetypes
import queue
import select
import socket
import sys
import time
from collections.abc import Callable, Mapping
from html import escape as html_escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from sitegen.config import Config
from sitegen.serve import assets
from sitegen.serve.events import HEARTBEAT, Broadcaster, problems_of
from sitegen.serve.notes import ENDPOINT, NotesEndpoint

if TYPE_CHECKING:  # not at run time: the server answers before the watcher and the build are imported
    from sitegen.watch import Session

SCRIPT_SRC = assets.url("livereload.js")
BUILDING = (  # what a page not there yet says while the first build runs; livereload.js reloads it after
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="sitegen-building" content="">'
    b'<meta name="viewport" content="width=device-width, initial-scale=1"><title>Building the site\xe2\x80\xa6</title>'
    b'</head><body><main><h1>Building the site\xe2\x80\xa6</h1><p>sitegen serve is building the site for the first '
    b'time. This page reloads by itself when it is done.</p></main></body></html>\n'
)
CACHED = "max-age=31536000, immutable"  # a server file asked for by its versioned URL
HEARTBEAT_SECONDS = 15.0
IDLE_SECONDS = 10.0  # a connection that sends nothing (or reads nothing) for this long is closed
POLL_SECONDS = 1.0  # how often a quiet event stream checks that its tab is still there
_UTF8 = "; charset=utf-8"
TYPES = {
    ".html": "text/html" + _UTF8, ".htm": "text/html" + _UTF8, ".css": "text/css" + _UTF8,
    ".js": "text/javascript" + _UTF8, ".mjs": "text/javascript" + _UTF8, ".json": "application/json" + _UTF8,
    ".map": "application/json" + _UTF8, ".webmanifest": "application/manifest+json" + _UTF8,
    ".xml": "application/xml" + _UTF8, ".xsl": "application/xslt+xml" + _UTF8, ".txt": "text/plain" + _UTF8,
    ".md": "text/plain" + _UTF8, ".csv": "text/csv" + _UTF8, ".svg": "image/svg+xml" + _UTF8,
    ".jsonld": "application/ld+json" + _UTF8, ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf", ".pdf": "application/pdf",
    ".wasm": "application/wasm", ".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg",
}
ATOM = "application/atom+xml" + _UTF8


def content_type(path: Path) -> str:
    """The Content-Type for a file of the site; `.xml` holding an Atom feed is served as one."""
    suffix = path.suffix.lower()
    if suffix == ".xml" and (path.name == "feed.xml" or _is_atom(path)):
        return ATOM
    return TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _is_atom(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return b"<feed" in head and b"http://www.w3.org/2005/Atom" in head


def url_parts(url_path: str) -> list[str] | None:
    """The path segments of a URL path, or None for anything that could reach outside the folder."""
    try:
        raw = unquote(url_path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\x00" in raw or "\\" in raw:
        return None
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if any(p == ".." or ":" in p for p in parts):
        return None
    return parts


def resolve(root: Path, url_path: str) -> Path | None:
    """The file for a URL path inside `root`, or None (missing, a directory with no index, or outside)."""
    parts = url_parts(url_path)
    if parts is None:
        return None
    base = root.resolve()
    try:
        real = base.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real != base and base not in real.parents:
        return None  # a symlink pointing out of the output folder
    if real.is_dir():
        index = real / "index.html"
        return index if index.is_file() else None
    return real if real.is_file() else None


def inject(html: bytes, stamp: str, extra: bytes = b"") -> bytes:
    """The page with the reload script (and `extra` tags) before its last `</body>` (or at the end).

    `stamp` is the build the page was read after: the tab asks for what changed since then, so a
    rebuild that lands before its script runs is not missed."""
    tags = f'<script src="{SCRIPT_SRC}" data-stamp="{html_escape(stamp)}" defer></script>'.encode() + extra
    at = html.lower().rfind(b"</body>")
    return html[:at] + tags + html[at:] if at >= 0 else html + tags


def host_allowed(host_header: str | None, bound: str) -> bool:
    """While bound to loopback, only loopback names may be asked for (a DNS-rebinding guard)."""
    if not host_header:
        return True
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host in ("localhost", "127.0.0.1", "::1", bound.lower()) or host.endswith(".localhost") \
        or host.startswith("127.")


class Starting:
    """What the server knows of the session before the watcher is loaded: the settings, no build yet."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.last = None


class DevServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # a port in use by another program is an error, not shared
    request_queue_size = 1024  # a burst of connections (many tabs reloading at once) waits, not refused

    def __init__(
        self, address: tuple[str, int], session: Session | Starting, broadcaster: Broadcaster, *,
        loopback: bool = True,
        site_headers: Callable[[str], Mapping[str, str]] | None = None,
    ) -> None:
        self.session = session
        self.broadcaster = broadcaster
        self.loopback = loopback
        self.notes = NotesEndpoint(lambda: self.session.cfg) if loopback else None  # writes: loopback only
        self.site_headers = site_headers  # the public profile: netlify.toml's headers per URL path
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away mid-response is no error; anything else is reported as usual."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.1"
    server_version = "sitegen-serve"
    timeout = IDLE_SECONDS
    default_request_version = "HTTP/1.0"  # garbage gets a real `400` status line, not a bare HTTP/0.9 page

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: the console is the editor's
        pass

    def parse_request(self) -> bool:
        """The standard checks, and a 400 for headers a server must refuse (RFC 9112): a line without
        a colon, a folded line, two Host headers."""
        if not super().parse_request():
            return False
        headers = self.headers
        if headers.defects or any("\n" in v or "\r" in v for v in headers.values()) or len(headers.get_all("Host", ())) > 1:
            self.send_error(HTTPStatus.BAD_REQUEST, "Malformed header")
            return False
        return True

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(head=False)

    def _send(self, status: int, body: bytes, ctype: str, head: bool, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
        if self.server.site_headers is not None and not self.path.startswith("/__sitegen/"):
            headers.update(self.server.site_headers(urlsplit(self.path).path))
        for key, value in {**headers, **(extra or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _serve(self, head: bool) -> None:
        if self.server.loopback and not host_allowed(self.headers.get("Host"), self.server.server_address[0]):
            return self._send(HTTPStatus.FORBIDDEN, b"sitegen serve: this host name is not allowed\n",
                              "text/plain" + _UTF8, head)
        split = urlsplit(self.path)
        path = split.path
        if path.startswith("/__sitegen/"):
            return self._internal(path, split.query, head)
        root = self.server.session.cfg.output_path
        target = resolve(root, path)
        if target is not None and target.name == "index.html" and not path.endswith(("/", "index.html")):
            # the slash form, rebuilt from the segments: never `//host/...`, which would leave the site
            location = "/" + "".join(f"{segment}/" for segment in path.split("/") if segment)
            return self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain" + _UTF8, head, {"Location": location})
        if target is None and self.server.session.last is None and not (root / "index.html").is_file():
            # no site yet (the last build's is served while the first build runs, when there is one)
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, inject(BUILDING, self._stamp()), "text/html" + _UTF8, head,
                              {"Retry-After": "2"})
        if target is None:
            return self._not_found(root, head)
        stamp = self._stamp()  # before the file is read: at worst the tab updates once for nothing
        try:
            body = target.read_bytes()
        except OSError:
            return self._not_found(root, head)
        ctype = content_type(target)
        if ctype.startswith("text/html"):
            body = inject(body, stamp, self.server.notes.script_tag(path) if self.server.notes else b"")
        self._send(HTTPStatus.OK, body, ctype, head)

    def _stamp(self) -> str:
        with self.server.broadcaster.lock:
            return self.server.broadcaster.stamp

    def _not_found(self, root: Path, head: bool) -> None:
        stamp = self._stamp()
        page = root / "404.html"
        try:
            body = page.read_bytes()
        except OSError:
            body = b"<!doctype html><title>Not found</title><h1>Not found</h1>"
        self._send(HTTPStatus.NOT_FOUND, inject(body, stamp), "text/html" + _UTF8, head)

    def do_POST(self) -> None:  # noqa: N802 - only the note endpoint takes a POST
        self.close_connection = True  # a refused body is never read: the connection cannot be reused
        if self.server.notes is None or urlsplit(self.path).path != ENDPOINT:
            return self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", "text/plain" + _UTF8, False, {"Allow": "GET, HEAD"})
        self._notes("POST", "", False)

    def _notes(self, method: str, query: str, head: bool) -> None:
        port = self.server.server_address[1]
        notes = self.server.notes
        assert notes is not None
        status, body = notes.handle(method, self.headers, query, self.rfile, port)
        self._send(status, body, "application/json" + _UTF8, head)

    def _internal(self, path: str, query: str, head: bool) -> None:
        name = path.removeprefix("/__sitegen/")
        scripts = assets.NAMES if self.server.notes else ("livereload.js",)
        if name in scripts:
            cached = parse_qs(query).get("v") == [assets.version(name)]
            return self._send(HTTPStatus.OK, assets.data(name), content_type(Path(name)), head,
                              {"Cache-Control": CACHED} if cached else None)
        if path == ENDPOINT and self.server.notes:
            return self._notes("GET", query, head)
        if path == "/__sitegen/status":
            broadcaster = self.server.broadcaster
            with broadcaster.lock:
                state = {"stamp": broadcaster.stamp, **problems_of(broadcaster.last or self.server.session.last)}
            return self._send(HTTPStatus.OK, json.dumps(state).encode(), "application/json" + _UTF8, head)
        if path == "/__sitegen/events" and not head:
            since = self.headers.get("Last-Event-ID") or parse_qs(query).get("since", [None])[0]
            return self._events(since)
        self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain" + _UTF8, head)

    def _events(self, since: str | None) -> None:
        """One tab's stream: hello, then an event per rebuild, a heartbeat comment when quiet."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream" + _UTF8)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        subscription = self.server.broadcaster.subscribe(since)
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            quiet_since = time.monotonic()
            while True:
                try:
                    data = subscription.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if self._hung_up():
                        return
                    if time.monotonic() - quiet_since < HEARTBEAT_SECONDS:
                        continue
                    data = HEARTBEAT
                if data is None:
                    return
                self.wfile.write(data)
                self.wfile.flush()
                quiet_since = time.monotonic()
        except OSError:  # the tab went away
            return
        finally:
            self.server.broadcaster.unsubscribe(subscription)

    def _hung_up(self) -> bool:
        """Has the client closed its end? (A tab sends nothing on an event stream, so readable means gone.)"""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and not self.connection.recv(1, socket.MSG_PEEK)
        except (OSError, ValueError):
            return True
