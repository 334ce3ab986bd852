"""On a 390 px phone, the answer page's numbers are in view as the page opens.

The model summary stays the captured text, 80 characters wide: it opens scrolled to
its right end, where the Param # column is (densedocs/site/summaries.py and
docs/stylesheets/extra.css), with a cue on its left edge that it scrolls. The
site's own layer-by-layer table fits the screen, in text of 12 px or more.
"""

import pytest

PHONE = {"width": 390, "height": 844}
ANSWERS = ["answer/", "zh/answer/"]

# Where each number of the Param # column is, as the reader sees it, and where the
# block's visible part and the screen end.
PARAM_NUMBERS = """block => {
  const code = block.querySelector("pre > code");
  const view = code.getBoundingClientRect();
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/ (\\d+) │\\n/g)) {
      const range = document.createRange();
      const start = match.index + 1;
      range.setStart(node, start);
      range.setEnd(node, start + match[1].length);
      const box = range.getBoundingClientRect();
      found.push({number: match[1], left: box.left, right: box.right});
    }
  }
  const cue = getComputedStyle(code.parentElement, "::before");
  return {
    found, viewLeft: view.left, viewRight: view.right,
    screen: document.documentElement.clientWidth,
    fontSize: parseFloat(getComputedStyle(code).fontSize),
    cue: cue.content, cueWidth: parseFloat(cue.width),
    text: code.innerText,
  };
}"""


def in_view(number: dict, shown: dict) -> bool:
    return (
        number["left"] >= shown["viewLeft"] - 0.5
        and number["right"] <= min(shown["viewRight"], shown["screen"]) + 0.5
    )


def summary_blocks(new_page, site_url, path):
    page, recorder = new_page("light", viewport=PHONE)
    page.goto(site_url + path)
    blocks = page.locator("article .highlight").filter(has_text="Param #")
    assert blocks.count() >= 1
    return page, blocks


@pytest.mark.parametrize("path", ANSWERS)
def test_the_summarys_96_and_33_are_in_view_on_a_phone(path, site_url, new_page):
    page, blocks = summary_blocks(new_page, site_url, path)
    for block in blocks.all():
        block.scroll_into_view_if_needed()
        shown = block.evaluate(PARAM_NUMBERS)
        numbers = {n["number"]: n for n in shown["found"]}
        assert {"96", "33"} <= numbers.keys(), shown["found"]
        for number in ("96", "33"):
            assert in_view(numbers[number], shown), (number, shown)
        assert shown["fontSize"] >= 12
        assert shown["cue"] not in ("none", "normal") and shown["cueWidth"] > 0
        # The text is the captured output, as it is: "Layer (type)" first.
        assert shown["text"].lstrip().startswith("Model:")
        assert "Layer (type)" in shown["text"]


def test_bite_a_summary_opened_at_its_left_end_hides_96(site_url, new_page):
    page, blocks = summary_blocks(new_page, site_url, "answer/")
    block = blocks.first
    block.evaluate("b => b.classList.remove('summary')")
    block.scroll_into_view_if_needed()
    shown = block.evaluate(PARAM_NUMBERS)
    numbers = {n["number"]: n for n in shown["found"]}
    assert not in_view(numbers["96"], shown)


@pytest.mark.parametrize("path", ANSWERS)
def test_the_layer_table_fits_a_phone(path, site_url, new_page):
    page, _ = new_page("light", viewport=PHONE)
    page.goto(site_url + path)
    tables = page.locator("article table").evaluate_all(
        """tables => tables.map(t => {
            const wrap = t.closest('.md-typeset__scrollwrap') || t;
            const cells = [...t.querySelectorAll('th, td')];
            return {
                right: t.getBoundingClientRect().right,
                screen: document.documentElement.clientWidth,
                scrolls: t.scrollWidth > t.clientWidth + 1
                    || wrap.scrollWidth > wrap.clientWidth + 1,
                smallest: Math.min(...cells.map(
                    c => parseFloat(getComputedStyle(c).fontSize))),
                head: t.querySelector('th').innerText,
            };
        })"""
    )
    assert tables
    for table in tables:
        assert table["right"] <= table["screen"], table
        assert not table["scrolls"], table
        assert table["smallest"] >= 12, table


# A block that prints other lines beside a summary opens at its left end: each of
# its lines starts in view. (beyond-dense/: each layer's formula, "= 800 Keras:
# True", follows the summary in the same block.)
MIXED = ["beyond-dense/", "zh/beyond-dense/", "why/", "training/"]
LINE_STARTS = """block => {
  const code = block.querySelector("pre > code");
  const view = code.getBoundingClientRect();
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const hidden = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/(^|\\n)(\\S)/g)) {
      const range = document.createRange();
      const start = match.index + match[1].length;
      range.setStart(node, start);
      range.setEnd(node, start + 1);
      const box = range.getBoundingClientRect();
      if (box.width && box.left < view.left - 0.5) hidden.push(match[2]);
    }
  }
  return hidden;
}"""


@pytest.mark.parametrize("path", MIXED)
def test_a_block_with_more_than_a_summary_opens_at_its_lines_starts(
    path, site_url, new_page
):
    page, blocks = summary_blocks(new_page, site_url, path)
    for block in blocks.all():
        block.scroll_into_view_if_needed()
        assert block.evaluate(LINE_STARTS) == [], block.inner_text()[:200]
