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


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "sitegen", "-C", str(root), *args], capture_output=True, text=True, timeout=120)


NOTED = """---
title: Notes   # the editor's title
annotations:
  - quote: "a heartbreaking North Korean circumstance"
    note: "Spun text."   # keep
    tags: [spin]
  - quote: "the bot"
    note: which one?
  - quote: "a sentence that was cut entirely"
    note: lost
  - quote: "Photo: Reuters"
    note: "Image caption or credit from the source page."
    tags: [flag]
  - quote: "Later the bot spoke"
    note: "Names and roles, no sentence."
    tags: [flag, review]
---
Critics ought to pay attention to a heart-breaking North Korean circumstance.

The bot spoke. Later the bot spoke again, and the bot sang.

Photo: Reuters
"""


def test_check_lists_every_note_not_placed_exactly_with_its_best_candidate(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "n.md").write_text(NOTED, encoding="utf-8")
    result = run(tmp_path, "check")
    assert result.returncode == 0, result.stderr  # warnings only
    err = result.stderr
    assert ("content/articles/n.md:4: warning: annotation re-anchored: quote 'a heartbreaking North Korean circumstance' "
            "now reads 'a heart-breaking North Korean circumstance'") in err
    assert "content/articles/n.md:7: warning: annotation quote occurs more than once" in err
    assert "anchored to the first occurrence (prefix: 'spoke. Later ' would pick it)" in err  # the context that would pick the first
    assert "content/articles/n.md:9: warning: annotation quote not found in the text: 'a sentence that was cut entirely'" in err
    assert run(tmp_path, "check", "--strict").returncode == 1


def test_check_fix_shows_then_rewrites_only_the_quote(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    path = folder / "n.md"
    path.write_text(NOTED, encoding="utf-8")
    result = run(tmp_path, "check", "--fix")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "  - quote: 'a heartbreaking North Korean circumstance'\n  + quote: 'a heart-breaking North Korean circumstance'" in out
    assert out.index("+ quote:") < out.index("content/articles/n.md:4: quote rewritten")
    assert path.read_text(encoding="utf-8") == NOTED.replace(
        '"a heartbreaking North Korean circumstance"', '"a heart-breaking North Korean circumstance"'
    )
    again = run(tmp_path, "check", "--fix")
    assert "no re-anchored quotes to fix" in again.stdout and "re-anchored" not in again.stderr


def test_check_flags_lists_the_split_flags_by_kind(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "n.md").write_text(NOTED, encoding="utf-8")
    out = run(tmp_path, "check", "--flags").stdout
    assert "flags left for the editor: 2, by kind:" in out
    caption = out.index("  Image caption or credit from the source page (1)\n    content/articles/n.md:11: 'Photo: Reuters'")
    review = out.index("  review (1)\n    content/articles/n.md:14: 'Later the bot spoke'")
    assert caption < review
    assert "flags left" not in run(tmp_path, "check").stdout


def test_fix_refuses_a_file_changed_since_the_check(tmp_path):
    from sitegen.check import check_archive, fix_quotes
    from sitegen.config import load_config

    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    path = folder / "n.md"
    path.write_text(NOTED, encoding="utf-8")
    report = check_archive(load_config(tmp_path), fixing=True)
    assert len(report.fixes) == 1
    theirs = NOTED.replace("a heart-breaking North Korean", "a heart‑breaking, sad North Korean")
    path.write_text(theirs, encoding="utf-8")
    (outcome,) = fix_quotes(report.fixes)
    assert outcome.startswith("content/articles/n.md:4: not fixed:") and "changed on disk" in outcome
    assert path.read_text(encoding="utf-8") == theirs


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
