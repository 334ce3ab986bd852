"""MkDocs hook: publish the files snippets wrote (figures) under figures/<topic>/.

`make outputs` keeps a file that snippets/<topic>/<name>.py wrote next to the snippet
and lists it in snippets/captured.json. This hook adds each such file to the site as
figures/<topic>/<file>, so a page shows it with ![...](figures/<topic>/<file>) and
MkDocs checks the link. It reads JSON only: the build never imports TensorFlow.
"""

import json
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File


def on_files(files, config):
    snippets = Path(config.config_file_path).parent / "snippets"
    manifest = json.loads((snippets / "captured.json").read_text(encoding="utf-8"))
    for name, filenames in manifest.get("written_files", {}).items():
        topic = PurePosixPath(name).parent
        for filename in filenames:
            source = snippets / topic / filename
            files.append(
                File.generated(
                    config,
                    f"figures/{topic / filename}",
                    abs_src_path=str(source),
                )
            )
    return files
