"""Which pages a regeneration changes: after `make outputs`, the reviewer reads the
changed captures page by page (as the Rust book's regeneration names its listings),
not file by file."""

from pathlib import Path, PurePosixPath

from densedocs.layout import (
    FIGURES,
    NOTEBOOK_SOURCES,
    WRITTEN_FILES,
    figure_address,
    read_manifest,
)
from densedocs.pages import (
    FIGURE,
    includes_in,
    notebook_sources,
    page_files,
    shown_figures,
    shown_snippets,
)


def _snippet_of(path: str) -> str:
    """answer/summary.out -> answer/summary.py (a capture shows its snippet's run)."""
    return PurePosixPath(path).with_suffix(".py").as_posix()


def _figures(root: Path) -> dict[str, str]:
    """figures/<topic>/<file> -> the snippet that wrote it."""
    written = read_manifest(root)[WRITTEN_FILES]
    return {
        figure_address(name, file): name
        for name, files in written.items()
        for file in files
    }


def shown_by(root: Path, source: Path, figures: dict[str, str] | None = None) -> set:
    """The snippets whose run a page or a notebook source shows: its code, its
    outputs or a file it wrote (names under snippets/; a page's other includes,
    captured_with.md, come out as names no snippet has)."""
    figures = _figures(root) if figures is None else figures
    if source.is_relative_to(root / NOTEBOOK_SOURCES):
        shown = {_snippet_of(path) for path in shown_snippets(source)}
        shown |= {
            figures.get(f"{FIGURES}/{figure}") for figure in shown_figures(source)
        }
    else:
        text = source.read_text(encoding="utf-8")
        shown = {_snippet_of(path) for path, _section in includes_in(text)}
        shown |= {figures.get(m["address"]) for m in FIGURE.finditer(text)}
    return shown - {None}


def pages_showing(root: Path, names: set[str]) -> list[str]:
    """The pages and notebook sources that show the run of one of these snippets:
    its code, its outputs or a file it wrote, as paths relative to the checkout."""
    figures = _figures(root)
    return [
        source.relative_to(root).as_posix()
        for source in page_files(root) + notebook_sources(root)
        if shown_by(root, source, figures) & names
    ]
