"""Site search, in each edition and in the reader's language."""

import random
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import (
    article_text,
    chinese_phrases,
    chinese_sections,
    chinese_word_pairs,
    result_links,
    search,
)

# Queries readers of each edition type, each found in both editions' pages (the
# English ones listed Chinese pages among their first three while one index held
# both editions unranked). Search ranks the page's own language first
# (docs/javascripts/zh-search-worker.js).
LANGUAGE_QUERIES = {
    "": ["units", "bias", "trainable params", "what does 32 mean", "Dense"],
    "zh/": ["偏置", "可训练参数", "Dense", "kernel", "summary"],
}


def results_by_language(page, results, chinese) -> list[tuple[str, bool, bool]]:
    """Every result, in order, as (address, in Chinese, marked with its language);
    `chinese` tells whether an address is of the Chinese edition."""
    result_links(page, results)  # every result shown
    found = results.evaluate_all(
        """links => links.map(a => [a.href,
            a.querySelector('.dd-search-language')?.textContent ?? null])"""
    )
    return [(href, chinese(href), mark) for href, mark in found]


def assert_own_language_first(found, in_chinese: bool, query: str) -> None:
    """No result in the other language ahead of one in the page's own, and each
    of those after them marked with its language's name."""
    languages = [zh == in_chinese for _, zh, _ in found]
    assert languages == sorted(languages, reverse=True), (query, found)
    for href, zh, mark in found:
        expected = None if zh == in_chinese else ("中文" if zh else "English")
        assert mark == expected, (query, href, mark)


@pytest.mark.parametrize("edition", LANGUAGE_QUERIES, ids=["english", "chinese"])
def test_search_lists_the_pages_own_language_first(site_url, new_page, edition):
    page, recorder = new_page()
    page.goto(site_url + edition)
    both = set()
    for query in LANGUAGE_QUERIES[edition]:
        found = results_by_language(
            page, search(page, query), lambda h: urlsplit(h).path.startswith("/zh/")
        )
        assert_own_language_first(found, edition == "zh/", query)
        assert found[0][1] == (edition == "zh/"), (query, found[0])
        both |= {zh for _, zh, _ in found}
    assert both == {True, False}, "no query found the other language: pick others"
    assert not recorder.problems({page.url.split("/")[2]})


def test_search_finds_kernel_and_lands_on_the_answer_page(site_url, new_page):
    page, recorder = new_page()
    page.goto(site_url)
    results = search(page, "kernel")
    hrefs = result_links(page, results)
    answer = [h for h in hrefs if urlsplit(h).path == "/answer/"]
    assert answer, hrefs
    page.locator(f'.md-search-result__item a[href="{answer[0]}"]').first.click()
    page.wait_for_url(site_url + "answer/**")
    assert "kernel" in page.locator("article").inner_text().lower()
    assert not recorder.problems({page.url.split("/")[2]})


def test_a_query_said_on_many_pages_lists_every_one_as_the_reader_scrolls(
    built_site, site_url, new_page
):
    """网络 is said on more pages than Material shows at first (it shows more as
    the list is scrolled to its end): scrolled through, the results are every
    Chinese page that says it."""
    query = "网络"
    sections = chinese_sections(built_site).items()
    saying = {location.split("#")[0] for location, text in sections if query in text}
    # Material shows 10 pages, then 4 more at each arrival at the list's end.
    assert len(saying) > 14, "said on too few pages for two scrolls: pick another"
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    found = {
        urlsplit(h).path.lstrip("/") for h in result_links(page, search(page, query))
    }
    assert found == saying, found ^ saying
    assert not recorder.problems({page.url.split("/")[2]})


# Each Chinese query, and pages (with their anchors) it must find: the pages where
# the term is explained. Search indexes Chinese by character
# (densedocs/site/search_zh.py).
CHINESE_QUERIES = {
    "神经元": ["/zh/answer/", "/zh/glossary/#neuron"],
    "偏置": ["/zh/answer/", "/zh/glossary/#bias"],
    "参数": ["/zh/answer/", "/zh/calculator/", "/zh/glossary/#parameters"],
    "权重": ["/zh/check/", "/zh/glossary/#weight"],
    "批量": ["/zh/questions/#batch-none", "/zh/glossary/#batch"],
    "全连接层": ["/zh/answer/", "/zh/glossary/#dense"],
    # Found nothing while the index held words: jieba had cut 可|训练 in one
    # sentence and 不可训练 in another, and 可 is a stop word of lunr's Chinese.
    "可训练": ["/zh/glossary/#trainable", "/zh/counting/#trainable"],
    "可训练参数": ["/zh/glossary/#trainable", "/zh/counting/#trainable"],
}


