"""Other packages' insides (densedocs/site/couplings/): each coupling holds for the
installed packages, each one's check stops the build when its assumption breaks
(a bite per coupling), a whole build stops with the package's name and version,
and the README lists exactly the couplings the code holds.
"""

import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from densedocs.site import couplings, notebooks
from densedocs.site.couplings import (
    i18n,
    iframe_worker,
    jupyter,
    material,
)
from tests.conftest import ROOT

REGISTRY = couplings.registry()
BY_NAME = {c.name: c for c in REGISTRY}


@pytest.fixture(scope="module")
def started():
    """The site's configuration and files as a build has them once every plugin's
    and hook's on_config and on_files has run (nothing is rendered)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    files = config.plugins.on_files(files, config=config)
    return config, files


def _subject(coupling, started):
    config, files = started
    if coupling.name == iframe_worker.COUPLING.name:  # probed in the offline edition
        return (ROOT / iframe_worker.SHIM).read_text(encoding="utf-8")
    return coupling.probe(config, files if coupling.stage == "files" else None)


def _without(obj, name):
    """A copy of an object without one attribute."""
    found = SimpleNamespace(**vars(obj))
    delattr(found, name)
    found.config = getattr(obj, "config", None)
    return found


class _Moved(jupyter.File):
    def __init__(self, page, options):  # not (file, **config)
        pass


# How each probed coupling's assumption breaks: what an upgrade might do.
BITES = {
    "i18n-languages": lambda plugin: _without(plugin, "building"),
    "i18n-file-languages": lambda files: [SimpleNamespace(src_uri="zz_test_page.md")],
    "i18n-switcher-links": lambda found: ({"en": "/"},),
    "i18n-event-priorities": lambda found: {**found, "on_files": 0},
    "static-templates": lambda templates: templates - {"404.html"},
    "jupyter-notebook-page": lambda module: SimpleNamespace(
        NotebookFile=_Moved, Plugin=module.Plugin
    ),
    "jupyter-cache": lambda kept: {"first": True, "then": True},
    "material-search-worker": lambda found: (
        found[0],
        found[1].replace("this.index.search(", "this.index.query("),
    ),
    "material-search-config": lambda base: base.replace('"search": ', '"worker": '),
    "material-jieba": lambda module: SimpleNamespace(),
    "material-palette-rule": lambda css: css.replace(material.SWITCHING, ""),
    "material-head-alternates": lambda base: base.replace("hreflang=", "lang="),
    "material-templates": lambda texts: {
        **texts,
        "base.html": texts["base.html"].replace("{% block extrahead %}", ""),
    },
    "material-offline-polyfills": lambda found: (
        found[0].replace('"iframe-worker" in', '"shim" in'),
        found[1],
    ),
    "pygments-markup": lambda html: html.replace('class="p"', 'class="pu"'),
    "iframe-worker-shim": lambda shim: shim.replace("importScripts=${d}", "i=${d}"),
}


@pytest.mark.parametrize("name", sorted(c.name for c in REGISTRY if c.probe))
def test_every_coupling_holds_for_the_installed_packages(name, started):
    coupling = BY_NAME[name]
    assert coupling.problems(_subject(coupling, started)) == []


@pytest.mark.parametrize("name", sorted(BITES))
def test_a_broken_assumption_stops_the_build_naming_the_package(name, started):
    coupling = BY_NAME[name]
    subject = _subject(coupling, started)
    broken = BITES[name](subject)
    assert coupling.problems(broken)
    tampered = couplings.Coupling(
        **{**vars(coupling), "probe": lambda config, files: broken}
    )
    message = f"{coupling.package} .* assumes of version {coupling.written_for}"
    with pytest.raises(PluginError, match=message):
        tampered.check(SimpleNamespace(), [])


def test_every_coupling_has_a_bite():
    probed = {c.name for c in REGISTRY if c.probe}
    assert probed == set(BITES)
    # Those without a probe are bitten where they are relied on (below).
    assert {c.name for c in REGISTRY if not c.probe} == {
        "nbconvert-html",
        "i18n-build-order",
    }


def test_a_translation_built_before_its_notebook_stops_the_build(monkeypatch):
    """A translated notebook page takes the heading anchors of its default
    language's page, which mkdocs-static-i18n builds first."""
    monkeypatch.setattr(notebooks, "_heading_ids", {})
    original = "notebooks/zz_test_notebook.ipynb"
    message = "mkdocs-static-i18n .* assumes of version .* built before"
    with pytest.raises(PluginError, match=message):
        notebooks.heading_ids(original, "zh", ["_1"])
    assert notebooks.heading_ids(original, None, ["a-title"]) == ["a-title"]
    assert notebooks.heading_ids(original, "zh", ["_1"]) == ["a-title"]


def test_a_build_against_a_changed_material_stops_with_its_name_and_version(
    tmp_path,
):
    """The guard runs in a real build: Material's palette rule as an upgrade might
    write it, the build stops before anything is written, naming the package, the
    version installed and the one the coupling was written for."""
    script = (
        "import densedocs.site.couplings.material as m; m.SWITCHING = 'zz_test'; "
        "from mkdocs.__main__ import cli; cli()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "build", "--strict", "-q", "-d", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert re.search(
        r"mkdocs-material 9\.8\.2 no longer does what "
        r"densedocs/site/couplings/material\.py assumes of version 9\.8\.2 "
        r"\(material-palette-rule",
        result.stderr,
    ), result.stderr
    assert not (tmp_path / "index.html").exists()


# --- The languages, read from mkdocs-static-i18n ------------------------------


def _config(plugin=None):
    return SimpleNamespace(plugins={} if plugin is None else {"i18n": plugin})


