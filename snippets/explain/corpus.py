# The test corpus of "Explain your model" (docs/explain.md): seeded
# random models over every layer the page explains. Each model's code
# is run here, in Keras 3 and in tf-keras, and corpus.json keeps the
# code in the forms the page accepts, both summaries, and Keras's own
# per-layer counts and output shapes. Names count up over the run, as
# in a notebook (dense_41). The tests paste all of it into the page;
# this prints how many models hold each layer type.
import contextlib
import io
import json
import math
import random
from collections import Counter

import keras
import tf_keras

MODELS = 300
rng = random.Random(0)


def pick(*choices):
    return rng.choice(choices)


def sized(low, high):
    return rng.randint(low, high)


def dense_block(features_rank):
    """Dense layers with what follows them, on any rank."""
    out = []
    for _ in range(sized(1, 3)):
        kwargs = {}
        if rng.random() < 0.25:
            kwargs["use_bias"] = False
        out.append(("Dense", [sized(1, 64)], kwargs))
        extra = pick(
            "Activation",
            "Dropout",
            "BatchNormalization",
            "LayerNormalization",
            None,
            None,
        )
        if extra == "Activation":
            out.append(("Activation", [pick("relu", "softmax")], {}))
        elif extra == "Dropout":
            out.append(("Dropout", [0.5], {}))
        elif extra:
            out.append((extra, [], norm_settings()))
    return out


def norm_settings():
    settings = {}
    if rng.random() < 0.2:
        settings["center"] = False
    if rng.random() < 0.2:
        settings["scale"] = False
    return settings


def conv(rank, size):
    kwargs = {}
    k = sized(1, 3)
    s = pick(1, 1, 2)
    if s != 1:
        kwargs["strides"] = s
    if rng.random() < 0.5:
        kwargs["padding"] = pick("same", "valid")
    if rng.random() < 0.2:
        kwargs["use_bias"] = False
    name = f"Conv{rank}D"
    return (name, [sized(1, 16), k], kwargs), (size - k) // s + 1


def image_model():
    rank = pick(1, 2)
    size = sized(8, 20)
    shape = (size, sized(1, 4)) if rank == 1 else (size, size, 3)
    body = []
    for _ in range(sized(1, 2)):
        layer, size = conv(rank, size)
        body.append(layer)
        if rng.random() < 0.3:
            body.append(("BatchNormalization", [], {}))
        if size >= 4 and rng.random() < 0.6:
            kind = pick("MaxPooling", "AveragePooling")
            bare = kind == "MaxPooling" and rng.random() < 0.5
            args = [] if bare else [2]
            body.append((f"{kind}{rank}D", args, {}))
            size //= 2
    end = pick("Global", "Flatten")
    if end == "Global":
        kind = pick("GlobalAveragePooling", "GlobalMaxPooling")
        body.append((f"{kind}{rank}D", [], {}))
    else:
        body.append(("Flatten", [], {}))
    body.append(("Dense", [sized(1, 10)], {}))
    return shape, body


def recurrent():
    kind = pick("SimpleRNN", "LSTM", "GRU")
    kwargs = {}
    if kind == "GRU" and rng.random() < 0.3:
        kwargs["reset_after"] = False
    if rng.random() < 0.15:
        kwargs["use_bias"] = False
    return (kind, [sized(1, 32)], kwargs)


def sequence_model():
    length = sized(3, 12)
    if rng.random() < 0.6:
        shape = (length,)
        body = [("Embedding", [sized(5, 500), sized(2, 16)], {})]
    else:
        shape = (length, sized(1, 8))
        body = []
    count = sized(1, 2)
    for i in range(count):
        layer = recurrent()
        if i < count - 1 or rng.random() < 0.3:
            layer[2]["return_sequences"] = True
        if rng.random() < 0.35:
            merge = {} if rng.random() < 0.7 else {"merge_mode": "sum"}
            layer = ("Bidirectional", [layer], merge)
        body.append(layer)
    if rng.random() < 0.5:
        body.append(("Dropout", [0.2], {}))
    body.append(("Dense", [sized(1, 10)], {}))
    return shape, body


def reshape_model():
    a, b = sized(2, 6), sized(2, 6)
    body = [("Dense", [a * b], {})]
    body.append(("Reshape", [(a, pick(b, -1))], {}))
    body.append(pick(("Conv1D", [sized(1, 8), 1], {}), recurrent()))
    body.append(("Flatten", [], {}))
    body.append(("Dense", [sized(1, 5)], {}))
    return (sized(1, 20),), body


