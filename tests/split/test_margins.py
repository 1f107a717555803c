"""margins: a story's headline and by-line left outside it by the boundary decision are its own."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.split import split_text, tagger
from sitegen.split.tagger import Line, Tagging


class OutsideUntil:
    """A boundary decision that puts every line outside until one of `starts`, where an item starts."""

    def __init__(self, *starts: str) -> None:
        self.starts = set(starts)

    def decode(self, lines: Sequence[Line]) -> Tagging:
        tags, open_ = [], False
        for x in lines:
            if x.block.text in self.starts:
                tags.append("B")
                open_ = True
            else:
                tags.append("I" if open_ else "O")
        return Tagging(tuple(tags), tuple({"B": (1.0, 0.0, 0.0), "I": (0.0, 1.0, 0.0), "O": (0.0, 0.0, 1.0)}[t] for t in tags))


def split(lines: Sequence[str], *starts: str):
    text = "\n\n".join(lines) + "\n"
    with tagger.using(OutsideUntil(*starts)):
        return split_text(text, "dump.txt")


TEXT = "The Pocket Ember handheld drops to $149 this week, its lowest price since launch, at most of the big retailers in the US."


def test_a_headline_over_its_by_line_left_outside_heads_the_story_again():
    result = split(("Retro handheld Pocket Ember gets a price cut", "By Marcus Beale published 5 hours ago", TEXT), TEXT)
    assert [a.title for a in result.articles] == ["Retro handheld Pocket Ember gets a price cut"]
    assert result.articles[0].source.lines[0] == 1
    assert not any(d.text.startswith("Retro handheld") for d in result.debris)


def test_a_headline_over_a_reviewers_handle_heads_the_review():
    result = split(("Perfect base for exploring Bairro Alto", "tiagoandsofia", TEXT), TEXT)
    assert [a.title for a in result.articles] == ["Perfect base for exploring Bairro Alto"]


def test_a_section_label_above_a_story_stays_outside_it():
    result = split(("Latest deals", "Gaming news", TEXT), TEXT)
    assert [a.source.lines[0] for a in result.articles] == [5]  # neither the label nor the line above it is the story's


def test_the_sites_lines_under_the_last_story_are_not_part_of_it():
    footer = ("« Older Entries", "Tynemouth Sub-Aqua Club is a branch of the British Sub-Aqua Club.", "© Tynemouth Sub-Aqua Club")
    story = ("Club boat laid up for winter", "By Dan Moss, Boat Officer", TEXT)
    result = split((*story, *footer), story[0])
    assert [a.title for a in result.articles] == ["Club boat laid up for winter"]
    assert result.articles[0].source.lines == (1, 5)
    assert {d.text for d in result.debris} >= set(footer)  # nothing is lost: the footer is debris saying why


def test_a_story_that_mentions_a_newsletter_in_its_text_keeps_it():
    line = "Sign up for the newsletter at the club, the secretary said, and the list of winter dives will come to you each month."
    story = ("Club boat laid up for winter", "By Dan Moss, Boat Officer", TEXT, line)
    result = split(story, story[0])
    assert line in result.articles[0].body
