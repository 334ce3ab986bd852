# --8<-- [start:counts]
# Draw the question's network, in English and Chinese, wide for a
# desktop (network.svg, network.zh.svg) and narrow for a phone
# (network.phone.svg, network.phone.zh.svg). Every count on the
# figures is read from the model's weights, none is typed.
import math
from html import escape

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
# --8<-- [end:counts]

# The words of each language. `Code` between backticks (a name the
# program uses) stays as it is, in a monospace font.
WORDS = {
    "en": {
        "title": "The question's network, drawn from the model",
        "summary": "{} inputs, {} hidden neurons, {} output: {} + {} "
        "= {} and {} + {} = {} parameters, {} in all.",
        "lines": "Solid lines are kernel weights, dashed lines biases.",
        "input": "Input",
        "colon": ": ",
        "features": "{} features",
        "hidden": "{} neurons, then `softmax`",
        "output": "{} neuron, then `sigmoid`",
        "constant": "constant 1",
        "more": "{} more",
        "kernel": "`kernel` {} × {} = {}",
        "bias": "`bias` {}",
        "sum": "{} + {} = {} parameters",
        "kernel line": "`kernel` weight",
        "bias line": "`bias` (weight of the constant 1)",
        "drawn": "{shown} of the {n} hidden neurons are drawn;",
        "collapsed": "the other {} are collapsed into ⋮.",
        "total": "Total {} + {} = {} parameters.",
    },
    "zh": {
        "title": "问题中的网络，由模型本身画出",
        "summary": "{} 个输入，{} 个隐藏神经元，{} 个输出：{} + {} "
        "= {} 与 {} + {} = {} 个参数，共 {} 个。",
        "lines": "实线是 kernel 权重，虚线是偏置。",
        "input": "输入",
        "colon": "：",
        "features": "{} 个特征",
        "hidden": "{} 个神经元，接 `softmax`",
        "output": "{} 个神经元，接 `sigmoid`",
        "constant": "常数 1",
        "more": "另 {} 个",
        "kernel": "`kernel` {} × {} = {}",
        "bias": "`bias` {}",
        "sum": "{} + {} = {} 个参数",
        "kernel line": "`kernel` 权重",
        "bias line": "`bias`（常数 1 的权重）",
        "drawn": "{n} 个隐藏神经元中画出 {shown} 个，",
        "collapsed": "其余 {} 个折叠为 ⋮。",
        "total": "共 {} + {} = {} 个参数。",
    },
}
KERNEL, BIAS = "#283593", "#bf360c"  # text colours of the lines


def rich(words, colour=None):
    """SVG text of words whose `backticked` parts are monospace."""
    parts = [
        escape(part)
        if i % 2 == 0
        else f'<tspan font-family="monospace">{escape(part)}</tspan>'
        for i, part in enumerate(words.split("`"))
        if part
    ]
    if colour:
        return f'<tspan fill="{colour}">{"".join(parts)}</tspan>'
    return "".join(parts)


def line_svg(x1, y1, x2, y2, cls):
    """A kernel weight's line (solid), or a bias's (dashed)."""
    style = {
        "kernel": 'stroke="#5c6bc0" stroke-opacity="0.55"',
        "bias": 'stroke="#e65100" stroke-dasharray="5 4"',
    }[cls]
    return (
        f'<line class="{cls}" x1="{x1}" y1="{y1:g}" x2="{x2}" '
        f'y2="{y2:g}" {style}/>'
    )


# What the figure shows, in each language
SUMMARY = {
    lang: words["summary"].format(
        n_in, n_hid, n_out, k1, b1, k1 + b1, k2, b2, k2 + b2, total
    )
    for lang, words in WORDS.items()
}


