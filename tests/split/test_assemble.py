"""assemble: one article's lines → metadata, kind, flags and body."""

from __future__ import annotations

import datetime as dt

from sitegen.markdown import render_body
from sitegen.model import ArticleKind, LicenceKind, Source
from sitegen.split import split_text
from sitegen.split.assemble import _handle_alone, assemble
from sitegen.split.boundary import Item
from sitegen.split.text import Block

LONG = "A paragraph of ordinary news text that goes on for a while and then ends properly, as paragraphs of articles do."


def make(*texts: str, start: int = 1):
    return assemble(tuple(Block(start + 2 * i, t) for i, t in enumerate(texts)), "d.txt")


def test_title_by_line_bio_licence_leave_the_body():
    article = make(
        "Rivers of plastic – Asia Times",
        "By Jane Hill",
        LONG,
        "Jane Hill is a lecturer in marine science at the University of Plymouth.",
        "This article is republished from The Conversation under a Creative Commons license.",
    )
    assert (article.title, article.publisher, article.authors) == ("Rivers of plastic", "Asia Times", ("Jane Hill",))
    assert article.byline == "By Jane Hill\n\nJane Hill is a lecturer in marine science at the University of Plymouth."
    assert article.licence.kind is LicenceKind.CC
    assert article.body == LONG + "\n"
    assert article.source == Source("d.txt", (1, 9))
    assert article.body_lines == (5,) and article.meta_lines == (1, 3, 7, 9)


def test_end_matter_in_any_order_of_credits():
    article = make(LONG, "Ryan Xu is a freelancer.", "Translated by Lin Lee-kai")
    assert article.authors == ("Ryan Xu",) and article.translators == ("Lin Lee-kai",)
    assert article.byline == "Ryan Xu is a freelancer."
    assert article.kind is ArticleKind.ARTICLE


def test_follow_line_is_debris_with_an_author():
    article = make("Japan bets big – Asia Times", LONG, "Follow William Pesek on X at @WilliamPesek")
    assert article.authors == ("William Pesek",)
    assert [(d.line, d.reason.split()[0]) for d in article.debris] == [(5, "social-media")]
    assert "Follow" not in article.body and article.source.lines == (1, 5)


def test_personal_substack_owner_is_the_author_only_without_another():
    statement = "This article was first published on Andrew Korybko’s Substack and is republished with kind permission."
    assert make("Title", LONG, statement).authors == ("Andrew Korybko",)
    bio = "Jane Hill is a reporter at The Ledger."
    assert make("Title", LONG, bio, statement).authors == ("Jane Hill",)


def test_untitled_text_gets_a_title_from_its_opening_words_and_may_be_a_fragment():
    article = make(LONG[:-1] + " and then")
    assert article.title == "A paragraph of ordinary news text that goes…"
    assert article.kind is ArticleKind.FRAGMENT
    assert make(LONG).kind is ArticleKind.ARTICLE


def test_a_titled_text_is_a_fragment_only_when_it_visibly_breaks_off():
    assert make("Title", LONG[:-1] + " and the").kind is ArticleKind.FRAGMENT
    assert make("Title", LONG[:-1] + " in Beijing").kind is ArticleKind.ARTICLE
    assert make("Title", LONG[:-1] + ", and so on to the…").kind is ArticleKind.FRAGMENT
    assert make("Title", "Temperatures could reach 34C by the weekend, and…").kind is ArticleKind.FRAGMENT
    assert make("Title", "Temperatures could reach 34C by the weekend, the Met Office said.").kind is ArticleKind.ARTICLE
    assert make("Title", LONG, "* a list item that ends the article").kind is ArticleKind.ARTICLE


def test_text_with_end_matter_is_never_a_fragment():
    article = make(LONG[:-1] + " and", "This article is republished with permission.")
    assert article.kind is ArticleKind.ARTICLE


def test_flags_quote_the_text_as_shown_and_are_unique():
    article = make("Title", LONG, "Photo: AFP", LONG, "Photo: AFP", "* Image: Reuters")
    flags = [(a.quote, a.prefix) for a in article.annotations]
    assert flags[0][0] == flags[1][0] == "Photo: AFP"
    rendered = render_body(article.body, article.annotations)
    assert not rendered.ambiguous and not rendered.unanchored
    first, second = (a.id for a in rendered.anchored[:2])
    assert rendered.html.index(f'id="{first}"') < rendered.html.index(LONG, rendered.html.index(f'id="{first}"'))
    assert rendered.html.index(f'id="{second}"') > rendered.html.index(LONG, rendered.html.index(f'id="{first}"'))
    assert flags[2] == ("Image: Reuters", None)  # the list marker is not part of the quote
    assert all(a.tags == ("flag",) for a in article.annotations)


def test_to_article_fills_the_model():
    article = make("Title – Asia Times", LONG).to_article("title", "content/articles/title.md")
    assert (article.slug, article.title, article.publisher, article.source) == (
        "title", "Title", "Asia Times", (Source("d.txt", (1, 3)),)
    )


def test_an_untitled_article_comes_with_a_warning_for_the_editor():
    article = make(LONG[:-1] + " and then", start=10)
    assert [str(p) for p in article.problems] == [
        ("d.txt:10: warning: a fragment (its text breaks off) without a title line: titled from its opening words, "
        "'A paragraph of ordinary news text that goes…'")
    ]
    assert make("Title", LONG).problems == ()


