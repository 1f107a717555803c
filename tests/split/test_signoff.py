"""signoff: the sign-off that ends an item and the formula that opens one, as the tagger reads them."""

from __future__ import annotations

import pytest

from sitegen.split.roles import shape
from sitegen.split import split_text
from sitegen.split.signoff import letters, marks, opening, sign_off, under_name

LETTER = "I was disappointed by your coverage of the rail strike. Not one of the workers quoted was under fifty years old."
NEXT = "Your columnist asks why young people don't go to church. I am 24 and I go every week, as do thirty others my age."


def _marks(lines: list[str | None]) -> list[tuple[str, ...]]:
    return marks(lines, [shape(t or "") for t in lines])


@pytest.mark.parametrize("line", [
    "Tom Ferris, Doncaster", "Dr Helen Marsh, Rotherham", "Jane Hill (via email)", "— Bill", "Rosa (Staveley)",
    "Deborah and Mark Lund, Totley", "Keith Bramall",
])
def test_a_name_with_or_without_its_town_signs_a_letter(line):
    assert sign_off(line, shape(line))


@pytest.mark.parametrize("line", [
    "The council will meet again on Tuesday.", "Share this article", "Letters continue on page 14",
    "Planning and transport news from the ward", "3 March 2026",
])
def test_text_furniture_headlines_and_dates_sign_nothing(line):
    assert not sign_off(line, shape(line))


def test_the_line_after_a_signature_opens_the_next_item():
    found = _marks([LETTER, "Tom Ferris, Doncaster", NEXT, "Anne-Marie Cole, Sheffield"])
    assert found == [(), ("sign",), ("signed",), ("sign",)]


def test_a_town_under_the_name_is_part_of_the_signature():
    found = _marks([LETTER, "Tom Ferris", "Doncaster", NEXT])
    assert found == [(), ("sign",), ("sign+",), ("signed",)]


@pytest.mark.parametrize("address", ["Arrowhead Lake Road", "Lot 31, Otter Bay Road", "14 High Street"])
def test_a_street_address_under_the_name_is_part_of_the_signature(address):
    found = _marks([LETTER, "Jim Bertrand", address, NEXT])
    assert found == [(), ("sign",), ("sign+",), ("signed",)]


def test_a_name_that_does_not_follow_text_signs_nothing():
    # a name under a headline is a by-line, not the end of an item
    found = _marks(["Rail strike: what happens next", "Tom Ferris", NEXT])
    assert "sign" not in found[1] and "signed" not in found[2]


def test_lines_taken_out_are_skipped_but_keep_their_place():
    found = _marks([LETTER, "Tom Ferris, Doncaster", None, NEXT])
    assert found == [(), ("sign",), (), ("signed",)]


@pytest.mark.parametrize("line", [
    "Sir, your report on the bypass left out the cost of the new junction.", "Dear Editor, I write about the library.",
    "Q: Can I still get the discount if I pay by cheque?", "Question 3: what happens to my old meter?",
    "NAIROBI (Reuters) – Kenya's central bank held its main lending rate on Tuesday, as expected by analysts.",
    "LEEDS, 3 March — The city council approved the tram plan after a six-hour meeting that ran late into the night.",
])
def test_opening_formulas_of_a_new_item(line):
    assert opening(line, shape(line))


@pytest.mark.parametrize("line", [
    "The council says the tram will run by 2027.", "Sirens were heard across the city on Tuesday night.",
    "Questions remain about the cost of the scheme.", "Dear me, what a week it has been for the team.",
])
def test_ordinary_sentences_are_no_opening_formula(line):
    assert not opening(line, shape(line))


def test_a_heading_in_capitals_after_text_is_no_signature():
    found = _marks([LETTER, "HEDGEHOG HIGHWAYS", NEXT])
    assert found == [(), (), ()]


def test_a_heading_under_a_signature_with_its_town_is_not_taken_for_the_town():
    found = _marks([LETTER, "Sue Ashdown, Mill End", "Allotment News", NEXT])
    assert found == [(), ("sign",), ("signed",), ()]


LETTERS_PAGE = """Letters to the editor
Your views on the week's news
I was disappointed by your coverage of the rail strike. Not one of the workers quoted was under fifty, and the young staff I work with have the most to lose.
Tom Ferris, Doncaster
Your columnist asks why young people don't go to church. I am 24 and I go every week, as do about thirty others my age at St Luke's.
Anne-Marie Cole, Sheffield
Regarding your piece on the swimming baths: the pool was built with money raised by the people of Attercliffe in 1936, by subscription, street by street.
The council should remember that before it sells the land.
Brian Oduya, Attercliffe
May I, through your columns, thank the young man who found my late wife's purse on the 52 bus last Thursday and handed it in at the depot.
Keith Bramall, Hillsborough
Letters continue on page 14
"""


def test_a_page_of_signed_letters_with_nothing_between_them_is_one_article_per_letter():
    articles = split_text(LETTERS_PAGE, "letters.txt").articles
    signed = [(a.source.lines, a.authors) for a in articles if a.authors]
    assert signed == [
        ((3, 4), ("Tom Ferris",)), ((5, 6), ("Anne-Marie Cole",)), ((7, 9), ("Brian Oduya",)), ((10, 11), ("Keith Bramall",)),
    ]


def _letters(lines: list[str]) -> tuple[list[int], int]:
    described = marks(lines, [shape(t) for t in lines])
    roles = ["body" if shape(t).running else "byline" for t in lines]
    return letters(lines, described, roles, [shape(t).running for t in lines])


def test_each_sign_off_of_a_run_of_letters_opens_the_next():
    lines = [LETTER, "Tom Ferris, Doncaster", NEXT, "Anne-Marie Cole, Sheffield", LETTER, "Keith Bramall, Hillsborough", "See page 14"]
    assert _letters(lines) == ([0, 2, 4], 6)


def test_names_with_text_under_the_last_are_heads_of_a_listing_not_sign_offs():
    lines = [LETTER, "Ma La Lu, Northern Quarter", NEXT, "Pho Real, Fallowfield", LETTER, "Hearth, Levenshulme", NEXT]
    assert _letters(lines) == ([], 0)


def test_two_letters_are_no_page_of_letters():
    lines = [LETTER, "Tom Ferris, Doncaster", NEXT, "Anne-Marie Cole, Sheffield", "See page 14"]
    assert _letters(lines) == ([], 0)


def test_statements_headed_and_signed_by_the_same_names_are_no_letters():
    lines = [LETTER, "Priya Desai, Liberal Democrats", NEXT, "Priya Desai", LETTER, "Hazel Ng, Green Party", NEXT, "Hazel Ng", "See page 14"]
    assert _letters(lines) == ([], 0)


def test_a_post_under_a_name_signs_with_it():
    for post in ("Controller of Examinations", "Deputy Registrar (Examinations)", "Director of Public Health"):
        assert under_name(post, shape(post)), post
    assert not under_name("Results of the spring show", shape("Results of the spring show"))
    assert not under_name("Opening hours (summer)", shape("Opening hours (summer)"))
