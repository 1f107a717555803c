"""Split a large synthetic dump and report time and peak memory: `python benchmarks/split_large.py [MB]`.

The split step must stay linear in the size of the dump and bounded in memory;
this prints MB/s for a dump of the given size (default 50 MB) so a regression
shows as a drop. Three figures, each as wall time and CPU time (user + system:
on a shared machine the CPU time is the one to compare between runs):

- `sitegen split`: the whole path (`split_files` into an empty archive: decode,
  segment, roles, boundaries, assemble, near-duplicate match, article files,
  index), with the peak RSS of the process at its end — the figure that counts;
- of which the split: the time spent producing the articles (decoding the file
  and the pure split, streamed), and the store: the rest (matching against the
  archive, making and writing the files, the journal and the index);
- `split_text` alone: the pure split of the dump's text held in memory (run last,
  so its memory does not count in the peak above).
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout's split

from sitegen.archive import store  # noqa: E402
from sitegen.split import split_text  # noqa: E402

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
    """Wall and CPU seconds (user + system, every thread of the process)."""

    wall: float = 0.0
    cpu: float = 0.0

    @staticmethod
    def now() -> Clock:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return Clock(time.perf_counter(), usage.ru_utime + usage.ru_stime)

    def __sub__(self, other: Clock) -> Clock:
        return Clock(self.wall - other.wall, self.cpu - other.cpu)

    def __add__(self, other: Clock) -> Clock:
        return Clock(self.wall + other.wall, self.cpu + other.cpu)

    def show(self, megabytes: float) -> str:
        return (f"wall {self.wall:6.1f} s ({megabytes / self.wall:4.1f} MB/s), "
                f"CPU {self.cpu:6.1f} s ({megabytes / self.cpu:4.1f} MB/s)")


def timed(articles: Iterator, spent: list[Clock]) -> Iterator:
    """`articles`, adding the time spent producing them to spent[0]."""
    while True:
        started = Clock.now()
        try:
            article = next(articles)
        except StopIteration:
            spent[0] += Clock.now() - started
            return
        spent[0] += Clock.now() - started
        yield article


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "big.txt"
        count = make_dump(dump, megabytes)
        splitting = [Clock()]
        streamed = store.dump_articles
        store.dump_articles = lambda *args: timed(streamed(*args), splitting)  # type: ignore[assignment]
        started = Clock.now()
        report = store.split_files([dump], Path(tmp) / "articles")
        whole = Clock.now() - started
        store.dump_articles = streamed  # type: ignore[assignment]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        text = dump.read_text(encoding="utf-8")
        started = Clock.now()
        pure = split_text(text, dump.name)
        alone = Clock.now() - started
    print(f"{megabytes} MB dump, {count:,} articles: {len(report.outcomes):,} written, peak RSS {peak:.0f} MB")
    print(f"  sitegen split (split_files):  {whole.show(megabytes)}")
    print(f"    the split (decode, streamed): {splitting[0].show(megabytes)}")
    print(f"    the store (match, write):     {(whole - splitting[0]).show(megabytes)}")
    print(f"  split_text alone, in memory:  {alone.show(megabytes)}  ({len(pure.articles):,} articles)")


if __name__ == "__main__":
    main()
