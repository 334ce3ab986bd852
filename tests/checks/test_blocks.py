"""Every page, expanded as MkDocs does: its programs run and print what it shows."""

import pytest

from densedocs.checks.blocks import check_page
from densedocs.pages import page_files
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "page", page_files(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_page_shows_real_outputs(page, runner):
    problems = check_page(ROOT, page, runner)
    assert not problems, "\n\n".join(problems)
