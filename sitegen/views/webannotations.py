"""annotations.jsonld: every note of the site as a W3C Web Annotation collection.

Owns `web_annotations_json(site)`: one `Annotation` per note of every article
the site shows (built from the same `Site` the pages are drawn from, so a
licence policy that leaves an article out leaves its notes out too), in the
site's order and then front matter order. The target's source is the article
page's URL — absolute with `base_url`, else relative to the site's root, where
this file sits — and its selectors are the note's quote (with prefix/suffix)
and, when the note is placed, its position in the article's plain text (the
`text` of its `RenderedBody`). Ids are stable: `annotations.jsonld#SLUG-N` for
note N of an article. Flags are created by the software, every other note by
the archive; a note that does not record when it was written is dated by the
day its article entered the archive (`added`). Must not render templates or
touch files.
"""

from __future__ import annotations

from sitegen import urls
from sitegen.annotate.w3c import collection, web_annotation
from sitegen.model import Article
from sitegen.site import Site
from sitegen.slugs import slugify
from sitegen.views.memo import ViewMemo
from sitegen.views.text import script_json

SOFTWARE = {"type": "Software", "name": "sitegen"}


def web_annotations_json(site: Site, memo: ViewMemo | None = None) -> str:
    """The collection as JSON text (UTF-8, compact, stable across builds). With the `memo` of the
    previous render (watch/serve), the annotations of unchanged articles are not encoded again."""
    memo = memo if memo is not None else ViewMemo()
    cfg = site.config
    base = cfg.base_url

    def url(target: str) -> str:
        return urls.absolute(target, base) if base else target

    if base:
        collection_id = url(urls.WEB_ANNOTATIONS)
    else:  # JSON-LD ids must be IRIs; without a base URL, a stable tag: URI like the feeds' ids
        collection_id = f"tag:sitegen.invalid,2025:{slugify(cfg.title)}/{urls.WEB_ANNOTATIONS}"
    archive = {"type": "Organization", "name": cfg.title}

    def encoded(article: Article) -> str:
        body = site.bodies[article.slug]
        placed = {note.number: (note.start, note.end) for note in body.anchored}
        source = url(urls.article(article.slug))
        return ",".join(
            script_json(web_annotation(  # markup characters escaped: scraped text never reads as HTML
                note,
                id=f"{collection_id}#{article.slug}-{number}",
                source=source,
                position=placed.get(number),
                creator=SOFTWARE if note.is_flag else archive,
                created=article.added.isoformat() if article.added else None,
            ))
            for number, note in enumerate(article.annotations, 1)
        )

    parts = [
        memo.get(("web-annotations", article.slug), (article, site.body_source(article.slug)), lambda a=article: encoded(a))
        for article in site.articles
        if article.annotations
    ]
    total = sum(len(article.annotations) for article in site.articles)
    empty = script_json({**collection(collection_id, f"{cfg.title}: notes", []), "total": total})
    head, marker, tail = empty.rpartition('"items":[]')  # the only one: quotes inside strings are escaped
    return f"{head}\"items\":[{','.join(parts)}]{tail}\n"
