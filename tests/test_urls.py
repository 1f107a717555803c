"""urls: every link is relative, names a file, and agrees with the standard library's idea of it."""

import posixpath
from urllib.parse import quote, unquote

from hypothesis import assume, given
from hypothesis import strategies as st

from sitegen import urls

SEGMENT = st.sampled_from(["tags", "authors", "a", "ai", "b", "index.html", "page-2.html", "é-x", "x y"])
FILE = st.sampled_from(["index.html", "page-2.html", "x.html", "feed.xml", "ü.html"])
PATH = st.builds(lambda folders, name: "/".join([*folders, name]), st.lists(SEGMENT, max_size=3), FILE)


@given(PATH, PATH)
def test_relative_agrees_with_relpath(target, page):
    assume(not page.startswith(target + "/"))  # a file is not also a folder of the page ("index.html/index.html")
    expected = quote(posixpath.relpath(target, posixpath.dirname(page) or "."), safe="/-_.~")
    assert urls.relative(target, page) == expected


@given(PATH, PATH)
def test_a_relative_link_leads_back_to_its_target(target, page):
    href = urls.relative(target, page)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href))) == target


def test_links_between_the_site_s_pages():
    assert urls.relative("tags/ai/index.html", "articles/x.html") == "../tags/ai/index.html"
    assert urls.relative("tags/b/index.html", "tags/a/page-2.html") == "../b/index.html"
    assert urls.relative("tags/a/index.html", "tags/a/page-2.html") == "index.html"
    assert urls.relative("articles/x.html#hl-2", "annotations/index.html") == "../articles/x.html#hl-2"
    assert urls.relative("#note-1", "articles/x.html") == "x.html#note-1"
    assert urls.relative("articles/é.html", "index.html") == "articles/%C3%A9.html"


def test_every_page_url_names_a_file():
    for url in (urls.home(), urls.home(3), urls.tag("ai"), urls.author("jane", 2), urls.publisher("p"),
                urls.article("x"), urls.TAGS, urls.ANNOTATIONS, urls.SEARCH):
        assert url.endswith(".html"), url


def test_root_of_and_absolute():
    assert urls.root_of("index.html") == "" and urls.root_of("tags/ai/index.html") == "../../"
    assert urls.absolute("tags/ai/index.html", "https://example.org/") == "https://example.org/tags/ai/"
    assert urls.from_anywhere("tags/index.html", None) == "/tags/index.html"
