"""The glossary (docs/glossary.md): what its entries say of Keras, derived from
Keras itself."""

import numpy as np


def test_sigmoid_squeezes_each_value_between_0_and_1():
    from keras import activations

    values = np.array([-10.0, -1.0, 0.0, 1.0, 10.0], dtype=np.float32)
    out = np.asarray(activations.sigmoid(values))
    assert np.all((out > 0) & (out < 1)) and np.all(np.diff(out) > 0)
    # each value on its own: the same value gives the same output in any row
    assert np.asarray(activations.sigmoid(values[2:3]))[0] == out[2]


def test_softmax_and_units_act_on_the_last_axis_as_the_entries_say():
    import keras

    from tests.helpers import page_prose

    # A sample of 10 rows: softmax sums each row of 32 to 1, the sample to 10.
    sample = np.random.default_rng(0).normal(size=(1, 10, 2)).astype(np.float32)
    dense = keras.layers.Dense(32)
    hidden = np.asarray(keras.activations.softmax(dense(sample)))
    assert hidden.shape == (1, 10, 32)
    assert np.allclose(hidden.sum(axis=-1), 1, atol=1e-6)
    assert abs(hidden.sum() - 10) < 1e-4
    for page in ("glossary.md", "glossary.zh.md"):
        prose = page_prose(page)
        assert "(10, 32)" in prose and "10" in prose
    english = page_prose("glossary.md")
    assert "all the values of a sample together" not in english
    assert "the last axis" in english
