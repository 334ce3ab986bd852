"""The built Chinese edition: every page says its language, the language switcher
links each page to its counterpart and back, and the Chinese pages carry the
Chinese site name, nav, box and notebooks."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from densedocs.checks.translations import page_pairs
from densedocs.layout import VERSIONS, read_manifest
from tests.conftest import ROOT
from tests.helpers import visible_text

PAIRS, _ = page_pairs(ROOT)


def _name(pair) -> str:
    return pair[0].relative_to(ROOT / "docs").as_posix()


class _Page(HTMLParser):
    """The <html lang>, the language switcher's links and the <title> of a page."""

    def __init__(self):
        super().__init__()
        self.lang, self.switcher, self.title, self._in_title = None, {}, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher[attrs["hreflang"]] = attrs["href"]
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parsed(site: Path, path: str) -> _Page:
    page = _Page()
    page.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return page


def site_path(page: Path) -> str:
    """docs/answer.md -> answer/, docs/index.zh.md -> zh/,
    docs/notebooks/answer.zh.ipynb -> zh/notebooks/answer/ (directory URLs)."""
    stem = page.name.split(".")[0]
    folder = "zh/" if ".zh." in page.name else ""
    parent = page.parent.relative_to(ROOT / "docs").as_posix()
    folder += "" if parent == "." else f"{parent}/"
    return folder + ("" if stem == "index" else f"{stem}/")


def test_every_page_says_its_language(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 2 * len(PAIRS)
    for html in pages:
        rel = html.relative_to(built_site).as_posix()
        want = "zh" if rel.startswith("zh/") else "en"
        page = _Page()
        page.feed(html.read_text(encoding="utf-8"))
        assert page.lang == want, rel


@pytest.mark.parametrize("pair", PAIRS, ids=_name)
def test_the_language_switcher_round_trips(built_site, pair):
    english, chinese = (site_path(p) for p in pair)
    there = parsed(built_site, english).switcher["zh"]
    landed = (Path("/", english) / there).resolve().as_posix().strip("/")
    assert landed == chinese.rstrip("/")
    back = parsed(built_site, chinese).switcher["en"]
    home = (Path("/", chinese) / back).resolve().as_posix().strip("/")
    assert (home + "/" if home else "") == english


def test_chinese_pages_have_the_chinese_site_name_nav_and_box(built_site):
    versions = read_manifest(ROOT)[VERSIONS]
    answer = parsed(built_site, "zh/answer/")
    assert answer.title.strip() == "完整的答案：为什么是 96、33 和 129？ - Dense 层详解"
    assert (
        parsed(built_site, "answer/").title.strip()
        == "The full answer: why 96, 33 and 129? - Dense, explained"
    )
    html = (built_site / "zh/answer/index.html").read_text(encoding="utf-8")
    for title in (
        "答案",
        "用自己的代码核对答案",
        "数出任意网络的参数（交互）",
        "输入和输出是什么形状？",
        "摘要里的数字是什么意思？",
        "术语表：每个词的意思",
        "从 Keras 2 到 Keras 3 变了什么？",
    ):
        assert f"{title}\n" in html or f">{title}<" in html, title
    text = visible_text(html)
    assert f"Keras {versions['keras']} + TensorFlow {versions['tensorflow']}" in text
    assert "真实运行" in text and "Total params: 129 (516.00 B)" in text


def test_the_chinese_nav_links_the_chinese_notebooks(built_site):
    """/zh/'s nav links to the Chinese notebook pages (answer.zh.ipynb), which say
    they are in Chinese; none falls back to the English one."""
    html = (built_site / "zh/index.html").read_text(encoding="utf-8")
    for name, title in (
        ("answer", "答案（Notebook 版）"),
        ("training", "训练这个网络（Notebook 版）"),
    ):
        assert f'href="notebooks/{name}/"' in html
        assert f'href="../notebooks/{name}/"' not in html
        notebook = parsed(built_site, f"zh/notebooks/{name}/")
        assert notebook.lang == "zh"
        assert notebook.title.strip().endswith(" - Dense 层详解"), notebook.title
        assert (built_site / f"zh/notebooks/{name}/{name}.zh.ipynb").is_file()
        nav = (built_site / f"zh/notebooks/{name}/index.html").read_text("utf-8")
        assert f">{title}<" in nav or f"{title}\n" in nav, title
    assert not list(built_site.glob("zh/notebooks/*/index/"))


# A line break inside a paragraph is a space in the built page, and Chromium does
# not drop it between Chinese characters: a Chinese paragraph wrapped in its
# Markdown source reads "含义： 每一层" (a space no Chinese text has).
PARAGRAPH = re.compile(r"<(p|li)>(.*?)</\1>", re.S)
BREAK_IN_CHINESE = re.compile(
    r"[\u3000-\u303f\uff00-\uffef]\s*\n|[\u4e00-\u9fff]\n\s*[\u4e00-\u9fff]"
)


def test_no_chinese_paragraph_carries_a_space_from_a_wrapped_source_line(
    built_site,
):
    found = []
    for html in sorted((built_site / "zh").rglob("*.html")):
        article = html.read_text(encoding="utf-8").split("<article", 1)[-1]
        for match in PARAGRAPH.finditer(article):
            for hit in BREAK_IN_CHINESE.finditer(match[2]):
                where = html.relative_to(built_site).as_posix()
                found.append(f"{where}: {match[2][hit.start() - 12 : hit.end() + 6]!r}")
    assert not found, "\n".join(found)
