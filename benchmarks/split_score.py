"""Scoring a split against hand-written gold: matching items by line overlap, and the figures.

Owns the gold file format (`<name>.gold.yaml` beside `<name>.txt`), turning the
split's articles into comparable items, matching predicted items to gold items,
and the figures per dump, per shape and overall. Must not write files; the
command-line report lives in `split_quality.py`.

Definitions (the same everywhere the figures are shown):

- An item's **line set** is the set of non-blank dump lines in its range
  `[first, last]` (1-based, inclusive, like `source.lines` in front matter).
- A predicted item **matches** a gold item when the Jaccard index of their line
  sets, |P ∩ G| / |P ∪ G|, is at least 0.8. Matching is one-to-one, best overlap
  first.
- **Boundary precision** = matched / predicted items, **recall** = matched /
  gold items, **F1** their harmonic mean (0 when both are 0; 1 for a dump with
  no gold items and no predictions).
- **Title**, **authors**, **licence** and **kind accuracy** are counted over gold
  items: a gold item is right when it is matched and the matched prediction has
  exactly the gold value; a missed item counts as wrong. The same four **among
  matched items** (`title_matched`, …) count over matched gold items only, so
  they measure field extraction apart from boundaries (1 when none matched). Titles are compared
  with runs of white space collapsed; a gold title of `null` (an untitled
  fragment) is right when the split took no title line for it, i.e. when its
  title is not the start of any line it moved into the front matter (or of two
  such lines joined: a headline the dump wrapped). Authors
  are compared as sets of names.
- Per shape and overall, counts are summed over dumps before dividing (micro
  averages), so a dump with many items weighs more than one with few.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen.split import split_text
from sitegen.split.text import GLUED_KICKER, LEADING_LINK, MARKDOWN_LINK

MATCH_AT = 0.8
KINDS = ("article", "fragment")
LICENCES = ("cc", "permission", "all-rights-reserved", "unknown")
FIELDS = ("title", "authors", "licence", "kind")
FIGURES = ("precision", "recall", "f1", *FIELDS, *(f"{field}_matched" for field in FIELDS))

try:  # the C loader when PyYAML has it
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file and the item."""


@dataclass(frozen=True, slots=True)
class Item:
    """One article or fragment of a dump, as the gold says it is or as the split found it.
    `title` is None for an untitled fragment."""

    lines: tuple[int, int]
    kind: str
    title: str | None
    authors: frozenset[str]
    licence: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold item and the prediction matched to it (None when missed), with their overlap."""

    gold: Item
    predicted: Item | None
    overlap: float

    def right(self, field: str) -> bool:
        return self.predicted is not None and getattr(self.predicted, field) == getattr(self.gold, field)


@dataclass(frozen=True, slots=True)
class DumpScore:
    """How the split did on one dump."""

    shape: str
    name: str
    pairs: tuple[Pair, ...]  # one per gold item, in gold order
    unmatched: tuple[Item, ...]  # predictions matched to no gold item
    predictions: tuple[Item, ...]  # all of them, in dump order


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts summed over some dumps, and the figures made from them."""

    dumps: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    titles: int = 0
    authors: int = 0
    licences: int = 0
    kinds: int = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(a + b for a, b in zip(_counts(self), _counts(other))))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        """The figures by name (see FIGURES), rounded to three places; the field accuracies are
        shares of gold items (1 when there are none), then shares of matched items (1 when none matched)."""
        right = (self.titles, self.authors, self.licences, self.kinds)
        shares = [n / self.gold if self.gold else 1.0 for n in right]
        among_matched = [n / self.matched if self.matched else 1.0 for n in right]
        values = (self.precision, self.recall, self.f1, *shares, *among_matched)
        return {name: round(value, 3) for name, value in zip(FIGURES, values)}


def _counts(t: Totals) -> tuple[int, ...]:
    return (t.dumps, t.gold, t.predicted, t.matched, t.titles, t.authors, t.licences, t.kinds)


def totals_of(score: DumpScore) -> Totals:
    pairs = score.pairs
    return Totals(
        dumps=1, gold=len(pairs), predicted=len(score.predictions), matched=sum(p.predicted is not None for p in pairs),
        titles=sum(p.right("title") for p in pairs), authors=sum(p.right("authors") for p in pairs),
        licences=sum(p.right("licence") for p in pairs), kinds=sum(p.right("kind") for p in pairs),
    )


def total(scores: Iterable[DumpScore]) -> Totals:
    return sum((totals_of(s) for s in scores), Totals())


# ---- gold files ---------------------------------------------------------------------------------------------

def gold_path(dump: Path) -> Path:
    return dump.with_name(dump.stem + ".gold.yaml")


