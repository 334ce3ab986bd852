"""Which snippets, notebooks and tests belong to what an author is working on:
`make outputs SNIPPETS=... PAGE=...` (densedocs.capture, densedocs.notebooks) and
`make test-page PAGE=...` (`python -m densedocs.capture.selection PAGE`).

A page's snippets are every snippet whose code, outputs or figures the page or its
counterpart in the other language shows (the rule densedocs.capture.report uses to
name the pages a change reaches). A wrong name is an error, never an empty choice.
"""

import re
import subprocess
import sys
from pathlib import Path

from densedocs.layout import CHECKOUT
from densedocs.pages import notebook_sources, page_files


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
    found = sorted(shown & set(snippet_names(root)))
    if not found:
        raise SelectionError(f"{page} shows no snippet: there is nothing to capture")
    return found


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


# --- make test-page PAGE=docs/<page>.md

# The folders whose tests are a page's: the checks and the page tests (the site's
# and the browser's build the whole site: `make test` runs those).
PAGE_TEST_FOLDERS = ("tests/checks", "tests/pages")
# Notebook sources have their own ids there (notebooks/answer.md, [answer.md]).
NOT_A_PAGES_TESTS = ("tests/pages/test_notebooks.py",)
PARAMETERS = re.compile(r"\[(?P<id>.*)\]$")


def page_tests(root: Path, page: str, node_ids: list[str]) -> list[str]:
    """The tests of a page among these node ids: those parametrised by the page or
    its counterpart (docs/answer.md, answer.zh.md, answer.md-answer.zh.md, answer),
    by one of the snippets it shows (test_snippets.py), and its own file of page
    tests, tests/pages/test_<page>.py."""
    page = check_page(root, page)
    english = page.removesuffix(".zh.md").removesuffix(".md") + ".md"
    stem = Path(english).stem
    own = {english, counterpart(english)}
    own |= {name.removeprefix("docs/") for name in list(own)} | {stem}
    snippets = set(page_snippets_or_none(root, english))
    own_file = f"tests/pages/test_{stem.replace('-', '_')}.py"
    selected = []
    for node_id in node_ids:
        path = node_id.split("::", 1)[0]
        if not path.startswith(PAGE_TEST_FOLDERS) or path in NOT_A_PAGES_TESTS:
            continue
        parameters = PARAMETERS.search(node_id)
        value = parameters["id"] if parameters else None
        if (
            path == own_file
            or value in own | snippets
            or (value and any(value.startswith(f"{name}-") for name in own))
        ):
            selected.append(node_id)
    return selected


def page_snippets_or_none(root: Path, page: str) -> list[str]:
    try:
        return page_snippets(root, page)
    except SelectionError:
        return []  # a page without snippets still has its blocks, claims, ...


def collected(root: Path, python: str = sys.executable) -> list[str]:
    """Every test's node id under the page-test folders, as pytest collects them."""
    result = subprocess.run(
        [python, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + list(PAGE_TEST_FOLDERS),
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SelectionError(f"pytest could not collect the tests:\n{result.stdout}")
    return [line for line in result.stdout.splitlines() if "::" in line]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description="run the tests of one page (make test-page PAGE=docs/<page>.md)"
    )
    parser.add_argument("page", help="docs/<page>.md")
    parser.add_argument("pytest_args", nargs="*", help="passed on to pytest")
    args = parser.parse_args(argv)
    try:
        selected = page_tests(CHECKOUT, args.page, collected(CHECKOUT))
    except SelectionError as error:
        parser.error(str(error))
    print(f"{args.page}: {len(selected)} tests", flush=True)
    if not selected:  # pytest given no test would run them all
        return 1
    command = [sys.executable, "-m", "pytest", *args.pytest_args, *selected]
    return subprocess.run(command, cwd=CHECKOUT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
