"""Split a large synthetic dump and report time and peak memory: `python benchmarks/split_large.py [MB]`.

The split step must stay linear in the size of the dump and bounded in memory;
this prints MB/s for a dump of the given size (default 50 MB) so a regression
shows as a drop. Each figure is given as wall time and CPU time (user + system:
on a shared machine the CPU time is the one to compare between runs):

- `sitegen split`: the whole path (`split_files` into an empty archive: decode,
  segment, roles, boundaries, assemble, near-duplicate sketch and match,
  article files, index) — the figure that counts. A dump this large is split
  in a second process while this one writes, so the CPU time is both
  processes', and it is shown apart: the split (the child: decoding and the
  streamed split) and the store (this process: sketches and matching against
  the archive, making, checking and writing the files, journal and index). Peak
  RSS is shown for each process;
- `split_text` alone: the pure split of the dump's text held in memory, in
  this process (run last, so its memory does not count in the peak above);
- the quality corpus's dumps, each split alone with `split_text`: real page
  shapes (short lines, menus, by-lines, furniture) cost several times more per
  megabyte than the synthetic dump's long paragraphs, so this is the rate a
  user's scraped pages see, per core;
- the same dumps through `sitegen split` (`split_files` into an empty archive,
  files written): the rate a user who splits many dumps at once sees, with a
  worker a core splitting ahead of the writer (`ahead.SplitAhead`), and in one
  process for comparison.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout's split

from sitegen.archive import ahead, store  # noqa: E402
from sitegen.split import split_text  # noqa: E402

CORPUS = ROOT / "benchmarks" / "split_corpus"

WORDS = (
    "council budget debate schools roads fund minister port ships harvest prices traders rates bank "
    "election court judge police river storm farmers workers union factory exports imports tariffs "
    "market shares bonds yen dollar energy oil gas coal solar wind rail bridge airport hospital "
    "teachers students museum festival drought flood wildfire vaccine clinic research"
).split()


def make_dump(path: Path, megabytes: int) -> int:
    n = 0
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * 1_000_000:
            out.write(f"Budget story number {n} for district {n % 97} – The Ledger\n\n")
            for p in range(12):
                words = [rng.choice(WORDS) for _ in range(40)]
                out.write("The " + " ".join(words) + f" said officials on day {p}.\n\n")
            out.write("Jane Hill is a reporter at The Ledger.\n\nContinue Reading\n\n")
            n += 1
    return n


@dataclass
class Clock:
    """Wall seconds, and CPU seconds (user + system) of this process and of its children."""

    wall: float = 0.0
    cpu: float = 0.0
    children: float = 0.0

    @staticmethod
    def now() -> Clock:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        return Clock(time.perf_counter(), usage.ru_utime + usage.ru_stime, child.ru_utime + child.ru_stime)

    def __sub__(self, other: Clock) -> Clock:
        return Clock(self.wall - other.wall, self.cpu - other.cpu, self.children - other.children)


def rate(megabytes: float, seconds: float) -> str:
    if seconds <= 0.05:
        return f"{seconds:6.1f} s"
    speed = megabytes / seconds
    return f"{seconds:6.1f} s ({speed:4.2f} MB/s)" if speed < 1 else f"{seconds:6.1f} s ({speed:4.1f} MB/s)"


def corpus_rate() -> tuple[int, float, Clock]:
    """The corpus's dumps split one by one: (dumps, megabytes, time taken)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*/*.txt"))]
    started = Clock.now()
    for number, text in enumerate(texts):
        split_text(text, f"dump{number}.txt")
    return len(texts), sum(len(text.encode()) for text in texts) / 1_000_000, Clock.now() - started


def corpus_split_files(cores: int | None) -> Clock:
    """The corpus's dumps split into an empty archive by `split_files`, with `cores` workers (None: one
    a core; 1: all in this process)."""
    dumps = sorted(CORPUS.glob("*/*.txt"))
    found = ahead._cores
    if cores is not None:
        ahead._cores = lambda: cores
    try:
        with tempfile.TemporaryDirectory() as tmp:
            started = Clock.now()
            store.split_files(dumps, Path(tmp) / "content" / "articles")
            return Clock.now() - started
    finally:
        ahead._cores = found


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "big.txt"
        count = make_dump(dump, megabytes)
        started = Clock.now()
        report = store.split_files([dump], Path(tmp) / "articles")
        whole = Clock.now() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        text = dump.read_text(encoding="utf-8")
        started = Clock.now()
        pure = split_text(text, dump.name)
        alone = Clock.now() - started
    print(f"{megabytes} MB dump, {count:,} articles: {len(report.outcomes):,} written, "
          f"peak RSS {peak:.0f} MB (store), {peak_child:.0f} MB (split process)")
    print(f"  sitegen split (split_files):  wall {rate(megabytes, whole.wall)}, CPU {rate(megabytes, whole.cpu + whole.children)}")
    print(f"    the split (second process): CPU {rate(megabytes, whole.children)}")
    print(f"    the store (this process):   CPU {rate(megabytes, whole.cpu)}")
    print(f"  split_text alone, in memory:  wall {rate(megabytes, alone.wall)}, CPU {rate(megabytes, alone.cpu)}"
          f"  ({len(pure.articles):,} articles)")
    dumps, size, taken = corpus_rate()
    print(f"  the corpus's {dumps} dumps ({size:.1f} MB), split_text each: wall {rate(size, taken.wall)}, CPU {rate(size, taken.cpu)}")
    alone = corpus_split_files(1)
    shared = corpus_split_files(None)
    print(f"  the same dumps, sitegen split into an empty archive, one process: wall {rate(size, alone.wall)}, "
          f"CPU {rate(size, alone.cpu + alone.children)}")
    print(f"    with a worker a core ({ahead._cores()} cores): wall {rate(size, shared.wall)}, "
          f"CPU {rate(size, shared.cpu + shared.children)}  ({alone.wall / shared.wall:.2f}× faster)")


if __name__ == "__main__":
    main()
