"""Tests for sitegen.render.theme: lookup order, overrides, fingerprints, template errors with file:line."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import markupsafe
import pytest

from sitegen.errors import ContentError
from sitegen.render import load_theme, render_site
from sitegen.render.theme import packaged_themes
from tests.sample_site import build_site, config

DEFAULT = packaged_themes() / "default"


def test_the_packaged_default_theme_is_found(tmp_path):
    theme = load_theme(config(tmp_path))
    assert theme.template_dirs == (DEFAULT / "templates",)
    assert {"style.css", "site.js"} <= set(theme.static_files())
    for name in ("base.html", "article.html", "list.html", "taxonomy.html", "notes.html", "search.html",
                 "404.html", "feed.xml", "sitemap.xml", "robots.txt"):
        theme.template(name)


def test_a_site_overrides_one_template_and_one_static_file(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "taxonomy.html").write_text(
        '{% extends "base.html" %}{% block main %}<p class="mine">{{ view.items|length }}</p>{% endblock %}')
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "style.css").write_text("body { color: red }")
    (tmp_path / "static" / "extra.txt").write_text("extra")
    (tmp_path / "static" / ".hidden").write_text("no")
    cfg = config(tmp_path)
    rendered = render_site(build_site(cfg=cfg), load_theme(cfg))
    assert b'<p class="mine">8</p>' in rendered.files["tags/index.html"]
    assert b"<!doctype html>" in rendered.files["tags/index.html"]  # base.html still the theme's
    assert b'class="article' in rendered.files["articles/korea-chatbot.html"]
    assert rendered.files["static/style.css"] == b"body { color: red }"
    assert rendered.files["static/extra.txt"] == b"extra"
    assert rendered.files["static/site.js"] == (DEFAULT / "static" / "site.js").read_bytes()
    assert "static/.hidden" not in rendered.files


def test_an_archive_theme_needs_only_the_files_it_changes(tmp_path):
    folder = tmp_path / "themes" / "plain" / "templates"
    folder.mkdir(parents=True)
    (folder / "404.html").write_text("gone {{ view.heading }}\n")
    cfg = config(tmp_path, theme="plain")
    theme = load_theme(cfg)
    assert theme.template_dirs == (folder, DEFAULT / "templates")
    files = render_site(build_site(cfg=cfg), theme).files
    assert files["404.html"] == b"gone Page not found\n"
    assert b"<!doctype html>" in files["index.html"]


def test_an_unknown_theme_is_a_content_error(tmp_path):
    with pytest.raises(ContentError, match="theme 'nope' not found"):
        load_theme(config(tmp_path, theme="nope"))


def write_template(root: Path, name: str, text: str) -> Path:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_template_syntax_error_names_file_and_line(tmp_path):
    write_template(tmp_path, "taxonomy.html", "line one\nline two\n{% if %}\n")
    cfg = config(tmp_path)
    with pytest.raises(ContentError) as caught:
        render_site(build_site(cfg=cfg), load_theme(cfg))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("templates/taxonomy.html", 3)
    assert str(caught.value).startswith("templates/taxonomy.html:3: template syntax error")


def test_a_syntax_error_in_an_extended_template_names_that_template(tmp_path):
    broken = (DEFAULT / "templates" / "base.html").read_text().replace("</head>", "{% endfor %}</head>")
    write_template(tmp_path, "base.html", broken)
    line = broken[: broken.index("{% endfor %}</head>")].count("\n") + 1
    cfg = config(tmp_path)
    with pytest.raises(ContentError) as caught:
        render_site(build_site(cfg=cfg), load_theme(cfg))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("templates/base.html", line)


def test_an_undefined_name_is_reported_at_its_line(tmp_path):
    write_template(tmp_path, "404.html", "ok\n{{ view.heading }}\n{{ view.no_such_field }}\n")
    cfg = config(tmp_path)
    with pytest.raises(ContentError) as caught:
        render_site(build_site(cfg=cfg), load_theme(cfg))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("templates/404.html", 3)
    assert "no_such_field" in problem.message


def test_a_missing_template_is_a_content_error(tmp_path):
    cfg = config(tmp_path)
    theme = load_theme(cfg)
    with pytest.raises(ContentError, match="template 'nope.html' not found"):
        theme.template("nope.html")
    write_template(tmp_path, "404.html", '{% include "missing.html" %}')
    with pytest.raises(ContentError, match="template 'missing.html' not found"):
        render_site(build_site(cfg=cfg), load_theme(cfg))


def test_fingerprints_follow_extends_imports_and_includes(tmp_path):
    shutil.copytree(DEFAULT / "templates", tmp_path / "templates")
    cfg = config(tmp_path)
    before = load_theme(cfg)
    prints = {n: before.fingerprint(n) for n in ("list.html", "article.html", "feed.xml", "404.html")}
    macros = tmp_path / "templates" / "macros.html"
    macros.write_text(macros.read_text() + "\n{# changed #}\n")
    after = load_theme(cfg)
    assert after.fingerprint("list.html") != prints["list.html"]  # imports macros.html
    assert after.fingerprint("article.html") != prints["article.html"]  # so does article.html
    assert after.fingerprint("feed.xml") == prints["feed.xml"]
    assert after.fingerprint("404.html") == prints["404.html"]
    base = tmp_path / "templates" / "base.html"
    base.write_text(base.read_text() + "\n")
    assert load_theme(cfg).fingerprint("404.html") != prints["404.html"]  # extends base.html


def test_a_dynamic_include_depends_on_every_template(tmp_path):
    write_template(tmp_path, "404.html", "{% include view.heading %}")
    write_template(tmp_path, "other.html", "x")
    cfg = config(tmp_path)
    first = load_theme(cfg).fingerprint("404.html")
    write_template(tmp_path, "other.html", "y")
    assert load_theme(cfg).fingerprint("404.html") != first



@dataclass(frozen=True)
class Item:
    text: str


def _counting_macro(tmp_path, source):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "m.html").write_text(source)
    theme = load_theme(config(tmp_path))
    drawn = []
    theme.env.globals["count"] = lambda: drawn.append(1) or len(drawn)
    return theme


def test_a_reused_macro_draws_a_live_argument_once(tmp_path):
    theme = _counting_macro(tmp_path, "{% macro show(x) %}{{ x.text }} #{{ count() }}{% endmacro %}")
    with theme.reusing("m.html", "show"):
        show = theme.template("m.html").module.show
        first = Item("a")
        assert show(first) == show(first) == "a #1"
        assert show(Item("b")) == "b #2"
        assert show({"text": "c"}) == "c #3" and show({"text": "c"}) == "c #4"  # no weak reference: each time
        held = len(show.drawn)
        del first
        assert len(show.drawn) == held - 1  # what is no longer alive is not held
        assert show(Item("a")) == "a #5"
    assert theme.template("m.html").module.show(Item("a")) == "a #6"  # outside the block: as it was


def test_a_macro_called_with_several_arguments_draws_each_time(tmp_path):
    theme = _counting_macro(tmp_path, "{% macro two(x, y='') %}{{ x.text }}{{ y }} #{{ count() }}{% endmacro %}")
    item = Item("a")
    with theme.reusing("m.html", "two"):
        two = theme.template("m.html").module.two
        assert two(item, "!") == "a! #1" and two(item, "!") == "a! #2"
        assert two(item) == "a #3" and two(item) == "a #3"
    with theme.reusing("m.html", "missing"), theme.reusing("nope.html", "card"):
        pass  # no such macro or template: nothing to reuse, no error


def test_templates_escape_every_kind_of_value_as_markupsafe_does(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "probe.html").write_text(
        "{{ text }}|{{ markup }}|{{ number }}|{{ none }}|{{ text|e }}|{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}{{ m(text) }}")
    cfg = config(tmp_path)
    theme = load_theme(cfg)
    values = {"text": "<script>alert('x') & \"y\"</script>", "markup": markupsafe.Markup("<b>kept</b>"),
              "number": 3, "none": None}
    drawn = theme.render("probe.html", **values)
    text = markupsafe.escape(values["text"])
    assert drawn == f"{text}|<b>kept</b>|3|None|{text}|<i>{text}</i>"
    assert "<script>" not in drawn
