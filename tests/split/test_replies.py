"""replies: a business's response under a review is taken out of it; the next review is an item again."""

from __future__ import annotations

from sitegen.split import replies
from sitegen.split.boundary import Item
from sitegen.split.roles import shape
from sitegen.split.text import Block

REVIEW = [
    "Perfect base for exploring the old town",
    "We stayed four nights in a superior double on the third floor and honestly did not want to leave at the end of it.",
    "Response from Marta F, Guest Relations Manager at Casa do Miradouro",
    "Responded 10 March 2027",
    "Dear tiagoandsofia, thank you so much for your lovely review! We are so glad the recommendations were a success.",
    "Lovely hotel, but loud at night",
    "Our room on the street side was loud until two in the morning at the weekend, though the staff were very kind.",
]


def _cut(texts: list[str], items: list[Item]):
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    return replies.cut(items, blocks, [shape(t) for t in texts], [])


def test_a_reply_is_taken_out_and_the_next_review_starts_an_item():
    out, left = _cut(REVIEW, [Item(0, len(REVIEW), 0.9)])
    assert [(it.start, it.end) for it in out] == [(0, 2), (5, 7)]
    assert [d.line for d in left] == [3, 4, 5]
    assert all("reply to the review above" in d.reason for d in left)
    assert out[1].doubts and "after a reply" in out[1].doubts[0][1]


def test_an_item_that_opens_with_a_reply_keeps_only_what_follows_it():
    texts = ["Developer Response,", "Thanks Jorge! Sorting huts by route distance is on our list for the next version of the app.",
             "Subscription renewed without warning",
             "The app itself is great but Plus renewed at the full price after the intro year and I only got the email later."]
    out, left = _cut(texts, [Item(0, 4, 0.9)])
    assert [(it.start, it.end) for it in out] == [(2, 4)]
    assert [d.line for d in left] == [1, 2]


def test_a_response_in_running_text_is_no_reply():
    texts = ["Council answers the petition",
             "Response from the council was swift: the footpath will reopen in May, the leader said on Tuesday evening.",
             "More than 3,200 people responded to our call to object to the scheme, and we thank every one of them."]
    out, left = _cut(texts, [Item(0, 3, 0.9)])
    assert [(it.start, it.end) for it in out] == [(0, 3)] and left == []
    assert replies.reply_head("Employer response") and replies.reply_head("Owner's reply")
    assert not replies.reply_head("Response to the consultation on bus routes")
    assert replies.reply_head("Reply from MindHarbour") and not replies.reply_head("Reply to the council's letter")
    assert not replies.reply_head("Management response")  # an audit report's section, not a reply to a review


def test_a_page_of_reviews_splits_into_its_reviews_without_the_replies():
    from sitegen.split import split_text

    lines = [*REVIEW, "Charming but check the lift situation",
             "One thing to know: the lift was out of service for the whole of our stay, and we were on the fourth floor of the building."]
    result = split_text("\n".join(lines) + "\n", "reviews.txt")
    assert [a.title for a in result.articles] == [lines[0], lines[5], lines[7]]
    assert not any("Dear tiagoandsofia" in a.body for a in result.articles)


def test_the_response_to_a_question_asked_at_a_meeting_is_its_answer_and_stays():
    texts = ["Question 2 – Depot lorry movements", "Asked by: Ms Gemma Tobin, Hatchmoor ward",
             "\"Residents of Depot Lane have counted refuse lorries leaving before six in the morning. Is that allowed?\"",
             "Response from Cllr Martin Greaves, Cabinet Member for Environment:",
             "\"Ms Tobin is right that the permission restricts vehicle movements to between 7am and 7pm, and I have asked officers to act.\""]
    out, left = _cut(texts, [Item(0, 5, 0.9)])
    assert [(it.start, it.end) for it in out] == [(0, 5)] and not left  # the councillor's answer is the item's text
