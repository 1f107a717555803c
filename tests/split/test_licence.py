"""licence: the statement verbatim, its kind and its origin."""

from __future__ import annotations

import pytest

from sitegen.model import LicenceKind
from sitegen.split.licence import detect_licence

CC, PERMISSION, ARR = LicenceKind.CC, LicenceKind.PERMISSION, LicenceKind.ALL_RIGHTS_RESERVED


@pytest.mark.parametrize(
    ("paragraph", "kind", "origin"),
    [
        ("This content was republished from The Conversation under a Creative Commons license. Read the original content.", CC, "The Conversation"),
        ("This article is republished from The Conversation under a Creative Commons license. Read the original article.", CC, "The Conversation"),
        ("This work is licensed under CC BY 4.0.", CC, None),
        (("This article was first published on Andrew Korybko’s Substack and is republished with kind permission. "
         "Become an Andrew Korybko Newsletter subscriber here."), PERMISSION, "Andrew Korybko’s Substack"),
        ("The Independent Media Institute’s Market for All project produced this content. It is reproduced around with kind agreement.",
         PERMISSION, "Independent Media Institute"),
        ("This article was produced by Economy for All, a project of the Independent Media Institute, and is republished with permission.",
         PERMISSION, "Economy for All"),
        ("This post, which previously appeared on his Substack email Weapons and Strategy, is republished with authority.",
         PERMISSION, "Weapons and Strategy"),
        ("Republished with permission from Global Voices.", PERMISSION, "Global Voices"),
        ("This story originally appeared in Grist and is republished here with permission.", PERMISSION, "Grist"),
        ("Reprinted courtesy of The Diplomat.", PERMISSION, "The Diplomat"),
        ("This piece was originally posted on his Substack, Harvest Notes, and is republished here with the author’s permission.",
         PERMISSION, "Harvest Notes"),
        ("Published by arrangement with Project Syndicate.", PERMISSION, "Project Syndicate"),
        ("¬ Haymarket Media Limited. All rights reserved.", ARR, "Haymarket Media Limited"),
        ("Copyright © 2024 Nikkei Inc. All rights reserved.", ARR, "Nikkei Inc."),
        ("© 2025 Reuters", ARR, "Reuters"),
        ("(c) 2023-2025 The Ledger Ltd. All Rights Reserved.", ARR, "The Ledger Ltd."),
        ("© Jane Hill 2024", ARR, "Jane Hill"),
        ("Copyright © The Ledger 2024", ARR, "The Ledger"),
        ("Copyright 2024 by Jane Hill.", ARR, "Jane Hill"),
        ("Text and photographs © 2025 Leah Morgan. Please do not copy or reproduce without written permission.", ARR, "Leah Morgan"),
        ("This document is subject to copyright. No part may be reproduced without the written permission.", ARR, None),
        ("Text © Llanfair Town Museum. Please ask before reusing our photographs.", ARR, "Llanfair Town Museum"),
    ],
)
def test_statements(paragraph, kind, origin):
    licence, start = detect_licence(paragraph)
    assert (licence.kind, licence.origin, licence.statement, start) == (kind, origin, paragraph, 0)


def test_a_bio_before_the_statement_is_not_part_of_it():
    bio = "Stephen Bryen is a former US assistant secretary of defense and a special correspondent for Asia Times."
    statement = "This post, which previously appeared on his Substack email Weapons and Strategy, is republished with authority."
    licence, start = detect_licence(f"{bio} {statement}")
    assert licence.statement == statement
    assert start == len(bio) + 1


def test_a_copyright_notice_after_a_bio_sentence_is_the_statement():
    bio = "Phil Garrity is a certified financial planner."
    licence, start = detect_licence(f"{bio} (c) 2026 Phil Garrity. Distributed by Andrews Feature Service.")
    assert licence.kind is ARR and start == len(bio) + 1


def test_provenance_sentences_before_the_grant_belong_to_the_statement():
    text = "He has published three books. This piece first appeared in The Ledger. It is republished with permission."
    licence, _ = detect_licence(text)
    assert licence.statement == "This piece first appeared in The Ledger. It is republished with permission."
    assert licence.origin == "The Ledger"
    assert detect_licence("This letter may be shared freely. Text licensed under CC BY 4.0.")[1] == 0


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Creative Commons movement was founded in 2001 by Lawrence Lessig.",
        "The two sides reached an agreement on Monday after talks that lasted all weekend.",
        "Rights groups said the permission to march had been withdrawn.",
        "Copyright infringement cases rose sharply in 2024.",
        "The photos were used without permission, the family said, and the paper has apologised.",
        "Photo © Ellie Marsh",
        "A long paragraph that mentions a Creative Commons license in passing. " * 10,
        "",
    ],
)
def test_no_statement(paragraph):
    assert detect_licence(paragraph) is None


def test_a_holder_and_year_then_a_request_not_to_copy():
    found = detect_licence("© Keith Sutcliffe 2026. Please ask before reproducing any text or images from this blog.")
    assert found and found[0].kind is LicenceKind.ALL_RIGHTS_RESERVED and found[0].origin == "Keith Sutcliffe"
    found = detect_licence("© Martin Hale 2026. Not to be reproduced without the author's permission.")
    assert found and found[0].kind is LicenceKind.ALL_RIGHTS_RESERVED and found[0].origin == "Martin Hale"


def test_a_copyright_among_the_fields_of_a_picture():
    found = detect_licence("ID: NP-260917-0081 | 5472 x 3648 px | © NordPress AB 2026 | Editorial use only")
    assert found is not None
    licence, start = found
    assert licence.kind is LicenceKind.ALL_RIGHTS_RESERVED and licence.origin == "NordPress AB"
    assert licence.statement == "© NordPress AB 2026 | Editorial use only"
    assert detect_licence("ID: NP-0081 | 5472 x 3648 px | Editorial use only") is None


@pytest.mark.parametrize(
    ("paragraph", "kind", "origin"),
    [
        ("This post first appeared on his blog, Ink and Margins, and is republished here with his permission.", "permission", None),
        ("This article first appeared in Beacon and is reproduced with their kind permission.", "permission", "Beacon"),
        ("Recipe © Ashcombe Cookery School. Please link to this page rather than copying it.", "all-rights-reserved",
         "Ashcombe Cookery School"),
        ("All images and text © Lucia Benedetti 2026. Please ask before using.", "all-rights-reserved", "Lucia Benedetti"),
        ("© The Northern Patchwork Society. Reproduced from Quilt Care Notes, no. 4.", "all-rights-reserved",
         "The Northern Patchwork Society"),
        ("Cet article est publié sous licence CC BY 4.0.", "cc", None),
        ("arXiv:2603.11342 | License: CC BY 4.0", "cc", None),
    ],
)
def test_more_statements(paragraph, kind, origin):
    licence, _ = detect_licence(paragraph)
    assert (licence.kind.value, licence.origin) == (kind, origin)


@pytest.mark.parametrize(
    "paragraph",
    [
        "We ran a session on how to choose a Creative Commons licence for a book.",  # a mention, not a grant
        "All photos © Kenny Doyle / After Dark Glasgow",  # the pictures' notice
    ],
)
def test_not_more_statements(paragraph):
    assert detect_licence(paragraph) is None
