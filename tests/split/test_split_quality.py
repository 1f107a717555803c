"""The split, scored against the hand-written corpus, does not fall below the recorded floors.

`benchmarks/split_quality.py` shows the figures per shape; the floors in
`benchmarks/split_quality_floor.json` are the overall figures the split has
reached, so a change that splits the corpus worse fails here.
"""

from __future__ import annotations

import json
import quopri
import re
from pathlib import Path

import pytest

from benchmarks.split_score import FIGURES, by_shape, corpus_dumps, gold_path, heading, read_gold, score_corpus, total
from sitegen.split.dates import dated, time_stamp
from sitegen.split.roles import person
from sitegen.split.meta import is_handle

_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter) \d{4}\b", re.IGNORECASE)  # a journal's issue: "Journal · Winter 2025"
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "split_corpus"
FLOORS = json.loads((ROOT / "benchmarks" / "split_quality_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    return score_corpus(CORPUS)


def test_the_corpus_is_large_and_varied():
    dumps = corpus_dumps(CORPUS)
    assert len(dumps) >= 40
    assert len({d.parent.name for d in dumps}) >= 20


@pytest.mark.parametrize("dump", corpus_dumps(CORPUS), ids=lambda d: f"{d.parent.name}/{d.stem}")
def test_gold_items_start_at_their_headline_and_end_on_text(dump: Path):
    """The gold is read against its own dump: a typo in a line number shows here, not as a worse score."""
    lines = dump.read_text(encoding="utf-8").split("\n")
    for item in read_gold(gold_path(dump), len(lines)):
        first, last = (lines[n - 1].strip() for n in item.lines)
        assert first and last, f"{dump.name}: item at {item.lines} starts or ends on a blank line"
        if item.title is not None:  # its first line, its first lines when the headline is wrapped, the second under a date row
            raw = " ".join(lines[n - 1] for n in range(item.lines[0], min(item.lines[1], item.lines[0] + 2) + 1))
            if first.endswith("="):  # a raw e-mail's quoted-printable soft break: "… all events cancel=" + "led"
                first, raw = first[:-1], _SOFT_BREAK.sub("", raw, 1)
            if _QP_ESCAPE.search(first):  # a raw e-mail's text is read decoded: "Ireland / =C3=89ire", "=3D=3D Notices =3D=3D"
                first, raw = (quopri.decodestring(t.encode()).decode("utf-8", "replace") for t in (first, raw))
            first, raw = _IMAGE.sub("", first, 1), _IMAGE.sub("", raw, 1)  # a text browser's "[IMG]" before the headline's link
            head = heading(first)  # a plain-text heading's marks ("** Title") and a link's number ("[16]Title") are no part of it
            wrapped = heading(raw)
            under = [heading(" ".join(lines[n - 1] for n in range(k, min(item.lines[1], k + 2) + 1)))
                     for k in (item.lines[0] + 1, item.lines[0] + 2, item.lines[0] + 3)]  # under a date row (wrapped, or a blank line between)
            message = [t for n in range(item.lines[0], min(item.lines[1], item.lines[0] + 3) + 1) for t in _message_titles(lines[n - 1])]
            head = heading(_LEADING_MARKS.sub("", head, 1))  # a bullet or a reviewer's stars before a lead-in or a review's headline
            wrapped = heading(_LEADING_MARKS.sub("", wrapped, 1))  # (and a text browser's link number after the bullet: "• [11]Title")
            assert (head.startswith(item.title) or item.title.startswith(head) and wrapped.startswith(item.title)
                    or (dated(head) or time_stamp(head) or _SEASON.search(head)) and any(u.startswith(item.title) or _unkicked(u).startswith(item.title) for u in under)  # under a teaser's date or time row
                    or any(m and (m.startswith(item.title) or item.title.startswith(m)) for m in message)  # under a message's header rows
                    or heading(" ".join(_COLUMNS.split(lines[n - 1].strip())[0] for n in range(item.lines[0], min(item.lines[1], item.lines[0] + 1) + 1))
                               ).startswith(item.title)  # the left column of a page laid out in two
                    or f"Topic: {item.title}" in head  # a forum's topic bar over the opening post ("Author  Topic: … (Read 612 times)")
                    or _CHAT_ROW.match(first) and any(u.startswith(item.title) for u in under)  # under a chat message's time and sender
                    or (kicker := _GLUED_KICKER.match(head)) and head[kicker.end():].startswith(item.title)  # "EXPLAINERWhat is …"
                    or (person(reviewer := _FROM.sub("", head)) or _NAMES_ROW.match(reviewer) or is_handle(reviewer)
                        or reviewer != head and _FIRST_NAME.match(reviewer)) and any(_LEADING_MARKS.sub("", heading(lines[n - 1]), 1) == item.title for n in range(item.lines[0] + 1, min(item.lines[1], item.lines[0] + 5) + 1))), (  # under a reviewer's name and its facts
                f"{dump.name}:{item.lines[0]}: {item.title!r} is not its first line")


_SOFT_BREAK = re.compile(r"= ")
_NAMES_ROW = re.compile(r"^[A-Z][\w'’.-]*(?: (?:and|&|[A-Z][\w'’.-]*)){1,5}$")  # a review's writers: "Pam and Geoff Hurrell"
_GLUED_KICKER = re.compile(r"^[A-Z][A-Z0-9&' ]{2,}(?=[A-Z][a-z])")  # a kicker glued onto the headline: "EXPLAINERWhat is …", "ELCC 2026Perioperative …"
_FIRST_NAME = re.compile(r"^[A-Z][a-zà-ÿ'’-]{1,19}$")  # a reviewer's first name, over where they are from
_IMAGE = re.compile(r"^\s*\[IMG\]\s*")
_FROM = re.compile(r"\s+[–—]\s+[A-Z][\w .,'’()-]{1,40}$")  # where a reviewer is from: "Helen – United Kingdom"


def _unkicked(text: str) -> str:
    """A headline without the kicker glued onto it."""
    kicker = _GLUED_KICKER.match(text)
    return text[kicker.end():] if kicker else text
_CHAT_ROW = re.compile(r"^\[[^\]]{5,30}\]\s+\S")  # "[24-Feb-25 07:03 PM] Valka (mod team)"
_QP_ESCAPE = re.compile(r"=[0-9A-F]{2}")
_COLUMNS = re.compile(r"\s{3,}")
_LEADING_MARKS = re.compile(r"^(?:[•·▪‣◦–-]|[★☆✩✪⭐]+½?|Q:)\s+")  # (a question's "Q:" marker too)
_MESSAGE_MARKS = re.compile(
    r"^(?:>\s*)+"  # a quoted mail's marks
    r"|^Subj(?:ect)?\s*:\s*(?:\[[^\]]{1,40}\]\s*)?"  # a mail's or an echo's subject, its list tag
    r"|^RE\s*:\s*"  # a memo's subject
    r"|^[A-Z][A-Z0-9 /.-]{1,20}? : "  # a form's field label in capitals, spaced from its colon: a circular's "POST 09/01 : "
    r"|^\[?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?\]?(?: -)? [^:]{1,40}: "  # a chat export's "date, time - Name: "
)


def _message_titles(line: str) -> list[str]:
    """A line of a message's head as its title may read: without a quote's marks, a subject's label
    and list tag (a memo's "RE:"), a form's field label ("POST 09/01 : "), a chat line's sender,
    emphasis, a link's opening bracket or a card's status badge ("[RESOLVED] "); or what follows
    an identifier's " — " ("**[CRADV-2024-0102](…)** — *Title* (date)")."""
    text = _MESSAGE_MARKS.sub("", " ".join(line.split()), 1).strip("*_ ")
    return [text, text.lstrip("[*_ "), _BADGE.sub("", text, 1),
            *([text.split(" — ", 1)[1].strip("*_ ")] if " — " in text else [])]


_BADGE = re.compile(r"^\[[A-Z][A-Z -]{2,20}\]\s+")  # a card's status badge glued before its headline: "[RESOLVED] "


def test_floors_name_every_figure():
    assert set(FLOORS) == set(FIGURES)


@pytest.mark.parametrize("figure", FIGURES)
def test_overall_figure_is_not_below_its_floor(scores, figure):
    reached = total(scores).figures()[figure]
    worst = sorted(by_shape(scores).items(), key=lambda kv: kv[1].figures()[figure])[:3]
    assert reached >= FLOORS[figure], (
        f"split quality {figure} fell to {reached:.3f} (floor {FLOORS[figure]:.3f}); worst shapes: "
        + ", ".join(f"{shape} {t.figures()[figure]:.2f}" for shape, t in worst)
        + " — see python benchmarks/split_quality.py --shape SHAPE, and --dump FILE"
    )