def test_untitled_text_whose_opening_words_make_no_title_is_an_untitled_fragment_to_review():
    from sitegen.split.assemble import opening_title

    assert opening_title("The council approved the new budget late on Tuesday after a long debate.") == (
        "The council approved the new budget late on Tuesday…"
    )
    assert opening_title("uring the war the town was bombed twice, and the port was closed for years.") is None
    assert opening_title("D") is None
    assert opening_title("It is a great pleasure to introduce our an-") == "It is a great pleasure to introduce our…"  # no half a word
    assert opening_title("| 12 | 14 | 16 | 18 |") is None
    article = assemble((Block(7, "uring the war the town was bombed twice, and the port was closed for years."),), "d.txt")
    assert article.title == "Untitled fragment (d.txt line 7)"
    assert article.confidence <= 0.5
    (note,) = [a for a in article.annotations if "review" in a.tags]
    assert note.tags == ("flag", "review") and "give it one" in note.note
    assert not render_body(article.body, article.annotations).unanchored


def test_a_doubt_of_the_boundary_becomes_a_review_flag_on_its_line():
    from sitegen.split.boundary import Item

    blocks = (Block(1, "Harbour cranes return to the old port"), Block(3, LONG), Block(5, "Why the line is late"), Block(7, LONG))
    item = Item(0, 4, 0.6, ((5, "headline-shaped line kept as a subheading; check it does not start a new item"),))
    article = assemble(blocks, "d.txt", None, item)
    (note,) = [a for a in article.annotations if "review" in a.tags]
    assert note.quote == "Why the line is late"
    assert "confidence 0.60" in note.note
    assert article.review == ((5, "headline-shaped line kept as a subheading; check it does not start a new item"),)
    assert "\n## Why the line is late\n" in article.body  # a line flagged for review only keeps its heading
    assert not render_body(article.body, article.annotations).unanchored


def test_a_line_after_the_wire_credit_stays_in_the_text_and_the_credit_still_counts():
    article = make("Copper hits a two-year high", LONG, "Reporting by Aisha Kamara; Editing by Mark Potter",
                   "Our Standards: The Trust Principles.")
    assert article.authors == ("Aisha Kamara",)
    assert article.body.endswith("Our Standards: The Trust Principles.\n") and "Reporting" not in article.body


def test_a_wire_credit_wrapped_over_two_lines_still_counts():
    for first, second in (("Reporting by Daniel Ferreira in Cape Canaveral, Florida; Editing by", "Mark Halvorsen"),
                          ("Writing by Kim Soo-ah; additional reporting by Daniel Ferreira;", "Editing by Lisa Okonjo")):
        article = make("Launch scrubbed over valve fault", LONG, first, second)
        assert article.authors == (first.split(" by ")[1].split(" in ")[0].split(";")[0],)
        assert "Editing" not in article.body and second not in article.body


def test_a_by_line_under_the_standfirst_is_the_by_line():
    standfirst = "When the floods came for the third time, the town faced a choice no one had asked it to make."
    article = make("The town that the river took back", standfirst, "By Daniel Okoro", LONG)
    assert article.authors == ("Daniel Okoro",)
    assert article.body.startswith(standfirst) and "Okoro" not in article.body


def test_a_group_is_not_an_author():
    assert make("The view on housing", "By Editorial Board", LONG).authors == ()


def test_the_photographer_of_every_picture_is_the_author_only_without_a_writer():
    pictures = ("A gondolier waits for passengers.", "Photograph: Marco Bellini", "An empty stop at dusk.", "Photograph: Marco Bellini")
    assert make("Venice in winter", LONG, *pictures).authors == ("Marco Bellini",)
    assert make("Venice in winter", "By Jane Hill", LONG, *pictures).authors == ("Jane Hill",)
    assert make("Venice in winter", LONG, *pictures[:2]).authors == ()  # one credit: who took one picture


def test_a_by_line_under_a_second_headline_is_the_by_line():
    article = make("Ellison hat-trick keeps Castle Vale top", "Castle Vale 4-0 Northbridge Ladies", "By Nia Roberts", LONG)
    assert article.authors == ("Nia Roberts",) and "Castle Vale 4-0" in article.body


def test_a_by_line_under_a_teaser_does_not_make_it_a_whole_article():
    from sitegen.split.boundary import Item

    blocks = (Block(1, "Kenya's new tax on mobile money"), Block(2, "The 16% duty is charged on transfer fees, not on the money."),
              Block(3, "Amina Yusuf and Daniel Otieno · 29 Oct 2026"))
    article = assemble(blocks, "d.txt", item=Item(0, 3, 1.0, teaser=True))
    assert article.kind is ArticleKind.FRAGMENT and article.authors == ("Amina Yusuf", "Daniel Otieno")


def test_a_teaser_with_an_images_alt_text_and_a_by_line_glued_to_its_date_is_a_fragment():
    from sitegen.split.boundary import Item

    for byline, names in (("Lachlan O'RourkeMarch 9, 2025", ("Lachlan O'Rourke",)),
                          ("Mia Tran and Lachlan O'RourkeMarch 12, 2025", ("Mia Tran", "Lachlan O'Rourke"))):
        blocks = (Block(1, "How many homes did NSW actually build last year?"),
                  Block(2, "Image: Cranes over a half-built apartment block in Parramatta"),
                  Block(3, "The state promised 75,000 a year. We counted completions, not approvals."), Block(4, byline))
        article = assemble(blocks, "d.txt", item=Item(0, 4, 1.0, teaser=True))
        assert article.kind is ArticleKind.FRAGMENT and article.authors == names


def test_a_group_by_line_and_a_contribution_name_no_author():
    article = make("Flooding forces hundreds from homes", "Staff and agencies", "Sun 9 Feb 2025 18.40 GMT", LONG,
                   "PA Media contributed to this report")
    assert article.authors == () and article.date is not None
    assert "Staff and agencies" not in article.body and "contributed" not in article.body


