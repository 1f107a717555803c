"""Messages saved with their headers (a mailbox, a list's digest, an echomail export) are read by their fields."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markdown import render_body
from sitegen.model import ArticleKind
from sitegen.split import split_text
from tests.split_support import assert_accounted_once, titles_after_cut

MBOX = """\
From wanjiru@kopapay.example Mon Feb  3 11:12:40 2025
Date: Mon, 3 Feb 2025 11:12:40 +0300
From: Wanjiru Kamau <wanjiru@kopapay.example>
Subject: [Kopa-investors] January update: M-Pesa integration
\tlive, runway 19 months
To: kopa-investors@lists.kopapay.example
Message-ID: <CAF3x9QeL2k1@mail.kopapay.example>

Hi all,

Short version: the direct M-Pesa integration went live on 21 January,
monthly transaction volume rose by a quarter, and runway is 19 months
at current burn.

Merchants now see payments settle in under two minutes instead of the
next day, and activation of new merchants in their first week rose.

Wanjiru Kamau
CEO, Kopa Pay

From rahul@ghatcapital.example Mon Feb  3 16:40:05 2025
Date: Mon, 3 Feb 2025 16:40:05 +0530
From: Rahul Mehta <rahul@ghatcapital.example>
Subject: Re: [Kopa-investors] January update: M-Pesa integration
\tlive, runway 19 months
To: kopa-investors@lists.kopapay.example

Congratulations on the integration. Happy to share our scoring
framework. Will email you separately.

Rahul

> Hi all,
>
> Short version: the direct M-Pesa integration went live on 21 January,

From baraka@kopapay.example Tue Feb 11 09:05:51 2025
Date: Tue, 11 Feb 2025 09:05:51 +0300
From: Baraka Otieno, COO <baraka@kopapay.example>
Subject: Re: [Kopa-investors] January update: M-Pesa integration
\tlive, runway 19 months
To: kopa-investors@lists.kopapay.example

Rahul Mehta wrote:
> Happy to share our scoring framework.

Thank you Rahul. For everyone else on the list: the scoring model we
paused in December will be rebuilt on the new transaction data, and
we expect to restart lending to a first group of sixty merchants in
April if the late-payment rate of the new model holds under five per
cent in the back test we are running now.

Baraka
"""

ECHO = """\
============================================================================
 MODEL_RAIL              Model railroading, all scales                 FidoNet
============================================================================
 Msg  : 412 of 436
 From : Harlan Whitcomb                      1:2320/105      Sat 01 Mar 25 21:14
 To   : All
 Subj : Sound decoders in older Atlas engines
============================================================================
@MSGID: 1:2320/105 67c3a1f2
@TZUTC: -0500
Hello All!

I've got three Atlas GP38-2s from the early 90s and I'd like to put
sound in at least one of them before the club open house in May.

Has anybody here done one?

Harlan

--- GoldED+/LNX 1.1.5-b20240302
 * Origin: Rails & Ales BBS - Louisville KY (1:2320/105)
SEEN-BY: 1/19 120 123 2320/0 100 105 3634/12
@PATH: 2320/105 100 3634/12
"""

NEWSLETTER = """\
From: Harbourside Commodities Research <research@harbourside.example>
To: softs-morning-call@lists.harbourside.example
Subject: SOFTS MORNING CALL - Fri 14 Mar 2025
Date: Fri, 14 Mar 2025 07:02:11 +0000

Trouble reading this email? View it in your browser:
https://research.harbourside.example/softs/2025-03-14

COCOA: GRINDINGS FEAR RETURNS AHEAD OF Q1 DATA

Cocoa gave back most of Wednesday's rally as traders positioned for first-quarter grind figures next month.

Chocolate makers have been working through forward cover bought at lower prices, and several are cutting pack sizes.

COFFEE: ARABICA FIRMS ON BRAZIL DRYNESS

Arabica rose for a third session as forecasts for Minas Gerais showed no meaningful rain before the end of the month.

Roasters said they were covered into the summer and were buying only on dips below the recent range.
"""

FORWARD = """\
From: Ken Adebayo <ken.adebayo@example.net>
Sent: Monday, 10 March 2025 08:14
To: hillside-friends-wider@lists.example.org
Subject: FW: Hillside Local Meeting newsletter - March 2025

Dear Friends,

Forwarding this for those who aren't on the Area Meeting list. Apologies if you get it twice.

Ken

________________________________
From: Hillside Local Meeting <newsletter@hillsidequakers.example>
Sent: 07 March 2025 17:02
To: Ken Adebayo <ken.adebayo@example.net>
Subject: Hillside Local Meeting newsletter - March 2025

View this email in your browser <https://hillsidequakers.example/newsletter/2025-03>

Sanctuary Meeting: one year on

A year ago this month our meeting agreed to become a sanctuary meeting, and much has happened since then.

