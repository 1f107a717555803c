"""Flags: lines an editor should look at. They stay in the text; the split marks them with a note.

Owns recognising image captions and credits, alt text, embedded-media
leftovers ("YouTube video", "]embedded articles]", "table showing …") and the
headlines that come with them, editors' notes, and lines in another language
than the article's (machine-rewriting artifacts: by script — CJK, Cyrillic,
Arabic, Hangul… — and, for Latin-script languages, by a stopword ratio).
`flag_reason(line)` judges one line; `flag_blocks(texts, adjacent)` adds what
only the neighbours tell. Must not remove or change anything.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sitegen.split.memo import remembered
from sitegen.split.text import ends_sentence

EDITORS_NOTE = "Editor's note from the source page, not the author's text."
CAPTION = "Image caption or credit from the source page."
ALT_TEXT = "Alt text of an image (its description for screen readers), not the author's text."
MEDIA = "Leftover of embedded media (a video, table, chart or article) that was not captured."
MEDIA_HEADLINE = "Probably the headline of embedded or related content, not the author's text."
PEOPLE_CAPTION = "Names and roles without a sentence: probably a photo caption."

# Caption and credit lines, as three patterns each tried only where it can match (one pattern
# searched at every position of every line was a tenth of the split's time).
_CAPTION_LABEL = re.compile(  # "Photo: …": needs a colon
    r"(?:^|[\s(\[])(?:Image|Images|Photo|Photos|Photograph|Picture|Pictures|Illustration|Graphic|Graphics|Credit|Credits"
    r"|Courtesy|Screenshot|Screengrab|Video|Source|Sources|Chart|Map|Infographic|File photo|Photo credit|Image credit"
    r"|Pic)s?\s?:\s?\S"
)
_CREDITS = ("Author provided", "Getty Images", "via Getty", "Shutterstock", "Wikimedia Commons", "Unsplash", "AFP via",
            "Reuters/", "AP Photo", "Xinhua/", "Handout")
_CAPTION_CREDIT = re.compile(r"\b(?:" + "|".join(map(re.escape, _CREDITS)) + r")\b")
_ANY_CREDIT = re.compile("|".join(map(re.escape, _CREDITS)))  # one of them anywhere: the cheap test before `_CAPTION_CREDIT`
_CAPTION_START = re.compile(  # "Photo by NAME"; a screen reader's labels: "Image source, Getty Images", "Image caption, …"
    r"(?:Photo|Image|Picture|Illustration|Photograph|Photography|Graphic)s? (?:by|courtesy of|credit) [A-Z]"
    r"|(?:Image|Media|Video) (?:source|caption|copyright|credit), \S"
)
_MEDIA = re.compile(
    r"^\W*(?:embedded (?:articles?|content|media|tweet|post|video)s?|(?:youtube|vimeo|tiktok|instagram|facebook|twitter|x)"
    r" (?:video|post|embed)|video|watch|audio|podcast|tweet|(?:table|chart|graph|map|image|photo|figure|infographic|"
    r"diagram|video) (?:showing|shows|of(?! the (?:week|month|day|year)\b)|depicting|comparing) .*|watch:.*|listen:.*|\[?(?:video|audio|image|embed)\]?)\W*$",
    re.IGNORECASE,
)
_STATES = re.compile(r"\s(?:is|are|was|were|has|have|had|does|did|shows|show|proves|prove)\s")
_EDITORS_START = re.compile(  # tried at the start of a line only
    r"\W*(?:editor[’']?s[’']? note\b|note from the editors?\b|\[?ed(?:itor)?\.? note"
    r"|(?:update|updated|correction|clarification)\s*(?:\(.{1,40}\))?\s*:)",
    re.IGNORECASE,
)
_EDITORS_END = re.compile(r"[–—-]\s*(?:the )?editors?\W*$", re.IGNORECASE)
_ALT_START = re.compile(
    r"^(?:a|an|the|two|three|four|five|several|people|men|women|children)\b.{0,40}"
    r"\b(?:hold|holds|stand|stands|sit|sits|walk|walks|wearing|pictured|seen|shown|looking|looks|speaks|smiles|waves)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^(?:[A-Z][\w’'.-]+ ){1,3}[A-Z][\w’'.-]+$")
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # the same words of a lower-case ASCII text, found faster
_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_SCRIPT_NAMES = {
    "CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean", "CYRILLIC": "Cyrillic script",
    "ARABIC": "Arabic", "HEBREW": "Hebrew", "THAI": "Thai", "DEVANAGARI": "Devanagari script", "GREEK": "Greek",
}
_ENGLISH = frozenset(
    "the a an of to in and is are was were for on that with as by it be this at from or has have not but "
    "their its which they will he she we you his her our can would been who said more after than about".split()
)
_STOPWORDS = {
    "Spanish": "el la los las de del que y en un una es por con para se su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también",
    "French": "le la les de des du et en un une est que qui dans pour pas sur au avec ce il elle sont par plus ne se ses aux ont été cette mais nous vous",
    "German": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie",
    "Indonesian": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena tersebut bisa ada mereka oleh atau saat sudah kami kita",
    "Portuguese": "o a os as de do da dos das e em um uma que é para com não por mais como mas foi ao ele ela se na no nos são",
    "Italian": "il lo la i gli le di e che è un una per non in con su del della sono anche come ma più questo",
    "Dutch": "de het een en van is dat op te in zijn voor niet met ook aan er maar om als dit bij",
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOPWORDS.items():
    for _w in _words.split():
        _LANGUAGES_OF[_w] = _LANGUAGES_OF.get(_w, ()) + (_language,)


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((s for s in _SCRIPT_NAMES if name.startswith(s)), None)


def other_language(line: str) -> str | None:
    """The language (or script) a line is in when it is clearly not English; None otherwise."""
    if line.isascii():  # no other script; its letters are its words' (the common case, made cheap)
        words = _ASCII_WORD.findall(line.lower())
        return None if sum(map(len, words)) < 12 else _latin_language(words)
    letters = sum(map(str.isalpha, line))
    if letters < 12:
        return None
    foreign = _NON_LATIN.findall(line)
    if len(foreign) * 2 > letters:
        counts: dict[str, int] = {}
        for char in foreign:
            script = _script(char)
            if script:
                counts[script] = counts.get(script, 0) + 1
        if counts:
            script, count = max(counts.items(), key=lambda kv: kv[1])
            if script in ("HIRAGANA", "KATAKANA") or (script == "CJK" and counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0)):
                return "Japanese"
            if count * 2 > letters or len(foreign) * 2 > letters:
                return _SCRIPT_NAMES[script]
    return _latin_language([w.lower() for w in _WORD.findall(line)])


def _latin_language(words: list[str]) -> str | None:
    """The Latin-script language of a line's lower-cased words by their stopwords, when clearly not English."""
    if len(words) < 6:
        return None
    english = sum(map(_ENGLISH.__contains__, words))
    if english * 2 >= len(words):  # another language would need more than twice these words
        return None
    known = [word for word in words if word in _LANGUAGES_OF]
    if len(known) <= 2 * english or len(known) * 5 < len(words):  # too few for any language to pass
        return None
    shares: dict[str, int] = {}
    for word in known:
        for language in _LANGUAGES_OF.get(word, ()):
            shares[language] = shares.get(language, 0) + 1
    if not shares:
        return None
    best, hits = max(shares.items(), key=lambda kv: kv[1])
    share = hits / len(words)
    return best if share >= 0.2 and hits > 2 * english else None


