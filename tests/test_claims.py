"""What the prose claims, proven against Keras itself and the captured outputs.

The numbers below are computed from a real Keras model, never typed: the tests then
require the pages to state them, and the captures to show them.
"""

import re

import numpy as np
import pytest

from tests.conftest import ROOT
from tools.captures import read_capture


def _prose(page: str) -> str:
    """A page's Markdown as read: emphasis and code marks dropped, spaces folded."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"\*\*|`", "", text))


def _question_model(first_layer: str):
    import keras
    from keras import layers

    keras.backend.clear_session()
    if first_layer == "input_dim":
        head = [layers.Dense(32, input_dim=2)]
    else:
        head = [keras.Input(shape=(2,)), layers.Dense(32)]
    return keras.Sequential(
        [
            *head,
            layers.Activation("softmax"),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )


@pytest.fixture(scope="module")
def model():
    with pytest.warns(UserWarning, match="input_dim"):
        return _question_model("input_dim")


def _summary_rows() -> list[tuple[str, str, int]]:
    out = read_capture(ROOT, "answer/summary.py").stdout
    rows = re.findall(r"│ (\w+) \(\w+\)\s+│ (\([^)]*\))\s+│\s+(\d+) │", out)
    return [(name, shape, int(params)) for name, shape, params in rows]


def test_weights_have_the_shapes_the_answer_states(model):
    shapes = [tuple(w.shape) for w in model.weights]
    assert shapes == [(2, 32), (32,), (32, 1), (1,)]
    answer = _prose("answer.md")
    for shape in shapes:
        assert str(shape) in answer, f"answer.md never states the shape {shape}"


def test_each_layer_count_is_inputs_times_units_plus_units(model):
    answer = _prose("answer.md")
    for layer in model.layers:
        if not layer.weights:
            assert layer.count_params() == 0
            continue
        inputs, units = layer.weights[0].shape
        formula = f"{inputs}·{units} + {units} = {layer.count_params()}"
        assert inputs * units + units == layer.count_params()
        assert formula in answer, f"answer.md lacks {formula}"


def test_summary_shows_the_counts_and_the_batch_axis(model):
    expected = [
        (layer.name, str((None, *layer.output.shape[1:])), layer.count_params())
        for layer in model.layers
    ]
    assert _summary_rows() == expected
    total = model.count_params()
    assert total == 129
    assert f"Total params: {total} ({total * 4:.2f} B)" in (
        read_capture(ROOT, "answer/summary.py").stdout
    )


def test_prose_states_the_total_and_the_bytes(model):
    total = model.count_params()
    bytes_per_param = np.dtype(model.weights[0].dtype).itemsize  # float32: 4
    answer = _prose("answer.md")
    assert f"96 + 0 + 33 + 0 = {total}" in answer
    assert f"{total} × {bytes_per_param} B = {total * bytes_per_param} B" in answer
    assert all(w.dtype == "float32" for w in model.weights)
    question = _prose("index.md")
    assert f"{model.layers[0].count_params()} parameters" in question


def test_keras_input_form_is_the_same_network(model):
    modern = _question_model("keras.Input")
    assert [tuple(w.shape) for w in modern.weights] == [
        tuple(w.shape) for w in model.weights
    ]
    assert modern.count_params() == model.count_params()


def test_checks_show_what_the_answer_claims():
    counted = read_capture(ROOT, "check/count_by_hand.py").stdout
    assert re.search(r"^dense\s+2·32 \+ 32 =\s+96\s+Keras says 96$", counted, re.M)
    assert re.search(r"^total\s+= 129\s+Keras says 129$", counted, re.M)
    rows = read_capture(ROOT, "check/batch_size.py").stdout
    assert "X (4, 2) -> predictions (4, 1), parameters: 129" in rows
    assert "X (1000, 2) -> predictions (1000, 1), parameters: 129" in rows
    forward = read_capture(ROOT, "check/forward_pass.py").stdout
    assert "equal to 6 decimals: True" in forward
    numpy_row, keras_row = re.findall(r"^(?:numpy|keras): (.*)$", forward, re.M)
    assert numpy_row == keras_row


def test_the_question_as_asked_fails_on_todays_keras():
    run = read_capture(ROOT, "question/as_asked.py")
    assert run.exit_status == 1
    assert run.stderr.rstrip().endswith(
        "ModuleNotFoundError: No module named 'keras.layers.core'"
    )
