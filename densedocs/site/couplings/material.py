"""Material for MkDocs's insides that the build reads or changes: its search worker
and the page configuration that names it, its search plugin's jieba, its palette
stylesheet, its base template (head, blocks, partials, <html>'s classes, the
polyfills it loads), a feature flag its docs do not list, and its offline plugin.
"""

import re
from pathlib import Path

from densedocs.site.couplings import Coupling

PACKAGE, WRITTEN_FOR = "mkdocs-material", "9.8.2"


def templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def _theme_file(pattern: str) -> str | None:
    found = sorted(templates().glob(pattern))
    return found[0].read_text(encoding="utf-8") if len(found) == 1 else None


# --- The search worker ---------------------------------------------------------

PRELUDE = "javascripts/zh-search-worker.js"  # ours, run before Material's worker
WORKERS = "assets/javascripts/workers/"
WORKER = re.compile(re.escape(WORKERS) + r"search\.[0-9a-f]+\.min\.js")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
# What the prelude relies on in Material's worker: the message numbers it names
# (const [SETUP, QUERY, RESULT] = [0, 2, 3]), as Material's worker dispatches them,
# the worker's searching through lunr's Index.prototype.search, which the
# prelude wraps, and how it scores what that returns (the prelude ranks the
# sections that say the query as typed first by raising their lunr scores).
MESSAGE_NUMBERS = re.compile(
    r"const \[SETUP, QUERY, RESULT\] = \[(\d+), (\d+), (\d+)\];"
)


def worker_problems(prelude: str, material: str) -> list[str]:
    """What the prelude assumes of Material's search worker that does not hold."""
    numbers = MESSAGE_NUMBERS.search(prelude)
    if numbers is None:
        return ["the prelude names no message numbers (const [SETUP, QUERY, RESULT])"]
    setup, query, result = numbers.groups()
    expected = {
        f"setup is message {setup}": rf"case {setup}:[^;]*new \w+\(\w+\.data\)",
        f"a query is message {query}, answered by {result}": (
            rf"case {query}:let (\w+)=\w+\.data;try\{{return\{{type:{result},"
        ),
        "it searches with lunr's Index.prototype.search": r"this\.index\.search\(",
        # MATERIAL_BOOST: a result's score is lunr's times 1 + g², g at most 2
        "it scores a result lunr's score times 1 + g², g = +!parent + a fraction": (
            r"let (\w+)=\+!\w+\.parent\+Object\.values\(\w+\)\.filter\(\w+=>\w+\)"
            r"\.length/Object\.keys\(\w+\)\.length;\w+\.push\(\w+\(\w+\(\{\},\w+\),"
            r"\{score:\w+\*\(1\+\w+\(\1,2\)\)"
        ),
    }
    return [
        f"{what}: not so in Material's worker"
        for what, pattern in expected.items()
        if not re.search(pattern, material)
    ]


def _worker_and_prelude(config, files=None):
    docs = Path(config.docs_dir)
    return (docs / PRELUDE).read_text(encoding="utf-8"), _theme_file(
        "assets/javascripts/workers/search.*.min.js"
    )


def _worker_subject_problems(subject) -> list[str]:
    prelude, material = subject
    if material is None:
        return [f"not one search worker {WORKERS}search.*.min.js"]
    return worker_problems(prelude, material)


def material_worker(files):
    """Material's search worker among the build's files, and its script without
    its source map (the prelude's lines would put the map off)."""
    found = [f for f in files if WORKER.fullmatch(f.src_uri)]
    if len(found) != 1:
        WORKER_COUPLING.stop([f"search workers found: {[f.src_uri for f in found]}"])
    return found[0], SOURCE_MAP.sub("", found[0].content_string)


# The page's configuration, <script id="__config">, names the worker under "search".
CONFIG_SEARCH = '"search": "assets/javascripts/workers/search.'


