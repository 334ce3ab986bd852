"""Snippets, captures, pages and pins fit together, and git holds them all."""

import re

from densedocs.checks.dependencies import (
    ALL_IN,
    DOCS_IN,
    DOCS_LOCK,
    direct_requirements,
    import_problems,
    lock_problems,
    locked,
)
from densedocs.checks.inventory import check_inventory
from densedocs.checks.site import files_with_machine_paths
from densedocs.layout import CAPTURED_WITH, VERSIONS, read_manifest, snippets_dir
from densedocs.pages import page_files, read
from tests.conftest import ROOT

MKDOCS = ROOT / "mkdocs.yml"


def test_every_snippet_is_shown_captured_and_every_capture_has_its_snippet():
    problems = check_inventory(ROOT)
    assert not problems, "\n".join(problems)


def test_pages_with_outputs_say_which_versions_produced_them():
    for page in page_files(ROOT):
        shown = read(ROOT, page)
        included = [include.path for include in shown.includes]
        box = CAPTURED_WITH[shown.language]
        if any(path.endswith((".out", ".err")) for path in included):
            assert box in included, f"{page.name} hides the versions"


def test_recorded_versions_are_the_installed_ones():
    import platform
    from importlib import metadata

    recorded = read_manifest(ROOT)[VERSIONS]
    assert recorded == {
        "python": platform.python_version(),
        "tensorflow": metadata.version("tensorflow"),
        "keras": metadata.version("keras"),
        "tf_keras": metadata.version("tf-keras"),
    }, "the outputs were captured with other versions: make outputs"
    for box in CAPTURED_WITH.values():
        sentence = (snippets_dir(ROOT) / box).read_text(encoding="utf-8")
        for name, label in (
            ("keras", "Keras"),
            ("tensorflow", "TensorFlow"),
            ("python", "Python"),
            ("tf_keras", "tf-keras"),
        ):
            assert f"{label} {recorded[name]}" in sentence, (box, name)


def test_direct_requirements_are_pinned_and_serving_needs_no_tensorflow():
    docs = direct_requirements(ROOT, DOCS_IN)
    everything = direct_requirements(ROOT, ALL_IN)
    assert docs.items() <= everything.items(), f"{ALL_IN} must include {DOCS_IN}"
    material = tuple(int(part) for part in docs["mkdocs-material"].split("."))
    assert material >= (9, 7, 7), "Material below 9.7.7 has a search XSS"
    serving = locked(ROOT, DOCS_LOCK)
    assert not [name for name in serving if name.startswith(("tensorflow", "keras"))]


def test_no_capture_or_notebook_shows_a_path_of_this_machine():
    problems = [
        *files_with_machine_paths(ROOT, ROOT / "snippets"),
        *files_with_machine_paths(ROOT, ROOT / "docs"),
    ]
    assert not problems, "\n".join(problems)


def test_locks_hash_every_package_and_agree_with_each_other_and_the_pins():
    problems = lock_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_every_imported_module_is_a_direct_requirement():
    problems = import_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_git_ignores_nothing_the_checkout_needs():
    """A clean clone has every file the site, the checks and the build need: a
    pattern of .gitignore (`site/` once matched densedocs/site/ too) hides none."""
    import subprocess

    found = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--"]
        + ["densedocs", "tests", "docs", "snippets", "notebooks", "overrides"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    ignored = [path for path in found if "__pycache__" not in path]
    assert ignored == []
    # ...and git tracks every hook mkdocs.yml names.
    tracked = subprocess.run(
        ["git", "ls-files", "densedocs/site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    config = MKDOCS.read_text(encoding="utf-8")
    hooks = re.findall(r"^\s+- (densedocs/site/\S+\.py)", config, re.M)
    assert hooks and not set(hooks) - set(tracked), set(hooks) - set(tracked)
