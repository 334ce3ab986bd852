"""The "How this site is checked" page (docs/how-checked.md): its flow figure
(snippets/how_checked/flow.py) names what the project really has, in the order
it runs, and both languages show it at its size.

The captured SVG is compared with a fresh run by test_snippets.py; here what it
says is checked against the checkout itself: its folders, the Makefile's
targets, the names densedocs/layout.py gives the captures.
"""

import html
import re

from densedocs import layout
from densedocs.pages import read
from tests.conftest import ROOT
from tests.helpers import captured, page_text

FLOW = "how_checked/flow.py"
STAGES = ["Snippet", "Capture", "Page", "Check"]
STAGES_ZH = ["程序", "捕获", "页面", "核对"]  # flow.zh.svg's stages


def _svg() -> str:
    return captured(FLOW).files["flow.svg"]


def _texts(svg: str) -> list[tuple[int, str]]:
    """(y, text as read) of each <text> of the figure, in the file's order."""
    return [
        (int(y), html.unescape(re.sub(r"<[^>]+>", "", body)))
        for y, body in re.findall(r'<text[^>]* y="(\d+)"[^>]*>(.*?)</text>', svg)
    ]


def _monospace(svg: str) -> list[str]:
    """The figure's files and commands: its monospace words."""
    return [
        html.unescape(words)
        for words in re.findall(r'<tspan font-family="monospace">(.*?)</tspan>', svg)
    ]


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w-]+):", makefile, flags=re.M))


def _exists(name: str) -> bool:
    """A command the checkout runs, or a path of it (<placeholder>: any name)."""
    if name.startswith("make "):
        return name.removeprefix("make ") in _make_targets()
    if name == "mkdocs build":
        return (ROOT / "mkdocs.yml").is_file()
    if name.startswith("--8<--"):
        return bool(layout.INCLUDE.search(f'{name} "answer/summary.py"'))
    if name.startswith("<name>"):  # a capture's file, by its suffix
        suffix = name.removeprefix("<name>")
        return suffix in (layout.STDOUT_SUFFIX, layout.STDERR_SUFFIX)
    pattern = re.sub(r"<\w+>", "*", name)
    return any(ROOT.glob(pattern)) if "*" in pattern else (ROOT / name).exists()


def test_every_file_and_command_the_flow_names_exists():
    named = _monospace(_svg())
    missing = [name for name in named if not _exists(name)]
    assert named and missing == [], missing
    # The flow the README and the page describe, each part by its own name.
    for name in (
        f"{layout.SNIPPETS}/<topic>/<name>.py",
        "make outputs",
        "densedocs/capture",
        f"<name>{layout.STDOUT_SUFFIX}",
        f"<name>{layout.STDERR_SUFFIX}",
        f"{layout.SNIPPETS}/{layout.MANIFEST}",
        "docs/<page>.md",
        "--8<--",
        "mkdocs build",
        "densedocs/site",
        "make test",
        "densedocs/checks",
    ):
        assert name in named, name
    # densedocs/site is what mkdocs build loads (its hooks, after the one that makes
    # densedocs importable), and it needs no TensorFlow.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.search(r"^hooks:\n((?:\s+(?:- |#).*\n)+)", config, re.M)
    first, *hooks = re.findall(r"^\s+- (\S+)", hooks[1], re.M)
    assert first == "mkdocs_hooks.py", first
    assert hooks and all(h.startswith("densedocs/site/") for h in hooks), hooks
    assert "no TensorFlow" in " ".join(t for _, t in _texts(_svg()))
    site = ROOT / "densedocs" / "site"
    for module in site.rglob("*.py"):
        code = module.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from) (tensorflow|keras)\b", code, re.M)


def test_the_stages_are_drawn_and_printed_in_flow_order():
    svg = _svg()
    texts = _texts(svg)
    heads = [(y, t) for y, t in texts if t in STAGES]
    assert [t for _, t in heads] == STAGES
    ys = [y for y, _ in heads]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    # One box per stage, one arrow down between each stage and the next.
    boxes = [
        (int(y), int(h))
        for y, h in re.findall(
            r'<rect class="stage"[^>]* y="(\d+)"[^>]* height="(\d+)"', svg
        )
    ]
    assert len(boxes) == len(STAGES)
    for (top, height), y in zip(boxes, ys, strict=True):
        assert top < y < top + height
    arrows = [
        (int(a), int(b))
        for a, b in re.findall(r'<path class="arrow" d="M\d+ (\d+) V(\d+)"', svg)
    ]
    assert len(arrows) == len(STAGES) - 1
    for (start, end), (top, height), (next_top, _) in zip(
        arrows, boxes[:-1], boxes[1:], strict=True
    ):
        assert top + height <= start < end < next_top
    # What it prints: the stages in the same order, each with the line the
    # figure writes under its name.
    lines = printed_lines()
    assert lines[:2] == [
        f"{name}: {len(STAGES)} stages, top to bottom"
        for name in ("flow.svg", "flow.zh.svg")
    ]
    stages = [line.split(":", 1) for line in lines[2:]]
    assert [stage for stage, _ in stages] == STAGES
    after = {t: texts[i + 1][1] for i, (_, t) in enumerate(texts) if t in STAGES}
    assert [head.strip() for _, head in stages] == [after[s] for s in STAGES]
    for tag in ("<title", "<desc", 'role="img"', 'fill="#fff"'):
        assert tag in svg


def printed_lines() -> list[str]:
    run = captured(FLOW)
    assert run.exit_status == 0 and run.stderr == ""
    return run.stdout.splitlines()


def test_both_languages_show_the_figure_at_its_size_and_its_program():
    svg = _svg()
    size = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg).groups()
    assert re.search(rf'viewBox="0 0 {size[0]} {size[1]}"', svg)
    chinese = captured(FLOW).files["flow.zh.svg"]
    assert re.findall(r'font-weight="bold" font-size="16">([^<]+)<', chinese) == (
        STAGES_ZH
    )
    for name, stages in (("how-checked.md", STAGES), ("how-checked.zh.md", STAGES_ZH)):
        page = re.sub(r"\s+", " ", page_text(name))
        images = re.findall(
            r"!\[([^\]]+)\]\(figures/how_checked/flow(?:\.zh)?\.svg\)"
            r'\{ width="(\d+)" height="(\d+)" \}',
            page,
        )
        assert len(images) == 1, name
        alt, width, height = images[0]
        assert (width, height) == size, name
        # The alt text names every stage, in the page's language.
        assert all(stage in alt for stage in stages), name
        assert bool(re.search(r"[\u4e00-\u9fff]", alt)) == name.endswith(".zh.md")
        shown = read(ROOT, ROOT / "docs" / name).shown()
        assert "how_checked/flow.py" in shown and "how_checked/flow.out" in shown
        assert "{ #flow }" in page and "{ #flow-drawn }" in page