def test_a_date_then_by_name_gives_the_author_and_the_date():
    article = make("Growing tomatoes on a balcony", "June 3, 2025 by Hannah Okafor", LONG)
    assert article.authors == ("Hannah Okafor",) and str(article.date) == "2025-06-03"


def test_an_item_of_a_page_of_teasers_is_a_fragment_however_long_its_paragraph_unless_a_notice():
    from sitegen.split.boundary import Item

    notice = ("Peacefully at Rosehill Nursing Home on 2 June 2025, aged 96. Beloved wife of the late Harold, much-loved "
              "mother of Susan and Graham. Funeral service at St Peter's Church, Ripley, on Friday 13 June at 11am.")
    long_one = assemble((Block(1, "ASHWORTH, Dorothy May"), Block(3, notice)), "d.txt", item=Item(0, 2, 1.0, teaser=True))
    assert long_one.kind is ArticleKind.ARTICLE
    short = "Brent crude fell below $70 a barrel for the first time in more than three years."
    teaser = assemble((Block(1, "Oil price falls to lowest since 2021"), Block(3, short)), "d.txt", item=Item(0, 2, 1.0, teaser=True))
    assert teaser.kind is ArticleKind.FRAGMENT
    brief = ("Authorities in Guangdong suspended train services and closed schools as the storm, packing winds of up to "
             "160km/h, approached the coast. It is expected to make landfall near Zhanjiang on Tuesday morning.")
    long_teaser = assemble((Block(1, "Typhoon forces evacuation of 300,000"), Block(3, brief)), "d.txt", item=Item(0, 2, 1.0, teaser=True))
    assert long_teaser.kind is ArticleKind.FRAGMENT


def test_a_book_extract_names_the_book_s_author():
    statement = "Extracted from Salt and Ember by Nadia Haddad (Hearth Press, £28). Reproduced with permission of the publisher."
    article = make("Slow-roast lamb shoulder", LONG, statement)
    assert article.authors == ("Nadia Haddad",) and article.licence.kind is LicenceKind.PERMISSION


def test_a_signature_under_a_valediction():
    assert make("The Climate Weekly", LONG, "See you next week,", "Marta Kowalczyk, editor").authors == ("Marta Kowalczyk",)


def test_a_copyright_notice_under_the_page_s_links_is_not_the_item_s():
    links = "Unsubscribe | Manage preferences | Forward to a friend"
    article = make("The Morning Brief", LONG, "Jenny Lau", links, "© 2025 The Daily Chronicle. All rights reserved.")
    assert article.licence.kind is LicenceKind.UNKNOWN
    assert make("The Morning Brief", LONG, "© 2025 The Daily Chronicle. All rights reserved.").licence.kind is LicenceKind.ALL_RIGHTS_RESERVED


def test_by_lines_glued_to_a_publisher_a_role_or_a_date_name_only_the_people():
    assert make("Dear Annie: money and my sister", "By Annie Lane, Creators Syndicate", LONG).authors == ("Annie Lane",)
    assert make("Hollow Crown sequel delayed", "By Jess Kowalczyk published 3 hours ago", LONG).authors == ("Jess Kowalczyk",)
    assert make("Hiking the Dolomites", "March 3, 2025 | Leah Morgan | 14 Comments", LONG).authors == ("Leah Morgan",)
    assert make("Harbour cranes return", "Von Maria Costa und Hans Müller", LONG).authors == ("Maria Costa", "Hans Müller")


def test_a_signed_letter_and_a_speaker_label():
    assert make("Cranes", LONG, "Yours sincerely, Maria Costa").authors == ("Maria Costa",)
    assert make("Cranes", LONG, "Maria Costa, Professor of History, University of Lisbon").authors == ("Maria Costa",)
    assert make("Morning Edition", "MARISA KENT, HOST:", LONG).authors == ()


def test_an_employer_under_a_job_title_is_not_an_author():
    assert make("Fundraising Officer", "Mersey Hospice Trust", LONG).authors == ()


def test_a_bio_that_only_says_what_the_writer_writes_about():
    assert make("Cranes", LONG, "Maria Costa writes about cities and the sea.").authors == ("Maria Costa",)
    assert make("Cranes", LONG, "Maria Costa covers transport for The Harbour Times.").authors == ("Maria Costa",)


def test_a_short_article_among_teasers_is_still_an_article():
    from sitegen.split.boundary import Item

    def kind(*texts: str):
        return assemble(tuple(Block(1 + i, t) for i, t in enumerate(texts)), "d.txt", item=Item(0, len(texts), 1.0, teaser=True)).kind

    assert kind("Thornby win the indoor title", LONG, LONG, LONG) is ArticleKind.ARTICLE
    assert kind("Seed swap this Saturday", "Posted on 2 March 2025 by Harriet Lowe", LONG, LONG) is ArticleKind.ARTICLE
    assert kind("Seed swap this Saturday", "Posted on 2 March 2025 by Harriet Lowe", LONG) is ArticleKind.FRAGMENT
    assert kind("Kenya cuts rates", LONG, LONG) is ArticleKind.FRAGMENT
    short = "The bank said inflation had fallen within its target range."
    assert kind("Kenya cuts rates", short, short, short) is ArticleKind.FRAGMENT  # a teaser of three short lines
    table = ("Candidate | Party | Votes", "Naomi Fairweather | Green Party | 1,204", "Tom Hebden | Labour | 992")
    assert kind("Castle ward: Greens win by 212 votes", "Castle ward result:", *table) is ArticleKind.ARTICLE
    assert kind("Fundraising Officer", "£28,000 - £30,000 pro rata, 12 months fixed term", LONG, LONG) is ArticleKind.FRAGMENT


