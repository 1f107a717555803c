"""clean: entity debris, invisible lines and page furniture, one line at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split.clean import (
    GLUED_SEPARATOR,
    WEB_DEBRIS,
    clean_line,
    follow_name,
    glued_separator,
    is_invisible,
    is_separator,
    line_debris,
    repair_entities,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("started everything off by&nbsp, declaring&nbsp, that", "started everything off by declaring that"),
        ("in its&nbsp,” special&nbsp, operation” &nbsp, are", "in its ” special operation” are"),
        ("DMZ terms &amp, peacekeeper roles", "DMZ terms & peacekeeper roles"),
        ("R&amp;D spending", "R&D spending"),
        ("the firm&#8217;s third", "the firm’s third"),
        ("&quot;and not the last&quot;, it said", '"and not the last", it said'),
        ("a&nbsp b", "a b"),
        ("Gibson, Dunn & Crutcher and M&A and AT&T", "Gibson, Dunn & Crutcher and M&A and AT&T"),
        ("Q&As, S&P 500, P&G", "Q&As, S&P 500, P&G"),
        ("odd  spacing  stays", "odd  spacing  stays"),
        ("&unknownentity; stays", "&unknownentity; stays"),
    ],
)
def test_repair_entities_changes_only_the_debris(raw, clean):
    assert repair_entities(raw) == clean


def test_clean_line_strips_outer_white_space_of_every_kind():
    assert clean_line("\u00a0 Digital Edge announces leadership updates\u00a0") == "Digital Edge announces leadership updates"
    assert clean_line("\ufeff\u200bTitle\u200b") == "Title"
    assert clean_line("  • item") == "• item"
    assert clean_line("&nbsp,") == ""


def test_a_text_browsers_number_before_the_one_link_of_a_line_goes():
    assert clean_line("   [24]Unplanned unavailability - Maasvlakte Noord unit 2 (1,070 MW)") == (
        "Unplanned unavailability - Maasvlakte Noord unit 2 (1,070 MW)")
    assert clean_line("[3]Home [4]Findings [5]Coroners") == "[3]Home [4]Findings [5]Coroners"  # a menu row: its links stay marked
    assert clean_line("* [15]Introduction") == "* [15]Introduction"  # a contents line's
    assert clean_line("[1] Smith, J. (2020). Tides.") == "[1] Smith, J. (2020). Tides."  # a reference's number
    assert clean_line("By [11]Teresita Villanueva-Ocampo") == "By [11]Teresita Villanueva-Ocampo"


@pytest.mark.parametrize("raw", ["\u00a0", "\u00a0 ", "&nbsp,", " &nbsp; ", "\u200b"])
def test_invisible_lines(raw):
    assert is_invisible(raw)


@pytest.mark.parametrize("raw", ["", "   ", "\t", "text"])
def test_blank_or_text_lines_are_not_invisible(raw):
    assert not is_invisible(raw)


@pytest.mark.parametrize(
    "line", ["Continue Reading", "Read More", "Read more »", "You May Also Like", "Related Articles", "Keep reading…", "More from Asia Times",
             "More essays in Property and Family", "More posts", "More letters", "More reviews of new fiction",
             "Also in the newsroom", "Elsewhere on the site", "Other news", "More like this",
             "Lire la suite »", "Weiterlesen →", "Darllen mwy / Read more", "Leer más / Read more →", "Czytaj dalej"]
)
def test_separators(line):
    assert is_separator(line)


@pytest.mark.parametrize("line", ["Continue reading the report, analysts said.", "Related questions remain open.", "More to come",
                                  "More posts in the network. That is the plan.", "Also in this issue", "Also on this day",
                                  "Lire la suite du rapport, a-t-il dit.", "Read more / less"])
def test_sentences_are_not_separators(line):
    assert not is_separator(line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this article", "web debris"),
        ("Advertisement", "web debris"),
        ("Twitter", "web debris"),
        ("5 min read", "web debris"),
        ("Subscribe now", "web debris"),
        ("Follow us on Instagram", "web debris"),
        ("Read more: Why India keeps its rice at home", "link to another article"),
        ("Related: Thailand’s farmers pray for rain", "link to another article"),
        ("Read the original article.", "link to the original"),
        ("♥ 1,204 likes", "web debris"),  # a reaction count under a reader's review
        ("3 Likes", "web debris"),
        ("👍 14", "web debris"),
    ],
)
def test_line_debris(line, reason):
    assert line_debris(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices rose on Monday.",
        "Image: Scatter Lab",  # a caption is flagged, not removed
        "YouTube video",  # embedded media is flagged, not removed
        "Read: the rules say that every company must report its emissions. It is a long list. It goes on. And on.",
        "3 people liked the plan, and 40 did not.",
    ],
)
def test_text_is_not_debris(line):
    assert line_debris(line) is None


def test_follow_line_names_the_author():
    assert follow_name("Follow William Pesek on X at @WilliamPesek") == "William Pesek"
    assert follow_name("Follow Jane Hill on Twitter @janehill") == "Jane Hill"
    assert follow_name("Follow the money, he said.") is None


def test_cookie_banners_but_not_sentences_about_sites():
    from sitegen.split.clean import COOKIE

    assert COOKIE.search("We use cookies to improve your experience.")
    assert COOKIE.search("By continuing to browse this site you agree to our cookie policy.")
    assert not COOKIE.search("This site uses solar panels to power the pumps.")
    assert not COOKIE.search("By continuing to use coal, the country risks missing its targets.")


@pytest.mark.parametrize("line", ["Sign up for our newsletter", "Subscribe to The Slow Life", "Get our free daily newsletter"])
def test_newsletter_boxes(line):
    from sitegen.split.clean import is_promo

    assert is_promo(line)


@pytest.mark.parametrize("line", ["Subscribers to the plan paid less than others did.", "Sign language is taught in every school here."])
def test_not_newsletter_boxes(line):
    from sitegen.split.clean import is_promo

    assert not is_promo(line)


@pytest.mark.parametrize("line", [
    "The hall reopens in May. Read More",
    "The hall reopens in May.  CONTINUE READING …",
    "Tickets are free (booking needed) keep reading >>",
    "“We are delighted,” she said.Read more»",
])
def test_a_separator_glued_to_the_text_is_found(line):
    assert glued_separator(line) is not None and glued_separator(line).group(0) == line


@pytest.mark.parametrize("line", ["Read more", "He told me to read more.", "Where to read more about it", "Read More about the plan."])
def test_a_line_that_does_not_end_with_a_glued_separator_has_none(line):
    assert glued_separator(line) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.text(st.sampled_from("aeKkrRdmMoO .!?”)]\t…»→>ſİ\u212a")),  # \u212a: the Kelvin sign, a "k" to re.IGNORECASE
    st.sampled_from(["Read More", "read more", "CONTINUE READING", "Keep Reading", "Keep reading", "ends here.", " ..."]),
), max_size=6).map("".join))
def test_glued_separator_finds_what_the_pattern_finds(line):
    found, expected = glued_separator(line), GLUED_SEPARATOR.match(line)
    assert (found and found.groups()) == (expected and expected.groups())


def test_an_audio_players_buttons_are_web_debris():
    for line in ("Listen duration 8′ 41″", "Add to playlist", "Download: Ogg MP3 ( 8 MB )", "Play episode", "Download PDF (412 KB)"):
        assert line_debris(line) == "web debris", line
    assert line_debris("Listen to the full programme") is None and line_debris("Download the report") is None


@pytest.mark.parametrize("line", ["Save", "Gift this article", "Save article", "Unlock this story"])
def test_a_paywalled_pages_buttons_are_web_debris(line):
    assert WEB_DEBRIS.match(line)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("*Tom Ashworth · 25 February 2025*", "Tom Ashworth · 25 February 2025"),  # a line all in emphasis
        ("**By Kerryn Tate**", "By Kerryn Tate"),
        ("By **Mikaela Dela Cruz-Santos**", "By Mikaela Dela Cruz-Santos"),  # a name in bold inside the line
        ("### [GW28 blank gameweek: every team's fixture](/tips/gw28)", "### GW28 blank gameweek: every team's fixture"),
        ("[Scout Notes: Asante's numbers](/tips/scout-notes)", "Scout Notes: Asante's numbers"),
        ("* [News](/news)", "* [News](/news)"),  # a list item keeps its marks
        ("***", "***"),  # a rule is no emphasis
        ("* * *", "* * *"),
    ],
)
def test_a_line_all_in_markdown_emphasis_or_a_link_is_read_as_its_words(raw, clean):
    assert clean_line(raw) == clean
