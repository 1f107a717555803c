"""Hard-wrapped paragraphs joined again, and every line number taken back to the dump's."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import split_text
from sitegen.split.text import Debris
from sitegen.split.unwrap import LineMap, Unwrapped, wrap_width

PROSE = (
    "The harbour board voted on Tuesday to build a new ferry terminal on the north quay, ending a decade "
    "of argument about where the island's only link to the mainland should berth. The terminal will cost "
    "forty-eight million pounds and should open in the spring of 2028, the chair said after the meeting."
)
MORE = (
    "Board members said the old pier could no longer take the larger ships the operator plans to bring "
    "into service, and that repairs would cost almost as much as a new building on the other side."
)


def wrapped(*paragraphs: str, width: int = 72) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, width), ""] if len(paragraph) > width else [paragraph]
    return lines


def joined(lines: list[str]) -> list[str]:
    return list(Unwrapped(lines))


def test_wrapped_paragraphs_are_one_line_each_again():
    lines = wrapped("Harbour board approves the new terminal", PROSE, MORE)
    assert max(map(len, lines)) <= (wrap_width(lines) or 0) <= 72  # the longest line, or wider
    assert joined(lines) == ["Harbour board approves the new terminal", PROSE, "", MORE, ""]


def test_a_word_broken_after_its_hyphen_is_joined_whole():
    lines = ["The library reopened on Saturday after volunteers had given their time to the clean-",
             "up, and the mayor thanked them all."] + wrapped(PROSE, MORE, width=86)
    assert joined(lines)[0] == "The library reopened on Saturday after volunteers had given their time to the clean-up, and the mayor thanked them all."


def test_headline_by_line_date_list_and_signature_are_not_joined():
    head = [
        "Harbour board approves the new ferry terminal on the north quay of the",
        "island",  # a lower-case word that would not fit: the headline goes on
        "By Jane Hill and Tom Baker, Island Correspondents for the Ledger today",
        "3 March 2025",
        "",
    ]
    body = wrapped(PROSE)
    tail = [
        "The vote was seven to two, and the chair thanked everyone who came to it.",
        "What the new terminal will have, according to the plans shown on Tuesday",
        "- a covered waiting room for three hundred passengers and their luggage",
        "- parking for one hundred and twenty cars and a dozen coaches in summer",
        "| Berth | Ships |",
        "Margaret Oyelaran, Chair of the Harbour Board and of its works committee",
    ]
    out = joined(head + body + tail + [""] + wrapped(MORE))
    assert out[:4] == ["Harbour board approves the new ferry terminal on the north quay of the island", *head[2:5]]
    assert out[4] == PROSE
    assert out[6 : 6 + len(tail)] == tail


def test_short_lines_are_not_joined():
    poem = ["The tide comes in", "and the tide goes out,", "and the harbour wall", "stands where it stood."]
    lines = wrapped(PROSE, MORE) + poem + [""] + wrapped(PROSE)
    assert joined(lines)[4:8] == poem


def test_a_dump_of_one_line_paragraphs_comes_out_unchanged():
    lines = ["Harbour board approves the new terminal", "By Jane Hill", "", PROSE, "", MORE, ""]
    assert wrap_width(lines) is None
    unwrapped = Unwrapped(lines)
    assert list(unwrapped) == lines and unwrapped.map.identity


SHORT_WORDS = st.sampled_from("a an the of port ships arrived dawn while workers said cranes lift Jane Hill 1995.".split())
SHORT_LINE = st.lists(SHORT_WORDS, min_size=0, max_size=5).map(" ".join)  # far under any width a dump is wrapped at
LONG_LINE = st.lists(SHORT_WORDS, min_size=30, max_size=60).map(" ".join)  # longer than any such width


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(SHORT_LINE, LONG_LINE), max_size=40))
def test_lines_not_near_a_width_come_out_unchanged(lines):
    assert joined(lines) == lines


WORD = st.text(st.characters(whitelist_categories=("L", "N", "P")), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=80).map(" ".join), max_size=12), st.integers(40, 100))
def test_words_and_their_order_are_kept_and_each_line_maps_back(paragraphs, width):
    lines = wrapped(*paragraphs, width=width)
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    assert "".join("".join(out).split()) == "".join("".join(lines).split())
    covered = [n for k in range(1, len(out) + 1) for n in unwrapped.map.lines(k)]
    assert covered == list(range(1, len(lines) + 1))


def test_line_map_takes_joined_lines_back_to_the_dump():
    lines = ["Title of the piece", "", *wrapped(PROSE), "Last line", "", *wrapped(MORE)]
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    lmap: LineMap = unwrapped.map
    assert out[2] == PROSE and lmap.lines(3) == range(3, 3 + len(wrapped(PROSE)) - 1)
    after = 3 + len(wrapped(PROSE)) - 1  # "Last line": its own line, shifted
    assert lines[lmap.first(4) - 1] == "" and out[4] == "Last line" and lines[lmap.first(5) - 1] == "Last line"
    assert [d.line for d in lmap.debris([Debris(3, PROSE, "cut")])] == list(range(3, after))
    assert " ".join(d.text for d in lmap.debris([Debris(3, PROSE, "cut")])) == PROSE


def test_a_wrapped_dump_splits_into_its_articles_on_the_dumps_lines():
    first = ["Harbour board approves the new terminal", "By Jane Hill", "", *wrapped(PROSE, MORE)]
    second = ["Library reopens after the winter floods", "By Tom Baker", "", *wrapped(MORE, PROSE)]
    lines = [*first, *second]
    result = split_text("\n".join(lines), "d.txt")
    assert [a.title for a in result.articles] == ["Harbour board approves the new terminal", "Library reopens after the winter floods"]
    assert [a.source.lines for a in result.articles] == [(1, len(first) - 1), (len(first) + 1, len(lines) - 1)]
    assert [a.authors for a in result.articles] == [("Jane Hill",), ("Tom Baker",)]
    body = result.articles[0]
    assert body.body.strip() == f"{PROSE}\n\n{MORE}"
    assert set(body.body_lines) == {n for n in range(4, len(first)) if lines[n - 1]}


def test_a_heading_in_capitals_and_a_lower_case_by_line_under_it_stay_apart():
    lines = ["PLANNING: WHAT NEXT FOR THE WHARF ROAD SITE ON THE NORTH QUAY", "by Dev Kulkarni, Planning Secretary",
             *wrapped(PROSE, MORE, width=64)[:-1], "www.riversidera.example | info@riversidera.example"]
    out = joined(lines)
    assert out[:3] == [lines[0], lines[1], PROSE] and out[-1] == lines[-1]
