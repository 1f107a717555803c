"""postfeet: a blog post's labels and share rows end no item and start none; on a blog's page an item
is cut under a posting line, the day's heading over a post is the page's, and a post the tagger left
out is found over its posting line."""

from __future__ import annotations

from sitegen.split.boundary import Item
from sitegen.split.postfeet import poster, trim
from sitegen.split.text import Block
from tests.split_support import plan, split_page


def test_a_blogs_posts_start_at_their_headlines_under_the_feet_and_day_headings_above():
    result = split_page("blog_home_feet.txt")
    assert [(span[0], title, authors) for span, title, authors in plan(result)] == [
        (5, "First avocets of the spring on the Parkgate scrape", ("Bryn Hughes",)),
        (13, "Guest post: counting knot from the Hilbre boat", ("Nia Roberts",)),
        (21, "Storm Éowyn took the hide roof off again…", ("Bryn Hughes",)),
    ]  # "— Bryn" is the whole name the posting line under his post gives; the guest named by her bio, not the
    # owner who posted it; the untitled notice named by its posting line
    ends = [span[1] for span, _, _ in plan(result)]
    assert all(end in (text, text + 1) for end, text in zip(ends, (8, 16, 22)))
    # each post ends on its text or on its posting line under it ("Posted by NAME at 18:20 · 3 comments"), never past it
    left = {d.line for d in result.debris}
    assert {10, 11, 12, 18, 19, 20, 24} <= left  # labels, share rows, day headings


def test_labels_and_share_rows_come_off_an_items_edges_and_an_item_of_nothing_else_goes():
    texts = ["Labels: knot, Hilbre", "Share to X · Share to Facebook · Email this", "Wednesday, 26 February 2025",
             "Counting knot from the Hilbre boat", "We counted eleven thousand knot on the rising tide this morning.",
             "Tags: knot", "Share to X · Email this"]
    blocks = [Block(k, t) for k, t in enumerate(texts, 1)]
    left: list = []
    items, left = trim([Item(0, 7, 0.9), Item(5, 7, 0.9)], blocks, left)
    assert [(it.start, it.end) for it in items] == [(3, 5)]  # the day's heading under a foot is the page's too
    assert sorted(d.line for d in left) == [1, 2, 3, 6, 6, 7, 7]


def test_a_labels_row_inside_an_item_stays_and_a_day_heading_alone_starts_an_item_off_a_blog():
    texts = ["Wednesday, 26 February 2025", "Council tax to rise by five per cent", "The council voted on Tuesday to raise it.",
             "Tags: council, tax", "The vote was close."]
    blocks = [Block(k, t) for k, t in enumerate(texts, 1)]
    items, left = trim([Item(0, 5, 0.9)], blocks, [])
    assert [(it.start, it.end) for it in items] == [(0, 5)] and not left  # no posting lines: no blog's day heading


def test_a_posting_line_names_its_poster():
    assert poster("Posted by Gareth Lumb at 19:42 · 4 comments") == "Gareth Lumb"
    assert poster("Posted by Ines Carvalho at 9:12 AM · Permalink · 14 comments") == "Ines Carvalho"
    assert poster("Posted by the office on 3 March") is None


def test_a_post_alone_in_its_segment_is_signed_by_the_posting_line_under_it():
    texts = ["Countdown: kit check and passports", "Ten days to go! Passports are all checked and the poms re-fluffed.",
             "— Kath", "Posted by Kath Rowbotham at 19:02 · 0 comments"]
    blocks = [Block(k, t) for k, t in enumerate(texts, 1)]
    items, _ = trim([Item(0, 3, 0.9)], blocks, [])  # one posting line: no blog's page, but the post's own foot
    assert [it.signer for it in items] == ["Kath Rowbotham"]
