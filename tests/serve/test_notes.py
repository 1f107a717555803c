"""The note endpoint of `sitegen serve` without a browser: what it accepts, what it refuses, what it may touch."""

from __future__ import annotations

import http.client
import json
import os
import re
import threading

import pytest

from sitegen.archive.notes import file_version
from sitegen.config import Config
from sitegen.console import Console
from sitegen.frontmatter import read_article
from sitegen.serve.events import Broadcaster
from sitegen.serve.handler import DevServer
from sitegen.serve.notes import MAX_BODY, Refused, article_file, check_origin, parse_request
from sitegen.watch import Session

STORY = """---
title: "Story"  # kept
annotations:
  - quote: "first words"
    note: "An old note."
---
Here are the first words. Then the same words again: the first words.
"""
VERSION = "0" * 64


def refused(call, *args, **kwargs) -> int:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return caught.value.status


def request(**fields) -> bytes:
    base = {"action": "add", "page": "articles/story.html", "version": VERSION, "quote": "words", "note": "n"}
    return json.dumps({**base, **fields}).encode()


# ---- request validation ---------------------------------------------------------------------------------------


def test_a_good_add_request():
    req = parse_request(request(tags=[" spin ", "spin", "", "two  words"], before="x", after="y", position=3))
    assert (req.action, req.quote, req.tags, req.position) == ("add", "words", ("spin", "two words"), 3)


@pytest.mark.parametrize(
    "raw",
    [
        b"not json", b"\xff\xfe", b"[1, 2]", b'"text"', b"null", b"[" * 30_000 + b"]" * 30_000,
        request(action="rename"), request(action=None), request(version="abc"), request(version="G" * 64),
        request(page=None), request(page=""), request(quote=""), request(quote="   "), request(quote=5),
        request(note=["a"]), request(tags="spin"), request(tags=[1]), request(position=-1), request(position="3"),
        request(position=True), request(extra="field"), request(quote="a\x00b"),
        request(action="edit", number=0), request(action="delete", number="2"), request(action="edit"),
        request(action="delete", number=True),
    ],
)
def test_malformed_requests_are_refused(raw):
    assert refused(parse_request, raw) == 400


@pytest.mark.parametrize(
    "raw",
    [
        b" " * (MAX_BODY + 1), request(note="x" * 20_001), request(quote="x" * 5_001),
        request(tags=[f"t{i}" for i in range(21)]), request(tags=["x" * 61]), request(before="x" * 1_001),
    ],
)
def test_oversized_requests_are_refused(raw):
    assert refused(parse_request, raw) == 413


# ---- where a request may come from ------------------------------------------------------------------------------


def test_only_pages_of_this_server_may_write():
    ok = {"Host": "127.0.0.1:8123", "Origin": "http://127.0.0.1:8123", "Sec-Fetch-Site": "same-origin"}
    check_origin(ok, 8123, write=True)
    check_origin({"Host": "localhost:8123", "Origin": "http://localhost:8123"}, 8123, write=True)
    check_origin({"Host": "127.0.0.1:8123"}, 8123, write=False)  # a GET without Origin (same-origin fetch)
    for headers in (
        {"Host": "127.0.0.1:8123"},  # a write with no Origin
        {**ok, "Origin": "http://evil.example"},
        {**ok, "Origin": "http://evil.example:8123"},
        {**ok, "Origin": "http://localhost:8123"},  # another origin of the same server
        {**ok, "Origin": "http://127.0.0.1:9999"},
        {**ok, "Origin": "https://127.0.0.1:8123"},
        {**ok, "Origin": "null"},
        {**ok, "Origin": "http://127.0.0.1:99999999"},
        {**ok, "Sec-Fetch-Site": "cross-site"},
        {**ok, "Sec-Fetch-Site": "same-site"},
        {"Host": "evil.example:8123", "Origin": "http://evil.example:8123"},  # DNS rebinding
    ):
        assert refused(check_origin, headers, 8123, write=True) == 403, headers


# ---- what a request may touch -----------------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    (folder / "My Other Story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "outside.md").write_text(STORY, encoding="utf-8")
    os.symlink(tmp_path / "outside.md", folder / "sneaky.md")
    return tmp_path


