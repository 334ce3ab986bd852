"""The glossary (docs/glossary.md): what its entries say of Keras, derived from
Keras itself."""

import re

import numpy as np


def test_the_question_s_outputs_lie_between_0_and_1_as_the_sigmoid_entry_says():
    """The entry: the question's last layer is a sigmoid, so every output it gives
    lies between 0 and 1 and reads as a probability. Held to the question's model
    and to the outputs the entry links to (check.md's forward pass, shown in both
    languages) and the trained ones (training/train.py)."""
    from tests.helpers import page_text, printed, printed_predictions, question_model

    assert question_model().layers[-1].get_config()["activation"] == "sigmoid"
    forward = re.search(
        r"^keras: \[([^\]]*)\]$", printed("check/forward_pass.py"), re.M
    )
    outputs = [float(value) for value in forward.group(1).split()]
    outputs += map(float, printed_predictions(printed("training/train.py")))
    assert len(outputs) == 8 and all(0 < value < 1 for value in outputs), outputs
    for page, says in (
        ("glossary.md", "between 0 and 1"),
        ("glossary.zh.md", "0 和 1 之间"),
    ):
        entry = page_text(page).split("{ #sigmoid }")[1].split("\n### ")[0]
        assert says in entry and "check.md#a-forward-pass-in-numpy" in entry, page
    for page in ("check.md", "check.zh.md"):
        section = page_text(page).split("{ #a-forward-pass-in-numpy }")[1]
        assert '"check/forward_pass.out"' in section.split("\n## ")[0], page


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
