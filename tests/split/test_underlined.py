"""underlined: a plain-text mail's underlined headings start its items; a label over the mail's part does not."""

from __future__ import annotations

from sitegen.split.underlined import mend

MAIL = ["The big number", "--------------", "412. That's how many pasties we sold on the Saturday before Christmas.",
        "Pasty of the month", "------------------", "Pork, apple and swede, with a little sage from the garden.",
        "You asked", "---------", "> Is there any way you could do smaller packs of mince?", "Jory replies: Yes, from next week."]
NUMBERS = [1, 2, 4, 6, 7, 9, 11, 12, 14, 16]


def test_a_heading_run_on_from_the_section_above_or_left_over_its_text_starts_the_item():
    tags = ["B", "I", "I", "O", "O", "B", "I", "I", "I", "I"]
    mend(MAIL, NUMBERS, [True] * len(MAIL), tags)
    assert tags == ["B", "I", "I", "B", "I", "I", "B", "I", "I", "I"]


def test_a_sections_name_over_its_teasers_and_a_heading_not_underlined_are_left_to_the_tagger():
    texts = ["National", "--------", "Teachers' union gives TSC 14 days", "Opinion", "-------", "Freight rates: the SGR must show its books",
             "IN BRIEF", "--------", "A short item under a label."]
    tags = ["O", "O", "B", "O", "O", "B", "I", "I", "I"]
    mend(texts, [1, 2, 4, 6, 7, 9, 11, 12, 14], [True] * 9, tags)
    assert tags == ["O", "O", "B", "O", "O", "B", "I", "I", "I"]
    tags = ["B", "I", "I", "I", "I", "I"]
    mend(MAIL[:6], [1, 3, 4, 6, 8, 9], [True] * 6, tags)  # a blank line between each heading and its rule: no underline
    assert tags == ["B", "I", "I", "I", "I", "I"]
