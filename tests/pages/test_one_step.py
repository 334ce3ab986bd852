"""The one-step page (docs/one-step.md): where the loss is computed from z, and where
not, derived from Keras itself and held to the captured run on both backends."""

import math
import re

import numpy as np

from tests.helpers import captured, page_prose


def test_tensorflow_computes_the_loss_from_z_and_the_page_says_it_is_tensorflows():
    import keras

    assert keras.config.backend() == "tensorflow"
    model = keras.Sequential(
        [
            keras.Input(shape=(1,)),
            keras.layers.Dense(1, kernel_initializer="ones"),
            keras.layers.Activation("sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy")
    x, y = np.array([[40.0]], "float32"), np.array([[0.0]], "float32")
    loss = model.evaluate(x, y, verbose=0)
    # log(1 + e^40): the exact cross-entropy, which only z can give.
    assert loss == math.log1p(math.exp(40.0)) == 40.0
    run = captured("one_step/loss_backends.py")
    assert run.exit_status == 0
    shown = r"^(\w+): prediction 1\.0\n  loss (\d+\.\d+)$"
    losses = dict(re.findall(shown, run.stdout, re.M))
    assert losses["tensorflow"] == f"{loss:.4f}"
    # On JAX the prediction, clipped by Keras's epsilon, is what the loss sees.
    epsilon = keras.config.epsilon()
    clipped = -math.log(1 - float(np.float32(1 - epsilon)))
    assert losses["jax"] == f"{clipped:.4f}" != losses["tensorflow"]
    assert "set_backend" in run.stderr
    for page in ("one-step.md", "one-step.zh.md"):
        prose = page_prose(page)
        assert "TensorFlow" in prose and losses["jax"] in prose
        assert losses["tensorflow"] in prose


def test_neurons_that_start_equal_stay_one_neuron_and_random_starts_differ():
    import keras

    from densedocs.capture.store import read_capture
    from tests.conftest import ROOT

    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    XOR = [0, 1, 1, 0]
    # Derived here: with every weight equal, all 32 columns get the same step.
    keras.utils.set_random_seed(0)
    start = keras.initializers.Constant(0.5)
    hidden = keras.layers.Dense(32, activation="tanh", kernel_initializer=start)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            hidden,
            keras.layers.Dense(1, activation="sigmoid", kernel_initializer=start),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy")
    model.fit(X, np.array(XOR), epochs=5, verbose=0)
    kernel = hidden.kernel.numpy()
    assert np.allclose(kernel, kernel[:, :1])
    # The captured 200 epochs: 1 distinct column and 0.5 everywhere, against 32
    # columns and XOR solved from Keras's random start.
    out = read_capture(ROOT, "why/same_start.py").stdout
    rows = re.findall(r"^(.+?) {2,}(\d+)  ([\d. ]+)$", out, re.M)
    assert [(name.strip(), int(n)) for name, n, _ in rows] == [
        ("random (Glorot)", 32),
        ("all 0.5", 1),
    ]
    random_p, equal_p = ([float(v) for v in p.split()] for *_, p in rows)
    assert [round(p) for p in random_p] == XOR
    assert equal_p == [0.5] * 4
