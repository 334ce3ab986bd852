"""The training page's claims, proven against its captured runs."""

import math
import re

from densedocs.capture.store import written_file
from tests.conftest import ROOT
from tests.helpers import (
    captured,
    logged_losses,
    matplotlib_markers,
    matplotlib_size,
    page_prose,
    page_text,
    printed,
    question_model,
)

TRAIN = "training/train.py"


def test_the_log_has_one_line_per_epoch_the_program_asks_for():
    epochs = int(re.search(r"epochs=(\d+)", (ROOT / "snippets" / TRAIN).read_text())[1])
    log = printed(TRAIN)
    assert len(logged_losses(log)) == epochs
    assert f"Epoch {epochs}/{epochs}" in log


def test_training_learns_and_the_predictions_match_the_targets():
    out = printed(TRAIN)
    losses = logged_losses(out)
    assert losses[-1] < losses[0] / 5
    rows = re.findall(r"target (\d)  prediction (\d\.\d+)", out)
    assert [t for t, _ in rows] == ["0", "0", "0", "1"]
    assert all(round(float(p)) == int(t) for t, p in rows)
    shapes = re.findall(r"shape (\([\d, ]*\))", out)
    assert shapes == ["(2, 32)", "(32,)", "(32, 1)", "(1,)"]


def test_the_loss_curve_draws_every_epoch_at_its_own_size():
    run = captured(TRAIN)
    svg = run.files["loss_curve.svg"]
    assert matplotlib_markers(svg) == len(logged_losses(run.stdout))  # one per epoch
    image = re.search(
        r"!\[[^\]]+\]\(figures/training/loss_curve\.svg\)(.*)", page_text("training.md")
    )
    attributes = image[1]
    width, height = matplotlib_size(svg)
    shown = re.search(r'width="(\d+)" height="(\d+)"', attributes)
    assert abs(int(shown[1]) - width) <= 1 and abs(int(shown[2]) - height) <= 1
    assert written_file(ROOT, TRAIN, "loss_curve.svg").is_file()


def test_softmax_makes_the_hidden_outputs_sum_to_one():
    # The question's 4 rows, each spread over the hidden layer's units.
    units = question_model().layers[0].units
    out = printed("training/softmax_hidden.py")
    assert f"hidden outputs per sample: (4, {units})" in out
    sums = re.search(r"^sums: +\[([\d. ]+)\]$", out, re.M)[1].split()
    assert [float(s) for s in sums] == [1.0] * 4
    smallest, largest = re.findall(r"^(?:smallest|largest): +\[([\d. ]+)\]", out, re.M)
    assert smallest.split()[0] == largest.split()[0] == f"{1 / units:.4f}"


def test_relu_and_tanh_learn_faster_with_the_same_129_parameters():
    out = printed("training/compare_activations.py")
    rows = {
        name: (int(params), float(loss))
        for name, params, loss in re.findall(r"^(\w+) +(\d+) +(\d\.\d+)  ", out, re.M)
    }
    assert set(rows) == {"softmax", "relu", "tanh"}
    assert {params for params, _ in rows.values()} == {129}
    assert rows["relu"][1] < 0.01 and rows["tanh"][1] < 0.01 < rows["softmax"][1]


def test_the_learning_rate_is_a_hundred_times_adams_default():
    import inspect

    import keras

    default = inspect.signature(keras.optimizers.Adam).parameters["learning_rate"]
    assert default.default == 0.001
    assert "Adam(learning_rate=0.1)" in (ROOT / "snippets" / TRAIN).read_text()


def test_after_training_the_summary_counts_adams_variables_too():
    import keras

    model = question_model()
    model.compile(optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy")
    model.optimizer.build(model.trainable_variables)
    slots = sum(math.prod(v.shape) for v in model.optimizer.variables)
    params = model.count_params()
    assert (params, slots) == (129, 2 * 129 + 2)  # momentum, velocity; step, rate
    out = printed("training/summary_after_fit.py")
    assert f"Total params: {params + slots} (1.52 KB)" in out
    assert f"Trainable params: {params} (516.00 B)" in out
    assert f"Optimizer params: {slots} (1.02 KB)" in out
    assert f"count_params(): {params}" in out


def test_accuracy_counts_a_prediction_above_one_half_as_1():
    import keras

    accuracy = keras.metrics.BinaryAccuracy()
    assert accuracy.threshold == 0.5
    accuracy.update_state([[1], [1], [0]], [[0.5001], [0.5], [0.4999]])
    assert abs(float(accuracy.result()) - 2 / 3) < 1e-6  # 0.5 itself counts as 0


def test_the_page_says_what_the_run_shows_and_gives_the_convention_its_sources():
    for page in ("training.md", "training.zh.md"):
        text = page_text(page)
        assert "which\nis why hidden layers usually use" not in text
        assert "d2l.ai/chapter_multilayer-perceptrons/mlp.html" in text
        assert "proceedings.mlr.press/v15/glorot11a.html" in text
    out = printed("training/compare_activations.py")
    last = dict(re.findall(r"^(\w+) +\d+ +(\d\.\d+)  ", out, re.M))
    prose = page_prose("training.md")
    assert f"last loss of {last['relu']}" in prose and last["relu"] == last["tanh"]
    assert f"softmax network's is {last['softmax']}" in prose
