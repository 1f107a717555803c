"""roles: the role of each line, from its shape, its neighbours and how often it recurs."""

from __future__ import annotations

import importlib
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import memo
from sitegen.split import roles as role_module
from sitegen.split.roles import (
    END_SECTION,
    Repeats,
    Role,
    byline_names,
    classify,
    date_line,
    first_name,
    furniture_reason,
    headline_score,
    heads_an_item,
    is_label,
    meta_row,
    person,
    role_of,
    shape,
    signature,
    stop_words,
)
from sitegen.split.text import BULLET, NUMBERED, RULE, TABLE_ROW, TIMECODE
from tests.split_support import corpus_lines

PROSE = "The council approved the new budget late on Tuesday after a debate that lasted most of the day and ended in a vote."


def test_stop_words_come_from_the_jusText_lists():
    words = stop_words("English")
    assert {"the", "of", "and", "which"} <= words
    assert len(words) > 300  # jusText's list, not the small built-in one
    assert "haus" not in words and "der" in stop_words("German")


def test_running_text_has_more_stop_words_than_a_headline():
    assert shape(PROSE).stop_density >= 0.3
    assert shape("Harbour Authority Approves Dredging Of Inner Channel").stop_density < shape(PROSE).stop_density
    assert shape("Harbour Authority Approves Dredging").capitalised == 1.0


def test_headline_shape():
    assert headline_score("Farmers warn of poor wheat harvest after a dry spring") >= 0.5
    assert headline_score("Will the ceasefire hold?") >= 0.5
    assert headline_score("Why Copenhagen's harbour is clean enough to swim in") >= 0.5
    assert headline_score(PROSE) == 0.0  # a sentence with its full stop
    assert headline_score("Spending on schools will rise, while the") == 0.0  # breaks off
    assert headline_score("“It's like a puzzle. And when it works, everyone claps.”") == 0.0  # a quoted sentence
    assert headline_score("uring the war the town") == 0.0  # a word cut in two
    assert headline_score("D") == 0.0
    assert headline_score("TYPHOID AT BALLARAT EAST.") >= 0.5  # an old paper's headline in capitals, closed by a stop
    assert headline_score("THE FEVER SEASON. STATE OF THE HOSPITALS.") >= 0.5
    assert headline_score("The fever season is here.") == 0.0
    assert headline_score("« Le droit de rester » / The right to stay") >= 0.5  # French spacing inside the guillemets
    assert headline_score("Officers will carry out speed checks at Broad Oak and Nantgaredig. Reporting by Mererid Thomas") == 0.0
    # (a teaser's text with its writer's credit after the stop)
    assert headline_score("Storm hits the coast. Roads closed") >= 0.5


def test_the_roles_of_an_item_head_and_its_end():
    lines = [
        "Harbour authority approves dredging of the inner channel",
        "Jane Hill | The Ledger",
        "March 3, 2025",
        PROSE,
        "Cranes on the quay. Photo: Ana Lima / The Ledger",
        PROSE,
        "Reporting by Aisha Kamara in London; Editing by Mark Potter",
        "This article is republished from The Conversation under a Creative Commons license.",
    ]
    assert classify(lines) == (
        Role.TITLE, Role.BYLINE, Role.DATELINE, Role.BODY, Role.CAPTION, Role.BODY, Role.CREDIT, Role.LICENCE,
    )


def test_a_name_alone_under_a_headline_is_its_by_line_but_not_in_the_text():
    assert classify(["The lost art of mending", "Esther Abara", PROSE])[1] is Role.BYLINE
    assert classify([PROSE, "Esther Abara went home.", PROSE])[1] is Role.BODY


def test_by_lines_in_their_usual_forms():
    assert byline_names("By Maria Costa") == ["Maria Costa"]
    assert byline_names("Jane Hill | The Ledger") == ["Jane Hill"]
    assert byline_names("Analysis · By Owen Pryce · 9 May 2025") == ["Owen Pryce"]
    assert byline_names("Posted on June 18, 2025 by Fiona MacLeod") == ["Fiona MacLeod"]
    assert byline_names("This article was written by Joseph Adeyemi, education correspondent.") == ["Joseph Adeyemi"]
    assert byline_names("Ben CarterUpdated 14 April 2025, 10:32am") == ["Ben Carter"]
    assert byline_names("MARCUS WEBBMarch 9, 2025") == ["Marcus Webb"]
    assert byline_names("Mia Tran and Lachlan O'RourkeMarch 12, 2025") == ["Mia Tran", "Lachlan O'Rourke"]
    assert byline_names("Hull and Leeds March 3, 2025") is None  # places, not people
    assert byline_names("Dr Sunita Rao, Health editor", after_title=True) == ["Sunita Rao"]
    assert byline_names("Budget talks resume on Monday") is None
    assert heads_an_item("Jane Hill | The Ledger") and not heads_an_item("Jane Hill is a lecturer at Leeds.")


def test_names_alone_under_a_headline_with_remarks_or_a_place():
    assert byline_names("Grace Hill (now) and Dan Sutton (earlier)", after_title=True) == ["Grace Hill", "Dan Sutton"]
    assert byline_names("Callum Reid at Meadow Lane", after_title=True) == ["Callum Reid"]
    assert byline_names("Jane Hill, Tom Baker and Ann Lee", after_title=True) == ["Jane Hill", "Tom Baker", "Ann Lee"]
    assert byline_names("Sophie Laurent, Université de Lyon", after_title=True) == ["Sophie Laurent"]
    assert byline_names("Riverside 2-1 Harbour Town", after_title=True) is None
    assert byline_names("Callum Reid at Meadow Lane") is None  # in the text: a caption, perhaps


