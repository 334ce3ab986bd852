"""Snippets, captures, pages and notebooks fit together: nothing missing, nothing
orphaned."""

from pathlib import Path

from densedocs.capture.store import snippet_names, stdout_file, written_file
from densedocs.layout import (
    CAPTURED_WITH,
    DECLARED,
    EXIT_STATUS,
    FIXTURES,
    MANIFEST,
    QUOTE_SUFFIX,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    WRITTEN_FILES,
    read_declared,
    read_manifest,
    snippets_dir,
)
from densedocs.pages import prose_sources, read

# Files under snippets/ that are neither snippets nor their captures.
SNIPPETS_SUPPORT = {MANIFEST, DECLARED, *CAPTURED_WITH.values(), "ruff.toml"}


def check_inventory(root: Path) -> list[str]:
    """Snippets, captures and pages fit together: nothing missing, nothing orphaned."""
    problems = []
    names = set(snippet_names(root))
    included = set()
    for page in prose_sources(root):
        for path in read(root, page).shown():
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
    for name in sorted((names | quotes) - included - FIXTURES):
        problems.append(f"snippets/{name} is not shown on any page")
    for name in sorted(names):
        if not stdout_file(root, name).exists():
            problems.append(f"snippets/{name} was never captured: make outputs")
    manifest = read_manifest(root)
    written = {
        written_file(root, name, filename).relative_to(snippets_dir(root)).as_posix()
        for name, filenames in manifest[WRITTEN_FILES].items()
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
    for name in sorted(set(manifest[WRITTEN_FILES]) - names):
        problems.append(f"snippets/{MANIFEST} lists files of {name}, no snippet")
    for name in sorted(set(manifest[EXIT_STATUS]) - names):
        problems.append(f"snippets/{MANIFEST} lists {name}, which is no snippet")
    for table, entries in read_declared(root).items():
        for name in sorted(set(entries) - names):
            problems.append(f"snippets/{DECLARED} [{table}] names {name}, no snippet")
    return problems
