"""Raw dumps and archives made up for the fault tests: many distinct articles, the same bytes every time.

`write_dump(path, count, seed)` writes a dump in the shape scrapers produce
(title line with a publisher, paragraphs, a bio, `Continue Reading` between
articles); `make_archive(root)` a fresh archive folder with `sitegen.toml`.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

WORDS = (
    "council budget debate schools roads fund minister port ships harvest prices traders rates bank "
    "election court judge police river storm farmers workers union factory exports imports tariffs "
    "market shares bonds yen dollar energy oil gas coal solar wind rail bridge airport hospital "
    "teachers students museum festival drought flood wildfire vaccine clinic research lantern orchard "
    "glacier pepper violin harbour meadow copper tunnel saddle quarry thistle beacon marble cobalt"
).split()


def paragraph(rng: random.Random, words: int = 40) -> str:
    return "The " + " ".join(rng.choice(WORDS) for _ in range(words)) + " said officials."


def article_text(n: int, rng: random.Random, paragraphs: int = 6) -> str:
    body = "\n\n".join(paragraph(rng) for _ in range(paragraphs))
    return f"Story number {n} about {rng.choice(WORDS)} and {rng.choice(WORDS)} – The Ledger\n\n{body}\n\n" \
           f"Jane Hill{n} is a reporter at The Ledger.\n"


def article_texts(count: int, seed: int = 1, first: int = 0) -> list[str]:
    """`count` distinct articles, numbered from `first`; the same seed gives the same texts."""
    rng = random.Random(seed)
    return [article_text(first + n, rng) for n in range(count)]


def write_dump(path: Path, count: int | list[str], seed: int = 1, first: int = 0) -> Path:
    """A dump of `count` distinct articles (or of the given article texts)."""
    texts = article_texts(count, seed, first) if isinstance(count, int) else count
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\nContinue Reading\n\n".join(texts), encoding="utf-8")
    return path


def make_archive(root: Path, title: str = "Fault archive") -> Path:
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (root / "content" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "sitegen.toml").write_text(f'title = "{title}"\n', encoding="utf-8")
    return root


def write_articles(folder: Path, count: int, revision: str = "") -> None:
    """`count` short article files, as split writes them; a `revision` changes every one of them."""
    from sitegen.frontmatter import dump_article
    from sitegen.model import Article, Source

    rng = random.Random(3)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        slug = f"story-{n:04d}"
        body = f"{paragraph(rng, 30)}\n\n{paragraph(rng, 30)}{' ' + revision if revision else ''}\n"
        article = Article(
            slug=slug, path="", title=f"Story {n} {revision}".strip(), body=body,
            authors=(f"Reporter {n % 23}",), publisher="The Ledger", tags=(f"topic-{n % 17}",),
            date=None, added=dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
            source=(Source("stress.txt", (n * 10 + 1, n * 10 + 9)),),
        )
        (folder / f"{slug}.md").write_text(dump_article(article), encoding="utf-8")
