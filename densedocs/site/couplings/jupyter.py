"""mkdocs-jupyter's insides that the build uses, and the HTML nbconvert writes for
it: wrapping a notebook file as its page, its cache of rendered notebooks, and
the markup of a rendered notebook.
"""

import inspect
import re
import tempfile
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


def cache_of_language(config, language: str, languages: tuple[str, ...]) -> None:
    """Each language's build keeps its rendered notebooks in a folder of its own
    under the configured cache_dir (.cache/mkdocs-jupyter/zh): mkdocs-jupyter's
    on_post_build evicts every file of its cache_dir that its build did not use,
    and mkdocs-static-i18n builds each language as a build of its own, so with
    one folder each language evicted the other's and no build found one cached."""
    options = config.plugins["mkdocs-jupyter"].config
    base = Path(options["cache_dir"])
    if base.name in languages:  # set by this language's build, or the one before
        base = base.parent
    options["cache_dir"] = str(base / language)


def _eviction(config=None, files=None) -> dict[str, bool]:
    """A fresh plugin whose cache_dir is set after its build started: which of a
    file there and a file in its first cache_dir its on_post_build keeps."""
    with tempfile.TemporaryDirectory() as folder:
        first, then = Path(folder, "first"), Path(folder, "then")
        jupyter = _plugin_class().Plugin()
        jupyter.load_config({"cache_dir": str(first)})
        jupyter.on_pre_build({})
        jupyter.config["cache_dir"] = str(then)
        for cache in (first, then):
            cache.mkdir()
            (cache / "zz_test.json").write_text("{}")
        jupyter.on_post_build({})
        return {
            name: (Path(folder, name) / "zz_test.json").exists()
            for name in ("first", "then")
        }


def _eviction_problems(kept: dict[str, bool]) -> list[str]:
    problems = []
    if kept.get("then"):
        problems.append(
            "on_post_build evicts nothing from the cache_dir set after on_pre_build"
        )
    if not kept.get("first"):
        problems.append("on_post_build evicts from the cache_dir it started with")
    return problems


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
    "its option cache_dir is read again at each page it renders and in "
    "on_post_build, which evicts the files there that the build did not use: "
    "a hook may set it per language as each language's build starts",
    "jupyter.py",
    "densedocs/site/notebooks.py",
    probe=_eviction,
    problems=_eviction_problems,
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
