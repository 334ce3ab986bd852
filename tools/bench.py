"""`make bench`: how far the test suite and the build are from their floors.

Prints, measured now on this machine:
- the test suite's wall time / one bare `python -c "import tensorflow"`, for the whole
  suite and for the checks that re-run every snippet and page;
- `mkdocs build` of this site / a build of the same pages with a plain Material config.
Each time is the median of a few runs. Run it on a quiet machine.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAIN_CONFIG = """\
site_name: Dense, explained (plain)
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  font: false
"""


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.yml"
        plain.write_text(PLAIN_CONFIG.format(docs=ROOT / "docs", site=Path(tmp) / "p"))
        tf_import = timed([python, "-c", "import tensorflow"], runs=5)
        pytest = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        suite = timed(pytest, runs=1)
        # Every snippet and every page re-run and compared: the part that grows with
        # the pages, and whose floor is one TensorFlow import.
        snippets = timed([*pytest, "tests/test_snippets.py", "tests/test_pages.py"], 3)
        build = timed(
            [python, "-m", "mkdocs", "build", "-q", "-d", str(Path(tmp) / "s")], runs=5
        )
        plain_build = timed(
            [python, "-m", "mkdocs", "build", "-q", "-f", str(plain)], 5
        )
    print(f"bare TensorFlow import       {tf_import:6.2f} s")
    print(f"test suite (pytest)          {suite:6.2f} s")
    print(f"  ratio suite / TF import    {suite / tf_import:6.1f} x")
    print(f"snippet and page checks      {snippets:6.2f} s")
    print(f"  ratio checks / TF import   {snippets / tf_import:6.1f} x")
    print(f"mkdocs build (this site)     {build:6.2f} s")
    print(f"mkdocs build (plain config)  {plain_build:6.2f} s")
    print(f"  ratio build / plain build  {build / plain_build:6.1f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
