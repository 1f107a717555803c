"""Full-text search: the index of every word of every article, as script shards (see `index`)."""

from sitegen.search.index import IndexFiles, SearchDoc, SearchIndex, build_index, fold, impacts, index_files, words

__all__ = ["IndexFiles", "SearchDoc", "SearchIndex", "build_index", "fold", "impacts", "index_files", "words"]
