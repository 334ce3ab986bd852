"""Every page of the nav, in light and dark: no request to another host, no failed
request, no console error, no accessibility violation, images fully described,
<html>'s classes set before the page's body (overrides/main.html), and, in the same
visit, the page's DOM size and weight within their budgets
(tests/browser/test_weight.py), and every figure legible in the page's language at
1280 px and, the window narrowed, at 390 px (tests/browser/test_figures.py)."""

import pytest

from densedocs.bench.__main__ import DOM_LIMIT  # imports no browser
from tests.browser.conftest import nav_pages, run_axe, show_images, wait_until
from tests.browser.test_figures import SCREENS, figure_problems
from tests.browser.test_weight import load, weigh, weight_problems

PAGES = nav_pages()
# Each change of <html>'s class attribute, with whether <body> existed by then: a
# change once the body is there makes Chromium restyle the whole page. (The
# document is observed: it has no <html> yet when an init script runs.)
HTML_CLASS_CHANGES = """
window.htmlClassChanges = [];
new MutationObserver(records => records.forEach(record => {
  if (record.target === document.documentElement) htmlClassChanges.push(
    {before: record.oldValue, body: document.body !== null}
  );
})).observe(
  document, {subtree: true, attributeFilter: ["class"], attributeOldValue: true}
);
"""


def html_class_changes(page) -> tuple[list, list]:
    """The changes of <html>'s classes (as sets, before and after), made before
    <body> existed and after."""
    changes = page.evaluate("htmlClassChanges")
    values = [change["before"] for change in changes]
    values.append(page.evaluate("document.documentElement.className"))
    early, late = [], []
    for change, before, after in zip(changes, values, values[1:], strict=False):
        if set(before.split()) != set(after.split()):
            (late if change["body"] else early).append((before, after))
    return early, late


@pytest.fixture(scope="session")
def home_loads(site_url, browser) -> dict:
    """What the home page loads: in the browser's cache on a repeat visit."""
    loads, _figures, _index = load(site_url, browser, "")
    return loads


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "index")
def test_page_is_local_clean_accessible_and_within_budget_in_light_and_dark(
    path, site_url, new_page, axe_source, home_loads
):
    page, recorder = new_page("light")
    page.add_init_script(HTML_CLASS_CHANGES)
    page.goto(site_url + path, wait_until="networkidle")
    # As the bench counts them: every element, once the network is idle.
    elements = page.evaluate("document.getElementsByTagName('*').length")
    print(f"{path or 'index'}: {elements} elements")
    assert 0 < elements <= DOM_LIMIT, f"{elements} elements, budget {DOM_LIMIT}"
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    # Material's bundle changed nothing on <html>: its classes were set in <head>.
    early, late = html_class_changes(page)
    assert early and late == [], f"set in <head>: {early}; later: {late}"

    show_images(page)
    images = page.locator("article img").evaluate_all(
        """imgs => imgs.map(i => ({
            src: i.getAttribute("src"), alt: i.getAttribute("alt"),
            width: i.getAttribute("width"), height: i.getAttribute("height"),
            lazy: i.loading === "lazy", shown: i.currentSrc,
            loaded: i.complete && i.naturalWidth > 0}))"""
    )
    for image in images:
        assert image["alt"] and image["alt"].strip(), image
        assert image["width"] and image["height"], image
        assert image["loaded"] and image["lazy"], image
    # What a reader loads: the page, and each figure as it is scrolled to.
    shown = {image["shown"] for image in images}
    problems = weight_problems(path, weigh(recorder.responses), home_loads, shown)
    assert not problems, "\n".join(problems)
    assert page.viewport_size["width"] == SCREENS["desktop"][0]
    problems = figure_problems(page, path, "desktop")
    assert not problems, "\n".join(problems)

    violations = run_axe(page, axe_source)
    assert not violations, "light:\n" + "\n".join(violations)
    # The reader's switch to the dark scheme (no reload: the same page, restyled).
    page.locator("[data-md-component=palette] label:visible").click()
    page.wait_for_selector("body[data-md-color-scheme=slate]")
    # Colours fade into the scheme (densedocs/site/speed/palette.py): check them
    # once set.
    wait_until(page, "!document.getAnimations().some(a => a instanceof CSSTransition)")
    violations = run_axe(page, axe_source)
    assert not violations, "dark:\n" + "\n".join(violations)
    # The window narrowed to a phone's: a <picture> switches to its phone drawing.
    width, height, _ = SCREENS["phone"]
    page.set_viewport_size({"width": width, "height": height})
    problems = figure_problems(page, path, "phone")
    assert not problems, "\n".join(problems)

    problems = recorder.problems({page.url.split("/")[2]})
    assert not problems, "\n".join(problems)


