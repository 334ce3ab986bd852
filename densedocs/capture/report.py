"""Which pages a regeneration changes: after `make outputs`, the reviewer reads the
changed captures page by page (as the Rust book's regeneration names its listings),
not file by file."""

from pathlib import Path

from densedocs.layout import figure_snippets, read_manifest
from densedocs.pages import prose_sources, read


def shown_by(root: Path, source: Path, figures: dict[str, str] | None = None) -> set:
    """The snippets whose run a page or a notebook source shows: its code, its
    outputs or a file it wrote (names under snippets/)."""
    figures = figure_snippets(read_manifest(root)) if figures is None else figures
    return read(root, source).runs(figures)


def pages_showing(root: Path, names: set[str]) -> list[str]:
    """The pages and notebook sources that show the run of one of these snippets:
    its code, its outputs or a file it wrote, as paths relative to the checkout."""
    figures = figure_snippets(read_manifest(root))
    return [
        source.relative_to(root).as_posix()
        for source in prose_sources(root)
        if shown_by(root, source, figures) & names
    ]
