"""Split a large synthetic dump and report time and peak memory: `python benchmarks/split_large.py [MB]`.

The split step must stay linear in the size of the dump; this prints MB/s for a
dump of the given size (default 50 MB) so a regression shows as a drop.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from sitegen.archive.store import split_files

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


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "big.txt"
        count = make_dump(dump, megabytes)
        started = time.perf_counter()
        report = split_files([dump], Path(tmp) / "articles")
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{megabytes} MB dump, {count:,} articles: {len(report.outcomes):,} written in {seconds:.1f} s "
          f"({megabytes / seconds:.1f} MB/s), peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
