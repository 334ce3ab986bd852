"""The why page (docs/why.md): each answer proven against Keras itself.

The models are built here, in real Keras, and what the page rests on (the parameter
counts, that activation= is an Activation layer folded in, that two linear layers
are one, that a softmax over one unit is the constant 1) is derived from them; the
captured runs must show it. The trained numbers are the snippets' own, re-run by
tests/test_snippets.py; here they are read from the captures and held to what the
prose says of them (which networks learn AND, which learn XOR).
"""

import math
import re

import numpy as np
import pytest

from tests.helpers import (
    captured,
    matplotlib_markers,
    matplotlib_size,
    page_prose,
    page_text,
    printed,
    section_anchors,
    summary_rows,
    summary_text,
)

ANCHORS = [
    "activation-argument",
    "hidden-layer-and-activation",
    "collapse",
    "and-is-linear",
    "xor",
    "choose-units",
    "exercises",
]
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
AND, XOR = [0, 0, 0, 1], [0, 1, 1, 0]
FLOATS = r"\[([-\d. ]+)\]"


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split()]


def _model(*layers_):
    import keras

    return keras.Sequential([keras.Input(shape=(2,)), *layers_])


@pytest.mark.parametrize("page", ["why.md", "why.zh.md"])
def test_every_section_has_its_anchor_in_both_languages(page):
    assert section_anchors(page) == ANCHORS


