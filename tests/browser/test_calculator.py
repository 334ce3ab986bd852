"""The calculator page against Keras itself, and against bad and hostile input.

Keras's numbers are computed here with real Keras layers (Dense.build, then the very
functions model.summary() uses to count parameters and bytes, and the summary it
prints); the page's numbers are read from its data-testid hooks after it was driven
like a reader drives it. The code the page writes is run in Keras, and its summary
compared with the page's table and drawing.
"""

import contextlib
import io
import random
import re
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT
from tests.helpers import calculator_layers, calculator_model, summary_text

DTYPES = [
    "float32",
    "float16",
    "bfloat16",
    "float64",
    "mixed_float16",
    "mixed_bfloat16",
]
ACTIVATIONS = ["none", "softmax", "sigmoid", "relu", "tanh"]
QUESTION = "calculator/?input=2&units=32,1&activation=softmax,sigmoid"
LINK_EVERY = 40
KEEP = 4  # a column of more than 2 * KEEP neurons shows KEEP at each end


@dataclass(frozen=True)
class Config:
    input: int
    layers: tuple[tuple[int, bool, str, str], ...]  # (units, use_bias, dtype, act.)

    @classmethod
    def from_link(cls, link: str) -> "Config":
        return cls(*calculator_layers(link))

    @property
    def query(self) -> str:
        def listed(i):
            return ",".join(str(layer[i]) for layer in self.layers)

        bias = ",".join("1" if b else "0" for _, b, _, _ in self.layers)
        return (
            f"?input={self.input}&units={listed(0)}&activation={listed(3)}"
            f"&bias={bias}&dtype={listed(2)}"
        )

    @property
    def params(self) -> int:
        n, total = self.input, 0
        for units, bias, _, _ in self.layers:
            total, n = total + n * units + (units if bias else 0), units
        return total

    def model(self):
        """The Keras model this configuration describes, as a reader writes it."""
        return calculator_model(self.input, self.layers)


def generated_configs(count: int = 220, seed: int = 5) -> list[Config]:
    """Seeded random stacks of 1 to 5 layers, sizes from 1 to 300,000 units, every
    dtype and activation, a third without bias, and a few chosen edge cases first."""
    rng = random.Random(seed)
    f32 = "float32"
    configs = [
        Config(2, ((32, True, f32, "softmax"), (1, True, f32, "sigmoid"))),
        Config(1, ((288, True, "float16", "none"),)),  # 1152 B = 1.125 KB: "1.12 KB"
        Config(3, ((128, True, f32, "relu"),)),  # 2048 B = 2.00 KB exactly
        Config(1, ((127, True, f32, "none"),)),  # 1016 B: still bytes
        Config(1, ((128, False, "float64", "tanh"),)),  # 1024 B = 1.00 KB
        Config(2**26, ((2**26, False, "float64", "none"),)),  # 2^52 params, 32 PB
        Config(1, ((2**52 - 1, True, "float16", "none"),)),  # 2^53 - 2: just fits
        Config(300_000, ((1_000_000, True, f32, "sigmoid"),)),  # 1.09 TB
    ]

    def size() -> int:
        return int(10 ** rng.uniform(0, 5.5))

    while len(configs) < count:
        first = n = size()
        layers, params = [], 0
        for _ in range(rng.randint(1, 5)):
            units = size()
            bias = rng.random() > 0.3
            params += n * units + (units if bias else 0)
            layers.append((units, bias, rng.choice(DTYPES), rng.choice(ACTIVATIONS)))
            n = units
        if params < 2**53:
            configs.append(Config(first, tuple(layers)))
    return configs


def small_configs(count: int = 30, seed: int = 11) -> list[Config]:
    """Seeded stacks small enough to build for real in Keras (under 10^7
    parameters, so the summary's Param # column never wraps), the question first."""
    rng = random.Random(seed)
    configs = [generated_configs()[0]]
    while len(configs) < count:
        layers = tuple(
            (
                int(10 ** rng.uniform(0, 3.5)),
                rng.random() > 0.3,
                rng.choice(DTYPES),
                rng.choice(ACTIVATIONS),
            )
            for _ in range(rng.randint(1, 4))
        )
        config = Config(int(10 ** rng.uniform(0, 3.5)), layers)
        if config.params < 10**7:
            configs.append(config)
    return configs


SUMMARY_ROW = re.compile(r"^│ (\w+ \(\w+\))\s+│ (\([^)]*\))\s+│\s+([\d,]+) │$", re.M)
SUMMARY_TOTALS = re.compile(
    r"^ ((?:Total|Trainable|Non-trainable) params: .*?)\s*$", re.M
)


def parse_summary(printed: str) -> dict:
    """The rows (name (type), output shape, Param #) and the three totals lines."""
    return {
        "rows": [list(row) for row in SUMMARY_ROW.findall(printed)],
        "totals": SUMMARY_TOTALS.findall(printed),
    }


def fresh_names():
    """Keras's names count up again from dense, activation, sequential: as in a
    fresh interpreter (clear_session does it too, but takes ~0.4 s each time)."""
    from keras.src.utils.naming import reset_uids

    reset_uids()


