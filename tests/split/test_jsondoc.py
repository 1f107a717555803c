"""A JSON document saved in a dump (an app's API response) is split by its objects' keys."""

from __future__ import annotations

import datetime as dt

from sitegen.model import ArticleKind, LicenceKind
from sitegen.split import split_text
from sitegen.split.jsondoc import parse
from tests.split_support import assert_accounted_once

APP_FEED = """\
// Community app, "Home" tab, copied from the developer console
{
  "feed": "community/home",
  "next_cursor": "eyJwYWdlIjoyfQ==",
  "items": [
    {
      "id": "p_881734",
      "type": "post",
      "title": "Finished my first Fair Isle yoke!",
      "author": {"handle": "noorknits", "display_name": "Noor Haddad"},
      "created_at": "2025-03-11T21:47:09Z",
      "body": "It took me eleven weeks and two froggings but here it is, knitted in Shetland wool.\\n\\nThings I learned: carry the dominant colour underneath and block it like you mean it.",
      "reactions": {"heart": 342},
      "comments": [{"author": "tam_o", "body": "Gorgeous work, well done you."}]
    },
    {
      "id": "r_20931",
      "type": "pattern_release",
      "headline": "Free pattern: Tidewater shawl",
      "author": {"handle": "brightwater_designs", "display_name": null},
      "license": "CC BY-NC-SA 4.0",
      "excerpt": "A shallow crescent shawl in one skein of fingering, with a wave-and-eyelet edge.",
      "url": "https://example.app/patterns/tidewater-shawl"
    },
    {
      "id": "q_4471",
      "type": "poll",
      "question": "Small circumference knitting: what's your method?",
      "options": [{"label": "Magic loop", "votes": 2281}, {"label": "Two circulars", "votes": 317}]
    },
    {
      "id": "e_0392",
      "type": "event",
      "title": "Online knit night: colourwork clinic",
      "starts_at": "2025-03-13T19:30:00Z"
    }
  ]
}
"""

REVIEWS = """\
{"status": "ok", "cards": [
  {
    "card_type": "review",
    "book": "The Van at the End of the Road",
    "reviewer": "bookworm_bev",
    "text": ["Bought this for my mum, who was a mobile librarian, and ended up reading it first.", "Made me laugh and cry on the same page."]
  },
  {
    "card_type": "review",
    "book": "Nightshift Radio",
    "reviewer": "Sam Ridley",
    "text": "Beautifully written but very slow in the middle. The last chapter is worth it though."
  }
]}
"""


def test_each_object_with_a_headline_and_text_is_an_item_read_by_its_keys():
    result = assert_accounted_once(APP_FEED, "app.txt")
    post, pattern = result.articles  # the poll and the event have no text: no items
    assert post.title == "Finished my first Fair Isle yoke!"
    assert post.authors == ("Noor Haddad",)  # the display name, not the handle
    assert post.date == dt.date(2025, 3, 11)
    assert post.kind is ArticleKind.ARTICLE  # its body: the full text
    assert post.source.lines == (9, 12)  # from its title's line to its text's
    assert "block it like you mean it" in post.body and "Gorgeous work" not in post.body  # its comments are no part of it
    assert pattern.title == "Free pattern: Tidewater shawl"
    assert pattern.authors == ("brightwater_designs",)  # a handle, when no name is given
    assert pattern.kind is ArticleKind.FRAGMENT  # an excerpt only: it stands for the pattern's page
    assert pattern.licence.kind is LicenceKind.CC


def test_untitled_objects_with_text_in_one_list_are_items_from_their_first_words():
    result = assert_accounted_once(REVIEWS, "shop.txt")
    bev, sam = result.articles
    assert bev.source.lines == (4, 6)  # from "book", not from its "card_type"
    assert bev.authors == ("bookworm_bev",)
    assert "ended up reading it first" in bev.body and "on the same page" in bev.body
    assert sam.authors == ("Sam Ridley",)


