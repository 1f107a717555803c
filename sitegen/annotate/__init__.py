"""Annotations against text: locating a quote (and, later, re-anchoring it fuzzily).

Pure functions on strings; knows nothing of Markdown or HTML (see `sitegen.markdown`).
"""

from sitegen.annotate.anchor import (
    Anchor,
    AnchorStatus,
    NormalisedText,
    locate,
    locate_all,
    selector_for,
)

__all__ = ["Anchor", "AnchorStatus", "NormalisedText", "locate", "locate_all", "selector_for"]
