"""The page model: what a page or a notebook's source shows, read once.

`read` (a file) or `parse` (Markdown) gives a `Page`:
- its front matter (a notebook source's is under jupytext's key, `jupyter:`) and
  its language (page.zh.md, answer.zh.ipynb are Chinese);
- its fenced blocks (``` or ~~~, at any indentation: in admonitions, tabs,
  `<details>` and lists too), each with the language, title and attributes of its
  info string (title=, and a notebook cell's snippet=, figure=, alt=), its code and
  the includes inside it;
- its includes (--8<-- "answer/summary.py", or a section: "...py:dense"), in
  blocks or not;
- its figures, by their address on the site (figures/<topic>/<file>): the images
  of its Markdown and a notebook source's figure cells;
- its headings, its `##` sections (each a `Part`), and its prose as a reader
  reads it.
A notebook page (docs/notebooks/<name>.ipynb) is read through its source,
notebooks/<name>.md, which `make outputs` makes it from.

This is the package's one reader of fenced blocks: the checks, the capture's
report and the build's stale mark all read pages here. `expanded` reads a page as
MkDocs renders it, its includes replaced by the very pymdownx.snippets
preprocessor that MkDocs runs, configured from mkdocs.yml. Nothing here imports
TensorFlow, nor anything the build does not have (site/ reads pages too).
"""

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import markdown
import yaml
from mkdocs.config import load_config

from densedocs.layout import (
    CELL_ALT,
    CELL_FIGURE,
    CELL_SNIPPET,
    CHINESE_SUFFIX,
    FIGURES,
    INCLUDE,
    NOTEBOOK_SOURCES,
    OUTPUT_TITLES,
    QUOTE_SUFFIX,
    QUOTED_TITLES,
    STDERR_SUFFIX,
    STDOUT_SUFFIX,
    TEMPLATES,
)

# A fence's opening line: its indentation, the fence (three or more backticks or
# tildes) and the info string (a backtick fence's has no backtick, as CommonMark
# says: ```a``` is inline code).
OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
SNIPPET_TITLE = re.compile(r"^snippets/(?P<name>\S+\.py)$")
# A figure a snippet wrote, shown on a page: ![...](figures/<topic>/<file>).
FIGURE = re.compile(rf"\]\((?P<address>{FIGURES}/[\w-]+/[^)\s]+)\)")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<title>.*?)[ \t]*$")
# A heading's attribute list: ## Title { #anchor }.
HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{(?P<attributes>[^}]*)\}$")
# Front matter, by MkDocs' rule (mkdocs.utils.meta): YAML between --- and --- (or ...).
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# What a reader does not read as prose, besides code blocks (a notebook's cells
# too, whose alt text stays): includes, comments (jupytext's region markers), link
# targets, attribute lists, HTML tags (their text stays), addresses, footnote
# labels.
NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^\s*--8<--.*$", re.M),
    re.compile(r"\]\([^)]*\)"),  # link targets: [text](target)
    re.compile(r"\{[:#.][^}]*\}|\{\s*[\w-]+=[^}]*\}"),  # { #anchor }, { width="720" }
    re.compile(r"</?[a-zA-Z][^>]*>"),
    re.compile(r"https?://\S+"),
    re.compile(r"\[\^[^\]\s]+\]:?"),  # footnotes: [^1], [^1]: ...
]
# The section markers of a snippet, which pymdownx.snippets strips from the page.
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")
# What an include shows of a snippet's run: its code or one of its outputs.
RUN_SUFFIXES = {".py": None, STDOUT_SUFFIX: "stdout", STDERR_SUFFIX: "stderr"}


@dataclass(frozen=True)
class Include:
    """An include (--8<-- "answer/summary.out"): a file under snippets/."""

    path: str
    section: str | None
    line: int

    @property
    def snippet(self) -> str | None:
        """The snippet whose run it shows (its code or output), or None (a
        quotation, the versions note)."""
        path = PurePosixPath(self.path)
        return (
            path.with_suffix(".py").as_posix() if path.suffix in RUN_SUFFIXES else None
        )

    @property
    def stream(self) -> str | None:
        """The stream a capture of a snippet shows (stdout, stderr), or None."""
        return RUN_SUFFIXES.get(PurePosixPath(self.path).suffix)

    @property
    def quotation(self) -> bool:
        return self.path.endswith(QUOTE_SUFFIX)


