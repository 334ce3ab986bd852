"""The "Watch it learn" page against Keras: what it computes while a reader watches
is what Keras computed from the same start, and a reader can watch it: the network
on screen, a neuron opened up, a speed control, nothing jumping.

Keras's side is captured (snippets/training/train.out, snippets/watch/keras_runs.json
and stages.json, written by their snippets); the page's side is read from what it
shows after it was driven as a reader drives it: its log, its predictions, each
stage's values (a stage keeps its full-precision values in data-values), the opened
neuron's sum. The bite tests serve a copy of the built page with one captured
number changed, or change Keras's side of a comparison, and see it fail.
"""

import json
import re
import shutil
from urllib.parse import urlencode, urlsplit

import numpy as np
import pytest

from tests.browser.conftest import serve, wait_until
from tests.conftest import ROOT
from tests.helpers import logged_epochs, printed, printed_predictions

WATCH = ROOT / "snippets" / "watch"
LOG_LINE = re.compile(r"Epoch (\d+) - accuracy: ([\d.]+) - loss: ([\d.]+)")
FLOAT32_NOISE = 5e-6  # stages.json holds 6 decimals; float32 sums of 32 terms
STAGES = ["dense", "hidden", "dense_2", "sigmoid"]


def keras_runs() -> dict:
    return json.loads((WATCH / "keras_runs.json").read_text(encoding="utf-8"))


def keras_stages() -> dict:
    return json.loads((WATCH / "stages.json").read_text(encoding="utf-8"))


def train_out():
    """train.py's log (accuracy, loss, as printed) and its four predictions."""
    out = printed("training/train.py")
    log, predictions = logged_epochs(out), printed_predictions(out)
    assert len(log) == 30 and len(predictions) == 4, "train.out changed its form"
    return log, predictions


def query(run: dict, **extra) -> str:
    return "?" + urlencode(
        {
            "data": run["data"],
            "units": run["units"],
            "activation": run["activation"],
            "lr": run["learning_rate"],
            **extra,
        }
    )


def open_watch(new_page, url: str, reduced: bool = True):
    page, recorder = new_page(reduced_motion="reduce" if reduced else "no-preference")
    page.goto(url)
    page.wait_for_selector("[data-watch][data-ready]")
    return page, recorder


def epoch(page) -> int:
    return int(page.get_attribute("[data-watch]", "data-epoch"))


def train_to_the_end(page, epochs: int = 30) -> int:
    """Play, with reduced motion: the page runs at once to Keras's last epoch
    (100 epochs where no Keras log is captured), and its figures catch up (on a
    busy machine, after the idle tasks that draw them)."""
    page.click("[data-watch-play]")
    page.wait_for_selector(f"[data-watch][data-epoch='{epochs}']")
    figures_drawn(page)
    return epochs


def figures_drawn(page):
    """Wait until no figure says it is behind the training (aria-busy)."""
    wait_until(page, "!document.querySelector('.watch canvas[aria-busy=true]')")


def page_log(page) -> list[tuple[str, str]]:
    """(accuracy, loss) of every epoch, as the page's log shows them."""
    lines = page.inner_text("[data-watch-log]").splitlines()
    found = [LOG_LINE.search(line) for line in lines]
    return [(m[2], m[3]) for m in found if m]


def page_losses(page) -> list[float]:
    return json.loads(page.get_attribute("[data-watch-log]", "data-losses"))


def page_predictions(page) -> list[str]:
    return page.locator("[data-watch-predictions] tr td:nth-child(3)").all_inner_texts()


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_question_trains_exactly_as_keras_logged(lang, site_url, new_page):
    """Every epoch's accuracy and loss, to the 4 decimals Keras printed, and the four
    predictions after the last: train.out, in both languages."""
    log, predictions = train_out()
    page, recorder = open_watch(new_page, f"{site_url}{lang}watch/")
    assert page.get_attribute("[data-watch]", "data-start") == "keras"
    assert train_to_the_end(page) == 30
    assert page_log(page) == log
    assert page_predictions(page) == predictions
    assert recorder.problems({urlsplit(site_url).netloc}) == []


