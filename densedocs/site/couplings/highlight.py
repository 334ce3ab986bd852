"""The HTML that pymdownx.highlight and Pygments write for a code block, which the
build rewrites: spans it unwraps, the element it marks, a summary it opens.

The build renders a small block with the site's own Markdown settings as it
starts, and each rewrite also stops the build on a page where it finds nothing.
"""

import re

import markdown

from densedocs.site.couplings import Coupling

# Pygments wraps every name, operator, punctuation mark and run of spaces of
# highlighted code in a span of its own.
UNSTYLED_TOKEN = re.compile(r'<span class="[nwop]">([^<]*)</span>')
# Highlighted code that has names has punctuation too: Pygments' class "p".
HIGHLIGHTED = ('<div class="language-python highlight">', '<span class="p">')
# Every code block, and only a code block, is a <div class="(language-x )highlight">.
CODE_BLOCK = re.compile(r'<div class="((?:language-[\w-]+ )?highlight)"')
# An output block (no language) whose text is a model summary: its title, its text.
SUMMARY_BLOCK = re.compile(
    r'<div class="highlight"(?P<attrs>[^>]*)>(?P<title><span class="filename">'
    r"[^<]*</span>)?<pre><span></span><code>(?P<text>(?:(?!</code>).)*?"
    r"Param #(?:(?!</code>).)*)</code></pre></div>",
    re.S,
)
SAMPLE = '```python title="x.py"\nx = f(1)\n```\n'
EXPECTED = (
    '<div class="highlight"><span class="filename">x.py</span><pre><span></span>'
    '<code><span class="n">x</span> <span class="o">=</span> <span class="n">f</span>'
    '<span class="p">(</span><span class="mi">1</span><span class="p">)</span>'
)


def _rendered(config, files=None) -> str:
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    ).convert(SAMPLE)


def _problems(rendered: str) -> list[str]:
    if EXPECTED in rendered:
        return []
    return [f"a titled Python block renders as {rendered[:300]!r}"]


def unchanged(done: int, expected: bool, what: str, page) -> None:
    """Stop the build where a rewrite found nothing on a page that needs it."""
    if expected and done == 0:
        COUPLING.stop([f"{page.file.src_uri}: {what} found nothing to rewrite"])


COUPLING = Coupling(
    "pygments-markup",
    "pygments",
    "2.21.0",
    'pymdownx.highlight (13.1.2) writes a block as <div class="highlight">'
    '<span class="filename">title</span><pre><span></span><code>, '
    "and Pygments each name, operator, punctuation mark and space as <span "
    'class="n|o|p|w">',
    "highlight.py",
    "densedocs/site/code_blocks.py, summaries.py",
    probe=_rendered,
    problems=_problems,
)
COUPLINGS = [COUPLING]
