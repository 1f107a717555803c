"""tagger: the line tagger that decides the split's boundaries, its weights file, its doubts."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from sitegen.model import ArticleKind
from sitegen.split import split_text, tagger
from sitegen.split.roles import Role, classify, shape
from sitegen.split.text import Block, Debris
from tests.split_support import FirstOnly, plan, split_page

TEXTS = [
    "Harbour cranes return to the old port",
    "The two cranes that stood over the old port until 1994 are back, restored by volunteers over three winters.",
    "The council paid for the paint; the rest was done by hand, one bolt at a time, by people who had worked them.",
    "Tram line to reach the airport by 2027",
    "The regional government approved the extension on Tuesday, after a decade of studies and two changes of plan.",
    "Work on the six new stops starts in the spring, and the line should carry its first passengers within two years.",
]
DUMP = "\n\n".join(TEXTS) + "\n"
SIGNED = "\n\n".join([TEXTS[0], "By Maria Costa", *TEXTS[1:3]]) + "\n\n\n\n" + "\n\n".join([TEXTS[3], "By Tom Hill", *TEXTS[4:]]) + "\n"


def described(texts=TEXTS):
    blocks = tuple(Block(2 * i + 1, t) for i, t in enumerate(texts))
    shapes = tuple(shape(t) for t in texts)
    segment = tagger.Segment(blocks, shapes, classify(texts, None, shapes))
    return tagger.describe(segment), segment


class Headlines:
    """A decision that starts an item at every headline-shaped line, sure to `sure`."""

    def __init__(self, sure: float = 1.0) -> None:
        self.sure = sure

    def decode(self, lines):
        tags = tuple("B" if x.role is Role.TITLE else "I" for x in lines)
        p = self.sure
        return tagger.Tagging(tags, tuple((p, 1 - p, 0.0) if t == "B" else (0.0, 1.0, 0.0) for t in tags))


def test_every_line_is_described_by_its_role_shape_and_place():
    lines, _ = described()
    assert [x.block.line for x in lines] == [1, 3, 5, 7, 9, 11]
    assert lines[0].own[0] == "r=title" and "seg" in lines[0].own and "seg" not in lines[1].own
    assert {"-2:edge", "-1:edge", "1:" + lines[1].own[0]} <= set(tagger.features(lines, 0))


def test_weights_written_are_read_back_the_same(tmp_path):
    model = tagger.Model({"bias": (0.5, -0.25, 1.0), "r=title": (2.0, -1.0, -1.0)}, "crf", 0.25)
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    read = tagger.load(path)
    assert (read.weights, read.kind, read.start_bias) == (model.weights, "crf", 0.25)
    assert json.loads(path.read_text(encoding="utf-8"))["tags"] == ["B", "I", "O"]
    path.write_text(tagger.Model(model.weights, "crf", 0.25, cut=0.4).to_json(), encoding="utf-8")
    assert (tagger.load(path).cut, read.cut) == (0.4, None)  # decoded by each line's probabilities, or by Viterbi


def test_no_weights_file_means_the_rules_decide(tmp_path):
    assert tagger.load(tmp_path / "missing.json") is None
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert tagger.load(tmp_path / "broken.json") is None
    with tagger.using(None):
        assert [a.authors for a in split_text(SIGNED, "d.txt").articles] == [("Maria Costa",), ("Tom Hill",)]


def test_the_shipped_weights_split_two_signed_articles():
    assert tagger.load(tagger.WEIGHTS) is not None, "the package ships its weights"
    result = split_text(SIGNED, "d.txt")
    assert [(a.title, a.authors) for a in result.articles] == [(TEXTS[0], ("Maria Costa",)), (TEXTS[3], ("Tom Hill",))]
    assert [a.source.lines for a in result.articles] == [(1, 7), (11, 17)]


def test_viterbi_never_puts_an_item_inside_without_a_start():
    lines, _ = described()
    model = tagger.Model({"bias": (-5.0, 5.0, 0.0)})  # I everywhere it can
    tagging = model.decode(lines)
    assert tagging.tags[0] != "I"
    assert all(not (a == "O" and b == "I") for a, b in zip(tagging.tags, tagging.tags[1:]))


def test_tag_probabilities_are_probabilities():
    lines, _ = described()
    model = tagger.Model({"bias": (0.3, 0.2, -0.1), "r=title": (2.0, -1.0, 0.0), "p=B": (-1.0, 2.0, 0.0)})
    for p in model.decode(lines).probabilities:
        assert math.isclose(sum(p), 1.0) and min(p) >= 0.0
    assert model.decode(lines).probabilities[0][tagger.I] == 0.0  # no item is open before the first line


def test_items_come_from_the_tags_and_an_unsure_start_is_a_doubt():
    lines, segment = described()
    found, left = tagger.items(lines, segment, Headlines(0.55).decode(lines))
    assert [(i.start, i.end) for i in found] == [(0, 3), (3, 6)] and left == []
    assert found[1].confidence == pytest.approx(0.55)
    assert found[1].doubts and found[1].doubts[0][0] == 7 and "p=0.55" in found[1].doubts[0][1]


def test_lines_outside_every_item_are_debris_saying_why():
    lines, segment = described(["Subscribe to our newsletter", *TEXTS])
    tags = ("O", *Headlines().decode(lines[1:]).tags)
    probabilities = ((0.05, 0.0, 0.95), *((1.0, 0.0, 0.0),) * (len(lines) - 1))
    found, left = tagger.items(lines, segment, tagger.Tagging(tags, probabilities))
    assert len(found) == 2
    assert [d.line for d in left] == [1] and "outside every item" in left[0].reason and "p=0.95" in left[0].reason


def test_an_unsure_boundary_becomes_a_review_flag_in_the_article():
    with tagger.using(Headlines(0.55)):
        second = split_text(DUMP, "d.txt").articles[1]
    assert second.confidence == pytest.approx(0.55)
    notes = [a for a in second.annotations if "review" in a.tags]
    assert notes and "p=0.55" in notes[0].note


def named_weights(lines):
    """Weights for every feature the lines have (with every previous tag), varied by name."""
    names = {n for k in range(len(lines)) for n in tagger.features(lines, k)}
    names |= {n for k in range(len(lines)) for p in "BIOS" for n in tagger.with_previous(tagger.features(lines, k), p)}
    return {n: ((hash(n) % 7) / 7 - 0.4, (hash(n) % 5) / 5 - 0.5, (hash(n) % 3) / 3 - 0.3) for n in sorted(names)}


def sequence_scores(lines, weights, start_bias):
    """Every tag sequence allowed (no I after O or at the start) with its summed weights."""
    per_line = []
    for k in range(len(lines)):
        base = tagger.features(lines, k)
        per_line.append({
            (p, t): sum(weights[n][t] for n in base + tagger.with_previous(base, p)) + (start_bias if t == tagger.B else 0.0)
            for p in ("BIO" if k else "S") for t in range(3) if not (t == tagger.I and p in "OS")
        })
    out = {}
    for tags in itertools.product(range(3), repeat=len(lines)):
        previous = ["S", *(tagger.TAGS[t] for t in tags[:-1])]
        if all((p, t) in scores for p, t, scores in zip(previous, tags, per_line)):
            out[tags] = sum(scores[p, t] for p, t, scores in zip(previous, tags, per_line))
    return out


def test_the_crf_decodes_the_likeliest_sequence_and_its_marginals():
    """Normalised over whole sequences: Viterbi finds the sequence of highest summed weight, and each
    line's tag probabilities are the sums over every sequence (checked by listing them all)."""
    lines, _ = described(TEXTS[:5])
    weights = named_weights(lines)
    model = tagger.Model(weights, "crf", 0.5)
    scores = sequence_scores(lines, weights, 0.5)
    best = max(scores, key=scores.get)
    total = sum(math.exp(v) for v in scores.values())
    tagging = model.decode(lines)
    assert tagging.tags == tuple(tagger.TAGS[t] for t in best)
    for k, probabilities in enumerate(tagging.probabilities):
        expected = [sum(math.exp(v) for tags, v in scores.items() if tags[k] == t) / total for t in range(3)]
        assert probabilities == pytest.approx(expected)


