"""directory: a directory's cards, a name over an address row each, are an item each or none."""

from __future__ import annotations

from sitegen.split.directory import mend, opens_card
from tests.split_support import plan, split_page


def test_each_card_with_text_is_an_item_from_its_name_to_its_credit_and_the_others_none():
    result = split_page("directory_cards_blank_lines.txt")
    assert plan(result) == [
        ((9, 14), "Tyne Valley Cycles", ("tynevalley_cycles",)),  # under its badge; its services between name and address
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
    assert mend(texts, numbers, [True] * 12, [False, False, False, True] * 3, tags) == []
    assert tags == ["B", "I", "I", "I"] * 3  # each event starts at its date row, as the tagger read it


def test_a_card_opens_with_its_name_over_its_address():
    assert opens_card(["Siop Gig y Dre", "Carmarthen · 0.8 miles", "Guild member since 2019"])
    assert opens_card(["NEW", "The Salt Store", "3 Quay Street, Wexbury WX1 4QS · Riverside ward"])
    assert opens_card(["Southern Cross Cheer Co.", "Woolloongabba QLD 4102"])
    assert not opens_card(["Licensing Act 2003: current applications", "This register lists applications."])


def test_cards_with_the_members_years_are_no_forum_thread_and_their_address_rows_name_no_one():
    result = split_page("directory_member_since_rows.txt")
    assert plan(result) == [
        ((6, 11), "Hereford Saddlery", ("hereford_saddlery",)),  # "Guild member since 2006" is no poster's profile
        ((13, 18), "Corve Dale Leather", ("corvedale_leather",)),
        ((20, 25), "Teme Valley Tack", ("temevalley_tack",)),  # "Tenbury Wells · 9.8 miles" is a place, no by-line
    ]
    assert not any("forum thread" in d.reason for d in result.debris)