def run_mismatches(page, run: dict) -> list[str]:
    """Where the page, trained to the end, differs from a captured Keras run."""
    train_to_the_end(page, run["epochs"])
    problems = []
    losses = page_losses(page)
    if len(losses) != run["epochs"]:
        problems.append(f"{len(losses)} epochs, Keras ran {run['epochs']}")
    for epoch, (ours, keras) in enumerate(zip(losses, run["losses"], strict=False), 1):
        if abs(ours - keras) > 1e-5:
            problems.append(f"epoch {epoch}: loss {ours}, Keras {keras}")
    shown = [float(p) for p in page_predictions(page)]
    if shown != pytest.approx(run["predictions"], abs=1e-4):
        problems.append(f"predictions {shown}, Keras {run['predictions']}")
    weights = json.loads(page.get_attribute("[data-watch-heat]", "data-weights"))
    for name, keras in run["trained"].items():
        if np.abs(np.subtract(weights[name], keras)).max() > 1e-4:
            problems.append(f"trained {name} is not Keras's")
    keras_column = page.locator("[data-watch-predictions] tr td:nth-child(4)")
    if keras_column.all_inner_texts() != [f"{p:.4f}" for p in run["predictions"]]:
        problems.append("the Keras column is not the captured predictions")
    return problems


def show_all_values(page):
    """Open the disclosure "Show all 32 values, and Keras's", as a reader does."""
    if not page.get_attribute("[data-watch-more]", "open"):
        page.click("[data-watch-more] summary")


def stage_mismatches(page, keras: dict) -> list[str]:
    """Where the page's stages of the shown row differ from Keras's."""
    show_all_values(page)
    problems = []
    for stage in STAGES:
        shown = json.loads(
            page.get_attribute(f"[data-watch-values-{stage}]", "data-values")
        )
        expected = keras["softmax" if stage == "hidden" else stage]
        if shown != pytest.approx(expected, abs=FLOAT32_NOISE):
            problems.append(f"{stage}: {shown} against Keras's {expected}")
        if "snippets/watch/stages.py" not in page.inner_text(
            f"[data-watch-keras-{stage}]"
        ):
            problems.append(f"{stage}: the page does not show Keras's values")
    return problems


def run_id(run: dict) -> str:
    return f"{run['data']}-{run['activation']}-{run['epochs']}"


@pytest.mark.parametrize("run", keras_runs()["runs"], ids=run_id)
def test_every_captured_run_is_the_pages_run(run, site_url, new_page):
    """Each configuration Keras ran (snippets/watch/keras_runs.py), on the page from
    its link: every epoch's loss within float32 noise of Keras's, and its
    predictions, beside Keras's own."""
    page, _ = open_watch(new_page, f"{site_url}watch/{query(run)}")
    assert page.get_attribute("[data-watch]", "data-start") == "keras"
    assert "is captured" in page.inner_text("[data-watch-keras-run]")
    assert run_mismatches(page, run) == []


@pytest.mark.parametrize("weights", ["start", "trained"])
@pytest.mark.parametrize("row", range(4))
def test_each_stage_of_a_row_is_what_keras_computed(weights, row, site_url, new_page):
    """x · kernel + bias, the softmax (summing to 1), · kernel_2 + bias_2 and the
    sigmoid, for each row of X with Keras's start and trained weights: within
    float32 noise of each layer's output in Keras (snippets/watch/stages.py)."""
    keras = keras_stages()[weights][row]
    page, _ = open_watch(new_page, f"{site_url}watch/?row={row}&weights={weights}")
    assert stage_mismatches(page, keras) == []
    assert sum(keras["softmax"]) == pytest.approx(1, abs=1e-5)


def test_an_own_input_is_computed_and_says_keras_has_no_capture(site_url, new_page):
    page, _ = open_watch(new_page, f"{site_url}watch/?x=0.5,1")
    show_all_values(page)
    assert page.input_value("[data-watch-field=x1]") == "0.5"
    note = page.inner_text("[data-watch-keras-sigmoid]")
    assert "not captured" in note
    value = json.loads(page.get_attribute("[data-watch-values-sigmoid]", "data-values"))
    assert 0 < value[0] < 1


def test_a_start_keras_did_not_make_is_called_the_pages_own(site_url, new_page):
    """Hidden units whose Keras start is not captured: the page draws its own and
    says plainly that the start is not Keras's, and compares with no log."""
    units = next(u for u in range(3, 200) if str(u) not in keras_runs()["starts"])
    page, _ = open_watch(new_page, f"{site_url}watch/?units={units}")
    assert page.get_attribute("[data-watch]", "data-start") == "page"
    assert "not by Keras" in page.inner_text("[data-watch-start]")
    assert "No Keras log" in page.inner_text("[data-watch-keras-run]")
    train_to_the_end(page, 100)
    losses = page_losses(page)
    assert losses[-1] < losses[0]


def test_a_wrong_link_names_each_problem_and_runs_nothing(site_url, new_page):
    page, recorder = open_watch(
        new_page, f"{site_url}watch/?units=3.5&activation=gelu&lr=0&colour=red"
    )
    error = page.inner_text("[data-watch-error]")
    for expected in ("Hidden units", "gelu", "Learning rate", "colour="):
        assert expected in error
    assert page.is_disabled("[data-watch-play]")
    assert page.get_attribute("[data-watch-field=units]", "aria-invalid") == "true"
    assert recorder.page_errors == []


