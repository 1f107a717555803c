"""stack: a second reading of a segment's lines against the heads the line tagger is sure of."""

from __future__ import annotations

from sitegen.split import split_text, stack, tagger
from sitegen.split.roles import classify, shape
from sitegen.split.text import Block

# a listing of notices: a head, its date, its text; the second notice's head the first pass is unsure of
LISTING = [
    "Fine Art and Collectables",
    "Thursday 8 April 2027",
    "More than six hundred lots, among them harbour paintings, silver spoons and a shelf of old pottery from the coast.",
    "Weekly General Sale",
    "Tuesday 30 March 2027",
    "Household furniture, kitchen china, garden tools and boxes of books; viewing on the Monday afternoon before the sale.",
    "Maritime and Militaria",
    "Thursday 22 April 2027",
    "Ship models, marine paintings, brass instruments from the chart room, medals and a sword from the old fort.",
    "Toys and Games",
    "Saturday 1 May 2027",
    "Tin cars, dolls' houses, board games in their boxes and a large train set, with the track, from a local attic.",
]
SURE = {0, 6, 9}  # the heads the first pass is sure of


def lines_of(texts):
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    shapes = tuple(shape(t) for t in texts)
    return tagger.describe(tagger.Segment(blocks, shapes, classify(texts, None, shapes)))


def probabilities(n, sure, unsure=()):
    return [(0.95, 0.05, 0.0) if k in sure else (0.4, 0.6, 0.0) if k in unsure else (0.02, 0.98, 0.0) for k in range(n)]


def marks(texts, sure, unsure=()):
    lines = lines_of(texts)
    return stack.marks(texts, [x.own for x in lines], [p[0] for p in probabilities(len(texts), sure, unsure)])


def test_a_head_the_first_pass_is_unsure_of_matches_the_sure_heads():
    found = marks(LISTING, SURE, unsure={3})
    assert "s:all" in found[3]  # same case, length, lead, final mark and a date under it
    assert {"s:case=2", "s:under=2"} <= set(found[3])
    assert "s:all" not in found[2] and "s:all" not in found[5]  # the text of a notice is no head
    assert all(f[0] == "sh=3" for f in found)


def test_the_lines_around_the_sure_heads_are_read_by_their_offset():
    found = marks(LISTING, SURE)
    assert "s:at=1|date" in found[7] and "s:typ=1" in found[7]  # a date under each sure head
    assert "s:at=-1|text" in found[5] and "s:typ=-1" in found[5]  # the text above each: the end of the item above
    assert not any(f.startswith("s:at") for f in found[3])  # three lines from the nearest


def test_where_a_line_sits_against_the_beat_of_the_sure_heads():
    found = marks(LISTING, {0, 3, 6, 9})  # a sure head every three lines
    assert "s:beat=in" in found[1] and "s:beat=in" in found[11]
    found = marks(LISTING + LISTING[2:3] * 2, {0, 3, 6, 9})
    assert "s:beat=at" in found[12]  # where the next head would be
    assert "s:beat=past" in found[13]  # past its items' usual end
    assert not any(x.startswith("s:beat") for f in marks(LISTING, SURE) for x in f)  # two gaps, of two lengths: no beat


def test_a_line_of_the_kind_above_each_sure_head_is_a_head_when_the_line_under_it_matches_them():
    dated = []  # the date above each head instead of under it
    for k in range(0, len(LISTING), 3):
        dated += [LISTING[k + 1], LISTING[k], LISTING[k + 2]]
    found = marks(dated, {1, 7, 10}, unsure={4})
    assert "s:pre" in found[3] and "s:typ=-1" not in found[3]  # over the head the first pass is unsure of
    assert "s:typ=-1" in found[6] and not any("s:pre" in found[k] for k in (0, 6, 9))  # over the sure ones


def test_no_sure_head_no_comparison():
    found = marks(LISTING, set())
    assert found == [["sh=0"]] * len(LISTING)