def dense_model():
    rank = pick(1, 1, 1, 2)
    shape = (sized(1, 40),) if rank == 1 else (sized(2, 6), sized(1, 9))
    return shape, dense_block(rank)


def value(v):
    if isinstance(v, tuple):
        inner = ", ".join(value(x) for x in v)
        return f"({inner},)" if len(v) == 1 else f"({inner})"
    if isinstance(v, list):
        return call(v[0])
    return repr(v)


def call(layer, prefix="layers.", extra=""):
    name, args, kwargs = layer
    if name == "Bidirectional":
        parts = [call(args[0], prefix)]
    else:
        parts = [value(a) for a in args]
    parts += [f"{k}={value(v)}" for k, v in kwargs.items()]
    if extra:
        parts.append(extra)
    return f"{prefix}{name}({', '.join(parts)})"


def list_form(shape, body):
    """keras.Sequential([...]) with keras.Input: this form is run."""
    lines = [
        "import keras",
        "from keras import layers",
        "",
        "model = keras.Sequential(",
        "    [",
        f"        keras.Input(shape={value(shape)}),",
    ]
    lines += [f"        {call(layer)}," for layer in body]
    lines += ["    ]", ")", "model.summary()"]
    return "\n".join(lines) + "\n"


def add_form(shape, body, old):
    """model = Sequential() and model.add(...), the input on the first
    layer (input_dim= for one axis, input_shape= otherwise)."""
    names = sorted({layer[0] for layer in body} | inner_names(body))
    module = "keras.layers.core" if old else "keras.layers"
    lines = [
        "from keras.models import Sequential",
        f"from {module} import {', '.join(names)}",
        "",
        "model = Sequential()",
    ]
    first = True
    for layer in body:
        extra = ""
        if first:
            if len(shape) == 1 and layer[0] != "Embedding":
                extra = f"input_dim={shape[0]}"
            else:
                extra = f"input_shape={value(shape)}"
        lines.append(f"model.add({call(layer, '', extra)})")
        first = False
    lines.append("model.summary()")
    return "\n".join(lines) + "\n"


def inner_names(body):
    return {b[1][0][0] for b in body if b[0] == "Bidirectional"}


CORE = {"Dense", "Activation", "Dropout", "Flatten", "Reshape"}


def summary_of(model):
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        model.summary()
    return text.getvalue()


def built(code, library):
    found = {}
    source = code.replace("import keras", "import keras as keras")
    if library is tf_keras:
        source = source.replace(
            "import keras as keras", "import tf_keras as keras"
        )
        source = source.replace(
            "from keras import", "from tf_keras import"
        )
    exec(source.replace("model.summary()\n", ""), found)
    return found["model"]


def layer_rows(model):
    rows = []
    for layer in model.layers:
        weights = layer.trainable_weights
        trainable = sum(math.prod(w.shape) for w in weights)
        frozen = sum(
            math.prod(w.shape) for w in layer.non_trainable_weights
        )
        rows.append(
            {
                "type": type(layer).__name__,
                "params": layer.count_params(),
                "trainable": trainable,
                "non_trainable": frozen,
                "shape": str(tuple(layer.output.shape)),
            }
        )
    return rows


MAKERS = [dense_model, image_model, sequence_model, reshape_model]
corpus, types = [], Counter()
while len(corpus) < MODELS:
    shape, body = MAKERS[len(corpus) % len(MAKERS)]()
    code = list_form(shape, body)
    model = built(code, keras)
    keras3 = summary_of(model)
    rows = layer_rows(model)
    tf_summary = summary_of(built(code, tf_keras))
    only_core = {layer[0] for layer in body} <= CORE
    old = only_core and rng.random() < 0.5
    corpus.append(
        {
            "code": {"list": code, "add": add_form(shape, body, old)},
            "old_spelling": old,
            "keras3": keras3,
            "tf_keras": tf_summary,
            "layers": rows,
            "total": model.count_params(),
        }
    )
    types.update({row["type"] for row in rows})
    types.update(f"Bidirectional({n})" for n in inner_names(body))

with open("corpus.json", "w", encoding="utf-8") as file:
    json.dump({"models": corpus}, file, indent=1)
    file.write("\n")
print(f"{len(corpus)} models; how many hold each layer type:")
for name, count in sorted(types.items()):
    print(f"  {name:<26}{count:>4}")