def test_a_row_with_a_worded_date_among_its_parts_is_a_date_line():
    assert date_line("Closes 24 April 2026")
    assert date_line("Consultation · Open · Closes 24 April 2026")  # a search result's type, status and deadline
    assert not date_line("Consultation · Open · Response form")


def test_a_row_with_a_month_and_its_year_among_its_labels_is_a_date_line():
    assert date_line("March 2026 | Borders & perennials")  # a listing's date row over a teaser
    assert date_line("Feb 2026 · Wildlife")
    assert not date_line("March 2026")  # a month alone: an archive's heading
    assert not date_line("March Madness | Sport")


def test_a_channels_post_row_with_its_date_in_brackets_is_a_date_line():
    assert date_line("Kochi Chronicle, [14.01.2025 08:40]")
    assert not date_line("Minutes of the meeting [draft]")


def test_a_markdown_heading_is_read_as_its_words():
    lines = ["# Screen awards live: Wattle Road wins best film as Mele Tupou makes history", "By Kerryn Tate",
             "Live updates from the awards at the Hordern Pavilion, where the Western Sydney drama led the nominations with 14."]
    assert classify(lines)[:2] == (Role.TITLE, Role.BYLINE)
    mail = ["Thank you for reading, and for the messages you send us. We read all of them, every week.",
            "** The prisoners who came home to nothing",
            "Since last summer, more than 250 political prisoners have been pardoned and released. For many, freedom has meant poverty."]
    assert classify(mail)[1] is Role.TITLE  # a plain-text mail's heading marks


def test_a_reviewers_rating_in_stars_is_no_part_of_the_by_line():
    assert byline_names("Review by Nadia Ferreira ★★★★½") == ["Nadia Ferreira"]
    assert byline_names("By Ana Silva ★★★") == ["Ana Silva"]
    assert byline_names("★★★★") is None


def test_by_lines_of_several_people_glued_to_a_date():
    assert byline_names("Amina Yusuf and Daniel Otieno · 29 Oct 2026") == ["Amina Yusuf", "Daniel Otieno"]
    assert heads_an_item("Amina Yusuf and Daniel Otieno · 29 Oct 2026")


def test_a_trail_of_links_is_a_label():
    assert is_label("Home › Courts › Appeals") and not is_label("Courts › the appeal was heard on Monday by three judges")
    assert not is_label("★ 4.9 (318) · Northern Quarter · 0.3 mi") and not is_label("4.7★ · Ancoats · 0.6 mi")  # a card's rating row


def test_signatures_and_by_lines_with_initials_or_affiliations():
    assert signature("J.R. Hartley, Oldham") == ["J.R. Hartley"]
    line = "Eleanor Whitfield-Brown, Senior Lecturer in Veterinary Science, University of Bristol"
    assert byline_names(line, after_title=True) == ["Eleanor Whitfield-Brown"]


def test_by_lines_glued_to_a_reading_time_or_among_a_date_and_counts():
    assert byline_names("Maria Costa 3 min read") == ["Maria Costa"]
    assert byline_names("Élise Kovalenko-Roy · 1,700 words") == ["Élise Kovalenko-Roy"]  # a card's length in words
    assert byline_names("Siobhán Kearney and Aleksander Nowak · 2,900 words") == ["Siobhán Kearney", "Aleksander Nowak"]
    assert byline_names("by Desmond BlakeMarch 8, 2025") == ["Desmond Blake"]  # after its lead, glued to the date
    assert byline_names("by Kemar Shaw-WilliamsDecember 12, 2024") == ["Kemar Shaw-Williams"]
    assert byline_names("March 3, 2025 | Leah Morgan | 14 Comments") == ["Leah Morgan"]
    assert byline_names("Maria Costa, João Silva and Ana Reis | The Harbour Times", after_title=True) == [
        "Maria Costa", "João Silva", "Ana Reis"
    ]
    assert byline_names("Written by Grace Achieng, Communications Officer, Kenya") == ["Grace Achieng"]
    assert byline_names("This story was reported by Maria Costa.") == ["Maria Costa"]
    assert byline_names("Sport | Tennis | 14 Comments") is None


def test_signatures_with_a_valediction_or_a_title_and_an_institution():
    assert signature("Yours sincerely, Maria Costa") == ["Maria Costa"]
    assert signature("Maria Costa, Professor of History, University of Lisbon") == ["Maria Costa"]
    assert signature("Maria Gonzalez, County Clerk") == ["Maria Gonzalez"]
    assert signature("Gwyneth Davies, teacher who taught a town to sing, dies at 101") is None
    assert signature("Mr Pilling, a retired teacher and keen club rider, died at the scene.") is None


def test_a_group_under_a_headline_is_its_by_line():
    assert classify(["Flooding forces hundreds from homes", "Staff and agencies", PROSE])[1] is Role.BYLINE


def test_relative_dates_are_date_lines():
    assert classify(["Ferries go electric", "Published 3 days ago", PROSE])[1] is Role.DATELINE


