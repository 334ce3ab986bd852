"""`make offline`: the edition read from file://, search and calculator included."""

from urllib.parse import urlsplit

import yaml

from tests.browser.conftest import search
from tests.conftest import ROOT


def _names(items) -> list[str]:
    return [next(iter(i)) if isinstance(i, dict) else i for i in items]


def _config(name: str) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda *_: None)  # !relative and the like
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader)


def test_the_offline_config_keeps_every_plugin_and_hook_of_mkdocs_yml():
    """MkDocs replaces lists when it inherits: mkdocs-offline.yml repeats them."""
    main, offline = _config("mkdocs.yml"), _config("mkdocs-offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    assert _names(offline["plugins"]) == [*_names(main["plugins"]), "offline"]
    assert offline["hooks"] == [*main.get("hooks", []), "tools/offline_hooks.py"]
    plugins = {_names([p])[0]: p for p in main["plugins"]}
    for plugin in offline["plugins"]:
        name = _names([plugin])[0]
        if name in plugins:
            assert plugin == plugins[name], (
                f"mkdocs-offline.yml: {name} must say what mkdocs.yml says"
            )


def test_the_offline_edition_works_from_file_with_search(offline_site, new_page):
    page, recorder = new_page()
    page.goto((offline_site / "index.html").as_uri())
    answer_page = offline_site / "answer.html"
    results = search(page, "kernel")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    answer = [h for h in hrefs if urlsplit(h).path == answer_page.as_uri()[7:]]
    assert answer, hrefs
    page.locator(f'.md-search-result__item a[href="{answer[0]}"]').first.click()
    page.wait_for_url("**/answer.html**")
    assert page.locator("article img").count() >= 2
    assert page.locator("article img").evaluate_all(
        "imgs => imgs.every(i => i.complete && i.naturalWidth > 0)"
    )
    page.get_by_role("link", name="Open this network in the parameter").click()
    page.wait_for_selector("[data-calculator][data-ready]")
    assert page.url.endswith(
        "calculator.html?input=2&units=32,1&activation=softmax,sigmoid"
    )
    assert page.get_by_test_id("total-params").get_attribute("data-value") == "129"
    assert recorder.requests and all(
        u.startswith(("file://", "data:", "blob:")) for u in recorder.requests
    ), [u for u in recorder.requests if not u.startswith("file://")]
    assert not recorder.problems({""})
