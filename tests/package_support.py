"""The package as a user gets it: this checkout's files copied, built into a wheel and an sdist,
and fresh virtual environments outside the checkout.

The wheel and the sdist are built without the network (`pip wheel --no-deps
--no-build-isolation`: the setuptools and wheel already installed build them), and venvs
are made with `--system-site-packages`, so sitegen's dependencies come from the machine
while sitegen itself comes from the wheel (tests/test_netlify.py instead lets `pip install .`
fetch its build tools, as Netlify's does). `clean_env()` drops PYTHONPATH and the like, so nothing in a
subprocess can import sitegen from the checkout by accident.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 300


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a fresh shell: no PYTHONPATH, no active venv, CI's other variables kept."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def run(command: list[str] | str, cwd: Path, env: dict[str, str] | None = None, *, shell: bool = False,
        ok: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when `ok` and it exits non-zero."""
    result = subprocess.run(command, cwd=cwd, env=env if env is not None else clean_env(), shell=shell,
                            capture_output=True, text=True, timeout=TIMEOUT,
                            executable="/bin/bash" if shell else None)
    if ok and result.returncode != 0:
        shown = command if isinstance(command, str) else " ".join(map(str, command))
        pytest.fail(f"`{shown}` exited {result.returncode} in {cwd}\n--- stdout\n{result.stdout[-4000:]}\n"
                    f"--- stderr\n{result.stderr[-4000:]}", pytrace=False)
    return result


def project_files() -> list[str]:
    """The checkout's files as a clone would have them: tracked, plus new ones not ignored."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, timeout=60)
    if listed.returncode != 0:
        pytest.fail(f"git ls-files failed: {listed.stderr.decode(errors='replace')}", pytrace=False)
    return sorted(name for name in listed.stdout.decode().split("\0") if name and (REPO / name).is_file())


def copy_project(dest: Path) -> Path:
    """A copy of the checkout's project files in `dest` (so builds never write into the checkout)."""
    for name in project_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return dest


def make_venv(folder: Path) -> Path:
    """A fresh virtual environment with its own pip (ensurepip: no network), the machine's
    packages visible for sitegen's dependencies; returns its bin/ folder."""
    venv.EnvBuilder(system_site_packages=True, with_pip=True, symlinks=True).create(folder)
    return folder / "bin"


def venv_env(bin_dir: Path, **extra: str) -> dict[str, str]:
    """`clean_env` with the environment activated: its python, pip and sitegen first on PATH."""
    env = clean_env(**extra)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(bin_dir.parent)
    return env
