# Draw how a program becomes a checked page, as flow.svg (English)
# and flow.zh.svg (Chinese): one box per stage, top to bottom, so that
# it reads on a phone too. Text in `backticks` is a file or a command,
# set in a monospace font.
from html import escape

# (stage, what makes it or where it is, what happens there), in
# English and in Chinese
STAGES = {
    "en": [
        (
            "Snippet",
            "`snippets/<topic>/<name>.py`",
            ["a program, as an author writes it"],
        ),
        (
            "Capture",
            "`make outputs` · `densedocs/capture`",
            [
                "runs it in a fresh interpreter and writes",
                "`<name>.out`, `<name>.err` and the files it",
                "wrote next to it, and lists them all in",
                "`snippets/captured.json`",
            ],
        ),
        (
            "Page",
            "`docs/<page>.md`",
            [
                "includes the program and its output",
                "(`--8<--`); `mkdocs build` publishes it",
                "(`densedocs/site`: no TensorFlow)",
            ],
        ),
        (
            "Check",
            "`make test` · `densedocs/checks`",
            [
                "runs every snippet again, compares it with",
                "its capture, and checks every block on the",
                "page and every number in its prose",
            ],
        ),
    ],
    "zh": [
        (
            "程序",
            "`snippets/<topic>/<name>.py`",
            ["作者写下的一个程序"],
        ),
        (
            "捕获",
            "`make outputs` · `densedocs/capture`",
            [
                "在全新的解释器里运行它，把它打印的",
                "`<name>.out`、`<name>.err` 和它写下的",
                "文件存在它旁边，并全部列入",
                "`snippets/captured.json`",
            ],
        ),
        (
            "页面",
            "`docs/<page>.md`",
            [
                "包含程序和它的输出（`--8<--`）；",
                "`mkdocs build` 发布页面",
                "（`densedocs/site`：不用 `TensorFlow`）",
            ],
        ),
        (
            "核对",
            "`make test` · `densedocs/checks`",
            [
                "再次运行每个程序，与它的捕获比较，",
                "并核对页面上的每个块",
                "和文中的每个数",
            ],
        ),
    ],
}
TITLE = {
    "en": "How a program becomes a checked page",
    "zh": "一个程序如何成为经过核对的页面",
}

W, PAD, X, LINE, GAP = 400, 16, 32, 20, 34
INK, BOX, EDGE = "#212121", "#e8eaf6", "#283593"
CHECK_BOX, CHECK_EDGE = "#e8f5e9", "#2e7d32"


def rich(words):
    """SVG text of words whose `backticked` parts are monospace."""
    parts = words.split("`")
    return "".join(
        escape(part)
        if i % 2 == 0
        else f'<tspan font-family="monospace">{escape(part)}</tspan>'
        for i, part in enumerate(parts)
        if part
    )


def draw(stages, title):
    """The figure's SVG: one box per stage, arrows between them."""
    body, y = [], PAD
    for n, (stage, head, lines) in enumerate(stages):
        check = n == len(stages) - 1  # the last stage checks the rest
        height = PAD + LINE * (2 + len(lines)) + 6
        body.append(
            f'<rect class="stage" x="{PAD}" y="{y}" '
            f'width="{W - 2 * PAD}" height="{height}" rx="6" '
            f'fill="{CHECK_BOX if check else BOX}" '
            f'stroke="{CHECK_EDGE if check else EDGE}" '
            'stroke-width="1.5"/>'
        )
        rows = [(stage, "bold", 16), (head, "normal", 14)]
        rows += [(words, "normal", 14) for words in lines]
        for row, (words, weight, size) in enumerate(rows):
            body.append(
                f'<text x="{X}" y="{y + PAD + 8 + LINE * row}" '
                f'font-weight="{weight}" font-size="{size}">'
                f"{rich(words)}</text>"
            )
        y += height
        if n < len(stages) - 1:  # an arrow down to the next stage
            mid = W // 2
            body.append(
                f'<path class="arrow" d="M{mid} {y + 4} '
                f'V{y + GAP - 10}" stroke="{EDGE}" stroke-width="2" '
                'fill="none"/>'
            )
            body.append(
                f'<path d="M{mid - 7} {y + GAP - 12} H{mid + 7} '
                f'L{mid} {y + GAP - 3} Z" fill="{EDGE}"/>'
            )
            y += GAP
    H = y + PAD
    names = [stage for stage, _, _ in stages]
    desc = " ".join(
        f"{stage}, {head}: {' '.join(lines)}."
        for stage, head, lines in stages
    )
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
        f'height="{H}" viewBox="0 0 {W} {H}" role="img" '
        'aria-labelledby="title desc" font-family="sans-serif" '
        f'fill="{INK}">',
        f'<title id="title">{title}</title>',
        f'<desc id="desc">{" → ".join(names)}: '
        + escape(desc.replace("`", ""))
        + "</desc>",
        f'<rect class="card" x="0.5" y="0.5" width="{W - 1}" '
        f'height="{H - 1}" rx="8" fill="#fff" stroke="#bdbdbd"/>',
        *body,
        "</svg>",
    ]
    return "\n".join(svg) + "\n"


for lang, stages in STAGES.items():
    name = "flow.svg" if lang == "en" else f"flow.{lang}.svg"
    with open(name, "w", encoding="utf-8") as f:
        f.write(draw(stages, TITLE[lang]))
    print(f"{name}: {len(stages)} stages, top to bottom")
for stage, head, _ in STAGES["en"]:
    print(f"{stage + ':':<9}{head.replace('`', '')}")
