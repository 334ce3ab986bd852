"""The diagrams on the answer page draw what the model is.

The captured SVGs are compared with a fresh run by test_snippets.py; here their
content is checked against a Keras model built in the test (the numbers of the
page's alt text: densedocs/checks/claims.py).
"""

import re

import pytest

from densedocs.capture.store import read_capture
from tests.conftest import ROOT
from tests.helpers import question_model

NETWORK, KERNEL = "diagrams/network.py", "diagrams/kernel.py"


@pytest.fixture(scope="module")
def model():
    return question_model()


def _dense_counts(model) -> list[tuple[int, int, int, int]]:
    """(inputs, units, kernel weights, biases) of each Dense layer."""
    found = []
    for layer in model.layers:
        if layer.weights:
            n, units = layer.kernel.shape
            found.append((n, units, n * units, layer.bias.shape[0]))
    return found


def _texts(svg: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)
    ]


def _page() -> str:
    text = (ROOT / "docs" / "answer.md").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text)


def test_the_network_diagram_labels_the_models_own_counts(model):
    svg = read_capture(ROOT, NETWORK).files["network.svg"]
    texts = _texts(svg)
    (n_in, n_hid, k1, b1), (_, n_out, k2, b2) = _dense_counts(model)
    assert (k1, b1, k2, b2) == (64, 32, 32, 1)
    assert f"kernel {n_in} × {n_hid} = {k1}, bias {b1}" in texts
    assert f"{k1} + {b1} = {k1 + b1} parameters" in texts
    assert f"kernel {n_hid} × {n_out} = {k2}, bias {b2}" in texts
    assert f"{k2} + {b2} = {k2 + b2} parameters" in texts
    assert any(f"= {model.count_params()} parameters" in t for t in texts)
    # Neurons: 2 inputs, 8 of the 32 hidden drawn (the rest said to be collapsed),
    # 1 output, and a constant-1 node for each layer's biases.
    assert svg.count('class="input"') == n_in
    drawn = svg.count('class="neuron"') - n_out
    assert f"{n_hid - drawn} more" in texts
    assert any(f"{drawn} of the {n_hid} hidden neurons are drawn" in t for t in texts)
    hidden = sorted(int(t[1:]) for t in texts if re.fullmatch(r"h\d+", t))
    assert hidden == [1, 2, 3, 4, 29, 30, 31, 32]
    # One line per drawn weight: each input and the constant into each drawn
    # hidden neuron, each drawn hidden neuron and the constant into the output
    # (the legend draws one of each kind).
    assert svg.count('<line class="kernel"') == n_in * drawn + drawn + 1
    assert svg.count('<line class="bias"') == drawn + 1 + 1
    for tag in ("<title", "<desc", 'role="img"', 'viewBox="0 0 720 640"'):
        assert tag in svg
    out = read_capture(ROOT, NETWORK).stdout
    assert f"{k1} + {b1} = {k1 + b1} and {k2} + {b2} = {k2 + b2}" in out
    assert f"hidden neurons drawn: {drawn} of {n_hid}" in out


def test_the_kernel_heat_map_draws_one_cell_per_parameter(model):
    run = read_capture(ROOT, KERNEL)
    svg = run.files["kernel.svg"]
    (n_in, n_hid, kernel, bias), _ = _dense_counts(model)
    cells = re.findall(
        r'<rect class="(kernel|bias)"[^>]*fill="(#[0-9a-f]{6})"[^>]*>'
        r"<title>(\w+)\[([\d, ]+)\] = (-?\d+\.\d+)</title>",
        svg,
    )
    kinds = [c[0] for c in cells]
    assert kinds.count("kernel") == kernel == 64
    assert kinds.count("bias") == bias == 32
    places = {(k, tuple(int(i) for i in idx.split(","))) for k, _, _, idx, _ in cells}
    assert places == {("kernel", (i, j)) for i in range(n_in) for j in range(n_hid)} | {
        ("bias", (j,)) for j in range(n_hid)
    }
    # The printed summary is the drawn data's.
    values = {k: [float(v) for kind, *_, v in cells if kind == k] for k in set(kinds)}
    for name in ("kernel", "bias"):
        low, high = re.search(
            rf"^{name} +min +(-?\d+\.\d+) +max +(-?\d+\.\d+)", run.stdout, re.M
        ).groups()
        assert f"{min(values[name]):.3f}" == low and f"{max(values[name]):.3f}" == high
    # Colours: white at 0, red above, blue below, deeper as the value grows.
    for _, fill, _, _, value in cells:
        red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
        if float(value) > 0:
            assert red >= blue
        elif float(value) < 0:
            assert blue >= red
    by_size = sorted(cells, key=lambda c: abs(float(c[4])))
    whiteness = [sum(int(c[1][i : i + 2], 16) for i in (1, 3, 5)) for c in by_size]
    assert whiteness[0] >= whiteness[-1]
    assert f"{kernel} kernel cells (2, 32), {bias} bias cells (32,)" in run.stdout


def test_the_answer_page_shows_both_diagrams_at_their_size():
    page = _page()
    for name, size in (("network", (720, 640)), ("kernel", (720, 297))):
        image = re.search(
            rf"!\[([^\]]+)\]\(figures/diagrams/{name}\.svg\)"
            r'\{ width="(\d+)" height="(\d+)" \}',
            page,
        )
        assert image, name
        svg = read_capture(ROOT, f"diagrams/{name}.py").files[f"{name}.svg"]
        width, height = re.search(
            r'<svg[^>]* width="(\d+)" height="(\d+)"', svg
        ).groups()
        assert (int(image[2]), int(image[3])) == size == (int(width), int(height))
    assert "calculator.md?input=2&units=32,1" in page
