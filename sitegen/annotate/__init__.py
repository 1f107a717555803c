"""Annotations against text: locating a quote, re-anchoring it fuzzily, and selectors for a passage.

Pure functions on strings; knows nothing of Markdown or HTML (see `sitegen.markdown`).
"""

from sitegen.annotate.anchor import (
    Anchor,
    AnchorStatus,
    Candidate,
    NormalisedText,
    closest,
    locate,
    locate_all,
    occurrences,
    selector_for,
)

__all__ = ["Anchor", "AnchorStatus", "Candidate", "closest", "NormalisedText", "locate", "locate_all", "occurrences",
           "selector_for"]
