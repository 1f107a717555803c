"""Themes: where templates and static files come from, and a fingerprint per template.

Lookup, per file, first match wins: the site's own `templates/` (or `static/`),
then `themes/<name>/` in the archive, then the theme of that name shipped with
sitegen, then sitegen's `default` theme — so a site can override any single
template or static file, and a theme only needs the files it changes.
Template problems become `ContentError`s naming `file:line`. Jinja lives only
in this package. Must not decide what pages exist or what they show.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import markupsafe
from jinja2 import meta as jinja_meta
from jinja2.runtime import Macro

from sitegen.config import Config
from sitegen.errors import ContentError, Problem, error

DEFAULT_THEME = "default"


def packaged_themes() -> Path:
    """The folder of the themes shipped with sitegen (inside the package, installed or not)."""
    return Path(__file__).resolve().parents[1] / "themes"


def theme_dirs(cfg: Config) -> list[Path]:
    """Existing theme folders, most specific first, without duplicates."""
    shipped = packaged_themes()
    candidates = [cfg.root / "themes" / cfg.theme, shipped / cfg.theme, shipped / DEFAULT_THEME]
    found: list[Path] = []
    for folder in candidates:
        if folder.is_dir() and all(folder.resolve() != f.resolve() for f in found):
            found.append(folder)
    return found


@dataclass
class Theme:
    """A loaded theme: the Jinja environment and the folders it searches."""

    env: jinja2.Environment
    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]
    root: Path = Path(".")  # file names in messages are relative to it when they can be
    _prints: dict[str, str] = field(default_factory=dict, repr=False)

    def template(self, name: str) -> jinja2.Template:
        """The compiled template `name`; ContentError (file:line) when it is missing or broken."""
        try:
            return self.env.get_template(name)
        except jinja2.TemplateError as exc:
            raise self.error(exc, name) from None

    def render(self, name: str, **context: object) -> str:
        """Draw template `name`; any template problem becomes a ContentError naming file:line."""
        template = self.template(name)
        try:
            return template.render(**context)
        except jinja2.TemplateError as exc:
            raise self.error(exc, name) from None

    @contextmanager
    def reusing(self, name: str, macro: str) -> Iterator[None]:
        """Within this block, macro `macro` of template `name` draws once per argument: called again with
        the same argument, still alive, it hands out what it drew (see `Reused`). Nothing
        happens when there is no such macro, or when the template is broken (drawing reports it)."""
        try:
            module = self.env.get_template(name).module
        except jinja2.TemplateError:
            module = None
        found = getattr(module, macro, None)
        if not isinstance(found, Macro) or found.caller or found.catch_varargs:
            yield
            return
        setattr(module, macro, Reused(found))
        try:
            yield
        finally:
            setattr(module, macro, found)

    def error(self, exc: jinja2.TemplateError, name: str) -> ContentError:
        """A ContentError for `exc`, raised while loading or drawing template `name`."""
        if isinstance(exc, jinja2.TemplateNotFound):  # also TemplatesNotFound
            missing = exc.name if isinstance(exc.name, str) else name
            where = ", ".join(self.shown(d) for d in self.template_dirs) or "no template folder"
            problem = error(f"template {missing!r} not found (looked in {where})", self.source_path(name))
        elif isinstance(exc, jinja2.TemplateSyntaxError):
            file = self.shown(Path(exc.filename)) if exc.filename else self.source_path(exc.name or name)
            problem = error(f"template syntax error: {exc.message}", file, exc.lineno)
        else:  # raised while drawing: an undefined name, a failing filter
            file, line = self._frame(exc.__traceback__) or (self.source_path(name), None)
            problem = error(f"template error: {exc.message or exc}", file, line)
        return ContentError(str(problem), (problem,))

    def _frame(self, tb: TracebackType | None) -> tuple[str, int] | None:
        """The innermost traceback frame inside a template file (Jinja rewrites them to template lines)."""
        folders = [str(d.resolve()) for d in self.template_dirs] + [str(d) for d in self.template_dirs]
        found = None
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if any(filename.startswith(f) for f in folders):
                found = (self.shown(Path(filename)), tb.tb_lineno)
            tb = tb.tb_next
        return found

    def shown(self, path: Path) -> str:
        """`path` as messages show it: relative to the archive when it is inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def source_path(self, name: str) -> str:
        """The file that template `name` is loaded from (shown), or the name when there is none."""
        for folder in self.template_dirs:
            if (folder / name).is_file():
                return self.shown(folder / name)
        return name

    def fingerprint(self, name: str) -> str:
        """Hash of template `name` and everything it extends, includes or imports, recursively.

        A page is drawn again only when its view or this fingerprint changed. A
        template naming another one dynamically (`{% include var %}`) depends on all.
        """
        hit = self._prints.get(name)
        if hit is not None:
            return hit
        digest = hashlib.sha256()
        todo, done = [name], set()
        while todo:
            current = todo.pop()
            if current in done:
                continue
            done.add(current)
            try:
                source, _, _ = self.env.loader.get_source(self.env, current)  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                digest.update(f"missing:{current}\0".encode())
                continue
            digest.update(f"{current}\0{len(source)}\0".encode() + source.encode("utf-8", "surrogatepass"))
            try:
                refs = list(jinja_meta.find_referenced_templates(self.env.parse(source)))
            except jinja2.TemplateSyntaxError:
                refs = []  # reported when the template is drawn
            if None in refs:
                refs = self.env.list_templates()
            todo.extend(r for r in refs if r)
        self._prints[name] = digest.hexdigest()
        return self._prints[name]

    def static_files(self) -> dict[str, Path]:
        """Output name under static/ → file; the site's static/ wins over the theme's, per file."""
        found: dict[str, Path] = {}
        for folder in reversed(self.static_dirs):
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder)
                if path.is_file() and not any(part.startswith(".") for part in rel.parts):
                    found[rel.as_posix()] = path
        return found


