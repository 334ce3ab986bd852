"""After `make outputs`, the report names the pages a reader sees change: those that
include a changed snippet or its capture, show a figure it wrote, or are notebooks
whose cells show it."""

from densedocs.capture.report import pages_showing
from tests.conftest import ROOT


def test_a_changed_summary_names_the_answer_pages_and_notebooks():
    pages = pages_showing(ROOT, {"answer/summary.py"})
    for page in ("docs/answer.md", "docs/answer.zh.md", "notebooks/answer.md"):
        assert page in pages, page
    assert "docs/training.md" not in pages


def test_a_figure_counts_as_what_its_snippet_shows(copy):
    page = copy / "docs" / "zz-test-figure-only.md"
    page.write_text("# Curve\n\n![The loss](figures/training/loss_curve.svg)\n")
    assert "docs/zz-test-figure-only.md" in pages_showing(copy, {"training/train.py"})
    assert "docs/zz-test-figure-only.md" not in pages_showing(copy, {"why/and_xor.py"})


def test_a_snippet_no_page_shows_names_no_page():
    assert pages_showing(ROOT, {"zz_test/never_written.py"}) == []
