"""Proof that the checks bite: tamper with a copy of the site, and each check that
guards it turns red with a message naming the file to look at.

Each row of TAMPERING is one tampering: the edits it makes to the copy (file, text
there, its replacement), the check that must notice, and what its report must say.
The checks are named as in CHECKS: a snippet's run, a page's blocks, the inventory,
or the strict build.
"""

import pytest

from densedocs.checks.blocks import check_page
from densedocs.checks.inventory import check_inventory
from densedocs.checks.site import build_site, files_with_machine_paths
from densedocs.checks.snippets import check_snippet
from tests.helpers import edit, joined

CHECKS = {
    "snippet": lambda copy, runner, name: check_snippet(copy, name, runner),
    "page": lambda copy, runner, name: check_page(copy, copy / name),
    "inventory": lambda copy, runner, name: check_inventory(copy),
    "build": lambda copy, runner, name: build_site(copy, copy / "site"),
}

TAMPERING = {
    "one changed digit in a capture": (
        [("snippets/answer/summary.out", "│            96 │", "│            97 │")],
        [
            ("snippet", "answer/summary.py", ["snippets/answer/summary.out", "97"]),
            (
                "page",
                "docs/answer.md",
                ["docs/answer.md", "snippets/answer/summary.py", "edited by hand"],
            ),
        ],
    ),
    "a snippet edited without capturing again": (
        [("snippets/answer/summary.py", "Dense(32,", "Dense(16,")],
        [
            ("snippet", "answer/summary.py", ["answer/summary.out", "make outputs"]),
            (
                "page",
                "docs/answer.md",
                ["docs/answer.md", "changed since its output was captured"],
            ),
        ],
    ),
    "a snippet that starts to fail": (
        [("snippets/check/batch_size.py", "(X_4, X_1000)", "(X_4, X_100)")],
        [
            (
                "snippet",
                "check/batch_size.py",
                [
                    "snippets/captured.json (exit status)",
                    "snippets/check/batch_size.err (stderr)",
                    "NameError",
                ],
            )
        ],
    ),
    "the code as asked made to run": (
        [("snippets/question/as_asked.py", "keras.layers.core", "keras.layers")],
        [
            (
                "snippet",
                "question/as_asked.py",
                [
                    "snippets/captured.json (exit status)",
                    "snippets/question/as_asked.err (stderr)",
                ],
            )
        ],
    ),
    "an epoch count changed without capturing again": (
        [("snippets/training/train.py", "epochs=30", "epochs=29")],
        [
            (
                "snippet",
                "training/train.py",
                [
                    "snippets/training/train.out (stdout)",
                    "snippets/training/loss_curve.svg (loss_curve.svg)",
                ],
            )
        ],
    ),
    "an include of a missing file": (
        [("docs/check.md", '"check/batch_size.py"', '"check/batch_sizes.py"')],
        [
            ("inventory", None, ["snippets/check/batch_sizes.py"]),
            ("page", "docs/check.md", ["docs/check.md"]),
            ("build", None, ["check/batch_sizes.py"]),
        ],
    ),
    "a missing section": (
        [("docs/answer.md", "summary.py:dense", "summary.py:dens")],
        [("build", None, ["answer.md", "section 'dens'"])],
    ),
    # Both are warnings of one strict build: one build proves both.
    "a broken link and a broken anchor": (
        [
            ("docs/answer.md", "(check.md)", "(chek.md)"),
            ("docs/index.md", "(answer.md)", "(answer.md#no-such-heading)"),
        ],
        [("build", None, ["answer.md", "chek.md", "index.md", "no-such-heading"])],
    ),
    "code typed into a page": (
        [("docs/check.md", "## 4 rows", "```python\nprint(129)\n```\n\n## 4 rows")],
        [("page", "docs/check.md", ["docs/check.md", "must be titled"])],
    ),
    "an output typed into a page": (
        [("docs/check.md", "## 4 rows", "```text\n129\n```\n\n## 4 rows")],
        [("page", "docs/check.md", ["neither a snippet nor its output"])],
    ),
    "a page that swaps two outputs": (
        [("docs/check.md", '"check/batch_size.out"', '"check/weight_shapes.out"')],
        [("page", "docs/check.md", ["snippets/check/batch_size.py"])],
    ),
}


def test_an_untampered_copy_passes(copy, runner):
    assert check_snippet(copy, "answer/summary.py", runner) == []
    assert check_page(copy, copy / "docs/answer.md") == []
    assert check_inventory(copy) == []


@pytest.mark.parametrize("tampering", TAMPERING)
def test_a_tampering_is_caught(copy, runner, tampering):
    edits, expectations = TAMPERING[tampering]
    for file, old, new in edits:
        edit(copy / file, old, new)
    for check, name, reported in expectations:
        problems = joined(CHECKS[check](copy, runner, name))
        missing = [text for text in reported if text not in problems]
        assert not missing, f"the {check} check did not say {missing}:\n{problems}"


def test_a_changed_float_in_a_capture(copy, runner):
    out = copy / "snippets/check/forward_pass.out"
    first = out.read_text(encoding="utf-8").split("numpy: [")[1][:8]
    edit(out, first, f"{float(first) + 0.001:.6f}")
    problems = joined(check_snippet(copy, "check/forward_pass.py", runner))
    assert "snippets/check/forward_pass.out" in problems


def test_a_tampered_figure(copy, runner):
    svg = copy / "snippets/training/loss_curve.svg"
    last_point = svg.read_text().rsplit('<use xlink:href="#', 1)[1]
    x = last_point.split('x="')[1].split('"')[0]
    edit(svg, f'x="{x}"', f'x="{float(x) + 1:.6f}"')
    problems = joined(check_snippet(copy, "training/train.py", runner))
    assert "snippets/training/loss_curve.svg" in problems


def test_a_snippet_on_no_page_and_a_capture_of_no_snippet(copy):
    (copy / "snippets/check/zz_test_orphan.py").write_text("print(1)\n")
    (copy / "snippets/check/zz_test_gone.out").write_text("1\n")
    problems = joined(check_inventory(copy))
    assert "snippets/check/zz_test_orphan.py is not shown on any page" in problems
    assert "snippets/check/zz_test_orphan.py was never captured" in problems
    assert "snippets/check/zz_test_gone.out is a capture of no snippet" in problems


def test_a_capture_that_shows_where_the_checkout_is(copy):
    err = copy / "snippets/question/as_asked.err"
    edit(err, '".../snippets/', f'"{copy.resolve()}/snippets/')
    problems = joined(files_with_machine_paths(copy, copy / "snippets"))
    assert "as_asked.err" in problems and str(copy.resolve()) in problems
