"""The licence policy: each treatment on articles of each licence kind, through every output.

The unit tests take `apply_policy` and its helpers alone. The whole-build tests write an
archive with one article per licence kind — each with its own tag, author, publisher, note
and a sentence past its opening paragraph — build its public profile with a chosen
treatment for one kind, and then read every file the build wrote: article pages, list
pages and their counts, tag/author/publisher pages and indexes, feeds, sitemap, search
index, the annotations page and any export. A sentence the policy leaves out must be in
no file at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.build import Builder
from sitegen.config import Config, LicencePolicy, OriginLicence, Treatment, parse_config
from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Licence, LicenceKind, Source
from sitegen.policy import apply_policy, cut_words, excerpt_of, licence_table, opening_paragraph, original_url

BASE = "https://archive.example/"
STATEMENTS = {
    LicenceKind.CC: "Republished from The Conversation under a Creative Commons license.",
    LicenceKind.PERMISSION: "Republished with kind permission of the author.",
    LicenceKind.ALL_RIGHTS_RESERVED: "© Example Media Ltd. All rights reserved. https://media.example/original-story",
    LicenceKind.UNKNOWN: None,
}


def kind_article(kind: LicenceKind) -> Article:
    """An article whose every name and sentence says which kind it is."""
    k = kind.value.replace("-", "")
    body = (f"## A heading of {k}\n\nOpening{k} paragraph words of the {k} article, quoted by a note.\n\n"
            f"Hidden{k} second paragraph that an excerpt must never publish.\n")
    return Article(
        slug=f"article-{k}", path=f"content/articles/article-{k}.md", title=f"Title{k}", body=body,
        authors=(f"Author{k}",), publisher=f"Publisher{k}", tags=(f"tag{k}",), added=dt.date(2026, 1, 2),
        licence=Licence(kind, STATEMENTS[kind], "The Conversation" if kind is LicenceKind.CC else None),
        source=(Source("dump.txt", (1, 5)),),
        annotations=(Annotation(f"Opening{k} paragraph words", f"Note{k}opening", tags=(f"notetag{k}",)),
                     Annotation(f"Hidden{k} second paragraph", f"Note{k}hidden", tags=(f"hiddentag{k}",))),
    )


ARTICLES = tuple(kind_article(k) for k in LicenceKind)


def cfg(**fields) -> Config:
    return Config(root=Path("."), profile="public", **fields)


# -- the stage alone ----------------------------------------------------------------------

def test_the_local_profile_publishes_everything_whole():
    published = apply_policy(ARTICLES, Config(root=Path(".")))
    assert published.articles == ARTICLES and not published.excerpts and published.omitted == 0


def test_default_policy_cc_and_permission_full_all_rights_reserved_excerpt_unknown_omitted():
    published = apply_policy(ARTICLES, cfg())
    kinds = {a.licence.kind for a in published.articles}
    assert kinds == {LicenceKind.CC, LicenceKind.PERMISSION, LicenceKind.ALL_RIGHTS_RESERVED}
    assert set(published.excerpts) == {"article-allrightsreserved"} and published.omitted == 1
    whole = {a.slug: a for a in published.articles}
    assert whole["article-cc"] == ARTICLES[0] and whole["article-permission"] == ARTICLES[1]


def test_an_excerpt_is_the_opening_paragraph_with_only_the_notes_inside_it():
    cut, words = excerpt_of(ARTICLES[2], 60)
    assert cut.body == "Openingallrightsreserved paragraph words of the allrightsreserved article, quoted by a note.\n"
    assert [a.note for a in cut.annotations] == ["Noteallrightsreservedopening"] and words == 11
    assert (cut.title, cut.authors, cut.licence) == (ARTICLES[2].title, ARTICLES[2].authors, ARTICLES[2].licence)


def test_an_excerpt_stops_at_the_word_limit():
    text, cut = cut_words(" ".join(f"w{i}" for i in range(100)), 60)
    assert cut and text.split()[-2:] == ["w59", "…"] and len(text.split()) == 61
    assert cut_words("short text", 60) == ("short text", False)
    assert opening_paragraph("# Title\n\n- a list\n\nThe text.\n\nMore.") == "The text."


def test_the_original_is_linked_from_the_statement_or_the_origins_table():
    assert original_url(ARTICLES[2], cfg()) == "https://media.example/original-story"
    known = cfg(origins=(OriginLicence("The Conversation", "CC BY-ND 4.0", None, "https://theconversation.com/"),))
    assert original_url(ARTICLES[0], known) == "https://theconversation.com/"
    assert original_url(ARTICLES[1], known) is None


def test_the_licence_table_counts_per_kind_and_origin_with_the_treatment():
    table = licence_table(ARTICLES + (ARTICLES[0],), cfg(licences=LicencePolicy(unknown=Treatment.EXCERPT)))
    assert [(r.kind.value, r.origin, r.articles, r.treatment.value) for r in table] == [
        ("cc", "The Conversation", 2, "full"), ("permission", None, 1, "full"),
        ("all-rights-reserved", None, 1, "excerpt"), ("unknown", None, 1, "excerpt")]


def test_the_policy_is_configured_in_sitegen_toml_with_errors_naming_the_line():
    parsed = parse_config('profile = "public"\n[licences]\ncc = "excerpt"\nunknown = "full"\n', Path("."))
    assert parsed.public and parsed.licences.cc is Treatment.EXCERPT and parsed.licences.unknown is Treatment.FULL
    with pytest.raises(Exception) as info:
        parse_config('[licences]\npermission = "some"\n', Path("."), "sitegen.toml")
    assert str(info.value.problems[0]) == "sitegen.toml:2: licences.permission: expected one of full, excerpt, omit, got 'some'"


# -- every output of a real build ------------------------------------------------------------

def build(root: Path, policy: LicencePolicy, profile: str = "public") -> dict[str, str]:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for article in ARTICLES:
        (folder / f"{article.slug}.md").write_text(dump_article(article), encoding="utf-8")
    Builder(Config(root=root, profile=profile, licences=policy, base_url=BASE), split=False).build()
    public = root / "public"
    return {p.relative_to(public).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in public.rglob("*") if p.is_file()}


def everywhere(files: dict[str, str], text: str) -> list[str]:
    return sorted(path for path, content in files.items() if text in content)


@pytest.mark.parametrize("kind", list(LicenceKind), ids=[k.value for k in LicenceKind])
@pytest.mark.parametrize("how", list(Treatment), ids=[t.value for t in Treatment])
def test_each_treatment_of_each_kind_holds_in_every_output(tmp_path, kind, how):
    others = Treatment.FULL
    policy = replace(LicencePolicy(cc=others, permission=others, all_rights_reserved=others, unknown=others),
                     **{kind.value.replace("-", "_"): how})
    files = build(tmp_path, policy)
    k = kind.value.replace("-", "")
    page = f"articles/article-{k}.html"
    shown = 3 if how is Treatment.OMIT else 4  # articles published
    home = files["index.html"]
    assert f"{shown} articles" in home

    if how is Treatment.OMIT:
        # not a trace: no page, card, feed entry, sitemap entry, search record, note, name or tag
        for text in (f"Title{k}", f"Opening{k}", f"Author{k}", f"Publisher{k}", f"tag{k}", f"Note{k}", f"notetag{k}"):
            assert everywhere(files, text) == [], f"{text} is still in {everywhere(files, text)}"
        assert page not in files
        assert not any(p.startswith((f"tags/tag{k}/", f"authors/author{k}/", f"publishers/publisher{k}/")) for p in files)
        return

    assert page in files
    for listing in (f"tags/tag{k}/index.html", f"authors/author{k}/index.html", f"publishers/publisher{k}/index.html"):
        assert f"Title{k}" in files[listing] and "1 article" in files[listing]
    assert f"Title{k}" in files["feed.xml"] and f"Title{k}" in files[f"tags/tag{k}/feed.xml"]
    assert BASE + page in files["sitemap.xml"] and f"Title{k}" in files["static/search-index.js"]
    assert f"Note{k}opening" in files["annotations/index.html"]
    assert f"Opening{k}" in files[page]

    if how is Treatment.FULL:
        assert f"Hidden{k}" in files[page] and f"Note{k}hidden" in files["annotations/index.html"]
        assert "excerpt-banner" not in files[page]
        return

    # an excerpt: the opening, the attribution and the link to the original; nothing past it anywhere
    for text in (f"Hidden{k}", f"Note{k}hidden", f"hiddentag{k}", f"A heading of {k}"):
        assert everywhere(files, text) == [], f"{text} leaked into {everywhere(files, text)}"
    assert "excerpt-banner" in files[page] and 'class="attribution"' in files[page]
    assert "badge-excerpt" in files["index.html"]
    if kind is LicenceKind.ALL_RIGHTS_RESERVED:
        assert 'href="https://media.example/original-story"' in files[page]


def test_the_default_build_is_whole_whatever_the_policy(tmp_path):
    files = build(tmp_path, LicencePolicy(cc=Treatment.OMIT, all_rights_reserved=Treatment.OMIT), profile="local")
    assert "4 articles" in files["index.html"]
    for article in ARTICLES:
        assert f"articles/{article.slug}.html" in files and everywhere(files, article.body.split("\n\n")[2][:20])


def test_attribution_names_and_links_the_licence_sitegen_toml_knows_for_an_origin(tmp_path):
    root = tmp_path
    (root / "content" / "articles").mkdir(parents=True)
    cc = ARTICLES[0]
    (root / "content" / "articles" / f"{cc.slug}.md").write_text(dump_article(cc), encoding="utf-8")
    (root / "sitegen.toml").write_text('[origins."The Conversation"]\nlicence = "CC BY-ND 4.0"\n'
                                       'url = "https://creativecommons.org/licenses/by-nd/4.0/"\n')
    from sitegen.config import load_config
    Builder(load_config(root), split=False).build()
    page = (root / "public" / "articles" / f"{cc.slug}.html").read_text(encoding="utf-8")
    assert '<a href="https://creativecommons.org/licenses/by-nd/4.0/" rel="license">CC BY-ND 4.0</a>' in page
    assert "Originally published by The Conversation" in page
