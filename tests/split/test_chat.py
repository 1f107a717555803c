"""A chat exported as text: the notices posted in it are items, its talk is debris."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markdown import render_body
from sitegen.model import LicenceKind
from sitegen.split import split_text
from tests.split_support import assert_accounted_once, titles_after_cut

ANDROID = """\
03/03/2025, 08:02 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
03/03/2025, 08:02 - Priya Raman created group "Hartfield Rd Residents"
03/03/2025, 08:11 - Priya Raman: *Welcome to the new group!*
This replaces the old email list. It's for news from the residents' committee and for neighbours to ask for help.
Three house rules: no selling, no politics, and please keep it civil.
– Priya (Chair, HARA)
03/03/2025, 08:13 - Tom Gallo: Great idea, thanks Priya
03/03/2025, 12:31 - Owen Beckford: Afternoon all. Can I ask whether anyone has a long ladder I could borrow on Saturday? Gutter at the back is overflowing again and I would rather not climb the drainpipe to clear it.
03/03/2025, 12:45 - +44 7700 900412: I've got a 3-section one, come and grab it, no 31
06/03/2025, 22:47 - +44 7700 900412: Dear all,
I wanted to write before Wednesday, because I don't think I'll manage to say it on the night.
After twenty-two years on this road, and with my knees not what they were, we are moving to be near our daughter in Leeds.
You have been the best neighbours anyone could ask for. Thank you for every parcel taken in and every bin put out.
Doreen at 14
06/03/2025, 22:50 - Tom Gallo: Oh Doreen, we'll miss you
"""

IOS = """\
[09/03/2025, 10:12:45] Joanne Achterberg: Review in the Bugle! Copying it here for those who can't get past the paywall:
Sing Out Brixton lift the roof at Windrush Square
By Kofi Mensah-Bonsu
Community choirs rarely get a review, and Sing Out Brixton did not need one on Saturday: the queue told its own story.
The evening raised £3,180 for the Brixton Soup Kitchen.
© Brixton Bugle 2025
[09/03/2025, 10:14:02] Gabriel Oduya (MD): "Occasionally thin at the top" sopranos, extra warm-ups for you
[09/03/2025, 10:14:30] Joanne Achterberg: 😂😂
[09/03/2025, 10:20:11] Liam Ó Súilleabháin: \u200eaudio omitted
"""


def test_the_notices_posted_in_a_chat_are_its_items_and_its_talk_is_debris():
    result = assert_accounted_once(ANDROID, "chat.txt")
    welcome, letter = result.articles
    assert welcome.title == "Welcome to the new group!"  # its headline in bold, the marks off
    assert welcome.authors == ("Priya Raman",)  # signed "Priya": the sender, in full
    assert welcome.date == dt.date(2025, 3, 3)
    assert welcome.source.lines == (3, 6)
    assert "keep it civil" in welcome.body and "Great idea" not in welcome.body
    assert letter.source.lines == (10, 14)  # a letter to the group, over several lines: an item without a headline
    assert letter.authors == ()  # a phone number names no one; "Doreen at 14" is no name either
    debris = {d.line: d.reason for d in result.debris}
    assert all("chat" in debris[n] for n in (1, 2, 7, 8, 9, 15))  # the app's notices, thanks, a long one-line question


def test_a_text_pasted_into_a_chat_is_the_item_from_its_headline():
    result = assert_accounted_once(IOS, "chat.txt")
    (review,) = result.articles
    assert review.title == "Sing Out Brixton lift the roof at Windrush Square"
    assert review.authors == ("Kofi Mensah-Bonsu",)  # its by-line, not who pasted it
    assert review.licence.kind is LicenceKind.ALL_RIGHTS_RESERVED
    assert review.source.lines == (2, 6)
    assert "introduction" in {d.line: d.reason for d in result.debris}[1]


def test_a_few_stamped_lines_in_a_text_are_no_chat():
    text = ("Harbour cranes return to the old port\n\nBy Maria Costa\n\n"
            "03/03/2025, 08:11 - Harbour master: the first ship is due at dawn.\n"
            "03/03/2025, 09:40 - Pilot: confirmed.\n\n"
            "The cranes came back on Monday after four years of repairs and the first ships docked at dawn.\n")
    (article,) = split_text(text, "page.txt").articles
    assert article.title == "Harbour cranes return to the old port" and "Pilot: confirmed." in article.body


def test_text_after_a_chat_is_still_split():
    titles = titles_after_cut(ANDROID + "\n\n")
    assert titles[-1] == "Harbour cranes return to the old port"
    assert len(titles) == 3


def test_markup_in_a_chat_never_reaches_the_page_as_tags():
    hostile = ANDROID.replace("Three house rules", "<script>alert(1)</script><img src=x onerror=alert(2)> Three house rules")
    article = split_text(hostile, "hostile.txt").articles[0]
    shown = render_body(article.body, ()).html
    assert "<img" not in shown and "<script" not in shown and "house rules" in shown


HEADLINE = st.lists(st.sampled_from("street party road closure notice found cat meeting agenda".split()),
                    min_size=2, max_size=6).map(lambda w: " ".join(w).capitalize())
LINE = st.lists(st.sampled_from("the committee will meet on tuesday in the hall and all are welcome".split()),
                min_size=6, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
SENDER = st.sampled_from(["Priya Raman", "Tom Gallo", "Grace Osei-Bonsu"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(SENDER, st.one_of(st.none(), HEADLINE), st.lists(LINE, min_size=1, max_size=3)),
                min_size=3, max_size=8))
def test_every_notice_is_one_article_and_every_line_is_owned_once(messages):
    lines = []
    for minute, (sender, headline, text) in enumerate(messages):
        stamp = f"03/03/2025, 08:{minute:02d} - {sender}: "
        lines += [stamp + f"*{headline}*", *text] if headline else [stamp + "Thanks, see you there"]
    result = assert_accounted_once("\n".join(lines) + "\n", "chat.txt")
    assert [(a.title, a.authors) for a in result.articles] == [(h, (s,)) for s, h, _ in messages if h]
