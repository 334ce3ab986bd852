"""The one environment every snippet runs in: when captured, in tests, in the bench.

Keras prints differently with the terminal width, the backend and the log level, so
each of those is fixed here, once, for fresh interpreters and for the in-process runner.
"""

import contextlib
import importlib.abc
import os
import sys
import threading
from pathlib import Path

from densedocs.capture.compare import TF_RUNTIME_NOISE

HERE = Path(__file__).resolve().parent

# Keras sizes its summary table to min(88, COLUMNS - 4): 80 columns gives 76, which
# fits a code block on the page without scrolling and equals a common terminal.
CAPTURE_ENV = {
    "COLUMNS": "80",
    "LINES": "24",
    "KERAS_BACKEND": "tensorflow",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "CUDA_VISIBLE_DEVICES": "-1",
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONUNBUFFERED": "1",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "NO_COLOR": "1",
    "MPLBACKEND": "Agg",  # figures are written to files, never shown
    # A figure's file is the same in every run: its SVG ids' salt (matplotlibrc)
    # and the date it records (1970-01-01, matplotlib reads SOURCE_DATE_EPOCH).
    "MATPLOTLIBRC": str(HERE / "matplotlibrc"),
    "SOURCE_DATE_EPOCH": "0",
}

# Variables of the caller that would change what a snippet prints.
DROPPED = ("PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONPATH", "FORCE_COLOR", "TERM")


def subprocess_env() -> dict[str, str]:
    """The environment for a fresh interpreter that runs one snippet."""
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env.update(CAPTURE_ENV)
    return env


def apply() -> None:
    """Fix this process's environment, and keep TensorFlow's start-up lines off its
    stderr; call before TensorFlow or Keras is imported."""
    for name in DROPPED:
        os.environ.pop(name, None)
    os.environ.update(CAPTURE_ENV)
    quiet_tensorflow_start_up()


# --- TensorFlow's start-up lines on this process's own stderr
#
# TensorFlow's C++ runtime logs a few lines while `import tensorflow` loads it
# (oneDNN's notice, "Could not find cuda drivers"), before absl::InitializeLog() is
# called: absl then writes them to file descriptor 2 whatever TF_CPP_MIN_LOG_LEVEL
# says. A fresh run's stderr is cleaned of them
# (compare.TF_RUNTIME_NOISE, the same rule); in this process, `apply()` keeps them
# off the terminal by filtering fd 2 while tensorflow's first import runs. Nothing
# else changes: no variable that could change a number (TF_ENABLE_ONEDNN_OPTS).


@contextlib.contextmanager
def native_stderr_filtered():
    """While the block runs, pass what is written to fd 2 (by C++ or Python) on to
    it, line by line, without TensorFlow's start-up lines. Passed on as it comes:
    a crash in the block still shows its last words."""
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 at all: nothing to keep clean
        yield
        return
    read_end, write_end = os.pipe()

    def pass_on():
        with os.fdopen(read_end, "rb") as lines:
            for line in lines:
                if not TF_RUNTIME_NOISE.match(line.decode("utf-8", "replace")):
                    os.write(saved, line)

    thread = threading.Thread(target=pass_on, name="stderr-filter", daemon=True)
    thread.start()
    os.dup2(write_end, 2)
    os.close(write_end)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)  # closes the pipe's last write end: the thread ends
        thread.join(timeout=10)
        os.close(saved)


class _QuietTensorFlowImport(importlib.abc.MetaPathFinder):
    """Runs the first `import tensorflow` (direct, or through Keras) inside
    `native_stderr_filtered`; then leaves sys.meta_path."""

    def find_spec(self, fullname, path, target=None):
        if fullname != "tensorflow":
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = getattr(finder, "find_spec", None) and finder.find_spec(
                fullname, path, target
            )
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        exec_module = loader.exec_module

        def quietly(module):
            try:
                with native_stderr_filtered():
                    exec_module(module)
            finally:
                del loader.exec_module  # the loader's own method again

        loader.exec_module = quietly
        return spec


def quiet_tensorflow_start_up() -> None:
    """Filter TensorFlow's start-up lines from this process's stderr when it is
    first imported (a no-op once it is)."""
    if "tensorflow" in sys.modules:
        return
    if not any(isinstance(f, _QuietTensorFlowImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _QuietTensorFlowImport())
