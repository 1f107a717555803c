"""Fixtures of the whole-site tests: the committed archive built once, and the tools.

`public` copies the repository's content/, themes/ and sitegen.toml into a temporary
folder and builds it with `python -m sitegen` in a subprocess, as a user would.

The tools (Java with the Nu HTML checker, axe-core, Chromium driven by Playwright) are
installed by `bash .ci/run`. A missing tool skips its tests with the reason, except when
CI=true: then it is a failure, so CI can never pass by skipping them.

The browser comes from tests/browser_support.py (Debian's chromium through Playwright,
never a downloaded one): the session's one Chromium, with the contexts a module opens
closed after it; its `missing` is the CI rule used here for every tool.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser_support import chromium, missing
from tests.site.committed_archive import REPO, build_archive

NODE_MODULES = REPO / ".ci" / "node" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


# ---- the built site ------------------------------------------------------------------


@pytest.fixture(scope="session")
def public(tmp_path_factory) -> Path:
    """public/ of the repository's archive, built once per test session."""
    return build_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="session")
def public_build(tmp_path_factory) -> Path:
    """public/ of the repository's archive built with the public profile, as netlify.toml builds it."""
    return build_archive(tmp_path_factory.mktemp("public-archive"), "--profile", "public",
                         "--base-url", "https://archive.example/")


# ---- tools ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def java() -> str:
    found = shutil.which("java")
    if not found:
        missing("no `java` on PATH (Debian: default-jre-headless)")
    return found


@pytest.fixture(scope="session")
def vnu_jar(java) -> Path:
    path = Path(os.environ.get("VNU_JAR", VNU_JAR))
    if not path.is_file():
        missing(f"the Nu HTML checker is not at {path} (npm: vnu-jar)")
    return path


@pytest.fixture(scope="session")
def axe_js() -> Path:
    path = Path(os.environ.get("AXE_JS", AXE_JS))
    if not path.is_file():
        missing(f"axe-core is not at {path} (npm: axe-core)")
    return path


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright (no `playwright install`), shared by the session;
    what the module opens with it is closed after the module."""
    with chromium() as launched:
        yield launched


@dataclass
class Tab:
    """A page in its own browser context, with what went wrong on it recorded:
    console errors, uncaught exceptions, failed loads and any request leaving file://."""

    page: object
    problems: list[str] = field(default_factory=list)
    allowed: tuple[str, ...] = ("file://", "data:")  # where requests may go

    def watch(self) -> None:
        page = self.page
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text} (at {m.location.get('url') or page.url})"))
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc} ({page.url})"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed load: {r.url} ({r.failure})"))
        page.on("request", self._request)

    def _request(self, request) -> None:
        if not request.url.startswith(self.allowed):
            self.problems.append(f"request leaves {' '.join(self.allowed)}: {request.method} {request.url}")

    def assert_clean(self) -> None:
        assert self.problems == [], "\n".join(["problems in the browser:", *self.problems])


@pytest.fixture
def open_tab(browser):
    """open_tab(width=1400, height=1000, color_scheme="light", allowed=("file://", "data:"))
    -> Tab, closed after the test."""
    contexts = []

    def open_(width: int = 1400, height: int = 1000, color_scheme: str = "light",
              allowed: tuple[str, ...] = Tab.allowed) -> Tab:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        contexts.append(context)
        tab = Tab(context.new_page(), allowed=allowed)
        tab.watch()
        return tab

    yield open_
    for context in contexts:
        context.close()
