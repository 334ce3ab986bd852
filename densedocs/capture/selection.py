"""Which snippets and notebooks belong to what an author is working on:
`make outputs SNIPPETS=... PAGE=...` (densedocs.capture, densedocs.notebooks; the
tests of a page, `make test-page`, are densedocs.checks.page_tests).

A page's snippets are every snippet whose code, outputs or figures the page or its
counterpart in the other language shows (the rule densedocs.capture.report uses to
name the pages a change reaches). A wrong name is an error, never an empty choice.
"""

from pathlib import Path

from densedocs.layout import snippets_dir
from densedocs.pages import notebook_sources, page_files, read


class SelectionError(ValueError):
    """A snippet or a page that does not exist, or a page that shows no snippet."""


def _pages(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in page_files(root)}


def counterpart(page: str) -> str:
    """docs/answer.md <-> docs/answer.zh.md."""
    if page.endswith(".zh.md"):
        return page.removesuffix(".zh.md") + ".md"
    return page.removesuffix(".md") + ".zh.md"


def check_page(root: Path, page: str) -> str:
    """The page as a path relative to the checkout; SelectionError if no such page."""
    pages = _pages(root)
    if page not in pages:
        raise SelectionError(
            f"no such page: {page} (a page is docs/<page>.md, for example "
            f"docs/answer.md: {', '.join(p for p in sorted(pages) if '.zh.' not in p)})"
        )
    return page


def page_snippets(root: Path, page: str) -> list[str]:
    """The snippets that a page and its counterpart show (names under snippets/)."""
    from densedocs.capture.report import shown_by
    from densedocs.capture.store import snippet_names

    pages = _pages(root)
    shown = set()
    for name in (check_page(root, page), counterpart(page)):
        if name in pages:
            shown |= shown_by(root, pages[name])
            missing = missing_includes(root, pages[name])
            if missing:
                raise SelectionError(
                    f"{name} includes snippets/{missing[0]}, which does not exist"
                )
    found = sorted(shown & set(snippet_names(root)))
    if not found:
        raise SelectionError(f"{page} shows no snippet: there is nothing to capture")
    return found


def missing_includes(root: Path, page: Path) -> list[str]:
    """The files under snippets/ that a page includes and that do not exist."""
    return [
        include.path
        for include in read(root, page).includes
        if not (snippets_dir(root) / include.path).is_file()
    ]


def normalised(name: str) -> str:
    """snippets/answer/summary.py -> answer/summary.py (both forms are accepted)."""
    return name.removeprefix("./").removeprefix("snippets/")


def chosen_snippets(root: Path, snippets: list[str], pages: list[str]) -> list[str]:
    """The snippets named, and those of the pages named, in order; every snippet
    when none is named. Raises SelectionError on a wrong name."""
    from densedocs.capture.store import snippet_names

    names = snippet_names(root)
    if not snippets and not pages:
        return names
    chosen = [normalised(name) for name in snippets]
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        raise SelectionError(
            f"no such snippet under snippets/: {', '.join(unknown)} "
            "(a snippet is named as pages include it, for example answer/summary.py)"
        )
    for page in pages:
        chosen += page_snippets(root, page)
    return sorted(set(chosen), key=chosen.index)


def notebooks_showing(root: Path, snippets: set[str]) -> list[Path]:
    """The notebook sources (both languages) that show one of these snippets: its
    code, its capture or a figure it wrote."""
    from densedocs.capture.report import shown_by

    return [s for s in notebook_sources(root) if shown_by(root, s) & snippets]
