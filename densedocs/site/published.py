"""MkDocs hook: the strict build fails on what a reader must never see.

Each is a build warning, so `mkdocs build --strict` (`make docs`, the tests) fails,
naming the page or the file and what to do; it reads pages, the manifest and the
files under snippets/, and runs nothing:
- front matter that is not valid YAML (MkDocs would publish it as page text), with
  its page and line;
- an include of a file that does not exist, in one line naming the page and the
  file (instead of pymdownx's traceback; the page is built with a note in its
  place, so `mkdocs serve` shows where);
- an output that shows a path of this machine (the checkout, the home folder or
  Python's, with or without a trailing slash);
- the output of a run that failed, unless the snippet declares that failure
  (snippets/declared.toml); and a page that shows a failing snippet without its
  stderr, where a reader sees the error;
- an output that no capture wrote: its hash is not the one `make outputs`
  recorded in snippets/captured.json (an edit by hand, even of a last digit);
- a title in `nav` without its translation under a language's
  `nav_translations` (the Chinese menu would show it in English).
"""

import logging
import re
from pathlib import Path, PurePosixPath

from densedocs.layout import (
    EXIT_STATUS,
    FAILS,
    INCLUDE,
    OUTPUT_HASHES,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    machine_path_in,
    machine_paths,
    output_files,
    output_hash,
    read_declared,
    read_manifest,
    snippets_dir,
)
from densedocs.pages import parse
from densedocs.site.couplings import i18n

log = logging.getLogger("mkdocs.hooks.published")


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _restore(output: str, snippet: str) -> str:
    return f'make outputs SNIPPETS="{snippet}"'


def unwritten_outputs(root: Path) -> list[str]:
    """Every output on disk whose hash is not the one its capture recorded."""
    manifest = read_manifest(root)
    recorded = manifest[OUTPUT_HASHES]
    problems = []
    for output, snippet in output_files(root, manifest).items():
        path = snippets_dir(root) / output
        if not path.exists():
            continue
        if output not in recorded:
            problems.append(
                f"snippets/{output} was written by no capture (snippets/"
                f"captured.json records no hash of it): run {_restore(output, snippet)}"
            )
        elif output_hash(path) != recorded[output]:
            problems.append(
                f"snippets/{output} is not what make outputs wrote (edited by "
                f"hand?): run {_restore(output, snippet)}"
            )
    return problems


def page_problems(root: Path, page: str, markdown: str) -> list[str]:
    """What a reader of this page would see that they must not. The build hands
    the page over without its front matter, unless MkDocs could not read it (the
    page model finds it still at the top)."""
    problems = []
    shown = parse(markdown)
    if shown.front_matter_problem:
        problems.append(
            f"{page}: its front matter is not valid YAML ({shown.front_matter_problem})"
        )
    manifest = read_manifest(root)
    failed, fails = manifest[EXIT_STATUS], read_declared(root)[FAILS]
    paths = machine_paths(root)
    included = {include.path for include in shown.includes}
    for path in sorted(included):
        file = snippets_dir(root) / path
        if not file.is_file():
            problems.append(f"{page} includes snippets/{path}, which does not exist")
            continue
        suffix = PurePosixPath(path).suffix
        name = PurePosixPath(path).with_suffix(".py").as_posix()
        if suffix in (STDOUT_SUFFIX, STDERR_SUFFIX):
            line = machine_path_in(file.read_text(encoding="utf-8"), paths)
            if line is not None:
                problems.append(
                    f"{page} shows snippets/{path}, which shows a path of this "
                    f"machine: {line.strip()}"
                )
        if suffix == STDOUT_SUFFIX and name in failed and name not in fails:
            problems.append(
                f"{page} shows snippets/{path}, the output of a run that failed "
                f"(exit status {failed[name]}): fix snippets/{name}, then run "
                f'make outputs SNIPPETS="{name}"'
            )
        err = PurePosixPath(path).with_suffix(STDERR_SUFFIX).as_posix()
        if suffix == ".py" and name in failed and err not in included:
            problems.append(
                f"{page} shows snippets/{name}, which fails, without its error: "
                f'show snippets/{err} in a block titled "Output on stderr"'
            )
    return problems


def without_missing_includes(root: Path, markdown: str) -> str:
    """The page with each include of a missing file replaced by a note."""

    def note(match: re.Match) -> str:
        if (snippets_dir(root) / match["path"]).is_file():
            return match[0]
        return f"(missing: snippets/{match['path']})"

    return INCLUDE.sub(note, markdown)


def nav_titles(items) -> list[str]:
    """Every title in mkdocs.yml's nav, sections included, in order."""
    titles = []
    for item in items or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += nav_titles(value)
    return titles


def untranslated_titles(config) -> list[str]:
    """The nav titles that a language with nav_translations does not translate."""
    problems = []
    for language in i18n.language_options(config):
        translations = getattr(language, "nav_translations", None)
        if not translations:
            continue
        for title in nav_titles(config.nav):
            if title not in translations:
                problems.append(
                    f"mkdocs.yml: the nav title {title!r} has no translation under "
                    f"nav_translations of language {language.locale!r}"
                )
    return problems


def on_pre_build(config):
    for problem in untranslated_titles(config):
        log.warning(problem)
    for problem in unwritten_outputs(_root(config)):
        log.warning(problem)


def on_page_markdown(markdown, page, config, files):
    root = _root(config)
    for problem in page_problems(root, f"docs/{page.file.src_uri}", markdown):
        log.warning(problem)
    return without_missing_includes(root, markdown)
