"""MkDocs hook: the captures a page's script reads, written into the page.

A page that computes something live compares it with Keras (the "Watch it learn"
page shows Keras's logged loss next to its own). It names, in its front matter,
files that snippets wrote and `make outputs` captured:

    data:
      - watch/keras_runs.json

and each is written into the page as `<script type="application/json"
id="data-watch-keras_runs">`, which the page's script parses. Inline, not fetched:
the offline edition is read from file://, where a fetch is refused. A name that is
no captured file, or a file that is not JSON, stops the build. It reads JSON only:
the build never imports TensorFlow.
"""

import json
import re
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from densedocs.layout import published_figures, snippets_dir

KEY = "data"


def element_id(name: str) -> str:
    """The id of the element that holds snippets/<name>: data-watch-keras_runs."""
    return "data-" + re.sub(r"[^\w-]", "-", str(PurePosixPath(name).with_suffix("")))


def captured_files(root: Path) -> set[str]:
    """Every file a snippet wrote, by its name under snippets/ (watch/x.json)."""
    snippets = snippets_dir(root)
    return {
        source.relative_to(snippets).as_posix()
        for source in published_figures(root).values()
    }


def inline(root: Path, names: list[str], where: str) -> list[tuple[str, str]]:
    """(id, JSON text safe inside <script>) for each name, or a PluginError."""
    known = captured_files(root)
    found = []
    for name in names:
        if name not in known:
            raise PluginError(
                f"{where}: front matter {KEY}: names {name!r}, which no snippet "
                f"wrote (snippets/captured.json lists {', '.join(sorted(known))})"
            )
        text = (snippets_dir(root) / name).read_text(encoding="utf-8")
        try:
            json.loads(text)
        except ValueError as error:
            message = f"{where}: snippets/{name} is not JSON: {error}"
            raise PluginError(message) from error
        # "</" would end the <script> element early; "<\/" is the same JSON.
        found.append((element_id(name), text.strip().replace("</", "<\\/")))
    return found


def on_page_context(context, page, config, nav):
    names = page.meta.get(KEY) or []
    if names:
        root = Path(config.config_file_path).parent
        page.meta["inline_data"] = inline(root, names, page.file.src_uri)
    return context
