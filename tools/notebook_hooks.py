"""MkDocs hook for the notebook pages (docs/notebooks/*.ipynb, rendered by
mkdocs-jupyter with execute: false and include_source: true).

- A notebook with an error output, or one that is no valid notebook, stops the build:
  what the site publishes must run top to bottom.
- Each notebook page gets a download button for its .ipynb (include_source copies the
  file next to the page) and, when mkdocs.yml sets a GitHub `repo_url`, an "Open in
  Colab" link to the notebook in that repository. Without a repo_url: no Colab link.
- mkdocs-jupyter inlines ~0.6 MB of JupyterLab CSS (~86 KB gzipped) into every
  notebook page; the hook keeps only the rules that can apply to the page and the
  custom properties they use (prune_css: ~3 KB gzipped), and moves each large style
  block into a file, assets/notebooks/<hash>.css, cached by the browser. Image
  outputs become files there too, as the other pages' figures are.
- A translated notebook (answer.zh.ipynb, written by tools/notebooks.py) is the page
  of its language (zh/notebooks/answer/), with the English notebook's anchors, its
  buttons in its language, and a language switcher that leads to the English page.
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

import base64
import hashlib
import html
import logging
import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.notebooks")

COLAB = "https://colab.research.google.com/github/{repo}/{tree}/{path}"
GITHUB = re.compile(r"^https://github\.com/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")

MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S
)
MERMAID = re.compile(
    r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S
)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
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
    if not match or not config.edit_uri:
        return None
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve())
    path = PurePosixPath(docs.as_posix()) / file.src_uri
    tree = posixpath.dirname(config.edit_uri.strip("/"))  # blob/main
    return COLAB.format(repo=match["repo"], tree=tree, path=path)


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


# site path -> text (CSS) or bytes (an image), written after the build
_shared_styles: dict[str, str | bytes] = {}
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


DATA_URI = re.compile(
    r"^data:image/(?P<type>[\w+.-]+)(?P<base64>;base64)?,(?P<data>.*)$", re.S
)
IMAGE_SUFFIXES = {"svg+xml": ".svg", "png": ".png", "jpeg": ".jpg"}


def _image_file(src: str, page) -> str:
    """An image output as a file of the site, assets/notebooks/<hash>.svg, instead of
    a data: URI: like the other pages' figures, it is not part of the page's weight
    (its base64 in the HTML was ~6 KB gzipped of the training notebook's page)."""
    match = DATA_URI.match(src)
    if not match or match["type"] not in IMAGE_SUFFIXES:
        return src
    data = match["data"]
    content = (
        base64.b64decode(data) if match["base64"] else unquote(data).encode("utf-8")
    )
    digest = hashlib.sha256(content).hexdigest()[:16]
    path = f"{STYLES_DIR}/{digest}{IMAGE_SUFFIXES[match['type']]}"
    _shared_styles[path] = content
    return get_relative_url(path, page.url)


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
            f'src="{_image_file(match[1], page)}"',
            f'alt="{html.escape(image.get("alt") or "")}"',
        ]
        for key in ("width", "height"):
            if image.get(key):
                attributes.append(f'{key}="{image[key]}"')
        return "<img " + " ".join(attributes) + ">"

    return IMG.sub(describe, html_text)


# --- Only the CSS a notebook page uses ------------------------------------------

CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'\bid="([^"]*)"')
CUSTOM_PROPERTY = re.compile(r"var\(\s*(--[\w-]+)")
# Classes that Material's scripts may add to a page after it has loaded (it wraps
# tables in .md-typeset__scrollwrap, for one): a selector needing one is kept.
RUNTIME_CLASS = re.compile(r"^md-")
RUNTIME_ATTRIBUTE = re.compile(r"^data-md-")  # data-md-color-scheme, switched by it
TAG = re.compile(r"<[a-zA-Z][^>]*>")
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
ATTRIBUTE_NAME = re.compile(r"\s([^\s=/>]+)(?=\s*=|[\s/>])")


