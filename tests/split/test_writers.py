"""writers: by-lines and signatures in the forms `meta` and `roles` do not read, and what they name."""

from __future__ import annotations

import pytest

from sitegen.split.assemble import assemble
from sitegen.split.text import Block
from sitegen.split.writers import (
    closing_words_by,
    deck_writer,
    listed_by,
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
        ("Opinion | 26 November 2023 | Vice Admiral (Retd) S. K. Menon", ["S. K. Menon"]),  # the rank dropped
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
        "Photo galleries | 2 February 2024 | Photos by Savio Fernandes",  # the photographer wrote no text
        "News | 2 May 2024 | General Election",
        "Talk · 14:00 · Adults and teens · 60 minutes",  # an event's kind beside a duration, no name beside a count
    ],
)
def test_rows_without_a_writer_name_no_one(row):
    assert row_names(row) is None


def test_a_critic_reviewing_names_the_writer_but_a_medical_reviewer_does_not():
    assert led_names("Reviewed by Keira Dunn") == ["Keira Dunn"]
    assert led_names("Reviewed by Ana, aged 9") == ["Ana"]
    assert led_names("Medically reviewed by Dr Paul Ames") is None
    assert led_names("Edited by Paul Ames") is None
    assert led_names("Reviewed by Rory (age 10) · 25 March 2025") == ["Rory"]  # a young reviewer, dated
    assert led_names("Reviewed by Maeve and Saoirse Hennessy · 7 March 2025") == ["Maeve Hennessy", "Saoirse Hennessy"]


def test_a_reviewer_named_under_a_reviews_text_wrote_it():
    teaser = make("The Lighthouse at Inis Rua, by Clodagh Fennelly", "★★★★★",
                  "A girl sent to stay with her grandfather on a tiny Donegal island finds a logbook that should not exist.",
                  "Reviewed by Aisling Moran · 2 April 2025")
    assert teaser.authors == ("Aisling Moran",)  # not the book's author in the headline


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


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("[This is a guest post by Ruth Alder, a historian of canals.]", ["Ruth Alder"]),
        ("Guest post by Dr Harriet Osei-Bonsu", ["Harriet Osei-Bonsu"]),  # at the start of a line, with a title
        ("Guest post by Fiona Lindqvist. Fiona is a PhD student in Edinburgh.", ["Fiona Lindqvist"]),
        ("Our guest writer this week is Hanna Lindqvist, a PE teacher from Umeå.", ["Hanna Lindqvist"]),
        ("This is a guest post by Amy Lee and Bo Chan.", ["Amy Lee", "Bo Chan"]),
        ("Guest post: canal boats", None),
        ("The guest author Is Here today", None),  # no "by", "from" or "is" before a name
        ("A guest post from assistant warden volunteer Arjun Mehta, who swapped", ["Arjun Mehta"]),  # past the post
        ("This month we welcome a guest writer from the Kwäday Dän community, who has", None),  # a community, no writer
    ],
)
def test_a_guest_writer(line, names):
    assert guest_names(line) == names


def test_writers_named_in_the_text_or_a_statement():
    assert statement_writers("This note was written by Carl Ibsen for the Digest and is reproduced with permission.") == [
        "Carl Ibsen"
    ]
    assert closing_words_by("Words by Mina Park. Her page stays open until May.") == ["Mina Park"]


@pytest.mark.parametrize(
    ("line", "names"),
    [("— Otto", ["Otto"]), ("Mira (Keswick)", ["Mira"]), ("Zed, age 12, Ripon", ["Zed"]), ("— Thanks", None),
     ("— R.K.", ["R.K."]), ("— M.O'D.", ["M.O'D."]), ("— J. K. M.", ["J. K. M."]),
     ("— Nell & Tam", ["Nell", "Tam"]), ("Nell & Tam", None), ("— Nell & the team", None), ("— Kath x", ["Kath"]),
     ("— Kathx", ["Kathx"])],
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


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Will Gedge – 13 November 2026", ["Will Gedge"]),  # a first name that is also a word
        ("May Chen · 3 March 2026 · 4 min read", ["May Chen"]),
        ("Naomi Fairbairn ACA · 2 December 2026 · 6 min read", ["Naomi Fairbairn"]),  # letters after the name
        ("Words: Aisha Rahman  Photos: Kenny Doyle", ["Aisha Rahman"]),  # the photographer did not write it
        ("Leader: Sue Ratcliffe · Report: Ian Whitworth · 14 walkers · 11.5 miles, 2,200 ft", ["Ian Whitworth"]),
        ("Leader and report: Margaret Holt · 9 walkers · 8 miles", ["Margaret Holt"]),
        ("Report: Helen Barraclough · 22 members · YHA Borrowdale", ["Helen Barraclough"]),
        ("From: Alan Pryce <alan.pryce@example.org>", ["Alan Pryce"]),  # a mail's sender
        ('From: "Ruth Kaminski" <rkaminski@example.net>', ["Ruth Kaminski"]),
        ("By Dana Whitcombe '98", ["Dana Whitcombe"]),  # an alumnus's year
        ("Posted on 30 November 2026 by Akela (Sarah Okonjo)", ["Sarah Okonjo"]),  # the name the group uses, then hers
    ],
)
def test_by_lines_under_a_headline_in_more_forms(line, names):
    assert head_names(line) == names
    assert make("Headline of the report", line, LONG, LONG).authors == tuple(names)


