"""MkDocs hook: a capture older than its program shows at once.

`make outputs` records the hash of each snippet's source in snippets/captured.json
(densedocs.layout.SOURCE_HASHES). A page that includes a snippet whose source no
longer has that hash shows code that did not print the output under it:
- `mkdocs build` warns, so `mkdocs build --strict` (`make docs`, the tests) fails,
  naming the snippet and the command that captures it again;
- `mkdocs serve` marks the output block on the page itself, so an author who edits
  a snippet sees it in the browser within a reload.
It reads the manifest and hashes files: no snippet runs, and no TensorFlow.
"""

import logging
import re
from pathlib import Path, PurePosixPath

from densedocs.layout import (
    CHINESE_SUFFIX,
    INCLUDE,
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
    """The snippets a page includes (code or output) whose source changed since
    they were captured."""
    hashes = read_manifest(root)[SOURCE_HASHES]
    found = []
    for match in INCLUDE.finditer(markdown):
        path = PurePosixPath(match["path"])
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
