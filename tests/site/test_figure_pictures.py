"""densedocs/site/figures.py gives a phone the figure drawn for it: a page's
<img> of plot.svg becomes a <picture> whose <source> is plot.phone.svg, at that
file's own size, only where a snippet wrote a phone's drawing."""

import json
from types import SimpleNamespace

from densedocs import layout
from densedocs.site import figures

WIDE = '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="640"></svg>'
PHONE = '<svg width="288pt" height="216pt" viewBox="0 0 288 216"></svg>'


def test_a_phones_drawing_is_named_before_the_language():
    assert figures.phone_address("figures/a/plot.svg") == "figures/a/plot.phone.svg"
    assert (
        figures.phone_address("figures/a/plot.zh.svg") == "figures/a/plot.phone.zh.svg"
    )


def test_a_figure_in_points_is_measured_in_css_pixels():
    assert figures.css_size(PHONE) == (384, 288)
    assert figures.css_size(WIDE) == (720, 640)


def _site(tmp_path, written: list[str]):
    snippets = layout.snippets_dir(tmp_path)
    (snippets / "zz_test_topic").mkdir(parents=True)
    for name in written:
        (snippets / "zz_test_topic" / name).write_text(
            PHONE if ".phone." in name else WIDE
        )
    (snippets / layout.MANIFEST).write_text(
        json.dumps({layout.WRITTEN_FILES: {"zz_test_topic/draw.py": written}})
    )
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    return config


def _page(src: str) -> str:
    return f'<html><head></head><body><p><img alt="a" src="{src}" width="720"></p>'


def test_an_img_gets_the_phones_drawing_where_one_was_written(tmp_path, monkeypatch):
    config = _site(tmp_path, ["plot.svg", "plot.phone.svg", "plot.zh.svg"])
    monkeypatch.setattr(figures.File, "generated", lambda *a, **k: None)
    figures.on_files([], config)
    html = figures.on_post_page(_page("../figures/zz_test_topic/plot.svg"), None, {})
    assert (
        '<picture class="figure"><source media="(max-width: 44.984375em)" '
        'srcset="../figures/zz_test_topic/plot.phone.svg" width="384" height="288">'
        '<img alt="a" src="../figures/zz_test_topic/plot.svg" width="720"></picture>'
    ) in html
    # No phone's drawing in Chinese: the <img> stays as it is.
    page = _page("../figures/zz_test_topic/plot.zh.svg")
    assert figures.on_post_page(page, None, {}) == page
