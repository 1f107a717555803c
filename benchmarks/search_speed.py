"""Full-text search at archive scale: `python benchmarks/search_speed.py [--sizes 10000 100000] [--markdown]`.

For each size: the synthetic corpus (benchmarks/corpus.py, with an editor's note on
every 50th article) is indexed by sitegen.search in a new process (wall time and
peak memory of that process), and the index is put into a small site built by
sitegen, so the search box and site.js are the real ones. Then, in Chromium, from
file://, each query is typed into a fresh tab (nothing loaded or cached yet) and
timed until the results are on screen; the bytes it loaded are the sizes of the
index's scripts the page added. Prints the index's size and, per query, the bytes
loaded and the time to the first results (median of `--repeat` tabs).

With `--engines SIZE…`, the packaged client-side engines sitegen could have used
instead (MiniSearch, lunr; installed from npm into benchmarks/work/npm) index the
same documents in Node (benchmarks/search_engines.mjs): the size of the one index
each must load before its first query, and the time to index and to load it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare import WORK, measure, sitegen_env  # noqa: E402
from corpus import articles, write_corpus  # noqa: E402
from reload_latency import ARGS, CHROMIUM  # noqa: E402

QUERIES = ("government", "election court", "gover", "harvest farmers drought", "climate 4321", "zeitgeist")
NOTE_EVERY = 50
ENGINES = ("minisearch@7.2.0", "lunr@2.3.9")

TIMED_SEARCH = """async (query) => {
  const box = document.getElementById("search-box");
  const results = document.getElementById("search-results");
  const started = performance.now();
  const shown = new Promise(resolve => {
    const seen = () => results.querySelector(".hits, .search-none") && !results.hidden;
    new MutationObserver((_, observer) => { if (seen()) { observer.disconnect(); resolve(); } })
      .observe(results, { childList: true, subtree: true, attributes: true });
  });
  box.value = query;
  box.dispatchEvent(new Event("input"));
  await shown;
  const ms = performance.now() - started;
  return { ms, hits: results.querySelectorAll(".hits li").length, more: (results.querySelector(".search-more") || {}).textContent || "",
           scripts: Array.from(document.scripts, s => s.src).filter(s => s.includes("/search/")) };
}"""


def search_docs(size: int):
    """The corpus as search documents, with a note on every NOTE_EVERY-th article (one says "zeitgeist")."""
    from sitegen.search import SearchDoc

    for n, article in enumerate(articles(size)):
        notes = ()
        if n % NOTE_EVERY == 0:
            notes = ("A note on the zeitgeist of the time.",) if n == size // 2 // NOTE_EVERY * NOTE_EVERY else (
                f"Editor's note {n}: compare with the earlier report.",)
        yield SearchDoc(article.slug, (article.date.isoformat(),), article.title, f"articles/{article.slug}.html",
                        (*article.authors, article.publisher or ""), article.tags, article.body, notes)


def build(size: int, folder: Path) -> None:
    """Index the corpus of `size` and write the index's files into `folder` (run in its own process);
    print the wall and CPU seconds of the indexing alone (not making the corpus or writing files)."""
    from sitegen.search import build_index, index_files

    docs = list(search_docs(size))
    wall, cpu = time.perf_counter(), time.process_time()
    made = index_files(build_index(docs))
    timing = {"index_s": time.perf_counter() - wall, "index_cpu_s": time.process_time() - cpu}
    for name, data in made.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(json.dumps(timing))


def site_with_index(size: int) -> tuple[Path, dict]:
    """A small sitegen site whose search/ holds the index of `size` articles; and how the build went."""
    root = WORK / "search" / str(size)
    shutil.rmtree(root, ignore_errors=True)
    write_corpus(3, root)
    subprocess.run([sys.executable, "-m", "sitegen", "-C", str(root), "-q", "build"], check=True, env=sitegen_env())
    index = root / "public" / "search"
    for name in ("manifest.js", "terms", "docs"):
        target = index / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    log = WORK / "search" / f"build-{size}.log"
    run = measure([sys.executable, str(Path(__file__).resolve()), "build", str(size), str(index)], env=sitegen_env(),
                  log=log)
    timing = json.loads(log.read_text().strip().splitlines()[-1])
    return root / "public", {"seconds": run.seconds, "peak_bytes": run.peak_bytes, **timing}


def index_size(public: Path) -> dict:
    folder = public / "search"
    files = [p for p in folder.rglob("*.js")]
    terms = [p.stat().st_size for p in files if p.parent.name == "terms"]
    docs = [p.stat().st_size for p in files if p.parent.name == "docs"]
    return {"manifest": (folder / "manifest.js").stat().st_size, "shards": len(terms), "terms_bytes": sum(terms),
            "largest_shard": max(terms), "docs": len(docs), "docs_bytes": sum(docs)}


def time_queries(public: Path, queries: tuple[str, ...], repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for query in queries:
            runs = []
            for _ in range(repeat):
                context = browser.new_context()
                page = context.new_page()
                page.goto((public / "index.html").as_uri())
                runs.append(page.evaluate(TIMED_SEARCH, query))
                context.close()
            scripts = {s.split("?")[0] for s in runs[0]["scripts"]}
            loaded = sum((public / s[len(public.as_uri()) + 1:]).stat().st_size for s in scripts)
            out.append({"query": query, "ms": statistics.median(r["ms"] for r in runs), "bytes": loaded,
                        "files": len(scripts), "shown": runs[0]["hits"], "more": runs[0]["more"]})
        browser.close()
    return out


def engines(size: int) -> dict:
    """MiniSearch and lunr on the same documents (see search_engines.mjs)."""
    folder = WORK / "npm"
    marker = folder / "installed.txt"
    if not marker.is_file() or marker.read_text() != " ".join(ENGINES):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent", *ENGINES],
                       check=True)
        marker.write_text(" ".join(ENGINES))
    docs = WORK / "search" / f"docs-{size}.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for d in search_docs(size):
            out.write(json.dumps({"t": d.title, "p": " ".join((*d.people, *d.tags)), "x": d.text, "n": " ".join(d.notes)})
                      + "\n")
    done = subprocess.run(["node", "--max-old-space-size=8192", str(HERE / "search_engines.mjs"), str(docs)],
                          capture_output=True, text=True, check=True, env={**os.environ, "ENGINES_DIR": str(folder)})
    return json.loads(done.stdout)


def engines_report(size: int, found: dict) -> str:
    return "\n".join(
        f"{size:,} articles, {name}: one index of {r['bytes'] / 2**20:.1f} MiB to load before the first query "
        f"(indexing {r['index_ms'] / 1000:.1f} s, loading {r['load_ms']:.0f} ms, 'election court' {r['query_ms']:.0f} ms)"
        for name, r in found.items())


def report(size: int, built: dict, sizes: dict, queries: list[dict], markdown: bool) -> str:
    mib = 2**20
    head = (f"{size:,} articles: indexed in {built['index_s']:.1f} s ({built['index_cpu_s']:.1f} s CPU; the process, "
            f"making the corpus and writing the files too: {built['seconds']:.0f} s, peak {built['peak_bytes'] / mib:,.0f} MiB); "
            f"{sizes['shards']:,} term shards, {sizes['terms_bytes'] / mib:.1f} MiB (largest "
            f"{sizes['largest_shard'] / 1024:.0f} KiB), manifest {sizes['manifest'] / 1024:.0f} KiB, "
            f"{sizes['docs']:,} document files, {sizes['docs_bytes'] / mib:.0f} MiB")
    rows = [[q["query"], f"{q['bytes'] / 1024:,.0f} KiB", str(q["files"]), f"{q['ms']:.0f} ms",
             f"{q['shown']} shown{' · ' + q['more'] if q['more'] else ''}"] for q in queries]
    header = ["query", "loaded", "files", "first results", "results"]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|---|---:|---:|---:|---|"] + ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]
    return head + "\n\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["build"]:
        build(int(argv[1]), Path(argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000], help="archive sizes (articles)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh tabs per query (the median is reported)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--engines", type=int, nargs="*", default=[], help="sizes to index with MiniSearch and lunr")
    args = parser.parse_args(argv)
    results = {}
    for size in args.sizes:
        print(f"indexing {size:,} articles …", file=sys.stderr, flush=True)
        public, built = site_with_index(size)
        sizes = index_size(public)
        queries = time_queries(public, QUERIES, args.repeat)
        results[size] = {"build": built, "index": sizes, "queries": queries}
        print(report(size, built, sizes, queries, args.markdown), flush=True)
        print(flush=True)
    for size in args.engines:
        print(f"indexing {size:,} articles with MiniSearch and lunr …", file=sys.stderr, flush=True)
        found = engines(size)
        results[f"engines-{size}"] = found
        print(engines_report(size, found), flush=True)
    (WORK / "search.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