Eleven Friends have trained as befrienders, and the drop-in on Thursday mornings now sees twenty visitors a week.
"""


def test_each_message_is_an_article_titled_by_its_subject_and_written_by_its_sender():
    result = assert_accounted_once(MBOX, "list.mbox")
    update, answer = result.articles  # the short reply is a comment
    assert update.title == "January update: M-Pesa integration live, runway 19 months"  # folded, the list's tag off
    assert update.authors == ("Wanjiru Kamau",)
    assert update.date == dt.date(2025, 2, 3)
    assert update.kind is ArticleKind.ARTICLE
    assert update.source.lines == (2, 19)  # from its first header field to its signature
    assert "went live on 21 January, monthly transaction volume" in update.body  # its wrapped lines joined
    assert "Message-ID" not in update.body and "kopa-investors@" not in update.body
    assert answer.title == "Re: January update: M-Pesa integration live, runway 19 months"  # a reply with text of its own
    assert answer.authors == ("Baraka Otieno",)  # the sender's role after a comma is no name
    assert "restart lending to a first group" in answer.body
    comment = {d.line: d.reason for d in result.debris}
    assert "a comment" in comment[24] and "a comment" in comment[28]  # the short reply, header and text
    assert "tail" in comment[33]  # the text it quotes after its signature


def test_a_raw_mails_encoded_subject_and_sender_are_decoded():
    raw = (MBOX.replace("Subject: [Kopa-investors] January update: M-Pesa integration\n\tlive, runway 19 months",
                        "Subject: =?UTF-8?Q?[Kopa-investors]_January_update:_M-Pesa_integration?=\n"
                        "\t=?UTF-8?Q?_live,_runway_19_months_=E2=80=93_caf=C3=A9_pilot?=", 1)
           .replace("From: Wanjiru Kamau <wanjiru@kopapay.example>", "From: =?utf-8?b?V2Fuaml0w7ogS2FtYXU=?= <wanjiru@kopapay.example>", 1))
    update = assert_accounted_once(raw, "list.mbox").articles[0]
    assert update.title == "January update: M-Pesa integration live, runway 19 months – café pilot"
    assert update.authors == ("Wanjitú Kamau",)
    broken = MBOX.replace("Subject: [Kopa-investors] January update", "Subject: =?x-unknown?Q?January?= update", 1)
    assert assert_accounted_once(broken, "list.mbox").articles[0].title.startswith("=?x-unknown?Q?January?= update")


def test_an_echomail_message_ends_before_its_tear_origin_and_kludge_lines():
    result = assert_accounted_once(ECHO, "echo.txt")
    (message,) = result.articles
    assert message.title == "Sound decoders in older Atlas engines"
    assert message.authors == ("Harlan Whitcomb",)  # the address and the date on the sender's row are no name
    assert message.source.lines == (5, 18)
    assert "MSGID" not in message.body and "Origin" not in message.body and "SEEN-BY" not in message.body
    assert {d.line for d in result.debris} >= {9, 10, 20, 21, 22, 23}


def test_a_newsletter_in_a_message_is_split_as_text_into_its_items():
    result = split_text(NEWSLETTER, "call.eml")
    titles = [a.title for a in result.articles]
    assert "SOFTS MORNING CALL - Fri 14 Mar 2025" not in titles  # the subject is the issue's, not an item's
    assert any(t.startswith("COCOA") for t in titles) and any(t.startswith("COFFEE") for t in titles)


def test_a_forwarding_note_is_no_item_and_the_message_it_forwards_is_read():
    result = assert_accounted_once(FORWARD, "fw.eml")
    assert all("Forwarding this" not in a.body for a in result.articles)
    assert [a.title for a in result.articles] == ["Sanctuary Meeting: one year on"]
    assert "forwarding" in {d.line: d.reason for d in result.debris}[8]


def test_text_after_a_message_from_elsewhere_is_still_split():
    assert titles_after_cut(ECHO + "\n") == ["Sound decoders in older Atlas engines", "Harbour cranes return to the old port"]


def test_a_message_header_quoted_in_a_text_is_no_message():
    text = ("Harbour cranes return to the old port\n\nBy Maria Costa\n\n"
            "The cranes came back on Monday after four years of repairs and the first ships docked at dawn.\n\n"
            "Date: Monday\nTo: the harbour master\n\n"
            "Dock workers say the port will need another hundred hands by the summer if the new routes open.\n")
    (article,) = split_text(text, "page.txt").articles
    assert article.title == "Harbour cranes return to the old port"
    assert "To: the harbour master" in article.body


def test_markup_in_a_message_never_reaches_the_page_as_tags():
    hostile = MBOX.replace("January update: M-Pesa integration\n", "<script>alert(1)</script> update\n", 1).replace(
        "Hi all,", "Hi all, <img src=x onerror=alert(2)>", 1)
    article = split_text(hostile, "hostile.mbox").articles[0]
    assert article.title.startswith("<script>")  # kept as words: escaped where it is shown
    shown = render_body(article.body, ()).html
    assert "<img" not in shown and "<script" not in shown


SUBJECT = st.text(st.characters(whitelist_categories=("L", "N", "Zs"), whitelist_characters="&<>'-:"),
                  min_size=3, max_size=40).filter(lambda t: sum(c.isalpha() for c in t) >= 3 and t == t.strip()
                                                  and " " not in t and not t.lower().startswith(("re", "fw", "tr")))
SENDER = st.sampled_from(["Wanjiru Kamau", "Rahul Mehta", "Noreen Fahy", "Harlan Whitcomb", "Bettina Kühn"])
SENTENCE = st.lists(st.sampled_from("the merchants paid on time and the pilot went well in March".split()),
                    min_size=8, max_size=16).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(SUBJECT, SENDER, st.lists(SENTENCE, min_size=1, max_size=3)), min_size=1, max_size=5))
def test_every_message_is_one_article_and_every_line_is_owned_once(messages):
    lines = []
    for subject, sender, paragraphs in messages:
        lines += [f"From {sender.split()[0].lower()}@example.org Mon Feb  3 11:12:40 2025", f"From: {sender} <x@example.org>",
                  f"Subject: {subject}", "Date: Mon, 3 Feb 2025 11:12:40 +0300", "", "Hi all,", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines += [sender.split()[0], ""]
    result = assert_accounted_once("\n".join(lines), "box.mbox")
    assert [(a.title, a.authors) for a in result.articles] == [(" ".join(s.split()), (n,)) for s, n, _ in messages]


def test_a_header_over_a_text_longer_than_any_message_gives_the_text_on(monkeypatch):
    from sitegen.split import messages

    monkeypatch.setattr(messages, "MESSAGE_MAX", 4)
    result = assert_accounted_once(ECHO, "echo.txt")
    assert all(a.title != "Sound decoders in older Atlas engines" for a in result.articles)  # read as text, not lost


SECTIONED = """\
From: Tomasz Wrobel <tomasz@foodshare.example>
To: undisclosed-recipients:;
Subject: Weekly update - warehouse move, safeguarding
Date: Mon, 17 Mar 2025 18:40:02 +0000