def test_signatures_of_letters():
    assert signature("Margaret Ellis, Hexham") == ["Margaret Ellis"]
    assert signature("Dr Helen Marsh, Rotherham") == ["Helen Marsh"]
    assert signature("Deborah and Mark Lund, Totley") == ["Deborah Lund", "Mark Lund"]
    assert signature("— Leesee Arnaquq, for Sivumut News") == ["Leesee Arnaquq"]  # a correspondent signing for the paper
    assert signature("Yours, Ned Aske, Bowmen of Wigmore") == ["Ned Aske"]
    assert signature("— Jonas Whitfield, Lead Forecaster, with the forecasting team") == ["Jonas Whitfield"]  # the team names no one
    assert signature("— The forecasting team") is None
    assert signature("— Marc-André Fortier, her nephew and a member of the Montreal branch") == ["Marc-André Fortier"]  # under a dash, who they are
    assert signature("— Paris, the city of light and of the long lunch") is None  # a place under a dash signs nothing
    assert signature("— Siobhán Kearney, 14.03.2025") == ["Siobhán Kearney"]  # signed and dated
    assert not first_name("Registrar") and first_name("Rosa")  # a notice signed by an office names no one
    assert byline_names("PRESS RELEASE", after_title=True) is None  # a kind of text, not a name
    assert byline_names("By [11]Teresita Villanueva-OcampoJune 4, 2024 · 8 min read") == ["Teresita Villanueva-Ocampo"]  # a text browser's link number
    assert byline_names("By [Tobias Lindqvist](https://kestrelmag.example/contributors/tobias-lindqvist) · 11 min read") == [
        "Tobias Lindqvist"]  # a Markdown link's text
    assert byline_names("Chiara Lombardi, Yusuf Demir, Hye-jin Park, et al.", after_title=True) == [
        "Chiara Lombardi", "Yusuf Demir", "Hye-jin Park"]  # a paper's authors
    assert byline_names("Nomvula Dlamini1, Samuel Kiprono2, Carmen Villalobos3", after_title=True) == [
        "Nomvula Dlamini", "Samuel Kiprono", "Carmen Villalobos"]  # their affiliations' numbers
    assert byline_names("Mereana Tipene-Hall, MB ChB, and Daniel Okoro, MD, PhD", after_title=True) == [
        "Mereana Tipene-Hall", "Daniel Okoro"]  # their degrees
    assert byline_names("New York, Los Angeles, San Diego", after_title=True) is None
    assert byline_names("Reviewed by Nadia Haddad, head of chemistry, St Aidan's Academy, Bolton") == ["Nadia Haddad"]  # post, school, town
    assert furniture_reason("By [Tobias Lindqvist](https://kestrelmag.example/contributors/t-lindqvist) · 11 min read") is None
    assert byline_names("Answered by Master Gardener volunteer Carol Ann Bixby · June 16, 2025") == ["Carol Ann Bixby"]  # a post before the name
    assert byline_names("記者 Reporter: Chan Ka-yan") == ["Chan Ka-yan"]  # the label in two scripts
    assert byline_names("Log compiled by Watch Leader Ana Fifita from the trainees' daily entries") == ["Ana Fifita"]
    assert byline_names("Prepared by: Mwila Chanda (Senior Research Officer) and Bwalya Mulenga-Phiri") == ["Mwila Chanda", "Bwalya Mulenga-Phiri"]
    assert byline_names("Leader and report: Margaret Holt · 9 walkers · 8 miles") == ["Margaret Holt"]
    assert byline_names("Illustrated by Staff Artist Jim Bell") is None  # no writer
    assert byline_names("Student Rabbi Noa Feld · Parashat Emor · 17 May 2025") == ["Noa Feld"]  # the row led by its writer
    assert byline_names("Cantor Eli Rosenbaum · Elul reflection · 30 August 2025") == ["Eli Rosenbaum"]
    assert byline_names("Analysis · Business · 3 March 2025") is None
    assert signature("Lt Gen (Retd) Sir Andrew Hale, Chairman of Trustees") == ["Andrew Hale"]
    assert signature("Jolene Sturgeon, 4-H Youth Development") == ["Jolene Sturgeon"]  # a unit opening with a figure
    assert byline_names("Answered by Dr Mei Lin Zhou, marine ecologist, James Cook University") == ["Mei Lin Zhou"]
    assert byline_names("Phoned through by Hannah Moir, typed up at home by her sister Ellie") == ["Hannah Moir"]
    assert not byline_names("Motion by Councilmember Halvorsen, seconded by Councilmember Becker, to adjourn at 7:18 p.m. Motion carried 5-0.")
    assert signature("Jane Hill, 12 Main Street") == ["Jane Hill"]  # a letter signed with its address
    assert person("Diego R.") == "Diego R." and byline_names("By Camila T. and Jayden M.") == ["Camila T.", "Jayden M."]  # a last initial keeps its stop
    assert byline_names("Élodie Gagnon, Farid Haddad and Wen Li · 3 February 2026", after_title=True) == ["Élodie Gagnon", "Farid Haddad", "Wen Li"]
    assert byline_names("Supported by Arts Council England") != ["England"]  # a funder, not a post and a name
    assert person("Theresa May") and person("Sally Field") and not person("Part Two") and not person("Two Crow")
    assert signature("Globalization and Internet Safeguards") is None
    assert signature("ASSESSING CHINA’S Goes") is None


def test_the_head_of_a_tag_or_category_page_is_furniture_in_any_language_and_under_crumbs():
    for head in ("Category Archives: Assessment", "Étiquette : bijoux Art déco", "Catégorie : Prévention des incendies",
                 "News › Tag: Trafnidiaeth / Transport", "Home > News > Category: Sport", "Schlagwort: Fachwerk"):
        assert furniture_reason(head), head
    assert furniture_reason("Tagged at last: the ringing team's first osprey") is None  # a headline


