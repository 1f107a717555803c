"""threads: a forum thread's title and opening post are one article, its replies none; a listing
of teasers under their writers' names and a blog's comments are no thread."""

from __future__ import annotations

import datetime as dt

import pytest

from sitegen.split.text import Block
from sitegen.split.boundary import Item
from sitegen.split.threads import read, whole
from tests.split_support import PAGES, plan, split_page


def test_a_thread_is_its_title_and_opening_post_named_by_the_display_name_its_replies_left_out():
    result = split_page("forum_thread_xenforo.txt")
    assert plan(result) == [
        ((6, 21), "Re-glueing a clinker gig: epoxy or traditional glue?", ("Owen Pritchard",)),
    ]
    article = result.articles[0]
    assert article.date == dt.date(2026, 2, 9)
    assert article.body.startswith("Our club has been given")  # the poster's head is the by-line, not text
    assert "Four-oared gig" in article.body  # the signature is the post's
    replies = {d.line: d.reason for d in result.debris}
    assert "forum thread" in replies[33]  # a reply's text
    assert 26 in replies and 42 in replies  # the advert between the posts, the poster's own reply


def test_two_threads_of_one_page_with_phpbbs_one_line_heads_are_an_article_each():
    result = split_page("forum_threads_phpbb.txt")
    assert plan(result) == [
        ((4, 7), "Swarm cells on a queenright colony in April: split now or wait?", ("Ruth Ellery",)),
        ((24, 27), "Our first heather honey harvest: pressing, not spinning", ("Gwyn Tudor",)),
    ]


def test_smfs_topic_line_titles_the_thread_and_its_handle_names_the_poster():
    result = split_page("forum_thread_smf.txt")
    assert plan(result) == [
        ((9, 19), "Uneven tension on a rigid heddle after direct warping", ("weft_wendy",)),
    ]  # "Full Member" is the poster's rank, not a display name


def test_a_post_headed_by_its_date_over_the_posters_name_and_figures_opens_the_thread():
    result = split_page("forum_thread_date_first.txt")
    assert plan(result) == [
        ((4, 14), "Calorifier leaking from the pressure relief valve after winterising", ("Hannah Okafor",)),
    ]  # the name without its handle in brackets; the attachment under the post and the replies left out
    assert result.articles[0].date == dt.date(2026, 3, 7)


def test_a_post_its_head_names_by_a_handle_is_named_by_the_first_name_it_is_signed_with():
    result = split_page("forum_thread_signed.txt")
    assert plan(result) == [
        ((4, 19), "Raspberry canes wilting from the tips in June: cane blight or just drought?", ("Graham",)),
    ]  # "Thanks in advance," / "Graham", over the forum signature


def test_a_thread_under_a_row_of_its_buttons_is_named_by_the_handle_under_its_tags():
    result = split_page("forum_thread_discourse.txt")
    assert plan(result) == [
        ((6, 13), "Dovetail gaps on the pins side: saw technique or marking out?", ("chiselhand",)),
    ]  # "6 posts" in the row over the title is the thread's count, no poster's figures; "joinery" a tag


def test_teasers_under_their_writers_names_and_dates_are_no_thread():
    page = (PAGES / "listing_names_over_dates.txt").read_text(encoding="utf-8").split("\n")
    assert read([Block(k, t) for k, t in enumerate(page, 1) if t.strip()], []) is None
    result = split_page("listing_names_over_dates.txt")
    assert plan(result)[:2] == [
        ((6, 9), "Harbour wall repairs to start after the Easter holidays", ("Megan Rhys",)),
        ((11, 14), "Lifeboat crew called out twice in one night", ("Daniel Evans",)),
    ]  # each teaser its own item, named by its writer (the tagger leaves the last of the three, over the footer, out)


def test_a_blog_posts_comments_under_handles_are_no_thread():
    result = split_page("blog_post_with_handle_comments.txt")
    assert [a.title for a in result.articles] == ["Darning a heel with a mushroom: the long way round"]


