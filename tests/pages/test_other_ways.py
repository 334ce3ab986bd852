"""The other-ways page (docs/other_ways.md): the same network written with the
functional API, run on the JAX and torch backends, and written in PyTorch, proven
against Keras and PyTorch themselves.

The models are built here on TensorFlow (this process's backend) and their
summaries are compared with what the captured runs printed: the functional model's
row by row, the JAX run's against the TensorFlow model's.
"""

import json
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from densedocs.capture.environment import subprocess_env
from densedocs.capture.runner import CHOOSES_BACKEND, needs_own_interpreter
from tests.conftest import ROOT
from tests.helpers import (
    logged_losses,
    page_text,
    printed,
    printed_predictions,
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


def printed_on_another_backend(snippet: str, backend: str):
    """What a snippet that runs the question's model on another backend printed,
    held to the summary Keras prints on TensorFlow here; with that model."""
    import keras

    source = (ROOT / "snippets" / snippet).read_text()
    assert CHOOSES_BACKEND.search(source), "it must set KERAS_BACKEND before keras"
    assert keras.backend.backend() == "tensorflow"  # this process: the other one
    model = question_model()

    out = printed(snippet)
    assert out.splitlines()[0] == f"backend: {backend}"
    assert summary_rows(out) == summary_rows(summary_text(model))
    assert [params for _, _, params in summary_rows(out)] == [96, 0, 33, 0]
    assert f"Total params: {model.count_params()} " in out
    return out, model


def test_the_jax_backend_prints_the_tensorflowsummary_text():
    out, model = printed_on_another_backend("other_ways/jax_backend.py", "jax")
    shape = tuple(model.layers[0].kernel.shape)
    assert re.search(rf"^kernel: {re.escape(str(shape))} <class 'jax\w*\.", out, re.M)
    # The prose's PyTorch pointer: the same 2·32 = 64 weights, stored transposed.
    assert shape == (2, 32) and shape[0] * shape[1] == 64


# --- In PyTorch (#pytorch) --------------------------------------------------------
#
# What the section says about PyTorch is derived from PyTorch itself, about Keras
# from Keras. PyTorch runs only in interpreters of its own (`torch_facts`): in a
# process that has loaded TensorFlow, as this one has, importing triton (torch.optim
# does) crashes it. The snippets that import torch get their own interpreter for the
# same reason (densedocs/capture/runner.py); the tests below check that they do.

TORCH_SNIPPETS = sorted(
    p.relative_to(ROOT / "snippets").as_posix()
    for p in (ROOT / "snippets/other_ways").glob("torch_*.py")
)
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)


