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
    page_text,
    printed,
    question_model,
    section_anchors,
    summary_rows,
    summary_text,
)

ANCHORS = ["functional", "backends"]


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


def test_keras_reads_the_backend_at_import_and_set_backend_switches_it_later():
    import keras

    assert callable(keras.config.set_backend)
    # The run that switches: TensorFlow first, then JAX in the same process.
    out = printed_or_warned("one_step/loss_backends.py")
    assert re.findall(r"^(\w+): prediction", out, re.M) == ["tensorflow", "jax"]
    for page, says in (
        ("other_ways.md", "keras.config.set_backend"),
        ("other_ways.zh.md", "keras.config.set_backend"),
    ):
        text = page_text(page)
        assert says in text and "(one-step.md#forward-and-loss)" in text
    assert "reads the backend once" not in page_text("other_ways.md")
    assert "只在第一次被导入时读取一次" not in page_text("other_ways.zh.md")


def printed_or_warned(snippet):
    """stdout of a run that may warn on stderr (set_backend does)."""
    from tests.helpers import captured

    run = captured(snippet)
    assert run.exit_status == 0
    return run.stdout
