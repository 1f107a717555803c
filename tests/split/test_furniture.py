"""furniture: a whole item that is the site's own furniture becomes debris, never an article."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.boundary import Item
from sitegen.split.furniture import commenter, judge, menu_row, poster, vertical_menus
from sitegen.split.roles import classify, shape
from sitegen.split.text import Block
from tests.split_support import plan, read_lines, split_page

STORY = (
    "Harbour cranes return to the old port",
    "",
    "By Maria Costa",
    "",
    "The two cranes that stood over the old port until 1989 are back, restored by volunteers who spent four winters on them.",
    "",
    "The council says the quay will open to walkers in the spring, with a small museum in the former weighbridge office.",
)
LETTER = (
    "Bus cuts hit the villages hardest",
    "",
    "The withdrawal of the 41 leaves Alderton without a bus after six in the evening, and with it anyone who works late in town.",
    "",
    "Jane Hill, Alderton",
)


def split(*parts: tuple[str, ...]):
    text = "\n\n".join("\n".join(p) for p in parts) + "\n"
    result = split_text(text, "dump.txt")
    return result, text.split("\n")


def test_a_site_footer_after_the_last_article_is_not_an_article():
    footer = (
        "Riverside Vets Ltd is registered in England and Wales, company no. 04412871.",
        "© 2026 Riverside Veterinary Centre · Privacy · Cookies · Terms of use",
    )
    result, lines = split(STORY, ("Continue reading",), footer)
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port"]
    gone = {d.text for d in result.debris}
    assert set(footer) <= gone  # kept as debris, with the reason: nothing is lost


def test_a_masthead_with_its_menu_is_not_an_article():
    masthead = (
        "GREAT ALDERTON VILLAGE WEBSITE",
        "Home · Village News · Parish Council · What's On · Clubs · Church · Contact",
        "Serving Great Alderton, Little Alderton and Alderton Green since 2004.",
    )
    result, _ = split(masthead, STORY)
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port"]
    assert any(d.text == masthead[1] for d in result.debris)


def test_comments_under_an_article_are_not_articles():
    comments = (
        "3 thoughts on \"Harbour cranes return to the old port\"",
        "Morag says: November 3, 2026 at 7:15 am",
        "Lovely to see them back. My dad drove one of them in the seventies.",
        "Derek F. says: November 3, 2026 at 9:40 am",
        "Will the museum be open at weekends?",
    )
    result, _ = split(STORY, ("Continue reading",), comments)
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port"]
    assert all(any(d.text == c for d in result.debris) for c in comments)


def test_a_newsletter_box_between_articles_is_not_an_article():
    box = ("Stay in touch", "Sign up for our e-newsletter to hear about new productions, priority booking and special offers.")
    result, _ = split(STORY, ("Continue reading",), box, ("Continue reading",), LETTER)
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port", "Bus cuts hit the villages hardest"]


def test_a_directorys_box_asking_to_be_listed_is_not_an_article():
    box = ("Is your railway missing?", "Add your line to HeritageRailGuide for free. Listings are checked by our volunteer editors.",
           "Add a railway")
    result, _ = split(STORY, ("Continue reading",), box)
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port"]


def test_a_short_letter_and_a_short_article_survive():
    brief = (
        "Library opens on Sundays",
        "",
        "Alderton library will open from 10am to 2pm on Sundays from January, the council said.",
    )
    result, _ = split(LETTER, ("Continue reading",), brief)
    assert [a.title for a in result.articles] == ["Bus cuts hit the villages hardest", "Library opens on Sundays"]


def test_a_commenters_head_is_a_name_and_a_date_not_a_headline_or_by_line():
    for line in ("Margaret Pyke — 9 March 2027", "Joanne H. on 25 November 2026 at 8:14 pm", "Claire in Leeds – November 30, 2026 at 10:02 am",
                 "Post by Phil Adeyemi » Mon Apr 14, 2025 7:30 am", "Mark — 12 November 2026"):
        assert commenter(line), line
    for line in ("By Jenny Okonjo · 12 November 2026", "Blackfoot River Fishing Report – July 5, 2026", "Tragically on 29 November 2026, aged 34",
                 "Towpath closure at Drungewick Aqueduct, 7–11 December", "Published: 16 November 2026",
                 "Junior Home International, Aviemore, 3–4 October 2026", "IMPACT · 3 June 2025",  # a section's label over a teaser
                 "News · 3 March 2026", "Document · 14 January 2026"):  # a search result's kind over its text
        assert not commenter(line), line


def test_search_results_under_their_type_and_date_are_no_comments():
    lines = [
        "News · 14 October 2025",
        "Pennine Vale Water to pay £3.2m after overstating leakage reduction",
        "An investigation found that the company used an unapproved method to estimate night-time flows in 38 areas.",
        "Publication · 3 July 2025 · PDF, 612 KB",
        "Reporting guidance: leakage (version 4.1)",
        "Updated guidance for companies on calculating and reporting leakage, including the treatment of trunk main bursts.",
    ]
    kept, removed = judge([Item(0, 3, 1.0), Item(3, 6, 1.0)], *read_lines(lines), False)
    assert [(i.start, i.end) for i in kept] == [(0, 3), (3, 6)] and removed == []


def test_a_name_alone_over_a_date_and_time_heads_a_comment_but_a_venue_does_not():
    assert commenter("Priya Kaur", "Tue 12 Jan 2027 · 14:05")
    for venue in ("Standish Community Centre", "Hindley Methodist Church"):
        assert not commenter(venue, "Wed 13 Jan 2027 · 14:00–19:30"), venue


def test_a_menu_row_is_links_not_an_events_line():
    assert menu_row("Home | About | Club History | Teams | Fixtures | News | Contact")
    assert menu_row("Latest   Zoning   Transit   Housing   Public Space   Podcast   Donate")
    assert not menu_row("Thu 3 Dec · 8.30pm · £22 / £18 members")
    assert not menu_row("By Jane Hill · 3 March 2026 · 4 min read")
    assert menu_row("[contents] [back issues] [send us stuff] [stockists]")  # links in brackets
    assert not menu_row("wessextennis.org.uk › clubs › facilities › floodlighting")  # a search result's address
    assert menu_row("Home About the Society Lectures & Events Library Membership Archive Contact")  # no separators
    assert not menu_row("Home is where the heart is, and the village hall is its kitchen.")
    assert not menu_row("Home Office confirms new rules for visitor visas")  # a headline: too few words, one verb
    assert menu_row("Home | Shop | Workshops")  # three links from "Home"
    assert not menu_row("Home › Ice › Lessons")  # a crumb trail
    assert not menu_row("Home | Away | 3 points")


def test_a_masthead_with_its_menu_one_link_a_line_is_not_an_article():
    masthead = ("Kahawa Lane Roasters", "Shop Coffee", "Subscriptions", "Equipment", "Our Farms", "Journal", "Contact",
                "We roast every Tuesday and Friday in small batches, and deliver free within Nairobi on orders over KSh 3,000.")
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(masthead))
    judged = [judge([Item(0, len(masthead), 0.9)], blocks, [shape(t) for t in masthead], classify(masthead), first) for first in (True, False)]
    assert judged[0][0] == [] and {d.text for d in judged[0][1]} == set(masthead)  # the dump's first item: its masthead
    assert len(judged[1][0]) == 1  # further down, a list of short lines may be an item's
    assert vertical_menus(["Jane Hill is our chair.", "Home", "About", "Events"]) == 0  # three links are no menu
    assert vertical_menus(["* [7]Home", "* [8]Ensembles", "+ [9]Calder Youth Strings", "* [12]Join us"]) == 1  # a text browser's


def test_an_item_that_may_be_furniture_is_kept_with_a_review_flag():
    texts = ["Support the reserve", "Donate today and help us repair the boardwalk before the spring migration arrives.",
             "Every gift is matched by the Heritage Fund.", "The boardwalk opened in 1998.", "Thank you all."]
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert left == [] and len(kept) == 1
    assert any("may be site furniture" in why for _, why in kept[0].doubts)


def test_comments_under_a_heading_below_related_links_are_not_an_item():
    related = ["Worldcon in Glasgow: notes from the fan lounge", 'In "Con Reports"',
               "Corflu 41: the fanzine fans' fanzine convention", 'In "Con Reports"']
    comments = ['14 thoughts on "Westercon 78 in Spokane: a report from the hospitality suite"', "Gerald Pomeroy says:",
                "July 19, 2025 at 9:14 pm",
                "Ninety-two pounds. I was responsible for at least four of those. Lovely report, Marcy, and thank you for the paragraph."]
    texts = related + comments
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert kept == [] and all("comments" in d.reason for d in left)
    # a teaser's own text above the same heading keeps it an item
    teaser = [related[0], "Three days in the fan lounge at the SEC, where the tea ran out on Friday and nobody minded very much at all."]
    texts = teaser + comments
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    kept, _ = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert len(kept) == 1


def test_comments_under_a_log_in_prompt_are_not_an_item():
    texts = ["Log in to comment", "Pádraig Keogh", "14 September 2024",
             "Lovely piece. I was in the reading room last week and agree it is the best civic room built in the west in years.",
             "Reply", "Sinéad Roche", "16 September 2024",
             "The entrance really is hard to find. My mother walked past it in the rain and ended up in the café.", "Reply"]
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert kept == [] and [d.line for d in left] == list(range(1, len(texts) + 1))
    assert all("comments" in d.reason for d in left)
    for prompt in ("Sign in to comment", "Comments are closed.", "Be the first to comment", "Write a comment..."):
        kept, _ = judge([Item(0, len(texts), 0.9)], (Block(1, prompt), *blocks[1:]), [shape(t) for t in (prompt, *texts[1:])],
                        classify([prompt, *texts[1:]]), False)
        assert kept == [], prompt


def test_a_call_to_join_the_society_is_the_sites_an_invitation_to_an_event_is_not():
    from sitegen.split.furniture import site_line

    assert site_line("Join the Society: members receive our print Review twice a year and an invitation to the Annual Lecture.")
    assert site_line("Join the Friends of Elm Park today")
    assert not site_line("Join us on Thursday 15 January at 7pm at Ludlow Assembly Rooms for an illustrated talk.")
    assert not site_line("Forty people came to join the society's walk along the river on Sunday.")


def test_a_video_listed_with_only_its_date_is_not_an_item_but_one_with_text_is():
    bare = ["VIDEO: Sarmiento open workout, Cebu", "March 8, 2025", "[thumb]"]
    told = ["WATCH: Trailer for \"Iron Roof\" ahead of Friday premiere", "November 10, 2025",
            "The first full trailer for the haunted-estate horror has been viewed two million times since Monday […]"]
    kicked = ["VIDEO", "VIDEO: Nyeri farmers' cooperative turns ten", "17 February 2025",
              "[thumbnail: A young woman in a graduation gown with her parents]"]  # under its kicker, the next picture last
    for texts, kept in ((bare, 0), (told, 1), (kicked, 0)):
        blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
        found, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
        assert len(found) == kept and len(left) == len(texts) * (1 - kept)


def test_a_menu_one_link_a_line_over_the_dumps_first_article_is_not_the_articles():
    menu = ("Instruments", "Repairs & Restoration", "Bench Notes", "Visit the Workshop", "Contact")
    page = (*menu, "The varnish that would not dry: a winter in Ballydehob", "Posted on 3 February 2025 in Making, Varnish",
            STORY[4], STORY[6])
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(page))
    shapes, roles = [shape(t) for t in page], classify(page)
    kept, left = judge([Item(0, len(page), 0.9)], blocks, shapes, roles, True)
    assert [(i.start, i.end) for i in kept] == [(5, len(page))]  # from its headline
    assert [d.text for d in left] == list(menu) and all("menu" in d.reason for d in left)
    kept, left = judge([Item(0, len(page), 0.9)], blocks, shapes, roles, False)  # not the dump's first item: not read so
    assert [(i.start, i.end) for i in kept] == [(0, len(page))]


def test_a_teaser_that_says_powered_by_is_no_footer():
    teaser = ["Turkana's first women-run fish market opens at Kalokol",
              "Built with a cold room powered by solar panels, the market lets traders sell the day's catch the next morning.",
              "20 January 2025 · 3 min read"]
    footer = ["Mwangaza Foundation", "Proudly powered by WordPress", "Privacy policy · Terms of use"]
    for texts, kept in ((teaser, 1), (footer, 0)):
        blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
        found, _ = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
        assert len(found) == kept


def test_a_newsletters_headlined_and_signed_introduction_is_not_the_sites_furniture():
    intro = ("Afternoon Brief: load-shedding returns and the rand wobbles", "", "By Thandeka Mthembu, newsletter editor", "",
             "Good afternoon. Eskom's announcement at lunchtime sent half the newsroom to the generator schedule; "
             "we have the details below, and a story from the Eastern Cape that made us smile.", "", "Thandeka")
    result, _ = split(("View this email in your browser", "", "-" * 40), intro, ("-" * 40,), STORY)
    assert [a.title for a in result.articles] == [intro[0], STORY[0]]
    assert result.articles[0].authors == ("Thandeka Mthembu",)


def test_a_pages_heading_and_its_blurb_over_its_items_are_furniture_a_dated_teaser_is_not():
    page = ("Tollan Point station news: week ending 14 February", "",
            "Each week the winterers and summer staff at the station write a short note about their work.", "",
            "Penguin count finishes early", "", "The Adélie census on Tern Island wrapped up on Tuesday, two days ahead of plan.", "",
            "New generator arrives on the last ship", "", "The generator shipped in December was lifted ashore on Saturday morning.", "",
            "Midwinter menu chosen by vote", "", "The station voted for roast lamb, again, by a narrow margin over the curry.")
    result, _ = split(page)
    assert [a.title for a in result.articles] == [page[4], page[8], page[12]]
    assert any("heading and its blurb" in d.reason for d in result.debris)
    dated = (page[0], "", "Posted 25 November 2026", "", *page[2:])
    assert split(dated)[0].articles[0].title == page[0]


def test_a_columns_blurb_anywhere_in_its_line_makes_the_heading_furniture():
    page = ("Te Kōrero a te Koromatua | Mayor's column", "", "Mayor Hine Parata writes a fortnightly column for the Echo. Past columns are published here.",
            "", "Roading repairs: where the money goes", "",
            "February's storm caused $6.2 million of damage to our local roads this year. Most of it is in the hill suburbs.",
            "", "Kia ora to our new citizens", "",
            "Forty-two people became citizens at the ceremony in the council chamber on Friday. They came from eleven countries.",
            "", "Long-term plan: the hard choices start now", "",
            "The council must decide by June which projects go ahead and which wait. Have your say at the library.")
    result, _ = split(page)
    assert [a.title for a in result.articles] == [page[4], page[8], page[12]]


def test_a_diary_of_dates_under_its_heading_is_not_an_item_but_an_events_teaser_is():
    diary = ["DATES FOR YOUR DIARY", "Sun 16 March – Children's meeting: making bird boxes",
             "Wed 19 March – Sanctuary afternoon, 2–4.30pm", "Sat 5 April – Area Meeting at Ilkley, 10.30am"]
    rows = ["Coming to the hall", "Mar 25 | District 3 meeting | Coon Valley Community Center | 7:30 pm",
            "Apr 2 | Young Cooperators breakfast | Viroqua office | 8:00 am", "Apr 10 | Pasture walk | Haugen farm, Westby | 1:00 pm"]
    teaser = ["Shortlisting dates for 2026 confirmed", "Posted by the Prize Office · 6 January 2026",
              "Shortlists will be announced in February and March, with the winners revealed on 21 May."]
    event = ["Dates for the spring walks", "Saturday 3 May, 10am",
             "A gentle walk along the canal towpath, about five miles, with a stop at the lock-keeper's cottage."]
    for texts, kept in ((diary, 0), (rows, 0), (teaser, 1), (event, 1)):
        blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
        found, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
        assert len(found) == kept, texts[0]
        assert kept or all("diary of dates" in d.reason for d in left)
    one = diary[:2]  # one row is no diary (a heading over one event and no text is a card of fields)
    _, left = judge([Item(0, 2, 0.9)], (Block(1, one[0]), Block(2, one[1])), [shape(t) for t in one], classify(one), False)
    assert left and not any("diary of dates" in d.reason for d in left)


def test_a_paragraph_that_mentions_a_subscription_is_text_a_call_to_subscribe_is_the_sites():
    alert = ["Beware social media adverts for free air fryers",
             "Adverts on social media claim a supermarket is giving away air fryers to celebrate its anniversary if you complete "
             "a survey and pay £2.95 postage. Those who pay are signed up to a £49.99 monthly subscription hidden in the small print.",
             "If you have paid, call your card provider now.", "Shared under a Creative Commons Attribution 4.0 licence."]
    box = ["Never miss an alert", "Subscribe to our weekly newsletter and get every alert in your inbox.", "Sign up now"]
    for texts, is_item in ((alert, True), (box, False)):
        blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
        kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
        assert (len(kept), bool(left)) == ((1, False) if is_item else (0, True)), texts[0]


def test_a_card_of_fields_only_is_furniture_a_card_with_a_line_of_text_is_an_item():
    bare = ["After Lamorna Birch, river landscape, coloured print", "Estimate: £20 - £40   No bids", "Closes: 19 Mar 2025 19:35:00"]
    described = [bare[0], "A faded but honest print in its original oak frame, the glass cracked at one corner", *bare[1:]]
    dated = ["Tewkesbury camping", "Pitches open Friday 2pm.", "21 Apr 2026"]
    result = ["Winter Open series 2025–26", "northeastgolf.scot › competitions › winter-open-series", "Event · Sundays from 2 November · Various courses"]
    for texts, is_item in ((bare, False), (described, True), (dated, True), (result, False)):  # (a search result with no text)
        blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
        kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
        assert len(kept) == is_item, texts
        assert all("a card of fields only" in d.reason for d in left)


def test_a_posters_handle_over_the_date_heads_a_reply_not_an_item():
    assert poster("fellwalker_88", ["Rank: Regular · Posts: 214", "14 Mar 2026 11:40"])
    assert poster("ruth_at_the_wheel", ["Ruth Ambrose", "Feb 24"])
    assert not poster("v0.18.4", ["14 Mar 2026"])  # a release's version
    assert not poster("Harbour news", ["14 Mar 2026"])  # words of a page, no handle
    reply = ["ruth_at_the_wheel", "Ruth Ambrose", "Feb 24",
             "Tomek, I fired raku in a back garden in Leeds for six years. Tell the neighbours, give them your number."]
    kept, removed = judge([Item(0, 4, 1.0)], *read_lines(reply), False)
    assert kept == [] and "comments" in removed[0].reason


def test_a_calendar_of_dated_lines_is_furniture_but_dated_paragraphs_are_an_article():
    texts = ["DATES FOR YOUR DIARY", "Sat 29 March   Action day, Hartfield East, 10am, Market Cross",
             "Wed 2 April    Envelope stuffing, Gwen's house, 7pm", "Thu 1 May      POLLING DAY"]
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert kept == [] and {d.line for d in left} == {1, 2, 3, 4}
    assert all("diary of dates" in d.reason for d in left)
    texts = ["Dates for your diary", "Carers' cafés continue through the winter: Caerphilly on Tuesdays at the Twyn Community Centre, "
             "Abergavenny on the first Wednesday of the month. Pontypool meets on Thursdays.",
             "Christmas lunch for carers: Thursday 17 December, 12.30pm. Free, but places must be booked by 10 December."]
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert len(kept) == 1 and left == []  # paragraphs under the head: the newsletter's article


def test_a_diary_heading_a_longer_item_has_rows_that_open_with_their_date():
    rows = ["Dates for 2027", "Saturday 3 April — Island reopens for the season", "Sunday 6 June — Fog signal sounds at noon",
            "Saturday 10 July — Friends' day and AGM, with lunch in the shore station"]
    after = ["Friends of the Light membership runs from 1 January. Renew online or by cheque payable to the trust, "
             "whose volunteers keep the light, the garden and the shore station open to visitors through the season."]
    texts = rows + after
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert {d.line for d in left} == {1, 2, 3, 4} and [(i.start, i.end) for i in kept] == [(4, 5)]
    texts = ["Branch diary: dates for spring", "Tuesday 14 April, 8pm: Branch meeting, the Stubbing Wharf. Guest speaker on pub floors.",
             "Saturday 2 May: Heritage pub walk, Sowerby Bridge to Ripponden. Bus back.",
             "Saturday 30 May: Coach trip to the Black Country heritage pubs. Book with the Secretary."] + after
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert left == [] and len(kept) == 1  # entries of sentences: the diary is the newsletter's article


def test_a_list_of_headlines_with_no_text_under_any_is_furniture():
    texts = ["How to build a bucket trap for under £30", "The twenty commonest moths in Fermanagh gardens",
             "Light pollution and moths: what we found in Enniskillen"]
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    roles = classify(texts)
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], roles, False)
    assert kept == [] and all("list of headlines" in d.reason for d in left)
    texts = texts[:1] + ["A bucket, a funnel and a bulb from the hardware shop catch as many moths as a trap costing ten times as much."]
    blocks = tuple(Block(i + 1, t) for i, t in enumerate(texts))
    kept, left = judge([Item(0, len(texts), 0.9)], blocks, [shape(t) for t in texts], classify(texts), False)
    assert len(kept) == 1 and left == []


def test_a_blogs_name_strapline_and_about_us_blurb_over_its_first_post_are_its_masthead():
    result = split_page("blogger_about_blurb_place_commenter.txt")
    assert plan(result) == [((8, 20), "Guest post: my first pair of weights, by our apprentice", ("Ffion Beynon",))]
    reasons = {d.line: d.reason for d in result.debris}
    assert all("site" in reasons[n] for n in (1, 2, 4))  # "About us: We're Dilys and Tom …": the site's, not a fragment
