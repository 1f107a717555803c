"""ranks: a page's numbered list of teasers, each entry an item; an article's numbered steps are not."""

from __future__ import annotations

from pathlib import Path

from sitegen.split import split_text
from sitegen.split.ranks import entries
from sitegen.split.roles import classify

MOST_READ = (
    "1. [18]Teachers to strike on March 27 after pay offer rejected by 81 per cent of union members",
    "The one-day walkout would close most state schools in Queensland, the first statewide strike since 2019.",
    "By [19]Harriet Nguyen and [20]Tom Whitlock", "4 hours ago",
    "2. [21]Live: Flash flooding closes Bruce Highway as storms lash the south-east",
    "Follow the latest as emergency crews carry out 40 swift-water rescues between Caboolture and Gympie.",
    "By [22]Aroha Tane", "Updated 12 minutes ago",
    "3. [23]Exclusive: Councillor's company won $4.1m in contracts he voted on",
    "Documents obtained by the Herald show Cr Darren Mulholland declared his interest in only two of the seven tenders.",
    "By [24]Sunita Raghunathan", "Yesterday",
    "4. [26]Opinion: The RBA's patience is a luxury renters can't afford",
    "The bank keeps telling us the worst is over. It has not been inside a share house in Woolloongabba lately.",
    "By [27]Georgia Papadakis", "6 hours ago",
)
STEPS = (
    "1. Bulls v Stormers: Van Wyk's try in the 54th minute",
    "The Bulls' wing dived over in the left corner after a knock-on by the centre in the build-up, or so it seemed.",
    "Score: 5/5. The right call, made quickly.",
    "2. Sharks v Lions: the penalty try that wasn't",
    "The Sharks were held up over the line twice in three phases, and on the third the lock pulled down the maul.",
    "Score: 2/5.",
    "3. Bulls v Stormers: the high tackle on Mthembu",
    "This one was straightforward. The flanker led with the shoulder and made direct contact with the head.",
    "Score: 4/5.",
)


def test_a_ranked_list_of_teasers_with_by_lines_and_dates_is_one_entry_each():
    assert entries(MOST_READ, classify(list(MOST_READ))) == [(0, 4), (4, 8), (8, 12), (12, 16)]


def test_numbered_sections_with_no_by_line_or_date_under_them_are_no_ranked_teasers():
    assert entries(STEPS, classify(list(STEPS))) == []
    assert entries(MOST_READ[:8], classify(list(MOST_READ[:8]))) == []  # two entries make no list


def test_each_ranked_teaser_is_an_item_titled_by_its_headline_without_its_rank():
    page = ("The Meridian Herald", "The stories our readers are spending the most time with right now.", *MOST_READ)
    result = split_text("\n".join(page) + "\n", "dump.txt")
    assert [(a.title, a.authors) for a in result.articles] == [
        ("Teachers to strike on March 27 after pay offer rejected by 81 per cent of union members", ("Harriet Nguyen", "Tom Whitlock")),
        ("Live: Flash flooding closes Bruce Highway as storms lash the south-east", ("Aroha Tane",)),
        ("Exclusive: Councillor's company won $4.1m in contracts he voted on", ("Sunita Raghunathan",)),
        ("Opinion: The RBA's patience is a luxury renters can't afford", ("Georgia Papadakis",)),
    ]


def test_ranked_teasers_of_a_text_browsers_page_stay_apart_however_alike_they_are_printed():
    # a video's entry with no text between two teasers, the fifth teaser's deck glued to its headline
    text = (Path(__file__).parent / "pages" / "ranked_most_read.txt").read_text(encoding="utf-8")
    starts = [a.source.lines[0] for a in split_text(text, "most_read.txt").articles]
    assert {13, 22} <= set(starts)  # "3. Exclusive: …" and "5. Opinion: …" each an item


SEARCH = (
    "1. Telecom Decision 2026-41: Review of wireless number portability timelines",
    "ntc.example.ca/eng/archive/2026/2026-41",
    "5 Mar 2026 — The Commission determines that wireless service providers must complete a simple port within 2.5 hours.",
    "2. Compliance and Enforcement Decision 2025-318: Borealis Wireless Inc. — Notice of violation",
    "ntc.example.ca/eng/archive/2025/2025-318",
    "19 Nov 2025 — The Commission imposes an administrative monetary penalty of $425,000 on Borealis Wireless.",
    "3. News release: Faster number transfers coming for mobile customers",
    "ntc.example.ca/eng/news/2026/03/faster-number-transfers",
    "5 Mar 2026 — Customers switching mobile providers will be able to keep their number and use their new service within hours.",
)


def test_ranked_search_results_with_their_addresses_are_teasers_each():
    assert entries(SEARCH, classify(list(SEARCH))) == [(0, 3), (3, 6), (6, 9)]
    result = split_text("\n\n".join(SEARCH[k : k + 3][0] + "\n" + "\n".join(SEARCH[k + 1 : k + 3]) for k in (0, 3, 6)) + "\n", "search.txt")
    assert [a.title for a in result.articles] == [
        "Telecom Decision 2026-41: Review of wireless number portability timelines",
        "Compliance and Enforcement Decision 2025-318: Borealis Wireless Inc. — Notice of violation",
        "News release: Faster number transfers coming for mobile customers",
    ]
    assert all(a.kind.value == "fragment" for a in result.articles)  # each stands for the page it links to


def test_numbered_results_with_a_cards_distance_price_or_rating_rows_are_entries():
    texts = ["1. Brackenrigg Farm Campsite · Hawes", "0.8 miles · Simonstone Road, Hawes",
             "Small, flat, family-run field on a working sheep farm, ten minutes' walk from Hawes.", "From £24 per pitch per night",
             "2. Ure Bank Caravan Park", "1.2 miles · Gayle Lane, Hawes",
             "Fully serviced hardstandings for tourers and motorhomes and a tent field by the beck.", "4.4 ★ (203)",
             "3. Thwaite Beck Backpackers' Field", "6.4 miles · Thwaite, Swaledale",
             "A walkers-only field behind the tea room with room for about a dozen small tents.", "Reviews (7) · Add a review"]
    assert entries(texts, classify(texts)) == [(0, 4), (4, 8), (8, 12)]
    steps = [t if i % 4 != 3 else "Take your time over this one." for i, t in enumerate(texts)]
    steps = [t if i % 4 != 1 else "Use the wide brush." for i, t in enumerate(steps)]
    assert entries(steps, classify(steps)) == []  # numbered steps have no such rows
