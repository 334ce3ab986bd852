"""MkDocs's theme object: the templates it renders as files of their own.

`theme.static_templates` is an option of a theme's mkdocs_theme.yml, not of
mkdocs.yml; the build changes the set MkDocs made of it, per build.
"""

from densedocs.site.couplings import Coupling


def _templates(config, files=None):
    return config.theme.static_templates


def _problems(templates) -> list[str]:
    if not isinstance(templates, set):
        return [f"theme.static_templates is a {type(templates).__name__}, not a set"]
    return []


def _first_problems(templates) -> list[str]:
    """As the build starts, 404.html is among them too."""
    return _problems(templates) or (
        [] if "404.html" in templates else ["404.html is not among them"]
    )


def render_404(config, render: bool) -> None:
    """Render 404.html in this build, or not (another build wrote it)."""
    COUPLING.stop(_problems(config.theme.static_templates))
    if render:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def no_sitemap(config, files):
    """Neither render sitemap.xml nor copy a sitemap.xml template (the i18n
    plugin adds its own to the files)."""
    COUPLING.stop(_problems(config.theme.static_templates))
    config.theme.static_templates.discard("sitemap.xml")
    template = files.get_file_from_path("sitemap.xml")
    if template is not None:
        files.remove(template)
    return files


COUPLING = Coupling(
    "static-templates",
    "mkdocs",
    "1.6.1",
    "config.theme.static_templates is the set of templates rendered as files "
    "(404.html, sitemap.xml), read when the build renders them",
    "mkdocs_theme.py",
    "densedocs/site/i18n.py, hosted.py",
    probe=_templates,
    problems=_first_problems,
)
COUPLINGS = [COUPLING]
