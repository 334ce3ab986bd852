"""The "Watch it learn" page's Keras side (docs/watch.md), held to Keras.

The page's script runs the question's network in the browser and compares itself
with what Keras computed: keras_runs.json (the seeded start weights, three logged
trainings) and stages.json (each layer's output for each row), both written by
their snippets and captured. Here those captures are held to train.py's capture,
to a fresh seeded Keras model, to a forward pass in numpy and to each other; and
one_step.py's training step by hand, the recipe the page's script follows line
by line, is held to one real Keras step and to the captured runs. The snippets'
own re-runs are tests/checks/test_snippets.py's.
"""

import json
import re
import runpy

import numpy as np
import pytest

from tests.conftest import ROOT
from tests.helpers import (
    calculator_model,
    captured,
    logged_losses,
    printed,
    printed_predictions,
)

TRAIN = "training/train.py"
RUNS, STAGES, ONE_STEP = "watch/keras_runs.py", "watch/stages.py", "watch/one_step.py"
WEIGHTS = ["kernel", "bias", "kernel_2", "bias_2"]  # model.weights' order
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
AND, XOR = [0, 0, 0, 1], [0, 1, 1, 0]
# The JSON writes trained values with 6 decimals: a value read back is within half
# a unit of its 6th decimal of Keras's float32, two of them within one unit.
SIX = 1e-6
# train.out logs 4 decimals of the same float the JSON holds with 6.
FOUR = 0.5e-4 + SIX / 2


def _json(snippet: str, filename: str) -> dict:
    return json.loads(captured(snippet).files[filename])


@pytest.fixture(scope="module")
def runs():
    return _json(RUNS, "keras_runs.json")


@pytest.fixture(scope="module")
def stages():
    return _json(STAGES, "stages.json")


@pytest.fixture(scope="module")
def one_step():
    """one_step.py's functions (its Keras part runs only as a program)."""
    return runpy.run_path(str(ROOT / "snippets" / ONE_STEP))


def _weights(values: dict) -> dict:
    """A run's or a start's weights from the JSON, as float32 arrays."""
    return {name: np.array(values[name], dtype=np.float32) for name in WEIGHTS}


def _seeded(units: int, activation: str):
    """The question's network with `units` hidden units, built as a snippet builds
    it in a new interpreter: right after keras.utils.set_random_seed(0)."""
    import keras

    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    hidden, out = (units, True, "float32", activation), (1, True, "float32", "sigmoid")
    return calculator_model(2, (hidden, out))


def _forward(w: dict, activation: str) -> dict:
    """Each layer's output for the 4 rows, in float32 numpy, by stage name."""
    h = X @ w["kernel"] + w["bias"]
    if activation == "softmax":
        e = np.exp(h - h.max(axis=1, keepdims=True))
        a = e / e.sum(axis=1, keepdims=True)
    else:
        a = np.maximum(h, 0)  # relu
    z = a @ w["kernel_2"] + w["bias_2"]
    return {"dense": h, activation: a, "dense_2": z, "sigmoid": 1 / (1 + np.exp(-z))}


def _mean_loss(z: np.ndarray, targets: list[int]) -> float:
    """Binary cross-entropy from the logits, the mean over the rows."""
    y = np.array(targets, dtype=np.float32).reshape(4, 1)
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def test_the_first_run_is_train_py_s_run(runs):
    first = runs["runs"][0]
    config = {k: first[k] for k in ("data", "units", "activation", "learning_rate")}
    assert config == {
        "data": "and",
        "units": 32,
        "activation": "softmax",
        "learning_rate": 0.1,
    }
    assert runs["inputs"] == X.astype(int).tolist()
    assert runs["datasets"] == {"and": AND, "or": [0, 1, 1, 1], "xor": XOR}
    out = printed(TRAIN)
    logged = logged_losses(out)
    assert first["epochs"] == len(first["losses"]) == len(logged) == 30
    for epoch, (ours, keras_logged) in enumerate(
        zip(first["losses"], logged, strict=True), 1
    ):
        assert abs(ours - keras_logged) <= FOUR, f"epoch {epoch}"
    predicted = [float(p) for p in printed_predictions(out)]
    assert len(predicted) == 4
    assert np.allclose(first["predictions"], predicted, rtol=0, atol=FOUR)