@pytest.mark.parametrize(
    "line",
    [
        "Leader: Sue Ratcliffe · 14 walkers · 8 miles",  # the leader is not the writer
        "Photos: Kenny Doyle  Video: Ann Lee",
        "Source: Reuters · 3 min read",
        "Report: Council backs the plan · 3 March 2026",  # a label over a headline, not a name
        "From: newsletter@example.org",
        "Will Power and the budget · 3 March 2026",
    ],
)
def test_rows_that_credit_no_writer(line):
    assert head_names(line) is None


def test_a_match_score_between_the_standfirst_and_the_by_line_is_passed_over():
    article = make(
        "Sheffield Sabres hold off late Leeds surge to stay unbeaten",
        "Match report · Division One · Sat 28 Nov 2026",
        "Sheffield Sabres 84 – 79 Leeds Rhinos Community",
        "Report by Callum Reid",
        LONG,
        LONG,
    )
    assert article.authors == ("Callum Reid",)
    assert "Sheffield Sabres 84" in article.body  # the score stays in the text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted by Hamish McLeod, Pipe Major · 2 September 2026", ("Hamish McLeod",)),  # a post, not a second writer
        ("By Dan Fletcher, Football Tipster | Updated: Wed 3 Dec 2026, 9:14am", ("Dan Fletcher",)),
        ("By Morven Gallacher, VP Welfare", ("Morven Gallacher",)),
        ("Words by Dr Aisha Rahman, Specialty Doctor", ("Aisha Rahman",)),
        ("By Anders Holm, Arctic Dispatch", ("Anders Holm",)),  # the publication
        ("Posted by Anaphylaxis Network Ireland, 21 October 2026", ()),  # a charity
        ("Posted on 29 October 2026 by Harbourside Distillery", ()),
        ("Posted by Ashcombe Bowmen – 21st October 2026", ()),  # a club
        ("Posted on 27 November 2026 by Inquiry Secretariat", ()),
        ("Posted on 2 November 2026 by Castell Brynmor", ()),  # a venue
        ("By Nia Pritchard KC", ("Nia Pritchard",)),  # a barrister's letters, not a club's
    ],
)
def test_posts_publications_and_groups_in_a_by_line_are_not_writers(line, names):
    assert make("Headline of the post", line, LONG, LONG).authors == names


@pytest.mark.parametrize(
    "credit", ["Results supplied by club secretary Ian Cole.", "Report supplied by Galloway Marts.", "Prices provided by Jo Lamb."]
)
def test_who_supplied_the_figures_is_not_a_writer(credit):
    assert make("Torbay SAA: Hext wins windy pier open", LONG, LONG, credit).authors == ()


def test_a_wire_credit_names_writers_without_their_posts():
    article = make("Water Resilience Act vote delayed", LONG, LONG, "Written by Sophie Lambrecht, Freshwater Policy Officer")
    assert article.authors == ("Sophie Lambrecht",)