def test_decoding_adds_the_weights_of_the_named_features():
    """The MEMM decoder's tables give the softmax of the summed weights of `features` and `with_previous`
    (and the prior for cutting)."""
    lines, _ = described(["Subscribe to our newsletter", *TEXTS])
    weights = named_weights(lines)
    model = tagger.Model(weights, "memm")
    steps = model.steps(lines)
    for k in range(len(lines)):
        base = tagger.features(lines, k)
        for p, previous in enumerate("BIOS"):
            if (previous == "S") != (k == 0):
                continue
            z = [sum(weights[n][t] for n in base + tagger.with_previous(base, previous)) for t in range(3)]
            z[tagger.B] += model.start_bias
            expected = [math.exp(v) / sum(math.exp(u) for u in z) for v in z]
            if previous in "OS":
                expected[tagger.I] = 0.0  # no item is open: an I is impossible
            assert steps[k][p] == pytest.approx(expected)


def test_headlines_are_described_as_heads_of_items():
    """A headline is told how the text above it ended, how many others of the segment share its
    template (the line under it, the line above, the gap before) and whether it was printed before."""
    texts = [TEXTS[0], "By Maria Costa", *TEXTS[1:3], "Report by Jim Bell", TEXTS[3], "By Tom Hill", *TEXTS[4:], TEXTS[3]]
    lines, _ = described(texts)
    first, second, again = (lines[k].own for k in (0, 5, 9))
    assert "end=start" in first and "end=byline" in second
    assert "tpl=1" in first and "tpl=1" in second and "like1" in second
    assert "again" in again and "again" not in second
    assert not any(x.startswith(("end=", "tpl=")) for x in lines[2].own)  # running text is no head


