"""The committed outputs: which snippets exist, where their captures live (see
densedocs.layout), how a capture is read, compared and written.
"""

import json
from pathlib import Path
from string import Template

from densedocs.capture.compare import compare
from densedocs.capture.runner import Run
from densedocs.layout import (
    CAPTURED_WITH,
    EXIT_STATUS,
    MANIFEST,
    OUTPUT_HASHES,
    SOURCE_HASHES,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    TEMPLATES,
    VERSIONS,
    WRITTEN_FILES,
    output_files,
    output_hash,
    read_manifest,
    snippets_dir,
)


def snippet_names(root: Path) -> list[str]:
    """Every snippet, as a path relative to snippets/ (the form pages include)."""
    folder = snippets_dir(root)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.py"))


def stdout_file(root: Path, name: str) -> Path:
    return (snippets_dir(root) / name).with_suffix(STDOUT_SUFFIX)


def stderr_file(root: Path, name: str) -> Path:
    return (snippets_dir(root) / name).with_suffix(STDERR_SUFFIX)


def written_file(root: Path, name: str, filename: str) -> Path:
    """Where the file a snippet wrote is kept: next to the snippet."""
    return (snippets_dir(root) / name).parent / filename


def read_capture(root: Path, name: str) -> Run | None:
    """The committed capture of a snippet, or None if it was never captured."""
    out = stdout_file(root, name)
    if not out.exists():
        return None
    err = stderr_file(root, name)
    manifest = read_manifest(root)
    files = {}
    for filename in manifest[WRITTEN_FILES].get(name, []):
        path = written_file(root, name, filename)
        files[filename] = path.read_text(encoding="utf-8") if path.exists() else ""
    return Run(
        stdout=out.read_text(encoding="utf-8"),
        stderr=err.read_text(encoding="utf-8") if err.exists() else "",
        exit_status=manifest[EXIT_STATUS].get(name, 0),
        files=files,
    )


def differences(
    captured: Run, new: Run, labels: tuple[str, str] = ("captured", "new run")
) -> dict[str, str]:
    """What differs between two runs of a snippet, by stream or file name (the
    runs named by `labels` in the diffs)."""
    found = {}
    for stream in ("stdout", "stderr"):
        diff = compare(getattr(captured, stream), getattr(new, stream), labels)
        if diff:
            found[stream] = diff
    if captured.exit_status != new.exit_status:
        found["exit status"] = (
            f"{captured.exit_status} ({labels[0]}) != {new.exit_status} ({labels[1]})"
        )
    for filename in sorted(captured.files.keys() | new.files.keys()):
        if filename not in new.files:
            found[filename] = "no longer written"
        elif filename not in captured.files:
            found[filename] = "written now, never captured"
        else:
            diff = compare(captured.files[filename], new.files[filename], labels)
            if diff:
                found[filename] = diff
    return found


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_capture(root: Path, name: str, run: Run, old: Run | None) -> bool:
    """Write a snippet's stdout, stderr and files; True if any file changed.

    A stream or file that says the same as its committed version (timings, float
    noise aside) keeps the committed text, so the diff shows only what changed."""

    def kept(old_text: str | None, new_text: str) -> str:
        same = old_text is not None and compare(old_text, new_text) is None
        return old_text if same else new_text

    changed = write_if_changed(
        stdout_file(root, name), kept(old and old.stdout, run.stdout)
    )
    err = stderr_file(root, name)
    if run.stderr:
        changed |= write_if_changed(err, kept(old and old.stderr, run.stderr))
    elif err.exists():
        err.unlink()
        changed = True
    old_files = old.files if old else {}
    for filename, text in run.files.items():
        changed |= write_if_changed(
            written_file(root, name, filename), kept(old_files.get(filename), text)
        )
    for filename in set(old_files) - run.files.keys():
        written_file(root, name, filename).unlink(missing_ok=True)
        changed = True
    return changed


def edited_outputs(root: Path, name: str, recorded: dict[str, str]) -> list[str]:
    """The outputs of snippets/<name> on disk that no capture wrote: their hash is
    not the one the manifest records (names under snippets/)."""
    return [
        output
        for output, snippet in output_files(root).items()
        if snippet == name
        and output in recorded
        and output_hash(snippets_dir(root) / output) != recorded[output]
    ]


def output_hashes(
    root: Path, runs: dict[str, Run], captured: set[str], recorded: dict[str, str]
) -> dict[str, str]:
    """The hash of every output on disk: as written now for the snippets just
    captured, as recorded before for the others (so a capture of some snippets
    never records another's hand edit as its own)."""
    written = {WRITTEN_FILES: {n: sorted(r.files) for n, r in runs.items() if r}}
    hashes = {}
    for output, snippet in output_files(root, written).items():
        path = snippets_dir(root) / output
        if snippet in captured and path.exists():
            hashes[output] = output_hash(path)
        elif output in recorded:
            hashes[output] = recorded[output]
    return hashes


def write_manifest(
    root: Path,
    versions: dict[str, str],
    runs: dict[str, Run],
    hashes: dict[str, str],
    outputs: dict[str, str],
) -> list[str]:
    """Record the versions, the non-zero exit statuses, the files written, the
    hash of each snippet's source as captured and of each output a capture wrote,
    and write each language's "Real outputs" note from its template with those
    versions; the files that changed (under snippets/)."""
    manifest = {
        VERSIONS: versions,
        EXIT_STATUS: {
            n: r.exit_status for n, r in sorted(runs.items()) if r.exit_status
        },
        WRITTEN_FILES: {n: sorted(r.files) for n, r in sorted(runs.items()) if r.files},
        SOURCE_HASHES: dict(sorted(hashes.items())),
        OUTPUT_HASHES: dict(sorted(outputs.items())),
    }
    changed = []
    if write_if_changed(
        snippets_dir(root) / MANIFEST, json.dumps(manifest, indent=2) + "\n"
    ):
        changed.append(MANIFEST)
    for note in CAPTURED_WITH.values():
        template = Template((root / TEMPLATES / note).read_text(encoding="utf-8"))
        text = template.substitute(versions)
        if write_if_changed(snippets_dir(root) / note, text):
            changed.append(note)
    return changed
