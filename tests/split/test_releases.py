"""releases: a press release's notes to editors are its end matter, not items of their own."""

from __future__ import annotations

from sitegen.split.releases import mend
from tests.split_support import plan, split_page


def test_the_notes_to_editors_about_and_media_contact_stay_in_the_release():
    result = split_page("press_release_notes_to_editors.txt")
    assert plan(result) == [
        ((5, 29), "Northgate Buses orders 40 electric double-deckers for the Riverside depot", ()),
    ]  # "ENDS", the numbered notes, "About …" and the media contact are the release's; its contact names no writer
    left = {d.line for d in result.debris}
    assert {31, 32, 33, 35} <= left  # the related news and the site's ©


def test_a_notes_heading_and_numbered_notes_the_tagger_starts_items_at_go_with_the_release():
    texts = ["The first 40 buses arrive in May.", "ENDS", "Notes to editors", "1. Northgate Buses runs 210 buses.",
             "2. Photographs are available on request.", "About Northgate Buses", "Founded in 1986, it employs 640 people.",
             "Related news", "Night buses from May"]
    tags = ["I", "I", "B", "B", "B", "I", "I", "O", "B"]
    mend(texts, [True] * len(texts), [True, False, False, True, True, False, True, False, False], tags)
    assert tags == ["I", "I", "I", "I", "I", "I", "I", "O", "B"]


def test_about_the_issuer_and_the_contact_under_the_end_mark_go_with_the_release_up_to_a_row_taken_out():
    texts = ["The crews leave on May 30.", "-30-", "About Rowing Nord–Est", "It is the regional association for 19 clubs.",
             "Media contact:", "Julie Fortin, Communications Coordinator", "Share: Facebook · X", "More media releases"]
    content = [True, True, True, True, True, True, False, True]  # (the share row taken out by the segmenter)
    tags = ["I", "O", "B", "I", "I", "I", "O", "O"]
    mend(texts, content, [True, False, False, True, False, False, False, False], tags)
    assert tags[:6] == ["I"] * 6 and tags[7] == "O"  # the label under the share row is the page's


def test_notes_under_no_item_and_a_kickers_editors_note_are_left_to_the_tagger():
    texts = ["Notes to editors", "1. The club was founded in 1904."]
    tags = ["O", "B"]
    mend(texts, [True, True], [False, True], tags)
    assert tags == ["O", "B"]  # no release above them
    texts = ["The council approved the plan.", "Editor's note", "Our coverage of the election"]
    tags = ["I", "B", "I"]
    mend(texts, [True] * 3, [True, False, False], tags)
    assert tags == ["I", "B", "I"]  # a kicker over a teaser, not a release's notes


def test_a_newswire_release_runs_from_its_headline_over_news_provided_by_to_its_source_lines():
    result = split_page("newswire_release_source_lines.txt")
    assert plan(result)[0] == (
        (6, 33), "Harbour board approves £18m rebuild of the east pier after winter storm damage", ())
    # the French headline, "News provided by" and the issuer, the date and the share row are its head; the links,
    # "About …", "-30-", "SOURCE …" and "For further information: …" its end matter
    body = result.articles[0].body
    assert "KELVINMOUTH, Mar 11 (WireDesk)" in body and body.rstrip().endswith("media@kelvinmouth.example")
    assert "SOURCE Port of Kelvinmouth" not in {a.title for a in result.articles}


def test_about_and_the_media_contact_under_the_end_mark_are_the_releases_and_a_label_over_dated_teasers_is_no_head():
    result = split_page("newsroom_release_about_after_mark.txt")
    assert plan(result)[0] == (
        (8, 27), "Three club crews selected for the Henley qualifying races", ()
    )  # through "-30-", "About Rowing Nord–Est" (a name with an en dash) and the contact
    assert 31 in {d.line for d in result.debris}  # "More media releases" over a teaser opening on its date row
    assert all(a.title != "More media releases" for a in result.articles)


def test_a_releases_about_paragraph_saying_it_is_a_registered_charity_is_its_own_and_it_ends_on_its_contact():
    result = split_page("newswire_about_registered_charity.txt")
    assert plan(result) == [
        ((5, 28), "Volunteers restart the last working water mill on the Teme after a twelve-year silence", ()),
    ]  # through "###", "About the Brockley Mill Preservation Trust" and its "(registered charity no. …)" paragraph, to the contact
    assert {30, 32, 33, 35} <= {d.line for d in result.debris}  # "SOURCE …" after the contact, the wire's links and its footer
