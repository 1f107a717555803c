import pytest

from sitegen.config import load_config
from sitegen.errors import UsageError
from sitegen.scaffold import new_archive


def test_new_archive_has_config_and_content_folders(tmp_path):
    created = new_archive(tmp_path / "site")
    assert (tmp_path / "site/content/raw").is_dir() and (tmp_path / "site/content/articles").is_dir()
    assert load_config(tmp_path / "site").title == "Reading archive"
    assert len(created) >= 4


def test_new_archive_never_overwrites(tmp_path):
    (tmp_path / "sitegen.toml").write_text("title = 'mine'\n")
    with pytest.raises(UsageError):
        new_archive(tmp_path)
    assert (tmp_path / "sitegen.toml").read_text() == "title = 'mine'\n"


def test_new_archive_is_ready_for_netlify(tmp_path):
    import tomllib

    from sitegen.scaffold import NETLIFY

    new_archive(tmp_path / "site")
    site = tmp_path / "site"
    netlify = (site / "netlify.toml").read_text(encoding="utf-8")
    assert netlify == NETLIFY and "sitegen build --profile public" in tomllib.loads(netlify)["build"]["command"]
    project = tomllib.loads((site / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert [d.split()[0].split("=")[0] for d in project["dependencies"]] == ["sitegen"]  # pip install . brings sitegen
    assert "/build/" in (site / ".gitignore").read_text() and load_config(site).profile == "local"
