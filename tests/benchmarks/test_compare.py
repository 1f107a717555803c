"""The comparison benchmark's harness (benchmarks/compare.py) on tiny inputs: the same corpus for
three tools, measuring a process tree, the report. No timing is asserted: the figures are the
benchmark's to print, not the tests' to judge."""

from __future__ import annotations

import sys
import time

import yaml

from benchmarks import compare
from benchmarks.compare import Run, SizeResult
from sitegen.frontmatter import read_article


def test_the_three_tools_get_the_same_articles(tmp_path):
    sites = compare.write_sites(6, tmp_path / "six")
    ours = sorted((sites.sitegen / "content" / "articles").glob("*.md"))
    hugo = sorted((sites.hugo / "content" / "articles").glob("*.md"))
    pelican = sorted((sites.pelican / "articles").glob("*.md"))
    assert [p.name for p in ours] == [p.name for p in hugo] == [p.name for p in pelican]
    assert (sites.hugo / "hugo.toml").is_file() and (sites.hugo / "layouts" / "page.html").is_file()
    for mine, theirs, other in zip(ours, hugo, pelican):
        article, problems = read_article(mine.read_text(encoding="utf-8"), str(mine), mine.stem)
        assert article is not None and not problems
        _, front, body = theirs.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        assert (meta["title"], meta["tags"], meta["authors"]) == (article.title, list(article.tags), list(article.authors))
        assert meta["publishers"] == [article.publisher]
        head, text = other.read_text(encoding="utf-8").split("\n\n", 1)
        lines = dict(line.split(": ", 1) for line in head.splitlines())
        assert lines["Title"] == article.title and lines["Tags"] == ", ".join(article.tags)
        assert lines["Authors"] == ", ".join(article.authors) and lines["Category"] == article.publisher
        assert body.strip() == text.strip() == article.body.strip()


def test_a_corpus_already_written_is_reused_and_another_size_replaces_it(tmp_path):
    root = tmp_path / "corpus"
    compare.write_sites(3, root)
    marker = root / "sitegen" / "content" / "articles" / "article-000000.md"
    marker.write_text(marker.read_text(encoding="utf-8") + "\nkept\n", encoding="utf-8")
    compare.write_sites(3, root)
    assert marker.read_text(encoding="utf-8").endswith("kept\n")
    sites = compare.write_sites(4, root)
    assert len(list((sites.pelican / "articles").glob("*.md"))) == 4
    assert not marker.read_text(encoding="utf-8").endswith("kept\n")


def test_peak_memory_counts_the_children_of_the_build(tmp_path):
    child = "import time; b = bytearray(120 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(0.6)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    run = compare.measure([sys.executable, "-c", parent], log=tmp_path / "log")
    assert run.peak_bytes > 120 * 2**20
    assert run.seconds > 0.6
    assert run.peak_pss > 120 * 2**20  # the child's own pages count whole in its PSS too


def test_the_cpu_time_of_the_children_of_the_build_counts(tmp_path):
    child = "import time; end = time.process_time() + 0.4\nwhile time.process_time() < end: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    run = compare.measure([sys.executable, "-c", parent], log=tmp_path / "log")
    assert run.user + run.system >= 0.4


def test_pages_a_forked_child_shares_count_twice_in_the_rss_sum_and_once_in_the_pss(tmp_path):
    script = ("import os, time; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); pid = os.fork()\n"
              "time.sleep(0.8)\n"
              "if pid: os.waitpid(pid, 0)\n")
    run = compare.measure([sys.executable, "-c", script], log=tmp_path / "log")
    assert run.peak_bytes > 2 * 200 * 2**20
    assert 200 * 2**20 < run.peak_pss < 1.5 * 200 * 2**20


def test_measuring_a_large_build_takes_little_of_the_machine_it_shares(tmp_path):
    # Reading a large process's PSS makes the kernel walk its page table; read every 20 ms it would
    # take a third of a core from the build being timed, and most from the tool using most memory.
    script = "import time; b = bytearray(800 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(3)"
    before = time.process_time()
    run = compare.measure([sys.executable, "-c", script], log=tmp_path / "log")
    sampler = time.process_time() - before
    assert run.peak_pss > 800 * 2**20 / compare.PSS_STEP * 0.95  # read again at each new high by PSS_STEP
    assert sampler < 0.1 * run.seconds  # a third of a core when read every 20 ms


