"""cardfeet: the price, places and credit rows at the foot of an event's card are the card's."""

from __future__ import annotations

from sitegen.split.cardfeet import mend
from tests.split_support import plan, split_page


def test_the_price_and_credit_under_a_cards_text_are_the_cards_and_what_follows_the_credit_is_not():
    result = split_page("events_card_feet.txt")
    assert plan(result) == [
        ((8, 12), "Hedge-laying taster morning", ()),
        ((14, 18), "Seed swap and soup supper", ()),  # "Free entry · donations …" and "Organised by …" (naming no one)
        ((21, 24), "Spring lambing open afternoon", ()),  # "Adults £6 · children £3"
    ]
    assert 19 in {d.line for d in result.debris}  # "34 going" under the credit: the credit ends the card


def test_rows_under_a_blank_line_a_headline_with_a_price_and_a_button_stay_outside():
    texts = ["Thu 16 April · 7pm", "Meet the Butcher", "Our butcher breaks down a lamb.", "£28 · Booking required",
             "Real estate: Median home price in the area tops $450,000", "Book now"]
    numbers = [1, 2, 3, 5, 6, 7]  # a blank line over the price
    tags = ["B", "I", "I", "O", "O", "O"]
    mend(texts, numbers, [True] * 6, tags)
    assert tags == ["B", "I", "I", "O", "O", "O"]
    numbers = [1, 2, 3, 4, 5, 6]  # right under the text: the price is the card's, the headline and the button are not
    mend(texts, numbers, [True] * 6, tags)
    assert tags == ["B", "I", "I", "I", "O", "O"]