def test_comments_under_a_post_with_its_text_above_them_open_no_thread():
    texts = [
        "Darning a heel with a mushroom: the long way round",
        "My grandmother's darning mushroom has sat in the sewing box for twenty years. This winter I learned to use it.",
        "mend_and_make", "March 3, 2026", "Lovely, I have one of these and never knew what to do with it.", "Reply",
        "thimble_tess", "March 4, 2026", "Did you use a darning needle or a tapestry needle?", "Reply",
    ]
    assert read([Block(k + 1, t) for k, t in enumerate(texts)], []) is None


def test_replies_in_a_segment_after_the_threads_are_left_out():
    texts = ["mend_and_make", "Joined Mar 2012 · Messages 4,210", "9 Feb 2026  #4", "Same here, thanks all."]
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    assert read(blocks, []) is None  # one post alone, no thread known
    thread = read(blocks, [], going=True)
    assert thread is not None and thread.openers == () and thread.replies == ((0, 4),)


def test_a_posters_profile_over_the_subject_and_a_numbered_one_line_head_is_one_head():
    result = split_page("forum_thread_phpbb_profile.txt")
    assert plan(result) == [
        ((6, 22), "Stern gland dripping after repacking – how tight is too tight?", ("Nell",)),
    ]  # "#1  Post by narrowboat_nell » Sat Mar 14, 2026 10:21:47 am" under the profile and the subject
    assert result.articles[0].date == dt.date(2026, 3, 14)
    assert result.articles[0].body.startswith("Repacked the stern gland")
    left = {d.line for d in result.debris}
    assert {25, 26, 28} <= left  # "#2  Post by …" is a reply
    assert {34, 35, 36, 37, 38, 40} <= left  # the list of similar topics, and the notice a thread cut off


def test_vbulletins_thread_bar_numbered_posts_and_american_dates():
    result = split_page("forum_thread_vbulletin.txt")
    assert plan(result) == [
        ((5, 18), "Fordson Major won't start when warm – fuel or ignition?", ("harrow_hal",)),
    ]  # "Thread: …" titles it; "03-14-2026, 09:12 AM" over the poster heads the post; "Reply With Quote" is no poster
    assert result.articles[0].date == dt.date(2026, 3, 14)
    left = {d.line for d in result.debris}
    assert {23, 27, 32, 36} <= left  # "#2" and "#3" are replies


def test_a_reddit_post_under_its_posted_by_line_is_titled_by_the_line_under_it():
    result = split_page("forum_thread_reddit.txt")
    assert plan(result) == [
        ((5, 7), "Crossed the Pyrenees on a loaded steel tourer – gearing advice for next time?", ("gravel_gwen",)),
    ]
    assert result.articles[0].body.startswith("Just back from ten days")
    left = {d.line for d in result.debris}
    assert {12, 13, 16, 17} <= left  # the comments under "handle · 3 days ago"


def test_an_invision_thread_under_its_by_line_with_the_members_post_count_as_a_figure():
    result = split_page("forum_thread_invision.txt")
    assert plan(result) == [
        ((5, 14), "Blackcurrant big bud mite – prune hard or start again?", ("SparkyMcGee",)),
    ]  # "By NAME, DATE in FORUM" is the thread's facts, "212 posts" the poster's figure
    assert result.articles[0].date == dt.date(2026, 3, 3)
    assert {17, 20, 21} <= {d.line for d in result.debris}  # the reply


def test_a_question_on_a_qa_site_is_one_article_its_answers_and_comments_none():
    result = split_page("qa_site_question.txt")
    assert plan(result) == [
        ((6, 11), "Why does my rye starter smell of nail-polish remover after two days?", ("Ines Duarte",)),
        ((26, 28), "Can I dry a starter on baking paper and revive it a year later?", ("loaf_lena",)),
    ]  # "asked … in Starters by NAME (210 points)" heads a question; its tags and buttons are outside it;
    # an unanswered question with no text is no article
    left = {d.line for d in result.debris}
    assert {14, 15, 20, 21} <= left  # the comment and the answer


