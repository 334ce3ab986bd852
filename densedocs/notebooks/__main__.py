"""`python -m densedocs.notebooks` (part of `make outputs`): write every notebook
its source gives now (densedocs.notebooks.generate), only where it changed.

Given snippets or pages (`--page docs/PAGE.md`, as densedocs.capture takes them),
only the notebooks whose sources show one of those snippets."""

import argparse
import sys

from densedocs.capture.selection import (
    SelectionError,
    chosen_snippets,
    notebooks_showing,
)
from densedocs.capture.store import write_if_changed
from densedocs.layout import CHECKOUT as ROOT
from densedocs.notebooks.generate import SourceError, generate, target
from densedocs.pages import notebook_sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snippets", nargs="*", help="only notebooks showing these")
    parser.add_argument("--page", action="append", default=[], help="docs/<page>.md")
    args = parser.parse_args(argv)
    changed, problems = [], []
    sources = notebook_sources(ROOT)
    if args.snippets or args.page:
        try:
            chosen = chosen_snippets(ROOT, args.snippets, args.page)
        except SelectionError as error:
            parser.error(str(error))
        sources = notebooks_showing(ROOT, set(chosen))
    for source in sources:
        try:
            text = generate(ROOT, source)
        except SourceError as error:
            problems.append(str(error))
            continue
        if write_if_changed(target(ROOT, source), text):
            changed.append(target(ROOT, source).name)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"notebooks: {len(sources)}; changed: {', '.join(changed) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
