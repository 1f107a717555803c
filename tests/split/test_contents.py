"""contents: a line listing the heads of a page's items ("In this issue: …") cuts the items there."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sitegen.split import contents, split_text, tagger
from sitegen.split.tagger import Line, Tagging


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("In this issue: From the chair · Heather honey · Swarm collection", ["from the chair", "heather honey", "swarm collection"]),
        ("INSIDE — Fixtures | Results | Club news | Junior section", ["fixtures", "results", "club news", "junior section"]),
        ("Contents: AGM report / Winter club runs / Hill climb results /", ["agm report", "winter club runs", "hill climb results"]),
    ],
)
def test_contents_lines(line, found):
    assert contents.entries(line) == found


@pytest.mark.parametrize(
    "line",
    [
        "Home · News · Events · Contact",  # a menu: no contents lead
        "In this issue there's news about the young carers card, a piece by Maddie and all the dates for Christmas.",
        "Inside the Vaults: Treasures of the Fitzwilliam review – a jumble sale of wonders",
        "In this issue: one thing · and another",  # two entries
    ],
)
def test_not_contents_lines(line):
    assert contents.entries(line) is None


def test_a_named_line_by_its_head_and_a_wrapped_contents_line():
    named = contents.Named()
    for line in ["In this issue: Water Troughs · Shed Break-ins · Plot 14B ·", "Committee Vacancy · Dates for Your Diary", "", "Water Troughs"]:
        named.add(line)
    assert named.named("Shed break-ins") and named.named("Plot 14B: A Beginner's First Year") and named.named("Dates for Your Diary")
    assert not named.named("Plot 14") and not named.named("The troughs will be turned back on.")


def test_a_contents_list_under_a_heading_of_its_own_names_heads_by_their_first_words():
    named = contents.Named()
    for line in ["IN THIS BULLETIN", "", "Subs due · Winter workshop · Obituary", "", "SUBSCRIPTIONS DUE"]:
        named.add(line)
    assert named.named("WINTER WORKSHOP NIGHTS") and named.named("OBITUARY: GEORGE WHARRAM 1934–2026")
    assert named.lists("Subs due · Winter workshop · Obituary") and named.lists("IN THIS BULLETIN")
    assert not named.named("Winter") and not named.named("Subs due · Winter workshop · Obituary")


def test_a_list_with_no_contents_heading_names_nothing():
    named = contents.Named()
    for line in ["Home · News · Events · Contact", "News"]:
        named.add(line)
    assert not named.named("News") and not named.lists("Home · News · Events · Contact")


def test_a_long_line_ends_a_contents_line():
    named = contents.Named()
    for line in ["In this issue: A note · B note · C note", "x" * 400, "Later · Lines"]:
        named.add(line if len(line) < 300 else None)
    assert named.named("C note") and not named.named("Later")


def test_entries_kept_are_bounded():
    named = contents.Named()
    for k in range(contents.KEPT):
        named.add(f"In this issue: a{k} · b{k} · c{k}")
    assert len(named._entries) <= contents.KEPT


class FirstOnly:
    """A boundary decision sure that only the first line of a segment starts an item."""

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags = tuple("B" if k == 0 else "I" for k in range(len(lines)))
        return Tagging(tags, tuple((1.0, 0.0, 0.0) if t == "B" else (0.0, 1.0, 0.0) for t in tags))


NEWSLETTER = """Fernleigh Road Allotment Society

In this issue: Water troughs · Shed break-ins · Seed swap

Water troughs

The troughs will be turned back on on Saturday 3 April, frost permitting. Please do not attach hoses to the troughs.

Shed break-ins

Three sheds on the lower field were forced open over the weekend. Strimmers and a petrol mower were taken from them.

Seed swap

Our seed swap returns to the community centre on Saturday 13 March, 2–4pm. Bring labelled packets, take what you need.
"""


def test_a_newsletter_is_cut_at_the_heads_its_contents_line_names():
    with tagger.using(FirstOnly()):  # a decision that keeps the whole newsletter as one item
        result = split_text(NEWSLETTER, "newsletter.txt")
    assert [a.title for a in result.articles][-3:] == ["Water troughs", "Shed break-ins", "Seed swap"]
    assert "Strimmers" in result.articles[-2].body and "Strimmers" not in result.articles[-3].body


def test_with_the_shipped_decision_too():
    result = split_text(NEWSLETTER, "newsletter.txt")
    assert [a.title for a in result.articles] == ["Water troughs", "Shed break-ins", "Seed swap"]
