"""How two outputs of a snippet are cleaned and compared.

`clean_*` turn what a program wrote into what a page shows (applied before writing a
capture). `compare` decides whether a captured output and a new run say the same thing:
only what legitimately changes from run to run is masked (timings, install paths,
memory addresses); all other text and every integer must match exactly, and floats
printed with three or more decimals may differ by one unit in their last place.
"""

import difflib
import re

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

# What TensorFlow's C++ runtime writes straight to file descriptor 2 at start-up: never
# part of a snippet's own output (an in-process run does not even see it).
TF_RUNTIME_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called"
    r"|[IWEF]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ \S+:\d+\]"
    r"|To enable the following instructions: .* compiler flags\.$)"
)

MASKS = [
    # Timings in training logs: "1s", "552ms/step", "3us/sample", "ETA: 0s".
    (re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)(?:/step|/sample|/epoch)?\b"), "<time>"),
    # Where Python and its packages are installed differs between machines.
    (re.compile(r"[^\s\"']*/site-packages/"), "<site-packages>/"),
    (re.compile(r"[^\s\"']*/lib/python3\.\d+/"), "<python-lib>/"),
    (re.compile(r"[^\s\"']*/snippets/"), "<checkout>/snippets/"),
    (re.compile(r"\b0x[0-9a-f]{6,}\b"), "<address>"),
]

FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][-+]?\d+)?(?![\w.])")


def _resolve_line(line: str) -> str:
    """What a terminal shows of a line drawn with carriage returns and backspaces."""
    if "\r" not in line and "\b" not in line:
        return line
    shown: list[str] = []
    cursor = 0
    for char in line:
        if char == "\r":
            cursor = 0
        elif char == "\b":
            cursor = max(0, cursor - 1)
        else:
            shown[cursor : cursor + 1] = [char]
            cursor += 1
    return "".join(shown)


def _clean(text: str) -> str:
    text = ANSI.sub("", text)
    lines = [_resolve_line(line).rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def clean_stdout(text: str) -> str:
    return _clean(text)


def clean_stderr(text: str) -> str:
    kept = [line for line in text.split("\n") if not TF_RUNTIME_NOISE.match(line)]
    return _clean("\n".join(kept))


def mask(text: str) -> str:
    for pattern, placeholder in MASKS:
        text = pattern.sub(placeholder, text)
    return text


def _floats_agree(expected: str, actual: str) -> bool:
    if expected == actual:
        return True
    mantissa, _, exponent = expected.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    if decimals < 3:
        return False  # 516.00, 0.50: exact values, not float noise
    unit = 10.0 ** (int(exponent or 0) - decimals)
    return abs(float(expected) - float(actual)) <= unit * (1 + 1e-9)


def compare(expected: str, actual: str) -> str | None:
    """None if `actual` says what `expected` says, else how they differ."""
    expected, actual = mask(_clean(expected)), mask(_clean(actual))
    expected_shape = FLOAT.sub("<float>", expected)
    actual_shape = FLOAT.sub("<float>", actual)
    if expected_shape != actual_shape:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            "captured",
            "new run",
            lineterm="",
        )
        return "\n".join(diff)
    for line_no, (line_e, line_a) in enumerate(
        zip(expected.splitlines(), actual.splitlines(), strict=True), start=1
    ):
        for e, a in zip(FLOAT.findall(line_e), FLOAT.findall(line_a), strict=True):
            if not _floats_agree(e, a):
                return (
                    f"line {line_no}: {e} (captured) != {a} (new run)\n"
                    f"  captured: {line_e}\n  new run:  {line_a}"
                )
    return None
