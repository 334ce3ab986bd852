"""What the project requires (requirements*.in), what it locks (requirements*.txt)
and what its code imports: the checks that keep the three in step."""

import ast
import json
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

DOCS_IN, ALL_IN = "requirements-docs.in", "requirements.in"
DOCS_LOCK, ALL_LOCK = "requirements-docs.txt", "requirements.txt"
# Where the project's own Python lives; the notebooks' code cells count too.
CODE_FOLDERS = ("densedocs", "tests", "snippets")
NOTEBOOKS = "docs/notebooks"
OWN_MODULES = {"densedocs", "tests"}
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][\w.]*)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def canonical(name: str) -> str:
    """A distribution's name as PyPI compares names: tf_keras is tf-keras."""
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_requirements(root: Path, name: str) -> dict[str, str]:
    """The pins of an .in file and of the files it includes with -r: name -> version."""
    pins = {}
    for line in (root / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins |= direct_requirements(root, line.removeprefix("-r ").strip())
        elif line:
            match = PIN.fullmatch(line)
            if not match:
                raise ValueError(f"{name}: {line!r} is not pinned as name==version")
            pins[canonical(match[1])] = match[2]
    return pins


def locked(root: Path, name: str) -> dict[str, tuple[str, frozenset[str]]]:
    """The entries of a lock file: name -> (version, its hashes)."""
    text = (root / name).read_text(encoding="utf-8").replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue  # an option, not a package: lock_problems reports it
        pin, *options = line.split()
        match = PIN.fullmatch(pin)
        if not match:
            raise ValueError(f"{name}: {line!r} is not a pinned package")
        entries[canonical(match[1])] = (match[2], frozenset(options))
    return entries


def lock_problems(root: Path) -> list[str]:
    """Every package pinned and hashed, no local file, each tier's direct pins kept,
    and the docs tier pinning what the full set pins."""
    problems = []
    locks = {}
    for lock, source in ((DOCS_LOCK, DOCS_IN), (ALL_LOCK, ALL_IN)):
        text = (root / lock).read_text(encoding="utf-8")
        if "file:" in text:
            problems.append(f"{lock} names a local file: make lock")
        for line in text.splitlines():
            if line.startswith("-"):
                problems.append(f"{lock} has an option of this machine, {line!r}")
        locks[lock] = entries = locked(root, lock)
        for package, (version, options) in entries.items():
            if not options or not all(HASH.fullmatch(o) for o in options):
                problems.append(f"{lock}: {package}=={version} is not hashed")
        for package, version in direct_requirements(root, source).items():
            if package not in entries:
                problems.append(f"{lock} lacks {package} of {source}: make lock")
            elif entries[package][0] != version:
                problems.append(
                    f"{lock} pins {package}=={entries[package][0]}, {source} "
                    f"{version}: make lock"
                )
    everything = locks[ALL_LOCK]
    for package, entry in locks[DOCS_LOCK].items():
        if everything.get(package) != entry:
            problems.append(
                f"{DOCS_LOCK} pins {package}=={entry[0]} otherwise than {ALL_LOCK}: "
                "make lock"
            )
    return problems


def _code(root: Path):
    """(file, source) for every Python file of the project and every code cell."""
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            yield path.relative_to(root), path.read_text(encoding="utf-8")
    for path in sorted((root / NOTEBOOKS).glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                yield path.relative_to(root), "".join(cell["source"])


def imported_modules(root: Path) -> dict[str, Path]:
    """Each top-level module the project imports, with the first file importing it."""
    modules = {}
    for file, source in _code(root):
        for node in ast.walk(ast.parse(source, filename=str(file))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                modules.setdefault(name.split(".")[0], file)
    return modules


def import_problems(root: Path) -> list[str]:
    """Every module the project imports comes from a direct requirement."""
    direct = direct_requirements(root, ALL_IN)
    distributions = packages_distributions()
    problems = []
    for module, file in sorted(imported_modules(root).items()):
        if module in sys.stdlib_module_names or module in OWN_MODULES:
            continue
        providers = {canonical(d) for d in distributions.get(module, [])}
        if not providers:
            problems.append(f"{file} imports {module}, which no package provides")
        elif not providers & direct.keys():
            problems.append(
                f"{file} imports {module} of {', '.join(sorted(providers))}, "
                f"which is no direct requirement: add it to {ALL_IN} or {DOCS_IN}"
            )
    return problems
