"""records: a page of short items, each closed by a line of the page's own form, is cut at each record's head."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import records
from sitegen.split.roles import shape
from tests.split_support import split_first_only


def split_lines(lines: Sequence[str]):
    return split_first_only("\n\n".join(lines) + "\n", "loans.txt")


INTRO = (
    "A busy month at the tool library",
    "Posted by Marek Nowak on 3 March 2027",
    "We lent out more than two hundred tools in February, and the new drill press has hardly been back on its shelf.",
    "Please return the hedge trimmers on time: there is a waiting list of eleven households for them.",
)
LOANS = (
    ("Garden shredder", "Back with a jammed blade; fixed by Tuesday's volunteers.", "Returned 26 Feb 2027 · Loans this year: 4"),
    ("Wallpaper steamer", "Three households in one week, all on Elm Street.", "Returned 21 Feb 2027 · Loans this year: 9"),
    ("Tile cutter", "New diamond wheel fitted after a long bathroom job.", "Returned 17 Feb 2027 · Loans this year: 2"),
    ("Carpet cleaner", "Please empty the tank before you bring it back.", "Returned 12 Feb 2027 · Loans this year: 6"),
)


def test_records_closed_by_a_line_of_one_form_are_items_of_their_own():
    result = split_lines((*INTRO, *(line for loan in LOANS for line in loan)))
    assert [a.title for a in result.articles] == ["A busy month at the tool library", *(loan[0] for loan in LOANS)]
    assert [a.source.lines for a in result.articles][1:] == [(9, 13), (15, 19), (21, 25), (27, 31)]
    assert any("record of the page's form" in why for a in result.articles[2:] for _, why in a.review)


def test_twice_is_no_page_of_records():
    result = split_lines((*INTRO, *(line for loan in LOANS[:2] for line in loan)))
    assert len(result.articles) == 1


def test_a_signature_under_each_dated_line_is_no_records_head():
    notices = []
    for ward in ("Abbey", "Fellside", "Marsh"):
        notices += [f"Declaration of result for {ward} Ward",
                    f"I, the undersigned, declare that the votes given for each candidate in {ward} Ward were as follows.",
                    "Dated Friday 8 May 2027", "Sarah Gillespie", "Returning Officer"]
    marked = _marks(notices)
    assert "rec" not in {f for found in marked for f in found}


def test_a_date_under_each_headline_marks_no_records():
    posts = []
    for title in ("New hours from April", "Volunteers wanted for repair day", "Thank you to our donors"):
        posts += [title, "12 March 2027", "The library is run by volunteers and opens three evenings a week, with more to come."]
    assert all(found == () for found in _marks(posts))


def test_the_form_of_a_line_leaves_out_its_figures_and_calendar_words():
    def form_of(text: str, kind: str) -> str | None:
        return records.form(text, shape(text), kind)

    assert form_of("Returned 26 Feb 2027 · Loans this year: 4", "dateline") == form_of("Returned 3 March 2026 · Loans this year: 12", "dateline")
    assert form_of("Returned 26 Feb 2027", "date") != form_of("Posted 26 Feb 2027", "date")
    assert form_of("We lent out more than two hundred tools in February, and the new drill press has hardly been back on its shelf.",
                   "text") is None


def test_a_dated_line_that_opens_with_a_label_has_the_label_for_its_form():
    def form_of(text: str) -> str | None:
        return records.form(text, shape(text), "dateline")

    assert form_of("Status: Recommended for listing · Updated 9 February 2026") == form_of("Status: Listed on the Register · Listed 15 December 2025")
    assert form_of("Status: Under assessment · Updated 2 February 2026") != form_of("Decision: Not recommended · 30 November 2025")


def test_status_cards_closed_by_a_labelled_date_are_records_whatever_the_status_says():
    cards = [
        ("Kiama Pilot Station", "Stone cottages and signal mast used by the harbour pilots from the 1880s until 1967.",
         "Status: Recommended for listing · Updated 9 February 2026"),
        ("Port Kembla Olympic Pool", "The art deco ocean-edge pool opened in 1938, still used by the swimming club.",
         "Status: Under assessment · Updated 2 February 2026"),
        ("Dapto Showground Grandstand", "A timber grandstand of 1926, threatened by a proposed redevelopment.",
         "Status: Interim protection order in place · Updated 28 January 2026"),
        ("Thirroul Railway Institute Hall", "The hall where a novelist is said to have watched a local dance in 1922.",
         "Status: Listed on the Register · 15 December 2025"),
    ]
    marked = _marks([line for card in cards for line in card])
    heads = [k for k, found in enumerate(marked) if "rec" in found]
    assert len(heads) >= 3  # every card after the first starts a record, whatever its status line says


def _marks(lines: Sequence[str], between: str = "\n\n") -> list[tuple[str, ...]]:
    from sitegen.split.tagger import _under, describe, segments
    from sitegen.split.roles import Repeats
    text = between.join(lines).split("\n")
    found: list[tuple[str, ...]] = []
    for segment in segments(text, [], Repeats.of_lines(text)):
        described = describe(segment, None)
        texts = [x.block.text if x.role is not None else None for x in described]
        shapes = [shape(x.block.text) for x in described]
        found += records.marks(texts, shapes, [_under(x.own) for x in described])
    return found


def test_with_the_shipped_decision_too_records_with_no_running_text_are_items():
    from sitegen.split import split_text
    result = split_text("\n\n".join((*INTRO, *(line for loan in LOANS for line in loan))) + "\n", "loans.txt")
    assert [a.title for a in result.articles][-4:] == [loan[0] for loan in LOANS]


def test_the_closing_lines_of_records_are_marked_as_their_ends():
    marked = _marks([*INTRO, *(line for loan in LOANS for line in loan)])
    closing = [k for k, found in enumerate(marked) if "rec:end" in found]
    assert len(closing) == len(LOANS) and all("rec:in" in marked[k] for k in closing)
    assert all("rec" in marked[k - 2] for k in closing)  # each under its record's head and one line of text


def test_cards_headed_by_a_headline_ending_on_a_date_or_over_a_label_taken_out_are_records():
    texts: list[str | None] = []
    kinds: list[str] = []
    for head, head_kind, label in (
        ("Restore Blue Flag status to four of Durban's beaches", "title", "Water & sanitation"),
        ("End water tanker dependence in Tongaat by 30 June 2025", "date", "Water & sanitation"),  # dated: still a headline
        ("Repair all 1,200 non-working streetlights on the M4", "title", None),  # its label taken out as the page's
        ("Publish the forensic report into the flood relief tenders", "title", "Governance"),
    ):
        texts += [head, label, "The new reservoir is 60% built, says the contractor, and the rest is due in May.", "● IN PROGRESS",
                  "Updated 3 Mar 2025"]
        kinds += [head_kind, "text", "text", "text", "date"]
    marked = records.marks(texts, [shape(t or "") for t in texts], kinds)
    assert [k for k, found in enumerate(marked) if "rec" in found] == [0, 5, 10, 15]  # each card's headline


COMMENTS = (
    ("Comment submitted date: Wed 26 Feb 2025", "Name: Mrs Gwen Pritchard", "Stance: Customer objects to the Planning Application",
     "Comment: I live directly opposite the yard. Six houses means at least twelve more cars using a street that is single file."),
    ("Comment submitted date: Mon 24 Feb 2025", "Name: Mr Harold Ince", "Stance: Customer objects to the Planning Application",
     "Comment: The terrace would be three storeys at the rear because of the change in level, not two as the elevation suggests."),
    ("Comment submitted date: Sat 22 Feb 2025", "Name: Name withheld", "Stance: Customer supports the Planning Application",
     "Comment: The workshop has been empty and vandalised for six years. Small houses like these are what young families need."),
    ("Comment submitted date: Thu 20 Feb 2025", "Name: Wenlow Town Council", "Stance: Neutral",
     "Comment: Members resolved at their meeting to make no objection in principle to residential use of the site.",
     "Lorna Beddoes", "Town Clerk"),
)


def test_a_dated_line_opening_each_record_marks_the_records_starts():
    lines = [line for comment in COMMENTS for line in comment]
    marked = _marks(lines)
    starts = [lines[k] for k, found in enumerate(marked) if "rec" in found]
    assert starts == [comment[0] for comment in COMMENTS]  # (a signature closing one record is no head over the next)


def test_comments_opened_by_their_dated_line_are_items_of_their_own():
    from sitegen.split import split_text
    text = "\n\n".join(("Public comments on application 25/00142/FUL", *(line for comment in COMMENTS for line in comment))) + "\n"
    result = split_text(text, "comments.txt")
    assert [a.source.lines for a in result.articles][-3:] == [(11, 17), (19, 25), (27, 37)]
    assert [a.title for a in result.articles][-3:] == [comment[0] for comment in COMMENTS[1:]]


def test_a_rating_over_each_reviews_signature_opens_no_records():
    reviews = []
    for title, name in (("Practical Chemistry for GCSE", "Nadia Haddad"), ("Microbit Climate Kit", "Bartosz Nowak"),
                        ("The Periodic Table Escape Room", "Emeka Nwosu")):
        reviews += [title, "A clear, well-made resource that a class can use without much preparation from the teacher.",
                    "Rating: ★★★★☆", f"Reviewed by {name}, science teacher"]
    marked = _marks(reviews)
    assert [reviews[k] for k, found in enumerate(marked) if "rec" in found] == [reviews[0], reviews[4], reviews[8]]


THREAD = (
    "rolleinator_65", "Mar 2",
    "My late father's Rollei 35 came to me last year. It fires at the fast speeds but sticks at a thirtieth and below.",
    "I've read that the usual fault is old grease on the shutter blades or in the speed escapement.",
    "Is this a realistic first repair for someone who has done a couple of Olympus Trips and a Zorki?",
    "23 Replies  ·  1.4k views  ·  9 users  ·  4 links",
    "fotomechanik_hb", "Mar 2", "It is a realistic repair but a fiddly one. The shutter on the Rollei 35 is behind the lens.",
    "rolleinator_65", "Mar 3", "fotomechanik_hb:", "The sticky part is usually the speed escapement, not the blades.",
    "Thanks, is there a good guide you'd trust?",
    "ginger_grain", "Mar 4", "I sent mine to a repairer in Braunschweig last year. Took six weeks, cost €140.",
    "rolleinator_65", "Mar 9", "Done it myself in the end! Escapement was gummed up exactly as described. Fires every time now.",
)


def test_a_bare_date_under_each_poster_opens_no_records():
    marked = _marks(THREAD, "\n")  # (the poster's recurring handle is taken out as the page's line)
    assert not any("rec" in found for found in marked)  # a post's date under its poster: no record's dated field
