"""The checks behind `make test`, as functions of a checkout.

Each returns a list of problems, each naming the file to look at; an empty list means
the check passed. Tests call them on the real checkout and on tampered copies (to
prove that they bite), so they take the checkout's root as an argument.
"""

import difflib
import logging
import re
import sys
from pathlib import Path

from pymdownx.snippets import SnippetMissingError

from tools.captures import (
    CAPTURED_WITH,
    CAPTURED_WITH_ZH,
    MANIFEST,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    differences,
    read_capture,
    read_manifest,
    snippet_names,
    snippets_dir,
    stderr_file,
    stdout_file,
    written_file,
)
from tools.compare import compare
from tools.notebooks import shown_snippets
from tools.notebooks import sources as notebook_sources
from tools.pages import (
    OUTPUT_TITLES,
    QUOTE_SUFFIX,
    QUOTED_TITLES,
    SNIPPET_TITLE,
    TITLE,
    blocks,
    expand,
    includes,
    includes_in,
    page_files,
    shown_lines,
)

# Files under snippets/ that are neither snippets nor their captures.
SNIPPETS_SUPPORT = {MANIFEST, CAPTURED_WITH, CAPTURED_WITH_ZH, "ruff.toml"}


def _is_excerpt(shown: list[str], body: list[str]) -> bool:
    n = len(shown)
    return n > 0 and any(body[i : i + n] == shown for i in range(len(body) - n + 1))


def check_snippet(root: Path, name: str, runner) -> list[str]:
    """The snippet, run now, prints what its committed capture says."""
    captured = read_capture(root, name)
    if captured is None:
        out = stdout_file(root, name).relative_to(root)
        return [f"snippets/{name} was never captured ({out} is missing): make outputs"]
    where = {
        "stdout": stdout_file(root, name),
        "stderr": stderr_file(root, name),
        "exit status": snippets_dir(root) / MANIFEST,
    }
    problems = []
    for what, diff in differences(captured, runner.run(root, name)).items():
        file = where.get(what) or written_file(root, name, what)
        problems.append(
            f"{file.relative_to(root)} ({what}) is not what snippets/{name} "
            f"gives now (if the change is intended: make outputs):\n{diff}"
        )
    return problems


def check_page(root: Path, page: Path, runner) -> list[str]:
    """Every block on the page comes from snippets/, and every output shown is real.

    A Python block titled "snippets/<name>.py" shows that whole snippet, which is run
    and compared with the output blocks that follow it, or an excerpt of it (a
    section), which must appear in the snippet as shown.
    """
    rel = page.relative_to(root)
    try:
        text = expand(root, page)
    except SnippetMissingError as error:
        return [f"{rel} includes something that does not exist: {error}"]
    problems, program = [], None
    programs, with_output = set(), set()
    for block in blocks(text):
        where = f"{rel} (block at line {block.line} of the expanded page)"
        if block.language == "python":
            program = None
            match = SNIPPET_TITLE.match(block.title)
            path = snippets_dir(root) / match["name"] if match else None
            if path is None or not path.is_file():
                problems.append(
                    f"{where}: a Python block must be titled with the snippet it "
                    f'shows, e.g. title="snippets/answer/summary.py"; '
                    f"got {block.title!r}"
                )
                continue
            shown = shown_lines(block.code)
            source = shown_lines(path.read_text(encoding="utf-8"))
            if shown == source:
                program = match["name"]
                programs.add(program)
            elif not _is_excerpt(shown, source):
                problems.append(f"{where}: shows code that is not in {block.title}")
        elif block.title.startswith(QUOTED_TITLES):
            program = None
            quotes = snippets_dir(root).rglob(f"*{QUOTE_SUFFIX}")
            if not any(
                shown_lines(block.code) == shown_lines(q.read_text()) for q in quotes
            ):
                problems.append(f"{where}: a quotation that is no {QUOTE_SUFFIX} file")
        elif block.title in OUTPUT_TITLES:
            if program is None:
                problems.append(f"{where}: an output block must follow a whole program")
                continue
            stream = OUTPUT_TITLES[block.title]
            diff = compare(block.code, getattr(runner.run(root, program), stream))
            if diff:
                problems.append(
                    f"{where}: the {stream} shown for snippets/{program} is not what "
                    f"it prints now:\n{diff}"
                )
            with_output.add(program)
        else:
            problems.append(
                f"{where}: a block that is neither a snippet nor its output "
                f"(language {block.language!r}, title {block.title!r}); every block "
                "on a page comes from snippets/"
            )
    for name in sorted(programs - with_output):
        problems.append(f"{rel} shows snippets/{name} but not what it prints")
    return problems


