"""The notebooks, from their sources, the snippets and the snippets' captures
(`python -m densedocs.notebooks`, part of `make outputs`). Nothing is executed here.

notebooks/<name>.md is a notebook written as Markdown (jupytext's format): prose,
and code as ```python blocks. The Chinese notebook's source is <name>.zh.md, with
the same code blocks. In a source:
- ```python snippet="answer/summary.py"``` (empty) is that snippet's code as the
  pages show it, with the output its capture holds (stdout, then stderr);
- ```python figure="training/loss_curve.svg" alt="..."``` keeps its code and shows
  that captured file as its output, described by the alt text;
- any other code block is kept as it is, without output (clear_session() cells);
- Markdown may include snippets and captures as pages do (--8<-- "x.py"), inside a
  <!-- #region --> ... <!-- #endregion --> when it holds a ```python block.

docs/notebooks/<name>.ipynb (and <name>.zh.ipynb, mkdocs-static-i18n's suffix
layout) is written only when it changes. densedocs.notebooks.execute runs a notebook
top to bottom in a fresh kernel, as the tests do.
"""

from pathlib import Path

import jupytext
import nbformat

from densedocs.capture.store import read_capture
from densedocs.layout import (
    CELL_ALT,
    CELL_FIGURE,
    CELL_SNIPPET,
    NOTEBOOKS,
    WRITTEN_FILES,
    read_manifest,
    snippets_dir,
)
from densedocs.pages import expand_text, shown_lines

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
# What Jupyter needs to know about the language, without the Python version of the
# machine that wrote it.
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
# The cell metadata a source may set (the rest of jupytext's is not kept).
KEPT_METADATA = (CELL_SNIPPET, CELL_FIGURE, CELL_ALT)


class SourceError(ValueError):
    """A notebook source that cannot become a notebook; the message says why."""


def target(root: Path, source: Path) -> Path:
    """notebooks/answer.zh.md -> docs/notebooks/answer.zh.ipynb."""
    return root / NOTEBOOKS / f"{source.name.removesuffix('.md')}.ipynb"


def english_source(source: Path) -> Path | None:
    """The English source a translation must match (answer.zh.md -> answer.md)."""
    name, dot, _language = source.name.removesuffix(".md").partition(".")
    return source.with_name(f"{name}.md") if dot else None


def _stream(name: str, text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("stream", name=name, text=text)


def _outputs(root: Path, cell, where: str) -> list:
    """What a code cell shows: its snippet's capture, or the captured figure."""
    if snippet := cell.metadata.get(CELL_SNIPPET):
        run = read_capture(root, snippet)
        if run is None:
            raise SourceError(f"{where}: snippets/{snippet} was never captured")
        if run.exit_status:
            raise SourceError(f"{where}: snippets/{snippet} fails; a notebook runs")
        outputs = [_stream("stdout", run.stdout)] if run.stdout else []
        return outputs + ([_stream("stderr", run.stderr)] if run.stderr else [])
    if figure := cell.metadata.get(CELL_FIGURE):
        written = {
            f"{Path(name).parent.as_posix()}/{file}"
            for name, files in read_manifest(root)[WRITTEN_FILES].items()
            for file in files
        }
        if figure not in written:
            raise SourceError(f"{where}: no snippet wrote {figure}")
        if not cell.metadata.get(CELL_ALT):
            raise SourceError(f"{where}: the figure {figure} needs alt text")
        from IPython.display import SVG

        # As IPython shows the file: its <svg> element, without the XML prolog.
        svg = SVG(data=(snippets_dir(root) / figure).read_text(encoding="utf-8"))
        data = {"image/svg+xml": svg.data, "text/plain": repr(svg)}
        return [nbformat.v4.new_output("display_data", data=data)]
    return []


def build(root: Path, source: Path) -> nbformat.NotebookNode:
    """The notebook a source describes; raises SourceError if it cannot be made."""
    rel = source.relative_to(root)
    nb = jupytext.read(source, fmt="md")
    name = source.name.removesuffix(".md").replace(".", "-")
    count = 0
    for number, cell in enumerate(nb.cells, start=1):
        where = f"{rel}, cell {number}"
        cell.id = f"{name}-{number:02d}"  # fixed ids: no random ids in the diff
        cell.metadata = {
            k: cell.metadata[k] for k in KEPT_METADATA if k in cell.metadata
        }
        if cell.cell_type == "markdown":
            try:
                cell.source = expand_text(root, cell.source)
            except Exception as error:  # noqa: BLE001 - reported with its place
                raise SourceError(f"{where}: {error}") from error
            continue
        if snippet := cell.metadata.get(CELL_SNIPPET):
            if cell.source.strip():
                raise SourceError(
                    f"{where}: a snippet cell is left empty in the source"
                )
            path = snippets_dir(root) / snippet
            if not path.is_file():
                raise SourceError(f"{where}: snippets/{snippet} does not exist")
            cell.source = "\n".join(shown_lines(path.read_text(encoding="utf-8")))
        count += 1
        cell.execution_count = count
        cell.outputs = _outputs(root, cell, where)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": LANGUAGE_INFO}
    return nb


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def generate(root: Path, source: Path) -> str:
    """The notebook file a source gives now; a translation must have the code
    cells of its English source. Raises SourceError."""
    nb = build(root, source)
    english = english_source(source)
    if english and _code(build(root, english)) != _code(nb):
        raise SourceError(
            f"{source.relative_to(root)} does not have the code cells of "
            f"{english.name}: a translation changes the prose only"
        )
    return dumps(nb)


def problems_of(root: Path, source: Path) -> list[str]:
    """Why the committed notebook is not what its source gives now."""
    path = target(root, source)
    try:
        expected = generate(root, source)
    except SourceError as error:
        return [str(error)]
    if not path.exists() or path.read_text(encoding="utf-8") != expected:
        return [
            f"{path.relative_to(root)} is not what {source.relative_to(root)} "
            "gives now: regenerate it with python -m densedocs.notebooks (make outputs)"
        ]
    return []


def dumps(nb: nbformat.NotebookNode) -> str:
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"
