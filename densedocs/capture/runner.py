"""Run a snippet and collect what it printed: the one runner behind captures and tests.

`run_fresh` starts a new interpreter, exactly as a reader runs `python snippets/x.py`;
`make outputs` uses it to write the captured files. `InProcessRunner` runs snippets in
the current interpreter, resetting Keras between them, so the test suite pays for one
TensorFlow import instead of one per snippet. `make outputs` runs every snippet both
ways and refuses to write if they disagree, so the fast path is proven equal to the
fresh one each time outputs are captured.

Both run a snippet in an empty scratch folder: the files it writes there (a figure,
say) are part of its output, captured next to it like what it prints.

A snippet that chooses Keras's backend itself (`os.environ["KERAS_BACKEND"] = "jax"`)
always gets an interpreter of its own, in the tests too: Keras picks its backend
once, when it is first imported. So does a snippet that imports PyTorch: in a
process that has loaded TensorFlow, importing triton (which torch.optim does)
crashes it with a segmentation fault (torch 2.14.1, TensorFlow 2.21.0).
"""

import builtins
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from densedocs.capture.compare import clean_stderr, clean_stdout
from densedocs.capture.environment import subprocess_env
from densedocs.layout import snippets_dir

CHOOSES_BACKEND = re.compile(r"""^os\.environ\[["']KERAS_BACKEND["']\]\s*=""", re.M)
IMPORTS_TORCH = re.compile(r"^(?:import|from) torch\b", re.M)


def needs_own_interpreter(code: str) -> bool:
    """A snippet that chooses Keras's backend, or imports PyTorch."""
    return bool(CHOOSES_BACKEND.search(code) or IMPORTS_TORCH.search(code))


@dataclass(frozen=True)
class Run:
    """What one run of a snippet printed (cleaned for the page) and how it ended."""

    stdout: str
    stderr: str
    exit_status: int
    files: dict[str, str] = field(default_factory=dict)  # written: name -> text


def written_files(folder: Path) -> dict[str, str]:
    """The files a snippet wrote into its scratch folder, by name."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def snippet_path(root: Path, name: str) -> Path:
    return snippets_dir(root) / name


def run_fresh(root: Path, name: str) -> Run:
    """Run snippets/<name> in a new interpreter with the capture environment."""
    with tempfile.TemporaryDirectory(prefix="snippet-") as scratch:
        proc = subprocess.run(
            [sys.executable, str(snippet_path(root, name).resolve())],
            cwd=scratch,
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        files = written_files(Path(scratch))
    return Run(
        clean_stdout(proc.stdout), clean_stderr(proc.stderr), proc.returncode, files
    )


def _show_warning(message, category, filename, lineno, file=None, line=None):
    # What a fresh interpreter's default warnings.showwarning prints.
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


@contextlib.contextmanager
def _fresh_interpreter_warnings():
    """Warning filters as a new interpreter has them, each warning shown again."""
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.filterwarnings("ignore", category=ResourceWarning)
        warnings.filterwarnings("ignore", category=ImportWarning)
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings(
            "default", category=DeprecationWarning, module="__main__"
        )
        warnings.showwarning = _show_warning
        yield


def _exit_status(code) -> int:
    """The status `sys.exit(code)` gives a process; prints a message as Python does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


class InProcessRunner:
    """Runs snippets in this interpreter; equal to `run_fresh`, proven by the capture.

    Call `densedocs.capture.environment.apply()` before TensorFlow is imported in
    this process.
    Results are remembered by (snippet name, code): what a snippet prints depends on
    its code alone, so a page block that shows a whole snippet, or a copy of the
    checkout, costs nothing more than the snippet's own check.
    """

    def __init__(self) -> None:
        self._results: dict[tuple[str, str], Run] = {}

    def run(self, root: Path, name: str, code: str | None = None) -> Run:
        path = snippet_path(root, name)
        if code is None:
            code = path.read_text(encoding="utf-8")
        key = (name, code)
        if key not in self._results:
            fresh = needs_own_interpreter(code)
            self._results[key] = (
                run_fresh(root, name) if fresh else self._execute(path, code)
            )
        return self._results[key]

    def remember(self, name: str, code: str, run: Run) -> None:
        """Take another runner's run of this code as this runner's own."""
        self._results[(name, code)] = run

    def _execute(self, path: Path, code: str) -> Run:
        reset_keras()
        path = path.resolve()
        out, err = io.StringIO(), io.StringIO()
        saved = os.getcwd(), sys.argv, list(sys.path)
        scratch = tempfile.TemporaryDirectory(prefix="snippet-")
        os.chdir(scratch.name)
        sys.argv = [str(path)]
        sys.path.insert(0, str(path.parent))
        namespace = {
            "__name__": "__main__",
            "__file__": str(path),
            "__builtins__": builtins,
        }
        try:
            with (
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
                _fresh_interpreter_warnings(),
            ):
                try:
                    exec(compile(code, str(path), "exec"), namespace)
                    status = 0
                except SystemExit as exc:
                    status = _exit_status(exc.code)
                except BaseException as exc:  # noqa: BLE001 - reported like Python does
                    _print_traceback(exc, str(path))
                    status = 1
        finally:
            os.chdir(saved[0])
            sys.argv, sys.path[:] = saved[1], saved[2]
        files = written_files(Path(scratch.name))
        scratch.cleanup()
        return Run(
            clean_stdout(out.getvalue()), clean_stderr(err.getvalue()), status, files
        )


def _print_traceback(exc: BaseException, filename: str) -> None:
    """Print the traceback a fresh interpreter would, without this runner's frames."""
    report = traceback.TracebackException.from_exception(exc)
    frames = report.stack
    while frames and frames[0].filename != filename:
        frames.pop(0)
    sys.stderr.write("".join(report.format()))


def reset_keras() -> None:
    """Give the next snippet the global Keras state of a new interpreter."""
    if "keras" in sys.modules:
        import keras

        keras.backend.clear_session()
        keras.config.set_floatx("float32")
        keras.config.set_dtype_policy("float32")
    if "tf_keras" in sys.modules:  # the Keras 2 API counts its own layer names
        import tf_keras

        tf_keras.backend.clear_session()
