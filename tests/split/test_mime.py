"""A raw e-mail's MIME encoding is undone: quoted-printable and base64 text read as its reader saw it."""

from __future__ import annotations

import base64
import quopri

from sitegen.split import split_text, tagger
from tests.split_support import FirstOnly, assert_accounted_once

PLAIN = """\
Boiler service reminders go out this week

From 1 October the price cap set by the regulator rises by 1.2%, which for a typical customer paying by Direct Debit works out at about £20 more a year, and your standing charges stay the same.

We have already recalculated your monthly Direct Debit, and it won't change this time. If you would rather pay a different amount, you can change it in the app at any time — just ask.
"""
HTML = "<html><head><title>Update</title></head><body><h1>Boiler service reminders go out this week</h1><p>From 1 October…</p></body></html>"


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _b64(text: str) -> str:
    return base64.encodebytes(text.encode("utf-8")).decode("ascii")


def _message(*parts: tuple[str, str, str]) -> str:
    head = """\
From: Northmoor Energy <hello@northmoor.example>
To: sam@inbox.example
Subject: Your October update
Date: Thu, 25 Sep 2025 07:02:11 +0100
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_b1f0"

This is a multi-part message in MIME format.

"""
    body = "".join(f"--=_b1f0\nContent-Type: {kind}; charset=UTF-8\nContent-Transfer-Encoding: {encoding}\n\n{text}\n" for kind, encoding, text in parts)
    return head + body + "--=_b1f0--\n"


def test_quoted_printable_text_is_decoded_and_its_broken_lines_joined():
    encoded = _qp(PLAIN)
    assert "=C2=A3" in encoded and "=\n" in encoded  # the mail program broke lines and wrote bytes out
    dump = _message(("text/plain", "quoted-printable", encoded), ("text/html", "base64", _b64(HTML)))
    result = assert_accounted_once(dump, "update.eml")
    [article] = result.articles
    assert article.title == "Boiler service reminders go out this week"
    assert "about £20 more a year, and your standing charges stay the same." in article.body
    assert "it won't change this time. If you would rather pay" in article.body
    assert "=" not in article.body and "\x00" not in article.body
    lines = dump.split("\n")
    last = max(n for n, line in enumerate(lines, 1) if "just ask" in line)
    assert article.source.lines[1] == last  # the article runs to the last line its text came from
    assert {d.reason for d in result.debris if d.text.startswith(("PGh0bWw", "--=_b1f0", "Content-Transfer"))} == {
        "a message's HTML copy of its plain text", "a message's MIME structure: a part's boundary or its header fields"}


def test_a_character_cut_by_a_soft_break_comes_out_whole():
    text = "Our engineers visited " + "the estate on Tuesday and fitted new meters " * 2 + "for £20 each, café included and a great deal more besides."
    encoded = _qp(text)
    cut = encoded.index("=C2=A3")
    encoded = encoded[: cut + 3] + "= \n" + encoded[cut + 3 :]  # the break between the two bytes of "£" (a space after it, as servers add)
    dump = _message(("text/plain", "quoted-printable", "Meters fitted on the estate\n\n" + encoded))
    [article] = split_text(dump, "meters.eml").articles
    assert "for £20 each, café included" in article.body


def test_base64_text_is_decoded_and_an_html_only_message_read_from_its_tags():
    dump = _message(("text/plain", "base64", _b64(PLAIN)))
    [article] = assert_accounted_once(dump, "b64.eml").articles
    assert "about £20 more a year" in article.body
    html = "<html><body><h1>Boiler service reminders go out this week</h1>" + "".join(
        f"<p>{p}</p>" for p in PLAIN.split("\n\n")[1:]) + "</body></html>"
    [article] = assert_accounted_once(_message(("text/html", "quoted-printable", _qp(html))), "html.eml").articles
    assert article.title == "Boiler service reminders go out this week"
    assert "about £20 more a year" in article.body and "<p>" not in article.body


def test_an_attachment_is_debris():
    pdf = base64.encodebytes(b"%PDF-1.4 " + bytes(range(256)) * 4).decode("ascii")
    dump = _message(("text/plain", "7bit", PLAIN), ("application/pdf", "base64", pdf)).replace(
        "application/pdf; charset=UTF-8", "application/pdf; name=bill.pdf")
    result = assert_accounted_once(dump, "bill.eml")
    assert [a.title for a in result.articles] == ["Boiler service reminders go out this week"]
    assert "an attachment, base64-encoded" in {d.reason for d in result.debris}


def test_text_that_only_looks_encoded_is_left_as_it_is():
    dump = (
        "Tram line to reach the airport by 2027\n\n"
        "Content-Type: the council's word for what goes on its new signs, says the report, and =C2 is a grid square.\n\n"
        "--=_b1f0\n\n"
        "Engineers expect the line to carry eleven thousand passengers a day once the airport stop opens, the council said =\n"
    )
    with tagger.using(FirstOnly()):  # (the tagger's boundary is not what is tested: one article, read as it is)
        [article] = assert_accounted_once(dump, "tram.txt").articles
    assert "=C2 is a grid square." in article.body and "b1f0" in article.body
    assert article.body.rstrip().endswith("the council said =")


def test_text_under_a_header_that_only_says_it_is_html_is_read_as_it_is():
    lines = ["Content-Type: text/html; charset=utf-8", "", "Tram line to reach the airport by 2027", "",
             "Engineers expect the line to carry eleven thousand passengers a day once the airport stop opens next spring.", "",
             "The council will vote on the last section of track in March, after a consultation that drew nine hundred replies."]
    [article] = assert_accounted_once("\n".join(lines) + "\n", "saved.txt").articles
    assert article.title == "Tram line to reach the airport by 2027"
    assert article.source.lines == (3, 7)
