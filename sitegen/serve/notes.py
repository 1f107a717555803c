"""Annotating from the page under `sitegen serve`: the note endpoint and the script tag it needs.

Owns `/__sitegen/notes`: reading an article's notes (GET) and adding, editing
and deleting one (POST), and the checks every such request must pass — the
server is on loopback; Host and Origin are this server; `Sec-Fetch-Site`, when
sent, says same-origin; the per-run token (made in memory when the server
starts, handed to served pages in their script tag, never written to disk) is
in `X-Sitegen-Token`; the body is JSON, at most `MAX_BODY` bytes, with known
fields of the right types and sizes. The client names an article page
(`articles/<slug>.html`); the file is found by looking the slug up among the
archive's article files, never by using a path from the client. A write passes
the file version the page was served with, so a file changed on disk since is
refused (409), never overwritten. A selection becomes a quote (plus prefix and
suffix when the quote is not unique) from the article's plain text, as
anchoring sees it at build time.

Must not serve files, build, or write anything but article files, and those
only through `sitegen.archive.notes`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, urlsplit

from sitegen import urls
from sitegen.annotate.anchor import AnchorStatus, locate, selector_for
from sitegen.annotate.selection import find_selection
from sitegen.archive.load import article_files
from sitegen.archive.notes import NoteConflict, add_note, delete_note, file_version, replace_note
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.frontmatter import read_article
from sitegen.markdown.render import render_body
from sitegen.model import Annotation, Article
from sitegen.serve import assets
from sitegen.slugs import slugify

ENDPOINT = "/__sitegen/notes"
SCRIPT = assets.url("annotate.js")
STYLESHEET = assets.url("annotate.css")
TOKEN_HEADER = "X-Sitegen-Token"
MAX_BODY = 64 * 1024  # bytes of JSON in one request
MAX_NOTE = 20_000  # characters of Markdown in one note
MAX_QUOTE = 5_000
MAX_CONTEXT = 1_000
MAX_TAGS = 20
MAX_TAG = 60
_PAGE = re.compile(r"articles/([^/]+)\.html")
_VERSION = re.compile(r"[0-9a-f]{64}")
CHANGED = (
    "the article file changed on disk since this page was loaded, so nothing was written "
    "(the change on disk is kept); copy your note, then reload the page"
)


class Refused(Exception):
    """A request the endpoint will not carry out: an HTTP status and a one-line reason for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class NoteRequest:
    """A checked request: what to do, to which page, with which file version."""

    action: str  # "add" | "edit" | "delete"
    page: str  # output path of the article page, e.g. articles/x.html
    version: str
    note: str = ""
    tags: tuple[str, ...] = ()
    number: int = 0  # edit/delete: the note's 1-based number on the page
    quote: str = ""  # add: the selected text as the DOM shows it
    before: str = ""  # add: DOM text just before the selection
    after: str = ""  # add: DOM text just after it
    position: int | None = None  # add: non-space characters of the body before the selection


def _text(data: Mapping[str, Any], key: str, limit: int, *, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None and not required:
        value = ""
    if not isinstance(value, str):
        raise Refused(400, f"{key}: expected text")
    if len(value) > limit:
        raise Refused(413, f"{key}: longer than {limit:,} characters")
    if required and not value.strip():
        raise Refused(400, f"{key}: missing")
    if "\x00" in value:
        raise Refused(400, f"{key}: contains a NUL character")
    return value


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise Refused(400, "tags: expected a list of tags")
    tags = [" ".join(t.split()) for t in value]
    tags = [t for t in dict.fromkeys(tags) if t]
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG for t in tags):
        raise Refused(413, f"tags: at most {MAX_TAGS} tags of at most {MAX_TAG} characters")
    return tuple(tags)


