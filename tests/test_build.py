"""`sitegen build` as a whole: atomic, all errors at once, warnings only fail with --strict."""

import subprocess
import sys
from dataclasses import replace

import pytest

from sitegen.frontmatter import dump_article
from sitegen.model import Annotation, Article, Licence, LicenceKind, Source


def article(slug, title, body="A paragraph of text.\n", **fields):
    return Article(
        slug=slug, path=f"{slug}.md", title=title, body=body,
        licence=Licence(LicenceKind.CC, "Republished under a Creative Commons license.", "The Conversation"),
        source=(Source("dump.txt", (1, 3)),), **fields,
    )


def write(archive, *articles):
    folder = archive / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for item in articles:
        (folder / f"{item.slug}.md").write_text(dump_article(item), encoding="utf-8")


def sitegen(archive, *args):
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "-C", str(archive), *args],
        capture_output=True, text=True, timeout=300,
    )


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def archive(tmp_path):
    write(tmp_path, article("one", "First article", tags=("ai",)), article("two", "Second article"))
    return tmp_path


def test_build_writes_a_page_per_article(archive):
    result = sitegen(archive, "build")
    assert result.returncode == 0, result.stderr
    assert (archive / "public/articles/one.html").is_file()
    assert (archive / "public/articles/two.html").is_file()
    assert "built" in result.stdout and "Traceback" not in result.stderr


def test_a_failed_build_leaves_the_previous_site_untouched(archive):
    assert sitegen(archive, "build").returncode == 0
    before = snapshot(archive / "public")
    bad = archive / "content/articles/two.md"
    bad.write_text(bad.read_text().replace("tags: []", "tags: [oops"), encoding="utf-8")
    (archive / "content/articles/three.md").write_text("---\ntitle: [x]\n---\nbody\n")
    result = sitegen(archive, "build")
    assert result.returncode == 1
    # every error at once, each once, with the file and the line to fix
    tags_line = bad.read_text().splitlines().index("tags: [oops") + 1
    assert f"content/articles/two.md:{tags_line}: front matter is not valid YAML" in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith("content/articles/")]
    assert len(reported) == len(set(reported)), result.stderr
    assert str(archive) not in result.stderr  # files are named as the archive knows them, never twice
    assert "content/articles/three.md:2: title: expected text, got a list" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(archive / "public") == before


def test_unplaced_annotation_warns_but_builds_unless_strict(archive):
    lost = article("lost", "Lost note", annotations=(Annotation("words that are not there", "gone"),))
    write(archive, lost)
    result = sitegen(archive, "build")
    assert result.returncode == 0
    assert "content/articles/lost.md:" in result.stderr and "not found" in result.stderr
    assert sitegen(archive, "build", "--strict").returncode == 1


def test_rebuild_without_changes_writes_nothing(archive):
    assert sitegen(archive, "build").returncode == 0
    mtimes = {p: p.stat().st_mtime_ns for p in (archive / "public").rglob("*") if p.is_file()}
    result = sitegen(archive, "build")
    assert result.returncode == 0 and "0 files written" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in (archive / "public").rglob("*") if p.is_file()} == mtimes


def test_output_dir_cannot_be_the_archive_itself(archive):
    result = sitegen(archive, "build", "--output", ".")
    assert result.returncode == 1 and "would replace the archive" in result.stderr
    assert (archive / "content/articles/one.md").is_file()


def test_a_re_anchored_note_is_drawn_and_warned_about_with_old_and_new_text(tmp_path):
    write(tmp_path, article("moved", "Moved", body="Critics should mind a heart-breaking North Korean case.\n",
                            annotations=(Annotation("a heartbreaking North Korean case", "spun"),)))
    result = sitegen(tmp_path, "build")
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "content" / "articles" / "moved.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.lstrip().startswith("- quote:"))  # as the build left it
    assert (f"content/articles/moved.md:{line}: warning: annotation re-anchored: quote 'a heartbreaking North Korean case' "
            "now reads 'a heart-breaking North Korean case'") in result.stderr
    page = (tmp_path / "public" / "articles" / "moved.html").read_text(encoding="utf-8")
    assert '<mark class="hl" data-note="1" id="hl-1">a heart-breaking North Korean case</mark>' in page
    assert sitegen(tmp_path, "build", "--strict").returncode == 1


