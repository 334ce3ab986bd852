"""The next questions (docs/questions.md: inputs and shapes; docs/counting.md:
counting parameters): each answer proven against Keras itself.

For every question the numbers and shapes are derived from a real Keras layer or
model, never typed, and the captured output must show them; densedocs/checks/claims.py
then holds the page's prose to the captured outputs.
"""

import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from densedocs.capture.store import read_capture
from tests.conftest import ROOT
from tests.helpers import summary_rows

PAGE = ROOT / "docs" / "questions.md"
# Each page's questions, by the fixed anchors other pages link to.
ANCHORS = {
    "questions.md": [
        "batch-none",
        "input-dim-shape",
        "dense-3d",
        "wrong-features",
        "unbuilt",
    ],
    "counting.md": ["bytes", "use-bias", "trainable", "more-units", "formula"],
}
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _fold(text: str) -> str:
    """Markdown or output as read: emphasis and code marks dropped, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"\*\*|`", "", text)).strip()


def _markdown(anchor: str) -> str:
    """The Markdown of the page's section with this anchor."""
    text = PAGE.read_text(encoding="utf-8")
    for part in re.split(r"^(?=## )", text, flags=re.M):
        if part.startswith("## ") and f"{{ #{anchor} }}" in part.split("\n", 1)[0]:
            return part
    raise AssertionError(f"docs/questions.md has no section {{ #{anchor} }}")


def _run(name: str):
    run = read_capture(ROOT, f"questions/{name}.py")
    assert run is not None, f"snippets/questions/{name}.py was never captured"
    return run


def _rows(output: str) -> list[tuple[str, int]]:
    """(Output Shape, Param #) of every row of every summary table in an output."""
    return [(shape, params) for _name, shape, params in summary_rows(output)]


def _summary(model) -> str:
    printed = []
    model.summary(print_fn=printed.append)
    return "".join(printed)


def _shape(tensor) -> str:
    return str(tuple(tensor.shape))


def _size(weights) -> int:
    return sum(math.prod(w.shape) for w in weights)


def _sequential(*entries):
    import keras

    return keras.Sequential(list(entries))


def _input(shape=(2,), **kwargs):
    import keras

    return keras.Input(shape=shape, **kwargs)


def test_every_question_has_its_anchor_and_the_answer_links_to_them():
    for page, anchors in ANCHORS.items():
        for language in ("", ".zh"):
            path = ROOT / "docs" / page.replace(".md", f"{language}.md")
            text = path.read_text(encoding="utf-8")
            headings = re.findall(r"^## .*\{ #([\w-]+) \}$", text, flags=re.M)
            assert headings == anchors, path.name
    answer = (ROOT / "docs" / "answer.md").read_text(encoding="utf-8")
    for link in (
        "questions.md#batch-none",
        "questions.md#input-dim-shape",
        "counting.md#bytes",
        "counting.md#formula",
    ):
        assert f"({link})" in answer, link


def test_batch_none_is_the_open_batch_axis():
    from keras import layers

    open_, fixed = (
        _sequential(_input(batch_size=size), layers.Dense(32)) for size in (None, 4)
    )
    assert _shape(open_.outputs[0]) == "(None, 32)"
    assert _shape(fixed.outputs[0]) == "(4, 32)"
    assert open_.count_params() == fixed.count_params() == 96
    # The 4 is recorded, not enforced: 5 rows still go through.
    five = fixed.predict(np.zeros((5, 2), dtype=np.float32), verbose=0)
    assert five.shape == (5, 32)

    out = _run("batch_none").stdout
    assert _rows(out) == [("(None, 32)", 96), ("(4, 32)", 96)]
    assert out.count(f"predict on 5 rows -> {five.shape}") == 2


