""" "Explain your model" (docs/explain.md) in Chromium, against Keras.

The corpus (snippets/explain/corpus.py, captured as corpus.json) holds hundreds of
seeded models that Keras 3 and tf-keras built and summarised. Each summary and each
piece of code is pasted into the page, in both languages, and every row's count,
output shape and bytes, and every total, must be Keras's. The pastes of one language
run in one page visit (page.evaluate), so the whole corpus takes seconds. Then the
question's code as asked, hostile input in the box and through a shared link, and
the time a 1,000-line summary takes (printed, not asserted).
"""

import json
from urllib.parse import quote

import pytest

from tests.conftest import ROOT

CORPUS = ROOT / "snippets" / "explain" / "corpus.json"
AS_ASKED = ROOT / "snippets" / "question" / "as_asked.py"
LANGUAGES = {"en": "explain/", "zh": "zh/explain/"}

# In the page: paste each text, return each row's hooks and the totals.
PASTE_ALL = """(texts) => {
  const box = document.querySelector("[data-testid=paste]");
  return texts.map((text) => {
    box.value = text;
    box.dispatchEvent(new Event("input"));
    const rows = [...document.querySelectorAll("[data-testid=row]")].map((r) => [
      r.dataset.params, r.dataset.shape, r.dataset.explained, r.dataset.bytes,
    ]);
    const total = (id) => {
      const e = document.querySelector(`[data-testid=${id}]`);
      return e ? [e.dataset.value, e.dataset.bytes] : null;
    };
    const error = document.querySelector("[data-testid=error]");
    return {
      rows,
      total: total("total-params"),
      trainable: total("trainable-params"),
      frozen: total("non-trainable-params"),
      error: error.hidden ? "" : error.textContent,
    };
  });
}"""


def corpus() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))["models"]


def keras_answer(model: dict) -> dict:
    """What the page must show for a model, from Keras's own counts."""
    frozen = sum(layer["non_trainable"] for layer in model["layers"])
    total = model["total"]
    return {
        "rows": [
            [str(la["params"]), la["shape"], "true", str(la["params"] * 4)]
            for la in model["layers"]
        ],
        "total": [str(total), str(total * 4)],
        "trainable": [str(total - frozen), str((total - frozen) * 4)],
        "frozen": [str(frozen), str(frozen * 4)],
        "error": "",
    }


def opened(new_page, site_url, path, query=""):
    page, recorder = new_page()
    page.add_init_script("window.alert = () => { window.__alerted = true; };")
    page.goto(site_url + path + query)
    page.wait_for_selector("[data-explain][data-ready]", state="attached")
    return page, recorder


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_corpus_model_is_explained_as_keras_counts_it(
    site_url, new_page, language
):
    models = corpus()
    assert len(models) >= 300
    texts, expected, labels = [], [], []
    for i, model in enumerate(models):
        answer = keras_answer(model)
        for form, text in [
            ("keras3", model["keras3"]),
            ("tf_keras", model["tf_keras"]),
            ("list", model["code"]["list"]),
            ("add", model["code"]["add"]),
        ]:
            texts.append(text)
            expected.append(answer)
            labels.append(f"model {i} ({form})")
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    shown = page.evaluate(PASTE_ALL, texts)
    wrong = [
        f"{label}:\n{text}\npage: {got}\nKeras: {want}"
        for label, text, got, want in zip(labels, texts, shown, expected, strict=True)
        if got != want
    ]
    assert not wrong, f"{len(wrong)} of {len(texts)} differ; the first:\n{wrong[0]}"
    assert not recorder.problems({urlparse_host(site_url)})


def urlparse_host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc


SEED = AS_ASKED.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_question_as_asked(site_url, new_page, language):
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    [shown] = page.evaluate(PASTE_ALL, [SEED])
    assert [r[0] for r in shown["rows"]] == ["96", "0", "33", "0"]
    assert shown["total"] == ["129", "516"]
    read = page.locator("[data-testid=read]").inner_text()
    assert "X.shape[1]" in read and " 2" in read and "(4, 2)" in read
    flag = page.locator("[data-testid=flag]").inner_text()
    assert "keras.layers.core" in flag and "from keras.layers import" in flag

    without_x = "\n".join(
        line for line in SEED.splitlines() if not line.startswith("X = ")
    )
    [asked] = page.evaluate(PASTE_ALL, [without_x])
    assert asked["rows"] == [] and asked["total"] is None
    assert asked["error"]  # "answer the question": never guessed
    question = page.locator("[data-explain-question-text]")
    assert question.is_visible() and "X" in question.inner_text()
    page.fill("[data-testid=answer]", "2")
    rows = page.locator("[data-testid=row]")
    assert [rows.nth(i).get_attribute("data-params") for i in range(4)] == [
        "96",
        "0",
        "33",
        "0",
    ]
    total = page.get_attribute("[data-testid=total-params]", "data-value")
    assert total == "129"
    # The link keeps the model and the answer: opened again, the same counts.
    link = page.url
    again, _ = opened(new_page, site_url, "", link[len(site_url) :])
    assert again.get_attribute("[data-testid=total-params]", "data-value") == "129"
    assert not recorder.problems({urlparse_host(site_url)})


