"""What the build reads and sets of other plugins' state for which they offer no
option and no hook: mkdocs-static-i18n's languages and its files' languages, and
mkdocs-jupyter's list of the cached renderings a build used.

Each is read in one function here that checks what it assumes and stops the build
with a message naming the plugin, so that an upgrade that moves the state fails
the build instead of building a wrong edition silently.
"""

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


def _moved(plugin: str, what: str) -> PluginError:
    return PluginError(
        f"{plugin} no longer has {what}, which densedocs/site/plugins.py reads: "
        "look at its release notes, and at what the build's hooks need of it"
    )


@dataclass(frozen=True)
class Languages:
    """The languages of a build with mkdocs-static-i18n, which builds the default
    language first, then each other language as a build of its own."""

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


def languages(config) -> Languages | None:
    """This build's languages, or None without the i18n plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return None
    try:
        found = Languages(
            plugin.current_language,
            plugin.default_language,
            tuple(plugin.build_languages),
            plugin.building,
        )
    except AttributeError as error:
        raise _moved("mkdocs-static-i18n", f"the attribute {error.name}") from error
    if not (isinstance(found.current, str) and isinstance(found.default, str)):
        raise _moved("mkdocs-static-i18n", "its current and default language")
    return found


def language_names(config) -> dict[str, str]:
    """Each built language's name as the language switcher shows it ("zh": "中文"),
    from mkdocs-static-i18n's options; {} without the plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {}
    try:
        return {lang.locale: lang.name for lang in plugin.config.languages}
    except AttributeError as error:
        raise _moved("mkdocs-static-i18n", f"the option {error.name}") from error


def localization(file, config) -> str | None:
    """The language of a page's file (zh for answer.zh.md), None for the default
    language's; mkdocs-static-i18n sets it on every file it places."""
    if config.plugins.get("i18n") is None:
        return None
    if not hasattr(file, "localization") or not hasattr(file, "alternates"):
        raise _moved("mkdocs-static-i18n", "a file's localization and alternates")
    return file.localization


def _cache_paths(jupyter) -> set[Path]:
    used = getattr(jupyter, "_used_cache_paths", None)
    if not isinstance(used, set):
        raise _moved("mkdocs-jupyter", "_used_cache_paths, the set it evicts by")
    return used


def used_cache(config) -> set[Path]:
    """The cached renderings mkdocs-jupyter used in this language's build."""
    return set(_cache_paths(config.plugins["mkdocs-jupyter"]))


def keep_cache(config, paths: set[Path]) -> None:
    """Make mkdocs-jupyter's on_post_build evict every cached rendering but these."""
    jupyter = config.plugins["mkdocs-jupyter"]
    _cache_paths(jupyter)
    jupyter._used_cache_paths = set(paths)
