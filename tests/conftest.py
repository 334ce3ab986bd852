"""Shared fixtures. The capture environment is fixed before anything imports Keras."""

import os
from pathlib import Path

import pytest

from densedocs.capture import environment

environment.apply()
os.environ["NO_MKDOCS_2_WARNING"] = "1"

ROOT = Path(__file__).resolve().parent.parent


# The test that runs each snippet: a session with at least HELPED_FROM of them
# (tests/checks, `make test`) has a helper interpreter run them ahead on the second
# core; fewer would not pay back the helper's own TensorFlow import.
# DENSEDOCS_ONE_PROCESS=1 runs them all in the tests' own process (a breakpoint in
# a snippet, the bench's comparison).
SNIPPET_TEST = "test_snippet_prints_its_capture"
HELPED_FROM = 8
ONE_PROCESS = "DENSEDOCS_ONE_PROCESS"


@pytest.fixture(scope="session")
def runner(request, tmp_path_factory):
    """One runner for the whole session, each snippet run once: in this process,
    or in a helper interpreter for a session that checks many snippets."""
    from densedocs.capture.helped import HelpedRunner
    from densedocs.capture.runner import InProcessRunner

    names = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", None) == SNIPPET_TEST
    ]
    if len(names) < HELPED_FROM or os.environ.get(ONE_PROCESS):
        yield InProcessRunner()
        return
    log = tmp_path_factory.mktemp("helper") / "helper.log"
    helped = HelpedRunner(ROOT, names, log)
    yield helped
    helped.close()


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
