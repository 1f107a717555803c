"""Static files as the site serves them: plain for reading offline, minified and fingerprinted in public."""

from __future__ import annotations

import re

from sitegen.render import load_theme, render_site
from sitegen.render.assets import fingerprinted, minified, site_assets
from tests.sample_site import build_site, config

CSS = b"/* a comment */\nbody {\n  color : red ;\n}\n\na :hover { margin: 0 auto }\n"
JS = b"// a comment\nfunction add(a, b) {\n  return a + b; // sum\n}\nvar s = 'keep  //  this';\n"


def test_minified_css_and_js_drop_comments_and_space_but_keep_meaning():
    css = minified("style.css", CSS).decode()
    assert "comment" not in css and "color:red" in css and "a :hover" in css  # descendant space kept
    js = minified("site.js", JS).decode()
    assert "comment" not in js and "'keep  //  this'" in js and "return a+b" in js
    assert minified("logo.svg", b"<svg>  </svg>") == b"<svg>  </svg>"


def test_a_fingerprint_follows_the_content():
    assert re.fullmatch(r"style\.[0-9a-f]{10}\.css", fingerprinted("style.css", CSS))
    assert fingerprinted("style.css", CSS) == fingerprinted("style.css", CSS)
    assert fingerprinted("style.css", CSS) != fingerprinted("style.css", CSS + b"p{}")


def test_only_the_public_profile_fingerprints_and_only_css_and_js():
    sources = {"style.css": CSS, "site.js": JS, "logo.svg": b"<svg/>"}
    plain = site_assets(sources, production=False)
    assert {n: a.path for n, a in plain.items()} == {"style.css": "static/style.css", "site.js": "static/site.js",
                                                    "logo.svg": "static/logo.svg"}
    assert plain["style.css"].data == CSS
    public = site_assets(sources, production=True)
    assert re.fullmatch(r"assets/style\.[0-9a-f]{10}\.css", public["style.css"].path)
    assert re.fullmatch(r"assets/site\.[0-9a-f]{10}\.js", public["site.js"].path)
    assert public["logo.svg"].path == "static/logo.svg" and len(public["style.css"].data) < len(CSS)


def test_public_pages_link_the_fingerprinted_files_the_render_writes():
    site = build_site(cfg=config(profile="public"))
    files = render_site(site, load_theme(site.config)).files
    assets = sorted(p for p in files if p.startswith("assets/"))
    assert {"assets/pygments.css", "assets/site.js", "assets/style.css"} <= {
        re.sub(r"\.[0-9a-f]{10}\.", ".", p) for p in assets}
    assert not any(p in files for p in ("static/style.css", "static/site.js", "static/pygments.css"))
    assert "static/search-index.js" in files  # data, not a theme file: rebuilt with every change
    page = files["articles/korea-chatbot.html"].decode()
    for path in assets:
        if path.startswith(("assets/style.", "assets/site.", "assets/pygments.")):
            assert f'"../{path}"' in page
    style = next(p for p in assets if p.startswith("assets/style."))
    assert f'"/{style}"' in files["404.html"].decode()
