"""Pages as MkDocs renders them: includes expanded, fenced blocks found; and the
notebooks' Markdown sources as jupytext reads them (what each one shows).

The includes are expanded by the very pymdownx.snippets preprocessor that MkDocs runs,
configured from mkdocs.yml; the fenced blocks are then found by pytest-codeblocks'
parser. Nothing here imports TensorFlow.
"""

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

import jupytext
import markdown
import yaml
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

from densedocs.layout import (
    FIGURES,
    INCLUDE,
    NOTEBOOK_SOURCES,
    TEMPLATES,
)

TITLE = re.compile(r'title="([^"]*)"')

SNIPPET_TITLE = re.compile(r"^snippets/(?P<name>\S+\.py)$")
# A figure a snippet wrote, shown on a page: ![...](figures/<topic>/<file>).
FIGURE = re.compile(
    rf"\]\((?P<address>{FIGURES}/(?P<topic>[\w-]+)/(?P<file>[^)\s]+))\)"
)
# What a reader does not read as prose: code blocks (a notebook's cells too),
# includes, comments (jupytext's region markers), link targets, attribute lists,
# HTML tags (their text stays), addresses.
# A notebook figure cell's alt text (```python figure="..." alt="..."), on its
# opening line: prose a screen reader reads.
ALT = re.compile(r'\A\s*`{3,}python\b[^\n]*\balt="([^"]*)"')
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", re.M | re.S)
NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^\s*--8<--.*$", re.M),
    re.compile(r"\]\([^)]*\)"),  # link targets: [text](target)
    re.compile(r"\{[:#.][^}]*\}|\{\s*[\w-]+=[^}]*\}"),  # { #anchor }, { width="720" }
    re.compile(r"</?[a-zA-Z][^>]*>"),
    re.compile(r"https?://\S+"),
]
# The section markers of a snippet, which pymdownx.snippets strips from the page.
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced block of an expanded page."""

    language: str
    title: str
    code: str
    line: int  # in the expanded page


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(text: str) -> tuple[dict, str]:
    """A page's front matter (a dict) and the rest of its text; a notebook
    source's front matter is under jupytext's key, `jupyter:`."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match[1]) or {}
    return meta.get("jupyter", meta), text[match.end() :]


def prose(markdown: str) -> str:
    """The prose of a page or a notebook source, as a reader reads it: code spans
    and emphasis keep their text (a number in `(4, 32)` is a claim too), and a
    notebook's figure cell its alt text."""
    text = FENCE.sub(lambda fence: f" {' '.join(ALT.findall(fence[0]))} ", markdown)
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return re.sub(r"[`*]", "", text)


def page_files(root: Path) -> list[Path]:
    """Every page under docs/ (not the templates MkDocs leaves out of the site)."""
    templates = root / TEMPLATES
    return sorted(
        p for p in (root / "docs").rglob("*.md") if templates not in p.parents
    )


@functools.cache
def _markdown_settings(config_file: Path) -> tuple[list, dict]:
    config = load_config(str(config_file))
    return config["markdown_extensions"], config["mdx_configs"]


def expand(root: Path, page: Path) -> str:
    """The page with every --8<-- include replaced, exactly as MkDocs does it.

    Raises pymdownx.snippets.SnippetMissingError for a missing file or section.
    """
    return expand_text(root, page.read_text(encoding="utf-8"))


def expand_text(root: Path, text: str) -> str:
    """Markdown with every --8<-- include replaced (see `expand`)."""
    extensions, configs = _markdown_settings(root / "mkdocs.yml")
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def shown_lines(code: str) -> list[str]:
    """A snippet's lines as a page shows them: no section markers, no trailing
    spaces, no blank lines at the end."""
    lines = [
        line.rstrip() for line in code.split("\n") if not SECTION_MARKER.match(line)
    ]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def blocks(text: str) -> list[Block]:
    found = []
    for block in extract_from_buffer(io.StringIO(text)):
        info = block.syntax or ""
        title = TITLE.search(info)
        found.append(
            Block(
                language=info.split(" ", 1)[0].strip("{ ."),
                title=title.group(1) if title else "",
                code=block.code,
                line=block.lineno,
            )
        )
    return found


def includes(page: Path) -> list[tuple[str, str | None]]:
    """The (file, section) pairs a page includes, as written in its source."""
    return includes_in(page.read_text(encoding="utf-8"))


def includes_in(text: str) -> list[tuple[str, str | None]]:
    """The (file, section) pairs that a piece of Markdown includes, in order."""
    return [(m["path"], m["section"]) for m in INCLUDE.finditer(text)]


def site_paths(root: Path, chinese: bool = True) -> list[str]:
    """Every page in mkdocs.yml's nav, as its URL path under the site root, then
    (unless chinese=False) the Chinese edition's pages (docs/<page>.zh.md, and the
    notebooks' docs/notebooks/<name>.zh.ipynb) under zh/. A page without a Chinese
    counterpart would not be built there: the Chinese nav would link to the English
    page (tests/test_i18n.py requires every page to have one)."""

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    paths, translated = [], []
    for source in walk(load_config(str(root / "mkdocs.yml"))["nav"]):
        stem, suffix = source.rsplit(".", 1)  # md, ipynb
        paths.append("" if stem == "index" else f"{stem}/")
        if (root / "docs" / f"{stem}.zh.{suffix}").is_file():
            translated.append("zh/" + paths[-1])
    return paths + translated if chinese else paths


# --- Notebook sources: notebooks/<name>.md (densedocs.notebooks makes them notebooks)


def prose_sources(root: Path) -> list[Path]:
    """Everything a reader reads prose of: the pages and the notebooks' sources."""
    return page_files(root) + notebook_sources(root)


def notebook_sources(root: Path) -> list[Path]:
    """Every notebook source, English and Chinese: notebooks/*.md."""
    return sorted((root / NOTEBOOK_SOURCES).glob("*.md"))


def shown_snippets(source: Path) -> list[str]:
    """The snippets and captures a source shows: its snippet cells, and what its
    Markdown includes (--8<-- "question/as_asked.py")."""
    shown = []
    for cell in jupytext.read(source, fmt="md").cells:
        if cell.cell_type == "markdown":
            shown += [path for path, _section in includes_in(cell.source)]
        elif snippet := cell.metadata.get("snippet"):
            shown.append(snippet)
    return shown


def shown_figures(source: Path) -> list[str]:
    """The captured files a source's figure cells show (training/loss_curve.svg)."""
    cells = jupytext.read(source, fmt="md").cells
    return [c.metadata["figure"] for c in cells if c.metadata.get("figure")]
