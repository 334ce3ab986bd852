"""mkdocs-static-i18n's insides that the build reads or changes: the language
being built, each file's language and alternates, the language switcher's links,
and the order of its events.

mkdocs-static-i18n builds the default language first, then each other language
as a build of its own in the same process, into the same site folder.
"""

from dataclasses import dataclass

from densedocs.site.couplings import Coupling

PACKAGE, WRITTEN_FOR = "mkdocs-static-i18n", "1.3.1"


@dataclass(frozen=True)
class Languages:
    """The languages of a build with mkdocs-static-i18n."""

    current: str
    default: str
    built: tuple[str, ...]
    building: bool  # False in the default language's build: the first

    @property
    def is_default(self) -> bool:
        return self.current == self.default

    @property
    def is_last(self) -> bool:
        others = [lang for lang in self.built if lang != self.default]
        return self.current == (others or [self.default])[-1]


STATE = ("current_language", "default_language", "build_languages", "building")


def _plugin(config, files=None):
    return config.plugins.get("i18n")


def _state_problems(plugin) -> list[str]:
    problems = [f"no attribute {name}" for name in STATE if not hasattr(plugin, name)]
    if problems:
        return problems
    if not isinstance(plugin.default_language, str):
        problems.append("its default_language is no language")
    options = getattr(getattr(plugin, "config", None), "languages", None)
    if not options or not all(
        hasattr(lang, "locale") and hasattr(lang, "name") for lang in options
    ):
        problems.append("no option languages with a locale and a name each")
    return problems


def languages(config) -> Languages | None:
    """This build's languages, or None without the i18n plugin."""
    plugin = _plugin(config)
    if plugin is None:
        return None
    STATE_COUPLING.stop(_state_problems(plugin))
    found = Languages(
        plugin.current_language,
        plugin.default_language,
        tuple(plugin.build_languages),
        plugin.building,
    )
    if not isinstance(found.current, str):
        STATE_COUPLING.stop(["its current_language is no language"])
    return found


def language_options(config) -> list:
    """mkdocs-static-i18n's options of each language ([] without the plugin)."""
    plugin = _plugin(config)
    if plugin is None:
        return []
    STATE_COUPLING.stop(_state_problems(plugin))
    return list(plugin.config.languages)


def language_names(config) -> dict[str, str]:
    """Each built language's name as the language switcher shows it ("zh": "中文")."""
    return {lang.locale: lang.name for lang in language_options(config)}


# --- Each file's language ------------------------------------------------------


def _file_problems(files) -> list[str]:
    return [
        f"{file.src_uri} has no localization and alternates (a dict)"
        for file in files
        if not hasattr(file, "localization")
        or not isinstance(getattr(file, "alternates", None), dict)
    ][:3]


def localization(file, config) -> str | None:
    """The language of a page's file (zh for answer.zh.md), None for the default
    language's; mkdocs-static-i18n sets it on every file it places."""
    if _plugin(config) is None:
        return None
    FILES_COUPLING.stop(_file_problems([file]))
    return file.localization


def alternates(file) -> dict:
    """The same page in each language, as the language switcher links them."""
    FILES_COUPLING.stop(_file_problems([file]))
    return file.alternates


# --- The language switcher ---------------------------------------------------


def _alternate_problems(links) -> list[str]:
    if not isinstance(links, list) or not all(
        isinstance(link, dict) and "link" in link for link in links
    ):
        return ["config.extra.alternate is not a list of links"]
    return []


def relative_alternates(config) -> None:
    """The language switcher's links, relative to the site like every other link.

    mkdocs-static-i18n leaves the home pages' switcher on absolute links ("/",
    "/zh/"), which break when the site is served from a sub-folder or from
    file:// (the offline edition); Material's `url` filter makes a link relative
    to the page once it is relative to the site's root.
    """
    # Its on_page_context sets them as an attribute, which the theme reads first.
    links = getattr(config.extra, "alternate", None)
    ALTERNATE_COUPLING.stop(_alternate_problems(links))
    for alternate in links:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "."


# --- The order of its events -------------------------------------------------

# The priority of each of its events that a hook of ours runs after (or before).
PRIORITIES = {"on_files": -100, "on_page_context": 50, "on_post_page": -100}


def _priorities(config, files=None):
    plugin = _plugin(config)
    if plugin is None:
        return None
    return {
        event: getattr(getattr(plugin, event, None), "mkdocs_priority", None)
        for event in PRIORITIES
    }


def _priority_problems(found: dict) -> list[str]:
    return [
        f"{event} runs at priority {found.get(event)}, not {priority}"
        for event, priority in PRIORITIES.items()
        if found.get(event) != priority
    ]


STATE_COUPLING = Coupling(
    "i18n-languages",
    PACKAGE,
    WRITTEN_FOR,
    "the plugin object holds current_language, default_language, build_languages "
    "and building, and its options each language's locale and name",
    "i18n.py",
    "densedocs/site/i18n.py, notebooks.py, search_zh.py, published.py",
    probe=_plugin,
    problems=_state_problems,
)
FILES_COUPLING = Coupling(
    "i18n-file-languages",
    PACKAGE,
    WRITTEN_FOR,
    "every file it places has a localization and a dict of alternates",
    "i18n.py",
    "densedocs/site/notebooks.py",
    probe=lambda config, files: files if _plugin(config) else None,
    problems=lambda files: _file_problems(
        [f for f in files if f.src_uri.endswith((".md", ".ipynb"))]
    ),
    stage="files",
)
ALTERNATE_COUPLING = Coupling(
    "i18n-switcher-links",
    PACKAGE,
    WRITTEN_FOR,
    "its on_config writes the language switcher's links into "
    'config.extra["alternate"], and its on_page_context each page\'s into the '
    "attribute config.extra.alternate, which the theme reads (site-absolute on "
    "the home pages)",
    "i18n.py",
    "densedocs/site/i18n.py",
    probe=lambda config, files: (
        (config.extra.get("alternate"),) if _plugin(config) else None
    ),
    problems=lambda found: _alternate_problems(found[0]),
)
PRIORITY_COUPLING = Coupling(
    "i18n-event-priorities",
    PACKAGE,
    WRITTEN_FOR,
    "its on_files runs at -100 (it reads each file's source path: hooks that "
    "give files content run after it), on_page_context at 50, on_post_page at -100",
    "i18n.py",
    "densedocs/site/scripts.py, notebooks.py, search_zh.py, i18n.py, "
    "speed/palette.py, csp.py",
    probe=_priorities,
    problems=_priority_problems,
)
# Checked where it is relied on (densedocs/site/notebooks.py), by .stop().
ORDER_COUPLING = Coupling(
    "i18n-build-order",
    PACKAGE,
    WRITTEN_FOR,
    "it builds the default language first, then each other language as a build "
    "of its own in the same process, so a translated page can take what the "
    "default language's build worked out",
    "i18n.py",
    "densedocs/site/notebooks.py (a translated notebook's heading anchors)",
)

COUPLINGS = [
    STATE_COUPLING,
    FILES_COUPLING,
    ALTERNATE_COUPLING,
    PRIORITY_COUPLING,
    ORDER_COUPLING,
]
