"""Shared fixtures. The capture environment is fixed before anything imports Keras."""

import os
import random
from pathlib import Path

import pytest

from densedocs.capture import environment

environment.apply()
os.environ["NO_MKDOCS_2_WARNING"] = "1"

ROOT = Path(__file__).resolve().parent.parent


# pytest-xdist runs the suite in one process per core (make test: -n auto), each
# with its own session fixtures. mkdocs-jupyter caches rendered notebooks in a
# folder that a build also evicts from: each process gets its own
# (mkdocs.yml's cache_dir), so two builds at once never share one.
JUPYTER_CACHE = "DENSEDOCS_JUPYTER_CACHE"
os.environ[JUPYTER_CACHE] = str(
    ROOT / ".cache" / f"mkdocs-jupyter-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)


# The Chinese search tests draw their queries at random (tests/browser/): with the
# seed this variable holds, chosen here once per run unless it is set, so every
# process draws the same ones, and printed in the run's header to replay a failure.
ZH_SEARCH_SEED = "ZH_SEARCH_SEED"
os.environ.setdefault(ZH_SEARCH_SEED, str(random.randrange(10**6)))


def pytest_report_header():
    seed = os.environ[ZH_SEARCH_SEED]
    return f"Chinese search queries drawn with {ZH_SEARCH_SEED}={seed} (set to replay)"


@pytest.fixture(scope="session")
def runner():
    """One runner for the process's session: each snippet runs once, in this
    process, after clear_session (densedocs/capture/runner.py)."""
    from densedocs.capture.runner import InProcessRunner

    return InProcessRunner()


def copy_checkout(target: Path) -> Path:
    """Copy everything the checks and the build read into `target`."""
    import shutil

    for folder in ("docs", "snippets", "densedocs", "overrides", "notebooks"):
        shutil.copytree(ROOT / folder, target / folder)
    for file in ("mkdocs.yml", "mkdocs_hooks.py"):
        shutil.copy(ROOT / file, target)
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
