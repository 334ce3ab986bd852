"""The then-and-now page's claims, proven against its captured runs."""

import re

import pytest

from densedocs.layout import VERSIONS, read_manifest
from tests.conftest import ROOT
from tests.helpers import (
    captured,
    page_text,
    printed,
    question_model,
    summary_rows,
    summary_text,
)


def test_the_code_as_asked_stops_at_its_import():
    run = captured("question/as_asked.py")
    assert run.exit_status == 1 and run.stdout == ""
    assert "from keras.layers.core import Dense, Activation" in run.stderr
    assert run.stderr.endswith("No module named 'keras.layers.core'\n")


def test_the_smallest_fix_warns_and_the_keras3_form_does_not():
    assert "UserWarning: Do not pass an `input_shape`/`input_dim`" in (
        captured("answer/summary.py").stderr
    )
    modern = captured("then_and_now/keras3_input.py")
    assert modern.stderr == "" and modern.exit_status == 0
    assert modern.stdout == captured("answer/summary.py").stdout


def test_keras2_and_keras3_print_the_same_counts_in_different_units():
    keras3 = printed("then_and_now/keras3_input.py")
    keras2 = printed("then_and_now/keras2_summary.py")
    # Keras 3's own summary of the question's model, in a fresh session.
    summary = summary_text(question_model())
    assert summary_rows(keras3) == summary_rows(keras2) == summary_rows(summary)
    total = re.search(r"Total params: .*\)", summary)[0]
    assert total in keras3
    # The same count and the same number of bytes, in other units.
    count, size = re.search(r"Total params: (\d+) \(([\d.]+) B\)", total).groups()
    assert f"Total params: {count} ({size} Byte)" in keras2
    assert "┏" in keras3 and "┏" not in keras2 and "=" * 20 in keras2


def test_the_quoted_2017_output_counted_names_from_one():
    quote = (ROOT / "snippets/then_and_now/accepted_answer.quote").read_text()
    assert summary_rows(quote) == [
        ("dense_1", "(None, 32)", 96),
        ("activation_1", "(None, 32)", 0),
        ("dense_2", "(None, 1)", 33),
        ("activation_2", "(None, 1)", 0),
    ]
    assert "Byte" not in quote and " B)" not in quote


def test_the_page_names_the_tf_keras_that_ran():
    versions = read_manifest(ROOT)[VERSIONS]
    box = (ROOT / "snippets/captured_with.md").read_text()
    assert f"tf-keras {versions['tf_keras']}" in box
    page = page_text("then_and_now.md")
    assert "516.00 B" in page and "516.00 Byte" in page and "dense_2" in page


def test_the_leftovers_of_keras_1_and_2_are_refused_and_replaced():
    import keras
    from keras import layers

    for attempt in (
        lambda: layers.Dense(output_dim=32),
        lambda: layers.Dense(32.0),
        lambda: keras.Sequential([layers.Dense(32, batch_input_shape=(4, 2))]),
    ):
        with pytest.raises((TypeError, ValueError)):
            attempt()
    model = keras.Sequential([keras.Input(batch_shape=(4, 2)), layers.Dense(32)])
    assert model.output_shape == (4, 32)
    out = printed("then_and_now/leftovers.py")
    assert "accepted" not in out
    assert out.count("Error: ") == 3
    assert f"keras.Input(batch_shape=(4, 2)) -> {model.output_shape}" in out
