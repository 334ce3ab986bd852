"""The heat-map page (docs/heat-map.md): the kernel heat map draws one cell per
parameter of the model, coloured by its value, in each of its four files (a
desktop's and a phone's, English and Chinese).

The captured SVG is compared with a fresh run by test_snippets.py; here its content
is checked against a Keras model built in the test (the numbers of the page's alt
text: densedocs/checks/claims.py).
"""

import re

import pytest

from tests.helpers import captured, dense_counts, question_model

KERNEL = "diagrams/kernel.py"


@pytest.mark.parametrize(
    "figure", ["kernel.svg", "kernel.phone.svg", "kernel.zh.svg", "kernel.phone.zh.svg"]
)
def test_the_kernel_heat_map_draws_one_cell_per_parameter(figure):
    run = captured(KERNEL)
    svg = run.files[figure]
    (n_in, n_hid, kernel, bias), _ = dense_counts(question_model())
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
    out = run.stdout
    assert f"{figure}: {kernel} kernel cells (2, 32), {bias} bias cells (32,)" in out
