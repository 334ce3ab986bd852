"""`python -m tools.notebooks`: the notebook edition, generated from the snippets.

Each notebook under docs/notebooks/ is a walkthrough assembled here: short Markdown
cells written below, and code cells that are snippets exactly as the pages show them
(section markers aside). Before every program but the first, a visible cell calls
`keras.backend.clear_session()`: Keras numbers layer names per session (dense,
dense_1, then dense_2...), so without it the second program would print other names
than the site shows for it. With it, each program prints in the notebook what it
prints when run on its own.

The notebook is executed top to bottom in one fresh kernel, with the capture
environment (tools/environment.py) and in an empty scratch folder (so loss_curve.svg
and the like do not land in the repository). Its outputs are cleaned as captures are
(ANSI codes, TensorFlow's start-up lines), then checked against the snippets' own
captures: the notebook must print what the pages show. Like `make outputs`, a run on
an unchanged tree changes no file: a committed notebook whose outputs say the same as
the new ones (tools.compare.compare: timings and float noise aside) is kept as it is.
Nothing time-dependent is stored (no execution timestamps; cell ids are fixed).

Usage: python -m tools.notebooks [NAME ...]   (default: every notebook)
"""

import argparse
import copy
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools.captures import differences, read_capture, snippets_dir
from tools.compare import clean_stderr, clean_stdout, compare
from tools.runner import Run, _written_files

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = Path("docs") / "notebooks"
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")
CELL_TIMEOUT = 600  # seconds; a cell that takes longer fails the generation

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
# What Jupyter needs to know about the language, without the exact Python version
# of the machine that executed it (nbclient would store that).
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}


# --- What a notebook is made of -----------------------------------------------


@dataclass(frozen=True)
class Markdown:
    text: str


@dataclass(frozen=True)
class Snippet:
    name: str  # relative to snippets/, e.g. "answer/summary.py"


@dataclass(frozen=True)
class Code:
    """A short cell of the notebook's own, between snippets (not from snippets/)."""

    source: str


@dataclass(frozen=True)
class Quoted:
    """A snippet shown in a Markdown cell, not run: the question's code that fails."""

    name: str
    before: str
    after: str


@dataclass(frozen=True)
class Notebook:
    name: str  # docs/notebooks/<name>.ipynb
    parts: tuple

    @property
    def snippets(self) -> list[str]:
        return [p.name for p in self.parts if isinstance(p, Snippet)]


SETUP = Code(
    "import keras\n"
    "import tensorflow as tf\n"
    "\n"
    'print("Keras", keras.version(), "on TensorFlow", tf.version.VERSION)\n'
    "\n"
    "# The programs below run one after another in this kernel, and\n"
    "# TensorFlow counts their traced functions together: it would warn\n"
    '# about "retracing", which none of them does when run on its own.\n'
    'tf.get_logger().setLevel("ERROR")'
)
RESET = Code(
    "# A fresh Keras session: the next program names its layers dense,\n"
    "# dense_1, ... as it does when run on its own.\n"
    "keras.backend.clear_session()"
)
SHOW_LOSS_CURVE = Code(
    "from IPython.display import SVG\n"
    "\n"
    "# The plot the program above wrote, described for screen readers.\n"
    "SVG(\n"
    '    filename="loss_curve.svg",\n'
    "    metadata={\n"
    '        "alt": "Line chart: the training loss falls steadily over 30 "\n'
    '        "epochs, from about 0.68 at the first to about 0.09 at the last."\n'
    "    },\n"
    ")"
)

INTRO = (
    "Every code cell that is a program is a file of the site's `snippets/` "
    "folder, unchanged, and the outputs are what it printed when the notebook "
    "was generated. Run it top to bottom in a fresh kernel (Jupyter, VS Code, "
    "Colab): timings will differ, and other versions of Keras may print "
    "slightly other numbers."
)
SESSIONS = (
    "**Why `clear_session()` between programs.** Each program below is "
    "complete on its own, as on the site. In one kernel Keras keeps counting "
    "layer names: the second model's first layer would be `dense_2`, not "
    "`dense`. The small cell before each program starts a fresh Keras session, "
    "so every program prints here what it prints when run alone."
)

