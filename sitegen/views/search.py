"""The search index of a site: each article as a search document, and the index's files.

`search_files(site, memo)` returns every file of the full-text index (see
`sitegen.search.index`) by output path: the manifest, the term shards and one
script per article. A document holds the article's title, link, authors and
publisher, tags, plain text and the editor's notes (not the split step's flags).
With the `memo` of the previous render (watch/serve), the documents and term
weights of unchanged articles, the encodings of unchanged postings and the
scripts of unchanged documents are reused. Must not render templates or touch files.
"""

from __future__ import annotations

from sitegen import urls
from sitegen.markdown.render import RenderedBody
from sitegen.model import Article
from sitegen.search import IndexFiles, SearchDoc, build_index, impacts, index_files
from sitegen.site import Site
from sitegen.views.memo import ViewMemo

FLAG = "flag"  # the tag of the notes the split step leaves for the editor


def search_doc(article: Article, body: RenderedBody) -> SearchDoc:
    """The search document of one article (oldest first, so a new article is numbered last)."""
    people = (*article.authors, *((article.publisher,) if article.publisher else ()))
    notes = tuple(a.note for a in article.annotations if a.note and FLAG not in a.tags)
    order = (article.date.isoformat() if article.date else "",)
    return SearchDoc(article.slug, order, article.title, urls.article(article.slug), people, article.tags,
                     body.text, notes)


def search_files(site: Site, memo: ViewMemo | None = None) -> dict[str, bytes]:
    """Every file of the search index, by output path (under `urls.SEARCH_FOLDER`)."""
    memo = memo if memo is not None else ViewMemo()
    docs, weights = [], {}
    for article in site.articles:
        body = site.bodies[article.slug]
        doc, weight = memo.get(("search", article.slug), (article, body), lambda: _weighed(search_doc(article, body)))
        docs.append(doc)
        weights[doc.key] = weight
    previous = memo.previous(("search-files",))
    made = index_files(build_index(docs, weights), snippet=site.config.search_snippet_chars,
                       previous=previous if isinstance(previous, IndexFiles) else None)
    memo.keep(("search-files",), made)
    return {urls.search_file(name): data for name, data in made.files.items()}


def _weighed(doc: SearchDoc) -> tuple[SearchDoc, dict[str, int]]:
    return doc, impacts(doc)
