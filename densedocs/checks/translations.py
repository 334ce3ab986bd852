"""The Chinese edition: every page has its counterpart (page.md, page.zh.md), and
each pair shows the same snippets and outputs in the same order; so does each
notebook's source and its translation (notebooks/answer.md, answer.zh.md)."""

import difflib
import re
from pathlib import Path

from densedocs.layout import CAPTURED_WITH, CHINESE_SUFFIX, OUTPUT_TITLES
from densedocs.pages import Page, notebook_sources, page_files, read

TRANSLATION_SUFFIX = f"{CHINESE_SUFFIX}.md"
# densedocs.notebooks writes them too
NOTEBOOK_TRANSLATION_SUFFIX = f"{CHINESE_SUFFIX}.ipynb"
# The output titles of each language (densedocs.layout.OUTPUT_TITLES).
ZH_TITLES = {title for title in OUTPUT_TITLES if re.search(r"[\u4e00-\u9fff]", title)}
EN_TITLES = set(OUTPUT_TITLES) - ZH_TITLES


def page_pairs(root: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(English page, Chinese page) pairs, and the pages that have no counterpart:
    docs/**/*.md and their .zh.md, then the notebooks (*.ipynb) and their .zh.ipynb."""
    pages = page_files(root) + sorted((root / "docs").rglob("*.ipynb"))
    chinese = {
        p
        for p in pages
        if p.name.endswith((TRANSLATION_SUFFIX, NOTEBOOK_TRANSLATION_SUFFIX))
    }
    pairs, problems = [], []
    for page in sorted(set(pages) - chinese, key=lambda p: (p.suffix != ".md", p)):
        counterpart = page.with_name(f"{page.stem}.zh{page.suffix}")
        if counterpart in chinese:
            pairs.append((page, counterpart))
        else:
            problems.append(
                f"{page.relative_to(root)} has no Chinese counterpart "
                f"({counterpart.relative_to(root)})"
            )
    for page in sorted(chinese - {zh for _, zh in pairs}):
        problems.append(f"{page.relative_to(root)} translates no English page")
    return pairs, problems


def _what_a_page_shows(page: Page) -> list[str]:
    """The page's includes and the kinds of its blocks in order, whatever the
    language of their titles: its language's box counts as captured_with.md, an
    output block as the stream it shows, a quotation as one."""
    shown = []
    for include in page.includes:
        path = include.path
        path = CAPTURED_WITH["en"] if path == CAPTURED_WITH[page.language] else path
        section = f":{include.section}" if include.section else ""
        shown.append((include.line, f"include {path}{section}"))
    for block in page.blocks:
        if block.cell_snippet:
            shown.append((block.line, f"snippet {block.cell_snippet}"))
        else:
            kind = "quotation" if block.quoted else block.stream or block.title
            shown.append((block.line, f"fence {kind}"))
    return [what for _line, what in sorted(shown)]


def source_pairs(root: Path) -> list[tuple[Path, Path]]:
    """(English source, its translation) of each notebook, by the same suffix rule;
    a source without its translation is a page pair's problem already (its
    notebook has none either)."""
    sources = notebook_sources(root)
    return [
        (source, translation)
        for source in sources
        if not source.name.endswith(TRANSLATION_SUFFIX)
        and (translation := source.with_name(source.stem + TRANSLATION_SUFFIX))
        in sources
    ]


def check_translations(root: Path) -> list[str]:
    """Every page has its Chinese counterpart and the other way round, and each pair
    shows the same snippets and outputs in the same order (the "Real outputs" box
    in the page's own language: captured_with.md, captured_with.zh.md)."""
    pairs, problems = page_pairs(root)
    pairs = [p for p in pairs if p[0].suffix == ".md"] + source_pairs(root)
    for english, chinese in pairs:
        read_en, read_zh = read(root, english), read(root, chinese)
        for page, shown, wrong, foreign in (
            (english, read_en, CAPTURED_WITH["zh"], ZH_TITLES),
            (chinese, read_zh, CAPTURED_WITH["en"], EN_TITLES),
        ):
            if wrong in [include.path for include in shown.includes]:
                problems.append(f"{page.relative_to(root)} includes {wrong}")
            titles = [block.title for block in shown.blocks]
            problems += [
                f"{page.relative_to(root)} titles an output block {title!r}, in "
                "the other language"
                for title in dict.fromkeys(titles)
                if title in foreign
            ]
        shown_en = _what_a_page_shows(read_en)
        shown_zh = _what_a_page_shows(read_zh)
        if shown_en != shown_zh:
            diff = "\n".join(
                difflib.unified_diff(
                    shown_en,
                    shown_zh,
                    str(english.relative_to(root)),
                    str(chinese.relative_to(root)),
                    lineterm="",
                )
            )
            problems.append(
                f"{english.relative_to(root)} and {chinese.relative_to(root)} do not "
                f"show the same snippets and outputs in the same order:\n{diff}"
            )
    return problems
