"""An article's numbered list of sentences is its text, however the tagger read each line."""

from __future__ import annotations

from sitegen.split.numbered import mend
from tests.split_support import plan, split_page

STEPS = [
    "1. Took both heels off with a hot knife and cleaned the seats back to bare leather.",
    "2. Fed the uppers for four days with a lanolin cream.",
    "3. Re-stitched the welts by hand, with brown waxed thread.",
]


def test_a_blog_posts_numbered_steps_under_its_subheading_are_its_text():
    result = split_page("blog_post_numbered_steps_glued_subheadings.txt")
    assert plan(result) == [((7, 24), "Saving a pair of 1960s brogues from a flooded cellar", ("Gethin Morgan",))]  # to "— Gethin"
    assert "Edges inked, uppers polished, new laces." in result.articles[0].body


def test_the_steps_and_the_subheading_over_them_join_the_text_above():
    texts = ["The short answer is yes, if the uppers are sound.", "What we did", *STEPS]
    tags = ["I", "O", "B", "B", "B"]
    mend(texts, [1, 3, 5, 6, 7], [True] * 5, tags)
    assert tags == ["I"] * 5


def test_a_ranked_list_of_headlines_a_broken_count_or_a_list_under_no_item_is_left_alone():
    headlines = ["1. The best walks in the Wye valley", "2. Where to eat in Hay", "3. Five bookshops worth the drive"]
    for texts, numbers in (
        (["Our readers' favourites", *headlines], [1, 3, 4, 5]),  # headlines, no sentences: a ranked list's entries
        (["The short answer is yes.", STEPS[0], STEPS[2], STEPS[1]], [1, 3, 4, 5]),  # 1, 3, 2: no count
        (["The short answer is yes.", *STEPS], [1, 3, 5, 7]),  # a blank line between each: a page's items, maybe
    ):
        tags = ["I"] + ["B"] * 3
        mend(texts, numbers, [True] * 4, tags)
        assert tags == ["I"] + ["B"] * 3, texts
    tags = ["O", "B", "B", "B"]
    mend(["Our readers' questions", *STEPS], [1, 3, 4, 5], [True] * 4, tags)
    assert tags == ["O", "B", "B", "B"]  # no text above in an item


def test_bulleted_sentences_under_a_subheading_past_an_advertisement_are_the_articles_text():
    texts = ["Shrimp grow by moulting their exoskeleton, and a sudden change of water can trigger a moult.",
             "How to change water for shrimp",
             "- Change less, more often. 10–15% a week is plenty for a lightly stocked tank.",
             "- Match the TDS. A cheap TDS pen costs less than ten shrimp.",
             "- Drip it in. An airline tube with a knot tied in it takes twenty minutes."]
    tags = ["I", "O", "B", "B", "B"]
    mend(texts, [1, 5, 7, 8, 9], [True] * 5, tags)
    assert tags == ["I"] * 5
    briefs = ["Club news", "IN BRIEF", "- Kit order: the winter kit order closes on 30 November.",
              "- Quiz night: tickets are on sale at the bar.", "- AGM: the date is set for 12 March."]
    tags = ["I", "O", "B", "B", "B"]
    mend(briefs, [1, 3, 5, 6, 7], [True] * 5, tags)
    assert tags == ["I", "O", "B", "B", "B"]  # a page's briefs under their label in capitals