def test_the_link_keeps_the_state(site_url, new_page):
    page, _ = open_watch(new_page, f"{site_url}watch/")
    page.select_option("[data-watch-field=data]", "xor")
    page.fill("[data-watch-field=units]", "8")
    page.select_option("[data-watch-field=activation]", "relu")
    page.check("[data-watch-row][value='1']")
    url = page.url
    assert "data=xor" in url and "units=8" in url and "activation=relu" in url
    again, _ = open_watch(new_page, url)
    assert again.input_value("[data-watch-field=units]") == "8"
    assert again.input_value("[data-watch-field=data]") == "xor"
    assert again.is_checked("[data-watch-row][value='1']")


def test_it_can_be_used_from_the_keyboard(site_url, new_page):
    """Step, Play, the speed and a neuron by Tab, Enter, Space and the arrow keys,
    then the row by arrow keys: the whole page without a pointer."""
    page, _ = open_watch(new_page, f"{site_url}watch/")

    def focused() -> str:
        return page.evaluate(
            "Object.keys(document.activeElement.dataset).join(' ') + ' ' +"
            " (document.activeElement.getAttribute('data-testid') || '')"
        )

    page.focus("[data-watch-step]")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert epoch(page) == 2
    page.keyboard.press("Shift+Tab")
    assert "watchPlay" in focused()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-watch][data-epoch='30']")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert "speed" in focused()
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("[data-watch]", "data-speed") == "10"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert "neuron" in focused()
    page.keyboard.press("Enter")
    assert page.inner_text("[data-testid=neuron-sum]").startswith("h2")
    page.focus("[data-watch-row][value='3']")
    page.keyboard.press("ArrowLeft")
    assert page.is_checked("[data-watch-row][value='2']")
    assert page.input_value("[data-watch-field=x1]") == "1"
    assert page.input_value("[data-watch-field=x2]") == "0"
    assert "[1, 0]" in page.inner_text("[data-testid=neuron-sum]")


def test_play_animates_and_pauses_while_the_tab_is_hidden(site_url, new_page):
    """Without reduced motion, Play takes its time; a hidden tab pauses it, and
    showing the tab again resumes it."""
    page, _ = open_watch(new_page, f"{site_url}watch/", reduced=False)
    page.click("[data-watch-play]")
    wait_until(page, "Number(document.querySelector('[data-watch]').dataset.epoch) > 2")
    hide(page, True)
    paused = page.get_attribute("[data-watch]", "data-epoch")
    page.wait_for_timeout(400)
    assert page.get_attribute("[data-watch]", "data-epoch") == paused
    hide(page, False)
    wait_until(
        page,
        f"Number(document.querySelector('[data-watch]').dataset.epoch) > {paused}",
    )


def hide(page, hidden: bool):
    """The tab hidden or shown again, as the browser tells a page."""
    page.evaluate(
        """(hidden) => {
            Object.defineProperty(document, "hidden", {value: hidden,
                                                       configurable: true});
            document.dispatchEvent(new Event("visibilitychange"));
        }""",
        hidden,
    )


def test_every_picture_states_its_numbers(site_url, new_page):
    """The canvases are images whose text alternative gives the numbers drawn."""
    log, predictions = train_out()
    page, _ = open_watch(new_page, f"{site_url}watch/")
    train_to_the_end(page)
    loss = page.get_attribute("[data-watch-loss]", "aria-label")
    assert log[0][1] in loss and log[-1][1] in loss
    boundary = page.get_attribute("[data-watch-boundary]", "aria-label")
    assert all(p in boundary for p in predictions)
    heat = page.get_attribute("[data-watch-heat]", "aria-label")
    assert "kernel x1" in heat and "bias_2" in heat
    for canvas in page.locator(".watch canvas").all():
        assert canvas.get_attribute("role") == "img"
        assert canvas.get_attribute("aria-label")


# ---- bites: one captured number changed, and the comparison notices ---------


@pytest.fixture
def tampered_site(built_site, tmp_path):
    """A copy of the built site whose page carries one Keras start weight changed."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    server = serve(site)
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def tamper(site, change):
    """Change the page's inline Keras runs (data-watch-keras_runs) with change()."""
    page_file = site / "watch" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    element = re.compile(
        r'(<script type="application/json" id="data-watch-keras_runs">)'
        r"(.*?)(</script>)",
        re.S,
    )
    found = element.search(html)
    assert found, "the page no longer carries Keras's runs inline"
    runs = json.loads(found[2])
    change(runs)
    html = html[: found.start(2)] + json.dumps(runs) + html[found.end(2) :]
    page_file.write_text(html, encoding="utf-8")