@pytest.mark.parametrize(
    ("deck", "names"),
    [
        ("Adviser Callum Reddy writes about a Monday list that ran from 9.45am until 4.30pm, and the", ["Callum Reddy"]),
        ("Tribunal clerk Marcus Devlin writes about running hybrid hearings in a regional office", ["Marcus Devlin"]),
        ("Chair Bethan Morgan looks back on a year of record membership and a new", ["Bethan Morgan"]),
        ("Tom Lindqvist writes from Sweden, in response to Monday's post about Buffalo:", None),  # a reader's letter
        ("The Committee writes about the plans for the new pool this year", None),
        ("Member Tam Robson spent four days at the festival on a volunteer's pass", None),
        ("Treasurer Keith Lowther sets out the figures for the year and what the new subscription pays for", ["Keith Lowther"]),
        ("Three scoring flights in a windy March put Priya Das top of the table. Club press officer Leon Whitcombe rounds up the month.",
         ["Leon Whitcombe"]),  # the deck's last sentence
        ("Dealers say a glut of ex-fleet vans has pushed prices down. Fleet manager Sam Okoro explains why now may be the time to buy.",
         None),  # a source the story quotes
    ],
)
def test_a_teasers_deck_names_its_writer_past_a_post_before_the_name(deck, names):
    assert deck_writer(deck) == names


def test_closing_notes_by_or_words_after_a_sentence_name_the_writer():
    assert closing_words_by("Notes by Deirdre Fenwick.") == ["Deirdre Fenwick"]
    assert closing_words_by("It first ran in our spring issue and is reprinted with permission. Words: Aoife Kinsella.") == ["Aoife Kinsella"]
    assert closing_words_by("Text: a summary of what the society does.") is None


def test_notes_by_over_a_copyright_line_name_the_writer():
    text = "A long note on the season's films, their makers and the reasons we chose them, as the society's notes always are."
    article = assemble((Block(1, "Late Spring (1949)"), Block(3, text), Block(5, "Notes by Deirdre Fenwick. © Deirdre Fenwick 2025.")), "d.txt")
    assert article.authors == ("Deirdre Fenwick",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Listing by wharfe_otter", ["wharfe_otter"]),
        ("Listing by alewife_kath · Last updated: 3 March 2026", ["alewife_kath"]),
        ("Listing by owner kettlewell_keith", ["kettlewell_keith"]),
        ("Setlist by bristol_ferrygirl", ["bristol_ferrygirl"]),
        ("Listing by Portishead Pool Trust", None),  # a group, no user
        ("Listing by owner", None),
        ("Listing by owner kestrel_morven (Morven Craig)", ["Morven Craig"]),  # the name the site shows after the handle
        ("Listing by wharfe_otter (3 listings)", ["wharfe_otter"]),  # a count, no name
    ],
)
def test_the_user_who_wrote_a_card_up(line, names):
    assert listed_by(line) == names


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("Listing by boldandbadger", "Bold & Badger Signs", None),  # the firm's own account
        ("Listing by owner ropewalksigns", "Ropewalk Signs", None),
        ("Listing by owner samokoye_tunes", "Sam Okoye Piano Tuning", ["samokoye_tunes"]),  # the owner's own name: a person
        ("Listing by owner shoreroad_kirsty", "Shore Road School of Motoring", ["shoreroad_kirsty"]),
        ("Listing by severnvyrnwy_dining", "Severn & Vyrnwy Dining Train", None),  # "&" spelled or left out
        ("Description written by kerenza_p", "Pengelly & Daughters", ["kerenza_p"]),
        ("Description written by the railway", "Dulas Valley Railway", None),
        ("Listing by owner jonty_birkett", "Jonty Birkett Walling", ["jonty_birkett"]),  # the owner's own name, the firm named after him
        ("Listing by borrowdale_slate_admin", "Borrowdale Slate & Stone", None),  # an "_admin" account
    ],
)
def test_a_handle_spelling_the_cards_name_is_the_firms_own_account(line, title, names):
    assert listed_by(line, title) == names


def test_an_events_teacher_or_leader_is_no_writer():
    for line in ("Taught by Fern Wilkinson", "Led by Ana Lima and Joost Hendriks", "Tutored by Bryn Evans"):
        assert led_names(line) is None, line
        assert make("Lampwork beads: two-day course", "Sat 21 – Sun 22 March · 10.00–16.00 · Flameworking Studio",
                    "Learn to wind, shape and decorate beads on a mandrel, then anneal them in the kiln overnight.",
                    line).authors == (), line


def test_a_directory_card_is_written_up_by_its_lister():
    card = assemble((Block(1, "The Wheatsheaf"), Block(2, "Georgian coaching inn on the market square with six handpumps and a quiz on Tuesdays."),
                     Block(3, "Listing by alewife_kath · Last updated: 3 March 2026")), "d.txt")
    assert card.authors == ("alewife_kath",)