def test_a_letter_signed_on_two_lines_names_its_writer():
    article = make("Bus cuts will strand the villages", LONG, "Yours faithfully, Margaret Okafor", "Little Haddon")
    assert article.authors == ("Margaret Okafor",) and article.body == LONG + "\n"
    assert make("More bins", LONG, "Robert and Susan Carter", "Whitby").authors == ("Robert Carter", "Susan Carter")


def test_a_by_line_repeated_at_the_end_is_end_matter():
    article = make("Cars are not free", "Tom Hale | The Commuter", LONG, "This article was written by Tom Hale, transport editor.")
    assert article.authors == ("Tom Hale",) and article.body == LONG + "\n"
    assert make("Cars", "By Tom Hale", LONG, "Jane Hill, Leeds").body.endswith("Jane Hill, Leeds\n")


def test_hosts_presenters_and_reviewers_are_not_writers():
    assert make("Episode 12: the salt road", "Hosted by Mark Dale and Yuki Tanaka", LONG).authors == ()
    assert make("Cranes", "By Jane Hill", LONG, "Reviewed by: Peter Mwangi, deputy editor").authors == ("Jane Hill",)
    assert make("Fact check: lemons and malaria", "Fact-checked by Chiamaka Obi", LONG).authors == ("Chiamaka Obi",)


def test_by_lines_with_the_date_first_or_a_handle():
    assert make("Cranes", "12 May 2025 – Jane Hill", LONG).authors == ("Jane Hill",)
    assert make("Cranes", "Jane Hill @janehill", LONG).authors == ("Jane Hill",)
    assert make("Cranes", LONG, "Jane Hill (@janehill) is a reporter for The Ledger.").authors == ("Jane Hill",)


def test_a_by_line_under_the_page_s_fields_and_a_line_of_credits():
    fields = ("Format: News and Press Release", "Source: Action Santé Mondiale", "Posted: 16 Nov 2026")
    byline = "By Hélène Morin, Country Director, Action Santé Mondiale Mozambique"
    assert make("Cabo Delgado: families arrive with nothing", *fields, byline, LONG).authors == ("Hélène Morin",)
    credits = "Show notes by Lena Fischer. The Long Haul is produced by Harbourline Audio. Music by Tamsin Reed."
    article = make("Episode 147: containers at sea", LONG, credits)
    assert article.authors == ("Lena Fischer",) and article.body == LONG + "\n"


def test_a_recipe_s_book_with_a_price_names_its_author():
    statement = "Recipe from Proper Toast by Owen Pryce-Jones (Little Anvil Books, £18.99). Republished with permission."
    assert make("Welsh rarebit crumpets", LONG, statement).authors == ("Owen Pryce-Jones",)


def test_a_card_of_a_listing_with_its_date_or_by_line_under_its_paragraph_is_a_fragment():
    card = "The chart was shared by an opposition MP. It compares pre-tax prices in some countries with pump prices."
    assert make("Fuel chart leaves out taxes", card, "Kwame Asante · 24 Oct 2026").kind is ArticleKind.FRAGMENT
    assert make("Fundraising Assistant", card, "Posted 1 week ago").kind is ArticleKind.FRAGMENT
    assert make("Fuel chart leaves out taxes", card, LONG, "24 Oct 2026").kind is ArticleKind.ARTICLE


def test_a_signature_under_the_date_of_a_notice():
    assert make("Declaration of result", LONG, "Dated Friday 8 May 2027", "Sarah Gillespie").authors == ("Sarah Gillespie",)


def test_a_signature_with_the_signer_s_post_on_its_own_line_before_a_printer_s_note():
    post = ("Dated Friday 8 May 2027", "Sarah Gillespie", "Returning Officer", "Printed and published by the Returning Officer, Westmoor.")
    article = make("Declaration of result: Castle ward", LONG, *post)
    assert article.authors == ("Sarah Gillespie",) and article.body.endswith("Printed and published by the Returning Officer, Westmoor.\n")
    clerk = ("/s/ Maria Gonzalez", "Maria Gonzalez, County Clerk", "Published in the Marlow Valley Ledger March 5, 2025.")
    assert make("NOTICE OF PUBLIC HEARING", LONG, *clerk).authors == ("Maria Gonzalez",)
    parish = make("Post office returns", "Posted on 11 March 2027 by Parish Clerk", LONG, "Jane Whitby", "Clerk to Great Alderton Parish Council")
    assert parish.authors == ("Jane Whitby",)


def test_an_open_letter_signed_by_several_under_one_valediction():
    signers = (
        "Yours sincerely,", "Prof. Helen Marwood, Freshwater Ecology, University of Lancaster",
        "Kath Penrose, dairy farmer, Devon", "Rahul Mistry, Open Water Swimming Association", "and 4,807 others",
        "This letter may be shared freely. Text licensed under CC BY 4.0.",
    )
    article = make("An open letter to the Secretary of State", LONG, *signers)
    assert article.authors == ("Helen Marwood", "Kath Penrose", "Rahul Mistry")
    assert article.licence.kind is LicenceKind.CC and article.body == LONG + "\n\nYours sincerely,\n"


def test_a_forum_poster_s_handle_above_the_post_s_date_names_the_poster():
    post = ("Recipes & Technique", "belgian", "fermentation", "hopsandhops", "Oct 2024", LONG)
    assert make("Stuck fermentation on a Belgian dubbel: repitch or wait?", *post).authors == ("hopsandhops",)
    assert make("Show and tell: our first competition", "Club News", "Greta_L", "Nov 2024", LONG).authors == ("Greta_L",)
    assert make("Budget talks resume", "Politics", "12 May 2025", LONG).authors == ()
    assert make("Budget talks resume", "politics", LONG).authors == ()


