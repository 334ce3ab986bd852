"""Counting parameters (docs/counting.md): each answer proven against Keras itself.

For every question the numbers and shapes are derived from a real Keras layer or
model, never typed, and the captured output must show them; densedocs/checks/claims.py
then holds the page's prose to the captured outputs. The page's snippets live in
snippets/questions/, with the questions page's. The counts around a Dense layer
(docs/beyond-dense.md) are proven in tests/pages/test_beyond_dense.py.
"""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import (
    folded,
    model_input,
    page_text,
    printed,
    question_model,
    section_anchors,
    sequential,
    summary_rows,
    summary_text,
)

# The page's questions, by the fixed anchors other pages link to.
ANCHORS = [
    "bytes",
    "use-bias",
    "trainable",
    "more-units",
    "power-of-two",
    "formula",
    "exercises",
]
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)


def _size(weights) -> int:
    return sum(math.prod(w.shape) for w in weights)


@pytest.mark.parametrize("page", ["counting.md", "counting.zh.md"])
def test_every_question_has_its_anchor_and_the_answer_links_to_them(page):
    assert section_anchors(page) == ANCHORS
    answer = page_text("answer.md")
    for anchor in ("bytes", "formula"):
        assert f"(counting.md#{anchor})" in answer, anchor


def test_bytes_are_parameters_times_bytes_per_value():
    from keras import layers

    out = printed("questions/bytes.py")
    question = question_model()
    float32, float16 = (
        sequential(model_input(), layers.Dense(32, dtype=dtype))
        for dtype in ("float32", "float16")
    )
    image = sequential(model_input((784,)), layers.Dense(256))
    units = {"B": 1, "KB": 1024}
    for model in (question, float32, float16, image):
        params = model.count_params()
        (dtype,) = {w.dtype for w in model.weights}
        size = np.dtype(dtype).itemsize
        # Keras's own summary gives the bytes: parameters × bytes per value.
        total = re.search(
            rf"Total params: {params:,} \(([\d.]+) (K?B)\)", summary_text(model)
        )
        assert total, "Keras's own summary has no total"
        assert float(total[1]) * units[total[2]] == params * size
        assert f"{params:,} parameters × {size} B = {params * size:,} B" in out
        assert f"summary says: {total[0]}" in out
    assert float32.count_params() == float16.count_params() == 96
    assert {w.dtype for w in float16.weights} == {"float16"}


def test_use_bias_false_keeps_the_kernel_only():
    import keras
    from keras import layers

    out = printed("questions/use_bias.py")
    counts = {}
    for use_bias in (True, False):
        layer = layers.Dense(32, use_bias=use_bias)
        layer.build((None, 2))
        counts[use_bias] = layer.count_params()
        assert _size(layer.weights) == counts[use_bias]
        shapes = ", ".join(f"{w.name} {w.shape}" for w in layer.weights)
        assert f"Dense(32, use_bias={use_bias}): {shapes}\n    {counts[use_bias]} " in (
            out
        )
    assert (counts[True], counts[False]) == (96, 64)

    # BatchNormalization cancels the bias: same kernel, any bias, same output.
    x = np.random.default_rng(1).normal(size=(16, 2)).astype(np.float32)
    random_bias = keras.initializers.RandomNormal(seed=1)
    with_bias = layers.Dense(32, bias_initializer=random_bias)
    without_bias = layers.Dense(32, use_bias=False)
    with_bias.build((None, 2))
    without_bias.build((None, 2))
    without_bias.set_weights([with_bias.get_weights()[0]])
    assert np.abs(with_bias.get_weights()[1]).min() > 0
    norm = layers.BatchNormalization()
    a, b = (
        keras.ops.convert_to_numpy(norm(dense(x), training=True))
        for dense in (with_bias, without_bias)
    )
    equal = np.allclose(a, b, atol=1e-5)
    assert equal and f"equal to 5 decimals: {equal}" in out

    doc = folded(layers.Dense.__doc__)
    assert "followed by a BatchNormalization layer, it is recommended to set " in doc
    assert "use_bias=False" in doc


def _totals(summary: str) -> list[str]:
    """The totals lines of a summary ("Total params: 96 (384.00 B)", ...)."""
    return [line.strip() for line in summary.splitlines() if "params:" in line]