def test_pages_map_to_article_files_through_the_archive(archive):
    folder = archive / "content" / "articles"
    assert article_file(folder, "articles/story.html") == (folder / "story.md").resolve()
    assert article_file(folder, "articles/my-other-story.html") == (folder / "My Other Story.md").resolve()


@pytest.mark.parametrize(
    "page",
    ["articles/../../outside.html", "../outside.md", "/etc/passwd", "articles/outside.html", "articles/sneaky.html",
     "content/articles/story.md", "articles/story.md", "articles/%2e%2e/outside.html", "articles/story.html/x",
     "/articles/story.html", "articles/a/story.html", "articles/My Other Story.html", "articles/.html", "index.html"],
)
def test_nothing_outside_the_archive_nor_a_path_from_the_client(archive, page):
    assert refused(article_file, archive / "content" / "articles", page) == 404


# ---- the endpoint over HTTP, in a real server ------------------------------------------------------------------


@pytest.fixture
def server(archive):
    (archive / "public" / "articles").mkdir(parents=True)
    (archive / "public" / "articles" / "story.html").write_text("<html><body><article>S</article></body></html>")
    (archive / "public" / "index.html").write_text("<html><body>Home</body></html>")
    srv = DevServer(("127.0.0.1", 0), Session(Config(root=archive), Console(quiet=True)), Broadcaster())
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def call(srv, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         origin: bool = True, token: bool = True):
    port = srv.server_address[1]
    sent = {"Content-Type": "application/json"}
    if origin:
        sent["Origin"] = f"http://127.0.0.1:{port}"
    if token:
        sent["X-Sitegen-Token"] = srv.notes.token
    sent.update(headers or {})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body=body, headers=sent)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, json.loads(data) if data.startswith(b"{") else data


def add(srv, archive, **fields):
    version = file_version(archive / "content/articles/story.md")
    return call(srv, "POST", "/__sitegen/notes", json.dumps({
        "action": "add", "page": "articles/story.html", "version": version, "note": "New.", **fields}).encode())


def test_article_pages_carry_the_token_and_version_only_when_served(server, archive):
    _, page = call(server, "GET", "/articles/story.html")
    tag = re.search(rb"<script src=\"/__sitegen/annotate\.js\?v=[0-9a-f]+\" defer data-sitegen-annotate [^>]*></script>", page)
    assert tag and server.notes.token.encode() in tag.group(0)
    assert file_version(archive / "content/articles/story.md").encode() in tag.group(0)
    _, home = call(server, "GET", "/")
    assert b"annotate" not in home  # only article pages
    on_disk = (archive / "public/articles/story.html").read_text()
    assert "annotate" not in on_disk and server.notes.token not in on_disk
    status, script = call(server, "GET", "/__sitegen/annotate.js")
    assert status == 200 and b"sitegenHoldReload" in script
    assert call(server, "GET", "/__sitegen/annotate.css")[0] == 200


def test_reading_the_notes_of_a_page(server, archive):
    status, data = call(server, "GET", "/__sitegen/notes?page=articles/story.html", origin=False)
    assert status == 200
    assert data["version"] == file_version(archive / "content/articles/story.md")
    assert data["notes"] == [{"number": 1, "quote": "first words", "note": "An old note.", "tags": [], "flag": False}]
    assert call(server, "GET", "/__sitegen/notes?page=articles/story.html", token=False)[0] == 403
    assert call(server, "GET", "/__sitegen/notes?page=../outside.md")[0] == 404


def test_adding_a_repeated_passage_writes_the_prefix_the_build_needs(server, archive):
    path = archive / "content/articles/story.md"
    status, data = add(server, archive, quote="the first words", before="Then the same words again: ", after=".")
    assert status == 200 and data == {"ok": True, "version": file_version(path), "number": 2}
    article, _ = read_article(path.read_text(encoding="utf-8"), "story.md", "story")
    note = article.annotations[1]
    assert (note.quote, note.note) == ("the first words", "New.")
    assert path.read_text(encoding="utf-8").startswith(STORY.split("---\nHere")[0])  # the old entries as they were


