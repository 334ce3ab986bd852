"""Proof that the dependency checks bite: tamper with a copy of the requirements,
the locks or the code, and the check names what went wrong."""

import shutil

import pytest

from densedocs.checks.dependencies import (
    ALL_IN,
    ALL_LOCK,
    DOCS_IN,
    DOCS_LOCK,
    import_problems,
    lock_problems,
)
from tests.conftest import ROOT
from tests.helpers import edit, joined


@pytest.fixture
def project(copy):
    """The copy, with the tests and the requirement files too."""
    shutil.copytree(ROOT / "tests", copy / "tests")
    for name in (DOCS_IN, ALL_IN, DOCS_LOCK, ALL_LOCK):
        shutil.copy(ROOT / name, copy)
    return copy


def test_an_untampered_copy_passes(project):
    assert lock_problems(project) == []
    assert import_problems(project) == []


def test_an_import_of_a_package_that_only_comes_along(project):
    edit(project / DOCS_IN, "jupytext==", "# jupytext==")  # comes with mkdocs-jupyter
    problems = joined(import_problems(project))
    assert "densedocs/notebooks/generate.py imports jupytext" in problems


def test_an_import_that_nothing_provides(project):
    edit(
        project / "snippets/answer/summary.py",
        "import ",
        "import no_such_module\nimport ",
    )
    assert "no_such_module" in joined(import_problems(project))


def test_a_pin_changed_without_locking_again(project):
    edit(project / ALL_IN, "keras==3.15.1", "keras==3.15.0")
    problems = joined(lock_problems(project))
    assert "keras==3.15.1" in problems and "3.15.0" in problems


def test_tiers_that_disagree(project):
    edit(project / DOCS_LOCK, "\nmarkdown==3.11.3", "\nmarkdown==3.11.2")
    problems = joined(lock_problems(project))
    assert f"{DOCS_LOCK} pins markdown==3.11.2 otherwise than {ALL_LOCK}" in problems


def test_a_package_without_its_hash(project):
    lock = project / ALL_LOCK
    text = lock.read_text(encoding="utf-8")
    entry = text[text.index("\nsix==") :].split("\n    # via")[0]
    edit(lock, entry, "\nsix==" + entry.split("==")[1].split()[0])
    assert f"{ALL_LOCK}: six==" in joined(lock_problems(project))


def test_a_local_file_in_a_lock(project):
    edit(
        project / DOCS_LOCK, "\nmkdocs==", "\n--find-links file:///opt/wheels\nmkdocs=="
    )
    assert "local file" in joined(lock_problems(project))
