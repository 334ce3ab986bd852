"""The page model (densedocs/pages.py), read directly: what a page shows, found once
for the checks, the capture's report and the build's stale mark. Its blocks are
held to pytest-codeblocks' extractor on every page as MkDocs renders it."""

import io
import re

import pytest
from pytest_codeblocks import extract_from_buffer

from densedocs import layout
from densedocs.layout import figure_snippets, read_manifest
from densedocs.pages import expand, page_files, parse, read
from tests.conftest import ROOT

# A page written the ways authors write them: blocks in an admonition, in a
# <details>, a fence of four backticks around a fence of three, a tilde fence, a
# footnote, a figure whose alt text spans two lines, and a code comment that
# looks like a heading.
PAGE = """\
---
numbers:
  "4": bytes of a float32
---
# The answer { #answer }

--8<-- "captured_with.md"

A Dense(32) on 2 inputs has 96 parameters.[^1]

```python title="snippets/answer/summary.py"
--8<-- "answer/summary.py"
```

!!! note "What it prints"

    ```text title="Output"
    --8<-- "answer/summary.out"
    ```

## Proof { #proof }

<details><summary>The run</summary>

~~~text title="Output on stderr"
--8<-- "answer/summary.err"
~~~

</details>

````md
```python
## not a heading: 7 is code
```
````

![The loss falls over
30 epochs](figures/training/loss_curve.svg){ width="614" }

[^1]: 2·32 + 32 = 96
"""


def test_a_page_is_read_once_into_what_it_shows():
    page = parse(PAGE, path=ROOT / "docs" / "zz_test_model.zh.md")
    assert page.meta == {"numbers": {"4": "bytes of a float32"}}
    assert page.language == "zh"
    assert [(i.path, i.line) for i in page.includes] == [
        ("captured_with.md", 7),
        ("answer/summary.py", 12),
        ("answer/summary.out", 18),
        ("answer/summary.err", 26),
    ]
    python, output, stderr, markdown = page.blocks
    assert (python.program, python.line, python.end) == ("answer/summary.py", 11, 13)
    # Indented in the admonition: the code loses the indentation, not the title.
    assert (output.stream, output.indent, output.code) == (
        "stdout",
        "    ",
        '--8<-- "answer/summary.out"\n',
    )
    assert [i.snippet for i in output.captures] == ["answer/summary.py"]
    assert (stderr.stream, stderr.line) == ("stderr", 25)
    assert markdown.language == "md" and markdown.code.count("```") == 2
    assert [f.address for f in page.figures] == ["figures/training/loss_curve.svg"]
    assert [(h.level, h.anchor) for h in page.headings] == [(1, "answer"), (2, "proof")]


def test_sections_and_prose_leave_code_out_and_keep_what_a_reader_reads():
    page = parse(PAGE)
    (before, first), (anchor, proof) = page.sections()
    assert (before, anchor) == ("", "proof")
    assert [i.path for i in proof.includes] == ["answer/summary.err"]
    assert [f.address for f in proof.figures] == ["figures/training/loss_curve.svg"]
    assert "96 parameters" in first.prose and "summary" not in first.prose
    words = " ".join(proof.prose.split())
    assert "The loss falls over 30 epochs" in words  # the figure's alt text
    assert "7 is code" not in words and "614" not in words
    assert "[^1]" not in words and "2·32 + 32 = 96" in words  # a footnote's text


def test_what_a_part_shows_of_the_runs():
    page = parse(PAGE)
    figures = figure_snippets(read_manifest(ROOT))
    assert page.runs(figures) == {"answer/summary.py", "training/train.py"}
    _, first = page.sections()[0]
    assert first.runs(figures) == {"answer/summary.py"}
    assert page.shown() == [
        "captured_with.md",
        "answer/summary.py",
        "answer/summary.out",
        "answer/summary.err",
    ]


def test_a_notebook_page_is_read_through_its_source():
    notebook = read(ROOT, ROOT / "docs/notebooks/training.zh.ipynb")
    assert notebook.source == ROOT / "notebooks/training.zh.md"
    assert notebook.language == "zh"
    cells = [b.cell_snippet for b in notebook.blocks if b.cell_snippet]
    assert "training/train.py" in cells and cells == notebook.shown()[-len(cells) :]
    # Its figure cell shows the figure by its address.
    assert "figures/training/loss_curve.zh.svg" in [f.address for f in notebook.figures]
    # jupytext's front matter: what the claims read is under `jupyter:`.
    assert notebook.meta == {"runs": ["answer/summary.py"]}


def test_an_unclosed_block_runs_to_the_end():
    page = parse('# A\n\n```text\n--8<-- "why/and_xor.out"\n')
    (block,) = page.blocks
    assert not block.closed and block.end == 5
    assert [i.path for i in block.includes] == ["why/and_xor.out"]


@pytest.mark.parametrize(
    "page", page_files(ROOT), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_its_blocks_are_pytest_codeblocks_blocks(page):
    # pytest-codeblocks' extractor, which the design card names, reads every
    # page's blocks the same way (it is not the package's parser: the build,
    # which has only requirements-docs.txt, reads pages too).
    text = expand(ROOT, page)
    theirs = [
        (block.lineno, (block.syntax or "").strip(), block.code)
        for block in extract_from_buffer(io.StringIO(text))
    ]
    ours = [(block.line, block.info, block.code) for block in parse(text).blocks]
    assert ours == theirs


@pytest.mark.parametrize(
    "front, problem",
    [("runs: [answer/summary.py\n", "line 3: expected ','"), ("- a\n", "line 2: ")],
)
def test_a_front_matter_that_is_no_mapping_is_a_problem_not_a_crash(front, problem):
    # The build hands such a page over with it (MkDocs publishes it as text): the
    # stale mark must not crash on it, and published.py names its line.
    page = parse(f'---\n{front}---\n# A\n\n--8<-- "why/and_xor.out"\n')
    assert page.meta == {} and problem in page.front_matter_problem
    assert page.first == 1 and page.includes[0].line == 6


# A regular expression of a fence (```, ~~~) or a call of another fence reader.
FENCE_READER = re.compile(r"`\{3|~\{3|pytest_codeblocks|jupytext\.read")
MANIFEST_KEYS = [
    layout.VERSIONS,
    layout.EXIT_STATUS,
    layout.WRITTEN_FILES,
    layout.SOURCE_HASHES,
    layout.OUTPUT_HASHES,
]


def test_one_module_reads_fences_and_one_spells_the_manifest_keys():
    # The notebook generator reads a source with jupytext to write a notebook:
    # that is jupytext's format, not what a page shows.
    readers = {"densedocs/pages.py", "densedocs/notebooks/generate.py"}
    for path in sorted((ROOT / "densedocs").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        code = path.read_text(encoding="utf-8")
        if name not in readers:
            assert not FENCE_READER.search(code), f"{name} reads fenced blocks"
    for path in sorted(ROOT.glob("densedocs/**/*.py")) + sorted(
        ROOT.glob("tests/**/*.py")
    ):
        if path.name == "layout.py":
            continue
        code = path.read_text(encoding="utf-8")
        spelled = [k for k in MANIFEST_KEYS if f'"{k}"' in code or f"'{k}'" in code]
        assert not spelled, f"{path.relative_to(ROOT)} spells {spelled}: use layout's"
