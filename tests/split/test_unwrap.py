"""Hard-wrapped paragraphs joined again, and every line number taken back to the dump's."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import split_text
from sitegen.split.text import GLUED, Debris
from sitegen.split.unwrap import LineMap, Unwrapped, wrap_width
from sitegen.split.widths import MAX_WIDTH

PROSE = (
    "The harbour board voted on Tuesday to build a new ferry terminal on the north quay, ending a decade "
    "of argument about where the island's only link to the mainland should berth. The terminal will cost "
    "forty-eight million pounds and should open in the spring of 2028, the chair said after the meeting."
)
MORE = (
    "Board members said the old pier could no longer take the larger ships the operator plans to bring "
    "into service, and that repairs would cost almost as much as a new building on the other side."
)


def wrapped(*paragraphs: str, width: int = 72) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, width), ""] if len(paragraph) > width else [paragraph]
    return lines


def joined(lines: list[str]) -> list[str]:
    return list(Unwrapped(lines))


def test_wrapped_paragraphs_are_one_line_each_again():
    lines = wrapped("Harbour board approves the new terminal", PROSE, MORE)
    assert max(map(len, lines)) <= (wrap_width(lines) or 0) <= 72  # the longest line, or wider
    assert joined(lines) == ["Harbour board approves the new terminal", PROSE, "", MORE, ""]


def test_a_word_broken_after_its_hyphen_is_joined_whole():
    lines = ["The library reopened on Saturday after volunteers had given their time to the clean-",
             "up, and the mayor thanked them all."] + wrapped(PROSE, MORE, width=86)
    assert joined(lines)[0] == "The library reopened on Saturday after volunteers had given their time to the clean-up, and the mayor thanked them all."


def test_headline_by_line_date_list_and_signature_are_not_joined():
    head = [
        "Harbour board approves the new ferry terminal on the north quay of the",
        "island",  # a lower-case word that would not fit: the headline goes on
        "By Jane Hill and Tom Baker, Island Correspondents for the Ledger today",
        "3 March 2025",
        "",
    ]
    body = wrapped(PROSE)
    tail = [
        "The vote was seven to two, and the chair thanked everyone who came to it.",
        "What the new terminal will have, according to the plans shown on Tuesday",
        "- a covered waiting room for three hundred passengers and their luggage",
        "- parking for one hundred and twenty cars and a dozen coaches in summer",
        "| Berth | Ships |",
        "Margaret Oyelaran, Chair of the Harbour Board and of its works committee",
    ]
    out = joined(head + body + tail + [""] + wrapped(MORE))
    assert out[:4] == ["Harbour board approves the new ferry terminal on the north quay of the island", *head[2:5]]
    assert out[4] == PROSE
    assert out[6 : 6 + len(tail)] == tail


def test_short_lines_are_not_joined():
    poem = ["The tide comes in", "and the tide goes out,", "and the harbour wall", "stands where it stood."]
    lines = wrapped(PROSE, MORE) + poem + [""] + wrapped(PROSE)
    assert joined(lines)[4:8] == poem


def test_a_dump_of_one_line_paragraphs_comes_out_unchanged():
    lines = ["Harbour board approves the new terminal", "By Jane Hill", "", PROSE, "", MORE, ""]
    assert wrap_width(lines) is None
    unwrapped = Unwrapped(lines)
    assert list(unwrapped) == lines and unwrapped.map.identity


SHORT_WORDS = st.sampled_from("a an the of port ships arrived dawn while workers said cranes lift Jane Hill 1995.".split())
SHORT_LINE = st.lists(SHORT_WORDS, min_size=0, max_size=5).map(" ".join)  # far under any width a dump is wrapped at
# longer than any width a dump is wrapped at, even when every word is "a" (the shortest line of N words is 2N chars)
LONG_LINE = st.lists(SHORT_WORDS, min_size=MAX_WIDTH // 2 + 1, max_size=MAX_WIDTH).map(lambda w: " ".join(w) + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(SHORT_LINE, LONG_LINE), max_size=40))
def test_lines_not_near_a_width_come_out_unchanged(lines):
    assert joined(lines) == lines


WORD = st.text(st.characters(whitelist_categories=("L", "N", "P")), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=80).map(" ".join), max_size=12), st.integers(40, 100))
def test_words_and_their_order_are_kept_and_each_line_maps_back(paragraphs, width):
    lines = wrapped(*paragraphs, width=width)
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    originals = [unwrapped.map.lines(k) for k in range(1, len(out) + 1)]
    assert sorted(n for o in originals for n in o) == list(range(1, len(lines) + 1))
    # a line moved out of the sentence it interrupted (a running head recurring in the run) comes after it;
    # every other line keeps its words in order
    moved = {k for k, o in enumerate(originals) if len(o) == 1 and k and o[0] < max(n for p in originals[:k] for n in p)}
    kept = [text for k, text in enumerate(out) if k not in moved]
    gone = {originals[k][0] for k in moved}
    # (a hyphen ending a line may go: "ac-" + "counts" is one word, and so, for all the unwrapper
    # can tell, is a generated "AA-" + "aA0000")
    def letters(text: str) -> str:
        return "".join(text.split()).replace("-", "")

    before = "".join(line for n, line in enumerate(lines, 1) if n not in gone)
    assert letters("".join(kept)) == letters(before)
    assert "".join(kept).count("-") >= before.count("-") - sum(1 for line in lines if line.rstrip().endswith("-"))


def test_line_map_takes_joined_lines_back_to_the_dump():
    lines = ["Title of the piece", "", *wrapped(PROSE), "Last line", "", *wrapped(MORE)]
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    lmap: LineMap = unwrapped.map
    assert out[2] == PROSE and lmap.lines(3) == tuple(range(3, 3 + len(wrapped(PROSE)) - 1))
    after = 3 + len(wrapped(PROSE)) - 1  # "Last line": its own line, shifted
    assert lines[lmap.first(4) - 1] == "" and out[4] == "Last line" and lines[lmap.first(5) - 1] == "Last line"
    assert [d.line for d in lmap.debris([Debris(3, PROSE, "cut")])] == list(range(3, after))
    assert " ".join(d.text for d in lmap.debris([Debris(3, PROSE, "cut")])) == PROSE


def test_a_joined_line_taken_out_cleaned_or_without_its_glued_separator_gives_back_every_line():
    lines = ["Title of the piece", "", *wrapped(PROSE + " Read more")]
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    assert out[2] == PROSE + " Read more"
    every = list(range(3, 3 + len(wrapped(PROSE + " Read more")) - 1))
    taken = unwrapped.map.debris([Debris(3, "Read more", GLUED), Debris(3, PROSE, "outside every item")])
    assert taken[0] == Debris(every[-1], "Read more", GLUED)  # the separator is on the last line
    assert [d.line for d in taken[1:]] == every and " ".join(d.text for d in taken[1:]) == PROSE
    cleaned = PROSE.replace("forty-eight", "forty - eight")  # cleaning may change the count of words
    assert [d.line for d in unwrapped.map.debris([Debris(3, cleaned, "cut")])] == every


def test_a_wrapped_line_of_debris_with_entities_loses_none_of_its_lines():
    advert = wrapped("Is your warehouse ready for the EPR deadline? Download our free guide&nbsp;&raquo;", width=64)
    rule = "________________________________________"
    lines = ["Harbour board approves the terminal", "By Jane Hill", "", *wrapped(PROSE, PROSE),
             rule, "", "SPONSORED CONTENT", *advert, rule, ""]
    result = split_text("\n".join(lines), "d.txt")
    owned = {n for a in result.articles for n in (*a.body_lines, *a.meta_lines)} | {d.line for d in result.debris}
    assert [n for n, line in enumerate(lines, 1) if line.strip() and n not in owned] == []
    start = lines.index(advert[0]) + 1
    assert [(d.line, d.text) for d in result.debris if d.line in (start, start + 1)] == [
        (start, advert[0]), (start + 1, "guide »")]


def test_a_wrapped_dump_splits_into_its_articles_on_the_dumps_lines():
    first = ["Harbour board approves the new terminal", "By Jane Hill", "", *wrapped(PROSE, MORE)]
    second = ["Library reopens after the winter floods", "By Tom Baker", "", *wrapped(MORE, PROSE)]
    lines = [*first, *second]
    result = split_text("\n".join(lines), "d.txt")
    assert [a.title for a in result.articles] == ["Harbour board approves the new terminal", "Library reopens after the winter floods"]
    assert [a.source.lines for a in result.articles] == [(1, len(first) - 1), (len(first) + 1, len(lines) - 1)]
    assert [a.authors for a in result.articles] == [("Jane Hill",), ("Tom Baker",)]
    body = result.articles[0]
    assert body.body.strip() == f"{PROSE}\n\n{MORE}"
    assert set(body.body_lines) == {n for n in range(4, len(first)) if lines[n - 1]}


def test_a_heading_in_capitals_and_a_lower_case_by_line_under_it_stay_apart():
    lines = ["PLANNING: WHAT NEXT FOR THE WHARF ROAD SITE ON THE NORTH QUAY", "by Dev Kulkarni, Planning Secretary",
             *wrapped(PROSE, MORE, width=64)[:-1], "www.riversidera.example | info@riversidera.example"]
    out = joined(lines)
    assert out[:3] == [lines[0], lines[1], PROSE] and out[-1] == lines[-1]


def test_a_word_broken_only_by_the_line_end_loses_its_hyphen_a_compound_keeps_it():
    first = "Finally, we need a new treasurer. Brian has kept our ac-"
    assert joined([first, "counts for eleven years and has earned his retirement now.", *wrapped(PROSE, MORE, width=60)])[0] == (
        "Finally, we need a new treasurer. Brian has kept our accounts for eleven years and has earned his retirement now."
    )
    for head, tail, out in (("meet-", "ing", "meeting"), ("Septem-", "ber", "September"), ("allot-", "ments", "allotments"),
                            ("self-", "driving", "self-driving"), ("long-", "term", "long-term"), ("rat-", "run", "rat-run")):
        lines = [f"At the last of the sessions held in the village hall we heard about the {head}",
                 f"{tail} plans, and the chair said the committee would take them up again in the spring."]
        first = joined([*lines, "", *wrapped(PROSE, MORE, width=86)])[0]
        assert first == f"{lines[0][: -len(head)]}{out} {lines[1][len(tail) + 1 :]}"


def test_a_line_of_the_page_inside_a_sentence_is_moved_out_and_the_sentence_mended():
    before = "The harbour board voted on Tuesday to build a new ferry terminal on the"
    after = "north quay, ending a decade of argument about where the ferry should berth."
    for middle in (["Advertisement"], ["", "ADVERTISEMENT", ""], ["— 2 —"], ["Photo: the old pier"], ["Riverside News No. 112"]):
        lines = ["Harbour board approves the terminal", before, *middle, after, "The vote was seven to two.", "Riverside News No. 112"]
        unwrapped = Unwrapped(lines)
        out = list(unwrapped)
        assert out[:2] == ["Harbour board approves the terminal", f"{before} {after}"]
        assert out[2 : 2 + len(middle)] == middle  # after the mended sentence, blank lines and all
        assert sorted(n for k in range(1, len(out) + 1) for n in unwrapped.map.lines(k)) == list(range(1, len(lines) + 1))
        assert unwrapped.map.lines(2) == (2, 2 + len(middle) + 1)
    # a verse line, a quotation or a line that does not recur is no line of the page
    for lines in (["A line of a poem that runs on without any stop at all", "Over the hills", "and far away"],
                  ["The chair of the board, Margaret Oyelaran, said at the end of the meeting that", "“We will build it.”", "she added"],
                  ["The harbour board voted on Tuesday to build a new ferry terminal on the", "Harbour News", "north quay."]):
        assert joined(lines) == lines
    # a headline that reads like a caption, over a by-line in lower case: the next post starts there
    post = ["Filed under: childcare, labour market, guest posts", "", "Chart of the week: why wage growth looks so flat",
            "by Daniel Cho | 22 August 2025 | 3 comments"]
    assert joined(post) == post
    # a forum thread's title printed again over its first post's "by HANDLE » DATE": no toolbar row takes the head
    thread = ["Patrol cooking on camp — do you still let Scouts cook for themselves?",
              "Post Reply  Search this topic…  6 posts • Page 1 of 1", "",
              "Patrol cooking on camp — do you still let Scouts cook for themselves?",
              "by ScouterDan » Tue Mar 10, 2026 8:14 pm", "Bit of a debate in our leadership team."]
    assert joined(thread) == thread
    # a rule between items, as wide as the text, is joined to neither the paragraph above it nor the headline under it
    for rule in ("-" * 70, "━" * 70):  # (a text browser draws its rules in box characters)
        issue = [*wrapped(PROSE, width=70), rule, "The 50:22 is a kick, not a plan", "By Lerato Khumalo", *wrapped(MORE, width=70)]
        out = [line for line in joined(issue) if line]
        assert out[1:4] == [rule, "The 50:22 is a kick, not a plan", "By Lerato Khumalo"]
    # a search result's address under its title is joined to neither
    address = "sunshinecocoa.org.ng › news › 2024 › field-school-mealybugs"
    title = "Mealybugs, ants and the virus: a short lesson from the Ile-Oluji field school"
    result = [*wrapped(PROSE, width=80), title, address, "News · 12 February 2025 · By Funmilayo Akinwale", *wrapped(MORE, width=80)]
    out = [line for line in joined(result) if line]
    assert address in out and title in out


def test_a_mended_dump_splits_with_every_line_on_the_dump():
    text = "\n".join([
        "Harbour board approves the terminal", "By Jane Hill", "",
        "The harbour board voted on Tuesday to build a new ferry terminal on the", "", "Advertisement", "",
        "north quay, ending a decade of argument about where the ferry should berth.", "", PROSE, "",
    ])
    result = split_text(text, "d.txt")
    (article,) = result.articles
    assert article.source.lines == (1, 10)
    assert "on the north quay, ending" in article.body and "Advertisement" not in article.body
    assert [d.line for d in result.debris if d.text == "Advertisement"] == [6]
    assert sorted(set(article.body_lines) | set(article.meta_lines) | {d.line for d in result.debris}) == [1, 2, 4, 6, 8, 10]


def test_a_mended_paragraph_taken_out_whole_gives_each_of_its_lines_back():
    # the paragraph mended across the caption is too short for an article: as debris, its two
    # lines are reported on the dump apart, the words of each on its own line
    text = "Readers in a hurry may wish to wait. – Editors\nPoor old Iruda Image: Scatter Lab\nand on it goes"
    result = split_text(text, "d.txt")
    assert not result.articles
    assert [(d.line, d.text) for d in result.debris] == [
        (1, "Readers in a hurry may wish to wait. – Editors"), (2, "Poor old Iruda Image: Scatter Lab"), (3, "and on it goes")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Advertisement", "", "— 3 —", "Photo: the quay at dawn", "Harbour News"]),
                          st.lists(WORD, min_size=1, max_size=30).map(" ".join)), max_size=30),
       st.booleans())
def test_mending_and_joining_lose_no_text_and_every_line_maps_back_once(lines, lowered):
    if lowered:  # sentences that go on in lower case after a line of the page
        lines = [line.lower() if k % 3 == 2 else line for k, line in enumerate(lines)]
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    letters = lambda text: sorted(c for c in text if c.isalnum())  # noqa: E731 (a hyphen may go, no letter)
    assert letters("".join(out)) == letters("".join(lines))
    covered = sorted(n for k in range(1, len(out) + 1) for n in unwrapped.map.lines(k))
    assert covered == list(range(1, len(lines) + 1))


FIELD_TRIP = (
    "Eleven of us met at the foot of the escarpment on a warm, still Saturday morning, with the cloud burning "
    "off just as we started up the steep path through the beech hanger, and by the first gate we had found "
    "common spotted orchids and a single late early-purple."
)
TRAPS = (
    "Four traps were run overnight in the yew woodland, two mercury vapour lights in the clearing below the "
    "burial mounds and two actinic traps along the ride. The night started mild but the temperature dropped "
    "quickly after midnight, and the catch was smaller than we had hoped."
)


def test_paragraphs_wrapped_at_different_widths_are_each_one_line_again():
    # a digest of mails from different clients: each paragraph wrapped at its own width, one with no blank line after it
    lines = ["Ophrys fuciflora at Wye?", "From: Alan Pryce <alan.pryce@example.org>", "",
             *textwrap.wrap(PROSE, 60), *textwrap.wrap(MORE, 60), "Thanks,", "Alan", "",
             *textwrap.wrap(FIELD_TRIP, 78), "", *textwrap.wrap(TRAPS, 66), "", "Sam Whitlock"]
    assert wrap_width(lines) is None  # no one width explains them
    assert joined(lines) == [*lines[:3], PROSE, MORE, "Thanks,", "Alan", "", FIELD_TRIP, "", TRAPS, "", "Sam Whitlock"]


def test_a_paragraph_indented_on_its_first_line_starts_a_new_one_without_a_blank_line():
    lines = []
    for paragraph in (FIELD_TRIP, TRAPS, PROSE, MORE):
        lines += textwrap.wrap(paragraph, 72, initial_indent="     ", subsequent_indent="   ")
    assert [line.strip() for line in joined(lines)] == [FIELD_TRIP, TRAPS, PROSE, MORE]
    # the indent alone tells where a paragraph starts after a last line as full as the others
    lines = ["     Four traps were run overnight in the yew woodland, two mercury vapour",
             "   lights in the clearing below the burial mounds, and the catch was the",
             "   smallest we have had in that wood since the group began trapping here.",
             "     Even so, we recorded sixty-three species when we opened the traps.",
             "   Among them were a lime hawk-moth and three peach blossoms."]
    first = textwrap.wrap(FIELD_TRIP, 76, initial_indent="     ", subsequent_indent="   ")
    assert [line.strip() for line in joined(first + lines)] == [
        FIELD_TRIP, " ".join(line.strip() for line in lines[:3]), " ".join(line.strip() for line in lines[3:])]
    # a text browser's dump: every line indented alike, a heading flush left
    block = ["Moth trapping at Kingley Vale", *textwrap.wrap(TRAPS, 76, initial_indent="   ", subsequent_indent="   "),
             *textwrap.wrap(FIELD_TRIP, 76, initial_indent="   ", subsequent_indent="   "), "Tags: moths, woodland"]
    out = joined(block)
    assert out[0] == block[0] and out[-1] == block[-1] and [line.strip() for line in out[1:-1]] == [TRAPS, FIELD_TRIP]


def test_a_short_line_that_ends_a_sentence_ends_its_paragraph_one_that_breaks_off_does_not():
    ragged = [*textwrap.wrap(PROSE, 72), *textwrap.wrap(MORE, 72)]  # MORE starts with a capital after PROSE's short last line
    assert joined(ragged) == [PROSE, MORE]
    # a narrower paragraph among wider ones: a line ends on "the" though the capitalised word after it would have fitted
    vote = ("The vote was taken after a long debate in which members of the Harbour Board heard from the ferry operator, "
            "Island Ferries, and from residents of the north quay, who said that the Council had ignored them for years.")
    lines = [*textwrap.wrap(FIELD_TRIP, 78), "", *textwrap.wrap(vote, 64), "", *textwrap.wrap(TRAPS, 78)]
    assert lines[len(textwrap.wrap(FIELD_TRIP, 78)) + 1].endswith(" the")
    assert joined(lines) == [FIELD_TRIP, "", vote, "", TRAPS]


PARAGRAPH_WORDS = st.sampled_from(
    "the harbour board voted on Tuesday to build a new terminal north quay ending decade of argument where island's "
    "only link mainland should berth, and it will cost forty-eight million pounds. said Jane Hill".split()
)


@st.composite
def ragged_dump(draw):
    """Paragraphs each wrapped at its own width, some indented on their first line, some with no blank line after."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(PARAGRAPH_WORDS, min_size=1, max_size=70))
        text = " ".join(words).capitalize() + "."
        indent = draw(st.sampled_from(["", "", "   ", "\t"]))
        lines += textwrap.wrap(text, draw(st.integers(40, 100)), initial_indent=indent) or [text]
        if draw(st.booleans()):
            lines.append("")
    return lines


