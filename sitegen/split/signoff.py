"""Where items that run together with no cue between them meet: a sign-off ends one, an
opening formula starts one.

Owns two kinds of line, from their shape and never a site's name:

- a **sign-off**: a short line after running text that is a person's name, alone or with
  their town, post or a remark ("Tom Ferris, Doncaster", "Rosa (Staveley)", "— Bill",
  "Jane Hill (via email)", "Name" over "Town" on the next line): a letter's, a notice's, a
  candidate's statement's last line. The line after it opens the next item (`signed`);
- an **opening formula**: the first words of a new item whatever it says next ("Sir,",
  "Dear Editor,", "Q:", "Question 3:", a dateline "LEEDS, 3 March —", "NAIROBI (Reuters) –").

The tagger (`tagger.describe`) reads them as features; they decide nothing alone. Pure
functions on strings. Must not read metadata (that is `assemble`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.split.meta import is_post, place_name
from sitegen.split.roles import LineShape, person, signature
from sitegen.split.writers import first_name_signature, post_signature

SIGN_MAX = 80  # a sign-off is never longer
PLACE_MAX = 40  # nor is the town or post under a name
_VIA = re.compile(r"\s*\((?:via|by) (?:e-?mail|post|letter|text|facebook|twitter|x|website|our website)\)\.?$", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?:sir|madam|sir or madam|dear (?:sir|madam|editor|sirs|all|friends|parents|members|neighbours)[\w ]{0,30})\s*[,:–—-]", re.IGNORECASE)
_QUESTION = re.compile(r"^(?:q|question|faq)\s*\d{0,3}\s*[:.)]\s+\S", re.IGNORECASE)
_DATELINE = re.compile(  # "LEEDS, 3 March —", "NAIROBI (Reuters) –", "NEW YORK, May 4 (AP) -"
    r"^[A-Z][A-Z .'’-]{2,30}(?:,\s[A-Z][\w .]{1,20})?(?:,\s[^—–]{3,25})?\s*(?:\([A-Z][\w .&-]{1,25}\))?\s*[—–-]{1,2}\s+\S"
)
_PLACE_LINE = re.compile(r"^[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,3}(?:,\s[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})?$")


def sign_off(text: str, s: LineShape) -> bool:
    """A line that signs the text above it: a person's name, alone or with a town, a post, a
    remark in brackets, "(via email)"."""
    if s.chars > SIGN_MAX or s.list_like or s.words > 9 or not text[:1].isalpha() and text[:1] not in "–—-":
        return False
    bare = _VIA.sub("", text.strip())
    if bare.isupper() and "," not in bare:
        return False  # "HEDGEHOG HIGHWAYS": a heading in capitals
    return bool(person(bare) or signature(bare) or first_name_signature(bare) or post_signature(bare))


def under_name(text: str, s: LineShape) -> bool:
    """A town, a post or an address alone under a name signed alone ("Doncaster", "Nether Edge,
    Sheffield", "Head Teacher", "Lot 31, Otter Bay Road", "Controller of Examinations", "Deputy
    Registrar (Examinations)")."""
    if s.chars > PLACE_MAX or s.final not in ("", ")") or text.isupper():
        return False
    if is_post(text):
        return True  # "Deputy Registrar (Examinations)": a post may end in its bracket, a town or an address may not
    return not s.final and (bool(_PLACE_LINE.match(text.strip())) and person(text) is None or place_name(text.split(",")[-1]))


def opening(text: str, s: LineShape) -> bool:
    """The first words of a new item: an address to the editor or the readers, a question's
    label, a news dateline."""
    head = text[:80]
    return bool(_ADDRESS.match(head) or _QUESTION.match(head) or s.chars >= 60 and _DATELINE.match(head))


def marks(texts: Sequence[str | None], shapes: Sequence[LineShape]) -> list[tuple[str, ...]]:
    """Per line (`None`: a line the segmenter took out), the sign-off features: `sign` (it signs
    the running text above), `sign+` (a town or a post under a sign-off), `signed` (the first
    line after a sign-off: where the next item opens) and `open` (an opening formula)."""
    n = len(texts)
    out: list[tuple[str, ...]] = [()] * n
    last_text = False  # the last content line was text: running text, a sentence of four words or more, a valediction
    signed_at = -1  # the line the sign-off above ends on
    for k in range(n):
        t = texts[k]
        if t is None:
            continue
        s = shapes[k]
        found: list[str] = []
        if signed_at >= 0:
            if k == signed_at + 1 and out[signed_at] == ("sign",) and "," not in (texts[signed_at] or ",") and under_name(t, s):
                found.append("sign+")
                signed_at = k
            else:
                found.append("signed")
                signed_at = -1
        if last_text and not found and sign_off(t, s):
            found.append("sign")
            signed_at = k
        if opening(t, s):
            found.append("open")
        out[k] = tuple(found)
        last_text = s.running or s.sentence and s.words >= 4 or s.final == "," and 2 <= s.words <= 6  # "Best wishes,"
    return out


LETTERS = 3  # a page of signed letters has at least this many sign-offs in a row
LETTER_LINES = 4  # and at most this many lines of text between two of them


def _signer(text: str | None) -> str:
    """The name a sign-off starts with ("Priya Desai, Liberal Democrats" → "priya desai")."""
    return re.split(r"[,(]", (text or "").strip().lstrip("–—- "), maxsplit=1)[0].strip().casefold()


def letters(texts: Sequence[str | None], owns: Sequence[Sequence[str]], roles: Sequence[str | None],
            running: Sequence[bool]) -> tuple[list[int], int]:
    """A page of signed letters: the first line of each letter and the line after the last
    (([], 0) when there is none). That is a run of at least `LETTERS` sign-offs (`marks`: `sign`,
    with its `sign+`) with one to `LETTER_LINES` lines of text (`roles` "body" or "standfirst";
    `None`: a line taken out, skipped) above each, opening with running text, and nothing but
    lines taken out between a sign-off and the text of the next letter; the last sign-off is
    followed by no running text (what follows a page of letters is the page's: "Letters
    continue on page 14"). A listing whose heads read as names ("Ma La Lu, Northern Quarter")
    ends with text under its last head, and a candidate's statement has more text and end
    matter between its name and its signature, signed by the same name that heads it: neither
    is such a run."""
    content = [k for k, r in enumerate(roles) if r is not None]
    best: list[tuple[int, int]] = []  # (first line of the letter, its sign-off), positions in `content`
    run: list[tuple[int, int]] = []
    after = 0  # where the text of the next letter may start
    for j, k in enumerate(content):
        if "sign" not in owns[k]:
            continue
        first = j
        while first > after and j - first < LETTER_LINES and roles[content[first - 1]] in ("body", "standfirst"):
            first -= 1
        if first == j or not running[content[first]] or run and first != after:
            run = []
        elif any(_signer(texts[content[i]]) == _signer(texts[k]) for _, i in run):
            run = []  # a name signing twice: a statement headed and signed by its writer, not letters
        run.append((first, j))
        if len(run) > len(best):
            best = list(run)
        after = j + 2 if j + 1 < len(content) and "sign+" in owns[content[j + 1]] else j + 1
    if len(best) < LETTERS:
        return [], 0
    last = best[-1][1]
    end = last + 2 if last + 1 < len(content) and "sign+" in owns[content[last + 1]] else last + 1
    if end < len(content) and running[content[end]] and roles[content[end]] in ("body", "standfirst"):
        return [], 0  # text under the last name: the names head items
    return [content[first] for first, _ in best], content[end] if end < len(content) else len(roles)