def read_gold(path: Path, line_count: int) -> tuple[Item, ...]:
    """The items of a gold file; `line_count` is the dump's number of lines, to check ranges."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise GoldError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if data is None:
        return ()
    if not isinstance(data, list):
        raise GoldError(f"{path}: expected a list of items")
    items = tuple(_gold_item(entry, f"{path}: item {n}", line_count) for n, entry in enumerate(data, 1))
    for before, after in zip(items, items[1:]):
        if after.lines[0] <= before.lines[1]:
            raise GoldError(f"{path}: items overlap or are out of order at lines {after.lines}")
    return items


def _gold_item(entry: object, where: str, line_count: int) -> Item:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected a mapping")
    unknown = set(entry) - {"lines", "kind", "title", "authors", "licence"}
    if unknown:
        raise GoldError(f"{where}: unknown keys {sorted(unknown)}")
    lines = entry.get("lines")
    if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(n, int) for n in lines)
            and 1 <= lines[0] <= lines[1] <= line_count):
        raise GoldError(f"{where}: lines must be [first, last] within 1..{line_count}, got {lines!r}")
    kind, licence, title = entry.get("kind"), entry.get("licence"), entry.get("title")
    if kind not in KINDS:
        raise GoldError(f"{where}: kind must be one of {KINDS}, got {kind!r}")
    if licence not in LICENCES:
        raise GoldError(f"{where}: licence must be one of {LICENCES}, got {licence!r}")
    if "title" not in entry or not (title is None or (isinstance(title, str) and title.strip())):
        raise GoldError(f"{where}: title must be the headline text or null")
    authors = entry.get("authors", [])
    if not (isinstance(authors, list) and all(isinstance(a, str) and a.strip() for a in authors)):
        raise GoldError(f"{where}: authors must be a list of names")
    return Item((lines[0], lines[1]), kind, _norm(title) if title else None, frozenset(map(_norm, authors)), licence)


def format_gold(items: Sequence[Item]) -> str:
    """A gold file's text for these items (titles and names quoted as JSON strings, which YAML reads)."""
    out = []
    for item in items:
        authors = ", ".join(json.dumps(a, ensure_ascii=False) for a in sorted(item.authors))
        out += [
            f"- lines: [{item.lines[0]}, {item.lines[1]}]",
            f"  kind: {item.kind}",
            f"  title: {json.dumps(item.title, ensure_ascii=False) if item.title else 'null'}",
            f"  authors: [{authors}]",
            f"  licence: {item.licence}",
        ]
    return "\n".join(out) + "\n" if out else "[]\n"


# ---- predictions --------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_QP_ESCAPES = re.compile(r"(?:=[0-9A-F]{2})+")  # a quoted-printable mail's escaped bytes: "=3D=3D", "=E2=80=99"


def _unescaped(text: str) -> str:
    """A line of a quoted-printable mail as it reads ("=3D=3D Notices =3D=3D" is "== Notices =="); other lines as they are."""
    return _QP_ESCAPES.sub(lambda m: bytes.fromhex(m.group(0).replace("=", "")).decode("utf-8", "replace"), text)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _wrapped_end(n: int, meta: set[int], most: int = 3) -> int:
    """The end (exclusive, 1-based) of the run of meta lines from line `n`, at most `most` lines."""
    end = n
    while end in meta and end - n < most:
        end += 1
    return end


_XML_TITLE = re.compile(r"^<title(?:\s[^>]*)?>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?(?:</title>|$)")  # a feed's "<title>Title</title>"


_ICAL_SUMMARY = re.compile(r"^SUMMARY(?:;[^:]*)?:")  # a calendar event's "SUMMARY:Title"
_FRONT_TITLE = re.compile(r"^title\s*[:=]\s*(?=\S)")  # a post's front matter: "title: …" (YAML), "title = …" (TOML)
_CHAT_STAMP = re.compile(  # a chat message's time stamp and sender: "03/03/2025, 08:11 - Priya Raman: "
    r"^\u200e?(?:\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? [\d:]{4,8}(?: ?[AaPp]\.?[Mm]\.?)?\]|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? [\d:]{4,8}(?: ?[AaPp]\.?[Mm]\.?)? [-–]) [^:]{1,60}: ")
_MAIL_SUBJECT = re.compile(r"^(?:Subject|Subj|Betreff|Objet|Asunto|Onderwerp|Oggetto) ?: ?", re.IGNORECASE)  # a message's subject field
_LIST_TAG = re.compile(r"^((?:(?:Re|AW|Sv) ?: ?)*)\[[^\]]{1,40}\] ?", re.IGNORECASE)  # a mailing list's "[tag]" in it
_JSON_MEMBER = re.compile(r'^\{?\s*"[\w-]+"\s*:\s*(?=")')  # a JSON object's string member: '"title": "Title",'
_RANK = re.compile(r"^\d{1,3}[.)] (?=\S)")
_RATING = re.compile(r"^[★☆✩✭⭐]+(?:\s*½)?\s+(?=\S)")  # a review's stars before its headline: "★★★★★ Rock solid"  # a ranked list's number: "1. [18]Teachers to strike …"