def torch_facts(code: str) -> dict:
    """Run `code` (which sets `facts`, a dict) in a fresh interpreter with torch
    imported and the capture environment; its facts, as JSON."""
    program = "import json\nimport torch\nfrom torch import nn\n"
    program += textwrap.dedent(code) + "\nprint(json.dumps(facts))\n"
    proc = subprocess.run(
        [sys.executable, "-c", program],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_the_torch_snippets_are_the_four_the_page_shows():
    assert TORCH_SNIPPETS == [
        "other_ways/torch_backend.py",
        "other_ways/torch_from_keras.py",
        "other_ways/torch_model.py",
        "other_ways/torch_train.py",
    ]
    for page in ("other_ways.md", "other_ways.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        for name in TORCH_SNIPPETS:
            assert f'--8<-- "{name}"' in text, (page, name)


@pytest.mark.parametrize("name", TORCH_SNIPPETS)
def test_each_torch_snippet_runs_in_an_interpreter_of_its_own(name):
    code = (ROOT / "snippets" / name).read_text(encoding="utf-8")
    assert needs_own_interpreter(code)
    # The bite: without its torch import (and backend), the runner would run it
    # here, next to TensorFlow.
    bare = re.sub(r"^(import torch|from torch .*)$", "", code, flags=re.M)
    assert not needs_own_interpreter(CHOOSES_BACKEND.sub("", bare))
    assert "torch" not in sys.modules  # no test of this session loaded it here


def test_pytorch_counts_the_questions_network_as_keras_does():
    facts = torch_facts(
        """
        model = nn.Sequential(
            nn.Linear(2, 32), nn.Softmax(dim=1), nn.Linear(32, 1), nn.Sigmoid()
        )
        facts = {
            "version": torch.__version__,
            "parameters": [
                [name, list(p.shape), p.numel()]
                for name, p in model.named_parameters()
            ],
            "repr": repr(model),
            "output": repr(model(torch.zeros(4, 2)).shape),
        }
        """
    )
    out = printed("other_ways/torch_model.py")
    assert out.splitlines()[0] == f"PyTorch {facts['version']}"
    assert facts["version"].startswith("2.14.1+")  # the pin, a CUDA build
    assert facts["repr"] in out
    printed_params = re.findall(
        r"^(\S+) +torch\.Size\(\[([\d, ]+)\]\) +(\d+)$", out, re.M
    )
    assert [
        (name, [int(n) for n in shape.split(", ")], int(count))
        for name, shape, count in printed_params
    ] == [tuple(p) for p in facts["parameters"]]
    total = sum(count for _, _, count in facts["parameters"])
    assert f"parameters: {total}" in out

    model = question_model()
    assert total == model.count_params() == 129
    # The prose: 0.weight is Keras's first kernel, reversed; the biases match.
    keras_shapes = [list(w.shape) for w in model.weights]
    torch_shapes = [shape for _, shape, _ in facts["parameters"]]
    assert torch_shapes[0] == keras_shapes[0][::-1] == [32, 2]
    assert torch_shapes[2] == keras_shapes[2][::-1] == [1, 32]
    assert torch_shapes[1] == keras_shapes[1] and torch_shapes[3] == keras_shapes[3]
    assert f"output for X: {facts['output']}" in out  # X's 4 rows, one output


def test_the_kernel_copied_transposed_gives_the_keras_layers_outputs():
    import keras

    keras.backend.clear_session()
    keras.utils.set_random_seed(0)  # as the snippet does
    dense = keras.layers.Dense(32)
    keras_out = keras.ops.convert_to_numpy(dense(X))
    kernel, bias = dense.get_weights()
    assert np.allclose(keras_out, X @ kernel + bias, atol=1e-6)  # x @ kernel + b
    assert not bias.any()  # the prose: Keras's biases start at zero

    facts = torch_facts(
        f"""
        kernel = torch.tensor({kernel.tolist()})
        bias = torch.tensor({bias.tolist()})
        X = torch.tensor({X.tolist()})
        linear = nn.Linear(2, 32)
        facts = {{"weight": list(linear.weight.shape)}}
        with torch.no_grad():
            try:
                linear.weight.copy_(kernel)
                facts["as_is"] = "copied"
            except RuntimeError as error:
                facts["as_is"] = str(error)
            linear.weight.copy_(kernel.T)
            linear.bias.copy_(bias)
            facts["out"] = linear(X).tolist()
            facts["by_hand"] = (X @ linear.weight.T + linear.bias).tolist()
        """
    )
    torch_out = np.array(facts["out"], dtype=np.float32)
    assert facts["weight"] == [32, 2] == list(kernel.shape)[::-1]
    below = np.allclose(torch_out, keras_out, atol=1e-6)
    assert below
    assert np.allclose(torch_out, facts["by_hand"], atol=1e-6)  # x @ W.T + b

    out = printed("other_ways/torch_from_keras.py")
    refused = re.search(r"^copied as is:\n((?:  .*\n)+)", out, re.M)[1]
    assert " ".join(refused.split()) == facts["as_is"]  # PyTorch's own words
    rows = re.findall(r"^  (Keras|PyTorch) +((?:\s*-?\d\.\d{4}){4})$", out, re.M)
    shown = {who: [float(v) for v in values.split()] for who, values in rows}
    assert shown["Keras"] == shown["PyTorch"]
    assert shown["Keras"] == [round(float(v), 4) for v in keras_out[3, :4]]
    assert out.rstrip().endswith(f"below 1e-6: {below}")


def test_keras_on_the_torch_backend_prints_the_tensorflow_summary():
    out, model = printed_on_another_backend("other_ways/torch_backend.py", "torch")
    shape = tuple(model.layers[0].kernel.shape)
    assert shape == (2, 32)
    assert (
        f"kernel: {shape} <class 'torch.nn.parameter.Parameter'>\n"
        f"its value: torch.Size([{shape[0]}, {shape[1]}])" in out
    )


def test_the_pytorch_training_is_train_pys_and_its_numbers_are_not_keras():
    code = (ROOT / "snippets/other_ways/torch_train.py").read_text()
    keras_code = (ROOT / "snippets/training/train.py").read_text()
    # The settings the prose says are train.py's.
    assert "learning_rate=0.1" in keras_code and "lr=0.1" in code
    assert "epochs=30" in keras_code and "range(1, 31)" in code
    assert '"binary_crossentropy"' in keras_code and "nn.BCELoss()" in code
    assert "torch.manual_seed(0)" in code

    out = printed("other_ways/torch_train.py")
    losses = [
        float(v) for v in re.findall(r"^epoch +\d+/30  loss (\d\.\d{4})$", out, re.M)
    ]
    keras_out = printed("training/train.py")
    keras_losses = logged_losses(keras_out)
    assert len(losses) == len(keras_losses) == 30
    assert losses[-1] < losses[0]  # it learns
    assert losses != keras_losses  # "not Keras's numbers"
    predictions = [float(p) for p in printed_predictions(out)]
    assert [p > 0.5 for p in predictions] == [False, False, False, True]  # AND
    assert printed_predictions(out) != printed_predictions(keras_out)


def test_the_two_libraries_start_from_other_weights_and_other_streams():
    import keras

    facts = torch_facts(
        """
        torch.manual_seed(0)
        wide = nn.Linear(2, 100000)  # many draws of the same initializer
        facts = {
            "weight": [wide.weight.min().item(), wide.weight.max().item()],
            "bias": [wide.bias.min().item(), wide.bias.max().item()],
        }
        torch.manual_seed(0)
        facts["uniform"] = torch.rand(4).tolist()
        """
    )
    bound = 1 / np.sqrt(2)
    for low, high in (facts["weight"], facts["bias"]):
        # uniform within ±1/√2, weight and bias alike, and filling it
        assert -bound <= low < -0.99 * bound and 0.99 * bound < high <= bound
    out = printed("other_ways/torch_train.py")
    assert f"±1/√2 = ±{bound:.4f}" in out
    for low, high in re.findall(r"from (-?\d\.\d{4}) to (-?\d\.\d{4})", out):
        assert -bound <= float(low) < float(high) <= bound

    config = keras.layers.Dense(32).get_config()
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    assert config["bias_initializer"]["class_name"] == "Zeros"
    keras.utils.set_random_seed(0)
    keras_uniform = keras.ops.convert_to_numpy(keras.random.uniform((4,)))
    assert not np.allclose(keras_uniform, facts["uniform"])  # two streams


@pytest.mark.parametrize(
    "page", ["glossary.md", "glossary.zh.md", "calculator.md", "calculator.zh.md"]
)
def test_the_glossary_and_the_calculator_spell_the_layer_as_pytorch_prints_it(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if "`nn.Linear(2, 32)`" in p)
    out = printed("other_ways/torch_model.py")
    weight = re.search(r"^0\.weight +(torch\.Size\(\[[\d, ]+\]\)) +(\d+)$", out, re.M)
    bias = re.search(r"^0\.bias +torch\.Size\(\[\d+\]\) +(\d+)$", out, re.M)
    assert f"`{weight[1]}`" in paragraph
    assert re.search(rf"(?<!\d){weight[2]}(?!\d)", paragraph)  # the 64 weights
    if page.startswith("calculator"):
        assert re.search(rf"(?<!\d){bias[1]}(?!\d)", paragraph)  # and 32 biases
    assert "other_ways.md#pytorch" in paragraph


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
