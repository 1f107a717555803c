"""cohesion: whether the text on the two sides of a headline-shaped line is about the same thing."""

from __future__ import annotations

from sitegen.split import cohesion, split_text

HARBOUR = [
    "The two cranes that stood over the old harbour until 1994 are back, restored by volunteers over three winters.",
    "Volunteers stripped the cranes to bare steel, and the harbour board paid for the paint and the new cables.",
    "The harbour cranes will lift nothing heavier than a wreath, but the volunteers want them working by summer.",
]
MORE_HARBOUR = [
    "Each crane took a winter: the volunteers worked in the harbour sheds, the cranes' cables hung from the roof.",
    "The harbour board says the restored cranes will be lit at night, and the volunteers will run tours in August.",
]
TRAMS = [
    "The regional government approved the tram extension on Tuesday, after a decade of studies and two plans.",
    "Tram work on six new stops starts in spring; the airport line should carry its first passengers by 2027.",
]

LEAD = "Harbour cranes return to the old port\n\nBy Maria Costa\n\n" + "\n\n".join(HARBOUR) + "\n\n"


def test_a_subheading_inside_one_article_is_not_a_cut():
    dump = LEAD + "Three winters in the sheds\n\n" + "\n\n".join(MORE_HARBOUR) + "\n"
    articles = split_text(dump, "cranes.txt").articles
    assert [(a.title, a.source.lines) for a in articles] == [("Harbour cranes return to the old port", (1, 15))]


def test_two_unrelated_stories_with_a_plain_headline_between_them_are_two_articles():
    dump = LEAD + "Tram line to reach the airport by 2027\n\n" + "\n\n".join(TRAMS) + "\n"
    articles = split_text(dump, "front.txt").articles
    assert [(a.title, a.source.lines) for a in articles] == [
        ("Harbour cranes return to the old port", (1, 9)), ("Tram line to reach the airport by 2027", (11, 15)),
    ]


def test_the_same_story_printed_again_under_its_own_headline_is_not_taken_for_one_story():
    body = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn."
    stories = [f"Harbour story number {n} for the district\n\nBy Jane Hill\n\n{body} Day {n}.\n\n{body}" for n in range(3)]
    articles = split_text("\n\n".join(stories) + "\n", "again.txt").articles
    assert [a.source.lines for a in articles] == [(1, 7), (9, 15), (17, 23)]
    found = cohesion.around([*HARBOUR, "Harbour cranes return to the old port", *HARBOUR], [3])[3]
    assert cohesion.names(found) == ["coh=copy"]


def test_a_subheading_has_the_same_story_on_both_sides():
    texts = [*HARBOUR, "Restoring the harbour cranes", *MORE_HARBOUR]
    found = cohesion.around(texts, [3])[3]
    assert found.similarity > 0.2
    assert found.recur_above > 0.5  # "harbour" and "cranes" were in the text above
    assert "coh=thin" not in cohesion.names(found)


def test_a_new_headline_between_two_stories_has_little_in_common_on_its_two_sides():
    texts = [*HARBOUR, "Tram line to reach the airport", *TRAMS]
    found = cohesion.around(texts, [3])[3]
    same = cohesion.around([*HARBOUR, "Restoring the harbour cranes", *MORE_HARBOUR], [3])[3]
    assert found.similarity < same.similarity / 2
    assert found.recur_above == 0.0 and found.recur_below > 0.5  # it names what follows, not what went before


def test_the_binned_features_tell_the_two_apart():
    sub = cohesion.names(cohesion.around([*HARBOUR, "Restoring the harbour cranes", *MORE_HARBOUR], [3])[3])
    new = cohesion.names(cohesion.around([*HARBOUR, "Tram line to reach the airport", *TRAMS], [3])[3])
    assert sub != new


def test_a_line_with_no_text_above_it_in_the_segment_has_a_thin_window():
    found = cohesion.around(["Tram line to reach the airport", *TRAMS], [0])[0]
    assert found.above == 0 and cohesion.names(found) == ["coh=thin"]


def test_lines_that_are_not_text_of_the_segment_count_for_nothing():
    with_furniture = cohesion.around([*HARBOUR, None, "Restoring the harbour cranes", None, *MORE_HARBOUR], [4])[4]
    without = cohesion.around([*HARBOUR, "Restoring the harbour cranes", *MORE_HARBOUR], [3])[3]
    assert with_furniture == without


def test_stop_words_and_short_words_say_nothing():
    assert cohesion.content_words("The cranes are back in the harbour, and so is he.") == ["cranes", "harbour"]


def test_windows_hold_at_most_the_window_of_words_and_reach_only_so_far():
    long = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(500))  # 500 distinct content words
    texts = [long, "A heading", long]
    found = cohesion.around(texts, [1], window=50)[1]
    assert (found.above, found.below) == (50, 50)
    far = ["harbour cranes"] + [""] * (cohesion.REACH + 5) + ["A heading"]
    assert cohesion.around(far, [len(far) - 1])[len(far) - 1].above == 0
