"""What several test files share: tampering with copies, the question's model,
reading captures and pages, and reading a summary table."""

import re

from tests.conftest import ROOT


def edit(path, old, new):
    """Replace the first `old` in a file by `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def joined(problems):
    """The problems a check reported, as one text; it must have reported some."""
    assert problems, "the check did not notice"
    return "\n".join(problems)


def captured(snippet: str):
    """The committed capture (a Run) of snippets/<snippet>, e.g. "why/collapse.py";
    the snippet must have been captured."""
    from densedocs.capture.store import read_capture

    run = read_capture(ROOT, snippet)
    assert run is not None, f"snippets/{snippet} was never captured"
    return run


# A Keras training log (verbose=2): each epoch's line ends "- loss: 0.6763", after
# "- accuracy: 0.7500" where the model has the metric; train.py's predictions are
# "input [0. 0.]  target 0  prediction 0.0308".
LOSS = re.compile(r"- loss: (\d+\.\d+)$", re.M)
ACCURACY_AND_LOSS = re.compile(r"- accuracy: (\d+\.\d+) - loss: (\d+\.\d+)$", re.M)
PREDICTION = re.compile(r"prediction (\d\.\d{4})$", re.M)


def logged_losses(out: str) -> list[float]:
    """Every epoch's loss, in the order a training log printed them."""
    return [float(loss) for loss in LOSS.findall(out)]


def logged_epochs(out: str) -> list[tuple[str, str]]:
    """Every epoch's (accuracy, loss), as the log printed them."""
    return ACCURACY_AND_LOSS.findall(out)


def printed_predictions(out: str) -> list[str]:
    """train.py's four predictions, as printed (4 decimals)."""
    return PREDICTION.findall(out)


def printed(snippet: str) -> str:
    """What snippets/<snippet> printed, from its capture; it must have run cleanly
    (exit status 0, nothing on stderr)."""
    run = captured(snippet)
    assert run.exit_status == 0, f"snippets/{snippet} exited {run.exit_status}"
    assert run.stderr == "", f"snippets/{snippet} wrote to stderr:\n{run.stderr}"
    return run.stdout


def page_text(name: str) -> str:
    """The Markdown of docs/<name> (e.g. "why.md", "why.zh.md") as written."""
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def page_prose(name: str) -> str:
    """The prose of docs/<name> as a reader reads it (the page model's, which the
    claims check reads), spaces folded: where a test finds a sentence's words."""
    from densedocs.pages import read

    return re.sub(r"\s+", " ", read(ROOT, ROOT / "docs" / name).prose)


def section_anchors(name: str) -> list[str]:
    """The fixed anchors ({ #anchor }) of a page's section and subsection headings
    (## and ###), in the page's order."""
    return re.findall(r"^#{2,3} .*\{ #([\w-]+) \}$", page_text(name), flags=re.M)


def folded(text: str) -> str:
    """Markdown or output as read: emphasis and code marks dropped, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"\*\*|`", "", text)).strip()


def question_model(first_layer: str = "keras.Input"):
    """The question's network, its input given as Keras 3 prefers (or, with
    first_layer="input_dim", as the learner wrote it), in a fresh Keras session."""
    import keras
    from keras import layers

    keras.backend.clear_session()
    if first_layer == "input_dim":
        head = [layers.Dense(32, input_dim=2)]
    else:
        head = [keras.Input(shape=(2,)), layers.Dense(32)]
    return keras.Sequential(
        [
            *head,
            layers.Activation("softmax"),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )


def sequential(*entries):
    """keras.Sequential of these layers (and keras.Input), in the current session."""
    import keras

    return keras.Sequential(list(entries))


def model_input(shape=(2,), **kwargs):
    """keras.Input, by default of the question's 2 features."""
    import keras

    return keras.Input(shape=shape, **kwargs)


def dense_counts(model) -> list[tuple[int, int, int, int]]:
    """(inputs, units, kernel weights, biases) of each Dense layer of a model."""
    found = []
    for layer in model.layers:
        if layer.weights:
            n, units = layer.kernel.shape
            found.append((n, units, n * units, layer.bias.shape[0]))
    return found


def summary_text(model, **options) -> str:
    """The summary a model prints (model.summary(**options)), as a string. Keras 3
    hands print_fn the whole table at once; the Keras 2 API, one line at a time."""
    lines = []
    model.summary(print_fn=lambda line, **_: lines.append(line), **options)
    return "\n".join(lines)


# A row of a summary table, Keras 3's (│ ... │) or the Keras 2 API's and the 2017
# answer's (plain columns): name, output shape, parameters. A long type name wraps
# onto the next row, which has no shape.
SUMMARY_ROW = re.compile(
    r"^[│ ]*(\w+)(?: \(\w+\))?\s+[│ ]*(\([^)]*\)|\?)\s+[│ ]*([\d,]+)", re.M
)


def summary_rows(output: str) -> list[tuple[str, str, int]]:
    """(name, output shape, parameters) of every row of every summary in an output."""
    return [
        (name, shape, int(params.replace(",", "")))
        for name, shape, params in SUMMARY_ROW.findall(output)
    ]


def matplotlib_markers(svg: str) -> int:
    """How many points a matplotlib SVG marks: it draws each marker as a <use> of
    one marker path (and the ticks of each axis as uses of two others), so the
    most used path is the data's."""
    uses = re.findall(r'xlink:href="#(m[0-9a-f]+)"', svg)
    return max(uses.count(marker) for marker in set(uses))


def matplotlib_size(svg: str) -> tuple[float, float]:
    """A matplotlib SVG's width and height in CSS pixels (it writes points, and
    1 pt = 4/3 px)."""
    found = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    return tuple(float(points) * 4 / 3 for points in found.groups())


def visible_text(html: str) -> str:
    """A built page's text as a reader reads it: no tags, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def calculator_layers(query: str) -> tuple[int, tuple[tuple[int, bool, str, str], ...]]:
    """(inputs, ((units, use_bias, dtype, activation), ...)) of a link to the
    calculator (calculator.md?input=2&units=32,1&activation=softmax,sigmoid), with
    the calculator's defaults: a bias, float32, no activation."""
    from urllib.parse import parse_qs, urlsplit

    params = {k: v[0].split(",") for k, v in parse_qs(urlsplit(query).query).items()}
    units = [int(u) for u in params["units"]]

    def listed(key, default):
        return params.get(key, [default] * len(units))

    layers = zip(
        units,
        [b == "1" for b in listed("bias", "1")],
        listed("dtype", "float32"),
        listed("activation", "none"),
        strict=True,
    )
    return int(params["input"][0]), tuple(layers)


def calculator_model(inputs: int, layers_: tuple[tuple[int, bool, str, str], ...]):
    """The Keras model a calculator configuration describes, as a reader writes it:
    each Dense(units, use_bias, dtype), then its Activation unless it is none."""
    import keras
    from keras import layers

    stack = [keras.Input(shape=(inputs,))]
    for units, bias, dtype, activation in layers_:
        stack.append(layers.Dense(units, use_bias=bias, dtype=dtype))
        if activation != "none":
            stack.append(layers.Activation(activation, dtype=dtype))
    return keras.Sequential(stack)
