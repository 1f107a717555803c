"""A copy of the repository's archive (content/, themes/, sitegen.toml), built in a
temporary folder by `python -m sitegen build` in a subprocess, exactly as a user builds it.
The repository's own public/ is never read or written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 300


def build_archive(root: Path, *build_args: str) -> Path:
    """Copy the repository's archive into `root`, build it there, return the output folder."""
    for name in ("content", "themes"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "sitegen.toml").is_file():
        shutil.copy2(REPO / "sitegen.toml", root / "sitegen.toml")
    output = root / "public"
    command = [sys.executable, "-m", "sitegen", "-C", str(root), "build", "-o", str(output), *build_args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT, cwd=root)
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}",
            pytrace=False,
        )
    assert (output / "index.html").is_file(), f"the build wrote no {output / 'index.html'}"
    return output
