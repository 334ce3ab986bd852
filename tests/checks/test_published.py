"""Every output is what a capture wrote, and every failure a snippet declares still
happens (make test; make test-page runs them too: densedocs.checks.page_tests)."""

import pytest

from densedocs.capture.verdict import declared_fails, problems
from densedocs.layout import OUTPUT_HASHES, read_manifest
from densedocs.site.published import unwritten_outputs
from tests.conftest import ROOT
from tests.helpers import edit

FAILS = declared_fails(ROOT)


def test_every_output_is_what_a_capture_wrote():
    assert read_manifest(ROOT)[OUTPUT_HASHES], "make outputs records every output"
    found = unwritten_outputs(ROOT)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", sorted(FAILS))
def test_a_declared_failure_still_happens(name, runner):
    run = runner.run(ROOT, name)
    assert run.exit_status != 0
    assert problems(ROOT, name, run, FAILS) == []


def test_a_declared_failure_that_no_longer_happens_is_named(copy, runner):
    name = "question/as_asked.py"
    edit(copy / "snippets" / name, "keras.layers.core", "keras.layers")
    assert problems(copy, name, runner.run(copy, name), FAILS) == [
        f"snippets/{name} is declared to fail with ModuleNotFoundError "
        "(snippets/declared.toml), but it ran to its end"
    ]
