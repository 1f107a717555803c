"""`sitegen serve` under load and bad clients, as a real server process on a free loopback port.

200 concurrent clients with 50 live-reload tabs open are all answered with
the right bytes while the server's threads and memory stay bounded; clients
that stall, never read or hang up mid-response block nobody and leave no
thread or file descriptor behind; malformed requests get a 400 and `HEAD`
answers without a body. Speed is measured by benchmarks/serve_load.py, never
asserted here.
"""

from __future__ import annotations

import shutil
import socket
import struct
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.serve_load import Sampler, digest, run_load, server_stats, site_paths
from sitegen.serve.handler import IDLE_SECONDS, inject
from tests.browser_support import ANNOTATE_TAG, Running, served_stamp, sitegen_serve

REPO = Path(__file__).resolve().parents[2]
BIG = "/articles/a-very-long-article.html"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[Running, int, dict[str, str]]]:
    """The project's archive plus one 2 MB article, served; (server, port, path → digest of what it must send)."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(REPO / "content", root / "content")
    (root / "sitegen.toml").write_text('title = "Load"\n', encoding="utf-8")
    body = "\n\n".join(f"Paragraph {n} of a very long article, long enough to outlast any socket buffer." * 8
                       for n in range(3000))
    (root / "content/articles/a-very-long-article.md").write_text(
        f'---\ntitle: "A very long article"\nsource: []\n---\n{body}\n', encoding="utf-8")
    with sitegen_serve(root) as server:
        port = int(server.url.rstrip("/").rsplit(":", 1)[1])
        public = root / "public"
        expected = {}
        stamp = served_stamp(server.url)  # no rebuild during the load: every page carries this one
        for path in site_paths(public):
            data = (public / path.lstrip("/")).read_bytes()
            expected[path] = digest(inject(data, stamp) if path.endswith(".html") else data)
            if path.startswith("/articles/"):  # plus the serve-only annotating tag, fixed for this server run
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                    served = response.read()
                assert ANNOTATE_TAG.search(served) and digest(ANNOTATE_TAG.sub(b"", served)) == expected[path], path
                expected[path] = digest(served)
        assert len((public / BIG.lstrip("/")).read_bytes()) > 1_000_000
        settle(server.proc.pid, {"threads": 1000, "fds": 1000})
        yield server, port, expected
        code, _, err = server.stop()
    assert code == 0 and "Traceback" not in err, err


def settle(pid: int, limit: dict[str, int], timeout: float = IDLE_SECONDS + 10) -> dict[str, int]:
    """Wait until the server's threads and fds are at most `limit` (after clients went away); its stats."""
    deadline = time.monotonic() + timeout
    while True:
        now = server_stats(pid)
        if all(now[key] <= value for key, value in limit.items()) or time.monotonic() > deadline:
            return now
        time.sleep(0.1)


def baseline(server: Running) -> dict[str, int]:
    time.sleep(0.3)
    return server_stats(server.proc.pid)


def assert_back_to(server: Running, base: dict[str, int]) -> None:
    limit = {"threads": base["threads"], "fds": base["fds"]}
    now = settle(server.proc.pid, limit)
    assert now["threads"] <= base["threads"] and now["fds"] <= base["fds"], (base, now)


def raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    """Send `data` on a fresh connection; everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    response = raw(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(), timeout)
    return status_of(response), response.split(b"\r\n\r\n", 1)[1]


def test_200_clients_and_50_live_reload_tabs_are_all_answered_within_bounds(served):
    server, port, expected = served
    base = baseline(server)
    with Sampler(server.proc.pid) as sampler:
        result = run_load(port, sorted(expected), clients=200, requests=5, tabs=50)
    assert result.failures == [] and result.tabs_open == 50
    assert len(result.responses) == 1000
    wrong = [(path, status) for path, status, got in result.responses if status != 200 or got != expected[path]]
    assert wrong == []
    assert sampler.peak["threads"] <= base["threads"] + 200 + 50 + 5  # one per connection, no more
    assert sampler.peak["rss_kb"] <= base["rss_kb"] + 150 * 1024
    assert_back_to(server, base)  # tabs closed: their streams end, their threads with them
    print(f"\n{len(result.responses)} requests, 200 clients, 50 tabs: {result.per_second:.0f} req/s, "
          f"p99 {result.percentile(0.99) * 1000:.0f} ms, peak {sampler.peak['threads']} threads")


def test_slow_clients_do_not_block_others_and_are_dropped(served):
    server, port, expected = served
    base = baseline(server)
    stalled = []
    for _ in range(30):  # a request never finished
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        stalled.append(sock)
    for _ in range(30):  # a big page asked for and never read
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {BIG} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        stalled.append(sock)
    time.sleep(0.5)
    started = time.monotonic()
    for path in sorted(expected)[:40]:  # answered while the slow ones hang, long before they are dropped
        status, body = get(port, path, timeout=IDLE_SECONDS / 2)
        assert status == 200 and digest(body) == expected[path], path
    assert time.monotonic() - started < IDLE_SECONDS
    assert_back_to(server, base)  # the server dropped every one of them by itself, while they are still open
    for sock in stalled:
        sock.close()


@pytest.mark.parametrize(
    "request_bytes,status",
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/1.1 extra words\r\n\r\n", 400),
        (b"GET / HTTX/1.1\r\n\r\n", 400),
        (b"GET / HTTP/1.x\r\n\r\n", 400),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(32)) + b"\r\n\r\n", 400),  # TLS to plain HTTP
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(150)) + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n", 400),  # a header line without a colon
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n folded: header\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n", 400),
    ],
    ids=["garbage", "four-words", "bad-protocol", "bad-version", "tls", "long-url", "long-header",
         "many-headers", "no-colon", "obsolete-folding", "two-hosts"],
)
def test_malformed_requests_get_a_4xx_and_the_server_goes_on(served, request_bytes, status):
    server, port, expected = served
    response = raw(port, request_bytes)
    assert status_of(response) == status, response[:200]
    assert get(port, "/")[0] == 200


def test_head_answers_like_get_without_a_body(served):
    server, port, expected = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        # HEAD then GET on one connection: the GET's answer must start right after the HEAD's headers
        sock.sendall(b"HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                     b"HEAD /no/such/page.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                     b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, missing, rest = received.split(b"\r\n\r\n", 2)
    assert head.startswith(b"HTTP/1.1 200") and missing.startswith(b"HTTP/1.1 404")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    get_head, get_body = rest.split(b"\r\n\r\n", 1)
    assert get_head.startswith(b"HTTP/1.1 200") and len(get_body) == length
    assert digest(get_body) == expected["/index.html"]


def test_clients_that_hang_up_mid_response_leave_nothing_behind(served):
    server, port, expected = served
    base = baseline(server)
    for n in range(40):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"GET {BIG} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        sock.recv(1024)
        if n % 2:  # a reset, as a killed browser sends
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    for _ in range(20):  # a tab closed
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        seen = b""
        while b"event: hello" not in seen:
            seen += sock.recv(4096)
        sock.close()
    for _ in range(10):  # half a request, then gone
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /index.html HTT")
        sock.close()
    assert_back_to(server, base)
    assert get(port, "/index.html")[0] == 200
    errors = "".join(server.err)
    assert "Traceback" not in errors and "Exception" not in errors, errors
