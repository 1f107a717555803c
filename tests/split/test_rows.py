"""rows: short lines printed like their neighbours (a results box, a table, a card of fields)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.split import rows
from sitegen.split.roles import shape
from sitegen.split.rows import keys, marks

BOX = (
    "Gordon Setters",
    "Judge: Mr Roger Hallam (Knutsford)",
    "Dog CC & BOB: Sh Ch Ardnahoe Tam o' Shanter (Mrs F Baird)",
    "Res Dog CC: Wyndhurst Black Watch (Miss S Kerr)",
    "BPIB: Lochview Midnight Piper (Mr A Dunn)",
    "Old English Sheepdogs",
    "Judge: Mrs Carol Venables (Ludlow)",
    "Dog CC & BOB: Ch Bobtail Bay Blue Moon (Mr G Pennock)",
)
TEXT = "The Bull's Head A stay two points clear at the top of the Premier after a 7–2 win over Kettlebrook WMC on Monday night."


def _rows(lines):
    return [bool(found) for found in marks(list(lines), [shape(t or "") for t in lines])]


def test_the_lines_of_a_box_of_fields_are_rows_and_its_head_is_not():
    assert _rows(BOX) == [False, True, True, True, True, False, True, True]


def test_scores_printed_alike_are_rows_and_the_headline_over_text_is_not():
    lines = ("The Globe 4–5 Dosthill Cons", "Fazeley Social 6–3 Red Lion Amington", "Bull's Head keep their cool at the top", TEXT)
    assert _rows(lines) == [True, True, False, False]


def test_fixtures_share_their_small_word():
    assert _rows(("Dosthill Cons v The Anchor", "Kettlebrook WMC v Wilnecote Club")) == [True, True]


def test_running_text_is_never_a_row_and_lines_taken_out_are_skipped():
    assert _rows((TEXT, TEXT)) == [False, False]
    assert _rows(("Class 1, Three onions: 1st K. Arbuthnot", None, "Class 2, Heaviest onion: 1st K. Arbuthnot")) == [True, False, True]


def test_the_keys_of_a_line():
    assert keys("Class 12, Five tomatoes: 1st J. Hollis") == ("w:class", "s:N,:N.")
    assert keys("Res Dog CC: Wyndhurst Black Watch (Miss S Kerr)") == ("label", "w:res", "s::()")
    assert keys("Dosthill Cons v The Anchor") == ("w:dosthill", "l:v")
    assert keys("Headline") == ()


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("aZ_09 \t\x1c'&’-.,:()/|é"), max_size=12))
def test_an_ascii_lines_skeleton_is_read_without_the_pattern_as_the_pattern_reads_it(text):
    if text.isascii():
        assert text.translate(rows._ASCII_SKELETON) == rows._SKELETON.sub("", text)