def test_first_names_sign_a_post_under_its_last_sentence():
    lines = [
        "Devlog 11: what the playtest taught us",
        "We ran the second playtest last weekend with forty players, and the results surprised us in several ways.",
        "If you want to join the next playtest, sign up on our Discord.",
        "Gil & Rosa",
    ]
    article = assemble(tuple(Block(2 * i + 1, t) for i, t in enumerate(lines)), "devlog.txt")
    assert article.authors == ("Gil", "Rosa")
    assert "Gil & Rosa" not in article.body


def test_a_headline_that_reads_like_a_name_is_still_the_title_but_not_its_by_line():
    shop = make("Harbour Barbers", "Walk-in cuts from £12, with a quiet hour on Tuesday mornings for customers who want no chat.")
    assert shop.title == "Harbour Barbers" and shop.authors == ()
    wiki = make("Ida Lenk", "Ida Lenk", LONG, LONG)
    assert wiki.title == "Ida Lenk" and wiki.authors == ()


def test_a_signature_over_its_post_keeps_the_copyright_line_as_the_item_s():
    article = make("A note on ten years", LONG, "Thank you for coming along with us.", "Ruth Amos", "Managing Partner",
                   "© 2023 Amos Capital LLP. All rights reserved.")
    assert article.authors == ("Ruth Amos",)
    assert article.licence.kind is LicenceKind.ALL_RIGHTS_RESERVED


def test_a_dash_and_a_first_name_sign_under_a_caption():
    article = make("Found at the flea market", LONG, "Image: the strip in its battered frame", "— Bill")
    assert article.authors == ("Bill",)


def test_a_listing_card_is_a_fragment_and_a_citation_link_does_not_break_off():
    card = make("Winter Craft Fayre", "Sat 28 November 2026 · Town Hall, Market Place, Thirsk",
                "A friendly indoor fair with 35 stalls, tombola and refreshments.")
    assert card.kind is ArticleKind.FRAGMENT
    dated = make("New crane delivered to the container terminal", "24.02.2027 | Infrastructure",
                 "The second of two electric cranes arrived from Shanghai on Tuesday.")
    assert dated.kind is ArticleKind.FRAGMENT
    cited = make("Mapping greetings along the Rhine", LONG, LONG,
                 "Cite this post: Lenz, Anna (2026). Mapping greetings along the Rhine. https://example.org/1482")
    assert cited.kind is ArticleKind.ARTICLE


def test_a_headline_written_as_two_sentences_over_its_by_line():
    article = make("Ferries are leaving the island. Nobody has a plan.", "By Ana Ruiz", LONG, LONG)
    assert article.title == "Ferries are leaving the island. Nobody has a plan." and article.authors == ("Ana Ruiz",)
    letter = make("I agree with your editorial.", LONG, LONG)
    assert letter.body.startswith("I agree with your editorial.")  # no by-line under it: its text, not a headline


def test_a_date_after_the_headline_s_dash_stays_in_the_title():
    article = make("Tarn River Fishing Report – June 2, 2026", LONG, LONG)
    assert (article.title, article.publisher) == ("Tarn River Fishing Report – June 2, 2026", None)


def test_a_licence_stated_under_the_headline_is_the_item_s():
    article = make("Ice axe skills", "The following appeared in RadCom and is reproduced with the permission of the RSGB.", LONG, LONG, LONG)
    assert article.licence.kind is LicenceKind.PERMISSION
    caption = "Image: the planet drawn into its star. Images and videos are released under the Creative Commons licence CC BY 4.0."
    assert make("A star swallows its planet", caption, LONG, LONG, LONG).licence.kind is LicenceKind.UNKNOWN


def test_two_paragraphs_under_a_teaser_s_headline_are_the_article():
    def teaser(*texts: str):
        blocks = tuple(Block(1 + 2 * i, t) for i, t in enumerate(texts))
        return assemble(blocks, "d.txt", item=Item(0, len(blocks), 1.0, teaser=True))

    paragraph = LONG + " " + LONG  # longer than three short lines together
    assert teaser("Road closure: Cliff Lane", paragraph, paragraph).kind is ArticleKind.ARTICLE
    assert teaser("Road closure: Cliff Lane", paragraph).kind is ArticleKind.FRAGMENT
    assert teaser("Road closure: Cliff Lane", LONG, "Cafe open late on Fridays.").kind is ArticleKind.FRAGMENT  # two short lines


def test_a_picture_desk_caption_is_the_photographer_s():
    caption = "OSLO, Norway — Farmers park tractors in front of the Storting on Wednesday during a protest against fuel tax."
    assert make("Farmers protest against fuel tax", caption, "Photo: Henrik Sæther / NordPress").authors == ("Henrik Sæther",)
    assert make("Farmers protest against fuel tax", LONG, "Photo: Henrik Sæther / NordPress").authors == ()  # no dateline: a story's picture


def test_a_by_line_under_a_dated_section_name_gives_the_writer():
    article = make("How to plan a winter wedding", "November 2026 · Planning Tips", "By Hattie Lloyd, Wedding Coordinator", LONG)
    assert article.authors == ("Hattie Lloyd",)
    assert article.byline == "November 2026 · Planning Tips\n\nBy Hattie Lloyd, Wedding Coordinator"
    assert article.body == LONG + "\n"
    dated = make("Kilnsey show report", "12 August 2026 · Jo Hart", "Rain held off until the sheep classes were judged.", LONG)
    assert dated.authors == ("Jo Hart",)  # a name after the date, with no "By" line under it, is the writer