def test_furniture_by_shape_and_by_repetition():
    assert furniture_reason("Share our publication on social media") == "call to action of the site"
    assert furniture_reason("Share our p") == "call to action of the site"  # cut off
    assert furniture_reason("D") is not None
    assert furniture_reason("Tags: broad beans, pests, soil") is not None
    assert furniture_reason("— Gareth", 4) is None  # a blogger's signature under each post recurs, and is no furniture
    assert furniture_reason("-- Jo", 4) is None  # nor an editor's of two letters under each part of a newsletter
    assert furniture_reason("-- Hi", 4) is not None
    assert furniture_reason("More news", 4) is not None
    assert furniture_reason("Follow the money: how the port was sold") is None  # a headline, not a call to action
    assert furniture_reason("Comment: Stop calling it 'content'. Readers can tell") is None  # a kicker glued to a headline
    assert furniture_reason("Comment on Facebook") == "call to action of the site"
    assert furniture_reason("Comment submitted date: Wed 26 Feb 2025") is None  # a record's field: its value a date
    assert furniture_reason("Comment: I live directly opposite the yard. Six houses means more cars in") is None  # wrapped, not cut off
    assert furniture_reason("Show notes by Niamh Ó Súilleabháin") is None  # a credit, not "Show more"
    assert furniture_reason("Rhannu / Share: Facebook · X · WhatsApp") is not None  # under a label in Welsh too
    assert furniture_reason("SIVUMUT NEWS · March 14, 2025 · Page 4") is not None  # a print page's running head
    assert furniture_reason("Page 3 | The Dispatch") is not None
    assert furniture_reason("THE HARBOUR TIMES · Page 4") is not None
    assert furniture_reason("Kamau Njoroge · Page 1") is None  # a print edition's index: who wrote the story, on which page
    assert byline_names("Nyambura Gichuki and Abdi Hassan Farah · Pages 1, 6-7") == ["Nyambura Gichuki", "Abdi Hassan Farah"]
    assert furniture_reason("Browse by month: January 2025 | February 2025 | March 2025") is not None
    assert furniture_reason("The answer is on Page 4") is None
    assert furniture_reason("Politics", repeats=3) == "recurs 3 times in the dump"
    assert furniture_reason("Politics", repeats=1) is None
    assert furniture_reason("— Marcus Feld", repeats=4) is None  # a writer signing each entry of a live page
    assert furniture_reason("March 3, 2025", repeats=5) is None  # dates recur on a listing page
    assert furniture_reason("The secret life of lighthouses", repeats=3) is None  # a paginated article's title


def test_an_address_for_readers_is_furniture_unless_the_item_says_something_before_it():
    assert furniture_reason("Send your match reports to sport@dalesgazette.example please") == "a note to readers with the site's address"
    assert furniture_reason("Got a question? Email us at help@example.org") == "a note to readers with the site's address"
    told = "Tea, coffee and biscuits provided. Email membership@severnsound.example.org.uk to let us know you're coming, or just turn up."
    assert furniture_reason(told) is None  # the notice's own last lines


def test_repeats_count_text_and_bytes_alike_in_bounded_memory():
    lines = ["Politics", "A long line " * 30, "Politics", "  Politics  ", "Other"]
    from_text = Repeats.of_lines(lines)
    from_bytes = Repeats.of_lines(io.BytesIO("\n".join(lines).encode()))
    for counts in (from_text, from_bytes):
        assert counts.count("Politics") == 3
        assert counts.count("Other") == 1
        assert counts.count("A long line " * 30) == 1  # long lines are never counted
    assert len(from_text._counts) == 1 << Repeats.BITS


def test_a_print_pages_running_head_recurs_whatever_its_page_number():
    head = "Stock Notes · Spring 2025"
    lines = [f"{head}{' ' * 40}2", PROSE, f"3{' ' * 40}{head}", PROSE, f"{head}{' ' * 40}4", "Teal      12", "Teal      30"]
    counts = Repeats.of_lines(lines)
    assert counts.count(f"{head}{' ' * 40}4") == 3
    assert furniture_reason(f"{head}{' ' * 40}5", counts.count(f"{head}{' ' * 40}5")) == "recurs 3 times in the dump"
    assert counts.count(head) == 1  # the same words with no page number are another line
    assert counts.count("Teal      30") == 1  # a table's rows differ in their figures, not a running head


def test_a_line_at_the_edge_of_each_printed_page_recurs_whatever_its_page_number():
    pages = [["Chronicle 88 · 1", PROSE, "Chapter 1"], ["Chronicle 88 · 2", PROSE, "Chapter 2"],
             ["Chronicle 88 · 3", "Chapter 3", PROSE], ["4 · Chronicle 88", PROSE]]
    lines = "\n\f".join("\n".join(page) for page in pages).split("\n")
    counts = Repeats.of_lines(lines)
    assert counts.count("Chronicle 88 · 5") == 4
    assert counts.count("Chapter 4") == 1  # a heading's one word and number is no running head
    flat = Repeats.of_lines([line.lstrip("\f") for line in lines])
    assert flat.count("Chronicle 88 · 3") == 1  # no form feed, no wide gap: nothing says these lines head pages

def test_headline_shaped_lines_in_a_row_are_a_list_not_headlines():
    texts = ["Slow-roast lamb with freekeh", PROSE, "1 lamb shoulder on the bone", "4 garlic cloves, crushed",
             "2 tbsp pomegranate molasses", "Juice of 1 lemon", PROSE]
    roles = classify(texts)
    assert roles[0] is Role.TITLE
    assert all(r is Role.BODY for r in roles[2:6])
    assert classify(["Harbour cranes return to the port", "Dock workers say the ships will follow", PROSE])[:2] == (Role.TITLE, Role.TITLE)


