"""short: a few lines with little running text are an item when a headline heads them and
something of their own stands under it (a teaser, a results item, a notice); else furniture."""

from __future__ import annotations

from sitegen.split import short, tagger
from sitegen.split.roles import classify, shape
from sitegen.split.text import Block


def head_of(*texts: str) -> int | None:
    shapes = [shape(t) for t in texts]
    return short.head_of(texts, shapes, classify(list(texts), None, shapes))


def test_a_headline_over_one_short_sentence_is_an_item():
    assert head_of("Westfield: Farmers market returns to Main Street Saturdays", "The market opens May 8 with 40 vendors.") == 0


def test_a_cards_date_row_over_its_head_starts_the_item():
    assert head_of("TUE 11 MAR · SCIENCE", "Which planet has the shortest year in our solar system?", "Answer: Mercury · 71% got it right") == 0


def test_a_headline_with_only_a_date_under_it_is_no_item():
    assert head_of("Video: Drone footage shows scale of flooding at Welney Wash", "21 Oct 2026") is None


def test_a_most_read_list_of_headlines_is_no_item():
    assert head_of(
        "Most read in Property",
        "1. Inside the lighthouse keeper's cottage on sale for £425,000",
        "2. First-time buyers squeezed out of Tyneside terraces as landlords return",
        "3. The streets where house prices fell in 2025",
    ) is None


def test_the_sites_own_lines_and_comments_are_no_item():
    assert head_of("How dry rooms are getting cheaper for gigafactories", "Sponsored by AeroDry Systems") is None
    assert head_of("Weekend walk report", "Nate J. — Dec 1", "Great day, and for the record the donuts were a team effort.") is None


def test_an_images_alt_text_over_a_teasers_headline_is_left_out_like_a_label():
    assert head_of("Image: Stacked shipping crates in a port at dusk", "« Le droit de rester » / The right to stay",
                   "Debates about migration are about the right to leave and the right to enter. What about the right to stay?",
                   "Mathieu Leblanc-Osei · 2,800 words") == 1


def test_a_masthead_over_the_pages_contents_line_is_no_item():
    assert head_of("Fernleigh Road Allotment Society", "In this issue: Water troughs · Shed break-ins · Seed swap") is None


def test_a_label_over_the_headline_is_left_out():
    assert head_of(
        "UPCOMING EVENTS", "Opening Weekend Party", "Live music from The Switchbacks, $5 pints and free demo skis from our rental shop."
    ) == 1


def test_rows_of_scores_under_a_heading_are_a_results_item():
    texts = ("Division One results — Week 10", "Fox & Hounds A 44 – 29 Old Mill", "Railway Tavern 38 – 38 Brewers Arms")
    shapes = [shape(t) for t in texts]
    roles = classify(list(texts), None, shapes)
    assert short.head_of(texts, shapes, roles) == 0 and short.results(texts, shapes, roles)
    assert not short.results(texts[:1] + ("The Lamb won the quiz again.",), shapes[:2], roles[:2])


class Tags:
    """A decision with fixed tags (probability 0.9 each)."""

    def __init__(self, tags: str) -> None:
        self.tags = tuple(tags)

    def decode(self, lines):
        rows = {"B": (0.9, 0.05, 0.05), "I": (0.05, 0.9, 0.05), "O": (0.05, 0.05, 0.9)}
        return tagger.Tagging(self.tags, tuple(rows[t] for t in self.tags))


LISTING = [
    "Westfield: Farmers market returns to Main Street Saturdays",
    "The market opens May 8 with 40 vendors.",
    "Riverton: Council approves new bike lanes on Route 9",
    "Work is expected to start in July.",
    "Oakdale: Library extends weekend opening hours this summer",
    "The branch will stay open until 6pm.",
]


def items_of(texts: list[str], tags: str):
    blocks = tuple(Block(k + 1, t) for k, t in enumerate(texts))
    shapes = tuple(shape(t) for t in texts)
    segment = tagger.Segment(blocks, shapes, classify(texts, None, shapes))
    lines = tagger.describe(segment)
    return tagger.items(lines, segment, Tags(tags).decode(lines))


def test_the_short_teasers_of_a_listing_are_kept_as_items():
    found, left = items_of(LISTING, "BIBIBI")
    assert [(i.start, i.end) for i in found] == [(0, 2), (2, 4), (4, 6)] and left == []
    assert all(i.teaser for i in found)


