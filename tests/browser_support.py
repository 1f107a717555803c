"""Browser tests' shared pieces: Debian's Chromium through Playwright, and `sitegen serve` as a real process.

`chromium()` gives the test session's one Chromium (/usr/bin/chromium, never a
downloaded browser, with the flags CI needs), launched on first use and closed when
the session ends (`close_chromium`, called from tests/conftest.py); what a `with
chromium()` block opens — contexts, pages — is closed when the block ends, so each
test still starts from fresh contexts. With CI=true a missing browser or Playwright
is a failure, locally it is a skip (`missing`). Playwright's event loop counts as
running in this thread only inside a `with chromium()` block, as when each block
had its own Playwright, so `asyncio.run` works anywhere else. `sitegen_serve(root)` starts the dev server on
a free port (`sitegen_running` any long-running command) and `.stop()` ends it
with Ctrl-C (SIGINT), returning the exit code and what it printed.
`under_strict_csp(page)` serves a page's HTML with a Content-Security-Policy
like the public profile's and collects any violation; `axe_problems(page)`
lists axe-core's serious and critical findings on the page as it is now.
Import what you need: `from tests.browser_support import chromium, sitegen_serve`.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), CHROMIUM, shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class _Launched:
    """The session's Playwright and its Chromium, started by the first `chromium()`; `loop` is
    Playwright's event loop and `depth` the number of `with chromium()` blocks open."""

    playwright = None
    browser = None
    loop = None
    depth = 0


def _launched_browser(executable: str):
    if _Launched.browser is not None and _Launched.browser.is_connected():
        return _Launched.browser
    close_chromium()
    from playwright.sync_api import sync_playwright

    _Launched.playwright = sync_playwright().start()
    _Launched.loop = asyncio._get_running_loop()  # the sync API marks its loop as running in this thread
    _Launched.browser = _Launched.playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    return _Launched.browser


def _show_loop(shown: bool) -> None:
    """Mark Playwright's loop as running in this thread (its sync calls need it), or as not
    running (so that `asyncio.run` works between `with chromium()` blocks)."""
    asyncio._set_running_loop(_Launched.loop if shown else None)


def close_chromium() -> None:
    """Close the session's Chromium and stop Playwright, if they were started."""
    browser, playwright = _Launched.browser, _Launched.playwright
    _Launched.browser = _Launched.playwright = None
    if playwright is None:
        return
    _show_loop(True)
    try:
        if browser is not None and browser.is_connected():
            browser.close()
    finally:
        try:
            playwright.stop()
        finally:
            _Launched.loop = None
            _show_loop(False)