def test_a_failing_build_stops_the_benchmark_with_its_output(tmp_path):
    try:
        compare.measure([sys.executable, "-c", "print('broken template'); raise SystemExit(3)"], log=tmp_path / "log")
    except RuntimeError as exc:
        assert "exited 3" in str(exc) and "broken template" in str(exc)
    else:
        raise AssertionError("a failing build was measured as if it had worked")


def test_runs_alternate_so_no_tool_always_goes_first():
    orders = [compare.rotation(compare.TOOLS, n) for n in range(3)]
    assert {order[0] for order in orders} == set(compare.TOOLS)
    assert all(sorted(order) == sorted(compare.TOOLS) for order in orders)


def test_a_sitegen_build_of_the_corpus_and_an_edit(tmp_path):
    sites = compare.write_sites(4, tmp_path / "four")
    command, env = compare.build_command("sitegen", sites), compare.sitegen_env()
    compare.measure(command, env=env, log=tmp_path / "log")
    written = compare.count_files(sites.output("sitegen"))
    assert written["pages"] >= 4 + 1 and written["feeds"] >= 1
    edited = compare.edit_article(sites, 0)
    first = edited.read_text(encoding="utf-8")
    compare.edit_article(sites, 1)
    second = edited.read_text(encoding="utf-8")
    assert first != second and second.count("Edited for the benchmark") == 1
    assert read_article(second, str(edited), edited.stem)[1] == []
    compare.measure(command, env=env, log=tmp_path / "log")
    page = (sites.output("sitegen") / "articles" / f"{edited.stem}.html").read_text(encoding="utf-8")
    assert "Edited for the benchmark, 1." in page
    trash = compare.Trash(tmp_path / "trash")
    compare.make_cold("sitegen", sites, trash)
    assert not sites.output("sitegen").exists() and not (sites.sitegen / ".sitegen-cache").exists()
    compare.measure(command, env=env, log=tmp_path / "log")  # a cold build again: the same pages
    assert compare.count_files(sites.output("sitegen")) == written
    trash.empty()
    assert not trash.folder.exists()


def test_what_a_cold_build_replaces_is_moved_aside_and_deleted_later(tmp_path):
    trash = compare.Trash(tmp_path / "trash")
    for n in range(2):  # the same name twice: both kept until the trash is emptied
        out = tmp_path / "site" / "public"
        (out / "tags").mkdir(parents=True)
        (out / "tags" / "index.html").write_text(f"site {n}")
        trash.aside(out)
        assert not out.exists()
    kept = sorted(p.read_text() for p in trash.folder.rglob("index.html"))
    assert kept == ["site 0", "site 1"]
    trash.aside(tmp_path / "site" / "nothing-there")  # a folder no build made yet: nothing to move
    trash.empty()
    assert not trash.folder.exists() and (tmp_path / "site").is_dir()


def test_the_table_gives_sitegens_ratio_to_each_tool():
    result = SizeResult(1000, cold={"hugo": Run(4.0, 300 * 2**20), "pelican": Run(10.0, 100 * 2**20),
                                    "sitegen": Run(2.0, 200 * 2**20, 150 * 2**20)},
                        unchanged=Run(0.2, 50 * 2**20), one_edit=Run(0.5, 60 * 2**20), first_page=1.5, reload_ms=80)
    text = compare.table([result], markdown=True)
    lines = text.splitlines()
    assert lines[0].startswith("| build |") and all(line.count("|") == 9 for line in lines)
    assert "| peak memory | peak PSS |" in lines[0]
    sitegen = next(line for line in lines if line.startswith("| sitegen, cold"))
    assert "0.50× Hugo" in sitegen and "0.20× Pelican" in sitegen and "2.00" in sitegen
    assert "| 200 MiB | 150 MiB |" in sitegen
    assert "0.05× Hugo cold" in next(line for line in lines if "nothing changed" in line)
    assert "80 ms" in text and "1.50 s" in text
    plain = compare.table([SizeResult(100, cold={"sitegen": Run(1.0, 2**20)})], markdown=False)
    assert "|" not in plain and "sitegen, cold" in plain and "Hugo" not in plain
