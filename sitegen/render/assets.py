"""The theme's static files as the site serves them: plain, or fingerprinted and minified.

`site_assets(sources, production)` maps each static file's name (`style.css`) to the
output path pages link to and its bytes. For the public profile (`production`), CSS
and JavaScript are minified (rcssmin, rjsmin: conservative, well-kept minifiers that
never rewrite strings or selectors) and named after a hash of what they hold
(`assets/style.3f9a1c2e7b.css`), so a host can cache that folder for a year: a changed
file gets a new name. Other files, and every file of the local profile, keep their names.
Must not decide which pages exist or read files.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

import rcssmin
import rjsmin

from sitegen import urls

FINGERPRINTED = (".css", ".js")
HASH_CHARS = 10


@dataclass(frozen=True, slots=True)
class Asset:
    path: str  # output path, e.g. assets/style.3f9a1c2e7b.css
    data: bytes


def minified(name: str, data: bytes) -> bytes:
    """`data` minified for a .css or .js file (unchanged for any other, or when not UTF-8)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if name.endswith(".css"):
        return rcssmin.cssmin(text).encode("utf-8") + b"\n"
    if name.endswith(".js"):
        return rjsmin.jsmin(text).encode("utf-8") + b"\n"
    return data


def fingerprinted(name: str, data: bytes) -> str:
    """`dir/style.css` → `dir/style.<hash>.css`, the hash of `data`."""
    stem, ext = posixpath.splitext(name)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_CHARS]}{ext}"


def site_assets(sources: Mapping[str, bytes], production: bool) -> dict[str, Asset]:
    """Static name → the file pages link to. `production`: CSS and JS minified and fingerprinted."""
    found: dict[str, Asset] = {}
    for name, data in sources.items():
        if production and name.endswith(FINGERPRINTED):
            data = minified(name, data)
            found[name] = Asset(urls.asset(fingerprinted(name, data)), data)
        else:
            found[name] = Asset(urls.static(name), data)
    return found