def test_a_thread_names_the_poster_from_the_row_of_name_handle_and_profile():
    result = split_page("forum_thread_name_handle_rows.txt")
    assert plan(result) == [
        ((3, 11), "Rewiring a 1970s lathe motor: star or delta for a single-phase supply? Photos, plate and my wiring plan",
         ("Tomasz Wrona",)),
    ]  # a title of two sentences; "NAME (handle)   profile" over the date heads the post, "NAME (handle)   DATE" a reply
    left = {d.line for d in result.debris}
    assert {16, 17, 20, 21} <= left  # the replies under their one-row heads
    assert {24, 25, 26} <= left  # the suggested topics, each on one row with its count of replies


def test_a_rank_under_a_name_with_its_handle_is_no_poster_and_the_title_over_the_solved_mark_opens():
    result = split_page("forum_thread_ranked_profile.txt")
    assert plan(result) == [
        ((6, 28), "Pressure drops overnight on my Fenwick C30, no visible leak anywhere", ("Eilidh Hamilton",)),
    ]  # "Homeowner" under "Eilidh Hamilton (eilidh_h)" is her rank; "Registered: DATE" is no post's date
    assert {38, 39, 40, 42} <= {d.line for d in result.debris}  # the accepted solution


def test_a_thread_titled_twice_starts_at_the_first_and_the_posters_figures_under_the_post_are_its_own():
    result = split_page("forum_thread_profile_under_post.txt")
    assert plan(result) == [
        ((5, 22), "[Question] Gooseberry sawfly back for the third year - what actually works?", ("Marek Nowicki",)),
    ]  # the title over the toolbar; the handle and "Posts: 212 / Joined … / Location …" under the text no reply's head
    assert "Posts: 212" not in result.articles[0].body  # the poster's figures go with the head, the signature names him
    assert {23, 25, 26, 27, 28, 29} <= {d.line for d in result.debris}  # "Top" and the reply


def test_an_opening_post_alone_in_its_segment_is_a_thread_by_its_counts_and_its_replies_are_left_out():
    result = split_page("forum_thread_community_counts.txt")
    assert plan(result) == [
        ((11, 24), "[Question] Club root on my brassica bed for the second year running – lime or give up?", ("Hamid Mirza",)),
    ]  # "8 Reactions   6 Replies   141 views" under the post shows a thread; it is the post's foot, not its text
    assert {32, 33, 37, 38} <= {d.line for d in result.debris if "forum thread" in d.reason}  # the replies after "6 Replies"


def test_the_page_foot_after_a_thread_holds_no_item_but_another_threads_teaser():
    lines = (PAGES / "forum_thread_page_foot.txt").read_text(encoding="utf-8").split("\n")
    blocks = tuple(Block(n, t) for n, t in enumerate(lines, 1) if t.strip())
    thread = read(blocks, ())
    assert thread is not None and thread.foot is not None
    index = {b.line: i for i, b in enumerate(blocks)}
    teaser = Item(index[35], index[37] + 1, 0.9, ())  # another thread's title over the opening of its post
    disclaimer = Item(index[39], index[40] + 1, 0.9, ())  # "Allotment Talk is not responsible for the content of posts. …"
    openers, kept, left = whole([teaser, disclaimer], thread, blocks, [])
    assert [blocks[o.start].line for o in openers] == [6]
    assert [(blocks[k.start].line, blocks[k.end - 1].line) for k in kept] == [(35, 37)]
    assert {39, 40} <= {d.line for d in left}