NOTEBOOKS = (
    Notebook(
        "answer",
        (
            Markdown(
                "# The answer, as a notebook\n\n"
                "A learner asked what the 32 in `Dense(32, input_dim=X.shape[1])` "
                "means, and what their network looks like. This notebook runs the "
                "answer: the summary Keras prints, the shape of every weight, the "
                "129 parameters counted by hand, and the network recomputed with "
                "numpy.\n\n" + INTRO
            ),
            Markdown("Which Keras runs this notebook:"),
            SETUP,
            Quoted(
                "question/as_asked.py",
                before=(
                    "## The question\n\n"
                    "The learner's program, word for word. It was written for "
                    "Keras 2:"
                ),
                after=(
                    "On today's Keras it stops at its third line with "
                    "`{last_error_line}`: the module `keras.layers.core` no "
                    "longer exists. The fix is one import, "
                    "`from keras.layers import Activation, Dense`."
                ),
            ),
            Markdown(
                "## What `model.summary()` prints today\n\n"
                "The learner's program, changed only where Keras 3 needs it "
                "(the import), with `model.summary()` at the end:"
            ),
            Snippet("answer/summary.py"),
            Markdown(
                "- **32** is `units`: the number of neurons. Every sample leaves "
                "the first layer as 32 numbers, hence the output shape "
                "`(None, 32)`; `None` is the batch axis, any number of samples.\n"
                "- **`input_dim=X.shape[1]`** is 2, the number of features (the "
                "columns of `X`). The 4 rows are samples and never enter the "
                "layer's size.\n"
                "- **96** = 2·32 + 32: a kernel of shape (2, 32) and a bias of 32. "
                "**33** = 32·1 + 1 for the second Dense layer. The activations "
                "own no weights: **129** in all, 4 bytes each (516 B).\n\n"
                "Keras 3 also warns (in red, on stderr) that it prefers "
                "`keras.Input(shape=(2,))` to `input_dim`: the programs below use "
                "that form. Same layers, same 129 parameters, no warning."
            ),
            Markdown("## Every weight and its shape\n\n" + SESSIONS),
            RESET,
            Snippet("check/weight_shapes.py"),
            Markdown(
                "The kernel (2, 32) has a row per input feature and a column per "
                "neuron; the bias has one entry per neuron. The Activation layers "
                "own nothing."
            ),
            Markdown("## Count by hand, then ask Keras"),
            RESET,
            Snippet("check/count_by_hand.py"),
            Markdown(
                "`count_params()` agrees with the count by hand for every layer "
                "and for the whole model."
            ),
            Markdown(
                "## A forward pass in numpy\n\n"
                "The network is two matrix products, each followed by an "
                "activation. Numpy alone, given the model's weights, computes "
                "what `model.predict` computes:"
            ),
            RESET,
            Snippet("check/forward_pass.py"),
            Markdown(
                "## 4 rows or 1000: the same network\n\n"
                "The rows of `X` are samples. Their number is not part of the "
                "network, which is why the summary shows the batch axis as "
                "`None`:"
            ),
            RESET,
            Snippet("check/batch_size.py"),
            Markdown(
                "The same 129 parameters serve any number of samples. The "
                "training notebook trains this network on the question's data."
            ),
        ),
    ),
    Notebook(
        "training",
        (
            Markdown(
                "# Training it, as a notebook\n\n"
                "The learner's data is the truth table of **AND**: `y` is 1 only "
                "where both inputs are 1. This notebook trains the question's "
                "network on it, seeded so that every run prints the same numbers, "
                "then looks at what the softmax in its hidden layer does.\n\n" + INTRO
            ),
            Markdown("Which Keras runs this notebook:"),
            SETUP,
            Markdown(
                "## Train and read the log\n\n"
                "`1/1` is one batch per epoch (4 samples fit in one batch); "
                "`ms/step` is the time per batch, which changes from run to run. "
                "The loss falls as the optimizer adjusts the 129 parameters."
            ),
            Snippet("training/train.py"),
            Markdown(
                "The four predictions end on the right side of 0.5. Training "
                "changed the values of the weights, not their shapes. The "
                "program also wrote its loss curve to `loss_curve.svg`:"
            ),
            SHOW_LOSS_CURVE,
            Markdown(
                "## Softmax in the hidden layer\n\n"
                "Softmax turns its inputs into positive numbers that **sum to "
                "1**. Here is what it does to each sample's 32 hidden outputs.\n\n"
                + SESSIONS
            ),
            RESET,
            Snippet("training/softmax_hidden.py"),
            Markdown(
                "For the input `[0, 0]` all 32 outputs are exactly 1/32, because "
                "the untrained biases are zero. The hidden neurons share a fixed "
                "budget instead of each reporting on its own, which slows "
                "learning. Same data, same seed, same 30 epochs, one word "
                "changed:"
            ),
            RESET,
            Snippet("training/compare_activations.py"),
            Markdown(
                "All three networks have the same 129 parameters: activations own "
                "no weights. With `relu` or `tanh` the loss nearly reaches 0 in "
                "the time in which the softmax network is still on its way. "
                "Softmax in a hidden layer is legal, just an unusual choice."
            ),
        ),
    ),
)


