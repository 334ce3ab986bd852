"""The committed outputs: which snippets exist and where their captures live.

For snippets/<topic>/<name>.py the capture is, next to it:
  <name>.out   what it printed on stdout (always written, even when empty);
  <name>.err   what it printed on stderr, if anything (TensorFlow's start-up aside).
snippets/captured.json records the versions that produced them and every non-zero exit
status; snippets/captured_with.md is the sentence the pages show about those versions.
"""

import json
from pathlib import Path

from tools.runner import Run

MANIFEST = "captured.json"
CAPTURED_WITH = "captured_with.md"
STDOUT_SUFFIX, STDERR_SUFFIX = ".out", ".err"


def snippets_dir(root: Path) -> Path:
    return root / "snippets"


def snippet_names(root: Path) -> list[str]:
    """Every snippet, as a path relative to snippets/ (the form pages include)."""
    folder = snippets_dir(root)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.py"))


def stdout_file(root: Path, name: str) -> Path:
    return (snippets_dir(root) / name).with_suffix(STDOUT_SUFFIX)


def stderr_file(root: Path, name: str) -> Path:
    return (snippets_dir(root) / name).with_suffix(STDERR_SUFFIX)


def read_manifest(root: Path) -> dict:
    path = snippets_dir(root) / MANIFEST
    if not path.exists():
        return {"captured_with": {}, "exit_status": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def read_capture(root: Path, name: str) -> Run | None:
    """The committed capture of a snippet, or None if it was never captured."""
    out = stdout_file(root, name)
    if not out.exists():
        return None
    err = stderr_file(root, name)
    return Run(
        stdout=out.read_text(encoding="utf-8"),
        stderr=err.read_text(encoding="utf-8") if err.exists() else "",
        exit_status=read_manifest(root)["exit_status"].get(name, 0),
    )


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_capture(root: Path, name: str, run: Run) -> bool:
    """Write a snippet's stdout and stderr files; True if any file changed."""
    changed = write_if_changed(stdout_file(root, name), run.stdout)
    err = stderr_file(root, name)
    if run.stderr:
        changed |= write_if_changed(err, run.stderr)
    elif err.exists():
        err.unlink()
        changed = True
    return changed


def write_manifest(
    root: Path, versions: dict[str, str], statuses: dict[str, int]
) -> bool:
    manifest = {
        "captured_with": versions,
        "exit_status": {name: code for name, code in sorted(statuses.items()) if code},
    }
    changed = write_if_changed(
        snippets_dir(root) / MANIFEST, json.dumps(manifest, indent=2) + "\n"
    )
    sentence = (
        '!!! info "Real outputs"\n'
        "    Every output on this page was captured by `make outputs` with Keras\n"
        f"    {versions['keras']} on TensorFlow {versions['tensorflow']} "
        f"(Python {versions['python']}),\n"
        "    and `make test` re-runs the snippets to check that it still holds.\n"
    )
    return write_if_changed(snippets_dir(root) / CAPTURED_WITH, sentence) or changed
