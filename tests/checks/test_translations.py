"""The Chinese edition: every page has its counterpart (page.md, page.zh.md; a
notebook's is page.zh.ipynb, see tests/test_notebooks.py for its contents), each
pair shows the same snippets and outputs in the same order and states the same
numbers, and the built site says which language each page is in and links each page
to its counterpart."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from densedocs.checks.translations import check_translations, page_pairs
from densedocs.layout import CAPTURED_WITH, read_manifest
from tests.conftest import ROOT
from tests.helpers import edit, joined, visible_text

PAIRS, _ = page_pairs(ROOT)
PAGE_PAIRS = [p for p in PAIRS if p[0].suffix == ".md"]  # the notebooks aside


def _name(pair) -> str:
    return pair[0].relative_to(ROOT / "docs").as_posix()


# --- The sources --------------------------------------------------------------


def test_every_page_has_a_chinese_counterpart_showing_the_same_blocks():
    problems = check_translations(ROOT)
    assert not problems, "\n\n".join(problems)
    names = {_name(p) for p in PAIRS}
    assert {"index.md", "answer.md", "calculator.md", "glossary.md"} <= names
    assert {"notebooks/answer.ipynb", "notebooks/training.ipynb"} <= names
    for english, chinese in PAIRS:
        if english.suffix == ".ipynb":
            assert chinese.name == english.stem + ".zh.ipynb"


def _prose(path: Path) -> str:
    """What a reader reads: no code, includes, attribute lists, link targets, HTML
    tags, emphasis; the licence's version aside; spaces folded."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^\s*(`{3,}).*?^\s*\1\s*$", " ", text, flags=re.M | re.S)
    text = re.sub(r"^\s*--8<--.*$", " ", text, flags=re.M)
    text = re.sub(r"\{[^}]*\}", " ", text)  # { #anchor }, { width="720" }
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [text](target) -> [text]
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\*\*|[\[\]]", "", text).replace("CC BY-SA 4.0", "")
    return re.sub(r"\s+", " ", text)


NUMBER = re.compile(r"(?<![A-Za-z0-9_.,])\d+(?:[.,]\d+)*(?![A-Za-z0-9_])")


def _numbers(path: Path) -> set[str]:
    return set(NUMBER.findall(re.sub(r"`[^`]*`", " ", _prose(path))))


@pytest.mark.parametrize("pair", PAGE_PAIRS, ids=_name)
def test_the_chinese_prose_states_the_same_numbers(pair):
    english, chinese = pair
    missing = _numbers(english) - _numbers(chinese)
    extra = _numbers(chinese) - _numbers(english)
    assert not missing and not extra, (
        f"{chinese.name}: missing {sorted(missing)}, extra {sorted(extra)}"
    )


# --- The parity check bites ---------------------------------------------------


STDERR_BLOCK = {
    side: f'    ```text title="{title}"\n    --8<-- "answer/summary.err"\n'
    for side, title in (
        ("answer.md", "Output on stderr"),
        ("answer.zh.md", "stderr 上的输出"),
    )
}


def test_an_untampered_copy_passes(copy):
    assert check_translations(copy) == []


@pytest.mark.parametrize("side", ["answer.zh.md", "answer.md"])
def test_an_output_removed_from_one_side(copy, side):
    edit(copy / "docs" / side, STDERR_BLOCK[side], "")
    problems = joined(check_translations(copy))
    assert "docs/answer.md and docs/answer.zh.md" in problems
    assert "answer/summary.err" in problems


def test_a_snippet_removed_from_the_chinese_side(copy):
    edit(copy / "docs/check.zh.md", '--8<-- "check/batch_size.py"', "")
    assert "check/batch_size.py" in joined(check_translations(copy))


def test_two_outputs_in_another_order(copy):
    page = copy / "docs/check.zh.md"
    text = page.read_text(encoding="utf-8")
    a, b = '"check/weight_shapes.out"', '"check/batch_size.out"'
    page.write_text(text.replace(a, "@").replace(b, a).replace("@", b))
    assert "docs/check.zh.md" in joined(check_translations(copy))


def test_the_english_box_on_a_chinese_page(copy):
    edit(copy / "docs/training.zh.md", CAPTURED_WITH["zh"], CAPTURED_WITH["en"])
    assert "docs/training.zh.md includes captured_with.md" in joined(
        check_translations(copy)
    )


