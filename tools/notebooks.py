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

Each notebook has a Chinese counterpart, <name>.zh.ipynb (the suffix layout of
mkdocs-static-i18n): the executed English notebook with its Markdown cells in
Chinese (the `zh` texts below) and the Chinese alt text on its image outputs. It is
written from the English notebook, never executed itself, so its code cells and
outputs are the English notebook's.

Usage: python -m tools.notebooks [NAME ...]   (default: every notebook)
       python -m tools.notebooks --translations [NAME ...]   (Chinese ones only,
       from the committed English notebooks, executing nothing)
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
    zh: str  # the same cell in the Chinese notebook (<name>.zh.ipynb)


@dataclass(frozen=True)
class Snippet:
    name: str  # relative to snippets/, e.g. "answer/summary.py"


@dataclass(frozen=True)
class Code:
    """A short cell of the notebook's own, between snippets (not from snippets/).

    alt_zh: the alt text its image output has in the Chinese notebook (the code, and
    so the English alt text it sets, is the same in both notebooks)."""

    source: str
    alt_zh: str | None = None


@dataclass(frozen=True)
class Quoted:
    """A snippet shown in a Markdown cell, not run: the question's code that fails."""

    name: str
    before: str
    after: str
    before_zh: str
    after_zh: str


@dataclass(frozen=True)
class Notebook:
    name: str  # docs/notebooks/<name>.ipynb, and its translation <name>.zh.ipynb
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
    ")",
    alt_zh=(
        "折线图：训练损失在 30 个轮次中稳步下降，从第一个轮次的约 0.68 "
        "降到最后一个轮次的约 0.09。"
    ),
)

