"""The server's own files (`livereload.js`, `annotate.js`, `annotate.css`): their bytes and URLs.

Each URL carries a hash of the file (`/__sitegen/livereload.js?v=3f9a1c2e7b`), so a
tab that reloads takes them from its cache instead of asking again: a live reload
then costs the page and the site's own files only. Must not know about requests.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

PREFIX = "/__sitegen/"
NAMES = ("livereload.js", "annotate.js", "annotate.css")


@functools.cache
def data(name: str) -> bytes:
    """The bytes of one of `NAMES`."""
    return resources.files("sitegen.serve").joinpath(name).read_bytes()


@functools.cache
def version(name: str) -> str:
    return hashlib.sha256(data(name)).hexdigest()[:10]


def url(name: str) -> str:
    """The URL pages load `name` from: it changes whenever the file does."""
    return f"{PREFIX}{name}?v={version(name)}"