def test_a_signature_over_a_line_about_the_writer():
    article = make("Open the books", LONG, "— Kenny Baird",
                   "Kenny has had a season ticket in the Harbour End since 1987 and was the zine's editor from 1998 to 2011.")
    assert article.authors == ("Kenny Baird",)
    assert article.body == LONG + "\n" and "Kenny has had" in (article.byline or "")
    initials = make("A countermarked penny", LONG, "G. P. H.", "G. P. Hartigan is the Society's Honorary Librarian.")
    assert initials.authors != ("G. P. H",)  # initials sign: the line under them names the writer, not "G."


def test_a_date_row_with_a_label_gives_the_date_and_a_by_line_under_an_intro_the_writer():
    intro = "Élise writes: I met Yaniel at a workshop in Toronto last year and have pestered him to write for us ever since."
    article = make("Guest post: The clave is an argument", "9 April 2025 · Guest posts", intro, "By Yaniel Ortega", LONG)
    assert str(article.date) == "2025-04-09"
    assert article.authors == ("Yaniel Ortega",)
    assert article.body.startswith(intro)
    assert make("Notes", "9 April 2025 · We met at the hall and talked about the roof.", LONG).date is None  # a sentence, not a label


def test_a_headline_wrapped_onto_the_line_over_its_by_line_is_whole():
    article = make("A new locality record for the Malabar pit viper", "(Craspedocephalus malabaricus) in Kodagu district",
                   "Ravi Poovaiah and Anusha Belliappa", LONG)
    assert article.title == "A new locality record for the Malabar pit viper (Craspedocephalus malabaricus) in Kodagu district"
    assert set(article.authors) == {"Ravi Poovaiah", "Anusha Belliappa"} and article.body == LONG + "\n"
    by_line = make("Ballymore bypass to open to traffic next month", "by Niall Keogh", "3 March 2025", LONG)
    assert (by_line.title, by_line.authors) == ("Ballymore bypass to open to traffic next month", ("Niall Keogh",))


def test_a_reader_views_headline_wrapped_onto_a_line_opening_with_a_capital_is_whole():
    article = make("What a Danish island's heating co-op can teach", "British community energy", "Gwen and Tomas Pryce",
                   "7–9 minutes", LONG)
    assert article.title == "What a Danish island's heating co-op can teach British community energy"
    assert article.authors == ("Gwen Pryce", "Tomas Pryce")  # two of one surname under the headline
    place = make("Country diary: a stoat's winter coat comes in patchy", "Upper Teesdale, County Durham", "By Amy Liptrot", LONG)
    assert place.title == "Country diary: a stoat's winter coat comes in patchy"  # no reader view: a place under the headline


def test_a_first_name_signature_over_a_line_about_the_writer_names_them_whole():
    article = make("The varnish that would not dry", LONG, "— Ciarán",
                   "Ciarán Ó Floinn trained at the Scuola Internazionale di Liuteria in Cremona and has made violins in Ballydehob since 2003.")
    assert article.authors == ("Ciarán Ó Floinn",) and article.body == LONG + "\n"
    other = make("The varnish that would not dry", LONG, "— Ciarán",
                 "Maeve Ní Bhriain trained at the Scuola Internazionale di Liuteria in Cremona and has made violins in Ballydehob since 2003.")
    assert "Maeve Ní Bhriain" not in other.authors and "Ciarán Ó Floinn" not in other.authors  # a line about someone else
    vendor = make("Ten years on Buchanan Street", LONG, "Davie", "Davie sells The Close at the corner of Buchanan Street, Monday to Saturday.")
    assert vendor.authors == ("Davie",)  # the first name is all the page gives


def test_a_closing_line_about_a_person_with_no_job_in_it_names_the_writer_of_an_unsigned_item():
    bio = "Anita Sharma is a volunteer who has sampled the lake every summer since 2016."
    article = make("What the lake told us in 2025", LONG, bio)
    assert article.authors == ("Anita Sharma",) and article.body == LONG + "\n"
    signed = make("What the lake told us in 2025", "By Tom Brandt", LONG, bio)
    assert signed.authors == ("Tom Brandt",)  # a writer named above: the closing line is about someone else
    assert make("Ferry timetable changes", LONG, "Ferries leave from Pier 3.").authors == ()


def test_a_releases_media_contact_names_no_writer():
    article = make("Runway works to begin in May", LONG, "Media relations", "Geneviève Tremblay", "Trois-Lacs Airport Authority",
                   "819-555-0140 | medias@yul-tl.example")
    assert article.authors == ()


def test_a_first_name_signature_takes_the_whole_name_the_items_head_gives():
    article = make("Aligot for forty", "from the kitchen of Mireille Fabre, Saint-Affrique", LONG, "Mireille")
    assert article.authors == ("Mireille Fabre",)
    owned = make("Free pattern: Bryggen mitts", "November 15, 2026 · Ingrid · 32 Comments", LONG, "Pattern © 2026 Ingrid Solberg.")
    assert owned.authors == ("Ingrid",)  # the owner's legal name in a © line is not how the writer signs


def test_a_headline_wrapped_over_a_papers_narrow_column_is_whole():
    article = make("Ballinrobe mart to", "close after 70 years", "as buyers move online", "By Seán Ó Murchú", LONG)
    assert (article.title, article.authors) == ("Ballinrobe mart to close after 70 years as buyers move online", ("Seán Ó Murchú",))
    lede = make("Cong school wins", "national award for", "its seashore project", "PUPILS from Scoil Náisiúnta Chonga have won an award.", LONG)
    assert lede.title == "Cong school wins national award for its seashore project"