INTRO = (
    "Every code cell that is a program is a file of the site's `snippets/` "
    "folder, unchanged, and the outputs are what it printed when the notebook "
    "was generated. Run it top to bottom in a fresh kernel (Jupyter, VS Code, "
    "Colab): timings will differ, and other versions of Keras may print "
    "slightly other numbers."
)
INTRO_ZH = (
    "凡是程序的代码单元格，都是本站 `snippets/` 文件夹里的一个文件，一字未改；"
    "输出就是生成这个 Notebook 时它打印的内容。请在一个全新的内核里从头到尾运行"
    "（Jupyter、VS Code、Colab 都可以）：耗时会不一样，换一个版本的 Keras，"
    "打印的数也可能略有出入。"
)
SESSIONS = (
    "**Why `clear_session()` between programs.** Each program below is "
    "complete on its own, as on the site. In one kernel Keras keeps counting "
    "layer names: the second model's first layer would be `dense_2`, not "
    "`dense`. The small cell before each program starts a fresh Keras session, "
    "so every program prints here what it prints when run alone."
)
SESSIONS_ZH = (
    "**为什么程序之间要调用 `clear_session()`。** 和在本站上一样，下面每个程序"
    "都是完整的。在同一个内核里，Keras 会接着给层编号：第二个模型的第一层会叫 "
    "`dense_2`，而不是 `dense`。每个程序前面的那个小单元格会开启一个全新的 "
    "Keras 会话，所以每个程序在这里打印的，和它单独运行时打印的一模一样。"
)
WHICH_KERAS = Markdown(
    "Which Keras runs this notebook:", "运行这个 Notebook 的 Keras："
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
                "numpy.\n\n" + INTRO,
                "# 答案（Notebook 版）\n\n"
                "有人提问：`Dense(32, input_dim=X.shape[1])` 里的 32 是什么意思？"
                "自己的网络又是什么样子？这个 Notebook 把答案实际运行一遍：Keras "
                "打印的摘要、每个权重的形状、手算出的 129 个参数，以及用 numpy "
                "重新算一遍的网络。\n\n" + INTRO_ZH,
            ),
            WHICH_KERAS,
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
                before_zh="## 问题\n\n提问者的程序，一字未改。它是为 Keras 2 写的：",
                after_zh=(
                    "在今天的 Keras 上，它运行到第三行就停下了，报错 "
                    "`{last_error_line}`：模块 `keras.layers.core` 已经不存在了。"
                    "修复只需改一行导入："
                    "`from keras.layers import Activation, Dense`。"
                ),
            ),
            Markdown(
                "## What `model.summary()` prints today\n\n"
                "The learner's program, changed only where Keras 3 needs it "
                "(the import), with `model.summary()` at the end:",
                "## 今天的 `model.summary()` 打印什么\n\n"
                "这就是提问者的程序，只改了 Keras 3 非改不可的地方（导入那一行），"
                "并在末尾加上 `model.summary()`：",
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
                "that form. Same layers, same 129 parameters, no warning.",
                "- **32** 是 `units`：神经元的个数。每个样本离开第一层时都是 32 "
                "个数，所以输出形状是 `(None, 32)`；`None` 是批量轴，表示样本数"
                "任意。\n"
                "- **`input_dim=X.shape[1]`** 是 2，即特征的个数（`X` 的列数）。"
                "`X` 的 4 行是样本，与这一层的大小无关。\n"
                "- **96** = 2·32 + 32：一个形状为 (2, 32) 的 kernel，加上 32 个"
                "偏置（bias）。第二个 Dense 层是 **33** = 32·1 + 1。激活函数不拥有"
                "权重：合计 **129** 个参数，每个 4 字节（516 B）。\n\n"
                "Keras 3 还会（在 stderr 上，用红字）警告：比起 `input_dim`，它更"
                "推荐 `keras.Input(shape=(2,))`。下面的程序都用这种写法：层相同，"
                "参数同样是 129 个，也没有警告。",
            ),
            Markdown(
                "## Every weight and its shape\n\n" + SESSIONS,
                "## 每个权重及其形状\n\n" + SESSIONS_ZH,
            ),
            RESET,
            Snippet("check/weight_shapes.py"),
            Markdown(
                "The kernel (2, 32) has a row per input feature and a column per "
                "neuron; the bias has one entry per neuron. The Activation layers "
                "own nothing.",
                "kernel (2, 32) 的每一行对应一个输入特征，每一列对应一个神经元；"
                "bias 每个神经元一项。两个 Activation 层不拥有任何权重。",
            ),
            Markdown("## Count by hand, then ask Keras", "## 先手算，再问 Keras"),
            RESET,
            Snippet("check/count_by_hand.py"),
            Markdown(
                "`count_params()` agrees with the count by hand for every layer "
                "and for the whole model.",
                "无论是每一层还是整个模型，`count_params()` 都与手算的结果一致。",
            ),
            Markdown(
                "## A forward pass in numpy\n\n"
                "The network is two matrix products, each followed by an "
                "activation. Numpy alone, given the model's weights, computes "
                "what `model.predict` computes:",
                "## 用 numpy 做一次前向传播\n\n"
                "这个网络就是两次矩阵乘法，每次之后接一个激活函数。只要拿到模型的"
                "权重，单靠 numpy 就能算出 `model.predict` 算出的结果：",
            ),
            RESET,
            Snippet("check/forward_pass.py"),
            Markdown(
                "## 4 rows or 1000: the same network\n\n"
                "The rows of `X` are samples. Their number is not part of the "
                "network, which is why the summary shows the batch axis as "
                "`None`:",
                "## 4 行还是 1000 行：同一个网络\n\n"
                "`X` 的行是样本。样本的个数不是网络的一部分，所以摘要把批量轴"
                "显示为 `None`：",
            ),
            RESET,
            Snippet("check/batch_size.py"),
            Markdown(
                "The same 129 parameters serve any number of samples. The "
                "training notebook trains this network on the question's data.",
                "同样的 129 个参数可以处理任意多个样本。另一个 Notebook"
                "《训练这个网络》会用问题中的数据来训练它。",
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
                "then looks at what the softmax in its hidden layer does.\n\n" + INTRO,
                "# 训练这个网络（Notebook 版）\n\n"
                "提问者的数据是 **AND**（逻辑与）的真值表：只有当两个输入都是 1 "
                "时，`y` 才是 1。这个 Notebook 就用它来训练问题中的网络，并且设定"
                "了随机种子，所以每次运行打印的数都一样；然后再看看隐藏层里的 "
                "softmax 做了什么。\n\n" + INTRO_ZH,
            ),
            WHICH_KERAS,
            SETUP,
            Markdown(
                "## Train and read the log\n\n"
                "`1/1` is one batch per epoch (4 samples fit in one batch); "
                "`ms/step` is the time per batch, which changes from run to run. "
                "The loss falls as the optimizer adjusts the 129 parameters.",
                "## 训练并读懂日志\n\n"
                "`1/1` 表示每个轮次只有一个批量（4 个样本装得进一个批量）；"
                "`ms/step` 是每个批量所用的时间，每次运行都不一样。随着优化器调整"
                "这 129 个参数，损失逐渐下降。",
            ),
            Snippet("training/train.py"),
            Markdown(
                "The four predictions end on the right side of 0.5. Training "
                "changed the values of the weights, not their shapes. The "
                "program also wrote its loss curve to `loss_curve.svg`:",
                "最后四个预测都落在 0.5 正确的一侧。训练改变的是权重的值，而不是"
                "它们的形状。这个程序还把损失曲线写进了 `loss_curve.svg`：",
            ),
            SHOW_LOSS_CURVE,
            Markdown(
                "## Softmax in the hidden layer\n\n"
                "Softmax turns its inputs into positive numbers that **sum to "
                "1**. Here is what it does to each sample's 32 hidden outputs.\n\n"
                + SESSIONS,
                "## 隐藏层里的 softmax\n\n"
                "softmax 把它的输入变成**总和为 1** 的一组正数。下面看看它对每个"
                "样本的 32 个隐藏输出做了什么。\n\n" + SESSIONS_ZH,
            ),
            RESET,
            Snippet("training/softmax_hidden.py"),
            Markdown(
                "For the input `[0, 0]` all 32 outputs are exactly 1/32, because "
                "the untrained biases are zero. The hidden neurons share a fixed "
                "budget instead of each reporting on its own, which slows "
                "learning. Same data, same seed, same 30 epochs, one word "
                "changed:",
                "输入 `[0, 0]` 时，32 个输出全都恰好是 1/32，因为未训练的偏置都是"
                "零。隐藏神经元在瓜分一份固定的预算，而不是各自独立地给出结果，"
                "这会让学习变慢。同样的数据、同样的随机种子、同样的 30 个轮次，"
                "只改一个词：",
            ),
            RESET,
            Snippet("training/compare_activations.py"),
            Markdown(
                "All three networks have the same 129 parameters: activations own "
                "no weights. With `relu` or `tanh` the loss nearly reaches 0 in "
                "the time in which the softmax network is still on its way. "
                "Softmax in a hidden layer is legal, just an unusual choice.",
                "三个网络的参数都是同样的 129 个：激活函数不拥有权重。用 `relu` "
                "或 `tanh` 时，损失在同样的时间里就降到了几乎为 0，而 softmax "
                "网络还在半路上。在隐藏层里用 softmax 是允许的，只是不常见。",
            ),
        ),
    ),
)