def _people_caption(line: str) -> bool:
    """'Sang Han, partner for X, Roderick Purwana, managing partner at Y': names and roles, no verb."""
    if ends_sentence(line) or line.count(",") < 3 or len(line) > 400:
        return False
    parts = [p.strip() for p in re.split(r",|\band\b", line)]
    return sum(1 for p in parts if _PERSON.match(p)) >= 2


def _media(line: str) -> bool:
    """The leftover of embedded media: "YouTube video", "table showing …", "Photo of a harbour"
    (not a sentence about a photo, "Photo of flooded runway is from 2019": a headline or text)."""
    return len(line) < 200 and bool(_MEDIA.match(line)) and not _STATES.search(line)


def _caption(line: str) -> bool:
    return bool(
        ":" in line and _CAPTION_LABEL.search(line)
        or _ANY_CREDIT.search(line) and _CAPTION_CREDIT.search(line)
        or _CAPTION_START.match(line)
    )


def _editors_note(line: str) -> bool:
    return bool(_EDITORS_START.match(line) or _EDITORS_END.search(line))


_ALT_WORDS = r"(?:image|thumbnail|photo|picture|img|illustration)"
_ALT_TEXT = re.compile(  # "Image: …", and alone in brackets: "[thumbnail: …]"
    rf"^{_ALT_WORDS}\s*:\s*\S|^\[{_ALT_WORDS}\s*:[^\[\]]*\]\s*$"
    r"|^\[?!\[[^\[\]]*\]\([^()\s]*\)(?:\]\([^()\s]*\))?\s*$",  # a Markdown image alone: "![](/media/x.jpg)", linked "[![alt](src)](href)"
    re.IGNORECASE,
)


def alt_text(line: str) -> bool:
    """An image's alt text left in the text by the scraper: "Image: A row of mailboxes …",
    "thumbnail: Studio One LP sleeves …"."""
    return bool(_ALT_TEXT.match(line))


@remembered
def is_caption(line: str) -> bool:
    """An image caption or credit line ("… Photo: AP / Andy Wong", "Image: Getty Images"), or
    the leftover of embedded media ("YouTube video", "table showing …")."""
    return len(line) < 300 and _caption(line) or _media(line)


def flag_reason(line: str) -> str | None:
    """Why an editor should look at this line (it stays in the text), or None."""
    if len(line) < 400 and _editors_note(line):
        return EDITORS_NOTE
    if is_caption(line):  # a caption or a leftover of media, as the line's role was read (its answer is kept)
        return CAPTION if len(line) < 300 and _caption(line) else MEDIA
    language = other_language(line)
    if language:
        return f"Line in {language}, not the article's language: likely a machine-rewriting artifact."
    if _people_caption(line):
        return PEOPLE_CAPTION
    return None


def flag_blocks(texts: Sequence[str], adjacent: Sequence[bool]) -> list[str | None]:
    """The reason to flag each of an article's body lines, or None. `adjacent[i]` says line i
    followed line i-1 with no blank line between (an image's alt text sits right above its caption)."""
    reasons = [flag_reason(text) for text in texts]
    for i, text in enumerate(texts):
        if reasons[i] is not None:
            continue
        above_caption = i + 1 < len(texts) and adjacent[i + 1] and reasons[i + 1] == CAPTION
        if above_caption and len(text) < 160 and (_ALT_START.match(text) or len(text.split()) <= 12):
            reasons[i] = ALT_TEXT
        elif i > 0 and reasons[i - 1] in (MEDIA, MEDIA_HEADLINE) and len(text) < 100 and not text.endswith("."):
            reasons[i] = MEDIA_HEADLINE
    return reasons
