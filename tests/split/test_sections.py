"""sections: an article the boundary decision cut at a subheading is one article again."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import split_text, tagger
from sitegen.split.boundary import Item
from sitegen.split.roles import Role, classify, shape
from sitegen.split.sections import has_head, join, join_steps, template
from sitegen.split.tagger import Line, Tagging
from sitegen.split.text import Block, Debris
from tests.split_support import read_lines


class CutAt:
    """A boundary decision that starts an item at the first line and at each line of `starts`, and
    leaves each line of `outside` outside every item."""

    def __init__(self, *starts: str, outside: Sequence[str] = ()) -> None:
        self.starts, self.outside = set(starts), set(outside)

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags = tuple("B" if k == 0 or x.block.text in self.starts else "O" if x.block.text in self.outside else "I"
                     for k, x in enumerate(lines))
        return Tagging(tags, tuple({"B": (1.0, 0.0, 0.0), "I": (0.0, 1.0, 0.0), "O": (0.0, 0.0, 1.0)}[t] for t in tags))


def split(lines: Sequence[str], *starts: str):
    text = "\n\n".join(lines) + "\n"
    with tagger.using(CutAt(*starts)):
        return split_text(text, "dump.txt")


EXPLAINER = (
    "Measles is back. What you need to know",
    "By Sunita Rao",
    "Updated 9 April 2025",
    "Cases of measles have risen sharply across Europe in the past two years, as vaccination rates fell during the pandemic.",
    "What is measles?",
    "Measles is a highly infectious viral illness. It usually starts with cold-like symptoms and a high temperature.",
    "How does it spread?",
    "Through coughs and sneezes. The virus can stay in the air of a room for up to two hours after an infected person leaves.",
    "Why are cases rising?",
    "Vaccination rates fell during the pandemic, when routine appointments for measles jabs were missed, and have not recovered.",
)


def test_an_explainer_cut_at_one_of_its_questions_is_one_article():
    result = split(EXPLAINER, "Why are cases rising?")
    assert [a.title for a in result.articles] == ["Measles is back. What you need to know"]
    assert "Vaccination rates fell during the pandemic" in result.articles[0].body
    flags = [r for r in result.articles[0].review if "joined to the item above" in str(r)]
    assert flags  # an editor is told where the two were joined


ROUNDUP = (
    "The best kettles for 2025, tested and rated",
    "Written by Hannah Cole",
    "Published: 9 January 2025",
    "A kettle is probably the hardest-working appliance in a kitchen, and a bad one is a daily irritation for everyone in the house.",
    "1. Best overall: Russell Hobbs Attentiv",
    "The Attentiv boiled a full kettle in under four minutes and was the quietest we tested, with five temperature settings.",
    "2. Best budget: Tesco Essentials",
    "For the price of a couple of takeaway coffees, this basic kettle boils faster than many that cost five times as much.",
    "3. Best for small kitchens: Dualit Lite",
    "Compact and quick, with a well-designed spout, though it holds only a litre and a half, which is plenty for two people.",
)


def test_a_numbered_list_article_cut_at_its_next_number_is_one_article():
    result = split(ROUNDUP, "2. Best budget: Tesco Essentials", "3. Best for small kitchens: Dualit Lite")
    assert [a.title for a in result.articles] == ["The best kettles for 2025, tested and rated"]


TWO_STORIES = (
    "Harbour cranes return to the old port",
    "By Maria Costa",
    "The two cranes that stood over the old port until 1989 are back, restored by volunteers who spent four winters on them.",
    "Ferry timetable changes in the new year",
    "By Tom Reyes",
    "The island ferry will run an hour earlier on weekdays from January, the operator said, after a consultation with residents.",
)


def test_a_new_story_under_its_own_by_line_stays_apart():
    result = split(TWO_STORIES, "Ferry timetable changes in the new year")
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port", "Ferry timetable changes in the new year"]


def test_a_numbered_story_after_an_article_that_ended_stays_apart():
    ended = (*ROUNDUP[:6], "© 2025 HomeLab. All rights reserved.", *ROUNDUP[6:])
    result = split(ended, "2. Best budget: Tesco Essentials", "3. Best for small kitchens: Dualit Lite")
    titles = [a.title for a in result.articles]
    assert titles[0] == "The best kettles for 2025, tested and rated"
    assert "Tesco Essentials" in titles[1]  # the licence ended the article: what follows is not joined to it


GUEST_POST = (
    "What I learned from thirty years of lifeguarding",
    "By Carys Penhallow",
    "Every summer from 1994 I sat in a high chair above a crowded beach, and people still ask me what the job was really like.",
    "The sea is not your swimming pool",
    "Most of the people we pulled out were strong swimmers who had never met a rip current and did not know to swim across it.",
    "And finally: ask us",
    "If you are not sure where it is safe to swim, walk over and ask. We would always rather talk than paddle out to you.",
    "Carys Penhallow spent thirty summers on the beaches of north Cornwall and now trains new lifeguards every spring.",
)


def test_a_last_section_closed_by_a_note_on_the_articles_writer_is_the_articles():
    result = split(GUEST_POST, "And finally: ask us")
    assert [a.title for a in result.articles] == ["What I learned from thirty years of lifeguarding"]
    assert "trains new lifeguards" in result.articles[0].body
    other = (*GUEST_POST[:-1], "Jenna Treloar spent thirty summers on the beaches of north Cornwall and now trains new lifeguards.")
    assert len(split(other, "And finally: ask us").articles) == 2  # a note on someone else says nothing of the article above


def test_the_way_a_subheading_is_printed():
    assert template("25/03 Minutes of the previous meeting") == template("25/04 Public participation")
    assert template("4. Best sustainable: Rixo") == template("3. Best for the evening: Aurora") == "n."
    assert template("Pros: cheap, fast") == template("Pros: compact") != template("Cons: noisy")
    assert template("Does it save money?") == "?"
    assert template("Harbour cranes return to the old port") is None


def test_lines_left_outside_between_two_joined_sections_are_taken_in():
    texts = [*ROUNDUP[:6], "Advertisement", *ROUNDUP[6:8]]
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    shapes = [shape(t) for t in texts]
    roles = classify(texts, None, shapes)
    found = [Item(0, 6, 0.9), Item(7, 9, 0.6)]
    out, left = join(found, blocks, shapes, roles, [Debris(7, "Advertisement", "outside every item: furniture, p=0.90")])
    assert [(i.start, i.end) for i in out] == [(0, 9)]  # "2." under an article that has "1." is its next section
    assert left == []  # the line between is inside the article now (where the page's furniture is taken out)


def test_a_line_of_two_sentences_is_no_head_whatever_role_its_date_earned():
    lines = ["Under-16 hurling: Training resumes on Wednesday at 7pm. New players are always welcome.", "By Ger Tuite"]
    blocks = [Block(k + 1, t) for k, t in enumerate(lines)]
    assert not has_head(blocks, [Role.DATELINE, Role.BODY], 0, 1)
    assert has_head(blocks, [Role.DATELINE, Role.BYLINE], 0, 2)
    assert has_head([Block(1, "Wednesday 12 March 2025")], [Role.DATELINE], 0, 1)


FEATURE = (
    "The night bakers of the North End",
    "By Jerome Santos",
    "Published March 3, 2025",
    "Every night at eleven, Nestor and Perla Villaflor unlock the back door of their bakery on Selkirk Avenue and start the ovens.",
    "By four in the morning the first trays of pandesal are out, and the night shift from the meat plant is already at the counter.",
    "The bakery has opened every night for twenty-six years, through two floods and a pandemic, and the couple have never taken a holiday.",
    "Their bread is sold in Filipino stores across Winnipeg, and the Villaflors say the orders have doubled since the pandemic.",
    "Perla keeps the recipe for the pandesal in a notebook that her mother gave her when the couple left Manila for the bakery.",
    "Twenty-six years of nights",
    "Running the bakery for so many years has cost the Villaflors their sleep, and Nestor has had two operations on his back.",
    "Their children grew up with parents always sleeping, Perla says, and now the children want the bakery to close at night.",
)


def test_a_long_article_cut_at_its_first_subheading_is_one_article():
    result = split(FEATURE, "Twenty-six years of nights")
    assert [a.title for a in result.articles] == ["The night bakers of the North End"]
    short = (*FEATURE[:4], *FEATURE[8:])  # one paragraph above: no telling a subheading from a headline by length
    assert len(split(short, "Twenty-six years of nights").articles) == 2


def test_an_article_of_two_paragraphs_cut_at_its_first_subheading_right_under_them_is_one_article():
    two = (*FEATURE[:5], *FEATURE[8:])  # two paragraphs above, the subheading right under them
    result = split(two, "Twenty-six years of nights")
    assert [a.title for a in result.articles] == ["The night bakers of the North End"]
    assert "Their children grew up" in result.articles[0].body
    closed = (*FEATURE[:5], "Tags: Bakeries, North End", "Share this story", *FEATURE[8:])  # its tags and share row: it has ended
    assert len(split(closed, "Twenty-six years of nights").articles) == 2


def test_an_articles_head_and_its_text_cut_apart_by_a_share_row_are_one_article():
    lines = (*FEATURE[:3], "Share on Facebook", "Share on X",
             "Image: The Villaflors at the counter of their bakery on Selkirk Avenue", *FEATURE[3:8])
    result = split(lines, lines[5])
    assert [a.title for a in result.articles] == ["The night bakers of the North End"]
    assert "Every night at eleven" in result.articles[0].body
    texts = [*FEATURE[:3], "Weather warning for the weekend", *FEATURE[3:8]]  # a headline under it: an item of its own
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    shapes = [shape(t) for t in texts]
    out, _ = join([Item(0, 3, 0.9), Item(3, 9, 0.9)], blocks, shapes, classify(texts, None, shapes), [])
    assert [(i.start, i.end) for i in out] == [(0, 3), (3, 9)]


def test_an_article_cut_where_a_chart_stands_in_its_text_is_one_article():
    texts = [
        "Why the bridge of this song sounds like coming home",
        "The verse of the song uses the four chords of popular music, and the harmony of the verse is meant to feel like home.",
        "The chorus of the song borrows one chord from the minor key, and that borrowed chord is what makes the harmony ache.",
        "    E        C#m       A        B",
        "    I        vi        IV       V",
        "Les heu- res len- tes / me ra-mè-nent chez nous",
        "The bridge of the song leaves home: the harmony moves to the minor chord, and the verse chords come back only at the end.",
        "That return of the verse harmony after the bridge is why the chorus of the song sounds like coming home each time.",
    ]
    blocks, shapes, roles = read_lines(texts)
    out, _ = join([Item(0, 3, 0.9), Item(5, 8, 0.6)], blocks, shapes, roles, [])
    assert [(i.start, i.end) for i in out] == [(0, 8)]  # the chart's rows stood between: the same article
    prose = [*texts[:3], "Shop our guitar courses today", "Sign up for the newsletter", *texts[5:]]
    out, _ = join([Item(0, 3, 0.9), Item(5, 8, 0.6)], *read_lines(prose), [])
    assert len(out) == 2  # lines of the site between them, not a chart: no telling it is one article


CAREGIVERS = (
    "The women who built the North End",
    "By Marites Dela Cruz",
    "Published April 17, 2025",
    "Leonora Bautista came to Winnipeg in 1989 as a live-in caregiver, and sent most of her wages home to Ilocos every month.",
    "She waited six years for her children to join her in Canada, writing a letter to her eldest son in Manila every Sunday night.",
    "The letter is folded into quarters and kept in a biscuit tin, its pencil lines faded by thirty years of reading at night.",
    "Sundays on Selkirk",
    "On their day off the caregivers took the bus to Selkirk Avenue, where Evangeline Soriano and Cora Maglalang met them at church.",
    "The steps of the church became a settlement agency, says Maglalang, where newcomers learned which employer to trust.",
    "Advertisement",
    "What it cost",
    "For the sons and daughters it was harder. Arnel, the son of Bautista, spent his first years in Winnipeg sullen, and failed at school.",
    "Today he calls her from Calgary, and says that Soriano and Maglalang were the aunts who made that first winter bearable.",
)


def test_a_feature_cut_at_a_subheading_under_an_advertisement_is_one_article_when_it_names_the_same_people():
    result = split(CAREGIVERS, "What it cost")
    assert [a.title for a in result.articles] == ["The women who built the North End"]
    assert "the aunts who made that first winter bearable" in result.articles[0].body
    others = tuple(t.replace("Bautista", "Reyes").replace("Soriano", "Lim").replace("Maglalang", "Tan").replace("Winnipeg", "the city")
                   for t in CAREGIVERS[10:])
    assert len(split((*CAREGIVERS[:10], *others), "What it cost").articles) == 2  # other people: another story


def test_a_subheading_without_a_stop_shows_the_article_above_has_sections():
    # four lines of text above the cut, an advertisement between: only its subheading ("Sundays on Selkirk") says it goes on
    lines = (*CAREGIVERS[:5], *CAREGIVERS[6:10], "The houses on Burrows Avenue",
             "When their families arrived, Bautista and Soriano bought cheap houses on Burrows Avenue, a few streets from Selkirk.",
             "The grocery that Bautista ran with her husband for nineteen years still stands, though Maglalang says the street has changed.")
    result = split(lines, "The houses on Burrows Avenue")
    assert [a.title for a in result.articles] == ["The women who built the North End"]


FINDINGS = (
    "Findings into the death of Hemi Tuari Paraone",
    "Coroner: Coroner Kiri Matenga",
    "[1] Hemi Tuari Paraone, aged 34, of Kaikohe, died on 2 January 2024 in the sea off Kauri Point, near Te Awaroa.",
    "[2] I have conducted an inquest into his death under the Coroners Act 2006, and heard evidence over two days.",
    "The morning of 2 January 2024",
    "[3] At about 8.30 am, Mr Paraone, his cousin and a friend launched the dinghy from the boat ramp at Te Awaroa.",
    "[4] The weather was fine, with a light north-easterly breeze and a swell of under a metre at the reef.",
)


def test_an_article_cut_where_its_numbered_paragraphs_go_on_is_one_article():
    result = split(FINDINGS, "The morning of 2 January 2024")
    assert [a.title for a in result.articles] == ["Findings into the death of Hemi Tuari Paraone"]
    restarted = (*FINDINGS[:5], "[1] " + FINDINGS[5][4:], FINDINGS[6])  # numbered from 1 again: another document
    assert len(split(restarted, "The morning of 2 January 2024").articles) == 2


def test_a_heading_named_in_the_articles_bulleted_contents_with_link_numbers_is_its_subheading():
    lines = (
        "Annual report of the harbour trust", "By Mara Quinn", "Published March 3, 2025", "Contents",
        "* [15]Introduction", "* [16]Moorings and fees",
        "Introduction",
        "The trust met eleven times this year and welcomed two new trustees from the sailing club.",
        "Moorings and fees",
        "Berth charges rise by four per cent from April; winter storage is unchanged at the boatyard.",
    )
    result = split(lines, "Moorings and fees")
    assert [a.title for a in result.articles] == ["Annual report of the harbour trust"]


def test_an_interviews_last_question_over_its_closing_credit_stays_in_it():
    lines = ("Skater spotlight: Nadia Okafor", "By Rowan Beaulieu",
             "Every month we sit down with one of our skaters. This month it's blocker Nadia Okafor, who moved here last year.",
             "How did you get into derby?",
             "A friend dragged me to a game in Montréal when I was doing my master's, and I was hooked by half-time.",
             "Best advice for Fresh Meat?",
             "Learn to fall before you learn to skate fast. And buy good knee pads; don't be cheap about the knee pads.",
             "Interview by Rowan Beaulieu")
    result = split(lines, "Best advice for Fresh Meat?")
    assert [a.title for a in result.articles] == ["Skater spotlight: Nadia Okafor"]


RATINGS = (
    "Player ratings: Black Stars 2-1 Comoros",
    "How every Ghana player fared in Sunday's World Cup qualifier at the Baba Yara Stadium",
    "Ghana moved to within two points of the top of Group I with a hard-fought win over Comoros in front of a full house.",
    "Lawrence Ofori (GK) – 6/10",
    "Had little to do for an hour and could do nothing about the goal, a deflected shot from the edge of the area.",
    "Samuel Kotey (CB) – 7/10",
    "Calm, composed and quick to read danger. Won everything in the air. The best of the back four on the day.",
    "Coach Kwesi Manu – 7/10",
    "Made the right changes at the right time, although the defending of set pieces remains a concern before Bamako.",
)


def test_headings_printed_in_one_form_with_figures_are_one_articles_sections():
    assert template("Samuel Kotey (CB) – 7/10") == template("Coach Kwesi Manu – 7/10") == template("Abdul-Rahman Yakubu (RB) – 6/10")
    assert template("Westmoor (3 seats)") is None and template("Leeds 2 – 1 York") is None
    result = split(RATINGS, RATINGS[5], RATINGS[7])
    assert [a.title for a in result.articles] == [RATINGS[0]]


FORECASTS = (
    "Boland Vrugte Holdings – Initiation: Ripe for a re-rating",
    "Analysts: Thandiwe Mokoena, CFA | Umhlanga Securities",
    "Boland is one of South Africa's largest exporters of fresh fruit, shipping citrus and grapes to Europe and Asia.",
    "Over three years Boland has spent about R1.9 billion on cold storage at the ports of Cape Town and Durban.",
    "Forecasts",
    "Year to 30 June (Rm)        FY24A     FY25E     FY26E     FY27E",
    "Revenue                     8,412     9,305    10,140    10,980",
    "Operating profit              889     1,070     1,262     1,405",
    "Headline earnings             512       641       762       869",
    "Valuation",
    "We value Boland using a sum-of-the-parts approach, valuing the export business and the cold storage at Durban apart.",
    "At R33.10 the shares of Boland trade on 8.1x our earnings, undemanding for an exporter with cold storage of its own.",
)


def test_a_section_under_a_table_the_tagger_left_outside_is_the_articles():
    with tagger.using(CutAt("Valuation", outside=FORECASTS[5:9])):
        result = split_text("\n".join(FORECASTS) + "\n", "dump.txt")
    assert [a.title for a in result.articles] == [FORECASTS[0]]
    assert "sum-of-the-parts" in result.articles[0].body


def test_a_feature_cut_under_an_advertisements_label_is_one_article():
    lines = ("Own label grows up: how the discounters rewrote the rules",
             "Hamish Drummond | The Grocery Ledger",
             "When Fiona Baird started making fresh pasta sauces in a unit outside Livingston, own label was the cheap tier of the shelf.",
             "Baird's experience is far from unusual: premium own-label ranges grew their sales by 14.2% in the year to January.",
             "ADVERTISEMENT",
             "The discounters' long game",
             "Much of that growth in own label has been driven by the discounters, who proved shoppers will pay for a better tier.",
             "Suppliers like Baird say the discounters' premium own-label ranges now set the standard for the whole chilled aisle.")
    result = split(lines, lines[5])
    assert [a.title for a in result.articles] == [lines[0]]
    assert "long game" in result.articles[0].body


POSTBAG = (
    "Rugby Postbag: can Connacht survive without their captain?",
    "By Eoghan Mac Diarmada",
    "Saturday, 5 April 2025",
    "This week's postbag is the fullest since the World Cup, which tells you Connacht are in a play-off race again.",
    "Is Connacht's season over now that the captain is out for eight weeks?",
    "Losing your captain and best lineout operator in the same week would hurt any side, but the squad is deeper than last year.",
    "Was the red card in Cardiff the right call?",
    "The referee had little choice under the current law: the contact was high and there was no mitigation that he could apply.",
    "What is the plan for the new stand at the Sportsground?",
    "The province says the stand will be ready for the first home game of next season, though the builders are less sure.",
)


def test_readers_questions_cut_apart_under_a_dated_article_are_its_sections():
    result = split(POSTBAG, POSTBAG[4], POSTBAG[6], POSTBAG[8])
    assert [a.title for a in result.articles] == [POSTBAG[0]]
    briefs = ("Gas storage report", "By Ravi Menon", "19 March 2026", POSTBAG[3],
              "IN BRIEF: German gas storage 28% full", "Storage sites in Germany were 28% full on Wednesday, the regulator said in a note.",
              "IN BRIEF: Ofgem confirms price cap for April", "The regulator confirmed the cap for April to June, down 2% on the quarter before.")
    assert len(split(briefs, briefs[4], briefs[6]).articles) == 3  # briefs under one label are items of their own


WINE = (
    "Why Portuguese reds are the best value on the shelf right now",
    "Jonathan Ashcroft",
    "Sun 19 Oct 2026 08.00 BST",
    "If I could give one piece of advice to anyone who wants to drink better red wine for less, it would be to buy Portuguese.",
    "For years Portugal was known abroad for port and for rosé, and its table wines were an afterthought. Not any more.",
    "Quinta do Vale Escuro Douro Tinto 2022",
    "£9.50 Co-op, 13.5%",
    "A supermarket red with real character: blackberry, a lick of spice and a fine, dry finish. Superb with a Sunday roast.",
    "Casa de Santar Dão Reserva 2020",
    "£14.99 Waitrose, 14%",
    "Dão reds are Portugal's answer to burgundy: lighter, more perfumed, and built to age. This has cherries and rose petals.",
    "Herdade do Monte Branco Alentejo 2023",
    "£11 Majestic (mix six), 14.5%",
    "Riper and rounder, from the hot south. Plums and chocolate. A crowd-pleaser for a casserole on a cold evening.",
    "Jonathan Ashcroft is the Sunday Courier's wine correspondent",
    "Prices correct at time of going to press.",
)


def test_picks_headed_over_the_same_line_of_figures_as_one_inside_the_article_are_its_sections():
    result = split(WINE, WINE[8], WINE[11])
    assert [a.title for a in result.articles] == [WINE[0]]
    assert "crowd-pleaser" in result.articles[0].body
    listing = ("Trad night: the Frenchmen Street Stompers", "d.b.a., 618 Frenchmen St. · 6 p.m. · No cover",
               "Washboard, banjo and clarinet; 1920s tunes played like they were written yesterday.",
               "Charmaine Lewis Sings Nina", "Little Gem Saloon, 445 S. Rampart St. · 8 p.m. · $25",
               "A tribute to Nina Simone from the Baton Rouge singer, with a string quartet.")
    result = split(listing, listing[3])  # two listings: the figures under the second are under no heading inside the first
    assert [a.title for a in result.articles] == [listing[0], listing[3]]


def test_picks_over_the_same_line_of_figures_cut_apart_from_the_first_are_the_articles():
    result = split(WINE, WINE[5], WINE[8], WINE[11])
    assert [a.title for a in result.articles] == [WINE[0]]
    teasers = ("Abuja premiere for political drama postponed", "Ifeoma ChukwuNovember 28, 2025",
               "Producers say the event at the Silverbird Galleria was moved for logistical reasons, sources said.",
               "Cross-border comedy to premiere in Accra", "Segun AlabiNovember 19, 2025",
               "The comedy, shot in Kumasi and Ibadan, will open in Accra on 12 December before a release in January.",
               "Enugu's first film festival to open with a local premiere", "Kelechi Onyekachi-DikeNovember 11, 2025",
               "The Coal City Film Festival will open with an Igbo-language drama about a market woman in Ogbete.")
    assert len(split(teasers, teasers[3], teasers[6]).articles) == 3  # a by-line glued to its date is no line of figures


def test_a_bio_cut_from_the_foot_of_the_article_is_its_end_matter():
    result = split(WINE, WINE[8], WINE[11], WINE[14])
    assert [a.title for a in result.articles] == [WINE[0]]
    assert result.articles[0].authors == ("Jonathan Ashcroft",)
    assert "Prices correct" in result.articles[0].body


def test_markdown_sections_under_an_articles_level_one_headline_are_its():
    live = ("# Screen awards live: Wattle Road wins best film as Mele Tupou makes history",
            "By Kerryn Tate", "Wed 5 Feb 2025 22.48 AEDT",
            "Live updates from the awards at the Hordern Pavilion, where the Western Sydney drama led the nominations with 14.",
            "## Best film: Wattle Road", "22.31 AEDT",
            "Wattle Road has won best film. Its director thanked the families of Mount Druitt who opened their homes to the crew.",
            "## Best drama series goes to The Saltpans", "21.40 AEDT",
            "The Saltpans has won best drama series, capping a run of six awards for the outback mystery this evening.")
    result = split(live, live[4], live[7])
    assert [a.title for a in result.articles] == [live[0].removeprefix("# ")]
    teasers = ("## Wattle Road review: a big-hearted drama", "By Kerryn Tate", live[6], "## The Saltpans season two begins", "By Ana Silva", live[9])
    assert len(split(teasers, teasers[3]).articles) == 2  # headings of one level: items of their own


def test_a_deeper_markdown_heading_over_its_own_by_line_heads_an_item_of_its_own():
    page = ("## Expert review: a fast, fun quiz engine that finally handles real maths",
            "By Eun-ji Seo, Senior Editor · Reviewed November 18, 2024",
            "Quizzard looks like every other live quiz game until you type a maths question; its answer engine accepts equivalent forms.",
            "### Great for exit tickets, weak on accessibility",
            "Kwame Boateng · Classroom teacher · Accra International School · Submitted January 12, 2025",
            "My Grade 8 students love it and I use it three times a week for exit tickets at the end of each lesson.")
    result = split(page, page[3])
    assert [(a.title, a.authors) for a in result.articles] == [
        (page[0].removeprefix("## "), ("Eun-ji Seo",)), (page[3].removeprefix("### "), ("Kwame Boateng",))]


HOROSCOPE = (
    "Your weekly horoscope: March 17 – 23, 2025",
    "The equinox brings a fresh start, and Mercury's retrograde means it pays to read the fine print twice this week.",
    "By astrologer Celestine Marr",
    "ARIES", "March 21 – April 20",
    "Happy birthday season, Aries! The Sun moves into your sign on Thursday, and you'll feel your energy return by the weekend.",
    "Lucky day: Thursday",
    "TAURUS", "April 21 – May 21",
    "A friend who has gone quiet gets back in touch midweek. Hear them out before you decide whether to pick things up again.",
    "Lucky day: Friday",
    "GEMINI", "May 22 – June 21",
    "You're juggling more than usual, Gemini, and something has to give. Let it be the thing you've only been doing out of habit.",
    "Lucky day: Wednesday",
)


def test_sections_headed_by_a_label_in_capitals_over_a_date_as_one_above_is_are_the_articles():
    result = split(HOROSCOPE, HOROSCOPE[12])
    assert [a.title for a in result.articles] == [HOROSCOPE[0]]
    assert "something has to give" in result.articles[0].body


def test_a_label_in_capitals_between_an_article_and_a_headline_keeps_them_apart_however_alike_their_words():
    page = ("When the queue for the Regal stretched round the block", "By Margaret Fenwick, Nostalgia Editor",
            "For more than half a century the Regal was where the town went on a Saturday night, and the queues went round the block.",
            "Queues round the block",
            "Older readers will remember the Regal's queues on a Saturday: for The Sound of Music they stretched from the doors to the bridge.",
            "The last picture show",
            "The Regal became a three-screen cinema in 1974 and closed in 1983; the council has now approved plans to demolish the Regal.",
            "YOUR MEMORIES", "The usherette who let us in for nothing",
            "In 1958 my brother and I spent every penny at the Regal on a Saturday. The usherette let us in for nothing past the queue.")
    with tagger.using(CutAt(page[8], outside=(page[7],))):
        result = split_text("\n\n".join(page) + "\n", "dump.txt")
    assert [a.title for a in result.articles] == [page[0], page[8]]


def test_the_entries_of_a_live_page_under_their_times_are_the_live_page():
    page = ("# Orbis Nova 6 launch live: every announcement from the Helsinki event as it happened",
            "By Callum Reid, Mobile Editor", "Last updated: 5 March 2025, 15:37 GMT",
            "Orbis has unveiled the Nova 6 and Nova 6 Pro, a cheaper Nova 6a and its first smart ring. Here's everything it announced.",
            "Good afternoon and welcome to our live coverage of the Orbis launch in Helsinki, where the hall is filling up fast.",
            "Callum Reid · 14:11", "### The Nova 6 is official",
            "First up, the standard Nova 6: a 6.3-inch screen, a new Orbis-designed chip and a slightly bigger battery than last year.",
            "Ananya Iyer · 14:19", "### Pro camera gets a periscope",
            "The Pro gets a 5x periscope telephoto, replacing the 3x lens, and the sample shots on stage looked very sharp indeed.",
            "Orbis says the new lens lets in a third more light than the old one, which should help in the dim bars and concert halls "
            "where phone cameras struggle most; we will test that claim when review units arrive next week.",
            "The Pro also keeps the headphone socket that Orbis fans campaigned for, which drew the loudest cheer of the afternoon "
            "from the crowd of reviewers and partners packed into the hall on the old harbour front.",
            "Pre-orders open today on the Orbis store and at the three big networks, with the first phones due in shops on 14 March; "
            "the company says the Pro in green will be in short supply until April because of a shortage of the new glass.")
    result = split(page, page[6], page[9])
    assert [a.title for a in result.articles] == [page[0].removeprefix("# ")]
    briefs = ("# Market report: copper at a two-year high", "By Callum Reid", page[3], page[4], "Callum Reid · 14:11", page[6], page[7])
    assert len(split(briefs, briefs[5]).articles) == 2  # no live page: its time row ends the item above


LIVE_HEAD = [
    "Wanderwise Travel News", "Destinations | Deals | Travel news | Advice", "LIVE",
    "French air traffic control strike live: hundreds of flights cancelled on first day of Easter getaway",
    "Ryanair, easyJet and Air France cancel flights as overflights of France are disrupted",
    "Rebecca Thornbury (now) and Kwame Asante (earlier)", "Updated 18 April 2025 at 16:42", "Key points",
    "* French air traffic controllers strike from 06:00 Friday to 06:00 Sunday",
    "* Ryanair has cancelled 420 flights, many over-flying France",
]
LIVE_ENTRIES = [
    "16:42", "Queues at Luton passport control",
    "Passengers arriving from Nice say they waited more than an hour at the border after a day of delays at every gate.",
    "— Rebecca Thornbury", "16:10", "What the airlines say",
    "easyJet says 83 flights have been cancelled today and warned of delays into Saturday across its whole network.",
    "— Kwame Asante", "15:31", "Why overflights matter",
    "Even if your flight isn't going to France it may cross French airspace, and controllers in Brest handle much of it.",
    "— Rebecca Thornbury",
]


def test_a_live_page_whose_head_the_tagger_left_out_is_one_article_from_its_headline():
    result = split_text("\n".join(LIVE_HEAD + LIVE_ENTRIES), "live.txt")
    (article,) = result.articles
    assert article.title == LIVE_HEAD[3]
    assert "Why overflights matter" in article.body and "Queues at Luton" in article.body  # every entry is in it
    assert {"Rebecca Thornbury", "Kwame Asante"} <= set(article.authors)


def test_a_banner_in_capitals_that_says_live_heads_no_live_page():
    banner = ["COUNCIL ELECTIONS 2027 — LIVE RESULTS", "Seats declared: 31 of 48 | LAB 14 | CON 8", "Last updated 03:12 Friday 7 May", ""]
    story = ["Labour closes in on majority as Greens take three seats", "By Rachel Ames", "Friday, 7 May 2027, 03:05",
             "Labour is within sight of regaining control of the council after a night in which the Conservatives lost six seats.",
             "Turnout across the borough was 31.4%, down from 34.8% in 2023, and the last seats are due by six.", "",
             "Castle ward: Greens win by 212 votes", "Friday, 7 May 2027, 02:41",
             "Naomi Fairweather took the seat for the Greens, the party's first ever win on the borough council, by 212 votes."]
    titles = [a.title for a in split_text("\n".join(banner + story), "results.txt").articles]
    assert titles[:2] == [story[0], story[6]]


HOW_TO = (
    "Build a hidden-bracket shelf from one pine board",
    "By Tomasz Wrona",
    "A shelf with no visible brackets costs less than a shop-bought one and holds far more weight if the rods go into the studs.",
    "Step 1: Mark the studs",
    "Use a stud finder and mark the centre of each stud in pencil, then check the marks with a thin nail.",
    "Step 2: Cut the board",
    "Cut the board to length and sand the ends while they are still easy to clamp to the bench.",
    "Step 3: Drill the wall",
    "Drill the holes level with each other and blow out the dust before you test each one with a rod.",
    "Step 4: Glue the rods",
    "Fill each hole two-thirds full of epoxy, push the rods in with a twist and leave them overnight.",
)



def _steps(lines: Sequence[str], starts: Sequence[int]) -> list[tuple[int, int]]:
    """The items (first and last line) `join_steps` gives for items starting at `starts`."""
    blocks = [Block(n, text) for n, text in enumerate(lines, 1)]
    ends = [*starts[1:], len(lines)]
    found = [Item(a, b, 0.9) for a, b in zip(starts, ends)]
    joined, _ = join_steps(found, blocks, [])
    return [(blocks[it.start].line, blocks[it.end - 1].line) for it in joined]


def test_the_numbered_steps_of_a_how_to_are_one_article_with_its_introduction():
    assert _steps(HOW_TO, [0, 3, 5, 7, 9]) == [(1, 11)]  # an item cut at every step: one again, with its introduction
    (article,) = split(HOW_TO, *HOW_TO[3::2]).articles  # as the whole split gives it
    assert article.title == "Build a hidden-bracket shelf from one pine board" and "leave them overnight" in article.body


def test_two_numbered_parts_or_numbers_out_of_order_are_left_as_found():
    assert _steps(HOW_TO[:7], [0, 3, 5]) == [(1, 3), (4, 5), (6, 7)]  # two steps are no run
    swapped = (*HOW_TO[:3], *HOW_TO[5:7], *HOW_TO[3:5], *HOW_TO[7:])
    assert _steps(swapped, [0, 3, 5, 7, 9]) == [(1, 3), (4, 5), (6, 7), (8, 9), (10, 11)]  # Step 2, Step 1, …: no count
    days = [line.replace("Step", "Day") for line in HOW_TO]
    assert len(_steps(days, [0, 3, 5, 7, 9])) == 5  # a diary's days may be items of their own



def test_a_plain_mail_heading_between_two_items_keeps_them_apart():
    director = (
        "A word from the project director",
        "By Dan Whitlock",
        "This month the concrete frame of the new ward block at the Vale Street site reaches its top floor.",
        "The concrete pours on the ward block were two weeks behind after the wet weather at the site in January.",
        "Saturday working at the site has recovered most of the time the concrete frame lost to the rain.",
        "From April the noisiest work at the site moves indoors, once the concrete frame of the ward block is done.",
        "The tower crane that lifted the concrete for the ward block comes down in May, as the frame is finished.",
    )
    section = ("Concrete pours on the ward block", "The last concrete pour of the ward block frame at the site starts early on Wednesday.",
               "Mixer lorries bringing the concrete will queue inside the site, not on Vale Street, during the pour.")
    for heading, joined in ((section[0], True), ("** " + section[0], False)):
        texts = [*director, heading, *section[1:]]
        blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
        shapes = [shape(t) for t in texts]
        out, _ = join([Item(0, 7, 0.9), Item(7, 10, 0.6)], blocks, shapes, classify(texts, None, shapes), [])
        assert len(out) == (1 if joined else 2)  # a mail's heading opens an item of its own, never a section


def test_two_sections_cut_from_an_article_join_it_when_the_second_closes_with_a_note_on_its_writer():
    result = split(GUEST_POST, "The sea is not your swimming pool", "And finally: ask us")
    assert [a.title for a in result.articles] == ["What I learned from thirty years of lifeguarding"]
    assert "rip current" in result.articles[0].body and "trains new lifeguards" in result.articles[0].body
    other = (*GUEST_POST[:-1], "Jenna Treloar spent thirty summers on the beaches of north Cornwall and now trains new lifeguards.")
    assert len(split(other, "The sea is not your swimming pool", "And finally: ask us").articles) == 3


def test_text_broken_off_at_a_pdf_pages_foot_goes_on_in_the_item_under_it():
    texts = [
        "Reading the margins of a Tudor household",
        "By Eleri Vaughan and Sam Okonjo",
        "When the Pelham family's Book of Hours came up for sale in 2022, the catalogue described it as heavily annotated.",
        "Working with the library's conservation team, doctoral researcher Sam Okonjo used imaging to recover notes that had",
        "This article is licensed under a Creative Commons Attribution 4.0 International licence (CC BY 4.0).",
        "been scraped away or washed out. Among them is a list of books lent and borrowed between the women of the house.",
        "An exhibition of the manuscript opens in the Weaver Gallery in October.",
    ]
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    shapes = [shape(t) for t in texts]
    roles = classify(texts, None, shapes)
    out, _ = join([Item(0, 5, 0.9), Item(5, 7, 0.6)], blocks, shapes, roles, [])
    assert [(i.start, i.end) for i in out] == [(0, 7)]  # the licence printed at the page's foot ends no article
    whole = [*texts[:3], "He also used imaging to recover notes that had been scraped away.", *texts[4:]]
    shapes = [shape(t) for t in whole]
    out, _ = join([Item(0, 5, 0.9), Item(5, 7, 0.6)], [Block(k + 1, t) for k, t in enumerate(whole)], shapes, classify(whole, None, shapes), [])
    assert len(out) == 2  # text that ended its sentence: the item under it, in lower case or not, is its own


GLUED_POST = """\
Guest post: Clearing a parent's house without falling out with your brothers
By Tom Ashby

