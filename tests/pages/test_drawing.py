"""The drawing page (docs/drawing.md): the network diagram draws what the model is,
in each of its four files (a desktop's and a phone's, English and Chinese); the
browser test tests/browser/test_figures.py measures them on the pages.

The captured SVGs are compared with a fresh run by test_snippets.py; here their
content is checked against a Keras model built in the test (the numbers of the
page's alt text: densedocs/checks/claims.py). The heat map's own test is
test_heat_map.py.
"""

import re

import pytest

from tests.helpers import captured, dense_counts, page_text, question_model

NETWORK = "diagrams/network.py"


def _texts(svg: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)
    ]


# The figure's files: for a desktop and a phone, in English and in Chinese.
FILES = ["network.svg", "network.phone.svg", "network.zh.svg", "network.phone.zh.svg"]
# What each language says of the counts (the Chinese as the snippet writes it).
SAYS = {
    "en": {
        "sum": "{} + {} = {} parameters",
        "more": "{} more",
        "drawn": "{shown} of the {n} hidden neurons are drawn",
        "total": "= {} parameters",
    },
    "zh": {
        "sum": "{} + {} = {} 个参数",
        "more": "另 {} 个",
        "drawn": "{n} 个隐藏神经元中画出 {shown} 个",
        "total": "= {} 个参数",
    },
}


@pytest.mark.parametrize("name", FILES)
def test_the_network_diagram_labels_the_models_own_counts(name):
    model = question_model()
    run = captured(NETWORK)
    svg = run.files[name]
    says = SAYS["zh" if ".zh." in name else "en"]
    texts = _texts(svg)
    (n_in, n_hid, k1, b1), (_, n_out, k2, b2) = dense_counts(model)
    assert (k1, b1, k2, b2) == (64, 32, 32, 1)
    assert f"kernel {n_in} × {n_hid} = {k1}, bias {b1}" in texts
    assert says["sum"].format(k1, b1, k1 + b1) in texts
    assert f"kernel {n_hid} × {n_out} = {k2}, bias {b2}" in texts
    assert says["sum"].format(k2, b2, k2 + b2) in texts
    assert any(says["total"].format(model.count_params()) in t for t in texts)
    # Neurons: 2 inputs, 8 of the 32 hidden drawn (the rest said to be collapsed),
    # 1 output, and a constant-1 node for each layer's biases.
    assert svg.count('class="input"') == n_in
    drawn = svg.count('class="neuron"') - n_out
    assert says["more"].format(n_hid - drawn) in texts
    assert any(says["drawn"].format(shown=drawn, n=n_hid) in t for t in texts)
    hidden = sorted(int(t[1:]) for t in texts if re.fullmatch(r"h\d+", t))
    assert hidden == [1, 2, 3, 4, 29, 30, 31, 32]
    # One line per drawn weight: each input and the constant into each drawn
    # hidden neuron, each drawn hidden neuron and the constant into the output
    # (the legend draws one of each kind).
    assert svg.count('<line class="kernel"') == n_in * drawn + drawn + 1
    assert svg.count('<line class="bias"') == drawn + 1 + 1
    for tag in ("<title", "<desc", 'role="img"'):
        assert tag in svg
    width = 360 if ".phone." in name else 720
    assert re.search(rf'viewBox="0 0 {width} \d+"', svg)
    out = run.stdout
    assert f"{k1} + {b1} = {k1 + b1} and {k2} + {b2} = {k2 + b2}" in out
    assert f"hidden neurons drawn: {drawn} of {n_hid}" in out
    assert f"{name}: {n_in * drawn + 2 * drawn + 1} lines" in out


def test_keras_draws_each_layer_with_its_shapes_and_the_page_shows_it_whole():
    model = question_model()
    svg = captured("diagrams/plot_model.py").files["plot_model.svg"]
    texts = re.findall(r">([^<>]+)</text>", svg)
    expected = []
    for layer in model.layers:
        expected += [
            type(layer).__name__,
            "Input shape: ",
            str((None, *layer.input.shape[1:])),
            "Output shape: ",
            str((None, *layer.output.shape[1:])),
        ]
    assert [t.strip() for t in texts] == [t.strip() for t in expected]
    # No box is named after a process's id(): the file is the same every run.
    assert not re.search(r"<title>\d{6,}", svg)
    width, height = re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', svg).groups()
    for page in ("drawing.md", "drawing.zh.md"):
        text = re.sub(r"\s+", " ", page_text(page))
        size = re.search(
            r'\(figures/diagrams/plot_model\.svg\)\{ width="(\d+)" height="(\d+)" \}',
            text,
        )
        assert size, page
        assert (float(size[1]), float(size[2])) == (float(width), float(height))
