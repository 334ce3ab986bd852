"""The comparison rules: what may differ between two runs, and what may not."""

import re

import pytest

from densedocs.capture.compare import clean_stderr, clean_stdout, compare
from tests.conftest import ROOT

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


def test_a_real_install_path_is_shown_as_a_placeholder_and_still_accepted():
    real = (
        "/home/ci/dense/.venv/lib/python3.11/site-packages/keras/src/x.py:1: W\n"
        '  File "/home/ci/dense/snippets/question/as_asked.py", line 3\n'
        '  File "/usr/lib/python3.11/runpy.py", line 9\n'
    )
    shown = clean_stderr(real)
    assert shown == (
        ".../site-packages/keras/src/x.py:1: W\n"
        '  File ".../snippets/question/as_asked.py", line 3\n'
        '  File ".../lib/python3.11/runpy.py", line 9\n'
    )
    assert clean_stderr(shown) == shown
    assert compare(shown, real) is None
    assert compare(shown, real.replace("line 3", "line 4")) is not None


# --- Figures: a file a snippet writes is compared by the same rule --------------

FIGURE = ROOT / "snippets" / "training" / "loss_curve.svg"
SIX_DECIMALS = re.compile(r"(?<![\w.])\d+\.\d{6}(?![\w.])")


def _noisy(svg: str) -> str:
    """The figure as another machine may draw it: coordinates one unit off in their
    last place, and the ids matplotlib derives from them renamed."""
    noisy = SIX_DECIMALS.sub(lambda m: f"{float(m[0]) + 0.000001:.6f}", svg)
    for n, generated in enumerate(
        sorted(set(re.findall(r'id="([mp][0-9a-f]{10})"', svg)))
    ):
        noisy = noisy.replace(generated, f"{generated[0]}{n:010x}")
    return noisy


def test_a_figure_with_last_digit_noise_and_renamed_ids_is_the_same_figure():
    svg = FIGURE.read_text(encoding="utf-8")
    noisy = _noisy(svg)
    assert noisy != svg and SIX_DECIMALS.search(svg)
    assert re.search(r'clip-path="url\(#p[0-9a-f]{10}\)"', svg)  # ids are derived
    assert compare(svg, noisy) is None


def _data_points(svg: str) -> str:
    """The path of the plotted line: the last <path d="M ..."> of the axes' lines."""
    return re.findall(r'<path d="(M [^"]+)"[^>]*clip-path', svg)[-1]


@pytest.mark.parametrize(
    "change",
    ["moved data point", "changed label", "changed tick"],
)
def test_a_real_change_in_a_figure_is_a_difference(change):
    svg = FIGURE.read_text(encoding="utf-8")
    if change == "moved data point":
        line = _data_points(svg)
        y = line.split()[2]
        changed = svg.replace(line, line.replace(y, f"{float(y) + 1:.6f}", 1))
    elif change == "changed label":
        changed = svg.replace(">epoch<", ">epochs<")
    else:
        changed = svg.replace(">0.5<", ">0.6<")
    assert changed != svg, change
    assert compare(svg, _noisy(changed)) is not None, change
