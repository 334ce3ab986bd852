"""One Chinese term per idea (densedocs/checks/terminology.py): every Chinese page
and notebook source keeps to the terminology table."""

import shutil

import pytest

from densedocs.checks.terminology import (
    chinese_sources,
    read_table,
    terminology_problems,
)
from tests.conftest import ROOT
from tests.helpers import edit, joined


def test_every_chinese_page_and_notebook_source_keeps_to_the_table():
    assert not terminology_problems(ROOT), "\n".join(terminology_problems(ROOT))


def test_the_table_reads_every_chinese_page_and_notebook_source():
    read = {p.relative_to(ROOT).as_posix() for p in chinese_sources(ROOT)}
    assert {"docs/one-step.zh.md", "docs/glossary.zh.md"} <= read
    assert "notebooks/training.zh.md" in read
    assert not any(name.endswith(".md") and ".zh." not in name for name in read)


def test_each_concept_has_one_term_that_no_other_concept_avoids():
    table = read_table()
    terms = [entry["term"] for entry in table["concepts"]]
    assert len(terms) == len(set(terms))
    avoided = {w for entry in table["concepts"] for w in entry["avoid"]}
    assert not any(word in term for word in avoided for term in terms)


@pytest.fixture
def copy(tmp_path):
    """The pages and notebook sources, copied, to tamper with."""
    for folder in ("docs", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_the_old_word_for_adams_running_mean_put_back_is_named_with_its_line(copy):
    page = copy / "docs" / "one-step.zh.md"
    edit(page, "梯度的滑动平均（`m`）", "导数的滑动平均（`m`）")
    line = next(
        n
        for n, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if "导数的滑动平均" in text
    )
    problems = joined(terminology_problems(copy))
    assert f"docs/one-step.zh.md:{line}: 导数的滑动平均 (the table's term: 梯度)" in (
        problems
    )


def test_an_off_table_word_in_a_notebook_source_is_named(copy):
    edit(copy / "notebooks" / "training.zh.md", "样本", "训练实例")
    assert "notebooks/training.zh.md:" in joined(terminology_problems(copy))


def test_a_pending_word_that_is_gone_from_its_page_must_leave_the_table(copy):
    table = read_table()
    table["pending"] = {"docs/index.zh.md": ["一句话回答"]}
    assert "pending 一句话回答 is no longer on docs/index.zh.md" in joined(
        terminology_problems(copy, table)
    )