@dataclass(frozen=True)
class Block:
    """A fenced block: lines `line` (its opening fence) to `end` (its closing one)."""

    info: str
    code: str
    line: int
    end: int
    indent: str
    closed: bool
    includes: tuple[Include, ...] = ()

    @property
    def language(self) -> str:
        return self.info.split(" ", 1)[0].strip("{ .")

    @functools.cached_property
    def attributes(self) -> dict[str, str]:
        return dict(ATTRIBUTE.findall(self.info))

    @property
    def title(self) -> str:
        return self.attributes.get("title", "")

    @property
    def program(self) -> str | None:
        """The snippet its title names (title="snippets/answer/summary.py")."""
        match = SNIPPET_TITLE.match(self.title)
        return match["name"] if match else None

    @property
    def stream(self) -> str | None:
        """The stream an output block shows, by its title ("Output", "输出")."""
        return OUTPUT_TITLES.get(self.title)

    @property
    def quoted(self) -> bool:
        """A quotation of somebody else's output (title "Quoted…", "引用…")."""
        return self.title.startswith(QUOTED_TITLES)

    @property
    def cell_snippet(self) -> str | None:
        """A notebook source's program cell: ```python snippet="answer/summary.py"."""
        return self.attributes.get(CELL_SNIPPET)

    @property
    def captures(self) -> list[Include]:
        """The includes of what a snippet printed, inside the block."""
        return [include for include in self.includes if include.stream]


@dataclass(frozen=True)
class Figure:
    """A figure a snippet wrote, shown by its address (figures/<topic>/<file>)."""

    address: str
    line: int


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    anchor: str | None  # { #anchor }
    line: int


