"""`make bench`: what readers and maintainers feel, measured now, against baselines
measured in the same run (the machine is noisy: compare within one run).

Prints:
- the build: this site against stock Material's build of the same docs/ with
  the same Markdown extensions (no plugins, hooks, scripts, stylesheets,
  overrides or nav: `stock_config`), cold (no caches) and warm; the ratio of
  medians;
- the whole suite (pytest, as `make test` runs it: one process per core with
  pytest-xdist) against the same suite in one process, and, with `--against
  COMMIT`, against that commit's suite run as its own `make test` ran it (a git
  worktree of it, in the same run, so that the machine's noise cancels out);
  each run with its summary line and the site builds it made, by test file
  (build_log/sitecustomize.py counts every mkdocs build, subprocesses included);
  `--suite "ARGS"` gives pytest other arguments than the whole suite's (a test
  file, to try the bench in a minute);
- per page, both sites served gzipped as GitHub Pages serves them: the gzip
  weight a first visit downloads (figures included), the DOM size, and
  Lighthouse's mobile performance score and Total Blocking Time (the median of
  RUNS runs each). The reference is stock's build of the same page (issue 30:
  "no page worse than stock Material's build of the same page"), or its home page
  for a page stock has no build of (the notebooks), measured with each page, its
  runs alternating with the page's (the machine's load drifts over a run of the
  bench, and a reference measured once would judge late pages against an early
  machine): a page passes when its score is at most 5 points below the
  reference's, its TBT at most twice the reference's or within Lighthouse's
  "good" (200 ms, where a reference of a few ms makes twice it noise), and its
  DOM at most 1,500 elements; then the time the watch page takes to train
  all its epochs at its fastest speed.

A failing test does not stop it: it reports figures, not verdicts on the suite.

Usage: python -m densedocs.bench [--runs N] [--pages PATH ...] [--skip-build]
       [--skip-suite] [--skip-pages] [--against COMMIT] [--suite "PYTEST ARGS"]
The suite against issue 28's baseline and one process, alone:
       python -m densedocs.bench --skip-build --skip-pages --against f219262
Run as `make bench`, its builds get the Makefile's environment, as `make docs` does.
"""

