"""Browser tests: the built site, served on 127.0.0.1, in Debian's Chromium.

Playwright drives /usr/bin/chromium (never a browser Playwright downloads). The site is
built once per run (the `built_site` fixture of tests/conftest.py) and served by a
thread of this process. Each test gets a fresh browser context that records every
request, failed request, console error and page error, so the tests can assert that
none reached another host and that nothing failed.
"""

import functools
import http.server
import json
import logging
import os
import random
import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from densedocs.browser import CHROMIUM, CHROMIUM_ARGS
from densedocs.pages import site_paths
from tests.conftest import ROOT, ZH_SEARCH_SEED, once_per_run

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def nav_pages(chinese: bool = True) -> list[str]:
    """Every page of the nav, as its URL path (densedocs.pages.site_paths)."""
    return site_paths(ROOT, chinese)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(apt-get install -y chromium; .ci/run does it)",
            pytrace=False,
        )
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make test does it)",
            pytrace=False,
        )
    return AXE.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) from a thread; returns the server."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class Recorder:
    """What a page did: every request, and everything that went wrong."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    responses: list = field(default_factory=list)

    def attach(self, page):
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.responses.append(r))
        page.on("requestfailed", self._failed)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.url}: {r.status}"),
        )
        page.on(
            "console",
            lambda m: m.type == "error" and self.console_errors.append(m.text),
        )
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _failed(self, request):
        # A request cut short because the test moved on to the next page is
        # not a failure of the site (Chromium reports it as ERR_ABORTED).
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url}: {request.failure}")

    def reset(self):
        self.responses.clear()
        for found in (self.requests, self.failed, self.console_errors):
            found.clear()
        self.page_errors.clear()
        self.dialogs.clear()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign(self, allowed_hosts: set[str]) -> list[str]:
        """Requests to any host but ours (data: and blob: URLs stay in the page)."""
        found = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme == "file" and "" in allowed_hosts:
                continue
            if parts.netloc not in allowed_hosts:
                found.append(url)
        return found

    def problems(self, allowed_hosts: set[str]) -> list[str]:
        return (
            [f"request to another host: {u}" for u in self.foreign(allowed_hosts)]
            + [f"failed request: {f}" for f in self.failed]
            + [f"console error: {e}" for e in self.console_errors]
            + [f"page error: {e}" for e in self.page_errors]
            + [f"dialog opened: {d}" for d in self.dialogs]
        )


@pytest.fixture
def new_page(browser):
    """A factory: a page in a fresh context (light or dark), with its recorder."""
    contexts = []

    def make(scheme: str = "light", **options):
        context = browser.new_context(color_scheme=scheme, **options)
        contexts.append(context)
        page = context.new_page()
        recorder = Recorder()
        recorder.attach(page)
        return page, recorder

    yield make
    for context in contexts:
        context.close()


def wait_until(page, expression: str, timeout: float = 30.0):
    """Wait until a JavaScript expression is true in the page. Playwright's
    wait_for_function compiles its predicate with eval in the page, which the
    pages' Content-Security-Policy (densedocs/site/csp.py) refuses; page.evaluate
    is the driver's own and is not refused."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def run_axe(page, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page, one line per element."""
    # Evaluated by the driver, not added as an inline <script>: the page's
    # Content-Security-Policy (densedocs/site/csp.py) refuses inline scripts.
    page.evaluate(axe_source + "\n;0")
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations.map(v => ({
                id: v.id,
                help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary),
            }));
        }""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['help']}): {node}" for v in violations for node in v["nodes"]
    ]


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """`make offline`'s edition (mkdocs.yml with OFFLINE=true), built strictly,
    once per run."""
    import subprocess
    import sys

    def build(site: Path) -> str:
        strict = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        result = subprocess.run(
            [*strict, "-d", str(site)],
            cwd=ROOT,
            env={**os.environ, "OFFLINE": "true"},
            capture_output=True,
            text=True,
            check=False,
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    return once_per_run(tmp_path_factory, "offline-site", build)


def search(page, words: str):
    """Type into Material's search as a reader does (it listens for keyup).

    Chinese is typed through an input method, which sends no key per character:
    the text is filled in, then a key press (End) lets the search see it. A query
    left from an earlier search is cleared first. Typing starts once the search
    has its index (its line reads "Type to start searching", in the page's
    language, instead of "Initializing search"). Fails at once if the search
    answers with no result."""
    from playwright.sync_api import expect

    page.locator("label.md-search__icon, .md-search__input").first.click()
    field = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    meta = page.locator(".md-search-result__meta")
    if field.input_value():
        field.fill("")
        field.press("End")
        results.first.wait_for(state="detached")
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    expect(meta).to_have_text(ready, timeout=30_000)
    if words.isascii():
        field.press_sequentially(words, delay=20)
    else:
        field.fill(words)
        field.press("End")
    expect(meta).not_to_have_text(ready, timeout=30_000)
    assert results.count(), (
        f"the search found nothing for {words!r}: {meta.inner_text()}"
    )
    return results


# A reader's scroll to the end of the results: from two views above the end, then
# to it, a frame apart. Material shows the next few pages when the list's end
# comes into view, which it learns from a scroll event: a jump from the end to the
# new end (the list grew under it) is no arrival, and shows nothing more.
SCROLL_TO_THE_END = """async (wrap) => {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  wrap.scrollTo(0, wrap.scrollHeight - 2 * wrap.clientHeight);
  await frame(); await frame();
  wrap.scrollTo(0, wrap.scrollHeight);
  await frame(); await frame();
}"""


def result_links(page, results, timeout: float = 30.0) -> list[str]:
    """Every result's address, as a reader sees them all: Material shows the first
    pages of results and the next ones as the list is scrolled to its end, until
    it shows as many pages as its line counts ("20 matching results")."""
    scroll = page.locator(".md-search__scrollwrap")
    pages = page.locator(".md-search-result__list > li")
    meta = page.locator(".md-search-result__meta").inner_text()
    count = re.search(r"\d+", meta)
    assert count, f"the search's line counts no result: {meta!r}"
    counted = int(count.group())
    deadline = time.monotonic() + timeout
    while pages.count() < counted:
        if time.monotonic() > deadline:
            raise AssertionError(
                f"the search shows {pages.count()} of the {counted} pages it counts"
            )
        scroll.evaluate(SCROLL_TO_THE_END)
        page.wait_for_timeout(50)
    return results.evaluate_all("links => links.map(a => a.href)")


VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """The text nodes of a page's <article> (no script or style)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.code = None  # inside <script> or <style>
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if (tag == "article" or self.depth) and tag not in VOID_ELEMENTS:
            self.depth += 1
        if tag in ("script", "style"):
            self.code = tag

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID_ELEMENTS:  # <img ... /> ends too
            self.depth -= 1
        if tag == self.code:
            self.code = None

    def handle_data(self, data):
        if self.depth and not self.code:
            self.texts.append(data)


HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def chinese_phrases(site: Path, rng: random.Random, count: int) -> list[str]:
    """`count` words (of two characters or more) and `count` pairs of adjacent
    words, drawn with `rng` from what search can find on the Chinese pages: the
    sections of the built search index (prose; code blocks and their titles stay
    out of it), as jieba segments them. Each is a run of Han characters of one
    section, so the section says it as written."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words, pairs = set(), set()
    for _location, section in sorted(chinese_sections(site).items()):
        for run in HAN_RUN.findall(section):
            cut = list(jieba.cut(run))
            words.update(w for w in cut if len(w) > 1)
            pairs.update(a + b for a, b in zip(cut, cut[1:], strict=False))
    return rng.sample(sorted(words), count) + rng.sample(sorted(pairs), count)


# The search index's section text, as docs/javascripts/zh-search-worker.js reads it
_BLOCK = re.compile(r"</?(p|pre|li|ol|ul)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>|\u200b")


def chinese_sections(site: Path) -> dict[str, str]:
    """The Chinese sections of the built search index: location ("zh/glossary/#bias",
    offline "zh/glossary.html#bias") -> title and text, without markup."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))

    def text(html: str) -> str:
        return _TAG.sub("", _BLOCK.sub("\n", html))

    return {
        doc["location"]: f"{text(doc['title'])}\n{text(doc['text'])}"
        for doc in index["docs"]
        if doc["location"].startswith("zh/")
    }


def word_boundaries(page, runs: list[str]) -> list[list[int]]:
    """Where the browser's Intl.Segmenter (as the search worker uses it) may cut
    each run into words."""
    return page.evaluate(
        """runs => {
            const s = new Intl.Segmenter("zh", {granularity: "word"});
            return runs.map(r => [...s.segment(r)].map(x => x.index));
        }""",
        runs,
    )


def chinese_word_pairs(
    site: Path, rng: random.Random, count: int, page
) -> list[tuple[str, str]]:
    """`count` queries of two words typed together, drawn with `rng`, and a section
    each must find: both words (of two characters or more, as jieba segments the
    section, neither in the other) stand in that section of the search index, never
    side by side, and the browser's segmenter cuts the query between them (it
    does so for all but a few in a thousand)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    candidates = []
    for location, section in sorted(chinese_sections(site).items()):
        words = {w for run in HAN_RUN.findall(section) for w in jieba.cut(run)}
        words = sorted(w for w in words if len(w) > 1)
        candidates += [
            (a + b, len(a), location)
            for a in words
            for b in words
            if a not in b and b not in a and a + b not in section
        ]
    drawn = []
    while len(drawn) < count:
        batch = [candidates.pop(rng.randrange(len(candidates))) for _ in range(count)]
        cuts = word_boundaries(page, [query for query, _, _ in batch])
        drawn += [
            (query, location)
            for (query, cut, location), at in zip(batch, cuts, strict=True)
            if cut in at
        ]
    return drawn[:count]


def article_text(site: Path, url_path: str) -> str:
    """The text of the <article> of the built page at url_path ("/zh/glossary/",
    or a file's path, "/zh/glossary.html")."""
    path = site / url_path.lstrip("/")
    parser = _ArticleText()
    parser.feed((path / "index.html" if url_path.endswith("/") else path).read_text())
    return "".join(parser.texts)


@pytest.fixture(scope="session")
def chinese_seed() -> int:
    """The seed the Chinese search tests draw their queries with: the run's
    ZH_SEARCH_SEED, which tests/conftest.py sets and prints in the header."""
    return int(os.environ[ZH_SEARCH_SEED])


def show_images(page):
    """Scroll to every figure of the article (they load lazily, when a reader
    reaches them) and wait until each has loaded or failed."""
    for image in page.locator("article img").all():
        image.scroll_into_view_if_needed()
    wait_until(
        page, "[...document.querySelectorAll('article img')].every(i => i.complete)"
    )