def test_a_short_item_alone_among_articles_is_not_kept_on_its_shape_alone():
    story = [
        "Harbour cranes return to the old port",
        "The two cranes that stood over the old port until 1989 are back, restored by volunteers who spent four winters on them.",
        "The council says the quay will open to walkers in the spring, with a small museum in the former weighbridge office.",
        "Volunteers from the Harbour Trust stripped, painted and rewired both cranes, using drawings found in the port archive.",
        "The trust hopes to run one of them for visitors on open days, once the insurers agree to it, and to light both at night.",
    ]
    found, left = items_of([*story, *LISTING[:2]], "BIIIIBI")
    assert [(i.start, i.end) for i in found] == [(0, 5)]
    assert [d.line for d in left] == [6, 7] and "no running text" in left[0].reason


def test_a_teaser_the_tagger_put_outside_beside_others_of_its_shape_is_kept_for_review():
    found, left = items_of(LISTING, "BIBIOO")
    assert [(i.start, i.end) for i in found] == [(0, 2), (2, 4), (4, 6)] and left == []
    assert "tagger put outside" in found[2].doubts[0][1]


def test_a_headline_alone_left_outside_stays_out():
    found, left = items_of([*LISTING[:4], "Most read", "Oakdale library extends weekend opening hours"], "BIBIOO")
    assert [(i.start, i.end) for i in found] == [(0, 2), (2, 4)]
    assert [d.line for d in left] == [5, 6]


def test_a_group_heading_over_its_judge_and_placings_is_a_results_item():
    group = ("Hound Group", "Judge: Mr David Llewellyn", "1st Whippet, Ch Gelli Aur Swift Current (Mrs M Pugh)",
             "2nd Beagle, Pencoed Pepper Pot (Mr & Mrs L Morgan)")
    assert head_of(*group) == 0  # the group's name heads it: the judge's line under it is a field, no head
    shapes = [shape(t) for t in group]
    assert short.results(group, shapes, classify(list(group), None, shapes))


def test_a_field_or_a_placing_is_no_head():
    for line in ("Judge: Mrs Eirlys Watkins", "1st Golden Retriever, Sh Ch Morfa Bay Sunday Best (Mr G Lloyd)"):
        assert not short.is_head(line, shape(line)), line
    for line in ("Results: Open Show, Sunday 6 October 2024", "Division Two: Week 9 results"):
        assert short.is_head(line, shape(line)), line


def test_a_breeds_card_of_fields_is_a_results_item_headed_by_the_breed():
    card = ("Gordon Setters", "Judge: Mr Roger Hallam (Knutsford)", "Dog CC & BOB: Sh Ch Ardnahoe Tam o' Shanter (Mrs F Baird)",
            "Res Dog CC: Wyndhurst Black Watch (Miss S Kerr)", "BPIB: Lochview Midnight Piper (Mr A Dunn)")
    shapes = [shape(t) for t in card]
    roles = classify(list(card), None, shapes)
    assert head_of(*card) == 0  # the judge's line, a name and its town, is a field under the head
    assert short.results(card, shapes, roles)
    assert not short.results(card[:3], shapes[:3], roles[:3])  # two fields are no card
    dates = ("Construction Update: Week of November 23", "Posted on: November 23, 2026", "Updated on: November 24, 2026",
             "Filed under: Broadband News")
    shapes = [shape(t) for t in dates]
    assert not short.results(dates, shapes, classify(list(dates), None, shapes))  # dates are no fields of a card


TRIVIA = [
    "TUE 11 MAR · SCIENCE", "Which planet has the shortest year in our solar system?", "Answer: Mercury · 71% got it right",
    "MON 10 MAR · HISTORY", "Which city hosted the first modern Olympic Games in 1896?", "Answer: Athens · 64% got it right",
    "SUN 9 MAR · GEOGRAPHY", "Which river flows through Budapest?", "Answer: The Danube · 80% got it right",
]


def test_cards_of_one_shape_the_tagger_found_vouch_for_each_other():
    found, left = items_of(TRIVIA, "BIIBIIBII")  # no running text, no teaser: kept because they are alike
    assert [(i.start, i.end) for i in found] == [(0, 3), (3, 6), (6, 9)] and left == []
    found, left = items_of(TRIVIA[:3], "BII")  # one card alone is a box of the page
    assert found == ()
