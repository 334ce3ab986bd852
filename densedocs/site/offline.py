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

from densedocs.site.couplings.iframe_worker import SHIM
from densedocs.site.couplings.material import offline as _offline
from densedocs.site.couplings.material import use_polyfill

PUBLISHED = "javascripts/iframe-worker-shim.js"


def on_config(config):
    # After the offline plugin's on_config (hooks run after plugins), which named
    # the shim on unpkg.com.
    if _offline(config):
        use_polyfill(config, PUBLISHED)
    return config


def on_files(files, config):
    if not _offline(config):
        return files
    source = Path(config.config_file_path).parent / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing: run `npm ci` (make offline does)")
    files.append(File.generated(config, PUBLISHED, abs_src_path=str(source)))
    return files