When I walk into a house where a couple has lived for fifty years, I don't start with the cupboards. I start with the people.

Most families ring me a month too late. The sale has gone through, and nobody has decided what happens to the piano.

Measure the new rooms first
The new home decides what goes. I measure every room and we cut paper shapes for the bed and the dresser.

Three piles only
Keep, give to family, and let go. A "not sure" pile is the keep pile under another name.

Ask about the heirlooms early
The rows I see are hardly ever about money. They are about a clock, a quilt, a brass kettle.

Let moving day be slow
On the day I unpack the bedroom and the bathroom first, make the bed and hang the pictures that matter.
"""


def test_a_section_headed_as_the_articles_subheadings_are_right_over_its_paragraph_is_the_articles():
    heads = ("Ask about the heirlooms early", "Let moving day be slow")
    with tagger.using(CutAt(*heads)):
        result = split_text(GLUED_POST, "guest.txt")
    assert [a.source.lines for a in result.articles] == [(1, 18)]  # no shared words needed: printed as its subheadings are
    interview = GLUED_POST.replace("Measure the new rooms first", "Where do you start?").replace("Three piles only", "How many piles?")
    with tagger.using(CutAt(*heads)):
        assert len(split_text(interview, "guest.txt").articles) == 3  # questions over answers, then headings that ask nothing


COLUMN = """\
Stain Doctor: Can anything rescue a wool jumper that's shrunk in the wash?
By Maureen Castle

