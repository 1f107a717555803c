"""Load on `sitegen serve`: `python benchmarks/serve_load.py [--clients 200] [--requests 20] [--tabs 50] [--articles 300]`.

Makes a synthetic archive (benchmarks/corpus.py), starts `sitegen serve` on a
free loopback port, opens `--tabs` live-reload event streams (as open browser
tabs do) and then lets `--clients` concurrent keep-alive clients each fetch
`--requests` pages of the site. Prints requests per second, median and
99th-percentile latency, how many requests were answered (all must be), and
the server's peak threads and memory. The tests in tests/faults/test_serve_load.py
use `run_load` and `server_stats` from here and assert only correctness and
boundedness, never speed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT = 60.0  # seconds one request may take before it counts as unanswered


@dataclass
class LoadResult:
    """What the clients saw: one (path, status, blake2b of the body) per request, and latencies in seconds."""

    responses: list[tuple[str, int, str]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    tabs_open: int = 0
    seconds: float = 0.0

    @property
    def statuses(self) -> Counter[int]:
        return Counter(status for _, status, _ in self.responses)

    @property
    def per_second(self) -> float:
        return len(self.responses) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


async def read_response(reader: asyncio.StreamReader, head: bool = False) -> tuple[int, dict[str, str], bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed before a response")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        key, _, value = line.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    body = b"" if head else await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def _client(port: int, paths: list[str], result: LoadResult) -> None:
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), TIMEOUT)
    try:
        for path in paths:
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            await writer.drain()
            status, headers, body = await asyncio.wait_for(read_response(reader), TIMEOUT)
            result.latencies.append(time.perf_counter() - started)
            result.responses.append((path, status, digest(body)))
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
        result.failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        writer.close()


async def open_tab(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A live-reload event stream, as a browser tab opens it, once its `hello` event has arrived."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    seen = b""
    while b"event: hello" not in seen:
        chunk = await asyncio.wait_for(reader.read(4096), TIMEOUT)
        if not chunk:
            raise ConnectionError("the event stream ended before its hello")
        seen += chunk
    return reader, writer


async def _load(port: int, paths: list[str], clients: int, requests: int, tabs: int) -> LoadResult:
    result = LoadResult()
    opened = await asyncio.gather(*(open_tab(port) for _ in range(tabs)), return_exceptions=True)
    streams = [s for s in opened if not isinstance(s, BaseException)]
    result.failures += [f"tab: {s!r}" for s in opened if isinstance(s, BaseException)]
    result.tabs_open = len(streams)
    plans = [[paths[(c * 7 + r * 13) % len(paths)] for r in range(requests)] for c in range(clients)]
    started = time.perf_counter()
    await asyncio.gather(*(_client(port, plan, result) for plan in plans))
    result.seconds = time.perf_counter() - started
    for _, writer in streams:
        writer.close()
    return result


def run_load(port: int, paths: list[str], *, clients: int = 200, requests: int = 10, tabs: int = 50) -> LoadResult:
    """`clients` concurrent keep-alive clients fetching `requests` of `paths` each, with `tabs` event streams open."""
    return asyncio.run(_load(port, paths, clients, requests, tabs))


def server_stats(pid: int) -> dict[str, int]:
    """threads, open file descriptors and resident memory (kB) of a process, from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    threads = int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1))  # type: ignore[union-attr]
    rss = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1))  # type: ignore[union-attr]
    return {"threads": threads, "fds": len(os.listdir(f"/proc/{pid}/fd")), "rss_kb": rss}


class Sampler:
    """Samples `server_stats(pid)` every `every` seconds in the background; `.peak` holds the maxima."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every = pid, every
        self.peak: dict[str, int] = server_stats(pid)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                now = server_stats(self.pid)
            except (OSError, AttributeError):
                return
            self.peak = {key: max(value, now[key]) for key, value in self.peak.items()}

    def __enter__(self) -> "Sampler":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join()


def site_paths(public: Path) -> list[str]:
    """URL paths of every file of a built site."""
    return sorted("/" + p.relative_to(public).as_posix() for p in public.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20, help="requests per client")
    parser.add_argument("--tabs", type=int, default=50, help="open live-reload event streams")
    parser.add_argument("--articles", type=int, default=300, help="size of the synthetic archive")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(args.articles, root)
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "-C", str(root), "-q", "serve", "--port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout is not None
            found = None
            for line in proc.stdout:
                found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if found:
                    break
            if found is None:
                raise SystemExit(f"sitegen serve did not start: {proc.stderr.read() if proc.stderr else ''}")
            port = int(found.group(1))
            paths = site_paths(root / "public")
            before = server_stats(proc.pid)
            with Sampler(proc.pid) as sampler:
                result = run_load(port, paths, clients=args.clients, requests=args.requests, tabs=args.tabs)
            after = server_stats(proc.pid)
        finally:
            proc.terminate()
            proc.wait()
    answered = sum(1 for _, status, _ in result.responses if status == 200)
    print(f"{len(result.responses):,} requests from {args.clients} clients over {len(paths):,} files, "
          f"{result.tabs_open} live-reload tabs open: {result.per_second:,.0f} req/s, "
          f"p50 {statistics.median(result.latencies) * 1000:.1f} ms, p99 {result.percentile(0.99) * 1000:.1f} ms; "
          f"{answered:,} answered 200, {len(result.failures)} failed")
    print(f"server: threads {before['threads']} → peak {sampler.peak['threads']} → {after['threads']}, "
          f"RSS {before['rss_kb'] / 1024:.0f} → peak {sampler.peak['rss_kb'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
