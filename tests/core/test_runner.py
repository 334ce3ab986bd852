"""The in-process runner gives what a fresh interpreter gives (the capture proves it
for every snippet; this proves it again on the machine that runs the tests)."""

from densedocs.capture.compare import compare
from densedocs.capture.runner import run_fresh
from tests.conftest import ROOT

SUMMARY = "answer/summary.py"


def test_in_process_run_equals_a_fresh_interpreter(runner):
    fresh, here = run_fresh(ROOT, SUMMARY), runner.run(ROOT, SUMMARY)
    assert compare(fresh.stdout, here.stdout) is None
    assert compare(fresh.stderr, here.stderr) is None  # the input_dim warning
    assert "UserWarning" in here.stderr
    assert fresh.exit_status == here.exit_status == 0


def test_layer_names_would_count_up_without_the_reset(runner):
    import keras

    code = "import keras\nprint(keras.layers.Dense(1).name)\n"
    first = runner.run(ROOT, SUMMARY, code)
    second = runner.run(ROOT, SUMMARY, code + "\n")  # a new run, not a cached one
    assert first.stdout == second.stdout == "dense\n"
    keras.layers.Dense(1)  # outside the runner nothing resets the counter:
    assert keras.layers.Dense(1).name != "dense"


def test_failures_are_reported_as_python_reports_them(runner):
    run = runner.run(ROOT, "question/as_asked.py")
    assert run.exit_status == 1
    assert run.stderr.startswith("Traceback (most recent call last):\n  File ")
    assert "runner.py" not in run.stderr  # none of the runner's own frames
