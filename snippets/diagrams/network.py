# Draw the question's network as network.svg. Every count on the
# figure is read from the model's weights, none is typed.
import math

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
first, second = [layer for layer in model.layers if layer.weights]


def counts(layer):
    """(inputs, units, kernel weights, biases) of a Dense layer."""
    n, units = layer.kernel.shape
    kernel, bias = math.prod(layer.kernel.shape), layer.bias.shape[0]
    assert kernel + bias == layer.count_params()
    return n, units, kernel, bias


n_in, n_hid, k1, b1 = counts(first)
_, n_out, k2, b2 = counts(second)
total = k1 + b1 + k2 + b2
assert total == model.count_params()

# Draw every hidden neuron only if there are few; else the first 4
# and the last 4, with the ones between collapsed into a gap.
KEEP = 4
shown = list(range(n_hid))
if n_hid > 2 * KEEP + 1:
    shown = [*range(KEEP), *range(n_hid - KEEP, n_hid)]
hidden_out = n_hid - len(shown)

W, H, R = 720, 640, 14
X_IN, X_HID, X_OUT = 120, 360, 600
STEP, TOP, Y_BIAS = 32, 110, 460


def hidden_y(i):
    slot = shown.index(i)
    gap = 2 if hidden_out and slot >= KEEP else 0
    return TOP + STEP * (slot + gap)


mid = (hidden_y(shown[0]) + hidden_y(shown[-1])) / 2
ys_in = [mid + STEP * 2 * (i - (n_in - 1) / 2) for i in range(n_in)]
summary_text = (
    f"{n_in} inputs, {n_hid} hidden neurons, {n_out} output: "
    f"{k1} + {b1} = {k1 + b1} and {k2} + {b2} = {k2 + b2} parameters, "
    f"{total} in all."
)
svg = [
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
    f'height="{H}" viewBox="0 0 {W} {H}" role="img" '
    'aria-labelledby="title desc" font-family="sans-serif" '
    'font-size="14" fill="#212121">',
    '<title id="title">The question\'s network, drawn from the model'
    "</title>",
    f'<desc id="desc">{summary_text} Solid lines are kernel weights, '
    "dashed lines biases.</desc>",
    f'<rect x="0.5" y="0.5" width="{W - 1}" height="{H - 1}" '
    'rx="8" fill="#fff" stroke="#bdbdbd"/>',
]


def line(x1, y1, x2, y2, cls):
    style = {
        "kernel": 'stroke="#5c6bc0" stroke-opacity="0.55"',
        "bias": 'stroke="#e65100" stroke-dasharray="5 4"',
    }[cls]
    svg.append(
        f'<line class="{cls}" x1="{x1}" y1="{y1:g}" x2="{x2}" '
        f'y2="{y2:g}" {style}/>'
    )


def node(x, y, label, cls, fill="#e8eaf6", stroke="#283593"):
    svg.append(
        f'<circle class="{cls}" cx="{x}" cy="{y:g}" r="{R}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
    )
    svg.append(
        f'<text x="{x}" y="{y + 5:g}" text-anchor="middle" '
        f'font-size="12">{label}</text>'
    )


def text(x, y, words, anchor="middle", weight="normal"):
    svg.append(
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" '
        f'font-weight="{weight}">{words}</text>'
    )


# Lines first, so that the neurons are drawn over them.
for i in shown:
    for y in ys_in:
        line(X_IN, y, X_HID, hidden_y(i), "kernel")
    line(X_IN, Y_BIAS, X_HID, hidden_y(i), "bias")
    line(X_HID, hidden_y(i), X_OUT, mid, "kernel")
line(X_HID, Y_BIAS, X_OUT, mid, "bias")

for j, y in enumerate(ys_in):
    node(X_IN, y, f"x{j + 1}", "input", fill="#fff")
for i in shown:
    node(X_HID, hidden_y(i), f"h{i + 1}", "neuron")
node(X_OUT, mid, "y", "neuron")
for x in (X_IN, X_HID):
    node(x, Y_BIAS, "1", "constant", fill="#fff3e0", stroke="#e65100")
if hidden_out:
    gap_y = hidden_y(shown[KEEP]) - STEP * 1.5
    text(X_HID, gap_y - 6, "⋮", weight="bold")
    text(X_HID + 24, gap_y + 2, f"{hidden_out} more", anchor="start")

heads = [
    (X_IN, "Input", f"{n_in} features"),
    (X_HID, f"Dense({n_hid})", f"{n_hid} neurons, then softmax"),
    (X_OUT, f"Dense({n_out})", f"{n_out} neuron, then sigmoid"),
]
for x, name, what in heads:
    text(x, 40, name, weight="bold")
    text(x, 62, what)
text(X_IN, Y_BIAS + 34, "constant 1")
text(X_HID, Y_BIAS + 34, "constant 1")

KERNEL, BIAS = "#283593", "#bf360c"  # text colours of the lines


def coloured(words, colour):
    return f'<tspan fill="{colour}">{words}</tspan>'


for x, n, units, kernel, bias in [
    ((X_IN + X_HID) / 2, n_in, n_hid, k1, b1),
    ((X_HID + X_OUT) / 2, n_hid, n_out, k2, b2),
]:
    kernel_words = coloured(f"kernel {n} × {units} = {kernel}", KERNEL)
    bias_words = coloured(f"bias {bias}", BIAS)
    text(x, 530, f"{kernel_words}, {bias_words}")
    sum_words = f"{kernel} + {bias} = {kernel + bias} parameters"
    text(x, 552, sum_words, weight="bold")

# A legend for the two kinds of line.
line(150, 589, 190, 589, "kernel")
text(198, 594, coloured("kernel weight", KERNEL), anchor="start")
line(400, 589, 440, 589, "bias")
text(
    448, 594, coloured("bias (weight of the constant 1)", BIAS), "start"
)
note = f"Total {k1 + b1} + {k2 + b2} = {total} parameters."
if hidden_out:
    note = (
        f"{len(shown)} of the {n_hid} hidden neurons are drawn; "
        f"the other {hidden_out} are collapsed into ⋮. " + note
    )
text(W / 2, 624, note)
svg.append("</svg>")

with open("network.svg", "w", encoding="utf-8") as f:
    f.write("\n".join(svg) + "\n")

print("network.svg:", summary_text)
print(f"hidden neurons drawn: {len(shown)} of {n_hid}")
lines = sum(s.startswith("<line") for s in svg) - 2  # legend
print(f"lines drawn: {lines} (solid: kernel weights, dashed: biases)")
