"""A snippet, run now, prints what its committed capture says."""

from pathlib import Path

from densedocs.capture.store import (
    differences,
    read_capture,
    stderr_file,
    stdout_file,
    written_file,
)
from densedocs.layout import MANIFEST, snippets_dir


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
    run = runner.run(root, name)
    # What the guard or the time limit stopped (densedocs.capture.runner).
    problems = [f"snippets/{name}: {reason}" for reason in run.refused]
    for what, diff in differences(captured, run).items():
        file = where.get(what) or written_file(root, name, what)
        problems.append(
            f"{file.relative_to(root)} ({what}) is not what snippets/{name} "
            f"gives now (if the change is intended: make outputs):\n{diff}"
        )
    return problems