def parse_request(raw: bytes) -> NoteRequest:
    """The request in a POST body, checked field by field; Refused for anything else."""
    if len(raw) > MAX_BODY:
        raise Refused(413, f"request larger than {MAX_BODY:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested thousands deep
        raise Refused(400, "the request is not JSON") from None
    if not isinstance(data, dict):
        raise Refused(400, "the request is not a JSON object")
    unknown = set(data) - {f for f in NoteRequest.__slots__}
    if unknown:
        raise Refused(400, f"unknown field(s): {', '.join(sorted(map(str, unknown)))[:200]}")
    action = data.get("action")
    if action not in ("add", "edit", "delete"):
        raise Refused(400, "action: expected add, edit or delete")
    version = _text(data, "version", 64, required=True)
    if not _VERSION.fullmatch(version):
        raise Refused(400, "version: expected the file version the page was served with")
    page = _text(data, "page", 300, required=True)
    fields: dict[str, Any] = {"action": action, "page": page, "version": version}
    if action in ("add", "edit"):
        fields["note"] = _text(data, "note", MAX_NOTE)
        fields["tags"] = _tags(data.get("tags"))
    if action in ("edit", "delete"):
        number = data.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 100_000:
            raise Refused(400, "number: expected the note's number on the page")
        fields["number"] = number
    if action == "add":
        fields["quote"] = _text(data, "quote", MAX_QUOTE, required=True)
        fields["before"] = _text(data, "before", MAX_CONTEXT)
        fields["after"] = _text(data, "after", MAX_CONTEXT)
        position = data.get("position")
        if position is not None and (not isinstance(position, int) or isinstance(position, bool) or position < 0):
            raise Refused(400, "position: expected a count of characters")
        fields["position"] = position
    return NoteRequest(**fields)


def _loopback_name(host: str) -> bool:
    return host in ("localhost", "127.0.0.1", "::1") or host.endswith(".localhost") or host.startswith("127.")


def check_origin(headers: Mapping[str, str], port: int, *, write: bool) -> None:
    """Refused (403) unless the request comes from a page of this server; writes must say so (Origin)."""
    host = (headers.get("Host") or "").strip().lower()
    origin = (headers.get("Origin") or "").strip().lower()
    site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
    if site and site not in ("same-origin", "none"):
        raise Refused(403, "cross-site requests are refused")
    if not origin:
        if write:
            raise Refused(403, "a write must come from a page of this server (no Origin)")
        return
    try:
        parts = urlsplit(origin)
        origin_port = parts.port
    except ValueError:
        raise Refused(403, "cross-site requests are refused") from None
    if (
        parts.scheme != "http"
        or not _loopback_name(parts.hostname or "")
        or origin_port != port
        or parts.netloc != host
    ):
        raise Refused(403, "cross-site requests are refused")


def check_token(headers: Mapping[str, str], token: str) -> None:
    given = headers.get(TOKEN_HEADER) or ""
    if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode()):
        raise Refused(403, "missing or wrong session token: reload the page")


def article_file(articles_dir: Path, page: str) -> Path:
    """The article file behind page `articles/<slug>.html`, found among the archive's files."""
    match = _PAGE.fullmatch(page)
    if match is None or urls.article(match.group(1)) != page:
        raise Refused(404, "not an article page of this archive")
    path = _article_files(articles_dir).get(match.group(1))
    if path is None:
        raise Refused(404, "no article file for this page")
    real = path.resolve()
    if real.parent != articles_dir.resolve() or not real.is_file():
        raise Refused(404, "the article file is not inside the archive")
    return real


_listing: dict[Path, tuple[int, dict[str, Path]]] = {}


def _article_files(articles_dir: Path) -> dict[str, Path]:
    """slug → article file, listed again only when the folder changed (a file added, removed or renamed)."""
    try:
        stamp = articles_dir.stat().st_mtime_ns
    except OSError:
        return {}
    known = _listing.get(articles_dir)
    if known is None or known[0] != stamp:
        slugs: dict[str, Path] = {}
        for path in article_files(articles_dir):
            slugs.setdefault(slugify(path.stem), path)
        known = _listing[articles_dir] = (stamp, slugs)
    return known[1]


