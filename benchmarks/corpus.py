"""A deterministic synthetic archive of news-like articles in sitegen's format.

`python benchmarks/corpus.py N DIR` writes DIR/content/articles/ with N articles of
8–25 paragraphs, 2–5 tags and 1–2 authors each (the same N and seed give the same bytes).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from sitegen.frontmatter import dump_article
from sitegen.model import Article, Licence, LicenceKind, Source

WORDS = (
    "government minister economy market trade tariffs prices inflation bank rates growth election court "
    "policy report officials company shares investors energy oil gas climate drought harvest farmers "
    "workers union factory exports imports border security military talks agreement ceasefire region "
    "city council budget schools hospital research university students technology chips data privacy "
    "the a of and to in on for with as by from that this which while after before during about"
).split()
TAGS = [f"topic-{n}" for n in range(120)]
PEOPLE = [f"{first} {last}" for first in ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatma", "Goran", "Hana")
          for last in ("Ito", "Jones", "Kumar", "Lopez", "Mensah", "Novak", "Okafor", "Park")]
PUBLISHERS = ["Asia Times", "The Ledger", "FinanceAsia", "Harbour Post", "Plains Daily"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    return " ".join(words).capitalize() + "."


def article(n: int, rng: random.Random) -> Article:
    paragraphs = ["  ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(8, 25))]
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))).capitalize() + f" {n}"
    return Article(
        slug=f"article-{n:06d}", path="", title=title, body="\n\n".join(paragraphs) + "\n",
        authors=tuple(rng.sample(PEOPLE, rng.randint(1, 2))), publisher=rng.choice(PUBLISHERS),
        date=dt.date(2020, 1, 1) + dt.timedelta(days=n % 1800), tags=tuple(rng.sample(TAGS, rng.randint(2, 5))),
        licence=Licence(LicenceKind.CC, "Republished under a Creative Commons license.", "The Conversation"),
        source=(Source("synthetic.txt", (n * 10 + 1, n * 10 + 9)),),
    )


def articles(count: int, seed: int = 7) -> Iterator[Article]:
    """The corpus's articles, one at a time (the same count and seed give the same articles)."""
    rng = random.Random(seed)
    for n in range(count):
        yield article(n, rng)


def write_corpus(count: int, root: Path, seed: int = 7) -> Path:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for item in articles(count, seed):
        (folder / f"{item.slug}.md").write_text(dump_article(item), encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