@contextlib.contextmanager
def wide_console():
    """A summary wide enough that no number wraps (the table follows COLUMNS)."""
    import os

    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "200"
    try:
        yield
    finally:
        os.environ["COLUMNS"] = before if before is not None else "80"


def keras_numbers(configs: list[Config]) -> list[dict]:
    """What Keras reports for each stack, built as a real Sequential model.

    The models are built in a StatelessScope that never initializes their
    variables: Keras knows every shape and dtype (all that counting needs), and a
    model of terabytes costs no memory. Parameters and bytes are read with the
    functions model.summary() uses; the summary is what summary() prints (wide
    enough that no number wraps).
    """
    import keras
    from keras.src.backend.common.stateless_scope import StatelessScope
    from keras.src.utils.summary_utils import weight_memory_size

    results = []
    try:
        with wide_console(), StatelessScope(initialize_variables=False):
            for config in configs:
                fresh_names()
                model = config.model()
                summary = parse_summary(summary_text(model, line_length=160))
                results.append(
                    {
                        "layers": [
                            (layer.count_params(), weight_memory_size(layer.weights))
                            for layer in model.layers
                            if isinstance(layer, keras.layers.Dense)
                        ],
                        "total": model.count_params(),
                        "bytes": weight_memory_size(model.weights),
                        "line": summary["totals"][0],
                        "summary": summary,
                    }
                )
    finally:
        keras.backend.clear_session()
    return results


def same_as_keras(shown: dict, keras: dict) -> bool:
    """Counts exactly equal; bytes as Keras holds them, a float (exact here)."""
    return (
        [(int(p), float(int(b))) for p, b in shown["layers"]] == keras["layers"]
        and int(shown["total"]) == keras["total"]
        and float(int(shown["bytes"])) == keras["bytes"]
        and shown["line"] == keras["line"]
        and shown["summary"] == keras["summary"]
    )


# The page's summary: its table's rows and the totals lines under it.
READ_SUMMARY = """root => ({
    rows: [...root.querySelectorAll("[data-testid=summary-row]")].map(
        tr => [...tr.cells].map(td => td.textContent)),
    totals: [...root.querySelectorAll("[data-calc-totals] p")].map(
        p => p.textContent),
})"""

# Sets the form to a config the way a reader does (values, clicks, change
# events), for every config in one go, and reads the page's hooks each time.
DRIVE = (
    """async configs => {
    const root = document.querySelector("[data-calculator]");
    const readSummary = """
    + READ_SUMMARY
    + """;
    const rows = () => root.querySelectorAll("[data-testid=layer]");
    const type = (field, value) => {
        field.value = value;
        field.dispatchEvent(new Event("input", {bubbles: true}));
    };
    const choose = (select, value) => {
        select.value = value;
        select.dispatchEvent(new Event("change", {bubbles: true}));
    };
    const read = sel => [...root.querySelectorAll(sel)].map(e => e.dataset.value);
    const results = [];
    for (const config of configs) {
        while (rows().length < config.layers.length) {
            root.querySelector("[data-testid=add]").click();
        }
        while (rows().length > config.layers.length) {
            const all = rows();
            all[all.length - 1].querySelector("[data-testid=remove]").click();
        }
        type(root.querySelector("[data-testid=input]"), String(config.input));
        rows().forEach((row, i) => {
            const [units, bias, dtype, activation] = config.layers[i];
            type(row.querySelector("[data-testid=units]"), String(units));
            const box = row.querySelector("[data-testid=bias]");
            if (box.checked !== bias) box.click();
            choose(row.querySelector("[data-testid=dtype]"), dtype);
            choose(row.querySelector("[data-testid=activation]"), activation);
        });
        if (config.link) {
            await Promise.resolve(); // the address bar follows in a microtask
        }
        results.push({
            layers: read("[data-testid=layer-params]").map(
                (p, i) => [p, read("[data-testid=layer-bytes]")[i]]),
            total: root.querySelector("[data-testid=total-params]").dataset.value,
            bytes: root.querySelector("[data-testid=total-bytes]").dataset.value,
            line: root.querySelector(".calc-total").textContent,
            summary: readSummary(root),
            error: root.querySelector("[data-testid=error]").textContent,
            query: config.link ? location.search : null,
        });
    }
    return results;
}"""
)


def page_numbers(page) -> dict:
    root = page.locator("[data-calculator]")
    return {
        "layers": [
            [p.get_attribute("data-value"), b.get_attribute("data-value")]
            for p, b in zip(
                root.get_by_test_id("layer-params").all(),
                root.get_by_test_id("layer-bytes").all(),
                strict=True,
            )
        ],
        "total": root.get_by_test_id("total-params").get_attribute("data-value"),
        "bytes": root.get_by_test_id("total-bytes").get_attribute("data-value"),
        "line": root.locator(".calc-total").first.text_content(),
        "summary": root.evaluate(READ_SUMMARY),
    }