def test_text_that_is_no_json_is_split_as_text():
    links = "[1] Home\n[2] News\n\nHarbour cranes return to the old port\n\nThe two cranes that stood over the old port for sixty years came back on Monday, restored by volunteers.\n"
    result = split_text(links, "page.txt")
    assert [a.title for a in result.articles] == ["Harbour cranes return to the old port"]
    cut_short = APP_FEED[: APP_FEED.index('"options"')]  # a document that never closes: its lines are read as text
    assert parse(cut_short) is None
    assert split_text(cut_short, "app.txt").articles  # nothing lost: the text split still reads them


def test_the_parser_keeps_the_line_of_every_value():
    node = parse('{\n  "a": [1,\n    {"b": "x"}],\n  "c": "y"\n}\n', 10)
    assert node is not None and node.line == 10 and node.end == 14
    (key_a, line_a, a), (key_c, line_c, c) = node.members
    assert (key_a, line_a, key_c, line_c, c.value, c.line) == ("a", 11, "c", 13, "y", 13)
    assert [item.line for item in a.items] == [11, 12]


SECTIONS = """{"screen": "discover", "sections": [
  {
    "type": "closing_soon",
    "title": "Closing soon",
    "items": [
      {
        "title": "Pair of George III silver sauce boats, London 1769",
        "estimate": "£1,200–1,800",
        "description": "On three shell-capped feet, with gadrooned rims and leaf-capped scroll handles, maker's mark worn."
      },
      {
        "title": "Victorian gold and enamel memorial ring, 1871",
        "estimate": "£250–350"
      }
    ]
  },
  {
    "type": "story",
    "title": "Why signed Art Deco pieces are outpacing the rest",
    "author": {"display_name": "Beatrix Oduya"},
    "paragraphs": ["A maker's signature can now add 40% to the price of a 1920s bracelet, specialists say."],
    "republished_note": "Republished with permission from The Saleroom Ledger."
  },
  {
    "type": "community",
    "items": [
      {
        "kind": "review",
        "rating": 5,
        "text": "First time bidding online and I won my grandmother's exact brooch. The house sent it next day.",
        "user": {"display_name": "Nia Roberts", "handle": "@nia_r"},
        "posted": "2025-03-16T20:11:45Z"
      },
      {"kind": "poll", "question": "Would you buy a watch at auction without seeing it?", "options": ["Yes", "Never"]}
    ]
  }
]}
"""


def test_a_sections_headline_over_its_own_list_is_no_item_the_entries_under_it_are():
    result = assert_accounted_once(SECTIONS, "app.txt")
    lot, story, review = result.articles  # "Closing soon" heads a list; the ring has no text, nor the poll
    assert lot.title == "Pair of George III silver sauce boats, London 1769"
    assert lot.source.lines == (7, 9)
    assert story.title == "Why signed Art Deco pieces are outpacing the rest"
    assert story.licence.kind is LicenceKind.PERMISSION  # its "republished_note" is its own statement
    assert story.source.lines == (19, 22)
    assert review.authors == ("Nia Roberts",)  # text its writer signs, alone in its list with text
    assert review.source.lines == (30, 30)  # its text only: the writer's and the date's members after it are outside
    assert review.date == dt.date(2025, 3, 16)


GRAPHQL = """{"data": {"homeFeed": {"edges": [
  {"node": {"__typename": "PinnedNotice", "heading": "Scheduled maintenance",
            "text": "Bidding and checkout will be unavailable on Sunday from 02:00 to 04:00 GMT."}},
  {"node": {"__typename": "JournalArticle",
            "headline": "How to spot a service dial on a 1970s Seiko",
            "byline": {"name": "Kenji Abernethy", "username": "kenji_ab"},
            "body": [{"type": "paragraph", "text": "Seiko replaced thousands of dials during routine servicing in the 1970s."}]}},
  {"node": {"__typename": "Listing",
            "heading": "Seiko 6139-6002 Pogue, 1973",
            "price": "£1,350",
            "sellerNote": "Original yellow dial with even fade, bezel insert replaced, serviced 2024."}}
]}}}
"""


def test_an_apps_own_notice_is_no_item_a_by_line_object_names_the_writer_a_sellers_note_is_text():
    result = assert_accounted_once(GRAPHQL, "feed.txt")
    assert [(a.title, a.authors) for a in result.articles] == [
        ("How to spot a service dial on a 1970s Seiko", ("Kenji Abernethy",)),
        ("Seiko 6139-6002 Pogue, 1973", ()),
    ]
