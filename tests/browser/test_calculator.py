"""The calculator page against Keras itself, and against bad and hostile input.

Keras's numbers are computed here with real Keras layers (Dense.build, then the very
functions model.summary() uses to count parameters and bytes); the page's numbers are
read from its data-testid hooks after it was driven like a reader drives it.
"""

import contextlib
import io
import random
import re
from dataclasses import dataclass

import pytest

DTYPES = ["float32", "float16", "bfloat16", "float64"]
QUESTION = "calculator/?input=2&units=32,1"
LINK_EVERY = 40


@dataclass(frozen=True)
class Config:
    input: int
    layers: tuple[tuple[int, bool, str], ...]  # (units, use_bias, dtype)

    @property
    def query(self) -> str:
        query = f"?input={self.input}&units=" + ",".join(
            str(u) for u, _, _ in self.layers
        )
        query += "&bias=" + ",".join("1" if b else "0" for _, b, _ in self.layers)
        return query + "&dtype=" + ",".join(d for _, _, d in self.layers)


def generated_configs(count: int = 220, seed: int = 5) -> list[Config]:
    """Seeded random stacks of 1 to 5 layers, sizes from 1 to 300,000 units, every
    dtype, a third without bias, and a few chosen edge cases first."""
    rng = random.Random(seed)
    configs = [
        Config(2, ((32, True, "float32"), (1, True, "float32"))),  # the question
        Config(1, ((288, True, "float16"),)),  # 1152 B = 1.125 KB: "1.12 KB"
        Config(3, ((128, True, "float32"),)),  # 2048 B = 2.00 KB exactly
        Config(1, ((127, True, "float32"),)),  # 1016 B: still bytes
        Config(1, ((128, False, "float64"),)),  # 1024 B = 1.00 KB
        Config(2**26, ((2**26, False, "float64"),)),  # 2^52 parameters, 32 PB
        Config(1, ((2**52 - 1, True, "float16"),)),  # 2^53 - 2: just fits
        Config(300_000, ((1_000_000, True, "float32"),)),  # 1.09 TB
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
            layers.append((units, bias, rng.choice(DTYPES)))
            n = units
        if params < 2**53:
            configs.append(Config(first, tuple(layers)))
    return configs


def keras_numbers(configs: list[Config]) -> list[dict]:
    """What Keras reports for each stack, built as a real Sequential model.

    The models are built in a StatelessScope that never initializes their
    variables: Keras knows every shape and dtype (all that counting needs), and a
    model of terabytes costs no memory. Parameters and bytes are read with the
    functions model.summary() uses; the total line is what summary() prints.
    """
    import keras
    from keras.src.backend.common.stateless_scope import StatelessScope
    from keras.src.utils.summary_utils import weight_memory_size

    results, printed = [], []
    keras.backend.clear_session()
    try:
        with StatelessScope(initialize_variables=False):
            for config in configs:
                model = keras.Sequential(
                    [keras.Input(shape=(config.input,))]
                    + [
                        keras.layers.Dense(units, use_bias=bias, dtype=dtype)
                        for units, bias, dtype in config.layers
                    ]
                )
                printed.clear()
                model.summary(print_fn=lambda line, **_: printed.append(line))
                line = re.search(
                    r"Total params: [\d,]+ \([\d.]+ [KMGTP]?B\)", "\n".join(printed)
                )
                results.append(
                    {
                        "layers": [
                            (layer.count_params(), weight_memory_size(layer.weights))
                            for layer in model.layers
                        ],
                        "total": model.count_params(),
                        "bytes": weight_memory_size(model.weights),
                        "line": line[0],
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
    )


# Sets the form to a config the way a reader does (values, clicks, change
# events), for every config in one go, and reads the page's hooks each time.
DRIVE = """async configs => {
    const root = document.querySelector("[data-calculator]");
    const rows = () => root.querySelectorAll("[data-testid=layer]");
    const type = (field, value) => {
        field.value = value;
        field.dispatchEvent(new Event("input", {bubbles: true}));
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
            const [units, bias, dtype] = config.layers[i];
            type(row.querySelector("[data-testid=units]"), String(units));
            const box = row.querySelector("[data-testid=bias]");
            if (box.checked !== bias) box.click();
            const select = row.querySelector("[data-testid=dtype]");
            select.value = dtype;
            select.dispatchEvent(new Event("change", {bubbles: true}));
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
            error: root.querySelector("[data-testid=error]").textContent,
            query: config.link ? location.search : null,
        });
    }
    return results;
}"""


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
    }


def open_calculator(new_page, site_url, query="", scheme="light"):
    page, recorder = new_page(scheme)
    page.add_init_script("window.alert = () => { window.__alerted = true; };")
    page.goto(site_url + "calculator/" + query)
    page.wait_for_selector("[data-calculator][data-ready]")
    return page, recorder


def test_it_opens_on_the_questions_model_from_the_answer_page(site_url, new_page):
    page, recorder = new_page()
    page.goto(site_url + "answer/")
    page.get_by_role("link", name="Open this network in the parameter").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.url.endswith(QUESTION)
    numbers = page_numbers(page)
    assert numbers == {
        "layers": [["96", "384"], ["33", "132"]],
        "total": "129",
        "bytes": "516",
        "line": "Total params: 129 (516.00 B)",
    }
    assert "2·32 + 32 = 96" in page.locator("[data-calc-rows]").text_content()
    assert "32·1 + 1 = 33" in page.locator("[data-calc-rows]").text_content()
    assert not recorder.problems({page.url.split("/")[2]})


def test_the_calculator_equals_keras_on_generated_configurations(site_url, new_page):
    configs = generated_configs()
    assert len(configs) >= 200
    assert {d for c in configs for _, _, d in c.layers} == set(DTYPES)
    assert any(not b for c in configs for _, b, _ in c.layers)
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


def test_the_code_the_page_writes_builds_the_model_keras_summarises(site_url, new_page):
    """The 'same model in Keras' block, run: its summary says what the page says."""
    import keras

    page, _ = open_calculator(new_page, site_url)

    def params(config):
        n, total = config.input, 0
        for units, bias, _ in config.layers:
            total, n = total + n * units + (units if bias else 0), units
        return total

    small = [c for c in generated_configs() if params(c) < 200_000]
    for config in small[:6]:
        page.goto(site_url + "calculator/" + config.query)
        page.wait_for_selector("[data-calculator][data-ready]")
        code = page.locator("[data-calc-code]").text_content()
        keras.backend.clear_session()
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(code, {})  # noqa: S102 - the page's own example, run as a reader would
        summary = re.search(r"Total params: [\d,]+ \([\d.]+ \w+\)", printed.getvalue())
        assert summary and summary[0] == page_numbers(page)["line"], code


def test_adding_removing_and_typing_update_the_numbers_and_the_link(site_url, new_page):
    page, recorder = open_calculator(new_page, site_url, "?input=2&units=32,1")
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
    "broken escape": "?input=2&units=32%2",
    "Infinity": "?input=Infinity&units=32",
    "NaN": "?input=NaN&units=32",
}
HOSTILE = {
    "img onerror in input": "?input=<img src=x onerror=alert(1)>&units=32,1",
    "script in units": "?input=2&units=<script>alert(1)</script>",
    "svg onload in dtype": "?input=2&units=32&dtype=<svg/onload=alert(1)>",
    "escaped img in bias": "?input=2&units=32&bias="
    + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "quote breaking out": '?input=2"><img src=x onerror=alert(1)>&units=32',
}