# --8<-- [start:draw]
def draw(lang, phone):
    """The figure's SVG: the network, then its counts in words."""
    say = WORDS[lang]
    # Geometry: three columns of neurons, then lines of text below.
    W, R, STEP, TOP, SIZE, NODE = (
        (360, 13, 30, 84, 13, 12)
        if phone
        else (720, 15, 32, 110, 14, 14)
    )
    X_IN, X_HID, X_OUT = (44, 180, 316) if phone else (120, 360, 600)

    def hidden_y(i):
        slot = shown.index(i)
        gap = 2 if hidden_out and slot >= KEEP else 0
        return TOP + STEP * (slot + gap)

    mid = (hidden_y(shown[0]) + hidden_y(shown[-1])) / 2
    ys_in = [mid + STEP * 2 * (i - (n_in - 1) / 2) for i in range(n_in)]
    y_bias = hidden_y(shown[-1]) + STEP * 2
    svg = []

    def line(*ends_and_kind):
        svg.append(line_svg(*ends_and_kind))

    def node(x, y, label, cls, fill="#e8eaf6", stroke="#283593"):
        svg.append(
            f'<circle class="{cls}" cx="{x}" cy="{y:g}" r="{R}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        )
        svg.append(
            f'<text x="{x}" y="{y + NODE * 0.35:g}" '
            f'text-anchor="middle" font-size="{NODE}" '
            f'font-family="monospace">{label}</text>'
        )

    def text(x, y, words, anchor="middle", weight="normal", colour=""):
        svg.append(
            f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" '
            f'font-weight="{weight}">{rich(words, colour)}</text>'
        )

    # Lines first, so that the neurons are drawn over them.
    for i in shown:
        for y in ys_in:
            line(X_IN, y, X_HID, hidden_y(i), "kernel")
        line(X_IN, y_bias, X_HID, hidden_y(i), "bias")
        line(X_HID, hidden_y(i), X_OUT, mid, "kernel")
    line(X_HID, y_bias, X_OUT, mid, "bias")

    for j, y in enumerate(ys_in):
        node(X_IN, y, f"x{j + 1}", "input", fill="#fff")
    for i in shown:
        node(X_HID, hidden_y(i), f"h{i + 1}", "neuron")
    node(X_OUT, mid, "y", "neuron")
    for x in (X_IN, X_HID):
        node(x, y_bias, "1", "constant", "#fff3e0", "#e65100")
        text(x, y_bias + R + SIZE + 6, say["constant"])
    if hidden_out:
        gap_y = hidden_y(shown[KEEP]) - STEP * 1.5
        text(X_HID, gap_y - 6, "⋮", weight="bold")
        more = say["more"].format(hidden_out)
        text(X_HID + R + 8, gap_y + 2, more, anchor="start")

    layer_words = [
        (f"`Dense({n_hid})`", say["hidden"].format(n_hid), k1, b1),
        (f"`Dense({n_out})`", say["output"].format(n_out), k2, b2),
    ]
    counted = [
        (
            say["kernel"].format(n, units, kernel),
            say["bias"].format(bias),
            say["sum"].format(kernel, bias, kernel + bias),
        )
        for n, units, kernel, bias in [
            (n_in, n_hid, k1, b1),
            (n_hid, n_out, k2, b2),
        ]
    ]
    notes = [say["total"].format(k1 + b1, k2 + b2, total)]
    if hidden_out:
        notes = [
            say["drawn"].format(shown=len(shown), n=n_hid),
            say["collapsed"].format(hidden_out),
            *notes,
        ]
    below = y_bias + R + SIZE + 6
    if phone:  # the words in one column below the drawing
        text(X_IN, 30, say["input"], weight="bold")
        for x, (name, *_) in zip(
            (X_HID, X_OUT), layer_words, strict=True
        ):
            text(x, 30, name, weight="bold")
        y = below + 40
        colon = say["colon"]
        text(
            16,
            y,
            say["input"] + colon + say["features"].format(n_in),
            "start",
        )
        for (name, what, *_), (kernel, bias, sum_) in zip(
            layer_words, counted, strict=True
        ):
            y += SIZE + 14
            text(16, y, name + colon + what, "start")
            words = rich(kernel, KERNEL) + ", " + rich(bias, BIAS)
            svg.append(
                f'<text x="16" y="{y + SIZE + 8}">{words}</text>'
            )
            text(16, y + 2 * (SIZE + 8), sum_, "start", "bold")
            y += 2 * (SIZE + 8)
        y += SIZE + 20
    else:  # the words under each column
        for x, (name, what, *_) in zip(
            (X_HID, X_OUT), layer_words, strict=True
        ):
            text(x, 40, name, weight="bold")
            text(x, 62, what)
        text(X_IN, 40, say["input"], weight="bold")
        text(X_IN, 62, say["features"].format(n_in))
        y = below + 30
        for x, (kernel, bias, sum_) in zip(
            ((X_IN + X_HID) / 2, (X_HID + X_OUT) / 2),
            counted,
            strict=True,
        ):
            words = rich(kernel, KERNEL) + ", " + rich(bias, BIAS)
            svg.append(
                f'<text x="{x:g}" y="{y}" text-anchor="middle">'
                f"{words}</text>"
            )
            text(x, y + 22, sum_, weight="bold")
        y += 58
    # A legend for the two kinds of line.
    legend_x = (16, 16) if phone else (150, 400)
    kinds = [("kernel", KERNEL), ("bias", BIAS)]
    for k, (cls, colour) in enumerate(kinds):
        x0 = legend_x[k]
        y0 = y + (SIZE + 10) * k if phone else y
        line(x0, y0 - 5, x0 + 40, y0 - 5, cls)
        text(x0 + 48, y0, say[f"{cls} line"], "start", colour=colour)
    y += (SIZE + 10) * (2 if phone else 1) + 8
    for note in notes:
        x, anchor = (16, "start") if phone else (W / 2, "middle")
        weight = "bold" if note == notes[-1] else "normal"
        text(x, y, note, anchor, weight)
        y += SIZE + 8
    H = y + 4
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
        f'height="{H}" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="title desc" font-family="sans-serif" '
        f'font-size="{SIZE}" fill="#212121">',
        f'<title id="title">{escape(say["title"])}</title>',
        f'<desc id="desc">{SUMMARY[lang]} {say["lines"]}</desc>',
        f'<rect class="card" x="0.5" y="0.5" width="{W - 1}" '
        f'height="{H - 1}" rx="8" fill="#fff" stroke="#bdbdbd"/>',
    ]
    return "\n".join([*head, *svg, "</svg>"]) + "\n", svg


for lang in WORDS:
    for phone in (False, True):
        name = "network" + (".phone" if phone else "")
        name += "" if lang == "en" else f".{lang}"
        figure, drawn = draw(lang, phone)
        with open(f"{name}.svg", "w", encoding="utf-8") as f:
            f.write(figure)
        if lang == "en" and not phone:
            print("network.svg:", SUMMARY["en"])
        lines = sum(s.startswith("<line") for s in drawn) - 2  # legend
        print(f"{name}.svg: {lines} lines, {len(shown)} hidden neurons")
print(f"hidden neurons drawn: {len(shown)} of {n_hid}")
print("solid lines: kernel weights, dashed lines: biases")
# --8<-- [end:draw]
