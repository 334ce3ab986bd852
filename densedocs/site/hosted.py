"""MkDocs hook: what a build has only with an address (mkdocs.yml's SITE_URL and
REPO_URL). A local build has no sitemap and no links to the repository."""

from densedocs.site.couplings import mkdocs_theme


def on_config(config):
    """edit_uri (the branch of the source links) only with a repository to join it
    to: MkDocs warns about every page of a local build otherwise."""
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_files(files, config):
    """A local build (no SITE_URL) has no sitemap: its addresses would read
    "None/answer/". Not rendered, and not copied from the theme either (the i18n
    plugin's template would otherwise be published as it is)."""
    if config.site_url:
        return files
    return mkdocs_theme.no_sitemap(config, files)