def test_a_stale_version_is_refused_and_the_file_kept(server, archive):
    path = archive / "content/articles/story.md"
    stale = file_version(path)
    path.write_text(STORY.replace("An old note.", "Changed in the editor."), encoding="utf-8")
    before = path.read_bytes()
    for payload in (
        {"action": "add", "quote": "Here are", "note": "x"},
        {"action": "edit", "number": 1, "note": "x"},
        {"action": "delete", "number": 1},
    ):
        body = json.dumps({"page": "articles/story.html", "version": stale, **payload}).encode()
        status, data = call(server, "POST", "/__sitegen/notes", body)
        assert status == 409 and "changed on disk" in data["error"]
    assert path.read_bytes() == before


def test_edit_and_delete_by_number(server, archive):
    path = archive / "content/articles/story.md"
    body = {"page": "articles/story.html", "action": "edit", "number": 1, "note": "Rewritten.", "tags": ["x"]}
    status, _ = call(server, "POST", "/__sitegen/notes", json.dumps({**body, "version": file_version(path)}).encode())
    assert status == 200
    note = read_article(path.read_text(encoding="utf-8"), "story.md", "story")[0].annotations[0]
    assert (note.quote, note.note, note.tags) == ("first words", "Rewritten.", ("x",))
    wrong = {**body, "number": 5, "version": file_version(path)}
    assert call(server, "POST", "/__sitegen/notes", json.dumps(wrong).encode())[0] == 409
    gone = {"page": "articles/story.html", "action": "delete", "number": 1, "version": file_version(path)}
    assert call(server, "POST", "/__sitegen/notes", json.dumps(gone).encode())[0] == 200
    assert read_article(path.read_text(encoding="utf-8"), "story.md", "story")[0].annotations == ()


def test_a_selection_that_is_not_in_the_text_is_refused(server, archive):
    before = (archive / "content/articles/story.md").read_bytes()
    status, data = add(server, archive, quote="words that are nowhere")
    assert status == 422 and "not in the article" in data["error"]
    assert (archive / "content/articles/story.md").read_bytes() == before


def test_requests_that_could_come_from_elsewhere_are_refused(server, archive):
    path = archive / "content/articles/story.md"
    before = path.read_bytes()
    good = json.dumps({"action": "add", "page": "articles/story.html", "version": file_version(path),
                       "quote": "Here are", "note": "x"}).encode()
    port = server.server_address[1]
    assert call(server, "POST", "/__sitegen/notes", good, token=False)[0] == 403
    assert call(server, "POST", "/__sitegen/notes", good, origin=False)[0] == 403
    assert call(server, "POST", "/__sitegen/notes", good, {"Origin": "http://evil.example"})[0] == 403
    assert call(server, "POST", "/__sitegen/notes", good, {"Host": "evil.example"})[0] == 403
    assert call(server, "POST", "/__sitegen/notes", good, {"Content-Type": "text/plain"})[0] == 415
    assert call(server, "POST", "/__sitegen/notes", b"{" + b" " * MAX_BODY + b"}")[0] == 413
    assert call(server, "POST", "/__sitegen/notes", good, {"X-Sitegen-Token": "guess"})[0] == 403
    assert call(server, "POST", "/articles/story.html", good)[0] == 405
    assert call(server, "OPTIONS", "/__sitegen/notes", None, {"Access-Control-Request-Method": "POST",
                                                            "Origin": "http://evil.example"})[0] >= 400
    assert path.read_bytes() == before
    assert port  # the server still answers afterwards
    assert call(server, "POST", "/__sitegen/notes", good)[0] == 200


def test_no_endpoint_and_no_script_off_loopback(archive):
    (archive / "public" / "articles").mkdir(parents=True)
    (archive / "public" / "articles" / "story.html").write_text("<html><body>S</body></html>")
    srv = DevServer(("127.0.0.1", 0), Session(Config(root=archive), Console(quiet=True)), Broadcaster(),
                    loopback=False)  # as when bound to another interface
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        assert srv.notes is None
        port = srv.server_address[1]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/articles/story.html")
        assert b"annotate" not in conn.getresponse().read()
        conn.close()
        asked = (("POST", "/__sitegen/notes"), ("GET", "/__sitegen/notes"), ("GET", "/__sitegen/annotate.js"))
        for method, path in asked:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request(method, path, body=b"{}" if method == "POST" else None,
                         headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"})
            assert conn.getresponse().status in (404, 405), (method, path)
            conn.close()
    finally:
        srv.shutdown()
        srv.server_close()
