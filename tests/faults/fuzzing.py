"""How hard the fuzz tests try: a short run in the suite, a long one with `HYPOTHESIS_PROFILE=long`.

`fuzz(n)` is `@settings(max_examples=n, deadline=None)` in the suite and
`n * LONG` examples in a long run (see fuzz/README.md). Shared strategies for
hostile text live here too.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

LONG = 200  # how many times more examples a long run tries
SCALE = LONG if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1


def fuzz(examples: int, **extra: object) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], **extra)


# Text that breaks naive code: YAML and Markdown syntax, HTML, line and paragraph separators, BOMs,
# surrogate-free control characters, right-to-left marks, combining accents, wide and astral characters.
NASTY = st.sampled_from([
    "---", "...", "- ", ": ", "#", "&a", "*b", "!tag", "|", ">", "'", '"', "\\", "%YAML", "{", "}", "[", "]", ",",
    "<script>alert(1)</script>", "</textarea>", "<!--", "&amp;", "&#0;", "`", "```", "~~~", "**", "__", "[x](javascript:alert(1))",
    "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u202e", "e\u0301", "日本語", "𝔘𝔫𝔦", "🙂", "\t", "\x00", "\x1b[31m",
    "null", "true", "~", "2024-01-01", "0x1F", "1e3", "yes", "NO", "=", "<<", "? ", "@", "\r", "\r\n", "\n", "\n\n",
])
TEXT = st.lists(st.one_of(NASTY, st.text(max_size=8)), max_size=12).map("".join)
LINE = TEXT.map(lambda s: s.replace("\r", " ").replace("\n", " "))