def test_a_headline_over_text_is_told_how_many_lines_above_it_are_not_text():
    """Results, a table's rows or a list, then a headline over text: a new item starts there more
    often than after text; a line in capitals is told it is one (a section's label)."""
    rows = ["The Globe 4–5 Dosthill Cons", "Fazeley Social 6–3 Red Lion Amington", "Wilnecote Club 8–1 The Crown B", "HIGH FINISHES"]
    lines, _ = described([TEXTS[0], TEXTS[1], *rows, TEXTS[3], TEXTS[4]])
    after_rows = lines[6].own
    assert "prose=2" in after_rows  # four lines that are not text above it (three to five)
    assert "prose=3" in lines[0].own  # the first headline: no text above it in the segment (six or more)
    assert not any(x.startswith("prose=") for x in lines[2].own)  # a row over a row
    assert "caps" in lines[5].own and "caps" not in lines[6].own
    assert "row" in lines[2].own and "row" not in lines[6].own


def test_a_line_inside_an_item_likely_enough_to_start_one_starts_one():
    lines, _ = described()
    weights = {"bias": (0.0, 0.5, -3.0), "r=title": (1.0, 0.0, -3.0)}
    viterbi = tagger.Model(weights, "crf", 0.0).decode(lines)
    cut = tagger.Model(weights, "crf", 0.0, cut=0.05).decode(lines)
    assert cut.probabilities == viterbi.probabilities
    assert "I" in viterbi.tags
    assert cut.tags == tuple("B" if t == "I" and p[tagger.B] >= 0.05 else t for t, p in zip(viterbi.tags, cut.probabilities))
    assert cut.tags.count("B") > viterbi.tags.count("B")


def test_a_teaser_closed_by_a_continue_reading_link_is_a_fragment():
    teasers = [("How to choose an exterior stain that survives a Shediac winter", "March 4, 2025 by Julie Lachance",
                "Salt air, freeze-thaw and spring fog: we tested five stains on the back fence for two years. Here's what peeled."),
               ("Why we colour-match in the store, not on the app", "February 3, 2025 by Marc-André Lachance",
                "A phone camera sees a colour differently under kitchen lights, daylight and the shop's lights. Ours does not.")]
    text = "\n".join(line for t in teasers for line in (*t, "Continue reading →", "Posted in Paint | 3 Comments")) + "\n"
    result = split_text(text, "dump.txt")
    assert [a.title for a in result.articles] == [t[0] for t in teasers]
    assert all(a.kind is ArticleKind.FRAGMENT for a in result.articles)


NEIGHBOUR_MAIL = (
    "** A word from the project director",
    "Dear neighbour, this month we reach the top of the concrete frame on the new ward block, two weeks behind the programme.",
    "Dan Whitlock, Project Director",
    "** Look-ahead: the next four weeks",
    "From 10 March the final roof slab is poured to Block C, with an early start at six on Wednesday 12 March.",
    "Mixer lorries will queue inside the site, not on Vale Street, and the lighting will face away from homes.",
    "** Road closure: Marlow Place, 10-11 May",
    "To dismantle the tower crane, Marlow Place will be closed between Vale Street and Tanner Row for the weekend.",
    "** Community fund: last call for applications",
    "Local groups can still apply for grants of up to £1,500 from the community fund before the end of March.",
)


