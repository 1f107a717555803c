"""The dev server as a browser meets it: content types, 404s, no escape from the output folder,
the reload script in served pages only, the event stream, binding and shutdown."""

from __future__ import annotations

import http.client
import inspect
import json
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitegen.config import Config
from sitegen.console import Console
from sitegen.serve import is_loopback, run_serve
from sitegen.serve.events import Broadcaster
from sitegen.serve.handler import DevServer, resolve
from sitegen.watch import Session
from tests.browser_support import sitegen_serve


def make_site(root: Path) -> Path:
    out = root / "public"
    (out / "articles").mkdir(parents=True)
    (out / "static").mkdir()
    (out / "empty").mkdir()
    (out / "index.html").write_text("<!doctype html><html><body><h1>Home</h1></body></html>")
    (out / "404.html").write_text("<!doctype html><html><body><h1>Page not found</h1></body></html>")
    (out / "articles" / "a.html").write_text("<!doctype html><html><body>A</body></html>")
    (out / "static" / "style.css").write_text("body{}")
    (out / "static" / "site.js").write_text("1")
    (out / "feed.xml").write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"/>')
    (out / "tags" / "ai").mkdir(parents=True)
    (out / "tags" / "ai" / "feed.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"/>')
    (out / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    (out / "static" / "logo.svg").write_text("<svg/>")
    (out / "static" / "font.woff2").write_bytes(b"wOF2")
    (out / "static" / "data.json").write_text("{}")
    (out / "robots.txt").write_text("User-agent: *")
    (out / "tags" / "ai" / "index.html").write_text("<html><body>ai</body></html>")
    (root / "secret.txt").write_text("do not serve")
    os.symlink(root / "secret.txt", out / "link.txt")
    return out


@pytest.fixture
def server(tmp_path):
    make_site(tmp_path)
    cfg = Config(root=tmp_path)
    srv = DevServer(("127.0.0.1", 0), Session(cfg, Console(quiet=True)), Broadcaster())
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


def request(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.putrequest("GET", path, skip_host=bool(headers and "Host" in headers))  # send the path as is
    for key, value in (headers or {}).items():
        conn.putheader(key, value)
    conn.endheaders()
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def get(port: int, path: str) -> tuple[int, str, bytes]:
    response = request(port, path)
    return response.status, response.getheader("Content-Type", ""), response.body


@pytest.mark.parametrize(
    "path,ctype",
    [
        ("/", "text/html; charset=utf-8"),
        ("/articles/a.html", "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/site.js", "text/javascript; charset=utf-8"),
        ("/feed.xml", "application/atom+xml; charset=utf-8"),
        ("/tags/ai/feed.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/static/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/static/font.woff2", "font/woff2"),
        ("/static/data.json", "application/json; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_content_types(server, path, ctype):
    status, got, _ = get(server, path)
    assert (status, got) == (200, ctype)


def test_reload_script_is_injected_into_served_pages_only(server, tmp_path):
    _, _, body = get(server, "/articles/a.html")
    tag = re.search(rb'<script src="(/__sitegen/livereload\.js\?v=[0-9a-f]+)" data-stamp="([^"]+)" defer></script>'
                    rb'</body>', body)
    assert tag is not None
    # the page says which build it was sent after, so a tab misses no rebuild before its script connects
    assert tag.group(2).decode() == json.loads(get(server, "/__sitegen/status")[2])["stamp"]
    assert b"livereload" not in (tmp_path / "public/articles/a.html").read_bytes()
    status, ctype, script = get(server, tag.group(1).decode())
    assert status == 200 and b"EventSource" in script


def test_a_reloading_tab_keeps_the_servers_own_scripts_until_they_change(server):
    _, _, body = get(server, "/articles/a.html")
    url = re.search(rb'src="(/__sitegen/livereload\.js\?v=[0-9a-f]+)"', body).group(1).decode()
    assert "immutable" in request(server, url).getheader("Cache-Control")
    stale = request(server, "/__sitegen/livereload.js?v=0000000000")  # another version's tag: never kept
    assert stale.status == 200 and stale.getheader("Cache-Control") == "no-store"


def test_the_404_page_also_gets_the_reload_script(server):
    _, _, body = get(server, "/missing.html")
    assert b"/__sitegen/livereload.js" in body


def test_missing_page_gets_the_sites_404_with_status_404(server):
    status, ctype, body = get(server, "/no/such/page.html")
    assert status == 404 and ctype == "text/html; charset=utf-8" and b"Page not found" in body


@pytest.mark.parametrize(
    "path",
    ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/link.txt",
     "/articles/..%5c..%5csecret.txt", "/articles/..\\..\\secret.txt", "/%00index.html", "/index.html%00",
     "//etc/passwd", "/%2fetc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e%2f%2e%2e%2fetc/passwd",
     "/articles/%2e%2e/%2e%2e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "/C:/Windows/win.ini", "/empty/", "/empty",
     "/static/"],
)
def test_nothing_outside_the_output_folder_and_no_listings(server, path):
    status, _, body = get(server, path)
    assert status == 404
    assert b"do not serve" not in body


def test_directory_with_index_is_served(server):
    status, _, body = get(server, "/tags/ai/")
    assert status == 200 and b"ai" in body


def test_directory_without_a_slash_redirects_to_the_slash_form(server):
    response = request(server, "/tags/ai")
    assert response.status == 301 and response.getheader("Location") == "/tags/ai/"


def test_the_redirect_never_leaves_the_site(server):
    response = request(server, "//tags/ai")
    assert response.status == 301 and response.getheader("Location") == "/tags/ai/"


def test_other_host_names_are_refused_on_loopback(server):  # DNS rebinding: evil.example resolving to 127.0.0.1
    assert request(server, "/", {"Host": "evil.example:8000"}).status == 403
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "archive.localhost"):
        assert request(server, "/", {"Host": host}).status == 200, host


def test_status_and_events(server):
    status = json.loads(request(server, "/__sitegen/status").body)
    assert status["error"] is None and status["stamp"]
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=5)
    conn.request("GET", "/__sitegen/events")
    response = conn.getresponse()
    assert response.status == 200 and response.getheader("Content-Type").startswith("text/event-stream")
    assert response.readline() == b"retry: 500\n"
    response.readline()
    assert response.readline() == f"id: {status['stamp']}\n".encode()
    assert response.readline() == b"event: hello\n"
    conn.close()


def test_resolve_rejects_traversal(tmp_path):
    out = make_site(tmp_path)
    assert resolve(out, "/%2e%2e/secret.txt") is None
    assert resolve(out, "/articles/a.html") == (out / "articles/a.html").resolve()


def test_busy_port_gives_a_clear_message(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = sock.getsockname()[1]
    try:
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "-C", str(tmp_path), "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )
    finally:
        sock.close()
    assert result.returncode == 1
    assert f"port {port} is in use on 127.0.0.1; try --port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


def test_binds_to_loopback_by_default():
    assert inspect.signature(run_serve).parameters["host"].default == "127.0.0.1"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_binding_beyond_loopback_warns(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sitegen.watch.Watcher.start", lambda self: None)
    monkeypatch.setattr("sitegen.watch.Watcher.stop", lambda self: None)

    def stop_at_once(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("sitegen.serve.time.sleep", stop_at_once)
    assert run_serve(Config(root=tmp_path), Console(), host="0.0.0.0", port=0) == 0
    err = capsys.readouterr().err
    assert "reachable from other machines" in err and "annotating from the page is off" in err


def test_ctrl_c_stops_cleanly_even_with_a_tab_listening(tmp_path):
    with sitegen_serve(tmp_path) as served:
        port = int(served.url.rsplit(":", 1)[1].strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/__sitegen/events")
        stream = conn.getresponse()
        assert stream.readline() == b"retry: 500\n"
        code, out, err = served.stop()
        assert stream.read().endswith(b"\n\n")  # the server ended the stream after a whole event
        conn.close()
    assert code == 0
    assert "Traceback" not in err and out.rstrip().endswith("stopped")