def test_bite_a_changed_start_weight_breaks_the_match_with_train_out(
    tampered_site, new_page
):
    site, url = tampered_site

    def change(runs):
        runs["starts"]["32"]["kernel"][0][0] += 0.05

    tamper(site, change)
    log, _ = train_out()
    page, _ = open_watch(new_page, f"{url}watch/")
    train_to_the_end(page)
    assert page_log(page) != log


@pytest.mark.parametrize("run", keras_runs()["runs"], ids=run_id)
def test_bite_one_changed_keras_loss_or_prediction_is_a_mismatch(
    run, site_url, new_page
):
    for key, i in (("losses", run["epochs"] // 2), ("predictions", 3), ("bias", 5)):
        changed = json.loads(json.dumps(run))
        (changed["trained"] if key == "bias" else changed)[key][i] += 0.001
        page, _ = open_watch(new_page, f"{site_url}watch/{query(run)}")
        assert run_mismatches(page, changed), key


def test_bite_one_changed_keras_stage_value_is_a_mismatch(site_url, new_page):
    keras = keras_stages()["trained"][3]
    page, _ = open_watch(new_page, f"{site_url}watch/?row=3&weights=trained")
    for stage in ("dense", "softmax", "dense_2", "sigmoid"):
        changed = json.loads(json.dumps(keras))
        changed[stage][0] += 1e-4
        assert stage_mismatches(page, changed), stage


@pytest.mark.parametrize(
    ("calculator", "watch"),
    [
        ("input=2&units=8,1&activation=relu,sigmoid", "?units=8&activation=relu"),
        ("input=2&units=32,1&activation=none,sigmoid", "?units=32&activation=linear"),
        ("input=3&units=8,1&activation=relu,sigmoid", ""),  # 3 inputs: the question
        ("input=2&units=8,2&activation=relu,softmax", ""),
    ],
)
def test_the_calculator_links_here_with_its_network(
    calculator, watch, site_url, new_page
):
    page, _ = new_page()
    page.goto(f"{site_url}calculator/?{calculator}")
    page.wait_for_selector("[data-calculator][data-ready]")
    link = page.locator("[data-calc-watch]")
    assert link.get_attribute("href").endswith("watch/" + watch)
    if watch:
        link.click()
        page.wait_for_selector("[data-watch][data-ready]")
        units, activation = re.findall(r"=(\w+)", watch)
        assert page.input_value("[data-watch-field=units]") == units
        assert page.input_value("[data-watch-field=activation]") == activation


def test_the_pictures_colour_as_their_captions_say(site_url, new_page):
    """The boundary is red where the output is above 0.5 and blue below it; each
    weight's cell is red above 0 and blue below (read from the canvases' pixels,
    with the numbers the page computed)."""
    page, _ = open_watch(new_page, f"{site_url}watch/")
    train_to_the_end(page)
    pixel = """([selector, x, y]) => {
        const canvas = document.querySelector(selector);
        const ratio = canvas.width / canvas.clientWidth;
        const [r, g, b] = canvas.getContext("2d")
            .getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        return [r, g, b];
    }"""
    left, top, size = map(
        float, page.get_attribute("[data-watch-boundary]", "data-plot").split(",")
    )
    # The plane runs from -0.25 to 1.25: a corner is a point of its own.
    corners = (((left + 3, top + 3), False), ((left + size - 3, top + 3), True))
    for (x, y), above in corners:
        r, _, b = page.evaluate(pixel, ["[data-watch-boundary]", x, y])
        assert (r > b) == above, (x, y, r, b)
    weights = json.loads(page.get_attribute("[data-watch-heat]", "data-weights"))
    width = page.evaluate("document.querySelector('[data-watch-heat]').clientWidth")
    cell = (width - 70) / 32  # watch.js's drawHeat: labels, then one cell each
    for i, value in enumerate(weights["kernel"][0]):
        r, _, b = page.evaluate(pixel, ["[data-watch-heat]", 70 + (i + 0.5) * cell, 12])
        if abs(value) > 0.2:  # pale cells are close to the background
            assert (r > b) == (value > 0), (i, value, r, b)


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_predictions_fit_a_phone(site_url, new_page, lang):
    """On a 390 px phone the predictions table, Keras's column included, is read
    without scrolling sideways: no column is cut off at the screen's edge."""
    page, _ = new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site_url}{lang}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    table = page.locator("[data-watch-predictions]").locator("xpath=..")
    right = table.evaluate("t => t.getBoundingClientRect().right")
    wrap = table.evaluate("t => t.closest('.md-typeset__scrollwrap').clientWidth")
    assert right <= wrap, f"the table ends at {right} px, the screen at {wrap} px"


# ---- the network on screen, an opened neuron, the speed, nothing jumping -------

SHOWN = [0, 1, 2, 3, 28, 29, 30, 31]  # the diagram's neurons of 32: 4, "24 more", 4
SHOWN_DECIMALS = 0.5e-4 + 1e-6  # the page prints 4 decimals of a 6-decimal capture


def drawn_weights(page) -> dict:
    """Each drawn line's weight, by (hidden neuron, input or 'out')."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-watch-net] line'))
            .map(l => l.getAttribute('data-weight'))"""
    )