def test_a_rule_drawn_between_items_is_a_feature_of_its_line():
    texts = [TEXTS[1], TEXTS[2], TEXTS[3]]
    blocks = (Block(1, texts[0]), Block(2, texts[1]), Block(4, texts[2]))
    shapes = tuple(shape(t) for t in texts)
    rule = Debris(3, "━" * 40, "recurs 4 times in the dump")
    segment = tagger.Segment(blocks, shapes, classify(texts, None, shapes), (rule,))
    lines = tagger.describe(segment)
    assert [line.block.line for line in lines if "rule" in line.own] == [3]
    assert "-1:rule" in tagger.features(lines, 3)  # the headline under it sees it
    signed = tagger.Segment(blocks, shapes, classify(texts, None, shapes), (Debris(3, "-- ", "a line of one or two characters"),))
    assert [line.block.line for line in tagger.describe(signed) if "sig" in line.own] == [3]  # a mail's signature line


def test_a_records_code_over_its_title_is_a_feature_of_its_line():
    lines, _ = described(["P-201", TEXTS[1], TEXTS[2], "LOT 14", TEXTS[3]])
    assert [k for k, line in enumerate(lines) if "code" in line.own] == [0, 3]


def test_a_plain_mail_heading_is_a_feature_of_its_line():
    assert tagger._heading_mark("** Road closure: Marlow Place") == "mk=mail"
    assert tagger._heading_mark("== Notices") == "mk=mail"
    assert tagger._heading_mark("=3D=3D NOTICES =3D=3D") == "mk=mail"  # quoted-printable, as a raw mail prints it
    assert tagger._heading_mark("## Key events") == "mk=2"
    assert tagger._heading_mark("#### Deep heading") == "mk=3"
    assert tagger._heading_mark("**Name:** Jo") is None  # bold text, no heading


def test_an_item_is_cut_at_each_plain_mail_heading_inside_it():
    with tagger.using(FirstOnly()):
        result = split_text("\n\n".join(NEIGHBOUR_MAIL) + "\n", "update.eml.txt")
    assert [a.title for a in result.articles] == [line[3:] for line in NEIGHBOUR_MAIL if line.startswith("** ")]
    assert all(any("mail's heading" in why for _, why in a.review) for a in result.articles[1:])



PHPBB_THREAD = (
    "When do you actually put them on pointe? (long, sorry)",
    "tendu_tess", "Joined: 12 Jan 2009", "Posted: Tue Mar 04, 2025 9:12 pm",
    "Every September I have the same conversation with a new set of parents, and this year it has been louder than ever before.",
    "My own rule of thumb is that no one goes up before eleven, and most not before twelve, whatever the shoe shop tells them.",
    "madame_croisé", "Joined: 03 Jun 2014", "Posted: Tue Mar 04, 2025 10:03 pm",
    "Written policy, yes, and I hand it out at enrolment, not when the question comes up, because it is much easier that way.",
)


def test_a_reply_under_its_posters_handle_is_cut_from_the_thread_above_it():
    with tagger.using(FirstOnly()):  # the tagger sure the whole thread is one item
        result = split_text("\n".join(PHPBB_THREAD) + "\n", "thread.txt")
    assert [a.source.lines for a in result.articles] == [(1, 6)]  # the opening post's own handle stays with it
    assert {d.line for d in result.debris if "comments" in d.reason or "forum thread" in d.reason} == {7, 8, 9, 10}  # the reply


QUICK_HITS = (
    "** Thank you for 41,000 hours",
    "Every March we add up the hours that our registered volunteers have logged over the past year, and every March I think the number can't go up again.",
    "** QUICK HITS",
    "* Exit fee: Belarusians leaving by land for Lithuania and Poland now pay a border queue booking fee of 26 roubles.",
    "* Books: The state publisher has withdrawn three novels by exiled Belarusian writers from school reading lists.",
    "* Political prisoners: Human rights monitors counted 1,187 people held on political charges on 1 March, down from 1,210.",
)


def test_a_mail_heading_over_briefs_is_no_item_of_its_own():
    with tagger.using(FirstOnly()):
        result = split_text("\n\n".join(QUICK_HITS) + "\n", "update.eml.txt")
    assert [a.source.lines for a in result.articles][-3:] == [(7, 7), (9, 9), (11, 11)]  # each brief an item
    assert [d.reason for d in result.debris if d.line == 5] == ["a mail's heading over items of their own"]


def test_the_last_card_of_a_directory_over_the_pages_foot_is_a_card_like_those_above_it():
    result = split_page("directory_last_card_over_foot.txt")
    assert [span for span, _, _ in plan(result)] == [(7, 10), (13, 16), (19, 22), (25, 28)]
    assert result.articles[-1].title == "Hearing Help Norfolk (charity)"  # its address is no head of a card of its own
    left = {d.line for d in result.debris}
    assert {31, 32} <= left  # the helpline notice and the directory's © under the cards