def _required(prelude) -> tuple[set[str], set[str], set[str], bool]:
    """The classes, ids and attributes an element must have for a selector to
    match, read from its top level only: inside :not(), :is(), :where() or :has()
    nothing is required (conservative: such a selector is kept more often, never
    less). And whether it can match at all: `.jupyter-wrapper :root` (or html,
    body) cannot, the document's root being inside no element."""
    import tinycss2.ast as css

    classes, ids, attributes = set(), set(), set()
    tokens = [t for t in prelude if t.type != "comment"]
    while tokens and tokens[0].type == "whitespace":
        tokens.pop(0)
    nested, possible = False, True  # nested: after a combinator
    for before, token in zip([None, *tokens], tokens, strict=False):
        after_literal = isinstance(before, css.LiteralToken)
        if token.type == "whitespace" or (
            token.type == "literal" and token.value in (">", "+", "~")
        ):
            nested = True
        elif token.type == "ident" and after_literal and before.value == ".":
            classes.add(token.value)
        elif token.type == "ident":
            root = token.lower_value in ("html", "body") and not after_literal
            root = root or (
                after_literal and before.value == ":" and token.lower_value == "root"
            )
            possible = possible and not (nested and root)
        elif token.type == "hash" and token.is_identifier:
            ids.add(token.value)
        elif token.type == "[] block":
            names = [t for t in token.content if t.type == "ident"]
            if names:
                attributes.add(names[0].lower_value)
    return classes, ids, attributes, possible


