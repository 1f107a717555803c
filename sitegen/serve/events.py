"""Server-sent events: every open tab hears about each rebuild.

Owns the subscriber queues and the event format (`build` with the changed output
paths, `failure` with the problems). Must not know about HTTP beyond the bytes of
an event.
"""

from __future__ import annotations

import json
import queue
import threading

from sitegen.watch import Outcome


def event(name: str, data: object) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode("utf-8")


def outcome_event(outcome: Outcome) -> bytes:
    if outcome.ok and outcome.result is not None:
        changed = sorted(set(outcome.result.written) | set(outcome.result.deleted))
        return event("build", {"changed": changed})
    return event("failure", {"error": outcome.message, "problems": [str(p) for p in outcome.problems]})


class Broadcaster:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queues: list[queue.Queue[bytes | None]] = []
        self.closed = False

    def subscribe(self) -> queue.Queue[bytes | None]:
        q: queue.Queue[bytes | None] = queue.Queue()
        with self.lock:
            if self.closed:
                q.put(None)
            self.queues.append(q)
        return q

    def unsubscribe(self, q: queue.Queue[bytes | None]) -> None:
        with self.lock:
            if q in self.queues:
                self.queues.remove(q)

    def publish(self, outcome: Outcome) -> None:
        data = outcome_event(outcome)
        with self.lock:
            for q in self.queues:
                q.put(data)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            for q in self.queues:
                q.put(None)
