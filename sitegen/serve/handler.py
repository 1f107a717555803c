"""The dev server's requests: files from the output folder, safely, with live reload injected.

Owns path resolution (nothing outside the output folder: no `..`, encoded or
not, no absolute paths, no symlinks out), content types, the site's 404 page,
no directory listings, the reload script injected into HTML responses (never
into files on disk), and the `/__sitegen/` endpoints. Must not build.
"""

from __future__ import annotations

import json
import mimetypes
import queue
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.serve.events import Broadcaster
from sitegen.watch import Session

SCRIPT_TAG = b'<script src="/__sitegen/livereload.js" defer></script>'
TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json",
    ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon", ".woff2": "font/woff2",
    ".woff": "font/woff", ".md": "text/plain; charset=utf-8", ".jsonld": "application/ld+json",
}


def content_type(path: Path) -> str:
    if path.name == "feed.xml":
        return "application/atom+xml; charset=utf-8"
    return TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def resolve(root: Path, url_path: str) -> Path | None:
    """The file for a URL path inside `root`, or None (missing, a directory with no index, or outside)."""
    raw = unquote(url_path, errors="strict") if "%" in url_path else url_path
    if "\x00" in raw or "\\" in raw:
        return None
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    base = root.resolve()
    target = base.joinpath(*parts) if parts else base
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real != base and base not in real.parents:
        return None  # a symlink pointing out of the output folder
    if real.is_dir():
        index = real / "index.html"
        return index if index.is_file() else None
    return real if real.is_file() else None


def inject(html: bytes) -> bytes:
    at = html.rfind(b"</body>")
    return html[:at] + SCRIPT_TAG + html[at:] if at >= 0 else html + SCRIPT_TAG


class DevServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, address: tuple[str, int], session: Session, broadcaster: Broadcaster) -> None:
        self.session = session
        self.broadcaster = broadcaster
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet by default
        pass

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(head=False)

    def _send(self, status: int, body: bytes, ctype: str, head: bool, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _serve(self, head: bool) -> None:
        path = urlsplit(self.path).path
        if path.startswith("/__sitegen/"):
            return self._internal(path, head)
        root = self.server.session.cfg.output_path
        try:
            target = resolve(root, path)
        except UnicodeDecodeError:
            target = None
        if target is not None and target.is_file() and not path.endswith("/") and target.name == "index.html" \
                and not path.endswith("index.html"):
            return self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", head, {"Location": path + "/"})
        if target is None:
            page = root / "404.html"
            body = inject(page.read_bytes()) if page.is_file() else b"<!doctype html><title>Not found</title><h1>Not found</h1>"
            return self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8", head)
        try:
            body = target.read_bytes()
        except OSError:
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain", head)
        ctype = content_type(target)
        if ctype.startswith("text/html"):
            body = inject(body)
        self._send(HTTPStatus.OK, body, ctype, head)

    def _internal(self, path: str, head: bool) -> None:
        if path == "/__sitegen/livereload.js":
            body = resources.files("sitegen.serve").joinpath("livereload.js").read_bytes()
            return self._send(HTTPStatus.OK, body, "text/javascript; charset=utf-8", head)
        if path == "/__sitegen/status":
            last = self.server.session.last
            state = {"error": None, "problems": []}
            if last is not None and not last.ok:
                state = {"error": last.message, "problems": [str(p) for p in last.problems]}
            return self._send(HTTPStatus.OK, json.dumps(state).encode(), "application/json", head)
        if path == "/__sitegen/events" and not head:
            return self._events()
        self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain", head)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        subscription = self.server.broadcaster.subscribe()
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while True:
                try:
                    data = subscription.get(timeout=15)
                except queue.Empty:
                    data = b": heartbeat\n\n"
                if data is None:
                    return
                self.wfile.write(data)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
        finally:
            self.server.broadcaster.unsubscribe(subscription)


