"""Comparisons in prose are claims too: "0.06 or less", "between 0.0138 and
0.0386", "不超过 0.06". The claims check confirms that a number was printed, not
that a comparison built on it holds, so each comparison next to a number must be
derived from the captures by a test, which the page names in its front matter:

    compared:
      "between 0.0138 and 0.0386": tests/pages/test_why.py::test_wide_layers_fit_xor

A comparison that no entry covers, an entry whose words the prose no longer says,
and an entry naming a test that does not exist are each a problem. Rewording a
comparison, or changing its number, makes its entry stale: the test must be looked
at again.
"""

import re
from pathlib import Path

from densedocs.pages import Page, read

NUMBER = r"-?\d+(?:\.\d+)?"
# A comparison word right next to a number, as the pages write them.
ENGLISH = re.compile(
    rf"\b(?:under|below|above|near|close to|at most|at least|less than|more than"
    rf"|fewer than|up to)\s+{NUMBER}(?![\w.]\d)"
    rf"|{NUMBER}\s+or\s+(?:less|more|fewer|lower|higher|above|below)\b"
    rf"|\bbetween\s+{NUMBER}\s+and\s+{NUMBER}",
    re.I,
)
CHINESE = re.compile(
    rf"(?:不超过|不到|低于|高于|小于|大于|接近|超过|少于|多于|至少|至多|最多)\s*{NUMBER}"
    rf"|{NUMBER}\s*(?:以下|以上|以内|附近|左右)"
    rf"|在\s*{NUMBER}\s*附近"
    rf"|比\s*{NUMBER}\s*[^，。；：\s]{{0,4}}(?:高|低|大|小|多|少)"
    rf"|在\s*{NUMBER}\s*(?:到|和|与)\s*{NUMBER}\s*之间"
)
TEST_ID = re.compile(r"^(?P<file>tests/[\w/]+\.py)::(?P<test>test_\w+)$")


def comparisons(page: Page) -> list[str]:
    """Each comparison next to a number in the prose, as written (spaces folded)."""
    words = re.sub(r"\s+", " ", page.prose)
    pattern = CHINESE if page.language == "zh" else ENGLISH
    return [match[0] for match in pattern.finditer(words)]


def _test_exists(root: Path, test_id: str) -> bool:
    found = TEST_ID.match(test_id)
    if not found or not (root / found["file"]).is_file():
        return False
    code = (root / found["file"]).read_text(encoding="utf-8")
    return re.search(rf"^def {found['test']}\(", code, re.M) is not None


def check_comparisons(root: Path, page: Path) -> list[str]:
    """Every comparison of the page's prose is derived by a test it names."""
    rel = page.relative_to(root)
    shown = read(root, page)
    covered = {str(k): str(v) for k, v in (shown.meta.get("compared") or {}).items()}
    found = comparisons(shown)
    problems = [
        f"{rel}: {phrase!r} compares printed values: derive it from the captures in "
        "a test and name the test in the front matter "
        f'(compared: {{"{phrase}": tests/pages/test_<page>.py::test_<name>}})'
        for phrase in dict.fromkeys(found)
        if phrase not in covered
    ]
    for phrase, test_id in covered.items():
        if phrase not in found:
            problems.append(
                f"{rel}: front matter covers {phrase!r}, which the prose no longer "
                f"says: look at {test_id} again"
            )
        elif not _test_exists(root, test_id):
            problems.append(
                f"{rel}: {phrase!r} is covered by {test_id}, which does not exist"
            )
    return problems
