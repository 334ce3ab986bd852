"""The answer page (docs/answer.md): what it rests on, derived from a real Keras
model rather than typed, and what it shows."""

import re

import numpy as np
import pytest

from densedocs.capture.store import read_capture
from tests.conftest import ROOT
from tests.helpers import captured, page_text, question_model, summary_rows


@pytest.fixture(scope="module")
def model():
    with pytest.warns(UserWarning, match="input_dim"):
        return question_model("input_dim")


def test_the_summary_shows_each_layers_count_and_the_batch_axis(model):
    expected = [
        (layer.name, str((None, *layer.output.shape[1:])), layer.count_params())
        for layer in model.layers
    ]
    summary = read_capture(ROOT, "answer/summary.py").stdout
    assert summary_rows(summary) == expected
    assert [w.shape for w in model.weights] == [(2, 32), (32,), (32, 1), (1,)]
    for layer in model.layers:
        if layer.weights:
            inputs, units = layer.kernel.shape
            assert layer.count_params() == inputs * units + units
    total = model.count_params()
    bytes_per_value = np.dtype(model.weights[0].dtype).itemsize  # float32: 4
    assert (total, bytes_per_value) == (129, 4)
    assert f"Total params: {total} ({total * bytes_per_value:.2f} B)" in summary


def test_the_keras_input_form_is_the_same_network(model):
    modern = question_model()
    assert [w.shape for w in modern.weights] == [w.shape for w in model.weights]
    assert modern.count_params() == model.count_params()


def test_the_question_as_asked_fails_on_todays_keras():
    run = read_capture(ROOT, "question/as_asked.py")
    assert run.exit_status == 1
    assert run.stderr.rstrip().endswith(
        "ModuleNotFoundError: No module named 'keras.layers.core'"
    )


def test_the_answer_page_shows_both_diagrams_at_their_size():
    page = re.sub(r"\s+", " ", page_text("answer.md"))
    for name, size in (("network", (720, 687)), ("kernel", (720, 296))):
        image = re.search(
            rf"!\[([^\]]+)\]\(figures/diagrams/{name}\.svg\)"
            r'\{ width="(\d+)" height="(\d+)" \}',
            page,
        )
        assert image, name
        svg = captured(f"diagrams/{name}.py").files[f"{name}.svg"]
        width, height = re.search(
            r'<svg[^>]* width="(\d+)" height="(\d+)"', svg
        ).groups()
        assert (int(image[2]), int(image[3])) == size == (int(width), int(height))
    assert "calculator.md?input=2&units=32,1" in page
