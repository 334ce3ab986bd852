"""MkDocs hook: code blocks lean, out of the search index, and linked to their
snippet; figures loaded as they come into view.

Each rewrite depends on the HTML that pymdownx.highlight (Pygments) writes. Where
that HTML has changed so that a rewrite finds nothing to do on a page that has
code, the build stops (`unchanged`) instead of publishing heavier pages or an index
full of code without a word.
"""

import html
import posixpath
import re

from mkdocs.plugins import event_priority

from densedocs.site.couplings.highlight import (
    CODE_BLOCK,
    HIGHLIGHTED,
    UNSTYLED_TOKEN,
    unchanged,
)

# Pygments wraps every name, operator, punctuation mark and run of spaces of
# highlighted code in a span of its own (densedocs/site/couplings/highlight.py);
# Material gives names the code's own colour,
# spaces none, and operators and punctuation a lighter grey. Unwrapped, names and
# spaces look the same, and operators and punctuation take the code's own colour
# (darker: easier to read on a phone); a page carries half as many elements (its DOM
# size is what Material's script and the browser's layout work scale with: the
# drawing page's listings alone were 819 such spans of 1,669 elements).
# Search finds prose: code and outputs stay out of the index (Material's search
# skips an element marked data-search-exclude). Each program would otherwise be in
# it twice, once per language, and make up half of the index.
# A figure loads when the reader scrolls near it, not with the page: a phone
# fetches and draws only what it shows. (Measured on the answer page: the page
# without its two figures blocks the main thread about as long as with them.)
IMAGE = re.compile(r"<img (?![^>]*\bloading=)")
SNIPPET_TITLE = re.compile(r'<span class="filename">(snippets/[\w/.-]+\.py)</span>')


def source_url(config, path: str) -> str | None:
    """A file of the checkout in the repository, on the branch that edit_uri names
    (blob/main/docs/ -> blob/main/<path>); None without a repo_url."""
    if not config.repo_url or not config.edit_uri:
        return None
    tree = posixpath.dirname(config.edit_uri.strip("/"))
    return f"{config.repo_url.rstrip('/')}/{tree}/{path}"


def lean(html_text: str, page) -> str:
    """Highlighted code without its unstyled spans."""
    html_text, done = UNSTYLED_TOKEN.subn(r"\1", html_text)
    expected = any(mark in html_text for mark in HIGHLIGHTED)
    unchanged(done, expected, "stripping unstyled spans", page)
    return html_text


def unindexed(html_text: str, page) -> str:
    """Every code block marked for Material's search to skip."""
    html_text, done = CODE_BLOCK.subn(r'<div class="\1" data-search-exclude', html_text)
    unchanged(done, "<pre>" in html_text, "data-search-exclude", page)
    return html_text


@event_priority(-50)  # after notebooks.py made notebook cells code blocks
def on_page_content(html_text, page, config, files):
    """Highlighted code lean and out of the search index; figures loaded when they
    come into view; each code block's title, the snippet's path, links to that
    file."""
    html_text = unindexed(lean(html_text, page), page)
    html_text = IMAGE.sub('<img loading="lazy" decoding="async" ', html_text)
    if source_url(config, "") is None:
        return html_text

    def link(match: re.Match) -> str:
        url = html.escape(source_url(config, match[1]))
        return f'<span class="filename"><a href="{url}">{match[1]}</a></span>'

    return SNIPPET_TITLE.sub(link, html_text)
