"""Numbers in prose are claims: each must be shown by a run, follow from a rule, or be
allowed by the page with a reason. The same check for both languages.

A page is cut into sections at its `##` headings (the part before the first one is a
section too). A number in a section's prose (code spans, tables and alt text
included; code blocks, includes, link targets and attributes not) must be:
- in what the section shows of the runs: the captured outputs, the code and the
  files of the snippets it includes or whose figures it shows (numerically: 516 is
  516.00), or a rounding of a captured number (0.68 of 0.6763); a dotted version
  (PyTorch 2.14.1) only as a run writes it. A section that
  shows no run (a reading of the table above) is read against the runs of the whole
  page. The runs of the snippets the page's front matter lists under `runs:` count
  in every section: they are the runs its prose cites from other pages;
- the result of an arithmetic statement the prose makes, if the statement is true
  (2·32 + 32 = 96; its operands must hold up on their own) and a run shows its
  result too, or the result is a step of a later statement (2 × 129 + 1 = 259,
  then 259 × 4 + 8 = 1044): a sum that only adds up by itself goes stale
  unnoticed when its snippet changes (4·2 + 2 = 10 about a Dense(2) that became
  a Dense(3));
- a version after Keras, TensorFlow or Python that the capture's versions start
  with (Keras 3 of 3.15.1, Keras 2 of tf-keras 2.21.0);
- or listed in the page's front matter under `numbers:`, with the reason, e.g.
  `"4": bytes of a float32`. An entry no number uses is a problem too.

A notebook's source (notebooks/*.md) is read the same way: its program cells
(```python snippet="...") and figure cells are the runs it shows, and its front
matter is under jupytext's key `jupyter:`, which the notebook itself does not keep.
Pages and sources are read through the page model (densedocs.pages), and a figure
is matched to the snippet that wrote it by its address (layout.figure_snippets).
"""

import ast
import operator
import re
from decimal import Decimal
from pathlib import Path

from densedocs.capture.store import read_capture, read_manifest, snippets_dir
from densedocs.layout import VERSIONS, figure_snippets
from densedocs.pages import Part, read

# A number as a reader reads it: not part of a name (float32, dense_1, x1, F821).
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
# An arithmetic statement: 2·32 + 32 = 96, 129 × 4 B = 516 B, 2 × 32 = 64.
OPERAND = r"\d+(?:\.\d+)?(?:\s*B\b)?"
EQUATION = re.compile(
    rf"(?<![\w.])({OPERAND}(?:\s*[·×*+\-−/]\s*{OPERAND})+)\s*=\s*(\d+(?:\.\d+)?)"
)
VERSION = re.compile(r"\b(Keras|TensorFlow|Python|tf-keras)\s+(\d+(?:\.\d+)*)")
VERSION_OF = {
    "Keras": ("keras", "tf_keras"),
    "TensorFlow": ("tensorflow",),
    "Python": ("python",),
    "tf-keras": ("tf_keras",),
}
# A version as prose writes it (2.14.1): more than one dot, so not a decimal.
DOTTED = re.compile(r"\d+(?:\.\d+){2,}")


def _value(token: str) -> Decimal:
    return Decimal(token.replace(",", ""))


def _run_texts(root: Path, name: str) -> list[str]:
    """What a snippet's run gives a reader to read: its code, its outputs, and the
    text of the files it wrote (a figure's labels, not its coordinates)."""
    run = read_capture(root, name)
    code = snippets_dir(root) / name
    texts = [code.read_text(encoding="utf-8")] if code.is_file() else []
    if run:
        texts += [run.stdout, run.stderr]
        texts += [re.sub(r"<[^>]*>", " ", text) for text in run.files.values()]
    return texts


def shown_runs(root: Path, part: Part, figures: dict[str, str]) -> list[str]:
    """The texts of the runs a part of a page shows: the snippets it includes (or
    their outputs), a notebook's snippet cells, the snippets whose figures it shows
    (`figures`: address -> snippet), and the quotations it includes."""
    texts = [
        text for name in sorted(part.runs(figures)) for text in _run_texts(root, name)
    ]
    for path in part.quotations():
        texts.append((snippets_dir(root) / path).read_text(encoding="utf-8"))
    return texts


