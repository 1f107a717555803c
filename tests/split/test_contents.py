"""contents: a line listing the heads of a page's items ("In this issue: …") cuts the items there."""

from __future__ import annotations

import pytest

from sitegen.split import contents, split_text
from tests.split_support import split_first_only


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
    result = split_first_only(NEWSLETTER, "newsletter.txt")  # a decision that keeps the whole newsletter as one item
    assert [a.title for a in result.articles][-3:] == ["Water troughs", "Shed break-ins", "Seed swap"]
    assert "Strimmers" in result.articles[-2].body and "Strimmers" not in result.articles[-3].body


def test_with_the_shipped_decision_too():
    result = split_text(NEWSLETTER, "newsletter.txt")
    assert [a.title for a in result.articles] == ["Water troughs", "Shed break-ins", "Seed swap"]


def test_a_list_one_entry_a_line_under_its_heading_names_the_heads_once_the_first_of_them_follows():
    named = contents.Named()
    for line in ["In this issue", "From the President", "Recap: Summer Harp Institute", "", "Rental program update", "Member news",
                 "From the President", "Dear friends,"]:
        named.add(line)
    assert named.named("Rental program update") and named.named("Member news")
    assert named.named("Recap: Summer Harp Institute, in pictures")  # by its first words
    assert not named.named("Dear friends,")
    unconfirmed = contents.Named()  # no heading of the list follows: a section under a heading, not a list
    for line in ["In this issue", "Rental program update", "Member news", "The chapter's rental program now has fourteen harps."]:
        unconfirmed.add(line)
    assert not unconfirmed.named("Member news")
    numbered = contents.Named()
    for line in ["IN THIS ISSUE", "1. Community solar scheme gets the green light", "2. Heat pump grants: what changes in April",
                 "Community solar scheme gets the green light"]:
        numbered.add(line)
    assert numbered.named("Heat pump grants: what changes in April")


def test_a_numbered_list_under_its_heading_names_the_heads_and_is_the_page_s():
    named = contents.Named()
    for line in ["In this issue", "1. The 50:22 is a kick, not a plan", "2. Chart of the week: where tries start",
                 "3. Mailbag: do lineouts really suffer at the coast?", "This week's issue is supported by Boland Physio."]:
        named.add(line)
    assert named.named("The 50:22 is a kick, not a plan") and named.named("Mailbag: do lineouts really suffer at the coast?")
    assert named.lists("2. Chart of the week: where tries start")  # the list's own line: outside every item
    unmarked = contents.Named()  # without numbers, the list's lines are the heads' own words: a heading must follow
    for line in ["In this issue", "A Benson pocket watch", "Meeting report", "Auction notes", "Members can download the edition."]:
        unmarked.add(line)
    assert not unmarked.named("Auction notes")


def test_a_print_contents_list_with_page_numbers_names_its_heads_and_is_the_pages():
    named = contents.Named()
    listed = ["From the editor's desk ........................................ 1",
              "A new locality record for the Malabar pit viper in Kodagu ..... 2",
              "What 1,200 rescue calls taught us ............................. 3"]
    for line in ["IN THIS ISSUE", *listed, "From the editor's desk"]:
        named.add(line)
    assert named.named("What 1,200 rescue calls taught us") and named.named("From the editor's desk")
    assert all(named.lists(line) for line in listed)


def test_a_bulleted_contents_list_is_the_pages_but_the_heads_it_names_are_not():
    named = contents.Named()
    listed = ["• From the chair: why we count", "• The early hairy: first sightings", "• Pond of the month: the lagoon at Cwm Mwyn"]
    for line in ["In this issue", *listed, "From the chair: why we count"]:
        named.add(line)
    assert all(named.lists(line) for line in listed)
    assert named.named("From the chair: why we count") and not named.lists("From the chair: why we count")
