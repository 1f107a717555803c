"""`sitegen check` reports what an editor must fix, without writing anything."""

import subprocess
import sys

from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Licence, LicenceKind, Source


def write(root, slug, title, body="Some text of the article.\n", **fields):
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    article = Article(slug=slug, path="", title=title, body=body, source=(Source("d.txt", (1, 2)),), **fields)
    (folder / f"{slug}.md").write_text(dump_article(article), encoding="utf-8")


def check(root):
    return subprocess.run([sys.executable, "-m", "sitegen", "-C", str(root), "check"], capture_output=True, text=True, timeout=120)


def test_clean_archive_passes(tmp_path):
    write(tmp_path, "a", "A", licence=Licence(LicenceKind.CC, "Republished under a Creative Commons license.", "The Conversation"))
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "checked 1 articles" in result.stdout and "licences: cc 1" in result.stdout
    assert not (tmp_path / "public").exists()


def test_problems_are_listed_with_file_and_line(tmp_path):
    write(tmp_path, "a", "A", annotations=(Annotation("not in the text", "lost note"),),
          licence=Licence(LicenceKind.CC, None, None))
    write(tmp_path, "b", "B", body="See [the other one](missing-article.md).\n")
    (tmp_path / "content/articles/c.md").write_text("---\ntitle: C\ntags: oops\n---\nbody\n")
    result = check(tmp_path)
    assert result.returncode == 1
    err = result.stderr
    assert "content/articles/a.md:18: warning: annotation quote not found in the text: 'not in the text'" in err
    assert "content/articles/a.md: warning: licence: kind cc without the statement that grants it" in err
    assert "content/articles/b.md:" in err and "link to a missing article: missing-article.md" in err
    assert "content/articles/c.md:3: tags: expected a list, got a string" in err


def test_the_licence_table_shows_articles_per_kind_and_origin_and_what_public_does(tmp_path):
    conversation = Licence(LicenceKind.CC, "Republished under a Creative Commons license.", "The Conversation")
    write(tmp_path, "a", "A", licence=conversation)
    write(tmp_path, "b", "B", licence=conversation)
    write(tmp_path, "c", "C", licence=Licence(LicenceKind.ALL_RIGHTS_RESERVED, "All rights reserved.", "Media Ltd"))
    write(tmp_path, "d", "D")
    (tmp_path / "sitegen.toml").write_text('[licences]\nunknown = "excerpt"\n\n[origins."The Conversation"]\n'
                                           'licence = "CC BY-ND 4.0"\n')
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    table = result.stdout[result.stdout.index("licence table:"):].splitlines()
    assert [line.split() for line in table[1:]] == [
        ["kind", "origin", "articles", "public", "profile"],
        ["cc", "The", "Conversation", "[CC", "BY-ND", "4.0]", "2", "full"],
        ["all-rights-reserved", "Media", "Ltd", "1", "excerpt"],
        ["unknown", "(none)", "1", "excerpt"],
    ]


def test_a_link_the_public_profile_would_break_is_a_warning(tmp_path):
    cc = Licence(LicenceKind.CC, "Republished under a Creative Commons license.", "The Conversation")
    write(tmp_path, "a", "A", body="See [the unlicensed one](b.md).\n", licence=cc)
    write(tmp_path, "b", "B")  # licence unknown: the public profile omits it
    result = check(tmp_path)
    assert result.returncode == 0
    assert ("content/articles/a.md:19: warning: link to an article the public profile leaves out (its licence): b.md"
            in result.stderr)