def test_a_page_without_its_counterpart(copy):
    (copy / "docs/glossary.zh.md").unlink()
    (copy / "docs/extra.zh.md").write_text("# 多余\n", encoding="utf-8")
    problems = joined(check_translations(copy))
    assert "docs/glossary.md has no Chinese counterpart" in problems
    assert "docs/extra.zh.md translates no English page" in problems


def test_a_notebook_without_its_counterpart(copy):
    notebooks = copy / "docs/notebooks"
    (notebooks / "training.zh.ipynb").unlink()
    (notebooks / "answer.zh.ipynb").rename(notebooks / "extra.zh.ipynb")
    problems = joined(check_translations(copy))
    assert "docs/notebooks/training.ipynb has no Chinese counterpart" in problems
    assert "(docs/notebooks/training.zh.ipynb)" in problems
    assert "docs/notebooks/answer.ipynb has no Chinese counterpart" in problems
    assert "docs/notebooks/extra.zh.ipynb translates no English page" in problems


# --- The built site -----------------------------------------------------------


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
    assert f"{landed}/" == chinese.rstrip("/") + "/" or landed + "/" == chinese
    back = parsed(built_site, chinese).switcher["en"]
    home = (Path("/", chinese) / back).resolve().as_posix().strip("/")
    assert (home + "/" if home else "") == english


def test_chinese_pages_have_the_chinese_site_name_nav_and_box(built_site):
    versions = read_manifest(ROOT)["captured_with"]
    answer = parsed(built_site, "zh/answer/")
    assert answer.title.strip() == "答案 - Dense 层详解"
    assert (
        parsed(built_site, "answer/").title.strip() == "The answer - Dense, explained"
    )
    html = (built_site / "zh/answer/index.html").read_text(encoding="utf-8")
    for title in (
        "问题",
        "自己动手验证",
        "参数计算器",
        "输入与形状",
        "数参数",
        "术语表",
        "今昔对比",
    ):
        assert f"{title}\n" in html or f">{title}<" in html, title
    text = visible_text(html)
    assert f"Keras {versions['keras']} + TensorFlow {versions['tensorflow']}" in text
    assert "真实运行" in text and "Total params: 129 (516.00 B)" in text


def test_the_chinese_nav_links_the_chinese_notebooks(built_site):
    """/zh/'s nav links to the Chinese notebook pages (answer.zh.ipynb), which say
    they are in Chinese; none falls back to the English one."""
    html = (built_site / "zh/index.html").read_text(encoding="utf-8")
    for name, title in (("answer", "答案"), ("training", "训练这个网络")):
        assert f'href="notebooks/{name}/"' in html
        assert f'href="../notebooks/{name}/"' not in html
        notebook = parsed(built_site, f"zh/notebooks/{name}/")
        assert notebook.lang == "zh"
        assert notebook.title.strip().endswith(" - Dense 层详解"), notebook.title
        assert (built_site / f"zh/notebooks/{name}/{name}.zh.ipynb").is_file()
        nav = (built_site / f"zh/notebooks/{name}/index.html").read_text("utf-8")
        assert f">{title}<" in nav or f"{title}\n" in nav, title
    assert not list(built_site.glob("zh/notebooks/*/index/"))


HEADING = re.compile(r"^(#{1,6}) .*?(?:\{ #([\w-]+) \})?\s*$", re.M)


@pytest.mark.parametrize(
    "english, chinese",
    [pair for pair in PAIRS if pair[0].suffix == ".md"],
    ids=lambda p: p.name,
)
def test_both_languages_give_their_headings_the_same_anchors(english, chinese):
    # Explicit on both sides, so rewording a heading cannot break a link into
    # either language (an automatic slug would follow the wording).
    def anchors(page):
        text = re.sub(
            r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S
        )
        return [
            (level, anchor) for level, anchor in HEADING.findall(text) if level != "#"
        ]

    assert anchors(english) == anchors(chinese)
    assert all(anchor for _, anchor in anchors(english)), "a heading has no { #anchor }"


GLOSSARY_LINK = re.compile(r"\]\(glossary\.md#([\w-]+)\)")


@pytest.mark.parametrize("pair", PAGE_PAIRS, ids=_name)
def test_both_languages_link_the_same_terms_to_the_glossary(pair):
    english, chinese = (
        set(GLOSSARY_LINK.findall(p.read_text(encoding="utf-8"))) for p in pair
    )
    assert english == chinese, (
        f"only in English: {sorted(english - chinese)}, "
        f"only in Chinese: {sorted(chinese - english)}"
    )