import argparse
import collections
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from densedocs.browser import CHROMIUM, CHROMIUM_ARGS
from densedocs.layout import CHECKOUT as ROOT
from densedocs.pages import site_paths

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def stock_config(site: Path) -> str:
    """mkdocs.yml for stock Material's build of the same docs/: the same Markdown
    extensions (the pages' includes, admonitions, highlighted code), and none of
    the site's plugins, hooks, scripts, stylesheets, overrides or nav."""
    import yaml
    from mkdocs.config import load_config

    def plain(value):  # a path MkDocs resolves ($config_dir), as a path
        if isinstance(value, dict):
            return {key: plain(v) for key, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return (
            value if isinstance(value, str | bool | int | float) else os.fspath(value)
        )

    ours = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [
        {name: plain(ours.mdx_configs[name])} if name in ours.mdx_configs else name
        for name in ours.markdown_extensions
    ]
    return yaml.safe_dump(
        {
            "site_name": "Dense, explained (stock Material)",
            "docs_dir": str(ROOT / "docs"),
            "site_dir": str(site),
            "theme": {"name": "material"},
            "markdown_extensions": extensions,
        },
        allow_unicode=True,
    )


DOM_LIMIT, SCORE_MARGIN, TBT_FACTOR, TBT_GOOD = 1500, 5, 2, 200


def timed(command: list[str], runs: int, before=None, cwd: Path = ROOT) -> float:
    """The median wall time of a command (`before` runs ahead of each, untimed)."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_ratios(tmp: Path, runs: int) -> None:
    python = sys.executable
    plain = tmp / "plain.yml"
    plain.write_text(stock_config(tmp / "plain"))
    ours = [python, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "ours")]
    stock = [python, "-m", "mkdocs", "build", "-q", "-f", str(plain)]

    def no_caches():
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)  # mkdocs-jupyter's
        for site in (tmp / "ours", tmp / "plain"):
            shutil.rmtree(site, ignore_errors=True)

    figures = {
        "cold": (timed(ours, runs, no_caches), timed(stock, runs, no_caches)),
        "warm": (timed(ours, runs), timed(stock, runs)),
    }
    for kind, (a, b) in figures.items():
        print(f"build, {kind}: {a:6.2f} s, plain Material {b:6.2f} s: {a / b:4.1f}x")


BUILD_LOG = Path(__file__).parent / "build_log"  # its sitecustomize.py logs builds


def suite_run(
    arguments: list[str], cwd: Path = ROOT, path: str = ""
) -> tuple[float, str]:
    """One run of pytest with these arguments: its wall time, its summary line
    ("1005 passed in 650.2s"), the site builds it made (build_log/) and the
    tests that failed, a line each."""
    with tempfile.TemporaryDirectory(prefix="bench-builds-") as folder:
        log = Path(folder) / "builds.jsonl"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(p for p in (path, str(BUILD_LOG)) if p),
            "DENSEDOCS_BUILD_LOG": str(log),
        }
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        start = time.perf_counter()
        result = subprocess.run(
            [*command, *arguments],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    askers = collections.Counter(
        json.loads(line)["test"].split("::")[0] or "(a fresh venv)" for line in lines
    )
    output = result.stdout.strip().splitlines() or ["no output"]
    summary = output[-1].strip("= ")
    by_file = ", ".join(f"{name} {count}" for name, count in sorted(askers.items()))
    # Which tests failed (pytest's -r summary, "FAILED tests/...::name - why").
    failed = "".join(
        f"\n  {line}" for line in output if line.startswith(("FAILED ", "ERROR "))
    )
    return seconds, f"{summary}; {len(lines)} site builds ({by_file}){failed}"


def suite_ratio(against: str | None, selection: list[str]) -> None:
    """The whole suite (or `selection`, pytest's arguments) as `make test` runs it,
    in one process, and at `against`, with the site builds each run made."""
    spread, spread_summary = suite_run(["-n", "auto", *selection])
    one, one_summary = suite_run(["-n", "0", *selection])
    print(f"suite on every core: {spread:6.1f} s: {spread_summary}")
    print(f"suite in one process: {one:6.1f} s: {one_summary}")
    print(f"every core against one process: {spread / one:4.2f}x")
    if not against:
        return
    with tempfile.TemporaryDirectory(prefix="bench-base-") as base:
        worktree = ["git", "worktree"]
        subprocess.run([*worktree, "add", "--detach", base, against], check=True)
        try:
            (Path(base) / "node_modules").symlink_to(ROOT / "node_modules")
            # Its hooks import densedocs as an installed package: from its checkout.
            # Its suite as its own `make test` ran it (no -n before pytest-xdist).
            then, then_summary = suite_run(selection, Path(base), path=base)
        finally:
            subprocess.run([*worktree, "remove", "--force", base], check=True)
    print(f"suite at {against}: {then:6.1f} s: {then_summary}")
    print(f"every core against {against}: {spread / then:4.2f}x")
    print(f"one process against {against}: {one / then:4.2f}x")


def lighthouse(url: str) -> tuple[float, float]:
    """Lighthouse's mobile performance score (0-100) and TBT (ms) of a page."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"lighthouse {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    tbt = report["audits"]["total-blocking-time"]["numericValue"]
    return report["categories"]["performance"]["score"] * 100, tbt


def weight_and_dom(browser, url: str) -> tuple[float, int]:
    """KB (gzipped, as transferred) of everything a first visit loads; DOM size."""
    context = browser.new_context()
    page = context.new_page()
    sizes = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
    page.goto(url, wait_until="networkidle")
    dom = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    return sum(sizes) / 1024, dom


# The watch page at its fastest speed, Play pressed: every epoch the page allows
# (watch-pace.js's MAX_EPOCHS, where it disables Play), timed in the page from
# the click to the epoch line's last change.
FASTEST_RUN = """async () => {
    const root = document.querySelector("[data-watch]");
    const play = root.querySelector("[data-watch-play]");
    const speed = root.querySelector("[data-testid=speed]");
    speed.value = speed.max;
    speed.dispatchEvent(new Event("input"));
    const start = performance.now();
    const done = new Promise((resolve) => new MutationObserver(() => {
        if (play.disabled) resolve(performance.now() - start);
    }).observe(root, { attributes: true, attributeFilter: ["data-epoch"] }));
    play.click();
    return [await done, Number(root.getAttribute("data-epoch"))];
}"""


def watch_fastest(browser, site: str, path: str, runs: int) -> str:
    """How long the watch page takes to train all its epochs at its fastest
    speed (issue 31: at least as fast as 1000 epochs in about 0.1 s)."""
    times, epochs = [], 0
    for _ in range(runs):
        context = browser.new_context(reduced_motion="no-preference")
        page = context.new_page()
        page.goto(site + path)
        page.wait_for_selector("[data-watch][data-ready]")
        elapsed, epochs = page.evaluate(FASTEST_RUN)
        times.append(elapsed)
        context.close()
    median = statistics.median(times)
    return (
        f"{path}: {epochs} epochs at the fastest speed in {median:.0f} ms "
        f"(median of {runs}), {1000 * median / epochs:.0f} ms per 1000 epochs"
    )


def pages_table(tmp: Path, paths: list[str], runs: int) -> int:
    """Build both sites, serve them gzipped, measure every page; returns how many
    pages miss the mark."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from playwright.sync_api import sync_playwright

    from densedocs.bench.gzip_server import serve

    plain = tmp / "plain.yml"
    plain.write_text(stock_config(tmp / "stock"))
    for config, site in (
        (ROOT / "mkdocs.yml", tmp / "site"),
        (plain, tmp / "stock"),
    ):
        build(load_config(str(config), site_dir=str(site)))
    ours, stock = (serve(tmp / name) for name in ("site", "stock"))
    ours_url = f"http://127.0.0.1:{ours.server_port}/"
    stock_url = f"http://127.0.0.1:{stock.server_port}/"

    def stock_path(path: str) -> str | None:
        """The same page in the stock build (zh/answer/ is answer.zh/ there)."""
        if path.startswith("zh/"):
            path = path[3:].rstrip("/")
            path = f"{path or 'index'}.zh/"
        return path if (tmp / "stock" / path / "index.html").is_file() else None

    def medians(*urls: str) -> list[tuple[float, float]]:
        """Each URL's median score and TBT, their runs alternating."""
        runs_of = [[] for _ in urls]
        for _ in range(runs):
            for url, found in zip(urls, runs_of, strict=True):
                found.append(lighthouse(url))
        return [
            tuple(statistics.median(values) for values in zip(*found, strict=True))
            for found in runs_of
        ]

    print(
        f"reference: stock Material's build of the same page (its home page where "
        f"it has none), measured with each page; a page passes with performance "
        f">= reference - {SCORE_MARGIN}, TBT <= {TBT_FACTOR}x the reference's or "
        f"<= {TBT_GOOD} ms (Lighthouse's good), DOM <= {DOM_LIMIT}\n"
    )
    print(
        f"{'page':<24}{'KB gz':>7}{'DOM':>6}{'perf':>6}{'TBT ms':>8}"
        f"  {'reference':<26}{'ref perf':>9}{'ref TBT':>9}  passes"
    )
    misses = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        for path in paths:
            kb, dom = weight_and_dom(browser, ours_url + path)
            reference_path = stock_path(path) or ""  # (stock's home page)
            (score, tbt), reference = medians(
                ours_url + path, stock_url + reference_path
            )
            ok = (
                score >= reference[0] - SCORE_MARGIN
                and (tbt <= reference[1] * TBT_FACTOR or tbt <= TBT_GOOD)
                and dom <= DOM_LIMIT
            )
            misses += not ok
            print(
                f"{path or '/':<24}{kb:7.1f}{dom:6d}{score:6.0f}{tbt:8.0f}"
                f"  {'stock ' + (reference_path or '/'):<26}"
                "{:9.0f}{:9.0f}".format(*reference)
                + f"  {'yes' if ok else 'NO'}"
            )
        for path in paths:
            if path.endswith("watch/"):
                print(watch_fastest(browser, ours_url, path, runs))
        browser.close()
    ours.shutdown()
    stock.shutdown()
    return misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per median")
    parser.add_argument("--pages", nargs="*", help="URL paths (default: every page)")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-suite", action="store_true")
    parser.add_argument("--against", help="a commit whose suite to time as well")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument(
        "--suite",
        default="",
        help="pytest's arguments for the suite's runs instead of the whole suite "
        '(e.g. "tests/core/test_compare.py", to try the bench)',
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        parser.error("Lighthouse is missing: run `npm ci` (make bench does)")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        if not args.skip_build:
            build_ratios(Path(tmp), args.runs)
        if not args.skip_suite:
            suite_ratio(args.against, shlex.split(args.suite))
        if args.skip_pages:
            return 0
        misses = pages_table(Path(tmp), args.pages or site_paths(ROOT), args.runs)
    print(f"\npages that miss the mark: {misses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
