"""Every snippet, run now, prints exactly what its committed capture shows."""

import pytest

from tests.conftest import ROOT
from tools.captures import snippet_names
from tools.checks import check_snippet


@pytest.mark.parametrize("name", snippet_names(ROOT))
def test_snippet_prints_its_capture(name, runner):
    problems = check_snippet(ROOT, name, runner)
    assert not problems, "\n\n".join(problems)
