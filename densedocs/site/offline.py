"""MkDocs hook of the offline edition (`make offline`: OFFLINE=true turns on Material's
offline plugin in mkdocs.yml): the search polyfill, local.

Material's offline plugin makes search work from file:// with the iframe-worker shim,
which it would load from unpkg.com. This hook publishes that file from the pinned npm
package (package.json, installed into node_modules/ by `make offline`) and names it
in extra.polyfills instead, so the edition needs no network. Without the offline
plugin on, it does nothing.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SHIM = Path("node_modules/iframe-worker/shim/index.js")
PUBLISHED = "javascripts/iframe-worker-shim.js"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config):
    # After the offline plugin's on_config (hooks run after plugins), which named
    # the shim on unpkg.com.
    if _offline(config):
        config.extra["polyfills"] = [PUBLISHED]
    return config


def on_files(files, config):
    if not _offline(config):
        return files
    source = Path(config.config_file_path).parent / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing: run `npm ci` (make offline does)")
    files.append(File.generated(config, PUBLISHED, abs_src_path=str(source)))
    return files
