"""Every page, expanded as MkDocs does, shows its programs and their captures
(tests/checks/test_snippets.py runs each program against its capture)."""

import pytest

from densedocs.checks.blocks import check_page
from densedocs.pages import page_files
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "page", page_files(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_page_shows_real_outputs(page):
    problems = check_page(ROOT, page)
    assert not problems, "\n\n".join(problems)
