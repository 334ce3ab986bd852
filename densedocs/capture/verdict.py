"""Whether a run of a snippet may be captured, and if not, why, in words that
name the snippet and say what to do.

A run is refused when the guard or its time limit stopped it (densedocs/capture/
sandbox/sitecustomize.py, densedocs.layout.time_limit), when it failed and its
snippet does not declare that failure (snippets/declared.toml, [fails]), when a
declared failure no longer happens, or when it shows a path of this machine (the
checkout, the home folder, Python's: a page must never show them).
"""

from pathlib import Path

from densedocs.capture.runner import Run
from densedocs.layout import (
    DECLARED,
    FAILS,
    machine_path_in,
    machine_paths,
    read_declared,
)

LAST_LINES = 6


def _last_lines(text: str) -> str:
    lines = text.rstrip("\n").splitlines()[-LAST_LINES:] or ["(it printed nothing)"]
    return "\n".join(f"    {line}" for line in lines)


def ends_with(stderr: str, exception: str) -> bool:
    """Whether a traceback ends with this exception (ModuleNotFoundError: ...)."""
    last = stderr.rstrip("\n").rpartition("\n")[2]
    return last == exception or last.startswith(f"{exception}:")


def problems(root: Path, name: str, run: Run, fails: dict[str, str]) -> list[str]:
    """Why this run of snippets/<name> may not be captured (empty if it may)."""
    where = f"snippets/{name}"
    found = [f"{where}: {reason}" for reason in run.refused]
    declared = fails.get(name)
    if found:
        pass
    elif run.exit_status != 0 and declared is None:
        found.append(
            f"{where} failed (exit status {run.exit_status}). The end of what it "
            f"printed on stderr:\n{_last_lines(run.stderr)}\n"
            f"A snippet meant to fail declares it under [fails] in "
            f"snippets/{DECLARED}."
        )
    elif declared is not None and run.exit_status == 0:
        found.append(
            f"{where} is declared to fail with {declared} (snippets/{DECLARED}), "
            "but it ran to its end"
        )
    elif declared is not None and not ends_with(run.stderr, declared):
        found.append(
            f"{where} is declared to fail with {declared} (snippets/{DECLARED}), "
            f"but it failed otherwise:\n{_last_lines(run.stderr)}"
        )
    paths = machine_paths(root)
    streams = {"stdout": run.stdout, "stderr": run.stderr, **run.files}
    for what, text in streams.items():
        line = machine_path_in(text, paths)
        if line is not None:
            found.append(
                f"{where} shows a path of this machine ({what}): {line.strip()}\n"
                "A page never shows one: print a path relative to the working "
                "folder, or a name instead"
            )
    return found


def declared_fails(root: Path) -> dict[str, str]:
    """The snippets declared to fail, with the exception each fails with."""
    return read_declared(root)[FAILS]
