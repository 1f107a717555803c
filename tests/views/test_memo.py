"""ViewMemo: views come back while what they were made from is equal, and only then."""

from sitegen.views.memo import ViewMemo


class Made:
    """Counts how often a view was made."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> object:
        self.count += 1
        return object()


def started(memo: ViewMemo, config: object, slugs: dict) -> ViewMemo:
    memo.start(config, slugs)
    return memo


def test_a_view_is_reused_while_its_sources_are_equal_and_remade_when_they_change():
    memo, make, config = ViewMemo(), Made(), object()
    first = started(memo, config, {"ai": "ai"}).get("page", ("a", 1), make)
    again = started(memo, config, {"ai": "ai"}).get("page", ("a", 1), make)
    assert again is first and make.count == 1
    changed = started(memo, config, {"ai": "ai"}).get("page", ("a", 2), make)
    assert changed is not first and make.count == 2


def test_a_new_configuration_or_slug_map_forgets_every_view():
    memo, make, config = ViewMemo(), Made(), object()
    started(memo, config, {"ai": "ai"}).get("page", ("a",), make)
    started(memo, object(), {"ai": "ai"}).get("page", ("a",), make)
    assert make.count == 2
    started(memo, memo.config, {"ai": "ai-2"}).get("page", ("a",), make)
    assert make.count == 3


def test_views_not_asked_for_in_a_render_are_forgotten():
    memo, make, config = ViewMemo(), Made(), object()
    started(memo, config, {}).get("gone", (), make)
    started(memo, config, {})  # a render that no longer has the page
    started(memo, config, {}).get("gone", (), make)
    assert make.count == 2


def test_a_one_off_render_keeps_views_asked_for_again_up_to_its_bound_and_only_those():
    memo, make = started(ViewMemo(lasting=False, kept_again=2), object(), {}), Made()
    for name in ("a", "b", "c"):
        memo.get(name, (), make, again=True)
    memo.get("once", (), make)
    for name in ("a", "b", "c", "once"):
        memo.get(name, (), make, again=True)
    assert make.count == 4 + 2  # "a" and "b" are kept; "c" (over the bound) and "once" are made again
