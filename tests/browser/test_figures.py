"""Every figure on every page, as a reader sees it on a 390 px phone and a 1280 px
desktop, in both languages: each label is large enough to read, a Chinese page's
figures speak Chinese, and a dark page mutes their white cards.

A label's rendered size is its font size in the SVG, times the scale of its own
transforms, times the figure's scale on the page (the <img>'s rendered width over
the viewBox's width). The SVG is the one the browser chose (a <picture>'s phone
drawing on a phone: densedocs/site/figures.py), read back and laid out at its
viewBox's size outside the page, so that inherited and computed font sizes count.
"""

import re

import pytest

from tests.browser.conftest import show_images

SCREENS = {"phone": (390, 844, 11), "desktop": (1280, 900, 12)}  # w, h, px

# Every label of every figure of the article: its text, rendered size (px), and
# whether it is set in a monospace font (a code name: Dense(32), kernel, x1).
LABELS = """async () => {
  const figures = [];
  for (const img of document.querySelectorAll("article img")) {
    const src = img.currentSrc || img.src;
    if (!/\\.svg$/.test(new URL(src).pathname)) continue;
    const svgText = await (await fetch(src)).text();
    const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const svg = document.importNode(parsed.documentElement, true);
    const box = svg.viewBox.baseVal;
    svg.setAttribute("width", box.width);
    svg.setAttribute("height", box.height);
    const holder = document.createElement("div");
    holder.style.cssText = "position: absolute; left: -100000px; top: 0";
    holder.append(svg);
    document.body.append(holder);
    const scale = img.getBoundingClientRect().width / box.width;
    const root = svg.getScreenCTM();
    const labels = [];
    for (const el of svg.querySelectorAll("text, tspan")) {
      const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
        .map(n => n.data).join("").trim();
      if (!own) continue;
      const m = el.getScreenCTM();
      const own_scale = Math.hypot(m.a, m.b) / Math.hypot(root.a, root.b);
      const style = getComputedStyle(el);
      labels.push({
        text: own,
        size: parseFloat(style.fontSize) * own_scale * scale,
        code: /monospace/.test(style.fontFamily),
      });
    }
    holder.remove();
    figures.push({src: new URL(src).pathname, labels});
  }
  return figures;
}"""


def figures(page) -> list[dict]:
    show_images(page)
    return page.evaluate(LABELS)


def too_small(found: list[dict], least: float) -> list[str]:
    return [
        f"{figure['src']}: {label['text']!r} at {label['size']:.1f} px"
        for figure in found
        for label in figure["labels"]
        if label["size"] < least - 0.05
    ]


LATIN = re.compile(r"[A-Za-z]")
# Figures Keras itself draws (keras.utils.plot_model, docs/drawing.md#plot-model):
# their words are Keras's, in English on every page, as the Chinese alt text says.
KERAS_DRAWN = ("/figures/diagrams/plot_model.svg",)


def english(found: list[dict]) -> list[str]:
    """Labels with a Latin letter that are not code names (those are monospace)."""
    return [
        f"{figure['src']}: {label['text']!r}"
        for figure in found
        for label in figure["labels"]
        if not label["code"] and LATIN.search(label["text"])
    ]


def open_page(new_page, site_url, path, screen, scheme="light"):
    width, height, _ = SCREENS[screen]
    page, recorder = new_page(scheme, viewport={"width": width, "height": height})
    page.goto(site_url + path)
    return page, recorder


def figure_problems(page, path: str, screen: str) -> list[str]:
    """What a reader of the page at `path` could not read on `screen` (the page
    open at that width): a label under the screen's least size, a figure in the
    other language than the page's. test_every_page.py asks it of every page of
    the nav, at 1280 px and at 390 px, in its one visit of each."""
    found = figures(page)
    least = SCREENS[screen][2]
    problems = [f"under {least} px on a {screen}: {t}" for t in too_small(found, least)]
    found = [f for f in found if not f["src"].endswith(KERAS_DRAWN)]
    chinese = path.startswith("zh/")
    if chinese:
        problems += [f"English on a Chinese page: {label}" for label in english(found)]
    problems += [
        f"a figure of the other language: {f['src']}"
        for f in found
        if (".zh." in f["src"]) != chinese
    ]
    return problems


def test_the_figures_are_found_where_the_pages_show_them(site_url, new_page):
    """The measurement sees the figures (so that figure_problems cannot pass on
    none), and a phone gets the phone's drawings."""
    expected = {
        "answer/": ["network", "kernel"],
        "zh/answer/": ["network", "kernel"],
        "": ["network"],
        "how-checked/": ["flow"],
        "training/": ["loss_curve"],
        "zh/notebooks/training/": ["loss_curve"],
        "why/": ["units_sweep"],
    }
    for screen in SCREENS:
        for path, names in expected.items():
            page, _ = open_page(new_page, site_url, path, screen)
            found = figures(page)
            stems = [f["src"].rsplit("/", 1)[1].split(".")[0] for f in found]
            assert stems == names, (path, stems)
            assert all(len(f["labels"]) >= 10 for f in found)
            phone = [".phone." in f["src"] for f in found]
            if screen == "desktop":
                assert not any(phone), (path, found)
            elif path != "how-checked/":  # drawn top to bottom for every screen
                assert all(phone), (path, [f["src"] for f in found])
            page.close()


# --- Bites: the checks above see what a reader would -----------------------------


def test_a_figure_at_its_old_width_is_too_small(site_url, new_page):
    # The desktop's drawing on a phone (no <source>), as before.
    page, _ = open_page(new_page, site_url, "answer/", "phone")
    page.evaluate(
        "document.querySelectorAll('article picture source').forEach(s => s.remove())"
    )
    found = figures(page)
    assert too_small(found, SCREENS["phone"][2])
    # The home page's diagram at its old 540 px on a desktop.
    page, _ = open_page(new_page, site_url, "", "desktop")
    page.evaluate("document.querySelector('article img').style.width = '540px'")
    assert too_small(figures(page), SCREENS["desktop"][2])


def test_an_english_figure_on_a_chinese_page_is_found(site_url, new_page):
    page, _ = open_page(new_page, site_url, "zh/answer/", "desktop")
    page.evaluate(
        """document.querySelectorAll('article img').forEach(i => {
            i.loading = 'eager';
            i.src = i.src.replace('.zh.svg', '.svg');
        })"""
    )
    found = figures(page)
    assert [f["src"].rsplit("/", 1)[1] for f in found] == ["network.svg", "kernel.svg"]
    assert english(found)


# --- Dark pages: the figures sit on a muted card, not a bright white one ---------


@pytest.mark.parametrize("path", ["answer/", "zh/training/"])
def test_a_dark_page_mutes_its_figures(path, site_url, new_page):
    page, _ = open_page(new_page, site_url, path, "desktop", scheme="dark")
    show_images(page)
    filters = page.locator("article img").evaluate_all(
        "imgs => imgs.map(i => getComputedStyle(i).filter)"
    )
    assert filters and all("brightness" in f for f in filters), filters
    page_light, _ = open_page(new_page, site_url, path, "desktop")
    show_images(page_light)
    light = page_light.locator("article img").evaluate_all(
        "imgs => imgs.map(i => getComputedStyle(i).filter)"
    )
    assert set(light) == {"none"}