# What the drawing holds, once drawn: neurons per column (left to right), the
# "N more" of collapsed columns, its lines and constants, its text alternative.
READ_DIAGRAM = """async () => {
    await new Promise(done => requestAnimationFrame(done)); // drawn once a frame
    const svg = document.querySelector("[data-calculator] [data-testid=diagram]");
    const columns = {};
    svg.querySelectorAll("circle.calc-d-input, circle.calc-d-neuron").forEach(c => {
        const x = Number(c.getAttribute("cx"));
        columns[x] = (columns[x] || 0) + 1;
    });
    const ids = svg.getAttribute("aria-labelledby").split(" ");
    return {
        neurons: Object.keys(columns).map(Number).sort((a, b) => a - b)
            .map(x => columns[x]),
        more: [...svg.querySelectorAll("text.calc-d-more")]
            .map(t => t.textContent).filter(t => t !== "⋮"),
        kernelLines: svg.querySelectorAll("line.calc-d-kernel").length,
        biasLines: svg.querySelectorAll("line.calc-d-bias").length,
        constants: svg.querySelectorAll("circle.calc-d-constant").length,
        role: svg.getAttribute("role"),
        name: ids.map(id => svg.querySelector("#" + id).textContent).join(" "),
        total: svg.querySelector("[data-testid=diagram-total]").textContent,
    };
}"""


def expected_diagram(model) -> dict:
    """The drawing of a Keras model, from its layers' weights: every neuron of a
    column of up to 2 * KEEP, else KEEP at each end and "N more"; a line per
    kernel weight and bias between drawn neurons; the text alternative's words."""
    import keras

    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    following = {}
    for before, after in zip(model.layers, model.layers[1:], strict=False):
        if isinstance(after, keras.layers.Activation):
            following[before.name] = after.get_config()["activation"]
    counts = [dense[0].kernel.shape[0]] + [layer.kernel.shape[1] for layer in dense]
    drawn = [min(c, 2 * KEEP) for c in counts]
    phrases = [f"{counts[0]:,} input{'' if counts[0] == 1 else 's'}."]
    kernel_lines = bias_lines = 0
    for i, layer in enumerate(dense):
        n, units = layer.kernel.shape
        kernel, params = n * units, layer.count_params()
        activation = following.get(layer.name)
        words = f"Dense({units:,})" + (f" then {activation}" if activation else "")
        words += f": kernel {n:,} × {units:,} = {kernel:,}, "
        if layer.use_bias:
            assert layer.bias.shape == (units,)
            words += f"bias {units:,}, {kernel:,} + {units:,} = {params:,}"
            bias_lines += drawn[i + 1]
        else:
            words += f"no bias, {params:,}"
        phrases.append(words + (" parameter." if params == 1 else " parameters."))
        kernel_lines += drawn[i] * drawn[i + 1]
    total = model.count_params()
    phrases.append(f"{total:,} parameter{'' if total == 1 else 's'} in all.")
    return {
        "neurons": drawn,
        "more": [f"{c - 2 * KEEP:,} more" for c in counts if c > 2 * KEEP],
        "kernelLines": kernel_lines + 1,  # and the legend's
        "biasLines": bias_lines + 1,
        "constants": sum(1 for layer in dense if layer.use_bias),
        "role": "img",
        "phrases": phrases,
        "total": f"{total:,} parameter{'' if total == 1 else 's'} in all",
    }


def assert_diagram_is(page, model):
    drawn = page.evaluate(READ_DIAGRAM)
    want = expected_diagram(model)
    phrases = want.pop("phrases")
    name = drawn.pop("name")
    assert drawn == want
    # Every number in order, in words: the same as the drawing shows.
    position = 0
    for phrase in phrases:
        found = name.find(phrase, position)
        assert found >= 0, (phrase, name)
        position = found + len(phrase)


def layer_config(layer) -> tuple:
    """What a reader chooses of a layer: its kind, size or activation, dtype."""
    if type(layer).__name__ == "Dense":
        return ("Dense", layer.units, layer.use_bias, layer.dtype_policy.name)
    return ("Activation", layer.get_config()["activation"], layer.dtype_policy.name)


def open_calculator(new_page, site_url, query="", scheme="light", width=None):
    viewport = {"viewport": {"width": width, "height": 844}} if width else {}
    page, recorder = new_page(scheme, **viewport)
    page.add_init_script("window.alert = () => { window.__alerted = true; };")
    page.goto(site_url + "calculator/" + query)
    page.wait_for_selector("[data-calculator][data-ready]")
    return page, recorder


QUESTION_SUMMARY = {
    "rows": [
        ["dense (Dense)", "(None, 32)", "96"],
        ["activation (Activation)", "(None, 32)", "0"],
        ["dense_1 (Dense)", "(None, 1)", "33"],
        ["activation_1 (Activation)", "(None, 1)", "0"],
    ],
    "totals": [
        "Total params: 129 (516.00 B)",
        "Trainable params: 129 (516.00 B)",
        "Non-trainable params: 0 (0.00 B)",
    ],
}