def test_a_by_line_with_its_publisher_glued_to_a_day_first_date_gives_the_writer():
    article = make("Meru's cold rooms", "Wanjiru Kamau | Msingi Business Review04 March 2025 · 11 min read", LONG)
    assert article.authors == ("Wanjiru Kamau",) and str(article.date) == "2025-03-04"


def test_a_writers_by_line_under_the_posters_names_the_writer():
    article = make("Trap night report: Margam Country Park", "Posted on 27 September 2025 by Gareth Pryce", "Report by Dr Eleri Vaughan", LONG)
    assert article.authors == ("Eleri Vaughan",) and str(article.date) == "2025-09-27"
    guest = make("Guest post: my first year of garden trapping", "Posted on 15 September 2025 by Gareth Pryce", "by Tomos Bell", LONG)
    assert guest.authors == ("Tomos Bell",)
    alone = make("Trap night report", "Posted on 27 September 2025 by Gareth Pryce", LONG)
    assert alone.authors == ("Gareth Pryce",)


def test_a_row_of_the_date_and_the_writer_over_a_teasers_headline_gives_both():
    article = make("Roundtable report | 13 March 2025 | By Dr Leila Haddad", "Making the NDIS sustainable without cutting supports",
                   "Participants from disability organisations and state governments discussed the review's recommendations.")
    assert article.title == "Making the NDIS sustainable without cutting supports"
    assert article.authors == ("Leila Haddad",) and str(article.date) == "2025-03-13"
    assert "Roundtable report" not in article.body


def test_a_feeds_time_row_over_the_headline_is_no_title():
    article = make("18:36 IST | National", "Monsoon likely to be normal this year, says IMD's first forecast",
                   "New Delhi, Mar 21 (BNS) The south-west monsoon is likely to bring normal rainfall this year.")
    assert article.title == "Monsoon likely to be normal this year, says IMD's first forecast"


def test_a_notice_signed_then_dated_or_addressed_names_its_signer():
    notice = "Notice is hereby given that the company resolved to wind up voluntarily at a meeting held on 7 March 2025."
    dated = make("DUNVEGAN MARINE SERVICES LTD", notice, "Catriona MacLeod, Liquidator", "7 March 2025")
    assert dated.authors == ("Catriona MacLeod",)
    assert "Liquidator" not in dated.body and dated.body.count("7 March 2025") == 1  # both lines are the signature's
    addressed = make("Sequestration of a partnership", notice, "Amara Oyelowo-Grant, Interim Trustee",
                     "Accountant in Bankruptcy, 1 Pennyburn Road, Kilwinning, KA13 6SA")
    assert addressed.authors == ("Amara Oyelowo-Grant",)
    sentence = make("A notice", notice, "Catriona MacLeod, Liquidator", "Claims close on 4 April, at noon, with 2 copies.")
    assert sentence.authors == ()  # a sentence under a name is text: the name signs nothing


def test_one_brief_is_titled_by_its_lead_in_whatever_cut_it():
    blocks = (Block(69, "* Patch delayed again: Halcyon Forge pushed the next patch back a week to fix the trap bug"),
              Block(70, "players found in Lisbon."))
    article = assemble(blocks, "d.txt", item=Item(0, 2, 1.0))  # cut by the tagger, not read as a listing's brief
    assert article.title == "Patch delayed again"
    assert "Halcyon Forge pushed the next patch back" in article.body  # its line is its text


def test_a_reviewers_handle_is_named_without_the_rating_or_date_after_it():
    assert _handle_alone("saison_sue  4.5") == "saison_sue" and _handle_alone("harbourlights_anne March 2") == "harbourlights_anne"
    assert _handle_alone("ben84 4/5") == "ben84"
    assert _handle_alone("Jane Hill") == "Jane Hill" and _handle_alone("jane_doe Smith") == "jane_doe Smith"


def test_the_headline_under_a_posted_on_by_row_is_the_title_not_a_heading_of_the_text():
    article = make(
        "Posted on 18 November 2025 by Gethin Parry",
        "Two thousand trees in a weekend at Coed y Dderwen",
        "Forty-three volunteers and two school groups planted oak, rowan and hazel along the new shelterbelt.",
    )
    assert article.title == "Two thousand trees in a weekend at Coed y Dderwen"
    assert article.authors == ("Gethin Parry",) and not article.problems
    assert article.meta_lines == (1, 3) and "Two thousand" not in article.body


def test_a_label_or_a_wrapped_sentence_under_the_row_is_no_headline():
    assert make("Posted on 2 March 2025 by Ann Hale", "NEW", LONG).title != "NEW"
    wrapped = make("Posted on 2 March 2025 by Ann Hale", "Bought this after hearing the live session and it is", "even better on vinyl.")
    assert wrapped.meta_lines == (1,)


def test_a_teasers_deck_naming_its_writer_gives_the_author():
    article = make("Duty day diary: 31 cases, one adviser and a broken lift",
                   "Adviser Callum Reddy writes about a Monday list that ran from 9.45am until 4.30pm, and the tenant with the letters.")
    assert article.authors == ("Callum Reddy",)


def test_a_row_of_facts_over_the_headline_is_no_title():
    article = make("Press release · OptiWire · 19 March 2026", "Lumira Vision launches daily myopia-control lens in Ireland", LONG)
    assert article.title == "Lumira Vision launches daily myopia-control lens in Ireland"
    assert make("Film · Festival 2025", "Màiri's Island", LONG).title == "Màiri's Island"