class Reused:
    """A macro called with one argument, drawn once per argument: a template's imported macro sees
    only its arguments (and the environment's globals), so the same argument draws the same markup.
    What it drew is kept while the argument lives (a weak reference): one asked for once — an
    article's card on the home page — is not held; one a view keeps for the next page that shows
    it (the card on every tag, author and publisher page) is drawn once. Any other call is passed on."""

    def __init__(self, macro: Macro) -> None:
        self.macro = macro
        self.drawn: dict[int, tuple[weakref.ref, str]] = {}  # id of the argument → (it, its markup)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != 1:
            return self.macro(*args, **kwargs)
        arg, key = args[0], id(args[0])
        hit = self.drawn.get(key)
        if hit is not None and hit[0]() is arg:
            return hit[1]
        try:
            alive = weakref.ref(arg, lambda _: self.drawn.pop(key, None))
        except TypeError:  # no weak reference to it: drawn each time
            return self.macro(arg)
        markup = self.macro(arg)
        self.drawn[key] = (alive, markup)
        return markup


_escape_inner = getattr(markupsafe, "_escape_inner", None)  # markupsafe's C escaping of a str (3.x)
_markup = str.__new__  # a Markup of an escaped str, without Markup.__new__'s checks (a str has no __html__)


def _escape(value: object) -> markupsafe.Markup:
    """`markupsafe.escape`, a few times quicker for a plain string: every `{{ value }}` of every page
    (a page of a list of twenty articles escapes about a thousand) goes through it."""
    if type(value) is str:
        return _markup(markupsafe.Markup, _escape_inner(value))  # type: ignore[misc]
    return markupsafe.escape(value)


class _Template(jinja2.Template):
    """A compiled template whose autoescaping (`escape` in its code) is `_escape`."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: dict[str, Any],
                        globals: Any) -> jinja2.Template:
        if namespace.get("escape") is markupsafe.escape and _escape_inner is not None:
            namespace["escape"] = _escape  # the compiled code looks it up here when it runs
        return super()._from_namespace(environment, namespace, globals)  # type: ignore[misc]


def load_theme(cfg: Config) -> Theme:
    """The theme `cfg.theme`, with the site's own templates/ and static/ in front of it."""
    dirs = theme_dirs(cfg)
    if not (cfg.root / "themes" / cfg.theme).is_dir() and not (packaged_themes() / cfg.theme).is_dir():
        problem = Problem(f"theme {cfg.theme!r} not found: there is no folder themes/{cfg.theme}/ "
                          f"in the archive or among sitegen's themes", "sitegen.toml")
        raise ContentError(str(problem), (problem,))
    template_dirs = tuple(d for d in [cfg.site_templates_path, *(d / "templates" for d in dirs)] if d.is_dir())
    static_dirs = (cfg.site_static_path, *(d / "static" for d in dirs))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.template_class = _Template
    return Theme(env, template_dirs, static_dirs, cfg.root)


def theme_stamp(cfg: Config) -> tuple[tuple[str, int, int], ...]:
    """What the theme's files look like now (path, mtime, size): equal stamps, same theme."""
    folders = [cfg.site_templates_path, cfg.site_static_path]
    for folder in theme_dirs(cfg):
        folders += [folder / "templates", folder / "static"]
    stamp = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                try:
                    st = path.stat()
                except OSError:
                    continue
                stamp.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(stamp)