def test_it_opens_on_the_questions_model_from_the_answer_page(site_url, new_page):
    page, recorder = new_page()
    page.goto(site_url + "answer/")
    page.get_by_role("link", name="Open this network in the parameter").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.url.endswith(QUESTION)
    assert page_numbers(page) == {
        "layers": [["96", "384"], ["33", "132"]],
        "total": "129",
        "bytes": "516",
        "line": "Total params: 129 (516.00 B)",
        "summary": QUESTION_SUMMARY,
    }
    cards = page.locator("[data-calc-layers]").text_content()
    assert "2·32 + 32 = 96 parameters, × 4 B = 384.00 B" in cards
    assert "32·1 + 1 = 33 parameters, × 4 B = 132.00 B" in cards
    assert [s.input_value() for s in page.get_by_test_id("activation").all()] == [
        "softmax",
        "sigmoid",
    ]
    # The page without a link opens on the same network.
    page.goto(site_url + "calculator/")
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page_numbers(page)["summary"] == QUESTION_SUMMARY
    assert not recorder.problems({page.url.split("/")[2]})


def test_every_exercise_link_opens_the_count_keras_gives(site_url, new_page):
    """The main pages' exercises link their answers to the calculator: each link
    opens on the numbers Keras gives for that network."""
    links = set()
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "{ #exercises }" in text:
            section = text[text.index("{ #exercises }") :]
            links |= set(re.findall(r"\]\(calculator\.md(\?[^)\s]+)\)", section))
    assert len(links) >= 5, links
    links = sorted(links)
    expected = keras_numbers([Config.from_link(link) for link in links])
    for link, keras in zip(links, expected, strict=True):
        page, recorder = open_calculator(new_page, site_url, link)
        shown = page_numbers(page)
        assert same_as_keras(shown, keras), (link, shown, keras)
        assert not recorder.problems({page.url.split("/")[2]})


def test_the_calculator_equals_keras_on_generated_configurations(site_url, new_page):
    configs = generated_configs()
    assert len(configs) >= 200
    assert {c.layers[i][2] for c in configs for i in range(len(c.layers))} == set(
        DTYPES
    )
    assert {a for c in configs for *_, a in c.layers} == set(ACTIVATIONS)
    assert any(not b for c in configs for _, b, _, _ in c.layers)
    expected = keras_numbers(configs)
    units = {line["line"].rsplit(" ", 1)[1] for line in expected}
    assert {"B)", "KB)", "MB)", "GB)", "TB)", "PB)"} <= units, units

    page, recorder = open_calculator(new_page, site_url)
    shown = page.evaluate(
        DRIVE,
        [
            {
                "input": c.input,
                "layers": [list(layer) for layer in c.layers],
                "link": i % LINK_EVERY == 0,  # read the address bar too
            }
            for i, c in enumerate(configs)
        ],
    )
    for config, want, got in zip(configs, expected, shown, strict=True):
        assert got["error"] == "", (config, got["error"])
        assert same_as_keras(got, want), (config, got, want)
    # The address bar follows the form: every LINK_EVERY-th state, opened from
    # the address bar and from a link with every list spelled out, shows the same.
    for config, want, got in list(zip(configs, expected, shown, strict=True))[
        ::LINK_EVERY
    ]:
        page.goto(site_url + "calculator/" + got["query"])
        page.wait_for_selector("[data-calculator][data-ready]")
        assert same_as_keras(page_numbers(page), want), config
        page.goto(site_url + "calculator/" + config.query)
        page.wait_for_selector("[data-calculator][data-ready]")
        assert same_as_keras(page_numbers(page), want), config
    assert not recorder.problems({page.url.split("/")[2]})


def test_the_code_the_page_writes_builds_the_model_it_shows(site_url, new_page):
    """The 'same model in Keras' block, run as it is for a seeded sample of stacks:
    its summary is the page's table, and its layers are the page's drawing."""
    import keras

    page, recorder = open_calculator(new_page, site_url)
    configs = small_configs()
    assert {a for c in configs for *_, a in c.layers} == set(ACTIVATIONS)
    assert {d for c in configs for _, _, d, _ in c.layers} == set(DTYPES)
    assert any(not b for c in configs for _, b, _, _ in c.layers)
    assert any(max(u for u, *_ in c.layers) > 2 * KEEP for c in configs)
    for config in configs:
        page.goto(site_url + "calculator/" + config.query)
        page.wait_for_selector("[data-calculator][data-ready]")
        code = page.locator("[data-calc-code]").text_content()
        fresh_names()
        printed = io.StringIO()
        scope = {}
        with contextlib.redirect_stdout(printed):
            exec(code, scope)  # noqa: S102 - the page's own example, run as a reader would
        model = scope["model"]
        assert parse_summary(printed.getvalue()) == page_numbers(page)["summary"], code
        # The configuration, exactly: each layer's units, bias, activation, dtype.
        assert [layer_config(layer) for layer in model.layers] == [
            entry
            for units, bias, dtype, activation in config.layers
            for entry in [
                ("Dense", units, bias, dtype),
                ("Activation", activation, dtype),
            ]
            if entry[1] != "none"
        ], code
        assert_diagram_is(page, model)
    keras.backend.clear_session()
    assert not recorder.problems({page.url.split("/")[2]})


