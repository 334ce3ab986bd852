"""Code blocks: Material mounts each (its copy button, its tabindex when it scrolls)
once it comes into view (the content.lazy feature, mkdocs.yml), so a page load
does not lay the page out once per block; every block still gets its button."""

from playwright.sync_api import expect


def test_every_code_block_gets_its_copy_button_when_the_reader_reaches_it(
    site_url, new_page
):
    page, recorder = new_page()
    page.goto(site_url + "counting/", wait_until="networkidle")
    blocks = page.locator("article pre:has(> code)")
    assert blocks.count() >= 8
    last = blocks.last
    assert last.locator(".md-code__button").count() == 0, "mounted before seen"
    for block in blocks.all():
        # A block in a closed <details> (an exercise's program) mounts once the
        # reader opens it.
        block.evaluate(
            "b => { const d = b.closest('details');"
            " if (d && !d.open) d.querySelector('summary').click(); }"
        )
        block.scroll_into_view_if_needed()
        button = block.locator(".md-code__button")
        expect(button).to_have_count(1)
        target = button.get_attribute("data-clipboard-target")
        assert page.locator(target).inner_text() == block.locator("code").inner_text()
    assert not recorder.problems({page.url.split("/")[2]})