def test_trainable_false_and_batch_normalization():
    from keras import layers

    out = printed("questions/trainable.py")
    model = sequential(model_input(), layers.Dense(32))
    assert _size(model.trainable_weights) == 96
    before = _totals(summary_text(model))
    model.layers[0].trainable = False
    assert _size(model.trainable_weights) == 0
    assert _size(model.non_trainable_weights) == model.count_params() == 96
    # The run shows Keras's own totals, before and after: derived here, not typed.
    trainable, frozen = out.split("after layer.trainable = False:")
    assert before and all(line in trainable for line in before), before
    after = _totals(summary_text(model))
    assert after != before and all(line in frozen for line in after), after

    model = sequential(model_input(), layers.Dense(32), layers.BatchNormalization())
    norm = model.layers[1]
    trained = {w.name: w.shape for w in norm.trainable_weights}
    running = {w.name: w.shape for w in norm.non_trainable_weights}
    assert trained == {"gamma": (32,), "beta": (32,)}
    assert running == {"moving_mean": (32,), "moving_variance": (32,)}
    assert norm.count_params() == 128
    assert _size(norm.trainable_weights) == _size(norm.non_trainable_weights) == 64
    assert summary_rows(out) == [
        ("dense_1", "(None, 32)", 96),
        ("batch_normalization", "(None, 32)", 128),
    ]
    for weight in norm.weights:
        assert re.search(
            rf"^{weight.name} +shape \(32,\) +trainable={weight.trainable}$",
            out,
            re.M,
        )
    assert " Trainable params: 160 (640.00 B)" in out
    assert " Non-trainable params: 64 (256.00 B)" in out


def test_more_units_than_inputs_is_a_valid_layer():
    import keras
    from keras import layers

    out = printed("questions/wider.py")
    for units in (1, 2, 32, 512):
        layer = layers.Dense(units)
        output = layer(X)
        assert tuple(output.shape) == (4, units)
        assert tuple(layer.kernel.shape) == (2, units)
        assert layer.count_params() == 2 * units + units
        assert (
            f"Dense({units}): kernel {layer.kernel.shape}, "
            f"output {tuple(output.shape)}, {layer.count_params()} parameters"
        ) in out
    # Each of the 32 neurons weighs the 2 features its own way.
    layer = layers.Dense(32, kernel_initializer=keras.initializers.GlorotUniform(0))
    layer.build((None, 2))
    kernel = layer.get_weights()[0]
    assert len({tuple(column) for column in kernel.T}) == 32


def test_the_kernel_is_a_matrix_with_one_column_per_neuron():
    import keras
    from keras import layers

    layer = layers.Dense(32, bias_initializer=keras.initializers.RandomNormal(seed=0))
    output = keras.ops.convert_to_numpy(layer(X))
    kernel, bias = layer.get_weights()
    assert kernel.shape == (2, 32) and bias.shape == (32,)
    each = all(np.allclose(X @ kernel[:, j] + bias[j], output[:, j]) for j in range(32))
    assert each

    out = printed("questions/formula.py")
    shown = re.search(
        r"^kernel (\(.*?\))\s+bias (\(.*?\))\s+output (\(.*?\))$", out, re.M
    )
    assert shown.groups() == tuple(map(str, (kernel.shape, bias.shape, output.shape)))
    assert (
        f"every neuron, one column at a time, gives the layer's output: {each}" in out
    )
    for inputs, units in [(2, 32), (32, 1), (784, 256), (3, 5)]:
        layer = layers.Dense(units)
        layer.build((None, inputs))
        count = layer.count_params()
        assert count == inputs * units + units
        assert re.search(
            rf"^ *{inputs}·{units} \+ {units} = {count}   Keras says {count}$",
            out,
            re.M,
        )


@settings(max_examples=50, deadline=None, database=None)
@given(
    inputs=st.integers(1, 512),
    units=st.integers(1, 512),
    use_bias=st.booleans(),
    extra_axes=st.lists(st.integers(1, 8), max_size=2),
)
def test_count_is_inputs_times_units_plus_units_for_any_dense(
    inputs, units, use_bias, extra_axes
):
    """inputs·units + units (no + units without a bias), whatever the sizes, and
    whatever axes come between the batch and the features."""
    from keras import layers

    layer = layers.Dense(units, use_bias=use_bias)
    layer.build((None, *extra_axes, inputs))
    assert tuple(layer.kernel.shape) == (inputs, units)
    assert layer.count_params() == inputs * units + (units if use_bias else 0)


def test_any_number_of_units_works_and_counts_4u_plus_1():
    out = printed("why/any_units.py")
    rows = [
        tuple(map(float, row))
        for row in re.findall(r"^ +(\d+) +(\d+) +(\d\.\d+) +(\d)$", out, re.M)
    ]
    units = [int(u) for u, *_ in rows]
    assert 32 in units and any(u & (u - 1) for u in units), units  # not all powers of 2
    for u, params, _loss, right in rows:
        model = sequential_question(int(u))
        assert model.count_params() == params == 4 * u + 1
        assert right == 4
    from tests.helpers import page_prose

    prose = page_prose("counting.md")
    for _units, params, *_ in rows:
        assert f"{int(params)}" in prose


def sequential_question(units):
    """The question's network with this many hidden units."""
    import keras

    return keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(units),
            keras.layers.Activation("softmax"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
