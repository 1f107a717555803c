"""answers: an item that opens with an answer's by-line is one with the question above it, and the
answer's writers are the item's, not the reader who asked."""

from __future__ import annotations

from sitegen.split import split_text
from sitegen.split.answers import answerers, join, questions
from sitegen.split.assemble import assemble
from sitegen.split.boundary import Item
from sitegen.split.text import Block, Debris

QA = [
    "Why does my new disc brake squeal only in the rain?",
    "I fitted new resin pads and a new rotor on my gravel bike before Christmas, and the front brake howls in the wet.",
    "— Graham, Stroud",
    "ANSWER",
    "Answered by Kwame Asante, head mechanic at Gearbox Cycles, Bristol",
    "Water plus resin pads plus a rotor that was never bedded in is the classic recipe. Bed them in on a quiet road.",
]


def test_an_answer_under_its_by_line_joins_the_question_above_with_the_label_between():
    blocks = [Block(k, t) for k, t in enumerate(QA, 1)]
    out, left = join([Item(0, 3, 0.9), Item(4, 6, 0.9)], blocks, [Debris(4, "ANSWER", "a label")])
    assert [(it.start, it.end) for it in out] == [(0, 6)] and not left


def test_an_answer_joins_its_question_across_the_askers_signature_left_between():
    blocks = [Block(k, t) for k, t in enumerate(QA, 1)]
    out, left = join([Item(0, 2, 0.9), Item(4, 6, 0.9)], blocks, [Debris(3, QA[2], "outside"), Debris(4, "ANSWER", "a label")])
    assert [(it.start, it.end) for it in out] == [(0, 6)] and not left  # "— Graham, Stroud" is the question's


def test_the_answers_text_under_an_item_that_ends_on_its_by_line_joins_it_and_a_next_question_does_not():
    answer = "Water plus resin pads plus a rotor that was never bedded in is the classic recipe for a howl in the wet. Bed them in on a quiet road."
    blocks = [Block(k, t) for k, t in enumerate([*QA[:5], answer], 1)]
    out, _ = join([Item(0, 5, 0.9), Item(5, 6, 0.9)], blocks, [])
    assert [(it.start, it.end) for it in out] == [(0, 6)]  # the question, the label and "Answered by …"; then the answer
    blocks = [Block(k, t) for k, t in enumerate([*QA[:5], "Can I fit tubeless tyres to my old rims?"], 1)]
    out, _ = join([Item(0, 5, 0.9), Item(5, 6, 0.9)], blocks, [])
    assert [(it.start, it.end) for it in out] == [(0, 5), (5, 6)]  # a headline under the by-line: the next question


def test_an_item_after_text_that_is_no_answer_label_stays_apart():
    blocks = [Block(k, t) for k, t in enumerate([*QA[:3], "Advertisement: bike cleaner, 20% off", *QA[4:]], 1)]
    out, _ = join([Item(0, 3, 0.9), Item(4, 6, 0.9)], blocks, [])
    assert [(it.start, it.end) for it in out] == [(0, 3), (4, 6)]


def test_the_answers_writers_are_the_items_not_the_reader_who_asked():
    article = assemble(tuple(Block(k, t) for k, t in enumerate(QA, 1)), "d.txt")
    assert article.title == QA[0]
    assert article.authors == ("Kwame Asante",)


def test_an_answers_by_line_names_its_writers_without_their_trade():
    assert answerers("ANSWERED BY ELECTRICIAN PRITI SHAH") == ["Priti Shah"]
    assert answerers("Answered by Master Beekeeper Alun Prosser · 9 July 2026") == ["Alun Prosser"]  # a trade and its rank
    assert answerers("Answered by Kwame Asante, with Dr Sunita Rao, battery safety engineer") == ["Kwame Asante", "Sunita Rao"]
    assert answerers("Answered by the helpline team · 28 April 2025") is None
    assert answerers("Our answer") is None


def test_a_councils_response_names_the_member_who_gives_it_not_the_questioner():
    question = [
        "Question 3 – Cost of the Riverside Hub",
        "Asked by: Mr Callum Reid, Ashcombe resident",
        "What is the total cost of the Riverside Hub to date, including fees and the overspend on the roof?",
        "Response from the Leader of the Council, Cllr Fiona Ransome:",
        "The total spent to date is £14.2 million, of which £1.1 million relates to the roof works.",
    ]
    article = assemble(tuple(Block(k, t) for k, t in enumerate(question, 1)), "d.txt")
    assert article.authors == ("Fiona Ransome",)


def test_a_response_from_a_business_or_a_person_without_a_title_names_no_answerer():
    assert answerers("Reply by the Chief Executive, Dr Amara Osei-Tutu:") == ["Amara Osei-Tutu"]
    assert answerers("Response from Harbour Hotel:") is None
    assert answerers("Reply from Mark Jones, General Manager:") is None
    assert answerers("Reply: A written answer will be circulated to all members.") is None


ASKED_PAGE = """\
Ask the remover
Our panel answers readers' questions about moving day.

Can the removal men take my plants and the contents of my freezer?
Asked by Leonie, Cheltenham · 2 March 2026
We move in April from Cheltenham to Bath. I have about 30 pot plants and a chest freezer that's half full.
Answered by Colin Adebayo-Marsh, estimator, Fairway Removals · 4 March 2026
Your friend is half right. Most firms will move pot plants on a same-day local move, but won't insure them.
Freezers are the bigger issue. A freezer must be emptied, switched off and defrosted before we move it.

Is it safe to store my late mother's furniture in a container yard for a year?
Asked by Graham, Doncaster · 24 February 2026
We're clearing Mum's house but my sister wants to keep the good furniture for a year. The cheapest quote is for a container.
Answered by Deepa Mistry, self-storage consultant · 26 February 2026
For a year, there is plenty to worry about. Unventilated steel containers swing from cold to warm and back.
Whatever you choose, photograph everything before it goes in and keep a written inventory.
"""


def test_each_question_over_its_askers_line_is_an_item_named_by_its_answerer():
    result = split_text(ASKED_PAGE, "asked.txt")
    assert [(a.source.lines, a.title, a.authors) for a in result.articles] == [
        ((4, 9), "Can the removal men take my plants and the contents of my freezer?", ("Colin Adebayo-Marsh",)),
        ((11, 16), "Is it safe to store my late mother's furniture in a container yard for a year?", ("Deepa Mistry",)),
    ]  # (a double-barrelled name before " · 4 March" is whole: "Marsh" is no glued "Mar")


def test_a_question_is_started_only_set_apart_over_its_askers_line_on_a_page_of_them():
    texts = ["An answer's last paragraph, which ends here.", "Can I store a piano in a container?", "Asked by Graham, Doncaster",
             "Another answer, with its text.", "How long does packing take?", "Asked by Tariq, Luton"]
    tags = ["I"] * 6
    questions(texts, [1, 3, 4, 5, 7, 8], [True] * 6, tags)
    assert tags == ["I", "B", "I", "I", "B", "I"]
    tags = ["I"] * 6
    questions(texts, [1, 2, 3, 4, 5, 6], [True] * 6, tags)  # no blank line over them: the answer's own lines
    assert tags == ["I"] * 6
    tags = ["I"] * 3
    questions(texts[:3], [1, 3, 4], [True] * 3, tags)  # one question alone on the page: left to the tagger
    assert tags == ["I"] * 3