Q. My husband put my merino jumper in a 60-degree wash with the towels. It's now the size of a tea cosy. Is it worth trying conditioner?
Felted in Felling

A. Your daughter is right, and it's worth a go. Shrinking happens because the scales on wool fibres lock together in heat.

Soak the jumper in lukewarm water with a squirt of hair conditioner for half an hour, then ease it back into shape as it dries flat.

Q. Our grandson drew on the cream leather sofa in blue biro. We've tried baby wipes and it's just smeared. Help!
Mrs J. Armitage, Hexham

A. Stop with the wipes. For leather, dab the ink with a cotton bud dipped in a little isopropyl alcohol, testing it first.
"""


def test_an_advice_columns_next_question_is_the_columns_unless_each_names_who_answered_it():
    start = "Q. Our grandson drew on the cream leather sofa in blue biro. We've tried baby wipes and it's just smeared. Help!"
    with tagger.using(CutAt(start)):
        assert [a.source.lines for a in split_text(COLUMN, "column.txt").articles] == [(1, 14)]
    answered = COLUMN.replace("\n\nQ. Our grandson", "\nAnswered by Maureen Castle, our cleaning expert\n\nQ. Our grandson")
    with tagger.using(CutAt(start)):
        assert len(split_text(answered, "archive.txt").articles) == 2  # an archive of Q&As, each with its answerer


GUIDE = """\
Swinsto Hole

