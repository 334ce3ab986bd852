"""The build's hooks (densedocs/site/), each rewrite tested directly: what it does
to the built site, and that it stops the build, with a message saying why, when
the HTML or the plugin state it relies on is no longer what it knows.
"""

import html
import json
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from densedocs import layout
from densedocs.site import code_blocks, figures, page_data
from densedocs.site.couplings.highlight import UNSTYLED_TOKEN
from tests.conftest import ROOT

PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="zz_test_page.md"))
PYTHON = (
    '<div class="language-python highlight"><pre><span></span><code>'
    '<span class="n">model</span><span class="o">.</span>'
    '<span class="n">summary</span><span class="p">()</span>'
    '<span class="w"> </span></code></pre></div>'
)


def test_highlighted_code_loses_only_its_unstyled_spans():
    lean = code_blocks.lean(PYTHON, PAGE)
    assert "<code>model" in lean and "summary" in lean
    for token in ("n", "w", "o", "p"):
        assert f'<span class="{token}">' not in lean, token
    assert "<code>model.summary() </code>" in lean


def test_every_code_block_and_only_code_is_left_out_of_search():
    text = '<div class="language-text highlight"><pre><code>Total</code></pre></div>'
    marked = code_blocks.unindexed(PYTHON + "<p>prose</p>" + text, PAGE)
    assert marked.count("data-search-exclude") == 2
    assert "<p>prose</p>" in marked
    # A <pre> of a page's own (the calculator's has a class) is not a code block.
    own = '<pre class="calc-code">x</pre>'
    assert code_blocks.unindexed(own, PAGE) == own


@pytest.mark.parametrize(
    "changed",
    [
        # Pygments names its classes otherwise: nothing is stripped.
        re.sub(r'class="([nwop])"', r'class="\1x"', PYTHON),
        # pymdownx.highlight wraps code blocks otherwise: nothing is marked.
        PYTHON.replace('<div class="language-python highlight">', '<div class="code">'),
    ],
    ids=["token classes", "block markup"],
)
def test_code_blocks_of_unknown_markup_stop_the_build(changed):
    with pytest.raises(PluginError, match="zz_test_page.md: .* found nothing"):
        code_blocks.unindexed(code_blocks.lean(changed, PAGE), PAGE)


def test_the_built_search_index_holds_prose_and_no_program(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "parameters" in text and "参数" in text
    # Of each program the pages show, its longest line, and of what it printed.
    snippets = sorted(layout.snippets_dir(ROOT).glob("*/*.py"))
    assert len(snippets) > 20
    for snippet in snippets:
        for source in (snippet, snippet.with_suffix(layout.STDOUT_SUFFIX)):
            lines = source.read_text("utf-8").splitlines() or [""]
            longest = html.escape(max(lines, key=len).strip())
            if len(longest) > 40:  # a short one may be prose too
                assert longest not in text, (source, longest)


def test_built_code_blocks_carry_no_unstyled_spans(built_site):
    pages = sorted(built_site.glob("**/index.html"))
    with_code = [p for p in pages if "highlight" in p.read_text("utf-8")]
    assert len(with_code) > 10
    for page in with_code:
        assert not UNSTYLED_TOKEN.search(page.read_text("utf-8")), page


def test_a_figure_the_manifest_lists_but_no_snippet_wrote_stops_the_build(tmp_path):
    snippets = layout.snippets_dir(tmp_path)
    (snippets / "zz_test_topic").mkdir(parents=True)
    (snippets / layout.MANIFEST).write_text(
        json.dumps({layout.WRITTEN_FILES: {"zz_test_topic/draw.py": ["gone.svg"]}})
    )
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match="zz_test_topic/gone.svg: .*make outputs"):
        figures.on_files([], config)


# --- A page's data (front matter data:), written into the page


def _data_checkout(tmp_path, text: str):
    snippets = layout.snippets_dir(tmp_path)
    (snippets / "zz_test_topic").mkdir(parents=True)
    (snippets / layout.MANIFEST).write_text(
        json.dumps({layout.WRITTEN_FILES: {"zz_test_topic/runs.py": ["runs.json"]}})
    )
    (snippets / "zz_test_topic" / "runs.json").write_text(text)
    return tmp_path


def test_a_pages_data_is_inline_json_that_cannot_end_its_script(tmp_path):
    root = _data_checkout(tmp_path, '{"note": "</script><b>", "losses": [0.5]}\n')
    ((element, text),) = page_data.inline(root, ["zz_test_topic/runs.json"], "p.md")
    assert element == "data-zz_test_topic-runs"
    assert "</" not in text
    assert json.loads(text) == {"note": "</script><b>", "losses": [0.5]}


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("zz_test_topic/typo.json", "{}", "no snippet wrote"),
        ("zz_test_topic/runs.json", "{not json", "is not JSON"),
    ],
)
def test_a_wrong_data_name_or_broken_data_stops_the_build(
    tmp_path, name, text, problem
):
    root = _data_checkout(tmp_path, text)
    with pytest.raises(PluginError, match=f"p.md: .*{problem}"):
        page_data.inline(root, [name], "p.md")


def test_the_built_watch_page_carries_keras_runs_as_captured(built_site):
    built = (built_site / "watch" / "index.html").read_text(encoding="utf-8")
    for name in ("keras_runs", "stages"):
        found = re.search(
            rf'<script type="application/json" id="data-watch-{name}">(.*?)</script>',
            built,
            re.S,
        )
        assert found, name
        captured = (ROOT / "snippets" / "watch" / f"{name}.json").read_text()
        assert json.loads(found[1]) == json.loads(captured)
