"""The characters a pattern's matches begin with, and the faster search built on them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import boundary, clean, dates, furniture, meta, roles
from sitegen.split.firsts import Folded, first_characters, initialled, lower_safe
from sitegen.split.text import may_hold
from tests.split_support import corpus_lines


@pytest.mark.parametrize(("pattern", "flags", "first"), [
    (r"\b(?:images?|photos?|videos?)\b", re.IGNORECASE, "ipv"),
    (r"#|>|www\.|https?://|(?:from|to|cc):\s", 0, "#>wfthc"),
    (r"a?b", 0, "ab"),  # an optional first character lets the next begin a match
    (r"(?=x)[a-c]z", 0, "abc"),  # a lookahead begins nothing
    (r"©|\bcopyright\b", re.IGNORECASE, "©c"),
    (r"\b\d{1,2} (?:jan|feb)|\b(?:19|20)\d\d", re.IGNORECASE, ["\\d", "1", "2"]),  # a digit stays a class
])
def test_the_first_characters_are_read_from_the_pattern(pattern, flags, first):
    assert first_characters(pattern, flags) == frozenset(first)


@pytest.mark.parametrize("pattern", [r"a*", r"\w+x", r".b", r"[^a]b", r"(?i:a)b", r"x?|y", r"[\x00-\uffff]", r"\s+x", r"\D"])
def test_a_pattern_that_can_begin_anywhere_or_match_nothing_has_no_first_characters(pattern):
    assert first_characters(pattern) is None


PATTERNS = [
    (r"\b(?:images?|photos?|photographs?|pictures?)\b", re.IGNORECASE),
    (r"\b(?:Reg(?:istered)?|vat) (?:no|number)\b|©", re.IGNORECASE),
    (r"(?:from|to|cc|subject):\s|#|www\.", re.IGNORECASE),
    (r"\b[A-Z][a-z]+ (?:Smith|Jones)\b", 0),
    (dates.IN_LINE, re.IGNORECASE),  # a date inside a line: its matches begin with a digit or a month's first letter
    (r"\b\d{1,2}:\d\d|\bnoon\b", re.ASCII),
]
TEXT = st.one_of(st.text(st.sampled_from("aeiouprstghnmPRISTVWKſİı©#.: \n0129٣/-")),
                 st.sampled_from(["photo", "Reg no", "REGISTERED VAT number", "from: ", "Images", "Ann Smith", "www.", "4 Jan", "May 12, 2026", "2026-03-04", "12/6/25"]))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.lists(TEXT, max_size=8).map("".join))
def test_the_faster_search_finds_what_the_pattern_finds(case, text):
    pattern, flags = case
    plain, fast = re.compile(pattern, flags), initialled(pattern, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(("words", "pattern"), [
    (clean._COOKIE_WORDS, clean.COOKIE),
    (furniture._FOOTER_WORDS, furniture._FOOTER),
    (furniture._PROMO_WORDS, furniture._PROMO),
    (furniture._COMMENTS_WORDS, furniture._COMMENTS),
    (boundary._RIGHTS_WORDS, boundary._RIGHTS),
    (dates.RELATIVE_WORDS, dates._RELATIVE),
    (meta._CONTRIBUTED_WORDS, meta._CONTRIBUTED),
], ids=["cookie", "footer", "promo", "comments", "rights", "relative-date", "contributed"])
def test_every_line_a_search_would_match_holds_one_of_the_words_that_let_it_be_searched(words, pattern):
    # the words are a cheap first test kept by hand beside each pattern: a word added to the
    # pattern and not to them would go unseen on every ASCII line
    missed = [line for line in corpus_lines() if not may_hold(line, words) and pattern.search(line)]
    assert missed == []


GUARDED = [
    (clean._COOKIE_WORDS, clean.COOKIE), (furniture._FOOTER_WORDS, furniture._FOOTER), (furniture._PROMO_WORDS, furniture._PROMO),
    (furniture._COMMENTS_WORDS, furniture._COMMENTS), (boundary._RIGHTS_WORDS, boundary._RIGHTS), (dates.RELATIVE_WORDS, dates._RELATIVE),
    (meta._CONTRIBUTED_WORDS, meta._CONTRIBUTED),
]
PIECES = st.one_of(
    st.sampled_from([w for words, _ in GUARDED for w in words] + ["mentions légales", "MENTIONS LÉGALES", "we use cookies", "3 days ago"]),
    st.text(st.sampled_from("aceiklnorsuyACEIKLNORSUY ſİıK©é’-:()0123\n"), max_size=6),
).map(lambda piece: piece.upper() if len(piece) % 3 == 0 else piece)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(GUARDED), st.lists(PIECES, max_size=6).map("".join))
def test_a_line_of_any_characters_a_guarded_search_would_match_holds_one_of_its_words(case, text):
    # lines not in ASCII too: letters of other alphabets, "©", and the characters a case-insensitive
    # search reads as ASCII letters ("ſ" as an "s"), with which `may_hold` lets every line be searched
    words, pattern = case
    assert not pattern.search(text) or may_hold(text, words)


def test_the_faster_search_of_a_date_inside_a_line_finds_what_the_pattern_finds_on_every_corpus_line():
    plain = re.compile(dates.IN_LINE, re.IGNORECASE)
    missed = [line for line in corpus_lines() if (m := plain.search(line)) and m.span() != dates._IN_LINE.search(line).span()]
    assert missed == [] and not [line for line in corpus_lines() if not plain.search(line) and dates._IN_LINE.search(line)]


def test_every_line_a_date_pattern_reads_has_a_year_of_four_digits():
    # date_of tries its patterns only on a line with four digits in a row
    missed = [line for line in corpus_lines() if not dates._YEAR.search(line) and any(p.match(line.strip()) for p in dates._PATTERNS)]
    assert missed == []


def test_every_by_line_the_lead_patterns_read_says_by_where_they_look_for_it():
    # by_line_names tries its pattern only on a line with one of its words near the start, and the
    # "Written by", "Posted by" and "Reported by NAME" patterns only on a line that says " by"
    lines = corpus_lines()
    assert [line for line in lines if meta._BY_LINE.match(line) and not may_hold(line[: meta._BY_LINE_REACH], meta._BY_LINE_WORDS)] == []
    said = [line for line in lines if roles._WRITTEN_BY.match(line) or roles._POSTED_BY.match(line) or roles._ROLE_BY.match(line)]
    assert said and all(" by" in line.lower() for line in said)


FOLDED = [meta._ROLE, meta._POST, meta._ORGANISATION, meta._INSTITUTION, meta._MORE_GROUPS, roles._JOB, roles._WEB_WORDS, clean.COOKIE,
          clean.PROMO_WORDS]
FOLDED_TEXT = st.one_of(
    st.text(st.sampled_from("aeiouprstghnmkPRISTVWKſİı©#.:- \n0129٣/é’Σσς")),
    st.sampled_from(["Senior Lecturer", "EDITOR", "Associated Press", "Durham University", "we use COOKIES", "Staff Writer",
                     "newsletter", "Bristol Museums", "Professor of History"]),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FOLDED), st.lists(FOLDED_TEXT, max_size=6).map("".join))
def test_a_folded_search_finds_what_the_case_insensitive_pattern_finds_where_it_finds_it(pattern, text):
    found, plain = pattern.search(text), pattern.pattern.search(text)
    assert (found and found.span()) == (plain and plain.span())


def test_a_folded_search_finds_what_the_case_insensitive_pattern_finds_on_every_corpus_line():
    lines = corpus_lines()
    for pattern in FOLDED:
        assert [line for line in lines if bool(pattern.search(line)) != bool(pattern.pattern.search(line))] == []


@pytest.mark.parametrize(("pattern", "safe"), [
    (r"\b(?:writer|editor)s?\b", True), (r"©\s*\d{4}", True), (r"[a-z]+ and [^,]", True),
    (r"\bCC-BY\b", False),  # a capital: read case-insensitively it is "cc-by" too
    (r"[A-Z]\w+", False), (r"mentions légales", False),  # a cased letter outside ASCII: its case pairs are not checked
    (r"(?-i:x)y", False), (r"(a)\1", False),  # a group with other flags, a reference back
])
def test_only_a_pattern_that_reads_no_capital_is_searched_lower_cased(pattern, safe):
    assert lower_safe(pattern) is safe
    if not safe:
        with pytest.raises(ValueError):
            Folded(pattern)
