"""The one environment every snippet runs in: when captured, in tests, in the bench.

Keras prints differently with the terminal width, the backend and the log level, so
each of those is fixed here, once, for fresh interpreters and for the in-process runner.
"""

import os

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
}

# Variables of the caller that would change what a snippet prints.
DROPPED = ("PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONPATH", "FORCE_COLOR", "TERM")


def subprocess_env() -> dict[str, str]:
    """The environment for a fresh interpreter that runs one snippet."""
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env.update(CAPTURE_ENV)
    return env


def apply() -> None:
    """Fix this process's environment; call before TensorFlow or Keras is imported."""
    for name in DROPPED:
        os.environ.pop(name, None)
    os.environ.update(CAPTURE_ENV)