class BrowserUse:
    """The shared `Browser` as one `with chromium()` block sees it: the contexts and pages it
    opens are recorded and closed at the block's end; anything else goes to the browser."""

    def __init__(self, browser) -> None:
        self._browser = browser
        self._contexts: list[object] = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        self._contexts.append(context)
        return context

    def new_page(self, **options):
        page = self._browser.new_page(**options)
        self._contexts.append(page.context)
        return page

    def close(self) -> None:
        contexts, self._contexts = self._contexts, []
        if self._browser.is_connected():
            for context in contexts:
                for page in context.pages:  # a route callback still running must not fail the next test
                    page.unroute_all(behavior="ignoreErrors")
                context.close()

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@contextmanager
def chromium() -> Iterator[BrowserUse]:
    """The session's Chromium through Playwright; the contexts and pages opened with it are closed afterwards."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the playwright Python package is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        missing(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    _Launched.depth += 1
    try:
        _show_loop(True)
        use = BrowserUse(_launched_browser(executable))
        try:
            yield use
        finally:
            use.close()
    finally:
        _Launched.depth -= 1
        _show_loop(_Launched.depth > 0)


@dataclass
class Running:
    """A running sitegen command, its output read as it comes; `stop()` presses Ctrl-C."""

    proc: subprocess.Popen[str]
    url: str = ""  # for `serve`: the base URL it printed, ending in /
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    readers: list[threading.Thread] = field(default_factory=list)

    def wait_for(self, pattern: str, *, stream: str = "out", timeout: float = 30) -> re.Match[str]:
        """The first match of `pattern` in stdout (or stderr), waiting for it to be printed."""
        lines = self.out if stream == "out" else self.err
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, "".join(lines))
            if match:
                return match
            if time.monotonic() > deadline or (self.proc.poll() is not None and not any(r.is_alive() for r in self.readers)):
                raise AssertionError(f"no {pattern!r} in the output of sitegen:\n{''.join(self.out)}{''.join(self.err)}")
            time.sleep(0.05)

    def stop(self, timeout: float = 30) -> tuple[int, str, str]:
        """SIGINT, wait; (exit code, stdout, stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for reader in self.readers:
            reader.join(5)
        return self.proc.returncode, "".join(self.out), "".join(self.err)


Served = Running  # the name browser tests use for a running `sitegen serve`


def _pump(stream, lines: list[str]) -> None:
    for line in stream:
        lines.append(line)


@contextmanager
def sitegen_running(root: Path, *args: str, ready: str, timeout: float = 120, ctrl_c_ignored: bool = False) -> Iterator[Running]:
    """`sitegen -C root ARGS...` until its stdout matches `ready`; killed afterwards if still running
    (`ctrl_c_ignored`: started as a launcher that ignores SIGINT starts it)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(root), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"),
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ctrl_c_ignored else None,
    )
    running = Running(proc)
    running.readers = [threading.Thread(target=_pump, args=(proc.stdout, running.out), daemon=True),
                       threading.Thread(target=_pump, args=(proc.stderr, running.err), daemon=True)]
    for reader in running.readers:
        reader.start()
    try:
        running.wait_for(ready, timeout=timeout)
        yield running
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@contextmanager
def sitegen_serve(root: Path, *args: str, timeout: float = 120) -> Iterator[Running]:
    """`sitegen -C root serve --port 0 ARGS...` on a free port, once it serves (`.url`)."""
    pattern = r"http://[^\s/]+:\d+/"
    with sitegen_running(root, "serve", "--port", "0", *args, ready=pattern, timeout=timeout) as running:
        running.url = running.wait_for(pattern).group(0)
        yield running


def served_stamp(url: str, quiet: float = 2.0, timeout: float = 60) -> str:
    """The build stamp the server at `url` puts on the pages it sends (see `handler.inject`), once
    no build has come for `quiet` seconds (a file saved just before the server started is checked
    again after the first build: that rebuild changes no page, but it moves the stamp)."""
    def now() -> str:
        with urllib.request.urlopen(url.rstrip("/") + "/__sitegen/status", timeout=30) as response:
            return json.load(response)["stamp"]
    stamp, since, deadline = now(), time.monotonic(), time.monotonic() + timeout
    while time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            raise AssertionError(f"the server at {url} kept rebuilding for {timeout} s")
        time.sleep(0.2)
        if (latest := now()) != stamp:
            stamp, since = latest, time.monotonic()
    return stamp


# what serve adds to an article page on loopback for annotating: its token and file version vary per run
ANNOTATE_TAG = re.compile(rb'<link rel="stylesheet" href="/__sitegen/[^"]*" data-sitegen-annotate-css>'
                          rb'<script src="/__sitegen/[^"]*" defer data-sitegen-annotate [^>]*></script>')

# like what `serve --profile public` and netlify.toml send: no inline script or style may run
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"


def under_strict_csp(page) -> list[str]:
    """Serve the page's HTML with `STRICT_CSP`; the list returned fills with every violation and page error.

    Playwright's string predicates run through eval, which the policy forbids: give `wait_for_function`
    a function (`"() => ..."`).
    """
    def fulfill(route) -> None:
        fetched = route.fetch()
        route.fulfill(response=fetched, headers={**fetched.headers, "content-security-policy": STRICT_CSP})

    # a predicate, not the glob "**/*.html", which also matches "/__sitegen/notes?page=a.html"
    page.route(lambda url: urlsplit(url).path.endswith(".html"), fulfill)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda exc: violations.append(str(exc)))
    return violations


AXE_JS = Path(__file__).resolve().parents[1] / ".ci/node/node_modules/axe-core/axe.min.js"


def axe_problems(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now: "rule: elements"."""
    if not AXE_JS.is_file():
        missing(f"axe-core is not at {AXE_JS} (npm: axe-core; bash .ci/run installs it)")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )


class StaticHost(SimpleHTTPRequestHandler):
    """Serves a folder like a static host (Netlify): a missing path gets the site's 404.html with
    status 404 — `<folder>/<prefix>/404.html` when the site sits in sub-folder `prefix`."""

    prefix = ""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / self.prefix / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def static_host(folder: Path, prefix: str = "") -> Iterator[str]:
    """`folder` served on 127.0.0.1 (a free port) by `StaticHost`; yields the URL of its root."""
    handler = type("Host", (StaticHost,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
