"""Feeds saved as they are (RSS, Atom) are split by their elements: one item per entry."""

from __future__ import annotations

import datetime as dt
import html

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markdown import render_body
from sitegen.model import ArticleKind, LicenceKind
from sitegen.split import split_text
from tests.split_support import PLAIN_ARTICLE, assert_accounted_once, titles_after_cut

RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Harbour Tribunal - Decisions and news</title>
<link>https://tribunal.example/news</link>
<copyright>© State of Westralia 2025</copyright>

<item>
<title>Notable decision: rent review set aside for O&#39;Brien &amp; Sons</title>
<link>https://tribunal.example/news/1</link>
<dc:creator>Harriet Lau</dc:creator>
<dc:creator><![CDATA[Callum Reid]]></dc:creator>
<pubDate>Thu, 20 Mar 2025 05:30:00 +0800</pubDate>
<category>Decisions</category>
<description><![CDATA[<p>The Tribunal set aside a rent review that ignored the lease.</p>]]></description>
<content:encoded><![CDATA[
<p>The Tribunal set aside a rent review that ignored the lease.</p>
<p>The landlord had relied on a valuation made <em>before</em> the works were finished.</p>
<p>The matter was sent back with a direction to value the premises again.</p>
]]></content:encoded>
</item>

<item>
<title>Hearing lists move to the new website</title>
<link>https://tribunal.example/news/2</link>
<dc:creator>Registry</dc:creator>
<pubDate>Fri, 7 Mar 2025 10:00:00 +0800</pubDate>
<description><![CDATA[From Monday the daily hearing lists are published on the new website only.]]></description>
</item>
</channel>
</rss>
"""

ATOM = """\
<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Verde Kitchen</title>
<author><name>HM Courts and Tribunals Service</name></author>
<rights>Recipes licensed CC BY-NC 4.0 unless noted</rights>
<entry>
<title>Monsoon corn three ways</title>
<published>2025-08-30T06:30:00+05:30</published>
<author><name>Lakshmi Narayanan</name><email>lakshmi@example.org</email></author>
<content type="html">&lt;p&gt;When the first rains come, the corn carts appear on every corner.&lt;/p&gt;
&lt;h2&gt;Classic lemon-chilli&lt;/h2&gt;
&lt;p&gt;Roast the cob over a flame until charred in spots, then rub it with lime.&lt;/p&gt;
&lt;p&gt;&lt;em&gt;Recipe by Lakshmi Narayanan, shared under CC BY-NC 4.0.&lt;/em&gt;&lt;/p&gt;</content>
</entry>
<entry>
<title>Quick tomato rasam</title>
<updated>2025-08-16T06:30:00Z</updated>
<rights>© 2025 Anand Menon. All rights reserved.</rights>
<summary>A ten-minute rasam for evenings when nothing else will do.</summary>
</entry>
<entry>
<title>Kokum sherbet for humid afternoons</title>
<summary>Sweet, sour and pink: the drink of the Konkan coast in summer.</summary>
</entry>
</feed>
"""


def test_each_rss_item_is_an_article_titled_by_its_title_element_with_its_creators():
    result = split_text(RSS, "feed.txt")
    first, second = result.articles
    assert first.title == "Notable decision: rent review set aside for O'Brien & Sons"
    assert set(first.authors) == {"Harriet Lau", "Callum Reid"}
    assert first.kind is ArticleKind.ARTICLE  # it carries its full text
    assert first.date == dt.date(2025, 3, 20)
    assert first.source.lines == (9, 19)  # from its title to its last paragraph
    assert "valuation made before the works" in first.body and "<" not in first.body
    assert first.body.count("The Tribunal set aside a rent review") == 1  # the summary repeats its opening: once
    assert second.title == "Hearing lists move to the new website"
    assert second.authors == ()  # "Registry" is an office, not a writer
    assert second.kind is ArticleKind.FRAGMENT  # a description alone stands for the article
    assert first.licence.kind is LicenceKind.UNKNOWN  # the channel's copyright is the feed's, not the item's


def test_atom_entries_read_escaped_html_names_dates_and_their_own_rights():
    recipe, rasam, sherbet = split_text(ATOM, "atom.txt").articles
    assert recipe.authors == ("Lakshmi Narayanan",)
    assert recipe.date == dt.date(2025, 8, 30)
    shown = render_body(recipe.body, ()).html
    assert "<p>Classic lemon-chilli</p>" in shown and "&amp;lt;" not in shown and "&lt;p" not in shown  # a heading's words, no markup
    assert recipe.licence.kind is LicenceKind.CC  # its own statement, at the foot of its text
    assert rasam.licence.kind is LicenceKind.ALL_RIGHTS_RESERVED  # the entry's <rights>
    assert rasam.date == dt.date(2025, 8, 16)
    assert sherbet.licence.kind is LicenceKind.UNKNOWN  # the feed's <rights> covers the feed
    assert sherbet.authors == ()  # the feed's author is an agency, no person
    assert [a.kind for a in (rasam, sherbet)] == [ArticleKind.FRAGMENT] * 2


def test_a_feed_among_text_keeps_the_dump_order_and_accounts_for_every_line():
    text = "Harbour cranes return to the old port\n\nBy Maria Costa\n\n" + (
        "The cranes came back on Monday after four years of repairs and the first ships docked at dawn.\n\n" * 2
    ) + RSS + "\nSign up for our newsletter\n"
    result = assert_accounted_once(text, "mixed.txt")
    assert [a.title for a in result.articles] == [
        "Harbour cranes return to the old port",
        "Notable decision: rent review set aside for O'Brien & Sons",
        "Hearing lists move to the new website",
    ]
    assert {d.line for d in result.debris if "feed" in d.reason} >= {9, 12}  # the XML declaration, the channel title


def test_a_stylesheet_instruction_before_the_root_still_opens_the_feed():
    # Blogger prints `<?xml-stylesheet …?>` after the declaration, on the same line as `<feed>`;
    # other sites print it alone on the next line.
    declaration, rest = ATOM.split("\n", 1)
    stylesheet = '<?xml-stylesheet href="https://www.blogger.com/styles/atom.css" type="text/css"?>'
    for text in (declaration + stylesheet + rest, declaration + "\n" + stylesheet + "\n" + rest):
        result = assert_accounted_once(text, "blogger.txt")
        assert [a.title for a in result.articles] == [
            "Monsoon corn three ways", "Quick tomato rasam", "Kokum sherbet for humid afternoons",
        ]
        assert {d.line for d in result.debris if "feed" in d.reason} >= {1}  # the prolog is the feed's markup


def test_a_feed_cut_short_still_gives_the_entries_it_has():
    cut = RSS[: RSS.index("</item>\n</channel>")]
    titles = [a.title for a in split_text(cut, "cut.txt").articles]
    assert titles == ["Notable decision: rent review set aside for O'Brien & Sons", "Hearing lists move to the new website"]


def test_a_feed_cut_short_between_entries_gives_back_the_text_after_it():
    cut = RSS[: RSS.index("<item>\n<title>Hearing lists")]
    assert titles_after_cut(cut) == ["Notable decision: rent review set aside for O'Brien & Sons", PLAIN_ARTICLE[0]]


def test_sloppy_markup_does_not_merge_entries_or_take_another_sites_title():
    sloppy = RSS.replace("<category>Decisions</category>", '<media:thumbnail url="https://t.example/1.jpg">\n'
                         "<source url=\"https://wire.example/rss\"><title>Wire Service Feed</title></source>").replace(
        "]]></content:encoded>\n</item>", "]]></content:encoded>")  # the first item is never closed
    first, second = split_text(sloppy, "sloppy.txt").articles
    assert first.title.startswith("Notable decision") and "valuation made before" in first.body
    assert second.title == "Hearing lists move to the new website"  # its own entry, with its own title


def test_markup_and_scripts_in_an_entry_never_reach_the_article():
    hostile = RSS.replace(
        "<p>The matter was sent back",
        "<script>alert(1)</script><img src=x onerror=alert(2)><p>&lt;b onclick=x&gt;bold&lt;/b&gt; The matter was sent back",
    )
    article = split_text(hostile, "hostile.txt").articles[0]
    assert "alert" not in article.body
    shown = render_body(article.body, ()).html
    assert "<b" not in shown and "<img" not in shown and "&lt;b onclick=x&gt;bold" in shown  # text, never a tag
    assert "The matter was sent back" in article.body


def test_a_wordpress_feed_note_is_not_text_and_a_signature_names_the_writer():
    feed = RSS.replace("<dc:creator>Harriet Lau</dc:creator>\n<dc:creator><![CDATA[Callum Reid]]></dc:creator>",
                       "<dc:creator><![CDATA[site_admin]]></dc:creator>").replace(
        "<p>The matter was sent back with a direction to value the premises again.</p>",
        "<p>The matter was sent back with a direction to value the premises again.</p>\n<p>&#8212; Ayesha Siddiqui</p>\n"
        "<p>The post <a href=\"https://t.example/1\">Notable decision</a> appeared first on <a href=\"https://t.example\">Harbour Tribunal</a>.</p>")
    article = split_text(feed, "wp.txt").articles[0]
    assert article.authors == ("Ayesha Siddiqui",)
    assert "appeared first" not in article.body


ENTRY_TITLE = st.text(st.characters(whitelist_categories=("L", "N", "Zs"), whitelist_characters="&<>'\"-:"),
                      min_size=1, max_size=40).filter(lambda t: any(c.isalpha() for c in t))
SENTENCE = st.lists(st.sampled_from("the port reopened after years of repairs and ships arrived & <b>".split()),
                    min_size=4, max_size=20).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ENTRY_TITLE, st.lists(SENTENCE, max_size=4), st.booleans()), min_size=1, max_size=6))
def test_every_entry_is_one_article_and_every_line_is_owned_once(entries):
    lines = ['<?xml version="1.0"?>', "<rss><channel>", "<title>A site</title>"]
    for title, paragraphs, encoded in entries:
        lines += ["<item>", f"<title>{html.escape(title)}</title>", "<link>https://a.example/</link>"]
        if paragraphs:
            tag = "content:encoded" if encoded else "description"
            lines += [f"<{tag}><![CDATA[", *(f"<p>{p}</p>" for p in paragraphs), f"]]></{tag}>"]
        lines.append("</item>")
    lines += ["</channel></rss>"]
    text = "\n".join(lines)
    result = split_text(text, "p.txt")
    assert [a.title for a in result.articles] == [" ".join(t.split()) for t, text, _ in entries if text]
    owned: dict[int, int] = {}
    for k, article in enumerate(result.articles):
        for n in {*article.body_lines, *article.meta_lines}:
            assert n not in owned
            owned[n] = k
    for d in result.debris:
        assert d.line not in owned
        owned[d.line] = -1
    assert {n for n, line in enumerate(lines, 1) if line.strip()} == set(owned)


def test_a_reviews_stars_are_no_part_of_its_entrys_title():
    feed = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Floorwork</title>
<entry>
<title>Giselle, Leeds Grand Theatre ★★★★</title>
<author><name>Maya Okonkwo</name></author>
<published>2025-03-01T10:00:00Z</published>
<content type="html">&lt;p&gt;A Giselle that trusts its second act, with a Myrtha of real menace and a corps that breathes as one body.&lt;/p&gt;</content>
</entry>
</feed>
"""
    [review] = split_text(feed, "feed.xml").articles
    assert review.title == "Giselle, Leeds Grand Theatre"
