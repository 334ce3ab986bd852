"""MkDocs hook: publish the files snippets wrote (figures) under figures/<topic>/.

`make outputs` keeps a file that snippets/<topic>/<name>.py wrote next to the
snippet and lists it in snippets/captured.json. This hook adds each such file to
the site at its address (densedocs.layout.figure_address), so a page shows it with
![...](figures/<topic>/<file>) and MkDocs checks the link. It reads JSON only: the
build never imports TensorFlow.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from densedocs.layout import published_figures


def on_files(files, config):
    root = Path(config.config_file_path).parent
    for address, source in published_figures(root).items():
        if not source.is_file():
            raise PluginError(
                f"{address}: snippets/captured.json lists {source.name}, which "
                f"{source.parent.relative_to(root)}/ does not hold: run make outputs"
            )
        files.append(File.generated(config, address, abs_src_path=str(source)))
    return files
