"""Every block on a page comes from snippets/, and every output it shows is what
that snippet's capture holds: the capture of its code as it is now, as the capture
wrote it. That a snippet, run now, prints its capture is checked once per snippet
(densedocs.checks.snippets): together, a page shows what its snippets print now,
and no snippet runs here."""

from pathlib import Path

from pymdownx.snippets import SnippetMissingError

from densedocs.capture.compare import compare
from densedocs.capture.runner import Run
from densedocs.capture.store import edited_outputs, read_capture
from densedocs.layout import (
    OUTPUT_HASHES,
    QUOTE_SUFFIX,
    SOURCE_HASHES,
    read_manifest,
    snippets_dir,
    source_hash,
)
from densedocs.pages import expanded, shown_lines


def _is_excerpt(shown: list[str], body: list[str]) -> bool:
    n = len(shown)
    return n > 0 and any(body[i : i + n] == shown for i in range(len(body) - n + 1))


def _capture_problems(
    root: Path, program: str, captured: Run | None, manifest: dict
) -> list[str]:
    """Why the committed capture of snippets/<program> is not what it prints now,
    as far as can be told without running it."""
    if captured is None:
        return [f"snippets/{program} was never captured: make outputs"]
    problems = []
    if manifest[SOURCE_HASHES].get(program) != source_hash(root, program):
        problems.append(
            f"snippets/{program} changed since its output was captured: "
            f'make outputs SNIPPETS="{program}"'
        )
    for output in edited_outputs(root, program, manifest[OUTPUT_HASHES]):
        problems.append(
            f"snippets/{output} is not what the capture of snippets/{program} wrote "
            "(edited by hand?): make outputs"
        )
    return problems


def check_page(root: Path, page: Path) -> list[str]:
    """Every block on the page comes from snippets/, and every output shown is real.

    A Python block titled "snippets/<name>.py" shows that whole snippet, whose
    capture is compared with the output blocks that follow it, or an excerpt of it
    (a section), which must appear in the snippet as shown.
    """
    rel = page.relative_to(root)
    try:
        shown = expanded(root, page)
    except SnippetMissingError as error:
        return [f"{rel} includes something that does not exist: {error}"]
    manifest = read_manifest(root)
    problems, program = [], None
    programs, with_output = set(), set()
    for block in shown.blocks:
        where = f"{rel} (block at line {block.line} of the expanded page)"
        if not block.closed:
            problems.append(f"{where}: a block that is never closed")
        if block.language == "python":
            program = None
            path = snippets_dir(root) / block.program if block.program else None
            if path is None or not path.is_file():
                problems.append(
                    f"{where}: a Python block must be titled with the snippet it "
                    f'shows, e.g. title="snippets/answer/summary.py"; '
                    f"got {block.title!r}"
                )
                continue
            lines = shown_lines(block.code)
            source = shown_lines(path.read_text(encoding="utf-8"))
            if lines == source:
                program = block.program
                programs.add(program)
            elif not _is_excerpt(lines, source):
                problems.append(f"{where}: shows code that is not in {block.title}")
        elif block.quoted:
            program = None
            quotes = snippets_dir(root).rglob(f"*{QUOTE_SUFFIX}")
            if not any(
                shown_lines(block.code) == shown_lines(q.read_text()) for q in quotes
            ):
                problems.append(f"{where}: a quotation that is no {QUOTE_SUFFIX} file")
        elif block.stream:
            if program is None:
                problems.append(f"{where}: an output block must follow a whole program")
                continue
            stream = block.stream
            captured = read_capture(root, program)
            if program not in with_output:
                problems += [
                    f"{where}: {problem}"
                    for problem in _capture_problems(root, program, captured, manifest)
                ]
            diff = captured is not None and compare(
                block.code, getattr(captured, stream)
            )
            if diff:
                problems.append(
                    f"{where}: the {stream} shown for snippets/{program} is not "
                    f"what its capture holds:\n{diff}"
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
