"""Where things are: the names that the capture, the checks and the build share.

Every layer imports this module, the build included, so it imports nothing but the
standard library and never TensorFlow. A name that two layers must agree on (the
manifest's keys, a figure's address, an output block's title) is written here once.

For snippets/<topic>/<name>.py the capture is, next to it:
  <name>.out   what it printed on stdout (always written, even when empty);
  <name>.err   what it printed on stderr, if anything (TensorFlow's start-up aside);
  <file>       any file it wrote into its working folder (a figure, say).
snippets/captured.json (the manifest) records the versions that produced them,
every non-zero exit status, the files each snippet wrote, and the hash of every
output it wrote (so an output no capture wrote is found).
snippets/declared.toml, written by hand, declares what the capture must know of a
snippet beforehand: that it is meant to fail, or that it needs more time.
"""

import hashlib
import json
import os
import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

# The checkout this package is imported from (it is never installed: mkdocs_hooks.py).
CHECKOUT = Path(__file__).resolve().parent.parent

SNIPPETS = "snippets"
MANIFEST = "captured.json"
STDOUT_SUFFIX, STDERR_SUFFIX = ".out", ".err"
# A quotation of somebody else's output (not run here) is the text of a .quote file
# under snippets/, which says where it comes from, shown in a block titled
# "Quoted…" ("引用…").
QUOTE_SUFFIX = ".quote"
QUOTED_TITLES = ("Quoted", "引用")
# The manifest's keys.
VERSIONS, EXIT_STATUS, WRITTEN_FILES = "captured_with", "exit_status", "written_files"
# ...and the hash of each snippet's source as it was captured: the build compares
# it with the source (densedocs/site/stale.py), so a stale capture shows at once.
SOURCE_HASHES = "source_hashes"
# ...and the hash of every output a capture wrote (snippets/<topic>/<file> ->
# hash): an output edited by hand no longer has it, and the build and the tests
# say so, with the command that writes it again.
OUTPUT_HASHES = "output_hashes"

# What an author declares of a snippet, by hand, before it is captured:
#   [fails] "question/as_asked.py" = "ModuleNotFoundError"  (meant to fail: the
#       exception its traceback ends with; its page shows its stderr)
#   [time_limit] "watch/keras_runs.py" = 600  (seconds, where the default is short)
DECLARED = "declared.toml"
FAILS, TIME_LIMIT = "fails", "time_limit"
DEFAULT_TIME_LIMIT = 300

# The "Real outputs" note under each page's title, per language: written by
# `make outputs` into snippets/ from its template under docs/templates/ (which
# MkDocs leaves out of the site), included by every page that shows outputs.
CAPTURED_WITH = {"en": "captured_with.md", "zh": "captured_with.zh.md"}
TEMPLATES = Path("docs") / "templates"

# An output block is a fence titled with one of these (in the page's language),
# right after the program whose output it shows.
OUTPUT_TITLES = {
    "Output": "stdout",
    "Output on stderr": "stderr",
    "输出": "stdout",
    "stderr 上的输出": "stderr",
}

# A page includes a snippet, its capture or a quotation with pymdownx.snippets:
# --8<-- "answer/summary.py" (or a section of it: "answer/summary.py:dense").
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')

# What a notebook source's cell shows, named in its info string (jupytext keeps
# them as the cell's metadata): a program cell, ```python snippet="answer/summary.py";
# a figure cell, ```python figure="training/loss_curve.svg" alt="...".
CELL_SNIPPET, CELL_FIGURE, CELL_ALT = "snippet", "figure", "alt"

# Where a file a snippet wrote is published: figures/<topic>/<file>.
FIGURES = "figures"

# Snippets that are test fixtures: captured and re-run like any snippet, shown on
# no page, and what they write is not published (tests/js/ and tests/browser/
# read it from snippets/). explain/corpus.py: the models "Explain your model" is
# held to.
FIXTURES = {"explain/corpus.py"}

# Notebooks: their Markdown sources, and where `make outputs` writes them.
NOTEBOOK_SOURCES = "notebooks"
NOTEBOOKS = Path("docs") / "notebooks"

