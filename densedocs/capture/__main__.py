"""`make outputs`: run snippets in a fresh interpreter and write what they printed,
then name the pages whose shown output changed.

A capture that says the same as the committed one (see densedocs.capture.compare:
only timings, install paths and float noise may differ) leaves the committed file
alone, so running this on an unchanged tree changes no file. Every snippet is also
run in this process, the way the tests run it. A snippet whose run may not be
captured (densedocs.capture.verdict: it failed, reached the network, wrote
outside its folder, ran past its time limit, showed a machine path, or the two
ways disagree) is named with the reason; nothing of it is written, the others
are, and the command fails. An output that no capture wrote (its hash is not
the manifest's) is written again from the run. Ctrl-C stops it, writing nothing.

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
from densedocs.layout import OUTPUT_HASHES, SOURCE_HASHES, read_manifest, source_hash


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
    try:
        return capture(parser, args)
    except KeyboardInterrupt:
        print("stopped (Ctrl-C): nothing was written", file=sys.stderr)
        return 130


DISAGREE = (
    "{name} prints differently in a fresh interpreter and in process (as the "
    "tests run it), so nothing of it was written:\n{diffs}\n"
    "Likely causes: an unseeded random number "
    "(keras.utils.set_random_seed(0) at its top), a time or a date it prints, "
    "or state an earlier snippet left in the process."
)
LABELS = ("fresh interpreter", "in process")


def capture(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from densedocs.capture.report import pages_showing
    from densedocs.capture.runner import (
        FRESH_INTERPRETERS,
        InProcessRunner,
        run_fresh,
    )
    from densedocs.capture.selection import SelectionError, chosen_snippets
    from densedocs.capture.store import (
        differences,
        edited_outputs,
        output_hashes,
        read_capture,
        snippet_names,
        write_capture,
        write_manifest,
    )
    from densedocs.capture.verdict import declared_fails, problems

    names = snippet_names(ROOT)
    try:
        chosen = chosen_snippets(ROOT, args.snippets, args.page)
    except SelectionError as error:
        parser.error(str(error))

    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        fresh = dict(
            zip(chosen, pool.map(lambda n: run_fresh(ROOT, n), chosen), strict=True)
        )
    except KeyboardInterrupt:  # the runs started are stopped, the others never start
        FRESH_INTERPRETERS.stop()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

    # A run that may not be captured is reported; the batch's others are kept.
    fails, refused = declared_fails(ROOT), []
    runner = InProcessRunner()
    for name in chosen:
        found = problems(ROOT, name, fresh[name], fails)
        if not found:
            here = runner.run(ROOT, name)
            found = [f"snippets/{name} (in process): {r}" for r in here.refused]
            diffs = differences(fresh[name], here, LABELS)
            if diffs and not found:
                text = "\n".join(f"{what}:\n{diff}" for what, diff in diffs.items())
                found = [DISAGREE.format(name=f"snippets/{name}", diffs=text)]
        if found:
            refused.append(name)
            print("\n".join(found) + "\n", file=sys.stderr)
    captured = [name for name in chosen if name not in refused]

    manifest = read_manifest(ROOT)
    changed, runs = [], {}
    for name in names:
        old = read_capture(ROOT, name)
        if name in captured and edited_outputs(ROOT, name, manifest[OUTPUT_HASHES]):
            old = None  # an output no capture wrote: written again from this run
        if name not in captured or (old and not differences(old, fresh[name])):
            runs[name] = old  # unchanged: keep the committed capture as it is
        else:
            runs[name] = fresh[name]
            if write_capture(ROOT, name, fresh[name], old):
                changed.append(name)
    runs = {n: r for n, r in runs.items() if r}
    # A capture records its source's hash; a snippet not captured now keeps its own.
    recorded = manifest[SOURCE_HASHES]
    hashes = {
        name: source_hash(ROOT, name) if name in captured else recorded[name]
        for name in names
        if name in captured or name in recorded
    }
    outputs = output_hashes(ROOT, runs, set(captured), manifest[OUTPUT_HASHES])
    notes = write_manifest(ROOT, versions(), runs, hashes, outputs)
    print(
        f"captured {len(captured)} snippets; changed: {', '.join(changed) or 'nothing'}"
    )
    if notes:
        print(f"also changed: {', '.join(f'snippets/{n}' for n in notes)}")
    shown = pages_showing(ROOT, set(changed)) if changed else []
    if shown:
        print("pages whose shown output changed (read them again):")
        print("\n".join(f"  {page}" for page in shown))
    elif changed:
        print("no page or notebook shows them yet")
    if refused:
        print(
            f"not captured ({len(refused)}, above, their files left as they were): "
            + ", ".join(refused),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
