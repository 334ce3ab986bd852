"""MkDocs hook: page scripts written as ES modules, published as classic scripts.

The pure parts of the pages' scripts (counting, the network's arithmetic, parsers)
are ES modules under docs/javascripts/lib/, with no DOM, that `node --test`
imports as they are (tests/js/). A page's own script, named in its front matter
(`scripts: [javascripts/x.js]`), imports what it needs:

    import { countParams } from "./lib/counting.js";

Chromium refuses module scripts from file://, where the offline edition is read,
so the build publishes each such script bundled: every module it imports, in
order, inside a function of its own that returns what the module exports, and the
script's own code after them, all in one classic script. The modules under lib/
(pure, no DOM) and dom/ (shared by pages' scripts, touching the DOM) are not
published on their own.

The bundler reads only what our modules are written with, and stops the build on
anything else, naming the file and the line: named imports of a relative path
(`import { a, b as c } from "./x.js";`), and `export` before a top-level
`function`, `async function`, `class`, `const` or `let` (or an `export { a, b };`
list). A default export, `import *`, a bare or dynamic import, a cycle or a
missing module is an error. Lines that are all comment are left out of the bundle,
and so is each line's indentation (0.6 KB of the watch page's script, gzipped); a
string continued over lines, whose indentation would be text, is refused.
"""

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SCRIPTS = "javascripts"
LIBRARIES = ("javascripts/lib/", "javascripts/dom/")

IMPORT = re.compile(
    r"^import\s*\{(?P<names>[^}]*)\}\s*from\s*"
    r'["\'](?P<path>\.{1,2}/[^"\']+)["\'];?[ \t]*$',
    re.MULTILINE,
)
ANY_IMPORT = re.compile(r"^import\b|\bimport\s*\(", re.MULTILINE)
EXPORTED_DECLARATION = re.compile(
    r"^export\s+(?:async\s+)?(?:function\*?|class|const|let)\s+(?P<name>[\w$]+)",
    re.MULTILINE,
)
EXPORT_LIST = re.compile(r"^export\s*\{(?P<names>[^}]*)\};?[ \t]*$", re.MULTILINE)
ANY_EXPORT = re.compile(r"^export\b", re.MULTILINE)
# Whole lines of comment: `// ...`, or a `/* ... */` that starts and ends its lines.
# The published scripts leave them out (the sources keep them): a fifth of a page
# script's weight. Our scripts have no string or template literal over several
# lines, where such a line would be text (a template literal is refused below).
COMMENT_LINES = re.compile(
    r"^[ \t]*(?://[^\n]*|/\*(?:(?!\*/).)*\*/[ \t]*)\n", re.MULTILINE | re.DOTALL
)
INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)


class BundleError(Exception):
    """A script the bundler cannot read: the message names the file and line."""


@dataclass
class Module:
    path: Path
    imports: list[tuple[Path, list[tuple[str, str]]]]  # (module, [(name, alias)])
    exports: list[str]
    body: str


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _names(listing: str, where: str) -> list[tuple[str, str]]:
    pairs = []
    for item in filter(None, (part.strip() for part in listing.split(","))):
        match = re.fullmatch(r"([\w$]+)(?:\s+as\s+([\w$]+))?", item)
        if not match:
            raise BundleError(f"{where}: cannot read the name {item!r}")
        pairs.append((match[1], match[2] or match[1]))
    return pairs


