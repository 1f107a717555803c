"""`sitegen serve` answers at once with the last build's site while the first build runs."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

from tests.browser_support import sitegen_running

from sitegen.frontmatter import dump_article
from sitegen.model import Article, Licence, LicenceKind, Source
from sitegen.render.theme import packaged_themes

SLOW = "{% for i in range(400000) %}{% endfor %}"  # makes every article page slow to draw


def write(root, slug: str, title: str) -> None:
    article = Article(slug=slug, path="", title=title, body="A paragraph.\n",
                      licence=Licence(LicenceKind.CC, "CC statement.", "The Conversation"),
                      source=(Source("d.txt", (1, 3)),))
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text(dump_article(article), encoding="utf-8")


def slow_archive(root, title: str) -> None:
    """Four articles titled `title` 0 to 3, and an article template that makes the build slow."""
    for n in range(4):
        write(root, f"a{n}", f"{title} {n}")
    templates = root / "templates"
    templates.mkdir()
    article = (packaged_themes() / "default" / "templates" / "article.html").read_text(encoding="utf-8")
    (templates / "article.html").write_text(article + SLOW, encoding="utf-8")


def test_the_last_build_is_served_while_the_first_build_runs(tmp_path):
    for n in range(4):
        write(tmp_path, f"a{n}", f"Old title {n}")
    with sitegen_running(tmp_path, "build", ready=r"built"):
        pass
    slow_archive(tmp_path, "New title")

    with sitegen_running(tmp_path, "serve", "--port", "0", ready=r"meanwhile the last build is served") as serve:
        port = re.search(r"served on [^\s]+:(\d+)", "".join(serve.out)).group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as response:
            first = response.read().decode("utf-8")
        building = not any("(Ctrl-C to stop)" in line for line in serve.out)
        serve.wait_for(r"\(Ctrl-C to stop\)", timeout=300)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as response:
            after = response.read().decode("utf-8")
    assert building, "the first build should still have been running (the slow template makes sure)"
    assert "Old title 0" in first and "sitegen/livereload.js" in first  # the old site, with live reload
    assert "New title 0" in after and "Old title" not in after


def test_with_no_site_yet_pages_say_it_is_being_built_until_it_is(tmp_path):
    slow_archive(tmp_path, "Title")

    with sitegen_running(tmp_path, "serve", "--port", "0", ready=r"for the first time") as serve:
        port = re.search(r"meanwhile [^\s]+:(\d+) says so", "".join(serve.out)).group(1)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10)
            raise AssertionError("a page was served before the first build was in")
        except urllib.error.HTTPError as exc:
            status, first = exc.code, exc.read().decode("utf-8")
        building = not any("(Ctrl-C to stop)" in line for line in serve.out)
        serve.wait_for(r"\(Ctrl-C to stop\)", timeout=300)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as response:
            after = response.read().decode("utf-8")
    assert building, "the first build should still have been running (the slow template makes sure)"
    assert status == 503 and "Building the site" in first
    assert 'name="sitegen-building"' in first and "sitegen/livereload.js" in first  # reloads itself when built
    assert "Title 0" in after
