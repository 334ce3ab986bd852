"""MkDocs hook for the notebook pages (docs/notebooks/*.ipynb, rendered by
mkdocs-jupyter with execute: false and include_source: true).

- A notebook with an error output, or one that is no valid notebook, stops the build:
  what the site publishes must run top to bottom.
- Each notebook page gets a download button for its .ipynb (include_source copies the
  file next to the page) and, when mkdocs.yml sets a GitHub `repo_url`, an "Open in
  Colab" link to the notebook in that repository. Without a repo_url: no Colab link.
- mkdocs-jupyter inlines ~0.6 MB of JupyterLab CSS into every notebook page; the
  hook moves each large style block into one shared file, assets/notebooks/<hash>.css,
  cached by the browser across notebook pages.
- Keras's summary is a rich HTML output in a notebook; a few CSS rules give it the
  size of the other outputs, so its 76 columns fit without scrolling.
- An image output is shown with the alt text its notebook gives it (the cell displays
  it with `metadata={"alt": ...}`) and with its width and height; an image without
  alt text is a warning (an error in --strict).
- mkdocs-jupyter's HTML loads MathJax (and, for Mermaid outputs, mermaid) from a CDN;
  the notebooks use neither, and the site loads nothing from other hosts, so both
  loaders are removed. A CDN address left on a page is a warning (an error in --strict).

It reads JSON only: the build never imports TensorFlow.
"""

import hashlib
import html
import logging
import re
from pathlib import Path, PurePosixPath

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.notebooks")

# The branch the repository publishes the site from (.github/workflows/site.yml).
BRANCH = "main"
COLAB = "https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"
GITHUB = re.compile(r"^https://github\.com/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")

MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S
)
MERMAID = re.compile(
    r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S
)
STYLE = re.compile(r'<style type="text/css">(.*?)</style>', re.S)
SHARED_STYLE_MIN = 5000  # characters: smaller style blocks stay on the page
STYLES_DIR = "assets/notebooks"
# Rich (Keras's summary) writes <pre style="font-family:...">: as large as the page's
# text, it would not fit its 76 columns; give it the size of the other outputs.
EXTRA_CSS = """<style>
.jupyter-wrapper .jp-RenderedHTML pre {
  font-size: var(--jp-code-font-size);
  margin: 0;
  padding: 0;
  background: none;
}
.notebook-actions .md-button { margin: 0 .4em .4em 0; }
</style>
"""
IMG = re.compile(r'<img\b[^>]*?\ssrc="(data:image/[^"]+)"[^>]*>')
SVG_SIZE = re.compile(
    r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"'
)
IMAGE_TYPES = ("image/svg+xml", "image/png", "image/jpeg")
REMOTE = re.compile(r"https://(?:cdnjs\.cloudflare\.com|cdn\.jsdelivr\.net|unpkg\.com)")


def is_notebook(file) -> bool:
    return file.src_uri.endswith(".ipynb")


def colab_url(config, file) -> str | None:
    """The notebook in the repository, opened in Colab; None without a GitHub URL."""
    match = GITHUB.match(config.repo_url or "")
    if not match:
        return None
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve())
    path = PurePosixPath(docs.as_posix()) / file.src_uri
    return COLAB.format(repo=match["repo"], branch=BRANCH, path=path)


def notebook_problems(path: Path) -> list[str]:
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # noqa: BLE001 - any reason makes it unpublishable
        return [f"not a valid notebook: {error}"]
    problems = []
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append(
                    f"cell {number} raised {output.ename}: {output.evalue} "
                    "(regenerate it: make outputs)"
                )
    return problems


_shared_styles: dict[str, str] = {}  # site path -> CSS, written after the build
_images: dict[str, list[dict]] = {}  # notebook -> its image outputs, in order


def on_pre_build(config):
    _shared_styles.clear()
    _images.clear()


def image_outputs(nb) -> list[dict]:
    """Each image output of the notebook: its alt text, width and height (px)."""
    images = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            for mime in IMAGE_TYPES:
                if mime not in output.get("data", {}):
                    continue
                meta = {**output.get("metadata", {}), **output.metadata.get(mime, {})}
                image = {k: meta.get(k) for k in ("alt", "width", "height")}
                size = SVG_SIZE.search(output.data[mime]) if "svg" in mime else None
                if size and not image["width"]:
                    scale = 4 / 3 if size[2] == "pt" else 1  # 1pt = 4/3 CSS px
                    image["width"] = round(float(size[1]) * scale)
                    image["height"] = round(float(size[3]) * scale)
                images.append(image)
                break
    return images