def test_a_chapter_time_code_is_a_list_item_not_a_headline():
    assert headline_score("03:12 How many containers are really lost each year") == 0.0
    assert headline_score("[00:48] The vote, and what was promised") == 0.0


def test_by_lines_with_a_role_before_by():
    assert byline_names("Fact-checked by Chiamaka Obi") == ["Chiamaka Obi"]
    assert byline_names("Report by club secretary Jim Bell") == ["Jim Bell"]
    assert byline_names("Reviewed by: Peter Mwangi, deputy editor") == ["Peter Mwangi"]
    assert byline_names("Stand by your man") is None
    assert byline_names("by Guest Trainer Mairi Sutherland") == ["Mairi Sutherland"]  # a guest's role is no part of the name
    assert byline_names("By Guest Author Jo Bloggs") == ["Jo Bloggs"]


def test_a_month_that_is_a_first_name_signs_a_letter():
    assert signature("June Abernathy, Upper Fold") == ["June Abernathy"]
    assert classify([PROSE, "June Abernathy, Upper Fold"])[1] is Role.BYLINE


def test_short_commands_and_notes_to_readers_are_furniture():
    for line in ("Write to us", "Show newest first", "View this email in your browser", "Place a notice",
                 "Send your club's report and a photo to sport@mercury.example by 9am Monday."):
        assert furniture_reason(line), line
    assert furniture_reason("See the plan for the full text, or write to plans@example.com.") is None
    assert furniture_reason("Search for missing climbers called off after storm") is None


def test_a_social_posts_head_names_its_poster_with_a_mastodon_handle():
    assert byline_names("Dr Priya Lockwood-Sen @plsen@histodon.example · 2d") == ["Priya Lockwood-Sen"]
    assert byline_names("Jane Hill @janehill · 3h") == ["Jane Hill"]


def test_a_paywalls_prompts_and_a_posts_counters_are_furniture():
    for line in ("Support local journalism from £1 a week. Subscribe today", "You have 2 free articles left this month.",
                 "This is your last free article this month", "Subscribe: 12 issues for £12 + a free tote",
                 "Read by 214 people   This story has been shared with the service", "Viewed by 1,208 users"):
        assert furniture_reason(line), line
    assert furniture_reason("Support grows for the lifeboat station's new boathouse") is None  # a headline


def test_a_long_question_after_text_is_a_sentence_not_a_headline():
    question = "Is this really how the council wants to treat the people who built this town?"
    assert classify([PROSE, question])[1] is Role.BODY
    assert classify([question, PROSE])[0] is Role.TITLE


def test_a_signature_with_a_role_and_a_menu_spaced_out_and_a_shortened_headline():
    assert signature("Marta Kowalczyk, editor") == ["Marta Kowalczyk"]
    assert classify(["HOME   RECIPES   BREAD   ABOUT   SHOP"])[0] is Role.FURNITURE
    texts = ["Easy Overnight Sourdough Bread (No Mixer Needed)", PROSE, "Easy Overnight Sourdough Bread"]
    assert classify(texts)[2] is not Role.BYLINE


def test_a_long_question_after_a_sentence_is_text_and_credits_for_pictures_are_not_by_lines():
    teaser = "From Birmingham to Lille, barges carry building waste and beer again. Is it nostalgia or the future of freight?"
    assert classify(["Published 28 October 2026", teaser])[1] is Role.BODY
    assert classify(["Canal freight's quiet comeback", teaser])[1] is not Role.BODY  # a standfirst under its headline
    assert byline_names("Illustrations by Kit Morales") is None


def test_a_caption_like_line_with_a_by_line_under_it_is_a_headline():
    texts = [PROSE, "Video: inside a tower block being restored rather than demolished", "Video · 2:41 · By Tariq Aziz · 20 April 2025"]
    assert classify(texts)[1] is Role.TITLE
    assert classify([PROSE, "Photograph: Marco Bellini", "2/8"])[1] is Role.CAPTION


def test_a_line_with_an_address_or_a_doi_is_not_headline_shaped():
    assert headline_score("Sensor Network Maps Urban Heat Islands") >= 0.5
    assert headline_score("Sensor Network Maps Urban Heat Islands, DOI: 10.1016/j.uclim.2026.102277") == 0.0
    assert headline_score("Printed From https://www.midlandsrecord.example/news/health") == 0.0


def test_a_menu_of_months_is_furniture_and_a_time_is_a_dateline():
    head = "Corrections and clarifications archive"
    assert classify([head, "November 2026  |  October 2026  |  September 2026"])[1] is Role.FURNITURE
    assert classify([head, "16.02 GMT"])[1] is Role.DATELINE


def test_by_lines_with_places_a_publisher_after_two_names_or_a_publisher_among_counts():
    assert byline_names("Jane Hill in Leeds and Tom Baker in Hull", after_title=True) == ["Jane Hill", "Tom Baker"]
    assert byline_names("By Jane Hill in Leeds and Tom Baker in Hull") == ["Jane Hill", "Tom Baker"]
    assert byline_names("Jane Hill and Tom Baker, The Ledger", after_title=True) == ["Jane Hill", "Tom Baker"]
    assert byline_names("Jane Hill | The Ledger | 3 min read") == ["Jane Hill"]
    assert byline_names("Jane Hill and the council, Leeds", after_title=True) is None
    # a place or a section before the name, under a headline: a country diary's "Place | Name"
    assert byline_names("Hownam, Roxburghshire | Alasdair Kerr", after_title=True) == ["Alasdair Kerr"]
    assert byline_names("Hownam, Roxburghshire | Alasdair Kerr") is None  # anywhere else: no by-line's form
    assert byline_names("News | Sport | Weather", after_title=True) is None
    assert signature("-- Jane Hill") == ["Jane Hill"]
    assert signature("Jane Hill, Leeds, West Yorkshire") == ["Jane Hill"]


