"""A mail's sign-off under its last section is the whole mail's: it ends no section and names no writer."""

from __future__ import annotations

from sitegen.split.boundary import Item
from sitegen.split.mailfoot import cut
from sitegen.split.text import Block
from tests.split_support import split_page

SECTION = "The extractor and the wax press can be borrowed for a week at a time, and must come back clean."


def test_a_mails_sign_off_under_its_last_section_is_outside_it_and_names_no_one():
    result = split_page("mail_sections_signed_off.txt")
    last = result.articles[-1]
    assert last.title == "FOR SALE AND WANTED"
    assert last.source.lines == (26, 30)  # to "Ads are free to members. …", its own closing line
    assert last.authors == ()  # the secretary signs the mail, not the small ads
    reasons = {d.line: d.reason for d in result.debris}
    assert all("sign-off" in reasons[n] for n in (32, 34, 35, 36))  # "That's all for March.", "Best wishes,", name, post


def _items(*sections: list[str]) -> tuple[list[Item], list[Block]]:
    blocks: list[Block] = []
    items = []
    for lines in sections:
        start = len(blocks)
        blocks += [Block(2 * len(blocks) + 1, text) for text in lines]
        items.append(Item(start, len(blocks), 1.0, ()))
    return items, blocks


def test_only_the_last_section_of_three_or_more_is_cut_and_only_under_a_signers_name():
    items, blocks = _items(["WINTER FEEDING", SECTION], ["APIARY", SECTION], ["NOTICES", SECTION, "Best wishes,", "Carys Mathias", "Hon. Secretary"])
    out, left = cut(items, blocks, [])
    assert [(it.start, it.end) for it in out] == [(0, 2), (2, 4), (4, 6)]
    assert [d.text for d in left] == ["Best wishes,", "Carys Mathias", "Hon. Secretary"]
    two = items[1:]
    assert cut(two, blocks, [])[0] == two  # two items: no mail's sections to tell apart
    unsigned = [*items[:2], Item(4, 7, 1.0, ())]
    assert cut(unsigned, blocks[:7], [])[0] == unsigned  # "Best wishes," over no name under it in the item: kept


def test_a_letter_that_greets_its_reader_and_a_page_of_signed_letters_keep_their_sign_offs():
    items, blocks = _items(["Changes to your account", "Dear Ms Adeyemi,", SECTION, "Yours sincerely,", "Hannah Greaves"],
                           ["Fees", SECTION], ["Privacy", "Dear member,", SECTION, "Kind regards,", "Owen Price"])
    assert cut(items, blocks, [])[0] == items  # (its greeting makes the last a letter)
    letters, blocks = _items(*([f"Letter {n}", SECTION, "Best wishes,", name] for n, name in enumerate(("Ann Ruddock", "Dev Patel", "Sian Lloyd"))))
    assert cut(letters, blocks, [])[0] == letters  # every letter signed: each sign-off its own letter's


def test_closing_words_over_the_signers_line_alone_are_the_mails_too():
    items, blocks = _items(["NEW IN HOVE", SECTION], ["PRICE CHANGES", SECTION],
                           ["STAIN OF THE MONTH", SECTION, "That's all for now. Reply to this email with a stain for next month.",
                            "Tom & the Bubbles team"])
    out, left = cut(items, blocks, [])
    assert out[-1].end == 6 and [d.text for d in left][-1] == "Tom & the Bubbles team"
