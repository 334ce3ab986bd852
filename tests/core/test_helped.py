"""The helper interpreter's runs are used only for the very code it ran, and a
helper that dies costs nothing but time: the run is done here instead."""

import contextlib
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


@contextlib.contextmanager
def started(checkout):
    """A runner whose helper has run the snippet (or died trying)."""
    runner = HelpedRunner(checkout, [NAME], checkout / "helper.log")
    try:
        wait(runner.ahead.values())
        yield runner
    finally:
        runner.close()


def test_a_listed_snippet_is_run_by_the_helper(checkout):
    with started(checkout) as runner:
        run = runner.run(checkout, NAME)
        assert run.exit_status == 0
        assert int(run.stdout) != os.getpid()
        assert runner.run(checkout, NAME) == run  # remembered, not run again


def test_other_code_under_the_same_name_is_run_here(checkout):
    code = (checkout / "snippets" / NAME).read_text() + "\n"
    with started(checkout) as runner:
        assert int(runner.run(checkout, NAME, code).stdout) == os.getpid()


def test_a_helper_that_dies_leaves_the_run_to_this_process(checkout, monkeypatch):
    monkeypatch.setenv("ZZ_TEST_KILL_HELPER", "1")
    with started(checkout) as runner:
        run = runner.run(checkout, NAME)
        assert run.exit_status == 0
        assert int(run.stdout) == os.getpid()