def _read(path: Path, root: Path) -> tuple[Article, str]:
    """The article in `path` and its file version; Refused when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Refused(404, f"cannot read the article file: {exc.strerror}") from None
    shown = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else path.name
    try:
        article, problems = read_article(raw.decode("utf-8"), shown, slugify(path.stem))
    except UnicodeDecodeError:
        article, problems = None, []
    if article is None:
        first = str(problems[0]) if problems else f"{shown}: cannot be read"
        raise Refused(409, f"the article file has an error, fix it first: {first}")
    return article, hashlib.sha256(raw).hexdigest()  # the version of exactly these bytes (see file_version)


def selected_note(article: Article, req: NoteRequest) -> Annotation:
    """The annotation for a selection, with prefix/suffix when needed, anchored as the build will anchor it."""
    text = render_body(article.body).text
    found = find_selection(text, req.quote, req.before, req.after, req.position)
    if found is None:
        raise Refused(422, "the selected text is not in the article's text (select words of the article itself)")
    start, end = found
    try:
        quote, prefix, suffix = selector_for(text, start, end)
    except ValueError:  # a selection of nothing but spaces
        raise Refused(422, "the selection holds no text") from None
    note = Annotation(quote, req.note, prefix or None, suffix or None, req.tags)
    anchor = locate(text, note)
    if anchor.status is not AnchorStatus.EXACT or anchor.start != start:
        raise Refused(422, "this passage cannot be told apart from a repeat of it; select a longer passage")
    return note


class NotesEndpoint:
    """The endpoint of one server run: its token, and the requests for one archive."""

    def __init__(self, config: Callable[[], Config]) -> None:
        self.token = secrets.token_urlsafe(32)
        self.config = config  # the session's settings, which a change to sitegen.toml replaces
        self.lock = threading.Lock()  # one write at a time: check version, write, in one step

    def script_tag(self, url_path: str) -> bytes:
        """The tag that brings the annotating script to an article page (empty for other pages)."""
        page = url_path.lstrip("/")
        try:
            path = article_file(self.config().articles_path, page)
            version = file_version(path)
        except (Refused, OSError):
            return b""
        attrs = {"data-token": self.token, "data-page": page, "data-version": version, "data-endpoint": ENDPOINT,
                 "data-stylesheet": STYLESHEET}
        shown = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items())
        # the stylesheet is linked here rather than by the script, so both load at once
        return (f'<link rel="stylesheet" href="{STYLESHEET}" data-sitegen-annotate-css>'
                f'<script src="{SCRIPT}" defer data-sitegen-annotate {shown}></script>').encode()

    def read(self, page: str) -> dict[str, Any]:
        """The notes of an article page as its editor wrote them, and the file's version."""
        path = article_file(self.config().articles_path, page)
        article, version = _read(path, self.config().root)
        notes = [
            {"number": n, "quote": a.quote, "note": a.note, "tags": list(a.tags), "flag": a.is_flag}
            for n, a in enumerate(article.annotations, 1)
        ]
        return {"page": page, "version": version, "notes": notes}

    def write(self, req: NoteRequest) -> dict[str, Any]:
        """Carry out a checked request; the new file version and the note's number."""
        path = article_file(self.config().articles_path, req.page)
        with self.lock:
            article, version = _read(path, self.config().root)
            if version != req.version:
                raise Refused(409, CHANGED)
            index = req.number - 1
            if req.action != "add" and not 0 <= index < len(article.annotations):
                raise Refused(409, f"the article has no note {req.number}")
            try:
                if req.action == "add":
                    new = add_note(path, selected_note(article, req), version=req.version)
                    number = len(article.annotations) + 1
                elif req.action == "edit":
                    old = article.annotations[index]
                    note = Annotation(old.quote, req.note, old.prefix, old.suffix, req.tags)
                    new = replace_note(path, index, note, version=req.version)
                    number = req.number
                else:
                    new = delete_note(path, index, version=req.version)
                    number = req.number
            except NoteConflict:
                raise Refused(409, CHANGED) from None
            except SitegenError as exc:
                raise Refused(409, str(exc).splitlines()[0]) from None
        return {"ok": True, "version": new, "number": number}

    def handle(
        self, method: str, headers: Mapping[str, str], query: str, body: BinaryIO, port: int
    ) -> tuple[int, bytes]:
        """Answer one request to the endpoint: (status, JSON bytes). Reads a POST body only once it is allowed."""
        try:
            check_origin(headers, port, write=method == "POST")
            check_token(headers, self.token)
            if method == "GET":
                return 200, _json(self.read(parse_qs(query).get("page", [""])[0]))
            if method != "POST":
                raise Refused(405, "only GET and POST")
            if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
                raise Refused(411, "send a Content-Length")
            if not (headers.get("Content-Type") or "").lower().startswith("application/json"):
                raise Refused(415, "expected application/json")
            length = headers.get("Content-Length") or ""
            if not length.isdigit():
                raise Refused(411, "send a Content-Length")
            if int(length) > MAX_BODY:
                raise Refused(413, f"request larger than {MAX_BODY:,} bytes")
            return 200, _json(self.write(parse_request(body.read(int(length)))))
        except Refused as exc:
            return exc.status, _json({"ok": False, "error": exc.message})


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
