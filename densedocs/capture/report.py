"""Which pages a regeneration changes: after `make outputs`, the reviewer reads the
changed captures page by page (as the Rust book's regeneration names its listings),
not file by file."""

from pathlib import Path, PurePosixPath

from densedocs.layout import FIGURES, WRITTEN_FILES, figure_address, read_manifest
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


def pages_showing(root: Path, names: set[str]) -> list[str]:
    """The pages and notebook sources that show the run of one of these snippets:
    its code, its outputs or a file it wrote, as paths relative to the checkout."""
    written = read_manifest(root)[WRITTEN_FILES]
    figures = {
        figure_address(name, file): name
        for name, files in written.items()
        for file in files
    }
    found = []
    for page in page_files(root):
        text = page.read_text(encoding="utf-8")
        shown = {_snippet_of(path) for path, _section in includes_in(text)}
        shown |= {figures.get(m["address"]) for m in FIGURE.finditer(text)}
        if shown & names:
            found.append(page.relative_to(root).as_posix())
    for source in notebook_sources(root):
        shown = {_snippet_of(path) for path in shown_snippets(source)}
        shown |= {
            figures.get(f"{FIGURES}/{figure}") for figure in shown_figures(source)
        }
        if shown & names:
            found.append(source.relative_to(root).as_posix())
    return found
