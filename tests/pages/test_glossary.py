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
