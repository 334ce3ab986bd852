"""mkdocs-jupyter's insides that the build uses, and the HTML nbconvert writes for
it: wrapping a notebook file as its page, its cache of rendered notebooks, and
the markup of a rendered notebook.
"""

import inspect
import re
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File

from densedocs.site.couplings import Coupling

PACKAGE, WRITTEN_FOR = "mkdocs-jupyter", "0.26.3"


# --- A notebook file as its page ----------------------------------------------


def _plugin_class(config=None, files=None):
    from mkdocs_jupyter import plugin

    return plugin


def _page_problems(plugin) -> list[str]:
    problems = []
    notebook_file = getattr(plugin, "NotebookFile", None)
    if notebook_file is None or not issubclass(notebook_file, File):
        problems.append("no NotebookFile, a File")
    else:
        parameters = list(inspect.signature(notebook_file.__init__).parameters)
        if parameters[:2] != ["self", "file"]:
            problems.append(
                f"NotebookFile takes {parameters[1:]}, not (file, **config)"
            )
    if not callable(getattr(getattr(plugin, "Plugin", None), "should_include", None)):
        problems.append("its Plugin has no should_include(file)")
    return problems


def is_page(file, config) -> bool | None:
    """Whether mkdocs-jupyter renders this file as a page (None: no plugin, or
    already its page)."""
    from mkdocs_jupyter.plugin import NotebookFile

    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or isinstance(file, NotebookFile):
        return None
    return jupyter.should_include(file)


def notebook_page(file, config, placed: bool):
    """The notebook as mkdocs-jupyter's page. A file the i18n plugin has placed
    (zh/notebooks/answer.zh.ipynb -> zh/notebooks/answer/index.html) keeps its
    place; NotebookFile would place it from its name (notebooks/answer.zh/)."""
    from mkdocs_jupyter.plugin import NotebookFile

    page = NotebookFile(file, **config)
    if not placed:
        return page
    dest = PurePosixPath(file.dest_uri)
    if dest.suffix == ".ipynb":  # not placed: as a page of this language
        stem = dest.with_suffix("")
        dest = (
            stem / "index.html"
            if config.use_directory_urls
            else stem.with_suffix(".html")
        )
    page.dest_path = str(dest)
    if config.use_directory_urls and dest.name == "index.html":
        page.url = f"{dest.parent}/"
    else:
        page.url = str(dest)
    page.abs_dest_path = str(Path(config.site_dir) / page.dest_path)
    return page


def page_of(src_uri: str, config):
    """The page mkdocs-jupyter makes of another notebook (the default language's)."""
    from mkdocs_jupyter.plugin import NotebookFile

    original = File(
        src_uri, config.docs_dir, config.site_dir, config.use_directory_urls
    )
    return NotebookFile(original, **config)


# --- Its cache of rendered notebooks ------------------------------------------


def _fresh_plugin(config=None, files=None):
    jupyter = _plugin_class().Plugin()
    jupyter.on_pre_build({})
    return jupyter


def _cache_problems(jupyter) -> list[str]:
    problems = []
    if not isinstance(getattr(jupyter, "_used_cache_paths", None), set):
        problems.append("no _used_cache_paths, the set its on_post_build evicts by")
    priority = getattr(getattr(jupyter, "on_post_build", None), "mkdocs_priority", 0)
    if priority != 0:
        problems.append(f"on_post_build runs at priority {priority}, not 0")
    return problems


def used_cache(config) -> set[Path]:
    """The cached renderings mkdocs-jupyter used in this language's build."""
    jupyter = config.plugins["mkdocs-jupyter"]
    CACHE_COUPLING.stop(_cache_problems(jupyter))
    return set(jupyter._used_cache_paths)


def keep_cache(config, paths: set[Path]) -> None:
    """Make mkdocs-jupyter's on_post_build evict every cached rendering but these."""
    jupyter = config.plugins["mkdocs-jupyter"]
    CACHE_COUPLING.stop(_cache_problems(jupyter))
    jupyter._used_cache_paths = set(paths)


