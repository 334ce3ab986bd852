"""What docs/javascripts/a11y.js adds for assistive technology, in each language."""

import pytest


@pytest.mark.parametrize(("path", "name"), [("", "Search"), ("zh/", "搜索")])
def test_the_search_dialog_is_named_in_the_pages_language(
    site_url, new_page, path, name
):
    page, _ = new_page()
    page.goto(site_url + path)
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == name
