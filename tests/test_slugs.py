from hypothesis import given, strategies as st

from sitegen.slugs import MAX_LEN, slugify, unique_slug


def test_title_becomes_readable_slug():
    assert slugify("From chatbot to sexbot: lessons from Korea’s AI hate-speech fiasco") == (
        "from-chatbot-to-sexbot-lessons-from-koreas-ai-hate-speech-fiasco"
    )


def test_accents_are_folded():
    assert slugify("Stéphane Dujarric") == "stephane-dujarric"


def test_hostile_names_stay_inside_one_folder():
    for name in ("../../x", "/etc/passwd", "..", "a/b\\c", "\x00nul"):
        slug = slugify(name)
        assert "/" not in slug and "\\" not in slug and not slug.startswith(".")


def test_reserved_device_names_are_changed():
    assert slugify("CON") != "con"
    assert slugify("index") != "index"


def test_long_titles_are_cut_at_a_word():
    slug = slugify("word " * 100)
    assert len(slug) <= MAX_LEN and not slug.endswith("-")


def test_text_without_letters_gets_a_stable_hash():
    assert slugify("蔣萬安") == slugify("蔣萬安")
    assert slugify("蔣萬安") != slugify("侯友宜")


def test_unique_slug_counts_up():
    assert unique_slug("a", {"a", "a-2"}) == "a-3"
    assert unique_slug("b", {"a"}) == "b"


@given(st.text())
def test_any_text_gives_a_safe_bounded_slug(text):
    slug = slugify(text)
    assert slug and len(slug) <= MAX_LEN
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
