"""`make docs` catches what a reader would see (densedocs/site/published.py):
each tampering below, made to one throwaway copy of the checkout, fails the
strict build with its own one-line message naming the page or the file (issue
29's table: front matter, machine paths, an output of a failed run, a missing
include, a hand edit) and a missing Chinese menu title. One build serves them
all: each is a warning of its own.
"""

import json
from pathlib import Path

import pytest

from densedocs.checks.site import build_site
from densedocs.layout import EXIT_STATUS
from densedocs.pages import parse
from tests.conftest import copy_checkout, once_per_run
from tests.helpers import edit

HOME = Path.home().as_posix().rstrip("/")


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    """The strict build's warnings for one copy with every tampering below, built
    once per run."""

    def build(copy: Path) -> str:
        copy_checkout(copy)
        tamper(copy)
        found = build_site(copy, copy / "site")
        (copy / "messages.json").write_text(json.dumps(found), encoding="utf-8")
        return ""

    copy = once_per_run(tmp_path_factory, "published", build)
    return json.loads((copy / "messages.json").read_text(encoding="utf-8"))


def tamper(copy: Path) -> None:
    # Front matter that is not YAML: MkDocs alone would publish it as text.
    edit(copy / "docs/check.md", "---\n", "---\nruns: [answer/summary.py\n")
    # This machine's home folder, printed without a trailing slash.
    summary = copy / "snippets/answer/summary.out"
    summary.write_text(summary.read_text() + f"{HOME}\n")
    # A run that failed, shown as if it had worked.
    manifest = copy / "snippets/captured.json"
    data = json.loads(manifest.read_text())
    data[EXIT_STATUS]["why/collapse.py"] = 1
    manifest.write_text(json.dumps(data, indent=2) + "\n")
    # An include of a file that does not exist.
    edit(copy / "docs/why.md", '"why/activation_argument.py"', '"why/zz_test_gone.py"')
    # A hand edit of a float's last digit, within the comparison's tolerance.
    edit(copy / "snippets/check/forward_pass.out", "0.482661 ", "0.482662 ")
    # A page's Chinese menu title forgotten.
    edit(
        copy / "mkdocs.yml",
        '            "Glossary: what each word means": 术语表：每个词的意思\n',
        "",
    )


def test_malformed_front_matter_fails_with_its_page_and_line(messages):
    assert any(
        m.startswith("docs/check.md: its front matter is not valid YAML (line ")
        for m in messages
    ), messages


def test_a_machine_path_without_its_slash_fails_the_build(messages):
    assert (
        "docs/answer.md shows snippets/answer/summary.out, which shows a path of "
        f"this machine: {HOME}"
    ) in messages


def test_an_output_of_a_failed_run_fails_the_build(messages):
    assert (
        "docs/why.md shows snippets/why/collapse.out, the output of a run that "
        "failed (exit status 1): fix snippets/why/collapse.py, then run make "
        'outputs SNIPPETS="why/collapse.py"'
    ) in messages
    assert (
        "docs/why.md shows snippets/why/collapse.py, which fails, without its "
        'error: show snippets/why/collapse.err in a block titled "Output on stderr"'
    ) in messages


def test_a_missing_include_is_one_line_naming_page_and_file(messages):
    assert (
        "docs/why.md includes snippets/why/zz_test_gone.py, which does not exist"
    ) in messages
    assert not [m for m in messages if "Traceback" in m or "SnippetMissing" in m]


def test_a_hand_edit_within_tolerance_fails_naming_file_and_command(messages):
    assert (
        "snippets/check/forward_pass.out is not what make outputs wrote (edited "
        'by hand?): run make outputs SNIPPETS="check/forward_pass.py"'
    ) in messages


def test_a_nav_title_without_its_chinese_title_fails_the_build(messages):
    assert (
        "mkdocs.yml: the nav title 'Glossary: what each word means' has no "
        "translation under "
        "nav_translations of language 'zh'"
    ) in messages


def test_nothing_else_was_reported(messages):
    tampered = ("check.md", "summary.out", "collapse", "zz_test_gone", "forward_pass")
    others = [
        m
        for m in messages
        if not m.startswith("Abort")
        and not any(t in m for t in tampered + ("Glossary",))
    ]
    assert others == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("---\nruns: [a\n---\n# T\n", "line 3: expected ',' or ']'"),
        ("---\njust words\n---\n# T\n", "line 2: front matter must be keys"),
        ("---\nruns: [a]\n---\n# T\n", None),
        ("# T\n\n---\n", None),
    ],
)
def test_front_matter_problems(text, problem):
    found = parse(text).front_matter_problem
    assert (found is None) if problem is None else found.startswith(problem), found
