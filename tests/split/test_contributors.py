"""A page of contributors' sections, each headed by its contributor's name, is one article."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.contributors import name_head

PICKS = [
    ("MAREK NOWICKI, novelist", "Sea of Grass by Anika Brandt (Text, $34.99)",
     "I have been saving this one since it came out in October. A family's farm between the wars, told by three generations."),
    ("TANIA WIRRPANDA-COLE, poet", "Country Is Speaking by Lorraine Gaykamangu (Magabala, $29.99)",
     "Essays on caring for country from across the Top End. I'll read it slowly, one essay a day, on the verandah."),
    ("ESTHER AND JACOB LEVY-MORGAN, booksellers", "The Long Shelf by Gideon Marr (Scribe, $32.99)",
     "We sell books for a living, so on holiday we read about selling books. Marr's history is gossipy and full of feuds."),
    ("DR RUTH ABERNETHY, GP and author of The Waiting Room", "The Quiet Ward by Hamish Cotter (Allen & Unwin, $34.99)",
     "A crime novel set in a country hospital in 1970s Tasmania, written by a retired nurse who knows where the bodies are."),
]
HEAD = ["Summer reading 2024: eight writers on the books they're packing for the beach",
        "From a Greek cookbook to a 900-page Russian novel, our contributors reveal what they'll be reading over the holidays.",
        "Compiled by Bridget O'Hara", "December 14, 2024"]


def test_names_heading_picks_under_an_articles_head_are_sections_of_one_article():
    lines = HEAD + [line for pick in PICKS for line in pick] + ["Have a book you're taking on holiday? Tell us in the comments."]
    articles = split_text("\n".join(lines), "picks.txt").articles
    assert [a.title for a in articles] == [HEAD[0]]
    assert all(pick[2][:40] in articles[0].body for pick in PICKS)


def test_signed_letters_are_no_page_of_contributors():
    letters = ["Letters to the editor", "Parking fines are a tax on the elderly",
               "The new pay-by-phone system in the Market Square car park is impossible for anyone without a smartphone.",
               "Peter Doyle, Castleford", "A thank-you to the staff of ward 4",
               "I spent eleven days on ward 4 of the General last month after a fall, and the nurses were kind and patient.",
               "Margaret Ellison, Millbrook", "Bring back the late bus",
               "Since the 23:10 service was cut, anyone working a late shift in town has to pay for a taxi home every night.",
               "Stan Whitworth, Castleford"]
    titles = [a.title for a in split_text("\n".join(letters), "letters.txt").articles]
    assert len(titles) == 3 and "Bring back the late bus" in titles


def test_a_name_head_is_a_persons_name_with_a_role_not_a_sentence_or_a_title():
    assert name_head("Olusegun Adeyemi")
    assert name_head("MAREK NOWICKI, novelist") and name_head("ESTHER AND JACOB LEVY-MORGAN, booksellers")
    assert not name_head("Sea of Grass by Anika Brandt (Text, $34.99)")
    assert not name_head("Marek Nowicki is reading a novel.")