def test_a_reader_who_prefers_dark_gets_the_dark_scheme(site_url, new_page):
    page, _ = new_page("dark")
    page.goto(site_url + "answer/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_the_nav_has_every_page_including_the_calculator():
    assert "calculator/" in PAGES and "answer/" in PAGES and "" in PAGES


@pytest.mark.parametrize("path", ["answer/", "zh/answer/", "zh/training/"])
def test_the_versions_note_is_one_line_on_a_phone_and_opens_to_the_full_note(
    path, site_url, new_page
):
    """The note under a page's title (snippets/captured_with.md) takes one line
    of a 390 px screen and opens to the full sentence, which names the versions
    and links to how the site is checked."""
    page, recorder = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + path)
    note = page.locator("article details.captured-with")
    summary = note.locator("summary")
    line = summary.evaluate("s => parseFloat(getComputedStyle(s).lineHeight)")
    box = summary.bounding_box()
    assert box["height"] < 1.5 * line, (box, line)
    assert summary.evaluate("s => s.scrollWidth <= s.clientWidth"), "cut short"
    full = note.locator("p")
    assert not full.is_visible()
    summary.click()
    assert full.is_visible()
    assert "how-checked/" in full.locator("a").get_attribute("href")
    assert not recorder.problems({page.url.split("/")[2]})


@pytest.mark.parametrize("path", ["", "zh/"], ids=["english", "chinese"])
def test_the_short_answer_is_in_body_size_text_with_its_three_equations(
    path, site_url, new_page
):
    page, _ = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + path)
    box = page.locator("article .admonition.short-answer")
    size = "e => getComputedStyle(e).fontSize"
    body = page.locator("article > p").first.evaluate(size)
    assert {e.evaluate(size) for e in box.locator("p, li").all()} == {body}
    text = box.inner_text()
    for equation in ("2·32 + 32 = 96", "32·1 + 1 = 33", "96 + 33 = 129"):
        assert equation in text, equation


# The WCAG contrast of each control's text against what is behind it, its
# colours blended with every opacity above it (axe leaves disabled controls out).
CONTROL_CONTRASTS = """() => {
  const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a),
    g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const chain = (e) => { const up = []; for (; e; e = e.parentElement) up.push(e);
    return up; };
  // What is painted behind e: the backgrounds of it and its ancestors, from
  // the page's (opaque) down, each faded by its element's own opacities.
  const behind = (e) => {
    let colour = [255, 255, 255];
    for (const x of chain(e).reverse()) {
      const [r, g, b, a] = rgba(getComputedStyle(x).backgroundColor);
      const fade = chain(x).reduce((o, y) => o * +getComputedStyle(y).opacity, 1);
      colour = over([r, g, b, a * fade], colour);
    }
    return colour;
  };
  const controls = document.querySelectorAll(
    "article button, article input:not([type=checkbox]), article select");
  return [...controls].filter((e) => e.offsetParent !== null).map((e) => {
    const [r, g, b, a] = rgba(getComputedStyle(e).color);
    const fade = chain(e).reduce((o, y) => o * +getComputedStyle(y).opacity, 1);
    const back = behind(e);
    const text = over([r, g, b, a * fade], back);
    const [l1, l2] = [luminance(text), luminance(back)].sort((x, y) => y - x);
    return [e.outerHTML.slice(0, 80), e.disabled, (l1 + 0.05) / (l2 + 0.05)];
  });
}"""


# Colours are read once every finite animation has ended: a control's colour
# eases to its disabled one (Material's transitions), and read halfway it is
# neither the enabled nor the disabled colour a reader sees.
SETTLED = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect.getTiming().iterations !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["calculator/", "zh/calculator/", "watch/"])
def test_every_control_disabled_or_not_meets_aa_contrast(
    path, scheme, site_url, new_page
):
    page, _ = new_page(scheme)
    page.goto(site_url + path, wait_until="networkidle")
    page.evaluate(SETTLED)
    found = page.evaluate(CONTROL_CONTRASTS)
    # The same controls disabled, as the live pages disable them.
    page.evaluate(
        "document.querySelectorAll('article button, article input, article select')"
        ".forEach(e => e.disabled = true)"
    )
    page.evaluate(SETTLED)
    found += page.evaluate(CONTROL_CONTRASTS)
    assert any(disabled for _, disabled, _ in found)
    low = [(html, round(ratio, 2)) for html, _, ratio in found if ratio < 4.5]
    assert not low, low
