"""A capture older than its program shows at once (densedocs/site/stale.py): the
strict build fails naming the snippet and the command that captures it again,
and `mkdocs serve` marks its output block on the page. The committed manifest
holds the hash of every snippet's source as captured."""

import re
from types import SimpleNamespace

import pytest

from densedocs.capture.store import snippet_names
from densedocs.checks.site import build_site
from densedocs.layout import SOURCE_HASHES, read_manifest, source_hash
from densedocs.site import stale
from tests.conftest import ROOT, copy_checkout, once_per_run
from tests.helpers import edit, joined

EDITED = "answer/summary.py"


def test_every_capture_records_the_source_it_ran():
    hashes = read_manifest(ROOT)[SOURCE_HASHES]
    names = snippet_names(ROOT)
    assert sorted(hashes) == sorted(names)
    stale_now = [n for n in names if hashes[n] != source_hash(ROOT, n)]
    again = " ".join(stale_now)
    assert stale_now == [], f'capture them again: make outputs SNIPPETS="{again}"'


def _edit_snippet(copy):
    # As an author would: a program changed, its output not captured again.
    edit(copy / "snippets" / EDITED, "Dense(32", "Dense(16")


@pytest.fixture(scope="module")
def stale_build(tmp_path_factory):
    """The strict build's problems for a copy whose snippet changed since its
    capture, built once per run (the page's and the notebooks' messages are lines of
    one build)."""

    def build(copy):
        copy_checkout(copy)
        _edit_snippet(copy)
        problems = joined(build_site(copy, copy / "site"))
        (copy / "problems.txt").write_text(problems, encoding="utf-8")
        return ""

    copy = once_per_run(tmp_path_factory, "stale", build)
    return (copy / "problems.txt").read_text(encoding="utf-8")


def test_the_strict_build_fails_on_a_snippet_changed_since_its_capture(stale_build):
    problems = stale_build
    assert f"shows snippets/{EDITED}, which changed since its output" in problems
    assert f'make outputs SNIPPETS="{EDITED}"' in problems


def test_serve_marks_the_stale_output_block(copy):
    _edit_snippet(copy)
    markdown = (copy / "docs" / "answer.md").read_text(encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="answer.md"))
    config = SimpleNamespace(config_file_path=str(copy / "mkdocs.yml"))
    try:
        stale.on_startup(command="serve", dirty=False)
        shown = stale.on_page_markdown(markdown, page, config, None)
        stale.on_startup(command="build", dirty=False)
        built = stale.on_page_markdown(markdown, page, config, None)
    finally:
        stale.on_startup(command="build", dirty=False)
    warning = '!!! warning "Captured from an earlier version of this program"'
    assert built == markdown
    stem = EDITED.removesuffix(".py")
    # Right above the block that shows the stale output, with the command.
    above = re.search(
        re.escape(warning)
        + r"\n    (.*)\n\n```text title=\"Output\"\n"
        + re.escape(f'--8<-- "{stem}.out"'),
        shown,
    )
    assert above and f'make outputs SNIPPETS="{EDITED}"' in above[1]
    outputs = markdown.count(f'--8<-- "{stem}.out"')
    outputs += markdown.count(f'--8<-- "{stem}.err"')
    assert shown.count(warning) == outputs == 2


def test_the_chinese_page_is_marked_in_chinese(copy):
    _edit_snippet(copy)
    markdown = (copy / "docs" / "answer.zh.md").read_text(encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="answer.zh.md"))
    config = SimpleNamespace(config_file_path=str(copy / "mkdocs.yml"))
    try:
        stale.on_startup(command="serve", dirty=False)
        shown = stale.on_page_markdown(markdown, page, config, None)
    finally:
        stale.on_startup(command="build", dirty=False)
    assert '!!! warning "这段输出来自这个程序的旧版本"' in shown
    assert "Captured from an earlier version" not in shown


def test_the_strict_build_fails_on_a_notebook_written_before_the_change(stale_build):
    problems = stale_build
    for notebook in ("notebooks/answer.ipynb", "notebooks/answer.zh.ipynb"):
        assert (
            f"{notebook} shows snippets/{EDITED}, which changed since the notebook"
            in problems
        )


def test_serve_marks_a_stale_notebook_under_its_title_in_its_language(copy):
    _edit_snippet(copy)
    config = SimpleNamespace(config_file_path=str(copy / "mkdocs.yml"))
    html = "<h1>The answer</h1><p>cells</p>"
    shown = {}
    try:
        stale.on_startup(command="serve", dirty=False)
        for uri in ("notebooks/answer.ipynb", "notebooks/answer.zh.ipynb"):
            page = SimpleNamespace(file=SimpleNamespace(src_uri=uri))
            shown[uri] = stale.on_page_content(html, page, config, None)
        stale.on_startup(command="build", dirty=False)
        page = SimpleNamespace(file=SimpleNamespace(src_uri="notebooks/answer.ipynb"))
        built = stale.on_page_content(html, page, config, None)
    finally:
        stale.on_startup(command="build", dirty=False)
    assert built == html
    english, chinese = shown.values()
    title, rest = english.split("</h1>", 1)
    assert "Generated from earlier versions of its programs" in rest
    assert f'make outputs SNIPPETS="{EDITED}"' in rest and rest.endswith("<p>cells</p>")
    assert "这个 Notebook 由旧版本的程序生成" in chinese


def test_an_unchanged_notebook_is_not_marked(copy):
    config = SimpleNamespace(config_file_path=str(copy / "mkdocs.yml"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notebooks/answer.ipynb"))
    try:
        stale.on_startup(command="serve", dirty=False)
        assert stale.on_page_content("<h1>A</h1>", page, config, None) == "<h1>A</h1>"
    finally:
        stale.on_startup(command="build", dirty=False)


def test_the_mark_finds_an_output_block_wherever_the_page_puts_it():
    # In a <details>, in a tab, a tilde fence, the include after a blank line:
    # the page model's blocks, not a pattern of one layout.
    markdown = (
        "<details><summary>The run</summary>\n\n"
        '~~~text title="Output"\n--8<-- "answer/summary.out"\n~~~\n\n</details>\n\n'
        '=== "Tab"\n\n    ```text title="Output on stderr"\n\n'
        '    --8<-- "answer/summary.err"\n    ```\n'
    )
    shown = stale.marked(markdown, [EDITED])
    warning = '!!! warning "Captured from an earlier version of this program"'
    # Right above each block, at the block's indentation.
    assert re.search(re.escape(warning) + r"\n    .*\n\n~~~text", shown)
    assert re.search(rf"    {re.escape(warning)}\n        .*\n\n    ```text", shown)
    assert shown.count(warning) == 2
    assert stale.marked(markdown, ["why/and_xor.py"]) == markdown
