"""Page weight, in bytes a reader downloads: gzip -9 sizes, deterministic.

A page's weight is everything the browser fetches to show it (HTML, styles, scripts,
the search worker's script), without its figures, which have their own limit, and
without the search index: the search worker fetches that one file for the whole site
(once per visit, then cached), so it has its own limit too. On a first visit a page
loads everything; on a repeat visit within the site, what the home page loaded
(Material's scripts and styles, ours) is in the browser's cache.

A page's DOM has a budget too: at most DOM_LIMIT elements once it has loaded, the
limit `make bench` holds each page to (densedocs/bench/__main__.py). Both are
asserted by tests/browser/test_every_page.py, in the one visit of each page that
also runs axe; this file holds the budgets, and weighs every published figure.
"""

import gzip

FIRST_VISIT_LIMIT = 100 * 1024
# A notebook page carries every cell's highlighted code and output (issue budget:
# 150 KB on a first visit, 100 KB on a repeat visit).
NOTEBOOK_FIRST_VISIT_LIMIT = 150 * 1024
REPEAT_VISIT_LIMIT = 100 * 1024
# The live page (docs/watch.md) carries its script and Keras's captured runs (118
# KB on a first visit, gzipped: bundles leave out comment lines); its budget that
# counts is Lighthouse's against stock Material (make bench) and the DOM limit. "Explain
# your model" (docs/explain.md) is held to it too: its script reads summaries and
# code and counts every layer (25 KB of the 109 KB, gzipped); so is the calculator,
# which counts with the same module (101 KB).
LIVE_FIRST_VISIT_LIMIT = 120 * 1024
LIVE_PAGES = ("watch/", "explain/", "calculator/")
FIGURE_LIMIT = 60 * 1024
# One index for both languages (Material's search has one), of the prose only:
# code and outputs stay out of it (densedocs/site/code_blocks.py): 64 KB gzipped
# since "Explain your model", PyTorch and the learner's next questions (issues 32,
# 34, 33), fetched once for the whole site.
SEARCH_INDEX_LIMIT = 72 * 1024
SEARCH_INDEX = "search/search_index.json"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def weigh(responses) -> tuple[dict, dict, int]:
    """({URL: weight} of a page's loads, {figure URL: weight}, search index weight)."""
    loads, figures, index = {}, {}, 0
    for response in responses:
        size = gzipped(response.body() if response.status == 200 else b"")
        if response.headers.get("content-type", "").startswith("image/"):
            figures[response.url] = size
        elif response.url.endswith(SEARCH_INDEX):
            index = size
        else:
            loads[response.url] = size
    return loads, figures, index


def load(site_url, browser, path):
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda r, found=responses: found.append(r))
    page.goto(site_url + path, wait_until="networkidle")
    weighed = weigh(responses)
    context.close()
    return weighed


def weight_problems(path: str, weighed, home_loads: dict, figures_shown: set):
    """What exceeds a budget in one page's loads, weighed (`weigh`) once a reader
    has scrolled to every figure (`figures_shown`: the article's images, which load
    lazily, as they come into view); `home_loads` are the home page's loads, in the
    browser's cache on a repeat visit. tests/browser/test_every_page.py asserts it
    in its own visit of each page, so that each page is loaded once."""
    loads, figures, index = weighed
    first = sum(loads.values())
    repeat = sum(size for url, size in loads.items() if url not in home_loads)
    print(
        f"{path or 'index'}: {first / 1024:.1f} KB first, {repeat / 1024:.1f} KB repeat"
    )
    limit = FIRST_VISIT_LIMIT
    if "notebooks/" in path:
        limit = NOTEBOOK_FIRST_VISIT_LIMIT
    elif path.removeprefix("zh/") in LIVE_PAGES:
        limit = LIVE_FIRST_VISIT_LIMIT
    problems = []
    if first > limit:
        problems.append(f"first visit {first / 1024:.1f} KB, budget {limit // 1024}")
    if repeat > REPEAT_VISIT_LIMIT:
        problems.append(f"repeat visit {repeat / 1024:.1f} KB")
    unweighed = sorted(figures_shown - set(figures))
    if unweighed:
        problems.append(f"figures shown but never weighed: {unweighed}")
    problems += [
        f"figure {url}: {size / 1024:.1f} KB"
        for url, size in figures.items()
        if size > FIGURE_LIMIT
    ]
    if not 0 < index <= SEARCH_INDEX_LIMIT:
        problems.append(f"search index {index / 1024:.1f} KB")
    return problems


def test_every_published_figure_is_under_60_kb(built_site):
    figures = list((built_site / "figures").rglob("*.*"))
    assert len(figures) >= 3
    for figure in figures:
        assert gzipped(figure.read_bytes()) <= FIGURE_LIMIT, figure
