"""`sitegen new DIR`: a new, empty archive that builds cleanly.

Owns the starter files. Must not overwrite anything: an existing non-empty
folder is refused.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from sitegen import __version__
from sitegen.errors import UsageError

CONFIG = '''# sitegen settings; every key is optional. See `sitegen --help`.
title = "Reading archive"
description = "An annotated archive of articles worth keeping."
# base_url = "https://example.org/"   # enables canonical links, Open Graph and the sitemap
language = "en"
theme = "default"
page_size = 20
feed_size = 20
search = true
# profile = "public"   # what `sitegen build` makes by default; `--profile public` per build

# What the public profile publishes per licence kind: full, excerpt or omit.
# [licences]
# cc = "full"
# permission = "full"
# all-rights-reserved = "excerpt"   # title, opening paragraph, attribution, link to the original
# unknown = "omit"
# excerpt_words = 60

# A publisher known to license its texts one way: attribution then names and links it.
# [origins."The Conversation"]
# licence = "CC BY-ND 4.0"
# url = "https://creativecommons.org/licenses/by-nd/4.0/"
# home = "https://theconversation.com/"
'''

NETLIFY = (Path(__file__).parent / "netlify.toml").read_text(encoding="utf-8")
"""netlify.toml for an archive: the same file as at the top of sitegen's own repository."""

PYPROJECT = '''# Lets Netlify (netlify.toml) install sitegen with `pip install .`: this archive is a
# Python project whose one dependency is sitegen. Nothing in the archive is packaged.
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "reading-archive"
version = "0"
requires-python = ">=3.11"
dependencies = [
  {requirement}
]

[tool.setuptools]
packages = []
py-modules = []
'''

GITIGNORE = "/public/\n/.sitegen-cache/\n/build/\n*.egg-info/\n"


def sitegen_requirement() -> str:
    """The dependency on sitegen, as a TOML string: where this sitegen was installed from when
    that is a repository or an address a build host can reach, else this version by name."""
    try:
        direct = json.loads(metadata.distribution("sitegen").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    url = direct.get("url", "") if isinstance(direct, dict) else ""
    vcs = direct.get("vcs_info") if isinstance(direct, dict) else None
    if isinstance(vcs, dict) and url.startswith(("https://", "ssh://", "git@")):
        commit = f"@{vcs['commit_id']}" if vcs.get("commit_id") else ""
        return json.dumps(f"sitegen @ {vcs.get('vcs', 'git')}+{url}{commit}")
    if url.startswith("https://"):
        return json.dumps(f"sitegen @ {url}")
    return json.dumps(f"sitegen=={__version__}") + "  # or: \"sitegen @ git+https://…\" (where you install sitegen from)"


def new_archive(folder: Path) -> list[Path]:
    """Create the starter files in `folder`; return what was created."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder}: already exists and is not empty; choose a new folder")
    files = {
        folder / "sitegen.toml": CONFIG,
        folder / "netlify.toml": NETLIFY,
        folder / "pyproject.toml": PYPROJECT.format(requirement=sitegen_requirement()),
        folder / ".gitignore": GITIGNORE,
        folder / "content" / "raw" / ".gitkeep": "",
        folder / "content" / "articles" / ".gitkeep": "",
        folder / "templates" / ".gitkeep": "",
        folder / "static" / ".gitkeep": "",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
