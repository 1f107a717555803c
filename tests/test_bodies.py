"""Rendered bodies: what list pages read of them (the summary) is what the body holds, however it
was rendered — by worker processes, in this process, or read back from the cache file."""

from __future__ import annotations

import pytest

from sitegen import bodies as bodies_module
from sitegen.bodies import BodyCache, render_bodies
from sitegen.cache import cache_file
from sitegen.markdown.render import render_body
from sitegen.model import Annotation
from tests.sample_site import article

ARTICLES = tuple(
    article(f"a{n}", f"Article {n}", f"Opening paragraph {n} of *this* text, [linked](https://example.org/{n}).\n\n"
            f"Second paragraph {'ünïcode ' * (n % 5)}here.\n")
    for n in range(40)
) + (article("empty", "Empty", "# Only a heading\n"),)


@pytest.mark.parametrize("workers, pool_from", [(1, 2), (2, 2), (2, 1000)])
def test_summaries_are_those_of_the_rendered_bodies(tmp_path, monkeypatch, workers, pool_from):
    monkeypatch.setattr(bodies_module, "PARALLEL_FROM", pool_from)  # with 2 workers, even these few go to the pool
    monkeypatch.setattr(bodies_module, "SHARED_FROM", 2)  # or, below it, half of them to a forked worker
    cache = BodyCache(cache_file(tmp_path), remember=False)
    rendered = render_bodies(ARTICLES, cache, workers=workers)
    assert {rendered.key(a.slug) for a in ARTICLES} <= cache.known()  # every body rendered and stored
    for a in ARTICLES:
        expected = render_body(a.body, a.annotations)
        assert rendered.summary(a.slug) == expected.summary
        assert rendered[a.slug].html == expected.html


def test_a_body_from_the_cache_file_gives_its_summary_too(tmp_path):
    render_bodies(ARTICLES, BodyCache(cache_file(tmp_path), remember=False), workers=1)
    again = render_bodies(ARTICLES, BodyCache(cache_file(tmp_path), remember=False), workers=1)  # a new process
    for a in ARTICLES:
        assert again.summary(a.slug) == render_body(a.body, a.annotations).summary


def test_a_body_read_back_from_the_cache_file_is_the_one_rendered_notes_and_headings_included(tmp_path):
    noted = article("noted", "Noted", "# Heading\n\nSome text worth a note, and more text.\n\n## Another\n\nEnd.\n",
                    annotations=(Annotation(quote="worth a note", note="*Yes.*"),
                                 Annotation(quote="not in the text", note="Lost.", tags=("flag",))))
    render_bodies((noted, *ARTICLES), BodyCache(cache_file(tmp_path), remember=False), workers=1)
    again = render_bodies((noted, *ARTICLES), BodyCache(cache_file(tmp_path), remember=False), workers=1)
    for a in (noted, *ARTICLES):
        assert again[a.slug] == render_body(a.body, a.annotations)
    assert again["noted"].anchored and again["noted"].unanchored_notes and len(again["noted"].headings) == 2


def test_summaries_stay_right_over_many_rebuilds_of_one_session(tmp_path):
    cache = BodyCache(cache_file(tmp_path))
    for round_ in range(40):  # each rebuild renders one edited body: many small blocks, then one again
        edited = tuple(article(a.slug, a.title, f"Edit {round_} of {a.slug}.\n") if a.slug == "a3" else a
                       for a in ARTICLES)
        rendered = render_bodies(edited, cache, workers=1)
    assert rendered.summary("a3") == "Edit 39 of a3."
    assert rendered.summary("a7") == render_body(ARTICLES[7].body).summary


@pytest.mark.parametrize("workers, pool_from", [(1, 2), (2, 2), (2, 1000)])
def test_rendering_reports_its_progress_up_to_every_body_to_render(tmp_path, monkeypatch, workers, pool_from):
    monkeypatch.setattr(bodies_module, "PARALLEL_FROM", pool_from)
    monkeypatch.setattr(bodies_module, "SHARED_FROM", 2)
    told: list[tuple[int, int]] = []
    render_bodies(ARTICLES, BodyCache(cache_file(tmp_path), remember=False), workers=workers,
                  progress=lambda done, total: told.append((done, total)))
    assert told and told[-1] == (len(ARTICLES), len(ARTICLES))
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    told.clear()
    render_bodies(ARTICLES, BodyCache(cache_file(tmp_path), remember=False), workers=workers,
                  progress=lambda done, total: told.append((done, total)))
    assert told == []  # nothing left to render: nothing to report


def test_bodies_rendered_where_the_files_are_read_are_those_rendered_here_and_are_not_rendered_again(tmp_path):
    from sitegen.bodies import body_key, render_read

    read = [(f"digest-{a.slug}", a) for a in ARTICLES]
    known = {body_key(ARTICLES[0])}  # already in the cache file
    keys, rendered, _ = render_read(read, known, wanted=lambda a: a.slug != "a1")  # a1: published as an excerpt
    assert keys == [(digest, body_key(a)) for digest, a in read]
    assert {key for key, _, _ in rendered} == {body_key(a) for a in ARTICLES} - known - {body_key(ARTICLES[1])}
    cache = BodyCache(cache_file(tmp_path), remember=False)
    cache.put_read((keys, rendered, []))
    told: list[tuple[int, int]] = []
    again = render_bodies(ARTICLES[2:], cache, digests={a.slug: f"digest-{a.slug}" for a in ARTICLES}, workers=1,
                          progress=lambda done, total: told.append((done, total)))
    assert told == []  # nothing left to render
    for a in ARTICLES[2:]:
        assert again[a.slug] == render_body(a.body, a.annotations)
        assert again.summary(a.slug) == render_body(a.body).summary