def notebook_path(root: Path, name: str, language: str = "en") -> Path:
    """docs/notebooks/<name>.ipynb, or its translation <name>.<language>.ipynb (the
    suffix layout of mkdocs-static-i18n, as answer.zh.md is answer.md's)."""
    suffix = "" if language == "en" else f".{language}"
    return root / NOTEBOOKS_DIR / f"{name}{suffix}.ipynb"


def shown_source(root: Path, name: str) -> str:
    """A snippet as the pages show it: section markers out, no final newline."""
    text = (snippets_dir(root) / name).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not SECTION_MARKER.match(line)]
    return "\n".join(lines).rstrip("\n")


# --- Assembling ---------------------------------------------------------------


def assemble(
    root: Path, notebook: Notebook, language: str = "en"
) -> nbformat.NotebookNode:
    """The notebook without outputs, from the snippets as they are now; with
    language="zh", its Markdown cells are the Chinese ones (the code is the same)."""
    v4 = nbformat.v4
    zh = language == "zh"
    cells = []
    for part in notebook.parts:
        if isinstance(part, Markdown):
            cells.append(v4.new_markdown_cell(part.zh if zh else part.text))
        elif isinstance(part, Quoted):
            capture = read_capture(root, part.name)
            errors = capture.stderr.strip().splitlines() if capture else []
            after = (part.after_zh if zh else part.after).format(
                last_error_line=errors[-1] if errors else ""
            )
            before = part.before_zh if zh else part.before
            fence = f"```python\n{shown_source(root, part.name)}\n```"
            cells.append(
                v4.new_markdown_cell(
                    f"{before}\n\n{fence}\n\n{after}",
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


# --- The Chinese notebooks ----------------------------------------------------


def translate(root: Path, notebook: Notebook, english) -> nbformat.NotebookNode:
    """The Chinese notebook (<name>.zh.ipynb): the executed English notebook, cell for
    cell, with the Chinese Markdown cells in place of the English ones and the Chinese
    alt text on its image outputs. Its code cells and outputs are the English
    notebook's: a translation is never executed itself.

    Raises ValueError if the English notebook's cells are not the notebook's parts."""
    chinese = assemble(root, notebook, "zh")
    if [c.cell_type for c in english.cells] != [c.cell_type for c in chinese.cells]:
        raise ValueError(
            f"{notebook.name}.ipynb does not have the cells of the notebook "
            "tools/notebooks.py describes: regenerate it first"
        )
    nb = copy.deepcopy(english)
    for cell, zh_cell, part in zip(
        nb.cells, chinese.cells, notebook.parts, strict=True
    ):
        if cell.cell_type == "markdown":
            cell.source = zh_cell.source
        elif isinstance(part, Code) and part.alt_zh:
            for output in cell.outputs:
                metadata = output.get("metadata", {})
                for meta in (metadata, *metadata.values()):
                    if isinstance(meta, dict) and "alt" in meta:
                        meta["alt"] = part.alt_zh
    return nb


def translation_problems(root: Path, notebook: Notebook) -> list[str]:
    """The committed Chinese notebook is the committed English one translated: the
    same code cells and outputs, the Chinese text of tools/notebooks.py."""
    path = notebook_path(root, notebook.name, "zh")
    english_path = notebook_path(root, notebook.name)
    rel, english_rel = path.relative_to(root), english_path.relative_to(root)
    regenerate = "regenerate it: python -m tools.notebooks --translations"
    if not path.exists():
        return [f"{rel} is missing: {regenerate}"]
    stored = nbformat.read(path, as_version=4)
    try:
        expected = translate(root, notebook, nbformat.read(english_path, as_version=4))
    except ValueError as error:
        return [f"{rel}: {error}"]
    problems = []
    if len(stored.cells) != len(expected.cells):
        problems.append(
            f"{rel} has {len(stored.cells)} cells, {english_rel} has "
            f"{len(expected.cells)}"
        )
    for number, (old, new) in enumerate(
        zip(stored.cells, expected.cells, strict=False), start=1
    ):
        where = f"{rel}, cell {number} ({old.cell_type})"
        if old.cell_type != new.cell_type:
            problems.append(f"{where} is a {new.cell_type} cell in {english_rel}")
        elif old.cell_type == "markdown" and old.source != new.source:
            problems.append(f"{where} is not the Chinese text of tools/notebooks.py")
        elif old.cell_type == "code" and old.source != new.source:
            problems.append(f"{where} is not the code of {english_rel}")
        elif old.cell_type == "code" and old.outputs != new.outputs:
            problems.append(f"{where}: its outputs are not those of {english_rel}")
    if not problems and path.read_text(encoding="utf-8") != dumps(expected):
        problems.append(f"{rel} is not {english_rel} translated (ids, metadata)")
    if problems:
        problems.append(regenerate)
    return problems


def write_translation(root: Path, notebook: Notebook) -> bool:
    """Write <name>.zh.ipynb from the committed <name>.ipynb; True if it changed."""
    english = nbformat.read(notebook_path(root, notebook.name), as_version=4)
    text = dumps(translate(root, notebook, english))
    path = notebook_path(root, notebook.name, "zh")
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


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


def generate(root: Path, notebook: Notebook) -> tuple[list[str], list[str]]:
    """Assemble, execute and check one notebook; write it if it says something new,
    then its Chinese translation from it (not executed again).

    Returns (the names of the files written, problems); nothing is written when there
    are problems.
    """
    from nbclient.exceptions import CellExecutionError

    try:
        nb, files = execute(root, notebook, assemble(root, notebook))
    except CellExecutionError as error:
        return [], [f"{notebook.name}.ipynb raises, so it is not written:\n{error}"]
    problems = capture_problems(root, notebook, nb, files)
    if problems:
        return [], problems
    path = notebook_path(root, notebook.name)
    written = []
    keep = False
    if path.exists() and not source_problems(root, notebook):
        stored = nbformat.read(path, as_version=4)
        keep = not output_problems(stored, nb, path.name)  # says the same
    text = dumps(nb)
    if not keep and not (path.exists() and path.read_text(encoding="utf-8") == text):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path.name)
    if write_translation(root, notebook):
        written.append(notebook_path(root, notebook.name, "zh").name)
    return written, []


def translate_only(root: Path, notebook: Notebook) -> tuple[list[str], list[str]]:
    """Only the Chinese notebook, from the committed English one (no execution)."""
    problems = source_problems(root, notebook)
    if problems:
        return [], problems
    written = write_translation(root, notebook)
    return [notebook_path(root, notebook.name, "zh").name] if written else [], []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [n.name for n in NOTEBOOKS]
    parser.add_argument("notebooks", nargs="*", help=f"only these of {names}")
    parser.add_argument(
        "--translations",
        action="store_true",
        help="only write the Chinese notebooks from the committed English ones, "
        "executing nothing",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.notebooks) - set(names))
    if unknown:
        parser.error(f"no such notebook: {', '.join(unknown)}")
    chosen = [n for n in NOTEBOOKS if not args.notebooks or n.name in args.notebooks]

    make = translate_only if args.translations else generate
    with ThreadPoolExecutor(max_workers=len(chosen)) as pool:
        results = list(pool.map(lambda n: make(ROOT, n), chosen))
    problems = [p for _, found in results for p in found]
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        return 1
    changed = [name for written, _ in results for name in written]
    print(
        f"notebooks: {len(chosen)} "
        f"{'translated' if args.translations else 'executed'}; changed: "
        f"{', '.join(changed) or 'nothing'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