def test_an_address_to_the_audience_is_no_by_line():
    speech = "My Lord Mayor, Governor, ladies and gentlemen, it is a privilege to speak to you tonight."
    assert byline_names(speech, after_title=True) is None
    assert byline_names("Dear Annie", after_title=True) is None


def test_first_names_in_the_stop_list_are_still_names():
    assert byline_names("James Carver | 2 hours ago") == ["James Carver"]  # jusText counts "james" as a stop word
    assert byline_names("John King", after_title=True) == ["John King"]


def test_a_by_line_with_a_relative_date_or_an_office_after_the_name():
    assert byline_names("Alice Fenwick · Yesterday") == ["Alice Fenwick"]
    assert byline_names("9 March 2026 | Anna Kowalczyk, Research Communications") == ["Anna Kowalczyk"]
    assert byline_names("Summary by Dr Leila Haddad | 13 March 2026") == ["Leila Haddad"]


def test_a_job_title_or_a_diplomat_s_title_is_no_name():
    assert person("Fundraising Assistant") is None
    assert person("Digital Fundraising Officer") is None
    assert byline_names("Ambassador Erin Caldwell", after_title=True) == ["Erin Caldwell"]
    assert byline_names("Fr Anthony Okeke", after_title=True) == ["Anthony Okeke"]


def test_a_signature_of_two_people_with_their_posts_names_both():
    assert signature("Priya Varma, Senior Associate, and Hamish Grant, Partner") == ["Priya Varma", "Hamish Grant"]
    assert signature("Jane Hill, Leeds, and Tom Cox, York") != ["Jane Hill", "Tom Cox"]


def test_rows_of_fields_and_links_are_no_headlines():
    for row in (
        "Electorate: 5,902 | Ballot papers issued: 2,263 | Turnout: 38.3%",
        "Home > Your council > Elections and voting > Election results",
        "Download: Abbey Ward statement of votes (PDF, 82 KB)",
        "Sat 29 Nov, 5.30pm · Millennium Square to SS Great Britain · Free",
        "Re: First 200km audax: what I wish I had known",
    ):
        assert meta_row(row) and headline_score(row) == 0.0, row
    assert not meta_row("Council votes to keep library open | Local | The Ledger")
    assert meta_row("Subjects: Astrophysics (astro-ph); General Relativity (gr-qc)")  # a list under a label
    assert meta_row("IEEE Transactions on Mobile Computing, Vol. 24, No. 4, p. 3120-3134, 15 pages, 04.2025")  # where a paper appeared
    assert not meta_row("No. 10 and the press: Vol. 2 of the diaries")  # a headline naming a volume
    assert furniture_reason("2 Citations (Scopus)") is not None  # a record's counter
    assert furniture_reason("What was good? communication, Welsh language, pain relief") is not None  # tags under a question
    assert furniture_reason("This story has been read 214 times") is not None  # a counter
    assert furniture_reason("Who pays? The council") is None and furniture_reason("Why now? Because the council said so") is None
    # a club's note under its label is text, though a semicolon stands in it
    note = "Under-16 hurling: Training resumes on Wednesday at 7pm. New players are always welcome; contact Ger on 086 555 9876."
    assert not meta_row(note) and classify([PROSE, note, PROSE])[1] is Role.BODY
    assert headline_score("Council votes to keep library open | Local | The Ledger") >= 0.5
    roles = classify([PROSE, "Re: First 200km audax: what I wish I had known", PROSE])
    assert roles[1] is Role.FURNITURE


def test_a_date_under_a_label_of_the_page_is_a_date_line():
    assert date_line("Placed on: 12 May 2025")
    assert date_line("Published: 22:14 GMT, 24 November 2026 | Updated: 08:02 GMT, 25 November 2026")
    assert not date_line("Placed on: the shelf by the door")


def test_offers_and_comment_prompts_are_furniture():
    assert furniture_reason("Get 20% off gaming chairs with code GGZONE")
    assert furniture_reason("What are your thoughts?")
    assert furniture_reason("Open in app")
    assert furniture_reason("Why the offer of 20% off is not what it seems") is None


def test_rows_of_counters_buttons_and_mail_footers_are_furniture():
    for line in (
        "Thank 12 | Reply 4 | Share",
        "Posted in Collection, Objects of the month | 1 Comment",
        "Buy this issue £12   Subscribe from £38 a year",
        "Was this article helpful? Yes | No",
        "You are receiving this email because you subscribed to Employment Law Weekly. Unsubscribe",
        "Posted in Schools | Leave a comment",
    ):
        assert furniture_reason(line), line
    assert furniture_reason("Jane Hill | 3 min read") is None  # a by-line
    assert furniture_reason("Oil falls 3% | Markets") is None


def test_an_interview_s_questions_are_its_text_and_a_list_under_a_label_no_headline():
    assert classify([PROSE, "Interviewer: How can you see something microscopic from space?", PROSE])[1] is Role.BODY
    assert classify([PROSE, "Q: Why study mosquitoes?", PROSE])[1] is Role.BODY
    assert classify([PROSE, "Opinion: Is the city ready for the storm?", PROSE])[1] is Role.TITLE
    assert headline_score("Comments: 18 pages, 9 figures, submitted to ApJ") == 0.0
    assert headline_score("Opinion: Cuts, closures and the cost of care") >= 0.5


