"""After training (docs/after-training.md): what the trained model says when asked,
proven against its captured runs. Each program trains the network as
docs/training.md does (tests/pages/test_training.py holds that page)."""

import math
import re

import numpy as np
import pytest

from tests.helpers import (
    logged_losses,
    page_prose,
    page_text,
    printed,
    printed_predictions,
    question_model,
    section_anchors,
)

TRAIN = "training/train.py"
ANCHORS = ["evaluate-after-fit", "predict-classes", "hidden-values", "batches"]


@pytest.mark.parametrize("page", ["after-training.md", "after-training.zh.md"])
def test_the_sections_keep_their_anchors_and_the_training_page_points_here(page):
    assert section_anchors(page) == ANCHORS
    training = page_text(page.replace("after-training", "training"))
    assert "(after-training.md#evaluate-after-fit)" in training
    assert "(after-training.md)" in training


def test_evaluate_after_fit_measures_the_weights_after_the_last_step():
    out = printed("training/evaluate_after_fit.py")
    before, logged, after = (
        float(v) for v in re.findall(r": +(\d\.\d{4})$", out, re.M)
    )
    assert before == logged == logged_losses(printed(TRAIN))[-1]
    assert after < logged
    for page in ("after-training.md", "after-training.zh.md"):
        prose = page_prose(page)
        assert f"{logged:.4f}" in prose and f"{after:.4f}" in prose


def test_classes_are_the_thresholded_probabilities_of_this_training():
    model = question_model()
    assert not hasattr(model, "predict_classes")
    out = printed("training/predict_classes.py")
    assert f"Keras 3 has predict_classes: {hasattr(model, 'predict_classes')}" in out
    assert "tf-keras has predict_classes: False" in out
    rows = re.findall(r"probability (\d\.\d{4})  class (\d)$", out, re.M)
    assert [int(c) for _, c in rows] == [int(float(p) > 0.5) for p, _ in rows]
    assert [int(c) for _, c in rows] == [0, 0, 0, 1]  # the targets: AND
    # The same training as train.py: the same four predictions.
    trained = printed_predictions(printed(TRAIN))
    assert [p for p, _ in rows] == trained


def test_the_hidden_values_of_one_sample_share_a_total_of_1():
    units = question_model().layers[0].units
    out = printed("training/hidden_values.py")
    assert f"hidden values of [1, 1]: (1, {units})" in out
    body = out.split("\n", 1)[1].split("sum:")[0]
    values = [float(v) for v in re.findall(r"\d\.\d+e[-+]\d+", body)]
    values.sort(reverse=True)
    assert len(values) == units and all(v > 0 for v in values)
    assert abs(sum(values) - 1) < 1e-3 and "sum: 1.0000" in out
    assert sum(values[:3]) > 0.5  # a few of them take most of it


def test_fit_and_predict_go_through_1000_rows_in_batches_of_32():
    import keras

    class Count(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.rows = []

        def on_predict_batch_end(self, batch, logs=None):
            self.rows.append(len(logs["outputs"]))

    X = np.zeros((1000, 2), dtype=np.float32)
    layer = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8)])
    count, hundreds = Count(), Count()
    assert layer.predict(X, verbose=0, callbacks=[count]).shape == (1000, 8)
    layer.predict(X, batch_size=100, verbose=0, callbacks=[hundreds])
    default = count.rows[0]
    batches = math.ceil(len(X) / default)
    assert count.rows == [default] * (batches - 1) + [len(X) - default * (batches - 1)]
    out = printed("training/batches.py")
    assert (
        f"Dense(32), batch_size={default}:\n  {batches} batches of ({default}, 32), "
        f"the last ({count.rows[-1]}, 32)\n  predict returns them together: (1000, 32)"
    ) in out
    # The default batch size is not Dense's units: 8 units, the same batches.
    assert f"{batches} batches of ({default}, 8), the last ({count.rows[-1]}, 8)" in out
    rows = hundreds.rows
    assert f"{len(rows)} batches of ({rows[0]}, 32), the last ({rows[-1]}, 32)" in out
    assert f"fit, 1 epoch of 1000 rows: {batches} steps" in out
    # The question page's exercise says predict joins batches, and links here.
    for page in ("index.md", "index.zh.md"):
        assert "(after-training.md#batches)" in page_text(page)
    assert "Only the batch axis of its output" not in page_text("index.md")
