"""`make test-page PAGE=docs/<page>.md` (`python -m densedocs.checks.page_tests
PAGE`): the tests of one page, its snippets, blocks, claims, comparisons,
translation and tests/pages/test_<page>.py, selected from what pytest collects,
and the checks of the whole checkout that a change to any page can turn red
(WHOLE_CHECKOUT): so a green test-page is never a red `make test` for that page."""

import re
import subprocess
import sys
from pathlib import Path

from densedocs.capture.selection import (
    SelectionError,
    check_page,
    counterpart,
    page_snippets,
)
from densedocs.layout import CHECKOUT

# The folders whose tests are a page's: the checks and the page tests (the site's
# and the browser's build the whole site: `make test` runs those).
PAGE_TEST_FOLDERS = ("tests/checks", "tests/pages")
# Notebook sources have their own ids there (notebooks/answer.md, [answer.md]).
NOT_A_PAGES_TESTS = ("tests/pages/test_notebooks.py",)
PARAMETERS = re.compile(r"\[(?P<id>.*)\]$")
# Checks of every page at once, cheap, that a page's change can turn red: the
# inventory, no machine path, the translations' blocks in the same order, every
# output what a capture wrote.
WHOLE_CHECKOUT = (
    "tests/checks/test_inventory.py::"
    "test_every_snippet_is_shown_captured_and_every_capture_has_its_snippet",
    "tests/checks/test_inventory.py::"
    "test_pages_with_outputs_say_which_versions_produced_them",
    "tests/checks/test_inventory.py::"
    "test_no_capture_or_notebook_shows_a_path_of_this_machine",
    "tests/checks/test_translations.py::"
    "test_every_page_has_a_chinese_counterpart_showing_the_same_blocks",
    "tests/checks/test_published.py::test_every_output_is_what_a_capture_wrote",
)


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
            node_id in WHOLE_CHECKOUT
            or path == own_file
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
