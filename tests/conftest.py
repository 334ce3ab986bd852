"""Shared fixtures. The capture environment is fixed before anything imports Keras."""

import os
from pathlib import Path

import pytest

from densedocs.capture import environment

environment.apply()
os.environ["NO_MKDOCS_2_WARNING"] = "1"

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def runner():
    """One in-process runner for the whole session: one TensorFlow import in all."""
    from densedocs.capture.runner import InProcessRunner

    return InProcessRunner()


def copy_checkout(target: Path) -> Path:
    """Copy everything the checks and the build read into `target`."""
    import shutil

    for folder in ("docs", "snippets", "densedocs", "overrides", "notebooks"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target)
    return target


@pytest.fixture
def copy(tmp_path):
    """A throwaway copy of the checkout, to tamper with."""
    return copy_checkout(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once by `mkdocs build --strict` with no network and no Keras."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "densedocs.checks.isolated_build", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