@settings(max_examples=200, deadline=None)
@given(ragged_dump())
def test_ragged_wrapping_loses_no_text_and_every_line_maps_back_once(lines):
    unwrapped = Unwrapped(lines)
    out = list(unwrapped)
    words = lambda texts: "".join("".join(texts).split())  # noqa: E731 (joining only changes spaces)
    assert words(out) == words(lines)
    covered = sorted(n for k in range(1, len(out) + 1) for n in unwrapped.map.lines(k))
    assert covered == list(range(1, len(lines) + 1))
    for k, text in enumerate(out, 1):
        assert words(lines[n - 1] for n in unwrapped.map.lines(k)) == words([text])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.just(""), st.lists(PARAGRAPH_WORDS, min_size=2, max_size=20).map(lambda w: " ".join(w).capitalize() + ".")),
                max_size=40))
def test_a_dump_of_one_paragraph_a_line_comes_out_unchanged_whatever_its_lengths(lines):
    unwrapped = Unwrapped(lines)
    assert list(unwrapped) == lines and unwrapped.map.identity


TEASERS = [
    ("Harbour board approves the new terminal", "Jane Hill · 2 June 2025",
     "The board voted on Tuesday to build a new ferry terminal on the north quay, ending a decade of argument "
     "about where the island's only link to the mainland should berth."),
    ("Ferry fares to rise in April", "Tom Baker · 30 May 2025",
     "Islanders will pay more for the crossing from April, the operator said, blaming the price of fuel and "
     "the cost of keeping its two oldest ships at sea for another winter."),
    ("Lifeboat crew called out twice in one night", "Ann Lee · 28 May 2025",
     "The volunteers were paged at midnight and again before dawn, first for a yacht aground off the point "
     "and then for a fishing boat whose engine had failed in the sound."),
    ("New bus timetable meets the morning ferry", "Jane Hill · 21 May 2025",
     "From next month the first bus from the north end will reach the pier ten minutes before the morning "
     "sailing, after two years of complaints from commuters who missed it."),
]