def test_the_languages_are_read_from_mkdocs_static_i18n(started):
    config, _files = started
    found = i18n.languages(config)
    assert found == i18n.Languages("en", "en", ("en", "zh"), False)
    assert found.is_default and not found.is_last
    assert i18n.language_names(config) == {"en": "English", "zh": "中文"}
    assert i18n.languages(_config()) is None


def test_a_file_without_its_language_stops_the_build(started):
    config, files = started
    answer = files.get_file_from_path("answer.md")
    assert i18n.localization(answer, config) is None  # the default language's
    assert set(i18n.alternates(answer)) == {"en", "zh"}
    with pytest.raises(PluginError, match="mkdocs-static-i18n 1.3.1 .* zz_test_page"):
        i18n.localization(SimpleNamespace(src_uri="zz_test_page.md"), config)


def test_the_switcher_links_become_relative_to_the_site():
    extra = SimpleNamespace(alternate=[{"link": "/"}, {"link": "/zh/"}])
    i18n.relative_alternates(SimpleNamespace(extra=extra))
    assert [a["link"] for a in extra.alternate] == [".", "zh/"]
    with pytest.raises(PluginError, match="i18n-switcher-links"):
        i18n.relative_alternates(SimpleNamespace(extra=SimpleNamespace()))


# --- mkdocs-jupyter's cache and nbconvert's HTML --------------------------------


def test_each_language_caches_its_notebooks_in_a_folder_of_its_own():
    options = {"cache_dir": ".cache/zz_test"}
    config = SimpleNamespace(
        plugins={"mkdocs-jupyter": SimpleNamespace(config=options)}
    )
    for language, folder in [("en", "en"), ("zh", "zh"), ("en", "en")]:
        jupyter.cache_of_language(config, language, ("en", "zh"))
        assert options["cache_dir"] == f".cache/zz_test/{folder}"


def test_notebook_html_of_unknown_markup_stops_the_build():
    cell = (
        '<div class="highlight-ipynb hl-python"><pre><span class="n">x</span></pre>'
        "</div>"
    )
    assert "highlight-ipynb" not in jupyter.as_material(cell)
    # nbconvert names its code cells otherwise: they would stay unstyled.
    changed = cell.replace("highlight-ipynb hl-python", "jp-Highlight hl-python")
    with pytest.raises(PluginError, match="nbconvert .* no code cell became"):
        jupyter.as_material(changed)
    with pytest.raises(PluginError, match="<clipboard-copy"):
        jupyter.as_material(cell + "<clipboard-copy>x</clipboard-copy>")


def test_the_built_notebook_pages_keep_none_of_nbconvert_s_markup(built_site):
    pages = sorted(built_site.glob("**/notebooks/*/index.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text("utf-8")
        start = html.index('<article class="md-content__inner')
        main = html[start : html.index("</article>", start)]
        assert not re.search(jupyter.NBCONVERT_LEFT, main), page


# --- Material's search worker, as docs/javascripts/zh-search-worker.js knows it


@pytest.mark.parametrize(
    ("prelude", "worker", "problem"),
    [
        ("[0, 2, 3]", "[0, 1, 3]", "a query is message 1"),
        ("type:3,", "type:4,", "answered by 3"),
        ("this.index.search(", "this.index.query(", "Index.prototype.search"),
        ("*(1+K(g,2))", "*(1+K(g,3))", "times 1 + g²"),
    ],
)
def test_a_renumbered_or_rewritten_worker_is_found(prelude, worker, problem, started):
    ours, theirs = material._worker_and_prelude(started[0])
    if prelude in ours:
        ours = ours.replace(prelude, worker)
    else:
        assert prelude in theirs
        theirs = theirs.replace(prelude, worker)
    found = material.worker_problems(ours, theirs)
    assert any(problem in p for p in found), found


def test_each_page_names_its_language_s_worker():
    html = (
        '<script id="__config" type="application/json">{"search": '
        '"../assets/javascripts/workers/search.ab12.min.js"}</script>'
    )
    ours = "assets/javascripts/workers/search-zh.cd34.js"
    found = material.use_worker(
        html, "p.md", f"{material.WORKERS}search.ab12.min.js", ours
    )
    assert '"../assets/javascripts/workers/search-zh.cd34.js"' in found
    with pytest.raises(PluginError, match="material-search-config"):
        material.use_worker(html, "p.md", f"{material.WORKERS}search.0000.min.js", ours)


# --- The README's list -----------------------------------------------------------

README_ROW = re.compile(
    r"^\| `(?P<name>[\w-]+)` \| (?P<package>[\w-]+) (?P<version>[\d.]+) \|"
    r"[^|]*\| `densedocs/site/couplings/(?P<module>[\w.]+)` \|",
    re.M,
)


def test_the_readme_lists_every_coupling_with_its_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = {
        (m["name"], m["package"], m["version"], m["module"])
        for m in README_ROW.finditer(readme)
    }
    held = {(c.name, c.package, c.written_for, c.module) for c in REGISTRY}
    assert listed == held, (listed - held, held - listed)


LOCKED = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", re.M)


def pip_name(package: str) -> str:
    return re.sub(r"[-_.]+", "-", package).lower()


@pytest.mark.parametrize("coupling", REGISTRY, ids=lambda c: c.name)
def test_each_coupling_was_written_for_the_version_the_site_locks(coupling):
    """A lock that moves a package (make lock) turns the couplings written for
    the old version red, until someone has read the package's release notes and
    the coupling, and moved its written_for."""
    text = (ROOT / "requirements-docs.txt").read_text(encoding="utf-8")
    locked = {pip_name(name): version for name, version in LOCKED.findall(text)}
    # iframe-worker is no pip package: Material bundles it, and says its version.
    expected = (
        coupling.installed() if coupling.version else locked[pip_name(coupling.package)]
    )
    assert coupling.written_for == expected
