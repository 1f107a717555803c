from pathlib import Path

import pytest

from sitegen.config import Config, load_config, parse_config
from sitegen.errors import ConfigError


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg.page_size == 20 and cfg.output_path == tmp_path / "public"


def test_values_are_read_and_base_url_gets_a_slash(tmp_path):
    cfg = parse_config('title = "Mine"\npage_size = 5\nbase_url = "https://example.org"\n', tmp_path)
    assert (cfg.title, cfg.page_size, cfg.base_url) == ("Mine", 5, "https://example.org/")


def test_unknown_key_is_a_warning_with_its_line(tmp_path):
    cfg = parse_config('title = "x"\npagesize = 5\n', tmp_path, "sitegen.toml")
    assert [str(p) for p in cfg.warnings] == ["sitegen.toml:2: warning: unknown setting 'pagesize' (ignored)"]


def test_wrong_type_is_an_error_with_its_line(tmp_path):
    with pytest.raises(ConfigError) as info:
        parse_config('title = "x"\npage_size = "ten"\n', tmp_path, "sitegen.toml")
    assert str(info.value.problems[0]) == "sitegen.toml:2: page_size: expected a whole number, got 'ten'"


def test_toml_syntax_error_names_the_line(tmp_path):
    with pytest.raises(ConfigError) as info:
        parse_config('title = "x"\npage_size = = 3\n', tmp_path, "sitegen.toml")
    assert info.value.problems[0].line == 2


@pytest.mark.parametrize("value", ['"../elsewhere"', '"/tmp/x"', '"a b"'])
def test_output_dir_must_stay_inside_the_archive(tmp_path, value):
    with pytest.raises(ConfigError):
        parse_config(f"output_dir = {value}\n", tmp_path)


def test_flags_override_the_file():
    cfg = Config(root=Path("."), page_size=5).with_overrides(page_size=None, output_dir="out")
    assert (cfg.page_size, cfg.output_dir) == (5, "out")


def test_profile_licences_and_origins_are_read_and_typed(tmp_path):
    from sitegen.config import OriginLicence, Treatment

    cfg = parse_config('profile = "public"\n[licences]\nunknown = "excerpt"\nexcerpt_words = 40\n'
                       '[origins."The Conversation"]\nlicence = "CC BY-ND 4.0"\n'
                       'url = "https://creativecommons.org/licenses/by-nd/4.0/"\n', tmp_path)
    assert cfg.public and cfg.licences.unknown is Treatment.EXCERPT and cfg.licences.excerpt_words == 40
    assert cfg.licences.all_rights_reserved is Treatment.EXCERPT and cfg.licences.cc is Treatment.FULL  # defaults
    assert cfg.origin("the  conversation") == OriginLicence(
        "The Conversation", "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/", None)


@pytest.mark.parametrize("text,message", [
    ('title = "x"\nprofile = "staging"\n', "sitegen.toml:2: profile: expected one of local, public, got 'staging'"),
    ('[licences]\n\nexcerpt_words = 0\n', "sitegen.toml:3: licences.excerpt_words: expected a whole number of at least 1, got 0"),
    ('[origins."A"]\nlicence = "L"\nurl = "ftp://x"\n', "sitegen.toml:3: origins.'A': url: expected an http(s) URL, got 'ftp://x'"),
    ('[origins.B]\nhome = "https://b.example/"\n', "sitegen.toml:1: origins.'B': licence: expected the licence's name, e.g. \"CC BY-ND 4.0\""),
])
def test_policy_mistakes_name_the_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as info:
        parse_config(text, tmp_path, "sitegen.toml")
    assert str(info.value.problems[0]) == message
