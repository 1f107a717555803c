"""A small in-memory archive for the site, views and render tests.

Several tags, authors and publishers; a fragment; an undated article; unicode;
hostile names (`<script>`, `../../x`, `/etc/passwd`, `CON`); two tags that
slugify alike ("AI", "ai"); placed, flagged and unplaced annotations. Bodies
are rendered with the real Markdown stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from sitegen.config import Config
from sitegen.markdown import render_body
from sitegen.model import Annotation, Article, ArticleKind, Licence, LicenceKind, Source
from sitegen.site import Site, make_site

XSS = "<script>alert(1)</script>"
BREAKOUT = "</script><script>alert(2)</script>\u2028"

CONVERSATION = Licence(
    LicenceKind.CC,
    "This article is republished from The Conversation under a Creative Commons license (CC BY-ND 4.0).",
    "The Conversation",
)

KOREA_BODY = """\
Lee Luda, a chatbot built to talk like a 20-year-old student, drew attention to a heartbreaking \
North Korean circumstance within weeks of its launch.

## What happened

The company behind it apologised, and the service was suspended. Critics said the **training data** \
had been taken from private conversations.

> Machines learn what we feed them.

```python
print("hello")
```

A final paragraph, with [a link](https://example.org/source) to the original.
"""


def article(slug: str, title: str, body: str = "Some words of text here.\n", **fields: object) -> Article:
    fields.setdefault("source", (Source("000_dump.txt", (1, 20)),))
    return Article(slug=slug, path=f"content/articles/{slug}.md", title=title, body=body, **fields)  # type: ignore[arg-type]


def sample_articles() -> tuple[Article, ...]:
    korea = article(
        "korea-chatbot",
        "From chatbot to sexbot: lessons from Korea’s AI hate-speech fiasco",
        KOREA_BODY,
        authors=("Jul Parke",),
        byline="At the University of Toronto, Jul Parke is pursuing a PhD in media studies.",
        publisher="Asia Times",
        date=dt.date(2021, 1, 20),
        tags=("ai", "south-korea"),
        licence=CONVERSATION,
        source=(Source("000_b50cd3c55737d259.txt", (1, 61)), Source("004_other.txt", (10, 70))),
        annotations=(
            Annotation("a heartbreaking North Korean circumstance", "Spun text: the original reads *South Korean*.",
                       prefix="attention to ", tags=("spin",)),
            Annotation("training data", "Check the dump: line break inside the word.", tags=("flag",)),
            Annotation("words that are not in the text", "A note whose quote was edited away."),
            Annotation("The company behind it apologised", "No tags on this one."),
        ),
    )
    hostile = article(
        "hostile",
        f"{XSS} & friends {BREAKOUT}",
        f"A body that mentions {XSS} and <b>raw html</b> in Markdown.\n",
        authors=(XSS, "../../x"),
        publisher="/etc/passwd",
        date=dt.date(2023, 5, 1),
        tags=("CON", "../../x", XSS, "AI"),
        licence=Licence(LicenceKind.UNKNOWN, f"Statement {XSS}", f"Origin {XSS}"),
        annotations=(Annotation("mentions", f"Note with {XSS} inside.", tags=(XSS,)),),
    )
    unicode = article(
        "unicode",
        "Ünïcödé — 日本語のテキスト",
        "Première phrase : café, naïve, résumé. 日本語の文章。\n",
        authors=("Stéphane Dujarric", "Jul Parke"),
        translators=("Jane Doe",),
        publisher="Le Monde",
        date=dt.date(2022, 2, 2),
        tags=("ai", "日本"),
        licence=Licence(LicenceKind.PERMISSION, "Republished with permission.", None),
    )
    fragment = article(
        "teaser",
        "A truncated teaser",
        "Only the opening lines survived the scrape…\n",
        publisher="Asia Times",
        tags=("ai",),
        kind=ArticleKind.FRAGMENT,
    )
    fillers = tuple(
        article(f"filler-{n}", f"Filler article number {n}", f"Filler body {n} about nothing much.\n",
                authors=("Jul Parke",), publisher="Asia Times", date=dt.date(2020, 1, n), tags=("filler",))
        for n in range(1, 6)
    )
    return (korea, hostile, unicode, fragment, *fillers)


def config(root: Path = Path("."), **overrides: object) -> Config:
    values: dict[str, object] = {"title": "Test archive", "page_size": 3, "feed_size": 4}
    values.update(overrides)
    return Config(root=root, **values)  # type: ignore[arg-type]


def build_site(articles: tuple[Article, ...] | None = None, cfg: Config | None = None) -> Site:
    articles = sample_articles() if articles is None else articles
    bodies = {a.slug: render_body(a.body, a.annotations) for a in articles}
    return make_site(articles, bodies, cfg or config())


def edited(articles: tuple[Article, ...], slug: str, **changes: object) -> tuple[Article, ...]:
    return tuple(replace(a, **changes) if a.slug == slug else a for a in articles)  # type: ignore[arg-type]
