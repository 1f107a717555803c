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
the archive. Must not render templates or touch files.
"""

from __future__ import annotations

from sitegen import urls
from sitegen.annotate.w3c import collection, web_annotation
from sitegen.site import Site
from sitegen.slugs import slugify
from sitegen.views.text import script_json

SOFTWARE = {"type": "Software", "name": "sitegen"}


def web_annotations_json(site: Site) -> str:
    """The collection as JSON text (UTF-8, compact, stable across builds)."""
    cfg = site.config
    base = cfg.base_url

    def url(target: str) -> str:
        return urls.absolute(target, base) if base else target

    if base:
        collection_id = url(urls.WEB_ANNOTATIONS)
    else:  # JSON-LD ids must be IRIs; without a base URL, a stable tag: URI like the feeds' ids
        collection_id = f"tag:sitegen.invalid,2025:{slugify(cfg.title)}/{urls.WEB_ANNOTATIONS}"
    archive = {"type": "Organization", "name": cfg.title}
    items = []
    for article in site.articles:
        body = site.bodies[article.slug]
        placed = {note.number: (note.start, note.end) for note in body.anchored}
        source = url(urls.article(article.slug))
        for number, note in enumerate(article.annotations, 1):
            items.append(web_annotation(
                note,
                id=f"{collection_id}#{article.slug}-{number}",
                source=source,
                position=placed.get(number),
                creator=SOFTWARE if note.is_flag else archive,
            ))
    document = collection(collection_id, f"{cfg.title}: notes", items)
    return script_json(document) + "\n"  # markup characters escaped: scraped text never reads as HTML