def test_a_wrapped_listing_without_blank_lines_is_joined_between_its_heads_and_by_lines():
    lines = []
    for head, byline, text in TEASERS:
        lines += [head, byline, *textwrap.wrap(text, 72), "Posted in News | 3 comments"]
    out = joined(lines)
    assert [line for line in out if line.startswith(("The board", "Islanders", "The volunteers", "From next"))] == [
        text for _, _, text in TEASERS
    ]
    assert [head for head, _, _ in TEASERS] == [out[k] for k in range(0, len(out), 4)]


def test_a_label_in_capitals_after_a_finished_sentence_is_not_joined():
    closing = MORE + " The chair agreed."  # its last line too long for the label to have fitted on it
    lines = [*wrapped(PROSE, closing)[:-1], "SPONSORED", "Stream the island's ferry cams live on IslandView"]
    assert len(lines[-3]) + len(" SPONSORED") > 72
    out = joined(lines)
    assert out == [PROSE, "", closing, "SPONSORED", lines[-1]]


def test_a_print_pages_running_head_is_not_joined_to_the_headline_under_it():
    head = "Ghats Herp Notes 31 (Monsoon 2025)                                        3"
    lines = [*wrapped(PROSE), head, "What 1,200 rescue calls taught us", "Omkar Deshpande, volunteer rescuer, Pune", *wrapped(MORE)]
    out = joined(lines)
    assert head in out and "What 1,200 rescue calls taught us" in out


