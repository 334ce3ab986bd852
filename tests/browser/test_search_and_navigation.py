"""Site search, and the calculator after Material's instant navigation."""

from urllib.parse import urlsplit

from tests.browser.conftest import search


def test_search_finds_kernel_and_lands_on_the_answer_page(site_url, new_page):
    page, recorder = new_page()
    page.goto(site_url)
    results = search(page, "kernel")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    answer = [h for h in hrefs if urlsplit(h).path == "/answer/"]
    assert answer, hrefs
    page.locator(f'.md-search-result__item a[href="{answer[0]}"]').first.click()
    page.wait_for_url(site_url + "answer/**")
    assert "kernel" in page.locator("article").inner_text().lower()
    assert not recorder.problems({page.url.split("/")[2]})


def test_the_calculator_works_after_instant_navigation(instant_site_url, new_page):
    page, recorder = new_page()
    page.goto(instant_site_url + "answer/", wait_until="networkidle")  # sitemap read
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Open this network in the parameter").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.evaluate("window.__sameDocument === true"), "not instant navigation"
    assert page.url.endswith("calculator/?input=2&units=32,1")
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    # Away and back again through the navigation: bound afresh, once.
    page.locator(".md-footer__link--next").click()
    page.wait_for_url("**/questions/")
    page.locator(".md-footer__link--prev").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.evaluate("window.__sameDocument === true")
    page.get_by_role("button", name="Add a layer").click()
    assert page.get_by_test_id("layer").count() == 3
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "131"
    assert not recorder.problems({page.url.split("/")[2]})
