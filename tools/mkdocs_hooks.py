"""MkDocs hook: publish the files snippets wrote (figures) under figures/<topic>/;
link code blocks to their snippet in the repository, and leave out the spans of
highlighted code that style nothing; keep the Chinese edition's links and 404
page right (see the end).

`make outputs` keeps a file that snippets/<topic>/<name>.py wrote next to the snippet
and lists it in snippets/captured.json. This hook adds each such file to the site as
figures/<topic>/<file>, so a page shows it with ![...](figures/<topic>/<file>) and
MkDocs checks the link. It reads JSON only: the build never imports TensorFlow.
"""

import html
import json
import posixpath
import re
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


def on_files(files, config):
    _no_sitemap_without_an_address(files, config)
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


# --- The hosted build: addresses from SITE_URL and REPO_URL (mkdocs.yml) ------


def _no_sitemap_without_an_address(files, config):
    """A local build (no SITE_URL) has no sitemap: its addresses would read
    "None/answer/". Not rendered, and not copied from the theme either (the i18n
    plugin's template would otherwise be published as it is)."""
    if config.site_url:
        return
    config.theme.static_templates.discard("sitemap.xml")
    template = files.get_file_from_path("sitemap.xml")
    if template is not None:
        files.remove(template)


def on_config(config):
    """edit_uri (the branch of the source links) only with a repository to join it
    to: MkDocs warns about every page of a local build otherwise."""
    if not config.repo_url:
        config.edit_uri = None
    return config


def source_url(config, path: str) -> str | None:
    """A file of the checkout in the repository, on the branch that edit_uri names
    (blob/main/docs/ -> blob/main/<path>); None without a repo_url."""
    if not config.repo_url or not config.edit_uri:
        return None
    tree = posixpath.dirname(config.edit_uri.strip("/"))
    return f"{config.repo_url.rstrip('/')}/{tree}/{path}"


SNIPPET_TITLE = re.compile(r'<span class="filename">(snippets/[\w/.-]+\.py)</span>')
# Pygments wraps every name and every run of spaces of highlighted code in a span
# of its own; Material gives names the code's own colour and spaces none. Unwrapped,
# they look the same and a page carries a quarter fewer elements (its DOM size is
# what Material's script and the browser's layout work scale with).
UNSTYLED_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
# Search finds prose: code and outputs stay out of the index (Material's search
# skips an element marked data-search-exclude). Each program would otherwise be in
# it twice, once per language, and make up half of the index.
CODE_BLOCK = re.compile(r'<div class="((?:language-[\w-]+ )?highlight)"')
# A figure loads when the reader scrolls near it, not with the page: a phone
# fetches and draws only what it shows. (Measured on the answer page: the page
# without its two figures blocks the main thread about as long as with them.)
IMAGE = re.compile(r"<img (?![^>]*\bloading=)")


@event_priority(-50)  # after tools/notebook_hooks.py made notebook cells code blocks
def on_page_content(html_text, page, config, files):
    """Highlighted code without its unstyled spans, and out of the search index;
    figures loaded when they come into view; each code block's title, the
    snippet's path, links to that file."""
    html_text = UNSTYLED_TOKEN.sub(r"\1", html_text)
    html_text = CODE_BLOCK.sub(r'<div class="\1" data-search-exclude', html_text)
    html_text = IMAGE.sub('<img loading="lazy" decoding="async" ', html_text)
    if source_url(config, "") is None:
        return html_text

    def link(match: re.Match) -> str:
        url = html.escape(source_url(config, match[1]))
        return f'<span class="filename"><a href="{url}">{match[1]}</a></span>'

    return SNIPPET_TITLE.sub(link, html_text)


# --- The Chinese edition (mkdocs-static-i18n) ---------------------------------


def _i18n(config):
    """(current language, default language), or None without the i18n plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return None
    return plugin.current_language, plugin.default_language


def on_pre_build(config):
    """404.html is the default language's: the other languages' builds write into
    the same site folder and would overwrite it (with <html lang="zh">)."""
    languages = _i18n(config)
    if languages is None:
        return
    current, default = languages
    if current == default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


@event_priority(-60)  # after mkdocs-static-i18n's on_page_context (50)
def on_page_context(context, page, config, nav):
    """The language switcher's links, relative to the site like every other link.

    mkdocs-static-i18n leaves the home pages' switcher on absolute links ("/",
    "/zh/"), which break when the site is served from a sub-folder or from
    file:// (the offline edition); Material's `url` filter makes a link relative
    to the page once it is relative to the site's root.
    """
    # The plugin sets config.extra.alternate as an attribute, as the theme reads it.
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "."
    return context


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    """No <link rel="alternate" hreflang> in the head of the pages.

    Material fetches <alternate>/sitemap.xml for each of them, to map a page to its
    counterpart; mkdocs-static-i18n points them at the counterpart pages
    themselves (zh/answer/), so every page load asked for zh/answer/sitemap.xml
    and the like: 404s. The language switcher's menu links each page to its
    counterpart in plain HTML (from file:// too), and the sitemap lists the
    alternates for search engines.
    """
    if _i18n(config) is None:
        return output
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body
