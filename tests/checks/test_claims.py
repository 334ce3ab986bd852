"""Numbers in prose are claims (densedocs/checks/claims.py), in both languages; and
what the answer rests on, derived from a real Keras model rather than typed.

Rewording prose keeps these tests green; changing a number without its run turns
them red.
"""

import numpy as np
import pytest

from densedocs.capture.store import read_capture
from densedocs.checks.claims import check_claims
from densedocs.pages import page_files
from tests.conftest import ROOT
from tests.helpers import edit, joined, question_model, summary_rows


@pytest.mark.parametrize(
    "page", page_files(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_every_number_in_the_prose_holds_up(page):
    problems = check_claims(ROOT, page)
    assert not problems, "\n".join(problems)


# --- The check bites, in both languages (on copies) ------------------------------


@pytest.mark.parametrize(
    "page, old, new, reported",
    [
        (
            "answer.md",
            "0 = **129**",
            "0 = **130**",
            "96 + 0 + 33 + 0 = 130' is not true",
        ),
        ("answer.zh.md", "0 = **129**", "0 = **130**", "96 + 0 + 33 + 0 = 130' is not"),
        ("training.md", "about 0.68", "about 0.58", "0.58 is shown by no run"),
        ("training.zh.md", "约 0.68", "约 0.58", "0.58 is shown by no run"),
        ("questions.md", "`(4, 32)`", "`(44, 32)`", "#batch-none: 44 is shown by"),
        ("questions.zh.md", "`(4, 32)`", "`(44, 32)`", "#batch-none: 44 is shown"),
    ],
)
def test_a_number_changed_without_its_run(copy, page, old, new, reported):
    edit(copy / "docs" / page, old, new)
    problems = joined(check_claims(copy, copy / "docs" / page))
    assert f"docs/{page}, section #" in problems and reported in problems


def test_rewording_keeps_the_claims_true(copy):
    edit(copy / "docs/answer.md", "Each neuron produces", "Every neuron gives")
    edit(copy / "docs/answer.zh.md", "神经元", "单元")
    for page in ("answer.md", "answer.zh.md"):
        assert check_claims(copy, copy / "docs" / page) == []


def test_an_allowance_that_no_prose_uses(copy):
    edit(copy / "docs/questions.zh.md", '"9813":', '"9814": unused\n  "9813":')
    problems = joined(check_claims(copy, copy / "docs/questions.zh.md"))
    assert "front matter allows 9814, which the prose does not state" in problems


def test_a_cited_run_that_does_not_exist(copy):
    edit(copy / "docs/glossary.md", "training/train.py", "training/trains.py")
    problems = joined(check_claims(copy, copy / "docs/glossary.md"))
    assert "cites snippets/training/trains.py" in problems


# --- What the answer rests on, from Keras itself -----------------------------------


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


def test_the_checks_show_what_the_answer_claims():
    counted = read_capture(ROOT, "check/count_by_hand.py").stdout
    assert "dense         2·32 + 32 =  96   Keras says 96" in counted
    assert "total                   = 129   Keras says 129" in counted
    rows = read_capture(ROOT, "check/batch_size.py").stdout
    assert "X (4, 2) -> predictions (4, 1), parameters: 129" in rows
    assert "X (1000, 2) -> predictions (1000, 1), parameters: 129" in rows
    forward = read_capture(ROOT, "check/forward_pass.py").stdout
    assert "equal to 6 decimals: True" in forward


def test_the_question_as_asked_fails_on_todays_keras():
    run = read_capture(ROOT, "question/as_asked.py")
    assert run.exit_status == 1
    assert run.stderr.rstrip().endswith(
        "ModuleNotFoundError: No module named 'keras.layers.core'"
    )