def test_a_papers_narrow_columns_are_unwrapped():
    lines = wrapped(PROSE, MORE, width=34)
    assert joined(lines) == [PROSE, "", MORE, ""]


def test_a_row_of_fields_is_no_paragraphs_line():
    lines = ["Feature 1 of 4 | Slug: NEPAL-HEALTH/DENGUE | 720 words | Photos: 4",
             "Dengue climbs the hills: Nepal's mountain towns face a lowland disease", "", *wrapped(PROSE, MORE, width=70)]
    assert joined(lines)[:2] == lines[:2]


def test_a_headline_is_not_joined_to_the_wire_story_under_it():
    lines = ["  Ranji winners Vidarbha to face Rest of India in Irani Cup at Nagpur",
             "  Nagpur, Mar 21 (BNS) Vidarbha will host the Rest of India in the Irani Cup",
             "  from April 2, the cricket board announced on Friday, after a week of talks.", "",
             *wrapped(PROSE, width=76)]
    out = joined(lines)
    assert out[0].strip() == "Ranji winners Vidarbha to face Rest of India in Irani Cup at Nagpur"
    assert out[1].strip().startswith("Nagpur, Mar 21 (BNS) Vidarbha")


def test_a_quotation_or_a_name_wrapped_onto_the_next_line_is_joined():
    lines = ["Alemitu Bekele is a visiting fellow at the Australian National Lands",
             "University. Her book on water and drought among herders is forthcoming.", "",
             '"The route is becoming a domestic one with a foreign extension," said',
             "The Ledger's analyst, who asked not to be named, at the briefing.", "",
             *wrapped(PROSE, width=72)]
    out = joined(lines)
    assert out[0] == " ".join(lines[:2]) and out[2] == " ".join(lines[3:5])


