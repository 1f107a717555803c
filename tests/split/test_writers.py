"""writers: by-lines and signatures in the forms `meta` and `roles` do not read, and what they name."""

from __future__ import annotations

import pytest

from sitegen.split.assemble import assemble
from sitegen.split.text import Block
from sitegen.split.writers import (
    closing_words_by,
    first_name_signature,
    guest_names,
    handle_names,
    head_names,
    led_names,
    lower_byline,
    row_names,
    signed_with_post,
    statement_writers,
)

LONG = "A paragraph of ordinary text that goes on for a while and then ends properly, as paragraphs of articles do."


def make(*texts: str):
    return assemble(tuple(Block(1 + 2 * i, t) for i, t in enumerate(texts)), "d.txt")


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("March 2, 2026 · Noor Haddad · Field notes", ["Noor Haddad"]),
        ("Feb 9 · Owen Lacey", ["Owen Lacey"]),
        ("May 3, 2026 @ 4:05 pm · Filed by Tess Moreau under Grammar, Usage", ["Tess Moreau"]),
        ("April 8, 2026 · Marit · 12 Comments", ["Marit"]),
        ("Forecaster: Iwan Price · Updated 06:40 GMT", ["Iwan Price"]),
    ],
)
def test_a_row_of_the_page_facts_names_its_writer(row, names):
    assert row_names(row) == names


@pytest.mark.parametrize(
    "row",
    [
        "March 3 · Opinion",  # a word alone is no name without a count beside it
        "Sun 4 Oct 2026 · Match Report · Under 14 Reds",  # a kind of text is not a surname
        "Harbour Museums · Plymouth, UK",  # an institution and its place
        "Local news | 12 October 2026",
        "Noor Haddad · Field notes",  # no date: not a row of facts
    ],
)
def test_rows_without_a_writer_name_no_one(row):
    assert row_names(row) is None


def test_a_critic_reviewing_names_the_writer_but_a_medical_reviewer_does_not():
    assert led_names("Reviewed by Keira Dunn") == ["Keira Dunn"]
    assert led_names("Reviewed by Ana, aged 9") == ["Ana"]
    assert led_names("Medically reviewed by Dr Paul Ames") is None
    assert led_names("Edited by Paul Ames") is None


def test_a_forum_poster_is_named_by_handle_but_not_a_site_role():
    assert handle_names("Started by malt_mike in Beginners") == ["malt_mike"]
    assert handle_names("Originally posted by hopfiend on the Brewers Board, 2 May 2026") == ["hopfiend"]
    assert handle_names("Posted by admin in News") is None


def test_lower_case_by_lines_give_names_as_usually_written():
    assert lower_byline("by rhian cole") == ["Rhian Cole"]
    assert lower_byline("words: ade brook") == ["Ade Brook"]
    assert lower_byline("by the way") is None


def test_a_book_credit_names_the_writer_not_the_translator():
    assert head_names("Lea Marsh, translated from the Swedish by Jon Eck") == ["Lea Marsh"]


def test_writers_named_in_the_text_or_a_statement():
    assert guest_names("[This is a guest post by Ruth Alder, a historian of canals.]") == ["Ruth Alder"]
    assert statement_writers("This note was written by Carl Ibsen for the Digest and is reproduced with permission.") == [
        "Carl Ibsen"
    ]
    assert closing_words_by("Words by Mina Park. Her page stays open until May.") == ["Mina Park"]


@pytest.mark.parametrize(
    ("line", "names"),
    [("— Otto", ["Otto"]), ("Mira (Keswick)", ["Mira"]), ("Zed, age 12, Ripon", ["Zed"]), ("— Thanks", None)],
)
def test_first_name_signatures(line, names):
    assert first_name_signature(line) == names


def test_a_signature_with_its_post_on_the_lines_below():
    assert signed_with_post([LONG, "Petra Novak", "Ambassador of the Republic to Ireland"]) == (2, ["Petra Novak"])
    assert signed_with_post([LONG, "Alan Roe", "Parish Clerk", "Lowfield Parish Council"]) == (3, ["Alan Roe"])
    assert signed_with_post([LONG, "Alan Roe", LONG]) is None


def test_assembled_articles_take_these_writers():
    row = make("How to mend a sock heel", "April 8, 2026 · Marit · 12 Comments", LONG, LONG)
    assert row.authors == ("Marit",)
    signed = make("A note from the embassy", LONG, "Petra Novak", "Ambassador of the Republic to Ireland")
    assert signed.authors == ("Petra Novak",) and "Ambassador" not in signed.body
    dashed = make("Scanning old strips", LONG, "— Otto")
    assert dashed.authors == ("Otto",)
    guest = make("Guest post: canal boats", "Posted on 3 May 2026 by Tom Ash", "[This is a guest post by Ruth Alder.]", LONG)
    assert guest.authors == ("Ruth Alder",)
    role = make("Winter timetable", "Posted 3 May 2026 by Dee Walsh, Programme Controller", LONG)
    assert role.authors == ("Dee Walsh",)


def test_ranks_posts_and_closing_lines_around_a_signature():
    assert first_name_signature("Kit, 15") == ["Kit"]
    assert head_names("Ann Pryce writes:") == ["Ann Pryce"]
    assert signed_with_post([LONG, "Iona Bell", "Deputy Harbour Master", "for and on behalf of Kells Harbour Trust"]) == (
        3, ["Iona Bell"]
    )
    chief = make("From the Chief: thank you", LONG, "Chief Rob Hale")
    assert chief.authors == ("Rob Hale",)
    station = make("Winter safety", "By Station Manager Huw Price, Community Safety", LONG, LONG)
    assert station.authors == ("Huw Price",)
    candidate = make("Ann Pryce, Independent", LONG, "I would be honoured to have your vote.", "Ann Pryce",
                     "Promoted by Ann Pryce (Independent), of 3 High Street, Thornbury.")
    assert candidate.authors == ("Ann Pryce",)
    dated = make("Smoke advisory extended", "Posted Dec. 4, 2026 at 4:30 p.m. | Updated Dec. 5", LONG)
    assert dated.authors == ()