def test_the_drawing_follows_the_form_in_light_and_dark(site_url, new_page):
    """Typing redraws at once; the drawing takes the scheme's colours."""
    colours = {}
    for scheme in ("light", "dark"):
        page, recorder = open_calculator(new_page, site_url, scheme=scheme)
        drawn = page.evaluate(READ_DIAGRAM)
        assert drawn["neurons"] == [2, 8, 1] and drawn["more"] == ["24 more"]
        assert drawn["kernelLines"] == 2 * 8 + 8 * 1 + 1
        assert drawn["biasLines"] == 8 + 1 + 1 and drawn["constants"] == 2
        assert drawn["total"] == "129 parameters in all"
        assert (
            page.get_by_role("img", name=re.compile("129 parameters in all")).count()
            == 1
        )
        units = page.get_by_test_id("units").first
        units.fill("")
        units.press_sequentially("5")
        drawn = page.evaluate(READ_DIAGRAM)
        assert drawn["neurons"] == [2, 5, 1] and drawn["more"] == []
        assert drawn["total"] == "21 parameters in all"  # 2·5 + 5 + 5·1 + 1
        page.get_by_test_id("bias").nth(1).uncheck()
        assert page.evaluate(READ_DIAGRAM)["constants"] == 1
        colours[scheme] = page.evaluate(
            """() => {
                const svg = document.querySelector("[data-testid=diagram]");
                const style = sel => getComputedStyle(svg.querySelector(sel));
                return [style("text").fill, style("line.calc-d-kernel").stroke,
                        style("line.calc-d-bias").stroke,
                        getComputedStyle(document.body).color];
            }"""
        )
        text, kernel, bias, body = colours[scheme]
        assert text == body  # the page's own text colour
        assert not recorder.problems({page.url.split("/")[2]})
    assert all(a != b for a, b in zip(*colours.values(), strict=True)), colours


WIDE = "?input=784&units=512,256,128,64,10&activation=relu,relu,relu,relu,softmax"


def test_a_wide_network_takes_the_whole_width_and_scrolls_on_a_phone(
    site_url, new_page, axe_source
):
    from tests.browser.conftest import run_axe

    box = "[data-calc-figure]"
    scrolls = "f => f.scrollWidth > f.clientWidth"
    page, recorder = new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "calculator/")
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.locator(box).get_attribute("data-wide") is None  # beside the form
    page.goto(site_url + "calculator/" + WIDE)
    page.wait_for_selector("[data-calculator][data-ready]")
    figure = page.locator(box)
    assert figure.get_attribute("data-wide") == "" and not figure.evaluate(scrolls)
    assert page.evaluate(READ_DIAGRAM)["neurons"] == [8, 8, 8, 8, 8, 8]
    phone, _ = new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(site_url + "calculator/" + WIDE)
    phone.wait_for_selector("[data-calculator][data-ready]")
    figure = phone.locator(box)
    assert figure.evaluate(scrolls) and figure.get_attribute("tabindex") == "0"
    # Its total is in view before any scrolling: drawn on the left.
    total = phone.get_by_test_id("diagram-total").bounding_box()
    shown = figure.bounding_box()
    assert shown["x"] <= total["x"] and total["x"] + total["width"] <= (
        shown["x"] + shown["width"]
    )
    assert not run_axe(phone, axe_source)
    assert not recorder.problems({page.url.split("/")[2]})


def test_adding_removing_and_typing_update_the_numbers_and_the_link(site_url, new_page):
    page, recorder = open_calculator(new_page, site_url, "?input=2&units=32,1")
    # A link made before activation= existed: Dense layers only, as it meant.
    assert page.get_by_test_id("summary-row").count() == 2
    assert "Activation" not in page.locator("[data-calc-code]").text_content()
    page.get_by_role("button", name="Add a layer").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "131"
    assert "units=32,1,1" in page.url
    units = page.get_by_test_id("units").nth(2)
    assert units.evaluate("e => e === document.activeElement")
    units.fill("")
    units.press_sequentially("10")
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "149"
    page.get_by_test_id("bias").nth(2).uncheck()
    page.get_by_test_id("dtype").nth(2).select_option("float16")
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "139"
    assert "bias=1,1,0" in page.url and "dtype=float32,float32,float16" in page.url
    page.get_by_test_id("activation").nth(2).select_option("relu")
    assert "activation=none,none,relu" in page.url
    assert page.get_by_test_id("summary-row").nth(3).text_content() == (
        "activation (Activation)(None, 10)0"
    )
    code = page.locator("[data-calc-code]").text_content()
    assert (
        'layers.Dense(10, use_bias=False, dtype="float16"),\n'
        '        layers.Activation("relu", dtype="float16"),'
    ) in code
    page.get_by_role("button", name="Remove Dense layer 3").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    assert page.url.endswith("?input=2&units=32,1")
    assert not recorder.problems({page.url.split("/")[2]})


