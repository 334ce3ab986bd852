""" "Explain your model" with the calculator's modules (docs/explain.md): a stack of
Dense layers is drawn as the calculator draws it and opens in the calculator; pasted
code gets the summary Keras 3 printed (snippets/explain/corpus.json); a layer name
holding markup gets a message. And each page script, missing one of its elements,
says which, instead of crashing."""

import re
from urllib.parse import quote

import pytest

from tests.browser.test_explain import (
    KERAS3_TOP,
    LANGUAGES,
    PASTE_ALL,
    SEED,
    corpus,
    keras3_row,
    opened,
    urlparse_host,
)

DRAWN = """() => ({
  total: document.querySelector("[data-explain-diagram] [data-testid=diagram-total]")
    ?.textContent ?? null,
  desc: document.querySelector("[data-explain-diagram] desc")?.textContent ?? null,
  shown: !document.querySelector("[data-explain-calc]").hidden,
  link: document.querySelector("[data-explain-calc-link]").getAttribute("href"),
})"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_dense_stack_is_drawn_and_opens_in_the_calculator(
    site_url, new_page, language
):
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    page.evaluate(PASTE_ALL, [SEED])
    drawn = page.evaluate(DRAWN)
    assert drawn["shown"] and "129" in drawn["total"]
    for count in ("2 × 32 = 64", "96", "32 × 1 = 32", "33"):
        assert count in drawn["desc"], (count, drawn["desc"])
    assert drawn["link"].endswith(
        "calculator/?input=2&units=32,1&activation=softmax,sigmoid"
    )
    # The link opens the calculator on the same model, in the page's language.
    page.click("[data-explain-calc-link]")
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.get_attribute("[data-testid=total-params]", "data-value") == "129"
    assert page.evaluate("document.documentElement.lang").startswith(language)
    # A model with a Conv1D is no stack of Dense layers: no drawing, no link.
    conv = next(m for m in corpus() if "Conv1D" in m["code"]["list"])
    page.go_back()
    page.wait_for_selector("[data-explain][data-ready]", state="attached")
    page.evaluate(PASTE_ALL, [conv["code"]["list"]])
    assert page.evaluate(DRAWN)["total"] is None
    assert not page.evaluate(DRAWN)["shown"]
    assert not recorder.problems({urlparse_host(site_url)})


def logical(text: str) -> dict:
    """A Keras 3 summary with what varies between runs forgiven: the numbers
    Keras appends to names (dense_41, sequential_17), and so where a name's
    cell wraps. Its rules (the column widths), each row's cells (wrapped lines
    joined) and the totals stay exact. (tests/js/summary-text.test.js holds the
    wrapping itself to Keras's, with Keras's own names.)"""
    lines = text.splitlines()
    rows, block = [], []
    for line in lines[1:]:
        if line[0] in "┃│":
            block.append([cell.strip() for cell in line[1:-1].split(line[0])])
        elif line[0] in "┡├└":
            columns = zip(*block, strict=True)
            cells = [" ".join(filter(None, column)) for column in columns]
            cells[0] = re.sub(r"^(\S+?)_\d+ \(", r"\1 (", cells[0])
            rows.append(cells)
            block = []
    return {
        "title": re.sub(r'_\d+"$', '"', lines[0]),
        "rules": [line for line in lines if line[0] in "┏┡├└"][:2],
        "rows": rows,
        "totals": [line for line in lines if line.startswith(" ")],
    }


SUMMARY_TEXTS = """(texts) => {
  const box = document.querySelector("[data-testid=paste]");
  return texts.map((text) => {
    box.value = text;
    box.dispatchEvent(new Event("input"));
    const shown = document.querySelector("[data-testid=summary-text]");
    return shown ? shown.textContent : null;
  });
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_pasted_code_gets_the_summary_keras_3_printed(site_url, new_page, language):
    models = corpus()
    page, recorder = opened(new_page, site_url, LANGUAGES[language])
    shown = page.evaluate(SUMMARY_TEXTS, [m["code"]["add"] for m in models])
    wrong = [
        f"model {i}:\npage:\n{text}\nKeras 3:\n{m['keras3']}"
        for i, (m, text) in enumerate(zip(models, shown, strict=True))
        if text is None or logical(text) != logical(m["keras3"])
    ]
    assert not wrong, f"{len(wrong)} of {len(models)} differ; the first:\n{wrong[0]}"
    # A summary pasted is explained, not printed again.
    assert page.evaluate(SUMMARY_TEXTS, [models[0]["keras3"]]) == [None]
    assert not recorder.problems({urlparse_host(site_url)})


def test_what_the_summary_comparison_forgives_and_what_not():
    """The bite of the comparison above: a number changed is caught, a name's
    count is not."""
    keras = corpus()[1]["keras3"]
    assert "dense_2 (Dense)" in keras
    renamed = keras.replace("dense_2 (Dense)", "dense (Dense)  ")
    assert logical(renamed) == logical(keras)
    assert logical(keras.replace("1,416", "1,417")) != logical(keras)
    assert logical(keras.replace("(None, 176)", "(None, 175)")) != logical(keras)


MARKUP_NAME = "<script>alert(1)</script>"
TABLE = (
    KERAS3_TOP
    + "\n"
    + keras3_row(MARKUP_NAME, "(None, 32)", "96")
    + "\n"
    + keras3_row("(Dense)", "", "")
    + "\n└"
    + "─" * 33
    + "┴"
    + "─" * 24
    + "┴"
    + "─" * 15
    + "┘\n Total params: 96 (384.00 B)\n Trainable params: 96 (384.00 B)\n"
    + " Non-trainable params: 0 (0.00 B)\n"
)


@pytest.mark.parametrize("how", ["box", "link"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_script_tag_in_a_valid_tables_name_gets_a_message(
    site_url, new_page, language, how
):
    if how == "box":
        page, recorder = opened(new_page, site_url, LANGUAGES[language])
        [shown] = page.evaluate(PASTE_ALL, [TABLE])
    else:
        query = "?model=" + quote(TABLE)
        page, recorder = opened(new_page, site_url, LANGUAGES[language], query)
        assert page.input_value("[data-testid=paste]") == TABLE
        [shown] = page.evaluate(PASTE_ALL, [TABLE])
    # Explained as Keras counts it, and named, by line, as text.
    assert shown["rows"] == [["96", "(None, 32)", "true", "384"]]
    line = "Line 5: " if language == "en" else "第 5 行："
    assert shown["error"].startswith(line) and MARKUP_NAME in shown["error"]
    title = page.locator("[data-testid=row] h3").inner_text()
    assert MARKUP_NAME in title
    assert page.locator(".explain script, .explain-rows script").count() == 0
    assert not page.evaluate("window.__alerted === true")
    assert not recorder.dialogs and not recorder.page_errors


@pytest.mark.parametrize(
    ("path", "attribute", "script"),
    [
        ("calculator/", "data-calc-sum", "calculator.js"),
        ("explain/", "data-explain-totals", "explain.js"),
    ],
)
def test_a_page_missing_an_element_of_its_script_says_which(
    site_url, new_page, path, attribute, script
):
    page, recorder = new_page()

    def without(route):
        html = route.fetch().text()
        assert f" {attribute}" in html
        route.fulfill(
            body=html.replace(f" {attribute}", " data-zz-test-gone"),
            content_type="text/html",
        )

    page.route(f"**/{path}", without)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    [error] = recorder.page_errors
    assert f"{script}: the page has no [{attribute}] (the script's elements" in error
