"""peers: an item the boundary decision kept whole is cut where a line inside is printed like its head."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import split_text
from sitegen.split.boundary import Item
from sitegen.split.peers import cut
from sitegen.split.roles import classify, shape
from sitegen.split.text import Block
from tests.split_support import split_first_only



def split_lines(lines: Sequence[str]):
    return split_first_only("\n\n".join(lines) + "\n", "dump.txt")


NOTICES = """Family Notices

Deaths

ABERNETHY, Margaret Rose

Peacefully at Larchfield Care Home on 14 October 2026, aged 93. Beloved wife of the late Douglas, loving mother of Fiona and Alasdair. Funeral service at St Columba's Church, Kirkton, on Friday 24 October at 11am.

MCALLISTER, Hugh

Suddenly at home in Kirkton on 15 October 2026, aged 67. Retired joiner and lifelong supporter of Kirkton Thistle. Private cremation; donations if desired to the Kirkton Lifeboat.

PRENTICE, Isobel Jean (Ishbel)

On 16 October 2026, peacefully at Ninewells Hospital, aged 88. Former teacher at Kirkton Primary School for thirty years. Service at Kirkton Parish Church on Monday 27 October at 2pm, all welcome.

Place a notice
"""


def test_death_notices_under_surname_heads_are_one_article_each():
    result = split_text(NOTICES, "notices.txt")
    assert [a.title for a in result.articles] == ["ABERNETHY, Margaret Rose", "MCALLISTER, Hugh", "PRENTICE, Isobel Jean (Ishbel)"]
    assert "Retired joiner" in result.articles[1].body and "Retired joiner" not in result.articles[0].body
    assert any("printed like the head of an item" in str(r) for r in result.articles[2].review)  # each cut is flagged


NEWSLETTER = (
    "Community garden blooms",
    "The community garden behind Dumbarton Road had its best year yet, and the volunteers grew more potatoes and kale than ever before.",
    "The garden group meets every Thursday at 11am from March to October, and children are welcome with an adult.",
    "AGM results",
    "At our annual general meeting on 18 September, members approved the accounts and re-elected five members of the committee.",
    "Window repairs this winter",
    "Contractors will start replacing the single-glazed windows in the Partick blocks in January, working one close at a time.",
)


def test_a_newsletters_notes_kept_whole_are_cut_at_each_head_printed_like_the_first():
    result = split_lines(NEWSLETTER)
    assert [a.title for a in result.articles] == ["Community garden blooms", "AGM results", "Window repairs this winter"]


ARTICLE = (
    "Why the tram line to the airport is a year late",
    "By Sunita Rao",
    "Published 9 April 2027",
    "The new tram line will reach the airport in 2028, the transport authority said on Friday, a year later than it had planned.",
    "Tunnels under the route",
    "Engineers found old tunnels under the route that had to be filled in before the track could be laid, which took five months.",
    "What passengers can expect",
    "Until the line opens, the airport bus will run every ten minutes from the station, and tickets will be valid on both.",
)


def test_an_articles_subheadings_are_not_cut_when_its_headline_has_a_by_line_under_it():
    result = split_lines(ARTICLE)
    assert [a.title for a in result.articles] == ["Why the tram line to the airport is a year late"]
    assert "airport bus" in result.articles[0].body


INTERVIEW = (
    "How did the bakery start?",
    "My grandmother baked bread for the whole street during the war, and I learned everything I know from watching her in that kitchen.",
    "What was the hardest year?",
    "The year the oven broke in December, our busiest month, and we baked in a borrowed kitchen across town for three weeks.",
    "Where is the bakery going next?",
    "We are opening a second shop in the market hall in the spring, with a counter where people can watch the bread being made.",
)


def test_questions_of_one_interview_are_not_cut_apart():
    result = split_lines(INTERVIEW)
    assert len(result.articles) == 1


CLUB_NOTES = (
    "Raharney GAA",
    "Lotto: Jackpot €5,200. Numbers 2, 8, 15 and 22. No winner, and the lucky dips went to three members of the club.",
    "Camogie: Registration for the 2025 season is now open online. All players must register before taking part in training.",
    "Delvin GAA",
    "Under-16 hurling: Training resumes on Wednesday at 7pm under lights. New players are always welcome; contact Ger on 086 555 9876.",
    "Bingo: Bingo continues every Sunday at 8pm in the community hall, and the jackpot this week stands at €1,150.",
    "Killucan GAA",
    "AGM: The club's annual general meeting will be held in the clubhouse on Friday 21 March at 8pm, and all members are welcome.",
    "Coaching: A foundation coaching course for new coaches will take place in the clubhouse over two evenings in April.",
)


def test_club_notes_whose_heads_share_the_pages_word_are_cut_at_each_club():
    result = split_lines(CLUB_NOTES)
    assert [a.title for a in result.articles] == ["Raharney GAA", "Delvin GAA", "Killucan GAA"]


def test_a_word_that_opens_or_closes_three_heads_is_the_pages_own():
    from sitegen.split.peers import page_words
    from sitegen.split.roles import shape
    from sitegen.split.text import Block

    def words(lines):
        return page_words([Block(k + 1, t) for k, t in enumerate(lines)], [shape(t) for t in lines])

    assert "gaa" in words(CLUB_NOTES)
    assert "gaa" not in words(CLUB_NOTES[:6])  # twice is no template
    assert words(ARTICLE) == frozenset()


TWO_STORIES = [
    "Council approves new cycle lanes for the city centre",
    "By Maria Costa",
    "The city council voted on Tuesday to build eight kilometres of protected cycle lanes through the centre, after a two-year consultation.",
    "Work will start in the spring and is expected to take eighteen months, the council's transport lead said.",
    "MORE ON TRANSPORT",
    "Bus fares frozen for another year",
    "Ferry timetable changes from May",
    "Harbour dredging to start in March",
    "By Tom Fry",
    "Dredging of the inner harbour will begin in March and close the north quay to shipping for six weeks, the port authority said.",
    "Fishing boats will be moved to temporary moorings at the marina while the work goes on.",
]


def item_cut(lines):
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(lines))
    shapes = tuple(shape(t) for t in lines)
    roles = tuple(classify(list(lines), None, list(shapes)))
    return [(i.start, i.end) for i in cut([Item(0, len(lines), 0.5)], blocks, shapes, roles)]


def test_a_headline_over_its_own_by_line_and_text_inside_an_article_starts_an_item():
    # kept together across a related list, whatever the tagger was sure of
    assert item_cut(TWO_STORIES) == [(0, 7), (7, 11)]


def test_an_articles_head_may_carry_a_label_an_images_alt_text_and_a_standfirst_over_its_by_line():
    opinion = [*TWO_STORIES[:7], "Opinion: Harbour dredging should wait until the autumn",
               "Image: A dredger moored at the north quay", "A former harbour pilot says the spring work puts the fishing fleet at risk.",
               *TWO_STORIES[8:]]
    assert item_cut(opinion) == [(0, 7), (7, 13)]
    field = [*TWO_STORIES[:7], "Deadline: 3 March", *TWO_STORIES[8:]]  # a field over a by-line is no headline
    assert item_cut(field) == [(0, 11)]


def test_a_subheading_or_a_related_headline_over_a_by_line_with_no_text_starts_none():
    subheading = [*TWO_STORIES[:7], "Dredging to start in March", *TWO_STORIES[9:]]  # no by-line under it
    assert item_cut(subheading) == [(0, 10)]
    teaser = [*TWO_STORIES[:9], "Read the full story"]  # a by-line, but no text under it
    assert item_cut(teaser) == [(0, 10)]
    unsigned = [TWO_STORIES[0], *TWO_STORIES[2:]]  # the item above has no by-line or date of its own
    assert item_cut(unsigned) == [(0, 10)]


RELATED = [
    "Polypill strategy lowers events in secondary prevention across income settings",
    "— Pooled data from three trials show a 21% relative reduction in major adverse events",
    "Colchicine after stroke: mixed results in new trial",
    "— The anti-inflammatory failed on its primary endpoint but cut coronary events",
    "New guidelines on valvular heart disease: five things to know",
    "— Lower thresholds for intervention in asymptomatic severe aortic stenosis",
]


def test_teasers_printed_one_template_after_another_are_cut_apart_and_from_what_follows():
    assert item_cut(RELATED) == [(0, 2), (2, 4), (4, 6)]
    footer = [*RELATED, "Video: Our editors' picks from day 1", "About | Editorial policy | Advertise | Contact"]
    assert item_cut(footer) == [(0, 2), (2, 4), (4, 6), (6, 8)]
    assert item_cut(RELATED[:4]) == [(0, 4)]  # twice is no template: a subheading over a line is as likely


def test_an_articles_sections_of_one_short_paragraph_each_are_not_cut_at_its_subheadings():
    sections = [
        "Toddler waking at 5am? A sleep consultant explains what to try first",
        "By Rosie Carmichael",
        "If your toddler is bouncing in their cot at 5am, you are not alone: early waking bothers parents most.",
        "Check the light",
        "Summer mornings, a gap in the curtains or a glowing night light can all tell your toddler it is time to get up.",
        "Look at nap timing",
        "A nap that starts too early in the day can leave a long stretch before bedtime, making a toddler overtired.",
        "Try a wake-up clock",
        "For children over two, a clock that changes colour when it is OK to get up can help, although it takes weeks.",
    ]
    assert item_cut(sections) == [(0, len(sections))]  # its head is printed unlike the subheadings
    named = ["Heat pumps in old houses", "Fitted in a week, the installer said.", "Heat pumps and radiators",
             "Most old radiators are big enough.", "Heat pumps and noise", "The fan is quieter than a fridge."]
    assert item_cut(named) == [(0, len(named))]  # heads that name one subject are its sections
