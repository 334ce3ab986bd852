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


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """A folder that `make(folder)` fills once per run, however many pytest-xdist
    processes ask for it: the first to ask makes it, holding a lock, the others wait
    and read it (the folder is shared: read it, never change it). `make` returns ""
    or what went wrong, which fails every test that asks."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each process's own
    folder, outcome = base / name, base / f"{name}.outcome"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            outcome.write_text(make(folder), encoding="utf-8")
    if failure := outcome.read_text(encoding="utf-8"):
        pytest.fail(failure, pytrace=False)
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once per run by `mkdocs build --strict` with no network and
    no Keras."""
    import subprocess
    import sys

    def build(site: Path) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "densedocs.checks.isolated_build", str(site)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    return once_per_run(tmp_path_factory, "site", build)
