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
It reads the manifest and hashes files: no snippet runs, and no TensorFlow.
"""

import logging
import re
from pathlib import Path, PurePosixPath

from densedocs.layout import (
    CHINESE_SUFFIX,
    INCLUDE,
    NOTEBOOK_SOURCES,
    SNIPPET_CELL,
    SOURCE_HASHES,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    read_manifest,
    snippets_dir,
    source_hash,
)

log = logging.getLogger("mkdocs.hooks.stale")
# An output block: its fence's opening line, then the include of the capture.
OUTPUT_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)`{3,}[^\n]*\n"
    r'(?P=indent)--8<--\s+"(?P<path>[^":]+\.(?:out|err))"',
    re.M,
)
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def stale_snippets(root: Path, markdown: str) -> list[str]:
    """The snippets a page includes (code or output), or a notebook source's
    program cells name, whose source changed since they were captured."""
    hashes = read_manifest(root)[SOURCE_HASHES]
    shown = [PurePosixPath(m["path"]) for m in INCLUDE.finditer(markdown)]
    shown += [PurePosixPath(m["path"]) for m in SNIPPET_CELL.finditer(markdown)]
    found = []
    for path in shown:
        if path.suffix not in (".py", STDOUT_SUFFIX, STDERR_SUFFIX):
            continue
        name = path.with_suffix(".py").as_posix()
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
    """Each output block of a stale snippet with a warning above it."""
    title, text = MARK[language]

    def mark(match: re.Match) -> str:
        name = PurePosixPath(match["path"]).with_suffix(".py").as_posix()
        if name not in stale:
            return match[0]
        indent = match["indent"]
        note = (
            f'{indent}!!! warning "{title}"\n{indent}    {text.format(name=name)}\n\n'
        )
        return note + match[0]

    return OUTPUT_BLOCK.sub(mark, markdown)


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    stale = stale_snippets(root, markdown)
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
    language = "zh" if page.file.src_uri.endswith(f"{CHINESE_SUFFIX}.md") else "en"
    return marked(markdown, stale, language)


def notebook_source(root: Path, src_uri: str) -> Path | None:
    """notebooks/answer.zh.ipynb -> notebooks/answer.zh.md, its source."""
    path = PurePosixPath(src_uri)
    if path.suffix != ".ipynb":
        return None
    return root / NOTEBOOK_SOURCES / f"{path.stem}.md"


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
    source = notebook_source(root, page.file.src_uri)
    if source is None or not source.is_file():
        return html
    stale = stale_snippets(root, source.read_text(encoding="utf-8"))
    for name in stale:
        log.warning(
            "%s shows snippets/%s, which changed since the notebook was written: "
            'run make outputs SNIPPETS="%s"',
            page.file.src_uri,
            name,
            name,
        )
    if not (stale and _serving):
        return html
    language = (
        "zh" if PurePosixPath(page.file.src_uri).stem.endswith(CHINESE_SUFFIX) else "en"
    )
    return notebook_mark(html, stale, language)
