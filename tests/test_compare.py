"""The comparison rules: what may differ between two runs, and what may not."""

from tools.compare import clean_stderr, clean_stdout, compare

LOG = "Epoch 1/2\n1/1 - 1s - 552ms/step - accuracy: 0.7500 - loss: 0.6931\n"


def test_timings_are_masked_and_nothing_else():
    assert compare(LOG, LOG.replace("552ms", "48ms").replace("1s", "0s")) is None
    assert compare(LOG, LOG.replace("Epoch 1/2", "Epoch 1/3")) is not None


def test_integers_and_short_decimals_are_exact():
    summary = " Total params: 129 (516.00 B)\n"
    assert compare(summary, summary.replace("129", "128")) is not None
    assert compare(summary, summary.replace("516.00", "516.01")) is not None


def test_long_floats_may_differ_by_one_unit_in_the_last_place():
    assert compare(LOG, LOG.replace("0.6931", "0.6932")) is None
    assert compare(LOG, LOG.replace("0.6931", "0.6933")) is not None
    assert compare(LOG, LOG.replace("0.6931", "0.7931")) is not None


def test_differences_are_reported_with_the_line():
    problem = compare("a\nloss: 0.6931\n", "a\nloss: 0.6941\n")
    assert "line 2" in problem and "0.6931" in problem and "0.6941" in problem


def test_install_paths_are_masked():
    warning = "/a/.venv/lib/python3.11/site-packages/keras/x.py:1: UserWarning: w\n"
    other = warning.replace("/a/.venv", "/usr/local")
    assert compare(warning, other) is None
    assert compare(warning, warning.replace("x.py:1", "x.py:2")) is not None


def test_terminal_drawing_is_resolved_as_a_terminal_shows_it():
    drawn = "\x1b[1m1/4\x1b[0m ━━\r\x1b[1m4/4\x1b[0m ━━━━ done\n"
    assert clean_stdout(drawn) == "4/4 ━━━━ done\n"
    assert clean_stdout("abc\b\bxy\n") == "axy\n"


def test_tensorflow_start_up_lines_are_not_a_snippets_output():
    noise = (
        "WARNING: All log messages before absl::InitializeLog() is called are "
        "written to STDERR\n"
        "I0000 00:00:1795716631.347335    3587 port.cc:153] oneDNN custom ops\n"
        "real warning\n"
    )
    assert clean_stderr(noise) == "real warning\n"
