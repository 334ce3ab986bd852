"""The author's loop: `make outputs SNIPPETS=... PAGE=...` captures only what it is
given (a wrong name stops it), regenerates only the notebooks that show it, and
prints none of TensorFlow's start-up lines; `make test-page PAGE=...` selects that
page's tests and no other's (densedocs.capture.selection,
densedocs.checks.page_tests)."""

import subprocess
import sys

import pytest

from densedocs.capture.selection import (
    SelectionError,
    chosen_snippets,
    notebooks_showing,
    page_snippets,
)
from densedocs.capture.store import snippet_names, stdout_file
from densedocs.checks.page_tests import page_tests
from tests.conftest import ROOT

NOISE = ("I0000", "absl::InitializeLog", "cuda", "oneDNN")


def command(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["zz_test_never/written.py"], "no such snippet under snippets/"),
        (["--page", "docs/zz-test-never-written.md"], "no such page"),
        (["--page", "docs/calculator.md"], "shows no snippet"),
    ],
)
@pytest.mark.parametrize("module", ["densedocs.capture", "densedocs.notebooks"])
def test_a_wrong_name_is_an_error_not_a_silent_no_op(module, args, message):
    result = command(module, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "captured" not in result.stdout and "notebooks:" not in result.stdout


def test_a_page_gives_the_snippets_it_and_its_translation_show(copy):
    english, chinese = (
        copy / "docs" / "zz-test-sel.md",
        copy / "docs" / "zz-test-sel.zh.md",
    )
    english.write_text('# A\n\n```python\n--8<-- "questions/bytes.py"\n```\n')
    chinese.write_text("# A\n\n![loss](figures/training/loss_curve.svg)\n")
    expected = ["questions/bytes.py", "training/train.py"]
    assert page_snippets(copy, "docs/zz-test-sel.md") == expected
    assert page_snippets(copy, "docs/zz-test-sel.zh.md") == expected
    # Its output alone counts too; and the page's snippets come after those named.
    english.write_text('# A\n\n```text\n--8<-- "why/and_xor.out"\n```\n')
    assert chosen_snippets(
        copy, ["snippets/answer/summary.py"], ["docs/zz-test-sel.md"]
    ) == [
        "answer/summary.py",
        "training/train.py",
        "why/and_xor.py",
    ]


def test_no_name_is_every_snippet():
    assert chosen_snippets(ROOT, [], []) == snippet_names(ROOT)


def test_only_the_notebooks_that_show_a_snippet_are_regenerated():
    names = [s.name for s in notebooks_showing(ROOT, {"training/train.py"})]
    assert names == ["training.md", "training.zh.md"]
    assert notebooks_showing(ROOT, {"questions/bytes.py"}) == []


def test_a_page_selects_its_tests_and_no_others():
    mine = [
        "tests/checks/test_blocks.py::test_page_shows_real_outputs[docs/answer.md]",
        "tests/checks/test_blocks.py::test_page_shows_real_outputs[docs/answer.zh.md]",
        "tests/checks/test_claims.py::test_a_number[docs/answer.md-0 = **129**-x]",
        "tests/checks/test_snippets.py::test_snippet_prints[answer/summary.py]",
        "tests/checks/test_translations.py::test_anchors[answer.md-answer.zh.md]",
        "tests/checks/test_translations.py::test_removed[answer.zh.md]",
        "tests/pages/test_answer.py::test_anything_on_the_page",
        "tests/pages/test_exercises.py::test_every_answer[answer]",
    ]
    others = [
        "tests/checks/test_blocks.py::test_page_shows_real_outputs[docs/training.md]",
        "tests/checks/test_blocks.py::test_page_shows_real_outputs[docs/answer.mdx]",
        "tests/checks/test_snippets.py::test_snippet_prints[training/train.py]",
        "tests/checks/test_claims.py::test_every_number[notebooks/answer.md]",
        "tests/pages/test_notebooks.py::test_the_committed_notebook[answer.md]",
        "tests/pages/test_exercises.py::test_every_answer[answers]",
        "tests/site/test_i18n.py::test_the_language_switcher_round_trips[answer.md]",
        "tests/pages/test_training.py::test_anything_on_that_page",
    ]
    assert page_tests(ROOT, "docs/answer.md", others + mine) == mine
    assert page_tests(ROOT, "docs/answer.zh.md", mine) == mine
    with pytest.raises(SelectionError, match="no such page"):
        page_tests(ROOT, "docs/zz-test-never-written.md", mine)


def test_native_stderr_is_filtered_of_tensorflows_start_up_lines_only():
    code = (
        "import os, sys\n"
        "from densedocs.capture.environment import native_stderr_filtered\n"
        "with native_stderr_filtered():\n"
        "    os.write(2, b'WARNING: All log messages before absl::InitializeLog()"
        " is called are written to STDERR\\n')\n"
        "    os.write(2, b'I0000 00:00:1796280728.633132    2849 cudart_stub.cc:31]"
        " Could not find cuda drivers on your machine\\n')\n"
        "    os.write(2, b'kept from C\\n')\n"
        "    print('kept from Python', file=sys.stderr)\n"
        "os.write(2, b'after\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "kept from C\nkept from Python\nafter\n"


def test_a_capture_prints_none_of_tensorflows_start_up_lines(tmp_path):
    from tests.conftest import copy_checkout

    copy = copy_checkout(tmp_path)
    name = "questions/bytes.py"
    before = stdout_file(copy, name).read_text(encoding="utf-8")
    result = command("densedocs.capture", f"snippets/{name}", cwd=copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "captured 1 snippets; changed: nothing" in result.stdout
    noise = [
        line for line in result.stderr.splitlines() if any(n in line for n in NOISE)
    ]
    assert noise == [], result.stderr
    assert stdout_file(copy, name).read_text(encoding="utf-8") == before
