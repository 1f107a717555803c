"""template: heads of items that share the page's own shape."""

from __future__ import annotations

from sitegen.split.roles import shape
from sitegen.split.template import marks

TEXT = "The school choir sang at the town hall on Friday, and the mayor thanked every one of the forty children."
GOES_ON = "The new timetable starts in May, and every class will go to the"


def _marks(lines: list[str | None], kinds: list[str]) -> list[tuple[str, ...]]:
    return marks(lines, [shape(t or "") for t in lines], kinds)


def test_heads_of_the_same_shape_count_each_other():
    lines = ["Sports Day", TEXT, "Book Fair", TEXT, "Choir News", TEXT]
    found = _marks(lines, ["furniture", "text"] * 3)
    assert found[0] == ("head", "tmpl=2")
    assert found[2] == ("head", "tmpl=2", "tmpl1") and found[4] == ("head", "tmpl=2", "tmpl1")
    assert found[1] == found[3] == ()


def test_a_head_of_another_shape_is_counted_apart():
    lines = ["Sports Day", TEXT, "Book Fair", TEXT, "WHAT THE INSPECTORS SAID ABOUT US", TEXT]
    found = _marks(lines, ["furniture", "text"] * 3)
    assert "tmpl=1" in found[2] and "tmpl=0" in found[4] and "tmpl1" not in found[4]


def test_a_line_after_text_that_goes_on_is_no_head():
    lines = ["Sports Day", TEXT, "Book Fair", GOES_ON, "Choir News", TEXT]
    found = _marks(lines, ["furniture", "text"] * 3)
    assert found[4] == ()


def test_a_line_with_no_text_under_it_is_no_head():
    lines = ["Sports Day", TEXT, "Book Fair", "Choir News"]
    found = _marks(lines, ["furniture", "text", "furniture", "furniture"])
    assert found[2] == () and found[3] == ()