def test_the_second_pass_adds_its_scores_to_the_first_and_reads_the_weights_file(tmp_path):
    first = tagger.Model({"r=title": (3.0, 0.0, 0.0), "r=dateline": (-3.0, 3.0, 0.0), "r=body": (-3.0, 3.0, 0.0),
                          "len=1": (-3.0, 3.0, 0.0)}, "crf", 0.0)  # a short head is taken for a line of the item above
    lines = lines_of(LISTING)
    assert [k for k, t in enumerate(first.decode(lines).tags) if t == "B"] == [0, 6]
    second = tagger.Model({"s:all": (4.0, -4.0, 0.0)}, "crf", 0.0)  # a line shaped like the sure heads starts an item
    both = stack.Stacked(first, second)
    assert [k for k, t in enumerate(both.decode(lines).tags) if t == "B"] == [0, 3, 6, 9]
    path = tmp_path / "model.json"
    path.write_text(first.to_json(second), encoding="utf-8")
    read = tagger.load(path)
    assert isinstance(read, stack.Stacked) and (read.first.weights, read.second.weights) == (first.weights, second.weights)
    assert read.decode(lines) == both.decode(lines)


def test_a_segment_with_no_sure_head_is_left_as_the_first_pass_has_it():
    first = tagger.Model({"r=title": (0.5, 0.0, 0.0)}, "crf", 0.0)  # no line sure to start an item
    lines = lines_of(LISTING)
    assert max(p[0] for p in first.decode(lines).probabilities) < stack.SURE_HEAD
    second = tagger.Model({"sh=0": (-5.0, 5.0, 0.0)}, "crf", 0.0)  # would read every line as inside an item
    assert stack.Stacked(first, second).decode(lines) == first.decode(lines)


def test_a_sure_head_stays_a_head_when_the_second_pass_takes_the_line_above_into_an_item():
    # the first pass: the dates of the listing outside every item, each head under one sure to start an
    # item, and a head right after a line inside an item read as part of it
    first = tagger.Model({"r=title": (3.0, 0.0, 0.0), "r=dateline": (-6.0, -6.0, 6.0), "p=I|r=title": (-6.0, 6.0, 0.0)}, "crf", 0.0)
    texts = [LISTING[k] for k in range(len(LISTING)) if k % 3 != 2]  # heads and dates only
    lines = lines_of(texts)
    one = first.decode(lines)
    assert one.tags == ("B", "O") * 4 and all(p[0] >= stack.SURE_HEAD for p in one.probabilities[::2])
    second = tagger.Model({"k=date": (0.0, 12.0, -12.0)}, "crf", 0.0)  # a date is part of the item above
    assert stack.Stacked(first, second).decode(lines).tags == ("B", "I") * 4


# a listing of sales over the site's line: the first pass alone keeps that line in the last sale
SALES = """Harbour Auction Rooms

Home | Sales | Buying | Selling | Contact

Forthcoming sales

Fine Art and Collectables
Thursday 8 April 2027
More than six hundred lots, among them harbour paintings, silver spoons and a shelf of old pottery from the coast. Viewing on the Wednesday from ten until six.

Weekly General Sale
Tuesday 30 March 2027
Household furniture, kitchen china, garden tools and boxes of books; viewing on the Monday afternoon before the sale.

Maritime and Militaria
Thursday 22 April 2027
Ship models, marine paintings, brass instruments from the chart room, medals and a sword from the old fort. The catalogue is online a week before.

Toys and Games
Saturday 1 May 2027
Tin cars, dolls' houses, board games in their boxes and a large train set, with the track, from a local attic. Viewing on the Friday.

© Harbour Auction Rooms 2027
"""


def test_the_shipped_second_pass_ends_the_last_sale_of_a_listing_before_the_sites_line():
    articles = split_text(SALES, "sales.txt").articles
    assert [a.title for a in articles] == ["Fine Art and Collectables", "Weekly General Sale", "Maritime and Militaria", "Toys and Games"]
    assert articles[-1].source.lines == (19, 21)  # the copyright line under it is the site's