def test_a_date_alone_and_a_headline_over_a_sentences_opening_are_not_joined():
    lines = ["                                                      Sunday March 9 2025",
             "Ireland 27 Scotland 18: Crowley's boot settles a Lansdowne Road arm-wrestle", "",
             "KRC's fare formula deserves a second look, and not only from commuters",
             "The Kowloon Rail Corporation's annual fare adjustment, announced yesterday,",
             "will raise average fares by 3.1 per cent from June, on a formula set in 2017.", "",
             *wrapped(PROSE, width=76)]
    out = [line.strip() for line in joined(lines)]
    assert out[:3] == ["Sunday March 9 2025", lines[1], ""]
    assert out[3] == lines[3] and out[4].startswith("The Kowloon Rail Corporation's") and out[4].endswith("set in 2017.")


def test_a_text_browsers_headline_link_is_not_joined_to_the_teaser_under_it():
    lines = ["   [13]Cardiff department store site to become homes, offices and a food hall",
             "   Plans for the former Howells building on St Mary Street include 240",
             "   flats and a 30-stall market hall, with work due to start next spring.", "",
             "   [3]Home [4]Findings [5]Coroners [6]Inquests [7]Family support [8]Te reo",
             "   Māori [9]Contact us", "", *wrapped(PROSE, width=76)]
    out = joined(lines)
    assert out[0] == lines[0] and out[1].strip().endswith("start next spring.")
    assert out[3].strip().endswith("[9]Contact us")  # a row of links wrapped goes on