def notebook_path(root: Path, name: str) -> Path:
    return root / NOTEBOOKS_DIR / f"{name}.ipynb"


def shown_source(root: Path, name: str) -> str:
    """A snippet as the pages show it: section markers out, no final newline."""
    text = (snippets_dir(root) / name).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not SECTION_MARKER.match(line)]
    return "\n".join(lines).rstrip("\n")


# --- Assembling ---------------------------------------------------------------


def assemble(root: Path, notebook: Notebook) -> nbformat.NotebookNode:
    """The notebook without outputs, from the snippets as they are now."""
    v4 = nbformat.v4
    cells = []
    for part in notebook.parts:
        if isinstance(part, Markdown):
            cells.append(v4.new_markdown_cell(part.text))
        elif isinstance(part, Quoted):
            capture = read_capture(root, part.name)
            errors = capture.stderr.strip().splitlines() if capture else []
            after = part.after.format(last_error_line=errors[-1] if errors else "")
            fence = f"```python\n{shown_source(root, part.name)}\n```"
            cells.append(
                v4.new_markdown_cell(
                    f"{part.before}\n\n{fence}\n\n{after}",
                    metadata={"snippet": f"snippets/{part.name}"},
                )
            )
        elif isinstance(part, Snippet):
            cells.append(
                v4.new_code_cell(
                    shown_source(root, part.name),
                    metadata={"snippet": f"snippets/{part.name}"},
                )
            )
        else:
            cells.append(v4.new_code_cell(part.source))
    for number, cell in enumerate(cells, start=1):
        cell.id = f"{notebook.name}-{number:02d}"  # fixed: no random ids in the diff
    nb = v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": LANGUAGE_INFO}
    return nb


def source_problems(root: Path, notebook: Notebook) -> list[str]:
    """The committed notebook is what the snippets give now (no execution needed)."""
    path = notebook_path(root, notebook.name)
    rel = path.relative_to(root)
    if not path.exists():
        return [f"{rel} is missing: python -m tools.notebooks (make outputs)"]
    stored = nbformat.read(path, as_version=4)
    expected = assemble(root, notebook)
    problems = []
    if len(stored.cells) != len(expected.cells):
        problems.append(
            f"{rel} has {len(stored.cells)} cells, the snippets give "
            f"{len(expected.cells)}"
        )
    for number, (old, new) in enumerate(
        zip(stored.cells, expected.cells, strict=False), start=1
    ):
        if (old.cell_type, old.source) != (new.cell_type, new.source):
            what = new.metadata.get("snippet", "the generator's text")
            problems.append(
                f"{rel}, cell {number} ({old.cell_type}) is not what {what} gives now"
            )
    if problems:
        problems.append("regenerate it: python -m tools.notebooks (make outputs)")
    return problems