def use_worker(html: str, name: str, material: str, ours: str) -> str:
    """Point the page's configuration (#__config, "search": ...) at our worker."""
    if 'id="__config"' not in html:
        return html
    material, ours = material.removeprefix(WORKERS), ours.removeprefix(WORKERS)
    pattern = re.compile(r'("search":\s*"[^"]*)' + re.escape(material) + '"')
    html, count = pattern.subn(lambda m: m[1] + ours + '"', html)
    if count != 1:
        CONFIG_COUPLING.stop([f"{name}: its configuration does not name {material}"])
    return html


def _base(config=None, files=None) -> str:
    return (templates() / "base.html").read_text(encoding="utf-8")


def _config_problems(base: str) -> list[str]:
    if '<script id="__config" type="application/json">' not in base:
        return ['base.html has no <script id="__config" type="application/json">']
    if re.search(
        r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"', base
    ):
        return []
    return ['its configuration names no search worker under "search"']


# --- jieba ---------------------------------------------------------------------


def _search_plugin(config=None, files=None):
    from material.plugins.search import plugin

    return plugin


def _jieba_problems(module) -> list[str]:
    if not hasattr(module, "jieba"):
        return ["material.plugins.search.plugin has no module global jieba"]
    return []


def without_jieba() -> None:
    """Material's search without jieba, whether or not it is installed: it
    segments Chinese with the module global jieba when that is not None."""
    module = _search_plugin()
    JIEBA_COUPLING.stop(_jieba_problems(module))
    module.jieba = None


# --- The palette stylesheet ------------------------------------------------------

PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
SWITCHING = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def _palette_problems(css: str | None) -> list[str]:
    if css is None:
        return ["not one stylesheet assets/stylesheets/palette.*.min.css"]
    if css.count(SWITCHING) != 1:
        return [f"its palette stylesheet does not hold {SWITCHING} once"]
    return []


def without_switching_rule(files) -> None:
    """The palette stylesheet without its scheme-switching rule."""
    for file in files:
        if PALETTE.fullmatch(file.src_uri):
            css = file.content_string
            PALETTE_COUPLING.stop(_palette_problems(css))
            file.content_string = css.replace(SWITCHING, "")


# --- The base template -------------------------------------------------------------

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(html: str) -> str:
    head, sep, body = html.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


def _head_problems(base: str) -> list[str]:
    if '<link rel="alternate" href="{{ alt.link | url }}" hreflang=' in base:
        return []
    return ['base.html writes no <link rel="alternate" href hreflang> per alternate']


# What overrides/ relies on: the blocks main.html fills, the partials it replaces
# (each included by a template of Material's), <html>'s classes it sets early.
TEMPLATE_PARTS = {
    "base.html": ['class="no-js"', "{% block extrahead %}", "{% block content %}"],
    "partials/content.html": ['{% include "partials/actions.html" %}'],
    "partials/header.html": ['{% include "partials/source.html" %}'],
}


def _template_texts(config=None, files=None) -> dict:
    texts = {}
    for name in (*TEMPLATE_PARTS, "partials/actions.html", "partials/source.html"):
        path = templates() / name
        texts[name] = path.read_text(encoding="utf-8") if path.is_file() else None
    texts["bundle"] = _theme_file("assets/javascripts/bundle.*.min.js")
    return texts


def _template_problems(texts: dict) -> list[str]:
    problems = [f"no {name}" for name, text in texts.items() if text is None]
    for name, parts in TEMPLATE_PARTS.items():
        problems += [
            f"{name} has no {part}"
            for part in parts
            if part not in (texts.get(name) or "")
        ]
    bundle = texts.get("bundle") or ""
    problems += [
        f"its bundle does not name {flag}"
        for flag in (
            'classList.remove("no-js");document.documentElement.classList.add("js")',
            '"js-focus-visible"',
            '("content.lazy")',
        )
        if flag not in bundle
    ]
    return problems


# --- The offline plugin -----------------------------------------------------------