def test_the_printed_summary_is_the_json(runs):
    """What the page shows (keras_runs.out) says what its script reads."""
    rows = re.findall(
        r"^(\w+) +(\d+)  (\w+) +(\d+) +(\d\.\d{4}) (\d\.\d{4})  ([\d. ]+)$",
        printed(RUNS),
        re.M,
    )
    assert len(rows) == len(runs["runs"]) == 3
    for run, (data, units, activation, epochs, first, last, predictions) in zip(
        runs["runs"], rows, strict=True
    ):
        assert (run["data"], run["units"], run["activation"], run["epochs"]) == (
            data,
            int(units),
            activation,
            int(epochs),
        )
        assert abs(run["losses"][0] - float(first)) <= FOUR
        assert abs(run["losses"][-1] - float(last)) <= FOUR
        shown = [float(p) for p in predictions.split()]
        assert np.allclose(run["predictions"], shown, rtol=0, atol=FOUR)


def test_relu_learns_xor_sooner_than_softmax_and_both_end_right(runs):
    by_activation = {r["activation"]: r for r in runs["runs"] if r["data"] == "xor"}
    relu, softmax = by_activation["relu"], by_activation["softmax"]
    for run in (relu, softmax):
        assert run["units"] == 32 and run["learning_rate"] == 0.1
        assert len(run["losses"]) == run["epochs"]
        assert [round(p) for p in run["predictions"]] == XOR
        # The predictions are the trained weights' own.
        p = _forward(_weights(run["trained"]), run["activation"])["sigmoid"]
        assert np.allclose(p.ravel(), run["predictions"], rtol=0, atol=1e-5)

    def learned(run):  # the first epoch whose logged loss is below 0.1
        return next(i for i, loss in enumerate(run["losses"], 1) if loss < 0.1)

    assert learned(relu) < learned(softmax) < softmax["epochs"]
    # softmax first sits near log(2), the loss of predicting 1/2 everywhere
    assert all(abs(loss - np.log(2)) < 0.01 for loss in softmax["losses"][:5])
    assert relu["losses"][-1] < softmax["losses"][-1] < 0.05


def test_the_json_stays_small_for_the_page_that_inlines_it(runs):
    for name in ("keras_runs.json", "stages.json"):
        path = ROOT / "snippets" / "watch" / name
        assert path.stat().st_size < 60_000, name
    assert set(runs["starts"]) == {"1", "2", "4", "8", "16", "32", "64"}


def test_the_starts_are_fresh_seeded_weights_whatever_the_activation(runs):
    assert "the same with relu as with softmax: True" in printed(RUNS)
    for units, start in runs["starts"].items():
        for activation in ("softmax", "relu"):
            model = _seeded(int(units), activation)
            names = [w.path.split("/")[-1] for w in model.weights]
            assert names == ["kernel", "bias", "kernel", "bias"]
            for name, weight in zip(WEIGHTS, model.get_weights(), strict=True):
                written = np.array(start[name], dtype=np.float32)
                assert written.shape == weight.shape, (units, name)
                # the shortest decimals of each float32 give it back exactly
                assert np.array_equal(written, weight), (units, activation, name)


def test_every_run_starts_from_its_units_start(runs):
    """The first logged loss of each run is the loss of starts[units] under the
    run's activation: Keras logs the loss before the step's update."""
    for run in runs["runs"]:
        start = _weights(runs["starts"][str(run["units"])])
        z = _forward(start, run["activation"])["dense_2"]
        loss = _mean_loss(z, runs["datasets"][run["data"]])
        assert abs(loss - run["losses"][0]) <= SIX, run["activation"]
        trained = _weights(run["trained"])
        assert all(trained[n].shape == start[n].shape for n in WEIGHTS)


def test_the_start_stages_are_a_numpy_forward_pass_from_the_start(runs, stages):
    ours = _forward(_weights(runs["starts"]["32"]), "softmax")
    assert [row["input"] for row in stages["start"]] == X.astype(int).tolist()
    for i, row in enumerate(stages["start"]):
        for name in ("dense", "softmax", "dense_2", "sigmoid"):
            assert np.allclose(row[name], ours[name][i], rtol=0, atol=SIX), (i, name)


def test_every_softmax_row_sums_to_one(stages):
    for when in ("start", "trained"):
        for row in stages[when]:
            assert len(row["softmax"]) == len(row["dense"]) == 32
            assert len(row["dense_2"]) == len(row["sigmoid"]) == 1
            # 32 values, each rounded to 6 decimals
            assert abs(sum(row["softmax"]) - 1) <= 32 * SIX / 2 + SIX, (when, row)


def test_the_trained_stages_end_in_the_run_s_predictions(runs, stages):
    first = runs["runs"][0]
    sigmoid = [row["sigmoid"][0] for row in stages["trained"]]
    assert np.allclose(sigmoid, first["predictions"], rtol=0, atol=SIX)
    # stages.out's table (p) shows train.py's predictions
    shown = re.findall(r"^\[\d, \d\] .* (\d\.\d{4})$", printed(STAGES), re.M)
    trained_table = shown[4:]
    assert trained_table == printed_predictions(printed(TRAIN))
    # The page's forward pass from the JSON's trained weights (6 decimals each)
    # gives Keras's trained stages.
    ours = _forward(_weights(first["trained"]), "softmax")
    for i, row in enumerate(stages["trained"]):
        for name in ("dense", "softmax", "dense_2", "sigmoid"):
            assert np.allclose(row[name], ours[name][i], rtol=0, atol=5e-6), (i, name)