def _describe_images(html_text: str, page) -> str:
    images = iter(_images.get(page.file.src_uri, []))

    def describe(match: re.Match) -> str:
        image = next(images, {})
        if not image.get("alt"):
            log.warning(
                "%s: an image output without alt text; display it with "
                "metadata={'alt': ...}",
                page.file.src_uri,
            )
        attributes = [
            f'src="{match[1]}"',
            f'alt="{html.escape(image.get("alt") or "")}"',
        ]
        for key in ("width", "height"):
            if image.get(key):
                attributes.append(f'{key}="{image[key]}"')
        return "<img " + " ".join(attributes) + ">"

    return IMG.sub(describe, html_text)


def _share_styles(html_text: str, page) -> str:
    def link(match: re.Match) -> str:
        css = match.group(1)
        if len(css) < SHARED_STYLE_MIN:
            return match.group(0)
        digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:16]
        path = f"{STYLES_DIR}/{digest}.css"
        _shared_styles[path] = css
        return f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">'

    return STYLE.sub(link, html_text)


def on_post_build(config):
    for path, css in _shared_styles.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")


def _notebook_page(file, config):
    """The notebook as mkdocs-jupyter's page, or None if it is no page in this build.

    mkdocs-static-i18n remakes every File after mkdocs-jupyter has wrapped the
    notebooks as pages, so they are wrapped again here. In the build of another
    language than the default, only that language's notebooks (answer.zh.ipynb) are
    pages, under its folder (zh/notebooks/answer/); without one, its nav links to
    the default language's page.
    """
    from mkdocs_jupyter.plugin import NotebookFile

    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or isinstance(file, NotebookFile):
        return None
    if not jupyter.should_include(file):
        return None
    i18n = config.plugins.get("i18n")
    localization = getattr(file, "localization", None)
    other_language = i18n and i18n.current_language != i18n.default_language
    if other_language and localization != i18n.current_language:
        # The default language's notebook, already rendered by its build: not
        # copied over that page (this language's nav entry still links to it).
        file.inclusion = InclusionLevel.EXCLUDED
        return None
    page = NotebookFile(file, **config)
    if localization:  # zh/notebooks/answer.ipynb -> zh/notebooks/answer/index.html
        stem = PurePosixPath(file.dest_uri).with_suffix("")
        if config.use_directory_urls:
            page.dest_path = str(stem / "index.html")
            page.url = f"{stem}/"
        else:
            page.dest_path = f"{stem}.html"
            page.url = page.dest_path
        page.abs_dest_path = str(Path(config.site_dir) / page.dest_path)
    return page


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    for file in list(files):
        if is_notebook(file):
            problems = notebook_problems(Path(file.abs_src_path))
            if problems:
                raise PluginError(f"{file.src_uri}: " + "; ".join(problems))
            nb = nbformat.read(file.abs_src_path, as_version=4)
            _images[file.src_uri] = image_outputs(nb)
            page = _notebook_page(file, config)
            if page is not None:
                files.remove(file)
                files.append(page)
    return files


def actions(config, page) -> str:
    name = PurePosixPath(page.file.src_uri).name
    links = [
        f'<a class="md-button md-button--primary" href="{html.escape(name)}" '
        f'download title="Download {html.escape(name)}">'
        f"Download the notebook (.ipynb)</a>"
    ]
    colab = colab_url(config, page.file)
    if colab:
        links.append(
            f'<a class="md-button" href="{html.escape(colab)}" '
            'title="Run this notebook in Google Colab">Open in Colab</a>'
        )
    return '<p class="notebook-actions">\n' + "\n".join(links) + "\n</p>\n"


def on_page_content(html_text, page, config, files):
    if not is_notebook(page.file):
        return html_text
    html_text = MERMAID.sub("", MATHJAX.sub("", html_text))
    html_text = _share_styles(html_text, page) + EXTRA_CSS
    html_text = _describe_images(html_text, page)
    for url in sorted(set(REMOTE.findall(html_text))):
        log.warning("%s loads from %s: remove it", page.file.src_uri, url)
    bar = actions(config, page)
    head, h1, rest = html_text.partition("</h1>")
    return head + h1 + bar + rest if h1 else bar + html_text
