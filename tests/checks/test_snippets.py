"""Every snippet, run now, prints exactly what its committed capture shows."""

import pytest

from densedocs.capture.store import snippet_names
from densedocs.checks.snippets import check_snippet
from tests.conftest import ROOT


@pytest.mark.parametrize("name", snippet_names(ROOT))
def test_snippet_prints_its_capture(name, runner):
    problems = check_snippet(ROOT, name, runner)
    assert not problems, "\n\n".join(problems)
