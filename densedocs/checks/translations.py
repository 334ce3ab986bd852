"""The Chinese edition: every page has its counterpart (page.md, page.zh.md), and
each pair shows the same snippets and outputs in the same order; so does each
notebook's source and its translation (notebooks/answer.md, answer.zh.md)."""

import difflib
import re
from pathlib import Path

from densedocs.layout import (
    CAPTURED_WITH,
    CHINESE_SUFFIX,
    OUTPUT_TITLES,
    QUOTED_TITLES,
    SNIPPET_CELL,
)
from densedocs.pages import (
    TITLE,
    includes,
    includes_in,
    notebook_sources,
    page_files,
)

TRANSLATION_SUFFIX = f"{CHINESE_SUFFIX}.md"
# densedocs.notebooks writes them too
NOTEBOOK_TRANSLATION_SUFFIX = f"{CHINESE_SUFFIX}.ipynb"
# The output titles of each language (densedocs.layout.OUTPUT_TITLES).
ZH_TITLES = {title for title in OUTPUT_TITLES if re.search(r"[\u4e00-\u9fff]", title)}
EN_TITLES = set(OUTPUT_TITLES) - ZH_TITLES
FENCE_OPENING = re.compile(r"^\s*(`{3,}|~{3,})\S.*$")


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


def _what_a_page_shows(page: Path, box: str) -> list[str]:
    """The page's includes and the kinds of its fences in order, whatever the
    language of their titles: its language's box counts as captured_with.md, an
    output block as the stream it shows, a quotation as one."""
    shown = []
    for line in page.read_text(encoding="utf-8").split("\n"):
        for path, section in includes_in(line):
            path = CAPTURED_WITH["en"] if path == box else path
            shown.append(f"include {path}" + (f":{section}" if section else ""))
        if cell := SNIPPET_CELL.match(line):
            shown.append(f"snippet {cell['path']}")
        elif FENCE_OPENING.match(line):
            title = (TITLE.findall(line) or [""])[0]
            kind = OUTPUT_TITLES.get(title, title)
            shown.append(
                f"fence {'quotation' if title.startswith(QUOTED_TITLES) else kind}"
            )
    return shown


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
        for page, wrong in (
            (english, CAPTURED_WITH["zh"]),
            (chinese, CAPTURED_WITH["en"]),
        ):
            if wrong in [path for path, _ in includes(page)]:
                problems.append(f"{page.relative_to(root)} includes {wrong}")
        for page, foreign in ((english, ZH_TITLES), (chinese, EN_TITLES)):
            titles = TITLE.findall(page.read_text(encoding="utf-8"))
            problems += [
                f"{page.relative_to(root)} titles an output block {title!r}, in "
                "the other language"
                for title in dict.fromkeys(titles)
                if title in foreign
            ]
        shown_en = _what_a_page_shows(english, CAPTURED_WITH["en"])
        shown_zh = _what_a_page_shows(chinese, CAPTURED_WITH["zh"])
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