def _selectors(prelude) -> list[list]:
    """A rule's prelude split at its top-level commas."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def prune_css(sheets: list[str], page_html: str) -> list[str]:
    """The rules of the page's stylesheets that can apply to the page, and the
    custom properties (--jp-...) they use.

    A selector is kept unless it needs a class, an id or an attribute that no
    element of the page has (the notebook pages run no script that adds any,
    Material's md- classes and data-md- attributes aside) or can match no element
    at all; a rule without a selector left is dropped, as is an @media or @supports
    block left empty. Every other at-rule (@keyframes, @font-face) is kept as it is.
    Then a custom property is kept only if a kept declaration, the page itself (its
    inline styles) or a kept custom property uses it, in any of the sheets. The
    selectors and declarations themselves are not rewritten.
    """
    import tinycss2

    classes = {c for value in CLASS_ATTRIBUTE.findall(page_html) for c in value.split()}
    ids = set(ID_ATTRIBUTE.findall(page_html))
    attributes = {
        name.lower()
        for tag in TAG.findall(page_html)
        for name in ATTRIBUTE_NAME.findall(QUOTED.sub('""', tag))
    }

    def matches(selector) -> bool:
        needed_classes, needed_ids, needed_attributes, possible = _required(selector)
        return (
            possible
            and needed_ids <= ids
            and all(c in classes or RUNTIME_CLASS.match(c) for c in needed_classes)
            and all(
                a in attributes or RUNTIME_ATTRIBUTE.match(a) for a in needed_attributes
            )
        )

    def keep_rules(rules) -> list:
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s for s in _selectors(rule.prelude) if matches(s)]
                if selectors:
                    declarations = tinycss2.parse_blocks_contents(rule.content)
                    kept.append((selectors, declarations))
            elif rule.type == "at-rule" and rule.lower_at_keyword in (
                "media",
                "supports",
            ):
                inner = keep_rules(tinycss2.parse_rule_list(rule.content or []))
                if inner:
                    kept.append((rule, inner))
            elif rule.type == "at-rule":
                kept.append(rule)
        return kept

    kept_sheets = [
        keep_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True))
        for css in sheets
    ]
    kept = [item for sheet in kept_sheets for item in sheet]

    def walk(items):
        for item in items:
            if isinstance(item, tuple) and isinstance(item[1], list):
                if isinstance(item[0], list):  # (selectors, declarations)
                    yield from (d for d in item[1] if d.type == "declaration")
                else:  # (@media, its rules)
                    yield from walk(item[1])

    definitions: dict[str, list[str]] = {}
    used = set(CUSTOM_PROPERTY.findall(page_html))
    for declaration in walk(kept):
        value = tinycss2.serialize(declaration.value)
        if declaration.name.startswith("--"):
            definitions.setdefault(declaration.name, []).append(value)
        else:
            used |= set(CUSTOM_PROPERTY.findall(value))
    for item in kept:  # the at-rules kept as they are (@keyframes) may use some
        if not isinstance(item, tuple):
            used |= set(CUSTOM_PROPERTY.findall(item.serialize()))
    pending = list(used)
    while pending:
        for value in definitions.get(pending.pop(), []):
            for name in CUSTOM_PROPERTY.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)

    def write(items) -> str:
        out = []
        for item in items:
            if not isinstance(item, tuple):
                out.append(item.serialize())
            elif isinstance(item[0], list):
                selectors, declarations = item
                body = ";".join(
                    tinycss2.serialize([d]).strip().rstrip(";")
                    for d in declarations
                    if d.type == "declaration"
                    and (not d.name.startswith("--") or d.name in used)
                )
                if body:
                    prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                    out.append(f"{prelude}{{{body}}}")
            else:
                rule, inner = item
                body = write(inner)
                if body:
                    prelude = tinycss2.serialize(rule.prelude).strip()
                    out.append(f"@{rule.at_keyword} {prelude}{{{body}}}")
        return "".join(out)

    return [write(sheet) for sheet in kept_sheets]


def _share_styles(html_text: str, page) -> str:
    """Every style block of the page pruned to what the page uses (prune_css); each
    large one moved to its own file assets/notebooks/<hash of the CSS>.css (shared
    by the pages whose pruned CSS is the same, cached by the browser)."""
    # The page as the pruning reads it: without the stylesheets it prunes.
    pruned = iter(
        prune_css(
            [m.group(1) for m in STYLE.finditer(html_text)], STYLE.sub("", html_text)
        )
    )

    def link(match: re.Match) -> str:
        css = next(pruned)
        if not css:
            return ""
        if len(match.group(1)) < SHARED_STYLE_MIN:
            return f"<style>{css}</style>"
        digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:16]
        path = f"{STYLES_DIR}/{digest}.css"
        _shared_styles[path] = css
        return f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">'

    return STYLE.sub(link, html_text)


def on_post_build(config):
    for path, css in _shared_styles.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(css, bytes):
            target.write_bytes(css)
        else:
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
    if localization:
        # The i18n plugin has placed the page already (zh/notebooks/answer.zh.ipynb
        # -> zh/notebooks/answer/index.html); NotebookFile would place it from its
        # file name instead (notebooks/answer.zh/index.html).
        dest = PurePosixPath(file.dest_uri)
        if dest.suffix == ".ipynb":  # not placed: as a page of this language
            stem = dest.with_suffix("")
            if config.use_directory_urls:
                dest = stem / "index.html"
            else:
                dest = stem.with_suffix(".html")
        page.dest_path = str(dest)
        if config.use_directory_urls and dest.name == "index.html":
            page.url = f"{dest.parent}/"
        else:
            page.url = str(dest)
        page.abs_dest_path = str(Path(config.site_dir) / page.dest_path)
        # mkdocs-static-i18n takes a notebook for an asset and gives it no
        # alternates: the language switcher would send the reader to the default
        # language's home instead of this notebook's page there.
        alternates = getattr(file, "alternates", None)
        if alternates is not None and i18n.default_language not in alternates:
            original = File(
                file.src_uri.replace(f".{localization}.", ".", 1),
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
            )
            alternates[i18n.default_language] = NotebookFile(original, **config)
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


HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#[^"]*">'
)
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def heading_ids(path: Path) -> list[str]:
    """The ids mkdocs-jupyter gives the headings of a notebook's Markdown cells (its
    slug of their text), in order, made unique as the page's table of contents does."""
    from mkdocs_jupyter.utils import slugify

    ids: list[str] = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.split("\n"):
            if FENCE.match(line):
                fenced = not fenced
            elif not fenced and (match := MD_HEADING.match(line)):
                slug = slugify(re.sub(r"[`*_]", "", match[1])) or "section"
                unique, number = slug, 1
                while unique in ids:
                    unique, number = f"{slug}_{number}", number + 1
                ids.append(unique)
    return ids


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _anchor_headings(html_text: str, page, config) -> str:
    """Headings with ids the page's table of contents links to.

    mkdocs-jupyter gives a heading the ASCII slug of its text (none for a Chinese
    one: id="") and its table of contents other slugs (#_1, and "what-prints-today"
    for "What `model.summary()` prints today", titled without its code), so the
    links of the "On this page" list went nowhere. Each heading keeps
    mkdocs-jupyter's id, or, on a translated notebook's page, takes the id of the
    same heading in the default language's notebook (as the Chinese pages keep the
    English anchors), and the table of contents links to it, with its full title.
    """
    found = HEADING.findall(html_text)
    ids = [anchor for _level, anchor, _text in found]
    titles = [re.sub(r"<[^>]+>", "", text).strip() for _level, _anchor, text in found]
    localization = getattr(page.file, "localization", None)
    if localization:
        source = Path(page.file.abs_src_path)
        original = source.with_name(source.name.replace(f".{localization}.", ".", 1))
        english = heading_ids(original) if original.is_file() else []
        if len(english) == len(ids):
            ids = english
        else:
            log.warning(
                "%s: %d headings, %d in %s: its anchors are not the original's",
                page.file.src_uri,
                len(ids),
                len(english),
                original.name,
            )
    numbers = iter(ids)

    def anchor(match: re.Match) -> str:
        new = html.escape(next(numbers))
        return (
            f'<h{match[1]} id="{new}">{match[3]}<a class="anchor-link" href="#{new}">'
        )

    html_text = HEADING.sub(anchor, html_text)
    items = list(_toc_items(page.toc or []))
    if len(items) == len(ids):
        for item, new, title in zip(items, ids, titles, strict=True):
            item.id = new
            item.title = title  # with its code: "What model.summary() prints today"
    else:
        log.warning(
            "%s: %d headings, %d entries in its table of contents",
            page.file.src_uri,
            len(ids),
            len(items),
        )
    return html_text


