"""Beyond Dense (docs/beyond-dense.md): the counts around a Dense layer, each proven
against Keras itself, as tests/pages/test_counting.py proves the Dense layer's own.
The page's snippets live in snippets/questions/, with the counting page's."""

import math
import re
import warnings

import pytest

from tests.helpers import (
    model_input,
    page_text,
    printed,
    question_model,
    section_anchors,
    sequential,
    summary_rows,
    summary_text,
)

ANCHORS = ["yes-no-output", "other-layers", "embedding-input-dim", "quantize-lora"]


@pytest.mark.parametrize("page", ["beyond-dense.md", "beyond-dense.zh.md"])
def test_the_sections_keep_their_anchors_and_the_counting_page_points_here(page):
    assert section_anchors(page) == ANCHORS
    counting = page.replace("beyond-dense", "counting")
    assert "(beyond-dense.md)" in page_text(counting)


def test_one_sigmoid_unit_or_two_softmax_units_for_yes_or_no():
    import keras

    counts = {}
    for units, activation in ((1, "sigmoid"), (2, "softmax")):
        model = sequential(
            model_input(),
            keras.layers.Dense(32),
            keras.layers.Activation("softmax"),
            keras.layers.Dense(units, activation=activation),
        )
        counts[units] = (model.layers[-1].count_params(), model.count_params())
    assert counts == {1: (33, 129), 2: (66, 162)}
    out = printed("questions/yes_no_output.py")
    for (output, total), loss in zip(
        counts.values(),
        ("binary_crossentropy", "sparse_categorical_crossentropy"),
        strict=True,
    ):
        assert f"{output} output params, {total} in all\n  loss: {loss}" in out
    # Both learn AND: yes for [1, 1] only.
    assert out.count("yes: [0 0 0 1]") == 2


def test_the_other_rows_count_as_the_page_counts_them_by_hand():
    out = printed("questions/other_layers.py")
    checked = re.findall(r"^(\w+) +(.+?) += +(\d+)  Keras: (\w+)$", out, re.M)
    assert [name for name, *_ in checked] == [
        "embedding",
        "lstm",
        "dense",
        "conv2d",
        "flatten",
        "dropout",
        "dense_1",
    ]
    assert all(same == "True" for *_, same in checked)
    # The summary's own rows say the same counts.
    rows = {name: count for name, _shape, count in summary_rows(out)}
    assert {name: rows[f"{name}"] for name, *_ in checked} == {
        name: int(count) for name, _formula, count, _ in checked
    }
    # The by-hand formulas hold for other sizes too, in real Keras.
    import keras

    lstm = keras.layers.LSTM(5)
    lstm.build((None, 7, 3))
    assert lstm.count_params() == 4 * (3 + 5 + 1) * 5
    conv = keras.layers.Conv2D(4, kernel_size=2)
    conv.build((None, 9, 9, 3))
    assert conv.count_params() == 2 * 2 * 3 * 4 + 4


def test_quantized_and_lora_layers_count_as_the_page_says():
    from keras import layers

    quantized = question_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantized.quantize("int8")
    first = quantized.layers[0]
    assert first.kernel.dtype == "int8"
    assert quantized.count_params() == 162
    trainable = sum(math.prod(w.shape) for w in quantized.trainable_weights)
    assert trainable == 33
    lora = sequential(
        model_input(),
        layers.Dense(32, lora_rank=4),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    )
    frozen = sum(math.prod(w.shape) for w in lora.non_trainable_weights)
    assert (lora.count_params(), lora.layers[0].count_params(), frozen) == (
        265,
        232,
        64,
    )
    # The run shows Keras's own totals of both models (derived here, not typed),
    # the quantized model's first.
    totals = [
        line.strip()
        for model in (quantized, lora)
        for line in summary_text(model).splitlines()
        if "params:" in line
    ]
    out = printed("questions/quantize_lora.py")
    shown = [line.strip() for line in out.splitlines() if "params:" in line]
    assert shown == totals


def test_embedding_input_dim_is_the_vocabulary_not_the_features():
    import keras
    import numpy as np

    embedding = keras.layers.Embedding(input_dim=100, output_dim=8)
    ids = np.zeros((4, 10), dtype="int32")
    out = embedding(ids)
    # The table has one row per id; the 10 ids of a sample appear nowhere in it.
    assert tuple(embedding.embeddings.shape) == (100, 8)
    assert embedding.count_params() == 100 * 8
    assert tuple(out.shape) == (4, 10, 8)
    run = printed("questions/embedding.py")
    assert f"table (100, 8) ({embedding.count_params()} parameters)" in run
    assert f"output {tuple(out.shape)}" in run
    low, high = map(int, re.search(r"from (\d+) to (\d+)", run).groups())
    assert 0 <= low <= high < embedding.input_dim
    # The text model the section points to uses that very layer.
    assert "layers.Embedding(input_dim=100, output_dim=8)" in (
        captured_source("questions/other_layers.py")
    )


def captured_source(snippet):
    from tests.conftest import ROOT

    return (ROOT / "snippets" / snippet).read_text(encoding="utf-8")
