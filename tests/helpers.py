"""What several test files share: tampering with copies, the question's model, and
reading a summary table."""

import re


def edit(path, old, new):
    """Replace the first `old` in a file by `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def joined(problems):
    """The problems a check reported, as one text; it must have reported some."""
    assert problems, "the check did not notice"
    return "\n".join(problems)


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


def visible_text(html: str) -> str:
    """A built page's text as a reader reads it: no tags, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