def check_inventory(root: Path) -> list[str]:
    """Snippets, captures and pages fit together: nothing missing, nothing orphaned."""
    problems = []
    names = set(snippet_names(root))
    shown = [(page, [path for path, _ in includes(page)]) for page in page_files(root)]
    shown += [(source, shown_snippets(source)) for source in notebook_sources(root)]
    included = set()
    for page, paths in shown:
        for path in paths:
            included.add(path)
            if not (snippets_dir(root) / path).is_file():
                problems.append(
                    f"{page.relative_to(root)} includes snippets/{path}, "
                    "which does not exist"
                )
    quotes = {
        q.relative_to(snippets_dir(root)).as_posix()
        for q in snippets_dir(root).rglob(f"*{QUOTE_SUFFIX}")
    }
    for name in sorted((names | quotes) - included):
        problems.append(f"snippets/{name} is not shown on any page")
    for name in sorted(names):
        if not stdout_file(root, name).exists():
            problems.append(f"snippets/{name} was never captured: make outputs")
    manifest = read_manifest(root)
    written = {
        written_file(root, name, filename).relative_to(snippets_dir(root)).as_posix()
        for name, filenames in manifest["written_files"].items()
        for filename in filenames
    }
    for file in sorted(snippets_dir(root).rglob("*")):
        rel = file.relative_to(snippets_dir(root))
        tool_cache = any(p.startswith(".") or p == "__pycache__" for p in rel.parts)
        if file.is_dir() or tool_cache or file.suffix in (".py", QUOTE_SUFFIX):
            continue
        if rel.as_posix() in SNIPPETS_SUPPORT | written:
            continue
        if file.suffix not in (STDOUT_SUFFIX, STDERR_SUFFIX):
            problems.append(f"snippets/{rel} is neither a snippet nor its capture")
        elif rel.with_suffix(".py").as_posix() not in names:
            problems.append(f"snippets/{rel} is a capture of no snippet")
    for name in sorted(set(manifest["written_files"]) - names):
        problems.append(f"snippets/{MANIFEST} lists files of {name}, no snippet")
    for name in sorted(set(manifest["exit_status"]) - names):
        problems.append(f"snippets/{MANIFEST} lists {name}, which is no snippet")
    return problems


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict` of the checkout; the warnings and errors it gave."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect, logger = _Collect(), logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(
            str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir)
        )
        build(config)
    except Exception as error:  # noqa: BLE001 - every failure is a problem to report
        collect.messages.append(f"{type(error).__name__}: {error}")
    finally:
        logger.removeHandler(collect)
    return collect.messages


ASSET = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"')


def third_party_assets(site_dir: Path) -> list[str]:
    """Scripts, styles, images and frames the built site fetches from other hosts."""
    problems = []
    for html in sorted(site_dir.rglob("*.html")):
        for url in ASSET.findall(html.read_text(encoding="utf-8")):
            if re.match(r"^(https?:)?//", url):
                problems.append(f"{html.relative_to(site_dir)} loads {url}")
    return problems


def machine_paths(root: Path) -> list[str]:
    """Where this machine keeps the checkout, the home folder, Python and the venv."""
    found = {root.resolve(), Path.home(), Path(sys.prefix), Path(sys.base_prefix)}
    return sorted({f"{p.as_posix().rstrip('/')}/" for p in found if p != Path("/")})


def files_with_machine_paths(root: Path, folder: Path) -> list[str]:
    """The text files under `folder` that show a path of this machine (captures,
    notebooks, built pages must not: `tools.compare` rewrites them to `...`)."""
    paths = machine_paths(root)
    problems = []
    for file in sorted(folder.rglob("*")):
        parts = file.relative_to(folder).parts
        if not file.is_file() or any(p[0] == "." or p == "__pycache__" for p in parts):
            continue
        text = file.read_bytes().decode("utf-8", errors="ignore")
        for path in paths:
            if path in text:
                problems.append(f"{file} shows this machine's path {path}")
    return problems


# --- The Chinese edition: page.md and page.zh.md ------------------------------

TRANSLATION_SUFFIX = ".zh.md"
NOTEBOOK_TRANSLATION_SUFFIX = ".zh.ipynb"  # tools/notebooks.py writes them too
FENCE_OPENING = re.compile(r"^\s*(`{3,}|~{3,})\S.*$")


