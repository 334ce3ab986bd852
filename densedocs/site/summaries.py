"""MkDocs hook: a model summary's output block opens at its Param # column.

A summary that Keras prints 80 characters wide cannot fit a 390 px phone in
readable text, and the numbers the pages talk about (96, 33) are in its last
column. This hook marks each output block that holds a summary (a header line
with "Param #") with the class `summary`, and puts its text in one element, so
that docs/stylesheets/extra.css can open it, on a phone, scrolled to its right
end, with a cue that it scrolls (the block's text, and what a copy gives, stay
the captured output as it is).

Only a block that is the summary alone, from its `Model:` line (or Keras 1's
first rule) to its last `... params:` line (and Keras 2's closing rule), opens
at its right end: in a block that prints other lines too ("100·8 = 800 Keras:
True"), those lines would open with their beginning out of view, so such a
block opens as any other, at its left end.
"""

import re

from mkdocs.plugins import event_priority

from densedocs.site.couplings.highlight import SUMMARY_BLOCK

# The whole text of a block that is one summary and nothing else (tags taken out).
SUMMARY_ALONE = re.compile(
    r"\s*(?:Model: |_{10,}\n).*params: [^\n]*\s*(?:_+\s*)?", re.S
)
TAG = re.compile(r"<[^>]+>")


def _mark(match: re.Match) -> str:
    if not SUMMARY_ALONE.fullmatch(TAG.sub("", match["text"])):
        return match[0]
    return (
        f'<div class="highlight summary"{match["attrs"]}>{match["title"] or ""}'
        f'<pre><span></span><code><span class="summary__text">{match["text"]}'
        "</span></code></pre></div>"
    )


@event_priority(-60)  # after code_blocks.py has made its code blocks lean
def on_page_content(html_text, page, config, files):
    return SUMMARY_BLOCK.sub(_mark, html_text)
