"""Page weight, in bytes a reader downloads: gzip -9 sizes, deterministic.

A page's weight is everything the browser fetches to show it (HTML, styles, scripts,
the search worker's script), without its figures, which have their own limit, and
without the search index: the search worker fetches that one file for the whole site
(once per visit, then cached), so it has its own limit too.
"""

import gzip

import pytest

from tests.browser.conftest import nav_pages

PAGE_LIMIT = 100 * 1024
FIGURE_LIMIT = 60 * 1024
# One index for both languages (Material's search has one): the Chinese edition
# took it from ~27 KB to ~52 KB gzipped.
SEARCH_INDEX_LIMIT = 60 * 1024
SEARCH_INDEX = "search/search_index.json"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def weigh(responses) -> tuple[int, dict, int]:
    """(page weight, {figure URL: weight}, search index weight) of a page's loads."""
    weight, figures, index = 0, {}, 0
    for response in responses:
        size = gzipped(response.body() if response.status == 200 else b"")
        if response.headers.get("content-type", "").startswith("image/"):
            figures[response.url] = size
        elif response.url.endswith(SEARCH_INDEX):
            index = size
        else:
            weight += size
    return weight, figures, index


def load(site_url, browser, path):
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda r, found=responses: found.append(r))
    page.goto(site_url + path, wait_until="networkidle")
    weighed = weigh(responses)
    context.close()
    return weighed


@pytest.mark.parametrize(
    "path",
    # The notebook pages too: tools/notebook_hooks.py ships only the JupyterLab CSS
    # they use (~3 KB gzipped of mkdocs-jupyter's ~86 KB) and their images as files.
    nav_pages(),
    ids=lambda p: p or "index",
)
def test_page_weight(path, site_url, browser, page_weights):
    # tests/browser/test_every_page.py weighs each page as it loads it; alone,
    # this test loads the page itself.
    weighed = page_weights.get(path) or load(site_url, browser, path)
    weight, figures, index = weighed
    print(f"{path or 'index'}: {weight / 1024:.1f} KB gzipped without figures")
    assert weight <= PAGE_LIMIT, f"{weight / 1024:.1f} KB"
    assert {u: w for u, w in figures.items() if w > FIGURE_LIMIT} == {}
    assert 0 < index <= SEARCH_INDEX_LIMIT, f"search index {index / 1024:.1f} KB"


def test_every_published_figure_is_under_60_kb(built_site):
    figures = list((built_site / "figures").rglob("*.*"))
    assert len(figures) >= 3
    for figure in figures:
        assert gzipped(figure.read_bytes()) <= FIGURE_LIMIT, figure