BAD_QUERIES = {
    "empty input": "?input=&units=32,1",
    "zero": "?input=0&units=32,1",
    "negative": "?input=-2&units=32,1",
    "fraction": "?input=2.5&units=32,1",
    "not a number": "?input=two&units=32,1",
    "exponent": "?input=1e3&units=32,1",
    "units beyond 2^53": "?input=2&units=9007199254740993",
    "total beyond 2^53": "?input=100000000&units=100000000,1",
    "too many layers": "?input=2&units=" + ",".join(["1"] * 101),
    "empty layer": "?input=2&units=32,,1",
    "no units": "?input=2",
    "no input": "?units=32,1",
    "input twice": "?input=2&input=3&units=32,1",
    "bias list too short": "?input=2&units=32,1&bias=1",
    "bias not 0 or 1": "?input=2&units=32,1&bias=yes,no",
    "unknown dtype": "?input=2&units=32,1&dtype=float8,float32",
    "unknown activation": "?input=2&units=32,1&activation=gelu,none",
    "activation list too long": "?input=2&units=32,1&activation=relu,relu,relu",
    "broken escape": "?input=2&units=32%2",
    "Infinity": "?input=Infinity&units=32",
    "NaN": "?input=NaN&units=32",
}
HOSTILE = {
    "img onerror in input": "?input=<img src=x onerror=alert(1)>&units=32,1",
    "script in units": "?input=2&units=<script>alert(1)</script>",
    "svg onload in dtype": "?input=2&units=32&dtype=<svg/onload=alert(1)>",
    "svg onload in activation": "?input=2&units=32&activation=<svg onload=alert(1)>",
    "escaped img in bias": "?input=2&units=32&bias="
    + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "quote breaking out": '?input=2"><img src=x onerror=alert(1)>&units=32',
}


def shown_messages(page) -> list[str]:
    """The messages the calculator shows: the box below the form (what belongs
    to no field) and the notes beside the fields."""
    boxes = page.locator("[data-testid=error], .calc-field-error")
    return [b.inner_text() for b in boxes.all() if b.is_visible()]


def assert_refused(page, recorder):
    """A link the calculator cannot count: it says why, and shows no number."""
    messages = shown_messages(page)
    assert messages and all(m.strip() for m in messages)
    assert page.get_by_test_id("total-params").count() == 0
    assert page.get_by_test_id("layer-params").count() == 0
    assert page.get_by_test_id("summary-row").count() == 0
    assert page.get_by_test_id("diagram").count() == 0
    text = page.locator("[data-calculator]").inner_text()
    for message in messages:
        text = text.replace(message, "")
    for word in ("NaN", "Infinity", "undefined"):
        assert word not in text
    assert page.locator("article img, article svg").count() == 0
    assert_nothing_ran(page, recorder)


def assert_nothing_ran(page, recorder):
    # The article's only script is the page's own (its modules bundled in it).
    scripts = page.locator("article script").evaluate_all(
        "scripts => scripts.map(s => s.getAttribute('src') || s.textContent)"
    )
    assert [s.rsplit("/", 1)[-1] for s in scripts] == ["calculator.js"]
    assert not page.evaluate("window.__alerted === true")
    assert not recorder.dialogs
    assert not [u for u in recorder.requests if u.rstrip("/").endswith("/x")]
    assert not recorder.page_errors and not recorder.console_errors


@pytest.fixture(scope="module")
def shared_page(browser):
    """One page for the many bad links: a new link is a new page load anyway."""
    from tests.browser.conftest import Recorder

    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.alert = () => { window.__alerted = true; };")
    recorder = Recorder()
    recorder.attach(page)
    yield page, recorder
    context.close()


@pytest.mark.parametrize(
    "query", [*BAD_QUERIES.values(), *HOSTILE.values()], ids=[*BAD_QUERIES, *HOSTILE]
)
def test_bad_and_hostile_links_show_an_error_and_run_nothing(
    query, site_url, shared_page
):
    page, recorder = shared_page
    recorder.reset()
    page.goto(site_url + "calculator/" + query)
    page.wait_for_selector("[data-calculator][data-ready]")
    assert_refused(page, recorder)


def last_valid(page) -> dict:
    """What the calculator shows of the last valid model, and where its table is."""
    return {
        "rows": page.get_by_test_id("summary-row").all_inner_texts(),
        "diagram": page.get_by_test_id("diagram").count(),
        "code": page.locator("[data-calc-code]").inner_text(),
    }


def assert_kept_dimmed(page, recorder, kept: dict, table_top: float) -> None:
    """A wrong input: the last valid drawing, table and code stay where they
    were, dimmed, and no total is claimed for the input as it now is."""
    assert page.locator("[data-calculator][data-stale]").count() == 1
    assert last_valid(page) == kept
    table = page.locator("table.calc-summary")
    assert table.is_visible() and page.get_by_test_id("diagram").is_visible()
    for part in ("table.calc-summary", "[data-calc-figure]", ".calc-code"):
        opacity = page.locator(f"[data-calculator] {part}").evaluate(
            "e => Math.min(...[e, ...(function up(x) { const r = [];"
            " while ((x = x.parentElement)) r.push(x); return r; })(e)]"
            ".map(x => +getComputedStyle(x).opacity))"
        )
        assert opacity <= 0.5, (part, opacity)
    # Nothing below the form moves by more than a message's two lines.
    assert abs(table.bounding_box()["y"] - table_top) <= 40
    assert page.get_by_test_id("total-params").count() == 0
    assert "—" in page.locator("[data-calc-sum]").inner_text()
    assert_nothing_ran(page, recorder)


