"""`sitegen new DIR`: a new, empty archive that builds cleanly.

Owns the starter files. Must not overwrite anything: an existing non-empty
folder is refused.
"""

from __future__ import annotations

from pathlib import Path

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
'''

GITIGNORE = "/public/\n/.sitegen-cache/\n"


def new_archive(folder: Path) -> list[Path]:
    """Create the starter files in `folder`; return what was created."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder}: already exists and is not empty; choose a new folder")
    files = {
        folder / "sitegen.toml": CONFIG,
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
