"""Flags: lines an editor should look at, kept in the text and marked with a note.

Owns recognising image captions and credits, embedded-media leftovers, editors'
notes, and lines in another language than the article's (machine-rewriting
artifacts). Returns the reason, or None. Must not remove anything.
"""

from __future__ import annotations

import re
import unicodedata

_CAPTION = re.compile(
    r"(?:^|\s)(?:Image|Images|Photo|Photos|Photograph|Picture|Illustration|Graphic|Credit|Credits|Courtesy|Screenshot|Video|Source|Chart|Map)s?\s?:\s",
)
_MEDIA = re.compile(
    r"^(?:\W*(?:embedded (?:articles?|content|media|tweet|video)|youtube video|video|watch|audio|podcast|tweet|instagram post|"
    r"table showing .*|chart showing .*|graph showing .*|map showing .*|image showing .*|photo showing .*)\W*)$",
    re.IGNORECASE,
)
_EDITORS = re.compile(
    r"(?:^editor[’']?s[’']? note\b|^note from the editors?\b|[–—-]\s*(?:the )?editors?\.?$|^\[?ed(?:itor)?\.? note|^update(?:d)?:)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH = set(
    "the a an of to in and is are was were for on that with as by it be this at from or has have not but "
    "their its which they will he she we you his her our can would been who said more after than about".split()
)
_OTHER_LANGUAGES = {
    "Spanish": set("el la los las de del que y en un una es por con para se su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también".split()),
    "French": set("le la les de des du et en un une est que qui dans pour pas sur au avec ce il elle sont par plus ne se ses aux ont été cette mais nous vous".split()),
    "German": set("der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie".split()),
    "Indonesian": set("yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena tersebut bisa ada mereka oleh atau saat sudah kami kita".split()),
    "Portuguese": set("o a os as de do da dos das e em um uma que é para com não por mais como mas foi ao ele ela se na no nos são".split()),
    "Italian": set("il lo la i gli le di e che è un una per non in con su del della sono anche come ma più questo".split()),
    "Dutch": set("de het een en van is dat op te in zijn voor niet met ook aan er maar om als dit bij".split()),
}
_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "ARABIC", "HEBREW", "THAI", "DEVANAGARI", "GREEK")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script in _SCRIPTS:
        if name.startswith(script):
            return script
    return None


def other_language(line: str) -> str | None:
    """The language a line is in when it is clearly not English; None otherwise."""
    letters = sum(map(str.isalpha, line))
    if letters < 12:
        return None
    foreign = _NON_LATIN.findall(line)
    if len(foreign) * 2 > letters:
        scripts: dict[str, int] = {}
        for c in foreign:
            s = _script(c)
            if s:
                scripts[s] = scripts.get(s, 0) + 1
        script, count = max(scripts.items(), key=lambda kv: kv[1])
        if count * 2 > letters:
            return {"CJK": "Chinese", "HANGUL": "Korean", "CYRILLIC": "Cyrillic script", "HIRAGANA": "Japanese",
                    "KATAKANA": "Japanese"}.get(script, script.title() + " script")
    words = [w.lower() for w in _WORD.findall(line)]
    if len(words) < 6:
        return None
    english = sum(w in _ENGLISH for w in words) / len(words)
    best, best_share = None, 0.0
    for language, stops in _OTHER_LANGUAGES.items():
        share = sum(w in stops for w in words) / len(words)
        if share > best_share:
            best, best_share = language, share
    if best_share >= 0.2 and best_share > 2 * english:
        return best
    return None


def flag_reason(line: str) -> str | None:
    """Why an editor should look at this line (it stays in the text), or None."""
    if _EDITORS.search(line) and len(line) < 400:
        return "Editor's note from the source page, not the author's text."
    if len(line) < 240 and _CAPTION.search(line):
        return "Image caption or credit from the source page."
    if _MEDIA.match(line):
        return "Leftover of embedded media (a video, table or article) that was not captured."
    language = other_language(line)
    if language:
        return f"Line in {language}, not the article's language: likely a machine-rewriting artifact."
    return None
