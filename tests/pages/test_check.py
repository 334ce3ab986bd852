"""The "Check it yourself" page (docs/check.md): its programs show what the
answer claims."""

import re

import pytest

from densedocs.capture.store import read_capture
from tests.conftest import ROOT

# count_by_hand.py's lines: "dense  2·32 + 32 =  96   Keras says 96", and the total's.
COUNTED = re.compile(r"^(\w+)\s+(.*?) =\s+(\d+)\s+Keras says (\d+)$", re.M)
SHAPES = re.compile(
    r"^X \((\d+), (\d+)\) -> predictions \((\d+), (\d+)\), "
    r"parameters: (\d+)$",
    re.M,
)


def test_the_checks_show_what_the_answer_claims():
    """check.md's runs show the answer's counts, each layer's and the total, as
    Keras counts the question's model (its weights' shapes, summed by hand, and
    count_params); any number of rows gives one prediction each, with the same
    parameters; and numpy's forward pass prints Keras's predictions."""
    from tests.helpers import printed, question_model

    model = question_model()
    expected = []
    for layer in model.layers:
        shapes = " + ".join("·".join(map(str, w.shape)) for w in layer.weights)
        count = layer.count_params()
        expected.append((layer.name, shapes or "no weights", count, count))
    expected.append(("total", "", model.count_params(), model.count_params()))
    counted = [
        (name, formula.strip(), int(by_hand), int(keras))
        for name, formula, by_hand, keras in COUNTED.findall(
            printed("check/count_by_hand.py")
        )
    ]
    assert counted == expected

    rows = SHAPES.findall(printed("check/batch_size.py"))
    features, outputs = model.input_shape[-1], model.output_shape[-1]
    assert [int(r[0]) for r in rows][:1] == [4] and len(rows) > 1
    for x_rows, x_features, predictions, predicted, parameters in rows:
        assert (int(x_features), int(predicted)) == (features, outputs)
        assert predictions == x_rows and int(parameters) == model.count_params()

    forward = printed("check/forward_pass.py")
    numpy, keras = re.findall(r"^(?:numpy|keras): \[([^\]]*)\]$", forward, re.M)
    assert numpy == keras and len(keras.split()) == 4


def test_the_untrained_predictions_are_all_near_one_half():
    forward = read_capture(ROOT, "check/forward_pass.py").stdout
    keras_line = re.search(r"^keras: \[([\d. ]+)\]$", forward, re.M)[1]
    predictions = [float(p) for p in keras_line.split()]
    assert len(predictions) == 4
    assert all(abs(p - 0.5) < 0.05 for p in predictions), predictions
    # "Random weights alone would not do it": the same weights without softmax.
    near = read_capture(ROOT, "check/near_half.py").stdout
    softmax = re.search(r"^predictions: \[([\d. ]+)\]$", near, re.M)[1].split()
    linear = re.search(r"^without softmax: \[([\d. ]+)\]$", near, re.M)[1].split()
    assert max(abs(float(p) - 0.5) for p in softmax) < 0.05
    assert max(abs(float(p) - 0.5) for p in linear) > 0.1


def test_the_starting_weights_are_glorot_uniform_within_their_limit():
    import math

    import keras
    import numpy as np

    dense = keras.layers.Dense(32)
    assert type(dense.kernel_initializer).__name__ == "GlorotUniform"
    assert type(dense.bias_initializer).__name__ == "Zeros"
    out = read_capture(ROOT, "check/initial_weights.py").stdout
    found = re.findall(
        r"limit sqrt\(6 / \((\d+) \+ (\d+)\)\) = (\d\.\d{4}), "
        r"kernel from (-?\d\.\d{4}) to (-?\d\.\d{4})",
        out,
    )
    assert [(int(a), int(b)) for a, b, *_ in found] == [(2, 32), (32, 1)]
    for fan_in, fan_out, limit, low, high in found:
        assert f"{math.sqrt(6 / (int(fan_in) + int(fan_out))):.4f}" == limit
        assert -float(limit) <= float(low) < float(high) <= float(limit)
    dense.build((None, 2))
    zero = not np.any(keras.ops.convert_to_numpy(dense.bias))
    assert out.count(f"bias all zero: {zero}") == 2


def test_the_untrained_shares_are_nearly_equal_so_the_prediction_is_the_kernels_mean():
    import keras
    import numpy as np

    from tests.helpers import page_prose, question_model

    keras.utils.set_random_seed(0)
    model = question_model()
    _kernel_1, _bias_1, kernel_2, bias_2 = model.get_weights()
    zero = np.zeros((1, 2), dtype=np.float32)
    # For [0, 0] every share is exactly 1/32: the output is sigmoid(mean).
    mean = float(kernel_2.mean() + bias_2[0])
    expected = 1 / (1 + np.exp(-mean))
    assert float(model.predict(zero, verbose=0)[0, 0]) == pytest.approx(
        expected, abs=1e-6
    )
    out = read_capture(ROOT, "check/near_half.py").stdout
    assert f"output kernel's mean {mean:.4f}, sigmoid {expected:.4f}" in out
    assert f"prediction for [0, 0]: {expected:.4f}" in out
    shares = re.search(r"shares from (\d\.\d+) to (\d\.\d+)", out).groups()
    low, high = map(float, shares)
    assert low < 1 / 32 < high
    bound = re.search(r"lies in \[(\d\.\d+), (\d\.\d+)\]", out).groups()
    shown = re.search(r"^predictions: \[([\d. ]+)\]", out, re.M)[1]
    predictions = [float(p) for p in shown.split()]
    # The bound is far wider than the predictions' spread: it does not explain them.
    spread = float(bound[1]) - float(bound[0])
    assert max(predictions) - min(predictions) < spread / 10
    for page in ("check.md", "check.zh.md"):
        prose = page_prose(page)
        assert f"{low:.4f}" in prose and f"{high:.4f}" in prose
        assert f"{expected:.4f}" in prose