def expected_lines(w: dict) -> list[str]:
    """The diagram's lines in the order watch.js draws them: per drawn neuron,
    x1's and x2's weight into it, then its weight to the output."""
    return [
        v
        for j in SHOWN
        for v in (w["kernel"][0][j], w["kernel"][1][j], w["kernel_2"][j][0])
    ]


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_network_is_on_screen_and_its_weights_change_while_it_trains(
    lang, site_url, new_page
):
    """The question's network drawn: 8 of its 32 hidden neurons (h1-h4, h29-h32),
    the output; each line is a weight of the training's, and while Play runs they
    change with it."""
    page, recorder = open_watch(new_page, f"{site_url}{lang}watch/", reduced=False)
    neurons = page.get_by_test_id("neuron")
    assert [int(n.get_attribute("data-index")) for n in neurons.all()] == SHOWN
    assert page.get_by_test_id("output-neuron").count() == 1
    assert [t.strip() for t in neurons.all_text_contents()] == [
        f"h{j + 1}" for j in SHOWN
    ]
    start = keras_runs()["starts"]["32"]
    at_start = drawn_weights(page)
    # float32 of the JSON's decimals: within a float32 unit of a weight below 1.
    assert [float(v) for v in at_start] == pytest.approx(
        expected_lines(start), abs=1e-7
    )
    page.get_by_test_id("speed").fill("4")  # 30 epochs a second
    page.click("[data-watch-play]")
    wait_until(
        page, "Number(document.querySelector('[data-watch]').dataset.epoch) >= 5"
    )
    page.click("[data-watch-play]")  # pause, to read one state
    figures_drawn(page)
    now = json.loads(page.get_attribute("[data-watch-heat]", "data-weights"))
    drawn = [float(v) for v in drawn_weights(page)]
    assert drawn == pytest.approx(expected_lines(now), abs=0)
    assert drawn != pytest.approx([float(v) for v in at_start], abs=1e-3)
    # As the caption says: a line is red above 0, blue below.
    colours = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-watch-net] line'))
            .map(l => getComputedStyle(l).stroke.match(/[0-9]+/g).map(Number))"""
    )
    assert [r > b for r, _, b in colours] == [v > 0 for v in drawn]
    assert recorder.page_errors == []


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["1280", "390"])
def test_play_is_in_the_first_screen_and_the_network_follows(
    lang, size, site_url, new_page
):
    width, height = size
    page, _ = new_page(viewport={"width": width, "height": height})
    page.goto(f"{site_url}{lang}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    play = page.locator("[data-watch-play]").bounding_box()
    assert play["y"] + play["height"] <= height, play
    net = page.locator("[data-watch-net] svg").bounding_box()
    assert net["y"] < height, f"the network starts at {net['y']} px"
    assert net["y"] - (play["y"] + play["height"]) < 120, (play, net)


def neuron_mismatches(page, keras: dict, row: int, when: str) -> list[str]:
    """Open each drawn neuron and the output for a row; where the sum it shows
    differs from Keras's layer outputs (stages.json) to the 4 decimals shown."""
    page.check(f"[data-watch-row][value='{row}']")
    problems = []

    def term(name: str) -> float:
        locator = page.locator(f"[data-testid=neuron-sum] [data-term={name}]")
        return float(locator.inner_text().replace("\u2212", "-"))

    for j in SHOWN:
        page.get_by_test_id("neuron").nth(SHOWN.index(j)).click()
        text = page.inner_text("[data-testid=neuron-sum]")
        if (
            not text.startswith(f"h{j + 1}")
            or f"[{', '.join(map(str, X[row]))}]" not in text
        ):
            problems.append(f"{when} row {row}: h{j + 1} is not the opened one: {text}")
        for name, stage in (("h", "dense"), ("a", "softmax")):
            shown, expected = term(name), keras[stage][j]
            if abs(shown - expected) > SHOWN_DECIMALS:
                problems.append(
                    f"{when} row {row} h{j + 1}: {name} {shown}, {expected}"
                )
    page.get_by_test_id("output-neuron").click()
    for name, stage in (("z", "dense_2"), ("p", "sigmoid")):
        if abs(term(name) - keras[stage][0]) > SHOWN_DECIMALS:
            problems.append(
                f"{when} row {row} out: {name} {term(name)}, Keras {keras[stage][0]}"
            )
    return problems


