"""A tiny CSS-selector subset for tests, translated to XPath (the cssselect package is not a dependency).

Supports `tag`, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr^=value]` (value optionally quoted),
descendant (` `) and child (` > `) combinators, and `,` between selectors.
"""

from __future__ import annotations

import re

_SIMPLE = re.compile(r"""(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+|\[[^\]]+\])*)$""")
_PART = re.compile(r"""[.#][\w-]+|\[([\w:-]+)(?:(\^?=)['"]?(.*?)['"]?)?\]""")


def _simple(selector: str) -> str:
    match = _SIMPLE.match(selector)
    if not match:
        raise ValueError(f"unsupported selector {selector!r}")
    conditions = []
    for part in _PART.finditer(match.group("rest")):
        text = part.group(0)
        if text.startswith("."):
            conditions.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {text[1:]} ')")
        elif text.startswith("#"):
            conditions.append(f"@id='{text[1:]}'")
        else:
            attr, op, value = part.groups()
            if op is None:
                conditions.append(f"@{attr}")
            elif op == "=":
                conditions.append(f"@{attr}='{value}'")
            else:
                conditions.append(f"starts-with(@{attr}, '{value}')")
    return (match.group("tag") or "*") + "".join(f"[{c}]" for c in conditions)


def to_xpath(selector: str) -> str:
    paths = []
    for alternative in selector.split(","):
        tokens = alternative.replace(">", " > ").split()
        path, axis = "descendant-or-self::", ""
        first = True
        for token in tokens:
            if token == ">":
                axis = "/"
                continue
            path += ("" if first else axis or "//") + _simple(token)
            first, axis = False, ""
        paths.append(path)
    return " | ".join(paths)


def select(element, selector: str) -> list:
    """Elements under (or equal to) `element` matching `selector`, in document order."""
    return element.xpath(to_xpath(selector))
