"""MkDocs hook: a model summary's output block opens at its Param # column.

A summary that Keras prints 80 characters wide cannot fit a 390 px phone in
readable text, and the numbers the pages talk about (96, 33) are in its last
column. This hook marks each output block that holds a summary (a header line
with "Param #") with the class `summary`, and puts its text in one element, so
that docs/stylesheets/extra.css can open it, on a phone, scrolled to its right
end, with a cue that it scrolls (the block's text, and what a copy gives, stay
the captured output as it is).
"""

import re

from mkdocs.plugins import event_priority

from densedocs.site.couplings.highlight import SUMMARY_BLOCK


def _mark(match: re.Match) -> str:
    return (
        f'<div class="highlight summary"{match["attrs"]}>{match["title"] or ""}'
        f'<pre><span></span><code><span class="summary__text">{match["text"]}'
        "</span></code></pre></div>"
    )


@event_priority(-60)  # after code_blocks.py has made its code blocks lean
def on_page_content(html_text, page, config, files):
    return SUMMARY_BLOCK.sub(_mark, html_text)
