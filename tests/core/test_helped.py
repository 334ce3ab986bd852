"""The helper interpreter's runs are used only for the very code it ran, and a
helper that dies costs nothing but time: the run is done here instead."""

import os
from concurrent.futures import wait

import pytest

from densedocs.capture.helped import HelpedRunner

NAME = "zz_test_helped/pid.py"  # a snippet of a throwaway checkout, never Keras's


@pytest.fixture
def checkout(tmp_path):
    """A checkout whose one snippet prints the id of the process that runs it, and
    makes the helper's process end at once (the test process runs it normally)."""
    snippet = tmp_path / "snippets" / NAME
    snippet.parent.mkdir(parents=True)
    snippet.write_text(
        "import os\n"
        "if os.environ.get('ZZ_TEST_KILL_HELPER') and os.getpid() != "
        f"{os.getpid()}:\n"
        "    os._exit(1)\n"
        "print(os.getpid())\n"
    )
    return tmp_path


def started(checkout, tmp_path):
    runner = HelpedRunner(checkout, [NAME], tmp_path / "helper.log")
    wait(runner.ahead.values())  # the helper has run it (or died trying)
    return runner


def test_a_listed_snippet_is_run_by_the_helper(checkout, tmp_path):
    runner = started(checkout, tmp_path)
    try:
        run = runner.run(checkout, NAME)
        assert run.exit_status == 0
        assert int(run.stdout) != os.getpid()
        assert runner.run(checkout, NAME) == run  # remembered, not run again
    finally:
        runner.close()


def test_other_code_under_the_same_name_is_run_here(checkout, tmp_path):
    runner = started(checkout, tmp_path)
    try:
        code = (checkout / "snippets" / NAME).read_text() + "\n"
        assert int(runner.run(checkout, NAME, code).stdout) == os.getpid()
    finally:
        runner.close()


def test_a_helper_that_dies_leaves_the_run_to_this_process(
    checkout, tmp_path, monkeypatch
):
    monkeypatch.setenv("ZZ_TEST_KILL_HELPER", "1")
    runner = started(checkout, tmp_path)
    try:
        run = runner.run(checkout, NAME)
        assert run.exit_status == 0
        assert int(run.stdout) == os.getpid()
    finally:
        runner.close()