Grade: III · Length: 1.7 km · Depth: 150 m · Through trip to Valley Entrance

Overview

A classic through trip from a small entrance on the fellside down a long series of short pitches and cascades to the main drain.

Access

The entrance is on open access land above the Kingsdale road. Park on the verge by Braida Garth, never in the farm's gateway.

Tackle

Ropes for the pitches are usually rigged from bolts. Take a 15 m handline for the Slit and a spare rope for the pull-through.

Hazards and flooding

* The streamway floods to the roof in a few minutes after heavy rain, and the water backs up behind the Slit within the hour.
* Do not descend if rain is forecast in the Kingsdale catchment.

Getting out

From the bottom of the final pitch follow the main drain downstream for forty minutes to the Valley Entrance crawl.

Cave guide written by Nell Ashworth, Cave Records Officer. Last checked 2 March 2026.
"""


def test_a_section_labelled_as_the_articles_sections_are_each_set_apart_over_its_text_is_the_articles():
    with tagger.using(CutAt("Hazards and flooding", "Getting out")):
        result = split_text(GUIDE, "guide.txt")
    assert [(a.source.lines, a.authors) for a in result.articles] == [((1, 26), ("Nell Ashworth",))]  # its writer's line under its text
    letter = GUIDE.replace("Tackle\n", "Yours sincerely\n\nNell Ashworth\nCave Records Officer\n\nTackle\n", 1)
    with tagger.using(CutAt("Tackle")):
        assert split_text(letter, "guide.txt").articles[0].source.lines == (1, 16)  # signed off above it: "Tackle" heads another item
