# --8<-- [start:counts]
# Train the question's network as snippets/training/train.py does,
# then draw the 96 numbers of its first layer as coloured cells: for
# a desktop (kernel.svg, kernel.zh.svg) the kernel as a 2 x 32 grid
# and the bias as a strip of 32, for a phone (kernel.phone.svg,
# kernel.phone.zh.svg) one row per neuron, in English and Chinese.
from html import escape

import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # the same weights every run

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)  # x1 AND x2

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.1),
    loss="binary_crossentropy",
)
model.fit(X, y, epochs=30, verbose=0)

first = model.layers[0]
kernel = first.kernel.numpy()  # shape (2, 32): inputs x neurons
bias = first.bias.numpy()  # shape (32,): one per neuron
n_in, units = kernel.shape
# One colour scale for all 96 cells: blue below 0, red above.
limit = float(np.ceil(max(abs(kernel).max(), abs(bias).max())))

BLUE, RED = (33, 102, 172), (178, 24, 43)


def colour(value):
    """White at 0, deepening to blue or red at -limit and +limit."""
    t = min(abs(value) / limit, 1.0)
    end = RED if value > 0 else BLUE
    rgb = (round(255 + (c - 255) * t) for c in end)
    return "#{:02x}{:02x}{:02x}".format(*rgb)


count = kernel.size + bias.size
second = model.layers[2]
k2, b2 = (int(w.numpy().size) for w in second.weights)
# --8<-- [end:counts]

# The words of each language. `Code` between backticks (a name the
# program uses) stays as it is, in a monospace font.
WORDS = {
    "en": {
        "title": "The trained kernel and bias of Dense({units})",
        "desc": "A grid of {n_in} rows by {units} columns, one cell "
        "per kernel weight ({k}), and a strip of {b} cells, one per "
        "bias: {count} numbers, blue below 0 and red above, "
        "from {low} to {high}.",
        "after": "`Dense({units})` after training:",
        "kernel": "`kernel` {shape} = {k} weights",
        "bias": "`bias` {shape} = {b}",
        "neuron": "neuron",
        "from": "from `x{i}`",
        "per neuron": "one `bias` per neuron, added after the `kernel`",
        "scale": "value of the weight: blue below 0, red above",
        "count": "{k} + {b} = {count} numbers that training set;",
        "next": "the next layer adds {k2} + {b2} = {t2}.",
    },
    "zh": {
        "title": "Dense({units}) 训练后的 kernel 与 bias",
        "desc": "一个 {n_in} 行 {units} 列的网格，每格一个 kernel "
        "权重（{k} 个），和一条 {b} 格的色带，每格一个偏置："
        "共 {count} 个数，小于 0 为蓝，大于 0 为红，"
        "从 {low} 到 {high}。",
        "after": "训练后的 `Dense({units})`：",
        "kernel": "`kernel` {shape} = {k} 个权重",
        "bias": "`bias` {shape} = {b} 个数",
        "neuron": "神经元",
        "from": "来自 `x{i}`",
        "per neuron": "每个神经元一个 `bias`，加在 `kernel` 之后",
        "scale": "权重的值：小于 0 为蓝，大于 0 为红",
        "count": "训练设定了 {k} + {b} = {count} 个数；",
        "next": "下一层再加 {k2} + {b2} = {t2} 个。",
    },
}
NUMBERS = {
    "units": units,
    "n_in": n_in,
    "k": kernel.size,
    "b": bias.size,
    "count": count,
    "low": f"{-limit:g}",
    "high": f"{limit:g}",
    "k2": k2,
    "b2": b2,
    "t2": k2 + b2,
}


def rich(words):
    """SVG text of words whose `backticked` parts are monospace."""
    return "".join(
        escape(part)
        if i % 2 == 0
        else f'<tspan font-family="monospace">{escape(part)}</tspan>'
        for i, part in enumerate(words.split("`"))
        if part
    )