def test_activation_argument_is_an_activation_layer_folded_in():
    import keras
    from keras import layers

    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    folded = _model(
        layers.Dense(32, activation="softmax"),
        layers.Dense(1, activation="sigmoid"),
    )
    separate = _model(
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    separate.set_weights(folded.get_weights())
    a = folded.predict(X, verbose=0)
    identical = np.array_equal(a, separate.predict(X, verbose=0))
    assert identical
    assert folded.count_params() == separate.count_params() == 129
    default = layers.Dense(32)
    assert default.activation.__name__ == default.get_config()["activation"]

    out = printed("why/activation_argument.py")
    assert summary_rows(out) == summary_rows(summary_text(folded))
    assert [params for _, _, params in summary_rows(out)] == [96, 33]
    assert f"predictions: {' '.join(f'{p:.4f}' for p in a.ravel())}" in out
    assert f"identical: {identical}" in out
    assert f"parameters: {folded.count_params()} {separate.count_params()}" in out
    assert f"default activation: {default.activation.__name__}" in out


def test_two_dense_layers_without_activation_are_one():
    import keras
    from keras import layers

    keras.utils.set_random_seed(1)
    model = _model(layers.Dense(32), layers.Dense(1))
    k1, b1, k2, b2 = model.get_weights()
    single = _model(layers.Dense(1))
    single.set_weights([k1 @ k2, b1 @ k2 + b2])
    assert np.allclose(
        model.predict(X, verbose=0), single.predict(X, verbose=0), atol=1e-5
    )
    params = (model.count_params(), single.count_params())
    assert params == (129, 3)

    out = printed("why/collapse.py")
    assert f"parameters: {params[0]} -> {params[1]}" in out
    kernel, bias = (
        _floats(v) for v in re.search(rf"kernel: {FLOATS} bias: {FLOATS}", out).groups()
    )
    scores = out.split("scores", 1)[1]
    rows = np.array(re.findall(r"\[\s*(-?\d+\.\d+)\s+(-?\d+\.\d+)\]", scores), float)
    assert rows.shape == (4, 2)
    big, small = rows.T
    assert np.allclose(big, small, atol=2e-4)  # the last printed digit may differ
    # The printed kernel and bias compute the printed scores, and the scores say AND.
    assert np.allclose(X @ np.array(kernel) + bias[0], small, atol=1e-3)
    assert [int(s > 0) for s in small] == AND


def _trained_rows(out: str) -> dict[tuple[str, str], tuple[int, float, list[float]]]:
    """{(data, hidden activation): (parameters, final loss, predictions)}."""
    rows, data = {}, None
    for line in out.splitlines():
        if line.split()[0] in ("AND", "XOR"):
            data = line.split()[0]
            continue
        hidden, params, loss, *predictions = line.split()
        predictions = [float(p) for p in predictions]
        assert len(predictions) == 4, line
        rows[data, hidden] = (int(params), float(loss), predictions)
    return rows


def _accuracy(predictions, targets) -> float:
    right = [int(p > 0.5) == t for p, t in zip(predictions, targets, strict=True)]
    return float(np.mean(right))


def test_one_neuron_learns_and_only_a_nonlinear_hidden_layer_learns_xor():
    from keras import layers

    counts = {
        "none": _model(layers.Dense(1, activation="sigmoid")).count_params(),
        **{
            hidden: _model(
                layers.Dense(32),
                layers.Activation(hidden),
                layers.Dense(1, activation="sigmoid"),
            ).count_params()
            for hidden in ("linear", "softmax")
        },
    }
    assert counts == {"none": 3, "linear": 129, "softmax": 129}

    rows = _trained_rows(printed("why/and_xor.py"))
    assert set(rows) == {(d, h) for d in ("AND", "XOR") for h in counts}
    for (data, hidden), (params, loss, predictions) in rows.items():
        assert params == counts[hidden]
        if data == "AND" or hidden == "softmax":
            assert _accuracy(predictions, AND if data == "AND" else XOR) == 1.0
        else:  # linear on XOR: what answering 0.5 costs, and half right
            assert abs(loss - math.log(2)) < 0.01
            assert all(abs(p - 0.5) < 0.05 for p in predictions)
            assert _accuracy(predictions, XOR) == 0.5
    # The question's network on AND is the training page's: same seed, data, epochs.
    compared = printed("training/compare_activations.py")
    softmax = re.search(r"^softmax +129 +(\d\.\d+)", compared, re.M)[1]
    assert f"{rows['AND', 'softmax'][1]:.4f}" == softmax


def test_a_softmax_over_one_unit_is_always_one():
    from keras import layers

    scores = np.array([[-3.0], [0.0], [2.5], [40.0]], dtype=np.float32)
    with pytest.warns(UserWarning, match="always return the value 1"):
        out = layers.Activation("softmax")(scores)
    assert np.array_equal(np.asarray(out), np.ones((4, 1), dtype=np.float32))


def test_the_sweep_counts_4u_plus_1_and_says_who_fits():
    from keras import layers

    out = printed("why/choose_units.py")
    table = [tuple(line.split()) for line in out.splitlines()[1:]]
    widths = [int(units) for units, *_ in table]
    assert widths == [1, 2, 4, 8, 32, 128]
    losses = {}
    for units, params, loss, _right in table:
        units = int(units)
        model = _model(
            layers.Dense(units, activation="tanh"),
            layers.Dense(1, activation="sigmoid"),
        )
        assert int(params) == model.count_params() == 4 * units + 1
        losses[units] = float(loss)
    assert min(losses[1], losses[2]) > 0.3  # they fail
    right = {int(units): int(r) for units, _, _, r in table}
    assert right[1] < 4 and right[2] < 4
    assert all(right[u] == 4 for u in widths if u >= 4)
    assert max(losses[u] for u in widths if u >= 4) < 0.05  # the rest fit
    assert losses[128] > losses[32]


def test_the_sweep_plot_draws_every_width_at_its_size():
    svg = captured("why/choose_units.py").files["units_sweep.svg"]
    assert matplotlib_markers(svg) == 6  # one per width
    labels = set(re.findall(r">([^<>]+)</text>", svg))
    assert {"1", "2", "4", "8", "32", "128"} <= labels
    width, height = matplotlib_size(svg)
    for page in ("why.md", "why.zh.md"):
        shown = re.search(
            r"\(figures/why/units_sweep(?:\.zh)?\.svg\)"
            r"\{ width=\"(\d+)\" height=\"(\d+)\"",
            page_text(page),
        )
        assert abs(int(shown[1]) - width) <= 1
        assert abs(int(shown[2]) - height) <= 1


# --- The comparisons the prose makes, derived from the captures ------------------


def _sweep() -> dict[int, float]:
    table = [line.split() for line in printed("why/choose_units.py").splitlines()[1:]]
    return {int(units): float(loss) for units, _params, loss, _right in table}


def test_from_4_units_on_the_last_losses_lie_between_the_quoted_two():
    losses = _sweep()
    wide = {units: loss for units, loss in losses.items() if units >= 4}
    low, high = f"{min(wide.values()):.4f}", f"{max(wide.values()):.4f}"
    assert f"between {low} and {high}" in page_prose("why.md")
    assert f"在 {low} 到 {high} 之间" in page_prose("why.zh.md")
    # "close to 0 for 4, 8, 32 and 128 units" (the figure's alt text)
    assert sorted(wide) == [4, 8, 32, 128]
    assert all(loss < 0.05 for loss in wide.values())
    # "128 ends above 32"
    assert losses[128] > losses[32]


def test_the_collapsed_scores_say_and_three_below_zero_one_above():
    from keras import activations

    out = printed("why/collapse.py")
    scores = out.split("scores", 1)[1]
    rows = np.array(re.findall(r"\[\s*(-?\d+\.\d+)\s+(-?\d+\.\d+)\]", scores), float)
    small = rows[:, 1]
    assert (sum(small < 0), sum(small > 0)) == (3, 1)
    # A score below 0 means 0, above 0 means 1: the sigmoid of 0 is 0.5.
    assert float(activations.sigmoid(np.float32(0.0))) == 0.5
    assert [int(s > 0) for s in small] == AND


def test_the_single_neuron_has_the_highest_loss_on_and():
    rows = _trained_rows(printed("why/and_xor.py"))
    hidden = ("none", "linear", "softmax")
    losses = {h: rows["AND", h][1] for h in hidden}
    assert max(losses, key=losses.get) == "none"
