"""Numbers in prose are claims (densedocs/checks/claims.py), in both languages, on
every page and in every notebook's source.

Rewording prose keeps these tests green; changing a number without its run turns
them red.
"""

import pytest

from densedocs.checks.claims import check_claims
from densedocs.pages import prose_sources
from tests.conftest import ROOT
from tests.helpers import edit, joined


@pytest.mark.parametrize(
    "page", prose_sources(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_every_number_in_the_prose_holds_up(page):
    problems = check_claims(ROOT, page)
    assert not problems, "\n".join(problems)


# --- The check bites, in both languages (on copies) ------------------------------


@pytest.mark.parametrize(
    "page, old, new, reported",
    [
        (
            "docs/answer.md",
            "0 = **129**",
            "0 = **130**",
            "96 + 0 + 33 + 0 = 130' is not true",
        ),
        ("docs/answer.zh.md", "0 = **129**", "0 = **130**", "33 + 0 = 130' is not"),
        ("docs/training.md", "about 0.68", "about 0.58", "0.58 is shown by no run"),
        ("docs/training.zh.md", "约 0.68", "约 0.58", "0.58 is shown by no run"),
        ("docs/questions.md", "`(4, 32)`", "`(44, 32)`", "#batch-none: 44 is shown by"),
        ("docs/questions.zh.md", "`(4, 32)`", "`(44, 32)`", "#batch-none: 44 is shown"),
        ("notebooks/answer.md", "(516 B)", "(517 B)", "517 is shown by no run"),
        ("notebooks/answer.zh.md", "（516 B）", "（517 B）", "517 is shown by no run"),
        # A figure cell's alt text is prose too.
        ("notebooks/training.md", "about 0.68 at", "about 0.78 at", "0.78 is shown"),
        ("notebooks/training.zh.md", "约 0.68", "约 0.78", "0.78 is shown by no run"),
    ],
)
def test_a_number_changed_without_its_run(copy, page, old, new, reported):
    edit(copy / page, old, new)
    problems = joined(check_claims(copy, copy / page))
    assert f"{page}, section #" in problems and reported in problems


def test_rewording_keeps_the_claims_true(copy):
    edit(copy / "docs/answer.md", "Each neuron produces", "Every neuron gives")
    edit(copy / "docs/answer.zh.md", "神经元", "单元")
    for page in ("answer.md", "answer.zh.md"):
        assert check_claims(copy, copy / "docs" / page) == []


def test_an_allowance_that_no_prose_uses(copy):
    edit(copy / "docs/questions.zh.md", '"9813":', '"9814": unused\n  "9813":')
    problems = joined(check_claims(copy, copy / "docs/questions.zh.md"))
    assert "front matter allows 9814, which the prose does not state" in problems


def test_a_cited_run_that_does_not_exist(copy):
    edit(copy / "docs/glossary.md", "training/train.py", "training/trains.py")
    problems = joined(check_claims(copy, copy / "docs/glossary.md"))
    assert "cites snippets/training/trains.py" in problems


def test_a_sum_that_only_adds_up_by_itself(copy):
    # As a new author found: a page said 4·2 + 2 = 10 of a snippet's Dense(2);
    # the snippet became a Dense(3), and the stale sum still added up.
    page = copy / "docs/answer.md"
    edit(
        page,
        "Each neuron produces",
        "A Dense(7) on 3 inputs: 3·7 + 7 = 28. Each neuron produces",
    )
    problems = joined(check_claims(copy, page))
    assert "'3·7 + 7 = 28' adds up, but no run of the section shows 28" in problems


@pytest.mark.parametrize(
    "version, reported",
    [("2.14.1", None), ("2.15.0", "#pytorch: 2.15.0 is shown by no run")],
)
def test_a_dotted_version_is_shown_as_a_run_writes_it(copy, version, reported):
    # torch_model.py prints "PyTorch 2.14.1+cu130": a version is a claim that a
    # run shows as written (it once crashed the check, as no decimal number).
    page = copy / "docs/other_ways.md"
    edit(page, "PyTorch's layer is told it.", f"PyTorch {version}'s layer is told it.")
    problems = check_claims(copy, page)
    if reported is None:
        assert problems == []
    else:
        assert reported in joined(problems)


@pytest.mark.parametrize("page", ["docs/training.md", "docs/training.zh.md"])
def test_a_figure_is_the_run_of_the_snippet_at_its_address(copy, page):
    # The loss curve's section shows no other run: its numbers are the figure's.
    # The address of another snippet's figure in its place takes them away.
    figure = "loss_curve.zh.svg" if page.endswith(".zh.md") else "loss_curve.svg"
    edit(copy / page, f"figures/training/{figure}", "figures/why/units_sweep.svg")
    problems = joined(check_claims(copy, copy / page))
    assert f"{page}, section #the-loss-curve: 0.68 is shown by no run" in problems


def test_a_front_matter_that_is_not_yaml(copy):
    edit(copy / "docs/check.md", "---\n", "---\nruns: [answer/summary.py\n")
    problems = joined(check_claims(copy, copy / "docs/check.md"))
    assert (
        "docs/check.md: its front matter is not valid YAML: line 4: expected ','"
        in problems
    )