# --- Executing and cleaning ---------------------------------------------------


def _merge_streams(outputs: list) -> list:
    """Cleaned outputs: streams joined by name (in order of first appearance),
    TensorFlow's start-up noise and ANSI codes dropped, empty streams gone."""
    streams: dict[str, nbformat.NotebookNode] = {}
    merged = []
    for output in outputs:
        if output.output_type == "stream":
            if output.name in streams:
                streams[output.name].text += output.text
            else:
                streams[output.name] = copy.deepcopy(output)
                merged.append(streams[output.name])
        else:
            merged.append(output)
    kept = []
    for output in merged:
        if output.output_type == "stream":
            clean = clean_stdout if output.name == "stdout" else clean_stderr
            output.text = clean(output.text)
            if not output.text:
                continue
        kept.append(output)
    return kept


def clean_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _merge_streams(cell.outputs)
            cell.metadata.pop("execution", None)
    nb.metadata["language_info"] = LANGUAGE_INFO
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    return nb


def execute(root: Path, notebook: Notebook, nb: nbformat.NotebookNode):
    """Run the notebook top to bottom in a fresh kernel, in a scratch folder.

    Returns the cleaned notebook and the files its programs wrote. Raises
    nbclient.exceptions.CellExecutionError if a cell raises.
    """
    from nbclient import NotebookClient

    from tools.environment import subprocess_env

    with tempfile.TemporaryDirectory(prefix=f"notebook-{notebook.name}-") as scratch:
        client = NotebookClient(
            copy.deepcopy(nb),
            timeout=CELL_TIMEOUT,
            kernel_name=KERNELSPEC["name"],
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": scratch}},
        )
        # The kernel's own stderr (TensorFlow's start-up, ipykernel's notices) is
        # not part of any cell's output.
        executed = client.execute(
            env=subprocess_env(), cwd=scratch, stderr=subprocess.DEVNULL
        )
        files = _written_files(Path(scratch))
    return clean_outputs(executed), files


def execute_file(path: Path) -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """Re-execute a stored notebook as a reader would: `jupyter nbconvert --execute`
    in a fresh kernel with the capture environment, in a scratch folder.

    Returns the cleaned notebook and the files its programs wrote."""
    from tools.environment import subprocess_env

    with tempfile.TemporaryDirectory(prefix="notebook-") as scratch:
        copied = Path(scratch) / path.name
        copied.write_bytes(path.read_bytes())
        proc = subprocess.run(
            [
                str(Path(sys.executable).with_name("jupyter")),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--inplace",
                f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}",
                "--ExecutePreprocessor.record_timing=False",
                copied.name,
            ],
            cwd=scratch,
            env=subprocess_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode:
            raise RuntimeError(
                f"{path.name} does not run top to bottom:\n{proc.stderr}"
            )
        executed = nbformat.read(copied, as_version=4)
        copied.unlink()
        return clean_outputs(executed), _written_files(Path(scratch))


# --- Comparing ----------------------------------------------------------------


def _texts(cell) -> dict[str, str]:
    """What a code cell shows, by stream and by kind of rich output."""
    texts: dict[str, str] = {}
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            key = output.name
            texts[key] = texts.get(key, "") + output.text
        elif output.output_type == "error":
            key = "error"
            texts[key] = texts.get(key, "") + f"{output.ename}: {output.evalue}\n"
        else:
            for mime, data in sorted(output.get("data", {}).items()):
                key = f"{output.output_type} {mime}"
                value = data if isinstance(data, str) else json.dumps(data)
                texts[key] = texts.get(key, "") + value + "\n"
    return texts


