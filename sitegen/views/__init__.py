"""View models: the plain, frozen, hashable data templates receive, with every link already made.

`pages` builds the view of every HTML page, `outputs` those of feeds, sitemap,
robots.txt and the search index, `text` shortens and escapes content text for
them. The renderer (`sitegen.render`) only draws these; templates never see the
content model, the config or a URL they would have to join. Must not render.
"""

from sitegen.views.outputs import (
    FeedEntry,
    FeedView,
    Output,
    RobotsView,
    SitemapView,
    search_index_js,
    search_records,
    site_feeds,
    site_outputs,
)
from sitegen.views.pages import (
    ArticleView,
    Attribution,
    Card,
    ExcerptView,
    Link,
    ListView,
    MessageView,
    Meta,
    NavLink,
    NoteGroup,
    NoteItem,
    NotesView,
    Page,
    PageLink,
    Pagination,
    TaxonItem,
    TaxonomyView,
    UnplacedNote,
    site_pages,
)
from sitegen.views.text import script_json

__all__ = [
    "ArticleView", "Attribution", "Card", "ExcerptView", "FeedEntry", "FeedView", "Link", "ListView", "MessageView", "Meta",
    "NavLink", "NoteGroup", "NoteItem", "NotesView", "Output", "Page", "PageLink", "Pagination", "RobotsView",
    "SitemapView", "TaxonItem", "TaxonomyView", "UnplacedNote", "script_json", "search_index_js",
    "search_records", "site_feeds", "site_outputs", "site_pages",
]
