"""MkDocs hook: the Chinese edition's links and 404 page right
(mkdocs-static-i18n builds it as a build of its own, after the English one)."""

from mkdocs.plugins import event_priority

from densedocs.site.couplings import i18n, material, mkdocs_theme


def on_pre_build(config):
    """404.html is the default language's: the other languages' builds write into
    the same site folder and would overwrite it (with <html lang="zh">)."""
    found = i18n.languages(config)
    if found is not None:
        mkdocs_theme.render_404(config, found.is_default)


@event_priority(-60)  # after mkdocs-static-i18n's on_page_context (50)
def on_page_context(context, page, config, nav):
    """The language switcher's links relative to the site, from any folder or
    file:// (densedocs/site/couplings/i18n.py)."""
    if i18n.languages(config) is not None:
        i18n.relative_alternates(config)
    return context


def on_post_page(output, page, config):
    """No <link rel="alternate" hreflang> in the head of the pages.

    Material fetches <alternate>/sitemap.xml for each of them, to map a page to its
    counterpart; mkdocs-static-i18n points them at the counterpart pages
    themselves (zh/answer/), so every page load asked for zh/answer/sitemap.xml
    and the like: 404s. The language switcher's menu links each page to its
    counterpart in plain HTML (from file:// too), and the sitemap lists the
    alternates for search engines.
    """
    if i18n.languages(config) is None:
        return output
    return material.without_head_alternates(output)
