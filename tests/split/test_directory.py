"""directory: a directory's cards, a name over an address row each, are an item each or none."""

from __future__ import annotations

from sitegen.split.directory import mend, opens_card
from sitegen.split import split_text
from tests.split_support import plan, split_page


def test_each_card_with_text_is_an_item_from_its_name_to_its_credit_and_the_others_none():
    result = split_page("directory_cards_blank_lines.txt")
    assert plan(result) == [
        ((9, 14), "Tyne Valley Cycles", ()),  # under its badge; its services between name and address; "tynevalley_cycles" its own account
        ((25, 28), "Haltwhistle Cycle Hub", ("Ruth Armstrong",)),
        ((30, 33), "Prudhoe Pedal Co.", ()),  # printed right under the card above, no blank line between; "Co." ends no sentence
    ]
    left = {d.line for d in result.debris}
    assert {15, 29} <= left  # the rows of buttons under the cards
    assert {17, 18, 19, 21, 22, 23} <= left  # a shop no longer trading, an address with no text: no items
    assert result.articles[0].kind.value == "fragment"  # a card stands for the place's own page


def test_an_events_date_row_over_its_name_and_venue_is_no_card_cut():
    texts = ["Sat 4 April 2026", "Malvern Spring Congress", "Malvern Cube, Albert Road North, Malvern WR14 2YF",
             "Five-round Swiss in four sections, rated for the national grading list.",
             "Sat 11 April 2026", "Cheltenham Junior Rapidplay", "Pittville School, Cheltenham GL52 3JD",
             "Seven rounds of twenty minutes each, with medals for everyone who plays.",
             "Sat 18 April 2026", "Stroud Congress", "Subscription Rooms, Stroud GL5 1AE", "A weekend of chess in three sections."]
    numbers = [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14]
    tags = ["B", "I", "I", "I", "B", "I", "I", "I", "B", "I", "I", "I"]
    assert mend(texts, numbers, [True] * 12, [False, False, False, True] * 3, tags).starts == []
    assert tags == ["B", "I", "I", "I"] * 3  # each event starts at its date row, as the tagger read it


def test_a_card_opens_with_its_name_over_its_address():
    assert opens_card(["Siop Gig y Dre", "Carmarthen · 0.8 miles", "Guild member since 2019"])
    assert opens_card(["NEW", "The Salt Store", "3 Quay Street, Wexbury WX1 4QS · Riverside ward"])
    assert opens_card(["Southern Cross Cheer Co.", "Woolloongabba QLD 4102"])
    assert not opens_card(["Licensing Act 2003: current applications", "This register lists applications."])


def test_cards_with_the_members_years_are_no_forum_thread_and_their_address_rows_name_no_one():
    result = split_page("directory_member_since_rows.txt")
    assert plan(result) == [
        ((6, 11), "Hereford Saddlery", ()),  # "Guild member since 2006" is no poster's profile; "hereford_saddlery" the firm's account
        ((13, 18), "Corve Dale Leather", ()),
        ((20, 25), "Teme Valley Tack", ()),  # "Tenbury Wells · 9.8 miles" is a place, no by-line
    ]
    assert not any("forum thread" in d.reason for d in result.debris)


def test_names_over_rows_of_facts_each_credited_are_cards_not_a_forums_posts():
    result = split_page("directory_member_profiles_facts.txt")
    assert plan(result) == [
        ((8, 12), "Aled Corrigan", ()),  # "Hexham · Long straw, water reed, ridging": no address known, a row of facts
        ((14, 18), "Tynedale Thatching Co-operative", ()),
        ((25, 29), "Morag Quennell", ()),  # (Hollin Roofcraft, with buttons and no text, is no item)
        ((31, 35), "Cheviot Thatch & Ridge", ()),  # not "Not listed? Members can log in …" under it
    ]
    assert {a.kind.value for a in result.articles} == {"fragment"}
    assert not any("forum" in d.reason or "reply" in d.reason for d in result.debris)