KERAS3_TOP = """Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩"""


def keras3_row(name: str, shape: str, params: str) -> str:
    return f"│ {name:<31} │ {shape:<22} │ {params:>13} │"


HOSTILE = {
    "empty": "",
    "prose": "My model has two Dense layers and it does not learn. Why?",
    "half a table": KERAS3_TOP + "\n" + keras3_row("dense (Dense)", "(None, 32)", "96"),
    "script in a layer name": KERAS3_TOP
    + "\n"
    + keras3_row("<script>alert(1)</script>", "(None, 32)", "<img src=x>")
    + "\n└",
    "1 MB of text": "Sequential " + "x" * (1 << 20),
    "brackets 10,000 deep": "model = Sequential(" + "[" * 10000,
    "python that is no model": "import keras\nfor i in range(3):\n    print(i)\n",
    "img in code": "model = Sequential([<img src=x onerror=alert(1)>])",
}


@pytest.mark.parametrize("how", ["box", "link"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_input_gets_a_message_and_runs_nothing(
    site_url, new_page, language, how
):
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    scripts = page.evaluate("document.scripts.length")
    for name, text in HOSTILE.items():
        if how == "link":
            text = text[:8000]  # servers refuse longer addresses (414)
        if how == "box":
            [shown] = page.evaluate(PASTE_ALL, [text])
            error = shown["error"]
        else:
            page.goto(f"{site_url}{LANGUAGES[language]}?model={quote(text)}")
            page.wait_for_selector("[data-explain][data-ready]", state="attached")
            box = page.input_value("[data-testid=paste]")
            assert box == text, name
            error = page.locator("[data-testid=error]")
            error = error.inner_text() if error.is_visible() else ""
        assert error, f"{name} ({how}): no message"
        assert not page.evaluate("window.__alerted === true"), name
        assert page.locator(".explain img, .explain script").count() == 0, name
        if how == "box":
            assert page.evaluate("document.scripts.length") == scripts, name
        if name not in ("empty", "prose", "1 MB of text", "python that is no model"):
            line = "Line " if language == "en" else "第 "
            assert error.startswith(line), f"{name}: {error}"
    assert not recorder.dialogs
    assert not recorder.page_errors


def test_a_1000_line_summary_is_explained_quickly(site_url, new_page, capsys):
    rows = [keras3_row("dense (Dense)", "(None, 32)", "96")]
    for i in range(1, 500):
        rows.append(keras3_row(f"dense_{i} (Dense)", "(None, 32)", "1,056"))
    rule = "├" + "─" * 33 + "┼" + "─" * 24 + "┼" + "─" * 15 + "┤"
    text = KERAS3_TOP + "\n" + f"\n{rule}\n".join(rows) + "\n└"
    assert text.count("\n") >= 1000
    page, _ = opened(new_page, site_url, LANGUAGES["en"])
    times = page.evaluate(
        """(text) => {
          const box = document.querySelector("[data-testid=paste]");
          const times = [];
          for (let i = 0; i < 5; i++) {
            box.value = i % 2 ? text : text + " ";
            const start = performance.now();
            box.dispatchEvent(new Event("input"));
            document.body.getBoundingClientRect();
            times.push(performance.now() - start);
          }
          return times;
        }""",
        text,
    )
    assert page.locator("[data-testid=row]").count() == 500
    with capsys.disabled():
        each = ", ".join(f"{t:.0f}" for t in times)
        print(
            f"\n1,000-line summary, 500 rows, explained and laid out: "
            f"median {sorted(times)[2]:.0f} ms of 5 ({each})"
        )


INJECT = """async () => {
  const seen = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    seen.push(e.effectiveDirective);
  });
  const script = document.createElement("script");
  script.textContent = "window.__injected = true;";
  document.body.append(script);
  await new Promise((done) => setTimeout(done, 100));
  return { ran: window.__injected === true, refused: seen };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_policy_refuses_an_injected_inline_script(site_url, new_page, language):
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    found = page.evaluate(INJECT)
    assert not found["ran"]
    assert "script-src-elem" in found["refused"]
    assert any("Content Security Policy" in e for e in recorder.console_errors)
    # The page's own scripts ran under the same policy: the question explained.
    [shown] = page.evaluate(PASTE_ALL, [SEED])
    assert shown["total"] == ["129", "516"]


def test_without_the_policy_the_same_script_would_run(site_url, new_page):
    """The control: the page as built, its policy taken out, runs the script."""
    page, _ = new_page()

    def without_policy(route):
        html = route.fetch().text()
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        html = html[:start] + html[html.index(">", start) + 1 :]
        route.fulfill(body=html, content_type="text/html")

    page.route("**/explain/", without_policy)
    page.goto(site_url + LANGUAGES["en"])
    assert page.evaluate(INJECT) == {"ran": True, "refused": []}