X = [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_an_opened_neuron_is_keras_s_stage_at_the_start_and_after_training(
    lang, site_url, new_page
):
    """Every drawn hidden neuron's x1·w1 + x2·w2 + b and softmax share, and the
    output's z and sigmoid, for every row, at epoch 0 and after Keras's 30
    epochs: Keras's layer outputs (snippets/watch/stages.json) to the 4 decimals
    the page prints."""
    stages = keras_stages()
    page, _ = open_watch(new_page, f"{site_url}{lang}watch/")
    problems = []
    for row in range(4):
        problems += neuron_mismatches(page, stages["start"][row], row, "start")
    train_to_the_end(page)
    for row in range(4):
        problems += neuron_mismatches(page, stages["trained"][row], row, "trained")
    assert problems == []
    sum_text = page.inner_text("[data-testid=neuron-sum]")
    assert "sigmoid" in sum_text


def test_bite_a_changed_stage_is_a_mismatch_of_the_opened_neuron(site_url, new_page):
    page, _ = open_watch(new_page, f"{site_url}watch/")
    for stage, i in (("dense", 28), ("softmax", 0), ("dense_2", 0), ("sigmoid", 0)):
        changed = json.loads(json.dumps(keras_stages()["start"][2]))
        changed[stage][i] += 1e-4
        assert neuron_mismatches(page, changed, 2, "start"), stage


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_training_goes_on_past_keras_s_log_and_says_so(lang, site_url, new_page):
    """Play again after Keras's 30 epochs: the page trains on alone, the log
    keeps Keras's 30 epochs as train.out printed them and marks where they
    end, and the page marks that it is past them."""
    log, _ = train_out()
    page, _ = open_watch(new_page, f"{site_url}{lang}watch/")
    train_to_the_end(page)
    assert page.get_attribute("[data-watch]", "data-past-keras") is None
    assert not page.locator("[data-watch-past]").is_visible()
    page.click("[data-watch-play]")
    page.wait_for_selector("[data-watch][data-epoch='130']")
    figures_drawn(page)
    assert page.get_attribute("[data-watch]", "data-past-keras") == ""
    past = page.locator("[data-watch-past]")
    assert past.is_visible() and "30" in past.inner_text()
    text = page.inner_text("[data-watch-log]")
    assert page_log(page)[:30] == log
    lines = text.splitlines()
    assert "30" in lines[30] and "Keras" in lines[30], lines[30]
    assert LOG_LINE.search(lines[-1])[1] == "130"
    losses = page_losses(page)
    assert len(losses) == 130 and losses[-1] < losses[29]
    label = page.get_attribute("[data-watch-loss]", "aria-label")
    assert "130" in label and "30" in label


def epochs_in(page, seconds: float) -> int:
    before = epoch(page)
    page.wait_for_timeout(seconds * 1000)
    return epoch(page) - before


FASTEST = {"": "fastest", "zh/": "最快"}


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_speed_control_changes_the_epochs_per_second(lang, site_url, new_page):
    """1 epoch a second, then 100: the epochs run in the same time differ as the
    control says (counted loosely: two shared cores), and its label says so in
    the page's language."""
    page, _ = open_watch(new_page, f"{site_url}{lang}watch/", reduced=False)
    speed = page.get_by_test_id("speed")
    speed.fill("0")
    assert page.get_attribute("[data-watch]", "data-speed") == "1"
    page.click("[data-watch-play]")
    slow = epochs_in(page, 2.5)
    speed.fill("5")
    assert page.get_attribute("[data-watch]", "data-speed") == "100"
    assert "100" in page.inner_text("[data-watch-speed-label]")
    fast = epochs_in(page, 2.5)
    assert 1 <= slow <= 4, slow
    assert fast >= 20 * slow, (slow, fast)
    # As fast as it goes: counted from before the change, since here it can
    # run all MAX_EPOCHS (10000) in a few frames, before the next read.
    before = epoch(page)
    speed.fill("7")
    assert FASTEST[lang] in page.inner_text("[data-watch-speed-label]")
    page.wait_for_timeout(1000)
    fastest = epoch(page) - before
    assert fastest > fast / 2.5, (fast, fastest)


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_nothing_shifts_while_it_trains(lang, width, site_url, new_page):
    """Chromium's layout-shift entries while Play runs past Keras's log, is
    paused, and stepped: none (Play and Pause one width, the log one height).
    The screen is tall enough to hold the whole page: Chromium counts only the
    shifts it shows."""
    page, _ = new_page(
        viewport={"width": width, "height": 4000}, reduced_motion="no-preference"
    )
    page.goto(f"{site_url}{lang}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    page.evaluate(
        """() => {
            window.zzShifts = [];
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) window.zzShifts.push(e.value);
            }).observe({type: "layout-shift"});
        }"""
    )
    step = page.locator("[data-watch-step]").bounding_box()
    page.get_by_test_id("speed").fill("4")
    page.click("[data-watch-play]")
    wait_until(
        page,
        "Number(document.querySelector('[data-watch]').dataset.epoch) > 40",
        timeout=10,
    )
    assert page.locator("[data-watch-step]").bounding_box() == step
    page.click("[data-watch-play]")
    page.click("[data-watch-step]")
    page.wait_for_timeout(300)
    assert page.evaluate("window.zzShifts") == []


def test_the_offline_edition_trains_as_keras_did_from_file(offline_site, new_page):
    """From file://: the page's data are inline and its script one file, so it
    trains to train.out's log with no request but its own files."""
    log, _ = train_out()
    page, recorder = new_page(reduced_motion="reduce")
    page.goto((offline_site / "watch.html").as_uri())
    page.wait_for_selector("[data-watch][data-ready]")
    train_to_the_end(page)
    assert page_log(page) == log
    assert all(u.startswith(("file://", "data:", "blob:")) for u in recorder.requests)
    assert not recorder.problems({""})


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_nothing_shifts_as_the_page_loads(lang, site_url, new_page):
    """The network, the opened neuron and the notes the script fills in have
    their room before it runs: no layout-shift entry on a phone's first screen
    (without it, 0.13 to 0.16 of the screen moved, Lighthouse's CLS)."""
    page, _ = new_page(viewport={"width": 412, "height": 823})
    page.add_init_script(
        """window.zzShifts = [];
        new PerformanceObserver(list => {
            for (const e of list.getEntries()) window.zzShifts.push(e.value);
        }).observe({type: "layout-shift", buffered: true});"""
    )
    page.goto(f"{site_url}{lang}watch/", wait_until="networkidle")
    page.wait_for_selector("[data-watch][data-ready]")
    page.wait_for_timeout(300)
    assert page.evaluate("window.zzShifts") == []


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_each_neuron_has_its_picture_and_a_line_reads_its_weight(
    lang, site_url, new_page
):
    """Each drawn hidden neuron has its own picture over the input plane; the
    pointer on a line reads that line's weight, and a focused neuron reads its
    three weights, each the weight the line is drawn with (Playground's
    weights on hover)."""
    page, _ = new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}{lang}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    wait_until(
        page,
        "[...document.querySelectorAll('.watch-net-picture')]"
        ".every(i => (i.getAttribute('href') || '').startsWith('data:image/png'))",
    )
    pictures = page.locator(".watch-net-picture")
    assert pictures.count() == page.get_by_test_id("neuron").count() == 8
    assert (
        len(set(pictures.evaluate_all("ps => ps.map(p => p.getAttribute('href'))")))
        == 8
    )
    readout = page.locator("[data-watch-net-weight]")
    lines = page.locator("[data-watch-net-svg] line")
    for k in (0, 5, 23):
        weight = float(lines.nth(k).get_attribute("data-weight"))
        # A point 40% along the line, on the screen.
        x, y = lines.nth(k).evaluate(
            """l => {
                const at = (a, b) =>
                    l[a].baseVal.value * 0.6 + l[b].baseVal.value * 0.4;
                const p = new DOMPoint(at("x1", "x2"), at("y1", "y2"))
                    .matrixTransform(l.ownerSVGElement.getScreenCTM());
                return [p.x, p.y];
            }"""
        )
        page.mouse.move(x, y)
        shown = readout.text_content()
        assert shown.endswith(f"{weight:.4f}".replace("-", "−")), (k, shown, weight)
    page.mouse.move(5, 5)
    page.get_by_test_id("neuron").nth(7).focus()
    weights = [float(lines.nth(21 + i).get_attribute("data-weight")) for i in range(3)]
    shown = readout.text_content()
    assert "h32" in shown
    for weight in weights:
        assert f"{weight:.2f}".replace("-", "−") in shown, (shown, weights)


