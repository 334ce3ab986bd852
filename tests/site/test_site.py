"""The site as a reader gets it: built strictly, offline, without TensorFlow; and
the hosted build, which knows its address and its repository."""

import re
from pathlib import Path

import pytest

from densedocs.checks.site import (
    build_site,
    files_with_machine_paths,
    third_party_assets,
)
from densedocs.layout import VERSIONS, read_manifest
from tests.conftest import ROOT, copy_checkout, once_per_run
from tests.helpers import visible_text


def test_site_builds_strictly_offline_and_without_tensorflow(built_site):
    # The fixture fails if `mkdocs build --strict` warns, reaches for the network
    # or imports TensorFlow, Keras, JAX or PyTorch (densedocs.checks.layers.HEAVY).
    for page in ("index.html", "answer/index.html", "check/index.html"):
        assert (built_site / page).is_file(), page


def test_site_loads_nothing_from_other_hosts(built_site):
    problems = third_party_assets(built_site)
    assert not problems, "\n".join(problems)


def test_pages_show_real_captures_with_their_versions(built_site):
    versions = read_manifest(ROOT)[VERSIONS]
    for page in ("answer/index.html", "check/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        text = visible_text(html)
        assert f"Keras {versions['keras']} on TensorFlow" in text, page
    answer = (built_site / "answer" / "index.html").read_text(encoding="utf-8")
    assert "Total params: 129 (516.00 B)" in answer


def test_no_built_page_shows_a_path_of_this_machine(built_site):
    problems = files_with_machine_paths(ROOT, built_site)
    assert not problems, "\n".join(problems)


NONE_ADDRESS = re.compile(r'(?:href|src)="None|<loc>None|href="[^"]*/None[/"]')


def test_a_local_build_has_no_none_address_and_no_sitemap(built_site):
    assert not (built_site / "sitemap.xml").exists()
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert not NONE_ADDRESS.search(html), page
        assert "md-content__button" not in html, f"{page}: a source link to nowhere"


SITE = "https://example.org/dense-explained/"
REPO = "https://github.com/example/dense-explained"


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory):
    """A copy of the checkout built as the Pages workflow builds it, once per run."""

    def build(root: Path) -> str:
        copy_checkout(root)
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SITE_URL", SITE)
            env.setenv("REPO_URL", REPO)
            return "\n".join(build_site(root, root / "site"))

    return once_per_run(tmp_path_factory, "hosted", build) / "site"


def test_the_hosted_sitemap_has_absolute_addresses(hosted_site):
    sitemap = (hosted_site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r'<loc>([^<]*)</loc>|href="([^"]*)"', sitemap)
    addresses = [a or b for a, b in addresses]
    assert f"{SITE}answer/" in addresses and f"{SITE}zh/answer/" in addresses
    assert all(a.startswith(SITE) for a in addresses), addresses
    assert not NONE_ADDRESS.search(sitemap)


@pytest.mark.parametrize("language", ["", "zh/"])
def test_notebook_pages_open_their_own_notebook_in_colab(hosted_site, language):
    suffix = ".zh" if language else ""
    for name in ("answer", "training"):
        html = (hosted_site / f"{language}notebooks/{name}/index.html").read_text(
            encoding="utf-8"
        )
        colab = (
            "https://colab.research.google.com/github/example/dense-explained/"
            f"blob/main/docs/notebooks/{name}{suffix}.ipynb"
        )
        assert f'href="{colab}"' in html, name


@pytest.mark.parametrize("language", ["", "zh/"])
def test_code_titles_and_pages_link_to_their_source(hosted_site, language):
    html = (hosted_site / f"{language}answer/index.html").read_text(encoding="utf-8")
    snippet = f"{REPO}/blob/main/snippets/answer/summary.py"
    assert (
        f'<span class="filename"><a href="{snippet}">snippets/answer/summary.py</a>'
    ) in html
    page = f"{REPO}/blob/main/docs/answer{'.zh' if language else ''}.md"
    assert re.search(rf'<a href="{re.escape(page)}" title="[^"]+" class="md-', html)
    # The header links to the repository, without asking GitHub's API for stars.
    assert f'href="{REPO}"' in html and 'data-md-component="source"' not in html


# A selector whose rightmost part, after a descendant combinator, is `*`, a bare
# pseudo-element or a bare :is()/:where() (Chromium files none of them under a
# class or tag): the browser tries it on every element of every page.
EVERY_ELEMENT = re.compile(
    r"[\]\w)]\s+(?:\*|::?(?:after|before)|:(?:is|where)\([^(){}]*\))\s*[,{]"
)


def test_no_stylesheet_has_a_rule_tried_on_every_element(built_site):
    sheets = sorted(built_site.glob("**/stylesheets/*.css"))
    assert any(s.name.startswith("palette.") for s in sheets), sheets
    for sheet in sheets:
        found = EVERY_ELEMENT.search(sheet.read_text(encoding="utf-8"))
        assert not found, f"{sheet.name}: {found.group()}"


def test_the_palette_hook_stops_the_build_when_material_changes_its_rule(tmp_path):
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File, Files

    from densedocs.site.couplings.material import SWITCHING
    from densedocs.site.speed import palette as palette_hooks

    def palette(css: str) -> File:
        sheet = tmp_path / "assets" / "stylesheets" / "palette.0a1b.min.css"
        sheet.parent.mkdir(parents=True, exist_ok=True)
        sheet.write_text(css, encoding="utf-8")
        return File(str(sheet.relative_to(tmp_path)), tmp_path, tmp_path / "s", True)

    slate = "[data-md-color-scheme=slate]{color-scheme:dark}"
    files = palette_hooks.on_files(Files([palette(slate + SWITCHING)]), {})
    assert [f.content_string for f in files] == [slate]
    with pytest.raises(PluginError, match="mkdocs-material .* scheme-switching rule"):
        palette_hooks.on_files(Files([palette(slate)]), {})
