"""Snippets, captures, pages and pins fit together."""

import re

from tests.conftest import ROOT
from tools.captures import (
    CAPTURED_WITH,
    CAPTURED_WITH_ZH,
    read_manifest,
    snippets_dir,
)
from tools.checks import check_inventory, files_with_machine_paths
from tools.pages import includes, page_files


def test_every_snippet_is_shown_captured_and_every_capture_has_its_snippet():
    problems = check_inventory(ROOT)
    assert not problems, "\n".join(problems)


def test_pages_with_outputs_say_which_versions_produced_them():
    for page in page_files(ROOT):
        included = [path for path, _ in includes(page)]
        box = CAPTURED_WITH_ZH if page.name.endswith(".zh.md") else CAPTURED_WITH
        if any(path.endswith((".out", ".err")) for path in included):
            assert box in included, f"{page.name} hides the versions"


def test_recorded_versions_are_the_installed_ones():
    import platform
    from importlib import metadata

    recorded = read_manifest(ROOT)["captured_with"]
    assert recorded == {
        "python": platform.python_version(),
        "tensorflow": metadata.version("tensorflow"),
        "keras": metadata.version("keras"),
        "tf_keras": metadata.version("tf-keras"),
    }, "the outputs were captured with other versions: make outputs"
    sentence = (snippets_dir(ROOT) / CAPTURED_WITH).read_text(encoding="utf-8")
    assert f"Keras\n    {recorded['keras']} on TensorFlow {recorded['tensorflow']}" in (
        sentence
    )
    sentence = (snippets_dir(ROOT) / CAPTURED_WITH_ZH).read_text(encoding="utf-8")
    assert (
        f"Keras {recorded['keras']} + TensorFlow {recorded['tensorflow']} 下捕获"
        f"（Python {recorded['python']}；Keras 2 API 来自 tf-keras "
        f"{recorded['tf_keras']}）"
    ) in sentence


def _pins(name):
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith(("#", "-r"))]


def test_requirements_are_pinned_and_serving_needs_no_tensorflow():
    docs, everything = _pins("requirements-docs.txt"), _pins("requirements.txt")
    for line in docs + everything:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][\w.]*", line), line
    assert "mkdocs==1.6.1" in docs
    material = next(p for p in docs if p.startswith("mkdocs-material=="))
    version = tuple(int(part) for part in material.split("==")[1].split("."))
    assert version >= (9, 7, 7), "Material below 9.7.7 has a search XSS"
    assert not any(p.startswith(("tensorflow", "keras")) for p in docs)
    assert "-r requirements-docs.txt" in (ROOT / "requirements.txt").read_text()


def test_no_capture_or_notebook_shows_a_path_of_this_machine():
    problems = [
        *files_with_machine_paths(ROOT, ROOT / "snippets"),
        *files_with_machine_paths(ROOT, ROOT / "docs"),
    ]
    assert not problems, "\n".join(problems)
