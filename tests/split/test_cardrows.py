from __future__ import annotations

from sitegen.split.cardrows import WHY, WHY_ABOVE, row_form
from tests.split_support import plan, split_page


def test_the_form_of_a_cards_row_is_its_label_and_its_date():
    assert row_form("NEWS RELEASE · 22 April 2027 · Radio") == ("caps", "date")
    assert row_form("PICTURE PUBLICITY · 19 April 2027") == ("caps", "date")
    assert row_form("13 OCT 2026 | Gin") == ("date", "words")
    assert row_form("Harbour Lights Radio extends its breakfast show to Saturdays") is None  # no row
    assert row_form("Home · About · Contact") is None  # a menu: no date


def test_a_cards_row_left_at_the_end_of_the_card_above_goes_with_the_card_under_it():
    result = split_page("press_centre_card_rows.txt")
    items = plan(result)
    assert items[:4] == [
        ((8, 10), "Harbour Lights Radio extends its breakfast show to Saturdays", ()),
        ((11, 13), "The Lighthouse Keepers: a four-part series on the last keepers of the coast", ()),
        ((16, 18), "Harbour Lights Radio publishes its annual listener survey", ()),
        ((19, 21), "Folk on the Quay returns for a summer of live sessions", ()),
    ]  # a gallery's row ("PICTURE PUBLICITY · 19 April 2027") is not the end of the release above it
    assert {d.line for d in result.debris if d.reason in (WHY, WHY_ABOVE)} >= {14, 22}  # it goes out with its gallery, which has no text


def test_rows_printed_under_the_cards_close_them():
    items = plan(split_page("listing_rows_under_cards.txt"))
    assert [lines for lines, _, _ in items] == [(8, 10), (11, 13), (14, 16), (23, 25), (26, 28)]
    # each card runs to its row of section and date under its text; "Free eye tests at the Galashiels
    # centre" over its row, with no text, is no item and takes nothing of the card under it


def test_a_card_left_out_takes_nothing_of_the_card_under_its_row():
    items = plan(split_page("listing_rows_over_cards_with_feet.txt"))
    assert [(lines, title) for lines, title, _ in items] == [
        ((7, 9), "Warrington RC wins the Ribble Head for the third year"),
        ((12, 14), "Lancaster RC opens its new boathouse after a decade of fundraising"),
        ((20, 22), "Para-rowing taster days a hit at Windermere"),
        ((25, 27), "Juniors head to the national championships"),
    ]  # "Regatta entries now open" with no text under its row is no item, and the next card starts at its own row
