"""What each part of the package may import: the layers of densedocs/__init__.py.

A module's layer is its folder under densedocs/ (capture/, site/, ...) or, at the
top, its name (layout, pages). Each layer imports only the layers below it, and
the build's (site/) only the shared names of layout.py and the page model of
pages.py: `mkdocs build` must never import what captures or checks, nor
TensorFlow.
"""

import ast
from pathlib import Path

PACKAGE = "densedocs"
# layer -> the other layers it may import.
ALLOWED = {
    "layout": set(),
    "browser": set(),
    "pages": {"layout"},
    "capture": {"layout", "pages"},
    "notebooks": {"layout", "pages", "capture"},
    "checks": {"layout", "pages", "capture", "notebooks"},
    "bench": {"layout", "pages", "browser"},
    "site": {"layout", "pages"},
}
# Libraries only the capture and the tests may import: never the build.
HEAVY = {"tensorflow", "keras", "tf_keras", "jax", "torch"}


def layer_of(module: str) -> str | None:
    """densedocs.capture.store -> capture; densedocs.layout -> layout."""
    parts = module.split(".")
    return parts[1] if parts[0] == PACKAGE and len(parts) > 1 else None


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            if node.module == PACKAGE:  # from densedocs import capture
                found += [(node.lineno, f"{PACKAGE}.{a.name}") for a in node.names]
    return found


def layer_problems(root: Path) -> list[str]:
    """Every import of the package that crosses its layers the wrong way."""
    package = root / PACKAGE
    problems = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(root)
        inside = path.relative_to(package).parts
        layer = inside[0].removesuffix(".py")
        if layer == "__init__":
            continue
        if layer not in ALLOWED:
            problems.append(f"{rel}: in no layer of densedocs/__init__.py")
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))
        for line, module in _imports(tree):
            target = layer_of(module)
            if target not in (None, layer) and target not in ALLOWED[layer]:
                below = ", ".join(sorted(ALLOWED[layer]))
                may = (
                    f"import only {below}" if below else "import nothing of the package"
                )
                problems.append(f"{rel}:{line} imports {module}: {layer} may {may}")
            if layer == "site" and module.split(".")[0] in HEAVY:
                problems.append(f"{rel}:{line} imports {module}: the build never does")
    return problems
