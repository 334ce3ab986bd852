"""`make outputs`: run snippets in a fresh interpreter and write what they printed,
then name the pages whose shown output changed.

A capture that says the same as the committed one (see densedocs.capture.compare:
only timings, install paths and float noise may differ) leaves the committed file
alone, so running this on an unchanged tree changes no file. Every snippet is also
run in this process, the way the tests run it; if the two ways disagree nothing is
written and the command fails, naming the snippet.

Usage: python -m densedocs.capture [--page docs/PAGE.md ...] [SNIPPET ...]
(snippet names relative to snippets/; a page gives every snippet it and its
counterpart in the other language show; none given: every snippet)
"""

import argparse
import os
import platform
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

from densedocs.capture import environment
from densedocs.layout import CHECKOUT as ROOT
from densedocs.layout import SOURCE_HASHES, read_manifest, source_hash


def versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "tensorflow": metadata.version("tensorflow"),
        "keras": metadata.version("keras"),
        "tf_keras": metadata.version("tf-keras"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snippets", nargs="*", help="only these (default: all)")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        help="also every snippet this page (docs/<page>.md) shows, in both languages",
    )
    args = parser.parse_args(argv)

    environment.apply()
    from densedocs.capture.report import pages_showing
    from densedocs.capture.runner import InProcessRunner, run_fresh
    from densedocs.capture.selection import SelectionError, chosen_snippets
    from densedocs.capture.store import (
        differences,
        read_capture,
        snippet_names,
        write_capture,
        write_manifest,
    )

    names = snippet_names(ROOT)
    try:
        chosen = chosen_snippets(ROOT, args.snippets, args.page)
    except SelectionError as error:
        parser.error(str(error))

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        fresh = dict(
            zip(chosen, pool.map(lambda n: run_fresh(ROOT, n), chosen), strict=True)
        )

    runner, disagreements = InProcessRunner(), []
    for name in chosen:
        for what, diff in differences(fresh[name], runner.run(ROOT, name)).items():
            disagreements.append(f"{name} ({what}, fresh vs in process):\n{diff}")
    if disagreements:
        print(
            "The in-process runner disagrees with a fresh interpreter:", file=sys.stderr
        )
        print("\n\n".join(disagreements), file=sys.stderr)
        return 1

    changed, runs = [], {}
    for name in names:
        old = read_capture(ROOT, name)
        if name not in chosen or (old and not differences(old, fresh[name])):
            runs[name] = old  # unchanged: keep the committed capture as it is
        else:
            runs[name] = fresh[name]
            if write_capture(ROOT, name, fresh[name], old):
                changed.append(name)
    # A capture records its source's hash; a snippet not run now keeps its own.
    recorded = read_manifest(ROOT)[SOURCE_HASHES]
    hashes = {
        name: source_hash(ROOT, name) if name in chosen else recorded[name]
        for name in names
        if name in chosen or name in recorded
    }
    notes = write_manifest(
        ROOT, versions(), {n: r for n, r in runs.items() if r}, hashes
    )
    print(
        f"captured {len(chosen)} snippets; changed: {', '.join(changed) or 'nothing'}"
        + ("; the manifest and the versions note changed too" if notes else "")
    )
    if changed:
        print("pages whose shown output changed (read them again):")
        print("\n".join(f"  {page}" for page in pages_showing(ROOT, set(changed))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
