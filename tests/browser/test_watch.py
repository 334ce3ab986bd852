"""The "Watch it learn" page against Keras: what it computes while a reader watches
is what Keras computed from the same start.

Keras's side is captured (snippets/training/train.out, snippets/watch/keras_runs.json
and stages.json, written by their snippets); the page's side is read from what it
shows after it was driven as a reader drives it: its log, its predictions, each
stage's values (a stage keeps its full-precision values in data-values). The bite
tests serve a copy of the built page with one captured number changed and see the
comparison fail.
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
LOG_LINE = re.compile(r"Epoch (\d+)/(\d+) - accuracy: ([\d.]+) - loss: ([\d.]+)")
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
            "epochs": run["epochs"],
            **extra,
        }
    )


def open_watch(new_page, url: str, reduced: bool = True):
    page, recorder = new_page(reduced_motion="reduce" if reduced else "no-preference")
    page.goto(url)
    page.wait_for_selector("[data-watch][data-ready]")
    return page, recorder


def train_to_the_end(page):
    """Play, with reduced motion: the page runs every epoch at once."""
    page.click("[data-watch-play]")
    epochs = int(page.input_value("[data-watch-field=epochs]"))
    page.wait_for_selector(f"[data-watch][data-epoch='{epochs}']")
    return epochs


def page_log(page) -> list[tuple[str, str]]:
    """(accuracy, loss) of every epoch, as the page's log shows them."""
    lines = page.inner_text("[data-watch-log]").splitlines()
    found = [LOG_LINE.search(line) for line in lines]
    return [(m[3], m[4]) for m in found if m]


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
    train_to_the_end(page)
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


def stage_mismatches(page, keras: dict) -> list[str]:
    """Where the page's stages of the shown row differ from Keras's."""
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
    train_to_the_end(page)
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
    """The row by arrow keys, then Tab from the last field to Play and Step, and
    Enter, Space and Shift+Tab: the whole page without a pointer."""
    page, _ = open_watch(new_page, f"{site_url}watch/")

    def focused() -> str:
        return page.evaluate(
            "Object.keys(document.activeElement.dataset).join(' ') + ' ' +"
            " (document.activeElement.value || '')"
        )

    page.focus("[data-watch-row][value='3']")
    page.keyboard.press("ArrowLeft")
    assert page.is_checked("[data-watch-row][value='2']")
    assert page.input_value("[data-watch-field=x1]") == "1"
    assert page.input_value("[data-watch-field=x2]") == "0"
    page.focus("[data-watch-field=epochs]")
    page.keyboard.press("Tab")
    assert "watchPlay" in focused()
    page.keyboard.press("Tab")
    assert "watchStep" in focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.get_attribute("[data-watch]", "data-epoch") == "2"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-watch][data-epoch='30']")


def test_play_animates_and_pauses_while_the_tab_is_hidden(site_url, new_page):
    """Without reduced motion, Play takes its time; a hidden tab pauses it, and
    showing the tab again resumes it."""
    page, _ = open_watch(new_page, f"{site_url}watch/?epochs=300", reduced=False)
    page.click("[data-watch-play]")
    wait_until(page, "Number(document.querySelector('[data-watch]').dataset.epoch) > 2")
    hide(page, True)
    paused = page.get_attribute("[data-watch]", "data-epoch")
    page.wait_for_timeout(400)
    assert page.get_attribute("[data-watch]", "data-epoch") == paused
    assert int(paused) < 300
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
    size = page.evaluate("document.querySelector('[data-watch-boundary]').clientWidth")
    # The plane runs from -0.25 to 1.25: a corner is a point of its own.
    for (x, y), above in (((2, 2), False), ((size - 2, 2), True)):
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
