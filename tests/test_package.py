"""sitegen as a newcomer installs it: the wheel and the sdist built from this checkout, the wheel
installed into a fresh virtual environment outside the checkout, and the first steps of the
README run there — `sitegen new`, dumps copied in, split, build, check — then the home page and
an article opened in Chromium. The editable install (`pip install -e .`) stays the development
path; this is what `pip install .`, pipx or a host's build gets.
"""

from __future__ import annotations

import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.browser_support import chromium
from tests.package_support import REPO, copy_project, make_venv, project_files, run, venv_env

pytestmark = [pytest.mark.package, pytest.mark.slow]

DUMPS = sorted((REPO / "content" / "raw").glob("*.txt"))  # the repository's own seed dumps


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """dist/ with the wheel and the sdist, built from a copy of the checkout (never inside it)."""
    source = copy_project(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out), "."], source)
    run([sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})"], source)
    return out


def only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {folder}, found {[p.name for p in found]}"
    return found[0]


def shipped_source() -> set[str]:
    """Every file of the package in the checkout (modules, theme, scripts, netlify.toml)."""
    return {name for name in project_files() if name.startswith("sitegen/") and "__pycache__" not in name}


def test_the_wheel_holds_every_module_and_data_file_of_the_source_tree(dist):
    names = set(zipfile.ZipFile(only(dist, "sitegen-*.whl")).namelist())
    in_wheel = {n for n in names if n.startswith("sitegen/")}
    source = shipped_source()
    assert {n for n in source if n.endswith(".py")} == {n for n in in_wheel if n.endswith(".py")}
    assert source == in_wheel, f"missing from the wheel: {sorted(source - in_wheel)}; extra: {sorted(in_wheel - source)}"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "sitegen = sitegen.cli:main" in zipfile.ZipFile(only(dist, "sitegen-*.whl")).read(entry_points).decode()


def test_the_sdist_builds_the_same_wheel(dist, tmp_path):
    sdist = only(dist, "sitegen-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    unpacked = only(tmp_path, "sitegen-*")
    assert (unpacked / "pyproject.toml").is_file() and (unpacked / "README.md").is_file()
    again = tmp_path / "again"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(again), "."], unpacked)
    first = {n for n in zipfile.ZipFile(only(dist, "sitegen-*.whl")).namelist() if n.startswith("sitegen/")}
    second = {n for n in zipfile.ZipFile(only(again, "sitegen-*.whl")).namelist() if n.startswith("sitegen/")}
    assert first == second


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh venv outside the checkout with the wheel installed: (its bin/, its environment)."""
    bin_dir = make_venv(tmp_path_factory.mktemp("venv") / "env")
    env = venv_env(bin_dir)
    wheel = only(dist, "sitegen-*.whl")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], wheel.parent, env)
    return bin_dir, env


def test_sitegen_in_the_fresh_environment_comes_from_the_wheel(installed, tmp_path):
    bin_dir, env = installed
    where = run([str(bin_dir / "python"), "-I", "-c", "import sitegen; print(sitegen.__file__)"], tmp_path, env)
    module = Path(where.stdout.strip()).resolve()
    assert module.is_relative_to(bin_dir.parent.resolve()), f"sitegen imported from {module}, not the venv"
    assert not module.is_relative_to(REPO)


def test_a_newcomer_splits_builds_checks_and_reads_the_site(installed, tmp_path):
    bin_dir, env = installed
    sitegen = str(bin_dir / "sitegen")
    run([sitegen, "new", "demo"], tmp_path, env)
    demo = tmp_path / "demo"
    assert {"sitegen.toml", "netlify.toml", "pyproject.toml"} <= {p.name for p in demo.iterdir()}
    for dump in DUMPS:
        shutil.copy(dump, demo / "content" / "raw" / dump.name)
    split = run([sitegen, "split", *(f"content/raw/{d.name}" for d in DUMPS)], demo, env)
    assert "created content/articles/" in split.stdout
    built = run([sitegen, "build"], demo, env)
    assert "built " in built.stdout
    checked = run([sitegen, "check"], demo, env)
    assert "licence table:" in checked.stdout

    public = demo / "public"
    article = sorted((public / "articles").glob("*.html"))[0]
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(public.joinpath("index.html").as_uri())
        assert page.title() == "Reading archive"
        cards = page.locator("article.card")
        assert cards.count() > 0
        # the theme's stylesheet came with the wheel: the page is laid out by it
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != "inline"
        page.goto(article.as_uri())
        assert page.locator("h1").first.inner_text().strip()
        assert page.locator("section.attribution").count() == 1
        assert errors == []


def test_a_new_archive_builds_with_its_own_netlify_command(installed, tmp_path):
    """`sitegen new` writes netlify.toml and a pyproject.toml whose `pip install .` brings sitegen.
    Offline here (sitegen already in the environment, setuptools from it); Netlify fetches both."""
    import tomllib

    bin_dir, env = installed
    run([str(bin_dir / "sitegen"), "new", "demo"], tmp_path, env)
    demo = tmp_path / "demo"
    shutil.copy(DUMPS[0], demo / "content" / "raw" / DUMPS[0].name)
    build = tomllib.loads((demo / "netlify.toml").read_text(encoding="utf-8"))["build"]
    netlify = dict(env, URL="https://demo.example", PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0",
                   **build.get("environment", {}))
    result = run(build["command"], demo, netlify, shell=True)
    assert "Successfully installed reading-archive-0" in result.stdout and "public profile:" in result.stdout
    assert '<link rel="canonical" href="https://demo.example/">' in (demo / build["publish"] / "index.html").read_text()