def test_a_row_over_a_sentence_or_another_row_is_left_alone():
    over_sentence = make("Hall notices · Members", "The hall will be closed on Monday for repairs.", LONG)
    assert over_sentence.title != "The hall will be closed on Monday for repairs."
    over_row = make("Knitting Circle · Tuesdays", "Room 2 · Free · All welcome", LONG)
    assert over_row.title != "Room 2 · Free · All welcome"


def test_the_headline_under_a_row_posted_by_a_group_is_the_title_and_the_row_its_date():
    article = make("Posted on 11 March 2026 by Special Collections", "Guest post: A binder's ticket, a bus ticket and a love letter",
                   "Guest post by Dr Aoife Brennan, Visiting Fellow. What turned up when we lifted the pastedown of a battered hymn book.")
    assert article.title == "Guest post: A binder's ticket, a bus ticket and a love letter"
    assert article.date == dt.date(2026, 3, 11) and article.authors == ("Aoife Brennan",)


def test_a_headline_that_cannot_end_on_its_line_goes_on_under_it():
    article = make("Steam on still water: the launches of", "Ullsmere and the people keeping them afloat", LONG)
    assert article.title == "Steam on still water: the launches of Ullsmere and the people keeping them afloat"
    signed = make("A History of Election Night, by", "Rhiannon Price", LONG)
    assert signed.title == "A History of Election Night, by Rhiannon Price"


def test_a_long_headline_in_capitals_wrapped_onto_a_short_line_in_capitals():
    article = make("INDEPENDENT EXAMINER'S REPORT TO THE TRUSTEES OF UPPER DALES COMMUNITY", "TRANSPORT", LONG)
    assert article.title == "INDEPENDENT EXAMINER'S REPORT TO THE TRUSTEES OF UPPER DALES COMMUNITY TRANSPORT"


def test_a_headline_ending_on_a_whole_phrase_takes_no_line_under_it():
    assert make("Spring opening: nets up, coffee on", "image: Volunteers raising mist nets at dawn", LONG).title == "Spring opening: nets up, coffee on"
    assert make("Freshway Large Eggs, Grade A", "$2.49", LONG).title == "Freshway Large Eggs, Grade A"
    notice = make("THE HARTSHIRE (20 MPH SPEED LIMIT) ORDER 2025", "NOTICE OF PROPOSALS", LONG)
    assert notice.title == "THE HARTSHIRE (20 MPH SPEED LIMIT) ORDER 2025"


def test_a_channel_exports_stamp_row_over_the_headline_is_its_date():
    article = make("[12.03.2025 09:00] NW Media", "**Statement regarding our week 2 match**", LONG)
    assert article.title == "Statement regarding our week 2 match" and article.date == dt.date(2025, 3, 12)
    month_first = make("[3/25/2025 9:05 PM] Harbour FC", "Statement on tonight's floodlight failure", LONG)  # as a chat reads it
    assert month_first.title == "Statement on tonight's floodlight failure" and month_first.date == dt.date(2025, 3, 25)


def test_an_event_card_under_its_days_is_titled_by_its_headline_and_stands_for_the_event_page():
    card = make(
        "Sat 4 – Mon 6 April",
        "Easter Egg Hunt Specials",
        "Ride to Deppers Bridge and hunt for eggs in the woodland picnic site, with a chocolate prize for every child.",
        "Adults £16 · Children £8 · Under 3s free",
        "Organised by the Harbury Locomotive Group",
    )
    assert (card.title, card.authors, card.kind) == ("Easter Egg Hunt Specials", (), ArticleKind.FRAGMENT)
    one_day = make("Sun 17 May", "Vintage bus running day", "Buses from six decades run between the station and the town square all day.")
    assert (one_day.title, one_day.kind) == ("Vintage bus running day", ArticleKind.FRAGMENT)


def test_a_directorys_card_stands_for_the_places_page_however_much_it_says_unless_signed_as_a_guides_entry():
    cards = "\n\n".join(
        f"{name}\n{row}\n{text}\nOpen: Sundays, May–September\nInformation provided by the museum. Last updated March 2026\nVisit website →"
        for name, row, text in (
            ("Museumtramlijn Zuiderhaven", "Netherlands · Zuiderhaven · Operating heritage line, 3.1 km",
             "Heritage trams run every Sunday over a surviving section of the old harbour tramway. Rides are in the day ticket."),
            ("Strassenbahnmuseum Kellbach", "Germany · Kellbach · Static collection and 600 m demonstration track",
             "Twelve trams from Kellbach and the district, the oldest a maximum-traction car. Short rides on open days."),
            ("Tynedale Tramway Collection", "England · Hexham · Static collection, 2 km",
             "Four Tyneside cars restored by volunteers since 1979. The depot opens on bank holidays."),
        ))
    result = split_text("Tramway museum finder\n\nShowing 3 of 118 museums\n\n" + cards + "\n", "finder.txt")
    assert [(a.title, a.kind) for a in result.articles] == [
        ("Museumtramlijn Zuiderhaven", ArticleKind.FRAGMENT), ("Strassenbahnmuseum Kellbach", ArticleKind.FRAGMENT),
        ("Tynedale Tramway Collection", ArticleKind.FRAGMENT)]
    entry = (Block(1, "Bellwether"), Block(2, "31 Chandlers Row · 0117 496 0231 · Tue–Sat dinner"),
             Block(3, "The room is a former ship's chandlery, and the cooking has the same thrift and polish."), Block(4, "— R.K."))
    assert assemble(entry, "d.txt", item=Item(0, 4, 1.0, teaser=True, card=True)).kind is ArticleKind.ARTICLE  # a guide's entry, signed
