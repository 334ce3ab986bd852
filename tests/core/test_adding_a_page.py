"""README's "Adding a page", followed as written on a throwaway copy: its figure
example captures, and its page template, with the figure, builds strictly."""

import re
import subprocess
import sys

from densedocs.checks.site import build_site
from tests.conftest import ROOT
from tests.helpers import edit

TOPIC, NAME, PAGE = "zz_test_readme", "plot", "zz-test-readme"


def section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Adding a page", 1)[1].split("\n## ", 1)[0]


def page_template(text: str) -> str:
    """The ````md block of step 3, unindented, with this test's names in it."""
    block = re.search(r"````md\n(.*?)\n\s*````", text, re.S)[1]
    lines = [line.removeprefix("   ") for line in block.splitlines()]
    page = "\n".join(lines) + "\n"
    return page.replace("<topic>", TOPIC).replace("<name>", NAME)


def test_the_readmes_page_and_figure_example_capture_and_build(copy):
    text = section()
    savefig = re.search(r"`(plt\.savefig\(\"plot\.svg\"\))`", text)[1]
    figure = re.search(
        r"`(!\[what it shows\]\(figures/<topic>/plot\.svg\)[^`]*)`", text
    )[1]
    snippet = copy / "snippets" / TOPIC / f"{NAME}.py"
    snippet.parent.mkdir()
    snippet.write_text(
        "import matplotlib.pyplot as plt\n\n"
        "plt.plot([0, 1, 2], [0, 1, 4])\n"
        f"{savefig}\n"
        'print("drew plot.svg")\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "densedocs.capture", f"{TOPIC}/{NAME}.py"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (copy / "snippets" / TOPIC / "plot.svg").is_file()

    image = figure.replace("<topic>", TOPIC).replace("…", "320")
    page = page_template(text) + f"\n{image}\n"
    (copy / "docs" / f"{PAGE}.md").write_text(page)
    chinese = page.replace("captured_with.md", "captured_with.zh.md")
    (copy / "docs" / f"{PAGE}.zh.md").write_text(chinese.replace('"Output"', '"输出"'))
    mkdocs = copy / "mkdocs.yml"
    edit(
        mkdocs,
        '      - "Glossary: what each word means": glossary.md\n',
        '      - "Glossary: what each word means": glossary.md\n'
        f"      - A zz test: {PAGE}.md\n",
    )
    edit(
        mkdocs,
        '            "Glossary: what each word means": 术语表：每个词的意思\n',
        '            "Glossary: what each word means": 术语表：每个词的意思\n'
        "            A zz test: 测试\n",
    )
    assert build_site(copy, copy / "site") == []
    built = (copy / "site" / PAGE / "index.html").read_text()
    assert "drew plot.svg" in built and f"figures/{TOPIC}/plot.svg" in built
