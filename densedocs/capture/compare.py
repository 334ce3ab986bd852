"""How two outputs of a snippet are cleaned and compared.

`clean_*` turn what a program wrote into what a page shows (applied before writing a
capture). Cleaning also rewrites where this machine keeps Python, its packages and
the checkout to stable placeholders (`.../site-packages/keras/...`,
`.../snippets/...`), as the Rust book writes `file:///projects/...`: no page shows
the capturing machine's paths.

`compare` decides whether a captured output and a new run say the same thing, by one
rule for printed text and for the files a snippet writes (figures): only what
legitimately changes from run to run is masked (timings, install paths, memory
addresses, and the ids a generator derives from content, such as matplotlib's
clip-path ids); all other text and every integer must match exactly, and floats
printed with three or more decimals may differ by one unit in their last place.
"""

import difflib
import re
from decimal import Decimal

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

# What TensorFlow's C++ runtime writes straight to file descriptor 2 at start-up: never
# part of a snippet's own output (an in-process run does not even see it).
TF_RUNTIME_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called"
    r"|[IWEF]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ \S+:\d+\]"
    r"|To enable the following instructions: .* compiler flags\.$)"
)

# Where Python, its packages and the checkout are differs between machines: the
# part of a path before these folders becomes "...". Already rewritten paths match
# again and stay as they are.
MACHINE_PATHS = [
    (re.compile(r"[^\s\"'(]*/site-packages/"), ".../site-packages/"),
    (re.compile(r"[^\s\"'(]*/lib/(python3\.\d+)/"), r".../lib/\1/"),
    (re.compile(r"[^\s\"'(]*/snippets/"), ".../snippets/"),
]

MASKS = [
    # Timings in training logs: "1s", "552ms/step", "3us/sample", "ETA: 0s".
    (re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)(?:/step|/sample|/epoch)?\b"), "<time>"),
    (re.compile(r"\b0x[0-9a-f]{6,}\b"), "<address>"),
]

# An XML id (id="...") and the references to it (#id, url(#id)): a generator may
# derive ids from content (matplotlib hashes a clip path's coordinates), so ids are
# compared by the order in which they are defined, not by name.
XML_ID = re.compile(r'\bid="([^"]+)"')

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
    for pattern, placeholder in MACHINE_PATHS:
        text = pattern.sub(placeholder, text)
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
    return _ids_in_order(text)


def _ids_in_order(text: str) -> str:
    """Each XML id and its references renamed id-1, id-2, ... in order of definition."""
    names = {
        old: f"id-{n}" for n, old in enumerate(dict.fromkeys(XML_ID.findall(text)), 1)
    }
    if not names:
        return text
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    reference = re.compile(
        rf'(?<=id=")({alternatives})(?=")|(?<=#)({alternatives})(?=[")])'
    )
    return reference.sub(lambda m: names[m[1] or m[2]], text)


def _floats_agree(expected: str, actual: str) -> bool:
    if expected == actual:
        return True
    mantissa, _, exponent = expected.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    if decimals < 3:
        return False  # 516.00, 0.50: exact values, not float noise
    unit = Decimal(1).scaleb(int(exponent or 0) - decimals)
    return abs(Decimal(expected) - Decimal(actual)) <= unit  # exact: no binary error


def compare(
    expected: str, actual: str, labels: tuple[str, str] = ("captured", "new run")
) -> str | None:
    """None if `actual` says what `expected` says, else how they differ (the two
    named by `labels`)."""
    expected, actual = mask(_clean(expected)), mask(_clean(actual))
    expected_shape = FLOAT.sub("<float>", expected)
    actual_shape = FLOAT.sub("<float>", actual)
    if expected_shape != actual_shape:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            *labels,
            lineterm="",
        )
        return "\n".join(diff)
    for line_no, (line_e, line_a) in enumerate(
        zip(expected.splitlines(), actual.splitlines(), strict=True), start=1
    ):
        for e, a in zip(FLOAT.findall(line_e), FLOAT.findall(line_a), strict=True):
            if not _floats_agree(e, a):
                return (
                    f"line {line_no}: {e} ({labels[0]}) != {a} ({labels[1]})\n"
                    f"  {labels[0]}: {line_e}\n  {labels[1]}: {line_a}"
                )
    return None