def output_problems(stored, new, label: str) -> list[str]:
    """Where two executions of the same notebook disagree (tools.compare rules)."""
    problems = []
    if [c.source for c in stored.cells] != [c.source for c in new.cells]:
        return [f"{label}: the cells differ"]
    for number, (old, now) in enumerate(
        zip(stored.cells, new.cells, strict=True), start=1
    ):
        if old.cell_type != "code":
            continue
        before, after = _texts(old), _texts(now)
        for key in sorted(before.keys() | after.keys()):
            if key not in after:
                problems.append(f"{label}, cell {number}: no {key} output any more")
            elif key not in before:
                problems.append(f"{label}, cell {number}: a new {key} output")
            else:
                diff = compare(before[key], after[key])
                if diff:
                    problems.append(f"{label}, cell {number} ({key}):\n{diff}")
    return problems


def printed(cell) -> Run:
    """What a snippet's cell printed, as a capture of the snippet would record it:
    stdout with the text of rich outputs (Keras's summary is one), and stderr."""
    out, err = "", ""
    for output in cell.outputs:
        if output.output_type == "stream" and output.name == "stderr":
            err += output.text
        elif output.output_type == "stream":
            out += output.text
        elif "text/plain" in output.get("data", {}):
            out += output.data["text/plain"]
    return Run(clean_stdout(out), clean_stderr(err), 0)


def capture_problems(
    root: Path, notebook: Notebook, nb, files: dict[str, str]
) -> list[str]:
    """The notebook prints what the pages show: each snippet cell's output equals
    the snippet's capture, and the files written equal the captured files."""
    problems = []
    written_by = {}
    for number, cell in enumerate(nb.cells, start=1):
        name = cell.metadata.get("snippet", "")[len("snippets/") :]
        if cell.cell_type != "code" or not name:
            continue
        captured = read_capture(root, name)
        if captured is None:
            problems.append(f"snippets/{name} was never captured: make outputs")
            continue
        for filename in captured.files:
            written_by[filename] = captured.files[filename]
        shown = Run(captured.stdout, captured.stderr, 0)
        for what, diff in differences(shown, printed(cell)).items():
            problems.append(
                f"{notebook.name}.ipynb, cell {number} (snippets/{name}): its "
                f"{what} in the notebook is not its capture:\n{diff}"
            )
    for filename, text in written_by.items():
        if filename not in files:
            problems.append(f"{notebook.name}.ipynb: wrote no {filename}")
        elif diff := compare(text, files[filename]):
            problems.append(f"{notebook.name}.ipynb: {filename} differs:\n{diff}")
    return problems


# --- Writing ------------------------------------------------------------------


def dumps(nb: nbformat.NotebookNode) -> str:
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def generate(root: Path, notebook: Notebook) -> tuple[bool, list[str]]:
    """Assemble, execute and check one notebook; write it if it says something new.

    Returns (written, problems); nothing is written when there are problems.
    """
    from nbclient.exceptions import CellExecutionError

    try:
        nb, files = execute(root, notebook, assemble(root, notebook))
    except CellExecutionError as error:
        return False, [f"{notebook.name}.ipynb raises, so it is not written:\n{error}"]
    problems = capture_problems(root, notebook, nb, files)
    if problems:
        return False, problems
    path = notebook_path(root, notebook.name)
    if path.exists() and not source_problems(root, notebook):
        stored = nbformat.read(path, as_version=4)
        if not output_problems(stored, nb, path.name):
            return False, []  # says the same: keep the committed file as it is
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dumps(nb)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False, []
    path.write_text(text, encoding="utf-8")
    return True, []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [n.name for n in NOTEBOOKS]
    parser.add_argument("notebooks", nargs="*", help=f"only these of {names}")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.notebooks) - set(names))
    if unknown:
        parser.error(f"no such notebook: {', '.join(unknown)}")
    chosen = [n for n in NOTEBOOKS if not args.notebooks or n.name in args.notebooks]

    with ThreadPoolExecutor(max_workers=len(chosen)) as pool:
        results = list(pool.map(lambda n: generate(ROOT, n), chosen))
    problems = [p for _, found in results for p in found]
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        return 1
    changed = [
        n.name for n, (written, _) in zip(chosen, results, strict=True) if written
    ]
    print(
        f"notebooks: {len(chosen)} executed; changed: "
        f"{', '.join(f'{c}.ipynb' for c in changed) or 'nothing'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
