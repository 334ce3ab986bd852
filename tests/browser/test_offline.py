"""`make offline`: the edition read from file://, search and calculator included."""

import random
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.conftest import (
    article_text,
    chinese_phrases,
    chinese_word_pairs,
    result_links,
    search,
    show_images,
)
from tests.browser.test_search_and_navigation import (
    LANGUAGE_QUERIES,
    assert_own_language_first,
    results_by_language,
)
from tests.site.test_nav import OLD_ADDRESSES


def test_the_offline_edition_loads_its_search_shim_from_the_site(offline_site):
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="javascripts/iframe-worker-shim.js">' in html
    assert (offline_site / "javascripts/iframe-worker-shim.js").is_file()
    assert (offline_site / "search/search_index.js").is_file()
    assert "unpkg.com" not in html


def test_the_offline_edition_works_from_file_with_search(offline_site, new_page):
    page, recorder = new_page()
    page.goto((offline_site / "index.html").as_uri())
    answer_page = offline_site / "answer.html"
    results = search(page, "kernel")
    hrefs = result_links(page, results)
    answer = [h for h in hrefs if urlsplit(h).path == answer_page.as_uri()[7:]]
    assert answer, hrefs
    page.locator(f'.md-search-result__item a[href="{answer[0]}"]').first.click()
    page.wait_for_url("**/answer.html**")
    assert page.locator("article img").count() >= 2
    show_images(page)
    assert page.locator("article img").evaluate_all(
        "imgs => imgs.every(i => i.complete && i.naturalWidth > 0)"
    )
    page.get_by_role("link", name="Open this network in the parameter").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.url.endswith(
        "calculator.html?input=2&units=32,1&activation=softmax,sigmoid"
    )
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    assert recorder.requests and all(
        u.startswith(("file://", "data:", "blob:")) for u in recorder.requests
    ), [u for u in recorder.requests if not u.startswith("file://")]
    assert not recorder.problems({""})


def test_the_offline_edition_finds_chinese_compounds(
    offline_site, new_page, chinese_seed
):
    """The same Chinese search from file://: the regression case 可训练参数 and
    words and compounds drawn from the pages (ZH_SEARCH_SEED replays them) lead
    to a Chinese page that says them; the first opens, the query highlighted."""
    drawn = chinese_phrases(offline_site, random.Random(chinese_seed), 2)
    page, recorder = new_page()
    page.goto((offline_site / "zh" / "index.html").as_uri())
    for query in ["可训练参数", *drawn]:
        href = search(page, query).first.get_attribute("href")
        path = Path(unquote(urlsplit(href).path)).relative_to(offline_site)
        assert path.parts[0] == "zh", (query, href)
        assert query in article_text(offline_site, path.as_posix()), (
            f"{query!r}: its first result is {path} (ZH_SEARCH_SEED={chinese_seed})"
        )
    with page.expect_navigation():
        search(page, "可训练参数").first.click()
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()  # Material highlights once it has the index
    assert "可训练参数" in marks.all_inner_texts(), marks.all_inner_texts()
    assert not recorder.problems({""})


def test_the_offline_edition_finds_two_words_typed_together(
    offline_site, new_page, chinese_seed
):
    """From file://, as served: two words typed together that no section says side
    by side (the regression cases and pairs drawn from the pages) find it."""
    page, recorder = new_page()
    page.goto((offline_site / "zh" / "index.html").as_uri())
    drawn = chinese_word_pairs(offline_site, random.Random(chinese_seed), 3, page)
    fixed = [("隐藏层神经元", "zh/why.html#hidden-layer-and-activation")]
    for query, location in fixed + drawn:
        found = [
            Path(unquote(urlsplit(h).path)).relative_to(offline_site).as_posix()
            + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
            for h in result_links(page, search(page, query))
        ]
        assert location in found, (
            f"{query!r} did not find {location} (ZH_SEARCH_SEED={chinese_seed}): "
            f"{found}"
        )
    assert not recorder.problems({""})


def test_every_old_address_answers_offline_in_both_languages(offline_site):
    for address in OLD_ADDRESSES:
        for prefix in ("", "zh/"):
            name = f"{address.rstrip('/')}.html" if address else "index.html"
            assert (offline_site / prefix / name).is_file(), f"{prefix}{name}"


@pytest.mark.parametrize("edition", LANGUAGE_QUERIES, ids=["english", "chinese"])
def test_offline_search_lists_the_pages_own_language_first(
    offline_site, new_page, edition
):
    page, recorder = new_page()
    page.goto((offline_site / edition / "index.html").as_uri())
    zh = (offline_site / "zh").as_uri() + "/"
    for query in LANGUAGE_QUERIES[edition][:2]:
        found = results_by_language(
            page, search(page, query), lambda h: h.startswith(zh)
        )
        assert_own_language_first(found, edition == "zh/", query)
        assert found[0][1] == (edition == "zh/"), (query, found[0])
    assert not recorder.problems({""})
