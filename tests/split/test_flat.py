"""flat: what stands in for blank lines on a page that has none."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.flat import is_flat, marks
from sitegen.split.roles import headline_score, shape

TEXT = "The stop outside the post office is closed until 18 December for pavement works, so please use the one by the church."
MORE = "Extra late journeys will run from the city centre at 02:30 and 03:15 on every Friday and Saturday night in December."
GOES_ON = "Buses will run every twenty minutes from the bus station, and the last one leaves at"


def _marks(lines: list[str | None], kinds: list[str], gaps: list[int] | None = None) -> list[tuple[str, ...]]:
    shapes = [shape(t or "") for t in lines]
    scores = [headline_score(t or "", s) for t, s in zip(lines, shapes)]
    return marks(lines, shapes, kinds, scores, gaps if gaps is not None else [9] + [0] * (len(lines) - 1) + [9])


def test_a_page_with_blank_lines_between_its_paragraphs_gets_none_of_these_features():
    lines = ["Route 7: stop closure", TEXT, "Night buses: extra journeys", MORE]
    assert _marks(lines, ["title", "text"] * 2, [9, 1, 1, 1, 9]) == [()] * 4
    assert not is_flat([9, 1, 0, 1, 0, 9]) and is_flat([9, 0, 0, 0, 0, 9])


def test_a_short_line_after_finished_text_is_a_break_where_a_gap_would_be():
    lines = ["Route 7: stop closure", TEXT, "Night buses: extra journeys", MORE]
    found = _marks(lines, ["title", "text", "title", "text"])
    assert "fl:brk" in found[2] and "fl:brk=text" in found[2]
    assert "fl:brk" not in found[0] and "fl:brk" not in found[3]
    assert all("fl" in f for f in found)


def test_a_short_line_after_text_that_breaks_off_is_no_break():
    lines = ["Route 7: stop closure", GOES_ON, "Cardiff bus station", MORE]
    assert "fl:brk" not in _marks(lines, ["title", "text", "title", "text"])[2]


def test_a_line_printed_after_each_items_text_is_a_tail_counted_with_the_others():
    lines = [
        "Route 7: stop closure at Dinas", TEXT, "Updated 16:20, Wednesday 2 December",
        "Night buses N1 and N2: extra journeys", MORE, "Updated 11:05, Monday 30 November",
        "Route 24 Treforest: diversion via Nantgarw", TEXT, "Updated 07:42, Thursday 3 December",
        "X4 Merthyr: reduced frequency", MORE,
    ]
    found = _marks(lines, ["title", "text", "title"] * 3 + ["title", "text"])
    assert "fl:tail=2" in found[2] and "fl:tail=2" in found[5] and "fl:tail=2" in found[8]
    assert "fl:tailhead" not in found[2]
    assert not any(f.startswith("fl:tail") for f in found[3])


def test_heads_that_open_with_the_same_word_and_mark_count_each_other():
    lines = ["Results: Vegetables", TEXT, "Results: Flowers and Pot Plants", MORE, "Results: Handicrafts", TEXT, "Cups and Trophies", MORE]
    found = _marks(lines, ["title", "text"] * 4)
    assert "fl:pre=2" in found[0] and "fl:pre=2" in found[4]
    assert not any(f.startswith("fl:pre") for f in found[6])



def test_an_article_with_subheadings_on_a_page_with_no_blank_lines_stays_one_article():
    dump = "\n".join([
        "Road closures in the valley this week",
        "Here are the roadworks and closures planned by the county council and the utility companies for the week ahead.",
        "By Owen Tregear, Local Democracy Reporter",
        "Monday, 9 March 2026",
        "Every week we list the closures that the council has published for the valley, with the dates and the diversions in place.",
        "Town centre",
        "Fore Street will be closed between the bridge and the market from Tuesday to Thursday for resurfacing. Buses will use Mill Lane.",
        "Bank Street: one lane closed outside the library for a new water main. Temporary lights will be in place for two weeks.",
        "North of the river",
        "Chapel Hill will be closed overnight on Wednesday for gas works, with a signed diversion through Penmount and the ring road.",
        "The lane to Higher Farm will be closed on Friday while a tree is felled. Residents will have access at all times.",
        "Coming up",
        "The long closure of the old railway bridge for repairs begins on 30 March and will last about six weeks, the council said.",
        "The list is compiled from the council's weekly roadworks notice, and dates can change at short notice because of the weather.",
    ]) + "\n"
    articles = split_text(dump, "closures.txt").articles
    assert [(a.title, a.source.lines) for a in articles] == [("Road closures in the valley this week", (1, 14))]
    assert articles[0].authors == ("Owen Tregear",)