def page_pairs(root: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(English page, Chinese page) pairs, and the pages that have no counterpart:
    docs/**/*.md and their .zh.md, then the notebooks (*.ipynb) and their .zh.ipynb."""
    pages = page_files(root) + sorted((root / "docs").rglob("*.ipynb"))
    chinese = {
        p
        for p in pages
        if p.name.endswith((TRANSLATION_SUFFIX, NOTEBOOK_TRANSLATION_SUFFIX))
    }
    pairs, problems = [], []
    for page in sorted(set(pages) - chinese, key=lambda p: (p.suffix != ".md", p)):
        counterpart = page.with_name(f"{page.stem}.zh{page.suffix}")
        if counterpart in chinese:
            pairs.append((page, counterpart))
        else:
            problems.append(
                f"{page.relative_to(root)} has no Chinese counterpart "
                f"({counterpart.relative_to(root)})"
            )
    for page in sorted(chinese - {zh for _, zh in pairs}):
        problems.append(f"{page.relative_to(root)} translates no English page")
    return pairs, problems


def _what_a_page_shows(page: Path, box: str) -> list[str]:
    """The page's includes and the kinds of its fences in order, whatever the
    language of their titles: its language's box counts as captured_with.md, an
    output block as the stream it shows, a quotation as one."""
    shown = []
    for line in page.read_text(encoding="utf-8").split("\n"):
        for path, section in includes_in(line):
            path = CAPTURED_WITH if path == box else path
            shown.append(f"include {path}" + (f":{section}" if section else ""))
        if FENCE_OPENING.match(line):
            title = (TITLE.findall(line) or [""])[0]
            kind = OUTPUT_TITLES.get(title, title)
            shown.append(
                f"fence {'quotation' if title.startswith(QUOTED_TITLES) else kind}"
            )
    return shown


def check_translations(root: Path) -> list[str]:
    """Every page has its Chinese counterpart and the other way round, and each pair
    shows the same snippets and outputs in the same order (the "Real outputs" box
    in the page's own language: captured_with.md, captured_with.zh.md)."""
    pairs, problems = page_pairs(root)
    for english, chinese in pairs:
        if english.suffix == ".ipynb":
            continue  # generated from notebooks/*.md: tools.notebooks checks them
        for page, wrong in ((english, CAPTURED_WITH_ZH), (chinese, CAPTURED_WITH)):
            if wrong in [path for path, _ in includes(page)]:
                problems.append(f"{page.relative_to(root)} includes {wrong}")
        shown_en = _what_a_page_shows(english, CAPTURED_WITH)
        shown_zh = _what_a_page_shows(chinese, CAPTURED_WITH_ZH)
        if shown_en != shown_zh:
            diff = "\n".join(
                difflib.unified_diff(
                    shown_en,
                    shown_zh,
                    str(english.relative_to(root)),
                    str(chinese.relative_to(root)),
                    lineterm="",
                )
            )
            problems.append(
                f"{english.relative_to(root)} and {chinese.relative_to(root)} do not "
                f"show the same snippets and outputs in the same order:\n{diff}"
            )
    return problems
