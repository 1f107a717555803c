"""segment: where articles start and end."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.segment import iter_segments
from tests.split_support import plan, split_page

LONG = "A paragraph of ordinary news text that goes on for a while and then ends properly, as paragraphs of articles do."


def segments(text: str):
    debris: list = []
    found = [[b.line for b in seg] for seg in iter_segments(text.split("\n"), debris)]
    return found, {d.line: d.reason for d in debris}


def test_furniture_recurring_between_items_is_debris():
    from sitegen.split.roles import Repeats

    text = "\n\n".join(["First headline of the day", LONG, "Politics", "Second headline of the day", LONG, "Politics",
                        "Third headline of the day", LONG, "Politics", "Share our publication on social media"])
    lines = text.split("\n")
    debris: list = []
    kept = [b.text for seg in iter_segments(lines, debris, Repeats.of_lines(lines)) for b in seg]
    assert "Politics" not in kept and "Share our publication on social media" not in kept
    assert {d.text for d in debris} == {"Politics", "Share our publication on social media"}


def test_a_print_pages_running_head_is_debris_whatever_its_page_number():
    from sitegen.split.roles import Repeats

    pages = ["Club Chronicle 88 · Spring 2026 · 1\nFirst headline of the day\n" + LONG,
             "Club Chronicle 88 · Spring 2026 · 2\n" + LONG + "\nChapter 2",
             "3 · Club Chronicle 88 · Spring 2026\n" + LONG + "\nChapter 3"]
    lines = "\n\f".join(pages).split("\n")
    debris: list = []
    kept = [b.text for seg in iter_segments(lines, debris, Repeats.of_lines(lines)) for b in seg]
    assert {d.line: d.reason for d in debris} == {1: "a print page's running head or foot", 4: "a print page's running head or foot",
                                                  7: "a print page's running head or foot"}
    assert kept.count(LONG) == 3 and "Chapter 2" in kept and "Chapter 3" in kept  # a heading and its number heads no page


def test_a_line_opening_with_a_text_browsers_one_link_is_marked_as_linked():
    lines = ["   [1]Home [2]News [3]Sport", "", "   [21]Harbour cranes return to the old port", f"   {LONG}", "", "   [22]Next story"]
    blocks = [b for seg in iter_segments(lines, []) for b in seg]
    assert {b.text: b.linked for b in blocks} == {"[1]Home [2]News [3]Sport": False, "Harbour cranes return to the old port": True,
                                                 LONG: False, "Next story": True}


def test_separators_cut_segments_and_are_debris():
    found, debris = segments(f"Title one\n\n{LONG}\n\nContinue Reading\n\nTitle two\n\n{LONG}\n")
    assert found == [[1, 3], [7, 9]]
    assert debris == {5: "separator"}


def test_the_mark_under_a_press_release_ends_it():
    for mark in ("###", "# # #", "-30-"):
        found, debris = segments(f"Council opens new library\n\n{LONG}\n\nMedia contact: Ann Lee\n\n{mark}\n\n"
                                 f"Harbour works start in May\n\n{LONG}\n")
        assert found == [[1, 3, 5], [9, 11]] and debris == {7: "separator"}
    found, _ = segments(f"Council opens new library\n\n{LONG}\n\n### Background\n\n{LONG}\n")
    assert found == [[1, 3, 5, 7]]  # a Markdown heading is no end mark


def test_blank_lines_and_invisible_lines():
    found, debris = segments(f"Title\n\u00a0\n{LONG}\n&nbsp,\n\n{LONG}")
    assert found == [[1, 3, 6]]
    assert set(debris) == {2, 4}


def test_a_glued_separator_ends_the_segment():
    found, debris = segments(f"Title\n\n{LONG}Continue Reading\nNext title\n\n{LONG}")
    assert found == [[1, 3], [4, 6]]
    assert debris == {3: "separator glued to the text"}


def test_a_teasers_date_after_a_glued_separator_stays_with_its_text():
    found, debris = segments(f"Title\n{LONG} Read more\n3 March 2027\nNext title\n{LONG}")
    assert found == [[1, 2, 3], [4, 5]]  # the date is the teaser's, under its text, not the next one's


def test_a_count_of_the_pages_items_is_debris():
    found, debris = segments(f"Showing 8 stories tagged housing\n\nTitle\n\n{LONG}\n\nShowing 1–8 of 214\n")
    assert found == [[3, 5]]
    assert debris == {1: "a count of the page's items", 7: "a count of the page's items"}


def test_a_search_pages_facets_are_debris_a_title_with_a_year_is_not():
    text = "\n".join(["Filter by type", "News (24)", "Jobs (3)", "Filter by region", "Gulf and Cape York (10)",
                      "Women rangers take the lead on sea turtle monitoring", LONG, "kunanyi Songs (2025)", LONG])
    found, debris = segments(text)
    assert sorted(debris) == [1, 2, 3, 4, 5] and all("facet" in why for why in debris.values())
    assert found == [[6, 7, 8, 9]]


def test_a_related_block_ends_at_the_next_article_title():
    text = f"Title\n\n{LONG}\n\nYou May Also Like\n\nOne headline\nAnother headline\nNext article title\n\n{LONG}"
    found, debris = segments(text)
    assert found == [[1, 3], [9, 11]]
    assert sorted(debris) == [5, 7, 8]


def test_a_related_block_ends_at_a_sentence_after_its_title():
    found, debris = segments(f"Title\n\n{LONG}\n\nRelated\n\nOne headline\nNext title\nA short paragraph that ends.\n\n{LONG}")
    assert found == [[1, 3], [8, 9, 11]]
    assert sorted(debris) == [5, 7]


def test_a_related_block_ends_at_a_title_over_the_line_that_says_when_it_was_posted():
    text = (f"Title\n\n{LONG}\n\nMost Read\n\nOne headline\nAnother headline\nTOWER CAPTAINS' MEETING: NEW LEAD APPOINTED\n"
            f"Posted 21 November 2026 by the District Secretary\n{LONG}")
    found, debris = segments(text)
    assert found == [[1, 3], [9, 10, 11]]
    assert sorted(debris) == [5, 7, 8]


def test_a_related_block_at_the_end_is_all_debris():
    found, debris = segments(f"Title\n\n{LONG}\n\nMost Read\n\nOne headline\nAnother headline?\nContinue Reading")
    assert found == [[1, 3]]
    assert sorted(debris) == [5, 7, 8, 9]


def test_teasers_with_their_decks_under_a_related_heading_are_left_to_the_boundary_decision():
    teasers = ["The ethics of the second home", "When a town's houses stand empty ten months of the year, who has done wrong?",
               "Daniel Ashworth-Mensah", "Is homesickness a kind of grief?",
               "Psychologists have started to take the longing for a lost place seriously, and so should we", "Noor Haddad"]
    found, debris = segments("\n".join(["Title", "", LONG, "", "You might also like", "", *teasers, "", "Comments are closed."]))
    assert debris[5] == "separator" and not any(n in debris for n in range(7, 13))
    assert [7, 8, 9, 10, 11, 12] in found or any(set(range(7, 13)) <= set(seg) for seg in found)
    found, debris = segments("\n".join(["Title", "", LONG, "", "You might also like", "", "One headline", "Another headline?",
                                          "A third headline", "", "Comments are closed."]))
    assert {7, 8} <= set(debris)  # bare links: the site's


def test_a_table_of_contents_is_debris_once_its_headings_come():
    found, debris = segments(f"Title\n\nTable of Contents\nWhat changes\nWho pays\n\nWhat changes\n\n{LONG}\n\nWho pays\n\n{LONG}")
    assert found == [[1, 7, 9, 11, 13]]
    assert sorted(debris) == [3, 4, 5]


def test_a_newsletters_in_this_issue_list_is_debris_once_its_headings_come_but_a_rule_under_it_is_not_swallowed():
    found, debris = segments(f"In this issue\nFrom the President\nEnsemble news\n\nFrom the President\n{LONG}\nEnsemble news\n{LONG}")
    assert found == [[5, 6, 7, 8]]
    assert sorted(debris) == [1, 2, 3]
    found, debris = segments(f"IN THIS ISSUE\n1. Solar scheme approved\n2. Heat pump grants\n---\nSolar scheme approved\n{LONG}")
    assert 2 not in debris and 3 not in debris  # a rule under the list: not confirmed, the lines stay text


def test_a_contents_list_with_page_numbers_is_debris_once_its_headings_come():
    found, debris = segments(f"In this issue\nSpring is busy 1\nLungworm on the rise ..... 2\nPractice news 4\n\nSpring is busy\n{LONG}\n"
                             f"Practice news\n{LONG}")
    assert sorted(debris) == [1, 2, 3, 4] and found == [[6, 7, 8, 9]]  # (headings printed without the page number)


def test_a_cookie_banner_and_its_buttons():
    found, debris = segments(f"We use cookies to improve your experience.\nAccept all\nManage preferences\n\nTitle\n\n{LONG}")
    assert found == [[5, 7]]
    assert set(debris.values()) == {"cookie banner"}


def test_a_comment_count_with_its_sort_order_opens_the_comments():
    text = "\n".join([LONG, "3 comments · Sort by: Newest", "Peter M (Cornet, Dewsbury Old)", "Spot on. We were a Second Section band.",
                      "2 March 2026"])
    found, debris = segments(text)
    assert found == [[1]] and all(debris[n] == "comments" for n in (2, 3, 4, 5))


def test_a_comments_section_ends_at_a_headline_not_at_a_commenter_or_a_date():
    text = "\n".join([LONG, "3 Comments", "Graham W says:", "June 18, 2025 at 9:14 pm", "Same here! Blackfly everywhere.",
                      "Reply · 3 likes", "Why the best tomato is the smallest one", LONG])
    found, debris = segments(text)
    assert found == [[1], [7, 8]]
    assert all(debris[n] == "comments" for n in (2, 3, 4, 5, 6))


def test_a_comment_of_two_sentences_does_not_end_the_comments_but_a_headline_of_two_does():
    text = "\n".join([LONG, "3 comments", "Jo Bramley", "1 December 2026 at 08:12",
                      "The overhang trick changed my life. Thank you!", "Peter N.",
                      "Measles is back. What you need to know", LONG])
    found, debris = segments(text)
    assert found == [[1], [7, 8]]
    assert all(debris[n] == "comments" for n in (2, 3, 4, 5, 6))


def test_a_teasers_count_of_comments_gives_back_the_next_teasers_date_row_over_its_headline():
    text = "\n".join([LONG, "16 comments", "", "13 OCT 2026 | Gin", "Cwm Tawel distillery wins planning consent on appeal", LONG])
    found, debris = segments(text)
    assert found == [[1], [4, 5, 6]]  # the date row is the teaser's, above its headline as below its text
    seg = list(iter_segments(text.split("\n"), []))[1]
    assert [b.removed_before for b in seg] == [1, 0, 0]  # ("16 comments" taken out over it)
    text = "\n".join([LONG, "3 Comments", "Graham W says:", "June 18, 2025 at 9:14 pm", "Why the best tomato is the smallest one", LONG])
    assert segments(text)[0] == [[1], [5, 6]]  # a comment's date, with its time, stays the comments'
    text = "\n".join([LONG, "4 comments", "Declan Moody", "29 April 2025",
                       'Brilliant piece Tomás. I\'m sending it to everyone who asks me "is it expensive?"', "Niamh Ní Bhriain", "30 April 2025"])
    assert segments(text)[0] == [[1]]  # a comment's date under its commenter's name, its text ending in a quotation
    text = "\n".join([LONG, "4 comments", "Tomás Ó Riain", "30 April 2025", "Go raibh maith agat Niamh!", "Paddy Gorman", "1 May 2025"])
    assert segments(text)[0] == [[1]]  # a comment of a few words under its commenter's name and date, headline-shaped or not


def test_each_line_knows_how_many_lines_were_taken_out_above_it():
    text = "\n".join([LONG, "Share our publication on social media", "", LONG])
    seg = next(iter_segments(text.split("\n"), []))
    assert [b.removed_before for b in seg] == [0, 1]


def test_a_related_block_gives_back_the_next_headline_its_by_line_and_the_role_under_it():
    text = "\n".join([LONG, "Most Read", "1. Plans for homes approved", "Landlord fined after tenants lived with mould",
                      "By Priya Sandhu", "Local Democracy Reporter", LONG])
    found, debris = segments(text)
    assert found[-1][-4:] == [4, 5, 6, 7]
    assert 3 in debris


def test_a_related_block_gives_back_the_next_headline_its_by_line_the_post_under_it_and_its_date():
    text = "\n".join([LONG, "Latest news", "Dispatches", "Journalists Jailed for a Facebook Post Should Be Freed", "Amira Haddad",
                      "Researcher, Middle East and North Africa Division", "November 27, 2026", LONG])
    found, debris = segments(text)
    assert found[-1][-5:] == [4, 5, 6, 7, 8]
    assert 3 in debris


def test_a_related_block_gives_back_a_headline_above_its_labels_and_figures():
    text = "\n".join([LONG, "Most Read", "Plans for homes approved", "Why bus fares matter more than new railway lines",
                      "Expert comment", "Transport", "20 March 2025", LONG])
    found, debris = segments(text)
    assert found[-1][-6:] == [4, 5, 6, 7, 8]
    assert 3 in debris and 4 not in debris
    text = "\n".join([LONG, "More stories", "Ellison hat-trick keeps Castle Vale top of the table",
                      "Castle Vale 4-0 Northbridge Ladies", "By Nia Roberts", LONG])
    found, debris = segments(text)
    assert found[-1][-4:] == [3, 4, 5, 6] and 2 in debris


def test_an_advertisers_line_under_its_label_is_debris_a_headline_under_it_is_not():
    found, debris = segments(f"{LONG}\nAdvertisement\nMTN — Stay connected wherever the game takes you\n{LONG}\n")
    assert found == [[1, 4]]
    assert debris[3] == "an advertisement under its label"
    found, debris = segments(f"{LONG}\nAdvertisement\nGlasgow's Hanlon ready for Wembley debut\n{LONG}\n")
    assert found == [[1, 3, 4]]  # the next story's headline, the advertisement a picture taken out
    found, debris = segments(f"{LONG}\nMTN — Stay connected wherever the game takes you\n{LONG}\n")
    assert found == [[1, 2, 3]]  # no label over it: a line of the text


def test_a_press_releases_media_contact_under_its_end_mark_stays_with_it():
    found, debris = segments(f"{LONG}\n\n-30-\n\nMedia relations\nGeneviève Tremblay\n819-555-0140\n\nNext release headline here\n{LONG}\n")
    assert found[0][:2] == [1, 5] and 6 in found[0]  # the contact under the mark is the release's end matter
    assert debris[3] == "separator"
    found, _ = segments(f"{LONG}\n\n###\n\nRunway works to begin in May\n{LONG}\n")
    assert found == [[1], [5, 6]]  # a headline under the mark starts the next item


def test_an_advertisement_between_the_contents_and_the_first_heading_leaves_the_contents_debris():
    text = (f"In this bulletin\nPolice update: October\nCourier fraud\nAdvertisement\n"
            f"Sheffield Home Security Ltd — Locks, alarms, CCTV. Free survey for Watch members.\nPolice update: October\n{LONG}\nCourier fraud\n{LONG}")
    found, debris = segments(text)
    assert found == [[6, 7, 8, 9]]
    assert sorted(debris) == [1, 2, 3, 4, 5]


def test_a_related_block_gives_back_the_time_row_over_the_next_headline():
    text = "\n".join([LONG, "Latest News", "Nation", "Regions", "Showing 1–10 of 8,214 stories", "March 20, 2025, 4:12 pm",
                      "DA eyes P2.5-B credit line for onion, garlic growers in Nueva Ecija", "By Leilani Macaraeg", LONG])
    found, debris = segments(text)
    assert found[-1][-4:] == [6, 7, 8, 9]
    assert 5 in debris  # the page's count stays out


def test_comments_under_a_related_block_give_back_no_headline_and_their_sort_control_is_debris():
    text = "\n".join([LONG, "You may also like", "Discounter opens 1,000th UK store", "Chilled ready meals: category report 2025",
                      "Comments (7)", "Sort by: Newest", "Gregor McL, 15 Mar 2025", "Good piece. The point about margins rings true.",
                      "Tanya R, 14 Mar 2025", "Would be interesting to see a follow-up on small brands."])
    found, debris = segments(text)
    assert found == [[1]]
    assert debris[5] == "comments" and all(k in debris for k in range(6, 11))
    assert "facet" in segments(f"Sort by: Newest\n\nTitle\n\n{LONG}\n")[1][1]


def test_a_ranked_list_of_the_sites_most_viewed_headlines_is_debris_not_teasers():
    text = "\n".join([LONG, "Most viewed", "1. Ferry operator fined over Holyhead timetable failures",
                      "2. Why the price of a pint has risen faster than wages in fourteen of the regions",
                      "3. The sketch: Prime minister's questions, and the answers nobody asked for at all"])
    found, debris = segments(text)
    assert found == [[1]] and sorted(debris) == [2, 3, 4, 5]


def test_a_blogs_comments_under_name_said_and_its_comment_form_hold_no_item_and_the_next_post_is_one():
    result = split_page("blogger_said_comments_two_posts.txt")
    assert plan(result) == [
        ((6, 14), "Muddy medals at the county cross-country finals", ("Priya",)),
        ((38, 44), "New track sessions on Tuesday evenings", ("Priya",)),
    ]  # "Dave Orme said..." over a comment that reads as a headline; "Post a Comment" closes the comments, heads nothing
    comments = {d.line for d in result.debris if d.reason == "comments"}
    assert {22, 23, 27, 31, 34} <= comments


def test_a_commenters_first_name_and_place_over_the_date_goes_on_with_the_comments():
    result = split_page("blogger_about_blurb_place_commenter.txt")
    reasons = {d.line: d.reason for d in result.debris}
    assert reasons[32] == reasons[33] == "comments"  # "Huw (Hay) 15 March 2026 at 08:41" and his question: no headline


def test_a_related_boxs_teaser_under_its_date_row_is_given_back_with_its_headline():
    text = "\n".join([
        "Harbour cranes return to the old port", "",
        "The cranes came back on Monday after four years of repairs and the first ships docked at dawn on Tuesday.", "",
        "More from the newsroom", "",
        "14 November 2025",
        "Mend & Last named Scottish Independent Retailer of the Year",
        "The awards panel singled out our send-by-post service and our apprentice scheme.", "",
    ])
    result = split_text(text, "related.txt")
    assert "Mend & Last named Scottish Independent Retailer of the Year" in {a.title for a in result.articles}
    assert not any(d.reason == "related-links block" for d in result.debris)  # the date row and headline are the teaser's


def test_where_teasers_open_on_their_posted_row_the_row_after_a_glued_read_more_is_the_next_ones():
    result = split_page("lynx_news_posted_above_read_more.txt")
    assert plan(result) == [
        ((12, 18), "Quarter peal at Llangedwyn for the new vicar", ("Megan Lloyd",)),
        ((20, 25), "Practice night moves to Thursdays", ("Megan Lloyd",)),  # its "[13]Read more" alone is outside
        ((28, 34), "Ropes replaced at Pennant Melangell", ("Huw Tanat",)),
    ]


def test_a_comment_by_the_blog_itself_or_by_a_name_with_an_accented_capital_goes_on_with_the_comments():
    text = "\n".join([
        "Winter hurdles",
        "",
        "We finished the last of the winter's hurdles this week and they are now stacked in the barn ready for spring.",
        "",
        "3 comments:",
        "",
        "Marion Hale 8 March 2026 at 08:12",
        "Beautiful hurdles. Is there any chance of one for a small garden?",
        "",
        "Hazel & Hook 8 March 2026 at 09:30",
        "Marion, yes, I make four-footers to order. Drop me an email.",
        "",
        "Étienne Roussel 10 March 2026 at 14:03",
        "Très beau travail. Nous faisons des plessis en Normandie, c'est la même technique.",
    ])
    result = split_text(text, "blog.txt")
    assert [a.source.lines for a in result.articles] == [(1, 3)]
    assert {10, 11, 13, 14} <= {d.line for d in result.debris}