def heading(line: str) -> str:
    """A line as its heading reads: a quoted-printable mail's escapes read, white space collapsed, without a plain-text heading's marks
    ("** Title"), a ranked list's number ("1. "), a text browser's link number ("[16]Title"), a kicker glued on in capitals
    ("NEWSGlasgow …"), a Markdown link's address
    ("### [Title](/url)"), a review's stars ("★★★★★ Title"), a JSON member's key and quotes ('"title": "Title",'), a feed's title tags ("<title>Title</title>", its entities read) or a calendar
    event's property name ("SUMMARY:Title", its escapes read), a message's subject field ("Subject: [list] Title",
    the list's tag off), a chat message's stamp and sender ("03/03/2025, 08:11 - NAME: *Title*") or a post's front matter field
    ('title: "Title"')."""
    text = _RATING.sub("", _norm(_unescaped(line)).lstrip("*#= "), 1)
    if _CHAT_STAMP.match(text):
        return _CHAT_STAMP.sub("", text, 1).strip("*")
    text = LEADING_LINK.sub("", _RANK.sub("", text, 1) if _RANK.match(text) and len(text) > 4 else text, 1)
    text = GLUED_KICKER.sub("", text, 1)  # "NEWSGlasgow Orchestral …": a kicker glued on, no part of the headline
    if text.startswith("["):
        text = MARKDOWN_LINK.sub(r"\g<inner>", text, 1) if MARKDOWN_LINK.match(text) else text
    elif text.startswith("<title"):
        text = html.unescape(html.unescape(_XML_TITLE.sub(r"\1", text, 1)))  # escaped HTML in XML: "&amp;quot;" is '"'
    elif _ICAL_SUMMARY.match(text):
        text = re.sub(r"\\([,;\\])", r"\1", _ICAL_SUMMARY.sub("", text, 1))
    elif _MAIL_SUBJECT.match(text):
        text = _LIST_TAG.sub(r"\1", _MAIL_SUBJECT.sub("", text, 1), 1)
    elif _JSON_MEMBER.match(text):
        try:
            text = _norm(json.decoder.scanstring(text, _JSON_MEMBER.match(text).end() + 1)[0])
        except ValueError:
            pass
    elif _FRONT_TITLE.match(line.strip()):
        text = _front_value(_FRONT_TITLE.sub("", line.strip(), 1))
    return text


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')  # a YAML or TOML string in quotes


def _front_value(value: str) -> str:
    """A front matter field's value as its string: quotes off, escapes read ('won''t' → won't);
    what follows the quotes (the next fields, when the headline's lines were joined) is no part of it."""
    quoted = _QUOTED.match(value)
    if quoted:
        try:
            read = yaml.load(quoted.group(0), Loader=_Loader)
        except yaml.YAMLError:
            return _norm(quoted.group(0)[1:-1])
        return _norm(read) if isinstance(read, str) else _norm(value)
    return _norm(value)


_LEAD_IN = re.compile(r"^[*•·▪+–-]\s+")  # a brief's bullet before its lead-in ("* Kit order: the winter kit order closes …")


def predict(text: str, name: str) -> tuple[Item, ...]:
    """The split's articles of a dump's text as items (the pure split: nothing is written)."""
    lines = text.split("\n")
    items = []
    for article in split_text(text, name).articles:
        first, last = article.source.lines
        title = _norm(article.title)
        meta = set(article.meta_lines)  # a headline wrapped over lines of the dump is all of them, joined
        titled = any(heading(" ".join(lines[n - 1 : _wrapped_end(n, meta)])).startswith(title)
                     for n in meta if first <= n <= last and 0 < n <= len(lines)) if title else False
        titled = titled or bool(title) and _LEAD_IN.sub("", heading(lines[first - 1]), 1).startswith(title + ":")  # a brief's lead-in
        items.append(Item(
            (first, last), article.kind.value, title if titled else None, frozenset(map(_norm, article.authors)),
            article.licence.kind.value,
        ))
    return tuple(items)


# ---- matching -----------------------------------------------------------------------------------------------

