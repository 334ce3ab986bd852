"""The Chinese edition's sources: every page has its counterpart (page.md,
page.zh.md; a notebook's is page.zh.ipynb, from notebooks/page.zh.md), and each
pair, the notebooks' sources too, shows the same snippets and outputs in the same
order and states the same numbers. tests/site/test_i18n.py checks the built
edition."""

import re
from pathlib import Path

import pytest

from densedocs.checks.claims import NUMBER
from densedocs.checks.translations import (
    check_translations,
    page_pairs,
    source_pairs,
)
from densedocs.layout import CAPTURED_WITH
from densedocs.pages import read
from tests.conftest import ROOT
from tests.helpers import edit, joined

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


def _numbers(path: Path) -> set[str]:
    """The numbers a reader reads in a page's prose (densedocs.pages)."""
    return set(NUMBER.findall(read(ROOT, path).prose))


# Every pair a reader reads prose of: the pages, and the notebooks' sources.
PROSE_PAIRS = PAGE_PAIRS + source_pairs(ROOT)


def _prose_name(pair) -> str:
    return pair[0].relative_to(ROOT).as_posix()


@pytest.mark.parametrize("pair", PROSE_PAIRS, ids=_prose_name)
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
    (copy / "docs/zz_test_extra.zh.md").write_text("# 多余\n", encoding="utf-8")
    problems = joined(check_translations(copy))
    assert "docs/glossary.md has no Chinese counterpart" in problems
    assert "docs/zz_test_extra.zh.md translates no English page" in problems


def test_a_notebook_without_its_counterpart(copy):
    notebooks = copy / "docs/notebooks"
    (notebooks / "training.zh.ipynb").unlink()
    (notebooks / "answer.zh.ipynb").rename(notebooks / "zz_test_extra.zh.ipynb")
    problems = joined(check_translations(copy))
    assert "docs/notebooks/training.ipynb has no Chinese counterpart" in problems
    assert "(docs/notebooks/training.zh.ipynb)" in problems
    assert "docs/notebooks/answer.ipynb has no Chinese counterpart" in problems
    extra = "docs/notebooks/zz_test_extra.zh.ipynb"
    assert f"{extra} translates no English page" in problems


def test_a_notebook_source_whose_translation_drops_a_program(copy):
    edit(copy / "notebooks/answer.zh.md", '```python snippet="answer/summary.py"', "")
    problems = joined(check_translations(copy))
    assert "notebooks/answer.md and notebooks/answer.zh.md" in problems
    assert "snippet answer/summary.py" in problems


# --- Anchors and glossary links, the same in both languages ----------------


@pytest.mark.parametrize(
    "english, chinese",
    [pair for pair in PAIRS if pair[0].suffix == ".md"],
    ids=lambda p: p.name,
)
def test_both_languages_give_their_headings_the_same_anchors(english, chinese):
    # Explicit on both sides, so rewording a heading cannot break a link into
    # either language (an automatic slug would follow the wording).
    def anchors(page):
        headings = read(ROOT, page).headings  # not a code block's comments
        return [(h.level, h.anchor) for h in headings if h.level > 1]

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


def test_an_output_titled_in_the_other_language(copy):
    edit(copy / "docs/why.zh.md", 'title="输出"', 'title="Output"')
    problems = joined(check_translations(copy))
    assert "docs/why.zh.md titles an output block 'Output', in the other" in problems
