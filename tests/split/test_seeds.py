"""The three seed dumps, split as checked by hand against the dumps (see the table below).

Each row: dump, lines, title, publisher, authors, translators, licence kind, licence origin, kind.
A change in any of these is a change in what the archive says about someone's work: check the
dump by hand before changing this table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.markdown import render_body
from sitegen.split import decode_dump, split_text
from sitegen.split.body import display_text
from sitegen.split.clean import clean_line

RAW = Path(__file__).resolve().parents[2] / "content" / "raw"
AT, FA = "Asia Times", "FinanceAsia"
TC, AK, IMI = "The Conversation", "Andrew Korybko’s Substack", "Independent Media Institute"

TABLE = [
    ("000", (1, 61), "From chatbot to sexbot: lessons from Korea’s AI hate-speech fiasco", AT, ["Jul Parke"], [], "cc", TC, "article"),
    ("000", (65, 143), "When Trump talks to Putin about Ukraine", AT, ["Andrew Korybko"], [], "permission", AK, "article"),
    ("000", (147, 251), "Japan goes for broke with trillion Trump bet", AT, ["William Pesek"], [], "unknown", None, "article"),
    ("000", (255, 324), "The silver linings in Trump’s trade war storm clouds", AT,
     ["Scott Mahadeo", "Gabriella Legrenzi", "Reinhold Heinlein"], [], "cc", TC, "article"),
    ("000", (328, 397), "Chinese media in a good news, soft power push into Africa", AT, ["Mitchell Gallagher"], [], "cc", TC, "article"),
    ("000", (401, 471), "Will Gaza ceasefire hold? Will Trump’s ‘takeover’ happen?", AT, ["Scott Lucas"], [], "cc", TC, "article"),
    ("000", (475, 519), "Does Tesla’s slump owe to Musk’s behavior?", AT, ["James Obiegbu", "Gretchen Larsen"], [], "cc", TC, "article"),
    ("000", (523, 567), "Europe gasping for air as Trump makes his Ukraine move", AT, ["Stephen Bryen"], [], "permission",
     "Weapons and Strategy", "article"),
    ("000", (571, 786), "DeepSeek: China’s open-source AI caused a geopolitical earthquake", AT, ["Peter Bloom"], [], "cc", TC, "article"),
    ("000", (790, 828), "Russia better than China for making Afghan-Pakistan peace", AT, ["Andrew Korybko"], [], "permission", AK, "article"),
    ("001", (1, 93), "Cruel hoax: the political economy of anti-immigration", AT, ["Richard D. Wolff"], [], "permission", IMI, "article"),
    ("001", (97, 137), "SingPost to seek shareholder approval for sale of Australia business", None, [], [], "unknown", None, "article"),
    ("001", (141, 162), "Digital Edge announces leadership updates", None, [], [], "unknown", None, "article"),
    ("001", (166, 204), "As Xi meets top bosses like Jack Ma, what’s next for China’s tech sector amid US trade tensions?", None, [], [],
     "unknown", None, "article"),
    ("001", (208, 239), "Morrison Foerster rehires Scott Jalowayski and appoints HK partner", FA, [], [], "all-rights-reserved",
     "Haymarket Media Limited", "article"),
    ("001", (243, 458), "DeepSeek: China’s open-source AI caused a geopolitical earthquake", AT, ["Peter Bloom"], [], "cc", TC, "article"),
    ("001", (462, 483), "East Ventures, SV Investment announced the first close of its Southeast Asia – South Korea investment corridor fund",
     None, [], [], "unknown", None, "article"),
    ("001", (487, 593), "IP protection caught in AI-fuelled geopolitical crossfire", AT, ["John P Ruehl"], [], "permission",
     "Economy for All", "article"),
    ("002", (1, 9), "Chinese artificial intelligence (AI) start-up DeepSeek early this year launched…", None, ["Ryan Xu"], ["Lin Lee-kai"],
     "unknown", None, "article"),
    ("002", (10, 10), "The gutting of Voice of America (VOA) and Radio Free…", None, [], [], "unknown", None, "fragment"),
    ("002", (11, 11), "On a quiet lane in Taipei’s central Daan District (大安)…", None, [], [], "unknown", None, "fragment"),
    ("002", (12, 12), "By now, most of Taiwan has heard Taipei Mayor Chiang…", None, [], [], "unknown", None, "fragment"),
    ("002", (13, 13), "As the highest elected official in the nation’s capital, Taipei…", None, [], [], "unknown", None, "fragment"),
]
BYLINES = {
    "Jul Parke": "At the University of Toronto, Jul Parke is pursuing a PhD in advertising, systems, and lifestyle.",
    "Ryan Xu": "Ryan Xu is a freelancer.",
    "Peter Bloom": "Peter Bloom is a professor of management at the University of Essex.",
    "Stephen Bryen": "Stephen Bryen is a former US assistant secretary of defense for plan and a special correspondent for Asia Times.",
}
DEEPSEEK_FLAGS = [
    "Readers in a hurry may wish to put this article aside for later. It is an important long-form exploration, not a quick read. – Editors",
    "Liang Wenfeng, founder of DeepSeek. Photo: CCTV,",
]
FLAGS = {
    ("000", 1): ["Poor old Iruda Image: Scatter Lab", "A more recent type of Iruda is displayed below. Image: Scatter Lab"],
    ("000", 255): ["YouTube video", "]embedded articles]", "Trump makes his ideas for imposing massive metal tariffs on “everyone.”",
                 "table showing Canada and Mexico as biggest importers into US",
                 "Source: US Bureau of Economic Analysis ( 2025 ) Author provided"],
    ("000", 328): ["Three people hold hands on stage.",
                 ("China’s foreign minister Wang Yi, center, holds hands with his counterparts, Senegal’s Yassine Fall, left, and the "
                 "Republic of the Congo’s Jean-Claude Gakosso, after a joint news conference. Photo: AP via The Conversation / Andy Wong")],
    ("000", 401): [("‘ We may be sending some guests your way ‘: Donald Trump greets Jordan’s King Abdullah at the White House, "
                   "February 11, 2025. Image: The Conversation")],
    ("000", 571): DEEPSEEK_FLAGS,
    ("001", 243): DEEPSEEK_FLAGS,
    ("001", 462): [("Sang Han, partner for East Ventures South Korea fund, Roderick Purwana, managing partner at East Ventures, "
                   "Wonho Hong, CEO at SV Investment, David Junghun Bang, managing partner at SV Investment")],
}


def split_seed(prefix: str):
    path = next(RAW.glob(f"{prefix}_*.txt"))
    text, problems = decode_dump(path.read_bytes(), path.name)
    assert problems == []
    return text, split_text(text, path.name)


@pytest.fixture(scope="module")
def seeds():
    return {prefix: split_seed(prefix) for prefix in ("000", "001", "002")}


def test_the_seed_table(seeds):
    got = []
    for prefix in ("000", "001", "002"):
        for a in seeds[prefix][1].articles:
            got.append((prefix, a.source.lines, a.title, a.publisher, list(a.authors), list(a.translators),
                        a.licence.kind.value, a.licence.origin, a.kind.value))
    assert got == TABLE


def test_bylines_and_statements_are_verbatim(seeds):
    for prefix in ("000", "001", "002"):
        text, result = seeds[prefix]
        lines = text.split("\n")
        for a in result.articles:
            for author in a.authors:
                if author in BYLINES:
                    assert a.byline == BYLINES[author]
            if a.licence.statement:
                assert a.licence.statement in clean_line(lines[a.source.lines[1] - 1])


def test_flags_of_the_seeds(seeds):
    for prefix in ("000", "001", "002"):
        for a in seeds[prefix][1].articles:
            assert [n.quote for n in a.annotations] == FLAGS.get((prefix, a.source.lines[0]), [])


def test_every_body_line_renders_as_written(seeds):
    for prefix in ("000", "001", "002"):
        text, result = seeds[prefix]
        lines = text.split("\n")
        for a in result.articles:
            rendered = render_body(a.body, a.annotations)
            assert not rendered.unanchored and not rendered.ambiguous
            shown = " ".join(rendered.text.split())
            for number in a.body_lines:
                assert " ".join(display_text(clean_line(lines[number - 1])).split()) in shown