def test_a_new_process_that_redraws_most_pages_in_several_workers_keeps_the_rest(tmp_path):
    """Every article revised (drawn by forked workers), while the tag list keeps its key: the build
    must hard-link each kept file once, and give what a clean build gives."""
    from tests.faults.dumps import make_archive, write_articles

    def build(root):
        done = subprocess.run([sys.executable, "-m", "sitegen", "-C", str(root), "build"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return {p.relative_to(root / "public").as_posix(): p.read_bytes()
                for p in (root / "public").rglob("*") if p.is_file()}

    root, clean = make_archive(tmp_path / "a", "Workers"), make_archive(tmp_path / "b", "Workers")
    write_articles(root / "content/articles", 400)
    build(root)
    for folder in (root, clean):
        write_articles(folder / "content/articles", 400, revision="(revised)")
    assert build(root) == build(clean)


def _lose_bodies(monkeypatch, lost):
    """Make the build cache file answer as if each rendered body had been lost from it (damaged) when
    first read back."""
    from sitegen.cache import CacheFile

    real = CacheFile.get

    def get(self, table, key):
        if table == "bodies" and key not in lost:
            lost.append(key)
            return None
        return real(self, table, key)

    monkeypatch.setattr(CacheFile, "get", get)


def test_a_body_lost_from_the_cache_file_during_a_build_is_rendered_again_from_its_file(tmp_path, monkeypatch):
    from sitegen.build import Builder
    from sitegen.config import load_config

    note = Annotation(quote="second paragraph", note="Marked.")
    for name in ("clean", "lossy"):
        write(tmp_path / name, article("one", "First article", body="First paragraph.\n\nThe second paragraph.\n",
                                       annotations=(note,)), article("two", "Second article"))
    Builder(load_config(tmp_path / "clean")).build()
    lost = []
    _lose_bodies(monkeypatch, lost)
    Builder(load_config(tmp_path / "lossy")).build()  # a one-off build no longer holds the Markdown text
    assert lost, "the build read no body back from the cache file"
    assert snapshot(tmp_path / "lossy/public") == snapshot(tmp_path / "clean/public")
    assert "<mark" in (tmp_path / "lossy/public/articles/one.html").read_text()


def test_an_article_file_edited_while_its_lost_body_is_rendered_again_stops_the_build(tmp_path, monkeypatch):
    from sitegen.build import Builder
    from sitegen.config import load_config
    from sitegen.errors import ContentError
    from sitegen.render import pages

    write(tmp_path, article("one", "First article"), article("two", "Second article"))
    _lose_bodies(monkeypatch, [])
    real = pages.plan_site

    def plan_then_edit(*args, **kwargs):
        plan = real(*args, **kwargs)
        (tmp_path / "content/articles/one.md").write_text(dump_article(article("one", "Edited")), encoding="utf-8")
        return plan

    monkeypatch.setattr(pages, "plan_site", plan_then_edit)
    with pytest.raises(ContentError) as failed:
        Builder(load_config(tmp_path)).build()
    assert "content/articles/one.md" in [p.file for p in failed.value.problems]
    assert not (tmp_path / "public").exists()


@pytest.mark.parametrize("profile", ["local", "public"])
def test_bodies_rendered_by_the_processes_that_read_the_files_make_the_site_one_process_makes(
        tmp_path, monkeypatch, profile):
    """Files read by worker processes have their bodies rendered (and their search documents weighed)
    there, as they are read; the site is byte for byte the one a build that reads and renders in this
    process draws — excerpts of the public profile (rendered from the cut text, not the file's) and
    notes included."""
    from sitegen.archive import load
    from sitegen.bodies import BodyCache
    from sitegen.build import Builder
    from sitegen.config import load_config
    from sitegen.views import search as search_views

    reserved = Licence(LicenceKind.ALL_RIGHTS_RESERVED, "All rights reserved.", "The Times")
    note = Annotation(quote="second paragraph", note="*Marked.*")
    articles = [article(f"a{n}", f"Article {n}", body=f"First paragraph {n}.\n\nThe second paragraph {n}.\n",
                        annotations=(note,) if n % 3 == 0 else (), tags=(f"t{n % 4}",))
                for n in range(24)]
    articles = [replace(a, licence=reserved) if n % 5 == 0 else a for n, a in enumerate(articles)]
    for name in ("alone", "workers"):
        write(tmp_path / name, *articles)
        (tmp_path / name / "sitegen.toml").write_text(f'profile = "{profile}"\n', encoding="utf-8")
    result = Builder(load_config(tmp_path / "alone")).build()
    monkeypatch.setattr(load, "PARALLEL_FROM", 2)  # even these few files are read by worker processes
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    rendered_while_read = []
    real = BodyCache.put_read
    monkeypatch.setattr(BodyCache, "put_read", lambda self, read: rendered_while_read.extend(read[1]) or real(self, read))
    weighed_here = []
    real_impacts = search_views.impacts
    monkeypatch.setattr(search_views, "impacts", lambda doc: weighed_here.append(doc.key) or real_impacts(doc))
    together = Builder(load_config(tmp_path / "workers")).build()
    assert snapshot(tmp_path / "workers/public") == snapshot(tmp_path / "alone/public")
    assert sorted(weighed_here) == (["a0", "a10", "a15", "a20", "a5"] if profile == "public" else [])
    assert len(rendered_while_read) == (19 if profile == "public" else 24)  # an excerpt's file body is not rendered
    assert together.excerpts == result.excerpts == (5 if profile == "public" else 0)
