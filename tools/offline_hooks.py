"""MkDocs hook of the offline edition (mkdocs-offline.yml): the search polyfill, local.

Material's offline plugin makes search work from file:// with the iframe-worker shim,
which it would load from unpkg.com unless extra.polyfills already names a file called
iframe-worker. This hook publishes that file from the pinned npm package (package.json,
installed into node_modules/ by `make offline`), so the edition needs no network.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SHIM = Path("node_modules/iframe-worker/shim/index.js")
PUBLISHED = "javascripts/iframe-worker-shim.js"


def on_files(files, config):
    source = Path(config.config_file_path).parent / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing: run `npm ci` (make offline does)")
    if PUBLISHED not in config.extra.get("polyfills", []):
        raise PluginError(f"extra.polyfills must name {PUBLISHED}")
    files.append(File.generated(config, PUBLISHED, abs_src_path=str(source)))
    return files