def line_set(span: tuple[int, int], blank: frozenset[int]) -> frozenset[int]:
    """The non-blank lines of a range (all of it when it holds only blank lines)."""
    every = range(span[0], span[1] + 1)
    filled = frozenset(n for n in every if n not in blank)
    return filled or frozenset(every)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(gold: Sequence[Item], predicted: Sequence[Item], blank: frozenset[int] = frozenset()) -> dict[int, tuple[int, float]]:
    """Gold index → (predicted index, overlap) for the pairs overlapping ≥ MATCH_AT, one-to-one, best first."""
    gold_sets = [line_set(g.lines, blank) for g in gold]
    candidates = []
    for p_index, p in enumerate(predicted):
        p_set = line_set(p.lines, blank)
        for g_index, g_set in enumerate(gold_sets):
            overlap = jaccard(p_set, g_set)
            if overlap >= MATCH_AT:
                candidates.append((-overlap, g_index, p_index))
    taken_gold: dict[int, tuple[int, float]] = {}
    taken_predicted: set[int] = set()
    for negative, g_index, p_index in sorted(candidates):
        if g_index not in taken_gold and p_index not in taken_predicted:
            taken_gold[g_index] = (p_index, -negative)
            taken_predicted.add(p_index)
    return taken_gold


def score(gold: Sequence[Item], predicted: Sequence[Item], *, blank: frozenset[int] = frozenset(),
          shape: str = "", name: str = "") -> DumpScore:
    """Score one dump's predictions against its gold."""
    matched = match(gold, predicted, blank)
    pairs = tuple(
        Pair(g, predicted[matched[i][0]], matched[i][1]) if i in matched else Pair(g, None, 0.0)
        for i, g in enumerate(gold)
    )
    used = {p for p, _ in matched.values()}
    unmatched = tuple(p for i, p in enumerate(predicted) if i not in used)
    return DumpScore(shape, name, pairs, unmatched, tuple(predicted))


def blank_lines(text: str) -> frozenset[int]:
    return frozenset(n for n, line in enumerate(text.split("\n"), 1) if not line.strip())


# ---- a corpus -----------------------------------------------------------------------------------------------

def corpus_dumps(corpus: Path, shape: str | None = None) -> list[Path]:
    """The dumps of a corpus folder (`<shape>/<name>.txt`), in a stable order."""
    dumps = sorted(p for p in corpus.glob("*/*.txt"))
    return [p for p in dumps if shape is None or p.parent.name == shape]


def score_file(dump: Path) -> DumpScore:
    """Split one corpus dump and score it against the gold file beside it."""
    text = dump.read_text(encoding="utf-8")
    gold_file = gold_path(dump)
    if not gold_file.exists():
        raise GoldError(f"{dump}: no gold file {gold_file.name} beside it")
    gold = read_gold(gold_file, text.count("\n") + 1)
    return score(gold, predict(text, dump.name), blank=blank_lines(text), shape=dump.parent.name, name=dump.name)


SEEDS = Path(__file__).resolve().parent / "split_seeds"  # gold for the seed dumps of content/raw (as the seed test pins them)
RAW = Path(__file__).resolve().parent.parent / "content" / "raw"


def seed_dumps() -> list[tuple[Path, Path, str]]:
    """(dump, gold file, "seeds") of each seed dump of content/raw that has gold in split_seeds/."""
    return [(RAW / (g.name.removesuffix(".gold.yaml") + ".txt"), g, "seeds") for g in sorted(SEEDS.glob("*.gold.yaml"))]


def score_corpus(corpus: Path, shape: str | None = None) -> list[DumpScore]:
    return [score_file(dump) for dump in corpus_dumps(corpus, shape)]


def by_shape(scores: Iterable[DumpScore]) -> dict[str, Totals]:
    shapes: dict[str, Totals] = {}
    for s in scores:
        shapes[s.shape] = shapes.get(s.shape, Totals()) + totals_of(s)
    return dict(sorted(shapes.items()))


DECISION_FIGURES = ("precision", "recall", "f1", "title", "authors", "licence", "kind")


def print_decisions(results: dict[str, list[DumpScore]], shapes: bool = False) -> None:
    """Print the figures of each way of deciding (rules, a model, …) over the same dumps, one row
    each; with `shapes`, then the F1 of each per shape (`results` must hold "rules")."""
    print("decision   " + "  ".join(f"{f:>9}" for f in DECISION_FIGURES))
    for name, scores in results.items():
        figures = total(scores).figures()
        print(f"{name:<9}  " + "  ".join(f"{figures[f]:>9.3f}" for f in DECISION_FIGURES))
    if shapes:
        tables = {name: by_shape(scores) for name, scores in results.items()}
        print("\nshape                 " + "  ".join(f"{n:>9}" for n in tables))
        for shape in tables["rules"]:
            print(f"{shape:<20}  " + "  ".join(f"{tables[n][shape].f1:>9.2f}" for n in tables))