def test_a_page_without_its_data_says_so_and_runs_nothing(tampered_site, new_page):
    """A build that left out Keras's runs: the page names the missing element,
    and Play and Step are off; no script error."""
    site, url = tampered_site
    page_file = site / "watch" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    html, found = re.subn(
        r'<script type="application/json" id="data-watch-keras_runs">.*?</script>',
        "",
        html,
        flags=re.S,
    )
    assert found == 1
    page_file.write_text(html, encoding="utf-8")
    page, recorder = new_page()
    page.goto(f"{url}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    error = page.locator("[data-watch-error]")
    assert error.is_visible() and "#data-watch-keras_runs" in error.inner_text()
    assert page.is_disabled("[data-watch-play]") and page.is_disabled(
        "[data-watch-step]"
    )
    page.click("[data-watch-reset]")
    assert not recorder.page_errors


def test_figures_catch_up_when_play_comes_before_the_idle_drawing(site_url, new_page):
    """On a busy machine the page's idle drawing can still be waiting when a reader
    presses Play: once training ends, the figures show its last epoch, not the start."""
    log, predictions = train_out()
    page, _ = new_page(reduced_motion="reduce")
    page.add_init_script("window.requestIdleCallback = (fn) => setTimeout(fn, 1500);")
    page.goto(f"{site_url}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    train_to_the_end(page)
    loss = page.get_attribute("[data-watch-loss]", "aria-label")
    assert log[-1][1] in loss
    boundary = page.get_attribute("[data-watch-boundary]", "aria-label")
    assert all(p in boundary for p in predictions)


# ---- the neurons' colours: the scale the page states ----------------------------

RED, BLUE = (178, 24, 43), (33, 102, 172)  # lib/watch-colour.js's ends


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])


