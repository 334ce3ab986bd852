"""The teaching in front, the proof one click away (issue 30, item 5): a sentence
that proves a number (which program printed it, how far it is from Keras) sits
under its paragraph as a one-line mark, `??? proof "..."`, closed when the page
loads, that opens to the full sentence; and long listings that only prove (the
drawing programs' matplotlib part, how-checked's flow.py) are collapsed under a
summary of what they draw. densedocs/checks/claims.py still reads every number
in them (tests/checks/test_claims.py)."""

import pytest

# Each page with a proof mark, and words of its full sentence.
PROOFS = {
    "other_ways/": "to within 1e-6",
    "zh/other_ways/": "1e-6 之内",
    "counting/": "property-based test",
    "zh/counting/": "基于性质的测试",
    "why/": "in another order",
    "zh/why/": "不同的顺序",
    "training/": "1044 bytes = 1.02 KB",
    "zh/training/": "1044 字节 = 1.02 KB",
    "one-step/": "0.000002",
    "zh/one-step/": "0.000002",
}
# Each page with a collapsed listing, and a line of the program it hides.
LISTINGS = {
    "drawing/": "def ",
    "zh/drawing/": "def ",
    "heat-map/": "def ",
    "zh/heat-map/": "def ",
    "how-checked/": "def draw(",
    "zh/how-checked/": "def draw(",
}


@pytest.mark.parametrize("path", PROOFS)
def test_a_proof_is_one_closed_line_that_opens_to_its_sentence(
    path, site_url, new_page
):
    page, recorder = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + path)
    marks = page.locator("article details.proof")
    assert marks.count() >= 1
    mark = marks.filter(has_text=PROOFS[path]).first
    summary = mark.locator("summary")
    line = summary.evaluate("s => parseFloat(getComputedStyle(s).lineHeight)")
    assert summary.bounding_box()["height"] < 1.5 * line, "more than one line"
    sentence = mark.locator("p").first
    assert not sentence.is_visible(), "open before the reader asks"
    summary.click()
    assert sentence.is_visible()
    assert PROOFS[path] in sentence.inner_text()
    assert not recorder.problems({page.url.split("/")[2]})


@pytest.mark.parametrize("path", LISTINGS)
def test_a_listing_that_only_proves_is_collapsed(path, site_url, new_page):
    page, _ = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + path)
    listing = page.locator("article details").filter(has_text=LISTINGS[path])
    assert listing.count() == 1
    code = listing.locator("pre").first
    assert not code.is_visible()
    listing.locator("summary").click()
    assert code.is_visible()
