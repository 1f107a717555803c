"""ends: an item that goes on past its end matter is cut where text starts again under it."""

from __future__ import annotations

from collections.abc import Sequence

from tests.split_support import split_first_only



def split_lines(lines: Sequence[str]):
    return split_first_only("\n".join(lines) + "\n", "columns.txt")


MARKETS = (
    "For two decades, Taiwan's night markets have been held up as a symbol of the island's street life and its small traders.",
    "In Chiayi, the Wenhua Road market still draws crowds on weekend evenings, but many of the smaller markets are struggling.",
    "Chen Mei-ling is a writer based in Chiayi.",
    "Translated by Eddy Lin",
)
WAGES = (
    "The government's plan to raise the minimum wage by 3.2 percent next year has been welcomed by unions and criticised by employers.",
    "Wages in Taiwan have grown slowly for most of the past twenty years, even as the economy itself has grown quickly.",
    "Huang Jia-hao is an assistant professor of economics at National Chung Cheng University.",
)


def test_columns_printed_one_after_another_are_cut_after_each_writers_bio():
    result = split_lines((*MARKETS, *WAGES))
    assert [a.source.lines for a in result.articles] == [(1, 4), (5, 7)]
    assert result.articles[0].authors == ("Chen Mei-ling",) and result.articles[1].authors == ("Huang Jia-hao",)
    assert any("under the end matter" in why for _, why in result.articles[1].review)


def test_a_disclaimer_under_the_bio_stays_with_the_article():
    disclaimer = "The views expressed are those of the author and not necessarily those of the publisher or its editors."
    result = split_lines((*MARKETS[:3], disclaimer))
    assert [a.source.lines for a in result.articles] == [(1, 4)]


def test_a_translators_credit_under_the_standfirst_is_the_head_not_the_end():
    lines = ("When the last inn in Oberweissbach closed, residents pooled their savings to reopen it, and it is now thriving.",
             "Translated by Oliver Hastings", *WAGES[:2])
    result = split_lines(lines)
    assert [a.source.lines for a in result.articles] == [(1, 4)]


def test_a_headline_over_text_under_the_writers_bio_starts_the_next_item():
    lines = (*MARKETS[:3], "Winter hours at the museum",
             "From 1 November the museum closes at four in the afternoon, and the café an hour earlier than in the summer.")
    result = split_lines(lines)
    assert [a.source.lines for a in result.articles] == [(1, 3), (4, 5)]
    assert result.articles[1].title == "Winter hours at the museum"


def test_a_headline_over_its_date_and_text_under_a_signature_starts_the_next_item():
    lines = ("Local Democracy Reporting contracts renewed to 2031", "12 March 2026 9:15am", *WAGES[:2], "PressWorks staff",
             "Most read today", "Comment: Stop calling it 'content'. Readers can tell", "13 March 2026 7:00am", *MARKETS[:2])
    result = split_lines(lines)
    assert [a.title for a in result.articles] == [lines[0], lines[6]]
    contacts = ("Key contacts", "Siti Nurhaliza Osman, Partner, Kuala Lumpur", "Daniel Wong Kah Meng, Senior Associate, Kuala Lumpur",
                "This alert is for general information only. © 2025 Harcourt Lim Sdn Bhd. All rights reserved.")
    result = split_lines((lines[0], lines[1], *WAGES[:2], "Harcourt Lim", *contacts))  # no text under the names: the alert's end
    assert [a.title for a in result.articles] == [lines[0]]


def test_a_notice_headed_by_the_names_its_text_opens_with_starts_a_new_item():
    lines = ("Priya Raman, Daniel Okafor",
             "Priya Raman and Daniel Okafor were married Feb. 15 at the Providence Art Club. Judge Helen Marchetti officiated.",
             "The bride, 31, is an associate at a law firm in Boston. The groom, 33, is a structural engineer in Boston.",
             "Feb. 16, 2025",
             "Chloé Marchand, Theodore Lindgren",
             "Chloé Marchand and Theodore Lindgren were married Feb. 14 at the Church of St. John the Evangelist in Boston.",
             "The bride, 29, is a curator at the Worcester Art Museum. The groom, 30, teaches history at a school in Roxbury.",
             "Feb. 16, 2025")
    result = split_lines(lines)
    assert [a.source.lines for a in result.articles] == [(1, 4), (5, 8)]


def test_a_signature_or_a_company_over_text_naming_it_starts_no_item():
    signed = (*WAGES[:2], "— Ross Drummond", "Ross Drummond won 41 caps for Scotland and writes a weekly column on the game for the paper.")
    assert len(split_lines(signed).articles) == 1
    company = (*WAGES[:2], "Adamawa Flour Mills",
               "Adamawa Flour Mills Plc has named Alhaji Musa Danladi-Bello as managing director, effective April 1, the company said.",
               "The company also announced the resignation of its finance director, who is retiring after twenty years with it.")
    assert len(split_lines(company).articles) == 1


def test_a_label_in_capitals_over_a_headline_over_text_starts_the_next_item_a_sign_over_its_dates_does_not():
    memories = ("YOUR MEMORIES", "The usherette who let us in for nothing",
                "In 1958 my brother and I had a Saturday job delivering papers, and we spent every penny at the Regal on Bridge Street.",
                "Brenda Coulthard, Gateshead")
    result = split_lines((*MARKETS[:2], *memories))
    assert [a.title for a in result.articles][-1] == memories[1]
    assert len(result.articles) == 2
    signs = ("ARIES", "March 21 – April 20", "Happy birthday season, Aries! The Sun moves into your sign on Thursday, and you'll feel your energy return.")
    assert len(split_lines((*MARKETS[:2], *signs)).articles) == 1
