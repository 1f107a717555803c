"""masthead: a by-line that gives the site's own name, or an entry of its menu, names no writer."""

from __future__ import annotations

import pytest

from sitegen.split import split_text
from sitegen.split.masthead import Masthead
from sitegen.split.roles import Repeats


def _masthead(*lines: str) -> Masthead:
    return Repeats.of_lines(list(lines)).masthead


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (["PORT HILLS PEST FREE  |  Ōtautahi Christchurch"], "Port Hills Pest Free"),  # the masthead's name
        (["Roll Bounce Roller Rink · Leeds"], "Roll Bounce"),  # its start, before a word naming a place
        (["Wickham Park Lawn Tennis Club"], "Wickham Park"),  # … or a club
        (["Tidy Tides Beach Clean Collective"], "Tidy Tides"),  # … or a group
        (["Oak Hollow Barn", "", "The Barn | Weddings | Packages | Real Weddings | Blog"], "Real Weddings"),  # a menu entry
        (["Gamelan Tirta Sari"], "tirtasari"),  # a handle made of its last words run together
    ],
)
def test_names_of_the_site(head, name):
    assert _masthead(*head).names_the_site(name)


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (["Freya Lindgren Photography"], "Freya Lindgren"),  # a person's own studio: she writes its posts
        (["FREYA LINDGREN  |  Jeweller"], "Freya Lindgren"),  # her own site
        (["Hammer & Flame", "Home · Shop · Journal · About"], "Freya Lindgren"),
        (["Rails in the Road"], "Rails"),  # not a whole word run of the name… but a prefix that names no group
        (["Home | News | Events | Contact | Jane Hill"], "Jane"),  # only a whole menu entry counts
        (["Freya Lindgren"], "freyalindgren"),  # a person's own site: her handle is hers
    ],
)
def test_names_that_are_not_the_site(head, name):
    assert not _masthead(*head).names_the_site(name)


def test_only_the_head_of_the_dump_is_read():
    lines = ["Tidy Tides Beach Clean Collective", "Home · Join · Data · Shop", "NEWS", "Redcar beach", "Tidy Tides", "Body"]
    masthead = _masthead(*lines)
    assert masthead.names_the_site("Tidy Tides")
    late = _masthead("One", "Two", "Three", "Four", "Home | News | Blog | Jane Hill | Contact")
    assert not late.names_the_site("Jane Hill")  # a menu far below the head is an article's own row


DUMP = """\
Roll Bounce Roller Rink · Leeds
  HOME | SESSIONS | ROLLER DISCO | LESSONS | BLOG | FIND US

The Rink Blog

Rink floor refinished: what happened and why

Posted by Roll Bounce on 16 November 2026

The floor was sanded back to bare maple over three nights in October, and the new lacquer took a week to cure before anyone could skate on it again.

We are grateful to every skater who put up with the closures and the smell of varnish.

Derby night returns in style

Roll Bounce | Priya Nair

Derby is back on Thursday nights from next month, with a new league table and two visiting teams from Sheffield and York who have promised us a proper contest.

Doors open at seven and the first jam starts at half past.
"""


def test_a_by_line_giving_the_site_names_no_writer_and_one_after_it_names_the_writer():
    articles = split_text(DUMP, "rink.txt").articles
    assert [a.title for a in articles] == ["Rink floor refinished: what happened and why", "Derby night returns in style"]
    assert articles[0].authors == ()
    assert articles[0].byline == "Posted by Roll Bounce on 16 November 2026"  # kept as the by-line, with its date
    assert str(articles[0].date) == "2026-11-16"
    assert articles[1].authors == ("Priya Nair",)


def test_a_person_whose_name_is_the_masthead_still_writes():
    dump = DUMP.replace("Roll Bounce Roller Rink · Leeds", "Ama Owusu Photography · Leeds").replace("Posted by Roll Bounce", "Posted by Ama Owusu")
    assert split_text(dump, "studio.txt").articles[0].authors == ("Ama Owusu",)


def test_the_masthead_printed_again_further_down_is_the_sites():
    head = _masthead("Streetlight", "Cape Town's street newspaper", "Home | Latest issue | Stories | Vendors")
    assert head.again("Streetlight | Cape Town's street newspaper")
    assert not head.again("Streetlight vendors win a national award")  # a headline about it, no separator
    headline = _masthead("Markets today – Asia Times", "Oil prices fell for a third day as stockpiles grew.")
    assert not headline.again("Markets today – Asia Times")  # a story's headline, first in the dump and again
    long = _masthead("Why Wales is turning its back on new roads – Green Transport Weekly", "By Rhys Pemberton")
    assert not long.again("Why Wales is turning its back on new roads – The Valley Observer")  # a headline first: no site's name
    story = "The queue starts at five. By six the shelter's forty beds are taken, and the rest wait outside in the cold."
    dump = "\n\n".join(["Streetlight", "Home | Latest issue | Stories | Vendors", "The 5am queue", story,
                        "Streetlight | Cape Town's street newspaper", "Meet your vendor: Oom Gerrit", story]) + "\n"
    result = split_text(dump, "dump.txt")
    assert "Meet your vendor: Oom Gerrit" in [a.title for a in result.articles]
    assert any(d.text.startswith("Streetlight |") and "masthead" in d.reason for d in result.debris)
