"""Posts' Markdown sources with front matter, joined in a dump, are split by their front matter."""

from __future__ import annotations

import datetime as dt

from sitegen.model import ArticleKind, LicenceKind
from sitegen.split import split_text
from tests.split_support import assert_accounted_once

SOURCES = """\
==> content/trips/_index.md <==
---
title: "Field trip reports"
menu: main
---

==> content/trips/frampton.md <==
---
title: "Frampton Marsh: 71 species on a bitter January Sunday"
date: 2025-01-21T18:30:00Z
author: "Hannah Okeke"
tags: ["field trips", "waders"]
license: "CC BY-NC 4.0"
---

Twenty-two members braved a north-easterly for our first trip of the year, and the reserve repaid us.

{{< figure src="/img/ruff.jpg" caption="Ruff on the scrape" >}}

## From the sea wall

The highlight for most was a hen harrier quartering the saltmarsh just after two in the afternoon.

---

Thanks to Colm for driving the minibus and to the volunteers for the hot chocolate.

==> content/trips/ouse.md <==
+++
title = "Ouse Washes: the floods go down, the godwits arrive"
date = 2025-04-01T07:45:00Z
author = "pwhitlock"
+++

After a winter in which the Washes were under water, the floods finally dropped and the birds were waiting.

Whooper swans were still present in good numbers, but restless, and small groups left all afternoon.

Pete Whitlock
"""


def test_each_post_is_an_article_titled_and_dated_by_its_front_matter():
    result = split_text(SOURCES, "site.txt")
    frampton, ouse = result.articles  # the section's index page has no text: no item
    assert frampton.title == "Frampton Marsh: 71 species on a bitter January Sunday"
    assert frampton.authors == ("Hannah Okeke",)
    assert frampton.date == dt.date(2025, 1, 21)
    assert frampton.licence.kind is LicenceKind.CC  # its own `license:` field
    assert frampton.kind is ArticleKind.ARTICLE
    assert frampton.source.lines == (9, 26)  # from its title field to its last line; a `---` rule in it is text
    assert "hot chocolate" in frampton.body and "figure src" not in frampton.body  # a shortcode is markup
    assert ouse.title == "Ouse Washes: the floods go down, the godwits arrive"  # TOML front matter
    assert ouse.authors == ("Pete Whitlock",)  # a handle names no one; the signature does
    assert ouse.date == dt.date(2025, 4, 1)


def test_every_line_of_the_sources_is_accounted_for_once_and_streaming_agrees():
    assert len(assert_accounted_once(SOURCES, "site.txt").articles) == 2


def test_a_rule_over_key_value_lines_without_a_title_stays_text():
    text = ("Harbour cranes return to the old port\n\nBy Maria Costa\n\n---\n\nPrice: 12 euros\nOpen: daily\n\n---\n\n"
            "The cranes came back on Monday after four years of repairs and the first ships docked at dawn.\n")
    (article,) = split_text(text, "page.txt").articles
    assert article.title == "Harbour cranes return to the old port"
    assert "Price: 12 euros" in article.body
