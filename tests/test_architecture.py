"""The pipeline's layers point one way: a module may import only from its own layer or below.

Also keeps each third-party library in its room (markdown-it and Pygments in
markdown/, Jinja in render/, watchdog in watch, YAML in the front matter module,
`sys.exit` only in cli).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sitegen"

# Lowest first. A module's layer is that of the longest matching name.
LAYERS: list[set[str]] = [
    {"sitegen.errors", "sitegen.slugs", "sitegen.atomic", "sitegen.cache", "sitegen", "sitegen.__init__"},
    {"sitegen.config", "sitegen.model", "sitegen.urls"},
    {"sitegen.frontmatter", "sitegen.frontmatter_notes"},
    {"sitegen.split", "sitegen.annotate"},
    {"sitegen.archive", "sitegen.policy"},
    {"sitegen.markdown"},
    {"sitegen.bodies"},
    {"sitegen.search"},
    {"sitegen.site"},
    {"sitegen.views"},
    {"sitegen.render"},
    {"sitegen.output"},
    {"sitegen.build"},
    {"sitegen.check", "sitegen.scaffold", "sitegen.annotating", "sitegen.live"},
    {"sitegen.console"},
    {"sitegen.watch"},
    {"sitegen.serve"},
    {"sitegen.cli", "sitegen.__main__"},
]

ROOMS = {  # third-party import → the only packages/modules allowed to use it
    "markdown_it": ("sitegen.markdown",),
    "mdit_py_plugins": ("sitegen.markdown",),
    "pygments": ("sitegen.markdown",),
    "jinja2": ("sitegen.render",),
    "watchdog": ("sitegen.watch",),
    "yaml": ("sitegen.frontmatter", "sitegen.frontmatter_notes", "sitegen.split.frontmatter"),  # (posts' sources in a dump)
    "ruamel": ("sitegen.frontmatter", "sitegen.frontmatter_notes"),
    "rich": ("sitegen.console",),
    "rcssmin": ("sitegen.render",),
    "rjsmin": ("sitegen.render",),
}


def layer_of(module: str) -> int:
    best, best_len = None, -1
    for index, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best_len:
                best, best_len = index, len(name)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def imports_of(module: str, path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.append((name, node.lineno))
    return out


@pytest.mark.parametrize("module,path", modules(), ids=[m for m, _ in modules()])
def test_imports_point_down(module: str, path: Path) -> None:
    own = layer_of(module)
    for name, line in imports_of(module, path):
        if name == "sitegen" or name.startswith("sitegen."):
            target = layer_of(name)
            assert target <= own, f"{path.name}:{line}: {module} (layer {own}) imports {name} (layer {target})"


@pytest.mark.parametrize("module,path", modules(), ids=[m for m, _ in modules()])
def test_libraries_stay_in_their_rooms(module: str, path: Path) -> None:
    for name, line in imports_of(module, path):
        top = name.split(".")[0]
        allowed = ROOMS.get(top)
        if allowed is not None:
            assert any(module == a or module.startswith(a + ".") for a in allowed), (
                f"{path.name}:{line}: {module} imports {top}, which belongs in {allowed}"
            )


def test_only_cli_exits() -> None:
    for module, path in modules():
        if module in ("sitegen.cli", "sitegen.__main__"):
            continue
        source = path.read_text(encoding="utf-8")
        assert "sys.exit" not in source, f"{module} calls sys.exit; only cli may"
