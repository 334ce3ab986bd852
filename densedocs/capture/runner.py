"""Run a snippet and collect what it printed: the one runner behind captures and tests.

`run_fresh` starts a new interpreter, exactly as a reader runs `python snippets/x.py`;
`make outputs` uses it to write the captured files. `InProcessRunner` runs snippets in
the current interpreter, resetting Keras between them, so the test suite pays for one
TensorFlow import instead of one per snippet. `make outputs` runs every snippet both
ways and refuses to write if they disagree, so the fast path is proven equal to the
fresh one each time outputs are captured.

Both run a snippet in an empty scratch folder: the files it writes there (a figure,
say) are part of its output, captured next to it like what it prints. Both run it
guarded (densedocs/capture/sandbox/sitecustomize.py: no network, no write outside
that folder) and within its time limit (densedocs.layout.time_limit); what the
guard or the limit stopped is the run's `refused`, and such a run is never
captured. Ctrl-C stops the caller: it is never recorded as a snippet's output.
Between two snippets in one process, Keras and pyplot are reset (`reset_state`).

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
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from densedocs.capture.compare import clean_stderr, clean_stdout
from densedocs.capture.environment import subprocess_env
from densedocs.capture.sandbox import sitecustomize as guard
from densedocs.layout import snippets_dir, time_limit

SANDBOX = Path(guard.__file__).resolve().parent

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
    # What the guard or the time limit stopped, or a file that is not text: a run
    # with any of these is never captured.
    refused: tuple[str, ...] = ()


def written_files(folder: Path) -> dict[str, str]:
    """The text files a snippet wrote into its working folder, by name."""
    return _written(folder)[0]


def _written(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The text files a snippet wrote into its working folder, by name, and why
    each other file it wrote cannot be captured."""
    files, refused = {}, []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        try:
            files[name] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            refused.append(
                f"it wrote {name}, which is not text: a figure is captured as SVG "
                '(plt.savefig("plot.svg")); a PNG\'s bytes differ between '
                "machines, so it is refused"
            )
    return files, refused


def past_limit(limit: float) -> str:
    return (
        f"it ran past its time limit of {limit:g} s "
        "(a longer one: [time_limit] in snippets/declared.toml)"
    )


def _text(stream) -> str:
    if isinstance(stream, bytes):
        return stream.decode("utf-8", "replace")
    return stream or ""


def snippet_path(root: Path, name: str) -> Path:
    return snippets_dir(root) / name


@contextlib.contextmanager
def scratch_folders():
    """A throwaway folder: `work` (the snippet's working folder, whose files are its
    output), `tmp` (its temporary files) and the guard's report beside them."""
    with tempfile.TemporaryDirectory(prefix="snippet-") as scratch:
        folder = Path(scratch)
        (folder / "work").mkdir()
        (folder / "tmp").mkdir()
        yield folder / "work", folder / "tmp", folder / "refused.txt"