def test_one_step_by_hand_equals_one_keras_step(one_step):
    """The one short Keras run of this module: one epoch of fit, one Adam step."""
    import keras

    model = _seeded(32, "softmax")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="binary_crossentropy"
    )
    start = dict(zip(WEIGHTS, model.get_weights(), strict=True))
    y = np.array(AND, dtype=np.float32).reshape(4, 1)

    w = {name: start[name].copy() for name in WEIGHTS}
    m = {name: np.zeros_like(start[name]) for name in WEIGHTS}
    v = {name: np.zeros_like(start[name]) for name in WEIGHTS}
    by_hand = float(one_step["loss"](one_step["forward"](w, X)[2], y))
    g = one_step["gradients"](w, X, y)
    one_step["adam"](w, g, m, v, t=1)
    history = model.fit(X, y, epochs=1, batch_size=4, verbose=0)
    after = dict(zip(WEIGHTS, model.get_weights(), strict=True))

    assert abs(by_hand - history.history["loss"][0]) <= SIX
    for name in WEIGHTS:
        assert w[name].dtype == np.float32, name  # float32 throughout, as Keras
        apart = np.abs(w[name] - after[name])
        # float32 noise: a few units of the last bit of values up to 0.6 ...
        steep = np.abs(g[name]) > 1e-4
        assert apart[steep].max(initial=0) < 2e-7, name
        # ... more where the gradient is near 0, which Adam's first step
        # amplifies (epsilon / sqrt(1 - beta_2) is about 3e-6)
        assert apart.max() < 1e-5, name
    # and what one_step.out printed says so: the same loss, 6-decimal agreement
    out = printed(ONE_STEP)
    losses = re.search(r"by hand (\d\.\d{6}), Keras (\d\.\d{6})$", out, re.M)
    assert losses[1] == losses[2]
    assert abs(float(losses[1]) - history.history["loss"][0]) <= SIX
    rows = re.findall(
        r"^(\w+) +\([\d, ]+\) +(\d\.\d{4}) +(\d\.\d{4}) +(\d\.\d{6})$", out, re.M
    )
    assert [name for name, *_ in rows] == WEIGHTS
    assert all(float(diff) <= 1e-5 for *_, diff in rows)


def _gradients(one_step, w, y, activation):
    """one_step.py's gradients; for relu the same chain rule with relu's
    derivative (1 where h > 0, as TensorFlow's) in place of softmax's."""
    if activation == "softmax":
        return one_step["gradients"](w, X, y)
    stage = _forward(w, activation)
    dz = (stage["sigmoid"] - y) / len(X)
    dh = (dz @ w["kernel_2"].T) * (stage["dense"] > 0)
    return {
        "kernel": X.T @ dh,
        "bias": dh.sum(axis=0),
        "kernel_2": stage[activation].T @ dz,
        "bias_2": dz.sum(axis=0),
    }


@pytest.mark.parametrize(
    "index", [0, 1, 2], ids=["and-softmax", "xor-relu", "xor-softmax"]
)
def test_the_step_by_hand_repeated_retraces_keras_s_run(runs, one_step, index):
    """one_step.py's step, once per epoch from starts[units], logs Keras's losses
    and ends at its trained weights and predictions: what the page's script, which
    follows it, is held to in the browser."""
    run = runs["runs"][index]
    w = _weights(runs["starts"][str(run["units"])])
    m = {name: np.zeros_like(w[name]) for name in WEIGHTS}
    v = {name: np.zeros_like(w[name]) for name in WEIGHTS}
    y = np.array(runs["datasets"][run["data"]], dtype=np.float32).reshape(4, 1)
    losses = []
    for t in range(1, run["epochs"] + 1):
        z = _forward(w, run["activation"])["dense_2"]
        losses.append(float(one_step["loss"](z, y)))
        g = _gradients(one_step, w, y, run["activation"])
        one_step["adam"](w, g, m, v, t, learning_rate=run["learning_rate"])
    assert np.allclose(losses, run["losses"], rtol=0, atol=1e-5)
    p = _forward(w, run["activation"])["sigmoid"].ravel()
    assert np.allclose(p, run["predictions"], rtol=0, atol=1e-5)
    for name, trained in _weights(run["trained"]).items():
        assert np.allclose(w[name], trained, rtol=0, atol=1e-4), name
