"""The other-ways page (docs/other_ways.md): the same network written with the
functional API and run on the JAX backend, proven against Keras itself.

The models are built here on TensorFlow (this process's backend) and their
summaries are compared with what the captured runs printed: the functional model's
row by row, the JAX run's against the TensorFlow model's.
"""

import re

import pytest

from densedocs.capture.runner import CHOOSES_BACKEND
from tests.conftest import ROOT
from tests.helpers import (
    printed,
    question_model,
    section_anchors,
    summary_rows,
    summary_text,
)

ANCHORS = [
    "functional",
    "backends",
    "pytorch",
    "pytorch-weight",
    "torch-backend",
    "pytorch-training",
]


@pytest.mark.parametrize("page", ["other_ways.md", "other_ways.zh.md"])
def test_every_section_has_its_anchor_in_both_languages(page):
    assert section_anchors(page) == ANCHORS


def test_the_functional_model_is_the_sequential_one_plus_its_input_row():
    import keras
    from keras import layers

    sequential = question_model()  # keras.Input first, in a fresh session
    sequential_rows = summary_rows(summary_text(sequential))
    keras.backend.clear_session()
    inputs = keras.Input(shape=(2,))
    hidden = layers.Activation("softmax")(layers.Dense(32)(inputs))
    output = layers.Activation("sigmoid")(layers.Dense(1)(hidden))
    functional = keras.Model(inputs, output)
    rows = summary_rows(summary_text(functional))

    out = printed("other_ways/functional.py")
    assert summary_rows(out) == rows
    assert f'Model: "{functional.name}"' in out and functional.name == "functional"
    assert rows[0] == ("input_layer", "(None, 2)", 0)
    assert rows[1:] == sequential_rows  # the one row Sequential leaves out
    assert type(functional.layers[0]).__name__ == "InputLayer"
    assert "InputLayer" not in {type(layer).__name__ for layer in sequential.layers}
    assert functional.count_params() == sequential.count_params() == 129
    assert f"Total params: {functional.count_params()} " in out


def test_the_jax_backend_prints_the_tensorflowsummary_text():
    import keras

    source = (ROOT / "snippets/other_ways/jax_backend.py").read_text()
    assert CHOOSES_BACKEND.search(source), "it must set KERAS_BACKEND before keras"
    assert keras.backend.backend() == "tensorflow"  # this process: the other one
    model = question_model()

    out = printed("other_ways/jax_backend.py")
    assert out.splitlines()[0] == "backend: jax"
    assert summary_rows(out) == summary_rows(summary_text(model))
    assert [params for _, _, params in summary_rows(out)] == [96, 0, 33, 0]
    assert f"Total params: {model.count_params()} " in out
    kernel = model.layers[0].kernel
    shape = tuple(kernel.shape)
    assert re.search(rf"^kernel: {re.escape(str(shape))} <class 'jax\w*\.", out, re.M)
    # The prose's PyTorch pointer: the same 2·32 = 64 weights, stored transposed.
    assert shape == (2, 32) and shape[0] * shape[1] == 64
