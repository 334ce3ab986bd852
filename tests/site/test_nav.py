"""The navigation as a learner's path (mkdocs.yml's nav): a few sections, every
title in both languages, and every address a reader may have kept still answering."""

from html.parser import HTMLParser

from mkdocs.config import load_config

from tests.conftest import ROOT

# Every page's address before the nav became sections (issue 30): links a reader
# saved, or another site made, to any of them must keep answering, in both
# languages. A page that moves leaves a redirect page at its old address.
OLD_ADDRESSES = [
    "",
    "answer/",
    "check/",
    "calculator/",
    "questions/",
    "counting/",
    "beyond-dense/",
    "training/",
    "after-training/",
    "watch/",
    "one-step/",
    "why/",
    "other_ways/",
    "then_and_now/",
    "glossary/",
    "notebooks/answer/",
    "notebooks/training/",
    "how-checked/",
    "drawing/",
    "heat-map/",
    "watch-checked/",
]


def _config():
    return load_config(str(ROOT / "mkdocs.yml"))


def _titles(items) -> list[str]:
    """Every title of the nav: sections and pages."""
    found = []
    for item in items:
        ((title, value),) = item.items()
        found.append(title)
        if isinstance(value, list):
            found += _titles(value)
    return found


def _translations(config) -> dict[str, str]:
    (chinese,) = [
        lang for lang in config.plugins["i18n"].config.languages if lang.locale == "zh"
    ]
    return dict(chinese.nav_translations or {})


def test_the_nav_is_at_most_six_sections_the_answer_first_this_site_last():
    nav = _config()["nav"]
    assert len(nav) <= 6, [next(iter(item)) for item in nav]
    assert all(isinstance(next(iter(item.values())), list) for item in nav)
    sections = [next(iter(item)) for item in nav]
    assert sections[0] == "The answer" and sections[-1] == "About this site"
    first = next(iter(nav[0].values()))
    assert next(iter(first[0].values())) == "index.md"


def test_the_interactive_pages_are_marked_so():
    nav = _config()["nav"]
    pages = {
        path: title
        for item in nav
        for section in item.values()
        for page in section
        for title, path in page.items()
    }
    for path in ("calculator.md", "watch.md"):
        assert "(interactive)" in pages[path], pages[path]


def test_every_nav_title_has_its_chinese_title_and_no_translation_is_stale():
    config = _config()
    titles = _titles(config["nav"])
    translations = _translations(config)
    assert len(titles) == len(set(titles)), "a title used twice translates once"
    missing = [t for t in titles if not translations.get(t)]
    assert not missing, f"no Chinese title under nav_translations: {missing}"
    stale = sorted(set(translations) - set(titles))
    assert not stale, f"nav_translations names titles the nav no longer has: {stale}"


class _NavTitles(HTMLParser):
    """The text of the links and section labels of the page's primary nav."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth or ("data-md-level", "0") in attrs:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and data.strip():
            self.texts.append(data.strip())


def test_the_chinese_edition_shows_every_title_in_chinese(built_site):
    """The Chinese nav shows each translation, and no English title (the
    notebooks' entries are their own titles, in the notebook's language)."""
    config = _config()
    parser = _NavTitles()
    parser.feed((built_site / "zh" / "index.html").read_text(encoding="utf-8"))
    shown = set(parser.texts)
    translations = _translations(config)
    notebooks = {
        title
        for item in config["nav"]
        for section in item.values()
        for page in section
        for title, path in page.items()
        if path.endswith(".ipynb")
    }
    missing = [zh for en, zh in translations.items() if en not in notebooks]
    missing = [zh for zh in missing if zh not in shown]
    assert not missing, missing
    english = [en for en in _titles(config["nav"]) if en in shown]
    assert not english, english


def test_every_old_address_answers_in_both_languages(built_site):
    for address in OLD_ADDRESSES:
        for prefix in ("", "zh/"):
            page = built_site / prefix / address / "index.html"
            assert page.is_file(), f"/{prefix}{address} no longer answers"