# --- nbconvert's HTML ---------------------------------------------------------

# Everything nbconvert puts in the page besides the cells: its stylesheets, the
# clipboard script, the MathJax and mermaid loaders, its comments.
NOT_CONTENT = re.compile(
    r"<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->"
    r'|<link rel="stylesheet"[^>]*>',
    re.S,
)
# The clipboard button of each code cell, and the hidden copy of its code.
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.S,
)
# Highlighted code: of code cells (highlight-ipynb) and of Markdown cells (highlight).
HIGHLIGHTED = re.compile(
    r'<div class="highlight(?:-ipynb hl-(?P<language>\w+))?"><pre>(?P<code>.*?)</pre>'
    r"</div>",
    re.S,
)
# A text output: a code block of Material's, and like every code block of the
# site out of the search index (densedocs/site/code_blocks.py says why).
OUTPUT_TEXT = re.compile(
    r'(<div class="jp-RenderedText[^>]*>\s*)<pre>(.*?)</pre>', re.S
)
# What as_material removes or rewrites; any of it left means the markup changed.
NBCONVERT_LEFT = re.compile(
    r"<style\b|<script\b|<clipboard-copy\b|clipboard-copy-txt|highlight-ipynb"
    r'|class="anchor-link"'
)
# A heading, with its id and the link nbconvert gives it.
HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#[^"]*">'
)
IMAGE = re.compile(r'<img\b[^>]*?\ssrc="data:image/[^"]+"[^>]*>')


def as_material(html_text: str) -> str:
    """Notebook HTML with Material's code blocks and none of nbconvert's extras."""
    html_text = CLIPBOARD.sub("", NOT_CONTENT.sub("", html_text))
    html_text = HIGHLIGHTED.sub(
        lambda m: (
            f'<div class="language-{m["language"] or "text"} highlight">'
            f"<pre><code>{m['code']}</code></pre></div>"
        ),
        html_text,
    )
    html_text = html_text.replace('class="anchor-link"', 'class="headerlink"')
    html_text = OUTPUT_TEXT.sub(
        r"\1<pre data-search-exclude><code>\2</code></pre>", html_text
    )
    left = sorted({m[0] for m in NBCONVERT_LEFT.finditer(html_text)})
    if left or "<pre><code>" not in html_text:
        HTML_COUPLING.stop([f"{left or 'no code cell became a code block'}"])
    return html_text


PAGE_COUPLING = Coupling(
    "jupyter-notebook-page",
    PACKAGE,
    WRITTEN_FOR,
    "mkdocs_jupyter.plugin.NotebookFile(file, **config) wraps a File as its page "
    "and Plugin.should_include(file) says which files it renders",
    "jupyter.py",
    "densedocs/site/notebooks.py (the i18n plugin remakes the files after "
    "mkdocs-jupyter wrapped them)",
    probe=_plugin_class,
    problems=_page_problems,
)
CACHE_COUPLING = Coupling(
    "jupyter-cache",
    PACKAGE,
    WRITTEN_FOR,
    "on_pre_build empties the set _used_cache_paths, each page it renders or "
    "finds cached adds its file, and on_post_build (priority 0) evicts every "
    "other file of its cache_dir",
    "jupyter.py",
    "densedocs/site/notebooks.py",
    probe=_fresh_plugin,
    problems=_cache_problems,
)
HTML_COUPLING = Coupling(
    "nbconvert-html",
    "nbconvert",
    "7.17.2",
    "a notebook page's HTML has code cells as <div class=\"highlight-ipynb "
    'hl-LANG"><pre>, headings with <a class="anchor-link">, text outputs in '
    "jp-RenderedText, and a clipboard button per cell: checked on every notebook page",
    "jupyter.py",
    "densedocs/site/notebooks.py",
)
COUPLINGS = [PAGE_COUPLING, CACHE_COUPLING, HTML_COUPLING]
