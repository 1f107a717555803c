"""The event stream: hello on connect, one event per rebuild, catch-up for a tab that missed some."""

from __future__ import annotations

import json

from sitegen.build import BuildResult
from sitegen.errors import error
from sitegen.serve.events import PAGE_BYTES, Broadcaster, event
from sitegen.watch import Outcome


def good(*written: str, deleted: tuple[str, ...] = ()) -> Outcome:
    result = BuildResult(articles=1, files=1, pages=1, written=written, deleted=deleted, rendered=1, reused=0, seconds=0.01)
    return Outcome(result, ())


def early(**pages: bytes) -> Outcome:
    """A saved article's page drawn before the rest: its path and bytes."""
    result = BuildResult(articles=1, files=1, pages=1, written=tuple(pages), deleted=(), rendered=1, reused=0,
                         seconds=0.01)
    return Outcome(result, (), early=True, pages=tuple(pages.items()))


def bad() -> Outcome:
    return Outcome(None, (error("front matter is not valid YAML", "content/articles/a.md", 3),), "1 error(s)")


def parse(data: bytes) -> tuple[str | None, str, dict]:
    fields = dict(line.split(": ", 1) for line in data.decode().strip().split("\n"))
    return fields.get("id"), fields["event"], json.loads(fields["data"])


def test_event_bytes():
    assert event("build", {"changed": ["a.html"]}, "x:1") == b'id: x:1\nevent: build\ndata: {"changed": ["a.html"]}\n\n'
    assert event("hello", {"t": "é"}) == 'event: hello\ndata: {"t": "é"}\n\n'.encode()


def test_a_new_tab_hears_hello_then_each_rebuild():
    hub = Broadcaster()
    q = hub.subscribe()
    assert parse(q.get_nowait()) == (hub.stamp, "hello", {"stamp": hub.stamp, "changed": [], "error": None, "problems": []})
    hub.publish(good("articles/a.html", deleted=("articles/old.html",)))
    stamp, name, data = parse(q.get_nowait())
    assert name == "build" and stamp == data["stamp"] == hub.stamp
    assert data["changed"] == ["articles/a.html", "articles/old.html"]


def test_a_failed_rebuild_sends_its_problems_and_a_late_tab_hears_them_in_hello():
    hub = Broadcaster()
    q = hub.subscribe()
    q.get_nowait()
    hub.publish(bad())
    _, name, data = parse(q.get_nowait())
    assert name == "failure" and data["problems"] == ["content/articles/a.md:3: front matter is not valid YAML"]
    _, name, data = parse(hub.subscribe().get_nowait())
    assert name == "hello" and data["error"] == "1 error(s)" and data["problems"] == data["problems"]
    hub.publish(good("articles/a.html"))
    assert parse(hub.subscribe().get_nowait())[2]["error"] is None


def test_a_reconnecting_tab_is_told_what_it_missed():
    hub = Broadcaster()
    hub.publish(good("index.html", "articles/a.html"))
    seen = hub.stamp
    hub.publish(good("articles/b.html"))
    hub.publish(good("static/style.css", "articles/b.html"))
    _, _, data = parse(hub.subscribe(seen).get_nowait())
    assert data["changed"] == ["articles/b.html", "static/style.css"]
    assert parse(hub.subscribe(hub.stamp).get_nowait())[2]["changed"] == []


def test_a_stamp_from_another_server_run_means_anything_changed():
    hub = Broadcaster()
    for since in ("0123abcd:4", "garbage", f"{hub.server}:x"):
        assert parse(hub.subscribe(since).get_nowait())[2]["changed"] is None


def test_close_hangs_up_every_stream_and_late_ones():
    hub = Broadcaster()
    q = hub.subscribe()
    hub.close()
    assert q.get_nowait() is not None and q.get_nowait() is None
    late = hub.subscribe()
    late.get_nowait()
    assert late.get_nowait() is None


def test_a_page_drawn_early_comes_with_its_html_and_a_full_build_does_not():
    hub = Broadcaster()
    q = hub.subscribe()
    q.get_nowait()
    page = "<!doctype html><title>A</title><main><h1>Naïve \u2028 </script>\n</h1></main>\n".encode()
    hub.publish(early(**{"articles/a.html": page}))
    _, name, data = parse(q.get_nowait())
    assert name == "build" and data["changed"] == ["articles/a.html"]
    assert data["pages"] == {"articles/a.html": page.decode()}  # whole, in one event line
    hub.publish(good("articles/a.html", "index.html"))
    assert "pages" not in parse(q.get_nowait())[2]
    hub.publish(early(**{"articles/big.html": b"x" * (PAGE_BYTES + 1)}))  # too big to send: the tab asks for it
    _, _, data = parse(q.get_nowait())
    assert data["changed"] == ["articles/big.html"] and "pages" not in data
