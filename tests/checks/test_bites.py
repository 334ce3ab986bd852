"""Proof that the checks bite: tamper with a copy of the site, and each check that
guards it turns red with a message naming the file to look at."""

from densedocs.checks.blocks import check_page
from densedocs.checks.inventory import check_inventory
from densedocs.checks.site import build_site, files_with_machine_paths
from densedocs.checks.snippets import check_snippet
from tests.helpers import edit, joined


def test_an_untampered_copy_passes(copy, runner):
    assert check_snippet(copy, "answer/summary.py", runner) == []
    assert check_page(copy, copy / "docs/answer.md", runner) == []
    assert check_inventory(copy) == []


def test_one_changed_digit_in_a_capture(copy, runner):
    edit(copy / "snippets/answer/summary.out", "│            96 │", "│            97 │")
    problems = joined(check_snippet(copy, "answer/summary.py", runner))
    assert "snippets/answer/summary.out" in problems and "97" in problems
    problems = joined(check_page(copy, copy / "docs/answer.md", runner))
    assert "docs/answer.md" in problems and "snippets/answer/summary.py" in problems


def test_a_changed_float_in_a_capture(copy, runner):
    out = copy / "snippets/check/forward_pass.out"
    first = out.read_text(encoding="utf-8").split("numpy: [")[1][:8]
    edit(out, first, f"{float(first) + 0.001:.6f}")
    problems = joined(check_snippet(copy, "check/forward_pass.py", runner))
    assert "snippets/check/forward_pass.out" in problems


def test_a_snippet_edited_without_capturing_again(copy, runner):
    edit(copy / "snippets/answer/summary.py", "Dense(32,", "Dense(16,")
    problems = joined(check_snippet(copy, "answer/summary.py", runner))
    assert "snippets/answer/summary.out" in problems
    assert "make outputs" in problems
    problems = joined(check_page(copy, copy / "docs/answer.md", runner))
    assert "docs/answer.md" in problems


def test_a_snippet_that_starts_to_fail(copy, runner):
    edit(copy / "snippets/check/batch_size.py", "(X_4, X_1000)", "(X_4, X_100)")
    problems = joined(check_snippet(copy, "check/batch_size.py", runner))
    assert "snippets/captured.json (exit status)" in problems
    assert "snippets/check/batch_size.err (stderr)" in problems
    assert "NameError" in problems


def test_an_include_of_a_missing_file(copy, runner):
    edit(copy / "docs/check.md", '"check/batch_size.py"', '"check/batch_sizes.py"')
    assert "snippets/check/batch_sizes.py" in joined(check_inventory(copy))
    assert "docs/check.md" in joined(check_page(copy, copy / "docs/check.md", runner))
    assert "check/batch_sizes.py" in joined(build_site(copy, copy / "site"))


def test_a_missing_section(copy):
    edit(copy / "docs/answer.md", "summary.py:dense", "summary.py:dens")
    problems = joined(build_site(copy, copy / "site"))
    assert "answer.md" in problems and "section 'dens'" in problems


def test_a_broken_link(copy):
    edit(copy / "docs/answer.md", "(check.md)", "(chek.md)")
    problems = joined(build_site(copy, copy / "site"))
    assert "answer.md" in problems and "chek.md" in problems


def test_a_broken_anchor(copy):
    edit(copy / "docs/index.md", "(answer.md)", "(answer.md#no-such-heading)")
    problems = joined(build_site(copy, copy / "site"))
    assert "index.md" in problems and "no-such-heading" in problems


def test_code_typed_into_a_page(copy, runner):
    edit(copy / "docs/check.md", "## 4 rows", "```python\nprint(129)\n```\n\n## 4 rows")
    problems = joined(check_page(copy, copy / "docs/check.md", runner))
    assert "docs/check.md" in problems and "must be titled" in problems


def test_an_output_typed_into_a_page(copy, runner):
    edit(copy / "docs/check.md", "## 4 rows", "```text\n129\n```\n\n## 4 rows")
    problems = joined(check_page(copy, copy / "docs/check.md", runner))
    assert "neither a snippet nor its output" in problems


def test_a_page_that_swaps_two_outputs(copy, runner):
    edit(copy / "docs/check.md", '"check/batch_size.out"', '"check/weight_shapes.out"')
    problems = joined(check_page(copy, copy / "docs/check.md", runner))
    assert "snippets/check/batch_size.py" in problems


def test_a_snippet_on_no_page_and_a_capture_of_no_snippet(copy):
    (copy / "snippets/check/orphan.py").write_text("print(1)\n")
    (copy / "snippets/check/gone.out").write_text("1\n")
    problems = joined(check_inventory(copy))
    assert "snippets/check/orphan.py is not shown on any page" in problems
    assert "snippets/check/orphan.py was never captured" in problems
    assert "snippets/check/gone.out is a capture of no snippet" in problems


def test_the_code_as_asked_made_to_run(copy, runner):
    edit(copy / "snippets/question/as_asked.py", "keras.layers.core", "keras.layers")
    problems = joined(check_snippet(copy, "question/as_asked.py", runner))
    assert "snippets/captured.json (exit status)" in problems
    assert "snippets/question/as_asked.err (stderr)" in problems


def test_an_epoch_count_changed_without_capturing_again(copy, runner):
    edit(copy / "snippets/training/train.py", "epochs=30", "epochs=29")
    problems = joined(check_snippet(copy, "training/train.py", runner))
    assert "snippets/training/train.out (stdout)" in problems
    assert "snippets/training/loss_curve.svg (loss_curve.svg)" in problems


def test_a_tampered_figure(copy, runner):
    svg = copy / "snippets/training/loss_curve.svg"
    last_point = svg.read_text().rsplit('<use xlink:href="#', 1)[1]
    x = last_point.split('x="')[1].split('"')[0]
    edit(svg, f'x="{x}"', f'x="{float(x) + 1:.6f}"')
    problems = joined(check_snippet(copy, "training/train.py", runner))
    assert "snippets/training/loss_curve.svg" in problems


def test_a_capture_that_shows_where_the_checkout_is(copy):
    err = copy / "snippets/question/as_asked.err"
    edit(err, '".../snippets/', f'"{copy.resolve()}/snippets/')
    problems = joined(files_with_machine_paths(copy, copy / "snippets"))
    assert "as_asked.err" in problems and str(copy.resolve()) in problems