def test_input_dim_and_input_shape_warn_keras_input_does_not():
    import keras
    from keras import layers

    out = _fold(_run("input_forms").stdout)
    for kwargs in ({"input_dim": 2}, {"input_shape": (2,)}):
        with pytest.warns(UserWarning) as caught:
            model = _sequential(layers.Dense(32, **kwargs))
        message = str(caught[0].message)
        assert "input_dim" in message and "Input(shape)" in message
        assert f"UserWarning: {_fold(message)}" in out
        assert _shape(model.inputs[0]) == "(None, 2)"
        assert model.count_params() == 96
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        model = _sequential(_input(), layers.Dense(32))
    assert model.count_params() == 96
    assert out.count("works: input (None, 2), 96 parameters") == 3

    with pytest.raises(ValueError) as not_a_tuple:
        keras.Input(shape=2)
    with pytest.raises(ValueError) as keras_2_keyword:
        layers.Dense(32, batch_input_shape=(None, 2))
    for error in (not_a_tuple, keras_2_keyword):
        assert f"ValueError: {_fold(str(error.value))}" in out
    assert "Cannot convert '2' to a shape" in str(not_a_tuple.value)
    assert "batch_input_shape" in str(keras_2_keyword.value)


def test_bytes_are_parameters_times_bytes_per_value():
    from keras import layers

    out = _run("bytes").stdout
    question = _sequential(
        _input(),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    float32, float16 = (
        _sequential(_input(), layers.Dense(32, dtype=dtype))
        for dtype in ("float32", "float16")
    )
    image = _sequential(_input((784,)), layers.Dense(256))
    for model, dtype, size, nbytes, shown in [
        (question, "float32", 4, 516, "516.00 B"),
        (float32, "float32", 4, 384, "384.00 B"),
        (float16, "float16", 2, 192, "192.00 B"),
        (image, "float32", 4, 803_840, "785.00 KB"),
    ]:
        params = model.count_params()
        assert {w.dtype for w in model.weights} == {dtype}
        assert np.dtype(dtype).itemsize == size
        assert params * size == nbytes
        total = f"Total params: {params:,} ({shown})"
        assert total in _summary(model), "Keras's own summary says otherwise"
        assert f"{params:,} parameters × {size} B = {nbytes:,} B" in out
        assert f"summary says: {total}" in out
    assert float32.count_params() == float16.count_params() == 96
    assert 803_840 / 1024 == 785.0


def test_use_bias_false_keeps_the_kernel_only():
    import keras
    from keras import layers

    counts = {}
    for use_bias in (True, False):
        layer = layers.Dense(32, use_bias=use_bias)
        layer.build((None, 2))
        counts[use_bias] = layer.count_params()
        assert _size(layer.weights) == counts[use_bias]
        shapes = ", ".join(f"{w.name} {w.shape}" for w in layer.weights)
        assert f"Dense(32, use_bias={use_bias}): {shapes}\n    {counts[use_bias]} " in (
            _run("use_bias").stdout
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
    assert np.allclose(a, b, atol=1e-5)
    assert "equal to 5 decimals: True" in _run("use_bias").stdout

    doc = _fold(layers.Dense.__doc__)
    assert "followed by a BatchNormalization layer, it is recommended to set " in doc
    assert "use_bias=False" in doc


def test_trainable_false_and_batch_normalization():
    from keras import layers

    out = _run("trainable").stdout
    model = _sequential(_input(), layers.Dense(32))
    assert _size(model.trainable_weights) == 96
    model.layers[0].trainable = False
    assert _size(model.trainable_weights) == 0
    assert _size(model.non_trainable_weights) == model.count_params() == 96
    frozen = out.split("after layer.trainable = False:")[1]
    assert " Trainable params: 0 (0.00 B)" in frozen
    assert " Non-trainable params: 96 (384.00 B)" in frozen

    model = _sequential(_input(), layers.Dense(32), layers.BatchNormalization())
    norm = model.layers[1]
    trained = {w.name: w.shape for w in norm.trainable_weights}
    running = {w.name: w.shape for w in norm.non_trainable_weights}
    assert trained == {"gamma": (32,), "beta": (32,)}
    assert running == {"moving_mean": (32,), "moving_variance": (32,)}
    assert norm.count_params() == 128
    assert _size(norm.trainable_weights) == _size(norm.non_trainable_weights) == 64
    assert _rows(out) == [("(None, 32)", 96), ("(None, 32)", 128)]
    for weight in norm.weights:
        assert re.search(
            rf"^{weight.name} +shape \(32,\) +trainable={weight.trainable}$",
            out,
            re.M,
        )
    assert " Trainable params: 160 (640.00 B)" in out
    assert " Non-trainable params: 64 (256.00 B)" in out


def test_dense_on_3d_input_acts_on_the_last_axis():
    from keras import layers

    model = _sequential(_input((10, 2)), layers.Dense(32))
    dense = model.layers[0]
    assert _shape(model.outputs[0]) == "(None, 10, 32)"
    assert tuple(dense.kernel.shape) == (2, 32)
    assert model.count_params() == 96
    x = np.random.default_rng(1).normal(size=(3, 10, 2)).astype(np.float32)
    kernel, bias = dense.get_weights()
    assert np.allclose(model.predict(x, verbose=0), x @ kernel + bias, atol=1e-6)

    out = _run("rank3").stdout
    assert _rows(out) == [("(None, 10, 32)", 96)]
    assert "kernel (2, 32)" in out
    assert "same as each row on its own: True" in out


def test_the_wrong_number_of_features_names_axis_and_shapes():
    import keras
    from keras import layers

    keras.backend.clear_session()  # the layer is named 'dense', as in a new process
    model = _sequential(
        _input(),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    three = np.ones((4, 3), dtype=np.float32)
    with pytest.raises(ValueError) as error:
        model.predict(three, verbose=0)
    message = ANSI.sub("", str(error.value))
    line = next(part for part in message.splitlines() if "incompatible" in part)
    assert line == (
        "Input 0 with name 'None' of layer 'dense' is incompatible with the layer: "
        "expected axis -1 of input shape to have value 2, but received input with "
        f"shape {three.shape}"
    )

    run = _run("wrong_features")
    assert run.exit_status == 0 and run.stderr == ""
    paragraphs = [_fold(part) for part in run.stdout.split("\n\n")]
    assert paragraphs[:2] == [
        "ValueError: Exception encountered when calling Sequential.call().",
        line,
    ]
    # The page reads the message piece by piece: each piece is the real message's.
    pieces = re.findall(r"^`([^`]+)`$", _markdown("wrong-features"), re.M)
    assert len(pieces) == 3
    for piece in pieces:
        assert piece in line, f"the page quotes {piece!r}, which Keras does not say"


def test_summary_before_the_input_is_known():
    from keras import layers

    model = _sequential(
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    assert not model.built and not model.layers[0].built
    before = _summary(model)
    assert before.count("0 (unbuilt)") == 2
    assert "Total params: 0 (0.00 B)" in before
    model.build((None, 2))
    counts = [layer.count_params() for layer in model.layers]
    assert counts == [96, 0, 33, 0] and model.count_params() == 129

    out = _run("unbuilt").stdout
    first, second = out.split('Model: "sequential"')[1:]
    assert [shape for shape, _ in _rows(first)] == ["?"] * 4
    assert first.count("0 (unbuilt)") == 2
    assert _rows(second) == [
        ("(None, 32)", 96),
        ("(None, 32)", 0),
        ("(None, 1)", 33),
        ("(None, 1)", 0),
    ]
    assert "Total params: 129 (516.00 B)" in second


def test_more_units_than_inputs_is_a_valid_layer():
    import keras
    from keras import layers

    out = _run("wider").stdout
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
    for j in range(32):
        assert np.allclose(X @ kernel[:, j] + bias[j], output[:, j])

    out = _run("formula").stdout
    assert "kernel (2, 32)  bias (32,)  output (4, 32)" in out
    assert "every neuron, one column at a time, gives the layer's output: True" in out
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