def assert_refused(page, recorder):
    error = page.get_by_test_id("error")
    assert error.is_visible() and error.text_content().strip()
    assert page.get_by_test_id("total-params").count() == 0
    assert page.get_by_test_id("layer-params").count() == 0
    text = page.locator("[data-calculator]").inner_text()
    for word in ("NaN", "Infinity", "undefined"):
        assert word not in text.replace(page.get_by_test_id("error").inner_text(), "")
    # The page's own scripts have a src; nothing a link says becomes one.
    assert (
        page.locator(
            "article img, article script:not([src]), article svg[onload]"
        ).count()
        == 0
    )
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


def test_bad_typing_shows_the_message_next_to_the_field_and_no_stale_number(
    site_url, new_page
):
    page, recorder = open_calculator(new_page, site_url)
    field = page.get_by_test_id("input")
    for typed in ["", "0", "-3", "2.5", "abc", "<b>bold</b>", "99999999999999999"]:
        field.fill("")
        field.press_sequentially(typed) if typed else field.press("Backspace")
        assert_refused(page, recorder)
        assert field.get_attribute("aria-invalid") == "true"
        note = page.locator("#calc-input-error")
        assert note.is_visible() and note.text_content().startswith("Input features")
        assert page.locator("#calc-input-error b").count() == 0
    field.fill("")
    field.press_sequentially("2")
    assert page.get_by_test_id("error").is_hidden()
    assert field.get_attribute("aria-invalid") is None
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    units = page.get_by_test_id("units").first
    units.fill("")
    units.press_sequentially("3.5")
    assert (
        page.locator("#calc-units-0-error")
        .text_content()
        .startswith("Units of layer 1")
    )
    assert_refused(page, recorder)


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
    assert page.get_by_label("输入特征数").input_value() == "2"
    assert page.get_by_text("units（神经元个数）").count() == 2
    rows = page.locator("[data-calc-rows]").text_content()
    assert "2·32 + 32 = 96" in rows and "32·1 + 1 = 33" in rows
    page.get_by_role("button", name="添加一层").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "131"
    page.get_by_test_id("bias").nth(2).uncheck()
    assert "1·1 = 1（无偏置）" in page.locator("[data-calc-rows]").text_content()
    page.get_by_role("button", name="删除第 3 个 Dense 层").click()
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    # A reader's mistake, told in Chinese, next to the field and in the status box.
    field = page.get_by_test_id("input")
    field.fill("")
    field.press_sequentially("0")
    assert page.locator("#calc-input-error").text_content() == (
        "输入特征数至少为 1，不能是 0。"
    )
    assert_refused(page, recorder)
    assert "参数总数（Total params）：—（请先修正上面的输入）" in (
        page.locator("[data-calc-totals]").text_content()
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
    assert page.get_by_test_id("error").text_content() == (
        "链接中 input= 出现了两次。"
        "第 1 层的 dtype= 是“float8”：应为 float32、float16、bfloat16、float64 之一。"
        "第 2 层的 dtype= 是“x”：应为 float32、float16、bfloat16、float64 之一。"
    )
    recorder.reset()
    page.goto(site_url + "zh/calculator/" + HOSTILE["img onerror in input"])
    page.wait_for_selector("[data-calculator][data-ready]")
    assert "不是数字" in page.get_by_test_id("error").text_content()
    assert_refused(page, recorder)