Hi all,

Quite a long one this week, sorry. Please read the first bit even if you
skip the rest.

WAREHOUSE MOVE: WHAT YOU NEED TO KNOW
=====================================

From Monday 31 March we will be sorting and packing at our new unit on the
Hadrian Trade Park. The old church hall closes after the Saturday shift.

SAFEGUARDING REFRESHER
======================

All volunteers who do home deliveries must complete the online safeguarding
refresher by 30 April. Gill can book you onto a paper session instead.
"""


def test_a_persons_message_of_underlined_sections_is_split_into_them():
    result = split_text(SECTIONED, "update.eml")
    assert [a.title for a in result.articles] == ["WAREHOUSE MOVE: WHAT YOU NEED TO KNOW", "SAFEGUARDING REFRESHER"]
    one = SECTIONED.replace("SAFEGUARDING REFRESHER\n======================\n", "")
    assert [a.title for a in split_text(one, "update.eml").articles] == ["Weekly update - warehouse move, safeguarding"]  # one heading: a letter


RELAYED_NEWSLETTER = """\
Return-Path: <bounce-7713@mail.harcourt-metals.example>
Received: from mta12.harcourt-metals.example (mta12.harcourt-metals.example [198.51.100.24])
\tby mx.fieldmail.example with ESMTPS id 4Xk2pQ0v; Tue, 11 Mar 2025 06:02:41 +0000
DKIM-Signature: v=1; a=rsa-sha256; d=harcourt-metals.example; s=mk1; h=from:subject:date;
\tbh=Jd8cX0pZ3rF1W9q+Lw==; b=kP0aQ7
From: Harcourt Metals Research <research@harcourt-metals.example>
To: research@fieldmail.example
Subject: Base Metals Morning Note
Date: Tue, 11 Mar 2025 06:02:33 +0000

HARCOURT METALS RESEARCH
Base Metals Morning Note

** COPPER: Alcaparra strike talk lifts the curve

Copper rallied overnight as the union at the Alcaparra mine said talks had broken down, and the
spread between the nearby and three-month contracts widened to its most since January.

Marisol Ibarra, Senior Analyst

** NICKEL: Indonesian quota cuts, real or rhetoric?

The ministry's hint at lower ore quotas for next year moved prices less than it used to, and
the market is right to doubt it until the numbers are published in the official gazette.

Tobias Renner, Analyst
"""


def test_the_header_of_a_newsletter_split_as_text_is_the_messages_not_an_item():
    result = split_text(RELAYED_NEWSLETTER, "note.eml")
    assert [a.title for a in result.articles] == ["COPPER: Alcaparra strike talk lifts the curve",
                                                  "NICKEL: Indonesian quota cuts, real or rhetoric?"]
    header = {d.line: d.reason for d in result.debris if d.line <= 9}
    assert sorted(header) == [1, 2, 3, 4, 5, 6, 7, 8, 9] and all("header" in why for why in header.values())
