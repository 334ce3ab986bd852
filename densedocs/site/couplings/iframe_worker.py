"""The iframe-worker shim (npm, pinned in package-lock.json) that Material's
offline plugin runs search in: the inline script it writes into its iframe,
which the pages' Content-Security-Policy must allow by its hash."""

import json
import re
from pathlib import Path

from densedocs.site.couplings import Coupling

SHIM = Path("node_modules/iframe-worker/shim/index.js")
SHIM_FUNCTION = r"function {name}\(.*?\)\{{.*?\}}(?=function |var )"
WRITES = "<script>postMessage=${c};importScripts=${d};"


def _functions(shim: str):
    return [re.search(SHIM_FUNCTION.format(name=n), shim) for n in "cd"]


def _problems(shim: str) -> list[str]:
    if all(_functions(shim)) and WRITES in shim:
        return []
    return [f"{SHIM} no longer has the functions c and d and writes {WRITES}"]


def bootstrap(shim: str, worker: str) -> str:
    """The inline script the shim writes for a page whose search worker is this."""
    COUPLING.stop(_problems(shim))
    c, d = (f[0] for f in _functions(shim))
    return (
        f"postMessage={c};importScripts={d};"
        'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent'
        f'("error",{{filename:"{worker}",error}}))}})'
    )


def _probe(config, files=None):
    from densedocs.site.couplings.material import offline

    if not offline(config):
        return None
    return (Path(config.config_file_path).parent / SHIM).read_text(encoding="utf-8")


def _version() -> str:
    package = Path(__file__).parents[3] / "node_modules/iframe-worker/package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    except OSError:
        return "not installed"


COUPLING = Coupling(
    "iframe-worker-shim",
    "iframe-worker",
    "1.0.4",
    "the shim writes <script>postMessage=${c};importScripts=${d};... into its "
    "iframe, c and d its own two functions",
    "iframe_worker.py",
    "densedocs/site/csp.py",
    probe=_probe,
    problems=_problems,
    version=_version,
)
COUPLINGS = [COUPLING]