def read_module(path: Path, label: str) -> Module:
    """One module: its imports, its exported names, its code without either."""
    text = path.read_text(encoding="utf-8")

    def refuse(offset: int) -> BundleError:
        return BundleError(
            f'{label}:{_line(text, offset)}: only `import {{ a }} from "./x.js"` '
            "and `export` before a top-level function, class, const or let are bundled"
        )

    imports, exports = [], []
    for match in IMPORT.finditer(text):
        where = f"{label}:{_line(text, match.start())}"
        target = (path.parent / match["path"]).resolve()
        imports.append((target, _names(match["names"], where)))
    for match in EXPORT_LIST.finditer(text):
        exports += _names(match["names"], f"{label}:{_line(text, match.start())}")
    exports = [name for name, _ in exports]
    for match in ANY_EXPORT.finditer(text):
        declared = EXPORTED_DECLARATION.match(text, match.start())
        if declared:
            exports.append(declared["name"])
        elif not EXPORT_LIST.match(text, match.start()):
            raise refuse(match.start())
    rest = EXPORT_LIST.sub("", IMPORT.sub("", text))
    for match in ANY_IMPORT.finditer(rest):
        raise refuse(text.find(match[0]))
    body = COMMENT_LINES.sub("", re.sub(r"^export\s+", "", rest, flags=re.MULTILINE))
    body = INDENTATION.sub("", body)
    for number, line in enumerate(text.splitlines(), 1):
        code = line.strip()
        if code.startswith(("//", "/*", "*")):
            continue
        if code.count("`") % 2:
            raise BundleError(
                f"{label}:{number}: a template literal over several lines is not "
                "bundled: a line of it could read as a comment"
            )
        if code.endswith("\\"):
            raise BundleError(
                f"{label}:{number}: a string continued over lines is not bundled: "
                "the bundle cuts each line's indentation"
            )
    return Module(path, imports, exports, body)


def _variable(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("").as_posix()
    return "__module_" + re.sub(r"\W", "_", relative)


def bundle(entry: Path, root: Path) -> str:
    """The classic script that runs `entry` with every module it imports.

    `root` is the folder the labels in messages are relative to (docs/)."""
    order: list[Module] = []
    visiting: list[Path] = []

    def label(path: Path) -> str:
        return PurePosixPath(path.relative_to(root)).as_posix()

    def visit(path: Path, importer: str) -> None:
        if any(module.path == path for module in order):
            return
        if path in visiting:
            cycle = " -> ".join(label(p) for p in [*visiting, path])
            raise BundleError(f"{label(entry)}: modules import each other: {cycle}")
        if not path.is_file():
            raise BundleError(
                f"{importer}: imports {label(path)}, which does not exist"
            )
        visiting.append(path)
        module = read_module(path, label(path))
        for target, _ in module.imports:
            visit(target, label(path))
        visiting.pop()
        order.append(module)

    visit(entry.resolve(), label(entry))

    def header(module: Module) -> str:
        return "".join(
            f"const {{ {', '.join(n if n == a else f'{n}: {a}' for n, a in names)} }}"
            f" = {_variable(target, root)};\n"
            for target, names in module.imports
        )

    parts = ['"use strict";\n']
    for module in order[:-1]:
        returned = ", ".join(module.exports)
        parts.append(
            f"// {label(module.path)}\n"
            f"const {_variable(module.path, root)} = (() => {{\n"
            f"{header(module)}{module.body.strip()}\n"
            f"return {{ {returned} }};\n}})();\n"
        )
    main = order[-1]
    parts.append(f"// {label(main.path)}\n{header(main)}{main.body.strip()}\n")
    return "(() => {\n" + "".join(parts) + "})();\n"


# After mkdocs-static-i18n's (-100): it reads the source path of every file, which
# MkDocs unsets for a file given content, as a bundle is.
@event_priority(-105)
def on_files(files, config):
    """Bundle each page script that imports a module; leave lib/, dom/ unpublished."""
    docs = Path(config["docs_dir"]).resolve()
    for file in list(files):
        uri = file.src_uri
        if not (uri.startswith(SCRIPTS + "/") and uri.endswith(".js")):
            continue
        if uri.startswith(LIBRARIES):
            files.remove(file)
            continue
        source = Path(file.abs_src_path)
        if not IMPORT.search(source.read_text(encoding="utf-8")):
            continue
        try:
            file.content_string = bundle(source, docs)
        except BundleError as error:
            raise PluginError(f"densedocs/site/scripts.py: {error}") from error
    return files
