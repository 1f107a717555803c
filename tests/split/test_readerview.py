"""readerview: a page saved from a browser's reader view is one article from its headline down."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import split_text, tagger
from sitegen.split.roles import Role, classify, shape
from sitegen.split.readerview import head
from sitegen.split.text import Block
from tests.split_support import StartsAt


ROUND_UP = (
    "cellarboard.example",
    "New on the shelf: spring's launches, from sea-buckthorn gin to vermouth",
    "Nadia Frost",
    "7–9 minutes",
    "Our monthly round-up of new spirits and wines landing with wholesalers and independent retailers.",
    "Kestrel Point Sea-Buckthorn Gin",
    "Kestrel Point's third gin is distilled on the coast with sea-buckthorn picked on the dunes. It is sharp and tropical.",
    "RRP £36, 70cl, 41% ABV",
    "Quinta da Leira Tinto 2023",
    "A Douro field blend from old vines above Pinhão, bottled without oak. Fresh, floral and unusually light.",
    "RRP £19",
    "Verde Zero Rosso",
    "A £9 alcohol-free vermouth built on a base of dealcoholised Sicilian wine with gentian and orange peel.",
)
RELATED = (
    "You might also like",
    "The low-and-no boom: what the figures say",
    "Sales of alcohol-free beer rose again last year, but spirits alternatives are stalling.",
    "By Tom Avery",
)
PRODUCTS = ("Kestrel Point Sea-Buckthorn Gin", "Quinta da Leira Tinto 2023", "Verde Zero Rosso")


def split(lines: Sequence[str], *starts: str):
    with tagger.using(StartsAt(*starts)):
        return split_text("\n\n".join(lines) + "\n", "dump.txt")


def test_a_reader_views_sections_are_one_article_under_its_headline() -> None:
    result = split(ROUND_UP, *PRODUCTS)
    assert [a.title for a in result.articles] == [ROUND_UP[1]]
    article = result.articles[0]
    assert article.authors == ("Nadia Frost",)
    assert "Verde Zero Rosso" in article.body and "Kestrel Point" in article.body
    assert any("reader view" in why for _, why in article.review)  # the join is flagged for review


def test_what_the_page_adds_under_the_article_stays_apart() -> None:
    result = split(ROUND_UP + RELATED, *PRODUCTS, RELATED[1])
    titles = [a.title for a in result.articles]
    assert titles[0] == ROUND_UP[1]
    assert "The low-and-no boom: what the figures say" in titles[1:]
    assert "low-and-no" not in result.articles[0].body


def test_without_the_reading_time_the_sections_are_cut_as_the_decision_says() -> None:
    no_time = tuple(line for line in ROUND_UP if line != "7–9 minutes")
    assert len(split(no_time, *PRODUCTS).articles) == 4


def test_the_headline_printed_again_under_the_reading_time_starts_the_article() -> None:
    lines = (
        "vantagemag.example",
        "From the archive: The Monday crowds of Leipzig | The Vantage",
        "14–18 minutes",
        "FROM THE ARCHIVE",
        "The Monday crowds of Leipzig",
        "Thirty-five years ago this week the Berlin Wall fell. We republish her dispatch as it was printed.",
        "By Hanna Sokolowski",
        "The crowd gathered at the Nikolaikirche after the prayers, and by six the ring road was full.",
    )
    result = split(lines)
    assert [a.title for a in result.articles] == ["The Monday crowds of Leipzig"]
    assert result.articles[0].source.lines[0] == 9  # its dump line: the headline printed again


def _head(lines: Sequence[str]) -> int | None:
    blocks = tuple(Block(2 * k + 1, text) for k, text in enumerate(lines))
    roles = classify(list(lines), None, [shape(t) for t in lines])
    return head(blocks, roles, ())


def test_a_reading_time_needs_a_headline_over_it_once() -> None:
    assert _head(ROUND_UP) == 1
    assert _head(("Cook time", "25 minutes", "Heat the oven to 200C and butter a deep dish, then slice the potatoes thinly.")) is None
    listing = ("Three walks for a wet weekend", "Ana Ruiz", "4 minutes", "Where to go when it rains.",
               "The best pubs with a fire", "Tom Avery", "6 minutes", "Ten pubs to dry off in.")
    assert _head(listing) is None  # each teaser's reading time: a listing, not one article
    assert Role.BODY not in classify([ROUND_UP[1]], None, [shape(ROUND_UP[1])])