def test_a_first_name_signs_with_its_post():
    assert signature("Becky, Senior Keeper (Small Mammals)") == ["Becky"]
    assert signature("Sport, Weather") is None
    assert signature("Hazard, The vest's battery pack can overheat, posing burn and fire hazards") is None


def test_a_by_line_joined_with_dashes_names_its_writer():
    for line in ("Ben Ashdown — 3 March 2026 — 4 min read", "Ben Ashdown – 3 March 2026", "3 March 2026 — Ben Ashdown"):
        assert byline_names(line) == ["Ben Ashdown"] and heads_an_item(line)
    for line in ("Harbour review – a haunting tale", "Incident 27 — Saturday 20 March 2027"):  # headlines
        assert byline_names(line) is None and not date_line(line)
    roles = classify(["Harbour cranes return to the old port", "Ben Ashdown — 3 March 2026 — 4 min read", PROSE])
    assert roles == (Role.TITLE, Role.BYLINE, Role.BODY)


def test_a_heading_in_capitals_between_texts_is_a_title_with_no_blank_line_to_tell():
    texts = [PROSE, "Margaret Oyelaran, Chair", "HEDGEHOG HIGHWAYS IN MILL END", PROSE, "NEWS FROM THE ALLOTMENTS", PROSE,
             "PLANNING: WHAT NEXT FOR THE WHARF ROAD SITE?", "by Dev Kulkarni, Planning Secretary", PROSE, "FULL STORY", PROSE]
    roles = classify(texts)
    assert [roles[k] for k in (2, 4, 6)] == [Role.TITLE] * 3 and roles[9] is not Role.TITLE  # two words: as often a label
    # under a headline, a name in capitals is still its by-line
    assert classify(["Harbour cranes return to the old port", "PRIYA RAMAN", PROSE])[1] is Role.BYLINE


def test_a_running_head_recurring_on_every_page_is_furniture_though_headline_shaped():
    head = "Riverside Residents' Association Newsletter No. 112 Spring 2025"
    assert headline_score(head) >= 0.5
    assert furniture_reason(head, 4) == "recurs 4 times in the dump"
    assert furniture_reason(head, 3) is None  # three copies of a headline may be three copies of an item
    assert furniture_reason("Photograph: Marco Bellini", 8) is None  # each picture's credit


def test_a_name_recurring_in_a_dump_is_a_by_line_not_furniture():
    assert furniture_reason("Alessandro Ferri", repeats=3) is None  # a blog's signature under each post
    assert furniture_reason("Press Release", repeats=3) is not None


def test_a_by_line_read_twice_gives_the_same_names_even_when_the_first_answer_was_changed():
    first = byline_names("By Jane Hill and Tom Reed")
    first.append("Someone Else")
    assert byline_names("By Jane Hill and Tom Reed") == ["Jane Hill", "Tom Reed"]


PLAIN_SEPARATORS = [  # the separators of a line's parts as first written, and the patterns that split so
    (r"\s+[|·•]\s+|\s[–—]\s", "roles", "_BYLINE_SEP"),
    (r"\s[|·•/›»>]\s|\s{3,}", "roles", "_MENU_SEP"),
    (r"\s[|·•]\s|\s{2,}", "roles", "_PARTS"),
    (r"\s[|·•»›/]\s|\s{2,}|\t", "furniture", "_PART"),
    (r"\s{2,}|\t", "meta", "_BUTTONS"),
]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(PLAIN_SEPARATORS), st.text(st.sampled_from(" \t\u00a0\u2003|·•–—/›»>ab\n"), max_size=14))
def test_the_separators_of_a_lines_parts_split_as_first_written(case, text):
    # each pattern starts every alternative with the white space they all begin with, so a
    # search skips ahead to white space; the parts are the same
    plain, module, name = case
    pattern = getattr(importlib.import_module(f"sitegen.split.{module}"), name)
    assert pattern.split(text) == re.compile(plain).split(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(" \t\u00a0\u2003•▸*+-|[()]1٣0:ab.’'_"), max_size=12))
def test_a_lines_shape_reads_its_words_and_list_marks_as_the_patterns_do(text):
    # an ASCII line's words are found with an ASCII class, and a line is tried as a list item or
    # a table row only when it begins as one can: the same answers as the patterns read alone
    listed = bool(BULLET.match(text) or NUMBERED.match(text) or TABLE_ROW.match(text) or TIMECODE.match(text)) and not RULE.match(text)
    assert shape(text).list_like is listed  # ("* * *" is a rule drawn between items, no list)
    if text.isascii():
        assert role_module._ASCII_WORD.findall(text) == role_module._WORD.findall(text)


def test_a_name_with_the_years_of_a_life_heads_an_obituary_not_a_line_of_figures():
    assert classify([PROSE, "Tommy Heaton, 1948–2026", PROSE])[1] is Role.TITLE
    assert classify([PROSE, "GEORGE WHARRAM (1934–2026)", PROSE])[1] is Role.TITLE
    assert classify([PROSE, "Season 2024–2025", PROSE])[1] is not Role.TITLE



GUARDS = ("_may_lead", "_may_be_named", "_may_sign", "_may_be_glued")  # what a line must hold before each kind of by-line is read


def _by_lines(lines: list[str]) -> list[tuple[object, ...]]:
    memo.forget()
    return [(byline_names(t), byline_names(t, after_title=True), signature(t), role_module._glued_names(t)) for t in lines]


def _unguarded(monkeypatch, lines: list[str]) -> list[tuple[object, ...]]:
    with monkeypatch.context() as m:
        for guard in GUARDS:
            m.setattr(role_module, guard, lambda *args: True)
        return _by_lines(lines)