# The Chinese edition: page.md and page.zh.md (mkdocs-static-i18n's suffix layout).
CHINESE_SUFFIX = ".zh"


def snippets_dir(root: Path) -> Path:
    return root / SNIPPETS


def figure_address(snippet: str, filename: str) -> str:
    """The site's address of a file that snippets/<topic>/<name>.py wrote."""
    return (
        PurePosixPath(FIGURES) / PurePosixPath(snippet).parent / filename
    ).as_posix()


def figure_snippets(manifest: dict) -> dict[str, str]:
    """Every file a snippet wrote, by its address on the site (figures/<topic>/
    <file>), with the snippet that wrote it (<topic>/<name>.py)."""
    return {
        figure_address(name, filename): name
        for name, filenames in manifest[WRITTEN_FILES].items()
        for filename in filenames
    }


def read_manifest(root: Path) -> dict:
    """snippets/captured.json, with every key present (empty before a capture)."""
    path = snippets_dir(root) / MANIFEST
    manifest = {
        VERSIONS: {},
        EXIT_STATUS: {},
        WRITTEN_FILES: {},
        SOURCE_HASHES: {},
        OUTPUT_HASHES: {},
    }
    if path.exists():
        manifest |= json.loads(path.read_text(encoding="utf-8"))
    return manifest


def published_figures(root: Path) -> dict[str, Path]:
    """Every file a snippet wrote, by its address on the site."""
    return {
        figure_address(name, filename): (snippets_dir(root) / name).parent / filename
        for name, filenames in read_manifest(root)[WRITTEN_FILES].items()
        if name not in FIXTURES
        for filename in filenames
    }


def source_hash(root: Path, snippet: str) -> str:
    """The hash the manifest records of snippets/<snippet>'s source."""
    source = (snippets_dir(root) / snippet).read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def read_declared(root: Path) -> dict:
    """snippets/declared.toml, with both tables present (empty if no file)."""
    path = snippets_dir(root) / DECLARED
    declared = {FAILS: {}, TIME_LIMIT: {}}
    if path.exists():
        declared |= tomllib.loads(path.read_text(encoding="utf-8"))
    return declared


def time_limit(root: Path, snippet: str) -> float:
    """The seconds one run of a snippet may take."""
    return float(read_declared(root)[TIME_LIMIT].get(snippet, DEFAULT_TIME_LIMIT))


def output_hash(path: Path) -> str:
    """The hash the manifest records of an output a capture wrote."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def output_files(root: Path, manifest: dict | None = None) -> dict[str, str]:
    """Every output on disk (.out, .err and the files snippets wrote), by its name
    under snippets/ (answer/summary.out), with the snippet that wrote it."""
    folder = snippets_dir(root)
    manifest = read_manifest(root) if manifest is None else manifest
    found = {
        p.relative_to(folder).as_posix(): p.relative_to(folder).with_suffix(".py")
        for suffix in (STDOUT_SUFFIX, STDERR_SUFFIX)
        for p in folder.rglob(f"*{suffix}")
    }
    for name, filenames in manifest[WRITTEN_FILES].items():
        for filename in filenames:
            path = ((folder / name).parent / filename).relative_to(folder)
            found[path.as_posix()] = PurePosixPath(name)
    return {k: PurePosixPath(v).as_posix() for k, v in sorted(found.items())}


def machine_paths(root: Path) -> list[str]:
    """Where this machine keeps the checkout, the home folder, Python and the venv
    (without a trailing slash: a path printed alone has none)."""
    found = {root.resolve(), Path.home(), Path(sys.prefix), Path(sys.base_prefix)}
    found |= {Path(os.path.realpath(p)) for p in found}
    return sorted({p.as_posix().rstrip("/") for p in found if p != Path("/")})


def machine_path_in(text: str, paths: list[str]) -> str | None:
    """The first line of `text` that shows one of these paths (followed by a slash,
    or alone: /home/ann, /home/ann/x), or None."""
    pattern = re.compile(
        "|".join(rf"{re.escape(p)}(?![\w.-])" for p in sorted(paths, key=len))
    )
    for line in text.splitlines():
        if pattern.search(line):
            return line
    return None
