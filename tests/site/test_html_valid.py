"""Every HTML page of the built archive is valid HTML for the Nu HTML checker (vnu.jar).

One JVM checks the whole of public/ (`--skip-non-html`), errors only. A deliberately
invalid canary page is checked in the same run, so the test cannot pass because the
checker silently checked nothing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.site.pages import html_pages

CHECK_TIMEOUT = 600
CANARY = '<!DOCTYPE html>\n<html lang="en">\n<head>\n</head>\n<body>\n</body>\n</html>\n'  # no <title>


def _file(message: dict) -> Path | None:
    url = message.get("url") or ""
    return Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None


def _readable(message: dict, public: Path) -> str:
    where = _file(message)
    try:
        name = where.relative_to(public).as_posix() if where else message.get("url", "?")
    except ValueError:
        name = str(where)
    line = message.get("lastLine") or message.get("firstLine") or "?"
    column = message.get("firstColumn") or message.get("lastColumn") or "?"
    text = f"{name}:{line}:{column}: {message.get('type')}: {message.get('message')}"
    extract = " ".join((message.get("extract") or "").split())
    return text + (f"\n      {extract}" if extract else "")


def test_every_page_is_valid_html(public, java, vnu_jar, tmp_path):
    assert_valid(public, java, vnu_jar, tmp_path)


def test_every_page_of_the_public_build_is_valid_html(public_build, java, vnu_jar, tmp_path):
    """The public profile: minified, fingerprinted assets; excerpts with their banner."""
    assert list((public_build / "assets").glob("style.*.css"))
    assert_valid(public_build, java, vnu_jar, tmp_path)


def assert_valid(public: Path, java: str, vnu_jar: Path, tmp_path: Path) -> None:
    assert html_pages(public), "the build wrote no HTML page"
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    command = [java, "-jar", str(vnu_jar), "--errors-only", "--format", "json", "--stdout",
               "--skip-non-html", str(public), str(canary)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=CHECK_TIMEOUT)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"the Nu checker did not answer in JSON (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        ) from None
    messages = report.get("messages", [])
    on_canary = [m for m in messages if _file(m) == canary]
    assert on_canary, f"the Nu checker found nothing wrong in the invalid canary page: it checked nothing?\n{result.stderr}"
    errors = [m for m in messages if _file(m) != canary and m.get("type") != "info"]
    assert errors == [], f"{len(errors)} errors from the Nu HTML checker {report.get('version', '')}:\n" + "\n".join(
        _readable(m, public) for m in errors
    )
