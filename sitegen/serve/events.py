"""Server-sent events: every open tab hears about each rebuild, even one it missed.

Owns the subscriber queues, the event format and the build stamps. Events:
`hello` (on connecting: the current stamp, the build's problems if it failed,
and the output paths changed since the stamp the tab last saw), `build` (after
a good rebuild: the changed output paths; after a saved article's page drawn
early, also that page's HTML as written, up to `PAGE_BYTES`, so a tab showing it
swaps it in without asking for it) and `failure` (after a failed one:
the problems as `file:line: message`). A stamp is `<server id>:<generation>`;
a tab that reconnects with an old stamp (Last-Event-ID, or `?since=`) is told
what it missed, and one from another server run gets `changed: null`
(everything may have changed). Must not know about HTTP beyond an event's bytes.
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not at run time: the server answers before the watcher and the build are imported
    from sitegen.watch import Outcome

HEARTBEAT = b": heartbeat\n\n"
PAGE_BYTES = 1 << 20  # the most HTML one event carries; bigger pages are fetched by the tab


def event(name: str, data: object, stamp: str | None = None) -> bytes:
    head = f"id: {stamp}\n" if stamp else ""
    return f"{head}event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode("utf-8")


def problems_of(outcome: Outcome | None) -> dict[str, object]:
    if outcome is None or outcome.ok:
        return {"error": None, "problems": []}
    return {"error": outcome.message, "problems": [str(p) for p in outcome.problems]}


class Broadcaster:
    """Fans each rebuild out to the queues of the connected tabs; `None` in a queue means: hang up."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queues: list[queue.Queue[bytes | None]] = []
        self.closed = False
        self.server = secrets.token_hex(4)
        self.generation = 0
        self.changed_at: dict[str, int] = {}
        self.last: Outcome | None = None

    @property
    def stamp(self) -> str:
        return f"{self.server}:{self.generation}"

    def missed(self, since: str | None) -> list[str] | None:
        """Output paths changed after the build stamped `since`; None when it is not one of ours."""
        if not since:
            return []
        server, _, generation = since.partition(":")
        if server != self.server or not generation.isdigit():
            return None
        seen = int(generation)
        return sorted(path for path, at in self.changed_at.items() if at > seen)

    def subscribe(self, since: str | None = None) -> queue.Queue[bytes | None]:
        """A queue that starts with a `hello` event; then every rebuild's event."""
        q: queue.Queue[bytes | None] = queue.Queue()
        with self.lock:
            hello = {"stamp": self.stamp, "changed": self.missed(since), **problems_of(self.last)}
            q.put(event("hello", hello, self.stamp))
            if self.closed:
                q.put(None)
            self.queues.append(q)
        return q

    def unsubscribe(self, q: queue.Queue[bytes | None]) -> None:
        with self.lock:
            if q in self.queues:
                self.queues.remove(q)

    def publish(self, outcome: Outcome) -> None:
        with self.lock:
            self.last = outcome
            if outcome.result is not None:
                changed = sorted(set(outcome.result.written) | set(outcome.result.deleted))
                self.generation += 1
                for path in changed:
                    self.changed_at[path] = self.generation
                shown: dict[str, object] = {"stamp": self.stamp, "changed": changed}
                if outcome.early and sum(len(page) for _, page in outcome.pages) <= PAGE_BYTES:
                    shown["pages"] = {path: page.decode("utf-8", "replace") for path, page in outcome.pages}
                data = event("build", shown, self.stamp)
            else:
                data = event("failure", {"stamp": self.stamp, **problems_of(outcome)}, self.stamp)
            for q in self.queues:
                q.put(data)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            for q in self.queues:
                q.put(None)