def test_a_text_browsers_headline_link_wrapped_goes_on_and_its_list_of_links_is_no_evidence_of_width():
    teaser = ["[14]Pune Metro's Swargate-Katraj extension gets Centre's nod, work to start", "by June", "",
              "   The underground extension will add three stations and is expected to",
              "   cost Rs 2,954 crore. Maha-Metro officials say tunnelling will take at", "   least 30 months.", ""]
    references = ["References", ""] + [f"  {n}. https://deccancourier.example/cities/pune/story-number-{n:04d}-with-a-long-slug/" for n in range(1, 40)]
    out = [line.strip() for line in joined(teaser * 3 + references)]
    assert out[0] == teaser[0] + " by June"
    assert out[2].endswith("least 30 months.")


def test_a_statement_wrapped_the_same_way_under_each_story_is_not_a_running_head_inside_it():
    statement = ["This story was produced by The Borderline, a nonprofit newsroom",
                 "covering the U.S.-Mexico border, and is republished under a",
                 "Creative Commons Attribution-NoDerivatives 4.0 International", "license."]
    lines = [*wrapped(PROSE, width=66), "", *statement, "", *wrapped(MORE, width=66), "", *statement, ""]
    out = [line.strip() for line in joined(lines)]
    assert out.count(" ".join(statement)) == 2


