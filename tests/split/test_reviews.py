"""reviews: each user review with text one article from its head, titled by its own title and
named by its reviewer; the business's replies and reviews with no text left out; a critic's
reviews under their by-lines, with comments, are no page of user reviews."""

from __future__ import annotations

import datetime as dt

from sitegen.split.reviews import read
from sitegen.split.text import Block
from tests.split_support import PAGES, plan, split_page


def test_a_review_under_its_reviewers_name_and_figures_is_titled_by_its_own_title():
    result = split_page("reviews_trust_site.txt")
    assert plan(result)[-2:] == [
        ((16, 22), "Best way to do the Cinder Track", ("Hannah Lowther",)),
        ((37, 43), "Good bikes, slow at the counter", ("Bill Atherton", "Gwen Atherton")),
    ]  # the avatar's initials left out; "Bill and Gwen Atherton" two people of one name
    review = result.articles[-2]
    assert review.date == dt.date(2026, 4, 12)
    assert review.kind.value == "article"  # whole, though it ends on its "Date of experience"
    assert review.body.startswith("We took two e-bikes")  # the head (name, figures, rating, date, title) is no text
    left = {d.line for d in result.debris}
    assert {23, 24, 25, 26} <= left  # the foot and the business's reply
    assert {29, 30, 31, 32, 33, 34} <= left  # a review with no text


def test_a_reviews_title_over_the_reviewers_handle_starts_it():
    result = split_page("reviews_title_over_handle.txt")
    assert plan(result) == [
        ((8, 13), "Drying room saved our holiday", ("munro_bagger_77",)),
        ((18, 23), "Fine for a night, thin walls", ("Petra K",)),
    ]  # its "Date of stay" its own; "Response from Iona M, Owner" left out with its text
    assert result.articles[0].date == dt.date(2026, 5, 14)  # "Rated 5 of 5 · Reviewed 14 May 2026"


def test_stars_over_the_title_and_reviewed_by_name_the_review_its_ratings_kept():
    result = split_page("reviews_stars_over_title.txt")
    assert plan(result)[-2:] == [
        ((14, 18), "Everything we hoped for and more", ("Amira S.",)),
        ((21, 25), "Lovely barn, confusing invoices", ("Joe", "Priya")),
    ]  # the couple's first names; the page's average over its facts is no review


def test_a_critics_reviews_under_their_by_lines_with_comments_are_no_page_of_user_reviews():
    page = (PAGES / "critic_reviews_with_comments.txt").read_text(encoding="utf-8").split("\n")
    blocks = [Block(k, t) for k, t in enumerate(page, 1) if t.strip()]
    assert read(blocks, []) is None  # "Share:" and a comment's "Reply" count no reader's votes
    result = split_page("critic_reviews_with_comments.txt")
    assert [(a.title, a.authors) for a in result.articles] == [
        ("REVIEW: The Pitmen Painters (Live Theatre, Newcastle)", ("Jonah Reeve",)),
        ("REVIEW: Northern Lights (Dance City)", ("Carys Lund",)),
    ]


def test_a_row_of_the_ratings_spread_and_the_pages_average_are_no_reviews():
    page = [
        "Rating breakdown",
        "Communication ★★★★☆ 4.0",
        "Repairs ★★★☆☆ 3.4",
        "Value for money ★★★★☆ 3.9",
        "4.6 ★★★★★ (212 reviews)",
        "Our agency has let homes in Cardiff since 1994, from student houses to family homes.",
    ]
    assert read([Block(k, t) for k, t in enumerate(page, 1)], []) is None


def test_untitled_reviews_under_relative_dates_and_a_shops_titles_beside_the_stars():
    result = split_page("reviews_map_and_shop.txt")
    assert [(a.source.lines, a.authors) for a in result.articles] == [
        ((8, 11), ("Sandra Okoye",)),  # "★★★★★ 2 months ago" and "★★☆☆☆ a month ago": one form of rating
        ((14, 17), ("D. Marsh",)),
        ((28, 32), ("Priya J.",)),
        ((36, 40), ("Martin Cole",)),
    ]  # "Kasia W" wrote no text; the owner's response left out
    assert result.articles[0].body.startswith("Best scones")
    assert [a.title for a in result.articles[2:]] == ["Boils fast on an induction hob", "Handle gets hot"]
    assert result.articles[2].date == dt.date(2026, 3, 3)  # "Reviewed in the United Kingdom on 3 March 2026" is no title


def test_reviews_rated_in_bubbles_under_a_wrote_a_review_line_run_to_the_next_reviewers_initials():
    result = split_page("reviews_bubbles_site.txt")
    assert plan(result) == [
        ((14, 20), "Hand-feeding the herd in the snow", ("Rhona C",)),
        ((29, 35), "Lovely animals, long uphill walk", ("walker_tam",)),
        ((38, 44), "Koselig tur", ("Margit B",)),
    ]  # "●●●●●" is a rating, "wrote a review Dec 2025" the head's date; the text with no foot ends at the next head
    left = {d.line for d in result.debris}
    assert {21, 22, 24, 25, 26} <= left  # the foot ("Show original", the votes) and the reply


def test_the_pages_average_over_its_count_is_no_review_and_a_translations_original_is_the_reviews_text():
    result = split_page("reviews_map_average.txt")
    assert [(a.source.lines, a.authors) for a in result.articles] == [
        ((18, 22), ("Morwenna Tregear",)),
        ((28, 34), ("Jakub Nowicki",)),
        ((37, 41), ("Alan Pascoe",)),
    ]  # "4.2 / ★★★★☆ / 3,118 reviews" over the reviews is the page's, no review's
    assert "Piękny basen" in result.articles[1].body  # "(Original)" and the words under it are the review's own


def test_a_reviewers_row_under_the_text_names_the_reviewer():
    result = split_page("reviews_name_under_text.txt")
    assert plan(result) == [
        ((10, 13), "Bright and sharp for the money", ("Fiona M.",)),
        ((16, 19), "Heavy after ten minutes", ("starhopper_42",)),
        ((25, 28), "Comfortable with glasses", ("Rowan Achebe",)),
    ]  # "NAME · level · Reviewed DATE" under the text is the reviewer's; a review with stars and no text none
    assert result.articles[1].date == dt.date(2026, 10, 20)


def test_a_reviewers_name_and_country_over_the_kind_of_trip_names_the_reviewer():
    result = split_page("reviews_name_country_trip.txt")
    assert plan(result) == [
        ((10, 13), "Seals, herons and a sunset to remember", ("Claire",)),
        ((16, 19), "Schöne Tour, etwas windig", ("Jürgen K.", "Petra K.")),  # a couple of one surname, "und" between them
        ((22, 25), "Brilliant with two teenagers", ("Wayne Dorrington",)),  # the nickname in quotes is no part of the name
    ]  # "Couples · 14 June 2026 · Verified booking" under "NAME – Country" tells the trip, no reviewer