def test_a_town_with_half_a_postcode_is_an_address_and_a_rating_among_buttons_is_a_button_row():
    assert opens_card(["Clifton Piano Rooms", "Clifton, Bristol BS8 · Open today until 5pm"])
    assert opens_card(["Sam Okoye Piano Tuning", "Easton, Bristol BS5"])
    assert opens_card(["2. Sam Okoye Piano Tuning", "Easton, Bristol BS5"])  # a result's number before the name
    assert not opens_card(["Sam Okoye Piano Tuning", "Easton, Bristol"])
    texts = ["Clifton Piano Rooms", "Clifton, Bristol BS8 · Open today until 5pm",
             "Tuning from £80. We also hire pianos for weddings and sell reconditioned uprights.", "Listing by piano_jo",
             "4.9 ★ (131) · Reviews (131) · Add a review",
             "Avon Keyboard Services", "Bedminster, Bristol BS3", "No reviews yet · Add a review",
             "Chloë Barrington", "Redland, Bristol BS6", "I tune acoustic pianos of every age and advise on buying one.",
             "No reviews yet · Add a review"]
    numbers = [1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14]
    tags = ["B"] + ["I"] * 11
    assert mend(texts, numbers, [True] * 12, [False, False, True, False, False] + [False] * 5 + [True, False], tags).starts == [0, 8]
    assert tags == ["B", "I", "I", "I", "O", "O", "O", "O", "B", "I", "I", "O"]  # each card over its buttons; one with none, no item


def test_a_directorys_numbered_cards_are_cards_not_a_ranked_lists_entries():
    text = "\n".join([
        "Piano tuners near Bristol", "",
        "1. Clifton Piano Rooms", "Clifton, Bristol BS8 · Open today until 5pm",
        "Tuning from £80. We also hire pianos for weddings and sell reconditioned uprights with a warranty.",
        "Listing by piano_jo", "4.9 ★ (131) · Reviews (131) · Add a review", "",
        "2. Avon Keyboard Services", "Bedminster, Bristol BS3", "4.2 ★ (11)", "",
        "3. Chloë Barrington Tuning", "Redland, Bristol BS6",
        "I tune acoustic pianos of every age and can advise on buying secondhand, in English or in French.",
        "Listing by chloe_b_tuning (Chloë Barrington)", "No reviews yet · Add a review", "",
        "4. Harbourside Music Repairs", "Hotwells, Bristol BS1",
        "Guitars, brass and woodwind, plus piano tuning by appointment on weekday afternoons.", "Last updated: 3 weeks ago", "",
    ])
    result = split_text(text, "tuners.txt")
    assert plan(result) == [
        ((3, 6), "Clifton Piano Rooms", ("piano_jo",)),  # to its credit, its rating and buttons outside
        ((13, 16), "Chloë Barrington Tuning", ("Chloë Barrington",)),  # (Avon, a rating and no text, is no item)
        ((19, 22), "Harbourside Music Repairs", ()),
    ]


def test_cards_whose_address_row_is_a_town_and_a_telephone_number_and_whose_credit_says_when_it_was_checked():
    result = split_page("directory_phone_rows_checked_credits.txt")
    assert plan(result) == [
        ((11, 16), "Aller Reed Thatching", ()),  # "Information written by the company": no one
        ((18, 23), "Kerry Pennell", ("Kerry Pennell",)),  # "Listing by reedwoman_kp (Kerry Pennell)"
        ((35, 40), "Huish Combed Wheat", ("huish_cw",)),  # "Description written by huish_cw"
    ]
    assert all(a.kind.value == "fragment" for a in result.articles)
    left = {d.line for d in result.debris}
    assert {25, 26, 27} <= left  # a firm's name, town and trades with no text: no item
    assert {29, 30, 31, 32, 33} <= left  # "Fully booked …" over its checked line: a status, no item


def test_a_row_of_a_town_and_a_telephone_number_opens_a_card_and_a_credit_line_is_no_description():
    assert opens_card(["Aller Reed Thatching", "Aller, South Somerset · 01458 555 201"])
    assert opens_card(["Leeds Thatch", "Leeds · +44 (0)113 496 0000"])
    assert opens_card(["Dulas Valley Railway", "Cwm Dulas, Carmarthenshire · Standard gauge · 4½ miles"])
    assert not opens_card(["Aller Reed Thatching", "Call us on 01458 555 201"])  # a sentence of the text, no row
    assert not opens_card(["Match report", "Rovers 2 · United 1"])