class _FreshInterpreters:
    """The fresh interpreters running now, so that Ctrl-C stops them all. Ctrl-C
    reaches the terminal's whole process group, but an interpreter that a thread
    starts just after it never gets it: it would run to its time limit while the
    capture waits for it (seen: a Ctrl-C 0.12 s after `make outputs` started)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen] = set()
        self._stopped = False

    def start(self, command: list[str], **options) -> subprocess.Popen:
        with self._lock:
            if self._stopped:
                raise KeyboardInterrupt  # stopped: no new interpreter
            process = subprocess.Popen(command, **options)
            self._running.add(process)
            return process

    def finished(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._running.discard(process)

    def stop(self) -> None:
        """Kill those running and start no other (Ctrl-C)."""
        with self._lock:
            self._stopped = True
            for process in self._running:
                process.kill()


FRESH_INTERPRETERS = _FreshInterpreters()


def run_fresh(root: Path, name: str) -> Run:
    """Run snippets/<name> in a new interpreter with the capture environment,
    guarded and within its time limit."""
    limit = time_limit(root, name)
    with scratch_folders() as (work, tmp, report):
        env = subprocess_env() | {
            "PYTHONPATH": str(SANDBOX),
            guard.ENV: "\n".join(map(str, (report, work, tmp))),
            "TMPDIR": str(tmp),
        }
        proc = FRESH_INTERPRETERS.start(
            [sys.executable, str(snippet_path(root, name).resolve())],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            stdout, stderr = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired as expired:
            proc.kill()  # then wait, as subprocess.run does: a program it started
            proc.wait()  # may hold its pipes open
            return Run(
                clean_stdout(_text(expired.stdout)),
                clean_stderr(_text(expired.stderr)),
                -1,
                refused=(past_limit(limit),),
            )
        except BaseException:  # Ctrl-C while it runs: it does not outlive the run
            proc.kill()
            proc.wait()
            raise
        finally:
            FRESH_INTERPRETERS.finished(proc)
        files, refused = _written(work)
        if report.exists():
            refused = report.read_text(encoding="utf-8").splitlines() + refused
    return Run(
        clean_stdout(stdout),
        clean_stderr(stderr),
        proc.returncode,
        files,
        tuple(refused),
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
                run_fresh(root, name)
                if fresh
                else self._execute(path, code, time_limit(root, name))
            )
        return self._results[key]

    def remember(self, name: str, code: str, run: Run) -> None:
        """Take another runner's run of this code as this runner's own."""
        self._results[(name, code)] = run

    def _execute(self, path: Path, code: str, limit: float) -> Run:
        reset_state()
        path = path.resolve()
        out, err = io.StringIO(), io.StringIO()
        saved = os.getcwd(), sys.argv, list(sys.path), tempfile.tempdir
        saved_tmpdir = os.environ.get("TMPDIR")
        namespace = {
            "__name__": "__main__",
            "__file__": str(path),
            "__builtins__": builtins,
        }
        late = []
        with scratch_folders() as (work, tmp, _report):
            os.chdir(work)
            sys.argv = [str(path)]
            sys.path.insert(0, str(path.parent))
            # Its temporary files in its own folder, as in a fresh interpreter:
            # for tempfile, and for what reads TMPDIR itself (pydot's own copy of
            # tempfile, the programs a snippet starts).
            tempfile.tempdir = os.environ["TMPDIR"] = str(tmp)
            try:
                with (
                    contextlib.redirect_stdout(out),
                    contextlib.redirect_stderr(err),
                    _fresh_interpreter_warnings(),
                    guard.guarded(work, tmp) as refused,
                    _time_limit(limit),
                ):
                    try:
                        exec(compile(code, str(path), "exec"), namespace)
                        status = 0
                    except SystemExit as exc:
                        status = _exit_status(exc.code)
                    except _PastTimeLimit:
                        status, late = -1, [past_limit(limit)]
                    except KeyboardInterrupt:
                        raise  # Ctrl-C: the caller stops, nothing is recorded
                    except BaseException as exc:  # noqa: BLE001 - as Python reports it
                        _print_traceback(exc, str(path))
                        status = 1
            finally:
                os.chdir(saved[0])
                sys.argv, sys.path[:], tempfile.tempdir = saved[1:]
                if saved_tmpdir is None:
                    os.environ.pop("TMPDIR", None)
                else:
                    os.environ["TMPDIR"] = saved_tmpdir
            files, not_text = _written(work)
        return Run(
            clean_stdout(out.getvalue()),
            clean_stderr(err.getvalue()),
            status,
            files,
            tuple(refused + late + not_text),
        )


class _PastTimeLimit(BaseException):
    """Raised in a snippet run in process when its time limit is up (a
    BaseException: the snippet's own `except Exception` does not stop it)."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """SIGALRM after `seconds`, raising _PastTimeLimit in the snippet; only on the
    main thread, where Python delivers signals (elsewhere: no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _PastTimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _print_traceback(exc: BaseException, filename: str) -> None:
    """Print the traceback a fresh interpreter would, without this runner's frames."""
    report = traceback.TracebackException.from_exception(exc)
    frames = report.stack
    while frames and frames[0].filename != filename:
        frames.pop(0)
    sys.stderr.write("".join(report.format()))


def reset_state() -> None:
    """Give the next snippet the global state of a new interpreter: Keras's, and
    pyplot's (no open figure, the settings matplotlibrc gives)."""
    reset_keras()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    if "matplotlib" in sys.modules:
        sys.modules["matplotlib"].rc_file_defaults()


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