def _shown_by(number: str, runs: list[str]) -> bool:
    if DOTTED.fullmatch(number):  # a version: shown as written, or not at all
        written = re.compile(rf"(?<![\w.]){re.escape(number)}(?![\w]|\.\d)")
        return any(written.search(text) for text in runs)
    value = _value(number)
    decimals = len(number.partition(".")[2]) if "," not in number else 0
    for text in runs:
        for token in re.findall(r"-?\d+(?:\.\d+)?", text.replace(",", "")):
            shown = Decimal(token)
            if shown == value:
                return True
            if decimals and round(shown, decimals) == value:
                return True  # 0.68 of 0.6763: quoted at a lower precision
    return False


OPERATIONS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _evaluate(expression: str) -> Decimal:
    """The value of digits and + - * / (nothing else is evaluated)."""

    def value(node) -> Decimal:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return Decimal(str(node.value))
        if isinstance(node, ast.BinOp) and type(node.op) in OPERATIONS:
            return OPERATIONS[type(node.op)](value(node.left), value(node.right))
        raise ValueError(expression)

    return value(ast.parse(expression, mode="eval").body)


def _true_statements(text: str) -> tuple[dict[str, str], list[str], set[str]]:
    """The true arithmetic statements in a text ({result: statement}), the false
    ones, and the operands of them all."""
    results, false, operands = {}, [], set()
    for match in EQUATION.finditer(text):
        left = re.sub(r"\s*B\b", "", match[1])
        operands.update(NUMBER.findall(left))
        left = left.replace("·", "*").replace("×", "*").replace("−", "-")
        if _evaluate(left) == Decimal(match[2]):
            results.setdefault(match[2], match[0])
        else:
            false.append(match[0])
    return results, false, operands


def _versions(root: Path, text: str) -> set[str]:
    captured = read_manifest(root)[VERSIONS]
    found = set()
    for name, number in VERSION.findall(text):
        versions = [captured.get(key, "") for key in VERSION_OF[name]]
        if any(f"{v}.".startswith(f"{number}.") for v in versions):
            found.add(number)
    return found


def check_claims(root: Path, page: Path) -> list[str]:
    """Every number in the page's prose holds up (see the module's docstring)."""
    rel = page.relative_to(root)
    shown = read(root, page)
    meta = shown.meta
    figures = figure_snippets(read_manifest(root))
    allowed = {str(k): v for k, v in (meta.get("numbers") or {}).items()}
    cited = [t for name in meta.get("runs") or [] for t in _run_texts(root, name)]
    problems = [
        f"{rel}: front matter cites snippets/{name}, which was never captured"
        for name in meta.get("runs") or []
        if read_capture(root, name) is None
    ]
    if shown.front_matter_problem:
        problems.append(
            f"{rel}: its front matter is not valid YAML: {shown.front_matter_problem}"
        )
    page_runs = shown_runs(root, shown, figures)
    used = set()
    for anchor, section in shown.sections():
        where = f"{rel}, section #{anchor}" if anchor else f"{rel}, before the first ##"
        words = section.prose
        runs = (shown_runs(root, section, figures) or page_runs) + cited
        results, false, operands = _true_statements(words)
        problems += [f"{where}: {s!r} is not true" for s in false]
        for result, statement in results.items():
            if _shown_by(result, runs) or result in operands:
                continue
            if result in allowed:
                used.add(result)
                continue
            problems.append(
                f"{where}: {statement!r} adds up, but no run of the section shows "
                f"{result}: show it, or allow it in the front matter with a reason"
            )
        versions = _versions(root, words)
        for number in dict.fromkeys(NUMBER.findall(words)):
            if number in results or number in versions or _shown_by(number, runs):
                continue
            if number in allowed:
                used.add(number)
                continue
            problems.append(
                f"{where}: {number} is shown by no run of the section, follows "
                "from no statement, and the page's front matter does not allow "
                "it (numbers: {" + f'"{number}": <why>' + "})"
            )
    for number in sorted(allowed.keys() - used):
        problems.append(
            f"{rel}: front matter allows {number}, which the prose does not state "
            "or a run already shows"
        )
    return problems