def test_bad_typing_keeps_the_last_valid_model_dimmed_the_message_beside_the_field(
    site_url, new_page
):
    page, recorder = open_calculator(new_page, site_url, width=390)
    page.get_by_test_id("diagram").wait_for()
    kept = last_valid(page)
    assert len(kept["rows"]) == 4 and kept["diagram"] == 1
    table_top = page.locator("table.calc-summary").bounding_box()["y"]
    field = page.get_by_test_id("input")
    for typed in ["", "0", "-3", "2.5", "abc", "<b>bold</b>", "99999999999999999"]:
        field.fill("2")
        field.fill(typed)  # one change: its first digits alone would be valid
        assert_kept_dimmed(page, recorder, kept, table_top)
        assert field.get_attribute("aria-invalid") == "true"
        note = page.locator("#calc-input-error")
        assert note.is_visible() and note.text_content().startswith("Input features")
        assert page.locator("#calc-input-error b").count() == 0
        assert page.get_by_test_id("error").is_hidden(), "the message is beside"
    field.fill("")
    field.press_sequentially("3")
    assert page.locator("[data-calculator][data-stale]").count() == 0
    assert field.get_attribute("aria-invalid") is None
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "161"
    kept = last_valid(page)
    units = page.get_by_test_id("units").first
    units.fill("3.5")
    note = page.locator("#calc-units-0-error")
    assert note.text_content().startswith("Units of layer 1")
    assert_kept_dimmed(page, recorder, kept, table_top)
    assert not page.get_by_test_id("layer-params").first.is_visible()


def test_the_chinese_page_speaks_chinese_with_the_same_numbers(site_url, new_page):
    page, recorder = new_page()
    page.add_init_script("window.alert = () => { window.__alerted = true; };")
    page.goto(site_url + "zh/answer/")
    page.get_by_role("link", name="在参数计算器中打开这个网络").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.url.endswith("zh/" + QUESTION)
    numbers = page_numbers(page)
    assert numbers["layers"] == [["96", "384"], ["33", "132"]]
    assert (numbers["total"], numbers["bytes"]) == ("129", "516")
    assert numbers["line"] == "参数总数（Total params）：129（516.00 B）"
    assert numbers["summary"]["rows"] == QUESTION_SUMMARY["rows"]
    assert numbers["summary"]["totals"] == [
        "参数总数（Total params）：129（516.00 B）",
        "可训练参数（Trainable params）：129（516.00 B）",
        "不可训练参数（Non-trainable params）：0（0.00 B）",
    ]
    assert page.get_by_label("输入特征数").input_value() == "2"
    for label in ("units（神经元数）", "激活函数", "dtype（变量类型）"):
        assert page.get_by_text(label, exact=True).count() == 2, label
    cards = page.locator("[data-calc-layers]").text_content()
    assert "2·32 + 32 = 96 个参数，× 4 B = 384.00 B" in cards
    assert "32·1 + 1 = 33 个参数，× 4 B = 132.00 B" in cards
    drawing = page.get_by_role("img", name=re.compile("共 129 个参数。"))
    assert (
        "Dense(32)接 softmax：kernel 2 × 32 = 64，偏置 32，64 + 32 = 96 个参数。"
        in (drawing.evaluate("svg => svg.querySelector('desc').textContent"))
    )
    assert page.evaluate(READ_DIAGRAM)["more"] == ["另有 24 个"]
    page.get_by_role("button", name="添加一层").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "131"
    assert (
        page.get_by_test_id("activation")
        .nth(2)
        .locator("option:checked")
        .text_content()
        == "无"
    )
    page.get_by_test_id("bias").nth(2).uncheck()
    cards = page.locator("[data-calc-layers]").text_content()
    assert "1·1 = 1 个参数（无偏置），× 4 B = 4.00 B" in cards
    page.get_by_role("button", name="删除第 3 个 Dense 层").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    # A reader's mistake, told in Chinese, next to the field; the last valid
    # model stays, dimmed.
    field = page.get_by_test_id("input")
    field.fill("")
    field.press_sequentially("0")
    assert page.locator("#calc-input-error").text_content() == (
        "输入特征数至少为 1，不能是 0。"
    )
    assert page.locator("[data-calculator][data-stale]").count() == 1
    assert page.get_by_test_id("total-params").count() == 0
    assert_nothing_ran(page, recorder)
    assert "参数总数（Total params）：—（请先修正上面的输入）" in (
        page.locator("[data-calc-sum]").text_content()
    )
    units = page.get_by_test_id("units").first
    field.fill("2")
    units.fill("")
    units.press_sequentially("3.5")
    assert page.locator("#calc-units-0-error").text_content() == (
        "第 1 层的 units 必须是整数：只能写数字。"
    )
    # A bad link: every problem in Chinese, joined without spaces; a hostile
    # one shows as text and runs nothing.
    page.goto(site_url + "zh/calculator/?input=2&input=3&units=32,1&dtype=float8,x")
    page.wait_for_selector("[data-calculator][data-ready]")
    dtypes = "、".join(DTYPES)
    assert page.get_by_test_id("error").text_content() == (
        "链接中 input= 出现了两次。"
        f"第 1 层的 dtype= 是“float8”：应为 {dtypes} 之一。"
        f"第 2 层的 dtype= 是“x”：应为 {dtypes} 之一。"
    )
    page.goto(site_url + "zh/calculator/?input=2&units=32&activation=gelu")
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.get_by_test_id("error").text_content() == (
        "第 1 层的 activation= 是“gelu”：应为 none、softmax、sigmoid、relu、tanh 之一。"
    )
    recorder.reset()
    page.goto(site_url + "zh/calculator/" + HOSTILE["img onerror in input"])
    page.wait_for_selector("[data-calculator][data-ready]")
    assert "不是数字" in page.locator("#calc-input-error").text_content()
    assert_refused(page, recorder)


