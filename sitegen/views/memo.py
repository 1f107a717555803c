"""Reusing views across rebuilds: the memo watch/serve carry from one render to the next.

A view is kept while everything it was made from is equal to what it was made
from last time — the articles and rendered bodies (watch/serve keep the same
objects for unchanged files, so the comparison is mostly identity), the site's
configuration object and every taxonomy slug. Views made in one render and not
asked for in the next are forgotten. Only a cache: output never depends on it.
Must not know what a view holds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sitegen.cache import CacheFile

T = TypeVar("T")

KEPT_AGAIN = 20_000  # views a one-off build keeps for the rest of its render (an article's card: a few KB each)


class ViewMemo:
    """Views of the previous render, keyed by what they are (`("card", slug, folder)`...).

    A memo that is not `lasting` (a one-off build: there is no next render) keeps only what is
    asked for again within the same render (`get(..., again=True)`, e.g. an article's card on many
    lists), and at most `kept_again` of those: a large build does not hold every view it made until
    its end (at 100,000 articles their cards alone would be hundreds of MB in each drawing process).
    """

    def __init__(self, *, lasting: bool = True, kept_again: int = KEPT_AGAIN) -> None:
        self.lasting = lasting
        self.kept_again = kept_again
        self.old: dict[Hashable, tuple[tuple, object]] = {}
        self.new: dict[Hashable, tuple[tuple, object]] = {}
        self.config: object = None
        self.slugs: int | None = None
        self.assets: Mapping | None = None
        self.store: CacheFile | None = None  # the build cache file, for what a next process may reuse (search index)

    def start(self, config: object, slugs: Mapping, assets: Mapping | None = None) -> None:
        """Begin a render. A changed configuration, slug map or asset names (links change) forgets everything."""
        stamp = hash(tuple(sorted(slugs.items())))
        same = config is self.config and stamp == self.slugs and assets == self.assets
        self.assets = assets
        self.old = self.new if same else {}
        self.new = {}
        self.config, self.slugs = config, stamp

    def get(self, key: Hashable, sources: tuple, make: Callable[[], T], *, again: bool = False) -> T:
        """The view `key` made from `sources`: the previous one when its sources are equal, else `make()`.
        `again`: the same render may ask for it again."""
        hit = self.new.get(key) or self.old.get(key)
        if hit is None or hit[0] != sources:  # tuples compare identical items without calling __eq__
            hit = (sources, make())
        if self.lasting or (again and (len(self.new) < self.kept_again or key in self.new)):
            self.new[key] = hit
        return hit[1]  # type: ignore[return-value]

    def previous(self, key: Hashable) -> object:
        """What `keep(key, …)` stored in the previous render, or None."""
        hit = self.old.get(key)
        return hit[1] if hit is not None else None

    def keep(self, key: Hashable, value: object) -> None:
        """Hand `value` to the next render (`previous(key)`), whatever it was made from."""
        if self.lasting:
            self.new[key] = ((), value)