def test_the_by_line_guards_change_no_answer_on_any_corpus_line(monkeypatch):
    # each guard is proved from the patterns it skips; the corpus is where a slip would show
    lines = sorted(corpus_lines())
    assert _by_lines(lines) == _unguarded(monkeypatch, lines)


BY_LINE_PIECES = st.one_of(
    st.sampled_from(["By ", "by", "Jane Hill", "Tom", " and ", ", ", "Leeds", "(via email)", " at ", "Meadow Lane", "3 May 2026",
                     "yesterday", " | ", " — ", "Words: ", "Dr ", "van der ", "for the council", "Reporter", "ſ", "İ"]),
    st.text(st.sampled_from("aAbBjJ ,.|–—:(1"), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(BY_LINE_PIECES, max_size=7).map("".join), min_size=1, max_size=4))
def test_the_by_line_guards_change_no_answer_on_lines_of_any_pieces(lines):
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _by_lines(lines) == _unguarded(monkeypatch, lines)


@pytest.mark.parametrize("line", ["Disclosures", "Analyst certification", "Important information", "Competing interests", "Disclaimer"])
def test_the_headings_of_a_reports_end_matter_stay_with_it(line):
    assert END_SECTION.match(line)
    assert role_of(line, shape(line), previous=Role.BODY) is Role.CAPTION


def test_a_writers_post_under_the_by_line_is_part_of_it():
    assert classify(["AFL 2025 season preview: who can stop the Cats", "By Jack Tiernan", "Chief football writer",
                     "Updated March 6, 2025 — 5.00am"])[1:3] == (Role.BYLINE, Role.BYLINE)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Analysts: Thandiwe Mokoena, CFA | Umhlanga Securities, +27 11 555 0142", ["Thandiwe Mokoena"]),
        ("Sector report · 14 March 2025 · Rohan Deshpande, Ishita Banerjee · 18 pages", ["Rohan Deshpande", "Ishita Banerjee"]),
        ("Jane Hill, Lewes | 3 May 2025", ["Jane Hill"]),
    ],
)
def test_by_lines_of_analysts_and_rows_of_a_reports_fields(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line", ["Where they'll finish: 2nd", "Rating: 7/10", "Turnout: 38.3%"])
def test_a_field_with_a_figure_is_text_not_a_headline(line):
    assert role_of(line, shape(line), previous=Role.BODY) in (Role.BODY, Role.FURNITURE)


@pytest.mark.parametrize("line", ["Obituary: Jane Hill", "Opinion: the co-op model still works, but it must prove it every season"])
def test_a_headline_under_a_label_is_still_a_headline(line):
    assert role_of(line, shape(line), previous=Role.BODY) is Role.TITLE


@pytest.mark.parametrize("name", ["Miles Okafor", "Will Smith", "May Chen"])
def test_first_names_that_are_also_common_words(name):
    assert person(name) == name
    assert byline_names(f"{name} | The Daily Ledger", after_title=True) == [name]


@pytest.mark.parametrize("name", ["BusinessLine Newswire", "Greyfield Wealth", "Umhlanga Securities", "Customer Success", "ShelfTalk Data"])
def test_firms_desks_and_wires_named_like_people_are_no_writers(name):
    assert person(name) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Riverina reporter Jessie Nguyen-Barker", ["Jessie Nguyen-Barker"]),
        ("ni Jomar Dizon · Mar 11, 2025", ["Jomar Dizon"]),
        ("By [20]Dafydd ap Iorwerth and [21]Claire Mottram · 10 March 2025 · 7 min read", ["Dafydd ap Iorwerth", "Claire Mottram"]),
    ],
)
def test_a_place_before_the_post_a_filipino_lead_and_a_welsh_particle(line, names):
    assert byline_names(line) == names


def test_an_address_row_under_a_name_is_no_by_line():
    assert byline_names("Fosse Lane, Stoke Wyvern KN5 8RT · 2.3 miles", after_title=True) is None
    assert byline_names("Quay Lane, Kendlesham · 0.4 miles", after_title=True) is None
    assert byline_names("Jane Hill, Kendlesham", after_title=True) == ["Jane Hill"]


def test_a_couple_leading_a_row_are_both_named():
    assert byline_names("Jess & Aled W. · Homeowners · Penarth · Reviewed 12 February 2025") == ["Jess W.", "Aled W."]
    assert byline_names("Anil and Sophie Bhatt · 2 March 2025") == ["Anil Bhatt", "Sophie Bhatt"]


def test_a_post_or_a_club_after_the_writers_name_is_no_second_writer():
    assert byline_names("Report by Keith Barraclough, Activities Co-ordinator") == ["Keith Barraclough"]
    assert byline_names("By Rob Penhaligon, Fal Estuary Divers") == ["Rob Penhaligon"]
    assert byline_names("Citation by Dr Eleanor Marsh MW, co-chair") == ["Eleanor Marsh"]


def test_a_short_link_or_button_ending_in_an_arrow_is_the_pages():
    for line in ("Free Estimate →", "View project →", "Get a Quote →", "Book a repair →"):
        assert furniture_reason(line) is not None, line
    assert furniture_reason("From Leeds to Lagos → the long road to a first cap for the Falcons →") is None  # a headline's words


@pytest.mark.parametrize(("text", "listed"), [("* * *", False), ("- - -", False), ("* Tents up by six", True), ("- Bring a torch", True)])
def test_a_rule_drawn_with_stars_or_dashes_is_no_list_item(text, listed):
    assert shape(text).list_like is listed
