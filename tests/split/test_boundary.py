"""boundary: where items start inside a segment, from the roles of its lines."""

from __future__ import annotations

from sitegen.split.boundary import has_running_text, items
from sitegen.split.roles import Role, classify
from sitegen.split.text import Block

LONG = "A paragraph of ordinary news text that goes on for a while and then ends properly, as paragraphs of articles do."


def articles(texts: list[str]):
    """Item line numbers of paragraphs written one blank line apart (lines 1, 3, 5…); reported as 1, 2, 3…"""
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    found = items(blocks, classify(texts), set())
    return [[(b.line + 1) // 2 for b in blocks[it.start : it.end]] for it in found]


def test_a_subheading_does_not_start_an_article():
    assert articles(["Title – Asia Times", LONG, "A subheading", LONG, "Another one", LONG]) == [[1, 2, 3, 4, 5, 6]]


def test_text_after_end_matter_is_another_article():
    bio = "Jane Hill is a lecturer in marine science at the University of Plymouth."
    cc = "This article is republished from The Conversation under a Creative Commons license."
    assert articles(["Harbour cranes return", LONG, bio, cc, "Second title of the day", LONG]) == [[1, 2, 3, 4], [5, 6]]
    assert articles(["Harbour cranes return", LONG, bio, cc, LONG + LONG]) == [[1, 2, 3, 4], [5]]


def test_a_title_with_a_known_publisher_starts_an_article():
    assert articles(["One – The Ledger", LONG, LONG, "Two – The Ledger", LONG]) == [[1, 2, 3], [4, 5]]
    assert articles(["One – The Ledger", LONG, LONG, "Two – Other Paper", LONG]) == [[1, 2, 3, 4, 5]]
    assert articles(["One – The Ledger", LONG, "Tram line to reach the airport | Other Paper", LONG]) == [[1, 2], [3, 4]]


def test_untitled_teasers_end_where_they_break_off():
    cut = LONG + " " + LONG[:-1] + " and the"
    assert articles([LONG, cut, cut, LONG]) == [[1, 2], [3], [4]]


def test_a_titled_text_does_not_break_at_a_cut_paragraph():
    cut = LONG + " " + LONG[:-1] + " and the"
    assert articles(["The old port reopens", LONG, cut, LONG]) == [[1, 2, 3, 4]]


TEASER = "Councillors voted on Tuesday night to restore Sunday hours at the branch, reversing a cut made last year."
HEADLINES = [
    "Council votes to keep Elm Street library open on Sundays",
    "Ferry operator blames engine fault for cancelled crossings",
    "Teachers at three primary schools vote to strike",
    "Fishmonger's stall at the covered market closes after 61 years",
]


def test_a_listing_without_separators_is_one_item_per_headline_and_its_items_are_teasers():
    texts = [line for headline in HEADLINES for line in (headline, TEASER)]
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    found = items(blocks, classify(texts), set())
    assert [(it.start, it.end) for it in found] == [(0, 2), (2, 4), (4, 6), (6, 8)]
    assert all(it.teaser for it in found)


def test_an_article_with_subheadings_is_one_item_and_not_a_teaser():
    para = LONG + " " + LONG  # article paragraphs are longer than a listing's teasers
    texts = ["Harbour cranes return to the old port", para, para, "What changes for the dockers", para, para,
             "Who pays for the repairs", para, para]
    assert articles(texts) == [list(range(1, 10))]
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    assert not items(blocks, classify(texts), set())[0].teaser


def test_a_headline_with_a_by_line_under_it_starts_an_item():
    texts = ["Harbour cranes return to the old port", "By Maria Costa", LONG, LONG,
             "Farmers warn of a poor harvest", "Jane Hill | The Ledger", LONG]
    assert articles(texts) == [[1, 2, 3, 4], [5, 6, 7]]


def test_signed_letters_end_at_their_signature():
    letter = "I was disappointed by your coverage of the rail strike. Not one of the workers was asked."
    texts = [letter, "Tom Ferris, Doncaster", letter, "Anne-Marie Cole, Sheffield", letter, "Brian Oduya, Attercliffe"]
    assert articles(texts) == [[1, 2], [3, 4], [5, 6]]


def test_blocks_of_adjacent_lines_start_items_at_their_headline():
    texts = ["Letters to the editor", "The new bus lanes will ruin the high street", LONG, "Margaret Ellis, Hexham",
             "A library is more than its books", LONG, "Priya Natarajan, Newcastle"]
    numbers = [1, 3, 4, 5, 7, 8, 9]  # a blank line before each block only
    blocks = tuple(Block(n, t) for n, t in zip(numbers, texts))
    found = items(blocks, classify(texts), set())
    assert [[blocks[i].line for i in range(it.start, it.end)] for it in found] == [[1], [3, 4, 5], [7, 8, 9]]


def test_a_weak_boundary_is_a_doubt_to_review_and_lowers_the_confidence():
    texts = ["Harbour cranes return to the old port", LONG, LONG, "Why the tram line is late", LONG + " " + LONG]
    blocks = tuple(Block(n, t) for n, t in zip([1, 3, 5, 8, 10], texts))  # a gap before line 8: something was removed
    found = items(blocks, classify(texts), set())
    doubts = [why for it in found for _, why in it.doubts]
    assert doubts and any("check" in why for why in doubts)
    assert min(it.confidence for it in found) < 1.0


def test_every_block_is_in_exactly_one_item():
    texts = ["Latest", *[line for headline in HEADLINES for line in (headline, TEASER)], "Share", LONG]
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    found = items(blocks, classify(texts), set())
    covered = [i for it in found for i in range(it.start, it.end)]
    assert covered == list(range(len(blocks)))


def test_a_headline_with_no_text_under_it_does_not_end_an_item():
    texts = ["Harbour cranes return to the old port", LONG, LONG, "Ferry timetable changes for the winter season"]
    assert articles(texts) == [[1, 2, 3], [4]]


def test_a_headline_over_one_paragraph_then_a_headline_is_a_teaser_then_another():
    texts = ["Harbour cranes return to the old port", LONG, "Tram line to reach the airport by 2027", LONG]
    assert articles(texts) == [[1, 2], [3, 4]]
    questions = ["Harbour cranes return to the old port", LONG, "Why did the work take so long?", LONG]
    assert articles(questions) == [[1, 2, 3, 4]]  # an interview's first question


def test_a_site_name_and_menu_above_the_first_headline_are_not_its_head():
    texts = ["The Allotment Diaries", "Home | About | Recipes", "Why my broad beans failed this year", LONG, LONG]
    assert articles(texts)[-1] == [3, 4, 5]


def test_a_headline_over_a_paragraph_that_opens_with_a_dateline_starts_an_item():
    opening = "LISBON, 2 May 2025 — Portugal produces half of the world's cork, most of it from oak trees in the south."
    texts = ["Harbour cranes return to the old port", LONG, LONG, "Cork forests and the wine bottle", opening, LONG]
    assert articles(texts) == [[1, 2, 3], [4, 5, 6]]
    assert articles(texts[:4] + [LONG, LONG]) == [[1, 2, 3, 4, 5, 6]]


def test_the_last_of_several_headlines_after_text_heads_the_next_item():
    texts = ["Harbour cranes return to the old port", *[LONG] * 6, "Read this too", "Bakers across the country raise prices",
             "The price of butter doubles in two years", LONG, LONG]
    assert articles(texts)[-1] == [10, 11, 12]


def test_a_by_line_at_the_top_and_another_persons_at_the_end_make_two_items():
    texts = ["The quiet revival of the neighbourhood cinema", "By Amira Haddad", LONG, LONG,
             "How one school got every pupil reading", LONG, LONG, "This article was written by Joseph Adeyemi."]
    assert articles(texts) == [[1, 2, 3, 4], [5, 6, 7, 8]]
    same = [*texts[:7], "Amira Haddad is a writer based in Leeds."]
    assert articles(same) == [[1, 2, 3, 4, 5, 6, 7, 8]]  # a by-line and the same person's bio


def test_a_caption_like_line_under_a_page_label_is_a_headline():
    assert classify(["MISLEADING", "Photo of flooded runway is from 2019, not this week"])[1] is Role.TITLE


def test_a_page_copyright_footer_is_not_an_item_nor_part_of_the_last_one():
    footer = "© 2025 Harbour Courier Ltd. All rights reserved. Registered in England."
    texts = ["Harbour cranes return to the old port", LONG, LONG, "Puzzles", "Crossword | Sudoku | Quiz", footer]
    found = articles(texts)
    assert found[0] == [1, 2, 3]
    assert not has_running_text([footer])
    assert has_running_text([LONG, footer])


def test_a_short_sentence_alone_is_a_notice_not_an_item():
    notice = "Please turn on JavaScript in your browser to get the best experience."
    assert not has_running_text([notice])
    assert has_running_text(["Two arrested after cash machine ripped from wall", notice])
    assert has_running_text([LONG])


def test_a_short_note_under_a_page_label_after_the_last_item_is_the_pages():
    note = "Bookshops across the city will open late on Friday."
    texts = ["Madrid's oldest bookshop celebrates 300 years", LONG, LONG, LONG, "Culture | Books", note]
    assert articles(texts)[0] == [1, 2, 3, 4]
    assert articles(texts[:4] + [note])[0] == [1, 2, 3, 4, 5]  # no label between: the item's last paragraph


def test_a_headline_over_a_second_headline_and_a_by_line_heads_its_item():
    sub = "Patients waiting more than a year for treatment down by a fifth, figures show"
    texts = ["Ferry fares to rise in May", LONG, LONG, LONG, "Hospital waiting lists fall", sub, "By Alice Morgan", LONG, LONG]
    assert articles(texts) == [[1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_two_short_items_in_a_row_are_teasers():
    texts = [
        "Oil price falls to lowest since 2021", "Brent crude fell below $70 a barrel for the first time in three years.",
        "What tariffs mean for your pension", "Stock market falls can be alarming, but most savers have decades to wait.",
    ]
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    found = items(blocks, classify(texts), set())
    assert [(it.start, it.end, it.teaser) for it in found] == [(0, 2, True), (2, 4, True)]
    assert not any(it.teaser for it in items(blocks[:2], classify(texts[:2]), set()))  # one alone: an article


def test_a_headline_shaped_line_over_figures_is_a_subheading():
    head = ["Morning briefing: miners lift shares as hopes grow", "Kieran Walsh, markets reporter", "Wednesday 26 November 2026"]
    figures = ["At a glance", "FTSE 100: 8,412.30 (+0.42%)", "FTSE 250: 20,115.84 (-0.11%)"]
    assert articles([*head, LONG, LONG, *figures, LONG]) == [list(range(1, 10))]
    dated = ["At a glance", "Thursday 27 November 2026"]
    assert articles([*head, LONG, LONG, *dated, LONG]) == [[1, 2, 3, 4, 5], [6, 7, 8]]


def test_the_same_title_over_a_new_date_is_the_next_of_a_series():
    title = "Corrections and clarifications"
    assert articles([title, "Thursday 20 November 2026", LONG, title, "Wednesday 19 November 2026", LONG]) == [[1, 2, 3], [4, 5, 6]]
    assert articles([title, "Thursday 20 November 2026", LONG, title, LONG]) == [[1, 2, 3, 4, 5]]


def test_too_little_text_for_an_item_is_no_item():
    assert not has_running_text(["Comments (14)", "Log in or register to join the conversation."])
    assert has_running_text(["Bus lane plan dropped after protest", "The council has dropped its plan for a bus lane on the high street after a petition."])


def test_end_matter_citing_the_article_stays_with_it():
    title = "Low-cost sensor network maps urban heat islands street by street"
    doi = "More information: Jon Pettersen et al, A dense sensor network, Urban Climate (2026). DOI: 10.1016/j.uclim.2026.102277"
    cited = f"Citation: {title} (2026, November 4) retrieved 5 November 2026 from https://news.example/2026-11-sensor.html"
    assert articles([title, "By Jon Pettersen", LONG, LONG, doi, "Provided by Technical University of Denmark", cited]) == [[1, 2, 3, 4, 5, 6, 7]]


def test_headlines_and_a_web_address_are_no_running_text():
    most_read = ["Most read in Health", "Walsall surgery hires pharmacists to ease pressure on GPs",
                 "Why are so many people waiting for hearing tests?", "Printed from https://www.record.example/news/health/hearing-tests-2291603"]
    assert not has_running_text(most_read)
    assert has_running_text([*most_read, "More than 9,000 people in the Midlands have waited longer than six weeks for a test."])


def test_a_note_on_the_person_named_in_the_end_matter_stays_with_the_item():
    rights = "Excerpted from The Salt Roads by Mira Okonjo. Copyright © 2026 by Mira Okonjo. Reprinted by permission."
    bio = "Mira Okonjo was born in Niamey and lives in Lyon. Her first novel, The Well Keeper, won the Prix du Sahel."
    assert articles(["The Salt Roads: an extract", LONG, LONG, rights, bio]) == [[1, 2, 3, 4, 5]]
    other = "Farmers in the valley say the new irrigation scheme has doubled their yields in two years."
    assert articles(["The Salt Roads: an extract", LONG, LONG, rights, other]) == [[1, 2, 3, 4], [5]]


def test_a_rights_notice_anywhere_in_a_line_is_no_running_text():
    footer = "Science Wire: Breaking Science News. Copyright 2026 Science Wire LLC. All rights reserved."
    assert not has_running_text(["Cite This Page:", "MLA", "APA", "Chicago", footer])
    assert has_running_text([LONG, footer])


def test_a_teaser_wrapped_at_a_text_browsers_width_holds_running_text():
    teaser = [
        "[12]Duty day diary: 31 cases, one adviser and a broken lift",
        "Friday 14 March 2025 · Diary",
        "Adviser Callum Reddy writes about a Monday list that ran from 9.45am until 4.30pm, and the",
        "tenant who arrived with a carrier bag of unopened letters. [13]",
    ]
    assert has_running_text(teaser)


def test_a_question_over_its_posters_row_is_no_paragraph():
    similar = ["Is it normal for a volunteer squad to require 4 shifts a month?",
               "firegirl_ct · May 12, 2025 · Replies 18 · Forum: Volunteer to Career"]
    assert not has_running_text(similar)
