"""Running a notebook as a reader does: top to bottom, in a fresh kernel, with the
capture environment, in an empty folder; and what each of its cells shows."""

import subprocess
import tempfile
from pathlib import Path

import nbformat

from densedocs.capture.compare import clean_stderr, clean_stdout
from densedocs.capture.environment import subprocess_env
from densedocs.capture.runner import written_files

CELL_TIMEOUT = 600  # seconds


def execute(path: Path) -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """Run a notebook top to bottom in a fresh kernel, with the capture environment,
    in an empty folder. Returns the executed notebook and the files its programs
    wrote there. Raises if a cell raises."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="notebook-") as scratch:
        client = NotebookClient(
            nb, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False
        )
        # The kernel's own stderr (TensorFlow's start-up) is no cell's output.
        client.execute(env=subprocess_env(), cwd=scratch, stderr=subprocess.DEVNULL)
        files = written_files(Path(scratch))
    return nb, files


def shown(cell) -> dict[str, str]:
    """What a code cell shows, by stream and by kind of rich output, cleaned as
    captures are. A summary that Keras prints as rich displays counts as stdout."""
    texts: dict[str, str] = {}
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            key, text = output.name, output.text
        elif "image/svg+xml" in output.get("data", {}):
            key, text = "image/svg+xml", output.data["image/svg+xml"]
        else:
            key, text = "stdout", output.get("data", {}).get("text/plain", "")
        texts[key] = texts.get(key, "") + text
    texts = {
        key: clean_stderr(text) if key == "stderr" else clean_stdout(text)
        for key, text in texts.items()
    }
    return {key: text for key, text in texts.items() if text}
