"""`make outputs`: run every snippet in a fresh interpreter and write what it printed.

A capture that says the same as the committed one (see tools.compare: only timings,
install paths and float noise may differ) leaves the committed file alone, so running
this on an unchanged tree changes no file. Every snippet is also run in this process,
the way the tests run it; if the two ways disagree nothing is written and the command
fails, naming the snippet.

Usage: python -m tools.capture [SNIPPET ...]   (names relative to snippets/)
"""

import argparse
import os
import platform
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools import environment

ROOT = Path(__file__).resolve().parent.parent


def versions() -> dict[str, str]:
    import keras
    import tensorflow as tf

    return {
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snippets", nargs="*", help="only these (default: all)")
    args = parser.parse_args(argv)

    environment.apply()
    from tools.captures import (
        read_capture,
        read_manifest,
        snippet_names,
        write_capture,
        write_manifest,
    )
    from tools.compare import compare
    from tools.runner import InProcessRunner, run_fresh

    names = snippet_names(ROOT)
    unknown = sorted(set(args.snippets) - set(names))
    if unknown:
        parser.error(f"no such snippet under snippets/: {', '.join(unknown)}")
    chosen = args.snippets or names

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        fresh = dict(
            zip(chosen, pool.map(lambda n: run_fresh(ROOT, n), chosen), strict=True)
        )

    runner, disagreements = InProcessRunner(), []
    for name in chosen:
        here = runner.run(ROOT, name)
        for stream in ("stdout", "stderr"):
            problem = compare(getattr(fresh[name], stream), getattr(here, stream))
            if problem:
                disagreements.append(f"{name} ({stream}):\n{problem}")
        if here.exit_status != fresh[name].exit_status:
            disagreements.append(
                f"{name}: exit status {fresh[name].exit_status} in a fresh "
                f"interpreter, {here.exit_status} in process"
            )
    if disagreements:
        print(
            "The in-process runner disagrees with a fresh interpreter:", file=sys.stderr
        )
        print("\n\n".join(disagreements), file=sys.stderr)
        return 1

    changed = []
    for name in chosen:
        new, old = fresh[name], read_capture(ROOT, name)
        same = (
            old is not None
            and old.exit_status == new.exit_status
            and compare(old.stdout, new.stdout) is None
            and compare(old.stderr, new.stderr) is None
        )
        if not same and write_capture(ROOT, name, new):
            changed.append(name)

    statuses = read_manifest(ROOT)["exit_status"]
    statuses = {n: statuses.get(n, 0) for n in names} | {
        n: fresh[n].exit_status for n in chosen
    }
    if write_manifest(ROOT, versions(), statuses):
        changed.append("captured.json / captured_with.md")
    print(
        f"captured {len(chosen)} snippets; changed: {', '.join(changed) or 'nothing'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
