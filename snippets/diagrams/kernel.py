# Train the question's network as snippets/training/train.py does,
# then draw the 96 numbers of its first layer as coloured cells in
# kernel.svg: the kernel as a 2 x 32 grid, the bias as a strip of 32.
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


CELL, LEFT, W = 19, 92, 720
TOP_K, TOP_B = 70, 70 + CELL * n_in + 46
H = TOP_B + CELL + 124
svg = [
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
    f'height="{H}" viewBox="0 0 {W} {H}" role="img" '
    'aria-labelledby="title desc" font-family="sans-serif" '
    'font-size="14" fill="#212121">',
    '<title id="title">The trained kernel and bias of Dense(32)'
    "</title>",
    f'<desc id="desc">A grid of {n_in} rows by {units} columns, '
    f"one cell per kernel weight ({kernel.size}), and a strip of "
    f"{bias.size} cells, one per bias: {kernel.size + bias.size} "
    f"numbers, blue below 0 and red above, from {-limit:g} to "
    f"{limit:g}.</desc>",
    f'<rect x="0.5" y="0.5" width="{W - 1}" height="{H - 1}" '
    'rx="8" fill="#fff" stroke="#bdbdbd"/>',
]


def text(x, y, words, anchor="start", weight="normal", size=14):
    svg.append(
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" '
        f'font-weight="{weight}" font-size="{size}">{words}</text>'
    )


def cell(x, y, value, cls, name):
    svg.append(
        f'<rect class="{cls}" x="{x}" y="{y}" width="{CELL}" '
        f'height="{CELL}" fill="{colour(value)}" stroke="#9e9e9e" '
        f'stroke-width="0.5"><title>{name} = {value:.3f}</title></rect>'
    )


text(
    LEFT,
    28,
    f"Dense({units}) after training: kernel {kernel.shape}"
    f" = {kernel.size} weights, bias {bias.shape} = {bias.size}",
    weight="bold",
)
for j in range(units):  # neuron numbers above the columns
    if j in (0, units - 1) or (j + 1) % 8 == 0:
        text(
            LEFT + CELL * (j + 0.5), TOP_K - 8, j + 1, "middle", size=11
        )
text(LEFT - 10, TOP_K - 8, "neuron", "end", size=11)
for i in range(n_in):
    y0 = TOP_K + CELL * i
    text(LEFT - 10, y0 + 13, f"from x{i + 1}", "end", size=12)
    for j in range(units):
        x0 = LEFT + CELL * j
        cell(x0, y0, kernel[i, j], "kernel", f"kernel[{i}, {j}]")
text(LEFT - 10, TOP_B + 13, "bias", "end", size=12)
for j in range(units):
    cell(LEFT + CELL * j, TOP_B, bias[j], "bias", f"bias[{j}]")
text(
    LEFT,
    TOP_B - 12,
    "one bias per neuron, added after the kernel",
    size=12,
)

# The colour scale, in 9 steps from -limit to +limit.
steps = np.linspace(-limit, limit, 9)
y0 = TOP_B + CELL + 40
for k, value in enumerate(steps):
    svg.append(
        f'<rect x="{LEFT + 24 * k}" y="{y0}" width="24" height="12" '
        f'fill="{colour(value)}" stroke="#9e9e9e" stroke-width="0.5"/>'
    )
text(LEFT, y0 + 30, f"{-limit:g}", "middle", size=12)
text(LEFT + 24 * 4.5, y0 + 30, "0", "middle", size=12)
text(LEFT + 24 * 9, y0 + 30, f"+{limit:g}", "middle", size=12)
text(
    LEFT + 24 * 9 + 24,
    y0 + 11,
    "value of the weight: blue below 0, red above",
    size=12,
)
count = kernel.size + bias.size
second = model.layers[2]
k2, b2 = (int(w.numpy().size) for w in second.weights)
text(
    LEFT,
    H - 20,
    f"{kernel.size} + {bias.size} = {count} numbers that training "
    f"set; the next layer adds {k2} + {b2} = {k2 + b2}.",
    size=12,
)
svg.append("</svg>")

with open("kernel.svg", "w", encoding="utf-8") as f:
    f.write("\n".join(svg) + "\n")

cells = {
    c: sum(f'class="{c}"' in s for s in svg) for c in ("kernel", "bias")
}
print(
    f"kernel.svg: {cells['kernel']} kernel cells {kernel.shape}, "
    f"{cells['bias']} bias cells {bias.shape}"
)
print(f"colour scale: {-limit:g} (blue) to +{limit:g} (red)")
for name, values in (("kernel", kernel), ("bias", bias)):
    print(
        f"{name:<6} min {values.min():7.3f}  max {values.max():7.3f}"
        f"  mean {values.mean():7.3f}"
    )
