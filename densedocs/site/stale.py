"""MkDocs hook: a capture older than its program shows at once.

`make outputs` records the hash of each snippet's source in snippets/captured.json
(densedocs.layout.SOURCE_HASHES). A page that includes a snippet whose source no
longer has that hash shows code that did not print the output under it:
- `mkdocs build` warns, so `mkdocs build --strict` (`make docs`, the tests) fails,
  naming the snippet and the command that captures it again;
- `mkdocs serve` marks the output block on the page itself, so an author who edits
  a snippet sees it in the browser within a reload.
A notebook page (docs/notebooks/<name>.ipynb, generated from notebooks/<name>.md)
shows its snippets' code and captures as they were when `make outputs` wrote it:
a snippet changed since then is warned about the same way, and `mkdocs serve` marks
the notebook under its title, with the command that writes it again.
It reads the page through the page model (densedocs.pages: an output block is a
block that includes a capture, in an admonition or a tab too), reads the manifest
and hashes files: no snippet runs, and no TensorFlow.
"""

import logging
from pathlib import Path

from densedocs.layout import (
    SOURCE_HASHES,
    read_manifest,
    snippets_dir,
    source_hash,
)
from densedocs.pages import Page, language_of, notebook_source, parse, read

log = logging.getLogger("mkdocs.hooks.stale")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def stale_snippets(root: Path, page: Page) -> list[str]:
    """The snippets a page includes (code or output), or a notebook source's
    program cells name, whose source changed since they were captured."""
    hashes = read_manifest(root)[SOURCE_HASHES]
    shown = [include.snippet for include in page.includes if include.snippet]
    shown += [block.cell_snippet for block in page.blocks if block.cell_snippet]
    found = []
    for name in shown:
        source = snippets_dir(root) / name
        if name in found or name not in hashes or not source.is_file():
            continue
        if source_hash(root, name) != hashes[name]:
            found.append(name)
    return found


# The mark, in the page's language: (title, what changed and what to run).
MARK = {
    "en": (
        "Captured from an earlier version of this program",
        "`snippets/{name}` changed since this output was captured: "
        'run `make outputs SNIPPETS="{name}"`.',
    ),
    "zh": (
        "这段输出来自这个程序的旧版本",
        "`snippets/{name}` 在这段输出捕获之后改过了："
        '请运行 `make outputs SNIPPETS="{name}"`。',
    ),
}
# A notebook's mark, under its title: (title, what changed, the command).
NOTEBOOK_MARK = {
    "en": (
        "Generated from earlier versions of its programs",
        "changed since this notebook was written:",
    ),
    "zh": ("这个 Notebook 由旧版本的程序生成", "在这个 Notebook 生成之后改过了："),
}


def marked(markdown: str, stale: list[str], language: str = "en") -> str:
    """Each output block of a stale snippet (a block that includes its capture)
    with a warning above it."""
    title, text = MARK[language]
    lines = markdown.split("\n")
    for block in reversed(parse(markdown).blocks):
        names = [i.snippet for i in block.captures if i.snippet in stale]
        if names:
            indent = block.indent
            lines[block.line - 1 : block.line - 1] = [
                f'{indent}!!! warning "{title}"',
                f"{indent}    {text.format(name=names[0])}",
                "",
            ]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    stale = stale_snippets(root, parse(markdown))
    for name in stale:
        log.warning(
            "%s shows snippets/%s, which changed since its output was captured: "
            'run make outputs SNIPPETS="%s"',
            page.file.src_uri,
            name,
            name,
        )
    if not (stale and _serving):
        return markdown
    return marked(markdown, stale, language_of(page.file.src_uri))


def notebook_mark(html: str, stale: list[str], language: str = "en") -> str:
    """The notebook page's content with a warning under its title."""
    title, text = NOTEBOOK_MARK[language]
    names = ", ".join(f"<code>snippets/{n}</code>" for n in stale)
    command = f'make outputs SNIPPETS="{" ".join(stale)}"'
    note = (
        f'<div class="admonition warning"><p class="admonition-title">{title}</p>'
        f"<p>{names} {text} <code>{command}</code></p></div>"
    )
    head, h1, rest = html.partition("</h1>")
    return head + h1 + note + rest if h1 else note + html


def on_page_content(html, page, config, files):
    root = Path(config.config_file_path).parent
    uri = page.file.src_uri
    if not uri.endswith(".ipynb") or not notebook_source(root, uri).is_file():
        return html
    notebook = read(root, Path(uri))
    stale = stale_snippets(root, notebook)
    for name in stale:
        log.warning(
            "%s shows snippets/%s, which changed since the notebook was written: "
            'run make outputs SNIPPETS="%s"',
            uri,
            name,
            name,
        )
    if not (stale and _serving):
        return html
    return notebook_mark(html, stale, notebook.language)