# --- The built pages -----------------------------------------------------------

CALCULATOR_PAGES = {
    "calculator/index.html": "../javascripts/",
    "zh/calculator/index.html": "../../javascripts/",
}


def test_only_the_calculator_pages_load_its_scripts(built_site):
    """Its script is the calculator pages' own, with URLs relative to each page;
    no other page downloads it."""
    scripts = ("calculator.js",)
    for page, folder in CALCULATOR_PAGES.items():
        html = (built_site / page).read_text(encoding="utf-8")
        found = re.findall(r'<script src="([^"]*calculator[^"]*)"', html)
        assert found == [folder + script for script in scripts], (page, found)
        for script in scripts:
            assert (
                (built_site / page).parent.joinpath(folder, script).resolve().is_file()
            )
    for html in built_site.rglob("*.html"):
        rel = html.relative_to(built_site).as_posix()
        if rel not in CALCULATOR_PAGES:
            assert "calculator.js" not in html.read_text(encoding="utf-8"), rel


def test_the_calculator_pages_keep_no_markdown_attribute(built_site):
    """md_in_html's markdown= attribute is not HTML (the W3C checker refuses it)."""
    for page in CALCULATOR_PAGES:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "data-calculator" in html
        assert not re.search(r"<[^>]+\smarkdown=", html), page


def test_the_pages_say_mixed_precision_keeps_float32_variables():
    """The prose's claim about the dtype of the layer's variables, in Keras."""
    import keras
    from keras.src.utils.summary_utils import weight_memory_size

    keras.backend.clear_session()
    layer = keras.layers.Dense(32, dtype="mixed_float16")
    layer.build((None, 2))
    assert layer.compute_dtype == "float16"
    assert {w.dtype for w in layer.weights} == {"float32"}
    assert weight_memory_size(layer.weights) == 96 * 4
    keras.backend.clear_session()
    english, chinese = (
        # The text a reader sees: links as their words, code without backticks.
        " ".join(
            re.sub(
                r"\[([^\]]*)\]\([^)]*\)",
                r"\1",
                (ROOT / "docs" / name).read_text(encoding="utf-8"),
            )
            .replace("`", "")
            .split()
        )
        for name in ("calculator.md", "calculator.zh.md")
    )
    assert "the dtype of the layer's variables" in english
    assert "keeps float32 variables: 4 bytes each" in english
    assert "该层变量的 dtype" in chinese and "变量仍是 float32：每个 4 字节" in chinese


@pytest.mark.parametrize("width", [390, 1280])
def test_the_summary_table_is_ruled_and_spaced_as_keras_prints_it(
    site_url, new_page, width
):
    """Keras's table: ruled rows and columns, a heavier rule under its header,
    space between the columns, Param # to the right; all of it on a phone."""
    page, _ = open_calculator(new_page, site_url, width=width)
    table = page.locator("table.calc-summary")
    style = """(e, p) => parseFloat(getComputedStyle(e)[p])"""
    cells = table.locator("th, td")
    for cell in cells.all():
        for side in ("Top", "Right", "Bottom", "Left"):
            assert cell.evaluate(style, f"border{side}Width") >= 1
        for side in ("Left", "Right"):  # 10 px or more between two columns
            assert cell.evaluate(style, f"padding{side}") >= 5
    header = table.locator("thead th").first.evaluate(style, "borderBottomWidth")
    row = table.locator("tbody td").first.evaluate(style, "borderBottomWidth")
    assert header > row
    for cell in table.locator("th:last-child, td:last-child").all():
        assert cell.evaluate("e => getComputedStyle(e).textAlign") == "right"
    assert table.evaluate("t => t.getBoundingClientRect().right") <= width
