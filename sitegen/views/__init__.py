"""View models: the plain, frozen, hashable data templates receive, with every link already made.

`plan` lists every output file with what it is made from (so an unchanged one
is never made), `pages` builds the view of every HTML page, `outputs` those of
feeds, sitemap, robots.txt, `search` the files of the search index, `text` shortens and escapes content text for
them. The renderer (`sitegen.render`) only draws these; templates never see the
content model, the config or a URL they would have to join. Must not render.
"""

from sitegen.views.outputs import (
    FeedEntry,
    FeedView,
    Output,
    PlannedOutput,
    RawFiles,
    RawOutput,
    RobotsView,
    SitemapView,
    site_feeds,
    output_plan,
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
from sitegen.views.plan import Planned, plan_site
from sitegen.views.search import search_files
from sitegen.views.text import script_json

__all__ = [
    "ArticleView", "Attribution", "Card", "ExcerptView", "FeedEntry", "FeedView", "Link", "ListView", "MessageView",
    "Meta", "NavLink", "NoteGroup", "NoteItem", "NotesView", "Output", "Page", "PageLink", "Pagination", "Planned",
    "PlannedOutput", "RawFiles", "RawOutput", "RobotsView", "output_plan", "plan_site",
    "SitemapView", "TaxonItem", "TaxonomyView", "UnplacedNote", "script_json", "search_files",
    "site_feeds", "site_outputs", "site_pages",
]