# The buttons' words, in the language of the page (mkdocs-static-i18n's locale).
WORDS = {
    "en": {
        "download": "Download the notebook (.ipynb)",
        "download_title": "Download {name}",
        "colab": "Open in Colab",
        "colab_title": "Run this notebook in Google Colab",
    },
    "zh": {
        "download": "下载 Notebook（.ipynb）",
        "download_title": "下载 {name}",
        "colab": "在 Colab 中打开",
        "colab_title": "在 Google Colab 中运行这个 Notebook",
    },
}


def actions(config, page) -> str:
    name = PurePosixPath(page.file.src_uri).name
    words = WORDS.get(getattr(page.file, "locale", None) or "en", WORDS["en"])
    links = [
        f'<a class="md-button md-button--primary" href="{html.escape(name)}" '
        f'download title="{html.escape(words["download_title"].format(name=name))}">'
        f"{words['download']}</a>"
    ]
    colab = colab_url(config, page.file)
    if colab:
        links.append(
            f'<a class="md-button" href="{html.escape(colab)}" '
            f'title="{words["colab_title"]}">{words["colab"]}</a>'
        )
    return '<p class="notebook-actions">\n' + "\n".join(links) + "\n</p>\n"


def on_page_content(html_text, page, config, files):
    if not is_notebook(page.file):
        return html_text
    html_text = MERMAID.sub("", MATHJAX.sub("", html_text))
    html_text = _anchor_headings(html_text, page, config)
    html_text += EXTRA_CSS
    html_text = _describe_images(html_text, page)
    for url in sorted(set(REMOTE.findall(html_text))):
        log.warning("%s loads from %s: remove it", page.file.src_uri, url)
    bar = actions(config, page)
    head, h1, rest = html_text.partition("</h1>")
    return head + h1 + bar + rest if h1 else bar + html_text


def on_post_page(output, page, config):
    """The large style blocks, pruned against the whole page (Material's template
    included) and moved to shared files."""
    if not is_notebook(page.file):
        return output
    return _share_styles(output, page)
