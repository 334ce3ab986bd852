"""A runner that uses the machine's second core: a helper interpreter runs the
snippets of a known list ahead, from its end, while this process asks for them.

A snippet's run keeps about one core busy, and the test machines have two (two
trainings at once slow each other: on a 2-core machine the checks take 0.63 of
their time in one process, not half). `HelpedRunner` is the session's `InProcessRunner`
plus one helper process with its own `InProcessRunner`, started by
`concurrent.futures` (spawned: TensorFlow may be loaded here, and a fork of it is
unsafe). A snippet asked for here that the helper has not started is taken back
and run here; one it has started is waited for. The helper's runs are as true as
this process's: each run resets Keras and each snippet seeds itself, so a run does
not depend on what ran before it in the same interpreter, and `make outputs`
proves the in-process runner equal to a fresh interpreter for every snippet.
"""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from densedocs.capture.runner import InProcessRunner, Run, snippet_path

_helper_runner: InProcessRunner | None = None


def _start_helper(log: str) -> None:
    """In the helper: the capture environment, and its own output to `log` (a crash
    there leaves its last words in that file, not in some test's output)."""
    from densedocs.capture import environment

    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    environment.apply()
    global _helper_runner
    _helper_runner = InProcessRunner()


def _run_in_helper(root: str, name: str, code: str) -> Run:
    return _helper_runner.run(Path(root), name, code)


class HelpedRunner:
    """`InProcessRunner.run`, with the snippets `names` of `root` run ahead by a
    helper interpreter. A run is the helper's only for the code it ran (as in
    `InProcessRunner`, the same code in a copy of the checkout is the same run);
    anything else, and anything a helper that died did not give, runs here."""

    def __init__(self, root: Path, names: list[str], log: Path) -> None:
        self.local = InProcessRunner()
        self.pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_helper,
            initargs=(str(log),),
        )
        self.ahead: dict[tuple[str, str], Future] = {}
        for name in reversed(names):
            code = snippet_path(root, name).read_text(encoding="utf-8")
            future = self.pool.submit(_run_in_helper, str(root), name, code)
            self.ahead[(name, code)] = future

    def run(self, root: Path, name: str, code: str | None = None) -> Run:
        if code is None:
            code = snippet_path(root, name).read_text(encoding="utf-8")
        future = self.ahead.pop((name, code), None)
        if future is not None and not future.cancel():
            try:
                run = future.result()
            except Exception:  # the helper died: the run is done here
                pass
            else:
                self.local.remember(name, code, run)
        return self.local.run(root, name, code)

    def close(self) -> None:
        """Stop the helper; what it has not started is not run."""
        self.pool.shutdown(wait=True, cancel_futures=True)
