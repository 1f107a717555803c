"""briefs: a page's bulleted short items, each an item; an article's bulleted points are not."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.briefs import entries, lead_in, points
from sitegen.split.roles import classify

IN_BRIEF = (
    "IN BRIEF",
    "* Political prisoners: Human rights monitors counted 1,187 people held on political charges on 1 March, down from 1,210.",
    "* Exit fee: Belarusians leaving by land for Lithuania and Poland now pay a border queue booking fee of 26 roubles.",
    "* Books: The state publisher has withdrawn three novels by exiled Belarusian writers from school reading lists.",
)
NEWS = (
    "Thank you to the Wellcome Trust for funding the retreat through our Discovery Award, and to the hostel for putting up with us.",
    "* November 2024 — Ravi won a best poster prize at the Society for Neuroscience meeting in Chicago for his work.",
    "* October 2024 — We welcome three new PhD students, who join us from Istanbul, Osaka and Lagos this autumn.",
    "* **September 2024** — Chinedu has been awarded a Wellcome Discovery Award to study how variants act in the brain.",
)
POINTS = (
    "Most people improve with simple treatments:",
    "* Stretching: calf and plantar fascia stretches, especially before getting out of bed in the morning.",
    "* Supportive shoes: avoid going barefoot on hard floors, and off-the-shelf arch supports often help.",
    "* Ice: roll your foot over a frozen water bottle for 10 to 15 minutes twice a day.",
)


def test_a_bullets_lead_in_is_a_label_or_a_date():
    assert lead_in(IN_BRIEF[2]) == ("Exit fee", "label")
    assert lead_in(NEWS[3]) == ("September 2024", "date")
    assert lead_in("* Exit fee: 26 roubles") is None  # no sentence after it: a field


def test_bullets_under_a_label_or_dated_after_a_post_are_briefs_each():
    assert entries(IN_BRIEF, classify(list(IN_BRIEF))) == [(1, 2), (2, 3), (3, 4)]
    assert entries(NEWS, classify(list(NEWS))) == [(1, 2), (2, 3), (3, 4)]


def test_an_articles_points_introduced_by_its_text_are_no_briefs():
    assert entries(POINTS, classify(list(POINTS))) == []
    labelled_after_text = (NEWS[0], *IN_BRIEF[1:])
    assert entries(labelled_after_text, classify(list(labelled_after_text))) == []


def test_each_brief_is_an_item_of_its_own():
    result = split_text("\n".join(IN_BRIEF) + "\n", "dump.txt")
    assert [a.source.lines for a in result.articles] == [(2, 2), (3, 3), (4, 4)]
    assert [(a.title, a.kind.value) for a in result.articles] == [
        ("Political prisoners", "fragment"), ("Exit fee", "fragment"), ("Books", "fragment"),
    ]  # titled by its lead-in; it stands for the story it sums up


def test_short_briefs_in_a_mail_are_items_however_short_their_text():
    mail = (
        "== The numbers: enquiries per booking ==\n\n"
        "How many enquiries does it take to book one wedding? Across the 46 venues that share data with us, the median was 11.\n\n"
        "== In brief ==\n\n"
        "* VAT: HMRC has confirmed that room hire bundled with catering for a\n"
        "  wedding is a single standard-rated supply; see its updated notice.\n"
        "* Awards: Entries for the Venue Insider Awards 2026 close on 10 April.\n"
        "* Jobs: Three Counties Hotels is hiring a group weddings manager.\n"
    )
    result = split_text(mail, "mail.txt")
    assert [(a.title, a.kind.value) for a in result.articles][-3:] == [
        ("VAT", "fragment"), ("Awards", "fragment"), ("Jobs", "fragment"),
    ]  # one line of text each: kept as the briefs they are, not taken for furniture


def test_a_briefs_text_wrapped_onto_the_next_line_is_its_own():
    texts = (
        "== In brief ==",
        "* VAT: HMRC has confirmed that room hire bundled with catering for a",
        "wedding is a single standard-rated supply; see its updated notice.",
        "* Awards: Entries for the Venue Insider Awards 2026 close on 10 April.",
        "* Jobs: Three Counties Hotels is hiring a group weddings manager.",
        "Three new members joined the association this week.",
    )
    assert entries(texts, classify(list(texts))) == [(1, 3), (3, 4), (4, 5)]  # a line after a whole sentence is no wrap


def test_a_lead_in_may_hold_brackets_and_a_subheading_in_an_articles_text_heads_no_briefs():
    assert lead_in("* Small Hours (new!): Our first fiction series in two years, six stories set in all-night cafés.") == (
        "Small Hours (new!)", "label")
    under_subheading = (NEWS[0], "What was lit, blown and covered", *IN_BRIEF[1:])
    assert entries(under_subheading, classify(list(under_subheading))) == []  # the article's points, under its subheading
    under_label = (NEWS[0], *IN_BRIEF)
    assert entries(under_label, classify(list(under_label))) == [(2, 3), (3, 4), (4, 5)]  # "IN BRIEF": the newsletter's


def test_bullets_with_lead_ins_under_a_subheading_in_an_articles_text_are_its_points():
    texts = ["Yes, lots of horses can go barefoot, and some of the horses I look after never wear a shoe at all.",
             "What I look at",
             "- The hoof wall: is it thick enough, and does it hold together without cracking back to the white line?",
             "- The sole: is there enough depth? A thin-soled horse on flinty tracks is going to be sore.",
             "- The work: three hours of roadwork a week is a very different thing from hacking on grass.",
             "Transition isn't a weekend job"]
    roles = classify(texts)
    assert entries(texts, roles) == []
    assert points(texts, roles) == [(2, 5)]  # the tagger's starts at each of them are mended to the article's text
    assert points(["IN BRIEF", *texts[2:5]], classify(["IN BRIEF", *texts[2:5]])) == []  # briefs under a label are no points
