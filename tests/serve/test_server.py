"""The dev server as a browser meets it: content types, 404s, no escape from the output folder."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitegen.config import Config
from sitegen.console import Console
from sitegen.serve import run_serve
from sitegen.serve.events import Broadcaster
from sitegen.serve.handler import DevServer, resolve
from sitegen.watch import Session


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
    (out / "feed.xml").write_text("<feed/>")
    (out / "tags" / "ai").mkdir(parents=True)
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


def get(port: int, path: str) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.getheader("Content-Type", ""), body


@pytest.mark.parametrize(
    "path,ctype",
    [
        ("/", "text/html; charset=utf-8"),
        ("/articles/a.html", "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/site.js", "text/javascript; charset=utf-8"),
        ("/feed.xml", "application/atom+xml; charset=utf-8"),
    ],
)
def test_content_types(server, path, ctype):
    status, got, _ = get(server, path)
    assert (status, got) == (200, ctype)


def test_reload_script_is_injected_into_served_pages_only(server, tmp_path):
    _, _, body = get(server, "/articles/a.html")
    assert b'<script src="/__sitegen/livereload.js" defer></script></body>' in body
    assert b"livereload" not in (tmp_path / "public/articles/a.html").read_bytes()
    status, ctype, script = get(server, "/__sitegen/livereload.js")
    assert status == 200 and b"EventSource" in script


def test_missing_page_gets_the_sites_404_with_status_404(server):
    status, _, body = get(server, "/no/such/page.html")
    assert status == 404 and b"Page not found" in body


@pytest.mark.parametrize(
    "path",
    ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/link.txt",
     "/articles/..%5c..%5csecret.txt", "/%00index.html", "//etc/passwd", "/empty/", "/empty"],
)
def test_nothing_outside_the_output_folder_and_no_listings(server, path):
    status, _, body = get(server, path)
    assert status == 404
    assert b"do not serve" not in body


def test_directory_with_index_is_served(server):
    status, _, body = get(server, "/tags/ai/")
    assert status == 200 and b"ai" in body


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


def test_binding_beyond_loopback_warns(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sitegen.serve.Watcher.start", lambda self: None)
    monkeypatch.setattr("sitegen.serve.Watcher.stop", lambda self: None)

    def stop_at_once(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("sitegen.serve.time.sleep", stop_at_once)
    assert run_serve(Config(root=tmp_path), Console(), host="0.0.0.0", port=0) == 0
    assert "reachable from other machines" in capsys.readouterr().err


def test_ctrl_c_stops_cleanly(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(tmp_path), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.time() + 30
    line = ""
    while time.time() < deadline and "serving" not in line:
        line = proc.stdout.readline()
    proc.send_signal(2)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in err and "stopped" in out