# --8<-- [start:draw]
def draw(lang, phone):
    """The heat map's SVG, and how many cells of each kind it has."""
    say = {
        key: words.format(
            **NUMBERS,
            shape=kernel.shape if "kernel" in key else bias.shape,
            i="{i}",
        )
        for key, words in WORDS[lang].items()
    }
    svg = []

    def text(x, y, words, anchor="start", weight="normal", size=None):
        size = f' font-size="{size}"' if size else ""
        svg.append(
            f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" '
            f'font-weight="{weight}"{size}>{rich(str(words))}</text>'
        )

    def cell(x, y, w, h, value, cls, name):
        svg.append(
            f'<rect class="{cls}" x="{x:g}" y="{y:g}" width="{w}" '
            f'height="{h}" fill="{colour(value)}" stroke="#9e9e9e" '
            f'stroke-width="0.5"><title>{name} = {value:.3f}</title>'
            "</rect>"
        )

    def step(x, y, w, h, value):
        svg.append(
            f'<rect x="{x:g}" y="{y:g}" width="{w}" height="{h}" '
            f'fill="{colour(value)}" stroke="#9e9e9e" '
            'stroke-width="0.5"/>'
        )

    steps = np.linspace(-limit, limit, 9)  # the colour scale
    ends = [f"{-limit:g}", "0", f"+{limit:g}"]
    if phone:  # one row per neuron, the scale beside the grid
        W, SIZE, LEFT, TOP, COL, ROW = 360, 13, 76, 112, 56, 13
        text(16, 24, say["after"], weight="bold")
        text(16, 46, say["kernel"])
        text(16, 66, say["bias"])
        heads = [say["from"].format(i=i + 1) for i in range(n_in)]
        heads += ["`bias`"]
        for c, head in enumerate(heads):
            x = LEFT + COL * c + (12 if c == n_in else 0) + COL / 2
            text(x, TOP - 10, head, "middle")
        text(LEFT - 10, TOP - 10, say["neuron"], "end")
        for j in range(units):
            y0 = TOP + ROW * j
            if j in (0, units - 1) or (j + 1) % 8 == 0:
                text(LEFT - 10, y0 + 11, j + 1, "end", size=12)
            for i in range(n_in):
                x0 = LEFT + COL * i
                value = kernel[i, j]
                cell(
                    x0,
                    y0,
                    COL,
                    ROW,
                    value,
                    "kernel",
                    f"kernel[{i}, {j}]",
                )
            x0 = LEFT + COL * n_in + 12
            cell(x0, y0, COL, ROW, bias[j], "bias", f"bias[{j}]")
        x0 = LEFT + COL * (n_in + 1) + 28
        for k, value in enumerate(steps[::-1]):
            step(x0, TOP + 20 * k, 16, 20, value)
        for k, end in zip((0, 4.5, 9), ends[::-1], strict=True):
            text(x0 + 22, TOP + 20 * k + 5, end, size=12)
        y = TOP + ROW * units + 30
        for key in ("scale", "per neuron", "count", "next"):
            text(16, y, say[key])
            y += SIZE + 8
        H = y + 4
    else:  # the kernel as a 2 x 32 grid, the bias as a strip below
        W, SIZE, LEFT, CELL = 720, 14, 108, 18
        TOP_K = 70
        TOP_B = TOP_K + CELL * n_in + 48
        after = say["after"] + " " + say["kernel"] + ", " + say["bias"]
        text(LEFT, 28, after, weight="bold")
        for j in range(units):  # neuron numbers above the columns
            if j in (0, units - 1) or (j + 1) % 8 == 0:
                text(
                    LEFT + CELL * (j + 0.5), TOP_K - 8, j + 1, "middle"
                )
        text(LEFT - 10, TOP_K - 8, say["neuron"], "end")
        for i in range(n_in):
            y0 = TOP_K + CELL * i
            text(LEFT - 10, y0 + 14, say["from"].format(i=i + 1), "end")
            for j in range(units):
                value = kernel[i, j]
                x0 = LEFT + CELL * j
                cell(
                    x0,
                    y0,
                    CELL,
                    CELL,
                    value,
                    "kernel",
                    f"kernel[{i}, {j}]",
                )
        text(LEFT - 10, TOP_B + 14, "`bias`", "end")
        for j in range(units):
            x0 = LEFT + CELL * j
            cell(x0, TOP_B, CELL, CELL, bias[j], "bias", f"bias[{j}]")
        text(LEFT, TOP_B - 12, say["per neuron"])
        y0 = TOP_B + CELL + 40
        for k, value in enumerate(steps):
            step(LEFT + 24 * k, y0, 24, 12, value)
        for k, end in zip((0, 4.5, 9), ends, strict=True):
            text(LEFT + 24 * k, y0 + 30, end, "middle")
        text(LEFT + 24 * 10, y0 + 11, say["scale"])
        text(LEFT, y0 + 62, say["count"] + " " + say["next"])
        H = y0 + 84
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
        f'height="{H}" viewBox="0 0 {W} {H}" role="img" '
        'aria-labelledby="title desc" font-family="sans-serif" '
        f'font-size="{SIZE}" fill="#212121">',
        f'<title id="title">{escape(say["title"])}</title>',
        f'<desc id="desc">{escape(say["desc"])}</desc>',
        f'<rect class="card" x="0.5" y="0.5" width="{W - 1}" '
        f'height="{H - 1}" rx="8" fill="#fff" stroke="#bdbdbd"/>',
    ]
    cells = {
        c: sum(f'class="{c}"' in s for s in svg)
        for c in ("kernel", "bias")
    }
    return "\n".join([*head, *svg, "</svg>"]) + "\n", cells


for lang in WORDS:
    for phone in (False, True):
        name = "kernel" + (".phone" if phone else "")
        name += "" if lang == "en" else f".{lang}"
        figure, cells = draw(lang, phone)
        with open(f"{name}.svg", "w", encoding="utf-8") as f:
            f.write(figure)
        print(
            f"{name}.svg: {cells['kernel']} kernel cells "
            f"{kernel.shape}, {cells['bias']} bias cells {bias.shape}"
        )
print(f"colour scale: {-limit:g} (blue) to +{limit:g} (red)")
for name, values in (("kernel", kernel), ("bias", bias)):
    print(
        f"{name:<6} min {values.min():7.3f}  max {values.max():7.3f}"
        f"  mean {values.mean():7.3f}"
    )
# --8<-- [end:draw]