@pytest.mark.parametrize(("page", "expected"), [
    # SMF 2.0: "Offline" between the rank and the figures is no poster; "Quote" over the text is the head's button
    ("forum_thread_smf_status_and_quote.txt", ((11, 24), "Weed hatch leaking into the engine bay", ("Kestrel_Dave",))),
    # XenForo with a poll: the title is over the poll; "Joined" / "Mar 3, 2019" / "Messages" / "1,204" are the figures
    ("forum_thread_xenforo_poll.txt", ((10, 35), "Should the branch move monthly meetings to the new pub?", ("Marjorie Ellison",))),
    # MyBB: the name nine lines over the date (status, rank, five figures, the post's number between)
    ("forum_thread_mybb.txt", ((4, 15), "Winter timetable cuts on the island route", ("Quayside_Rita",))),
    # vBulletin 3: "02-03-2026, 06:12 PM #1" over the poster and "Join Date" / "Posts"; "Display" over it is the menu's
    ("forum_thread_vbulletin_menu_over_date.txt", ((2, 14), "Headguards back in senior bouts?", ("southpaw_sal",))),
    # "CrumpetQueen · 14/03/2026 21:08" under the title opens the thread; the same row under a reply's text heads the reply
    ("forum_thread_name_dot_time.txt", ((6, 9), "AIBU to refuse to pay for my late father's funeral flowers twice?", ("CrumpetQueen",))),
    # Invision: "Share" and "Followers 2" under the thread's by-line are its toolbar; "Members" / "42" the poster's rank and count
    ("forum_thread_invision_toolbar.txt", ((6, 15), "Fusee chain snapped on a bracket clock, worth repairing?", ("Harold Benning",))),
    # XenForo's figures as label and value on one line ("Location Shropshire Union") are no poster; the one-word
    # "Lockwheeler" is a handle, so the first name the post is signed with names it
    ("forum_thread_xenforo_labelled_rows.txt", ((4, 21), "Why does my stern gland drip more after the winter lay-up?", ("Martin",))),
    # phpBB: "… attached. Cheers, Tam" closes the post's last line; "Attachments" over the files is no name, and the
    # forum signature under them gives the whole one
    ("forum_thread_phpbb_closing_in_line.txt", ((3, 25), "Perry stuck at 1.010 after six weeks: restart or bottle?", ("Tam Rennie",))),
    # phpBB: "Cheers," / "Dean" signs the post, though "Dean" is also a post's name; the handle under the files names no one
    ("forum_thread_phpbb_cheers_dean.txt", ((3, 27), "Cold roof or warm roof over a garage conversion?", ("Dean",))),
    # ProBoards: "Thread Rating: 1 Vote" under the title is the thread's facts, no title
    ("forum_thread_proboards.txt", ((2, 11), "Kata for shodan grading: Bassai Dai or Kanku Dai?", ("renshi_mo",))),
])
def test_post_heads_of_other_forum_engines_open_their_threads(page, expected):
    result = split_page(page)
    assert plan(result) == [expected]
    opened = expected[0][1]
    assert all(d.line > opened for d in result.debris if "forum thread" in d.reason)  # the replies after the opening post left out
    assert any("forum thread" in d.reason for d in result.debris)


def test_a_posts_attachments_over_the_posters_figures_under_its_text_are_the_posts_and_no_signature():
    result = split_page("forum_thread_phpbb_attachments.txt")
    assert plan(result) == [
        ((9, 32), "Truing a 36-spoke rear wheel with a cracked flange?", ("Huw",)),
    ]  # the post runs on past "Attachments" and its files to the poster's block printed under it ("Location: …")
    assert "crack.jpg" not in result.articles[0].body.replace("\\", "")  # the files are left out of its text
    assert {d.line for d in result.debris if "attachments" in d.reason} == {25, 26, 27}


def test_similar_threads_under_rows_of_handle_date_and_replies_are_the_lists_rows():
    from sitegen.split.threads import _similar
    texts = ["Like   Reply", "Similar threads", "Mental block on round off back handspring, 3 months now",
             "tumble_girl_aus · Oct 2, 2025 · Replies 22 · Tumbling & Technique",
             "Coaches: how do you handle blocks in comp season?", "CoachRenee · Feb 14, 2025 · Replies 9 · Coaching Corner",
             "CheerSpace is an independent community."]
    assert _similar(texts, 0) == [(1, 6)]  # the label and both titles over their rows; the disclaimer under them is not the list's


def test_a_thread_under_its_starters_row_runs_to_the_signature_and_its_undated_replies_are_none_of_it():
    result = split_page("xenforo_thread_starter_undated_replies.txt")
    assert plan(result) == [((6, 29), "Bowl gouge grind: 40/40 or Irish for a beginner?", ("Ffion Daniels",))]
    left = {d.line for d in result.debris}
    assert {31, 35, 36, 38, 40, 42, 43, 45, 47} <= left  # the reactions, the replies with no date over them
