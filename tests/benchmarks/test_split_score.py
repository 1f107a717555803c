"""Scoring a split against gold: matching by line overlap, the figures, the gold file format."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.split_score import (
    GoldError, Item, Totals, format_gold, heading, jaccard, line_set, match, predict, read_gold, score, total, totals_of,
)


def item(first: int, last: int, title: str | None = "T", kind: str = "article", authors=(), licence: str = "unknown") -> Item:
    return Item((first, last), kind, title, frozenset(authors), licence)


GOLD = (
    item(1, 10, "Ferry fares to rise", authors={"Ann Lee"}, licence="cc"),
    item(12, 20, "Bridge opens", kind="fragment"),
    item(21, 30, None, kind="fragment"),
    item(31, 40, "Mayor resigns", authors={"Bo Chen", "Ann Lee"}),
)


def figures(gold, predicted, **kw) -> dict[str, float]:
    return totals_of(score(gold, predicted, **kw)).figures()


def test_a_perfect_prediction_scores_one_everywhere():
    assert set(figures(GOLD, GOLD).values()) == {1.0}


def test_a_boundary_shifted_by_half_an_item_matches_nothing():
    gold = (item(1, 10), item(11, 20))
    shifted = (item(1, 5), item(6, 20))  # overlaps 0.5 and 0.67
    result = figures(gold, shifted)
    assert result["precision"] == result["recall"] == result["f1"] == 0.0
    assert result["title"] == 0.0  # a missed item's title counts as wrong


def test_a_boundary_off_by_one_line_still_matches():
    gold = (item(1, 10), item(11, 20))
    assert figures(gold, (item(1, 9), item(10, 20)))["f1"] == 1.0  # overlaps 0.9 and 0.91


def test_f1_on_a_partial_prediction():
    predicted = (GOLD[0], item(12, 25), GOLD[3])  # two of four found, one of three wrong
    result = figures(GOLD, predicted)
    assert result["precision"] == round(2 / 3, 3)
    assert result["recall"] == 0.5
    assert result["f1"] == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 3)


def test_each_field_is_counted_over_gold_items():
    predicted = (
        item(1, 10, "Ferry fares to rise", authors={"Ann Lee"}, licence="unknown"),  # licence wrong
        item(12, 20, "Bridge opens", kind="article"),  # kind wrong
        item(21, 30, "Opening words of the text…", kind="fragment"),  # an invented title for an untitled one
        item(31, 40, "Mayor resigns", authors={"Ann Lee", "Bo Chen"}),  # same set, other order
    )
    result = figures(GOLD, predicted)
    assert result["f1"] == 1.0
    assert (result["title"], result["authors"], result["licence"], result["kind"]) == (0.75, 1.0, 0.75, 0.75)


def test_fields_among_matched_items_leave_missed_items_out():
    predicted = (
        item(1, 10, "Ferry fares to rise", authors={"Ann Lee"}, licence="unknown"),  # licence wrong
        item(12, 25, "Bridge opens", kind="fragment"),  # boundary wrong: missed
        item(31, 40, "Mayor resigns", authors={"Bo Chen"}),  # an author short
    )
    result = figures(GOLD, predicted)
    assert (result["title"], result["authors"], result["licence"]) == (0.5, 0.25, 0.25)
    assert (result["title_matched"], result["authors_matched"], result["licence_matched"], result["kind_matched"]) == (
        1.0, 0.5, 0.5, 1.0)


def test_matching_is_one_to_one_and_best_first():
    gold = (item(1, 10), item(11, 12))
    predicted = (item(1, 11), item(1, 10))
    assert match(gold, predicted) == {0: (1, 1.0)}


def test_blank_lines_do_not_count_in_the_overlap():
    blank = frozenset({2, 4, 6, 8, 10})
    assert line_set((1, 10), blank) == frozenset({1, 3, 5, 7, 9})
    assert jaccard(line_set((1, 9), blank), line_set((1, 10), blank)) == 1.0
    assert line_set((2, 2), blank) == frozenset({2})


def test_totals_sum_counts_before_dividing():
    small = totals_of(score((item(1, 5),), (item(1, 5),)))
    big = totals_of(score(tuple(item(n * 10, n * 10 + 5) for n in range(1, 10)), ()))
    combined = small + big
    assert (combined.gold, combined.matched) == (10, 1)
    assert combined.recall == 0.1


def test_a_dump_with_no_items_is_right_only_when_nothing_is_found():
    assert Totals().f1 == 1.0
    assert totals_of(score((), (item(1, 5),))).figures()["f1"] == 0.0


def test_total_of_no_dumps_is_empty():
    assert total([]) == Totals()


def test_gold_files_round_trip(tmp_path: Path):
    path = tmp_path / "x.gold.yaml"
    path.write_text(format_gold(GOLD), encoding="utf-8")
    assert read_gold(path, 40) == GOLD


@pytest.mark.parametrize(("text", "message"), [
    ("- {lines: [3, 2], kind: article, title: A, licence: cc}", "item 1: lines must be [first, last]"),
    ("- {lines: [1, 99], kind: article, title: A, licence: cc}", "within 1..40"),
    ("- {lines: [1, 2], kind: teaser, title: A, licence: cc}", "kind must be one of"),
    ("- {lines: [1, 2], kind: article, title: A, licence: free}", "licence must be one of"),
    ("- {lines: [1, 2], kind: article, licence: cc}", "title must be"),
    ("- {lines: [1, 2], kind: article, title: A, licence: cc, author: [X]}", "unknown keys ['author']"),
    ("- {lines: [1, 5], kind: article, title: A, licence: cc}\n- {lines: [5, 9], kind: article, title: B, licence: cc}",
     "overlap or are out of order"),
    ("- lines: [1, 2\n", "x.gold.yaml:"),
])
def test_a_broken_gold_file_is_named_with_what_is_wrong(tmp_path: Path, text: str, message: str):
    path = tmp_path / "x.gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match="x.gold.yaml") as caught:
        read_gold(path, 40)
    assert message in str(caught.value)


def test_predict_reads_the_splits_title_authors_and_licence():
    text = (
        "Harbour cranes return to the old port – The Daily Ledger\n\nBy Maria Costa\n\n"
        "The old port reopened on Monday after three years of repairs, and the first ships arrived before dawn.\n\n"
        "Dock workers said the new cranes can lift twice the weight of the old ones, which were sold for scrap.\n\n"
        "This article is republished from The Conversation under a Creative Commons license.\n"
    )
    [got] = predict(text, "d.txt")
    assert got == Item((1, 9), "article", "Harbour cranes return to the old port", frozenset({"Maria Costa"}), "cc")


def test_predict_says_untitled_when_the_split_took_no_title_line():
    text = "The gutting of Voice of America by the administration poses a serious threat to the global voice of freedom, and"
    [got] = predict(text, "d.txt")
    assert got.title is None
    assert got.lines == (1, 1)


def test_predict_reads_a_headline_the_dump_wrapped_over_two_lines():
    import textwrap

    body = ("In the last week of May, when the wet-season grass on the floodplain south of the river was still "
            "knee-high and green at the roots, six rangers from the station set out before dawn with drip torches. ") * 3
    head = "Cool fire, early: how the Marlgu Rangers are rewriting the fire calendar on the Daly River floodplain"
    text = "\n".join([*textwrap.wrap(head, 76), "By Jarrah Whitfield", *textwrap.wrap(body, 76)]) + "\n"
    [got] = predict(text, "d.txt")
    assert got.title == head and got.lines[0] == 1


def test_predict_reads_a_ranked_teasers_headline_without_its_rank_and_link_number():
    text = ("1. [18]Teachers to strike on March 27 after pay offer rejected by union members\n"
            "The one-day walkout would close most state schools in Queensland, the first statewide strike since 2019.\n"
            "By [19]Harriet Nguyen\n4 hours ago\n")
    [got] = predict(text, "d.txt")
    assert got.title == "Teachers to strike on March 27 after pay offer rejected by union members"


def test_predict_reads_a_briefs_lead_in_as_its_title():
    text = ("** QUICK BITS\n\n"
            "* Kit order: the winter kit order closes on 30 November, with the new splash tops in navy and in green.\n"
            "* Erg challenge: the December 2k erg challenge is open to all members, with times on the whiteboard by the 20th.\n"
            "* Lost property: a navy splash top in size M and one left-footed Croc are waiting in the kitchen.\n")
    titles = [got.title for got in predict(text, "d.txt")]
    assert titles == ["Kit order", "Erg challenge", "Lost property"]  # each brief titled by its lead-in, its line its text


@pytest.mark.parametrize(("line", "read"), [
    ("<title>O&#39;Brien &amp; Sons win appeal</title>", "O'Brien & Sons win appeal"),
    ("<title>Noodle Bar (t/a &amp;quot;The Wee Noodle Bar&amp;quot;)</title>", 'Noodle Bar (t/a "The Wee Noodle Bar")'),
    ("SUMMARY:Rhyme Time for babies\\, toddlers and grown-ups", "Rhyme Time for babies, toddlers and grown-ups"),
    ("SUMMARY;LANGUAGE=nl:Taalcafé – Nederlands oefenen", "Taalcafé – Nederlands oefenen"),
    ("Summary: the budget in five charts", "Summary: the budget in five charts"),  # a headline, not a calendar field
    ("title: 'Onions and the rust that won''t go away'", "Onions and the rust that won't go away"),
    ('title = "Ouse Washes: the floods go down"', "Ouse Washes: the floods go down"),
    ("Title: Jane Hill on the port", "Title: Jane Hill on the port"),  # a row of a page, not a post's front matter
    ('  "title": "Finished my first \\"Fair Isle\\" yoke!",', 'Finished my first "Fair Isle" yoke!'),  # a JSON member
    ("★★★★★ Rock solid, and a real person answered the phone", "Rock solid, and a real person answered the phone"),
    ("=3D=3D COACH=E2=80=99S CORNER =3D=3D", "COACH’S CORNER =="),  # a quoted-printable mail's heading, its escapes read
    ("ANALYSISWhy tenant scrutiny panels are being wound up", "Why tenant scrutiny panels are being wound up"),  # a glued kicker
])
def test_a_heading_is_read_as_its_format_prints_it(line, read):
    assert heading(line) == read
