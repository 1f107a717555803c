"""memo: a recogniser's answers kept while a segment is split, and handed out as it gave them."""

from __future__ import annotations

from sitegen.split import memo


def test_a_kept_list_answer_can_be_changed_by_its_caller_without_changing_the_next_answer():
    asked: list[str] = []

    @memo.remembered
    def names(text: str) -> list[str] | None:
        asked.append(text)
        return text.split() or None

    first = names("Jane Hill")
    first.append("Tom Rowe")
    assert names("Jane Hill") == ["Jane", "Hill"]
    assert names("") is None and names("") is None  # None is an answer kept too
    assert asked == ["Jane Hill", ""]


def test_a_recogniser_of_several_arguments_keeps_an_answer_for_each_of_them():
    @memo.remembered
    def furniture(text: str, repeats: int = 1) -> list[str] | None:
        return [text] * repeats if repeats > 1 else None

    assert furniture("Share", 3) == ["Share"] * 3
    assert furniture("Share") is None
    assert furniture("Share", repeats=2) == ["Share"] * 2


def test_by_line_keeps_the_answer_by_the_line_whatever_short_cut_comes_with_it():
    asked: list[tuple[str, int | None]] = []

    @memo.by_line
    def length(text: str, known: int | None = None) -> int:
        asked.append((text, known))
        return known if known is not None else len(text)

    assert length("Budget vote", 11) == 11
    assert length("Budget vote") == 11
    assert asked == [("Budget vote", 11)]


def test_forget_drops_every_kept_answer():
    asked: list[str] = []

    @memo.remembered
    def shout(text: str) -> str:
        asked.append(text)
        return text.upper()

    assert shout("a") == shout("a") == "A"
    memo.forget()
    assert shout("a") == "A"
    assert asked == ["a", "a"]
