"""Comparisons next to numbers in prose ("between 0.0138 and 0.0386", "不超过
0.06") are claims each derived by a test the page names
(densedocs/checks/comparisons.py), in both languages, on every page and in every
notebook's source."""

import pytest

from densedocs.checks.comparisons import check_comparisons
from densedocs.pages import prose_sources
from tests.conftest import ROOT
from tests.helpers import edit, joined


@pytest.mark.parametrize(
    "page", prose_sources(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_every_comparison_is_derived_by_a_test_the_page_names(page):
    problems = check_comparisons(ROOT, page)
    assert not problems, "\n".join(problems)


# --- The check bites, in both languages (on copies) ------------------------------


@pytest.mark.parametrize(
    "page, old, new, reported",
    [
        # The sentence the issue found: a comparison no test derives.
        (
            "docs/training.md",
            "0.0308, 0.0544 and\n0.0634 for",
            "0.06 or less for",
            "'0.06 or less' compares printed values",
        ),
        (
            "docs/training.zh.md",
            "分别是 0.0308、0.0544 和 0.0634",
            "都不超过 0.06",
            "'不超过 0.06' compares printed values",
        ),
        # A covered comparison whose number changes is no longer covered.
        (
            "docs/why.md",
            "last loss\n  between 0.0138 and 0.0386",
            "last loss\n  between 0.0138 and 0.05",
            "covers 'between 0.0138 and 0.0386', which the prose no longer says",
        ),
        (
            "docs/why.zh.md",
            "损失在 0.0138 到 0.0386 之间",
            "损失在 0.0138 到 0.05 之间",
            "'在 0.0138 到 0.05 之间' compares printed values",
        ),
        # An entry naming a test that is gone.
        (
            "docs/check.md",
            "test_the_untrained_predictions_are_all_near_one_half",
            "test_zz_test_gone",
            "'near 0.5' is covered by tests/pages/test_check.py::test_zz_test_gone",
        ),
    ],
)
def test_an_uncovered_or_stale_comparison(copy, page, old, new, reported):
    (copy / "tests" / "pages").mkdir(parents=True)
    for name in ("test_check.py", "test_why.py", "test_training.py"):
        source = ROOT / "tests" / "pages" / name
        (copy / "tests" / "pages" / name).write_text(source.read_text("utf-8"))
    edit(copy / page, old, new)
    problems = joined(check_comparisons(copy, copy / page))
    assert f"{page}: " in problems and reported in problems