def test_chinese_search_finds_each_term_on_the_chinese_pages(site_url, new_page):
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    found = {}
    for query, expected in CHINESE_QUERIES.items():
        results = search(page, query)
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
        found[query] = [
            urlsplit(h).path
            + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
            for h in hrefs
        ]
        print(query, found[query])
        assert all(h.startswith("/zh/") for h in found[query]), (query, found[query])
        missing = [e for e in expected if e not in found[query]]
        assert not missing, (query, missing, found[query])
    # A result leads to its Chinese page, where the term is.
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(site_url + "zh/**")
    assert query in page.locator("article").inner_text()
    assert not recorder.problems({page.url.split("/")[2]})


def test_chinese_search_finds_words_and_compounds_drawn_from_the_pages(
    built_site, site_url, new_page, chinese_seed
):
    """Words and pairs of adjacent words of the Chinese pages, drawn anew each
    session (the seed is printed; ZH_SEARCH_SEED=<seed> draws the same again):
    each query's first result is a Chinese page that says it as written."""
    drawn = chinese_phrases(built_site, random.Random(chinese_seed), 12)
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    for query in drawn:
        path = urlsplit(search(page, query).first.get_attribute("href")).path
        assert path.startswith("/zh/") and query in article_text(built_site, path), (
            f"{query!r}: its first result is {path} (ZH_SEARCH_SEED={chinese_seed})"
        )
    assert not recorder.problems({page.url.split("/")[2]})


# Two words typed together, as Chinese readers type, that no section says side by
# side: each found nothing while a query's run had to stand as typed.
CHINESE_COMBINATIONS = {
    "隐藏层神经元": ["隐藏层", "神经元"],
    "权重参数": ["权重", "参数"],
    "偏置参数": ["偏置", "参数"],
    # Said as typed in some sections, and apart in another: those first.
    "可训练参数": ["可训练", "参数"],
}


def _locations(page, results) -> list[str]:
    """Every result, as its section's location in the search index."""
    return [
        urlsplit(h).path.lstrip("/")
        + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
        for h in result_links(page, results)
    ]


def test_chinese_search_finds_two_words_typed_together(built_site, site_url, new_page):
    """A combination finds every section that says both words, those that say
    them side by side first, as the words typed apart find them."""
    sections = chinese_sections(built_site)
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    for query, words in CHINESE_COMBINATIONS.items():
        found = _locations(page, search(page, query))
        apart = _locations(page, search(page, " ".join(words)))
        print(query, found)
        sections_found = [f for f in found if f in sections and "#" in f]
        assert set(apart) <= set(found), (query, set(apart) - set(found))
        assert all(all(w in sections[f] for w in words) for f in sections_found)
        said = [query in sections[f] for f in sections_found]
        assert said == sorted(said, reverse=True), (query, sections_found)
        if query != "可训练参数":
            assert not any(said), (query, "no longer a combination: pick another")
        else:
            assert any(said) and not all(said), (query, sections_found)
    assert not recorder.problems({page.url.split("/")[2]})


def test_chinese_search_finds_word_pairs_drawn_from_the_pages(
    built_site, site_url, new_page, chinese_seed
):
    """Two words that stand in one section but never side by side in it, drawn
    anew each session (ZH_SEARCH_SEED=<seed> draws the same again), typed
    together: the search finds that section."""
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    drawn = chinese_word_pairs(built_site, random.Random(chinese_seed), 10, page)
    for query, location in drawn:
        found = _locations(page, search(page, query))
        assert location in found, (
            f"{query!r} did not find {location} (ZH_SEARCH_SEED={chinese_seed}): "
            f"{found}"
        )
    assert not recorder.problems({page.url.split("/")[2]})


def test_a_chinese_result_leads_to_the_words_highlighted_on_their_page(
    site_url, new_page
):
    """可训练 and 可训练参数 (the regression case): the first result opens a page
    that says the query, highlighted as one run."""
    page, recorder = new_page()
    page.goto(site_url + "zh/")
    for query in ["可训练", "可训练参数"]:
        with page.expect_navigation():
            search(page, query).first.click()
        assert urlsplit(page.url).path.startswith("/zh/")
        marks = page.locator("article mark[data-md-highlight]")
        marks.first.wait_for()  # Material highlights once it has the index
        assert query in marks.all_inner_texts(), (query, marks.all_inner_texts())
    assert not recorder.problems({page.url.split("/")[2]})
