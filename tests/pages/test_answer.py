"""The answer page (docs/answer.md): what it rests on, derived from a real Keras
model rather than typed, and what it shows."""

import re

import numpy as np
import pytest

from densedocs.capture.store import read_capture
from tests.conftest import ROOT
from tests.helpers import (
    captured,
    page_prose,
    page_text,
    printed,
    question_model,
    summary_rows,
)


@pytest.fixture(scope="module")
def model():
    with pytest.warns(UserWarning, match="input_dim"):
        return question_model("input_dim")


def test_the_summary_shows_each_layers_count_and_the_batch_axis(model):
    expected = [
        (layer.name, str((None, *layer.output.shape[1:])), layer.count_params())
        for layer in model.layers
    ]
    summary = read_capture(ROOT, "answer/summary.py").stdout
    assert summary_rows(summary) == expected
    assert [w.shape for w in model.weights] == [(2, 32), (32,), (32, 1), (1,)]
    for layer in model.layers:
        if layer.weights:
            inputs, units = layer.kernel.shape
            assert layer.count_params() == inputs * units + units
    total = model.count_params()
    bytes_per_value = np.dtype(model.weights[0].dtype).itemsize  # float32: 4
    assert (total, bytes_per_value) == (129, 4)
    assert f"Total params: {total} ({total * bytes_per_value:.2f} B)" in summary


def test_the_keras_input_form_is_the_same_network(model):
    modern = question_model()
    assert [w.shape for w in modern.weights] == [w.shape for w in model.weights]
    assert modern.count_params() == model.count_params()


def test_the_question_as_asked_fails_on_todays_keras():
    run = read_capture(ROOT, "question/as_asked.py")
    assert run.exit_status == 1
    assert run.stderr.rstrip().endswith(
        "ModuleNotFoundError: No module named 'keras.layers.core'"
    )


def test_the_answer_page_shows_both_diagrams_at_their_size():
    page = re.sub(r"\s+", " ", page_text("answer.md"))
    for name, size in (("network", (720, 687)), ("kernel", (720, 296))):
        image = re.search(
            rf"!\[([^\]]+)\]\(figures/diagrams/{name}\.svg\)"
            r'\{ width="(\d+)" height="(\d+)" \}',
            page,
        )
        assert image, name
        svg = captured(f"diagrams/{name}.py").files[f"{name}.svg"]
        width, height = re.search(
            r'<svg[^>]* width="(\d+)" height="(\d+)"', svg
        ).groups()
        assert (int(image[2]), int(image[3])) == size == (int(width), int(height))
    assert "calculator.md?input=2&units=32,1" in page


# The learner's own words, which the page quotes and answers (#misreading).
MISREADING = (
    "32 means that each training instance has 32 input variables, whose "
    "dimension is given by input_dim."
)


def test_the_misreading_is_quoted_and_32_counts_each_rows_outputs():
    import keras

    assert MISREADING in page_prose("answer.md")
    out = printed("answer/misreading.py")
    shown = re.findall(
        r"X \((\d+), (\d+)\): \d+ inputs per row, "
        r"kernel \((\d+), (\d+)\), output \((\d+), (\d+)\)",
        out,
    )
    assert len(shown) == 3
    rows_seen = set()
    for rows, features, *printed_shapes in shown:
        rows, features = int(rows), int(features)
        layer = keras.layers.Dense(32)
        output = layer(np.ones((rows, features), dtype=np.float32))
        keras_shapes = (*layer.kernel.shape, *output.shape)
        assert tuple(map(int, printed_shapes)) == keras_shapes
        # The inputs per row follow the data; the 32 outputs never move.
        assert layer.kernel.shape[0] == features and output.shape[-1] == 32
        rows_seen.add(rows)
    assert len(rows_seen) > 1, "the program must vary the number of samples"


def test_dimension_is_both_the_features_and_the_number_of_axes():
    out = printed("answer/dimension.py")
    found = re.findall(
        r"shape \(([\d, ]+)\), axes \(ndim\) (\d), features \(shape\[-1\]\) (\d+)",
        out,
    )
    assert len(found) == 3
    for shape, ndim, features in found:
        shape = tuple(int(n) for n in shape.split(","))
        array = np.ones(shape)
        assert (array.ndim, array.shape[-1]) == (int(ndim), int(features))
    # The page's claim: for the question's X both happen to be 2, then they part.
    assert found[0][1:] == ("2", "2") and found[1][1] != found[1][2]


def test_a_later_layers_input_dim_is_ignored_with_only_a_warning():
    import warnings

    import keras
    from keras import layers

    keras.backend.clear_session()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = keras.Sequential()
        model.add(layers.Dense(32, input_dim=2))
        model.add(layers.Activation("softmax"))
        model.add(layers.Dense(1, input_dim=999))
        model.add(layers.Activation("sigmoid"))
    assert tuple(model.layers[2].kernel.shape) == (32, 1)
    assert model.count_params() == question_model().count_params() == 129
    warned = [w for w in caught if "input_dim" in str(w.message)]
    run = captured("answer/later_input_dim.py")
    assert run.exit_status == 0
    # Each Dense layer's kernel as Keras built it (the second's input_dim=999 is
    # ignored), as the run printed them.
    kernels = [
        f"{layer.name}: kernel {tuple(layer.kernel.shape)}"
        for layer in model.layers
        if layer.weights
    ]
    assert run.stdout.splitlines()[: len(kernels)] == kernels
    assert f"parameters: {model.count_params()}" in run.stdout
    # Keras warns for both layers; Python prints a warning from the same line once.
    assert len(warned) == 2
    assert run.stderr.count("UserWarning: Do not pass") == 1


def test_y_is_a_column_like_the_output_and_a_flat_y_gives_the_same_loss():
    import keras

    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    y = np.array([[0], [0], [0], [1]], dtype=np.float32)
    keras.utils.set_random_seed(0)
    model = question_model()
    assert model.predict(X, verbose=0).shape == y.shape == (4, 1)
    losses = []
    for labels in (y, y.ravel()):
        model.compile(loss="binary_crossentropy")
        losses.append(model.evaluate(X, labels, verbose=0))
    assert losses[0] == pytest.approx(losses[1], abs=1e-6)
    out = printed("answer/y_shape.py")
    printed_losses = re.findall(r"y of shape \(4,(?: 1)?\): loss (\d\.\d{4})", out)
    assert printed_losses == [f"{loss:.4f}" for loss in losses]
