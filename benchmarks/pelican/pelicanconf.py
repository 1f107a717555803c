"""The Pelican side of benchmarks/compare.py: the same pages sitegen writes (article, home, tag,
author and publisher pages, paginated by 20; the lists of tags, authors and publishers; Atom feeds
of the site and of each tag), with the minimal theme in theme/. Publishers are Pelican categories.
"""

SITENAME = "Benchmark archive"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "theme"

ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
TAG_URL = TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = AUTHORS_SAVE_AS = "authors/index.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "publishers/{slug}/index.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "publishers/index.html"
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "authors", "categories"]
PAGE_PATHS = []
STATIC_PATHS = []
DEFAULT_PAGINATION = 20

FEED_DOMAIN = "http://example.invalid"
FEED_ALL_ATOM = "feed.xml"
TAG_FEED_ATOM = "tags/{slug}/feed.xml"
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