@dataclass(frozen=True)
class Part:
    """Lines `first`..`first + len(lines) - 1` of a page, with what they show."""

    lines: tuple[str, ...]
    first: int
    blocks: tuple[Block, ...]
    includes: tuple[Include, ...]
    figures: tuple[Figure, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @functools.cached_property
    def prose(self) -> str:
        """The prose as a reader reads it: code spans and emphasis keep their text
        (a number in `(4, 32)` is a claim too), a notebook's figure cell its alt
        text."""
        kept, cut = [], 0
        for block in self.blocks:
            kept += self.lines[cut : block.line - self.first]
            kept.append(f" {block.attributes.get(CELL_ALT, '')} ")
            cut = block.end - self.first + 1
        text = "\n".join(kept + list(self.lines[cut:]))
        for pattern in NOT_PROSE:
            text = pattern.sub(" ", text)
        return re.sub(r"[`*]", "", text)

    def shown(self) -> list[str]:
        """The files under snippets/ it shows, in order: its includes and its
        program cells."""
        found = [(i.line, i.path) for i in self.includes]
        found += [(b.line, b.cell_snippet) for b in self.blocks if b.cell_snippet]
        return [path for _line, path in sorted(found)]

    def runs(self, figures: dict[str, str]) -> set[str]:
        """The snippets whose run it shows: their code, their outputs or a figure
        they wrote (`figures`: address -> snippet, layout.figure_snippets)."""
        shown = {i.snippet for i in self.includes if i.snippet}
        shown |= {b.cell_snippet for b in self.blocks if b.cell_snippet}
        return shown | {
            figures[f.address] for f in self.figures if f.address in figures
        }

    def quotations(self) -> list[str]:
        """The quotations it includes (old/summary.quote)."""
        return [i.path for i in self.includes if i.quotation]

    def part(self, first: int, end: int) -> "Part":
        """Lines first..end - 1 of this one."""

        def inside(item) -> bool:
            return first <= item.line < end

        return Part(
            lines=self.lines[first - self.first : end - self.first],
            first=first,
            blocks=tuple(filter(inside, self.blocks)),
            includes=tuple(filter(inside, self.includes)),
            figures=tuple(filter(inside, self.figures)),
        )


@dataclass(frozen=True)
class Page(Part):
    """A page or a notebook source (`path`; `source` for a notebook page)."""

    path: Path | None = None
    source: Path | None = None
    meta: dict = field(default_factory=dict)
    language: str = "en"
    headings: tuple[Heading, ...] = ()
    front_matter_problem: str | None = None  # not YAML keys and values: why

    def sections(self) -> list[tuple[str, Part]]:
        """(anchor, part) of each `##` section, heading included (its anchor, or
        its title without one); the part before the first is ""."""
        cuts = [h for h in self.headings if h.level == 2]
        starts = [(self.first, "")] + [(h.line, h.anchor or h.title) for h in cuts]
        ends = [h.line for h in cuts] + [self.first + len(self.lines)]
        return [
            (anchor, self.part(start, end))
            for (start, anchor), end in zip(starts, ends, strict=True)
        ]


def language_of(name: str | Path) -> str:
    """The language of a page by its name: answer.zh.md, answer.zh.ipynb: "zh"."""
    return "zh" if PurePosixPath(name).stem.endswith(CHINESE_SUFFIX) else "en"


def _fenced_blocks(lines: list[str], start: int) -> list[tuple[int, int, re.Match]]:
    """(opening index, closing index, opening match) of every fenced block from
    lines[start]; an unclosed block runs to the end (closing index len(lines))."""
    found, i = [], start
    while i < len(lines):
        opening = OPENING.match(lines[i])
        if not opening or (opening["fence"][0] == "`" and "`" in opening["info"]):
            i += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next(
            (j for j in range(i + 1, len(lines)) if closing.match(lines[j])),
            len(lines),
        )
        found.append((i, end, opening))
        i = end + 1
    return found


def _unindented(line: str, indent: int) -> str:
    """The line without (at most) its block's indentation."""
    spaces = len(line) - len(line.lstrip())
    return line[min(indent, spaces) :]


def _heading(line: str, number: int) -> Heading | None:
    match = HEADING.match(line)
    if not match:
        return None
    title, anchor = match["title"], None
    if attributes := HEADING_ATTRIBUTES.search(title):
        title = title[: attributes.start()]
        anchor_match = re.search(r"#([\w-]+)", attributes["attributes"])
        anchor = anchor_match[1] if anchor_match else None
    return Heading(len(match["level"]), title, anchor, number)


def _front_matter(yaml_text: str) -> tuple[dict, str | None]:
    """The front matter's keys and values, or why it has none, with its line
    counted from the page's first (the line of its opening ---)."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark else "its front matter"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return {}, f"{where}: {problem}"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"line 2: front matter must be keys and values, not {data!r}"
    return data, None


def parse(text: str, name: str | Path | None = None, path: Path | None = None) -> Page:
    """The page model of Markdown (a page's, a notebook source's, or a page's as
    the build hands it over, without its front matter). Line numbers count from
    the text's first line, front matter included."""
    meta, first, problem = {}, 1, None
    if match := FRONT_MATTER.match(text):
        meta, problem = _front_matter(match[1])
        # A front matter MkDocs cannot read, it publishes as the page's text: so
        # the body starts at line 1 then (densedocs/site/published.py warns).
        if not problem:
            meta = meta.get("jupyter", meta)
            first = match[0].count("\n") + 1
    lines = text.split("\n")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    body_start = starts[first - 1]
    includes = tuple(
        Include(m["path"], m["section"], line_of(m.start()))
        for m in INCLUDE.finditer(text, body_start)
    )
    blocks = []
    for opening, closing, match in _fenced_blocks(lines, first - 1):
        indent = len(match["indent"])
        code = "".join(
            f"{_unindented(x, indent)}\n" for x in lines[opening + 1 : closing]
        )
        blocks.append(
            Block(
                info=match["info"].strip(),
                code=code,
                line=opening + 1,
                end=min(closing, len(lines) - 1) + 1,
                indent=match["indent"],
                closed=closing < len(lines),
                includes=tuple(i for i in includes if opening + 1 < i.line <= closing),
            )
        )

    in_blocks = {line for b in blocks for line in range(b.line, b.end + 1)}

    figures = [
        Figure(m["address"], line)
        for m in FIGURE.finditer(text, body_start)
        if (line := line_of(m.start())) not in in_blocks
    ]
    figures += [
        Figure((PurePosixPath(FIGURES) / b.attributes[CELL_FIGURE]).as_posix(), b.line)
        for b in blocks
        if CELL_FIGURE in b.attributes
    ]
    headings = tuple(
        heading
        for number, line in enumerate(lines[first - 1 :], start=first)
        if number not in in_blocks and (heading := _heading(line, number))
    )
    body = lines[first - 1 :]
    return Page(
        lines=tuple(body),
        first=first,
        blocks=tuple(blocks),
        includes=includes,
        figures=tuple(sorted(figures, key=lambda f: f.line)),
        path=path,
        meta=meta,
        language=language_of(name or path or ""),
        headings=headings,
        front_matter_problem=problem,
    )


def read(root: Path, path: Path) -> Page:
    """The page model of a page or a notebook source; of a notebook page
    (docs/notebooks/<name>.ipynb), that of its source, notebooks/<name>.md."""
    if path.suffix != ".ipynb":
        return parse(path.read_text(encoding="utf-8"), path=path)
    source = notebook_source(root, path)
    return replace(parse(source.read_text(encoding="utf-8"), path=path), source=source)


def expanded(root: Path, path: Path) -> Page:
    """The page model of a page as MkDocs renders it: every include replaced.

    Raises pymdownx.snippets.SnippetMissingError for a missing file or section.
    """
    return parse(expand(root, path), path=path)


def notebook_source(root: Path, page: str | Path) -> Path:
    """docs/notebooks/answer.zh.ipynb (or its address in docs/,
    notebooks/answer.zh.ipynb) -> notebooks/answer.zh.md, its source."""
    return root / NOTEBOOK_SOURCES / f"{PurePosixPath(page).stem}.md"


def page_files(root: Path) -> list[Path]:
    """Every page under docs/ (not the templates MkDocs leaves out of the site)."""
    templates = root / TEMPLATES
    return sorted(
        p for p in (root / "docs").rglob("*.md") if templates not in p.parents
    )


@functools.cache
def _markdown_settings(config_file: Path) -> tuple[list, dict]:
    config = load_config(str(config_file))
    return config["markdown_extensions"], config["mdx_configs"]


def expand(root: Path, page: Path) -> str:
    """The page with every --8<-- include replaced, exactly as MkDocs does it.

    Raises pymdownx.snippets.SnippetMissingError for a missing file or section.
    """
    return expand_text(root, page.read_text(encoding="utf-8"))


def expand_text(root: Path, text: str) -> str:
    """Markdown with every --8<-- include replaced (see `expand`)."""
    extensions, configs = _markdown_settings(root / "mkdocs.yml")
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def shown_lines(code: str) -> list[str]:
    """A snippet's lines as a page shows them: no section markers, no trailing
    spaces, no blank lines at the end."""
    lines = [
        line.rstrip() for line in code.split("\n") if not SECTION_MARKER.match(line)
    ]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def site_paths(root: Path, chinese: bool = True) -> list[str]:
    """Every page in mkdocs.yml's nav, as its URL path under the site root, then
    (unless chinese=False) the Chinese edition's pages (docs/<page>.zh.md, and the
    notebooks' docs/notebooks/<name>.zh.ipynb) under zh/. A page without a Chinese
    counterpart would not be built there: the Chinese nav would link to the English
    page (tests/test_i18n.py requires every page to have one)."""

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    paths, translated = [], []
    for source in walk(load_config(str(root / "mkdocs.yml"))["nav"]):
        stem, suffix = source.rsplit(".", 1)  # md, ipynb
        paths.append("" if stem == "index" else f"{stem}/")
        if (root / "docs" / f"{stem}.zh.{suffix}").is_file():
            translated.append("zh/" + paths[-1])
    return paths + translated if chinese else paths


# --- Notebook sources: notebooks/<name>.md (densedocs.notebooks makes them notebooks)


def prose_sources(root: Path) -> list[Path]:
    """Everything a reader reads prose of: the pages and the notebooks' sources."""
    return page_files(root) + notebook_sources(root)


def notebook_sources(root: Path) -> list[Path]:
    """Every notebook source, English and Chinese: notebooks/*.md."""
    return sorted((root / NOTEBOOK_SOURCES).glob("*.md"))
