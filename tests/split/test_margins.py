"""margins: a story's headline and by-line left outside it by the boundary decision are its own."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import margins, split_text, tagger
from sitegen.split.boundary import Item
from sitegen.split.roles import classify, shape
from sitegen.split.tagger import Line, Tagging
from sitegen.split.text import Block, Debris
from tests.split_support import StartsAt, plan, split_page


class OutsideUntil:
    """A boundary decision that puts every line outside until one of `starts`, where an item starts."""

    def __init__(self, *starts: str) -> None:
        self.starts = set(starts)

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags, open_ = [], False
        for x in lines:
            if x.block.text in self.starts:
                tags.append("B")
                open_ = True
            else:
                tags.append("I" if open_ else "O")
        return Tagging(tuple(tags), tuple({"B": (1.0, 0.0, 0.0), "I": (0.0, 1.0, 0.0), "O": (0.0, 0.0, 1.0)}[t] for t in tags))


def split(lines: Sequence[str], *starts: str):
    text = "\n\n".join(lines) + "\n"
    with tagger.using(OutsideUntil(*starts)):
        return split_text(text, "dump.txt")


TEXT = "The Pocket Ember handheld drops to $149 this week, its lowest price since launch, at most of the big retailers in the US."


def test_a_headline_over_its_by_line_left_outside_heads_the_story_again():
    result = split(("Retro handheld Pocket Ember gets a price cut", "By Marcus Beale published 5 hours ago", TEXT), TEXT)
    assert [a.title for a in result.articles] == ["Retro handheld Pocket Ember gets a price cut"]
    assert result.articles[0].source.lines[0] == 1
    assert not any(d.text.startswith("Retro handheld") for d in result.debris)


def test_a_desks_credit_closing_the_teaser_above_is_no_headline_over_the_next_ones_date():
    page = ("Leopard spotted near Bavdhan housing society, forest dept sets up cameras", TEXT, "Express News Service",
            "Updated: Feb 18, 2025 11:20 IST", "Pune: Man held for duping 40 job seekers with fake airport offers", OTHER)
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(page))
    shapes = tuple(shape(t) for t in page)
    found = [Item(0, 2, 1.0), Item(3, 6, 1.0)]  # the credit left outside both
    out = margins.attach(found, blocks, shapes, classify(list(page), shapes=shapes), [Debris(3, page[2], "outside every item")])[0]
    assert [(it.start, it.end) for it in out][1] == (3, 6)


def test_a_headline_over_a_reviewers_handle_heads_the_review():
    result = split(("Perfect base for exploring Bairro Alto", "tiagoandsofia", TEXT), TEXT)
    assert [a.title for a in result.articles] == ["Perfect base for exploring Bairro Alto"]


def test_a_section_label_above_a_story_stays_outside_it():
    result = split(("Latest deals", "Gaming news", TEXT), TEXT)
    assert [a.source.lines[0] for a in result.articles] == [5]  # neither the label nor the line above it is the story's


def test_the_sites_lines_under_the_last_story_are_not_part_of_it():
    footer = ("« Older Entries", "Tynemouth Sub-Aqua Club is a branch of the British Sub-Aqua Club.", "© Tynemouth Sub-Aqua Club")
    story = ("Club boat laid up for winter", "By Dan Moss, Boat Officer", TEXT)
    result = split((*story, *footer), story[0])
    assert [a.title for a in result.articles] == ["Club boat laid up for winter"]
    assert result.articles[0].source.lines == (1, 5)
    assert {d.text for d in result.debris} >= set(footer)  # nothing is lost: the footer is debris saying why


def test_a_story_that_mentions_a_newsletter_in_its_text_keeps_it():
    line = "Sign up for the newsletter at the club, the secretary said, and the list of winter dives will come to you each month."
    story = ("Club boat laid up for winter", "By Dan Moss, Boat Officer", TEXT, line)
    result = split(story, story[0])
    assert line in result.articles[0].body


class Tagged:
    """A boundary decision that starts an item at each of `starts` and puts each of `outside` outside every item."""

    def __init__(self, starts: Sequence[str], outside: Sequence[str]) -> None:
        self.starts, self.outside = set(starts), set(outside)

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags, open_ = [], False
        for x in lines:
            open_ = x.block.text in self.starts or open_ and x.block.text not in self.outside
            tags.append("B" if x.block.text in self.starts else "I" if open_ else "O")
        return Tagging(tuple(tags), tuple({"B": (1.0, 0.0, 0.0), "I": (0.0, 1.0, 0.0), "O": (0.0, 0.0, 1.0)}[t] for t in tags))


def split_tagged(lines: Sequence[str], starts: Sequence[str], outside: Sequence[str]):
    with tagger.using(Tagged(starts, outside)):
        return split_text("\n".join(lines) + "\n", "dump.txt")


OTHER = "Pre-orders open on December 10 at ¥24,800, with shipping planned for next autumn, and the figure ships in spring."


def test_a_teasers_date_under_its_text_is_its_own():
    page = ("Moonlit Ferry Boys season 2 confirmed for July", TEXT, "2026.12.02 | 142 comments",
            "Good Smile reveals a scale figure of Coral", OTHER, "2026.12.01 | 37 comments")
    result = split_tagged(page, (page[0], page[3]), (page[2], page[5]))
    assert [a.source.lines for a in result.articles] == [(1, 3), (4, 6)]
    assert not any("comments" in d.text for d in result.debris)


def test_a_date_over_the_next_headline_stays_outside_when_the_page_dates_items_above_them():
    page = ("Sunday, 22 February 2026", "Who built Dobroyd Castle?", TEXT, "Saturday, 7 February 2026", "A Walsden flood, 1870", OTHER)
    result = split_tagged(page, (page[1], page[4]), (page[0], page[3]))
    assert [a.source.lines for a in result.articles] == [(2, 3), (5, 6)]


def test_a_days_heading_set_apart_above_the_next_items_is_not_the_teaser_above():
    page = ("Darnell Ruffin's Monday Night Red Beans", TEXT, "", "TUESDAY, DEC. 8", "Rising Tide Brass Band", OTHER)
    result = split_tagged(page, (page[0], page[4]), (page[3],))
    assert [a.source.lines for a in result.articles] == [(1, 2), (5, 6)]


def test_an_events_headline_left_above_its_date_and_place_heads_it():
    page = ("Blanco Garden Club spring plant sale", "Saturday, March 27, 8 a.m.–noon, Blanco County Courthouse square", TEXT)
    result = split_tagged(page, (page[1],), (page[0],))
    assert [a.title for a in result.articles] == ["Blanco Garden Club spring plant sale"]
    assert result.articles[0].source.lines == (1, 3)


def test_a_headline_ending_on_a_date_takes_no_comment_above_it():
    page = ("Jo K: Alan, you're on the list now!", "Paddle and pick: river clean-up, Saturday 12 December", TEXT)
    result = split_tagged(page, (page[1],), (page[0],))
    assert result.articles[0].source.lines == (2, 3)


def test_a_statement_about_the_site_and_a_list_of_its_other_pages_are_not_the_storys():
    story = ("Charity appoints new chair", "By Dan Moss", TEXT, "For media enquiries, please contact the press office.")
    footer = ("More letters", "Allergy Aware UK is a registered charity in England and Wales (1123456) and Scotland (SC045678).",
              "© Allergy Aware UK 2026. All rights reserved.")
    result = split((*story, *footer), story[0])
    assert result.articles[0].source.lines == (1, 7)
    assert {d.text for d in result.debris} >= set(footer)


def test_a_newsletter_about_itself_and_its_acknowledgement_of_country_are_not_the_last_storys():
    story = ("Members' sightings, summer 2024–25", "Compiled by Lorraine Pike", TEXT, "Please keep your records coming. Every sighting helps.")
    footer = ("Skimmer is published quarterly. Contributions for the winter issue close on 30 May.",
              "Australian Dragonfly Watch Inc. acknowledges the Traditional Custodians of the lands and waters on which our members record.")
    result = split((*story, *footer), story[0])
    assert result.articles[0].source.lines == (1, 7)
    assert {d.text for d in result.debris} >= set(footer)


def test_a_headline_read_as_a_line_of_text_still_heads_the_story_under_its_by_line():
    from sitegen.split.boundary import Item
    from sitegen.split.margins import attach
    from sitegen.split.roles import Role, shape
    from sitegen.split.text import Block, Debris

    texts = ("Retro handheld Pocket Ember gets a price cut to $149 for Black Friday", "By Marcus Beale published 5 hours ago",
             "The Linux-based emulation handheld drops $50", TEXT)
    blocks = [Block(2 * k + 1, t) for k, t in enumerate(texts)]
    roles = [Role.BODY, Role.BYLINE, Role.TITLE, Role.BODY]  # the headline, ending on a word, taken for a line of text
    found, left = attach([Item(2, 4, 1.0)], blocks, [shape(t) for t in texts], roles, [Debris(b.line, b.text, "outside") for b in blocks[:2]])
    assert [(it.start, it.end) for it in found] == [(0, 4)]
    assert left == []


def test_a_match_reports_headline_and_date_left_above_its_score_head_the_report():
    page = ("Hull Harbour Hawks end losing run with statement win at Durham", "Match report · Division One · Sat 28 Nov 2026",
            "Durham Palatinates 61 – 88 Hull Harbour Hawks", "Report by Ellie Marsh", TEXT)
    result = split(page, page[2])
    assert [a.title for a in result.articles] == [page[0]]
    assert result.articles[0].source.lines[0] == 1


class OneItem:
    """A boundary decision that makes one item from `first` up to the line before `after`, every other line outside."""

    def __init__(self, first: str, after: str) -> None:
        self.first, self.after = first, after

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags, state = [], "O"
        for x in lines:
            state = "B" if x.block.text == self.first else "O" if x.block.text == self.after else "I" if state in "BI" else "O"
            tags.append(state)
        return Tagging(tuple(tags), tuple({"B": (1.0, 0.0, 0.0), "I": (0.0, 1.0, 0.0), "O": (0.0, 0.0, 1.0)}[t] for t in tags))


def split_one(lines: Sequence[str], first: str, after: str):
    with tagger.using(OneItem(first, after)):
        return split_text("\n\n".join(lines) + "\n", "dump.txt")


STORY = ("Sickle cell: a mother's notebook", "Words: Kemi Adebayo-Shaw", TEXT, "Folake has started a donor group at her church in Moss Side.")
END = ('"I tell them: you spend an hour, my son gets his month."',
       "Kemi Adebayo-Shaw is a freelance health writer based in Manchester.", "© Give Blood North 2026")


def test_the_end_matter_down_to_a_bio_naming_the_storys_writer_is_the_storys():
    result = split_one((*STORY, *END, "Tags: sickle cell, donors"), STORY[0], END[0])
    assert [a.title for a in result.articles] == [STORY[0]]
    article = result.articles[0]
    assert "you spend an hour" in article.body and article.source.lines == (1, 13)
    assert article.licence.kind != "unknown"  # its © line is its own
    assert [d.text for d in result.debris] == ["Tags: sickle cell, donors"]


def test_a_bio_naming_someone_else_stays_outside():
    other = ("Jane Hill is a freelance health writer based in Leeds.",)
    result = split_one((*STORY, END[0], *other), STORY[0], END[0])
    assert result.articles[0].source.lines == (1, 7)


def test_a_licence_naming_the_post_under_it_is_the_posts_but_the_sites_licence_is_not():
    post = ("Subjunctive without tears", "By Claire Dubois-Hart", TEXT)
    own = ("Bon courage !", "— Claire", "This post and the worksheet are licensed under CC BY-SA 4.0. Feel free to share them.")
    result = split_one((*post, *own, "Tags: grammar"), post[0], own[0])
    assert result.articles[0].source.lines == (1, 11)
    assert result.articles[0].licence.kind == "cc"
    site = ("Bon courage !", "Content on this blog is licensed under CC BY-SA 4.0 unless otherwise noted.")
    result = split_one((*post, *site), post[0], site[0])
    assert result.articles[0].source.lines == (1, 5) and result.articles[0].licence.kind == "unknown"


def test_a_headline_and_standfirst_cut_from_the_by_lined_text_under_them_head_it_again():
    head = ("Road closures in the valley this week",
            "Here are the roadworks and closures planned by the county council and the utility companies for the week ahead.")
    story = ("By Owen Tregear, Local Democracy Reporter", "Monday, 9 March 2026", TEXT)
    with tagger.using(StartsAt(head[0], story[0])):
        result = split_text("\n".join((*head, *story)) + "\n", "dump.txt")
    assert [(a.title, a.source.lines) for a in result.articles] == [(head[0], (1, 5))]
    assert result.articles[0].authors == ("Owen Tregear",)


def test_an_images_alt_text_over_a_teasers_headline_is_not_the_teasers():
    cards = ("Image: A row of mailboxes beside a gravel road in winter", "What we owe to the places we leave",
             "Most of us will leave the town that raised us, and philosophy has said little about our duties to places.",
             "Élise Kovalenko-Roy · 1,700 words",
             "Image: Two chairs facing each other across a kitchen table", "Forgiveness is not a feeling",
             "The philosopher Agnieszka Wrona on apology, resentment and why we get forgiveness wrong, in conversation.",
             "Samira Belhadj · 4,400 words")
    with tagger.using(StartsAt(cards[0], cards[4])):
        result = split_text("\n".join(cards) + "\n", "dump.txt")
    assert [(a.title, a.source.lines, a.authors) for a in result.articles] == [
        (cards[1], (2, 4), ("Élise Kovalenko-Roy",)), (cards[5], (6, 8), ("Samira Belhadj",))]
    assert {d.line for d in result.debris} == {1, 5}


def test_an_images_alt_text_and_a_label_over_the_next_teaser_are_not_the_teaser_above():
    cards = ("What we owe to the places we leave",
             "Most of us will leave the town that raised us, and philosophy has said little about our duties to places.",
             "Élise Kovalenko-Roy · 1,700 words",
             "Image: Two chairs facing each other across a kitchen table", "CONVERSATION", "Forgiveness is not a feeling",
             "The philosopher Agnieszka Wrona on apology, resentment and why we get forgiveness wrong, in conversation.",
             "Samira Belhadj · 4,400 words")
    with tagger.using(StartsAt(cards[0], cards[5])):
        result = split_text("\n".join(cards) + "\n", "dump.txt")
    assert [(a.title, a.source.lines) for a in result.articles] == [(cards[0], (1, 3)), (cards[5], (6, 8))]
    assert {d.line for d in result.debris} == {4, 5}
    # an image's line alone under an item's text is that item's own picture
    photo = (*cards[:3], "Photo: The reading room on its first morning", *cards[5:])
    with tagger.using(StartsAt(photo[0], photo[4])):
        result = split_text("\n".join(photo) + "\n", "dump.txt")
    assert [a.source.lines for a in result.articles] == [(1, 4), (5, 7)]


ADVISORIES = (
    ("Spring is here, and so is the wet slab problem", "Forecaster: Aroha Ngata · 2 October 2025",
     "Warm northwesterlies and rain to 2,000 m have woken up the late-August crust, so start early and finish early.",
     "Danger at alpine: Considerable (3)"),
    ("What happened in the Tasman Valley on 14 September", "Forecaster: Ben Holloway · 18 September 2025",
     "A close call on the approach to Kelman Hut: we look at the wind loading that built the slab and what the party saw.",
     "Danger at alpine: High (4)"),
    ("Why our advisories now include a confidence rating", "Forecaster: Aroha Ngata · 30 May 2025",
     "From this season every advisory carries a line telling you how sure we are, and why, with what each level means.",
     "Image: A forecaster digging a snow pit on the Tasman Glacier"),
)


def test_a_field_printed_under_each_teasers_text_is_the_teasers():
    lines = [line for teaser in ADVISORIES for line in teaser]
    result = split_tagged(lines, [t[0] for t in ADVISORIES], [t[3] for t in ADVISORIES])
    assert [a.title for a in result.articles] == [t[0] for t in ADVISORIES]
    assert "Considerable (3)" in result.articles[0].body and "High (4)" in result.articles[1].body
    assert "snow pit" not in result.articles[2].body  # an image's line is no field of the teaser
    one = [*ADVISORIES[0], *ADVISORIES[1][:3], "Read the full advisory", *ADVISORIES[2][:3]]  # the field under one teaser only
    result = split_tagged(one, [t[0] for t in ADVISORIES], [ADVISORIES[0][3], "Read the full advisory"])
    assert "Considerable (3)" not in result.articles[0].body


def test_a_teasers_date_row_over_its_headline_is_its_own_a_days_heading_is_not():
    rows = ("DECEMBER 16, 2024 | SEASON", "DECEMBER 2, 2024 | PERFORMANCES")
    page = (rows[0], "Ballet Maharlika announces its 2025 season", TEXT, rows[1], "Giselle returns for Christmas", OTHER)
    result = split_tagged(page, (page[1], page[4]), rows)
    assert [a.source.lines for a in result.articles] == [(1, 3), (4, 6)]
    assert [a.title for a in result.articles] == [page[1], page[4]]  # the row is the date, not the title
    assert str(result.articles[0].date) == "2024-12-16"


def test_a_seminars_speaker_line_under_its_title_is_part_of_its_head():
    cards = ("Coolies, Clerks and Compradors: Writing Labour History from the Blue Books",
             "Speaker: Dr Farah Aziz (Universiti Sains Tanah Melayu)",
             "Date: Wednesday 3 September 2025, 4.00–5.30pm | Venue: Block H3, Seminar Room 04-12",
             "The colonial Blue Books were written to count things, not people. This talk reads them against the grain.")
    with tagger.using(StartsAt(cards[1])):
        result = split_text("\n".join(cards) + "\n", "dump.txt")
    assert [(a.title, a.source.lines) for a in result.articles] == [(cards[0], (1, 4))]


def test_a_teaser_alone_between_read_more_links_takes_its_date_row_under_its_thumbnail():
    page = ("[thumbnail: Players in whites on a lawn]", "14 Nov 2025 | Tournaments", "Rondebosch Open: Mbeki and Venter share the honours",
            "By Liezel van Wyk", TEXT, "Read more", "[thumbnail: A croquet ball against a hoop]", "6 Nov 2025 | Juniors",
            "Schools league returns for 2026 with eight teams", "By Sipho Ndlovu", OTHER, "Read more")
    result = split_tagged(page, (page[2], page[8]), (page[0], page[1], page[6], page[7]))
    assert [a.source.lines for a in result.articles] == [(2, 5), (8, 11)]
    assert [a.title for a in result.articles] == [page[2], page[8]]



def test_a_thumbnails_alt_text_over_a_teasers_date_row_is_no_headline_of_it():
    page = ("[thumbnail: Players in whites on a lawn beneath Table Mountain]", "14 Nov 2025 | Tournaments",
            "Rondebosch Open: Mbeki and Venter share the honours", "By Liezel van Wyk", TEXT, "Read more",
            "[thumbnail: A young player lines up a shot while a coach watches]", "6 Nov 2025 | Juniors",
            "Schools league returns for 2026 with eight teams", "By Sipho Ndlovu", OTHER, "Read more")
    result = split_tagged(page, (page[1], page[7]), (page[0], page[6]))
    assert [(a.source.lines, a.title) for a in result.articles] == [((2, 5), page[2]), ((8, 11), page[8])]


def test_a_feeds_time_row_over_each_headline_is_the_items_and_not_its_title():
    page = ("18:36 IST | National", "Monsoon likely to be normal this year, says IMD's first forecast", TEXT,
            "18:20 IST | Business", "Sensex ends 540 points higher as banks, IT stocks rally", OTHER)
    result = split_tagged(page, (page[1], page[4]), (page[0], page[3]))
    assert [a.source.lines for a in result.articles] == [(1, 3), (4, 6)]
    assert [a.title for a in result.articles] == [page[1], page[4]]


def test_a_date_row_opening_the_first_item_gives_the_row_ending_the_item_above_to_the_next():
    page = ("19 Mar 2025 | Primary sector", "Tasman Dairy lifts forecast milk price as Asian demand firms", TEXT,
            "18 Mar 2025 | Companies", "Farmers question chair's pay as Tasman board seeks 14 per cent rise", OTHER)
    result = split_tagged(page, (page[0], page[4]), ())
    assert [a.source.lines for a in result.articles] == [(1, 3), (4, 6)]
    assert [a.title for a in result.articles] == [page[1], page[4]]


def test_a_date_row_cut_off_as_the_first_item_heads_the_item_under_it_and_each_row_goes_to_the_next():
    page = ("March 20, 2025, 4:12 pm", "DA eyes credit line for onion, garlic growers in Nueva Ecija", TEXT,
            "March 20, 2025, 3:55 pm", "Coast Guard rescues 14 fishers off Catanduanes after outrigger capsizes", OTHER,
            "March 20, 2025, 3:20 pm", "Senate panel approves bill extending free college to technical schools", TEXT)
    assert attached(page, (0, 1, 4, 7)) == [(0, 3), (3, 6), (6, 9)]


def test_closing_dates_under_a_listings_last_items_do_not_make_the_pages_date_rows_the_items_above():
    page = ("14 Mar 2025 | VIC", "Principal cast revealed for Melbourne return of Tides of Home", TEXT, "Words by Sienna Castellari",
            "13 Mar 2025 | NZ", "Auckland Theatre Collective announces ensemble for new bilingual work", OTHER, "Media release",
            "12 Mar 2025 | QLD", "Brisbane's Roundhouse names cast for Ibsen double bill", TEXT, "By Fiona McAlister-Ng",
            "AUDITION: Ensemble singers and dancers, Cinderella Pantomime 2025", OTHER, "Closes 28 March 2025",
            "CASTING CALL: First Nations actors, 16-25, for short film Dry Creek", TEXT, "Closes 4 April 2025")
    assert attached(page, (1, 5, 9, 12, 15), outside=(0,)) == [(0, 4), (4, 8), (8, 12), (12, 15), (15, 18)]


def attached(texts: tuple[str, ...], starts: tuple[int, ...], outside: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """The items `margins.attach` makes of a boundary decision that starts one at each of `starts`
    and leaves the lines `outside` (indexes) outside every item."""
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    shapes = tuple(shape(t) for t in texts)
    roles = classify(list(texts), shapes=shapes)
    bounds = [*starts, len(texts)]
    found = [Item(a, b, 1.0) for a, b in zip(bounds, bounds[1:])]
    left = [Debris(k + 1, texts[k], "outside every item") for k in outside]
    return [(it.start, it.end) for it in margins.attach(found, blocks, shapes, roles, left)[0]]


def test_an_item_that_is_only_a_date_line_joins_the_item_it_dates():
    below = ("Garden shredder", TEXT, "Returned 26 Feb 2027 · Loans this year: 4", "Wallpaper steamer", OTHER, "Returned 21 Feb 2027 · Loans this year: 9")
    assert attached(below, (0, 2, 3)) == [(0, 3), (3, 6)]


def test_a_sections_label_in_capitals_over_an_items_headline_is_not_the_items_a_head_in_capitals_over_a_field_is():
    page = ("THE BIG STORY", "Shelf Life is closing. We should have seen it coming.", "By Chidinma Okeke-Hart", TEXT,
            "FROM THE ARCHIVE", "When the Vale nearly went to Wembley", OTHER,
            "CHAMDOR INDUSTRIAL: FEEDER TRIPPED", "Areas affected: Chamdor, Factoria, parts of Delporton", OTHER)
    with tagger.using(StartsAt(page[0], page[4], page[7])):
        result = split_text("\n\n".join(page) + "\n", "dump.txt")
    assert [(a.title, a.source.lines[0]) for a in result.articles] == [(page[1], 3), (page[5], 11), (page[7], 15)]
    assert {d.line for d in result.debris} == {1, 9}


def test_a_headline_over_its_by_line_date_and_picture_left_outside_heads_the_story():
    page = ("7 Penang hawker dishes you can't leave without trying", "Words by Mei Ling Tan · Photos by Arif Rahman",
            "Published 22 August 2025", "[Image: Steam rising from a wok at a night market on Gurney Drive]", "Char kway teow", TEXT)
    result = split(page, page[4])
    assert [(a.title, a.source.lines[0], a.authors) for a in result.articles] == [(page[0], 1, ("Mei Ling Tan",))]


def test_a_teasers_headline_left_above_its_picture_and_by_line_heads_the_teaser():
    page = ("### [ADHA confirms upload mandate for pathology and imaging](/news/adha-upload)", "![](/media/2025/03/mhr-upload.jpg)",
            "by Lachlan Whitford | 14 March 2025", TEXT)
    result = split(page, page[1])
    assert [(a.source.lines[0], a.authors) for a in result.articles] == [(1, ("Lachlan Whitford",))]


def test_a_reviews_signature_the_tagger_made_the_next_items_start_is_given_back_to_the_review():
    page = ("Practical Chemistry for GCSE: Required Practicals Made Simple", TEXT, "Rating: ★★★★★",
            "Reviewed by Nadia Haddad, head of chemistry, St Aidan's Academy, Bolton",
            "Microbit Climate Kit", OTHER, "Rating: ★★★★☆",
            "Reviewed by Bartosz Nowak, teacher of science and computing, Castlegate School, Lincoln",
            "The Periodic Table Escape Room", TEXT, "Rating: ★★★☆☆", "Reviewed by Emeka Nwosu, science teacher, Hollins Park High School")
    with tagger.using(StartsAt(page[0], page[3], page[7], page[11])):
        result = split_text("\n".join(page) + "\n", "dump.txt")
    assert [(a.source.lines, a.authors) for a in result.articles] == [
        ((1, 4), ("Nadia Haddad",)), ((5, 8), ("Bartosz Nowak",)), ((9, 12), ("Emeka Nwosu",))]


GUIDE = (
    "Bellwether", "31 Chandlers Row · Tue–Sat dinner, Sun lunch",
    "The room is a former ship's chandlery with the old brass counters kept as a bar, and the cooking has the same thrift and polish.",
    "— R.K.",
    "Casa Tindal", "4 Harbour Steps · walk-ins only",
    "Grilled sardines, pork and clams, and custard tarts made every hour. Queue before seven or after nine on a warm night.",
    "— M.O'D.",
    "The Lamp Room", "Lighthouse Quay · daily 8am–4pm",
    "Breakfasts and soup in the old lamp store at the foot of the lighthouse, with sourdough from the bakery two doors up.",
    "— R.K.",
    "Wreckers", "Slipway Lane · Thu–Sun",
    "Small plates from the day boats in a shed on the slipway, and a wine list that is all from the coast of Portugal.",
    "— R.K.",
)


def test_a_signature_left_under_an_entrys_text_is_the_entrys():
    def mended(texts: tuple[str, ...]) -> list[tuple[int, int]]:
        blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
        shapes = tuple(shape(t) for t in texts)
        found = [Item(k, k + 3, 1.0) for k in range(0, len(texts), 4)]  # each entry's last line left outside
        left = [Debris(k + 4, texts[k + 3], "outside every item") for k in range(0, len(texts), 4)]
        return [(it.start, it.end) for it in margins.attach(found, blocks, shapes, classify(list(texts), shapes=shapes), left)[0]]

    assert mended(GUIDE) == [(0, 4), (4, 8), (8, 12), (12, 16)]
    assert mended(GUIDE[:3] + ("Share this review",) + GUIDE[4:8])[0] == (0, 3)  # no signature: the site's line stays out


def test_entries_signed_with_the_same_initials_keep_their_signatures():
    result = split_tagged(GUIDE, [GUIDE[0], GUIDE[4], GUIDE[8], GUIDE[12]], ["— R.K.", "— M.O'D."])
    assert [a.authors for a in result.articles] == [("R.K.",), ("M.O'D.",), ("R.K.",), ("R.K.",)]  # (R.K. signs three: no furniture)


def test_a_directory_cards_name_over_its_address_row_heads_the_card():
    row = "Fosse Lane, Stoke Wyvern KN5 8RT · 2.3 miles"
    result = split(("The Drover's Rest", row, "Real ale · Cider · Dog friendly", TEXT), row)
    [card] = result.articles
    assert card.title == "The Drover's Rest" and card.source.lines[0] == 1
    assert card.authors == ()  # the street is no writer


def test_a_field_over_an_address_row_is_no_name_of_it():
    row = "Marsh Road Barn, Marsh Road, Little Fenwick, Eastbury IP14 9RB"
    result = split(("Appeal B Ref: APP/M3615/Y/24/3347121", row, TEXT), row)
    assert result.articles[0].source.lines[0] == 3


def test_a_release_notes_saying_the_issuer_is_a_registered_charity_are_the_releases_not_the_sites():
    result = split_page("press_release_charity_notes.txt")
    assert plan(result) == [
        ((8, 30), "Riverside Community Choir wins £12,000 to take singing into care homes", ()),
    ]  # "1. … is a registered charity (no. 1109876)" under "Notes to editors": the release's end matter
    assert {34, 35} <= {d.line for d in result.debris}  # the site's own address and charity number under it are not


def test_a_blogs_date_header_and_masthead_are_outside_its_post_and_a_pair_signed_under_it_names_both():
    result = split_page("blogger_date_header_pair_signed.txt")
    assert plan(result) == [((8, 16), "Woad at last", ("Nell", "Tam"))]  # from the headline to "— Nell & Tam"
    reasons = {d.line: d.reason for d in result.debris}
    assert "masthead" in reasons[1] and "masthead" in reasons[2]  # the site's name and strapline over "Home | Shop | Workshops"
    assert 6 in reasons  # "Sunday, 8 February 2026", set apart over the headline


def test_a_first_name_signed_with_a_kiss_under_a_short_sentence_is_the_posts_and_a_comment_form_heads_no_post():
    texts = ["Our first international: Prague", "We got the bronze, and the coach got us home by four in the morning.",
             "Thank you to every single person who bought a raffle ticket.", "— Kath x",
             "Posted by Kath Rowbotham at 21:14 · 4 comments", "Post a Comment", "Tuesday, 10 March 2026",
             "Countdown: kit check and passports", "Ten days to go! Passports are all checked, and the poms re-fluffed by hand.", "— Kath"]
    lines = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    blocks = [Block(n, t) for n, t in zip(lines, texts)]
    shapes = [shape(t) for t in texts]
    roles = classify(texts, shapes=shapes)
    left = [Debris(blocks[k].line, texts[k], "outside") for k in (3, 4, 5, 6)]
    out, _ = margins.attach([Item(0, 3, 0.9), Item(7, 10, 0.9)], blocks, shapes, roles, left)
    assert [(it.start, it.end) for it in out] == [(0, 4), (7, 10)]  # "— Kath x" is the first post's; nothing over the second


def test_a_teasers_row_of_counters_is_the_pages_and_a_dated_by_line_over_the_next_headline_heads_it():
    result = split_page("wix_tag_page_counters.txt")
    assert plan(result) == [
        ((11, 13), "Five winch launches that taught me something", ("Ana Petrescu",)),
        ((16, 18), "New winch cable arrives in time for Easter", ()),  # "Club Office" names no one
        ((25, 27), "Why thermals switch off at teatime: a pilot's guide to the weather", ("Hamish Carr-Lyle",)),
        ((30, 32), "Retrieving from a field in the rain", ("Mei Harding", "Tom Harding")),
    ]
    assert {14, 19, 28, 33} <= {d.line for d in result.debris}  # "52 views · 4 comments   ♡ 14": the site's


def test_an_events_interest_count_ends_its_card_and_the_pages_notes_under_it_are_none_of_it():
    text = "\n".join([
        "What's on",
        "",
        "AUG",
        "14–16",
        "Club trip: Midlands Balloon Festival",
        "Festival site, Ashby",
        "Three days of mass ascents with our friends from the Trent Valley club. Camping on site is included.",
        "£45 per person (camping)",
        "★ 15 interested",
        "",
        "Ein Hinweis für unsere Gäste aus Lörrach: alle Treffen finden nur bei geeignetem Wetter statt.",
        "",
        "Flights are never guaranteed. Every meet is subject to weather, and the go / no-go decision is made on the morning.",
    ])
    result = split_text(text, "events.txt")
    assert result.articles[-1].source.lines[1] == 8
    assert {9, 11, 13} <= {d.line for d in result.debris}