def wcag_contrast(a, b) -> float:
    def luminance(c):
        s = [v / 255 for v in c]
        s = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in s]
        return 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def fraction(text: str) -> float:
    top, _, bottom = text.partition("/")
    return float(top) / float(bottom or 1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["", "zh/"])
def test_each_neuron_s_colour_is_its_share_on_the_scale_the_page_states(
    lang, scheme, site_url, new_page
):
    """After Keras's 30 epochs, h22 (not drawn) takes 0.76 of the softmax for
    [1, 1]: coloured by the shares themselves, the drawn neurons were all but the
    background. The legend under the network states a ratio scale (1/1024, 1/32,
    1: blue, the background, red); each drawn neuron's fill is its share on that
    scale, the share is the softmax of the trained weights (numpy, from the
    weights the page shows), its name reads on its fill (4.5:1), and at [1, 1]
    every drawn neuron stands out from the background."""
    page, recorder = new_page(scheme, reduced_motion="reduce")
    page.goto(f"{site_url}{lang}watch/")
    page.wait_for_selector("[data-watch][data-ready]")
    train_to_the_end(page)
    labels = [
        page.inner_text(f"[data-watch-scale-{part}]")
        for part in ("low", "middle", "high")
    ]
    assert labels == ["1/1024", "1/32", "1"]
    low, middle, high = map(fraction, labels)
    assert np.log(high / middle) == pytest.approx(np.log(middle / low))
    bars = page.evaluate(
        """() => [...document.querySelectorAll('.watch-scale-bar')]
            .map(b => getComputedStyle(b).backgroundImage)"""
    )
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    assert [[rgb(c) for c in re.findall(r"rgb\([^)]*\)", bar)] for bar in bars] == [
        [BLUE, background],
        [background, RED],
    ]
    w = json.loads(page.get_attribute("[data-watch-heat]", "data-weights"))
    for row, x in enumerate(X):
        page.check(f"[data-watch-row][value='{row}']")
        h = np.asarray(x) @ np.asarray(w["kernel"]) + np.asarray(w["bias"])
        shares = np.exp(h - h.max()) / np.exp(h - h.max()).sum()
        drawn = page.evaluate(
            """() => [...document.querySelectorAll('[data-testid=neuron]')].map(n => [
                Number(n.dataset.value),
                getComputedStyle(n.querySelector('circle')).fill,
                getComputedStyle(n.querySelector('text')).fill])"""
        )
        for j, (value, fill, name) in zip(SHOWN, drawn, strict=True):
            assert value == pytest.approx(shares[j], abs=1e-6), (row, j)
            place = np.clip(np.log(value / middle) / np.log(high / middle), -1, 1)
            end = RED if place > 0 else BLUE
            expected = [
                bg + (e - bg) * abs(place)
                for bg, e in zip(background, end, strict=True)
            ]
            assert rgb(fill) == pytest.approx(expected, abs=1), (row, j, value)
            assert wcag_contrast(rgb(name), rgb(fill)) >= 4.5, (row, j, name, fill)
            if row == 3:
                assert (
                    max(abs(a - b) for a, b in zip(rgb(fill), background, strict=True))
                    > 60
                )
    assert recorder.page_errors == []