def offline(config) -> bool:
    """Whether Material's offline plugin is on (`make offline`)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _offline_sources(config=None, files=None):
    from material.plugins.offline import plugin

    return Path(plugin.__file__).read_text(encoding="utf-8"), _base()


def _offline_problems(sources) -> list[str]:
    plugin, base = sources
    problems = []
    if 'config.extra["polyfills"]' not in plugin or '"iframe-worker" in' not in plugin:
        problems.append(
            "its offline plugin does not keep a polyfill named iframe-worker in "
            "extra.polyfills"
        )
    if "{% for script in config.extra.polyfills %}" not in base:
        problems.append("base.html does not load config.extra.polyfills")
    return problems


def use_polyfill(config, published: str) -> None:
    """The offline plugin's search shim from the site, not from unpkg.com."""
    OFFLINE_COUPLING.stop(_offline_problems(_offline_sources()))
    config.extra["polyfills"] = [published]


WORKER_COUPLING = Coupling(
    "material-search-worker",
    PACKAGE,
    WRITTEN_FOR,
    "its search worker (assets/javascripts/workers/search.*.min.js) takes messages "
    "0 (setup) and 2 (query, answered by 3), searches with lunr's "
    "Index.prototype.search and scores lunr's score times 1 + g², all of which "
    "docs/javascripts/zh-search-worker.js wraps",
    "material.py",
    "densedocs/site/search_zh.py, docs/javascripts/zh-search-worker.js",
    probe=_worker_and_prelude,
    problems=_worker_subject_problems,
)
CONFIG_COUPLING = Coupling(
    "material-search-config",
    PACKAGE,
    WRITTEN_FOR,
    'each page\'s <script id="__config"> names the search worker under "search"',
    "material.py",
    "densedocs/site/search_zh.py (each language its worker), csp.py",
    probe=_base,
    problems=_config_problems,
)
JIEBA_COUPLING = Coupling(
    "material-jieba",
    PACKAGE,
    WRITTEN_FOR,
    "its search plugin segments Chinese with the module global jieba unless it is None",
    "material.py",
    "densedocs/site/search_zh.py",
    probe=_search_plugin,
    problems=_jieba_problems,
)
PALETTE_COUPLING = Coupling(
    "material-palette-rule",
    PACKAGE,
    WRITTEN_FOR,
    "its palette stylesheet holds the scheme-switching rule "
    "[data-md-color-switching] * {transition-duration: 0s} once",
    "material.py",
    "densedocs/site/speed/palette.py",
    probe=lambda config, files: _theme_file("assets/stylesheets/palette.*.min.css"),
    problems=_palette_problems,
)
HEAD_COUPLING = Coupling(
    "material-head-alternates",
    PACKAGE,
    WRITTEN_FOR,
    'base.html writes a <link rel="alternate" hreflang> per language switcher link',
    "material.py",
    "densedocs/site/i18n.py",
    probe=_base,
    problems=_head_problems,
)
TEMPLATE_COUPLING = Coupling(
    "material-templates",
    PACKAGE,
    WRITTEN_FOR,
    'base.html has <html class="no-js"> and the blocks extrahead and content; '
    "partials/actions.html and source.html are included by content.html and "
    'header.html; its bundle swaps "no-js" for "js", adds "js-focus-visible" '
    'and reads the feature flag "content.lazy" (mkdocs.yml)',
    "material.py",
    "overrides/main.html, overrides/partials/, mkdocs.yml",
    probe=_template_texts,
    problems=_template_problems,
)
OFFLINE_COUPLING = Coupling(
    "material-offline-polyfills",
    PACKAGE,
    WRITTEN_FOR,
    "its offline plugin (material/offline) adds the iframe-worker shim to "
    "extra.polyfills unless one named iframe-worker is there, and base.html "
    "loads extra.polyfills",
    "material.py",
    "densedocs/site/offline.py",
    probe=_offline_sources,
    problems=_offline_problems,
)
COUPLINGS = [
    WORKER_COUPLING,
    CONFIG_COUPLING,
    JIEBA_COUPLING,
    PALETTE_COUPLING,
    HEAD_COUPLING,
    TEMPLATE_COUPLING,
    OFFLINE_COUPLING,
]
