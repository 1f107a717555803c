"""Themes: where templates and static files come from, and a fingerprint per template.

Lookup order, first match wins, per file: the site's `templates/` (or `static/`),
then `themes/<name>/` in the archive, then the theme shipped with sitegen. Jinja
lives only in this package. Must not decide what pages exist.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import meta as jinja_meta

from sitegen.config import Config
from sitegen.errors import ContentError, error


def packaged_themes() -> Path:
    try:
        from importlib.resources import files

        return Path(str(files("sitegen.themes")))
    except (ImportError, ModuleNotFoundError, TypeError):  # running from a source tree
        return Path(__file__).resolve().parents[2] / "themes"


def theme_dirs(cfg: Config) -> list[Path]:
    """Theme folders, most specific first (duplicates removed)."""
    candidates = [cfg.root / "themes" / cfg.theme, packaged_themes() / cfg.theme]
    seen: list[Path] = []
    for folder in candidates:
        if folder.is_dir() and all(folder.resolve() != s.resolve() for s in seen):
            seen.append(folder)
    return seen


@dataclass
class Theme:
    env: jinja2.Environment
    template_dirs: list[Path]
    static_dirs: list[Path]
    _prints: dict[str, str] = field(default_factory=dict)

    def template(self, name: str) -> jinja2.Template:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise ContentError(
                f"template error in {exc.filename or name}",
                (error(f"template syntax: {exc.message}", exc.filename or name, exc.lineno),),
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise ContentError(
                f"template not found: {exc.name}",
                (error(f"template {exc.name!r} not found in {', '.join(map(str, self.template_dirs))}", name),),
            ) from None

    def source_path(self, name: str) -> str:
        for folder in self.template_dirs:
            if (folder / name).is_file():
                return str(folder / name)
        return name

    def fingerprint(self, name: str) -> str:
        """Hash of a template and everything it extends, includes or imports."""
        hit = self._prints.get(name)
        if hit is not None:
            return hit
        h = hashlib.sha256()
        todo, done = [name], set()
        while todo:
            current = todo.pop()
            if current in done:
                continue
            done.add(current)
            try:
                source, _, _ = self.env.loader.get_source(self.env, current)  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                continue
            h.update(current.encode() + b"\0" + source.encode())
            try:
                refs = jinja_meta.find_referenced_templates(self.env.parse(source))
            except jinja2.TemplateSyntaxError:
                refs = ()
            todo.extend(r for r in refs if r)
        self._prints[name] = h.hexdigest()
        return self._prints[name]

    def static_files(self) -> dict[str, Path]:
        """name → file, site static overriding theme static per file."""
        found: dict[str, Path] = {}
        for folder in reversed(self.static_dirs):
            if folder.is_dir():
                for path in sorted(folder.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        found[path.relative_to(folder).as_posix()] = path
        return found


def load_theme(cfg: Config) -> Theme:
    dirs = theme_dirs(cfg)
    if not dirs:
        raise ContentError(f"theme {cfg.theme!r} not found (looked in {cfg.root / 'themes'} and sitegen's own themes)")
    template_dirs = [cfg.site_templates_path] + [d / "templates" for d in dirs]
    template_dirs = [d for d in template_dirs if d.is_dir()]
    static_dirs = [cfg.site_static_path] + [d / "static" for d in dirs]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    return Theme(env, template_dirs, static_dirs)
