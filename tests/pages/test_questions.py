"""The next questions (docs/questions.md: inputs and shapes): each answer proven
against Keras itself.

For every question the numbers and shapes are derived from a real Keras layer or
model, never typed, and the captured output must show them; densedocs/checks/claims.py
then holds the page's prose to the captured outputs.
"""

import re
import warnings

import numpy as np
import pytest

from tests.helpers import (
    captured,
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
    "batch-none",
    "input-dim-shape",
    "dense-3d",
    "wrong-features",
    "one-sample",
    "unbuilt",
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _markdown(anchor: str) -> str:
    """The Markdown of the page's section with this anchor."""
    for part in re.split(r"^(?=## )", page_text("questions.md"), flags=re.M):
        if part.startswith("## ") and f"{{ #{anchor} }}" in part.split("\n", 1)[0]:
            return part
    raise AssertionError(f"docs/questions.md has no section {{ #{anchor} }}")


def _shape(tensor) -> str:
    return str(tuple(tensor.shape))


@pytest.mark.parametrize("page", ["questions.md", "questions.zh.md"])
def test_every_question_has_its_anchor_and_the_answer_links_to_them(page):
    assert section_anchors(page) == ANCHORS
    answer = page_text("answer.md")
    for anchor in ("batch-none", "input-dim-shape"):
        assert f"(questions.md#{anchor})" in answer, anchor


def test_batch_none_is_the_open_batch_axis():
    from keras import layers

    open_, fixed = (
        sequential(model_input(batch_size=size), layers.Dense(32)) for size in (None, 4)
    )
    assert _shape(open_.outputs[0]) == "(None, 32)"
    assert _shape(fixed.outputs[0]) == "(4, 32)"
    assert open_.count_params() == fixed.count_params() == 96
    # The 4 is recorded, not enforced: 5 rows still go through.
    five = fixed.predict(np.zeros((5, 2), dtype=np.float32), verbose=0)
    assert five.shape == (5, 32)

    out = printed("questions/batch_none.py")
    assert summary_rows(out) == [
        ("dense", "(None, 32)", 96),
        ("dense_1", "(4, 32)", 96),
    ]
    assert out.count(f"predict on 5 rows -> {five.shape}") == 2


def test_input_dim_and_input_shape_warn_keras_input_does_not():
    import keras
    from keras import layers

    out = folded(printed("questions/input_forms.py"))
    for kwargs in ({"input_dim": 2}, {"input_shape": (2,)}):
        with pytest.warns(UserWarning) as caught:
            model = sequential(layers.Dense(32, **kwargs))
        message = str(caught[0].message)
        assert "input_dim" in message and "Input(shape)" in message
        assert f"UserWarning: {folded(message)}" in out
        assert _shape(model.inputs[0]) == "(None, 2)"
        assert model.count_params() == 96
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        model = sequential(model_input(), layers.Dense(32))
    assert model.count_params() == 96
    works = f"works: input {_shape(model.inputs[0])}, {model.count_params()} parameters"
    assert out.count(works) == 3

    with pytest.raises(ValueError) as not_a_tuple:
        keras.Input(shape=2)
    with pytest.raises(ValueError) as keras_2_keyword:
        layers.Dense(32, batch_input_shape=(None, 2))
    for error in (not_a_tuple, keras_2_keyword):
        assert f"ValueError: {folded(str(error.value))}" in out
    assert "Cannot convert '2' to a shape" in str(not_a_tuple.value)
    assert "batch_input_shape" in str(keras_2_keyword.value)


def test_dense_on_3d_input_acts_on_the_last_axis():
    from keras import layers

    model = sequential(model_input((10, 2)), layers.Dense(32))
    dense = model.layers[0]
    assert _shape(model.outputs[0]) == "(None, 10, 32)"
    assert tuple(dense.kernel.shape) == (2, 32)
    assert model.count_params() == 96
    x = np.random.default_rng(1).normal(size=(3, 10, 2)).astype(np.float32)
    kernel, bias = dense.get_weights()
    same = np.allclose(model.predict(x, verbose=0), x @ kernel + bias, atol=1e-6)
    assert same

    out = printed("questions/rank3.py")
    assert summary_rows(out) == [("dense", "(None, 10, 32)", 96)]
    assert f"kernel {tuple(dense.kernel.shape)}" in out
    assert f"same as each row on its own: {same}" in out


def test_the_wrong_number_of_features_names_axis_and_shapes():
    # A fresh session: the layer is named 'dense', as in a new process.
    model = question_model()
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

    run = captured("questions/wrong_features.py")
    assert run.exit_status == 0 and run.stderr == ""
    paragraphs = [folded(part) for part in run.stdout.split("\n\n")]
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

    model = sequential(
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    assert not model.built and not model.layers[0].built
    before = summary_text(model)
    assert before.count("0 (unbuilt)") == 2
    assert "Total params: 0 (0.00 B)" in before
    model.build((None, 2))
    counts = [layer.count_params() for layer in model.layers]
    assert counts == [96, 0, 33, 0] and model.count_params() == 129

    out = printed("questions/unbuilt.py")
    first, second = out.split('Model: "sequential"')[1:]
    assert [shape for _, shape, _ in summary_rows(first)] == ["?"] * 4
    assert first.count("0 (unbuilt)") == 2
    assert summary_rows(second) == [
        ("dense", "(None, 32)", 96),
        ("activation", "(None, 32)", 0),
        ("dense_1", "(None, 1)", 33),
        ("activation_1", "(None, 1)", 0),
    ]
    assert "Total params: 129 (516.00 B)" in second


def test_one_sample_needs_its_batch_axis():
    model = question_model()
    x = np.array([1.0, 1.0])
    assert model.input_shape == (None, 2) and x.shape == (2,)
    with pytest.raises(ValueError, match=r"Expected shape \(None, 2\)"):
        model.predict(x, verbose=0)
    assert x.reshape(1, -1).shape == x[None].shape == (1, 2)

    out = printed("questions/one_sample.py")
    assert "Expected shape\n(None, 2), but input has incompatible shape (2,)" in out
    fixed = re.findall(r"^(.+?) +shape \(1, 2\) -> \(1, 1\) (\d\.\d{4})$", out, re.M)
    assert [name for name, _ in fixed] == ["x.reshape(1, -1)", "x[None]"]
    assert fixed[0][1] == fixed[1][1]  # the same sample, the same prediction


def test_softmax_on_a_3d_output_makes_each_row_sum_to_1_not_the_sample():
    import keras

    values = np.random.default_rng(1).normal(size=(2, 10, 32)).astype(np.float32)
    out = np.asarray(keras.activations.softmax(values))
    assert np.allclose(out.sum(axis=-1), 1, atol=1e-6)
    assert np.allclose(out.sum(axis=(1, 2)), 10, atol=1e-5)
    run = printed("questions/softmax_3d.py")
    x, output = re.search(r"^X (\(.*?\)) -> output (\(.*?\))$", run, re.M).groups()
    dense = keras.layers.Dense(32)
    shape = tuple(int(n) for n in re.findall(r"\d+", x))
    assert output == str(tuple(dense.compute_output_shape(shape)))
    sums = re.search(r"each row's sum: \[([\d. ]+)\]", run)[1].split()
    assert [float(s) for s in sums] == [1.0] * 10
    rows, units = 10, 32
    assert f"all {rows * units} values: {float(rows):.4f}" in run