def test_a_text_browsers_listing_whose_wrapped_lines_go_on_with_names_and_figures_is_unwrapped():
    # most of its wrapped lines go on with a place's name, a date's figures or a link's number,
    # not in lower case: those are no evidence that the page is not wrapped
    teasers = [
        ["   [16]Halifax council votes 9-8 to keep Quinpool Road bike lane after", "   five-hour debate", "",
         "   By [17]Ravi Deshpande | 7:52 p.m. March 10, 2025", "",
         "   Councillors rejected a motion to return the painted lane to", "   parking, but asked staff to report back."],
        ["   [18]Dartmouth crossing ferry back on full schedule after", "   engine repairs", "",
         "   By [19]Claire Thibodeau | 5:15 p.m. March 10, 2025", "",
         "   Halifax Transit says the Woodside route will run every 30 minutes", "   again from Wednesday."],
        ["   [20]'We just want to know where she is': family of missing", "   Spryfield woman appeals for help", "",
         "   The Canadian Press | 3:40 p.m. March 10, 2025", "",
         "   Police say Tanya Moosomin, 34, was last seen near the Herring Cove", "   Road plaza on March 2."],
        ["   [21]PHOTOS: Hundreds line the waterfront for the return of HMCS", "   Margaret Brooke", "",
         "   By [24]Ravi Deshpande and [25]Siobhan MacKinnon | 11:30 a.m. March", "   10, 2025", "",
         "   The education minister says design work will begin this spring.", "   Parents in Clayton Park say they have heard that before."],
        ["   [30]North End bakery closes after 41 years: 'It's time'", "",
         "   By [31]Claire Thibodeau and [32]Aisha Rahman-Forbes | 6:20 p.m. March", "   9, 2025", "",
         "   The Uniacke family say rising costs and a lack of staff made the", "   decision for them. The last loaves will be sold on Saturday."],
    ]
    lines = [line for teaser in teasers for line in [*teaser, ""]]
    out = [line.strip() for line in joined(lines)]
    assert "[16]Halifax council votes 9-8 to keep Quinpool Road bike lane after five-hour debate" in out
    assert "[18]Dartmouth crossing ferry back on full schedule after engine repairs" in out
    assert "Police say Tanya Moosomin, 34, was last seen near the Herring Cove Road plaza on March 2." in out
    assert "By [24]Ravi Deshpande and [25]Siobhan MacKinnon | 11:30 a.m. March 10, 2025" in out



def test_teasers_cut_off_with_an_ellipsis_are_no_evidence_against_wrapping():
    # a text browser's page of previews, each cut off with "..." over its writer's linked name
    lines = (Path(__file__).parent / "pages" / "previews_cut_off.txt").read_text(encoding="utf-8").split("\n")
    out = [line.strip() for line in joined(lines)]
    assert any(line.startswith("Because of the autograder outage") and line.endswith("unless you want to...") for line in out)


def test_a_short_heading_after_a_finished_sentence_is_not_joined_to_it():
    lines = [
        "Slaidburn on 4 October could not have been more different. Sand-",
        "stone, rain, and a wall that had been robbed for a garden rockery",
        "at some point in the 1970s, so half the stone had to come off a",
        "neighbouring heap. The open class worked through showers all day",
        "and three competitors retired with sore backs by lunchtime.",
        "Results, Malham",
        "Open: 1st Sam Metcalfe; 2nd Andy Clapham; 3rd Lucy Dinsdale",
    ]
    out = joined(lines)
    assert out[1:] == lines[5:]
    assert out[0].startswith("Slaidburn on 4 October") and out[0].endswith("by lunchtime.")
