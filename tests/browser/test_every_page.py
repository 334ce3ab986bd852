"""Every page of the nav, in light and dark: no request to another host, no failed
request, no console error, no accessibility violation, images fully described, and
<html>'s classes set before the page's body (overrides/main.html)."""

import pytest

from tests.browser.conftest import nav_pages, run_axe, show_images, wait_until
from tests.browser.test_weight import weigh

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


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "index")
def test_page_is_local_clean_and_accessible_in_light_and_dark(
    path, site_url, new_page, axe_source, page_weights
):
    page, recorder = new_page("light")
    page.add_init_script(HTML_CLASS_CHANGES)
    page.goto(site_url + path, wait_until="networkidle")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    # Material's bundle changed nothing on <html>: its classes were set in <head>.
    early, late = html_class_changes(page)
    assert early and late == [], f"set in <head>: {early}; later: {late}"
    page_weights[path] = weigh(recorder.responses)  # asserted by test_weight.py

    show_images(page)
    images = page.locator("article img").evaluate_all(
        """imgs => imgs.map(i => ({
            src: i.getAttribute("src"), alt: i.getAttribute("alt"),
            width: i.getAttribute("width"), height: i.getAttribute("height"),
            lazy: i.loading === "lazy",
            loaded: i.complete && i.naturalWidth > 0}))"""
    )
    for image in images:
        assert image["alt"] and image["alt"].strip(), image
        assert image["width"] and image["height"], image
        assert image["loaded"] and image["lazy"], image

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

    problems = recorder.problems({page.url.split("/")[2]})
    assert not problems, "\n".join(problems)


def test_a_reader_who_prefers_dark_gets_the_dark_scheme(site_url, new_page):
    page, _ = new_page("dark")
    page.goto(site_url + "answer/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_the_nav_has_every_page_including_the_calculator():
    assert "calculator/" in PAGES and "answer/" in PAGES and "" in PAGES
