"""plan: a dump read into articles, and the plan of a split that writes nothing."""

from __future__ import annotations

from pathlib import Path

from sitegen.archive.plan import dump_articles, plan_files

LISTING = "\n\n".join(
    f"{headline}\n{teaser}"
    for headline, teaser in [
        ("Council votes to keep Elm Street library open on Sundays", "Councillors voted 9-4 on Tuesday night to restore Sunday hours."),
        ("Ferry operator blames engine fault for cancelled crossings", "A replacement part has been flown in from Rotterdam."),
        ("Teachers at three primary schools vote to strike", "Union officials said the ballot showed overwhelming support."),
        ("Hospital car park charges to rise by 50p from April", "The trust said the money would pay for better lighting."),
    ]
) + "\n\nShare our publication on social media\n"


def test_the_plan_lists_every_item_and_writes_nothing(tmp_path: Path):
    dump = tmp_path / "raw" / "listing.txt"
    dump.parent.mkdir()
    dump.write_text(LISTING, encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    (plan,) = plan_files([dump], root=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before
    assert plan.file == "raw/listing.txt"
    assert [a.title for a in plan.articles] == [
        "Council votes to keep Elm Street library open on Sundays",
        "Ferry operator blames engine fault for cancelled crossings",
        "Teachers at three primary schools vote to strike",
        "Hospital car park charges to rise by 50p from April",
    ]
    assert {a.kind.value for a in plan.articles} == {"fragment"}  # teasers of a listing page
    assert all(0.0 < a.confidence <= 1.0 for a in plan.articles)


def test_an_unreadable_dump_is_a_problem_in_the_plan(tmp_path: Path):
    (plan,) = plan_files([tmp_path / "missing.txt"], root=tmp_path)
    assert plan.articles == ()
    assert "cannot read" in plan.problems[0].message


def test_furniture_recurring_in_the_file_is_known_before_the_split(tmp_path: Path):
    dump = tmp_path / "d.txt"
    body = "The port reopened on Monday after three years of repairs, and the first ships arrived before dawn."
    dump.write_text("\n\n".join(f"Headline number {n} about the port\n\n{body}\n\nPolitics" for n in range(3)), encoding="utf-8")
    articles = list(dump_articles(dump, "d.txt", []))
    assert all("Politics" not in a.body for a in articles)
